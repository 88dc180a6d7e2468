"""Sites installed before the default workflows existed get them, as of v0.1: a workflow is added only
for a DocType that has none."""

import frappe

from fanpin.patches.v0_1 import frozen

FILES = ("monitoring_case_determination.json", "risk_elimination.json")


def execute():
	for filename in FILES:
		workflow = frozen(filename)
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
