# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe

from fanpin.fanpin.doctype.regional_risk_event.regional_risk_event import affected_households
from fanpin.testing import BEIMA, DONGLAI, CaseTestCase, make_household, make_village, member


class TestRegionalRiskEvent(CaseTestCase):
	def test_event_counts_and_lists_households_in_scope(self):
		ours = make_household(self.village, members=[member("洪一")])
		theirs = make_household(make_village(BEIMA, 41), members=[member("洪二")])
		frappe.set_user(self.city)
		event = frappe.get_doc(
			{
				"doctype": "Regional Risk Event",
				"event_type": "Natural disaster",
				"event_date": "2026-08-01",
				"title": "8月强降雨",
				"affected_areas": [{"area": DONGLAI}, {"area": BEIMA}],
			}
		).insert()
		self.assertGreaterEqual(event.households_in_areas, 2)
		self.assertIn(theirs.name, [row.name for row in affected_households(event.name)])
		county = event.households_in_areas
		frappe.set_user(self.officer)
		# the town sees its own share of the counts, not the county's
		own = frappe.get_doc("Regional Risk Event", event.name)
		self.assertEqual(
			own.households_in_areas,
			len(
				frappe.get_list(
					"Household",
					filters={"town": DONGLAI, "status": "Registered"},
					pluck="name",
					limit_page_length=0,
				)
			),
		)
		self.assertLess(own.households_in_areas, county)
		listed = [row.name for row in affected_households(event.name)]
		self.assertIn(ours.name, listed)
		self.assertNotIn(theirs.name, listed)
