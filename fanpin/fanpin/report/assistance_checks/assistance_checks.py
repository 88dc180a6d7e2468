# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""Cases whose assistance needs a look (SPEC §7): the city office's work list."""

import frappe

from fanpin.controllers.reports import PLACES, column, equal_filters_dict, run, translated

COLUMNS = [
	column("name", "Monitoring Case", "Link", "Monitoring Case", 140),
	column("head_name", "Head of Household", width=100),
	*PLACES,
	column("classification", "Category", width=120),
	column("stage", "Stage", width=100),
	column("assistance_issue_count", "Open Assistance Checks", "Int", width=80),
	column("assistance_issues", "Assistance Checks", width=400),
	column("last_visit_date", "Last Visited On", "Date", width=100),
]


def execute(filters=None):
	return run(frappe.get_module(__name__), "Assistance Checks", filters)


def get_data(filters, extra):
	# frappe.get_list applies the user's area scope.
	rows = frappe.get_list(
		"Monitoring Case",
		filters={
			"assistance_issue_count": (">", 0),
			**equal_filters_dict(filters, ("town", "village", "classification")),
		},
		fields=[c["fieldname"] for c in COLUMNS],
		order_by="assistance_issue_count desc, town, village",
		limit_page_length=0,
	)
	for row in rows:
		row.classification = translated(row.classification, "Monitoring Case")
		row.stage = translated(row.stage, "Monitoring Case")
		row.assistance_issues = "；".join((row.assistance_issues or "").splitlines())
	return rows
