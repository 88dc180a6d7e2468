import datetime
from decimal import Decimal

import pytest
from messy_files import GOOD, merged_header_xlsx, messy_csv, messy_xls, messy_xlsx, unmapped_money_csv

from fanpin.imports.reader import read_rows
from fanpin.imports.warning_rows import (
	ColumnNotice,
	RowError,
	WarningRow,
	header_lookup,
	parse_rows,
	warning_key,
)
from fanpin.policy.messages import PolicyError


def parse(content, filename, custom=None):
	results = list(parse_rows(read_rows(content, filename), header_lookup(custom)))
	return [r for r in results if isinstance(r, WarningRow)], [r for r in results if isinstance(r, RowError)]


def test_messy_xlsx_two_row_header_title_totals_and_bad_rows():
	good, bad = parse(messy_xlsx(), "低保.xlsx")
	assert [(r.row_number, r.person_name, r.id_number, r.amount) for r in good] == [
		(5, "张三", GOOD[0], Decimal(560)),
		(6, "李四", GOOD[1], Decimal(1200)),
	]
	assert good[0].area_text == "东莱街道"
	assert good[0].details == "因病"
	reasons = {e.row_number: e.template for e in bad}
	assert set(reasons) == {7, 8, 9, 10}
	assert "stored as a number" in reasons[7]
	assert "scientific notation" in reasons[8]
	assert "check digit" in reasons[9]
	assert "not a number" in reasons[10]


def test_xls_with_numbers():
	good, bad = parse(messy_xls(), "医保.xls")
	assert [(r.row_number, r.person_name, r.id_number) for r in good] == [(3, "钱一", GOOD[0])]
	assert good[0].amount == Decimal("52000.5")
	assert [e.row_number for e in bad] == [4]  # the 18-digit number lost its check digit


@pytest.mark.parametrize(
	"encoding, bom", [("gbk", False), ("gb18030", False), ("utf-8", True), ("utf-8", False)]
)
def test_csv_in_any_encoding(encoding, bom):
	good, bad = parse(messy_csv(encoding=encoding, bom=bom), "残联.csv")
	assert [(r.row_number, r.person_name, r.id_number, r.details) for r in good] == [
		(4, "刘一", GOOD[0], "肢体一级"),
		(5, "刘二", GOOD[1], "视力二级"),
	]
	assert bad == []


def test_department_mapping_names_unusual_headers():
	content = "\n".join(["人员,证照编码,村别", f"吴一,{GOOD[0]},前村"]).encode("utf-8")
	with pytest.raises(PolicyError):
		parse(content, "x.csv")
	good, _bad = parse(
		content, "x.csv", {"证照编码": "id_number", "人员": "person_name", "村别": "area_text"}
	)
	assert [(r.person_name, r.id_number, r.area_text) for r in good] == [("吴一", GOOD[0], "前村")]


def test_unknown_file_type():
	with pytest.raises(PolicyError):
		list(read_rows(b"hello", "notes.docx"))


def test_warning_key_ignores_nothing_that_matters():
	month = datetime.date(2021, 6, 1)
	key = warning_key("民政局", "新增低保", month, GOOD[0])
	assert key == warning_key("民政局", "新增低保", month, GOOD[0])
	assert key != warning_key("民政局", "临时救助", month, GOOD[0])
	assert key != warning_key("民政局", "新增低保", datetime.date(2021, 7, 1), GOOD[0])


def notices(content, filename, custom=None):
	return [
		(n.template, n.args)
		for n in parse_rows(read_rows(content, filename), header_lookup(custom))
		if isinstance(n, ColumnNotice)
	]


@pytest.mark.parametrize("rows_deep", [2, 3])
def test_a_merged_header_below_a_reporting_unit_line_is_one_header(rows_deep):
	"""The second (and third) row of a merged header is header, not a row without an ID number, and
	月保障金额（元） is the amount; the one data row without an ID number is reported as such."""
	good, bad = parse(merged_header_xlsx(rows_deep=rows_deep), "低保.xlsx")
	first = 4 if rows_deep == 2 else 6
	assert [(r.row_number, r.person_name, r.id_number, r.amount) for r in good] == [
		(first, "张三", GOOD[0], Decimal(560)),
		(first + 2, "王五", GOOD[1], Decimal(1200)),
	]
	assert [e.row_number for e in bad] == [first + 1]
	assert notices(merged_header_xlsx(rows_deep=rows_deep), "低保.xlsx") == [
		("columns not imported: {0}", ("救助类别",))
	]


def test_a_money_column_no_field_takes_is_reported_not_stored_as_nothing():
	good, bad = parse(unmapped_money_csv(), "x.csv")
	assert [(r.person_name, r.amount) for r in good] == [("吴一", None)] and bad == []
	said = notices(unmapped_money_csv(), "x.csv")
	assert said[0][1] == ("发放标准（元/月）",) and "amount" in said[0][0]
	assert said[1] == ("columns not imported: {0}", ("联系电话",))
	# mapped by the department, it is read
	good, _bad = parse(unmapped_money_csv(), "x.csv", {"发放标准（元/月）": "amount"})
	assert good[0].amount == Decimal(300)
	assert notices(unmapped_money_csv(), "x.csv", {"发放标准（元/月）": "amount"}) == [
		("columns not imported: {0}", ("联系电话",))
	]


def test_a_heading_ending_in_a_known_name_is_that_field_only_for_specific_names():
	content = "\n".join(["成员姓名,户主身份证号码,本月救助金额,救助类别", f"吴一,{GOOD[0]},50,临时救助"])
	good, _bad = parse(content.encode(), "x.csv")
	assert [(r.person_name, r.id_number, r.amount, r.warning_type) for r in good] == [
		("吴一", GOOD[0], Decimal(50), "")
	]
