# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import flt, getdate

from fanpin.policy.income import IncomeFigures, income_period, net_income, per_capita_income
from fanpin.utils import desk_message


class HouseholdIncome(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		business_expenditure: DF.Currency
		business_income: DF.Currency
		disability_expense: DF.Currency
		education_expense: DF.Currency
		head_name: DF.Data | None
		household: DF.Link
		household_size: DF.Int
		insurance_claims: DF.Currency
		medical_expense: DF.Currency
		net_income: DF.Currency
		per_capita_income: DF.Currency
		period_end: DF.Date | None
		period_start: DF.Date | None
		property_income: DF.Currency
		reference_date: DF.Date
		remarks: DF.SmallText | None
		town: DF.Link
		transfer_income: DF.Currency
		village: DF.Link
		wage_income: DF.Currency

	# end: auto-generated types
	def validate(self):
		period = income_period(getdate(self.reference_date))
		self.period_start, self.period_end = period.start, period.end
		if not self.household_size:
			self.household_size = frappe.db.get_value("Household", self.household, "member_count")
		net = net_income(
			IncomeFigures(
				wage_income=self.wage_income,
				business_income=self.business_income,
				property_income=self.property_income,
				transfer_income=self.transfer_income,
				business_expenditure=self.business_expenditure,
			)
		)
		self.net_income = flt(net)
		with desk_message():
			self.per_capita_income = flt(per_capita_income(net, self.household_size))
		self.validate_one_record_per_period()

	def validate_one_record_per_period(self):
		existing = frappe.db.exists(
			"Household Income",
			{"household": self.household, "period_start": self.period_start, "name": ("!=", self.name)},
		)
		if existing:
			frappe.throw(
				_("Household {0} already has income record {1} for the period {2} to {3}").format(
					self.household, existing, self.period_start, self.period_end
				),
				title=_("Duplicate Income Period"),
			)


def latest_incomes(households: set[str]) -> dict[str, float]:
	"""Latest per-capita income of each household, in one query (callers pass households they may see)."""
	if not households:
		return {}
	latest: dict[str, float] = {}
	for row in frappe.get_all(
		"Household Income",
		filters={"household": ("in", list(households))},
		fields=["household", "per_capita_income"],
		order_by="period_start desc",
	):
		latest.setdefault(row.household, row.per_capita_income)
	return latest


def latest_per_capita_income(household: str) -> float | None:
	return latest_incomes({household}).get(household)
