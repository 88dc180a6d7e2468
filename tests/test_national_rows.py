"""Rows of the national system's exports (issue: any county from the national spreadsheets)."""

import datetime
from decimal import Decimal

import pytest
from messy_files import GOOD, national_export_xlsx

from fanpin.imports.national_rows import (
	NationalRow,
	header_lookup,
	households,
	parse_date,
	parse_national_rows,
)
from fanpin.imports.reader import read_rows
from fanpin.imports.warning_rows import ColumnNotice, RowError
from fanpin.policy.messages import PolicyError

CHOICES = {
	"relation": {"户主": "Head of household", "配偶": "Spouse", "之子": "Son", "之女": "Daughter"},
	"gender": {"男": "Male", "女": "Female"},
	"labour_skill": {"普通劳动力": "Ordinary labour", "弱劳动力或半劳动力": "Weak or half labour"},
	"category": {
		"脱贫不稳定户": "Unstable lifted household",
		"边缘易致贫户": "Marginal household",
		"突发严重困难户": "Sudden severe difficulty household",
	},
}
RISKS = {"因病": "因病", "01": "因病", "因学": "因学", "09": "因学"}


def parse(content=None, filename="监测对象.xlsx"):
	results = list(
		parse_national_rows(
			read_rows(content or national_export_xlsx(), filename), header_lookup(), CHOICES, RISKS
		)
	)
	return (
		[r for r in results if isinstance(r, NationalRow)],
		[r for r in results if isinstance(r, RowError)],
		[r for r in results if isinstance(r, ColumnNotice)],
	)


def test_every_member_row_lands_or_is_reported_with_its_row_and_column():
	good, bad, notices = parse()
	assert [r.row_number for r in good] == [5, 6, 7]
	reasons = {e.row_number: (e.column, e.template, e.args) for e in bad}
	assert set(reasons) == {8, 9, 10}
	assert reasons[8][0] == "证件号码" and "stored as a number" in reasons[8][1]
	assert reasons[9][:2] == ("户编号", "empty")
	assert reasons[10][0] == "与户主关系" and reasons[10][2][0] == "表弟"
	assert [(n.template, n.args) for n in notices] == [("columns not imported: {0}", ("帮扶责任人",))]


def test_household_member_income_and_monitoring_object_of_a_row():
	good, _bad, _notices = parse()
	head = good[0]
	assert head.household == {
		"household_code": "370681001001000001",
		"town_name": "东莱街道",
		"village_name": "东关村",
	}
	assert head.member == {
		"member_name": "张三",
		"id_number": GOOD[0],
		"relation": "Head of household",
		"gender": "Male",
		"labour_skill": "Ordinary labour",
	}
	assert head.income == {"net_income": Decimal(12000), "per_capita_income": Decimal(4000)}
	assert head.monitoring == {
		"category": "Marginal household",
		"identified_on": datetime.date(2026, 3, 15),
		"risk_types": ["因病", "因学"],
		"risk_eliminated": False,
		"eliminated_on": None,
		"elimination_method": None,
		"stage": "Under monitoring",
	}
	assert good[1].member["labour_skill"] == "Weak or half labour"  # the national spelling
	eliminated = good[2].monitoring
	assert (eliminated["identified_on"], eliminated["risk_eliminated"], eliminated["eliminated_on"]) == (
		datetime.date(2025, 6, 1),
		True,
		datetime.date(2026, 10, 8),
	)
	assert eliminated["risk_types"] == ["因病"]  # by its code
	assert eliminated["stage"] == "Risk eliminated"
	assert list(households(good)) == ["370681001001000001", "370681001001000002"]


@pytest.mark.parametrize(
	"text, date",
	[
		("2021-06-01", datetime.date(2021, 6, 1)),
		("2021/6/1", datetime.date(2021, 6, 1)),
		("2021.06", datetime.date(2021, 6, 1)),
		("20210601", datetime.date(2021, 6, 1)),
		("2021年6月1日", datetime.date(2021, 6, 1)),
		("2021年6月", datetime.date(2021, 6, 1)),
		(datetime.datetime(2021, 6, 1, 0, 0), datetime.date(2021, 6, 1)),
		(None, None),
	],
)
def test_dates_as_the_exports_write_them(text, date):
	assert parse_date(text) == date


@pytest.mark.parametrize("text", ["2021-13-01", "六月", "2021-6-31"])
def test_what_is_no_date_says_so(text):
	with pytest.raises(PolicyError):
		parse_date(text)


def test_a_file_without_household_numbers_is_no_national_export():
	content = "\n".join(["姓名,证件号码", f"吴一,{GOOD[0]}"]).encode()
	with pytest.raises(PolicyError, match="household number"):
		parse(content, "x.csv")


def test_an_unstable_lifted_household_must_say_which_kind_of_lifted_household_it_is():
	content = "\n".join(
		[
			"户编号,姓名,证件号码,与户主关系,监测对象类别,识别监测时间",
			f"H1,吴一,{GOOD[0]},户主,脱贫不稳定户,2026-01-05",
		]
	).encode()
	good, bad, _notices = parse(content, "x.csv")
	assert good == []
	assert (bad[0].column, bad[0].template) == ("户类型", "empty for an unstable lifted household")
