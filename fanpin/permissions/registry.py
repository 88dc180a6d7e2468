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

	@property
	def fields(self) -> list[str]:
		return [field for field in (self.area_field, self.department_field) if field]


SCOPED: dict[str, Scope] = {
	"Household": Scope(),
	"Household Income": Scope(area_sources=("household",)),
	"Monitoring Case": Scope(area_sources=("household",)),
	"Assistance Measure": Scope(area_sources=("case",)),
	"Follow-up Visit": Scope(area_sources=("case",)),
	"Risk Assessment": Scope(area_sources=("case",)),
	"Risk Elimination": Scope(area_sources=("case",)),
	"Risk Clue": Scope(),
	# Town staff see the warnings routed to their areas. Liaisons have no read right on the DocType
	# (a filter on its village would tell them where a person lives): they read their department's
	# outcomes through the Warning Outcome report, which carries no place.
	"Department Warning": Scope(department_field="department"),
	"Warning Import": Scope(area_field=None, department_field="department"),
	"Warning Column Map": Scope(area_field=None, department_field="department"),
	# a town's staff import into their own town; the city office may import the whole county
	"National Import": Scope(area_field="town"),
}

# Child tables and the scoped parents they are read through.
CHILD_TABLES: dict[str, tuple[str, ...]] = {
	"Household Member": ("Household",),
	"Case Risk Type": ("Monitoring Case", "Follow-up Visit"),
	"Case Exclusion": ("Monitoring Case",),
	"Visit Member Update": ("Follow-up Visit",),
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
	"Event Area": "child of Regional Risk Event",
	"Export Layout": "layouts of the reports, no data",
	"Export Layout Column": "child of Export Layout",
	"Fanpin Settings": "settings",
	"Staff Assignment": "System Manager only",
	"National Column Map": "headings of the national export, no data",
	"National Column Map Row": "child of the national column map",
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


def scoped_doctypes() -> list[str]:
	return [*SCOPED, *CHILD_TABLES]


def hook_map(method: str) -> dict[str, str]:
	"""``{doctype: method}`` for every scoped DocType, child tables included."""
	return {doctype: method for doctype in scoped_doctypes()}


def registered() -> set[str]:
	return set(SCOPED) | set(CHILD_TABLES) | set(OPEN)
