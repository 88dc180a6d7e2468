# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""帮扶责任人: the assignment history a household keeps, and a contact's desk login, which sees and
updates only the households assigned to them now."""

import frappe
from frappe.desk.query_report import run
from frappe.desk.reportview import execute as report_view
from frappe.utils import add_days, today

from fanpin.api.search import household_query
from fanpin.permissions.scope import viewer
from fanpin.testing import (
	DONGLAI,
	AssistanceTestCase,
	assign_contact,
	make_contact,
	make_staff_user,
	make_village,
)

CONTACT_USER = "contact.test@fanpin.test"


def visit(case: str, submit: bool = True):
	doc = frappe.get_doc(
		{"doctype": "Follow-up Visit", "case": case, "method": "Home visit", "findings": "入户走访，情况稳定"}
	).insert()
	if submit:
		doc.submit()
	return doc


class TestAssistanceContact(AssistanceTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.other_village = make_village(DONGLAI, 31, "责任人测试邻村")
		cls.contact = make_contact("王书记", "First secretary", user=CONTACT_USER, unit="东莱街道办")
		cls.colleague = make_contact("李委员", "Village committee")

	def setUp(self):
		super().setUp()
		frappe.set_user("Administrator")

	def assigned_case(self, name: str, contact: str | None = None, **dates):
		case = self.monitored_case(name)
		assign_contact(case.household, contact or self.contact, **dates)
		return case

	def test_history_is_kept(self):
		case = self.assigned_case("贺一", from_date=add_days(today(), -30))
		household = frappe.get_doc("Household", case.household)
		household.assistance_contacts = []
		self.assertRaisesRegex(
			frappe.ValidationError, "帮扶责任人第 1 行（王书记）不能删除：请填写结束日期", household.save
		)

		household.reload()
		household.assistance_contacts[0].to_date = add_days(today(), -31)
		self.assertRaisesRegex(frappe.ValidationError, "结束日期早于开始日期", household.save)

		household.reload()
		household.append("assistance_contacts", {"contact": self.contact, "from_date": today()})
		self.assertRaisesRegex(frappe.ValidationError, "第 1 行和第 2 行为 王书记 安排了重叠", household.save)

		# ended yesterday, then taken up again today: the history has both periods
		household.reload()
		household.assistance_contacts[0].to_date = add_days(today(), -1)
		household.append("assistance_contacts", {"contact": self.contact, "from_date": today()})
		household.save()
		self.assertEqual(len(frappe.get_doc("Household", case.household).assistance_contacts), 2)

	def test_contact_sees_and_updates_only_assigned_households(self):
		mine = self.assigned_case("贺二")
		theirs = self.assigned_case("贺三", self.colleague)
		frappe.set_user(CONTACT_USER)
		self.assertIn(mine.household, viewer().households)
		listed = set(frappe.get_list("Household", pluck="name", limit_page_length=0))
		self.assertIn(mine.household, listed)
		self.assertNotIn(theirs.household, listed)
		cases = set(frappe.get_list("Monitoring Case", pluck="name", limit_page_length=0))
		self.assertIn(mine.name, cases)
		self.assertNotIn(theirs.name, cases)
		members = {
			row.parent
			for row in frappe.get_list(
				"Household Member", parent_doctype="Household", fields=["parent"], limit_page_length=0
			)
		}
		self.assertIn(mine.household, members)
		self.assertNotIn(theirs.household, members)
		shown = report_view("Household", fields=["name"], limit_page_length=0, as_list=True)
		self.assertNotIn(theirs.household, {row[0] for row in shown})

		for ptype in ("read", "write"):
			self.assertTrue(frappe.has_permission("Household", ptype, mine.household))
			self.assertFalse(frappe.has_permission("Household", ptype, theirs.household))
		self.assertTrue(frappe.has_permission("Monitoring Case", "read", mine.name))
		self.assertFalse(frappe.has_permission("Monitoring Case", "write", mine.name))  # read only
		self.assertFalse(frappe.has_permission("Monitoring Case", "read", theirs.name))
		self.assertFalse(frappe.has_permission("Household", "create"))
		self.assertRaises(
			frappe.PermissionError, frappe.get_doc("Household", theirs.household).check_permission
		)

		found = {row[0] for row in household_query("Household", "", "name", 0, 50, {})}
		self.assertIn(mine.household, found)
		self.assertNotIn(theirs.household, found)
		self.assertEqual(household_query("Household", "贺三", "name", 0, 20, {}), [])

		# the areas go by village: a contact has none, so area reports are not theirs
		self.assertRaises(frappe.PermissionError, run, "Monitoring Roster", filters={})

		household = frappe.get_doc("Household", mine.household)
		household.address = "东莱街道一号"
		household.save()
		household.village = self.other_village
		self.assertRaisesRegex(frappe.PermissionError, "不能由您改变所在村", household.save)

	def test_an_ended_assignment_drops_access(self):
		case = self.assigned_case("贺四", from_date=add_days(today(), -60))
		frappe.set_user(CONTACT_USER)
		self.assertTrue(frappe.has_permission("Household", "read", case.household))
		frappe.set_user("Administrator")
		household = frappe.get_doc("Household", case.household)
		household.assistance_contacts[0].to_date = add_days(today(), -1)
		household.save()
		frappe.set_user(CONTACT_USER)
		self.assertFalse(frappe.has_permission("Household", "read", case.household))
		self.assertNotIn(case.household, frappe.get_list("Household", pluck="name", limit_page_length=0))
		# a disabled contact's login sees none of its households either
		frappe.set_user("Administrator")
		later = self.assigned_case("贺五")
		frappe.db.set_value("Assistance Contact", self.contact, "enabled", 0)
		try:
			frappe.set_user(CONTACT_USER)
			self.assertFalse(frappe.has_permission("Household", "read", later.household))
		finally:
			frappe.set_user("Administrator")
			frappe.db.set_value("Assistance Contact", self.contact, "enabled", 1)

	def test_contact_records_a_visit_for_an_assigned_household_only(self):
		mine = self.assigned_case("贺六")
		theirs = self.assigned_case("贺七", self.colleague)
		frappe.set_user(CONTACT_USER)
		done = visit(mine.name)
		self.assertEqual(done.docstatus, 1)
		self.assertEqual(done.visitor, frappe.utils.get_fullname(CONTACT_USER))
		self.assertEqual(frappe.db.get_value("Monitoring Case", mine.name, "last_visit"), done.name)
		self.assertRaises(frappe.PermissionError, visit, theirs.name)
		frappe.set_user("Administrator")
		self.assertFalse(frappe.db.exists("Follow-up Visit", {"case": theirs.name}))

	def test_a_clerks_visit_still_updates_the_case(self):
		case = self.monitored_case("贺八")
		frappe.set_user(self.clerk)
		done = visit(case.name)
		self.assertEqual(frappe.db.get_value("Monitoring Case", case.name, "last_visit"), done.name)

	def test_desk_login_is_one_contacts_and_set_by_the_county_only(self):
		duplicate = frappe.get_doc(
			{"doctype": "Assistance Contact", "contact_name": "重名", "user": CONTACT_USER}
		)
		self.assertRaisesRegex(frappe.ValidationError, "已是帮扶责任人 王书记 的登录账号", duplicate.insert)
		# a town officer adds contacts but cannot make a login see households (permission level 1)
		other = make_staff_user("contact.other@fanpin.test", "Fanpin Assistance Contact")
		frappe.set_user(self.officer)
		doc = frappe.get_doc(
			{"doctype": "Assistance Contact", "contact_name": "赵网格", "post": "Grid worker", "user": other}
		).insert()
		self.assertIsNone(doc.user)
		frappe.set_user(self.city)
		doc.reload()
		doc.user = other
		doc.save()
		self.assertEqual(frappe.db.get_value("Assistance Contact", doc.name, "user"), other)
