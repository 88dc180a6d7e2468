# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""预警处置结果: a department's own warnings and their outcome, for its liaison (SPEC §5).

It shows who was reported and what became of it, never where the person lives: no town, village,
household or case, and no filter on them. A row no registered person matched shows as 未匹配: it
stays with the city office, no town reviews it.
"""

import frappe
from frappe import _

from fanpin.controllers.reports import column, equal_filters, run, translated, within

# Charted as in the ledger.
from fanpin.fanpin.report.department_warning_ledger.department_warning_ledger import chart  # noqa: F401

UNMATCHED = "Unmatched"

SCOPE_DOCTYPE = "Department Warning"
COLUMNS = [
	column("department", "Department", "Link", "Government Department", 100),
	column("warning_type", "Warning Type", "Link", "Warning Type", 120),
	column("report_month", "Report Month", "Date", width=100),
	column("person_name", "Name", width=80),
	column("id_number", "ID Number", width=170),
	column("matched", "Matched", "Check", width=70),
	column("status", "Outcome", width=130),
	column("reason", "Reason", width=180),
	column("handled_on", "Handled On", "Date", width=100),
]


def execute(filters=None):
	return run(frappe.get_module(__name__), "Warning Outcome", filters)


def query(filters, extra):
	warning = frappe.qb.DocType("Department Warning")
	q = (
		frappe.qb.from_(warning)
		.select(*(warning[c["fieldname"]] for c in COLUMNS))
		.orderby(warning.report_month, order=frappe.qb.desc)
		.orderby(warning.row_number)
		.orderby(warning.name)
	)
	q = equal_filters(q, warning, filters, ("department", "warning_type", "status", "import_batch"))
	return within(q, warning.report_month, filters)


def prepare(row):
	# ``outcome`` is the key the report's colours follow; ``status`` the words shown
	row.outcome = row.status if row.matched else UNMATCHED
	row.status = translated(row.status, SCOPE_DOCTYPE) if row.matched else _(UNMATCHED)
	return row


def summary(data, filters):
	matched = sum(1 for row in data if row.matched)
	return [
		{"value": len(data), "label": _("Warnings Received"), "datatype": "Int", "indicator": "Blue"},
		{"value": matched, "label": _("Matched"), "datatype": "Int", "indicator": "Green"},
		{"value": len(data) - matched, "label": _(UNMATCHED), "datatype": "Int", "indicator": "Red"},
	]
