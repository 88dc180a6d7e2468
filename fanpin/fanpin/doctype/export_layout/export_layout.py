# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from fanpin.exports.defaults import PUBLIC_REPORTS, layout_name
from fanpin.exports.government import field_choices, report_module
from fanpin.exports.privacy import is_sensitive


class ExportLayout(Document):
	def autoname(self):
		self.name = layout_name(self.report, self.kind or "")

	def validate(self):
		module = report_module(self.report)  # only fanpin's reports have a government layout
		if self.kind and self.kind not in getattr(module, "KINDS", ()):
			frappe.throw(_("The report {0} lists no kind {1}").format(_(self.report), self.kind))
		self.is_public = int(self.report in PUBLIC_REPORTS)
		choices = field_choices(self.report)
		if not self.columns:
			frappe.throw(_("A layout needs at least one column"))
		seen: dict[str, int] = {}
		for row in self.columns:
			row.field = (row.field or "").strip()
			if self.is_public and is_sensitive(row.field, row.label):
				frappe.throw(
					_("Row {0}: {1} must not appear on a list shown to the public").format(
						row.idx, row.label or row.field
					)
				)
			if row.field not in choices:
				frappe.throw(
					_("Row {0}: the report {1} has no field {2}").format(row.idx, _(self.report), row.field)
				)
			if row.field in seen:
				frappe.throw(
					_("Row {0}: the field {1} is already in row {2}").format(
						row.idx, row.field, seen[row.field]
					)
				)
			seen[row.field] = row.idx
			if not 3 <= (row.width or 0) <= 100:
				frappe.throw(_("Row {0}: the width must be between 3 and 100").format(row.idx))


@frappe.whitelist()
def get_field_choices(report: str) -> dict[str, str]:
	"""Fields the layout of ``report`` may use, for the column picker."""
	frappe.has_permission("Export Layout", "read", throw=True)
	return field_choices(report)


@frappe.whitelist()
def get_kinds(report: str) -> dict:
	"""The kinds ``report`` lists, each of which may have its own layout (none for most reports), and
	the filter that picks one."""
	frappe.has_permission("Export Layout", "read", throw=True)
	module = report_module(report)
	return {"filter": getattr(module, "KIND_FILTER", None), "kinds": list(getattr(module, "KINDS", ()))}
