# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe.model.workflow import WorkflowTransitionError
from frappe.utils import today

from fanpin.patches.v0_2 import clerk_records_home_verification
from fanpin.testing import CaseTestCase, make_case


class TestClerkRecordsHomeVerification(CaseTestCase):
	"""The village does the home visit: its clerk records it, the town officer sends the case on."""

	def test_clerk_records_the_visit_and_only_the_officer_takes_the_action(self):
		case = make_case(self.new_household(), condition_a=1)
		frappe.set_user(self.clerk)
		case = frappe.get_doc("Monitoring Case", case.name)
		case.update({"verified_on": today(), "verifiers": "王村委", "verification_notes": "情况属实"})
		case.save()
		self.assertEqual(frappe.db.get_value("Monitoring Case", case.name, "verifiers"), "王村委")
		with self.assertRaises(WorkflowTransitionError):
			frappe.model.workflow.apply_workflow(case.as_dict(), "核实完成，提交评议")

		frappe.set_user(self.officer)
		frappe.model.workflow.apply_workflow(
			frappe.get_doc("Monitoring Case", case.name).as_dict(), "核实完成，提交评议"
		)
		self.assertEqual(frappe.db.get_value("Monitoring Case", case.name, "stage"), "Democratic appraisal")

		# past its own stage the clerk no longer writes the visit
		frappe.set_user(self.clerk)
		case = frappe.get_doc("Monitoring Case", case.name)
		case.verifiers = "另一人"
		with self.assertRaises(frappe.PermissionError):
			case.save()

	def test_patch_adds_the_clerk_once(self):
		workflow = frappe.get_doc("Workflow", {"document_type": "Monitoring Case"})
		clerk_rows = lambda w: [r for r in w.states if r.allow_edit == "Fanpin Village Clerk"]  # noqa: E731
		for row in clerk_rows(workflow):
			workflow.remove(row)
		workflow.save(ignore_permissions=True)
		clerk_records_home_verification.execute()
		clerk_records_home_verification.execute()
		workflow.reload()
		self.assertEqual([r.update_value for r in clerk_rows(workflow)], ["Home verification"])
