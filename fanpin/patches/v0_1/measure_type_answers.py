"""Fill the new "risk types it answers" and asset-income flag of the default measure types.

Only measure types whose table is still empty are touched, so an admin's own mapping stays.
"""

import frappe

from fanpin.setup.defaults import MEASURE_TYPES


def execute():
	for name, _developmental, _security, asset_income, answers in MEASURE_TYPES:
		if not frappe.db.exists("Assistance Measure Type", name):
			continue
		doc = frappe.get_doc("Assistance Measure Type", name)
		if doc.answers_risk_types:
			continue
		doc.is_asset_income = asset_income
		for risk in answers:
			if frappe.db.exists("Risk Type", risk):
				doc.append("answers_risk_types", {"risk_type": risk})
		doc.save(ignore_permissions=True)
