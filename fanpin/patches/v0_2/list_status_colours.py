"""Sites installed before status pills carried list colours: the two shipped workflows stop
overriding the list's indicator (which shows the state's name in the stage's colour, and overdue
cases in red). Runs once; an admin may set it back in the Workflow form."""

import frappe

DOCTYPES = ("Monitoring Case", "Risk Elimination")


def execute():
	for name in frappe.get_all(
		"Workflow", filters={"document_type": ("in", DOCTYPES), "override_status": 0}, pluck="name"
	):
		frappe.db.set_value("Workflow", name, "override_status", 1)
