"""Sites installed before export layouts existed get the v0.1 layouts (only those missing; an existing
layout is the admin's)."""

import frappe

from fanpin.patches.v0_1 import frozen


def execute():
	data = frozen("export_layouts.json")
	county = frappe.db.get_value("Area", {"level": "City"}, "area_name") or ""
	for layout in data["layouts"]:
		if frappe.db.exists("Export Layout", layout["report"]) or not frappe.db.exists(
			"Report", layout["report"]
		):
			continue
		frappe.get_doc(
			{
				"doctype": "Export Layout",
				"report": layout["report"],
				"title": f"{county}{layout['title']}",
				"footer": "\n".join(data["footer"]),
				"columns": [
					{"field": field, "label": label, "header_group": group, "width": width}
					for field, label, group, width in layout["columns"]
				],
			}
		).insert(ignore_permissions=True)
