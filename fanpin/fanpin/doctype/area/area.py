# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils.nestedset import NestedSet

from fanpin.policy.area import VILLAGE, check_area
from fanpin.utils import desk_message


class Area(NestedSet):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		area_code: DF.Data
		area_name: DF.Data
		disabled: DF.Check
		is_group: DF.Check
		level: DF.Literal["City", "Town", "Village"]
		lft: DF.Int
		old_parent: DF.Link | None
		parent_area: DF.Link | None
		rgt: DF.Int
	# end: auto-generated types
	nsm_parent_field = "parent_area"

	def validate(self):
		self.area_code = (self.area_code or "").strip()
		parent_level = frappe.db.get_value("Area", self.parent_area, "level") if self.parent_area else None
		with desk_message():
			check_area(self.level, self.area_code, parent_level)
		self.is_group = int(self.level != VILLAGE)

	def on_update(self):
		super().on_update()
		self.validate_one_root()
		# Cached user permissions list a town's villages: a new or moved village must join its town's scope.
		frappe.cache.delete_value("user_permissions")

	def on_trash(self):
		super().on_trash()
		frappe.cache.delete_value("user_permissions")


def town_of_village(village: str | None) -> str:
	"""The town a village belongs to; anything but a village is refused, naming what was given."""
	level, town = frappe.db.get_value("Area", village, ["level", "parent_area"]) or (None, None)
	if level != VILLAGE:
		frappe.throw(_("{0} is not a village; choose a village or community").format(village))
	return town
