import datetime

from fanpin.policy.assistance import (
	COMPLETED,
	IN_PROGRESS,
	PLANNED,
	Measure,
	MeasureType,
	check_measures,
	suggest_measures,
)

CATALOGUE = [
	MeasureType(
		"产业帮扶", developmental=True, answers=frozenset({"因产业项目失败", "因自然灾害（洪涝灾害）"})
	),
	MeasureType("就业帮扶", developmental=True, answers=frozenset({"因务工就业不稳"})),
	MeasureType("公益岗位", developmental=True, answers=frozenset({"因缺劳动力"})),
	MeasureType("健康帮扶", answers=frozenset({"因病", "因残"})),
	MeasureType("义务教育保障", answers=frozenset({"因学"})),
	MeasureType("综合保障", basic_security=True, answers=frozenset({"因缺劳动力"})),
	MeasureType("资产收益分配", asset_income=True),
]
TODAY = datetime.date(2021, 11, 1)


def names(suggestions):
	return [(s.measure_type, s.risk_type) for s in suggestions]


def test_single_risk_gets_one_targeted_measure_plus_a_developmental_one_for_labour():
	result = suggest_measures(["因病"], has_labour=True, catalogue=CATALOGUE)
	assert names(result) == [("健康帮扶", "因病"), ("产业帮扶", None)]
	assert result[0].template.startswith("Single risk")


def test_single_developmental_risk_needs_nothing_more():
	assert names(suggest_measures(["因务工就业不稳"], True, CATALOGUE)) == [("就业帮扶", "因务工就业不稳")]


def test_several_risks_get_a_measure_each():
	result = suggest_measures(["因病", "因学", "因务工就业不稳"], True, CATALOGUE)
	assert names(result) == [("健康帮扶", "因病"), ("义务教育保障", "因学"), ("就业帮扶", "因务工就业不稳")]


def test_labour_prefers_developmental_answers():
	assert names(suggest_measures(["因缺劳动力"], True, CATALOGUE)) == [("公益岗位", "因缺劳动力")]


def test_no_labour_gets_basic_security_and_asset_income():
	result = suggest_measures(["因病"], has_labour=False, catalogue=CATALOGUE)
	assert names(result) == [("健康帮扶", "因病"), ("综合保障", None), ("资产收益分配", None)]


def test_existing_measures_are_not_suggested_again():
	existing = [Measure("健康帮扶", "因病", PLANNED)]
	assert names(suggest_measures(["因病"], True, CATALOGUE, existing)) == [("产业帮扶", None)]


def test_checks():
	measures = [
		Measure("健康帮扶", "因病", IN_PROGRESS, end_date=datetime.date(2021, 10, 1)),
		Measure("义务教育保障", "因学", COMPLETED),
	]
	issues = check_measures(
		["因病", "因学", "因残"], True, CATALOGUE, measures, TODAY, assisted_exit_proposed=True
	)
	templates = [i.template for i in issues]
	assert "The household has labour but no developmental measure" in templates
	assert ("No measure answers risk {0}", ("因残",)) in [(i.template, i.args) for i in issues]
	assert (
		"Measure {0} ended on {1} but is still in progress",
		("健康帮扶", datetime.date(2021, 10, 1)),
	) in [(i.template, i.args) for i in issues]
	assert not any("no assistance measure has been implemented" in t for t in templates)


def test_assisted_exit_without_implemented_measure():
	issues = check_measures(["因病"], False, CATALOGUE, [Measure("健康帮扶", "因病", PLANNED)], TODAY, True)
	assert [i.template for i in issues] == [
		"Eliminated through assistance is proposed but no assistance measure has been implemented"
	]


def test_clean_case_has_no_issues():
	measures = [
		Measure("健康帮扶", "因病", IN_PROGRESS, end_date=datetime.date(2022, 1, 1)),
		Measure("就业帮扶", None, PLANNED),
	]
	assert check_measures(["因病"], True, CATALOGUE, measures, TODAY) == []
