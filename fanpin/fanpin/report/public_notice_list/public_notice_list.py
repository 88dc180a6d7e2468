# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""公示名单: the households on a village's public notice, for inclusion or for risk elimination.

It is posted in the village, so it carries no ID numbers, phones, bank accounts or health
conditions: none are selected here, and the export refuses them in its layout (SPEC §10)."""

import frappe
from frappe.query_builder.functions import GroupConcat
from pypika.terms import ValueWrapper

from fanpin.controllers.reports import column, in_scope, run, select_extra, translated, within
from fanpin.policy import exit as exit_policy
from fanpin.policy import procedure

BASE_DOCTYPE = "Monitoring Case"
PUBLIC = True
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
HIDDEN = [
	column("town", "Town", "Link", "Area"),
	column("town_name", "Town Name"),
	column("village_name", "Village Name"),
]


def execute(filters=None):
	return run(frappe.get_module(__name__), "Public Notice List", filters)


def query(filters, extra):
	case, household = frappe.qb.DocType("Monitoring Case"), frappe.qb.DocType("Household")
	exit_, risk = frappe.qb.DocType("Risk Elimination"), frappe.qb.DocType("Case Risk Type")
	town, village = frappe.qb.DocType("Area").as_("town_area"), frappe.qb.DocType("Area").as_("village_area")
	risk_types = (
		frappe.qb.from_(risk)
		.select(GroupConcat(risk.risk_type))
		.where((risk.parent == case.name) & (risk.parenttype == "Monitoring Case"))
	)
	if filters.get("subject") == ELIMINATION:
		subject, source, category, stage = ELIMINATION, exit_, exit_.category, exit_policy.EXIT_NOTICE
		q = frappe.qb.from_(exit_).left_join(case).on(case.name == exit_.case)
	else:
		subject, source, category, stage = INCLUSION, case, case.classification, procedure.NOTICE
		q = frappe.qb.from_(case)
	q = (
		q.left_join(household)
		.on(household.name == source.household)
		.left_join(town)
		.on(town.name == source.town)
		.left_join(village)
		.on(village.name == source.village)
		.select(
			source.town,
			town.area_name.as_("town_name"),
			source.village,
			village.area_name.as_("village_name"),
			source.head_name,
			household.member_count,
			ValueWrapper(subject).as_("subject"),
			category.as_("category"),
			risk_types.as_("risk_types"),
			source.notice_start,
			source.notice_end,
		)
		.orderby(source.village)
		.orderby(household.head_pinyin)
		.orderby(source.name)
	)
	# A period lists the notices that started in it; without one, those on the board now.
	if filters.get("from_date") or filters.get("to_date"):
		q = within(q, source.notice_start, filters).where(source.notice_start.isnotnull())
	else:
		q = q.where(source.stage == stage)
	for field in ("town", "village"):
		if filters.get(field):
			q = q.where(source[field] == filters[field])
	# frappe.qb ignores permissions: the user's areas are applied here.
	return select_extra(in_scope(q, source.village), case, extra)


def prepare(row):
	row.subject = translated(row.subject)
	row.category = translated(row.category)
	row.risk_types = "、".join(row.risk_types.split(",")) if row.risk_types else ""
	return row
