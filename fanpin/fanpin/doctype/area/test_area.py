# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe

from fanpin.setup.defaults import CITY, TOWNS
from fanpin.testing import DONGLAI, FanpinTestCase, make_village


class TestArea(FanpinTestCase):
	def test_city_and_fourteen_towns_are_installed(self):
		towns = frappe.get_all("Area", filters={"level": "Town", "parent_area": CITY[1]}, pluck="area_name")
		self.assertEqual(sorted(towns), sorted(name for name, _code in TOWNS))
		self.assertEqual(len(towns), 14)

	def test_village_sits_under_its_town(self):
		village = make_village(DONGLAI, 10)
		self.assertIn(village, frappe.db.get_descendants("Area", DONGLAI))
		self.assertEqual(frappe.db.get_value("Area", village, "is_group"), 0)

	def test_levels_and_codes_are_checked(self):
		bad = [
			({"level": "Village", "parent_area": CITY[1], "area_code": "370681999999"}, "上级区划必须是"),
			({"level": "Town", "parent_area": DONGLAI, "area_code": "370681999000"}, "上级区划必须是"),
			({"level": "Village", "parent_area": DONGLAI, "area_code": "3706810019"}, "12 位数字"),
		]
		for values, message in bad:
			doc = frappe.get_doc({"doctype": "Area", "area_name": "错误区划", **values})
			self.assertRaisesRegex(frappe.ValidationError, message, doc.insert)

	def test_a_new_village_joins_its_town_officers_scope_at_once(self):
		from fanpin.permissions.scope import allowed_areas
		from fanpin.testing import make_staff_user

		officer = make_staff_user("area.officer@fanpin.test", "Fanpin Town Officer", DONGLAI)
		allowed_areas(officer)  # fills the cache
		code = f"{DONGLAI[:9]}977"
		frappe.delete_doc_if_exists("Area", code)
		village = make_village(DONGLAI, 77, "新设村")
		self.assertIn(village, allowed_areas(officer))
