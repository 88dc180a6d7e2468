"""Install, migrate and uninstall hooks.

What an admin may change (areas, master data, roles, thresholds) is created once here, in code,
and never re-synced; Frappe's own `fixtures` would overwrite admin edits on every migrate.
"""

import csv
import os

import frappe
from frappe.utils import getdate

from fanpin.exports.government import install_default_layouts
from fanpin.permissions.scope import add_scope_indexes
from fanpin.setup import defaults
from fanpin.setup.workflows import install_default_workflows

STRICT_DEFAULT_KEY = "fanpin_strict_user_permissions_before_install"


def before_install():
	# Roles first: the DocTypes synced next carry permissions for them.
	create_roles()


def after_install():
	create_areas()
	create_master_data()
	ensure_thresholds()
	install_default_workflows()
	install_default_layouts()
	configure_site()
	ensure_staff_module_profile()
	add_scope_indexes()


def after_migrate():
	ensure_thresholds()
	ensure_staff_module_profile()
	add_scope_indexes()


def before_uninstall():
	for name in frappe.get_all("User Permission", filters={"allow": ("in", fanpin_doctypes())}, pluck="name"):
		frappe.delete_doc("User Permission", name, ignore_permissions=True, force=True)
	for workflow in frappe.get_all(
		"Workflow", filters={"document_type": ("in", fanpin_doctypes())}, pluck="name"
	):
		frappe.delete_doc("Workflow", workflow, ignore_permissions=True, force=True)
	frappe.db.delete("Has Role", {"role": ("in", defaults.ROLES)})
	for role in defaults.ROLES:
		frappe.delete_doc("Role", role, ignore_permissions=True, force=True, ignore_missing=True)
	previous = frappe.db.get_default(STRICT_DEFAULT_KEY)
	if previous is not None:
		frappe.db.set_single_value("System Settings", "apply_strict_user_permissions", int(previous))
		frappe.db.set_default(STRICT_DEFAULT_KEY, None)


def fanpin_doctypes() -> list[str]:
	return frappe.get_all("DocType", filters={"module": "Fanpin"}, pluck="name")


def create_roles():
	for role in defaults.ROLES:
		if not frappe.db.exists("Role", role):
			frappe.get_doc({"doctype": "Role", "role_name": role, "desk_access": 1}).insert(
				ignore_permissions=True
			)


def create_areas():
	city_name, city_code = defaults.CITY
	if not frappe.db.exists("Area", city_code):
		insert("Area", area_name=city_name, area_code=city_code, level="City")
	for town_name, town_code in defaults.TOWNS:
		if not frappe.db.exists("Area", town_code):
			insert("Area", area_name=town_name, area_code=town_code, level="Town", parent_area=city_code)


def create_master_data():
	for name, code, group in defaults.RISK_TYPES:
		insert_missing("Risk Type", name, risk_type_name=name, risk_code=code, risk_group=group)
	for name, developmental, security, asset_income, answers in defaults.MEASURE_TYPES:
		insert_missing(
			"Assistance Measure Type",
			name,
			measure_type_name=name,
			is_developmental=developmental,
			is_basic_security=security,
			is_asset_income=asset_income,
			answers_risk_types=[{"risk_type": risk} for risk in answers],
		)
	for name, short_name in defaults.DEPARTMENTS:
		insert_missing("Government Department", name, department_name=name, short_name=short_name)
	for name, department in defaults.WARNING_TYPES:
		insert_missing("Warning Type", name, warning_type_name=name, department=department)
	for name, code, exempt in defaults.EXCLUSION_REASONS:
		insert_missing("Exclusion Reason", name, reason_name=name, reason_code=code, relocation_exempt=exempt)


def shipped_thresholds() -> list[dict]:
	path = os.path.join(frappe.get_app_path("fanpin"), "fixtures", "monitoring_threshold.csv")
	with open(path, encoding="utf-8") as f:
		return list(csv.DictReader(f))


def ensure_thresholds():
	"""Insert shipped yearly lines that are missing; an existing record is never touched."""
	for row in shipped_thresholds():
		ensure_line(
			int(row["year"]),
			float(row["amount"]),
			row["source_document"],
			region=row["region"],
			effective_date=getdate(row["effective_date"]),
			line_name=row["line_name"],
		)


def ensure_line(year: int, amount: float, source_document: str, region: str = "山东省", **values) -> None:
	"""A yearly monitoring line, unless the year already has one for the region (never overwritten)."""
	if not frappe.db.exists("Monitoring Threshold", {"year": year, "region": region}):
		insert(
			"Monitoring Threshold",
			year=year,
			region=region,
			amount=amount,
			source_document=source_document,
			**values,
		)


def configure_site():
	"""Strict user permissions: a record with an empty area is hidden from scoped users."""
	previous = frappe.db.get_single_value("System Settings", "apply_strict_user_permissions")
	frappe.db.set_default(STRICT_DEFAULT_KEY, str(int(previous or 0)))
	frappe.db.set_single_value("System Settings", "apply_strict_user_permissions", 1)
	if frappe.db.get_single_value("System Settings", "language") in (None, "", "en"):
		frappe.db.set_single_value("System Settings", "language", "zh")
	show_yuan_as_symbol()


def ensure_staff_module_profile() -> None:
	"""The module profile of staff users, made once with every module but fanpin's blocked; the
	admin may change it (or a user's) afterwards, and migrate leaves it alone."""
	if frappe.db.exists("Module Profile", defaults.STAFF_MODULE_PROFILE):
		return
	blocked = frappe.get_all("Module Def", filters={"name": ("not in", defaults.STAFF_MODULES)}, pluck="name")
	insert(
		"Module Profile",
		module_profile_name=defaults.STAFF_MODULE_PROFILE,
		block_modules=[{"module": module} for module in sorted(blocked)],
	)


def give_staff_module_profile(user: str) -> None:
	"""A staff user with no module profile gets the staff one (not a System Manager: an admin who
	also works a town keeps the whole desk)."""
	if not frappe.db.exists("Module Profile", defaults.STAFF_MODULE_PROFILE):
		return
	if frappe.db.get_value("User", user, "module_profile") or "System Manager" in frappe.get_roles(user):
		return
	doc = frappe.get_doc("User", user)
	doc.module_profile = defaults.STAFF_MODULE_PROFILE
	doc.save(ignore_permissions=True)


def show_yuan_as_symbol():
	"""Money in ¥: Frappe ships 人民币 without a symbol, so amounts read "CNY 7,700.00"."""
	if frappe.db.exists("Currency", "CNY") and not frappe.db.get_value("Currency", "CNY", "symbol"):
		frappe.db.set_value("Currency", "CNY", {"symbol": "¥", "enabled": 1})


def insert(doctype: str, **values):
	return frappe.get_doc({"doctype": doctype, **values}).insert(ignore_permissions=True)


def insert_missing(doctype: str, name: str, **values):
	if not frappe.db.exists(doctype, name):
		insert(doctype, **values)
