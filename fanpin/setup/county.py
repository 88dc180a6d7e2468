"""Set up any county: its 镇街区 and 村/社区 from China's division codes (SPEC §13).

The admin picks province → city → county in a step of the setup wizard or, later, in 防贫设置
(Fanpin Settings); the county, its towns and their villages are created with their 12-digit
统计用区划代码. Running it again adds what is missing and never renames, moves or deletes an area the
admin changed.
"""

import frappe
from frappe import _

from fanpin.policy import divisions


@frappe.whitelist()
def division_options(parent: str = "") -> list[dict]:
	"""The divisions under ``parent`` ("" for the provinces), for the county picker."""
	system_manager_only()
	if len(parent) not in (0, 2, 4):
		frappe.throw(_("Pick a province, then a city"))
	return [{"value": d.code, "label": d.name} for d in divisions.children(parent)]


@frappe.whitelist()
def set_up_county(county: str) -> dict:
	"""Create the county's missing areas; returns how many towns and villages were added."""
	system_manager_only()
	found = county_of(county)
	added = add_county_areas(found)
	frappe.msgprint(
		_("{0}: {1} towns and {2} villages added; areas already there were left as they are").format(
			found.division.name, added["towns"], added["villages"]
		),
		title=_("County set up"),
		indicator="green",
	)
	return added


def setup_wizard_stages(args: dict) -> list[dict]:
	"""The setup wizard's work for its county step (``setup_wizard_stages``): none when it was skipped."""
	if not (args or {}).get("fanpin_county"):
		return []
	failed = _("Failed to set up the county")
	return [
		{
			"status": _("Creating the county's towns and villages"),
			"fail_msg": failed,
			"tasks": [{"fn": set_up_wizard_county, "args": args, "fail_msg": failed}],
		}
	]


def set_up_wizard_county(args: dict) -> dict:
	"""The county picked in the setup wizard, set up as the desk action does (the wizard commits)."""
	system_manager_only()
	county = str((args or {}).get("fanpin_county") or "")
	if not county:
		return {"county": 0, "towns": 0, "villages": 0}
	return add_county_areas(county_of(county))


def county_of(county: str) -> divisions.County:
	try:
		return divisions.county(str(county or ""))
	except ValueError:
		frappe.throw(_("{0} is not a county of the division codes").format(county))


def add_county_areas(found: divisions.County) -> dict:
	added = {"county": 0, "towns": 0, "villages": 0}
	root = found.division.area_code
	if not frappe.db.exists("Area", root):
		add_area(found.division.name, root, "City", None)
		added["county"] = 1
	for town, villages in found.towns:
		if not frappe.db.exists("Area", town.area_code):
			add_area(town.name, town.area_code, "Town", root)
			added["towns"] += 1
		for village in villages:
			if not frappe.db.exists("Area", village.area_code):
				add_area(village.name, village.area_code, "Village", town.area_code)
				added["villages"] += 1
	return added


def system_manager_only() -> None:
	# (frappe.only_for lets everyone through while tests run: this check holds in them too)
	if "System Manager" not in frappe.get_roles():
		frappe.throw(_("Only a System Manager may set up a county"), frappe.PermissionError)


def add_area(name: str, code: str, level: str, parent: str | None) -> None:
	frappe.get_doc(
		{
			"doctype": "Area",
			"area_name": name,
			"area_code": code,
			"level": level,
			"parent_area": parent,
			"is_group": int(level != "Village"),
		}
	).insert(ignore_permissions=True)
