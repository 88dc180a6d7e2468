"""Records the background-job journeys start from: the people a department file names, cases
for the annual risk assessment, and what the city office enters in the national system this month
(a risk eliminated, a member who joined a household). Every call makes new ones (fresh ID numbers,
fresh head names), so the file's rows are never "already imported", the cases are not yet assessed
this year, and the entry list's rows of this call are told from those of earlier calls."""

import random

import frappe
from frappe.utils import add_months, today

from fanpin.controllers.stage import state_for_stage
from fanpin.exports.defaults import layout_name
from fanpin.policy import procedure
from fanpin.setup.defaults import TOWNS
from fanpin.testing import DONGLAI, fresh_id_number, make_household, make_monitored_case, member
from fanpin.tests.journey_data import elimination_at
from fanpin.tests.journey_data.city import fresh_names

ENTRY_LIST = "National Entry List"

ASSESSED_CASES = 30  # enough for the progress bar to move, few enough to stay quick


def village(town: str, index: int) -> str:
	return f"{town[:9]}{index:03d}"  # the demo county's villages 001-008


def build() -> dict:
	beima = dict(TOWNS)["北马镇"]
	monitored = [
		make_monitored_case(village(DONGLAI, 2), "预警甲"),
		make_monitored_case(village(beima, 3), "预警乙"),
	]
	not_monitored = make_household(village(DONGLAI, 4), members=[member("预警丙")])
	stranger = fresh_id_number()
	wrong_check_digit = stranger[:-1] + ("1" if stranger[-1] != "1" else "2")
	rows = [
		*(
			{"person_name": case.head_name, "id_number": head_id(case.household), "amount": 560}
			for case in monitored
		),
		{"person_name": "预警丙", "id_number": not_monitored.head_id_number, "amount": 480},
		{"person_name": "外县人", "id_number": stranger, "amount": 300},
		{"person_name": "错号人", "id_number": wrong_check_digit, "amount": 200},
	]
	cases = [
		make_monitored_case(village(TOWNS[index % len(TOWNS)][1], 1 + index % 8), f"评估{index + 1:02d}").name
		for index in range(ASSESSED_CASES)
	]
	national_village = village(DONGLAI, 5)
	codes = []
	while len(codes) < 2:
		code = f"{national_village}{random.randint(100000, 999999)}"
		if code not in codes and not frappe.db.exists("Household", {"household_code": code}):
			codes.append(code)
	return {
		"national": {
			"town_name": "东莱街道",
			"village_name": frappe.db.get_value("Area", national_village, "area_name"),
			"codes": codes,
			"ids": [fresh_id_number(), fresh_id_number(male=False), fresh_id_number(), fresh_id_number()],
		},
		"department": "民政局",
		"warning_type": "新增低保",
		"rows": rows,
		"expected": {"read": 5, "imported": 4, "matched": 3, "unmatched": 1, "rejected": 1, "repeated": 0},
		"monitored": [case.name for case in monitored],
		"assessment_cases": cases,
		"entry_list": entry_list(),
	}


def head_id(household: str) -> str:
	return frappe.db.get_value("Household", household, "head_id_number")


def household_code(village_code: str) -> str:
	while True:
		code = f"{village_code}{random.randint(100000, 999999)}"
		if not frappe.db.exists("Household", {"household_code": code}):
			return code


def entry_list() -> dict:
	"""This month's entries of two more kinds than the new monitoring objects above: a risk the town
	eliminated today, and a member who joined a monitored household, recorded on today's visit. Both
	cases were taken in months ago, so they are not new monitoring objects of this month."""
	where = village(DONGLAI, 6)
	earlier = add_months(today(), -6)
	eliminated_head, visited_head, newcomer = fresh_names(3)
	exited = make_monitored_case(where, eliminated_head, identified_on=earlier)
	frappe.db.set_value("Household", exited.household, "household_code", household_code(where))
	exit_name = elimination_at(
		exited.name, "Eliminated through assistance", procedure.ELIMINATED, eliminated_on=today()
	)
	frappe.db.set_value(
		"Monitoring Case",
		exited.name,
		{
			"stage": procedure.ELIMINATED,
			"workflow_state": state_for_stage("Monitoring Case", procedure.ELIMINATED),
		},
	)

	visited = make_monitored_case(where, visited_head, identified_on=earlier)
	code = household_code(where)
	frappe.db.set_value("Household", visited.household, "household_code", code)
	member_id = fresh_id_number(male=False)
	visit = frappe.get_doc(
		{
			"doctype": "Follow-up Visit",
			"case": visited.name,
			"visit_date": today(),
			"method": "Home visit",
			"visitor": "王干部",
			"findings": "儿媳嫁入，户口已迁入",
			"member_updates": [
				{
					"change": "Joined the household",
					"member_name": newcomer,
					"member_id_number": member_id,
					"relation": "Daughter-in-law",
					"labour_skill": "Ordinary labour",
				}
			],
		}
	).insert()
	visit.submit()

	layout = frappe.get_doc("Export Layout", layout_name(ENTRY_LIST, "Member change"))
	return {
		"elimination": exit_name,
		"elimination_head": eliminated_head,
		"visit": visit.name,
		"visit_head": visited_head,
		"household_code": code,
		"village_name": frappe.db.get_value("Area", where, "area_name"),
		"member_name": newcomer,
		"member_id_number": member_id,
		"layout": layout.name,
		"layout_title": layout.title,
		"layout_columns": [{"field": row.field, "label": row.label} for row in layout.columns],
	}
