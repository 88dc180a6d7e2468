"""Scheduled jobs run one by one: each listed in hooks.py is its own Scheduled Job Type, and one that
fails does not stop the others."""

from unittest.mock import patch

import frappe
from frappe.utils import add_days, today

from fanpin import hooks
from fanpin.testing import DONGLAI, FanpinTestCase, make_monitored_case, make_village

JOBS = [method for frequency in ("daily", "daily_long") for method in hooks.scheduler_events[frequency]]


class TestScheduledJobs(FanpinTestCase):
	def test_every_job_is_its_own_scheduled_job(self):
		self.assertGreater(len(JOBS), 3)
		for method in JOBS:
			self.assertTrue(frappe.get_attr(method), method)
			self.assertTrue(frappe.db.exists("Scheduled Job Type", {"method": method}), method)
		long = {m for m in hooks.scheduler_events["daily_long"]}
		self.assertEqual(long, {"fanpin.tasks.refresh_expired_measures", "fanpin.tasks.remove_old_exports"})

	def test_a_failing_job_does_not_stop_the_others(self):
		case = make_monitored_case(make_village(DONGLAI, 40), "定时甲")
		frappe.db.set_single_value("Fanpin Settings", "visit_interval_days", 30)
		frappe.db.set_value(
			"Monitoring Case", case.name, {"identified_on": add_days(today(), -31), "visit_overdue": 0}
		)
		broken = "fanpin.tasks.flag_overdue_verifications"
		# Frappe's execute() commits (or rolls back) after each job: here the test's transaction stays
		# open, so nothing it makes outlives the test
		with (
			patch(broken, side_effect=RuntimeError("断开")),
			patch("frappe.db.commit"),
			patch("frappe.db.rollback"),
		):
			# in the order the scheduler would meet them, the broken one first
			for method in sorted(JOBS, key=lambda m: m != broken):
				frappe.get_doc("Scheduled Job Type", {"method": method}).execute()
		self.assertEqual(frappe.db.get_value("Monitoring Case", case.name, "visit_overdue"), 1)
		last = frappe.get_all(
			"Scheduled Job Log",
			filters={"scheduled_job_type": frappe.db.get_value("Scheduled Job Type", {"method": broken})},
			fields=["status"],
			order_by="creation desc",
			limit=1,
		)
		self.assertEqual(last[0].status, "Failed")
