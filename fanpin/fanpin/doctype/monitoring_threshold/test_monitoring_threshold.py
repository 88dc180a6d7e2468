# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe

from fanpin.fanpin.doctype.monitoring_threshold.monitoring_threshold import get_line
from fanpin.setup.install import ensure_thresholds
from fanpin.testing import FanpinTestCase


class TestMonitoringThreshold(FanpinTestCase):
	def test_2021_line_ships_with_the_app(self):
		line = get_line(2021)
		self.assertEqual(line.amount, 6500)
		self.assertEqual(line.region, "山东省")

	def test_missing_year_is_a_clear_error(self):
		self.assertRaisesRegex(frappe.ValidationError, "1999 年度尚未设置监测标准", get_line, 1999)

	def test_admin_edits_survive_migrate_and_missing_lines_return(self):
		name = frappe.db.get_value("Monitoring Threshold", {"year": 2021, "region": "山东省"})
		doc = frappe.get_doc("Monitoring Threshold", name)
		doc.amount = 6600
		doc.save()
		ensure_thresholds()
		self.assertEqual(frappe.db.get_value("Monitoring Threshold", name, "amount"), 6600)
		frappe.delete_doc("Monitoring Threshold", name)
		ensure_thresholds()
		self.assertEqual(get_line(2021).amount, 6500)

	def test_admin_adds_a_year(self):
		frappe.get_doc({"doctype": "Monitoring Threshold", "year": 2030, "amount": 9000}).insert()
		line = get_line(2030)
		self.assertEqual(line.amount, 9000)
		self.assertEqual(
			frappe.db.get_value("Monitoring Threshold", {"year": 2030}, "line_name"), "防止返贫致贫监测范围"
		)

	def test_amount_must_be_positive(self):
		doc = frappe.get_doc({"doctype": "Monitoring Threshold", "year": 2031, "amount": 0})
		self.assertRaisesRegex(frappe.ValidationError, "大于零", doc.insert)
