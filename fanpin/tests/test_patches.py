"""Patches carry their own data as of their version: they never call today's install code, so editing
that code cannot change what an old patch does."""

import ast
import os

import frappe

from fanpin.patches.v0_1 import frozen, install_export_layouts
from fanpin.patches.v0_4 import roster_contacts_column
from fanpin.testing import FanpinTestCase

PATCHES = os.path.join(frappe.get_app_path("fanpin"), "patches")
TODAY_S_CODE = ("fanpin.setup", "fanpin.exports", "fanpin.controllers", "fanpin.demo")


class TestPatches(FanpinTestCase):
	def test_no_patch_calls_install_code(self):
		listed = [
			line.strip()
			for line in open(frappe.get_app_path("fanpin", "patches.txt"), encoding="utf-8")
			if line.strip().startswith("fanpin.patches.")
		]
		self.assertGreater(len(listed), 3)
		for dotted in listed:
			path = os.path.join(frappe.get_app_path("fanpin"), *dotted.split(".")[1:]) + ".py"
			tree = ast.parse(open(path, encoding="utf-8").read())
			imported = {
				node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
			} | {
				alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
			}
			for module in imported:
				self.assertFalse(module.startswith(TODAY_S_CODE), f"{dotted} imports {module}")

	def test_export_layout_patch_restores_the_v0_1_layout_only_where_missing(self):
		report = "Monitoring Roster"
		stored = frappe.get_doc("Export Layout", report)
		stored.title = "管理员改过的标题"
		stored.save()
		install_export_layouts.execute()
		self.assertEqual(frappe.db.get_value("Export Layout", report, "title"), "管理员改过的标题")
		frappe.delete_doc("Export Layout", report)
		install_export_layouts.execute()
		layout = frappe.get_doc("Export Layout", report)
		v0_1 = next(row for row in frozen("export_layouts.json")["layouts"] if row["report"] == report)
		self.assertEqual([c.field for c in layout.columns], [c[0] for c in v0_1["columns"]])

	def test_the_roster_layout_gains_the_contacts_column_once_and_keeps_the_admins_edits(self):
		report = "Monitoring Roster"
		layout = frappe.get_doc("Export Layout", report)
		layout.columns = [c for c in layout.columns if c.field != "assistance_contacts"]
		layout.columns = [c for c in layout.columns if c.field != "phone"]  # the admin dropped 联系电话
		layout.title = "管理员改过的花名册"
		layout.save()
		roster_contacts_column.execute()
		roster_contacts_column.execute()
		layout.reload()
		fields = [c.field for c in layout.columns]
		self.assertEqual(fields[-1], "assistance_contacts")
		self.assertEqual(fields.count("assistance_contacts"), 1)
		self.assertNotIn("phone", fields)
		self.assertEqual(layout.title, "管理员改过的花名册")
