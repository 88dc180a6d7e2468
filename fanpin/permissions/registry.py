"""Which fanpin DocTypes are scoped, and by what (SPEC §9).

Every DocType of the app is listed here exactly once: scoped by area and/or department, a child
table scoped through its parents, or open master data with the reason it is open. A DocType
missing from these lists fails a test, so a new one cannot ship unscoped by accident. The hooks in
``fanpin/hooks.py`` are generated from this file. No frappe import: the HTTP probe matrix reads it
too.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scope:
	area_field: str | None = "village"  # a village-level Area link
	department_field: str | None = None  # the sending department, for a department liaison
	area_sources: tuple[str, ...] = ()  # links the area is fetched from; fixed once saved
	# the field naming the household the record is about ("name" on Household), through which a
	# 帮扶责任人 sees the records of the households assigned to them; None where there is none
	household_field: str | None = None

	@property
	def fields(self) -> list[str]:
		return [field for field in (self.area_field, self.department_field, self.household_field) if field]


SCOPED: dict[str, Scope] = {
	"Household": Scope(household_field="name"),
	"Household Income": Scope(area_sources=("household",), household_field="household"),
	"Monitoring Case": Scope(area_sources=("household",), household_field="household"),
	"Assistance Measure": Scope(area_sources=("case",), household_field="household"),
	"Follow-up Visit": Scope(area_sources=("case",), household_field="household"),
	"Risk Assessment": Scope(area_sources=("case",), household_field="household"),
	"Risk Elimination": Scope(area_sources=("case",), household_field="household"),
	"Risk Clue": Scope(household_field="household"),
	# Town staff see the warnings routed to their areas. Liaisons have no read right on the DocType
	# (a filter on its village would tell them where a person lives): they read their department's
	# outcomes through the Warning Outcome report, which carries no place.
	"Department Warning": Scope(department_field="department"),
	"Warning Import": Scope(area_field=None, department_field="department"),
	"Warning Column Map": Scope(area_field=None, department_field="department"),
	# a town's staff import into their own town; the city office may import the whole county
	"National Import": Scope(area_field="town"),
	# a household's screening in a 全面排查: its village, fixed by the household
	"Screening Task": Scope(area_sources=("household",), household_field="household"),
}

# Child tables and the scoped parents they are read through.
CHILD_TABLES: dict[str, tuple[str, ...]] = {
	"Household Member": ("Household",),
	"Case Risk Type": ("Monitoring Case", "Follow-up Visit"),
	"Case Exclusion": ("Monitoring Case",),
	"Visit Member Update": ("Follow-up Visit",),
	"Household Contact": ("Household",),
	"Warning Import Error": ("Warning Import",),
	"Warning Column Map Row": ("Warning Column Map",),
	"National Import Error": ("National Import",),
	"National Import Difference": ("National Import",),
}

# Open to every desk user who has a role right on them: they hold no one's personal data.
OPEN: dict[str, str] = {
	"Area": "the administrative tree is public geography",
	"Risk Type": "master data",
	"Assistance Measure Type": "master data",
	"Measure Type Risk": "child of master data",
	"Government Department": "master data",
	"Warning Type": "master data",
	"Exclusion Reason": "master data",
	"Monitoring Threshold": "published provincial lines",
	"Working Day Override": "the working-day calendar",
	"Regional Risk Event": "events are county-wide; household counts are per viewer",
	"Event Area": "child of Regional Risk Event and Screening Campaign: areas, no data",
	"Screening Campaign": "a campaign is county-wide; its progress is counted per viewer",
	"Export Layout": "layouts of the reports, no data",
	"Export Layout Column": "child of Export Layout",
	"Fanpin Settings": "settings",
	"Staff Assignment": "System Manager only",
	"National Column Map": "headings of the national export, no data",
	"National Column Map Row": "child of the national column map",
	# A 帮扶责任人's name, unit, post and phone are a cadre's work contact, printed on notices and
	# lists; no household's data is on the record (which households they carry is on each household,
	# in its scoped Household Contact rows). Which desk user a contact is, and so whose households a
	# login sees, only the county roles may set (the field's permission level 1).
	"Assistance Contact": "cadres' work contacts, no household's data",
}

# Frappe DocTypes that hold fanpin data: (the field naming the DocType, the field naming the record)
# of the document each row belongs to, which decides who may list it.
FRAPPE_HOLDERS: dict[str, tuple[str, str]] = {
	"File": ("attached_to_doctype", "attached_to_name"),
	"Version": ("ref_doctype", "docname"),
	"Comment": ("reference_doctype", "reference_name"),
	"ToDo": ("reference_type", "reference_name"),
	"Access Log": ("export_from", "reference_document"),
}

# Roles that see the whole county.
COUNTY_ROLES: frozenset[str] = frozenset({"System Manager", "Fanpin City Office"})
# The 帮扶责任人: sees the households currently assigned to them, through each Scope's household_field.
CONTACT_ROLE = "Fanpin Assistance Contact"


def scoped_doctypes() -> list[str]:
	return [*SCOPED, *CHILD_TABLES]


def hook_map(method: str) -> dict[str, str]:
	"""``{doctype: method}`` for every scoped DocType, child tables included."""
	return {doctype: method for doctype in scoped_doctypes()}


def registered() -> set[str]:
	return set(SCOPED) | set(CHILD_TABLES) | set(OPEN)
