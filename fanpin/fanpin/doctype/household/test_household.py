# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import datetime

import frappe
import frappe.share
from frappe.desk.reportview import get as reportview_get
from frappe.desk.search import search_link

from fanpin.policy.idcard import make_id_number
from fanpin.testing import (
	BEIMA,
	DONGLAI,
	FanpinTestCase,
	fresh_id_number,
	make_household,
	make_staff_user,
	make_village,
	member,
)


class TestHousehold(FanpinTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.village = make_village(DONGLAI, 1, "测试东村")

	def test_town_follows_village_and_facts_are_derived(self):
		head_id = make_id_number("370681", datetime.date(1960, 5, 17), 11)
		household = make_household(
			self.village,
			members=[
				member("张三", id_number=head_id.lower().replace("3", "３", 1)),
				member(
					"李四",
					"Spouse",
					male=False,
					labour_skill="No labour capacity",
					medical_insurance="Not insured",
				),
			],
		)
		self.assertEqual(household.town, DONGLAI)
		self.assertEqual(household.head_name, "张三")
		self.assertEqual(household.head_id_number, head_id)
		self.assertEqual(household.member_count, 2)
		self.assertEqual(household.no_labour_capacity, 0)
		self.assertEqual(household.member_uninsured, 1)
		head = household.members[0]
		self.assertEqual(head.id_number, head_id)  # full-width digit normalised
		self.assertEqual(str(head.birth_date), "1960-05-17")
		self.assertEqual(head.gender, "Male")
		self.assertGreaterEqual(head.age, 65)
		self.assertEqual((head.name_pinyin, head.name_initials), ("zhangsan", "zs"))
		self.assertIn("lisi", household.search_keywords)

	def test_whole_household_without_labour(self):
		household = make_household(
			self.village, members=[member("王五", labour_skill="Lost labour capacity")]
		)
		self.assertEqual(household.no_labour_capacity, 1)

	def test_bad_id_numbers_name_the_member_row(self):
		cases = {
			"370681196005171": "15位",
			"370681196005171X": "应为18位",
			make_id_number("370681", datetime.date(1960, 5, 17), 11)[:-1] + "0": "校验码错误",
		}
		for number, expected in cases.items():
			doc = make_household(
				self.village,
				members=[member("张三"), member("赵六", "Son", id_number=number)],
				do_insert=False,
			)
			with self.assertRaises(frappe.ValidationError) as caught:
				doc.insert()
			message = str(caught.exception)
			self.assertIn("家庭成员第 2 行（赵六）", message)
			self.assertIn(expected, message)
		self.assertFalse(frappe.db.exists("Household Member", {"member_name": "赵六"}))

	def test_one_live_record_per_id_number_in_the_county(self):
		number = fresh_id_number()
		first = make_household(self.village, members=[member("孙七", id_number=number)])
		other_town = make_village(BEIMA, 1, "测试北村")
		with self.assertRaises(frappe.ValidationError) as caught:
			make_household(other_town, members=[member("孙七", id_number=number)])
		self.assertIn(first.name, str(caught.exception))
		self.assertIn("家庭成员第 1 行（孙七）", str(caught.exception))
		# once the person has moved out of the first household, the ID may be registered again
		first.append("members", member("孙八"))
		first.members[0].member_status = "Moved out"
		first.members[1].relation = "Head of household"
		first.members[0].relation = "Son"
		first.save()
		self.assertTrue(make_household(other_town, members=[member("孙七", id_number=number)]).name)

	def test_same_id_twice_in_one_household(self):
		number = fresh_id_number()
		doc = make_household(
			self.village,
			members=[member("周一", id_number=number), member("周二", "Son", id_number=number)],
			do_insert=False,
		)
		self.assertRaisesRegex(frappe.ValidationError, "第 1、2 行", doc.insert)

	def test_exactly_one_head(self):
		doc = make_household(self.village, members=[member("吴一", "Son")], do_insert=False)
		self.assertRaisesRegex(frappe.ValidationError, "户主", doc.insert)
		doc = make_household(self.village, members=[member("吴一"), member("吴二")], do_insert=False)
		self.assertRaisesRegex(frappe.ValidationError, "第 1、2 行都标为户主", doc.insert)

	def test_village_must_be_a_village(self):
		doc = make_household(DONGLAI, do_insert=False)
		self.assertRaisesRegex(frappe.ValidationError, "不是村/社区", doc.insert)

	def test_household_number_is_optional_but_unique(self):
		make_household(self.village, household_code="")
		make_household(self.village, household_code=None)
		make_household(self.village, household_code="370681900000000001")
		self.assertRaisesRegex(
			frappe.ValidationError,
			"户编号 370681900000000001 已被",
			make_household,
			self.village,
			household_code="370681900000000001",
		)

	def test_pinyin_finds_the_household_in_link_search_and_list(self):
		household = make_household(self.village, members=[member("单雄信")])
		for typed in ("sxx", "shanxiongxin", "单雄"):
			found = [row["value"] for row in search_link("Household", typed)]
			self.assertIn(household.name, found, typed)
		listed = frappe.get_list("Household", filters={"search_keywords": ("like", "%sxx%")}, pluck="name")
		self.assertIn(household.name, listed)

	def test_pinyin_search_matches_from_the_start_and_names_the_member_found(self):
		household = make_household(
			self.village,
			members=[member("欧阳修"), member("欧阳小凤", "Daughter", id_number=fresh_id_number())],
		)
		inside = make_household(self.village, members=[member("王欧小峰")])  # initials w-o-x-f
		rows = {row["value"]: row for row in search_link("Household", "oyxf")}
		self.assertIn(household.name, rows)
		self.assertIn("找到成员：欧阳小凤", rows[household.name]["description"])
		found = [row["value"] for row in search_link("Household", "oxf")]
		self.assertNotIn(household.name, found)
		self.assertIn(inside.name, [row["value"] for row in search_link("Household", "wox")])
		self.assertNotIn(inside.name, [row["value"] for row in search_link("Household", "ox")])
		head = frappe.db.get_value("Household", household.name, "head_id_number")
		self.assertIn(household.name, [row["value"] for row in search_link("Household", head[:10])])

	def test_search_finds_any_member_by_the_start_of_a_name_or_id_number_and_any_part_of_a_name(self):
		daughter_id = fresh_id_number()
		household = make_household(
			self.village,
			members=[member("司马光"), member("司马琳琅", "Daughter", id_number=daughter_id)],
		)
		for typed in ("司马琳", "琳琅", daughter_id[:14], daughter_id):
			rows = {row["value"]: row for row in search_link("Household", typed)}
			self.assertIn(household.name, rows, typed)
			self.assertIn("找到成员：司马琳琅", rows[household.name]["description"], typed)
		# pinyin is read from its start, also when nothing starts with it
		self.assertNotIn(household.name, [row["value"] for row in search_link("Household", "mll")])


class TestHouseholdScope(FanpinTestCase):
	"""A town-A officer never sees a town-B household: form, list, link search, report view."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.donglai_village = make_village(DONGLAI, 2, "测试甲村")
		cls.donglai_other_village = make_village(DONGLAI, 3, "测试乙村")
		cls.beima_village = make_village(BEIMA, 2, "测试丙村")
		cls.ours = make_household(cls.donglai_village, members=[member("钱多多")])
		cls.neighbours = make_household(cls.donglai_other_village, members=[member("钱少少")])
		cls.theirs = make_household(cls.beima_village, members=[member("钱多多")])
		cls.officer = make_staff_user("scope.officer@fanpin.test", "Fanpin Town Officer", DONGLAI)
		cls.clerk = make_staff_user("scope.clerk@fanpin.test", "Fanpin Village Clerk", cls.donglai_village)

	def test_a_household_is_shared_with_no_one(self):
		"""A share would list the household for a user outside its area: refused even for
		Administrator."""
		self.assertRaisesRegex(
			frappe.PermissionError,
			"不能共享",
			frappe.share.add,
			"Household",
			self.theirs.name,
			self.officer,
			read=1,
		)
		self.assertFalse(frappe.db.exists("DocShare", {"share_name": self.theirs.name}))

	def test_town_officer_sees_own_town_only(self):
		frappe.set_user(self.officer)
		names = frappe.get_list("Household", pluck="name", limit_page_length=0)
		self.assertIn(self.ours.name, names)
		self.assertIn(self.neighbours.name, names)
		self.assertNotIn(self.theirs.name, names)
		self.assertTrue(frappe.has_permission("Household", doc=self.ours.name))
		self.assertFalse(frappe.has_permission("Household", doc=self.theirs.name))
		self.assertRaises(
			frappe.PermissionError, frappe.get_doc("Household", self.theirs.name).check_permission
		)

	def test_link_search_and_report_view_are_scoped(self):
		frappe.set_user(self.officer)
		for ignore in (False, True):
			found = [row["value"] for row in search_link("Household", "qdd", ignore_user_permissions=ignore)]
			self.assertIn(self.ours.name, found)
			self.assertNotIn(self.theirs.name, found)
		frappe.local.form_dict.update(doctype="Household", fields=["name"], filters=[], page_length=0)
		report = reportview_get()
		rows = {row[0] for row in report["values"]}
		self.assertIn(self.ours.name, rows)
		self.assertNotIn(self.theirs.name, rows)
		areas = [row["value"] for row in search_link("Area", "测试")]
		self.assertIn(self.donglai_village, areas)
		self.assertNotIn(self.beima_village, areas)

	def test_village_clerk_sees_own_village_only(self):
		frappe.set_user(self.clerk)
		names = frappe.get_list("Household", pluck="name", limit_page_length=0)
		self.assertEqual(
			set(names) & {self.ours.name, self.neighbours.name, self.theirs.name}, {self.ours.name}
		)

	def test_officer_cannot_create_in_another_town(self):
		frappe.set_user(self.officer)
		self.assertRaises(frappe.PermissionError, make_household, self.beima_village)
		self.assertTrue(make_household(self.donglai_village, members=[member("钱三")]).name)
