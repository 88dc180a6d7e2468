# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class RiskAssessment(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		case: DF.Link
		category: DF.Literal[
			"",
			"Unstable lifted household",
			"Marginal household",
			"Sudden severe difficulty household",
			"Not eligible",
		]
		findings: DF.SmallText | None
		head_name: DF.Data | None
		household: DF.Link | None
		line_amount: DF.Currency
		per_capita_income: DF.Currency
		recommendation: DF.Literal["Continue monitoring", "Propose exit"]
		risk_elimination: DF.Link | None
		town: DF.Link
		village: DF.Link
		year: DF.Int

	# end: auto-generated types
	def validate(self):
		if frappe.db.exists(
			"Risk Assessment", {"case": self.case, "year": self.year, "name": ("!=", self.name)}
		):
			frappe.throw(_("Case {0} already has a risk assessment for {1}").format(self.case, self.year))


def on_doctype_update():
	# One assessment per case and year, also when two annual runs overlap (bulk inserts skip validate).
	frappe.db.add_unique("Risk Assessment", ["`case`", "`year`"], constraint_name="unique_case_year")
