"""The 全面排查 rules: what a screening finds, completion, pace and who closes a campaign."""

import datetime
from decimal import Decimal

import pytest

from fanpin.policy import screening
from fanpin.policy.messages import PolicyError

D = datetime.date


def test_nothing_seen_and_income_above_the_line_is_no_risk():
	finding = screening.assess(set(), Decimal("9000"), Decimal("7000"))
	assert finding == screening.Finding(False, (), ())


def test_a_sign_is_a_risk_and_names_its_risk_type():
	finding = screening.assess({"risk_illness"})
	assert finding.risk_found
	assert finding.reasons == ("risk_illness",)
	assert finding.risk_types == ("因病",)


def test_a_basic_need_not_assured_is_a_risk():
	finding = screening.assess({"housing_unsafe", "food_clothing_insecure"})
	assert finding.risk_found
	assert finding.reasons == ("food_clothing_insecure", "housing_unsafe")
	# 吃穿 has no risk type of its own; 住房 has
	assert finding.risk_types == ("住房安全",)


def test_income_below_the_line_alone_is_a_risk():
	finding = screening.assess(set(), 6999.99, 7000)
	assert finding.risk_found and finding.reasons == ("income_below_line",)
	assert not screening.assess(set(), 7000, 7000).risk_found
	# no estimate, or no line: income says nothing
	assert not screening.assess(set(), None, 7000).risk_found
	assert not screening.assess(set(), 100, None).risk_found


def test_risk_types_are_not_repeated():
	finding = screening.assess({"risk_illness", "medical_uncovered", "risk_education", "school_dropout"})
	assert finding.risk_types == ("因病", "因学")


def test_an_unknown_field_is_refused():
	with pytest.raises(PolicyError, match="risk_flying"):
		screening.assess({"risk_flying"})


def test_completion_counts_screened_and_unreachable():
	c = screening.Completion(total=200, screened=120, unreachable=10)
	assert (c.done, c.pending, c.percent) == (130, 70, 65.0)
	assert screening.Completion(0, 0, 0).percent == 100.0


def test_expected_pace_is_the_share_of_days_gone():
	start, deadline = D(2026, 10, 1), D(2026, 10, 10)
	assert screening.expected_percent(start, deadline, D(2026, 9, 30)) == 0.0
	assert screening.expected_percent(start, deadline, D(2026, 10, 1)) == 10.0
	assert screening.expected_percent(start, deadline, D(2026, 10, 5)) == 50.0
	assert screening.expected_percent(start, deadline, D(2026, 10, 10)) == 100.0
	assert screening.expected_percent(start, deadline, D(2026, 11, 1)) == 100.0


def test_behind_schedule():
	start, deadline = D(2026, 10, 1), D(2026, 10, 10)
	day5 = D(2026, 10, 5)
	assert screening.behind_schedule(screening.Completion(10, 4, 0), start, deadline, day5)
	assert not screening.behind_schedule(screening.Completion(10, 5, 0), start, deadline, day5)
	# finished is never behind, even after the deadline
	assert not screening.behind_schedule(screening.Completion(10, 9, 1), start, deadline, D(2026, 12, 1))
	assert screening.behind_schedule(screening.Completion(10, 9, 0), start, deadline, D(2026, 12, 1))


def test_deadline_before_start_is_refused():
	with pytest.raises(PolicyError, match="before the start"):
		screening.check_dates(D(2026, 10, 2), D(2026, 10, 1))
	screening.check_dates(D(2026, 10, 1), D(2026, 10, 1))


def test_only_the_city_office_closes():
	done = screening.Completion(10, 10, 0)
	with pytest.raises(PolicyError, match="Only the city poverty office"):
		screening.check_close({"Fanpin Town Officer"}, done, D(2026, 12, 31), D(2026, 12, 1))
	screening.check_close({"Fanpin City Office"}, done, D(2026, 12, 31), D(2026, 12, 1))
	screening.check_close({"System Manager"}, done, D(2026, 12, 31), D(2026, 12, 1))


def test_before_the_deadline_a_campaign_closes_only_when_complete():
	left = screening.Completion(10, 7, 1)
	with pytest.raises(PolicyError) as refused:
		screening.check_close({"Fanpin City Office"}, left, D(2026, 12, 31), D(2026, 12, 1))
	assert refused.value.args_for_message == (2, D(2026, 12, 31))
	# on or after the deadline it closes with households left
	screening.check_close({"Fanpin City Office"}, left, D(2026, 12, 31), D(2026, 12, 31))


def test_a_closed_campaign_is_frozen():
	with pytest.raises(PolicyError, match="closed"):
		screening.check_editable("Ended")
	screening.check_editable("Under way")
