import datetime
from decimal import Decimal

import pytest

from fanpin.policy.messages import PolicyError
from fanpin.policy.threshold import Threshold, line_for_date, line_for_year

LINES = [
	Threshold(2021, Decimal(6500), "山东省", datetime.date(2021, 1, 1), "龙扶贫组字〔2021〕1号"),
	Threshold(2022, Decimal(6800), "山东省"),
]


def test_line_of_the_year():
	assert line_for_year(LINES, 2021).amount == Decimal(6500)
	assert line_for_year(LINES, 2021, "山东省").source_document == "龙扶贫组字〔2021〕1号"


def test_case_is_judged_against_its_discovery_year():
	assert line_for_date(LINES, datetime.date(2022, 1, 5)).amount == Decimal(6800)


def test_missing_year_is_an_error_not_a_default():
	with pytest.raises(PolicyError) as caught:
		line_for_year(LINES, 2023)
	assert caught.value.args_for_message == (2023,)


def test_missing_region_is_an_error():
	with pytest.raises(PolicyError):
		line_for_year(LINES, 2021, "河北省")


def test_ambiguous_year_asks_for_a_region():
	lines = [*LINES, Threshold(2021, Decimal(6000), "全国")]
	with pytest.raises(PolicyError):
		line_for_year(lines, 2021)
	assert line_for_year(lines, 2021, "全国").amount == Decimal(6000)
