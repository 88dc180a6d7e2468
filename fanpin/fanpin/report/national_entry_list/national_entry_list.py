# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""录入国家系统清单: what the city office must enter in, or change in, the national system since a
date (§四.(五), §六.(二)): monitoring objects fanpin took in (category, risks), risks fanpin
eliminated (消除方式), and member changes recorded on follow-up visits. Objects that came from the
national system are there already and are not listed. Filtered on one kind, the report is exported
by that kind's government layout, its columns in the national system's import order; unfiltered, it
lists every kind in one sheet. The layouts are the admin's to change."""

import frappe
from frappe import _
from frappe.query_builder.functions import GroupConcat
from frappe.utils import get_first_day, getdate, today

from fanpin.controllers.reports import column, listed, run, translated, within
from fanpin.permissions.scope import restrict
from fanpin.policy import procedure

NEW, ELIMINATED, MEMBER = "New monitoring object", "Risk eliminated", "Member change"
KIND_FILTER, KINDS = "entry", (NEW, ELIMINATED, MEMBER)
# shown beside a kind's own layout in the desk: the kind, and the record the row comes from
KEPT_COLUMNS = ("entry", "source")
COLUMNS = [
	column("entry", "To Enter", width=110),
	column("household_code", "Household Number", width=160),
	column("town_name", "Town Name", width=90),
	column("village_name", "Village Name", width=100),
	column("head_name", "Head of Household", width=90),
	column("head_id_number", "ID Number", width=170),
	column("member_name", "Member", width=90),
	column("member_id_number", "Member ID Number", width=170),
	column("member_change", "Member Change", width=110),
	column("category", "Category", width=110),
	column("identified_on", "Identified On", "Date", width=100),
	column("risk_types", "Risk Types", width=140),
	column("eliminated_on", "Risk Eliminated On", "Date", width=100),
	column("elimination_method", "Elimination Method", width=110),
	column("changed_on", "Date", "Date", width=100),
	column("source", "Record", "Dynamic Link", "source_doctype", 140),
]
HIDDEN = [column("source_doctype", "Document Type")]


def execute(filters=None):
	filters = frappe._dict(filters or {})
	filters.setdefault("from_date", get_first_day(today()))
	return run(frappe.get_module(__name__), "National Entry List", filters)


def get_data(filters, extra):
	kind = filters.get(KIND_FILTER)
	if kind and kind not in KINDS:
		frappe.throw(_("{0} is not a kind of entry").format(kind), title=_("Invalid Filters"))
	rows = []
	for each, rows_of in ((NEW, new_objects), (ELIMINATED, eliminations), (MEMBER, member_changes)):
		if kind in (None, "", each):
			rows += rows_of(filters)
	rows.sort(key=lambda row: (row.village_name or "", row.head_name or "", str(row.changed_on or "")))
	return rows


def places(query, table):
	household = frappe.qb.DocType("Household")
	town, village = frappe.qb.DocType("Area").as_("town_area"), frappe.qb.DocType("Area").as_("village_area")
	query = (
		query.left_join(household)
		.on(household.name == table.household)
		.left_join(town)
		.on(town.name == table.town)
		.left_join(village)
		.on(village.name == table.village)
		.select(
			household.household_code,
			town.area_name.as_("town_name"),
			village.area_name.as_("village_name"),
			table.head_name,
			household.head_id_number,
		)
	)
	return query


def in_place(query, table, filters):
	for field in ("town", "village"):
		if filters.get(field):
			query = query.where(table[field] == filters[field])
	return query


def new_objects(filters):
	case = frappe.qb.DocType("Monitoring Case")
	risk = frappe.qb.DocType("Case Risk Type")
	risks = (
		frappe.qb.from_(risk)
		.select(GroupConcat(risk.risk_type))
		.where((risk.parent == case.name) & (risk.parenttype == "Monitoring Case"))
	)
	q = (
		places(frappe.qb.from_(case), case)
		.select(
			case.name.as_("source"),
			case.classification.as_("category"),
			case.identified_on,
			risks.as_("risk_types"),
			case.identified_on.as_("changed_on"),
		)
		.where(case.stage.isin(procedure.IDENTIFIED))
		.where(case.from_national_system == 0)
	)
	q = within(in_place(q, case, filters), case.identified_on, filters)
	rows = restrict(q, case).run(as_dict=True)
	for row in rows:
		row.update(entry=_(NEW), source_doctype="Monitoring Case", category=translated(row.category))
		row.risk_types = listed(row.risk_types)
	return rows


def eliminations(filters):
	exit_ = frappe.qb.DocType("Risk Elimination")
	q = (
		places(frappe.qb.from_(exit_), exit_)
		.select(
			exit_.name.as_("source"),
			exit_.category,
			exit_.identified_on,
			exit_.eliminated_on,
			exit_.method.as_("elimination_method"),
			exit_.eliminated_on.as_("changed_on"),
		)
		.where(exit_.stage == procedure.ELIMINATED)
	)
	q = within(in_place(q, exit_, filters), exit_.eliminated_on, filters)
	rows = restrict(q, exit_).run(as_dict=True)
	for row in rows:
		row.update(
			entry=_(ELIMINATED),
			source_doctype="Risk Elimination",
			category=translated(row.category),
			elimination_method=translated(row.elimination_method),
		)
	return rows


def member_changes(filters):
	visit = frappe.qb.DocType("Follow-up Visit")
	update = frappe.qb.DocType("Visit Member Update")
	q = (
		places(
			frappe.qb.from_(update)
			.join(visit)
			.on((visit.name == update.parent) & (update.parenttype == "Follow-up Visit")),
			visit,
		)
		.select(
			visit.name.as_("source"),
			update.member_name,
			update.member_id_number,
			update.change.as_("member_change"),
			visit.visit_date.as_("changed_on"),
		)
		.where(visit.docstatus == 1)
	)
	q = within(in_place(q, visit, filters), visit.visit_date, filters)
	rows = restrict(q, visit).run(as_dict=True)
	for row in rows:
		row.update(
			entry=_(MEMBER),
			source_doctype="Follow-up Visit",
			member_change=translated(row.member_change, "Visit Member Update"),
		)
	return rows


def summary(data, filters):
	counts = {}
	for row in data:
		counts[row.entry] = counts.get(row.entry, 0) + 1
	start = getdate(filters.get("from_date"))
	return [
		{
			"value": len(data),
			"label": _("To enter since {0}").format(start),
			"datatype": "Int",
			"indicator": "Blue",
		}
	] + [{"value": value, "label": label, "datatype": "Int"} for label, value in counts.items()]
