import datetime
import io
from decimal import Decimal

from openpyxl import load_workbook

from fanpin.exports.sheet import (
	DATE,
	ID,
	MONEY,
	TOTAL_ROW,
	Column,
	Layout,
	header_spans,
	period_text,
	write_sheet,
)

LAYOUT = Layout(
	title="龙口市防止返贫监测对象花名册",
	unit="东莱街道",
	report_date="2026年11月29日",
	columns=[
		Column("town", "镇街区", width=14),
		Column("village", "村/社区", width=14),
		Column("head_name", "姓名", group="户主信息", width=10),
		Column("id_number", "证件号码", group="户主信息", width=22, kind=ID),
		Column("category", "监测对象类别", width=16),
		Column("identified_on", "纳入日期", kind=DATE),
		Column("income", "人均纯收入", kind=MONEY),
		Column("note", "备注", width=20),
	],
)
ROWS = [
	{
		"town": "东莱街道",
		"village": "东关社区",
		"head_name": "张三",
		"id_number": "370681196005171234",
		"category": "边缘易致贫户",
		"identified_on": datetime.date(2021, 6, 15),
		"income": Decimal("5466.83"),
		"note": '=HYPERLINK("x")',
	},
	{
		"town": "东莱街道",
		"village": "西张家村",
		"head_name": "李四",
		"id_number": "37068119600517123X",
		"category": "脱贫不稳定户",
		"identified_on": None,
		"income": 7000,
		"note": "-5",
	},
]


def produced():
	buffer = io.BytesIO()
	assert write_sheet(LAYOUT, ROWS, buffer) == 2
	return load_workbook(io.BytesIO(buffer.getvalue())).active


def test_title_unit_and_date_lines():
	sheet = produced()
	assert sheet["A1"].value == "龙口市防止返贫监测对象花名册"
	assert sheet["A2"].value == "填报单位：东莱街道"
	merged = {str(r) for r in sheet.merged_cells.ranges}
	assert "A1:I1" in merged
	assert any(r.startswith("A2:") for r in merged)
	assert any(
		sheet[r.split(":")[0]].value == "填报日期：2026年11月29日"
		for r in merged
		if r.endswith("2") and not r.startswith("A")
	)


def test_two_level_header_with_serial_column():
	sheet = produced()
	merged = {str(r) for r in sheet.merged_cells.ranges}
	assert sheet["A3"].value == "序号" and "A3:A4" in merged
	assert sheet["B3"].value == "镇街区" and "B3:B4" in merged
	assert sheet["D3"].value == "户主信息" and "D3:E3" in merged
	assert (sheet["D4"].value, sheet["E4"].value) == ("姓名", "证件号码")
	assert header_spans(LAYOUT.columns) == [("户主信息", 4, 5)]


def test_data_ids_as_text_formulas_escaped_serials():
	sheet = produced()
	assert [sheet["A5"].value, sheet["A6"].value] == [1, 2]
	assert sheet["E5"].value == "370681196005171234" and sheet["E5"].data_type == "s"
	assert sheet["E5"].number_format == "@"
	assert sheet["E6"].value == "37068119600517123X"
	assert sheet["I5"].value == '=HYPERLINK("x")' and sheet["I5"].data_type == "s"
	assert sheet["I6"].value == "-5" and sheet["I6"].data_type == "s"
	assert sheet["G5"].value.date() == datetime.date(2021, 6, 15)
	assert sheet["H5"].value == 5466.83 and sheet["H5"].number_format == "#,##0.00"


def test_footer_and_print_setup():
	sheet = produced()
	footer = [c.value for c in sheet[8] if c.value]
	assert footer == ["填表人：", "审核人：", "联系电话：", "（盖章）"]
	assert sheet.page_setup.orientation == "landscape"
	assert sheet.page_setup.paperSize == 9
	assert sheet.print_title_rows == "$3:$4"
	assert sheet.column_dimensions["E"].width == 22


def write(layout, rows):
	buffer = io.BytesIO()
	count = write_sheet(layout, rows, buffer)
	return count, buffer.getvalue()


def test_every_part_is_well_formed_xml():
	import zipfile
	from xml.etree import ElementTree

	_count, content = write(LAYOUT, ROWS)
	with zipfile.ZipFile(io.BytesIO(content)) as package:
		names = package.namelist()
		assert "xl/worksheets/sheet1.xml" in names and "[Content_Types].xml" in names
		for name in names:
			ElementTree.fromstring(package.read(name))


def test_awkward_text_survives():
	layout = Layout(title="标题 & <测试>", columns=[Column("note", "备注"), Column("n", "数", kind=MONEY)])
	rows = [
		{"note": "a & b < c > d \"e\" 'f'", "n": True},
		{"note": "控制\x01字符\x1f去掉", "n": Decimal("0.1")},
		{"note": "  前后空格  ", "n": None},
		{"note": "长" * 40000, "n": -3},
	]
	count, content = write(layout, rows)
	sheet = load_workbook(io.BytesIO(content)).active
	assert count == 4
	assert sheet["A1"].value == "标题 & <测试>"
	assert sheet["B5"].value == "a & b < c > d \"e\" 'f'"
	assert sheet["C5"].value == "True"  # a flag is not an amount
	assert sheet["B6"].value == "控制字符去掉"
	assert sheet["C6"].value == 0.1
	assert sheet["B7"].value == "  前后空格  "
	assert len(sheet["B8"].value) == 32767  # Excel's limit for one cell
	assert sheet["C8"].value == -3


def test_no_rows_still_gives_the_headed_form():
	count, content = write(LAYOUT, [])
	sheet = load_workbook(io.BytesIO(content)).active
	assert count == 0
	assert sheet["A3"].value == "序号"
	assert [c.value for c in sheet[6] if c.value] == ["填表人：", "审核人：", "联系电话：", "（盖章）"]


def test_dates_follow_the_layout_format():
	layout = Layout(
		title="t",
		columns=[Column("d", "日期", kind=DATE), Column("t", "时间", kind=DATE)],
		date_format='yyyy"年"m"月"d"日"',
	)
	_count, content = write(
		layout, [{"d": datetime.date(2026, 3, 5), "t": datetime.datetime(2026, 3, 5, 12, 0)}]
	)
	sheet = load_workbook(io.BytesIO(content)).active
	assert sheet["B5"].value == datetime.datetime(2026, 3, 5)
	assert sheet["B5"].number_format == 'yyyy"年"m"月"d"日"'
	assert sheet["C5"].value == datetime.datetime(2026, 3, 5, 12, 0)


def test_a_long_generator_is_written_in_full():
	# rows come from a generator, consumed once, front to back
	produced = []

	def rows():
		for i in range(30_000):
			produced.append(i)
			yield {"town": "东莱街道", "head_name": f"户{i}", "id_number": f"37068119600517{i % 10000:04d}"}

	count, content = write(LAYOUT, rows())
	assert count == 30_000 and len(produced) == 30_000
	sheet = load_workbook(io.BytesIO(content), read_only=True).active
	last = next(sheet.iter_rows(min_row=30_004, max_row=30_004, values_only=True))
	assert last[0] == 30_000 and last[3] == "户29999"


def test_totals_row_is_labelled_not_numbered_and_the_period_stated():
	layout = Layout(
		title="防止返贫监测工作统计表",
		unit="龙口市",
		report_date="2026年12月1日",
		period=period_text(datetime.date(2026, 1, 1), datetime.date(2026, 12, 1)),
		columns=[Column("town_name", "镇街区"), Column("monitored", "合计", kind=MONEY)],
	)
	rows = [
		{"town_name": "东莱街道", "monitored": 3},
		{"town_name": "北马镇", "monitored": 2},
		{"town_name": "合计", "monitored": 5, TOTAL_ROW: 1},
	]
	buffer = io.BytesIO()
	assert write_sheet(layout, rows, buffer) == 2  # the totals row is not a data row
	sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
	assert sheet["A2"].value == "填报单位：龙口市　　统计期间：2026年1月1日至2026年12月1日"
	assert [sheet["A5"].value, sheet["A6"].value, sheet["A7"].value] == [1, 2, None]
	assert (sheet["B7"].value, sheet["C7"].value) == ("合计", 5)
	assert sheet["A9"].value == "填表人："  # the footer still follows one blank row


def test_period_text_open_ends():
	assert period_text(None, None) == ""
	assert period_text(datetime.date(2026, 1, 1), None) == "2026年1月1日起"
	assert period_text(None, datetime.date(2026, 3, 5)) == "截至2026年3月5日"
