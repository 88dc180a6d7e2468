# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""公示名单: the households on a village's public notice, for inclusion or for risk elimination.

It is posted in the village, so it carries no ID numbers, phones, bank accounts or health
conditions: none are selected here, and the export refuses them in its layout (SPEC §10)."""

import frappe
from pypika.terms import ValueWrapper

from fanpin.controllers.reports import (
	PLACE_NAMES,
	column,
	equal_filters,
	listed,
	risk_types_of,
	run,
	select_extra,
	translated,
	with_household,
	with_places,
	within,
)
from fanpin.policy import exit as exit_policy
from fanpin.policy import procedure

BASE_DOCTYPE = "Monitoring Case"
INCLUSION, ELIMINATION = "Inclusion in monitoring", "Risk elimination"
COLUMNS = [
	column("village", "Village", "Link", "Area", 110),
	column("head_name", "Head of Household", width=90),
	column("member_count", "Household Size", "Int", width=70),
	column("subject", "Notice Subject", width=100),
	column("category", "Category", width=110),
	column("risk_types", "Risk Types", width=160),
	column("notice_start", "Notice Starts", "Date", width=100),
	column("notice_end", "Notice Ends", "Date", width=100),
]
HIDDEN = [column("town", "Town", "Link", "Area"), *PLACE_NAMES]


def execute(filters=None):
	return run(frappe.get_module(__name__), "Public Notice List", filters)


def query(filters, extra):
	case, exit_ = frappe.qb.DocType("Monitoring Case"), frappe.qb.DocType("Risk Elimination")
	if filters.get("subject") == ELIMINATION:
		subject, source, category, stage = ELIMINATION, exit_, exit_.category, exit_policy.EXIT_NOTICE
		q = frappe.qb.from_(exit_).left_join(case).on(case.name == exit_.case)
	else:
		subject, source, category, stage = INCLUSION, case, case.classification, procedure.NOTICE
		q = frappe.qb.from_(case)
	q, household = with_household(with_places(q, source), source)
	q = q.select(
		source.head_name,
		household.member_count,
		ValueWrapper(subject).as_("subject"),
		category.as_("category"),
		risk_types_of(case).as_("risk_types"),
		source.notice_start,
		source.notice_end,
	)
	# A period lists the notices that started in it; without one, those on the board now.
	if filters.get("from_date") or filters.get("to_date"):
		q = within(q, source.notice_start, filters).where(source.notice_start.isnotnull())
	else:
		q = q.where(source.stage == stage)
	q = equal_filters(q, source, filters, ("town", "village"))
	return select_extra(q, case, extra)


def prepare(row):
	row.subject = translated(row.subject)
	row.category = translated(row.category)
	row.risk_types = listed(row.risk_types)
	return row
