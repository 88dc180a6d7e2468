# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe.utils import add_days, today

from fanpin.tasks import flag_cases_without_recent_visit
from fanpin.testing import AssistanceTestCase, fresh_id_number


def visit(case: str, submit=True, **values):
	doc = frappe.get_doc(
		{
			"doctype": "Follow-up Visit",
			"case": case,
			"method": "Home visit",
			"findings": "入户了解情况",
			**values,
		}
	).insert()
	if submit:
		doc.submit()
	return doc


class TestFollowupVisit(AssistanceTestCase):
	def test_visit_updates_income_conditions_members_and_risks(self):
		case = self.monitored_case("秦一")
		head_id = frappe.db.get_value("Household", case.household, "head_id_number")
		frappe.set_user(self.officer)
		newborn = fresh_id_number(male=False)
		record = visit(
			case.name,
			update_income=1,
			wage_income=20000,
			water_unsafe=1,
			member_updates=[
				{
					"change": "Health or labour changed",
					"member_id_number": head_id,
					"health": "Serious illness",
					"labour_skill": "Lost labour capacity",
				},
				{
					"change": "Joined the household",
					"member_id_number": newborn,
					"member_name": "秦小",
					"relation": "Daughter",
					"labour_skill": "No labour capacity",
				},
			],
			risk_types=[{"risk_type": "因病"}, {"risk_type": "饮水安全"}],
		)
		household = frappe.get_doc("Household", case.household)
		self.assertEqual(household.water_unsafe, 1)
		self.assertEqual(household.member_count, 2)
		self.assertEqual(household.no_labour_capacity, 1)
		self.assertEqual(household.members[0].health, "Serious illness")
		income = frappe.get_doc("Household Income", record.household_income)
		self.assertEqual(income.per_capita_income, 10000)

		case.reload()
		self.assertEqual(case.last_visit, record.name)
		self.assertEqual(str(case.last_visit_date), today())
		self.assertEqual(case.latest_per_capita_income, 10000)
		self.assertEqual([r.risk_type for r in case.risk_types], ["因病", "饮水安全"])
		# no labour any more: no developmental measure is expected, but 饮水安全 now needs a measure
		self.assertNotIn("开发式", case.assistance_issues)
		self.assertIn("饮水安全", case.assistance_issues)

	def test_bad_member_row_is_named_and_nothing_is_written(self):
		case = self.monitored_case("秦二")
		frappe.set_user(self.officer)
		doc = frappe.get_doc(
			{
				"doctype": "Follow-up Visit",
				"case": case.name,
				"method": "Phone call",
				"findings": "电话询问",
				"water_unsafe": 1,
				"member_updates": [{"change": "Deceased", "member_id_number": fresh_id_number()}],
			}
		)
		self.assertRaisesRegex(frappe.ValidationError, "成员变化第 1 行", doc.insert)
		self.assertEqual(frappe.db.get_value("Household", case.household, "water_unsafe"), 0)

	def test_other_town_cannot_record_a_visit(self):
		case = self.monitored_case("秦三")
		frappe.set_user(self.beima_officer)
		self.assertRaises(frappe.PermissionError, visit, case.name, submit=False)

	def test_cases_without_a_recent_visit_are_flagged(self):
		case = self.monitored_case("秦四")
		frappe.db.set_single_value("Fanpin Settings", "visit_interval_days", 30)
		frappe.db.set_value("Monitoring Case", case.name, "identified_on", add_days(today(), -31))
		flag_cases_without_recent_visit()
		self.assertEqual(frappe.db.get_value("Monitoring Case", case.name, "visit_overdue"), 1)
		frappe.set_user(self.officer)
		visit(case.name)
		self.assertEqual(frappe.db.get_value("Monitoring Case", case.name, "visit_overdue"), 0)
		frappe.set_user("Administrator")
		flag_cases_without_recent_visit()
		self.assertEqual(frappe.db.get_value("Monitoring Case", case.name, "visit_overdue"), 0)
