# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

from unittest.mock import patch

import frappe
from frappe.utils import add_days, getdate, today

from fanpin.api.assessment import run_annual_assessment
from fanpin.testing import (
	BEIMA,
	POLICY_LIFTED,
	CaseTestCase,
	act,
	make_case,
	make_household,
	make_income,
	make_staff_user,
	make_village,
	member,
)

EXIT_CONTROLLER = "fanpin.controllers.staged.today"


def propose(case: str, method="Eliminated through assistance"):
	return frappe.get_doc({"doctype": "Risk Elimination", "case": case, "method": method}).insert()


class TestRiskElimination(CaseTestCase):
	def monitored_case(self, household_type="Ordinary rural household", name="蒋一", **household):
		household_name = make_household(
			self.village, members=[member(name, **household)], household_type=household_type
		).name
		make_income(household_name, today(), 5000)
		case = make_case(household_name, condition_a=1)
		self.walk(case.name, until="compare")
		self.finish_notice(case.name)
		make_income(household_name, add_days(today(), 400), 9000)  # later year: income now above the line
		return frappe.get_doc("Monitoring Case", case.name)

	def test_unstable_household_is_marked_directly_by_the_city_office(self):
		case = self.monitored_case(POLICY_LIFTED, "蒋二")
		frappe.db.set_value(
			"Household", case.household, "household_type", "Lifted out of poverty (no policy)"
		)
		frappe.set_user(self.officer)
		exit_doc = propose(case.name)
		self.assertIn("6 个月", exit_doc.exit_findings)  # a warning, not a block
		self.assertEqual(exit_doc.has_blocking_findings, 0)
		frappe.set_user(self.city)
		act("Risk Elimination", exit_doc.name, "标注返贫风险消除")
		case.reload()
		self.assertEqual(case.stage, "Risk eliminated")
		self.assertEqual(case.workflow_state, "风险已消除")
		self.assertEqual(case.elimination_method, "Eliminated through assistance")
		self.assertEqual(
			frappe.db.get_value("Household", case.household, ["monitoring_status", "household_type"]),
			("Risk eliminated", POLICY_LIFTED),
		)

	def test_marginal_household_goes_through_appraisal_review_and_notice(self):
		case = self.monitored_case(name="蒋三")
		frappe.set_user(self.officer)
		exit_doc = propose(case.name)
		frappe.set_user(self.city)
		self.assertRaises(frappe.ValidationError, act, "Risk Elimination", exit_doc.name, "标注返贫风险消除")
		frappe.set_user(self.officer)
		act("Risk Elimination", exit_doc.name, "提交民主评议")
		act(
			"Risk Elimination",
			exit_doc.name,
			"评议通过，报镇街区审核",
			appraisal_date=today(),
			appraisal_result="同意",
		)
		frappe.set_user(self.reviewer)
		act("Risk Elimination", exit_doc.name, "审核通过，进入公示")
		frappe.set_user(self.officer)
		self.assertRaisesRegex(
			frappe.ValidationError,
			"不能提前结束",
			act,
			"Risk Elimination",
			exit_doc.name,
			"公示期满，报市扶贫办",
		)
		with patch(EXIT_CONTROLLER, return_value=add_days(today(), 5)):
			act("Risk Elimination", exit_doc.name, "公示期满，报市扶贫办")
			frappe.set_user(self.city)
			act("Risk Elimination", exit_doc.name, "标注致贫风险消除")
		self.assertEqual(frappe.db.get_value("Monitoring Case", case.name, "stage"), "Risk eliminated")
		self.assertEqual(
			frappe.db.get_value("Household", case.household, "household_type"), "Ordinary rural household"
		)

	def test_blocking_checks_stop_the_exit(self):
		case = self.monitored_case(name="蒋四", labour_skill="No labour capacity")
		frappe.set_user(self.officer)
		exit_doc = propose(case.name)
		self.assertEqual(exit_doc.has_blocking_findings, 1)
		self.assertIn("无劳动能力", exit_doc.exit_findings)
		self.assertRaisesRegex(
			frappe.ValidationError, "不符合退出条件", act, "Risk Elimination", exit_doc.name, "提交民主评议"
		)

	def test_only_monitored_cases_exit_once(self):
		household = make_household(self.village, members=[member("蒋五")]).name
		make_income(household, today(), 5000)
		case = make_case(household, condition_a=1)
		self.assertRaisesRegex(frappe.ValidationError, "只有已纳入监测的案件", propose, case.name)
		monitored = self.monitored_case(name="蒋六")
		propose(monitored.name)
		self.assertRaisesRegex(frappe.ValidationError, "已有", propose, monitored.name)


class TestAnnualAssessment(CaseTestCase):
	def test_every_case_in_scope_once(self):
		case = make_case(
			make_household(self.village, members=[member("沈一")]).name, condition_a=1, per_capita_income=5000
		)
		self.walk(case.name, until="compare")
		self.finish_notice(case.name)
		beima_village = make_village(BEIMA, 30)
		other = make_case(
			make_household(beima_village, members=[member("沈二")]).name,
			condition_a=1,
			per_capita_income=5000,
		)
		frappe.db.set_value(
			"Monitoring Case", other.name, {"stage": "Under monitoring", "identified_on": "2024-01-01"}
		)
		year = getdate(today()).year

		frappe.set_user(self.officer)  # a town-scoped caller assesses only its own town
		run_annual_assessment(year)
		assessed = frappe.get_all("Risk Assessment", filters={"year": year}, pluck="case")
		self.assertIn(case.name, assessed)
		self.assertNotIn(other.name, assessed)

		frappe.set_user(self.city)
		run_annual_assessment(year)
		self.assertEqual(run_annual_assessment(year)["created"], 0)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.count("Risk Assessment", {"year": year, "case": case.name}), 1)
		self.assertEqual(frappe.db.count("Risk Assessment", {"year": year, "case": other.name}), 1)

	def test_only_the_city_office_starts_it(self):
		from fanpin.api.assessment import start_annual_assessment

		frappe.set_user(
			make_staff_user("assess.officer@fanpin.test", "Fanpin Town Officer", self.village[:9] + "000")
		)
		self.assertRaises(frappe.PermissionError, start_annual_assessment, 2021)
