"""Default workflows, installed once as ordinary Workflow records the admin may edit.

A workflow is installed only when its DocType has none: migrate never touches an edited one.
"""

import json
import os

import frappe

WORKFLOW_FILES = ("monitoring_case_determination.json", "risk_elimination.json")


def install_default_workflows() -> None:
	for filename in WORKFLOW_FILES:
		with open(os.path.join(frappe.get_app_path("fanpin"), "workflow", filename), encoding="utf-8") as f:
			workflow = json.load(f)
		if frappe.db.exists("Workflow", {"document_type": workflow["document_type"]}):
			continue
		for row in workflow["states"]:
			if not frappe.db.exists("Workflow State", row["state"]):
				frappe.get_doc({"doctype": "Workflow State", "workflow_state_name": row["state"]}).insert(
					ignore_permissions=True
				)
		for row in workflow["transitions"]:
			if not frappe.db.exists("Workflow Action Master", row["action"]):
				frappe.get_doc(
					{"doctype": "Workflow Action Master", "workflow_action_name": row["action"]}
				).insert(ignore_permissions=True)
		frappe.get_doc(workflow).insert(ignore_permissions=True)
