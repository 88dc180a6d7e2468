# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe.desk.query_report import run
from frappe.utils import add_days, getdate, today

from fanpin.testing import (
	BEIMA,
	DONGLAI,
	FanpinTestCase,
	assign_contact,
	ensure_line,
	make_contact,
	make_household,
	make_monitored_case,
	make_staff_user,
	make_village,
)


def monitored(village: str, name: str, **case_values) -> str:
	case = make_monitored_case(village, name, **case_values)
	frappe.db.set_value("Household", case.household, "monitoring_status", "Under monitoring")
	return case.household


class TestAssistanceContactWorkload(FanpinTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_line(int(today()[:4]))
		cls.village = make_village(DONGLAI, 81, "工作量东村")
		cls.beima_village = make_village(BEIMA, 81, "工作量北马村")
		cls.officer = make_staff_user("workload.officer@fanpin.test", "Fanpin Town Officer", DONGLAI)
		cls.beima_officer = make_staff_user("workload.beima@fanpin.test", "Fanpin Town Officer", BEIMA)
		cls.city = make_staff_user("workload.city@fanpin.test", "Fanpin City Office")
		cls.secretary = make_contact("周书记", "First secretary", unit="东莱街道办", phone="13900000081")
		cls.grid = make_contact("吴网格", "Grid worker", unit="北马镇", phone="13900000082")
		last_visit = add_days(today(), -10)
		late = monitored(cls.village, "工作一", visit_overdue=1, last_visit_date=add_days(today(), -40))
		recent = monitored(cls.village, "工作二", last_visit_date=last_visit)
		registered = make_household(cls.village).name  # carried, not monitored
		ended = monitored(cls.village, "工作三")  # carried until yesterday: no one carries it now
		monitored(cls.village, "工作四")  # never assigned
		for household in (late, recent, registered):
			assign_contact(household, cls.secretary)
		assign_contact(ended, cls.secretary, add_days(today(), -90), add_days(today(), -1))
		assign_contact(monitored(cls.beima_village, "北马工作"), cls.grid)
		cls.last_visit = getdate(last_visit)

	def workload(self, user, **filters):
		frappe.set_user(user)
		result = run("Assistance Contact Workload", filters=filters)
		return {row.get("contact_name"): row for row in result["result"]}

	def test_each_contacts_households_and_the_unassigned(self):
		rows = self.workload(self.officer, village=self.village)
		self.assertEqual(set(rows), {"周书记", "未安排帮扶责任人"})
		secretary = rows["周书记"]
		self.assertEqual(
			(secretary["unit"], secretary["post"], secretary["phone"]),
			("东莱街道办", "第一书记", "13900000081"),
		)
		self.assertEqual(
			(secretary["households"], secretary["monitored"], secretary["visit_overdue"]), (3, 2, 1)
		)
		self.assertEqual(getdate(secretary["last_visit_date"]), self.last_visit)
		self.assertEqual(rows["未安排帮扶责任人"]["households"], 2)  # 工作三 (ended) and 工作四

	def test_figures_are_per_viewer(self):
		rows = self.workload(self.beima_officer, village=self.village)
		self.assertEqual(set(rows), {"未安排帮扶责任人"})
		self.assertEqual(rows["未安排帮扶责任人"]["households"], 0)
		rows = self.workload(self.beima_officer, town=BEIMA, village=self.beima_village)
		self.assertEqual(rows["吴网格"]["households"], 1)
		rows = self.workload(self.city, town=BEIMA, village=self.beima_village)
		self.assertEqual((rows["吴网格"]["households"], rows["吴网格"]["post"]), (1, "网格员"))
		self.assertNotIn("周书记", rows)
		self.assertNotIn("吴网格", self.workload(self.officer))
