import datetime

import pytest

from fanpin.policy.classifier import LIFTED_POLICY
from fanpin.policy.messages import PolicyError
from fanpin.policy.procedure import (
	APPRAISAL,
	COMPARISON,
	ENTRY,
	MONITORING,
	NOTICE,
	REJECTED,
	VERIFICATION,
	CaseState,
	check_risk_types,
	check_stage_change,
	notice_end,
	verification_overdue,
)

TODAY = datetime.date(2021, 7, 1)
READY = CaseState(
	household_type="Ordinary rural household",
	verified_on=TODAY,
	appraisal_date=TODAY,
	appraisal_result="同意",
	has_authorization=True,
	comparison_passed=True,
	notice_end=datetime.date(2021, 6, 30),
	classified=True,
	eligible=True,
)


def state(**changes):
	return CaseState(**{**vars(READY), **changes})


def test_the_whole_procedure_in_order():
	for old, new in [
		(VERIFICATION, APPRAISAL),
		(APPRAISAL, COMPARISON),
		(COMPARISON, NOTICE),
		(NOTICE, ENTRY),
		(ENTRY, MONITORING),
	]:
		check_stage_change(old, new, READY, TODAY)


@pytest.mark.parametrize(
	"old, new",
	[
		(VERIFICATION, COMPARISON),
		(VERIFICATION, NOTICE),
		(APPRAISAL, ENTRY),
		(COMPARISON, MONITORING),
		(REJECTED, APPRAISAL),
	],
)
def test_no_step_can_be_skipped(old, new):
	with pytest.raises(PolicyError):
		check_stage_change(old, new, READY, TODAY)


def test_only_a_policy_lifted_household_skips_comparison():
	with pytest.raises(PolicyError):
		check_stage_change(APPRAISAL, NOTICE, READY, TODAY)
	check_stage_change(APPRAISAL, NOTICE, state(household_type=LIFTED_POLICY), TODAY)


def test_notice_lasts_five_days_and_cannot_end_early():
	start = datetime.date(2021, 6, 1)
	end = notice_end(start)
	assert end == datetime.date(2021, 6, 5)
	for day in (start, end):
		with pytest.raises(PolicyError):
			check_stage_change(NOTICE, ENTRY, state(notice_end=end), day)
		with pytest.raises(PolicyError):
			check_stage_change(NOTICE, REJECTED, state(notice_end=end, rejection_reason="公示有异议"), day)
	check_stage_change(NOTICE, ENTRY, state(notice_end=end), datetime.date(2021, 6, 6))


@pytest.mark.parametrize(
	"old, new, missing",
	[
		(VERIFICATION, APPRAISAL, {"verified_on": None}),
		(VERIFICATION, APPRAISAL, {"classified": False}),
		(APPRAISAL, COMPARISON, {"appraisal_result": ""}),
		(APPRAISAL, COMPARISON, {"has_authorization": False}),
		(COMPARISON, NOTICE, {"comparison_passed": False}),
		(COMPARISON, REJECTED, {"rejection_reason": " "}),
		(ENTRY, MONITORING, {"eligible": False}),
	],
)
def test_each_step_needs_its_record(old, new, missing):
	with pytest.raises(PolicyError):
		check_stage_change(old, new, state(**missing), TODAY)


def test_new_case_starts_at_verification():
	check_stage_change(None, VERIFICATION, READY, TODAY)
	with pytest.raises(PolicyError):
		check_stage_change(None, MONITORING, READY, TODAY)


def test_risk_types_one_to_five_and_distinct():
	check_risk_types(["因病"])
	check_risk_types(["因病", "因残", "因学", "因缺劳动力", "其他"])
	for bad in ([], ["因病"] * 2, ["a", "b", "c", "d", "e", "f"]):
		with pytest.raises(PolicyError):
			check_risk_types(bad)


def test_verification_overdue():
	due = datetime.date(2025, 10, 10)
	assert not verification_overdue(VERIFICATION, due, None, due)
	assert verification_overdue(VERIFICATION, due, None, datetime.date(2025, 10, 11))
	assert not verification_overdue(VERIFICATION, due, due, datetime.date(2025, 10, 11))
	assert not verification_overdue(APPRAISAL, due, None, datetime.date(2025, 10, 11))


def test_a_renamed_state_takes_its_records_to_the_new_state_of_the_same_stage():
	from types import SimpleNamespace as row

	from fanpin.policy.procedure import replaced_states

	before = [row(state="甲", update_field="stage", update_value="S", doc_status="0", idx=1)]
	after = [
		row(state="乙", update_field="stage", update_value="S", doc_status=0, idx=2),
		row(state="丙", update_field="stage", update_value="S", doc_status="0", idx=1),
	]
	# with two new states of the stage, the one in the old row wins
	assert replaced_states(before, after) == {"甲": "丙"}
	assert replaced_states(before, after[:1]) == {"甲": "乙"}
	assert replaced_states(before, before) == {}
	# a new state of another stage, or of another document status, takes nothing
	other = [row(state="丁", update_field="stage", update_value="T", doc_status="0", idx=1)]
	assert replaced_states(before, other) == {}
	submitted = [row(state="戊", update_field="stage", update_value="S", doc_status="1", idx=1)]
	assert replaced_states(before, submitted) == {}
