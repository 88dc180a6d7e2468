"""Per-town scope (SPEC §9).

Scope is Frappe's own: a User Permission on Area (a tree, so a town grants its villages) with
strict user permissions on. Every read through frappe.get_list / get_doc honours it; code that
reads through frappe.qb or frappe.get_all applies :func:`allowed_areas` itself.
"""

import frappe
from frappe.core.doctype.user_permission.user_permission import get_user_permissions
from frappe.permissions import add_user_permission

FANPIN_ROLES = (
	"Fanpin Village Clerk",
	"Fanpin Town Officer",
	"Fanpin Town Reviewer",
	"Fanpin City Office",
	"Fanpin Department Liaison",
)


def allowed_areas(user: str | None = None) -> set[str] | None:
	"""Areas the user may see (a town comes with its villages), or None for no restriction."""
	permissions = get_user_permissions(user or frappe.session.user).get("Area")
	if not permissions:
		return None
	return {permission.doc for permission in permissions}


def in_scope(query, village_field, user: str | None = None):
	"""Restrict a frappe.qb query (which ignores permissions) to the user's areas."""
	areas = allowed_areas(user)
	if areas is None:
		return query
	return query.where(village_field.isin(sorted(areas)))


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
