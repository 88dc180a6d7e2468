# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""Every fanpin DocType is registered for scope, and the registry matches the DocTypes' metadata."""

import frappe

from fanpin.compat import IntegrationTestCase
from fanpin.permissions import registry


class TestScopeRegistry(IntegrationTestCase):
	def test_every_doctype_of_the_app_is_registered(self):
		doctypes = set(frappe.get_all("DocType", filters={"module": "Fanpin"}, pluck="name"))
		self.assertEqual(
			doctypes - registry.registered(), set(), "register these in fanpin/permissions/registry.py"
		)
		self.assertEqual(
			registry.registered() - doctypes, set(), "the registry names DocTypes that do not exist"
		)

	def test_child_tables_are_read_through_every_scoped_parent(self):
		for parent in registry.SCOPED:
			for df in frappe.get_meta(parent).get_table_fields():
				self.assertIn(parent, registry.CHILD_TABLES.get(df.options, ()), f"{parent}.{df.fieldname}")
		for child, parents in registry.CHILD_TABLES.items():
			for parent in parents:
				tables = [df.options for df in frappe.get_meta(parent).get_table_fields()]
				self.assertIn(child, tables, f"{child} is not a table of {parent}")

	def test_scope_fields_are_links_and_their_sources_fixed(self):
		for doctype, rule in registry.SCOPED.items():
			meta = frappe.get_meta(doctype)
			for field, target in (
				(rule.area_field, "Area"),
				(rule.department_field, "Government Department"),
			):
				if field:
					df = meta.get_field(field)
					self.assertEqual((df.fieldtype, df.options), ("Link", target), f"{doctype}.{field}")
			for source in rule.area_sources:
				self.assertTrue(meta.get_field(source).set_only_once, f"{doctype}.{source} must be set once")

	def test_hooks_cover_every_scoped_doctype(self):
		conditions = frappe.get_hooks("permission_query_conditions")
		checks = frappe.get_hooks("has_permission")
		for doctype in registry.scoped_doctypes():
			self.assertIn("fanpin.permissions.scope.query_condition", conditions.get(doctype, []), doctype)
			self.assertIn("fanpin.permissions.scope.has_permission", checks.get(doctype, []), doctype)
		for doctype in registry.FRAPPE_HOLDERS:
			self.assertIn("fanpin.permissions.scope.holder_condition", conditions.get(doctype, []), doctype)
