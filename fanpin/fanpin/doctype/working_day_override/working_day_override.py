# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

from frappe.model.document import Document

from fanpin.controllers.deadlines import calendar_changed


class WorkingDayOverride(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		date: DF.Date
		is_working_day: DF.Check
		reason: DF.Data | None

	# end: auto-generated types
	def on_update(self):
		calendar_changed()

	def after_delete(self):
		calendar_changed()
