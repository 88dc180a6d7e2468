# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from fanpin.controllers.assistance import refresh_case_checks
from fanpin.controllers.warnings import match_members
from fanpin.fanpin.doctype.area.area import town_of_village
from fanpin.permissions.scope import allowed_areas
from fanpin.policy.contacts import Assignment, ends_before_it_starts, overlapping_pairs, removed
from fanpin.policy.household import (
	LIVE_MEMBER,
	household_facts,
	member_facts,
	member_name_of,
	repeated_id_numbers,
)
from fanpin.utils import desk_message, in_row


class Household(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fanpin.fanpin.doctype.household_contact.household_contact import HouseholdContact
		from fanpin.fanpin.doctype.household_member.household_member import HouseholdMember

		address: DF.Data | None
		assistance_contacts: DF.Table[HouseholdContact]
		head_id_number: DF.Data | None
		head_name: DF.Data | None
		head_pinyin: DF.Data | None
		household_code: DF.Data | None
		household_type: DF.Literal[
			"Lifted out of poverty (policy)",
			"Lifted out of poverty (no policy)",
			"Ordinary rural household",
			"Dibao household",
			"Tekun household",
		]
		housing_unsafe: DF.Check
		is_relocated: DF.Check
		member_count: DF.Int
		member_uninsured: DF.Check
		members: DF.Table[HouseholdMember]
		monitoring_case: DF.Link | None
		monitoring_status: DF.Literal[
			"", "In procedure", "Under monitoring", "Risk eliminated", "Not included"
		]
		natural_village: DF.Data | None
		no_labour_capacity: DF.Check
		phone: DF.Data | None
		school_dropout: DF.Check
		search_keywords: DF.Data | None
		status: DF.Literal["Registered", "Deregistered"]
		town: DF.Link
		village: DF.Link
		water_unsafe: DF.Check

	# end: auto-generated types
	def validate(self):
		self.set_town()
		self.validate_household_code()
		self.set_member_facts()
		self.set_household_facts()
		self.validate_id_numbers_unique_in_county()
		self.validate_assistance_contacts()

	def set_town(self):
		self.town = town_of_village(self.village)

	def on_update(self):
		# The case's assistance checks depend on whether the household has labour.
		if self.monitoring_case and self.has_value_changed("no_labour_capacity"):
			refresh_case_checks(self.monitoring_case)

	def validate_household_code(self):
		self.household_code = (self.household_code or "").strip() or None
		if not self.household_code:
			return
		# Across towns on purpose: the number is unique in the county.
		holder = frappe.db.get_value(
			"Household",
			{"household_code": self.household_code, "name": ("!=", self.name or "")},
			["name", "village"],
			as_dict=True,
		)
		if holder:
			frappe.throw(
				_("Household number {0} is already used by household {1}").format(
					self.household_code, holder.name
				)
				if visible_area(holder.village)
				else _("Household number {0} is already used by a household outside your area").format(
					self.household_code
				),
				title=_("Duplicate Household Number"),
			)

	def set_member_facts(self):
		on = getdate(today())
		for member in self.members:
			member.member_name = member_name_of(member.member_name)
			with desk_message(row_label=member_row_label(member)):
				member.update(member_facts(member.member_name, member.id_number, member.labour_skill, on))

		for number, rows in repeated_id_numbers(m.id_number for m in self.members).items():
			frappe.throw(
				_("ID number {0} is entered more than once, in member rows {1}").format(
					number, "、".join(map(str, rows))
				)
			)

	def set_household_facts(self):
		with desk_message():
			self.update(household_facts([m.as_dict() for m in self.members]))

	def validate_id_numbers_unique_in_county(self):
		"""A person lives in one household only: no other live record may hold the same ID number.

		Reads across towns on purpose (a duplicate elsewhere must be found); the holding household is
		named only to a user who may see it.
		"""
		if self.status != "Registered":
			return
		live = {m.id_number: m for m in self.members if m.member_status == LIVE_MEMBER}
		if not live:
			return
		clashes = match_members(list(live), exclude_household=self.name).values()
		for clash in clashes:
			message = (
				_("ID number {0} already belongs to a member of household {1} ({2})").format(
					clash.id_number, clash.household, frappe.db.get_value("Area", clash.village, "area_name")
				)
				if visible_area(clash.village)
				else _(
					"ID number {0} is already registered in a household outside your area; ask the city office"
				).format(clash.id_number)
			)
			frappe.throw(
				in_row(member_row_label(live[clash.id_number]), message), title=_("Duplicate ID Number")
			)

	def validate_assistance_contacts(self):
		"""Who carried the household stays on record: a stored row is ended with its To Date, never
		removed; a period ends on or after its start; a contact is not assigned twice at once."""
		before = self.get_doc_before_save()
		if before:
			stored = {row.name: row for row in before.assistance_contacts}
			kept = {row.name for row in self.assistance_contacts}
			for number in removed({name: row.idx for name, row in stored.items()}, kept):
				row = next(r for r in stored.values() if r.idx == number)
				frappe.throw(
					_(
						"Assistance contact row {0} ({1}) cannot be removed: fill in its To Date to end the assignment"
					).format(number, row.contact_name or row.contact),
					title=_("Assignment History Kept"),
				)
		assignments = [
			Assignment(
				row.idx, row.contact, getdate(row.from_date), getdate(row.to_date) if row.to_date else None
			)
			for row in self.assistance_contacts
			if row.contact and row.from_date
		]
		names = {row.idx: row.contact_name or row.contact for row in self.assistance_contacts}
		for assignment in assignments:
			if ends_before_it_starts(assignment):
				frappe.throw(
					in_row(
						contact_row_label(assignment.row, names[assignment.row]),
						_("the To Date is before the From Date"),
					)
				)
		for first, second in overlapping_pairs(assignments):
			frappe.throw(
				_("Assistance contact rows {0} and {1} assign {2} for periods that overlap").format(
					first.row, second.row, names[first.row]
				)
			)


def contact_row_label(number: int, name: str) -> str:
	return _("Assistance contact row {0} ({1})").format(number, name)


def visible_area(village: str | None) -> bool:
	areas = allowed_areas()
	return areas is None or village in areas


def member_row_label(member) -> str:
	return _("Member row {0} ({1})").format(member.idx, member.member_name or "")
