"""Every spreadsheet reader gives the same rows: calamine where it reads the file, openpyxl and
xlrd where it cannot."""

import io

import pytest
from messy_files import merged_header_xlsx, messy_xls, messy_xlsx

from fanpin.imports import reader


def offset_xlsx() -> bytes:
	"""A sheet whose first rows and columns are empty, with a 15-digit number and a date."""
	import datetime

	from openpyxl import Workbook

	wb = Workbook()
	ws = wb.active
	ws["C3"] = "姓名"
	ws["D3"] = "身份证号码"
	ws["C4"] = "吴一"
	ws["D4"] = 370681600301011
	ws["E4"] = datetime.date(2021, 6, 1)
	ws["D5"] = 3.70681196005171e17
	buffer = io.BytesIO()
	wb.save(buffer)
	return buffer.getvalue()


def trimmed(rows):
	"""Rows without the blank cells at their ends (readers pad rows to different widths)."""
	out = []
	for number, cells in rows:
		while cells and cells[-1] is None:
			cells = cells[:-1]
		out.append((number, cells))
	while out and not out[-1][1]:
		out.pop()
	return out


@pytest.mark.parametrize(
	"content, filename",
	[
		(messy_xlsx(), "a.xlsx"),
		(merged_header_xlsx(), "b.xlsx"),
		(merged_header_xlsx(rows_deep=3), "c.xlsx"),
		(offset_xlsx(), "d.xlsx"),
		(messy_xls(), "e.xls"),
	],
)
def test_calamine_reads_what_openpyxl_and_xlrd_read(content, filename, monkeypatch):
	assert reader.calamine_sheet(content) is not None
	fast = trimmed(reader.read_rows(content, filename))
	monkeypatch.setattr(reader, "calamine_sheet", lambda content: None)
	slow = trimmed(reader.read_rows(content, filename))
	assert fast == slow
	assert fast


def test_numbers_keep_what_the_row_parser_needs():
	rows = dict(trimmed(reader.read_rows(offset_xlsx(), "d.xlsx")))
	assert rows[3] == [None, None, "姓名", "身份证号码"]
	assert rows[4][3] == 370681600301011 and isinstance(rows[4][3], int)
	assert isinstance(rows[5][3], float)  # 18 digits stored as a number: its last digits are gone


def test_counting_then_reading_opens_the_file_once():
	content = messy_xlsx()
	assert reader.count_rows(content, "a.xlsx") == 13
	assert reader._opened and reader._opened[0] is content
	assert len(list(reader.read_rows(content, "a.xlsx"))) == 13
	assert not reader._opened
