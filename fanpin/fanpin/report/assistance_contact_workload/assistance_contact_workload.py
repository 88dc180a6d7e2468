# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""帮扶责任人工作量: per contact, the households they carry now, how many of them are under
monitoring and late for a visit, and the last visit; then the monitored households no one carries
(SPEC §12). Counted over the households the viewer may see, in the towns and villages filtered."""

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Count, Max
from frappe.utils import getdate, today

from fanpin.controllers.reports import column, equal_filters, run, translated
from fanpin.permissions.scope import current_assignment, restrict
from fanpin.policy import procedure

COLUMNS = [
	column("contact", "Assistance Contact", "Link", "Assistance Contact", 110),
	column("contact_name", "Name", width=90),
	column("unit", "Unit", width=150),
	column("post", "Post", width=100),
	column("phone", "Phone", width=120),
	column("households", "Households Carried", "Int", width=100),
	column("monitored", "Of Them Monitored", "Int", width=100),
	column("visit_overdue", "Visits Overdue", "Int", width=100),
	column("last_visit_date", "Last Visit", "Date", width=110),
]


def execute(filters=None):
	return run(frappe.get_module(__name__), "Assistance Contact Workload", filters)


def get_data(filters, extra):
	counts = workload(filters)
	contacts = {
		c.name: c
		for c in frappe.get_all(  # contacts are open records; only those carrying a household seen here
			"Assistance Contact",
			filters={"name": ("in", [name for name in counts if name] or [""])},
			fields=["name", "contact_name", "unit", "post", "phone"],
		)
	}
	rows = []
	for name, figures in counts.items():
		if not name:
			continue
		contact = contacts[name]
		rows.append(
			frappe._dict(
				contact=name,
				contact_name=contact.contact_name,
				unit=contact.unit,
				post=translated(contact.post, "Assistance Contact"),
				phone=contact.phone,
				households=figures.households,
				monitored=figures.monitored,
				visit_overdue=figures.visit_overdue,
				last_visit_date=figures.last_visit_date,
			)
		)
	rows.sort(key=lambda row: (-row.households, row.contact_name or ""))
	unassigned = counts.get(None)
	rows.append(
		frappe._dict(
			contact_name=_("No assistance contact"),
			households=unassigned.monitored if unassigned else 0,
			monitored=unassigned.monitored if unassigned else 0,
			visit_overdue=unassigned.visit_overdue if unassigned else 0,
			last_visit_date=unassigned.last_visit_date if unassigned else None,
		)
	)
	return rows


def workload(filters) -> dict:
	"""{contact or None: figures}, in one grouped query over the households the viewer may see (those
	no one carries now are counted under None, monitored ones only)."""
	household, row = frappe.qb.DocType("Household"), frappe.qb.DocType("Household Contact")
	case = frappe.qb.DocType("Monitoring Case")
	on = getdate(today())
	monitored = household.monitoring_status == procedure.household_status(procedure.MONITORING)
	query = (
		frappe.qb.from_(household)
		.left_join(row)
		.on((row.parent == household.name) & current_assignment(row, on))
		.left_join(case)
		.on(case.name == household.monitoring_case)
		.select(
			row.contact,
			Count(household.name).distinct().as_("households"),
			Count(Case().when(monitored, household.name)).distinct().as_("monitored"),
			Count(Case().when(monitored & (case.visit_overdue == 1), household.name))
			.distinct()
			.as_("visit_overdue"),
			Max(case.last_visit_date).as_("last_visit_date"),
		)
		.where(row.contact.isnotnull() | monitored)
		.groupby(row.contact)
	)
	query = restrict(equal_filters(query, household, filters, ("town", "village")), household)
	return {r.contact: r for r in query.run(as_dict=True)}


def summary(data, filters):
	carried = [row for row in data if row.get("contact")]
	return [
		{"value": len(carried), "label": _("Assistance Contacts"), "datatype": "Int", "indicator": "Blue"},
		{
			"value": sum(row.households for row in carried),
			"label": _("Households Carried"),
			"datatype": "Int",
		},
		{
			"value": data[-1].monitored,
			"label": _("No assistance contact"),
			"datatype": "Int",
			"indicator": "Red" if data[-1].monitored else "Green",
		},
	]
