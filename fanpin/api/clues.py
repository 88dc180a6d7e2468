"""Turning a clue (web application, 信访, 12317, 媒体) into a monitoring case for its town to verify."""

import frappe
from frappe import _


@frappe.whitelist()
def convert_to_case(clue: str, risk_types: list[str] | str) -> str:
	doc = frappe.get_doc("Risk Clue", clue)
	doc.check_permission("write")
	if doc.status != "New":
		frappe.throw(_("Clue {0} is already handled").format(doc.name))
	if not doc.household:
		frappe.throw(_("The ID number matches no registered household member; register the household first"))
	risks = frappe.parse_json(risk_types) or []
	case = frappe.get_doc(
		{
			"doctype": "Monitoring Case",
			"household": doc.household,
			"discovery_channel": doc.channel,
			"channel_detail": doc.channel_detail,
			"discovery_date": doc.reported_on,
			"risk_types": [{"risk_type": r} for r in risks],
			"verification_notes": doc.description,
		}
	).insert()
	doc.update({"status": "Converted to case", "monitoring_case": case.name})
	doc.save()
	return case.name
