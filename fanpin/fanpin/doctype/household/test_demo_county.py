import random

import frappe

from fanpin.demo import create_households, create_villages, household_code
from fanpin.policy.idcard import parse_id_number
from fanpin.testing import FanpinTestCase


class TestDemoCounty(FanpinTestCase):
	def test_households_are_valid_and_reruns_add_nothing(self):
		villages = create_villages()
		self.assertEqual(len(villages), 14 * 8)
		existing = frappe.db.count("Household", {"household_code": ("like", "370681%")})
		created = create_households(existing + 5, villages, random.Random(3))
		self.assertEqual(created, 5)
		self.assertEqual(create_households(existing + 5, villages, random.Random(3)), 0)
		household = frappe.get_doc("Household", {"household_code": household_code(existing + 5)})
		for member in household.members:
			parse_id_number(member.id_number)
		self.assertEqual(household.owner, "Administrator")
		household.save()  # the bulk-written record passes the form's own validation
