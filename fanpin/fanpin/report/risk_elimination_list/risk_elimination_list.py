# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""风险消除名单: households whose risk was eliminated in a period, by 消除方式 (SPEC §8, §10)."""

import frappe
from frappe import _

from fanpin.controllers.reports import column, count_by, in_scope, run, select_extra, translated, within

BASE_DOCTYPE = "Risk Elimination"
COLUMNS = [
	column("name", "Risk Elimination", "Link", "Risk Elimination", 140),
	column("case", "Monitoring Case", "Link", "Monitoring Case", 140),
	column("town", "Town", "Link", "Area", 100),
	column("village", "Village", "Link", "Area", 110),
	column("head_name", "Head of Household", width=90),
	column("head_id_number", "ID Number", width=170),
	column("member_count", "Household Size", "Int", width=70),
	column("category", "Category", width=110),
	column("identified_on", "Identified On", "Date", width=100),
	column("method", "Elimination Method", width=110),
	column("eliminated_on", "Risk Eliminated On", "Date", width=100),
	column("per_capita_income", "Per-capita Income", "Currency", width=110),
]
HIDDEN = [column("town_name", "Town Name"), column("village_name", "Village Name")]


def execute(filters=None):
	return run(frappe.get_module(__name__), "Risk Elimination List", filters)


def query(filters, extra):
	exit_, household = frappe.qb.DocType("Risk Elimination"), frappe.qb.DocType("Household")
	town, village = frappe.qb.DocType("Area").as_("town_area"), frappe.qb.DocType("Area").as_("village_area")
	q = (
		frappe.qb.from_(exit_)
		.left_join(household)
		.on(household.name == exit_.household)
		.left_join(town)
		.on(town.name == exit_.town)
		.left_join(village)
		.on(village.name == exit_.village)
		.select(
			exit_.name,
			exit_.case,
			exit_.town,
			town.area_name.as_("town_name"),
			exit_.village,
			village.area_name.as_("village_name"),
			exit_.head_name,
			household.head_id_number,
			household.member_count,
			exit_.category,
			exit_.identified_on,
			exit_.method,
			exit_.eliminated_on,
			exit_.per_capita_income,
		)
		.where(exit_.stage == "Risk eliminated")
		.orderby(exit_.village)
		.orderby(household.head_pinyin)
		.orderby(exit_.name)
	)
	for field in ("town", "village", "method", "category"):
		if filters.get(field):
			q = q.where(exit_[field] == filters[field])
	q = within(q, exit_.eliminated_on, filters)
	# frappe.qb ignores permissions: the user's areas are applied here.
	return select_extra(in_scope(q, exit_.village), exit_, extra)


def prepare(row):
	row.category = translated(row.category)
	row.method = translated(row.method)
	return row


def chart(data, filters):
	labels, values = count_by(data, "method")
	return {
		"data": {"labels": labels, "datasets": [{"name": _("Households"), "values": values}]},
		"type": "pie",
	}


def summary(data, filters):
	labels, values = count_by(data, "method")
	return [{"value": len(data), "label": _("Households"), "datatype": "Int", "indicator": "Green"}] + [
		{"value": value, "label": label, "datatype": "Int"}
		for label, value in zip(labels, values, strict=True)
	]
