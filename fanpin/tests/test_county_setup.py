"""Any county's towns and villages from the division codes (the national-data issue, item 1)."""

import frappe

from fanpin.policy import divisions
from fanpin.setup.county import division_options, set_up_county
from fanpin.testing import DONGLAI, FanpinTestCase, make_staff_user

DONG_E = "371524"  # 东阿县, 聊城市, 山东省


class TestCountySetup(FanpinTestCase):
	def test_a_county_other_than_longkou_gets_its_towns_and_villages_and_a_rerun_changes_nothing(self):
		frappe.set_user("Administrator")
		counties = {row["label"]: row["value"] for row in division_options("3715")}
		self.assertEqual(counties["东阿县"], DONG_E)
		expected = divisions.county(DONG_E)
		added = set_up_county(DONG_E)
		villages = sum(len(v) for _town, v in expected.towns)
		self.assertEqual(added, {"county": 1, "towns": len(expected.towns), "villages": villages})
		root = frappe.get_doc("Area", "371524000000")
		self.assertEqual((root.area_name, root.level), ("东阿县", "City"))
		town, its_villages = expected.towns[0]
		stored = frappe.db.get_value(
			"Area", town.area_code, ["area_name", "level", "parent_area"], as_dict=True
		)
		self.assertEqual((stored.area_name, stored.level, stored.parent_area), (town.name, "Town", root.name))
		village = its_villages[0]
		self.assertEqual(
			frappe.db.get_value("Area", village.code, ["level", "parent_area"]), ("Village", town.area_code)
		)
		self.assertEqual(len(village.code), 12)

		# the admin renames a village; running it again adds nothing and keeps the name
		frappe.db.set_value("Area", village.code, "area_name", "改过的村名")
		self.assertEqual(set_up_county(DONG_E), {"county": 0, "towns": 0, "villages": 0})
		self.assertEqual(frappe.db.get_value("Area", village.code, "area_name"), "改过的村名")

	def test_only_a_system_manager_sets_up_a_county(self):
		frappe.set_user(make_staff_user("county.officer@fanpin.test", "Fanpin Town Officer", DONGLAI))
		self.assertRaises(frappe.PermissionError, set_up_county, DONG_E)
		self.assertRaises(frappe.PermissionError, division_options, "37")

	def test_a_code_that_is_no_county_is_refused_in_chinese(self):
		frappe.set_user("Administrator")
		self.assertRaisesRegex(frappe.ValidationError, "不是区划代码中的县", set_up_county, "3715")
