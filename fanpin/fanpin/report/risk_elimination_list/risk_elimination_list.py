# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""风险消除名单: households whose risk was eliminated in a period, by 消除方式 (SPEC §8, §10)."""

import frappe
from frappe import _

from fanpin.controllers.reports import (
	PLACE_NAMES,
	PLACES,
	column,
	count_by,
	equal_filters,
	run,
	select_extra,
	translated,
	with_household,
	with_places,
	within,
)

BASE_DOCTYPE = "Risk Elimination"
COLUMNS = [
	column("name", "Risk Elimination", "Link", "Risk Elimination", 140),
	column("case", "Monitoring Case", "Link", "Monitoring Case", 140),
	*PLACES,
	column("head_name", "Head of Household", width=90),
	column("head_id_number", "ID Number", width=170),
	column("member_count", "Household Size", "Int", width=70),
	column("category", "Category", width=110),
	column("identified_on", "Identified On", "Date", width=100),
	column("method", "Elimination Method", width=110),
	column("eliminated_on", "Risk Eliminated On", "Date", width=100),
	column("per_capita_income", "Per-capita Income", "Currency", width=110),
]
HIDDEN = PLACE_NAMES


def execute(filters=None):
	return run(frappe.get_module(__name__), "Risk Elimination List", filters)


def query(filters, extra):
	exit_ = frappe.qb.DocType("Risk Elimination")
	q, household = with_household(with_places(frappe.qb.from_(exit_), exit_), exit_)
	q = q.select(
		exit_.name,
		exit_.case,
		exit_.head_name,
		household.head_id_number,
		household.member_count,
		exit_.category,
		exit_.identified_on,
		exit_.method,
		exit_.eliminated_on,
		exit_.per_capita_income,
	).where(exit_.stage == "Risk eliminated")
	q = equal_filters(q, exit_, filters, ("town", "village", "method", "category"))
	q = within(q, exit_.eliminated_on, filters)
	return select_extra(q, exit_, extra)


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
