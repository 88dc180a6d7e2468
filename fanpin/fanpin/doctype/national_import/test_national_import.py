# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import datetime
import io
from unittest.mock import patch

import frappe
from frappe.desk.query_report import run

from fanpin.fanpin.doctype.national_import import national_import
from fanpin.fanpin.doctype.national_import.national_import import run_national_import
from fanpin.testing import (
	BEIMA,
	DONGLAI,
	CaseTestCase,
	fresh_id_number,
	make_case,
	make_household,
	make_income,
	make_monitored_case,
	make_staff_user,
	make_village,
	member,
)
from fanpin.utils import WriteBehind, row_names


def national_export(rows: list[list]) -> bytes:
	"""A town's export of the national system: a title, a 填报单位 line, a two-row header."""
	from openpyxl import Workbook

	wb = Workbook()
	ws = wb.active
	ws.append(["全国防返贫监测信息系统 监测对象信息表"])
	ws.append(["填报单位：东莱街道办事处"])
	ws.append(
		[
			"户编号",
			"乡镇",
			"行政村",
			"姓名",
			"证件号码",
			"与户主关系",
			"劳动技能",
			"联系电话",
			"人均纯收入（元）",
			"监测信息",
			None,
			None,
			None,
			None,
		]
	)
	ws.append([None] * 9 + ["监测对象类别", "识别监测时间", "风险类型", "风险是否消除", "消除时间"])
	ws.merge_cells("J3:N3")
	for row in rows:
		ws.append(row)
	buffer = io.BytesIO()
	wb.save(buffer)
	return buffer.getvalue()


def upload(content: bytes, town=None) -> "frappe.model.document.Document":
	file = frappe.get_doc(
		{"doctype": "File", "file_name": "国家系统.xlsx", "content": content, "is_private": 1}
	).insert()
	batch = frappe.get_doc(
		{
			"doctype": "National Import",
			"town": town,
			"export_date": "2026-11-30",
			"import_file": file.file_url,
		}
	).insert()
	run_national_import(batch.name)
	return frappe.get_doc("National Import", batch.name)


class TestNationalImport(CaseTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.village = make_village(DONGLAI, 60, "国家导入村")
		cls.other = make_village(BEIMA, 60, "国家导入北村")
		cls.officer = make_staff_user("national.officer@fanpin.test", "Fanpin Town Officer", DONGLAI)
		cls.beima_officer = make_staff_user("national.beima@fanpin.test", "Fanpin Town Officer", BEIMA)
		cls.ids = [fresh_id_number() for _ in range(5)]
		cls.codes = [f"37068100160{n:07d}" for n in range(1, 4)]

	def rows(self, *, phone="13900000001", eliminated=False):
		ids, codes = self.ids, self.codes
		done = ["是", "2026/10/8"] if eliminated else ["否", None]
		return [
			[codes[0], "东莱街道", "国家导入村", "钱国一", ids[0], "户主", "普通劳动力", phone, 4000,
			 "边缘易致贫户", datetime.datetime(2026, 3, 15), "因病、因学", *done],
			[codes[0], "东莱街道", "国家导入村", "孙国二", ids[1], "配偶", "弱劳动力", phone, 4000,
			 "边缘易致贫户", datetime.datetime(2026, 3, 15), "因病、因学", *done],
			[codes[1], "东莱街道", "国家导入村", "李国三", ids[2], "户主", "普通劳动力", "", None,
			 None, None, None, None, None],
			# another town's household: the officer's import refuses it
			[codes[2], "北马镇", "国家导入北村", "周国四", ids[3], "户主", "普通劳动力", "", None,
			 None, None, None, None, None],
			# a relation the national system does not have
			[codes[1], "东莱街道", "国家导入村", "吴国五", ids[4], "表弟", "普通劳动力", "", None,
			 None, None, None, None, None],
		]  # fmt: skip

	def test_an_officer_imports_the_town_and_a_newer_export_updates_in_place(self):
		frappe.set_user(self.officer)
		batch = upload(national_export(self.rows()))
		self.assertEqual(batch.status, "Completed", batch.import_log)
		self.assertEqual(batch.town, DONGLAI)  # the officer's own town
		self.assertEqual(
			(batch.rows_read, batch.rows_rejected, batch.households_created, batch.members_created),
			(5, 2, 2, 3),
		)
		reasons = {e.row_number: (e.column_heading, e.reason) for e in batch.errors}
		self.assertEqual(set(reasons), {8, 9})
		self.assertEqual(reasons[8][0], "行政村")  # the file's own column
		self.assertIn("不在本次导入的镇街区内", reasons[8][1])
		self.assertEqual(reasons[9][0], "与户主关系")
		self.assertIn("表弟", reasons[9][1])

		household = frappe.get_doc("Household", {"household_code": self.codes[0]})
		self.assertEqual(
			(household.village, household.head_name, household.phone), (self.village, "钱国一", "13900000001")
		)
		self.assertEqual(
			[(m.member_name, m.relation, m.labour_skill) for m in household.members],
			[("钱国一", "Head of household", "Ordinary labour"), ("孙国二", "Spouse", "Weak or half labour")],
		)
		case = frappe.get_doc("Monitoring Case", household.monitoring_case)
		self.assertEqual(
			(
				case.stage,
				case.classification,
				case.identified_on,
				case.from_national_system,
				case.national_import,
			),
			("Under monitoring", "Marginal household", datetime.date(2026, 3, 15), 1, batch.name),
		)
		self.assertEqual([r.risk_type for r in case.risk_types], ["因病", "因学"])
		self.assertEqual(household.monitoring_status, "Under monitoring")
		income = frappe.get_doc("Household Income", {"household": household.name})
		self.assertEqual(income.per_capita_income, 4000)

		# a newer export: the phone changed and the risk is gone; nothing is added twice
		again = upload(national_export(self.rows(phone="13900000002", eliminated=True)))
		self.assertEqual(
			(
				again.households_created,
				again.households_updated,
				again.members_created,
				again.members_updated,
			),
			(0, 2, 0, 3),
		)
		self.assertEqual((again.cases_created, again.cases_updated), (0, 1))
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.count("Household", {"household_code": self.codes[0]}), 1)
		self.assertEqual(frappe.db.count("Household Member", {"id_number": self.ids[0]}), 1)
		self.assertEqual(frappe.db.get_value("Household", household.name, "phone"), "13900000002")
		case.reload()
		self.assertEqual((case.stage, case.eliminated_on), ("Risk eliminated", datetime.date(2026, 10, 8)))
		self.assertEqual(frappe.db.count("Monitoring Case", {"household": household.name}), 1)
		self.assertFalse(frappe.db.exists("Household", {"household_code": self.codes[2]}))

	def test_the_officer_cannot_import_into_another_town(self):
		frappe.set_user(self.officer)
		file = frappe.get_doc(
			{"doctype": "File", "file_name": "x.xlsx", "content": national_export([]), "is_private": 1}
		).insert()
		doc = frappe.get_doc(
			{
				"doctype": "National Import",
				"town": BEIMA,
				"export_date": "2026-11-30",
				"import_file": file.file_url,
			}
		)
		self.assertRaises(frappe.PermissionError, doc.insert)

	def test_a_file_that_is_no_national_export_fails_in_chinese_and_writes_nothing(self):
		frappe.set_user(self.officer)
		content = f"姓名,证件号码\n吴一,{fresh_id_number()}".encode()
		file = frappe.get_doc(
			{"doctype": "File", "file_name": "x.csv", "content": content, "is_private": 1}
		).insert()
		batch = frappe.get_doc(
			{"doctype": "National Import", "export_date": "2026-11-30", "import_file": file.file_url}
		).insert()
		run_national_import(batch.name)
		batch.reload()
		self.assertEqual(batch.status, "Failed")
		self.assertIn("没有户编号列", batch.import_log)

	def test_a_spreadsheet_that_cannot_be_opened_fails_in_chinese_and_writes_nothing(self):
		frappe.set_user(self.officer)
		batch = upload(b"PK\x03\x04 not a workbook")
		self.assertEqual(batch.status, "Failed")
		self.assertIn("无法打开该表格", batch.import_log)

	def test_what_fanpin_holds_otherwise_is_listed_beside_the_national_value(self):
		"""A household fanpin registered and took into the procedure itself, then found in the national
		file with one member fewer, under monitoring as 边缘易致贫户, at another income."""
		code, head_id, spouse_id = "370681001600000009", fresh_id_number(), fresh_id_number(male=False)
		household = make_household(
			self.village,
			members=[member("钱差一", id_number=head_id), member("孙差二", "Spouse", id_number=spouse_id)],
			household_code=code,
		)
		make_income(household.name, "2026-06-01", 5000, size=2)
		case = make_case(household.name)
		row = [code, "东莱街道", "国家导入村", "钱差一", head_id, "户主", "普通劳动力", "", 4200,
			   "边缘易致贫户", datetime.datetime(2026, 5, 1), "因病", "否", None]  # fmt: skip
		frappe.set_user(self.officer)
		batch = upload(national_export([row]))
		self.assertEqual(batch.status, "Completed", batch.import_log)
		found = {d.subject: (d.fanpin_value, d.national_value) for d in batch.differences}
		self.assertEqual(found["成员"], (f"孙差二（{spouse_id}）", "—"))
		self.assertEqual(found["阶段"][1], "已纳入监测")
		self.assertEqual(found["人均纯收入"], ("¥5,000.00", "¥4,200.00"))
		self.assertIn("处差异", batch.import_log)
		# fanpin's own case is left as the procedure has it
		self.assertEqual(frappe.db.get_value("Monitoring Case", case.name, "from_national_system"), 0)
		self.assertEqual(frappe.db.count("Household Member", {"parent": household.name}), 2)

		report = run("National Differences", filters={"national_import": batch.name})["result"]
		self.assertEqual({r["subject"] for r in report if isinstance(r, dict)}, set(found))
		frappe.set_user(self.beima_officer)
		report = run("National Differences", filters={"national_import": batch.name})["result"]
		self.assertEqual([r for r in report if isinstance(r, dict)], [])

	def test_the_entry_list_holds_what_fanpin_took_in_and_not_what_came_from_the_national_system(self):
		ours = make_monitored_case(self.village, "赵录入", identified_on="2026-11-20")
		theirs = make_monitored_case(self.village, "赵国家", identified_on="2026-11-20")
		frappe.db.set_value("Monitoring Case", theirs.name, "from_national_system", 1)
		frappe.set_user(self.officer)
		filters = {"from_date": "2026-11-01", "to_date": "2026-11-30", "village": self.village}
		rows = [r for r in run("National Entry List", filters=filters)["result"] if isinstance(r, dict)]
		entered = {r["source"]: r for r in rows}
		self.assertIn(ours.name, entered)
		self.assertNotIn(theirs.name, entered)
		self.assertEqual(
			(entered[ours.name]["entry"], entered[ours.name]["category"], entered[ours.name]["risk_types"]),
			("新增监测对象", "边缘易致贫户", "因病"),
		)
		# the government layout opens in Excel with the national system's columns in their order
		from openpyxl import load_workbook

		from fanpin.exports.government import export_report

		exported = export_report("National Entry List", filters)
		content = frappe.get_doc("File", {"file_url": exported["file_url"]}).get_content()
		sheet = load_workbook(io.BytesIO(content)).active
		texts = [str(c.value) for row in sheet.iter_rows(max_row=6) for c in row if c.value]
		for heading in ("户编号", "监测对象类别", "识别监测时间", "风险类型", "消除方式"):
			self.assertIn(heading, texts)
		self.assertTrue(any("赵录入" in str(c.value) for row in sheet.iter_rows() for c in row))
		frappe.set_user(self.beima_officer)
		rows = [r for r in run("National Entry List", filters=filters)["result"] if isinstance(r, dict)]
		self.assertEqual(rows, [])

	def test_a_new_member_without_what_its_form_needs_is_refused_naming_the_column(self):
		code, head_id = "370681001600000010", fresh_id_number()
		row = [
			code,
			"东莱街道",
			"国家导入村",
			"郑缺技",
			head_id,
			"户主",
			None,
			"",
			None,
			None,
			None,
			None,
			None,
			None,
		]
		frappe.set_user(self.officer)
		batch = upload(national_export([row]))
		self.assertEqual((batch.rows_rejected, batch.households_created, batch.members_created), (1, 0, 0))
		self.assertEqual((batch.errors[0].column_heading, batch.errors[0].reason), ("劳动技能", "为空"))
		self.assertFalse(frappe.db.exists("Household", {"household_code": code}))

	def test_a_heading_the_admin_mapped_once_is_read_in_every_import(self):
		"""A county whose export heads the ID column 公民身份证件 (no synonym): mapped once by the city
		office in 国家系统表头映射, then read."""
		code, head_id = "370681001600000011", fresh_id_number()
		content = national_export(
			[
				[
					code,
					"东莱街道",
					"国家导入村",
					"郑映射",
					head_id,
					"户主",
					"普通劳动力",
					"",
					None,
					None,
					None,
					None,
					None,
					None,
				]
			]
		)
		from openpyxl import load_workbook

		book = load_workbook(io.BytesIO(content))
		book.active["E3"] = "公民身份证件（18位）"
		buffer = io.BytesIO()
		book.save(buffer)
		frappe.set_user(self.officer)
		batch = upload(buffer.getvalue())
		self.assertEqual(batch.status, "Failed")  # no ID number column: no header found
		frappe.set_user("Administrator")
		mapping = frappe.get_single("National Column Map")
		mapping.set("columns", [{"header_text": "公民身份证件（18位）", "field": "id_number"}])
		mapping.save()
		frappe.set_user(self.officer)
		batch = upload(buffer.getvalue())
		self.assertEqual((batch.status, batch.households_created), ("Completed", 1), batch.import_log)

	def test_a_household_its_form_refuses_is_listed_with_its_rows_and_nothing_of_it_is_written(self):
		code = "370681001600000012"
		ids = [fresh_id_number(), fresh_id_number()]
		rows = [
			[
				code,
				"东莱街道",
				"国家导入村",
				name,
				id_number,
				"户主",
				"普通劳动力",
				"",
				None,
				None,
				None,
				None,
				None,
				None,
			]
			for name, id_number in (("冯双一", ids[0]), ("冯双二", ids[1]))
		]  # two heads: the household form refuses it
		frappe.set_user(self.officer)
		batch = upload(national_export(rows))
		self.assertEqual((batch.status, batch.rows_rejected, batch.households_created), ("Completed", 2, 0))
		self.assertEqual([e.row_number for e in batch.errors], [5, 6])
		self.assertIn("户主", batch.errors[0].reason)
		frappe.set_user("Administrator")
		self.assertFalse(frappe.db.exists("Household", {"household_code": code}))
		self.assertFalse(frappe.db.exists("Household Member", {"id_number": ids[0]}))

	def test_a_monitored_household_the_national_list_lacks_is_a_difference_to_enter(self):
		"""fanpin monitors a household the county registered by hand (no 户编号): a 监测对象 list of
		its village that does not list it says that it still has to be entered."""
		village = make_village(DONGLAI, 61, "国家缺户村")
		ours = make_monitored_case(village, "赵缺户")
		listed = fresh_id_number()
		row = ["370681001610000001", "东莱街道", "国家缺户村", "钱在册", listed, "户主", "普通劳动力", "", 4200,
			   "边缘易致贫户", datetime.datetime(2026, 5, 1), "因病", "否", None]  # fmt: skip
		frappe.set_user(self.officer)
		batch = upload(national_export([row]))
		self.assertEqual(batch.status, "Completed", batch.import_log)
		absent = [d for d in batch.differences if d.household == ours.household]
		self.assertEqual(
			[(d.subject, d.household_code, d.fanpin_value, d.national_value) for d in absent],
			[("监测对象", "—", "已纳入监测", "—")],
		)

	def test_what_an_import_changes_is_on_the_households_timeline(self):
		code, head = "370681001610000002", fresh_id_number()
		row = [code, "东莱街道", "国家导入村", "郑时间", head, "户主", "普通劳动力", "13900000021", None,
			   None, None, None, None, None]  # fmt: skip
		frappe.set_user(self.officer)
		first = upload(national_export([row]))
		household = frappe.db.get_value("Household", {"household_code": code}, "name")
		self.assertEqual((first.households_created, first.members_created), (1, 1))
		row[7] = "13900000022"
		again = upload(national_export([row]))
		self.assertEqual((again.households_created, again.households_updated), (0, 1))
		frappe.set_user("Administrator")
		versions = frappe.get_all(
			"Version", filters={"ref_doctype": "Household", "docname": household}, pluck="data"
		)
		self.assertEqual(len(versions), 1)
		data = frappe.parse_json(versions[0])
		self.assertEqual(data["changed"], [["phone", "13900000021", "13900000022"]])
		self.assertEqual(data["national_import"], again.name)

	def test_one_person_in_two_households_of_one_file_lands_in_the_first_only(self):
		person = fresh_id_number()
		rows = [
			["370681001610000003", "东莱街道", "国家导入村", "王两户", person, "户主", "普通劳动力", "", None,
			 None, None, None, None, None],
			["370681001610000004", "东莱街道", "国家导入村", "王两户", person, "户主", "普通劳动力", "", None,
			 None, None, None, None, None],
		]  # fmt: skip
		frappe.set_user(self.officer)
		batch = upload(national_export(rows))
		self.assertEqual((batch.households_created, batch.rows_rejected), (1, 1), batch.import_log)
		first = frappe.db.get_value("Household", {"household_code": rows[0][0]}, "name")
		self.assertEqual((batch.errors[0].row_number, batch.errors[0].column_heading), (6, "证件号码"))
		self.assertIn(first, batch.errors[0].reason)
		self.assertEqual(frappe.db.count("Household Member", {"id_number": person}), 1)

	def test_an_income_fanpin_recorded_for_the_year_stands_and_the_difference_says_so(self):
		code, head = "370681001610000005", fresh_id_number()
		household = make_household(
			self.village, members=[member("陈收入", id_number=head)], household_code=code
		)
		ours = make_income(household.name, "2026-11-15", 5200, size=1)
		row = [code, "东莱街道", "国家导入村", "陈收入", head, "户主", "普通劳动力", "", 4100,
			   None, None, None, None, None]  # fmt: skip
		frappe.set_user(self.officer)
		batch = upload(national_export([row]))
		self.assertEqual(batch.households_updated, 1, batch.import_log)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.count("Household Income", {"household": household.name}), 1)
		self.assertEqual(frappe.db.get_value("Household Income", ours.name, "per_capita_income"), 5200)
		found = {d.subject: (d.fanpin_value, d.national_value) for d in batch.differences}
		self.assertEqual(found["人均纯收入"], ("¥5,200.00", "¥4,100.00"))

	def test_a_household_the_file_lists_again_further_down_is_updated_not_added_twice(self):
		"""Written a part at a time while the next part is read: a household met again in a later
		part is the one the earlier part wrote."""
		code, other, head, spouse, lone = (
			"370681001610000006",
			"370681001610000007",
			fresh_id_number(),
			fresh_id_number(male=False),
			fresh_id_number(),
		)
		rows = [
			[code, "东莱街道", "国家导入村", "赵前后", head, "户主", "普通劳动力", "", None,
			 None, None, None, None, None],
			[other, "东莱街道", "国家导入村", "钱中间", lone, "户主", "普通劳动力", "", None,
			 None, None, None, None, None],
			[code, "东莱街道", "国家导入村", "孙前后", spouse, "配偶", "普通劳动力", "", None,
			 None, None, None, None, None],
		]  # fmt: skip
		frappe.set_user(self.officer)
		with patch.object(national_import, "CHUNK_HOUSEHOLDS", 1):
			batch = upload(national_export(rows))
		self.assertEqual(batch.status, "Completed", batch.import_log)
		self.assertEqual(
			(batch.households_created, batch.households_updated, batch.members_created), (2, 1, 3)
		)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.count("Household", {"household_code": code}), 1)
		household = frappe.get_doc("Household", {"household_code": code})
		self.assertEqual([m.member_name for m in household.members], ["赵前后", "孙前后"])
		self.assertEqual(household.member_count, 2)

	def test_a_statement_the_database_refuses_fails_the_import_and_nothing_of_the_file_stays(self):
		code, head = "370681001610000008", fresh_id_number()
		rows = [
			[code, "东莱街道", "国家导入村", "李拒写", head, "户主", "普通劳动力", "", 3000,
			 None, None, None, None, None],
		]  # fmt: skip
		add = WriteBehind.add

		def refused_after_the_household(self, statement):
			add(self, statement)
			if "`tabHousehold`" in statement:  # the database refuses what follows the household
				add(self, "insert into `tabNo Such Table` (`name`) values ('x')")

		frappe.set_user(self.officer)
		with patch.object(WriteBehind, "add", refused_after_the_household):
			batch = upload(national_export(rows))
		self.assertEqual(batch.status, "Failed")
		self.assertIn("未保存任何数据", batch.import_log)
		frappe.set_user("Administrator")
		self.assertFalse(frappe.db.exists("Household", {"household_code": code}))
		self.assertFalse(frappe.db.exists("Household Member", {"id_number": head}))

	def test_rows_written_in_bulk_get_names_that_never_repeat_and_grow(self):
		first, second = row_names(50_000), row_names(3)
		self.assertEqual(len(set(first + second)), 50_003)
		self.assertEqual(first + second, sorted(first + second))
		self.assertTrue(all(len(name) == 18 and int(name, 16) for name in second))
