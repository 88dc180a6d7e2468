# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

from dataclasses import fields

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import get_fullname, getdate

from fanpin.policy import procedure
from fanpin.policy.household import LIVE_MEMBER
from fanpin.policy.idcard import normalize_id_number
from fanpin.policy.income import IncomeFigures, income_period
from fanpin.utils import in_row

JOINED = "Joined the household"
# A member who died or moved out: the change is the member's new status.
LEFT_THE_HOUSEHOLD = ("Deceased", "Moved out")


class FollowupVisit(Document):
	def validate(self):
		if frappe.db.get_value("Monitoring Case", self.case, "stage") in procedure.CLOSED_STAGES:
			frappe.throw(
				_("Case {0} is closed; follow-up visits are for open and monitored cases").format(self.case)
			)
		self.visitor = self.visitor or get_fullname(frappe.session.user)
		self.validate_member_updates()

	def validate_member_updates(self):
		live = {
			m.id_number
			for m in frappe.get_all(
				"Household Member",
				filters={"parent": self.household, "parenttype": "Household", "member_status": LIVE_MEMBER},
				fields=["id_number"],
			)
		}
		for row in self.member_updates:
			row.member_id_number = normalize_id_number(row.member_id_number)
			label = _("Member change row {0}").format(row.idx)
			if row.change == JOINED:
				if not (row.member_name and row.relation and row.labour_skill):
					frappe.throw(
						in_row(
							label, _("a new member needs a name, a relation to the head and a labour skill")
						)
					)
			elif row.member_id_number not in live:
				frappe.throw(
					in_row(
						label, _("no member of this household has ID number {0}").format(row.member_id_number)
					)
				)
			elif row.change == "Health or labour changed" and not (row.health or row.labour_skill):
				frappe.throw(in_row(label, _("give the new health condition or labour skill")))

	def on_submit(self):
		self.update_household()
		if self.update_income:
			self.record_income()
		self.update_case()

	def update_household(self):
		"""Flags and members, through the household's own validation (ID numbers, head, uniqueness)."""
		household = frappe.get_doc("Household", self.household)
		household.update({f: self.get(f) for f in ("housing_unsafe", "school_dropout", "water_unsafe")})
		by_id = {m.id_number: m for m in household.members}
		for row in self.member_updates:
			if row.change == JOINED:
				household.append(
					"members",
					{
						"member_name": row.member_name,
						"id_number": row.member_id_number,
						"relation": row.relation,
						"health": row.health or "Healthy",
						"labour_skill": row.labour_skill,
					},
				)
				continue
			member = by_id[row.member_id_number]
			if row.change in LEFT_THE_HOUSEHOLD:
				member.member_status = row.change
			else:
				member.health = row.health or member.health
				member.labour_skill = row.labour_skill or member.labour_skill
		household.save()

	def record_income(self):
		"""The income of the 12 months before the visit month: a new record, or that period's one updated."""
		period = income_period(getdate(self.visit_date))
		name = frappe.db.get_value(
			"Household Income", {"household": self.household, "period_start": period.start}
		)
		income = frappe.get_doc("Household Income", name) if name else frappe.new_doc("Household Income")
		income.update(
			{"household": self.household, "reference_date": self.visit_date, "household_size": None}
		)
		income.update({f.name: self.get(f.name) for f in fields(IncomeFigures)})
		income.save()
		self.db_set("household_income", income.name)

	def update_case(self):
		case = frappe.get_doc("Monitoring Case", self.case)
		if self.risk_types:
			case.set("risk_types", [{"risk_type": row.risk_type} for row in self.risk_types])
		case.last_visit, case.last_visit_date, case.visit_overdue = self.name, self.visit_date, 0
		case.flags.via_follow_up = True  # a visit is how a decided case's facts change
		# The visit was checked against the user's rights and scope, and this is its own case: a
		# 帮扶责任人, who reads the case but may not edit it, records visits too.
		case.flags.ignore_permissions = True
		case.save()
