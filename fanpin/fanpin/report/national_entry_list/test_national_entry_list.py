# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""录入国家系统清单: one government layout per kind (新识别监测对象, 风险消除, 成员变更), each exporting
its kind's rows only, in the national system's import order; unfiltered, every kind in one sheet."""

import io

import frappe
from frappe.desk.query_report import run
from frappe.utils import today
from openpyxl import load_workbook

from fanpin.exports import government
from fanpin.exports.defaults import BY_NAME
from fanpin.fanpin.report.national_entry_list.national_entry_list import execute
from fanpin.patches.v0_4 import national_entry_kind_layouts
from fanpin.testing import (
	DONGLAI,
	FanpinTestCase,
	ensure_line,
	fresh_id_number,
	make_monitored_case,
	make_staff_user,
	make_village,
)

REPORT = "National Entry List"
NEW, ELIMINATED, MEMBER = "New monitoring object", "Risk eliminated", "Member change"
PERIOD = {"from_date": "2026-11-01", "to_date": "2026-11-30"}


def record(doctype: str, **values) -> str:
	"""A record as an earlier step left it, child rows included (the steps are tested elsewhere)."""
	doc = frappe.get_doc({"doctype": doctype, **values})
	doc.set_new_name()
	doc.set_parent_in_children()
	doc.db_insert()
	for child in doc.get_all_children():
		child.db_insert()
	return doc.name


def download(filters: dict):
	exported = government.export_report(REPORT, filters)
	content = frappe.get_doc("File", {"file_url": exported["file_url"]}).get_content()
	return load_workbook(io.BytesIO(content)).active


def headings(sheet) -> list[str]:
	"""The lower header row, after the 序号 column (every column of these layouts is in a group)."""
	return [cell.value for cell in sheet[4][1:]]


def data_rows(sheet) -> list[list]:
	"""The rows numbered in the 序号 column (the footer below them is not)."""
	return [
		[cell.value for cell in row[1:]]
		for row in sheet.iter_rows(min_row=5)
		if isinstance(row[0].value, int | float)
	]


class TestNationalEntryList(FanpinTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_line(int(today()[:4]))
		cls.village = make_village(DONGLAI, 86, "录入清单村")
		cls.officer = make_staff_user("entry.officer@fanpin.test", "Fanpin Town Officer", DONGLAI)
		cls.new = make_monitored_case(cls.village, "钱新增", identified_on="2026-11-10")
		cls.new_code = frappe.db.get_value("Household", cls.new.household, "household_code")
		cls.new_id = frappe.db.get_value("Household", cls.new.household, "head_id_number")
		exited = make_monitored_case(
			cls.village, "钱消除", identified_on="2025-03-01", stage="Risk eliminated"
		)
		cls.exit = record(
			"Risk Elimination",
			case=exited.name,
			household=exited.household,
			head_name="钱消除",
			village=cls.village,
			town=DONGLAI,
			category="Unstable lifted household",
			identified_on="2025-03-01",
			method="Eliminated through assistance",
			stage="Risk eliminated",
			eliminated_on="2026-11-18",
		)
		visited = make_monitored_case(cls.village, "钱变更", identified_on="2025-05-01")
		cls.newborn = fresh_id_number()
		cls.visit = record(
			"Follow-up Visit",
			case=visited.name,
			household=visited.household,
			head_name="钱变更",
			village=cls.village,
			town=DONGLAI,
			visit_date="2026-11-20",
			method="Home visit",
			findings="添丁",
			docstatus=1,
			member_updates=[
				{
					"change": "Joined the household",
					"member_name": "钱小",
					"member_id_number": cls.newborn,
					"relation": "Daughter",
				}
			],
		)

	def filters(self, kind: str = "") -> dict:
		return {**PERIOD, "village": self.village, "entry": kind}

	def test_each_kind_is_exported_alone_in_its_own_layout_in_the_national_import_order(self):
		frappe.set_user(self.officer)
		expected = {
			NEW: (
				"龙口市防返贫监测信息系统录入清单（新识别监测对象）",
				[
					"户编号",
					"乡（镇）",
					"行政村",
					"户主姓名",
					"证件号码",
					"监测对象类别",
					"识别监测时间",
					"风险类型",
				],
				["钱新增"],
			),
			ELIMINATED: (
				"龙口市防返贫监测信息系统录入清单（风险消除）",
				[
					"户编号",
					"乡（镇）",
					"行政村",
					"户主姓名",
					"证件号码",
					"监测对象类别",
					"识别监测时间",
					"风险消除时间",
					"消除方式",
				],
				["钱消除"],
			),
			MEMBER: (
				"龙口市防返贫监测信息系统录入清单（成员变更）",
				["户编号", "乡（镇）", "行政村", "户主姓名", "成员姓名", "证件号码", "变更类型", "变更时间"],
				["钱变更"],
			),
		}
		for kind, (title, columns, heads) in expected.items():
			sheet = download(self.filters(kind))
			self.assertEqual(sheet["A1"].value, title)
			self.assertEqual(headings(sheet), columns)
			rows = data_rows(sheet)
			self.assertEqual([row[3] for row in rows], heads, kind)
		new = data_rows(download(self.filters(NEW)))[0]
		self.assertEqual(
			new[:6] + new[7:],
			[self.new_code, "东莱街道", "录入清单村", "钱新增", self.new_id, "边缘易致贫户", "因病"],
		)
		self.assertEqual(str(new[6])[:10], "2026-11-10")
		exit_ = data_rows(download(self.filters(ELIMINATED)))[0]
		self.assertEqual((exit_[5], exit_[8]), ("脱贫不稳定户", "帮扶消除"))
		self.assertEqual(str(exit_[7])[:10], "2026-11-18")
		change = data_rows(download(self.filters(MEMBER)))[0]
		self.assertEqual(change[4:7], ["钱小", self.newborn, "新增成员"])
		self.assertEqual(str(change[7])[:10], "2026-11-20")

	def test_the_desk_shows_the_kind_filtered_on_and_every_kind_without_one(self):
		frappe.set_user(self.officer)

		def sources(kind: str) -> set[str]:
			return {
				r["source"] for r in run(REPORT, filters=self.filters(kind))["result"] if isinstance(r, dict)
			}

		self.assertEqual(sources(NEW), {self.new.name})
		self.assertEqual(sources(ELIMINATED), {self.exit})
		self.assertEqual(sources(MEMBER), {self.visit})
		self.assertEqual(sources(""), {self.new.name, self.exit, self.visit})
		# filtered on a kind, the desk shows the columns its layout exports, in its order
		fields = frappe.get_all(
			"Export Layout Column",
			filters={"parent": f"{REPORT} - {MEMBER}", "parenttype": "Export Layout"},
			pluck="field",
			order_by="idx",
		)
		shown = [c["fieldname"] for c in run(REPORT, filters=self.filters(MEMBER))["columns"]]
		self.assertEqual(shown, ["entry", *[f for f in fields if f != "entry"], "source"])
		self.assertNotIn("elimination_method", shown)
		self.assertIn(
			"elimination_method", [c["fieldname"] for c in run(REPORT, filters=self.filters(""))["columns"]]
		)
		# unfiltered, the export is the combined list with its 录入事项 column
		sheet = download(self.filters())
		self.assertEqual(sheet["B3"].value, "录入事项")
		self.assertEqual(len(data_rows(sheet)), 3)
		# (the report's own execute: a run through the desk that raises would start Frappe 15's timer that
		# turns the report into a background one for every later test)
		self.assertRaisesRegex(frappe.ValidationError, "不是录入事项", execute, self.filters("X"))

	def test_the_admin_edits_a_kind_layout_and_the_patch_and_install_leave_it(self):
		name = f"{REPORT} - {NEW}"
		layout = frappe.get_doc("Export Layout", name)
		layout.title = "管理员改过的新识别清单"
		layout.columns = [c for c in layout.columns if c.field != "town_name"]
		layout.save()
		frappe.delete_doc("Export Layout", f"{REPORT} - {MEMBER}")
		national_entry_kind_layouts.execute()
		government.install_default_layouts()

		layout.reload()
		self.assertEqual(layout.title, "管理员改过的新识别清单")
		self.assertNotIn("town_name", [c.field for c in layout.columns])
		frappe.set_user(self.officer)
		sheet = download(self.filters(NEW))
		self.assertEqual((sheet["A1"].value, headings(sheet)[1]), ("管理员改过的新识别清单", "行政村"))
		frappe.set_user("Administrator")
		# the layout the admin removed comes back as the patch shipped it, the same as a fresh install's
		restored = frappe.get_doc("Export Layout", f"{REPORT} - {MEMBER}")
		shipped = BY_NAME[restored.name]
		self.assertEqual(
			[(c.field, c.label, c.header_group, c.width) for c in restored.columns],
			[(c.field, c.label, c.group, c.width) for c in shipped.columns],
		)
		self.assertEqual(restored.title, f"{government.county_name()}{shipped.title}")
		for each in BY_NAME.values():
			if each.report == REPORT:
				self.assertEqual(frappe.db.get_value("Export Layout", each.name, "kind") or "", each.kind)
		frappe.delete_doc("Export Layout", name)
		government.install_default_layouts()

	def test_a_layout_only_for_a_kind_the_report_lists(self):
		for report, kind in ((REPORT, "Unknown kind"), ("Monitoring Roster", NEW)):
			doc = frappe.get_doc(
				{
					"doctype": "Export Layout",
					"report": report,
					"kind": kind,
					"title": "错的版式",
					"columns": [{"field": "head_name", "label": "户主姓名", "width": 10}],
				}
			)
			self.assertRaisesRegex(frappe.ValidationError, f"没有 {kind} 这一种类", doc.insert)
		self.assertFalse(frappe.db.exists("Export Layout", f"Monitoring Roster - {NEW}"))
