# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe

from fanpin.testing import DONGLAI, FanpinTestCase, make_household, make_village, member


def make_income(household: str, reference_date: str = "2021-06-15", **figures):
	return frappe.get_doc(
		{"doctype": "Household Income", "household": household, "reference_date": reference_date, **figures}
	).insert()


class TestHouseholdIncome(FanpinTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		village = make_village(DONGLAI, 4)
		cls.household = make_household(
			village, members=[member("刘一"), member("刘二", "Spouse", male=False), member("刘三", "Son")]
		).name

	def test_period_net_and_per_capita_income(self):
		income = make_income(
			self.household,
			wage_income=12000,
			business_income=3000.5,
			transfer_income=2400,
			business_expenditure=1000,
		)
		self.assertEqual(str(income.period_start), "2020-06-01")
		self.assertEqual(str(income.period_end), "2021-05-31")
		self.assertEqual(income.household_size, 3)
		self.assertEqual(income.net_income, 16400.5)
		self.assertEqual(income.per_capita_income, 5466.83)
		self.assertEqual(income.town, DONGLAI)

	def test_one_record_per_household_and_period(self):
		make_income(self.household, "2022-03-02")
		self.assertRaisesRegex(frappe.ValidationError, "已有", make_income, self.household, "2022-03-28")
		self.assertTrue(make_income(self.household, "2022-04-01").name)

	def test_negative_figures_are_refused(self):
		self.assertRaises(frappe.ValidationError, make_income, self.household, "2023-01-05", wage_income=-5)
