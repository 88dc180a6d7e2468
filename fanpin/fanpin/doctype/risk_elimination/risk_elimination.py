# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import getdate

from fanpin.controllers.assistance import implemented_measure_count, refresh_case_checks
from fanpin.controllers.stage import state_for_stage
from fanpin.controllers.staged import StagedDocument
from fanpin.fanpin.doctype.household_income.household_income import latest_per_capita_income
from fanpin.fanpin.doctype.monitoring_threshold.monitoring_threshold import get_line
from fanpin.policy import exit as exit_rules
from fanpin.policy import procedure
from fanpin.utils import findings_text


class RiskElimination(StagedDocument):
	INITIAL_STAGE = exit_rules.PROPOSED
	STAGE_FIELDS = exit_rules.EXIT_STAGE_FIELDS
	PROCEDURE_DATES = ("notice_start", "notice_end", "eliminated_on")
	NOTICE_STAGE = exit_rules.EXIT_NOTICE
	DATED_STAGES = {exit_rules.DONE: "eliminated_on"}

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		appraisal_date: DF.Date | None
		appraisal_result: DF.SmallText | None
		case: DF.Link
		category: DF.Literal[
			"",
			"Unstable lifted household",
			"Marginal household",
			"Sudden severe difficulty household",
			"Not eligible",
		]
		eliminated_on: DF.Date | None
		exit_findings: DF.SmallText | None
		has_blocking_findings: DF.Check
		head_name: DF.Data | None
		household: DF.Link | None
		identified_on: DF.Date | None
		line_amount: DF.Currency
		method: DF.Literal["Eliminated through assistance", "Eliminated naturally"]
		notice_end: DF.Date | None
		notice_start: DF.Date | None
		per_capita_income: DF.Currency
		proposed_on: DF.Date
		rejection_reason: DF.SmallText | None
		review_notes: DF.SmallText | None
		rigid_spending_resolved: DF.Check
		stage: DF.Literal[
			"Exit proposed",
			"Exit appraisal",
			"Town review",
			"Exit public notice",
			"City marking",
			"Risk eliminated",
			"Elimination rejected",
		]
		town: DF.Link
		village: DF.Link
		workflow_state: DF.Link | None

	# end: auto-generated types
	def validate(self):
		old_stage, new_stage = self.sync_procedure()
		if old_stage is None:
			self.validate_case_is_monitored()
		self.blocking_findings = [f for f in self.run_exit_checks() if f.blocking]
		self.apply_stage_change(old_stage, new_stage)

	def on_update(self):
		refresh_case_checks(self.case)
		before = self.get_doc_before_save()
		if self.stage == exit_rules.DONE and (not before or before.stage != exit_rules.DONE):
			close_case(self)

	def validate_case_is_monitored(self):
		stage = frappe.db.get_value("Monitoring Case", self.case, "stage")
		if stage != procedure.MONITORING:
			frappe.throw(
				_("Only a case under monitoring can be taken out of monitoring; {0} is at stage {1}").format(
					self.case, _(stage)
				)
			)
		other = frappe.db.exists(
			"Risk Elimination",
			{
				"case": self.case,
				"stage": ("not in", exit_rules.CLOSED),
				"name": ("!=", self.name or ""),
			},
		)
		if other:
			frappe.throw(_("Case {0} already has an exit in progress: {1}").format(self.case, other))

	def run_exit_checks(self) -> list[exit_rules.ExitFinding]:
		household = frappe.db.get_value(
			"Household",
			self.household,
			list(exit_rules.HOUSEHOLD_FLAGS),
			as_dict=True,
		)
		self.per_capita_income = latest_per_capita_income(self.household)
		proposed_on = getdate(self.proposed_on)
		self.line_amount = get_line(proposed_on.year).amount
		findings = exit_rules.exit_findings(
			exit_rules.ExitFacts(
				category=self.category,
				identified_on=getdate(self.identified_on) if self.identified_on else None,
				proposed_on=proposed_on,
				method=self.method,
				per_capita_income=self.per_capita_income,
				line=self.line_amount,
				rigid_spending_resolved=bool(self.rigid_spending_resolved),
				implemented_measures=implemented_measure_count(self.case),
				**{key: bool(value) for key, value in household.items()},
			)
		)
		self.has_blocking_findings = int(any(f.blocking for f in findings))
		self.exit_findings = findings_text(findings)
		return findings

	def check_stage_change(self, old_stage, new_stage, on):
		if old_stage is None:  # a new proposal: the checks above decide whether it may be made
			return
		exit_rules.check_exit_stage_change(
			self.category,
			old_stage,
			new_stage,
			self.blocking_findings,
			getdate(self.notice_end) if self.notice_end else None,
			self.rejection_reason or "",
			on,
		)


def close_case(exit_doc) -> None:
	"""Mark the case 风险消除 (a code-driven state: no workflow action may do this directly)."""
	case = frappe.get_doc("Monitoring Case", exit_doc.case)
	values = {
		"stage": procedure.ELIMINATED,
		"eliminated_on": exit_doc.eliminated_on,
		"elimination_method": exit_doc.method,
	}
	state = state_for_stage("Monitoring Case", procedure.ELIMINATED)
	if state:
		values["workflow_state"] = state
	case.db_set(values, notify=True)
	case.add_comment(
		"Info",
		_("{0} by {1} on {2} ({3})").format(
			_(exit_rules.elimination_label(exit_doc.category)),
			exit_doc.name,
			exit_doc.eliminated_on,
			_(exit_doc.method),
		),
	)
	household_type = frappe.db.get_value("Household", exit_doc.household, "household_type")
	frappe.db.set_value(
		"Household",
		exit_doc.household,
		{
			"monitoring_status": procedure.household_status(procedure.ELIMINATED),
			"household_type": exit_rules.household_type_after_exit(exit_doc.category, household_type),
		},
	)
