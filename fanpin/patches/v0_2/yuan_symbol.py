"""Sites installed before money was shown in ¥: give 人民币 its symbol, unless an admin set one."""

import frappe


def execute():
	if frappe.db.exists("Currency", "CNY") and not frappe.db.get_value("Currency", "CNY", "symbol"):
		frappe.db.set_value("Currency", "CNY", {"symbol": "¥", "enabled": 1})
