"""Download a report in the government's layout (the button on each fanpin report)."""

import json

import frappe

from fanpin.exports import government


@frappe.whitelist()
def export_report(report_name: str, filters: str | dict | None = None) -> dict:
	if isinstance(filters, str):
		filters = json.loads(filters or "{}")
	return government.export_report(report_name, filters or {})
