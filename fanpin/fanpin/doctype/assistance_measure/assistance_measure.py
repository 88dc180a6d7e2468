# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from fanpin.controllers.assistance import refresh_case_checks


class AssistanceMeasure(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		amount: DF.Currency
		case: DF.Link
		end_date: DF.Date | None
		funding_source: DF.Data | None
		head_name: DF.Data | None
		household: DF.Link | None
		is_developmental: DF.Check
		measure_type: DF.Link
		outcome: DF.SmallText | None
		responsible_person: DF.Data | None
		responsible_unit: DF.Data | None
		risk_type: DF.Link | None
		start_date: DF.Date | None
		status: DF.Literal["Planned", "In progress", "Completed"]
		town: DF.Link
		village: DF.Link

	# end: auto-generated types
	def validate(self):
		if self.risk_type:
			case_risks = frappe.get_all(
				"Case Risk Type",
				filters={"parent": self.case, "parenttype": "Monitoring Case"},
				pluck="risk_type",
			)
			if self.risk_type not in case_risks:
				frappe.throw(
					_("Risk {0} is not among the risk types of case {1}: {2}").format(
						self.risk_type, self.case, "、".join(case_risks)
					)
				)
		if self.start_date and self.end_date and getdate(self.end_date) < getdate(self.start_date):
			frappe.throw(
				_("The end date {0} is before the start date {1}").format(self.end_date, self.start_date)
			)

	def on_update(self):
		refresh_case_checks(self.case)

	def after_delete(self):
		refresh_case_checks(self.case)
