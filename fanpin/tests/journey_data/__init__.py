"""Records the browser journeys start from, one module per role.

Each module's ``build()`` returns what its journey needs to find its records (names, numbers).
``build(path)`` runs them all and writes ``path/<role>.json``; the journeys read the folder named by
``FANPIN_JOURNEY_DATA``. ``.ci/run`` builds it after the scope matrix, so the probes stay as made.
One role again, on a dev site: ``bench --site S execute fanpin.tests.journey_data.build_one
--kwargs "{'role': 'town', 'path': '/tmp/journeys'}"``.
"""

import importlib
import json
import os

import frappe

ROLES = ("town", "city", "jobs", "screening", "admin")


def build(path: str) -> dict:
	"""Every role's records, each written to ``path/<role>.json`` (what FANPIN_JOURNEY_DATA names)."""
	return {role: build_one(role, path) for role in ROLES}


def build_role(role: str) -> dict:
	frappe.set_user("Administrator")
	frappe.local.lang = "zh"  # what the records store (explanations, to-dos) is in the county's language
	data = importlib.import_module(f"fanpin.tests.journey_data.{role}").build()
	frappe.db.commit()
	return data


def build_one(role: str, path: str) -> dict:
	data = build_role(role)
	os.makedirs(path, exist_ok=True)
	with open(os.path.join(path, f"{role}.json"), "w", encoding="utf-8") as f:
		json.dump(data, f, ensure_ascii=False, indent=1)
	return data


def elimination_at(case: str, method: str, stage: str, **values) -> str:
	"""A Risk Elimination of the case, put at ``stage`` (with its state) as if its steps were taken;
	``values`` are the fields those steps would have filled. Its name."""
	from fanpin.controllers.stage import state_for_stage

	name = frappe.get_doc({"doctype": "Risk Elimination", "case": case, "method": method}).insert().name
	frappe.db.set_value(
		"Risk Elimination",
		name,
		{"stage": stage, "workflow_state": state_for_stage("Risk Elimination", stage), **values},
	)
	return name
