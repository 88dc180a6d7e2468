# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""The annual risk assessment as its user follows it: a moving bar, then the counts on screen and in
the bell (the assessment's own rules are tested with the exit, in test_risk_elimination)."""

from unittest.mock import patch

import frappe
from frappe.utils import getdate, today

from fanpin.api.assessment import run_annual_assessment
from fanpin.controllers.jobs import Progress
from fanpin.testing import (
	DONGLAI,
	FanpinTestCase,
	ensure_line,
	make_monitored_case,
	make_staff_user,
	make_village,
)


def last_notification(user: str):
	return frappe.get_all(
		"Notification Log",
		filters={"for_user": user},
		fields=["subject", "type", "link", "document_type", "document_name"],
		order_by="creation desc",
		limit=1,
	)[0]


class TestJobProgress(FanpinTestCase):
	def test_the_bar_moves_in_at_most_twenty_steps_and_closes_at_the_end(self):
		self.assertEqual([len(c) for c in Progress("t", 100).chunks(list(range(100)), 1000)], [5] * 20)
		self.assertEqual([len(c) for c in Progress("t", 3).chunks(list(range(3)), 1000)], [1, 1, 1])
		self.assertEqual(len(Progress("t", 50_000).chunks(list(range(50_000)), 1000)), 50)  # DB chunks win
		with patch("frappe.publish_progress") as publish:
			progress = Progress("t", 100)
			progress.start()
			for done in range(1, 101):
				progress.step(done)
		percents = [call.args[0] for call in publish.call_args_list]
		self.assertEqual(len(percents), 21)  # the sliver that opens it, then every 5 %
		self.assertTrue(all(0 < p < 100 for p in percents))  # 100 would close the bar before the end


class TestAnnualAssessmentNotice(FanpinTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.year = getdate(today()).year
		ensure_line(cls.year)
		cls.village = make_village(DONGLAI, 31, "评估测试村")
		cls.city = make_staff_user("assess.city@fanpin.test", "Fanpin City Office")

	def test_the_city_office_sees_the_bar_move_and_learns_the_counts(self):
		cases = [make_monitored_case(self.village, f"评估{index}").name for index in range(3)]
		frappe.set_user(self.city)
		with (
			patch("frappe.publish_progress") as progress,
			patch("frappe.publish_realtime") as realtime,
		):
			result = run_annual_assessment(self.year)
		self.assertGreaterEqual(result["created"], 3)
		percents = [call.args[0] for call in progress.call_args_list]
		self.assertTrue(any(0 < p < 100 for p in percents), percents)
		self.assertEqual(percents, sorted(percents))
		self.assertEqual(percents[-1], 100)
		self.assertEqual(progress.call_args.kwargs["title"], f"{self.year}年度风险评估")

		# the counts in Chinese, on screen once committed, and in the bell with a link to the year
		counts = (
			f"监测中 {result['cases']} 户：本次评估 {result['created']} 户"
			f"（建议退出 {result['proposed_exit']} 户，继续监测 {result['created'] - result['proposed_exit']} 户），"
			f"此前已评估 {result['already_assessed']} 户"
		)
		message = next(call for call in realtime.call_args_list if call.args[0] == "msgprint")
		self.assertEqual(message.args[1]["message"], counts)
		self.assertEqual(message.args[1]["title"], f"{self.year}年度风险评估")
		self.assertEqual(message.kwargs["user"], self.city)
		self.assertTrue(message.kwargs["after_commit"])
		frappe.set_user("Administrator")
		log = last_notification(self.city)
		self.assertEqual(log.type, "Alert")
		self.assertIn(counts, log.subject)
		self.assertEqual(log.link, f"/app/risk-assessment?year={self.year}")
		for case in cases:
			self.assertEqual(frappe.db.count("Risk Assessment", {"case": case, "year": self.year}), 1)

		# again: nothing new, and the user is told so
		frappe.set_user(self.city)
		with patch("frappe.publish_progress"), patch("frappe.publish_realtime"):
			self.assertEqual(run_annual_assessment(self.year)["created"], 0)
		self.assertIn("本次评估 0 户", last_notification(self.city).subject)

	def test_a_failed_run_saves_nothing_and_says_so(self):
		case = make_monitored_case(self.village, "评估失败").name
		frappe.set_user(self.city)
		with (
			patch("fanpin.api.assessment.bulk_insert", side_effect=RuntimeError("disk full")),
			patch("frappe.publish_progress"),
			patch("frappe.publish_realtime") as realtime,
		):
			self.assertEqual(run_annual_assessment(self.year), {"status": "Failed"})
		message = next(call for call in realtime.call_args_list if call.args[0] == "msgprint")
		self.assertEqual(message.args[1]["indicator"], "red")
		self.assertIn("风险评估中止（RuntimeError）", message.args[1]["message"])
		frappe.set_user("Administrator")
		self.assertIn("风险评估中止", last_notification(self.city).subject)
		self.assertFalse(frappe.db.exists("Risk Assessment", {"case": case, "year": self.year}))
