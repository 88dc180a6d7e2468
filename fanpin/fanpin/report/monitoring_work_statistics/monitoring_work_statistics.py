# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""监测工作统计表: per town, households under monitoring by category, new identifications and exits
in the period, department warnings received and handled, and cases late with a step (SPEC §10)."""

import frappe
from frappe import _
from frappe.query_builder.functions import Count
from frappe.utils import getdate

from fanpin.controllers.deadlines import missed_deadline_condition
from fanpin.controllers.reports import column, run, within
from fanpin.exports.sheet import TOTAL_ROW
from fanpin.permissions.scope import allowed_areas, restrict
from fanpin.policy import classifier, procedure
from fanpin.policy.warnings import PENDING

CATEGORIES = {
	classifier.UNSTABLE: "unstable",
	classifier.MARGINAL: "marginal",
	classifier.SEVERE: "severe",
}
COUNTS = (
	"unstable",
	"marginal",
	"severe",
	"monitored",
	"new_cases",
	"eliminated",
	"warnings_received",
	"warnings_handled",
	"overdue",
)
COLUMNS = [
	column("town", "Town", "Link", "Area", 120),
	column("unstable", "Unstable lifted household", "Int", width=110),
	column("marginal", "Marginal household", "Int", width=110),
	column("severe", "Sudden severe difficulty household", "Int", width=120),
	column("monitored", "Under Monitoring", "Int", width=100),
	column("new_cases", "Newly Identified", "Int", width=100),
	column("eliminated", "Risk Eliminated", "Int", width=100),
	column("warnings_received", "Warnings Received", "Int", width=100),
	column("warnings_handled", "Warnings Handled", "Int", width=100),
	column("overdue", "Overdue Cases", "Int", width=100),
]
HIDDEN = [column("town_name", "Town Name")]


def execute(filters=None):
	return run(frappe.get_module(__name__), "Monitoring Work Statistics", filters)


def get_data(filters, extra):
	rows = {town.name: frappe._dict(town=town.name, town_name=town.area_name) for town in towns()}
	for row in rows.values():
		row.update(dict.fromkeys(COUNTS, 0))

	def add(query, table, field):
		for town, value in restrict(query, table).groupby(table.town).run():
			if town in rows:
				rows[town][field] += value

	case, warning = frappe.qb.DocType("Monitoring Case"), frappe.qb.DocType("Department Warning")
	exit_ = frappe.qb.DocType("Risk Elimination")
	for category, field in CATEGORIES.items():
		add(
			frappe.qb.from_(case)
			.select(case.town, Count("*"))
			.where((case.stage == procedure.MONITORING) & (case.classification == category)),
			case,
			field,
		)
	for row in rows.values():
		row.monitored = row.unstable + row.marginal + row.severe
	new_cases = frappe.qb.from_(case).select(case.town, Count("*")).where(case.identified_on.isnotnull())
	add(within(new_cases, case.identified_on, filters), case, "new_cases")
	eliminated = frappe.qb.from_(exit_).select(exit_.town, Count("*")).where(exit_.stage == "Risk eliminated")
	add(within(eliminated, exit_.eliminated_on, filters), exit_, "eliminated")
	received = within(
		frappe.qb.from_(warning).select(warning.town, Count("*")), warning.report_month, filters
	)
	add(received, warning, "warnings_received")
	add(received.where(warning.status != PENDING), warning, "warnings_handled")
	add(
		frappe.qb.from_(case).select(case.town, Count("*")).where(missed_deadline_condition(case, getdate())),
		case,
		"overdue",
	)

	data = [rows[name] for name in sorted(rows)]
	total = frappe._dict(town=None, town_name=_("Total", context="Totals row"), **{TOTAL_ROW: 1})
	for field in COUNTS:
		total[field] = sum(row[field] for row in data)
	return [*data, total]


def towns() -> list:
	area = frappe.qb.DocType("Area")
	query = frappe.qb.from_(area).select(area.name, area.area_name).where(area.level == "Town")
	scope = allowed_areas()
	if scope is not None:
		if not scope:  # a user given no area yet: a report with no town in it
			return []
		query = query.where(area.name.isin(sorted(scope)) | area.name.isin(village_towns(scope)))
	return query.orderby(area.name).run(as_dict=True)


def village_towns(scope: set[str]) -> list[str]:
	"""The town of a village clerk's village, so the clerk's row is there too."""
	return frappe.get_all("Area", filters={"name": ("in", sorted(scope))}, pluck="parent_area") or [""]


def chart(data, filters):
	towns_only = [row for row in data if row.town]
	return {
		"data": {
			"labels": [row.town_name for row in towns_only],
			"datasets": [
				{"name": _(category), "values": [row[field] for row in towns_only]}
				for category, field in CATEGORIES.items()
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
		"height": 240,
	}
