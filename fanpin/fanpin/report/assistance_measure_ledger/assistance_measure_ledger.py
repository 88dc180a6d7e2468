# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""帮扶措施台账: every assistance measure with who is responsible and how far it has got (SPEC §7)."""

import frappe
from frappe import _

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
	within,
)

BASE_DOCTYPE = "Assistance Measure"
COLUMNS = [
	column("name", "Assistance Measure", "Link", "Assistance Measure", 140),
	column("case", "Monitoring Case", "Link", "Monitoring Case", 140),
	*PLACES,
	column("head_name", "Head of Household", width=90),
	column("head_id_number", "ID Number", width=170),
	column("measure_type", "Measure Type", "Link", "Assistance Measure Type", 110),
	column("risk_type", "Risk Type", "Link", "Risk Type", 120),
	column("status", "Status", width=80),
	column("start_date", "Start Date", "Date", width=100),
	column("end_date", "End Date", "Date", width=100),
	column("amount", "Amount", "Currency", width=100),
	column("responsible_unit", "Responsible Unit", width=120),
	column("responsible_person", "Responsible Person", width=90),
	column("funding_source", "Funding Source", width=100),
]
HIDDEN = PLACE_NAMES


def execute(filters=None):
	return run(frappe.get_module(__name__), "Assistance Measure Ledger", filters)


def query(filters, extra):
	measure = frappe.qb.DocType("Assistance Measure")
	q, household = with_household(with_places(frappe.qb.from_(measure), measure), measure)
	q = q.select(
		measure.name,
		measure.case,
		measure.head_name,
		household.head_id_number,
		measure.measure_type,
		measure.risk_type,
		measure.status,
		measure.start_date,
		measure.end_date,
		measure.amount,
		measure.responsible_unit,
		measure.responsible_person,
		measure.funding_source,
	)
	q = equal_filters(q, measure, filters, ("town", "village", "measure_type", "status"))
	q = within(q, measure.start_date, filters)
	return select_extra(q, measure, extra)


def prepare(row):
	row.status = translated(row.status)
	return row


def chart(data, filters):
	labels, values = count_by(data, "measure_type")
	return bar_chart(labels, values, _("Measures"))


def summary(data, filters):
	labels, values = count_by(data, "status")
	total = sum(row.amount or 0 for row in data)
	return (
		[{"value": len(data), "label": _("Measures"), "datatype": "Int", "indicator": "Blue"}]
		+ [
			{"value": value, "label": label, "datatype": "Int"}
			for label, value in zip(labels, values, strict=True)
		]
		+ [{"value": total, "label": _("Amount"), "datatype": "Currency"}]
	)
