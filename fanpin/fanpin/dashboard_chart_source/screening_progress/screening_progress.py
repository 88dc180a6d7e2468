# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""The current 全面排查 on the workspace: its completion as a number card, and a chart of screened,
unreachable and not yet screened households by town (by village for a user of one town), both
counted within the viewer's scope."""

import frappe
from frappe import _

from fanpin.controllers import screening as campaigns


@frappe.whitelist()
def get(filters: str | dict | None = None) -> dict:
	"""Chart data ({labels, datasets}); not cached by Frappe, whose cache would serve one town's
	figures to every other user."""
	frappe.has_permission("Screening Task", "read", throw=True)
	campaign = campaigns.current_campaign()
	if not campaign:
		return {}
	rows = campaigns.completion_rows(campaign, "town")
	if len(rows) == 1:  # one town's staff: its villages
		rows = campaigns.completion_rows(campaign, "village")
	if not rows:
		return {}
	return {
		"labels": [row.area_name or row.area for row in rows],
		"datasets": [
			{"name": _("Screened"), "values": [row.screened for row in rows]},
			{"name": _("Unreachable"), "values": [row.unreachable for row in rows]},
			{"name": _("Not Screened"), "values": [row.pending for row in rows]},
		],
	}


@frappe.whitelist()
def completion(filters: str | dict | None = None) -> dict:
	"""(number card) The share of the current campaign's households the viewer may see that have an
	outcome, in percent."""
	if not frappe.has_permission("Screening Task", "read"):
		return {"value": 0, "fieldtype": "Percent"}
	campaign = campaigns.current_campaign()
	done = campaigns.completion(campaign) if campaign else None
	return {"value": done.percent if done and done.total else 0, "fieldtype": "Percent"}
