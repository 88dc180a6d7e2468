# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import add_to_date, now_datetime

from fanpin.controllers.warnings import match_members
from fanpin.fanpin.doctype.area.area import town_of_village
from fanpin.policy.clues import check_public_application
from fanpin.policy.idcard import normalize_id_number
from fanpin.utils import desk_message, valid_id_number


class RiskClue(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		channel: DF.Literal["Self application", "Petition information", "Cadre screening"]
		channel_detail: DF.Literal[
			"",
			"Walk-in",
			"Hotline",
			"Web form",
			"Media",
			"Petition",
			"12317 hotline",
			"Routine screening",
			"Annual Q4 screening",
		]
		close_reason: DF.SmallText | None
		description: DF.SmallText
		household: DF.Link | None
		id_number: DF.Data
		monitoring_case: DF.Link | None
		person_name: DF.Data
		phone: DF.Data | None
		reported_on: DF.Date
		source_address: DF.Data | None
		status: DF.Literal["New", "Converted to case", "Closed"]
		town: DF.Link | None
		village: DF.Link

	# end: auto-generated types
	def validate(self):
		self.id_number = valid_id_number(self.id_number, _("ID Number"))
		self.town = town_of_village(self.village)
		# Linked only within the saver's areas and the clue's own town: a clue must not reveal a
		# household elsewhere. A public applicant has no areas and sees nothing of the match.
		match = match_members([self.id_number], scoped=frappe.session.user != "Guest").get(self.id_number)
		self.household = match.household if match and match.town == self.town else None
		if self.status == "Closed" and not (self.close_reason or "").strip():
			frappe.throw(_("Give the reason for closing the clue"))

	def before_insert(self):
		if frappe.session.user == "Guest":
			self.limit_public_applications()
			self.channel, self.channel_detail = "Self application", "Web form"

	def limit_public_applications(self):
		address = frappe.local.request_ip or ""
		# validate normalises the number later; compare the normalised form so spacing can't dodge it
		number = normalize_id_number(self.id_number)
		with desk_message(title=_("Application Received"), exc=frappe.RateLimitExceededError):
			check_public_application(
				frappe.db.count(
					"Risk Clue",
					{"source_address": address, "creation": (">", add_to_date(now_datetime(), hours=-1))},
				),
				frappe.db.count(
					"Risk Clue",
					{"id_number": number, "creation": (">", add_to_date(now_datetime(), days=-1))},
				),
			)
		self.source_address = address
