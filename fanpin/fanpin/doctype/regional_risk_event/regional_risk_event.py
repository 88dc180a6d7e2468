# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document

from fanpin.policy import procedure


class RegionalRiskEvent(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fanpin.fanpin.doctype.event_area.event_area import EventArea

		affected_areas: DF.TableMultiSelect[EventArea]
		description: DF.TextEditor | None
		event_date: DF.Date
		event_type: DF.Literal[
			"Natural disaster",
			"Fire",
			"Epidemic",
			"Price collapse of farm products",
			"Mass unemployment of migrant workers",
			"Failed rural industry project",
			"Other",
		]
		households_in_areas: DF.Int
		measures_taken: DF.SmallText | None
		monitored_in_areas: DF.Int
		title: DF.Data

	# end: auto-generated types
	def validate(self):
		villages = affected_villages([row.area for row in self.affected_areas])
		# County-level counts for the event record (numbers, not records): read without scope.
		self.households_in_areas = (
			frappe.db.count("Household", {"village": ("in", villages), "status": "Registered"})
			if villages
			else 0
		)
		self.monitored_in_areas = (
			frappe.db.count("Monitoring Case", {"village": ("in", villages), "stage": procedure.MONITORING})
			if villages
			else 0
		)


def affected_villages(areas: list[str]) -> list[str]:
	"""The villages in the given areas (a town stands for all of its villages)."""
	villages: set[str] = set()
	for area in areas:
		lft, rgt = frappe.db.get_value("Area", area, ["lft", "rgt"])
		villages.update(
			frappe.get_all(
				"Area", filters={"lft": (">=", lft), "rgt": ("<=", rgt), "level": "Village"}, pluck="name"
			)
		)
	return sorted(villages)


@frappe.whitelist()
def affected_households(event: str) -> list[dict]:
	"""The registered households in the event's areas that the user may see, for screening."""
	doc = frappe.get_doc("Regional Risk Event", event)
	doc.check_permission("read")
	villages = affected_villages([row.area for row in doc.affected_areas])
	# frappe.get_list applies the user's area scope.
	return (
		frappe.get_list(
			"Household",
			filters={"village": ("in", villages), "status": "Registered"},
			fields=["name", "head_name", "village", "monitoring_status"],
			limit_page_length=0,
		)
		if villages
		else []
	)
