"""The desk's buttons of a 全面排查: open, see progress, close (SPEC §12)."""

import frappe
from frappe import _
from frappe.utils import get_fullname, getdate, today

from fanpin.controllers import screening as campaigns
from fanpin.policy import screening
from fanpin.utils import desk_message


@frappe.whitelist()
def open_campaign(campaign: str) -> dict:
	"""Create the campaign's screening tasks in a background job (progress bar, then a message)."""
	doc = frappe.get_doc("Screening Campaign", campaign)
	doc.check_permission("write")
	if doc.status != "Not opened":
		frappe.throw(_("Screening campaign {0} is already {1}").format(doc.title, _(doc.status)))
	doc.db_set("status", "Opening", notify=True)
	frappe.enqueue(
		"fanpin.controllers.screening.create_tasks",
		queue="long",
		timeout=3600,
		campaign_name=doc.name,
		enqueue_after_commit=True,
	)
	return {"status": "Opening"}


@frappe.whitelist()
def progress(campaign: str) -> dict:
	"""Completion by town and by village, as far as the user may see."""
	frappe.get_doc("Screening Campaign", campaign).check_permission("read")
	towns = campaigns.completion_rows(campaign, "town")
	villages = campaigns.completion_rows(campaign, "village")
	done = campaigns.completion(campaign)
	return {
		"towns": towns,
		"villages": villages,
		"total": done.total,
		"done": done.done,
		"percent": done.percent,
	}


@frappe.whitelist()
def close_campaign(campaign: str) -> dict:
	doc = frappe.get_doc("Screening Campaign", campaign)
	doc.check_permission("write")
	if doc.status != "Under way":
		frappe.throw(_("Only an open screening campaign can be closed"))
	with desk_message(title=_("Cannot Close the Campaign")):
		screening.check_close(
			set(frappe.get_roles()),
			campaigns.completion(campaign, "Administrator"),
			getdate(doc.deadline),
			getdate(today()),
		)
	summary = campaigns.summary_counts(campaign)
	doc.db_set(
		{**summary, "status": screening.CLOSED, "closed_on": today(), "closed_by": get_fullname()},
		notify=True,
	)
	frappe.msgprint(
		_("Screening campaign {0} is closed by {1}").format(doc.title, get_fullname()),
		indicator="green",
		alert=True,
	)
	return summary
