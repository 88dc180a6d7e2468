# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""One household's screening in a 全面排查 (SPEC §12).

Saved as screened, it records its outcome once: for a household with an open case, a follow-up
visit of that case (the way any visit updates a case and its household); for any other household
found at risk, a risk clue for its town (channel 基层干部排查 · 四季度集中排查)."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import flt, get_fullname, getdate, today

from fanpin.controllers.screening import OPEN_CASE_STATUSES, case_is_open
from fanpin.policy import screening
from fanpin.utils import desk_message

TICKABLE = tuple(field for field, _type in (*screening.RISK_SIGNS, *screening.CONDITIONS))


class ScreeningTask(Document):
	def validate(self):
		campaign = frappe.db.get_value(
			"Screening Campaign", self.campaign, ["status", "start_date", "year", "title"], as_dict=True
		)
		with desk_message(title=_("Screening Campaign Closed")):
			screening.check_editable(campaign.status)
		if self.is_new() and campaign.status != "Under way":
			frappe.throw(_("Households can be added only to an open screening campaign"))
		self.check_household()
		if self.visited_on and self.status == screening.PENDING:
			self.status = screening.SCREENED  # a visit date given is a screening done
		self.check_visit(campaign)
		self.assess(campaign)

	def check_household(self):
		if self.is_new() and frappe.db.exists(
			"Screening Task", {"campaign": self.campaign, "household": self.household}
		):
			frappe.throw(
				_("{0} is already in screening campaign {1}").format(
					self.head_name or self.household, self.campaign
				)
			)

	def check_visit(self, campaign):
		if self.status == screening.PENDING:
			return
		self.visited_on = self.visited_on or today()
		self.screened_by = self.screened_by or get_fullname(frappe.session.user)
		if getdate(self.visited_on) > getdate(today()):
			frappe.throw(_("{0}: the date is in the future").format(_("Visited On")))
		if campaign.start_date and getdate(self.visited_on) < getdate(campaign.start_date):
			frappe.throw(
				_("{0}: before the campaign started on {1}").format(_("Visited On"), campaign.start_date)
			)
		if self.status == screening.SCREENED:
			self.method = self.method or "Home visit"
		elif not (self.findings or "").strip():
			frappe.throw(_("{0}: say why the household could not be reached").format(_("Findings")))

	def assess(self, campaign):
		if self.status != screening.SCREENED:
			self.risk_found, self.risk_reasons = 0, ""
			return
		income = flt(self.income_per_capita) or None  # 0 is no estimate
		line = None
		if income:
			from fanpin.fanpin.doctype.monitoring_threshold.monitoring_threshold import get_line

			line = get_line(campaign.year).amount
		finding = screening.assess({f for f in TICKABLE if self.get(f)}, income, line)
		self.risk_found = int(finding.risk_found)
		self.risk_reasons = "、".join(self.reason_label(reason, line) for reason in finding.reasons)
		self.flags.finding = finding

	def reason_label(self, reason: str, line) -> str:
		if reason == "income_below_line":
			return _("Per-capita income {0} below the line {1}").format(
				frappe.format(self.income_per_capita, "Currency"), frappe.format(line, "Currency")
			)
		return _(self.meta.get_label(reason))

	def on_update(self):
		if self.status == screening.SCREENED:
			self.record_outcome()

	def record_outcome(self):
		case = self.open_case()
		if case and not self.follow_up_visit:
			self.db_set({"monitoring_case": case, "follow_up_visit": self.record_visit(case)})
		elif not case and self.risk_found and not self.risk_clue:
			self.db_set("risk_clue", self.record_clue())

	def open_case(self) -> str | None:
		status, case = frappe.db.get_value(
			"Household", self.household, ["monitoring_status", "monitoring_case"]
		)
		return case if status in OPEN_CASE_STATUSES and case_is_open(case) else None

	def findings_text(self) -> str:
		title = frappe.db.get_value("Screening Campaign", self.campaign, "title")
		parts = [_("{0}: screening").format(title)]
		if self.risk_reasons:
			parts.append(_("Risk found in: {0}").format(self.risk_reasons))
		if (self.findings or "").strip():
			parts.append(self.findings.strip())
		return "\n".join(parts)

	def record_visit(self, case: str) -> str:
		"""The screening as a follow-up visit of the open case: the household's facts as screened, and
		the case's risk types with any the screening added (none dropped)."""
		finding = self.flags.get("finding")
		kept = frappe.get_all(
			"Case Risk Type",
			filters={"parent": case, "parenttype": "Monitoring Case", "parentfield": "risk_types"},
			pluck="risk_type",
			order_by="idx",
		)
		added = [
			t
			for t in (finding.risk_types if finding else ())
			if t not in kept and frappe.db.exists("Risk Type", t)
		]
		visit = frappe.get_doc(
			{
				"doctype": "Follow-up Visit",
				"case": case,
				"visit_date": self.visited_on,
				"method": self.method,
				"visitor": self.screened_by,
				"findings": self.findings_text(),
				"housing_unsafe": self.housing_unsafe,
				"school_dropout": self.school_dropout,
				"water_unsafe": self.water_unsafe,
				"risk_types": [{"risk_type": t} for t in [*kept, *added]] if added else [],
			}
		)
		visit.insert()
		visit.submit()
		return visit.name

	def record_clue(self) -> str:
		"""A clue for the household's town. Its own scope check is this task's: the clue lands in the
		task's village, which the screener may write; a 帮扶责任人 has no right to clues of their own."""
		clue = frappe.get_doc(
			{
				"doctype": "Risk Clue",
				"channel": "Cadre screening",
				"channel_detail": "Annual Q4 screening",
				"reported_on": self.visited_on,
				"person_name": self.head_name,
				"id_number": self.head_id_number,
				"phone": frappe.db.get_value("Household", self.household, "phone"),
				"village": self.village,
				"description": self.findings_text(),
			}
		)
		clue.flags.ignore_permissions = True
		clue.insert()
		return clue.name


def on_doctype_update():
	# one screening per household and campaign, whichever way the tasks are written
	frappe.db.add_unique("Screening Task", ["campaign", "household"], constraint_name="campaign_household")
