# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""The 全面排查 as its users live it: the city office opens a campaign, a village clerk screens,
risks become clues in their town, monitored households get a follow-up visit, each viewer counts
only their own, and the city office closes it with a summary."""

import frappe
from frappe.utils import add_days, today

from fanpin.api.screening import close_campaign, open_campaign, progress
from fanpin.controllers import screening as campaigns
from fanpin.fanpin.dashboard_chart_source.screening_progress import screening_progress as board
from fanpin.fanpin.report.screening_progress import screening_progress as progress_report
from fanpin.fanpin.report.unscreened_households import unscreened_households
from fanpin.testing import (
	BEIMA,
	DONGLAI,
	FanpinTestCase,
	assign_contact,
	ensure_line,
	make_case,
	make_contact,
	make_household,
	make_staff_user,
	make_village,
	member,
)
from fanpin.utils import bulk_insert

YEAR = int(today()[:4])


def new_campaign(areas: list[str], **values) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "Screening Campaign",
			"year": YEAR,
			"start_date": values.pop("start_date", add_days(today(), -10)),
			"deadline": values.pop("deadline", add_days(today(), 20)),
			"screeners": "村“两委”、网格员",
			"areas": [{"area": area} for area in areas],
			**values,
		}
	).insert()
	return doc.name


def opened(areas: list[str], **values) -> str:
	"""A campaign opened as the city office opens it; the job runs here, as the worker would."""
	name = new_campaign(areas, **values)
	open_campaign(name)
	campaigns.create_tasks(name)
	return name


def task_of(campaign: str, household: str):
	return frappe.get_doc("Screening Task", {"campaign": campaign, "household": household})


def screen(campaign: str, household: str, **values):
	task = task_of(campaign, household)
	task.update({"visited_on": today(), **values})
	task.save()
	return frappe.get_doc("Screening Task", task.name)


class TestScreeningCampaign(FanpinTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.local.lang = "zh"
		ensure_line(YEAR, 7000)
		cls.village = make_village(DONGLAI, 61, "排查测试村")
		cls.other_village = make_village(DONGLAI, 62, "排查邻村")
		cls.beima_village = make_village(BEIMA, 61, "排查北马村")
		cls.city = make_staff_user("screen.city@fanpin.test", "Fanpin City Office")
		cls.clerk = make_staff_user("screen.clerk@fanpin.test", "Fanpin Village Clerk", cls.village)
		cls.officer = make_staff_user("screen.officer@fanpin.test", "Fanpin Town Officer", DONGLAI)
		cls.beima = make_staff_user("screen.beima@fanpin.test", "Fanpin Town Officer", BEIMA)
		for user in (cls.clerk, cls.officer, cls.beima):
			frappe.cache.hdel("user_permissions", user)
		cls.households = [make_household(cls.village, members=[member(f"排查{n}")]).name for n in range(4)]
		cls.unsafe = make_household(cls.village, members=[member("住房户")], housing_unsafe=1).name
		cls.carried = make_household(cls.village, members=[member("责任户")]).name
		cls.monitored = make_household(cls.village, members=[member("监测户")]).name
		cls.case = make_case(cls.monitored, risk_types=["因残"]).name
		cls.neighbour = make_household(cls.other_village, members=[member("邻村户")]).name
		cls.beima_household = make_household(cls.beima_village, members=[member("北马户")]).name
		cls.gone = make_household(cls.village, members=[member("注销户")], status="Deregistered").name
		frappe.set_user(cls.city)
		cls.campaign = opened([cls.village, cls.other_village, cls.beima_village])
		frappe.set_user("Administrator")

	# ------------------------------------------------------------ opening

	def test_opening_creates_one_task_per_registered_household_with_its_facts(self):
		tasks = frappe.get_all(
			"Screening Task", filters={"campaign": self.campaign}, fields=["household", "status", "village"]
		)
		households = {t.household for t in tasks}
		expected = {
			*self.households,
			self.unsafe,
			self.carried,
			self.monitored,
			self.neighbour,
			self.beima_household,
		}
		self.assertEqual(households, expected)  # the deregistered household is not screened
		self.assertEqual(task_of(self.campaign, self.neighbour).status, "Not screened")
		# the household's known facts are where the screening starts, so saving it wipes none
		self.assertEqual(task_of(self.campaign, self.unsafe).housing_unsafe, 1)
		self.assertEqual(task_of(self.campaign, self.monitored).monitoring_case, self.case)
		doc = frappe.get_doc("Screening Campaign", self.campaign)
		self.assertEqual((doc.status, doc.total_households), ("Under way", len(expected)))
		# run again (after a failure, say): nothing is added twice
		campaigns.create_tasks(self.campaign)
		self.assertEqual(frappe.db.count("Screening Task", {"campaign": self.campaign}), len(expected))

	def test_a_town_brings_its_villages_and_a_type_filters(self):
		frappe.set_user(self.city)
		name = opened([DONGLAI], household_type="Dibao household")
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.count("Screening Task", {"campaign": name}), 0)
		frappe.db.set_value("Household", self.households[0], "household_type", "Dibao household")
		campaigns.create_tasks(name)
		self.assertEqual(
			frappe.get_all("Screening Task", filters={"campaign": name}, pluck="household"),
			[self.households[0]],
		)
		frappe.db.set_value("Household", self.households[0], "household_type", "Ordinary rural household")

	def test_opening_at_scale_is_one_set_based_pass(self):
		village = make_village(BEIMA, 63, "排查大村")
		rows = [
			[f"SCALE-{n:05d}", f"规模户{n}", "Registered", village, BEIMA, "Ordinary rural household"]
			for n in range(3000)
		]
		bulk_insert("Household", ["name", "head_name", "status", "village", "town", "household_type"], rows)
		frappe.set_user(self.city)
		name = new_campaign([village])
		open_campaign(name)
		queries = []
		original = frappe.db.sql

		def counted(query, *args, **kwargs):
			if "insert" in str(query).lower():
				queries.append(query)
			return original(query, *args, **kwargs)

		frappe.db.sql = counted
		try:
			campaigns.create_tasks(name)
		finally:
			frappe.db.sql = original
			frappe.set_user("Administrator")
		self.assertEqual(frappe.db.count("Screening Task", {"campaign": name}), 3000)
		task_inserts = [q for q in queries if "tabScreening Task" in q]
		self.assertLessEqual(len(task_inserts), campaigns.CHUNKS)  # not one per household

	def test_only_the_city_office_opens_and_dates_are_checked(self):
		frappe.set_user(self.city)
		name = new_campaign([self.village])
		frappe.set_user(self.officer)
		self.assertRaises(frappe.PermissionError, open_campaign, name)
		frappe.set_user(self.city)
		self.assertRaisesRegex(
			frappe.ValidationError,
			"截止日期",
			new_campaign,
			[self.village],
			start_date=today(),
			deadline=add_days(today(), -1),
		)

	def test_scope_cannot_change_once_open(self):
		frappe.set_user(self.city)
		doc = frappe.get_doc("Screening Campaign", self.campaign)
		doc.append("areas", {"area": DONGLAI})
		self.assertRaisesRegex(frappe.ValidationError, "不能再更改", doc.save)

	# ------------------------------------------------------------ screening

	def test_clerk_screens_and_a_risk_becomes_a_clue_in_the_town(self):
		frappe.set_user(self.clerk)
		task = screen(self.campaign, self.households[0], risk_illness=1, findings="户主住院")
		self.assertEqual((task.status, task.risk_found, task.screened_by), ("Screened", 1, "screen.clerk"))
		self.assertIn("因病", task.risk_reasons or "")
		clue = frappe.get_doc("Risk Clue", task.risk_clue)
		self.assertEqual(
			(clue.channel, clue.channel_detail, clue.town, clue.household, clue.village),
			("Cadre screening", "Annual Q4 screening", DONGLAI, self.households[0], self.village),
		)
		self.assertIn("户主住院", clue.description)
		frappe.set_user(self.officer)
		self.assertIn(clue.name, frappe.get_list("Risk Clue", pluck="name"))
		frappe.set_user(self.beima)
		self.assertNotIn(clue.name, frappe.get_list("Risk Clue", pluck="name"))

	def test_no_risk_no_clue_and_income_below_the_line_is_a_risk(self):
		frappe.set_user(self.clerk)
		fine = screen(self.campaign, self.households[1], income_per_capita=12000)
		self.assertEqual((fine.risk_found, fine.risk_clue), (0, None))
		poor = screen(self.campaign, self.households[2], income_per_capita=5000)
		self.assertEqual(poor.risk_found, 1)
		self.assertTrue(poor.risk_clue)
		self.assertIn("低于", poor.risk_reasons)

	def test_a_monitored_household_gets_a_follow_up_visit_not_a_clue(self):
		frappe.set_user(self.clerk)
		task = screen(self.campaign, self.monitored, risk_illness=1, method="Phone call")
		self.assertFalse(task.risk_clue)
		visit = frappe.get_doc("Follow-up Visit", task.follow_up_visit)
		self.assertEqual((visit.docstatus, visit.case, visit.method), (1, self.case, "Phone call"))
		case = frappe.get_doc("Monitoring Case", self.case)
		self.assertEqual(str(case.last_visit_date), today())
		# the case keeps its risk and gains the one the screening found
		self.assertEqual([r.risk_type for r in case.risk_types], ["因残", "因病"])
		# saved again, it records nothing twice
		task.findings = "复核"
		task.save()
		self.assertEqual(frappe.db.count("Follow-up Visit", {"case": self.case}), 1)

	def test_a_household_fact_is_kept_when_the_screener_leaves_it(self):
		frappe.set_user(self.clerk)
		task = screen(self.campaign, self.unsafe)
		self.assertEqual((task.housing_unsafe, task.risk_found), (1, 1))
		self.assertIn("住房安全有问题", task.risk_reasons)

	def test_unreachable_needs_a_reason_and_dates_are_checked(self):
		frappe.set_user(self.clerk)
		task = task_of(self.campaign, self.households[3])
		task.status = "Unreachable"
		self.assertRaisesRegex(frappe.ValidationError, "核查结果", task.save)
		task = task_of(self.campaign, self.households[3])
		task.update({"status": "Unreachable", "findings": "外出务工，电话无人接听"})
		task.visited_on = add_days(today(), 1)
		self.assertRaisesRegex(frappe.ValidationError, "走访日期", task.save)
		task = task_of(self.campaign, self.households[3])
		task.update({"status": "Unreachable", "findings": "外出务工，电话无人接听"})
		task.save()
		self.assertEqual((task.status, task.risk_found, task.risk_clue), ("Unreachable", 0, None))

	def test_a_clerk_reads_and_writes_only_their_village(self):
		frappe.set_user(self.clerk)
		listed = set(
			frappe.get_list("Screening Task", filters={"campaign": self.campaign}, pluck="household")
		)
		self.assertIn(self.households[0], listed)
		self.assertNotIn(self.neighbour, listed)
		self.assertNotIn(self.beima_household, listed)
		other = task_of(self.campaign, self.neighbour)
		self.assertFalse(other.has_permission("read"))
		frappe.set_user("Administrator")
		other = task_of(self.campaign, self.neighbour)
		frappe.set_user(self.clerk)
		other.visited_on = today()
		self.assertRaises(frappe.PermissionError, other.save)

	def test_a_contact_screens_the_household_they_carry_and_no_other(self):
		user = "screen.contact@fanpin.test"
		assign_contact(self.carried, make_contact("排查责任人", "Grid worker", user=user))
		frappe.set_user(user)
		listed = frappe.get_list("Screening Task", filters={"campaign": self.campaign}, pluck="household")
		self.assertEqual(listed, [self.carried])
		# a risk found by a contact still reaches the town as a clue (a contact has no clues of their own)
		task = screen(self.campaign, self.carried, risk_disability=1, findings="户主致残")
		self.assertTrue(task.risk_clue)
		self.assertFalse(frappe.has_permission("Risk Clue", "read", task.risk_clue))
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("Risk Clue", task.risk_clue, "town"), DONGLAI)
		other = task_of(self.campaign, self.households[2])
		frappe.set_user(user)
		self.assertFalse(other.has_permission("read"))
		other.visited_on = today()
		self.assertRaises(frappe.PermissionError, other.save)

	# ------------------------------------------------------------ progress

	def test_progress_is_counted_per_viewer(self):
		frappe.set_user(self.city)
		screen(self.campaign, self.beima_household, findings="正常")
		for user, expected in (
			(self.clerk, {self.village}),
			(self.officer, {self.village, self.other_village}),
			(self.beima, {self.beima_village}),
			(self.city, {self.village, self.other_village, self.beima_village}),
		):
			frappe.set_user(user)
			rows = progress(self.campaign)["villages"]
			self.assertEqual({row.area for row in rows}, expected, user)
			data = progress_report.execute({"campaign": self.campaign})[1]
			self.assertEqual({row.village for row in data if row.village}, expected, user)
			self.assertEqual(data[-1].town_name, "合计")
			self.assertEqual(data[-1].total, sum(row.total for row in data[:-1]))
		frappe.set_user(self.beima)
		self.assertEqual(progress(self.campaign)["villages"][0].screened, 1)

	def test_the_workspace_counts_the_current_campaign_per_viewer(self):
		current = campaigns.current_campaign()
		for user in (self.clerk, self.officer, self.beima, self.city):
			frappe.set_user(user)
			done = campaigns.completion(current)
			self.assertEqual(board.completion()["value"], done.percent if done.total else 0, user)
		frappe.set_user(self.beima)
		beima_villages = set(frappe.get_all("Area", filters={"parent_area": BEIMA}, pluck="area_name"))
		labels = board.get().get("labels", [])
		self.assertLessEqual(set(labels), beima_villages)  # one town's staff see its villages
		frappe.set_user(self.clerk)
		self.assertLessEqual(set(board.get().get("labels", [])), {"排查测试村"})

	def test_unscreened_households_lists_what_is_left_in_scope(self):
		frappe.set_user(self.officer)
		rows = unscreened_households.execute({"campaign": self.campaign})[1]
		heads = {row["head_name"] for row in rows}
		self.assertIn("邻村户", heads)
		self.assertNotIn("北马户", heads)

	def test_villages_behind_schedule_are_reminded(self):
		frappe.set_user(self.city)
		name = opened([self.other_village], start_date=add_days(today(), -9), deadline=add_days(today(), 0))
		frappe.set_user("Administrator")
		clerk = make_staff_user("screen.clerk2@fanpin.test", "Fanpin Village Clerk", self.other_village)
		campaigns.remind_villages_behind()
		logs = frappe.get_all(
			"Notification Log", filters={"for_user": clerk}, fields=["subject", "email_content", "link"]
		)
		self.assertTrue(
			any("进度落后" in (log.subject or "") and "排查邻村" in (log.subject or "") for log in logs)
		)
		self.assertTrue(any(name in (log.link or "") for log in logs))

	# ------------------------------------------------------------ closing

	def test_closing_is_the_city_offices_and_freezes_the_campaign(self):
		frappe.set_user(self.city)
		name = opened([self.beima_village])
		frappe.set_user(self.officer)
		self.assertRaises(frappe.PermissionError, close_campaign, name)
		frappe.set_user(self.city)
		self.assertRaisesRegex(frappe.ValidationError, "尚未排查|还有", close_campaign, name)
		screen(name, self.beima_household, risk_accident=1)
		summary = close_campaign(name)
		self.assertEqual(
			(summary["total_households"], summary["screened_count"], summary["risk_found_count"]), (1, 1, 1)
		)
		doc = frappe.get_doc("Screening Campaign", name)
		self.assertEqual((doc.status, doc.closed_by, doc.risk_found_count), ("Ended", "screen.city", 1))
		task = task_of(name, self.beima_household)
		task.findings = "补充"
		self.assertRaisesRegex(frappe.ValidationError, "已结束", task.save)
		self.assertRaisesRegex(frappe.ValidationError, "已结束", doc.save)
		# its printed summary has the town and the totals
		html = frappe.get_print("Screening Campaign", name, "Screening Campaign Summary")
		self.assertIn("北马镇", html)
		self.assertIn("合计", html)

	def test_the_summary_exports_in_the_government_layout(self):
		import io

		from openpyxl import load_workbook

		from fanpin.exports.government import export_report

		frappe.set_user(self.city)
		exported = export_report("Screening Progress", {"campaign": self.campaign, "group_by": "Town"})
		content = frappe.get_doc("File", {"file_url": exported["file_url"]}).get_content()
		cells = [
			str(c.value)
			for row in load_workbook(io.BytesIO(content)).active.iter_rows()
			for c in row
			if c.value
		]
		for text in (
			"全面排查进度汇总表",
			"应排查户数",
			"发现风险",
			"新纳入监测",
			"东莱街道",
			"北马镇",
			"合计",
		):
			self.assertTrue(any(text in cell for cell in cells), text)

	def test_after_the_deadline_it_closes_with_households_left(self):
		frappe.set_user(self.city)
		name = opened([self.other_village], start_date=add_days(today(), -30), deadline=today())
		summary = close_campaign(name)
		self.assertEqual((summary["unscreened_count"], summary["screened_count"]), (1, 0))
