import random

import frappe

from fanpin.demo import create_households, create_villages, household_code
from fanpin.policy.idcard import parse_id_number
from fanpin.testing import FanpinTestCase


class TestDemoCounty(FanpinTestCase):
	def test_households_are_valid_and_reruns_add_nothing(self):
		villages = create_villages()
		self.assertEqual(len(villages), 14 * 8)
		existing = frappe.db.count("Household", {"household_code": ("like", "370681%")})
		created = create_households(existing + 5, villages, random.Random(3))
		self.assertEqual(created, 5)
		self.assertEqual(create_households(existing + 5, villages, random.Random(3)), 0)
		household = frappe.get_doc("Household", {"household_code": household_code(existing + 5)})
		for member in household.members:
			parse_id_number(member.id_number)
		self.assertEqual(household.owner, "Administrator")
		household.save()  # the bulk-written record passes the form's own validation

	def test_demo_cases_are_consistent_and_reruns_add_nothing(self):
		from fanpin.demo import create_cases, create_demo_lines

		create_demo_lines()  # demo cases go back two years
		villages = create_villages()
		existing = frappe.db.count("Household", {"household_code": ("like", "370681%")})
		create_households(existing + 600, villages, random.Random(4))
		created = create_cases()
		self.assertGreater(created, 0)
		self.assertEqual(create_cases(), 0)
		cases = frappe.get_all(
			"Monitoring Case",
			filters={
				"household": (
					"in",
					frappe.get_all("Household", {"household_code": ("like", "370681%")}, pluck="name"),
				)
			},
			fields=["name", "household", "stage", "workflow_state", "classification", "identified_on"],
		)
		for case in cases:
			status = frappe.db.get_value("Household", case.household, ["monitoring_case"])
			self.assertEqual(status, case.name)
			if case.stage == "Under monitoring":
				self.assertEqual(case.workflow_state, "已纳入监测")
				self.assertTrue(case.identified_on and case.classification)
		eliminated = [c.name for c in cases if c.stage == "Risk eliminated"]
		if eliminated:
			self.assertEqual(
				frappe.db.count("Risk Elimination", {"case": ("in", eliminated), "stage": "Risk eliminated"}),
				len(eliminated),
			)
		# a sample of every stage is exactly what the form would have made: saving it changes nothing
		derived = (
			"verification_due",
			"verification_overdue",
			"classification",
			"classification_explanation",
			"threshold",
			"line_amount",
			"income_period_start",
			"income_period_end",
			"notice_end",
		)
		stages = {}
		for case in cases:
			stages.setdefault(case.stage, []).append(case.name)
		self.assertGreaterEqual(len(stages), 3)
		for stage, names in stages.items():
			for name in names[:2]:
				doc = frappe.get_doc("Monitoring Case", name)
				made = {field: str(doc.get(field) or "") for field in derived}
				doc.save()
				formed = {field: str(doc.get(field) or "") for field in derived}
				self.assertEqual(made, formed, f"{stage} {name}")
