# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""监测对象花名册: every household identified for monitoring, by village then pinyin (SPEC §10)."""

import frappe
from frappe import _

from fanpin.controllers.reports import (
	PLACE_NAMES,
	PLACES,
	bar_chart,
	column,
	count_by,
	current_contacts_of,
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
from fanpin.policy import procedure

BASE_DOCTYPE = "Monitoring Case"
COLUMNS = [
	column("name", "Monitoring Case", "Link", "Monitoring Case", 140),
	*PLACES,
	column("head_name", "Head of Household", width=90),
	column("head_id_number", "ID Number", width=170),
	column("member_count", "Household Size", "Int", width=70),
	column("phone", "Phone", width=110),
	column("classification", "Category", width=110),
	column("identified_on", "Identified On", "Date", width=100),
	column("risk_types", "Risk Types", width=160),
	column("per_capita_income", "Per-capita Income", "Currency", width=110),
	column("stage", "Status", width=90),
	column("eliminated_on", "Risk Eliminated On", "Date", width=100),
	column("elimination_method", "Elimination Method", width=110),
	column("assistance_contacts", "Assistance Contacts", width=180),
]
HIDDEN = PLACE_NAMES


def execute(filters=None):
	return run(frappe.get_module(__name__), "Monitoring Roster", filters)


def query(filters, extra):
	case = frappe.qb.DocType("Monitoring Case")
	q, household = with_household(with_places(frappe.qb.from_(case), case), case)
	status = filters.get("status")
	q = q.select(
		case.name,
		case.head_name,
		household.head_id_number,
		household.member_count,
		household.phone,
		case.classification,
		case.identified_on,
		risk_types_of(case).as_("risk_types"),
		case.per_capita_income,
		case.latest_per_capita_income,
		case.stage,
		case.eliminated_on,
		case.elimination_method,
		current_contacts_of(case.household).as_("assistance_contacts"),
	).where(case.stage.isin([status] if status else procedure.IDENTIFIED))
	q = within(
		equal_filters(q, case, filters, ("town", "village", "classification")), case.identified_on, filters
	)
	return select_extra(q, case, extra)


def prepare(row):
	row.classification = translated(row.classification)
	row.stage = translated(row.stage)
	row.elimination_method = translated(row.elimination_method)
	row.risk_types = listed(row.risk_types)
	row.assistance_contacts = listed(row.assistance_contacts)
	# the income last found on a visit, where there is one, is the household's current figure
	row.per_capita_income = row.pop("latest_per_capita_income") or row.per_capita_income
	return row


def chart(data, filters):
	labels, values = count_by(data, "town_name")
	return bar_chart(labels, values, _("Households"))


def summary(data, filters):
	labels, values = count_by(data, "classification")
	return [{"value": len(data), "label": _("Households"), "datatype": "Int", "indicator": "Blue"}] + [
		{"value": value, "label": label, "datatype": "Int"}
		for label, value in zip(labels, values, strict=True)
	]
