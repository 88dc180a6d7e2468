# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe.utils import add_days, today

from fanpin.api.assistance import add_suggested_measure, get_suggestions
from fanpin.testing import AssistanceTestCase, measure


class TestAssistanceMeasure(AssistanceTestCase):
	def test_officer_accepts_suggestions_and_checks_clear(self):
		case = self.monitored_case()
		self.assertEqual(case.assistance_issue_count, 2)
		self.assertIn("有劳动能力但没有开发式帮扶措施", case.assistance_issues)
		self.assertIn("没有帮扶措施针对风险 因病", case.assistance_issues)

		frappe.set_user(self.officer)
		suggestions = get_suggestions(case.name)
		self.assertEqual(
			[(s["measure_type"], s["risk_type"]) for s in suggestions],
			[("健康帮扶", "因病"), ("产业帮扶", None)],
		)
		self.assertIn("单一风险", suggestions[0]["reason"])
		for s in suggestions:
			add_suggested_measure(case.name, s["measure_type"], s["risk_type"])
		case.reload()
		self.assertEqual(case.assistance_issue_count, 0)
		self.assertEqual(frappe.db.count("Assistance Measure", {"case": case.name, "status": "Planned"}), 2)
		self.assertEqual(get_suggestions(case.name), [])

	def test_household_without_labour_gets_basic_security_and_asset_income(self):
		case = self.monitored_case("韩二", labour_skill="No labour capacity")
		frappe.set_user(self.officer)
		suggested = [s["measure_type"] for s in get_suggestions(case.name)]
		self.assertEqual(suggested, ["健康帮扶", "综合保障", "资产收益分配"])

	def test_measure_must_answer_a_risk_of_the_case(self):
		case = self.monitored_case("韩三")
		self.assertRaisesRegex(frappe.ValidationError, "不在案件", measure, case.name, "义务教育保障", "因学")
		self.assertRaisesRegex(
			frappe.ValidationError,
			"早于",
			measure,
			case.name,
			"健康帮扶",
			"因病",
			start_date=today(),
			end_date=add_days(today(), -1),
		)

	def test_expired_measure_still_in_progress_is_flagged(self):
		case = self.monitored_case("韩四")
		measure(
			case.name,
			"健康帮扶",
			"因病",
			status="In progress",
			start_date=add_days(today(), -60),
			end_date=add_days(today(), -1),
		)
		measure(case.name, "就业帮扶", status="Completed")
		case.reload()
		self.assertEqual(case.assistance_issue_count, 1)
		self.assertIn("仍为实施中", case.assistance_issues)

	def test_assisted_exit_without_implemented_measure_is_flagged(self):
		case = self.monitored_case("韩五")
		measure(case.name, "健康帮扶", "因病")
		measure(case.name, "就业帮扶")
		frappe.get_doc(
			{"doctype": "Risk Elimination", "case": case.name, "method": "Eliminated through assistance"}
		).insert()
		case.reload()
		self.assertIn("尚无已实施的帮扶措施", case.assistance_issues)

	def test_other_town_cannot_add_measures(self):
		case = self.monitored_case("韩六")
		frappe.set_user(self.beima_officer)
		self.assertRaises(frappe.PermissionError, add_suggested_measure, case.name, "健康帮扶", "因病")
		self.assertRaises(frappe.PermissionError, measure, case.name, "健康帮扶", "因病")

	def test_checks_report_lists_only_cases_in_scope(self):
		from fanpin.fanpin.report.assistance_checks.assistance_checks import execute

		case = self.monitored_case("韩七")
		frappe.set_user(self.officer)
		self.assertIn(case.name, [row.name for row in execute({})[1]])
		frappe.set_user(self.beima_officer)
		self.assertNotIn(case.name, [row.name for row in execute({})[1]])
