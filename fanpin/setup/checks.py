"""Site checks used by the test script: a fingerprint of everything fanpin installs or owns."""

import hashlib
import json

import frappe


def fingerprint() -> str:
	"""Hash of fanpin's DocTypes and records, roles and site settings; equal before and after a no-op migrate."""
	state = {}
	doctypes = frappe.get_all(
		"DocType",
		filters={"module": "Fanpin"},
		fields=["name", "modified", "istable", "issingle"],
		order_by="name",
	)
	state["DocType"] = [(d.name, str(d.modified)) for d in doctypes]
	for doctype in doctypes:
		if doctype.issingle:
			state[doctype.name] = frappe.get_single(doctype.name).as_json()
		elif not doctype.istable:
			# Reads every record regardless of scope: this is a site-level check run by the test script.
			state[doctype.name] = [
				(row.name, str(row.modified))
				for row in frappe.get_all(doctype.name, fields=["name", "modified"], order_by="name")
			]
	state["Role"] = frappe.get_all(
		"Role", filters={"name": ("like", "Fanpin %")}, pluck="name", order_by="name"
	)
	state["strict"] = frappe.db.get_single_value("System Settings", "apply_strict_user_permissions")
	digest = hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()[:16]
	print(f"{sum(len(v) for v in state.values() if isinstance(v, list))} rows {digest}")
	return digest
