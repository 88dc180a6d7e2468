"""The 全面排查 journey's records: households of the clerk's village that the clerk screens (none
under monitoring), two of which the clerk finds at risk."""

import frappe

from fanpin.testing import make_household, member
from fanpin.tests.journey_data.town import CLERK_VILLAGE

HEADS = ("排查甲", "排查乙", "排查丙", "排查丁", "排查戊")


def build() -> dict:
	households = []
	for head in HEADS:
		name = frappe.db.get_value("Household", {"head_name": head, "village": CLERK_VILLAGE})
		households.append(name or make_household(CLERK_VILLAGE, members=[member(head)]).name)
	return {"village": CLERK_VILLAGE, "heads": list(HEADS), "households": households}
