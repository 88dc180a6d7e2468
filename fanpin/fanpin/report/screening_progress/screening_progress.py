# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""全面排查进度: a campaign's households by village (or town), screened, unreachable, not screened,
found at risk, newly included and already monitored, with each village's completion and whether
it is behind a steady pace (SPEC §12). Within the viewer's scope; the closed campaign's summary
prints from the same figures."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from fanpin.controllers import screening as campaigns
from fanpin.controllers.reports import column, run
from fanpin.exports.sheet import TOTAL_ROW
from fanpin.policy import screening

FIGURES = ("total", "screened", "unreachable", "pending", "risk_found", "newly_included", "already_monitored")
COLUMNS = [
	column("town", "Town", "Link", "Area", 110),
	column("village", "Village", "Link", "Area", 120),
	column("total", "Households in Campaign", "Int", width=100),
	column("screened", "Screened", "Int", width=80),
	column("unreachable", "Unreachable", "Int", width=80),
	column("pending", "Not Screened", "Int", width=80),
	column("risk_found", "Risk Found", "Int", width=80),
	column("newly_included", "Newly Included", "Int", width=80),
	column("already_monitored", "Already Monitored", "Int", width=90),
	column("percent", "Completion (%)", "Float", width=90),
	column("behind", "Behind Schedule", width=90),
]
HIDDEN = [column("town_name", "Town Name"), column("village_name", "Village Name")]


def execute(filters=None):
	filters = frappe._dict(filters or {})
	filters.campaign = filters.get("campaign") or campaigns.current_campaign()
	return run(frappe.get_module(__name__), "Screening Progress", filters)


def get_data(filters, extra):
	if not filters.get("campaign"):
		return []
	campaign = frappe.get_doc("Screening Campaign", filters.campaign)
	campaign.check_permission("read")
	by_town = filters.get("group_by") == "Town"
	rows = campaigns.completion_rows(campaign.name, "town" if by_town else "village")
	towns = dict(
		frappe.get_all("Area", filters={"level": "Town"}, fields=["name", "area_name"], as_list=True)
	)
	start, deadline, on = getdate(campaign.start_date), getdate(campaign.deadline), getdate(today())
	data = []
	for row in rows:
		town = row.area if by_town else row.parent_area
		if filters.get("town") and town != filters.town:
			continue
		done = screening.Completion(row.total, row.screened, row.unreachable)
		behind = campaign.status == "Under way" and screening.behind_schedule(done, start, deadline, on)
		data.append(
			frappe._dict(
				town=town,
				town_name=towns.get(town, ""),
				village=None if by_town else row.area,
				village_name="" if by_town else row.area_name,
				**{key: row[key] for key in FIGURES},
				percent=row.percent,
				behind=_("Yes") if behind else "",
			)
		)
	data.sort(key=lambda r: (r.town or "", r.village or ""))
	total = frappe._dict(town=None, town_name=_("Total", context="Totals row"), **{TOTAL_ROW: 1})
	for key in FIGURES:
		total[key] = sum(row[key] for row in data)
	total.percent = screening.Completion(total.total, total.screened, total.unreachable).percent
	return [*data, total] if data else []


def summary(data, filters):
	total = next((row for row in data if row.get(TOTAL_ROW)), None)
	if not total:
		return []
	return [
		{"value": total.total, "label": _("Households in Campaign"), "datatype": "Int", "indicator": "Blue"},
		{
			"value": total.screened + total.unreachable,
			"label": _("Screened or Unreachable"),
			"datatype": "Int",
		},
		{"value": total.percent, "label": _("Completion (%)"), "datatype": "Float", "indicator": "Green"},
		{"value": total.risk_found, "label": _("Risk Found"), "datatype": "Int", "indicator": "Red"},
	]
