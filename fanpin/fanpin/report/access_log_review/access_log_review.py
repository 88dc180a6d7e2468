# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""个人信息访问记录: every print and export of fanpin data, from Frappe's Access Log, for the city
office to review who took ID numbers out of the system, which list, with which filters, and when."""

import frappe
from frappe import _

from fanpin.controllers.reports import column, count_summary, within

COLUMNS = [
	column("timestamp", "Time", "Datetime", width=150),
	column("user", "User", "Link", "User", 180),
	column("method", "Action", width=80),
	column("report_name", "Report", width=160),
	column("export_from", "Document Type", width=130),
	column("reference_document", "Document", width=140),
	column("file_type", "File Type", width=70),
	column("filters", "Filters", "Code", width=260),
]


def execute(filters=None):
	filters = frappe._dict(filters or {})
	log = frappe.qb.DocType("Access Log")
	# Only county roles open this report (its roles); Access Log has no area to scope by.
	query = (
		frappe.qb.from_(log)
		.select(*(log[c["fieldname"]] for c in COLUMNS))
		.orderby(log.timestamp, order=frappe.qb.desc)
	)
	if filters.get("user"):
		query = query.where(log.user == filters.user)
	rows = within(query, log.timestamp, filters).limit(5000).run(as_dict=True)
	columns = [dict(c, label=_(c["label"])) for c in COLUMNS]
	return columns, rows, None, None, count_summary(rows, "method", _("Accesses"))
