# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import datetime
from unittest.mock import patch

import frappe
from frappe.model.workflow import WorkflowTransitionError
from frappe.utils import add_days, getdate, today

from fanpin.fanpin.doctype.monitoring_threshold.monitoring_threshold import get_line
from fanpin.tasks import flag_overdue_verifications
from fanpin.testing import (
	CONTROLLER,
	DONGLAI,
	POLICY_LIFTED,
	CaseTestCase,
	act,
	ensure_line,
	make_case,
	make_household,
	make_income,
	make_staff_user,
	member,
	uploaded_file,
)


class TestDetermination(CaseTestCase):
	def test_whole_procedure_by_each_role(self):
		household = self.new_household()
		frappe.set_user(self.clerk)
		case = make_case(
			household, condition_a=1, discovery_channel="Self application", channel_detail="Walk-in"
		)
		self.assertEqual((case.stage, case.workflow_state), ("Home verification", "待入户核实"))
		self.assertEqual(case.classification, "Marginal household")
		self.assertIn("边缘易致贫户", case.classification_explanation)
		line = get_line(getdate(today()).year).amount
		self.assertIn(f"{line:,.2f}", case.classification_explanation)
		self.assertTrue(case.verification_due)
		frappe.set_user("Administrator")
		self.assertIn(
			self.officer, frappe.parse_json(frappe.db.get_value("Monitoring Case", case.name, "_assign"))
		)

		# Frappe skips document versions under tests; this test is about them, so keep them.
		with patch.dict(frappe.flags, {"in_test": False}):
			self.walk(case.name, until="compare")
			case.reload()
			self.assertEqual(case.stage, "Village public notice")
			self.assertEqual(getdate(case.notice_start), getdate(today()))
			self.assertEqual(getdate(case.notice_end), getdate(add_days(today(), 4)))
			self.finish_notice(case.name)
		case.reload()
		self.assertEqual((case.stage, case.workflow_state), ("Under monitoring", "已纳入监测"))
		self.assertEqual(getdate(case.identified_on), getdate(add_days(today(), 5)))
		self.assertEqual(frappe.db.get_value("Household", household, "monitoring_status"), "Under monitoring")

		# every transition is in the history, with who made it
		changes = [
			(v.owner, frappe.parse_json(v.data))
			for v in frappe.get_all(
				"Version",
				filters={"ref_doctype": "Monitoring Case", "docname": case.name},
				fields=["owner", "data"],
				order_by="creation",
			)
		]
		moved = [
			(owner, change[2])
			for owner, data in changes
			for change in data.get("changed", [])
			if change[0] == "workflow_state"
		]
		self.assertEqual(
			moved,
			[
				(self.officer, "待民主评议"),
				(self.officer, "待镇街区审核"),
				(self.reviewer, "待信息比对"),
				(self.city, "村级公示中"),
				(self.officer, "待录入"),
				(self.city, "已纳入监测"),
			],
		)

	def test_policy_lifted_household_may_skip_comparison_others_may_not(self):
		ordinary = make_case(self.new_household(name="冯二"), condition_a=1)
		self.walk(ordinary.name, until="appraise")
		frappe.set_user(self.reviewer)
		self.assertRaises(
			WorkflowTransitionError, act, "Monitoring Case", ordinary.name, "审核通过，免比对进入公示"
		)
		doc = frappe.get_doc("Monitoring Case", ordinary.name)
		doc.workflow_state = "村级公示中"
		self.assertRaises(frappe.ValidationError, doc.save)

		frappe.set_user("Administrator")
		lifted = make_case(self.new_household(POLICY_LIFTED, name="冯三"), condition_b=1)
		self.walk(lifted.name, until="appraise")
		frappe.set_user(self.reviewer)
		act("Monitoring Case", lifted.name, "审核通过，免比对进入公示")
		self.assertEqual(
			frappe.db.get_value("Monitoring Case", lifted.name, "stage"), "Village public notice"
		)

	def test_rejection_gives_a_printable_written_notice(self):
		case = make_case(self.new_household(name="冯四"), condition_a=1)
		self.walk(case.name, until="review")
		frappe.set_user(self.city)
		self.assertRaisesRegex(frappe.ValidationError, "原因", act, "Monitoring Case", case.name, "不予纳入")
		act(
			"Monitoring Case",
			case.name,
			"不予纳入",
			comparison_result="Failed",
			rejection_reason="家庭成员名下有高档乘用车辆",
		)
		frappe.set_user(self.officer)
		html = frappe.get_print("Monitoring Case", case.name, "书面告知书")
		self.assertIn("家庭成员名下有高档乘用车辆", html)
		self.assertIn("冯四", html)
		self.assertNotIn(frappe.db.get_value("Household", case.household, "head_id_number"), html)
		self.assertEqual(
			frappe.db.get_value("Household", case.household, "monitoring_status"), "Not included"
		)

	def test_home_verification_form_prints_the_household(self):
		case = make_case(self.new_household(name="冯六"), condition_a=1, risk_types=("因病", "因学"))
		frappe.set_user(self.officer)
		html = frappe.get_print("Monitoring Case", case.name, "入户核实表")
		self.assertIn("防止返贫监测对象入户核实表", html)
		self.assertIn("冯六", html)
		self.assertIn(frappe.db.get_value("Household", case.household, "head_id_number"), html)
		self.assertIn("因病、因学", html)
		self.assertIn("东莱街道", html)
		self.assertIn("户主（签字）", html)

	def test_not_eligible_case_is_kept_with_its_explanation(self):
		case = make_case(self.new_household(per_capita=9000, name="冯五"), condition_b=1)
		self.assertEqual(case.classification, "Not eligible")
		self.assertIn("不符合", case.classification_explanation)
		self.walk(case.name, until="review")
		frappe.set_user(self.city)
		self.assertRaisesRegex(
			frappe.ValidationError,
			"不符合纳入监测条件",
			act,
			"Monitoring Case",
			case.name,
			"比对通过，进入公示",
			comparison_result="Passed",
		)

	def test_missing_line_for_the_discovery_year_is_an_error(self):
		household = self.new_household(name="冯六")
		self.assertRaisesRegex(
			frappe.ValidationError, "1999 年度尚未设置监测标准", make_case, household, "1999-06-01"
		)


class TestBypass(CaseTestCase):
	def test_stage_cannot_be_written_directly(self):
		case = make_case(self.new_household(name="褚一"), condition_a=1)
		frappe.set_user(self.officer)
		doc = frappe.get_doc("Monitoring Case", case.name)
		doc.stage = "Under monitoring"
		doc.identified_on = today()
		doc.save()
		self.assertEqual(
			frappe.db.get_value("Monitoring Case", case.name, ["stage", "identified_on"]),
			("Home verification", None),
		)

	def test_workflow_state_cannot_jump(self):
		case = make_case(self.new_household(name="褚二"), condition_a=1)
		frappe.set_user(self.officer)
		doc = frappe.get_doc("Monitoring Case", case.name)
		doc.workflow_state = "已纳入监测"
		self.assertRaises(frappe.ValidationError, doc.save)
		doc = frappe.get_doc("Monitoring Case", case.name)
		doc.workflow_state = "待民主评议"  # a real transition, but the visit is not recorded
		self.assertRaisesRegex(frappe.ValidationError, "入户核实", doc.save)
		frappe.set_user(self.city)
		self.assertRaises(
			(WorkflowTransitionError, frappe.PermissionError),  # nor may the city fill in the visit
			act,
			"Monitoring Case",
			case.name,
			"核实完成，提交评议",
			verified_on=today(),
		)

	def test_later_stage_saves_the_form_as_the_desk_sends_it(self):
		"""The desk sends dates as text: the visit's date recorded earlier does not read as changed."""
		case = make_case(self.new_household(name="褚七"), condition_a=1)
		self.walk(case.name, until="review")
		frappe.set_user(self.city)
		sent = frappe.parse_json(frappe.as_json(frappe.get_doc("Monitoring Case", case.name).as_dict()))
		self.assertIsInstance(sent["verified_on"], str)
		sent.update(comparison_result="Passed", comparison_notes="比对无异常")
		frappe.get_doc(sent).save()
		self.assertEqual(frappe.db.get_value("Monitoring Case", case.name, "comparison_result"), "Passed")
		sent = frappe.parse_json(frappe.as_json(frappe.get_doc("Monitoring Case", case.name).as_dict()))
		sent["verified_on"] = add_days(today(), -1)  # a real change is still refused
		self.assertRaisesRegex(frappe.PermissionError, "入户核实", frappe.get_doc(sent).save)

	def test_new_case_cannot_start_past_verification(self):
		household = self.new_household(name="褚三")
		doc = make_case(household, condition_a=1, do_insert=False)
		doc.workflow_state = "已纳入监测"
		self.assertRaises(frappe.ValidationError, doc.insert)

	def test_no_self_approval_of_the_town_review(self):
		both = make_staff_user("case.both@fanpin.test", "Fanpin Town Officer", DONGLAI)
		frappe.get_doc("User", both).add_roles("Fanpin Town Reviewer")
		frappe.set_user(both)
		case = make_case(self.new_household(name="褚四"), condition_a=1)
		act("Monitoring Case", case.name, "核实完成，提交评议", verified_on=today())
		act(
			"Monitoring Case",
			case.name,
			"评议通过，提交审核",
			appraisal_date=today(),
			appraisal_result="同意",
			authorization_letter=uploaded_file("a.pdf"),
		)
		self.assertRaisesRegex(
			frappe.ValidationError,
			"不允许审批自己提交的事项",
			act,
			"Monitoring Case",
			case.name,
			"审核通过，报市扶贫办比对",
		)
		doc = frappe.get_doc("Monitoring Case", case.name)
		doc.workflow_state = "待信息比对"
		self.assertRaises(frappe.PermissionError, doc.save)
		frappe.set_user(self.reviewer)
		act("Monitoring Case", case.name, "审核通过，报市扶贫办比对")

	def test_public_notice_cannot_end_early(self):
		case = make_case(self.new_household(name="褚五"), condition_a=1)
		self.walk(case.name, until="compare")
		frappe.set_user(self.officer)
		self.assertRaisesRegex(
			frappe.ValidationError, "不能提前结束", act, "Monitoring Case", case.name, "公示期满，报送录入"
		)
		doc = frappe.get_doc("Monitoring Case", case.name)
		doc.notice_end = add_days(today(), -1)
		doc.workflow_state = "待录入"
		self.assertRaisesRegex(frappe.ValidationError, "不能提前结束", doc.save)
		self.assertRaisesRegex(
			frappe.ValidationError,
			"不能提前结束",
			act,
			"Monitoring Case",
			case.name,
			"公示有异议，不予纳入",
			rejection_reason="有异议",
		)
		frappe.set_user("Administrator")
		self.assertRaisesRegex(
			frappe.ValidationError, "不能提前结束", act, "Monitoring Case", case.name, "公示期满，报送录入"
		)
		with patch(CONTROLLER, return_value=add_days(today(), 4)):
			self.assertRaises(frappe.ValidationError, act, "Monitoring Case", case.name, "公示期满，报送录入")

	def test_other_town_cannot_see_or_act(self):
		case = make_case(self.new_household(name="褚六"), condition_a=1)
		frappe.set_user(self.beima_officer)
		self.assertFalse(frappe.has_permission("Monitoring Case", doc=case.name))
		self.assertNotIn(case.name, frappe.get_list("Monitoring Case", pluck="name"))
		self.assertRaises(frappe.PermissionError, act, "Monitoring Case", case.name, "核实完成，提交评议")


class TestDeadlines(CaseTestCase):
	def test_verification_due_in_working_days_across_national_day(self):
		ensure_line(2025, 7000)
		household = make_household(self.village, members=[member("卫一")]).name
		make_income(household, "2025-09-30", 5000)
		case = make_case(household, "2025-09-30", condition_a=1)
		self.assertEqual(getdate(case.verification_due), datetime.date(2025, 10, 14))
		self.assertEqual(case.verification_overdue, 1)
		self.assertIn(
			case.name, frappe.get_all("Monitoring Case", filters={"verification_overdue": 1}, pluck="name")
		)

		override = frappe.get_doc(
			{"doctype": "Working Day Override", "date": "2025-10-09", "reason": "测试"}
		).insert()
		# the waiting case moves at once, without being saved again
		self.assertEqual(
			frappe.db.get_value("Monitoring Case", case.name, "verification_due"), datetime.date(2025, 10, 15)
		)
		override.delete()
		self.assertEqual(
			frappe.db.get_value("Monitoring Case", case.name, "verification_due"), datetime.date(2025, 10, 14)
		)

	def test_daily_job_flags_overdue_cases(self):
		case = make_case(self.new_household(name="卫二"), condition_a=1)
		frappe.db.set_value("Monitoring Case", case.name, "verification_due", add_days(today(), -1))
		flag_overdue_verifications()
		self.assertEqual(frappe.db.get_value("Monitoring Case", case.name, "verification_overdue"), 1)
		frappe.db.set_value("Monitoring Case", case.name, "verified_on", today())
		flag_overdue_verifications()
		self.assertEqual(frappe.db.get_value("Monitoring Case", case.name, "verification_overdue"), 0)
