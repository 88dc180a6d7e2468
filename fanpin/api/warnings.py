"""Disposition of department warnings (SPEC §5): 待研判 → 已纳入监测 / 已是监测对象 / 经研判无风险."""

import frappe
from frappe import _
from frappe.utils import today

from fanpin.controllers.warnings import open_cases
from fanpin.policy.warnings import ALREADY, INCLUDED, NO_RISK

CHANNEL = "Department warning"


@frappe.whitelist()
def include_in_monitoring(warning: str, risk_types: list[str] | str | None = None) -> str:
	"""Open a monitoring case for the warned household (or link the one it already has)."""
	doc = frappe.get_doc("Department Warning", warning)
	doc.check_permission("write")
	if not doc.household:
		frappe.throw(_("The ID number matches no registered household member; register the household first"))
	existing = open_cases({doc.household}).get(doc.household)
	if existing:
		doc.update({"status": ALREADY, "monitoring_case": existing})
	else:
		risks = frappe.parse_json(risk_types) or []
		case = frappe.get_doc(
			{
				"doctype": "Monitoring Case",
				"household": doc.household,
				"discovery_channel": CHANNEL,
				"discovery_date": today(),
				"risk_types": [{"risk_type": r} for r in risks],
				"verification_notes": _("From department warning {0} ({1}, {2})").format(
					doc.name, doc.department, doc.warning_type
				),
			}
		).insert()
		doc.update({"status": INCLUDED, "monitoring_case": case.name})
	doc.save()
	return doc.monitoring_case


@frappe.whitelist()
def mark_no_risk(warning: str, reason: str) -> None:
	doc = frappe.get_doc("Department Warning", warning)
	doc.check_permission("write")
	doc.update({"status": NO_RISK, "reason": reason})
	doc.save()
