# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""A yearly 全面排查 (SPEC §12): opened by the city office over areas and households, screened
household by household, closed with a frozen summary."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from fanpin.policy import screening
from fanpin.utils import desk_message, in_row

SCOPE_FIELDS = ("household_type",)


class ScreeningCampaign(Document):
	def validate(self):
		with desk_message():
			screening.check_dates(getdate(self.start_date), getdate(self.deadline))
		if not 2000 <= (self.year or 0) <= 2100:
			frappe.throw(_("Year {0} is not a plausible monitoring year").format(self.year))
		self.title = (self.title or "").strip() or _("{0} Annual Screening").format(self.year)
		for row in self.areas:
			level = frappe.db.get_value("Area", row.area, "level")
			if level not in ("Town", "Village"):
				frappe.throw(in_row(_("Areas row {0}").format(row.idx), _("choose a town or a village")))
		self.keep_scope_once_opened()

	def keep_scope_once_opened(self):
		before = self.get_doc_before_save()
		if not before or before.status == "Not opened":
			return
		if before.status == screening.CLOSED:
			with desk_message(title=_("Screening Campaign Closed")):
				screening.check_editable(before.status)
		changed = [f for f in SCOPE_FIELDS if before.get(f) != self.get(f)]
		if sorted(r.area for r in before.areas) != sorted(r.area for r in self.areas):
			changed.append("areas")
		if changed:
			frappe.throw(
				_("The campaign is open: {0} can no longer change").format(
					"、".join(_(self.meta.get_label(f)) for f in changed)
				)
			)

	def on_trash(self):
		if frappe.db.exists("Screening Task", {"campaign": self.name}):
			frappe.throw(_("Screening campaign {0} has screenings and cannot be deleted").format(self.title))
