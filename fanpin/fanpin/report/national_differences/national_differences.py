# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""与国家系统数据差异: after a national import, where fanpin and the national file disagree, both
values side by side (SPEC §13): members fanpin has and the file does not list, the stage and category
of a case fanpin took through the procedure, the latest per-capita income. This is what a county
still has to enter in, or correct from, the national system."""

import frappe

from fanpin.controllers.reports import column, equal_filters, run

SCOPE_DOCTYPE = "National Import"
COLUMNS = [
	column("national_import", "National Import", "Link", "National Import", 130),
	column("export_date", "Export Date", "Date", width=100),
	column("household", "Household", "Link", "Household", 110),
	column("household_code", "Household Number", width=160),
	column("head_name", "Head of Household", width=90),
	column("subject", "Item", width=110),
	column("fanpin_value", "In fanpin", width=200),
	column("national_value", "In the National System", width=200),
]


def execute(filters=None):
	return run(frappe.get_module(__name__), "National Differences", filters)


def query(filters, extra):
	batch = frappe.qb.DocType("National Import")
	difference = frappe.qb.DocType("National Import Difference")
	q = (
		frappe.qb.from_(difference)
		.join(batch)
		.on((batch.name == difference.parent) & (difference.parenttype == "National Import"))
		.select(
			batch.name.as_("national_import"),
			batch.export_date,
			difference.household,
			difference.household_code,
			difference.head_name,
			difference.subject,
			difference.fanpin_value,
			difference.national_value,
		)
		.orderby(batch.export_date, order=frappe.qb.desc)
		.orderby(batch.name, order=frappe.qb.desc)
		.orderby(difference.idx)
	)
	if filters.get("national_import"):
		q = q.where(batch.name == filters.national_import)
	return equal_filters(q, batch, filters, ("town",))


def prepare(row):
	return row
