# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe.utils import add_days, today

from fanpin.controllers.stage import state_for_stage
from fanpin.policy import procedure
from fanpin.testing import DONGLAI, FanpinTestCase, ensure_line, make_monitored_case, make_village

WORKFLOW = "监测对象认定"
NEW_STATE = "村级公示（测试）"


class TestWorkflowRename(FanpinTestCase):
	"""An admin renames a state in the desk: a new Workflow State in its row and its transitions."""

	def setUp(self):
		super().setUp()
		ensure_line(int(today()[:4]))
		self.village = make_village(DONGLAI, 31, "改名测试村")
		self.old_state = state_for_stage("Monitoring Case", procedure.NOTICE)
		self.on_notice = make_monitored_case(
			self.village,
			"公示户",
			stage=procedure.NOTICE,
			notice_start=add_days(today(), -9),
			notice_end=add_days(today(), -5),
			condition_a=1,
		)
		self.entered = make_monitored_case(self.village, "录入户", stage=procedure.ENTRY)
		self.exits_on_notice = frappe.db.count("Risk Elimination", {"workflow_state": self.old_state})

	def tearDown(self):
		frappe.db.rollback()
		# the renamed workflow must not outlive the test in the cache other processes read
		frappe.clear_document_cache("Workflow", WORKFLOW)
		frappe.clear_cache(doctype="Monitoring Case")
		super().tearDown()

	def rename(self, old: str, new: str, stage: str | None = None) -> None:
		if not frappe.db.exists("Workflow State", new):
			frappe.get_doc({"doctype": "Workflow State", "workflow_state_name": new}).insert()
		workflow = frappe.get_doc("Workflow", WORKFLOW)
		for row in workflow.states:
			if row.state == old:
				row.state = new
				row.update_value = stage or row.update_value
		for row in workflow.transitions:
			row.state = new if row.state == old else row.state
			row.next_state = new if row.next_state == old else row.next_state
		workflow.save()

	def state_of(self, case) -> str:
		return frappe.db.get_value("Monitoring Case", case.name, "workflow_state")

	def test_cases_follow_a_renamed_state(self):
		self.rename(self.old_state, NEW_STATE)
		self.assertEqual(self.state_of(self.on_notice), NEW_STATE)
		self.assertEqual(
			frappe.db.get_value("Monitoring Case", self.on_notice.name, "stage"), procedure.NOTICE
		)
		self.assertFalse(frappe.db.exists("Monitoring Case", {"workflow_state": self.old_state}))
		# other states, and the exits that use a state of the same name, stay where they are
		self.assertEqual(self.state_of(self.entered), state_for_stage("Monitoring Case", procedure.ENTRY))
		self.assertEqual(
			frappe.db.count("Risk Elimination", {"workflow_state": self.old_state}), self.exits_on_notice
		)

	def test_the_case_goes_on_from_the_new_state(self):
		self.rename(self.old_state, NEW_STATE)
		frappe.clear_document_cache("Workflow", WORKFLOW)
		from frappe.model.workflow import apply_workflow

		case = apply_workflow(frappe.get_doc("Monitoring Case", self.on_notice.name), "公示期满，报送录入")
		self.assertEqual(case.stage, procedure.ENTRY)

	def test_a_state_replaced_by_one_of_another_stage_keeps_its_cases(self):
		self.rename(self.old_state, NEW_STATE, stage=procedure.ENTRY)
		self.assertEqual(self.state_of(self.on_notice), self.old_state)
