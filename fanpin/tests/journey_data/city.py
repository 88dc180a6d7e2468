"""Records the reviewer and city office journeys start from: one case at each step they act on
(town review, information comparison, entry into monitoring) and one exit awaiting the city's mark.

Every call makes fresh households (new ID numbers, new head names), so the journeys can run again
and again on the same site. States are looked up from the active workflows by their stage and
editing role, never by name: an admin may rename them.
"""

import random

import frappe
from frappe.utils import add_days, add_months, getdate, today

from fanpin.controllers.stage import active_workflow, state_for_stage
from fanpin.fanpin.doctype.monitoring_threshold.monitoring_threshold import get_line
from fanpin.testing import DONGLAI, ensure_line, make_case, make_household, make_income, member
from fanpin.tests.journey_data import elimination_at

REVIEWER = "Fanpin Town Reviewer"
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
GIVEN = "建国志强秀英桂兰海燕文华明亮春梅玉兰德胜永福丽娟红霞立新晓东"


def build() -> dict:
	# what is written down on save (the explanation, the to-do) is in the county's language
	frappe.local.lang = "zh"
	village = frappe.get_all("Area", filters={"parent_area": DONGLAI}, order_by="name", pluck="name")[1]
	line = get_line(getdate(today()).year).amount
	names = fresh_names(4)
	review = case_at(village, names[0], line, "Democratic appraisal", reviewer_state())
	comparison = case_at(village, names[1], line, "Information comparison")
	entry = case_at(
		village,
		names[2],
		line,
		"Entry into monitoring",
		comparison_result="Passed",
		notice_start=add_days(today(), -10),
		notice_end=add_days(today(), -6),
	)
	exit_doc = exit_at_city_marking(village, names[3], line)
	return {
		"review_case": review,
		"review_head": names[0],
		"comparison_case": comparison,
		"entry_case": entry,
		"exit": exit_doc.name,
		"exit_case": exit_doc.case,
	}


def fresh_names(count: int) -> list[str]:
	"""Head names no household holds yet, so a list filtered by the name shows one case."""
	rng = random.Random()
	names: list[str] = []
	while len(names) < count:
		name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
		if name not in names and not frappe.db.exists("Household", {"head_name": name}):
			names.append(name)
	return names


def reviewer_state() -> str:
	"""The state of the town review: the appraisal stage, edited by the town reviewer."""
	workflow = active_workflow("Monitoring Case")
	return next(
		row.state
		for row in workflow.states
		if row.update_field == "stage"
		and row.update_value == "Democratic appraisal"
		and row.allow_edit == REVIEWER
	)


def case_at(village: str, head: str, line: float, stage: str, state: str | None = None, **values) -> str:
	"""A 边缘易致贫户 case (income below the line, condition 1) whose earlier steps are recorded."""
	household = make_household(village, members=[member(head)]).name
	make_income(household, today(), line - 1500)
	case = make_case(household, condition_a=1, verified_on=today(), verifiers="王干部")
	frappe.db.set_value(
		"Monitoring Case",
		case.name,
		{
			"stage": stage,
			"workflow_state": state or state_for_stage("Monitoring Case", stage),
			"appraisal_date": today(),
			"appraisal_attendees": "村民代表12人",
			"appraisal_result": "同意纳入监测",
			"authorization_letter": authorization(case.name),
			**values,
		},
	)
	return case.name


def authorization(case: str) -> str:
	"""The signed authorisation to check family assets, scanned and attached to the case."""
	return (
		frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "授权书.pdf",
				"content": "%PDF-1.4 授权书",
				"is_private": 1,
				"attached_to_doctype": "Monitoring Case",
				"attached_to_name": case,
				"attached_to_field": "authorization_letter",
			}
		)
		.insert(ignore_permissions=True)
		.file_url
	)


def exit_at_city_marking(village: str, head: str, line: float):
	"""An exit of a 边缘易致贫户 monitored for 8 months whose village notice is over."""
	identified = getdate(add_months(today(), -8))
	discovered = add_days(identified, -30)
	if not frappe.db.exists("Monitoring Threshold", {"year": getdate(discovered).year}):
		ensure_line(getdate(discovered).year, line)
	household = make_household(village, members=[member(head)]).name
	make_income(household, discovered, line - 1500)  # below the line when found
	make_income(household, today(), line + 3000)  # above it now
	case = make_case(household, discovery_date=discovered, condition_a=1)
	frappe.db.set_value(
		"Monitoring Case",
		case.name,
		{
			"stage": "Under monitoring",
			"workflow_state": state_for_stage("Monitoring Case", "Under monitoring"),
			"verified_on": add_days(discovered, 2),
			"verification_overdue": 0,
			"identified_on": identified,
		},
	)
	name = elimination_at(
		case.name,
		"Eliminated naturally",
		"City marking",
		appraisal_date=add_days(today(), -12),
		appraisal_result="同意退出监测",
		review_notes="审核同意",
		notice_start=add_days(today(), -10),
		notice_end=add_days(today(), -6),
	)
	return frappe.get_doc("Risk Elimination", name)
