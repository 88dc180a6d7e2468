# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class NationalColumnMap(Document):
	def validate(self):
		seen = {}
		for row in self.columns:
			text = "".join((row.header_text or "").split())
			if text in seen:
				frappe.throw(
					_("Row {0}: the heading {1} is already mapped in row {2}").format(
						row.idx, text, seen[text]
					)
				)
			seen[text] = row.idx


def custom_headings() -> dict[str, str]:
	"""{heading: field} the admin mapped for the county's national export."""
	return {
		row.header_text: row.field
		for row in frappe.get_all(
			"National Column Map Row",
			filters={"parent": "National Column Map", "parenttype": "National Column Map"},
			fields=["header_text", "field"],
		)
	}
