# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import io
from unittest.mock import patch

import frappe
from frappe.client import get as client_get
from frappe.desk.query_report import run

from fanpin.api.warnings import include_in_monitoring, mark_no_risk
from fanpin.fanpin.doctype.warning_import.warning_import import run_import
from fanpin.testing import (
	BEIMA,
	CaseTestCase,
	fresh_id_number,
	make_case,
	make_household,
	make_staff_user,
	make_village,
	member,
)


def department_file(rows: list[list], title="龙口市民政局新增低保对象名单") -> bytes:
	"""A file as the office sends it: a merged title, a 填报单位 line, two-row header, 合计 and signature rows."""
	from openpyxl import Workbook

	wb = Workbook()
	ws = wb.active
	ws.append([title])
	ws.merge_cells("A1:E1")
	ws.append(["填报单位：龙口市民政局", None, None, "填报日期：2026年11月2日"])
	ws.append(["序号", "救助对象", None, "保障金额（元）", "备注"])
	ws.append([None, "姓名", "身份证号码", None, None])
	ws.merge_cells("B3:C3")
	for index, row in enumerate(rows, start=1):
		ws.append([index, *row])
	ws.append(["合计", None, None, 0, None])
	ws.append(["填表人：王某", None, "审核人：李某"])
	buffer = io.BytesIO()
	wb.save(buffer)
	return buffer.getvalue()


def upload(
	content: bytes, filename="低保.xlsx", department="民政局", warning_type="新增低保", month="2026-11-01"
):
	file = frappe.get_doc(
		{"doctype": "File", "file_name": filename, "content": content, "is_private": 1}
	).insert()
	batch = frappe.get_doc(
		{
			"doctype": "Warning Import",
			"department": department,
			"warning_type": warning_type,
			"report_month": month,
			"import_file": file.file_url,
		}
	).insert()
	run_import(batch.name)
	return frappe.get_doc("Warning Import", batch.name)


class TestWarningImport(CaseTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.liaison = make_staff_user(
			"warn.minzheng@fanpin.test", "Fanpin Department Liaison", department="民政局"
		)
		cls.medical_liaison = make_staff_user(
			"warn.yibao@fanpin.test", "Fanpin Department Liaison", department="医疗保障局"
		)
		cls.ours = make_household(cls.village, members=[member("郑一")])
		cls.monitored = make_household(cls.village, members=[member("郑二")])
		cls.theirs = make_household(make_village(BEIMA, 40), members=[member("郑三")])
		make_case(cls.monitored.name, condition_a=1, per_capita_income=3000)

	def rows(self):
		stranger = fresh_id_number()
		return [
			["郑 一", f" {self.ours.head_id_number.lower()} ", 560, "因病"],
			["郑二", self.monitored.head_id_number, 600, ""],
			["郑三", self.theirs.head_id_number, 480, ""],
			["外来", stranger, 300, ""],
			[
				"坏号",
				self.ours.head_id_number[:-1] + ("1" if self.ours.head_id_number[-1] != "1" else "2"),
				1,
				"",
			],
			["数字", 3.70681196005171e17, 1, ""],
		]

	def test_liaison_uploads_a_messy_file_and_rows_reach_their_towns(self):
		frappe.set_user(self.liaison)
		batch = upload(department_file(self.rows()))
		self.assertEqual(batch.status, "Completed")
		self.assertEqual(
			(
				batch.rows_read,
				batch.rows_imported,
				batch.rows_matched,
				batch.rows_unmatched,
				batch.rows_rejected,
				batch.rows_repeated,
			),
			(6, 4, 3, 1, 2, 0),
		)
		self.assertEqual([e.row_number for e in batch.errors], [9, 10])
		self.assertIn("校验码", batch.errors[0].reason)
		self.assertIn("存成了数字", batch.errors[1].reason)

		frappe.set_user("Administrator")
		rows = {
			w.id_number: w
			for w in frappe.get_all("Department Warning", filters={"import_batch": batch.name}, fields=["*"])
		}
		ours = rows[self.ours.head_id_number]
		self.assertEqual(
			(ours.town, ours.household, ours.status, ours.person_name, ours.row_number),
			(self.village[:9] + "000", self.ours.name, "Pending", "郑一", 5),
		)
		self.assertIn(self.officer, frappe.parse_json(ours._assign))
		self.assertTrue(frappe.db.exists("ToDo", {"reference_name": ours.name, "allocated_to": self.officer}))
		self.assertEqual(rows[self.monitored.head_id_number].status, "Already monitored")
		self.assertTrue(rows[self.monitored.head_id_number].monitoring_case)

		# re-uploading the same file, or a later one repeating rows, adds nothing
		frappe.set_user(self.liaison)
		again = upload(department_file(self.rows()[:3]))
		self.assertEqual((again.rows_imported, again.rows_repeated), (0, 3))
		frappe.set_user("Administrator")
		self.assertEqual(
			frappe.db.count("Department Warning", {"report_month": "2026-11-01", "department": "民政局"}), 4
		)

	def test_a_merged_header_under_a_reporting_unit_line_and_a_unit_in_a_heading(self):
		"""The department file that went wrong: a 填报单位 line above a two-row merged header (its second
		row was taken as data, "证件号码为空") and 月保障金额（元） (every amount stored as 0)."""
		from openpyxl import Workbook

		wb = Workbook()
		ws = wb.active
		ws.append(["填报单位：龙口市民政局（盖章）", None, None, None, None, "2026年11月"])
		ws.append(["序号", "姓名", "身份证号码", "救助信息", None, "备注"])
		ws.append([None, None, None, "救助类别", "月保障金额（元）", None])
		ws.merge_cells("D2:E2")
		ws.append([1, "郑一", self.ours.head_id_number, "农村低保", 560, ""])
		ws.append([2, "发放标准", None, "农村低保", 480, ""])
		buffer = io.BytesIO()
		wb.save(buffer)
		frappe.set_user(self.liaison)
		batch = upload(buffer.getvalue(), month="2026-10-01")
		self.assertEqual((batch.rows_read, batch.rows_imported, batch.rows_rejected), (2, 1, 1))
		self.assertEqual([e.row_number for e in batch.errors], [5])
		self.assertIn("未导入的列：救助类别", batch.import_log)
		frappe.set_user("Administrator")
		amount = frappe.db.get_value(
			"Department Warning", {"import_batch": batch.name, "row_number": 4}, "amount"
		)
		self.assertEqual(amount, 560)

	def test_scope_for_towns_and_liaisons(self):
		frappe.set_user(self.liaison)
		batch = upload(department_file(self.rows()[:4]), month="2026-10-01")
		frappe.set_user(self.medical_liaison)
		upload(
			department_file(self.rows()[:1], title="大额医疗支出"),
			"医保.xlsx",
			"医疗保障局",
			"大额医疗支出",
			"2026-10-01",
		)

		frappe.set_user(self.officer)
		mine = frappe.get_list(
			"Department Warning", filters={"report_month": "2026-10-01"}, pluck="id_number"
		)
		self.assertEqual(
			sorted(mine),
			sorted([self.ours.head_id_number, self.monitored.head_id_number, self.ours.head_id_number]),
		)
		frappe.set_user(self.beima_officer)
		self.assertEqual(
			frappe.get_list("Department Warning", filters={"report_month": "2026-10-01"}, pluck="id_number"),
			[self.theirs.head_id_number],
		)
		frappe.set_user(self.liaison)
		# a liaison has no read on the warnings themselves (a filter on their village would say where
		# a person lives): it reads its department's outcomes in a report that carries no place
		self.assertRaises(frappe.PermissionError, frappe.get_list, "Department Warning")
		self.assertRaises(frappe.PermissionError, client_get, "Department Warning", mine_name(batch.name))
		own = run("Warning Outcome", filters={"from_date": "2026-10-01", "to_date": "2026-10-01"})["result"]
		self.assertEqual({row["department"] for row in own}, {"民政局"})
		self.assertEqual(len(own), 4)  # all towns and the unmatched row
		for row in own:
			self.assertFalse({"household", "village", "town", "member_name", "monitoring_case"} & set(row))

	def test_officer_turns_a_warning_into_a_case_or_clears_it(self):
		frappe.set_user(self.liaison)
		batch = upload(department_file(self.rows()[:4]), month="2026-09-01")
		frappe.set_user(self.officer)
		pending = frappe.get_list(
			"Department Warning",
			filters={"import_batch": batch.name, "status": "Pending", "matched": 1},
			pluck="name",
		)
		self.assertEqual(len(pending), 1)
		case = include_in_monitoring(pending[0], ["因病"])
		self.assertEqual(
			frappe.db.get_value("Monitoring Case", case, "discovery_channel"), "Department warning"
		)
		self.assertEqual(
			frappe.db.get_value("Department Warning", pending[0], ["status", "handler"]),
			("Included in monitoring", self.officer),
		)

		another = upload_as(self.liaison, department_file([self.rows()[0]]), month="2026-08-01")
		frappe.set_user(self.officer)
		warning = frappe.get_list("Department Warning", filters={"import_batch": another}, pluck="name")[0]
		self.assertEqual(frappe.db.get_value("Department Warning", warning, "status"), "Already monitored")
		# disposed of once: an included or already-monitored warning cannot become "no risk"
		self.assertRaisesRegex(frappe.ValidationError, "已处置", mark_no_risk, warning, "无风险")
		self.assertRaisesRegex(frappe.ValidationError, "已处置", mark_no_risk, pending[0], "无风险")
		frappe.set_user(self.beima_officer)
		self.assertRaises(frappe.PermissionError, mark_no_risk, warning, "无风险")

	def test_file_without_a_recognisable_header_fails_with_a_reason(self):
		frappe.set_user(self.liaison)
		batch = upload("名单\n甲,乙\n".encode("gbk"), "bad.csv", month="2026-07-01")
		self.assertEqual(batch.status, "Failed")
		self.assertIn("身份证", batch.import_log)

	def test_department_mapping_saved_once_is_reused(self):
		frappe.get_doc(
			{
				"doctype": "Warning Column Map",
				"department": "民政局",
				"columns": [
					{"header_text": "证照编码", "field": "id_number"},
					{"header_text": "人员", "field": "person_name"},
				],
			}
		).insert()
		content = f"人员,证照编码\n郑一,{self.ours.head_id_number}\n".encode("gbk")
		frappe.set_user(self.liaison)
		batch = upload(content, "custom.csv", month="2026-06-01")
		self.assertEqual((batch.status, batch.rows_imported, batch.rows_matched), ("Completed", 1, 1))

	def test_the_liaison_sees_the_import_end_and_each_row_outcome(self):
		fresh = make_household(self.village, members=[member("郑四")]).head_id_number  # no case, in any order
		stranger = fresh_id_number()
		rows = [
			["郑四", fresh, 100, ""],
			["郑二", self.monitored.head_id_number, 600, ""],
			["外来", stranger, 300, ""],
			["坏号", stranger[:-1] + ("1" if stranger[-1] != "1" else "2"), 1, ""],
		]
		frappe.set_user(self.liaison)
		with patch("frappe.publish_realtime") as realtime, patch("frappe.publish_progress"):
			batch = upload(department_file(rows), month="2026-05-01")
		self.assertEqual((batch.rows_read, batch.rows_matched, batch.rows_unmatched), (4, 2, 1))
		# an open form of the batch reloads by itself; the liaison is told how it ended, on screen
		# and in the bell
		updates = [c for c in realtime.call_args_list if c.args[0] == "doc_update"]
		self.assertTrue(any(c.kwargs.get("docname") == batch.name for c in updates))
		message = next(c for c in realtime.call_args_list if c.args[0] == "msgprint")
		self.assertEqual(message.args[1]["title"], f"预警导入 {batch.name}")
		self.assertEqual(message.args[1]["message"], batch.import_log)
		self.assertEqual(message.args[1]["indicator"], "orange")  # a row was rejected
		self.assertIn("匹配 2 行，未匹配 1 行", batch.import_log)
		frappe.set_user("Administrator")
		log = frappe.get_all(
			"Notification Log",
			filters={"for_user": self.liaison, "document_name": batch.name},
			fields=["subject", "document_type"],
		)
		self.assertEqual(len(log), 1)
		self.assertEqual(log[0].document_type, "Warning Import")
		self.assertIn(batch.import_log, log[0].subject)

		# the outcome report: each row's colour follows its own outcome, unmatched rows say so
		frappe.set_user(self.liaison)
		report = run("Warning Outcome", filters={"import_batch": batch.name})
		outcomes = {row["id_number"]: (row["outcome"], row["status"]) for row in report["result"]}
		self.assertEqual(
			outcomes,
			{
				fresh: ("Pending", "待研判"),
				self.monitored.head_id_number: ("Already monitored", "已是监测对象"),
				stranger: ("Unmatched", "未匹配"),
			},
		)
		summary = {item["label"]: item["value"] for item in report["report_summary"]}
		self.assertEqual(summary, {"接收预警": 3, "已匹配": 2, "未匹配": 1})

	def test_a_warning_entered_in_the_desk_is_routed_and_assigned_as_an_imported_one(self):
		person = make_household(self.village, members=[member("郑手工")])
		frappe.set_user(self.city)  # the city office enters a warning handed in on paper
		warning = frappe.get_doc(
			{
				"doctype": "Department Warning",
				"department": "民政局",
				"warning_type": "新增低保",
				"report_month": "2026-07-15",
				"id_number": person.head_id_number,
				"person_name": "郑手工",
			}
		).insert()
		frappe.set_user("Administrator")
		stored = frappe.db.get_value(
			"Department Warning",
			warning.name,
			["town", "household", "status", "_assign", "report_month"],
			as_dict=True,
		)
		self.assertEqual(
			(stored.town, stored.household, stored.status, str(stored.report_month)),
			(self.village[:9] + "000", person.name, "Pending", "2026-07-01"),
		)
		self.assertIn(self.officer, frappe.parse_json(stored._assign))
		self.assertTrue(
			frappe.db.exists("ToDo", {"reference_name": warning.name, "allocated_to": self.officer})
		)


def mine_name(batch: str) -> str:
	return frappe.get_all("Department Warning", filters={"import_batch": batch}, pluck="name")[0]


def upload_as(user: str, content: bytes, **kwargs) -> str:
	frappe.set_user(user)
	return upload(content, **kwargs).name
