# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe.website.doctype.web_form.web_form import accept

from fanpin.api.clues import convert_to_case
from fanpin.testing import CaseTestCase, fresh_id_number, make_household, member


def apply_online(village: str, id_number: str, name="冯申请", address="203.0.113.7"):
	frappe.set_user("Guest")
	frappe.local.request_ip = address
	try:
		data = {
			"doctype": "Risk Clue",
			"person_name": name,
			"id_number": id_number,
			"phone": "13800000000",
			"village": village,
			"description": "家人患大病，医疗支出大",
		}
		return accept("assistance-application", frappe.as_json(data))
	finally:
		frappe.set_user("Administrator")


class TestRiskClue(CaseTestCase):
	def test_public_application_lands_with_its_town(self):
		household = make_household(self.village, members=[member("冯申请")])
		clue = apply_online(self.village, household.head_id_number)
		clue = frappe.get_doc("Risk Clue", clue.name)
		self.assertEqual(
			(clue.channel, clue.channel_detail, clue.town, clue.household),
			("Self application", "Web form", self.village[:9] + "000", household.name),
		)

		frappe.set_user(self.officer)
		self.assertIn(clue.name, frappe.get_list("Risk Clue", pluck="name"))
		case = convert_to_case(clue.name, ["因病"])
		self.assertEqual(
			frappe.db.get_value("Monitoring Case", case, ["discovery_channel", "channel_detail"]),
			("Self application", "Web form"),
		)
		frappe.set_user(self.beima_officer)
		self.assertNotIn(clue.name, frappe.get_list("Risk Clue", pluck="name"))

	def test_public_form_validates_and_is_rate_limited(self):
		self.assertRaisesRegex(
			frappe.ValidationError, "校验码", apply_online, self.village, "370681196005171230"
		)
		for _ in range(5):
			apply_online(self.village, fresh_id_number(), address="198.51.100.9")
		self.assertRaises(
			frappe.ValidationError, apply_online, self.village, fresh_id_number(), address="198.51.100.9"
		)
		number = fresh_id_number()
		apply_online(self.village, number, address="198.51.100.10")
		self.assertRaisesRegex(
			frappe.ValidationError, "今天", apply_online, self.village, number, address="198.51.100.11"
		)

	def test_guest_sees_nothing_of_anyone_else(self):
		apply_online(self.village, fresh_id_number())
		frappe.set_user("Guest")
		self.assertRaises(frappe.PermissionError, frappe.get_list, "Risk Clue")
		self.assertRaises(frappe.PermissionError, frappe.get_list, "Household")

	def test_desk_entry_of_a_petition_clue(self):
		frappe.set_user(self.officer)
		clue = frappe.get_doc(
			{
				"doctype": "Risk Clue",
				"channel": "Petition information",
				"channel_detail": "12317 hotline",
				"person_name": "匿名来电",
				"id_number": fresh_id_number(),
				"village": self.village,
				"description": "12317 反映该户因灾损失",
			}
		).insert()
		self.assertEqual(clue.town, self.village[:9] + "000")
		self.assertRaisesRegex(frappe.ValidationError, "先登记", convert_to_case, clue.name, ["因病"])
