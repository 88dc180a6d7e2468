# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from fanpin.permissions.scope import set_user_scope
from fanpin.policy.area import CITY, TOWN, VILLAGE
from fanpin.setup.install import give_staff_module_profile

# The area level each role is bound to; None means no area (county-wide or department-wide).
AREA_LEVEL_FOR_ROLE = {
	"Fanpin Village Clerk": (VILLAGE,),
	"Fanpin Town Officer": (TOWN,),
	"Fanpin Town Reviewer": (TOWN,),
	"Fanpin City Office": (CITY, None),
	"Fanpin Department Liaison": (None,),
	# a 帮扶责任人 sees the households assigned to their Assistance Contact, not an area
	"Fanpin Assistance Contact": (None,),
}


class StaffAssignment(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		area: DF.Link | None
		department: DF.Link | None
		full_name: DF.Data | None
		role: DF.Literal[
			"Fanpin Village Clerk",
			"Fanpin Town Officer",
			"Fanpin Town Reviewer",
			"Fanpin City Office",
			"Fanpin Department Liaison",
			"Fanpin Assistance Contact",
		]
		user: DF.Link

	# end: auto-generated types
	def validate(self):
		level = frappe.db.get_value("Area", self.area, "level") if self.area else None
		allowed = AREA_LEVEL_FOR_ROLE[self.role]
		if level not in allowed:
			levels = "、".join(_(lvl) if lvl else _("no area") for lvl in allowed)
			frappe.throw(
				_("A {0} must be given: {1}").format(_(self.role), levels), title=_("Wrong Area for Role")
			)
		if self.role != "Fanpin Department Liaison":
			self.department = None

	def on_update(self):
		set_user_scope(self.user, self.role, self.area, self.department)
		give_staff_module_profile(self.user)

	def on_trash(self):
		set_user_scope(self.user, None, None)


def assign_staff(user: str, role: str, area: str | None = None, department: str | None = None) -> None:
	"""Give a user their role and area (or department) in one step, as the Staff Assignment form does:
	the user's one assignment is made or replaced."""
	assignment = (
		frappe.get_doc("Staff Assignment", user)
		if frappe.db.exists("Staff Assignment", user)
		else frappe.new_doc("Staff Assignment")
	)
	assignment.update({"user": user, "role": role, "area": area, "department": department})
	assignment.save(ignore_permissions=True)
