# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model import no_value_fields
from frappe.model.document import Document
from frappe.utils import get_first_day, getdate, today

from fanpin.controllers.warnings import assignment_todos, match_members, open_cases, route, town_officers
from fanpin.imports.warning_rows import warning_key
from fanpin.policy import procedure
from fanpin.policy.messages import PolicyError
from fanpin.policy.warnings import PENDING, check_case_link, check_disposition, edit_errors
from fanpin.utils import desk_message, insert_dicts, throw_policy, valid_id_number


class DepartmentWarning(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		amount: DF.Currency
		area_text: DF.Data | None
		department: DF.Link
		details: DF.SmallText | None
		handled_on: DF.Date | None
		handler: DF.Link | None
		household: DF.Link | None
		id_number: DF.Data
		import_batch: DF.Link | None
		matched: DF.Check
		member_name: DF.Data | None
		monitoring_case: DF.Link | None
		person_name: DF.Data | None
		reason: DF.SmallText | None
		report_month: DF.Date
		row_key: DF.Data | None
		row_number: DF.Int
		status: DF.Literal["Pending", "Included in monitoring", "Already monitored", "No risk after review"]
		town: DF.Link | None
		village: DF.Link | None
		warning_type: DF.Link

	# end: auto-generated types
	def validate(self):
		if self.is_new():
			self.prepare_new_row()
		before = self.get_doc_before_save()
		self.check_edits(before)
		with desk_message():
			check_disposition(
				before.status if before else None, self.status, self.monitoring_case, self.reason
			)
			if not before or before.status != self.status:
				case = frappe.db.get_value("Monitoring Case", self.monitoring_case, ["household", "stage"])
				household, stage = case or (None, None)
				check_case_link(self.status, self.household, household, stage not in procedure.CLOSED_STAGES)
		if before and before.status != self.status:
			self.handler, self.handled_on = frappe.session.user, today()

	def check_edits(self, before) -> None:
		"""Compared with the stored warning: a disposed warning is read-only, and what the department
		sent (and where it was routed) is never edited."""
		if not before or self.flags.ignore_permissions:
			return
		changed = [
			df.fieldname
			for df in self.meta.fields
			if df.fieldtype not in no_value_fields
			and (self.get(df.fieldname) or None) != (before.get(df.fieldname) or None)
		]
		if not (errors := edit_errors(before.status, changed)):
			return
		if before.status != PENDING:
			throw_policy(PolicyError("This warning was already disposed of: {0}", before.status))
		frappe.throw(
			_("This warning cannot be changed: {0}").format(
				"、".join(_(self.meta.get_label(field)) for field in errors)
			),
			frappe.PermissionError,
		)

	def prepare_new_row(self):
		"""A warning entered in the desk gets the same key and routing as an imported row."""
		self.id_number = valid_id_number(self.id_number, _("ID Number"))
		self.report_month = get_first_day(self.report_month)
		self.row_key = warning_key(
			self.department, self.warning_type, getdate(self.report_month), self.id_number
		)
		if frappe.db.exists("Department Warning", {"row_key": self.row_key}):
			frappe.throw(_("This person is already reported for {0} in this month").format(self.warning_type))
		match = match_members([self.id_number]).get(self.id_number)
		case = open_cases({match.household}).get(match.household) if match else None
		# routed, and assigned to the town's officers, as an imported row is
		routed = route(match, case, town_officers())
		# Frappe clears ``_assign`` of a new document after validate: it is written once saved
		self.flags.assignees = routed.pop("_assign")
		self.update(routed)

	def after_insert(self):
		if not (assignees := self.flags.assignees):
			return
		self.db_set("_assign", assignees, update_modified=False)
		insert_dicts(
			"ToDo",
			assignment_todos(
				self.name,
				self.person_name or self.id_number,
				self.warning_type,
				assignees,
				frappe.session.user,
			),
		)
