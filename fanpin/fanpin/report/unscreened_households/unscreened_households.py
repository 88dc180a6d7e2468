# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""未排查农户: the households of a screening campaign not screened yet, by village then pinyin, with
their phone, so a village knows whom it still has to see (SPEC §12)."""

import frappe

from fanpin.controllers import screening as campaigns
from fanpin.controllers.reports import (
	PLACE_NAMES,
	PLACES,
	column,
	equal_filters,
	run,
	select_extra,
	translated,
	with_household,
	with_places,
)
from fanpin.policy import screening

BASE_DOCTYPE = "Screening Task"
COLUMNS = [
	column("name", "Screening Task", "Link", "Screening Task", 150),
	*PLACES,
	column("head_name", "Head of Household", width=90),
	column("head_id_number", "ID Number", width=170),
	column("household_code", "Household Number", width=150),
	column("household_type", "Household Type", width=120),
	column("phone", "Phone", width=110),
	column("address", "Address", width=160),
	column("monitoring_case", "Monitoring Case", "Link", "Monitoring Case", 130),
]
HIDDEN = PLACE_NAMES


def execute(filters=None):
	filters = frappe._dict(filters or {})
	filters.campaign = filters.get("campaign") or campaigns.current_campaign() or ""
	return run(frappe.get_module(__name__), "Unscreened Households", filters)


def query(filters, extra):
	task = frappe.qb.DocType("Screening Task")
	q, household = with_household(with_places(frappe.qb.from_(task), task), task)
	q = (
		q.select(
			task.name,
			task.head_name,
			task.head_id_number,
			household.household_code,
			task.household_type,
			household.phone,
			household.address,
			task.monitoring_case,
		)
		.where(task.campaign == filters.campaign)
		.where(task.status == screening.PENDING)
	)
	return select_extra(equal_filters(q, task, filters, ("town", "village")), task, extra)


def prepare(row):
	row.household_type = translated(row.household_type)
	return row
