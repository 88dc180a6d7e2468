"""Records the town journeys start from: one case at each procedure step a town works on, a
monitored household with unsafe housing for a follow-up visit, and a warning still to be judged.

Each call makes fresh records (new households with new ID numbers), so it can run again and again.
"""

import frappe

from fanpin.controllers.stage import state_for_stage
from fanpin.testing import (
	fresh_id_number,
	make_case,
	make_household,
	make_income,
	make_monitored_case,
	member,
)

CLERK_VILLAGE = "370681001001"  # the village of clerk.donglai
OTHER_VILLAGE = "370681001002"  # another village of 东莱街道


def build() -> dict:
	frappe.local.lang = "zh"  # what the cases explain is written in the county's language
	verification = case_at("Home verification", CLERK_VILLAGE, "核实户主")
	appraisal = case_at("Democratic appraisal", OTHER_VILLAGE, "评议户主")
	assistance = make_monitored_case(OTHER_VILLAGE, "帮扶户主")
	visited = make_monitored_case(OTHER_VILLAGE, "走访户主")
	frappe.db.set_value("Household", visited.household, {"housing_unsafe": 1, "water_unsafe": 0})
	return {
		"verification_case": verification.name,
		"appraisal_case": appraisal.name,
		"assistance_case": assistance.name,
		"assistance_village": OTHER_VILLAGE,
		"visit_case": visited.name,
		"visit_household": visited.household,
		"warning": pending_warning(),
	}


def case_at(stage: str, village: str, head_name: str) -> str:
	"""A case in the procedure, eligible (income below the line, spending over income), at ``stage``."""
	household = make_household(village, members=[member(head_name)])
	make_income(household.name, frappe.utils.today(), 5000)
	case = make_case(household.name, condition_a=1)
	frappe.db.set_value(
		"Monitoring Case",
		case.name,
		{"stage": stage, "workflow_state": state_for_stage("Monitoring Case", stage)},
	)
	return frappe.get_doc("Monitoring Case", case.name)


def pending_warning() -> str:
	"""A 民政局 warning about a member of a 东莱街道 household that is not monitored: still to be judged."""
	id_number = fresh_id_number()
	make_household(OTHER_VILLAGE, members=[member("预警户主", id_number=id_number)])
	return (
		frappe.get_doc(
			{
				"doctype": "Department Warning",
				"department": "民政局",
				"warning_type": "临时救助",
				"report_month": frappe.utils.today(),
				"id_number": id_number,
				"person_name": "预警户主",
				"amount": 1200,
			}
		)
		.insert()
		.name
	)
