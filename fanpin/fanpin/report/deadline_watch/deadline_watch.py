# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""逾期未核实/未公示: cases late with their home verification or their village notice (SPEC §6)."""

import frappe
from frappe import _
from frappe.utils import getdate

from fanpin.controllers.deadlines import missed_deadline_condition
from fanpin.controllers.reports import (
	PLACE_NAMES,
	PLACES,
	bar_chart,
	column,
	count_by,
	equal_filters,
	run,
	select_extra,
	translated,
	with_household,
	with_places,
)
from fanpin.policy import procedure

BASE_DOCTYPE = "Monitoring Case"
COLUMNS = [
	column("case", "Monitoring Case", "Link", "Monitoring Case", 140),
	*PLACES,
	column("head_name", "Head of Household", width=90),
	column("stage", "Stage", width=100),
	column("problem", "Missed Deadline", width=150),
	column("due_date", "Due On", "Date", width=100),
	column("days_overdue", "Days Overdue", "Int", width=90),
]
HIDDEN = PLACE_NAMES


def execute(filters=None):
	return run(frappe.get_module(__name__), "Deadline Watch", filters)


def query(filters, extra):
	case = frappe.qb.DocType("Monitoring Case")
	if filters.get("problem") and filters.problem not in procedure.MISSED_DEADLINES:
		frappe.throw(_("Unknown missed deadline {0}").format(filters.problem))
	q, _household = with_household(with_places(frappe.qb.from_(case), case), case)
	q = q.select(
		case.name.as_("case"),
		case.head_name,
		case.stage,
		case.verification_due,
		case.verified_on,
		case.notice_start,
		case.notice_end,
	).where(missed_deadline_condition(case, getdate(), filters.get("problem")))
	q = equal_filters(q, case, filters, ("town", "village"))
	return select_extra(q, case, extra)


def prepare(row):
	today = getdate()
	problem, due = procedure.missed_deadline(
		row.stage,
		row.pop("verification_due"),
		row.pop("verified_on"),
		row.notice_start,
		row.notice_end,
		today,
	) or ("", None)
	row.problem = translated(problem)
	row.due_date = due
	row.days_overdue = (today - due).days if due else None
	row.stage = translated(row.stage)
	return row


def chart(data, filters):
	labels, values = count_by(data, "town_name")
	return bar_chart(labels, values, _("Cases"))


def summary(data, filters):
	labels, values = count_by(data, "problem")
	return [
		{"value": value, "label": label, "datatype": "Int", "indicator": "Red"}
		for label, value in zip(labels, values, strict=True)
	]
