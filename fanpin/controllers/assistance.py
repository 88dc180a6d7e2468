"""Assistance measures of a case: the catalogue, suggestions and the checks shown on the case."""

import frappe
from frappe.utils import getdate, today

from fanpin.policy.assistance import IMPLEMENTED, Measure, MeasureType, check_measures, suggest_measures
from fanpin.policy.exit import ASSISTED
from fanpin.policy.exit import CLOSED as EXIT_CLOSED
from fanpin.policy.procedure import MONITORING
from fanpin.utils import translate


def catalogue() -> list[MeasureType]:
	"""Enabled measure types with the risks they answer (master data: no scope applies)."""
	answers: dict[str, set[str]] = {}
	for row in frappe.get_all(
		"Measure Type Risk", filters={"parenttype": "Assistance Measure Type"}, fields=["parent", "risk_type"]
	):
		answers.setdefault(row.parent, set()).add(row.risk_type)
	return [
		MeasureType(
			name=row.name,
			developmental=bool(row.is_developmental),
			basic_security=bool(row.is_basic_security),
			asset_income=bool(row.is_asset_income),
			answers=frozenset(answers.get(row.name, ())),
		)
		for row in frappe.get_all(
			"Assistance Measure Type",
			filters={"disabled": 0},
			fields=["name", "is_developmental", "is_basic_security", "is_asset_income"],
			order_by="creation asc",
		)
	]


def case_measures(case: str) -> list[Measure]:
	# The measures of one case share its village, so they are in the scope of whoever sees the case.
	return [
		Measure(row.measure_type, row.risk_type, row.status, getdate(row.end_date) if row.end_date else None)
		for row in frappe.get_all(
			"Assistance Measure",
			filters={"case": case},
			fields=["measure_type", "risk_type", "status", "end_date"],
		)
	]


def household_has_labour(household: str) -> bool:
	# The Household keeps its members' summary (summarize_members) on every save.
	return not frappe.db.get_value("Household", household, "no_labour_capacity")


def assisted_exit_proposed(case: str) -> bool:
	return bool(
		frappe.db.exists(
			"Risk Elimination",
			{"case": case, "method": ASSISTED, "stage": ("not in", EXIT_CLOSED)},
		)
	)


def implemented_measure_count(case: str) -> int:
	return frappe.db.count("Assistance Measure", {"case": case, "status": ("in", list(IMPLEMENTED))})


def suggestions_for(case) -> list[dict]:
	risk_types = [row.risk_type for row in case.risk_types]
	found = suggest_measures(
		risk_types, household_has_labour(case.household), catalogue(), case_measures(case.name)
	)
	return [
		{
			"measure_type": s.measure_type,
			"risk_type": s.risk_type,
			"reason": translate(s.template, s.args),
		}
		for s in found
	]


def set_case_checks(case) -> None:
	"""Fill the case's assistance checks (on the case document, before it is saved).

	Measures are planned once a case is under monitoring; before that there is nothing to check."""
	if case.stage != MONITORING:
		case.assistance_issue_count, case.assistance_issues = 0, None
		return
	issues = check_measures(
		[row.risk_type for row in case.risk_types],
		household_has_labour(case.household),
		catalogue(),
		case_measures(case.name),
		getdate(today()),
		assisted_exit_proposed(case.name),
	)
	case.assistance_issue_count = len(issues)
	case.assistance_issues = "\n".join(translate(issue.template, issue.args) for issue in issues)


def refresh_case_checks(case_name: str) -> None:
	"""Recompute a saved case's checks after one of its measures or exits changed."""
	case = frappe.get_doc("Monitoring Case", case_name)
	set_case_checks(case)
	case.db_set(
		{"assistance_issues": case.assistance_issues, "assistance_issue_count": case.assistance_issue_count},
		update_modified=False,
	)
