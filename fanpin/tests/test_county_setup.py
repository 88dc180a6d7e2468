"""Any county's towns and villages from the division codes (the national-data issue, item 1)."""

import frappe

from fanpin.policy import divisions
from fanpin.setup.county import division_options, set_up_county, set_up_wizard_county, setup_wizard_stages
from fanpin.testing import DONGLAI, FanpinTestCase, make_staff_user

DONG_E = "371524"  # 东阿县, 聊城市, 山东省
CHIPING = "371503"  # 茌平区, 聊城市: the setup wizard's county, left to it alone


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

	def test_the_setup_wizard_sets_up_the_county_picked_and_nothing_when_the_step_is_skipped(self):
		frappe.set_user("Administrator")
		self.assertIn("fanpin.setup.county.setup_wizard_stages", frappe.get_hooks("setup_wizard_stages"))
		areas = frappe.db.count("Area")
		for skipped in (frappe._dict(), frappe._dict(fanpin_province="", fanpin_city="", fanpin_county="")):
			self.assertEqual(setup_wizard_stages(skipped), [])
			self.assertEqual(set_up_wizard_county(skipped), {"county": 0, "towns": 0, "villages": 0})
		self.assertEqual(frappe.db.count("Area"), areas)

		# the slide's three pickers, as the wizard sends them
		province = next(row["value"] for row in division_options("") if row["label"] == "山东省")
		city = next(row["value"] for row in division_options(province) if row["label"] == "聊城市")
		county = next(row["value"] for row in division_options(city) if row["label"] == "茌平区")
		self.assertEqual(county, CHIPING)
		args = frappe._dict(fanpin_province=province, fanpin_city=city, fanpin_county=county)
		(stage,) = setup_wizard_stages(args)
		self.assertEqual(stage["status"], "正在创建县（市）的镇街区和村")
		for task in stage["tasks"]:
			task["fn"](task["args"])
		expected = divisions.county(CHIPING)
		root = "371503000000"
		self.assertEqual(frappe.db.get_value("Area", root, ["area_name", "level"]), ("茌平区", "City"))
		towns = frappe.get_all("Area", filters={"parent_area": root, "level": "Town"}, pluck="name")
		self.assertEqual(sorted(towns), sorted(town.area_code for town, _villages in expected.towns))
		villages = frappe.db.count("Area", {"parent_area": ("in", towns), "level": "Village"})
		self.assertEqual(villages, sum(len(v) for _town, v in expected.towns))
		self.assertEqual(frappe.db.count("Area"), areas + 1 + len(towns) + villages)
		# Longkou, the demo county, stays
		self.assertEqual(frappe.db.get_value("Area", DONGLAI, "parent_area"), "370681000000")

	def test_only_a_system_manager_completes_the_wizard_with_a_county(self):
		frappe.set_user(make_staff_user("county.officer@fanpin.test", "Fanpin Town Officer", DONGLAI))
		self.assertRaises(frappe.PermissionError, set_up_wizard_county, frappe._dict(fanpin_county=CHIPING))
		self.assertFalse(frappe.db.exists("Area", "371503000000"))
