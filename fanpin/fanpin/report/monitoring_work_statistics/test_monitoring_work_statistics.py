# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""The reports besides the roster, from one small county: what each shows, to whom, and exported."""

import io

import frappe
from frappe.desk.query_report import run
from frappe.utils import add_days, getdate, today
from openpyxl import load_workbook

from fanpin.exports import government
from fanpin.testing import (
	BEIMA,
	DONGLAI,
	FanpinTestCase,
	ensure_line,
	make_monitored_case,
	make_staff_user,
	make_village,
)

REPORTS = (
	"Risk Elimination List",
	"Public Notice List",
	"Assistance Measure Ledger",
	"Department Warning Ledger",
	"Deadline Watch",
	"Monitoring Work Statistics",
)


def record(doctype: str, **values) -> str:
	"""A record as an earlier step left it (the steps themselves are tested beside their DocTypes)."""
	doc = frappe.get_doc({"doctype": doctype, **values})
	doc.set_new_name()
	doc.db_insert()
	return doc.name


class TestReports(FanpinTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_line(getdate(today()).year)
		cls.village = make_village(DONGLAI, 64, "统计测试村")
		cls.beima_village = make_village(BEIMA, 64, "统计北马村")
		cls.officer = make_staff_user("stats.officer@fanpin.test", "Fanpin Town Officer", DONGLAI)
		cls.beima_officer = make_staff_user("stats.beima@fanpin.test", "Fanpin Town Officer", BEIMA)
		cls.city = make_staff_user("stats.city@fanpin.test", "Fanpin City Office")
		cls.liaison = make_staff_user(
			"stats.liaison@fanpin.test", "Fanpin Department Liaison", department="民政局"
		)

		cls.unstable = make_monitored_case(cls.village, "统一", "Unstable lifted household")
		cls.severe = make_monitored_case(cls.village, "统二", "Sudden severe difficulty household")
		cls.beima = make_monitored_case(cls.beima_village, "统北", "Marginal household")
		cls.late_visit = make_monitored_case(
			cls.village, "统迟", stage="Home verification", verification_due=add_days(today(), -3)
		)
		cls.on_notice = make_monitored_case(
			cls.village,
			"统公",
			stage="Village public notice",
			notice_start=add_days(today(), -6),
			notice_end=add_days(today(), -2),
		)
		cls.eliminated = make_monitored_case(
			cls.village,
			"统消",
			stage="Risk eliminated",
			eliminated_on=today(),
			elimination_method="Eliminated naturally",
		)
		household = frappe.db.get_value("Monitoring Case", cls.eliminated.name, "household")
		cls.exit = record(
			"Risk Elimination",
			case=cls.eliminated.name,
			household=household,
			head_name="统消",
			village=cls.village,
			town=DONGLAI,
			category="Marginal household",
			method="Eliminated naturally",
			stage="Risk eliminated",
			eliminated_on=today(),
		)
		cls.measure = record(
			"Assistance Measure",
			case=cls.unstable.name,
			household=cls.unstable.household,
			head_name="统一",
			village=cls.village,
			town=DONGLAI,
			measure_type="健康帮扶",
			risk_type="因病",
			status="In progress",
			start_date=today(),
			amount=1200,
		)
		for status, village, town in (
			("Pending", cls.village, DONGLAI),
			("Already monitored", cls.village, DONGLAI),
		):
			record(
				"Department Warning",
				department="民政局",
				warning_type="新增低保",
				report_month=today(),
				person_name="统一",
				id_number=cls.unstable.household
				and frappe.db.get_value("Household", cls.unstable.household, "head_id_number"),
				village=village,
				town=town,
				matched=1,
				status=status,
				row_key=frappe.generate_hash(length=20),
			)
		cls.unmatched = record(
			"Department Warning",
			department="民政局",
			warning_type="新增低保",
			report_month=today(),
			person_name="无匹配",
			status="Pending",
			row_key=frappe.generate_hash(length=20),
		)

	def report(self, name, user, **filters):
		frappe.set_user(user)
		return run(name, filters=filters)["result"]

	def test_statistics_per_town(self):
		rows = {row["town"]: row for row in self.report("Monitoring Work Statistics", self.officer)}
		self.assertEqual(set(rows), {DONGLAI, None})  # the town and the total row
		self.assertEqual((rows[None]["town_name"], rows[None]["is_total_row"]), ("合计", 1))
		mine = rows[DONGLAI]
		self.assertGreaterEqual(mine["unstable"], 1)
		self.assertGreaterEqual(mine["severe"], 1)
		self.assertEqual(mine["monitored"], mine["unstable"] + mine["marginal"] + mine["severe"])
		self.assertGreaterEqual(mine["eliminated"], 1)
		self.assertGreaterEqual(mine["warnings_received"], mine["warnings_handled"] + 1)
		self.assertGreaterEqual(mine["overdue"], 2)  # the late visit and the notice that ended
		city = {row["town"]: row for row in self.report("Monitoring Work Statistics", self.city)}
		self.assertEqual(len([town for town in city if town]), 14)
		self.assertGreaterEqual(city[BEIMA]["marginal"], 1)
		self.assertEqual(city[None]["monitored"], sum(row["monitored"] for town, row in city.items() if town))

	def test_statistics_count_only_the_period(self):
		before = {row["town"]: row for row in self.report("Monitoring Work Statistics", self.officer)}
		later = self.report(
			"Monitoring Work Statistics",
			self.officer,
			from_date=add_days(today(), 1),
			to_date=add_days(today(), 30),
		)
		row = next(r for r in later if r["town"] == DONGLAI)
		self.assertEqual((row["new_cases"], row["eliminated"], row["warnings_received"]), (0, 0, 0))
		self.assertEqual(row["monitored"], before[DONGLAI]["monitored"])  # a state, not a flow

	def test_deadline_watch(self):
		rows = {row["case"]: row for row in self.report("Deadline Watch", self.officer, village=self.village)}
		self.assertEqual(rows[self.late_visit.name]["problem"], "逾期未核实")
		self.assertEqual(rows[self.late_visit.name]["days_overdue"], 3)
		self.assertEqual(rows[self.on_notice.name]["problem"], "公示期满未录入")
		self.assertNotIn(self.unstable.name, rows)
		only_visits = self.report(
			"Deadline Watch", self.officer, problem="Verification overdue", village=self.village
		)
		self.assertEqual([row["case"] for row in only_visits], [self.late_visit.name])
		self.assertEqual(self.report("Deadline Watch", self.beima_officer, village=self.village), [])

	def test_exit_list(self):
		rows = self.report("Risk Elimination List", self.officer, village=self.village)
		self.assertEqual([row["name"] for row in rows], [self.exit])
		self.assertEqual(rows[0]["method"], "自然消除")
		self.assertEqual(
			self.report(
				"Risk Elimination List",
				self.officer,
				method="Eliminated through assistance",
				village=self.village,
			),
			[],
		)
		self.assertEqual(self.report("Risk Elimination List", self.beima_officer, village=self.village), [])

	def test_public_notice_list_has_nothing_sensitive(self):
		frappe.set_user(self.officer)
		result = run("Public Notice List", filters={"village": self.village})
		self.assertEqual([row["head_name"] for row in result["result"]], ["统公"])
		fields = {c["fieldname"] for c in result["columns"]}
		row_fields = set(result["result"][0])
		for sensitive in ("head_id_number", "id_number", "phone", "health"):
			self.assertNotIn(sensitive, fields | row_fields)
		sheet = self.export("Public Notice List", {"village": self.village})
		headers = {
			cell for row in sheet.iter_rows(min_row=3, max_row=4, values_only=True) for cell in row if cell
		}
		self.assertFalse(any("身份证" in h or "电话" in h for h in headers))
		self.assertEqual(sheet["C5"].value, "统公")
		self.assertEqual(sheet["A1"].value, "龙口市防止返贫监测对象公示名单")

	def test_ledgers(self):
		measures = self.report("Assistance Measure Ledger", self.officer, village=self.village)
		self.assertEqual([(row["name"], row["status"]) for row in measures], [(self.measure, "实施中")])
		warnings = self.report("Department Warning Ledger", self.officer, village=self.village)
		self.assertEqual(sorted(row["status"] for row in warnings), sorted(["待研判", "已是监测对象"]))
		self.assertNotIn(
			self.unmatched, [row["name"] for row in warnings]
		)  # unmatched rows stay with the city
		self.assertIn(
			self.unmatched, [row["name"] for row in self.report("Department Warning Ledger", self.city)]
		)
		frappe.set_user(self.liaison)
		self.assertRaises(frappe.PermissionError, run, "Department Warning Ledger", filters={})

	def test_every_report_downloads_in_its_layout(self):
		for report in REPORTS:
			sheet = self.export(report, {})
			layout = frappe.get_doc("Export Layout", report)
			self.assertEqual(sheet["A1"].value, layout.title)
			self.assertEqual(sheet["A2"].value, "填报单位：东莱街道")
			lower = [cell.value for cell in sheet[4]][1:]
			upper = [cell.value for cell in sheet[3]][1:]
			expected = [c.label for c in layout.columns]
			self.assertEqual(
				[
					lo if c.header_group else up
					for lo, up, c in zip(lower, upper, layout.columns, strict=True)
				],
				expected,
			)
			self.assertNotIn("北马", str([row for row in sheet.iter_rows(min_row=5, values_only=True)]))

	def export(self, report, filters):
		frappe.set_user(self.officer)
		result = government.export_report(report, filters)
		content = frappe.get_doc("File", {"file_url": result["file_url"]}).get_content()
		return load_workbook(io.BytesIO(content)).active
