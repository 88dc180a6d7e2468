# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document

from fanpin.policy import procedure
from fanpin.policy.area import VILLAGE


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
	@property
	def households_in_areas(self) -> int:
		return len(self.in_scope("Household", {"status": "Registered"}))

	@property
	def monitored_in_areas(self) -> int:
		return len(self.in_scope("Monitoring Case", {"stage": procedure.MONITORING}))

	def in_scope(self, doctype: str, filters: dict) -> list[str]:
		"""Records in the event's areas that the viewer may see: frappe.get_list applies their scope,
		so a town sees its own share of a county-wide event."""
		villages = affected_villages([row.area for row in self.affected_areas])
		if not villages:
			return []
		return frappe.get_list(
			doctype, filters={"village": ("in", villages), **filters}, pluck="name", limit_page_length=0
		)


def affected_villages(areas: list[str]) -> list[str]:
	"""The villages in the given areas (a town stands for all of its villages)."""
	villages: set[str] = set()
	for area in areas:
		lft, rgt = frappe.db.get_value("Area", area, ["lft", "rgt"])
		# Area names are public geography: no scope applies to finding them.
		villages.update(
			frappe.get_all(
				"Area", filters={"lft": (">=", lft), "rgt": ("<=", rgt), "level": VILLAGE}, pluck="name"
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
