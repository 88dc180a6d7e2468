import datetime
from decimal import Decimal

from fanpin.policy.classifier import MARGINAL, UNSTABLE
from fanpin.policy.exit import (
	ASSISTED,
	DONE,
	EXIT_APPRAISAL,
	NATURAL,
	PROPOSED,
	ExitFacts,
	exit_findings,
	exit_path,
	months_between,
)

D = datetime.date


def facts(**changes):
	base = dict(
		category=MARGINAL,
		identified_on=D(2021, 1, 10),
		proposed_on=D(2021, 11, 20),
		method=ASSISTED,
		per_capita_income=Decimal(8000),
		line=Decimal(6500),
		implemented_measures=2,
	)
	return ExitFacts(**{**base, **changes})


def templates(found, blocking):
	return [f.template for f in found if f.blocking == blocking]


def test_clean_exit_has_no_findings():
	assert exit_findings(facts()) == []


def test_assisted_exit_below_the_line_is_blocked():
	assert any("below" in t for t in templates(exit_findings(facts(per_capita_income=Decimal(6000))), True))


def test_natural_exit_below_the_line_is_blocked_too():
	assert templates(exit_findings(facts(method=NATURAL, per_capita_income=Decimal(6499))), True)


def test_less_than_six_months_warns():
	found = exit_findings(facts(identified_on=D(2021, 6, 1)))
	assert templates(found, False) and not templates(found, True)
	assert months_between(D(2021, 5, 21), D(2021, 11, 20)) == 5
	assert months_between(D(2021, 5, 20), D(2021, 11, 20)) == 6


def test_insecure_basics_and_no_labour_block():
	for flag in (
		"housing_unsafe",
		"school_dropout",
		"water_unsafe",
		"member_uninsured",
		"no_labour_capacity",
	):
		assert templates(exit_findings(facts(**{flag: True})), True), flag


def test_assisted_without_implemented_measure_warns():
	assert templates(exit_findings(facts(implemented_measures=0)), False)


def test_two_exit_paths():
	assert exit_path(UNSTABLE)[PROPOSED] >= {DONE}
	assert DONE not in exit_path(MARGINAL)[PROPOSED]
	assert EXIT_APPRAISAL in exit_path(MARGINAL)[PROPOSED]


def test_after_exit_the_unstable_household_is_managed_as_lifted_with_policy():
	from fanpin.policy.classifier import LIFTED_POLICY, MARGINAL, UNSTABLE
	from fanpin.policy.exit import elimination_label, household_type_after_exit

	assert household_type_after_exit(UNSTABLE, "Lifted out of poverty (no policy)") == LIFTED_POLICY
	assert household_type_after_exit(MARGINAL, "Ordinary rural household") == "Ordinary rural household"
	assert elimination_label(UNSTABLE) == "Return-to-poverty risk eliminated"
	assert elimination_label(MARGINAL) == "Poverty risk eliminated"


def test_annual_assessment_advice_and_date():
	import datetime

	from fanpin.policy.exit import (
		CONTINUE,
		PROPOSE_EXIT,
		ExitFinding,
		assessment_date,
		recommendation,
	)

	assert recommendation([]) == PROPOSE_EXIT
	assert recommendation([ExitFinding(False, "warn")]) == PROPOSE_EXIT
	assert recommendation([ExitFinding(False, "warn"), ExitFinding(True, "block")]) == CONTINUE
	assert assessment_date(2025, datetime.date(2026, 3, 1)) == datetime.date(2025, 12, 31)
	assert assessment_date(2026, datetime.date(2026, 3, 1)) == datetime.date(2026, 3, 1)
