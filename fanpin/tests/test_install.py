# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import importlib

import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_field
from frappe.custom.doctype.property_setter.property_setter import make_property_setter
from frappe.modules.utils import sync_customizations
from frappe.utils.fixtures import sync_fixtures

from fanpin.setup import install
from fanpin.testing import FanpinTestCase

FIELD = "spare_phone_test"


class TestMigrateKeepsCustomizations(FanpinTestCase):
	"""What an admin adds with Customize Form stays through ``bench migrate``: fanpin's migrate code
	(after_migrate, patches, fixtures, customizations) never writes Custom Field or Property Setter."""

	def tearDown(self):
		frappe.db.delete("Custom Field", {"dt": "Household", "fieldname": FIELD})
		frappe.db.delete("Property Setter", {"doc_type": "Household", "field_name": "address"})
		frappe.db.commit()
		frappe.clear_cache(doctype="Household")
		super().tearDown()

	def test_admin_field_and_label_survive_migrate(self):
		create_custom_field("Household", {"fieldname": FIELD, "label": "备用联系电话", "fieldtype": "Data"})
		make_property_setter("Household", "address", "label", "现住址", "Data")
		frappe.db.commit()  # the new column commits anyway
		saved = {
			"Custom Field": frappe.get_all("Custom Field", filters={"dt": "Household"}, fields=["*"]),
			"Property Setter": frappe.get_all(
				"Property Setter", filters={"doc_type": "Household"}, fields=["*"]
			),
		}

		self.assertFalse(
			[
				f
				for f in frappe.get_hooks("fixtures", app_name="fanpin")
				if "Custom" in str(f) or "Property" in str(f)
			]
		)
		install.after_migrate()
		for patch in frappe.get_file_items(frappe.get_app_path("fanpin", "patches.txt")):
			if not patch.startswith("["):
				importlib.import_module(patch).execute()
		sync_fixtures("fanpin")
		sync_customizations("fanpin")

		for doctype, rows in saved.items():
			filters = {"dt": "Household"} if doctype == "Custom Field" else {"doc_type": "Household"}
			self.assertEqual(frappe.get_all(doctype, filters=filters, fields=["*"]), rows)
		frappe.clear_cache(doctype="Household")
		meta = frappe.get_meta("Household")
		self.assertEqual(meta.get_label(FIELD), "备用联系电话")
		self.assertEqual(meta.get_label("address"), "现住址")


class TestScopeIndexes(FanpinTestCase):
	def test_every_scoped_doctype_is_indexed_by_its_scope_and_sort_fields(self):
		"""A list of one village reads its first page from one index (the county-scale issue)."""
		from fanpin.permissions.registry import SCOPED

		install.after_migrate()
		for doctype, rule in SCOPED.items():
			sort_field = frappe.get_meta(doctype).sort_field or "modified"
			indexes = frappe.db.sql(f"show index from `tab{doctype}`", as_dict=True)
			for field in rule.fields:
				if field == "name":
					continue  # the household itself: its primary key
				columns = {
					key: [row.Column_name for row in indexes if row.Key_name == key]
					for key in {row.Key_name for row in indexes}
				}
				self.assertIn([field, sort_field], columns.values(), doctype)
