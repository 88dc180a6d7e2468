# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import io

import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_field
from frappe.desk.query_report import run
from frappe.utils import today
from openpyxl import load_workbook

from fanpin.exports import government
from fanpin.exports.defaults import BY_NAME
from fanpin.testing import (
	DONGLAI,
	FanpinTestCase,
	ensure_line,
	make_monitored_case,
	make_staff_user,
	make_village,
)

CUSTOM_FIELD = "custom_helper_cadre"


def download(report: str, filters: dict):
	result = government.export_report(report, filters)
	content = frappe.get_doc("File", {"file_url": result["file_url"]}).get_content()
	return load_workbook(io.BytesIO(content)).active


class TestExportLayout(FanpinTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_line(int(today()[:4]))
		cls.village = make_village(DONGLAI, 63, "版式测试村")
		cls.officer = make_staff_user("layout.officer@fanpin.test", "Fanpin Town Officer", DONGLAI)
		cls.case = make_monitored_case(cls.village, "版式户").name

	def setUp(self):
		super().setUp()
		self.roster = frappe.get_doc("Export Layout", "Monitoring Roster")
		self.saved = self.roster.as_dict()

	def tearDown(self):
		frappe.set_user("Administrator")
		# Put the shipped layout back for the other tests.
		self.roster.reload()
		self.roster.update({"title": self.saved.title, "columns": self.saved.columns})
		self.roster.save()
		if frappe.db.exists("Custom Field", f"Monitoring Case-{CUSTOM_FIELD}"):
			frappe.delete_doc("Custom Field", f"Monitoring Case-{CUSTOM_FIELD}")
			# Adding the field altered the table, which committed; its removal must be committed too,
			# or the rollback after the class would bring the record back.
			frappe.db.commit()
		super().tearDown()

	def test_every_report_ships_a_layout(self):
		self.assertLessEqual(set(government.REPORTS), set(frappe.get_all("Export Layout", pluck="name")))
		for name, default in BY_NAME.items():
			layout = frappe.get_doc("Export Layout", name)
			self.assertEqual((layout.report, layout.kind or ""), (default.report, default.kind))
			self.assertEqual([c.field for c in layout.columns], [c.field for c in default.columns])
			self.assertTrue(layout.title.startswith("龙口市"))

	def test_admin_renames_a_column_and_adds_a_custom_field(self):
		create_custom_field(
			"Monitoring Case",
			{
				"fieldname": CUSTOM_FIELD,
				"label": "帮扶责任人",
				"fieldtype": "Data",
				"insert_after": "head_name",
			},
		)
		frappe.db.set_value("Monitoring Case", self.case, CUSTOM_FIELD, "李干部")
		self.assertIn(CUSTOM_FIELD, government.field_choices("Monitoring Roster"))

		head = next(row for row in self.roster.columns if row.field == "head_name")
		head.label = "户主"
		self.roster.title = "龙口市监测对象名册（改）"
		self.roster.append(
			"columns", {"field": CUSTOM_FIELD, "label": "帮扶责任人", "header_group": "帮扶", "width": 12}
		)
		self.roster.save()

		frappe.set_user(self.officer)
		sheet = download("Monitoring Roster", {"village": self.village})
		self.assertEqual(sheet["A1"].value, "龙口市监测对象名册（改）")
		self.assertEqual(sheet["D4"].value, "户主")
		last = sheet.max_column
		self.assertEqual((sheet.cell(3, last).value, sheet.cell(4, last).value), ("帮扶", "帮扶责任人"))
		self.assertEqual(sheet.cell(5, last).value, "李干部")
		# The report on screen shows the added column too.
		result = run("Monitoring Roster", filters={"village": self.village})
		self.assertIn(CUSTOM_FIELD, [c["fieldname"] for c in result["columns"]])
		self.assertEqual(result["result"][0][CUSTOM_FIELD], "李干部")

	def test_migrate_leaves_admin_changes(self):
		self.roster.title = "管理员改过的标题"
		self.roster.save()
		government.install_default_layouts()
		self.assertEqual(
			frappe.db.get_value("Export Layout", "Monitoring Roster", "title"), "管理员改过的标题"
		)

	def test_bad_columns_are_refused_in_chinese(self):
		last = len(self.roster.columns) + 1
		for row, message in (
			({"field": "no_such_field"}, f"第 {last} 行：报表 监测对象花名册 没有字段 no_such_field"),
			({"field": "head_name"}, f"第 {last} 行：字段 head_name 已在第 3 行"),
			({"field": "discovery_date", "width": 500}, f"第 {last} 行：宽度须在 3 到 100 之间"),
		):
			layout = frappe.get_doc("Export Layout", "Monitoring Roster")
			layout.append("columns", {"label": "新列", "width": 12, **row})
			with self.assertRaises(frappe.ValidationError) as raised:
				layout.save()
			self.assertIn(message, str(raised.exception))
		stored = frappe.get_doc("Export Layout", "Monitoring Roster")
		self.assertEqual([c.field for c in stored.columns], [c.field for c in self.saved.columns])

	def test_public_list_refuses_sensitive_columns(self):
		create_custom_field(
			"Monitoring Case", {"fieldname": CUSTOM_FIELD, "label": "银行卡号", "fieldtype": "Data"}
		)
		self.assertNotIn(CUSTOM_FIELD, government.field_choices("Public Notice List"))
		notice = frappe.get_doc("Export Layout", "Public Notice List")
		self.assertTrue(notice.is_public)
		for field, label in ((CUSTOM_FIELD, "银行卡号"), ("head_name", "身份证号码"), ("phone", "联系电话")):
			layout = frappe.get_doc("Export Layout", "Public Notice List")
			layout.append("columns", {"field": field, "label": label, "width": 12})
			with self.assertRaises(frappe.ValidationError) as raised:
				layout.save()
			self.assertIn("不得出现在向社会公示的名单中", str(raised.exception))
