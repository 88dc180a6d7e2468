# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import io
from unittest.mock import patch

import frappe
from frappe.desk.query_report import run
from frappe.utils import today
from openpyxl import load_workbook

from fanpin.exports import government
from fanpin.testing import (
	BEIMA,
	DONGLAI,
	FanpinTestCase,
	assign_contact,
	ensure_line,
	make_contact,
	make_monitored_case,
	make_staff_user,
	make_village,
)


def open_export(result: dict):
	"""The produced workbook's only sheet, read back from the private file."""
	file = frappe.get_doc("File", {"file_url": result["file_url"]})
	return load_workbook(io.BytesIO(file.get_content())).active


def data_rows(sheet) -> list[tuple]:
	"""Rows between the two header rows and the blank line before the footer."""
	rows = []
	for row in sheet.iter_rows(min_row=5, values_only=True):
		if row[0] is None:
			break
		rows.append(row)
	return rows


class TestMonitoringRoster(FanpinTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_line(int(today()[:4]))
		cls.east = make_village(DONGLAI, 61, "花名册东村")
		cls.west = make_village(DONGLAI, 62, "花名册西村")
		cls.beima_village = make_village(BEIMA, 61, "花名册北马村")
		cls.officer = make_staff_user("roster.officer@fanpin.test", "Fanpin Town Officer", DONGLAI)
		cls.beima_officer = make_staff_user("roster.beima@fanpin.test", "Fanpin Town Officer", BEIMA)
		cls.city = make_staff_user("roster.city@fanpin.test", "Fanpin City Office")
		# Inserted out of order: the roster sorts by village code, then the head's name in pinyin
		# (单 as a surname reads shàn, so 单 comes after 艾 and before 张).
		cls.cases = {
			name: make_monitored_case(village, name, phone=phone).name
			for village, name, phone in (
				(cls.west, "张西", None),
				(cls.east, "张东", "+8613800000000"),
				(cls.east, "艾东", None),
				(cls.east, "单东", None),
				(cls.beima_village, "北马户", None),
			)
		}
		# a phone carried over from an older system, never validated: it must not become a formula
		frappe.db.set_value("Household", {"head_name": "单东", "village": cls.east}, "phone", "=1+2")
		cls.in_procedure = make_monitored_case(cls.east, "程序中", stage="Home verification").name

	def roster(self, user, **filters):
		frappe.set_user(user)
		return [row for row in run("Monitoring Roster", filters=filters)["result"] if row.get("name")]

	def test_town_officer_sees_own_town_in_pinyin_order(self):
		rows = self.roster(self.officer, village=self.east)
		self.assertEqual([row["head_name"] for row in rows], ["艾东", "单东", "张东"])
		names = {row["name"] for row in self.roster(self.officer)}
		self.assertIn(self.cases["张西"], names)
		self.assertNotIn(self.cases["北马户"], names)
		self.assertNotIn(self.in_procedure, names)  # not yet identified
		self.assertNotIn(self.cases["张东"], {row["name"] for row in self.roster(self.beima_officer)})

	def test_rows_carry_town_link_and_translated_category(self):
		row = next(r for r in self.roster(self.city, village=self.east) if r["head_name"] == "艾东")
		self.assertEqual((row["town"], row["town_name"]), (DONGLAI, "东莱街道"))
		self.assertEqual(row["classification"], "边缘易致贫户")
		self.assertEqual(row["risk_types"], "因病")
		columns = run("Monitoring Roster", filters={})["columns"]
		town = next(c for c in columns if c["fieldname"] == "town")
		self.assertEqual((town["fieldtype"], town["options"]), ("Link", "Area"))

	def test_current_contacts_with_their_phones(self):
		household = frappe.db.get_value("Monitoring Case", self.cases["艾东"], "household")
		assign_contact(household, make_contact("钱书记", "First secretary", phone="13700000001"))
		assign_contact(household, make_contact("孙委员", phone="13700000002"))
		ended = make_contact("郑干部", "Assisting cadre", phone="13700000003")
		assign_contact(
			household, ended, frappe.utils.add_days(today(), -30), frappe.utils.add_days(today(), -1)
		)
		rows = {row["head_name"]: row for row in self.roster(self.officer, village=self.east)}
		self.assertEqual(rows["艾东"]["assistance_contacts"], "钱书记 13700000001、孙委员 13700000002")
		self.assertEqual(rows["张东"]["assistance_contacts"], "")
		frappe.set_user(self.officer)
		sheet = open_export(government.export_report("Monitoring Roster", {"village": self.east}))
		self.assertEqual(sheet["O3"].value, "帮扶责任人（联系电话）")  # one header over both rows
		self.assertIn("钱书记 13700000001、孙委员 13700000002", [c.value for c in sheet["O"][4:]])

	def test_government_spreadsheet(self):
		frappe.set_user(self.officer)
		result = government.export_report("Monitoring Roster", {"town": DONGLAI})
		sheet = open_export(result)
		self.assertEqual(sheet["A1"].value, "龙口市防止返贫监测对象花名册")
		self.assertEqual(sheet["A2"].value, "填报单位：东莱街道")
		merged = {str(r) for r in sheet.merged_cells.ranges}
		self.assertIn("A1:O1", merged)  # 序号 and 14 columns
		self.assertIn("A3:A4", merged)
		self.assertIn("B3:C3", merged)  # 所在地 over 镇街区 and 村（社区）
		self.assertEqual(
			(sheet["B3"].value, sheet["B4"].value, sheet["C4"].value), ("所在地", "镇街区", "村（社区）")
		)
		self.assertEqual(
			(sheet["D3"].value, sheet["D4"].value, sheet["E4"].value), ("户主信息", "户主姓名", "身份证号码")
		)
		rows = data_rows(sheet)
		mine = [row for row in rows if row[2] in ("花名册东村", "花名册西村")]
		self.assertEqual([row[3] for row in mine], ["艾东", "单东", "张东", "张西"])
		self.assertEqual([row[0] for row in rows], list(range(1, len(rows) + 1)))
		self.assertTrue(all(row[1] == "东莱街道" for row in rows))  # nothing from 北马
		self.assertEqual(result["rows"], len(rows))

		id_cell = next(c for c in sheet["E"][4:] if c.value and len(str(c.value)) == 18)
		self.assertEqual((id_cell.data_type, id_cell.number_format), ("s", "@"))
		phones = {row[3]: row[6] for row in mine}
		self.assertEqual(phones["单东"], "=1+2")  # text, not a formula
		self.assertEqual(phones["张东"], "+8613800000000")
		formula_cell = next(c for c in sheet["G"][4:] if c.value == "=1+2")
		self.assertEqual(formula_cell.data_type, "s")

		footer = [v for v in list(sheet.iter_rows(values_only=True))[-1] if v]
		self.assertEqual(footer, ["填表人：", "审核人：", "联系电话：", "（盖章）"])
		self.assertEqual(sheet.page_setup.orientation, "landscape")
		self.assertEqual(sheet.print_title_rows, "$3:$4")

	def test_exported_file_is_private_to_its_owner(self):
		frappe.set_user(self.officer)
		result = government.export_report("Monitoring Roster", {"village": self.east})
		file = frappe.get_doc("File", {"file_url": result["file_url"]})
		self.assertTrue(file.is_private)
		self.assertTrue(frappe.has_permission("File", "read", file))
		frappe.set_user(self.beima_officer)
		self.assertFalse(frappe.has_permission("File", "read", file))

	def test_large_export_runs_in_background_with_progress(self):
		frappe.set_user(self.officer)
		with patch.object(government, "SYNC_ROWS", 1), patch("frappe.enqueue") as enqueue:
			queued = government.export_report("Monitoring Roster", {"town": DONGLAI})
		self.assertTrue(queued["queued"])
		kwargs = enqueue.call_args.kwargs
		self.assertEqual((kwargs["user"], kwargs["total"]), (self.officer, queued["rows"]))
		# What the worker does, as that user:
		frappe.set_user("Administrator")
		with (
			patch.object(government, "PROGRESS_EVERY", 1),
			patch("frappe.publish_progress") as progress,
			patch("frappe.publish_realtime") as realtime,
		):
			result = government.write_export(
				kwargs["report"], kwargs["filters"], kwargs["user"], kwargs["total"], notify=True
			)
		self.assertEqual(result["rows"], queued["rows"])
		self.assertEqual(progress.call_args_list[-1].args[0], 100)
		self.assertGreaterEqual(progress.call_count, queued["rows"])
		event, message = realtime.call_args.args[:2]
		self.assertEqual((event, message["file_url"]), ("fanpin_export_ready", result["file_url"]))
		self.assertEqual(realtime.call_args.kwargs["user"], self.officer)
		self.assertNotIn("北马户", [row[3] for row in data_rows(open_export(result))])

	def test_user_without_the_report_cannot_export(self):
		liaison = make_staff_user(
			"roster.liaison@fanpin.test", "Fanpin Department Liaison", department="民政局"
		)
		frappe.set_user(liaison)
		self.assertRaises(frappe.PermissionError, government.export_report, "Monitoring Roster", {})
