"""Department warnings: matching ID numbers to members and routing rows to towns, set-based."""

import json
from functools import lru_cache

import frappe
from frappe import _

from fanpin.permissions.scope import restrict
from fanpin.policy import procedure
from fanpin.policy.household import LIVE_MEMBER
from fanpin.policy.warnings import PENDING, initial_status
from fanpin.utils import row_names


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
	# the query frappe.get_all ran, in its order (where a household has two open cases, the one
	# modified longest ago is kept, as before), without its per-value filter building: an import
	# asks this for two thousand households a chunk
	rows = frappe.db.sql(
		"""select `name`, `household` from `tabMonitoring Case`
		where `household` in %(households)s and coalesce(`stage`, '') not in %(closed)s
		order by `modified` desc""",
		{"households": list(households), "closed": list(procedure.CLOSED_STAGES)},
	)
	return {household: name for name, household in rows}


def town_officers() -> dict[str, list[str]]:
	officers: dict[str, list[str]] = {}
	for row in frappe.get_all(
		"Staff Assignment", filters={"role": "Fanpin Town Officer"}, fields=["user", "area"]
	):
		officers.setdefault(row.area, []).append(row.user)
	return officers


def route(match, case: str | None, officers: dict[str, list[str]]) -> dict:
	"""Where a warning row goes, the same for an imported row and one entered in the desk: the
	member found (or none), the open case, the status that follows, and the town's officers it is
	assigned to while it waits for their judgement."""
	status = initial_status(bool(case))
	assignees = officers.get(match.town, []) if match and status == PENDING else []
	return {
		"matched": int(bool(match)),
		"household": match.household if match else None,
		"member_name": match.member_name if match else None,
		"village": match.village if match else None,
		"town": match.town if match else None,
		"status": status,
		"monitoring_case": case,
		"_assign": _assign_json(tuple(assignees)) if assignees else None,
	}


@lru_cache(maxsize=256)
def _assign_json(assignees: tuple[str, ...]) -> str:
	"""``_assign`` of a list of users, written once for each town's officers, not once a row."""
	return frappe.as_json(list(assignees))


@lru_cache(maxsize=256)
def _assignees(assign: str) -> tuple[str, ...]:
	return tuple(json.loads(assign))


def todo_description() -> str:
	"""The description of a warning's ToDo, in the user's language: {0} the person, {1} the type."""
	return _("Department warning: {0} ({1})")


def assignment_todos(
	name: str,
	person: str,
	warning_type: str,
	assign: str | None,
	assigned_by: str,
	description: str | None = None,
) -> list[dict]:
	"""The ToDo rows of a routed warning, one per officer in its ``_assign``; ``description`` is
	:func:`todo_description`, given by an import that writes thousands of rows."""
	if not assign:
		return []
	description = (description or todo_description()).format(person, warning_type)
	officers = _assignees(assign) if isinstance(assign, str) else list(assign)
	return [
		{
			"name": todo,
			"status": "Open",
			"priority": "Medium",
			"allocated_to": officer,
			"description": description,
			"reference_type": "Department Warning",
			"reference_name": name,
			"assigned_by": assigned_by,
		}
		for todo, officer in zip(row_names(len(officers)), officers, strict=True)
	]
