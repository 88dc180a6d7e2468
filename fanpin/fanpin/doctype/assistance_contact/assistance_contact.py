# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class AssistanceContact(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		contact_name: DF.Data
		enabled: DF.Check
		phone: DF.Data | None
		post: DF.Literal[
			"",
			"First secretary",
			"Village work team",
			"Village committee",
			"Grid worker",
			"Assisting cadre",
			"Other",
		]
		town: DF.Link | None
		unit: DF.Data | None
		user: DF.Link | None
	# end: auto-generated types

	def validate(self):
		self.contact_name = "".join((self.contact_name or "").split())
		self.user = self.user or None  # unique when set; several contacts have no desk login
		if self.user and (
			holder := frappe.db.get_value(
				"Assistance Contact", {"user": self.user, "name": ("!=", self.name or "")}, "contact_name"
			)
		):
			frappe.throw(
				_("User {0} is already the desk login of assistance contact {1}").format(self.user, holder)
			)
		if self.town and frappe.db.get_value("Area", self.town, "level") != "Town":
			frappe.throw(_("The town of an assistance contact must be a town"))
