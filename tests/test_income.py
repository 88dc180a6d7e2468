import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fanpin.policy.income import IncomeFigures, income_period, net_income, per_capita_income
from fanpin.policy.messages import PolicyError


@pytest.mark.parametrize(
	"discovered, start, end",
	[
		(datetime.date(2021, 6, 15), datetime.date(2020, 6, 1), datetime.date(2021, 5, 31)),
		(datetime.date(2021, 1, 1), datetime.date(2020, 1, 1), datetime.date(2020, 12, 31)),
		(datetime.date(2021, 3, 31), datetime.date(2020, 3, 1), datetime.date(2021, 2, 28)),
		(datetime.date(2024, 3, 1), datetime.date(2023, 3, 1), datetime.date(2024, 2, 29)),
		(datetime.date(2021, 12, 31), datetime.date(2020, 12, 1), datetime.date(2021, 11, 30)),
	],
)
def test_income_period_is_the_twelve_months_before_discovery(discovered, start, end):
	period = income_period(discovered)
	assert (period.start, period.end) == (start, end)


def test_period_label():
	assert income_period(datetime.date(2021, 6, 3)).label() == "2020-06～2021-05"


@given(st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2100, 12, 31)))
def test_income_period_properties(discovered):
	period = income_period(discovered)
	month_of_discovery = discovered.replace(day=1)
	# ends the day before the month of discovery starts
	assert period.end + datetime.timedelta(days=1) == month_of_discovery
	# starts on the 1st of the same month one year earlier: exactly 12 calendar months
	assert period.start == month_of_discovery.replace(year=discovered.year - 1)
	months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
	assert months == 12
	# the discovery date itself is never inside the period
	assert not period.start <= discovered <= period.end


def test_net_and_per_capita_income():
	figures = IncomeFigures(
		wage_income=Decimal("12000"),
		business_income=Decimal("3000.50"),
		property_income=Decimal("0"),
		transfer_income=Decimal("2400"),
		business_expenditure=Decimal("1000"),
	)
	net = net_income(figures)
	assert net == Decimal("16400.50")
	assert per_capita_income(net, 3) == Decimal("5466.83")


def test_floats_do_not_leak_binary_rounding():
	assert net_income(IncomeFigures(wage_income=0.1, business_income=0.2)) == Decimal("0.30")


def test_per_capita_needs_a_household_size():
	with pytest.raises(PolicyError):
		per_capita_income(Decimal(100), 0)
