# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import flt, getdate, today

from fanpin.controllers.assistance import set_case_checks
from fanpin.controllers.deadlines import verification_due_date
from fanpin.controllers.staged import StagedDocument
from fanpin.controllers.warnings import town_officers
from fanpin.fanpin.doctype.household_income.household_income import latest_per_capita_income
from fanpin.fanpin.doctype.monitoring_threshold.monitoring_threshold import get_line
from fanpin.policy import procedure
from fanpin.policy.classifier import CATEGORIES, CaseFacts, Exclusion, classify
from fanpin.policy.household import special_groups
from fanpin.policy.income import income_period
from fanpin.policy.messages import PolicyError
from fanpin.policy.workdays import calendar_known
from fanpin.utils import desk_message, in_row, policy_message, translate


class MonitoringCase(StagedDocument):
	INITIAL_STAGE = procedure.VERIFICATION
	STAGE_FIELDS = procedure.CASE_STAGE_FIELDS
	FACTS = procedure.CASE_FACTS
	PROCEDURE_DATES = ("notice_start", "notice_end", "identified_on", "eliminated_on", "elimination_method")
	NOTICE_STAGE = procedure.NOTICE
	DATED_STAGES = {procedure.MONITORING: "identified_on"}

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fanpin.fanpin.doctype.case_exclusion.case_exclusion import CaseExclusion
		from fanpin.fanpin.doctype.case_risk_type.case_risk_type import CaseRiskType

		appraisal_attendees: DF.SmallText | None
		appraisal_date: DF.Date | None
		appraisal_result: DF.SmallText | None
		assistance_issue_count: DF.Int
		assistance_issues: DF.SmallText | None
		authorization_letter: DF.Attach | None
		channel_detail: DF.Literal[
			"",
			"Walk-in",
			"Hotline",
			"Web form",
			"Routine screening",
			"Annual Q4 screening",
			"Media",
			"Petition",
			"12317 hotline",
		]
		classification: DF.Literal[
			"",
			"Unstable lifted household",
			"Marginal household",
			"Sudden severe difficulty household",
			"Not eligible",
		]
		classification_explanation: DF.SmallText | None
		comparison_notes: DF.SmallText | None
		comparison_result: DF.Literal["", "Passed", "Failed"]
		condition_a: DF.Check
		condition_b: DF.Check
		discovery_channel: DF.Literal[
			"Self application", "Cadre screening", "Department warning", "Petition information"
		]
		discovery_date: DF.Date
		eliminated_on: DF.Date | None
		elimination_method: DF.Literal["", "Eliminated through assistance", "Eliminated naturally"]
		exclusions: DF.TableMultiSelect[CaseExclusion]
		group_dibao: DF.Check
		group_disabled_elderly: DF.Check
		group_serious_illness: DF.Check
		group_severe_disability: DF.Check
		group_tekun: DF.Check
		head_name: DF.Data | None
		household: DF.Link
		household_income: DF.Link | None
		household_type: DF.Literal[
			"Lifted out of poverty (policy)",
			"Lifted out of poverty (no policy)",
			"Ordinary rural household",
			"Dibao household",
			"Tekun household",
		]
		identified_on: DF.Date | None
		income_period_end: DF.Date | None
		income_period_start: DF.Date | None
		last_visit: DF.Link | None
		last_visit_date: DF.Date | None
		latest_per_capita_income: DF.Currency
		line_amount: DF.Currency
		notice_end: DF.Date | None
		notice_objections: DF.SmallText | None
		notice_start: DF.Date | None
		per_capita_income: DF.Currency
		rejection_reason: DF.SmallText | None
		resettlement_purchase: DF.Check
		risk_types: DF.TableMultiSelect[CaseRiskType]
		severe_difficulty: DF.Check
		stage: DF.Literal[
			"Home verification",
			"Democratic appraisal",
			"Information comparison",
			"Village public notice",
			"Entry into monitoring",
			"Under monitoring",
			"Not included",
			"Risk eliminated",
		]
		threshold: DF.Link | None
		town: DF.Link
		verification_due: DF.Date | None
		verification_notes: DF.SmallText | None
		verification_overdue: DF.Check
		verified_on: DF.Date | None
		verifiers: DF.Data | None
		village: DF.Link
		visit_overdue: DF.Check
		workflow_state: DF.Link | None

	# end: auto-generated types
	def validate(self):
		old_stage, new_stage = self.sync_procedure()
		with desk_message():
			procedure.check_risk_types([row.risk_type for row in self.risk_types])
		self.validate_one_open_case()
		self.set_income_and_line()
		self.update(special_groups(self.household_members()))
		self.classify()
		self.set_deadlines()
		self.apply_stage_change(old_stage, new_stage)
		self.latest_per_capita_income = latest_per_capita_income(self.household)
		set_case_checks(self)

	def on_update(self):
		frappe.db.set_value(
			"Household",
			self.household,
			{"monitoring_case": self.name, "monitoring_status": procedure.household_status(self.stage)},
		)

	def after_insert(self):
		assign_to_town_officers(self)

	def household_members(self) -> list[dict]:
		return frappe.get_all(
			"Household Member",
			filters={"parent": self.household, "parenttype": "Household"},
			fields=["member_status", "enjoys_dibao", "tekun_support", "health", "disability_grade"],
		)

	def validate_one_open_case(self):
		open_case = frappe.db.exists(
			"Monitoring Case",
			{
				"household": self.household,
				"stage": ("not in", procedure.CLOSED_STAGES),
				"name": ("!=", self.name or ""),
			},
		)
		if open_case and self.stage not in procedure.CLOSED_STAGES:
			frappe.throw(
				_("Household {0} already has an open monitoring case {1}").format(self.household, open_case),
				title=_("Duplicate Monitoring Case"),
			)

	def set_income_and_line(self):
		discovered = getdate(self.discovery_date)
		period = income_period(discovered)
		self.income_period_start, self.income_period_end = period.start, period.end
		if not self.household_income or frappe.db.get_value(
			"Household Income", self.household_income, ["household", "period_start"]
		) != (self.household, period.start):
			self.household_income = frappe.db.get_value(
				"Household Income", {"household": self.household, "period_start": period.start}
			)
		if self.household_income:
			self.per_capita_income = frappe.db.get_value(
				"Household Income", self.household_income, "per_capita_income"
			)
		line = get_line(discovered.year)
		self.threshold = threshold_of(line)
		self.line_amount = line.amount

	def classify(self):
		has_income = bool(self.household_income) or self.per_capita_income not in (None, "")
		exclusions = [
			Exclusion(
				row.exclusion_reason,
				bool(frappe.db.get_value("Exclusion Reason", row.exclusion_reason, "relocation_exempt")),
			)
			for row in self.exclusions
		]
		facts = CaseFacts(
			household_type=self.household_type,
			per_capita_income=flt(self.per_capita_income) if has_income else None,
			line=flt(self.line_amount),
			line_year=getdate(self.discovery_date).year,
			period=income_period(getdate(self.discovery_date)),
			condition_a=bool(self.condition_a),
			condition_b=bool(self.condition_b),
			severe_difficulty=bool(self.severe_difficulty),
			exclusions=exclusions,
			resettlement_purchase=bool(self.resettlement_purchase),
		)
		try:
			result = classify(facts)
		except PolicyError as error:
			self.classification = None
			self.classification_explanation = policy_message(error)
			return
		self.classification = result.category
		self.classification_explanation = explanation(result)

	def set_deadlines(self):
		self.verification_due = verification_due_date(getdate(self.discovery_date))
		if not calendar_known(self.verification_due):
			frappe.msgprint(
				_("The holidays of {0} are not known yet: the due date counts weekends only").format(
					self.verification_due.year
				),
				indicator="orange",
				alert=True,
			)
		self.verification_overdue = int(
			procedure.verification_overdue(
				self.stage,
				self.verification_due,
				getdate(self.verified_on) if self.verified_on else None,
				getdate(today()),
			)
		)

	def check_stage_change(self, old_stage, new_stage, on):
		case = procedure.CaseState(
			household_type=self.household_type,
			verified_on=self.verified_on,
			appraisal_date=self.appraisal_date,
			appraisal_result=self.appraisal_result or "",
			has_authorization=bool(self.authorization_letter),
			comparison_passed=self.comparison_result == "Passed",
			rejection_reason=self.rejection_reason or "",
			notice_end=getdate(self.notice_end) if self.notice_end else None,
			classified=bool(self.classification),
			eligible=self.classification in CATEGORIES,
		)
		procedure.check_stage_change(old_stage, new_stage, case, on)


def threshold_of(line) -> str | None:
	"""The Monitoring Threshold record a line comes from (shared with the demo county)."""
	return frappe.db.get_value("Monitoring Threshold", {"year": line.year, "region": line.region})


def explanation(result) -> str:
	"""The classifier's reasons, in the user's language, as the form shows them under 为何."""
	lines = [translate(template, args) for template, args in result.lines]
	return "\n".join([in_row(_(result.category), _(result.rule)), *lines])


def assign_to_town_officers(case) -> None:
	"""The town's officers get the case on their to-do list (and its deadline reminders)."""
	from frappe.desk.form.assign_to import add as assign

	officers = town_officers().get(case.town, [])
	if officers:
		assign(
			{
				"assign_to": officers,
				"doctype": case.doctype,
				"name": case.name,
				"date": case.verification_due,
				"description": _("Home verification due by {0}").format(case.verification_due),
			},
			ignore_permissions=True,
		)
