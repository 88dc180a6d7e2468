"""The roster's government layout gains the 帮扶责任人 column (at its end), unless the admin already
has it; the rest of the layout is the admin's and stays as it is."""

import frappe

REPORT = "Monitoring Roster"
COLUMN = {"field": "assistance_contacts", "label": "帮扶责任人（联系电话）", "header_group": "", "width": 24}


def execute():
	if not frappe.db.exists("Export Layout", REPORT):
		return
	layout = frappe.get_doc("Export Layout", REPORT)
	if any(row.field == COLUMN["field"] for row in layout.columns):
		return
	# after the last row, whatever gaps the admin's removals left in the numbering
	layout.append("columns", {**COLUMN, "idx": max((row.idx for row in layout.columns), default=0) + 1})
	layout.save(ignore_permissions=True)
