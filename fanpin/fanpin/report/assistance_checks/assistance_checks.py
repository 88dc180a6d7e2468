# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""Cases whose assistance needs a look (SPEC §7): the city office's work list."""

import frappe
from frappe import _


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	conditions = {"assistance_issue_count": (">", 0)}
	for field in ("town", "village", "classification"):
		if filters.get(field):
			conditions[field] = filters[field]
	# frappe.get_list applies the user's area scope.
	rows = frappe.get_list(
		"Monitoring Case",
		filters=conditions,
		fields=[
			"name",
			"head_name",
			"town",
			"village",
			"classification",
			"stage",
			"assistance_issue_count",
			"assistance_issues",
			"last_visit_date",
		],
		order_by="assistance_issue_count desc, town, village",
		limit_page_length=0,
	)
	for row in rows:
		row.classification = _(row.classification) if row.classification else ""
		row.stage = _(row.stage)
		row.assistance_issues = "；".join((row.assistance_issues or "").splitlines())
	columns = [
		{
			"fieldname": "name",
			"label": _("Monitoring Case"),
			"fieldtype": "Link",
			"options": "Monitoring Case",
			"width": 140,
		},
		{"fieldname": "head_name", "label": _("Head of Household"), "fieldtype": "Data", "width": 100},
		{"fieldname": "town", "label": _("Town"), "fieldtype": "Link", "options": "Area", "width": 120},
		{"fieldname": "village", "label": _("Village"), "fieldtype": "Link", "options": "Area", "width": 120},
		{"fieldname": "classification", "label": _("Category"), "fieldtype": "Data", "width": 120},
		{"fieldname": "stage", "label": _("Stage"), "fieldtype": "Data", "width": 100},
		{
			"fieldname": "assistance_issue_count",
			"label": _("Open Assistance Checks"),
			"fieldtype": "Int",
			"width": 80,
		},
		{
			"fieldname": "assistance_issues",
			"label": _("Assistance Checks"),
			"fieldtype": "Data",
			"width": 400,
		},
		{"fieldname": "last_visit_date", "label": _("Last Visited On"), "fieldtype": "Date", "width": 100},
	]
	return columns, rows
