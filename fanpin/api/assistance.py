"""Suggested measures for a case, and adding one as a planned measure in one click."""

import frappe

from fanpin.controllers.assistance import suggestions_for
from fanpin.policy.assistance import PLANNED


@frappe.whitelist()
def get_suggestions(case: str) -> list[dict]:
	doc = frappe.get_doc("Monitoring Case", case)
	doc.check_permission("read")
	return suggestions_for(doc)


@frappe.whitelist()
def add_suggested_measure(case: str, measure_type: str, risk_type: str | None = None) -> str:
	"""Insert the suggestion as a planned measure; permission and scope are checked by the insert."""
	frappe.get_doc("Monitoring Case", case).check_permission("read")
	measure = frappe.get_doc(
		{
			"doctype": "Assistance Measure",
			"case": case,
			"measure_type": measure_type,
			"risk_type": risk_type or None,
			"status": PLANNED,
		}
	).insert()
	return measure.name


@frappe.whitelist()
@frappe.validate_and_sanitize_search_inputs
def case_risk_type_query(doctype, txt, searchfield, start, page_len, filters, **kwargs):
	"""The risk types of one case, for the measure's "risk answered" box."""
	case = frappe.get_doc("Monitoring Case", filters.get("case"))
	case.check_permission("read")
	risks = [row.risk_type for row in case.risk_types if (txt or "") in row.risk_type]
	return [(risk,) for risk in risks[start : start + page_len]]
