"""Fill the new "risk types it answers" and asset-income flag of the default measure types, as of
v0.1. Only measure types whose table is still empty are touched, so an admin's own mapping stays."""

import frappe

from fanpin.patches.v0_1 import frozen


def execute():
	for row in frozen("measure_type_answers.json"):
		if not frappe.db.exists("Assistance Measure Type", row["name"]):
			continue
		doc = frappe.get_doc("Assistance Measure Type", row["name"])
		if doc.answers_risk_types:
			continue
		doc.is_asset_income = row["asset_income"]
		for risk in row["answers"]:
			if frappe.db.exists("Risk Type", risk):
				doc.append("answers_risk_types", {"risk_type": risk})
		doc.save(ignore_permissions=True)
