"""Department warnings: matching ID numbers to members and routing rows to towns, set-based."""

import frappe

from fanpin.permissions.scope import restrict
from fanpin.policy import procedure
from fanpin.policy.household import LIVE_MEMBER


def match_members(
	id_numbers: list[str], scoped: bool = False, exclude_household: str | None = None
) -> dict[str, frappe._dict]:
	"""ID number → its live member's household, name, village and town, in one query.

	County-wide unless ``scoped``: a department warning must find its person whichever town they
	live in (only the routing fields are read, and each row is then visible to its own town only);
	what a user enters for themselves is matched only within their own areas.
	"""
	if not id_numbers:
		return {}
	member, household = frappe.qb.DocType("Household Member"), frappe.qb.DocType("Household")
	query = (
		frappe.qb.from_(member)
		.join(household)
		.on(household.name == member.parent)
		.select(
			member.id_number,
			member.member_name,
			household.name.as_("household"),
			household.village,
			household.town,
		)
		.where(
			(member.parenttype == "Household")
			& member.id_number.isin(id_numbers)
			& (member.member_status == LIVE_MEMBER)
			& (household.status == "Registered")
			& (household.name != (exclude_household or ""))
		)
	)
	rows = (restrict(query, household) if scoped else query).run(as_dict=True)
	return {row.id_number: row for row in rows}


def open_cases(households: set[str]) -> dict[str, str]:
	"""Household → its case in procedure or under monitoring (one query)."""
	if not households:
		return {}
	rows = frappe.get_all(
		"Monitoring Case",
		filters={
			"household": ("in", list(households)),
			"stage": ("not in", procedure.CLOSED_STAGES),
		},
		fields=["name", "household"],
	)
	return {row.household: row.name for row in rows}


def town_officers() -> dict[str, list[str]]:
	officers: dict[str, list[str]] = {}
	for row in frappe.get_all(
		"Staff Assignment", filters={"role": "Fanpin Town Officer"}, fields=["user", "area"]
	):
		officers.setdefault(row.area, []).append(row.user)
	return officers
