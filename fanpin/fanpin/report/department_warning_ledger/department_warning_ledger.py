# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""部门预警处置台账: each department warning and what the town did with it (SPEC §5)."""

import frappe
from frappe import _
from pypika.terms import LiteralValue

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
	with_places,
	within,
)
from fanpin.policy.warnings import PENDING

BASE_DOCTYPE = "Department Warning"
COLUMNS = [
	column("name", "Department Warning", "Link", "Department Warning", 150),
	column("department", "Department", "Link", "Government Department", 100),
	column("warning_type", "Warning Type", "Link", "Warning Type", 120),
	column("report_month", "Report Month", "Date", width=100),
	column("person_name", "Name", width=80),
	column("id_number", "ID Number", width=170),
	*PLACES,
	column("status", "Outcome", width=110),
	column("monitoring_case", "Monitoring Case", "Link", "Monitoring Case", 140),
	column("reason", "Reason", width=160),
	column("handler", "Handled By", "Link", "User", 120),
	column("handled_on", "Handled On", "Date", width=100),
]
HIDDEN = PLACE_NAMES
# Names sort by pinyin under the GBK collation; the expression is constant, never user input.
NAME_BY_PINYIN = LiteralValue("CONVERT(`tabDepartment Warning`.`person_name` USING gbk)")


def execute(filters=None):
	return run(frappe.get_module(__name__), "Department Warning Ledger", filters)


def query(filters, extra):
	warning = frappe.qb.DocType("Department Warning")
	q = (
		with_places(frappe.qb.from_(warning), warning)
		.select(
			warning.name,
			warning.department,
			warning.warning_type,
			warning.report_month,
			warning.person_name,
			warning.id_number,
			warning.status,
			warning.monitoring_case,
			warning.reason,
			warning.handler,
			warning.handled_on,
		)
		.orderby(warning.village)
		.orderby(NAME_BY_PINYIN)
		.orderby(warning.name)
	)
	q = equal_filters(q, warning, filters, ("department", "warning_type", "town", "village", "status"))
	q = within(q, warning.report_month, filters)
	return select_extra(q, warning, extra)


def prepare(row):
	row.status = translated(row.status, BASE_DOCTYPE)
	return row


def chart(data, filters):
	labels, values = count_by(data, "status")
	return bar_chart(labels, values, _("Warnings"))


def summary(data, filters):
	handled = sum(
		1 for row in data if row.status != translated(PENDING, BASE_DOCTYPE)
	)  # rows carry translated outcomes
	return [
		{"value": len(data), "label": _("Warnings Received"), "datatype": "Int", "indicator": "Blue"},
		{"value": handled, "label": _("Warnings Handled"), "datatype": "Int", "indicator": "Green"},
		{
			"value": len(data) - handled,
			"label": translated(PENDING, BASE_DOCTYPE),
			"datatype": "Int",
			"indicator": "Orange",
		},
	]
