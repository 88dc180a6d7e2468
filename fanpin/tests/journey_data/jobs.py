"""Records the background-job journeys start from: the people a department file names, and cases
for the annual risk assessment. Every call makes new ones (fresh ID numbers), so the file's rows
are never "already imported" and the cases are not yet assessed this year."""

import random

import frappe

from fanpin.setup.defaults import TOWNS
from fanpin.testing import DONGLAI, fresh_id_number, make_household, make_monitored_case, member

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
	}


def head_id(household: str) -> str:
	return frappe.db.get_value("Household", household, "head_id_number")
