"""What the script reports share: columns, filters, the user's scope, and rows read in a stream.

A list report module defines
	BASE_DOCTYPE  the DocType whose fields (custom ones included) an admin may add as columns
	COLUMNS       the report's columns (see :func:`column`)
	query(filters, extra_fields) -> a frappe.qb query on BASE_DOCTYPE (or SCOPE_DOCTYPE), sorted; the
	              framework restricts it to the user's scope
	prepare(row) -> the row as shown (translated options and so on)
and gets its ``execute`` from :func:`run`. A summary report defines ``get_data(filters, extra)``
instead of ``query``/``prepare``. A report that lists several kinds of row names the filter that picks
one (``KIND_FILTER``) and its values (``KINDS``); filtered on a kind, it is laid out and exported by
that kind's Export Layout.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from types import ModuleType

import frappe
from frappe import _
from frappe.model import no_value_fields, table_fields
from frappe.query_builder.functions import Concat_ws, Count, GroupConcat
from frappe.utils import getdate, today

from fanpin.compat import preload_translations, unbuffered_cursor
from fanpin.exports.defaults import PUBLIC_REPORTS, layout_name
from fanpin.exports.privacy import is_sensitive
from fanpin.permissions.scope import current_assignment, restrict


def column(fieldname: str, label: str, fieldtype: str = "Data", options: str = "", width: int = 110) -> dict:
	return {
		"fieldname": fieldname,
		"label": label,
		"fieldtype": fieldtype,
		"options": options,
		"width": width,
	}


PLACES = [column("town", "Town", "Link", "Area", 100), column("village", "Village", "Link", "Area", 110)]
PLACE_NAMES = [column("town_name", "Town Name"), column("village_name", "Village Name")]


def with_places(query, table):
	"""Select the record's town and village with their names (areas are named by code)."""
	town, village = frappe.qb.DocType("Area").as_("town_area"), frappe.qb.DocType("Area").as_("village_area")
	return (
		query.left_join(town)
		.on(town.name == table.town)
		.left_join(village)
		.on(village.name == table.village)
		.select(
			table.town, town.area_name.as_("town_name"), table.village, village.area_name.as_("village_name")
		)
	)


def with_household(query, table):
	"""Join the record's household, ordered as government lists are: by village, then the head's name
	in pinyin. Returns the query and the household table, for selecting its fields."""
	household = frappe.qb.DocType("Household")
	query = (
		query.left_join(household)
		.on(household.name == table.household)
		.orderby(table.village)
		.orderby(household.head_pinyin)
		.orderby(table.name)
	)
	return query, household


def risk_types_of(case):
	"""A subquery: the case's risk types, comma-joined (shown with :func:`listed`)."""
	risk = frappe.qb.DocType("Case Risk Type")
	return (
		frappe.qb.from_(risk)
		.select(GroupConcat(risk.risk_type))
		.where((risk.parent == case.name) & (risk.parenttype == "Monitoring Case"))
	)


def current_contacts_of(household_name):
	"""A subquery: the household's current 帮扶责任人, each with their phone, comma-joined in row order
	(shown with :func:`listed`). Names and phones are read from the contact, so a changed phone shows."""
	row, contact = frappe.qb.DocType("Household Contact"), frappe.qb.DocType("Assistance Contact")
	on = getdate(today())
	return (
		frappe.qb.from_(row)
		.join(contact)
		.on(contact.name == row.contact)
		.select(GroupConcat(Concat_ws(" ", contact.contact_name, contact.phone)))
		.where((row.parent == household_name) & current_assignment(row, on))
	)


def listed(joined: str | None) -> str:
	return "、".join(joined.split(",")) if joined else ""


def equal_filters_dict(filters: dict, fields: tuple[str, ...]) -> dict:
	"""The report filters among ``fields`` that are set, as frappe.get_list filters."""
	return {field: filters[field] for field in fields if filters.get(field)}


def equal_filters(query, table, filters: dict, fields: tuple[str, ...]):
	for field, value in equal_filters_dict(filters, fields).items():
		query = query.where(table[field] == value)
	return query


def period(filters: dict) -> tuple[datetime.date | None, datetime.date | None]:
	start = getdate(filters.get("from_date")) if filters.get("from_date") else None
	end = getdate(filters.get("to_date")) if filters.get("to_date") else None
	if start and end and start > end:
		frappe.throw(_("The start of the period is after its end"), title=_("Invalid Filters"))
	return start, end


def within(query, field, filters: dict):
	start, end = period(filters)
	if start:
		query = query.where(field >= start)
	if end:
		query = query.where(field <= end)
	return query


def translated(value: str | None, doctype: str | None = None) -> str:
	"""A stored option as the desk shows it (the desk passes the DocType as context)."""
	return _(value, context=doctype) if value else ""


def own_fields(module: ModuleType) -> list[dict]:
	"""The report's columns and the row fields it carries only for the spreadsheet."""
	return module.COLUMNS + getattr(module, "HIDDEN", [])


def base_fields(module: ModuleType, report: str) -> list:
	"""Fields of the report's base DocType (custom ones included) an admin may add as columns; on a
	list shown to the public, none that is sensitive."""
	doctype = getattr(module, "BASE_DOCTYPE", None)
	if not doctype:
		return []  # a summary report has no records behind its rows
	public = report in PUBLIC_REPORTS
	return [
		df
		for df in frappe.get_meta(doctype).fields
		if df.fieldtype not in no_value_fields
		and df.fieldtype not in table_fields
		and not (public and is_sensitive(df.fieldname, _(df.label or "")))
	]


def layout_of(module: ModuleType, report: str, filters: dict) -> str:
	"""The Export Layout the report is laid out by: its kind's, when filtered on a kind whose layout
	exists, else the report's own."""
	kind = filters.get(getattr(module, "KIND_FILTER", None) or "")
	if kind and kind in getattr(module, "KINDS", ()):
		name = layout_name(report, kind)
		if frappe.db.exists("Export Layout", name):
			return name
	return report


def laid_out_columns(module: ModuleType, layout: str, columns: list[dict]) -> list[dict]:
	"""Filtered on a kind, the desk shows the columns the kind's layout exports, in its order, with
	the report's ``KEPT_COLUMNS`` (the kind, the record) around them; the other kinds' are left out."""
	fields = frappe.get_all(
		"Export Layout Column",
		filters={"parent": layout, "parenttype": "Export Layout"},
		pluck="field",
		order_by="idx",
	)
	by_name = {c["fieldname"]: c for c in columns}
	kept = getattr(module, "KEPT_COLUMNS", ())
	first, last = kept[:1], kept[1:]  # the kind first, the record last
	chosen = [name for name in dict.fromkeys([*first, *fields, *last]) if name in by_name]
	return [by_name[name] for name in chosen]


def extra_fields(module: ModuleType, report: str, layout: str | None = None) -> list[dict]:
	"""Fields of the base DocType the admin put in the report's Export Layout (``layout``, by default
	the report's own) beyond its own columns."""
	own = {c["fieldname"] for c in own_fields(module)}
	allowed = {df.fieldname: df for df in base_fields(module, report) if df.fieldname not in own}
	chosen = frappe.get_all(
		"Export Layout Column",
		filters={
			"parent": layout or report,
			"parenttype": "Export Layout",
			"field": ("in", list(allowed) or [""]),
		},
		pluck="field",
		order_by="idx",
	)
	return [
		column(name, allowed[name].label or name, allowed[name].fieldtype, allowed[name].options or "", 120)
		for name in chosen
	]


def select_extra(query, table, extra: list[dict]):
	for df in extra:
		query = query.select(table[df["fieldname"]].as_(df["fieldname"]))
	return query


def prepare_extra(row: dict, extra: list[dict], doctype: str) -> dict:
	for df in extra:
		if df["fieldtype"] == "Select":
			row[df["fieldname"]] = translated(row.get(df["fieldname"]), doctype)
	return row


def stream(module: ModuleType, filters: dict, extra: list[dict]) -> Iterator[dict]:
	"""Rows one at a time straight from the database: memory stays flat however many there are."""
	if not hasattr(module, "query"):
		yield from module.get_data(filters, extra)
		return
	query = scoped_query(module, filters, extra)
	preload_translations()  # no other query may run while the cursor streams
	with unbuffered_cursor():
		for row in frappe.db.sql(query.get_sql(), as_dict=True, as_iterator=True):
			yield prepare_extra(module.prepare(row), extra, getattr(module, "BASE_DOCTYPE", None))


def scoped_query(module: ModuleType, filters: dict, extra: list[dict]):
	"""The report's query, restricted once, here, to what the user may see (frappe.qb ignores
	permissions)."""
	doctype = getattr(module, "SCOPE_DOCTYPE", None) or module.BASE_DOCTYPE
	return restrict(module.query(filters, extra), doctype)


def count(module: ModuleType, filters: dict, extra: list[dict]) -> int | None:
	"""How many rows an export will write, or None for a summary report (always small)."""
	if not hasattr(module, "query"):
		return None
	query = scoped_query(module, filters, extra)
	return frappe.qb.from_(query.as_("rows")).select(Count("*")).run()[0][0]


def run(module: ModuleType, report: str, filters: dict | None):
	filters = frappe._dict(filters or {})
	layout = layout_of(module, report, filters)
	extra = extra_fields(module, report, layout)
	data = list(stream(module, filters, extra))
	columns = module.COLUMNS + extra
	if layout != report:
		columns = laid_out_columns(module, layout, columns)
	columns = [dict(c, label=_(c["label"])) for c in columns]
	chart = module.chart(data, filters) if hasattr(module, "chart") else None
	summary = module.summary(data, filters) if hasattr(module, "summary") else None
	return columns, data, None, chart, summary


def bar_chart(labels: list[str], values: list[int], name: str) -> dict:
	return {
		"data": {"labels": labels, "datasets": [{"name": name, "values": values}]},
		"type": "bar",
		"height": 220,
	}


def count_summary(data: list[dict], field: str, total_label: str, indicator: str = "Blue") -> list[dict]:
	"""The report summary: the total, then a figure for each value of ``field``."""
	labels, values = count_by(data, field)
	return [{"value": len(data), "label": total_label, "datatype": "Int", "indicator": indicator}] + [
		{"value": value, "label": label, "datatype": "Int"}
		for label, value in zip(labels, values, strict=True)
	]


def count_by(data: list[dict], field: str) -> tuple[list[str], list[int]]:
	counts: dict[str, int] = {}
	for row in data:
		key = row.get(field) or _("Not set")
		counts[key] = counts.get(key, 0) + 1
	return list(counts), list(counts.values())
