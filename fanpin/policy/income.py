"""Income period and per-capita income (SPEC §2, policy §二.(二) last paragraph)."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from fanpin.policy.messages import PolicyError, _


@dataclass(frozen=True)
class IncomePeriod:
	start: datetime.date
	end: datetime.date

	def label(self) -> str:
		return f"{self.start:%Y-%m}～{self.end:%Y-%m}"


def income_period(discovered_on: datetime.date) -> IncomePeriod:
	"""The 12 months before the month of discovery: found in 2021-06 → 2020-06-01 … 2021-05-31."""
	start = datetime.date(discovered_on.year - 1, discovered_on.month, 1)
	end_year, end_month = (
		(discovered_on.year, discovered_on.month - 1)
		if discovered_on.month > 1
		else (discovered_on.year - 1, 12)
	)
	end = datetime.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
	return IncomePeriod(start=start, end=end)


@dataclass(frozen=True)
class IncomeFigures:
	wage_income: Decimal = Decimal(0)
	business_income: Decimal = Decimal(0)
	property_income: Decimal = Decimal(0)
	transfer_income: Decimal = Decimal(0)
	business_expenditure: Decimal = Decimal(0)


CENT = Decimal("0.01")


def _money(value: object) -> Decimal:
	return Decimal(str(value or 0))


def net_income(figures: IncomeFigures) -> Decimal:
	"""家庭纯收入 = 工资性 + 生产经营性 + 财产性 + 转移性收入 − 生产经营性支出."""
	total = (
		_money(figures.wage_income)
		+ _money(figures.business_income)
		+ _money(figures.property_income)
		+ _money(figures.transfer_income)
		- _money(figures.business_expenditure)
	)
	return total.quantize(CENT, rounding=ROUND_HALF_UP)


def per_capita_income(net: Decimal | float | int, household_size: int) -> Decimal:
	"""人均可支配收入 = 家庭纯收入 / 家庭人口数, to the fen."""
	if not household_size or household_size < 1:
		raise PolicyError(_("Household size must be at least 1 to compute per-capita income"))
	return (_money(net) / Decimal(household_size)).quantize(CENT, rounding=ROUND_HALF_UP)
