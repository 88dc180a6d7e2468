"""Per-area and per-department scope, enforced here and nowhere else (SPEC §9).

A user's areas are their User Permissions on Area (a tree: a town brings its villages), set by a
Staff Assignment; a liaison's department is its User Permission on Government Department. The
county roles (市扶贫办, System Manager) see everything; every other user sees what their areas and
departments allow, and nothing when they have none. A 帮扶责任人 (the contact role) has no area: they
see the records of the households currently assigned to them (their Assistance Contact's Household
Contact rows), each DocType's ``household_field`` naming the household, and may not move one of them
to another village.

The hooks registered for each DocType of :mod:`fanpin.permissions.registry`:

- :func:`query_condition` (``permission_query_conditions``) restricts every list, count, report
  view, link search and child-table read, whatever flags the client sends;
- :func:`has_permission` checks a single document, always against the stored record as well as
  the values in hand, so nothing is moved out of or into the caller's scope;
- :func:`check_write` (``validate``) checks the area a record ends up with after Frappe fetched it
  from its links, and that attached files are files the user may read.

Code that reads through frappe.qb or frappe.get_all (which ignore permissions) gets its scope from
:func:`restrict` or :func:`allowed_areas` (a 帮扶责任人 has no area: code that goes by areas shows them
nothing).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import frappe
import frappe.share
from frappe import _
from frappe.core.doctype.user_permission.user_permission import get_user_permissions
from frappe.permissions import add_user_permission
from frappe.utils import getdate, today

from fanpin.permissions.registry import (
	CHILD_TABLES,
	CONTACT_ROLE,
	COUNTY_ROLES,
	FRAPPE_HOLDERS,
	SCOPED,
	Scope,
)

FANPIN_ROLES = (
	"Fanpin Village Clerk",
	"Fanpin Town Officer",
	"Fanpin Town Reviewer",
	"Fanpin City Office",
	"Fanpin Department Liaison",
	CONTACT_ROLE,
)
# The condition that matches no row, for a user with no area or department.
NOTHING = "1=0"


@dataclass(frozen=True)
class Viewer:
	county: bool
	areas: frozenset[str]
	departments: frozenset[str]
	households: frozenset[str] = frozenset()  # a 帮扶责任人's current households

	def scopes(self, rule: Scope) -> list[tuple[str, frozenset[str]]]:
		"""(field, the values the user may see in it) for each field the DocType is scoped by."""
		pairs = [(rule.area_field, self.areas), (rule.department_field, self.departments)]
		if self.households:
			pairs.append((rule.household_field, self.households))
		return [(field, values) for field, values in pairs if field]

	def sees(self, rule: Scope, values) -> bool:
		return self.county or any(values.get(field) in allowed for field, allowed in self.scopes(rule))


def viewer(user: str | None = None) -> Viewer:
	user = user or frappe.session.user
	roles = frappe.get_roles(user)
	if user == "Administrator" or COUNTY_ROLES.intersection(roles):
		return Viewer(True, frozenset(), frozenset())
	permissions = get_user_permissions(user) if user != "Guest" else {}
	return Viewer(
		False,
		frozenset(p.doc for p in permissions.get("Area", [])),
		frozenset(p.doc for p in permissions.get("Government Department", [])),
		assigned_households(user) if CONTACT_ROLE in roles else frozenset(),
	)


def assigned_households(user: str) -> frozenset[str]:
	"""The households currently assigned to the user's enabled Assistance Contact: one query, through
	the unique index on the contact's user and the index on the rows' contact."""
	contact, row = frappe.qb.DocType("Assistance Contact"), frappe.qb.DocType("Household Contact")
	on = getdate(today())
	households = (
		frappe.qb.from_(contact)
		.join(row)
		.on(row.contact == contact.name)
		.select(row.parent)
		.distinct()
		.where((contact.user == user) & (contact.enabled == 1) & current_assignment(row, on))
		.run(pluck=True)
	)
	return frozenset(households)


def current_assignment(row, on):
	"""A Household Contact row (a frappe.qb table) in force on ``on``: the SQL form of
	:func:`fanpin.policy.contacts.is_current`, for every query that asks who carries a household."""
	return (
		(row.parenttype == "Household") & (row.from_date <= on) & (row.to_date.isnull() | (row.to_date >= on))
	)


def allowed_areas(user: str | None = None) -> set[str] | None:
	"""Areas the user may see (a town comes with its villages), or None for the whole county. A
	帮扶责任人 has none: what goes by area shows them nothing."""
	seen = viewer(user)
	return None if seen.county else set(seen.areas)


def restrict(query, doctype, user: str | None = None):
	"""Restrict a frappe.qb query on a registered DocType (its name, or its frappe.qb table) to what
	the user may see."""
	table = doctype if not isinstance(doctype, str) else frappe.qb.DocType(doctype)
	seen, rule = viewer(user), SCOPED[table.get_table_name().removeprefix("tab")]
	if seen.county:
		return query
	condition = None
	for field, values in seen.scopes(rule):
		match = table[field].isin(sorted(values) or [""])
		condition = match if condition is None else condition | match
	return query.where(condition)


# ---------------------------------------------------------------- hooks


def query_condition(user: str | None = None, doctype: str | None = None) -> str:
	seen = viewer(user)
	if seen.county:
		return ""
	if doctype in CHILD_TABLES:
		return child_condition(doctype, seen)
	return own_condition(doctype, seen) or NOTHING


def own_condition(doctype: str, seen: Viewer) -> str:
	parts = []
	for field, values in seen.scopes(SCOPED[doctype]):
		if values:
			listed = ", ".join(frappe.db.escape(value) for value in sorted(values))
			parts.append(f"`tab{doctype}`.`{field}` in ({listed})")
	return "(" + " or ".join(parts) + ")" if parts else ""


def belonging_to(table: str, type_field: str, name_field: str, parents, seen: Viewer) -> list[str]:
	"""SQL for rows of ``table`` whose (type, name) point at a parent record the user may see."""
	parts = []
	for parent in parents:
		if condition := own_condition(parent, seen):
			parts.append(
				f"({table}.`{type_field}` = {frappe.db.escape(parent)} and {table}.`{name_field}` in "
				f"(select `tab{parent}`.`name` from `tab{parent}` where {condition}))"
			)
	return parts


def child_condition(child: str, seen: Viewer) -> str:
	parts = belonging_to(f"`tab{child}`", "parenttype", "parent", CHILD_TABLES[child], seen)
	return "(" + " or ".join(parts) + ")" if parts else NOTHING


def holder_condition(user: str | None = None, doctype: str | None = None) -> str:
	"""Rows of File, Version, Comment, ToDo and Access Log that belong to a scoped record are listed
	only with a record the user may see (Frappe checks single rows through the record already)."""
	seen = viewer(user)
	if seen.county:
		return ""
	type_field, name_field = FRAPPE_HOLDERS[doctype]
	table = f"`tab{doctype}`"
	scoped = ", ".join(frappe.db.escape(d) for d in SCOPED)
	parts = [f"ifnull({table}.`{type_field}`, '') not in ({scoped})"]
	parts += belonging_to(table, type_field, name_field, SCOPED, seen)
	return "(" + " or ".join(parts) + ")"


def has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	"""Deny a document outside the user's scope: its values in hand, its stored record, and for a
	record not saved yet, the records its area comes from. Returns None (no objection) otherwise."""
	seen = viewer(user)
	if seen.county:
		return None
	if ptype == "share":
		return False  # scoped records are not shared past their area
	rule = SCOPED.get(doc.doctype)
	if not rule:
		return None  # a child row: Frappe checks its parent
	if not seen.sees(rule, doc):
		return False
	stored = stored_values(doc, rule)
	if stored is not None:
		return None if seen.sees(rule, stored) else False
	for source in rule.area_sources:
		if (linked := doc.get(source)) and not source_in_scope(doc.doctype, source, linked, seen):
			return False
	return None


def check_write(doc, method: str | None = None) -> None:
	"""After Frappe fetched the area from the record's links: the record lands in the user's scope,
	and every file it points at is one the user may read."""
	if doc.flags.ignore_permissions or frappe.flags.in_install or frappe.flags.in_migrate:
		return
	rule, seen = SCOPED[doc.doctype], viewer()
	if not seen.sees(rule, doc):
		frappe.throw(_("You may only save records of your own area"), frappe.PermissionError)
	if seen.households and area_changed(doc, rule):
		frappe.throw(
			_("A household assigned to you stays in its village: ask the village clerk to move it"),
			frappe.PermissionError,
		)
	check_files(doc)


def area_changed(doc, rule: Scope) -> bool:
	"""Whether the record's area differs from the stored one (a 帮扶责任人 sees by household, so the
	area would not stop them moving one)."""
	stored = stored_values(doc, rule)
	return bool(stored and rule.area_field and stored.get(rule.area_field) != doc.get(rule.area_field))


def check_files(doc) -> None:
	for df in doc.meta.get("fields", {"fieldtype": ("in", ("Attach", "Attach Image"))}):
		url = doc.get(df.fieldname)
		if not url or not doc.has_value_changed(df.fieldname):
			continue
		file = frappe.db.get_value("File", {"file_url": url}, "name")
		if not file or not frappe.get_doc("File", file).has_permission("read"):
			frappe.throw(
				_("{0}: the file is not one you uploaded or may read").format(_(df.label)),
				frappe.PermissionError,
			)


def keep_attachments_private(doc, method: str | None = None) -> None:
	"""A file attached to a scoped record is private, so only those who may read the record get it."""
	if doc.attached_to_doctype in SCOPED and not doc.is_private:
		doc.is_private = 1


def stored_values(doc, rule: Scope) -> dict | None:
	if doc.is_new() or not doc.name:
		return None
	return frappe.db.get_value(doc.doctype, doc.name, rule.fields, as_dict=True)


def source_in_scope(doctype: str, source: str, name: str, seen: Viewer) -> bool:
	target = frappe.get_meta(doctype).get_field(source).options
	rule = SCOPED.get(target)
	if not rule:
		return True
	values = frappe.db.get_value(target, name, rule.fields, as_dict=True)
	return values is None or seen.sees(rule, values)


# ---------------------------------------------------------------- shares


def refuse_share(doc, method: str | None = None) -> None:
	"""(DocShare validate) A scoped record is seen by area, so it is shared with no one, whoever
	shares it: Frappe lists a user's shared records beside what their permissions allow, so a share
	would carry a household past its village."""
	if doc.share_doctype in SCOPED or doc.share_doctype in CHILD_TABLES:
		frappe.throw(
			_("{0} is seen by area and cannot be shared: give the user the area instead").format(
				_(doc.share_doctype)
			),
			frappe.PermissionError,
		)


def shares_stop_at_scope() -> None:
	"""(before_request, before_job) Nothing of a scoped DocType is shared (see refuse_share), so
	Frappe is told so for them instead of asking the database: its list query of any user with User
	Permissions asks for the user's shared records (one more query, about a sixth of a list call),
	and a share made before this app forbade them is not honoured. Patched once per process."""
	module = frappe.share
	if getattr(module, "_fanpin_scoped", False):
		return
	get_shared = module.get_shared

	@functools.wraps(get_shared)
	def shared_outside_scope(doctype, user=None, rights=None, *args, **kwargs):
		if doctype in SCOPED or doctype in CHILD_TABLES:
			return []
		return get_shared(doctype, user, rights, *args, **kwargs)

	module.get_shared = shared_outside_scope
	module._fanpin_scoped = True


# ---------------------------------------------------------------- indexes


def add_scope_indexes() -> None:
	"""A list reads a scoped DocType by the user's areas (or department) in its sort order. One index
	on (scope field, sort field) serves both, so a village's first page reads its 20 rows instead of
	walking the county's in date order. Added where missing (install and every migrate)."""
	for doctype, rule in SCOPED.items():
		sort_field = frappe.get_meta(doctype).sort_field or "modified"
		for field in rule.fields:
			if field not in (sort_field, "name"):
				frappe.db.add_index(doctype, [field, sort_field])


# ---------------------------------------------------------------- assignment


def set_user_scope(user: str, role: str | None, area: str | None, department: str | None = None) -> None:
	"""Give the user exactly this fanpin role, area and department (or none), replacing earlier ones."""
	user_doc = frappe.get_doc("User", user)
	stale = [r.role for r in user_doc.roles if r.role in FANPIN_ROLES and r.role != role]
	if stale:
		user_doc.remove_roles(*stale)
	if role and role not in {r.role for r in user_doc.roles}:
		user_doc.add_roles(role)

	replace_user_permission(user, "Area", area)
	# A department liaison sees its own department's warnings only.
	replace_user_permission(user, "Government Department", department)


def replace_user_permission(user: str, doctype: str, value: str | None) -> None:
	for name in frappe.get_all(
		"User Permission",
		filters={"user": user, "allow": doctype, "for_value": ("!=", value or "")},
		pluck="name",
	):
		frappe.delete_doc("User Permission", name, ignore_permissions=True)
	if value and not frappe.db.exists(
		"User Permission", {"user": user, "allow": doctype, "for_value": value}
	):
		add_user_permission(doctype, value, user, ignore_permissions=True, is_default=1)
