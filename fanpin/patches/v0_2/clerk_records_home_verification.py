"""Sites installed before the village clerk recorded the home visit: the clerk may also edit a case
in the workflow state that sets the stage 入户核实 (the village does the home verification; the
town officer still takes the action). Runs once; an admin may take the row out again."""

import frappe

CLERK = "Fanpin Village Clerk"


def execute():
	for name in frappe.get_all("Workflow", filters={"document_type": "Monitoring Case"}, pluck="name"):
		workflow = frappe.get_doc("Workflow", name)
		rows = [
			r for r in workflow.states if r.update_field == "stage" and r.update_value == "Home verification"
		]
		if not rows or any(r.allow_edit == CLERK for r in rows):
			continue
		row = rows[0]
		workflow.append(
			"states",
			{
				"state": row.state,
				"doc_status": row.doc_status,
				"update_field": row.update_field,
				"update_value": row.update_value,
				"allow_edit": CLERK,
			},
		)
		workflow.save(ignore_permissions=True)
