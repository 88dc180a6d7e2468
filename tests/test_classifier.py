import datetime
from decimal import Decimal

import pytest

from fanpin.policy.classifier import (
	LIFTED_NO_POLICY,
	LIFTED_POLICY,
	MARGINAL,
	NOT_ELIGIBLE,
	SEVERE,
	UNSTABLE,
	CaseFacts,
	Exclusion,
	classify,
)
from fanpin.policy.income import income_period
from fanpin.policy.messages import PolicyError

ORDINARY = "Ordinary rural household"
LINE = Decimal(6500)
PERIOD = income_period(datetime.date(2021, 6, 15))
CAR = Exclusion("拥有并经常使用高档乘用车辆")
HOUSE = Exclusion("在城镇购买商品房", relocation_exempt=True)
COMPANY = Exclusion("注册公司企业并雇佣他人从事经营性活动且收益较高")
SUPPORTERS = Exclusion("法定赡养抚养扶养人有能力但不履行或履行义务不到位")
COUNTY_DEFINED = Exclusion("县级扶贫部门规定的其他情形")


def facts(household_type=ORDINARY, income=5000, **flags):
	return CaseFacts(
		household_type=household_type,
		per_capita_income=None if income is None else Decimal(income),
		line=LINE,
		line_year=2021,
		period=PERIOD,
		**flags,
	)


def texts(result):
	return [template.format(*args) for template, args in result.lines] + [result.rule]


# Every row of SPEC §4's table, each way in and each way out.
@pytest.mark.parametrize(
	"case, category",
	[
		# 脱贫不稳定户: 脱贫户 (either kind) + A or B, whatever the income
		(facts(LIFTED_POLICY, 20000, condition_a=True), UNSTABLE),
		(facts(LIFTED_NO_POLICY, 3000, condition_b=True), UNSTABLE),
		(facts(LIFTED_POLICY, None, condition_a=True), UNSTABLE),
		(facts(LIFTED_POLICY, 3000), NOT_ELIGIBLE),
		# 边缘易致贫户: 一般农户 below the line + A or B
		(facts(ORDINARY, 6499.99, condition_a=True), MARGINAL),
		(facts(ORDINARY, 0, condition_b=True), MARGINAL),
		(facts(ORDINARY, 5000), NOT_ELIGIBLE),
		(facts(ORDINARY, 6500, condition_a=True), NOT_ELIGIBLE),
		(facts(ORDINARY, 9000, condition_b=True), NOT_ELIGIBLE),
		# 突发严重困难户: any 农户 at or above the line + severe difficulty
		(facts(ORDINARY, 6500, severe_difficulty=True), SEVERE),
		(facts(ORDINARY, 12000, severe_difficulty=True, condition_a=True), SEVERE),
		(facts(LIFTED_NO_POLICY, 12000, severe_difficulty=True), SEVERE),
		(facts("Dibao household", 8000, severe_difficulty=True), SEVERE),
		(facts(ORDINARY, 6499, severe_difficulty=True, condition_a=True), MARGINAL),
		(facts(ORDINARY, 6499, severe_difficulty=True), NOT_ELIGIBLE),
	],
)
def test_categories(case, category):
	assert classify(case).category == category


@pytest.mark.parametrize("exclusion", [CAR, HOUSE, COMPANY, SUPPORTERS, COUNTY_DEFINED])
@pytest.mark.parametrize(
	"case",
	[
		facts(LIFTED_POLICY, 3000, condition_a=True),
		facts(ORDINARY, 3000, condition_b=True),
		facts(ORDINARY, 9000, severe_difficulty=True),
	],
)
def test_every_exclusion_applies_to_all_three_categories(exclusion, case):
	excluded = CaseFacts(**{**vars(case), "exclusions": (exclusion,)})
	result = classify(excluded)
	assert result.category == NOT_ELIGIBLE
	assert result.exclusions_hit == (exclusion.name,)
	assert any(exclusion.name in line for line in texts(result))


def test_resettlement_purchase_is_exempt_from_the_housing_exclusion_only():
	base = facts(ORDINARY, 3000, condition_a=True, resettlement_purchase=True)
	assert classify(CaseFacts(**{**vars(base), "exclusions": (HOUSE,)})).category == MARGINAL
	result = classify(CaseFacts(**{**vars(base), "exclusions": (HOUSE, CAR)}))
	assert result.category == NOT_ELIGIBLE
	assert result.exclusions_hit == (CAR.name,)


def test_explanation_names_rule_figures_period_and_line():
	result = classify(facts(ORDINARY, 5466.83, condition_a=True))
	lines = texts(result)
	assert "Income period 2020-06～2021-05; monitoring line of 2021: 6,500.00 yuan" in lines
	assert "Per-capita disposable income: 5,466.83 yuan" in lines
	assert result.rule.startswith("Rule: an ordinary household below the line")


def test_income_equal_to_the_line_is_explained():
	lines = texts(classify(facts(ORDINARY, 6500, severe_difficulty=True)))
	assert "Income equals the line, which counts as not below the line" in lines


def test_non_lifted_household_needs_income():
	with pytest.raises(PolicyError):
		classify(facts(ORDINARY, None, condition_a=True))
