# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe

from fanpin.permissions.scope import allowed_areas
from fanpin.testing import BEIMA, DONGLAI, FanpinTestCase, make_staff_user, make_village


class TestStaffAssignment(FanpinTestCase):
	def test_one_step_gives_role_and_town_scope(self):
		user = make_staff_user("assign.officer@fanpin.test", "Fanpin Town Officer", DONGLAI)
		self.assertIn("Fanpin Town Officer", frappe.get_roles(user))
		village = make_village(DONGLAI, 20)
		areas = allowed_areas(user)
		self.assertIn(DONGLAI, areas)
		self.assertIn(village, areas)
		self.assertNotIn(BEIMA, areas)

	def test_reassignment_replaces_role_and_area(self):
		user = make_staff_user("assign.move@fanpin.test", "Fanpin Town Officer", DONGLAI)
		make_staff_user(user, "Fanpin Town Reviewer", BEIMA)
		roles = frappe.get_roles(user)
		self.assertIn("Fanpin Town Reviewer", roles)
		self.assertNotIn("Fanpin Town Officer", roles)
		self.assertEqual(
			frappe.get_all("User Permission", filters={"user": user, "allow": "Area"}, pluck="for_value"),
			[BEIMA],
		)

	def test_role_needs_an_area_of_its_level(self):
		self.assertRaisesRegex(
			frappe.ValidationError,
			"授权的区划",
			make_staff_user,
			"assign.bad@fanpin.test",
			"Fanpin Town Officer",
		)
		village = make_village(DONGLAI, 21)
		self.assertRaises(
			frappe.ValidationError, make_staff_user, "assign.bad@fanpin.test", "Fanpin Town Officer", village
		)

	def test_city_office_is_county_wide(self):
		user = make_staff_user("assign.city@fanpin.test", "Fanpin City Office")
		self.assertIsNone(allowed_areas(user))

	def test_removing_the_assignment_removes_role_and_scope(self):
		user = make_staff_user("assign.gone@fanpin.test", "Fanpin Village Clerk", make_village(DONGLAI, 22))
		frappe.delete_doc("Staff Assignment", user)
		self.assertNotIn("Fanpin Village Clerk", frappe.get_roles(user))
		self.assertFalse(frappe.get_all("User Permission", filters={"user": user, "allow": "Area"}))

	def test_liaison_is_bound_to_its_department(self):
		user = make_staff_user("assign.liaison@fanpin.test", "Fanpin Department Liaison", department="民政局")
		self.assertEqual(
			frappe.get_all(
				"User Permission", filters={"user": user, "allow": "Government Department"}, pluck="for_value"
			),
			["民政局"],
		)
		make_staff_user(user, "Fanpin Town Officer", DONGLAI)
		self.assertFalse(
			frappe.get_all("User Permission", filters={"user": user, "allow": "Government Department"})
		)

	def test_staff_sidebar_shows_fanpin_only(self):
		from frappe.desk.desktop import get_workspace_sidebar_items

		user = make_staff_user(
			"assign.sidebar@fanpin.test", "Fanpin Village Clerk", make_village(DONGLAI, 22)
		)
		self.assertEqual(frappe.db.get_value("User", user, "module_profile"), "防贫工作人员")
		frappe.set_user(user)
		try:
			pages = {page["name"] for page in get_workspace_sidebar_items()["pages"]}
		finally:
			frappe.set_user("Administrator")
		self.assertEqual(pages, {"Fanpin Monitoring"})

	def test_module_profile_an_admin_chose_is_kept(self):
		user = make_staff_user("assign.profile@fanpin.test", "Fanpin Town Officer", DONGLAI)
		frappe.db.set_value("User", user, "module_profile", None)
		if not frappe.db.exists("Module Profile", "全部模块"):
			frappe.get_doc({"doctype": "Module Profile", "module_profile_name": "全部模块"}).insert()
		frappe.db.set_value("User", user, "module_profile", "全部模块")
		make_staff_user(user, "Fanpin Town Reviewer", DONGLAI)
		self.assertEqual(frappe.db.get_value("User", user, "module_profile"), "全部模块")
