"""Risk assessments made before they named their household get it from their case, so a 帮扶责任人's
scope (by household) finds them. One statement for all of them."""

import frappe


def execute():
	frappe.db.sql(
		"""update `tabRisk Assessment` assessment
		join `tabMonitoring Case` monitoring_case on monitoring_case.name = assessment.case
		set assessment.household = monitoring_case.household
		where assessment.household is null"""
	)
