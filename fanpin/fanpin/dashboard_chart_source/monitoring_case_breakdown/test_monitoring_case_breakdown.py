# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

from collections import Counter

import frappe
from frappe import _
from frappe.desk.doctype.number_card.number_card import get_result
from frappe.utils import getdate, today

from fanpin.fanpin.dashboard_chart_source.monitoring_case_breakdown.monitoring_case_breakdown import get
from fanpin.testing import (
	BEIMA,
	DONGLAI,
	FanpinTestCase,
	ensure_line,
	make_case,
	make_household,
	make_staff_user,
	make_village,
	member,
)

CARDS = (
	"Cases Under Monitoring",
	"Cases in Determination",
	"Cases with Risk Eliminated",
	"Pending Department Warnings",
	"Overdue Verifications",
	"Overdue Follow-up Visits",
)
CHARTS = (
	"Monitored Cases by Town",
	"Monitored Cases by Category",
	"Monitored Cases by Risk Type",
	"New Monitored Cases by Month",
)


def figures(user: str) -> dict[str, Counter]:
	"""Every number card and chart value of the workspace as ``user`` sees it."""
	frappe.set_user(user)
	seen = {}
	for name in CARDS:
		card = frappe.get_doc("Number Card", name)
		seen[name] = Counter({"count": get_result(card.as_json(), card.filters_json)})
	for name in CHARTS:
		data = get(filters=frappe.get_doc("Dashboard Chart", name).filters_json)
		seen[name] = Counter(
			{
				(label, dataset["name"]): value
				for dataset in data.get("datasets", [])
				for label, value in zip(data["labels"], dataset["values"], strict=True)
			}
		)
	frappe.set_user("Administrator")
	return seen


class TestMonitoringCaseBreakdown(FanpinTestCase):
	"""The workspace's cards and charts count within the viewer's scope, like every list does."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.local.lang = "zh"
		ensure_line(getdate(today()).year)
		donglai, beima = make_village(DONGLAI, 71, "看板测试村"), make_village(BEIMA, 71, "看板测试村")
		cls.donglai_officer = make_staff_user("board.donglai@fanpin.test", "Fanpin Town Officer", DONGLAI)
		cls.beima_officer = make_staff_user("board.beima@fanpin.test", "Fanpin Town Officer", BEIMA)
		cls.city = make_staff_user("board.city@fanpin.test", "Fanpin City Office")
		cls.users = (cls.donglai_officer, cls.beima_officer, cls.city)
		for user in cls.users:
			# A town's scope lists its villages when the user's permissions are cached: rebuild it so
			# the villages made above belong to their towns.
			frappe.cache.hdel("user_permissions", user)
		cls.before = {user: figures(user) for user in cls.users}

		cls.add_case(donglai, "Under monitoring", "Marginal household", ["因病"], verification_overdue=1)
		cls.add_case(donglai, "Risk eliminated", "Unstable lifted household", ["因学", "因病"])
		cls.add_case(donglai, "Home verification", None, ["因残"], visit_overdue=1)
		cls.add_case(
			beima, "Under monitoring", "Sudden severe difficulty household", ["因病"], visit_overdue=1
		)
		cls.add_case(beima, "Village public notice", None, ["因学"])
		cls.add_warning(donglai)
		cls.add_warning(beima)

		cls.after = {user: figures(user) for user in cls.users}

	@classmethod
	def add_case(cls, village: str, stage: str, classification: str | None, risk_types: list[str], **flags):
		case = make_case(make_household(village, members=[member("韩一")]).name, risk_types=risk_types)
		# Where a case stands is what the board counts; walking it there is test_monitoring_case's job.
		included = stage in ("Under monitoring", "Risk eliminated")
		frappe.db.set_value(
			"Monitoring Case",
			case.name,
			{
				"stage": stage,
				"classification": classification,
				"identified_on": today() if included else None,
				"verification_overdue": 0,
				"visit_overdue": 0,
				**flags,
			},
		)

	@classmethod
	def add_warning(cls, village: str):
		household = make_household(village, members=[member("韩二")])
		frappe.get_doc(
			doctype="Department Warning",
			department="民政局",
			warning_type="临时救助",
			report_month=today(),
			person_name="韩二",
			id_number=household.head_id_number,
		).insert()

	def change(self, user: str) -> dict[str, Counter]:
		"""What the fixture added to each card and chart, as ``user`` sees it."""
		change = {}
		for name, after in self.after[user].items():
			before = self.before[user][name]
			change[name] = Counter(
				{
					key: after[key] - before[key]
					for key in after.keys() | before.keys()
					if after[key] != before[key]
				}
			)
		return change

	def expected(self, *towns: str) -> dict[str, Counter]:
		under, eliminated, new = _("Under monitoring"), _("Risk eliminated"), _("Newly Included")
		month = today()[:7]
		donglai, beima = (frappe.db.get_value("Area", town, "area_name") for town in (DONGLAI, BEIMA))
		per_town = {
			DONGLAI: {
				"Cases Under Monitoring": Counter(count=1),
				"Cases in Determination": Counter(count=1),
				"Cases with Risk Eliminated": Counter(count=1),
				"Pending Department Warnings": Counter(count=1),
				"Overdue Verifications": Counter(count=1),
				"Overdue Follow-up Visits": Counter(count=1),
				"Monitored Cases by Town": Counter({(donglai, under): 1, (donglai, eliminated): 1}),
				"Monitored Cases by Category": Counter(
					{(_("Marginal household"), under): 1, (_("Unstable lifted household"), eliminated): 1}
				),
				"Monitored Cases by Risk Type": Counter(
					{("因病", under): 1, ("因病", eliminated): 1, ("因学", eliminated): 1}
				),
				"New Monitored Cases by Month": Counter({(month, new): 2}),
			},
			BEIMA: {
				"Cases Under Monitoring": Counter(count=1),
				"Cases in Determination": Counter(count=1),
				"Cases with Risk Eliminated": Counter(),
				"Pending Department Warnings": Counter(count=1),
				"Overdue Verifications": Counter(),
				"Overdue Follow-up Visits": Counter(count=1),
				"Monitored Cases by Town": Counter({(beima, under): 1}),
				"Monitored Cases by Category": Counter({(_("Sudden severe difficulty household"), under): 1}),
				"Monitored Cases by Risk Type": Counter({("因病", under): 1}),
				"New Monitored Cases by Month": Counter({(month, new): 1}),
			},
		}
		return {name: sum((per_town[town][name] for town in towns), Counter()) for name in per_town[DONGLAI]}

	def test_town_officer_counts_only_own_town(self):
		self.assertEqual(self.change(self.donglai_officer), self.expected(DONGLAI))
		self.assertEqual(self.change(self.beima_officer), self.expected(BEIMA))
		towns = {label for label, _series in self.after[self.donglai_officer]["Monitored Cases by Town"]}
		self.assertEqual(towns, {frappe.db.get_value("Area", DONGLAI, "area_name")})

	def test_city_office_counts_both_towns(self):
		self.assertEqual(self.change(self.city), self.expected(DONGLAI, BEIMA))
		towns = {label for label, _series in self.after[self.city]["Monitored Cases by Town"]}
		self.assertLessEqual({"东莱街道", "北马镇"}, towns)

	def test_categories_are_shown_in_chinese(self):
		frappe.set_user(self.city)
		labels = get(filters={"breakdown": "Category"})["labels"]
		self.assertIn("边缘易致贫户", labels)
		self.assertNotIn("Marginal household", labels)

	def test_users_without_case_access_get_no_figures(self):
		liaison = make_staff_user(
			"board.liaison@fanpin.test", "Fanpin Department Liaison", department="民政局"
		)
		frappe.set_user(liaison)
		self.assertRaises(frappe.PermissionError, get, filters={"breakdown": "Town"})
