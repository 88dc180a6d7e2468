"""One government-format worksheet, streamed (openpyxl write-only: memory stays bounded).

Layout, top to bottom: a merged title row; a 填报单位 / 填报日期 line; two header rows where
grouped columns share a merged upper header and ungrouped ones span both rows; the data with a 序号
column; a footer line 填表人 / 审核人 / 联系电话 / (盖章). A4 landscape, the header rows repeated on
every printed page, ID numbers stored as text, and any text that starts with = + - @ stored as
text, never as a formula.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from copy import copy
from dataclasses import dataclass, field
from decimal import Decimal
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

TEXT, ID, DATE, NUMBER, MONEY = "text", "id", "date", "number", "money"
FORMULA_STARTS = ("=", "+", "-", "@")
A4 = 9
HEADER_ROWS = (3, 4)

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center")


@dataclass(frozen=True)
class Column:
	field: str
	label: str
	group: str = ""  # upper header shared by neighbouring columns; empty: the label spans both rows
	width: float = 12
	kind: str = TEXT


@dataclass(frozen=True)
class Layout:
	title: str
	columns: Sequence[Column]
	unit: str = ""
	report_date: str = ""
	unit_label: str = "填报单位"
	date_label: str = "填报日期"
	serial_label: str = "序号"
	footer: Sequence[str] = field(default=("填表人：", "审核人：", "联系电话：", "（盖章）"))
	date_format: str = "yyyy-mm-dd"
	sheet_name: str = "Sheet1"


def safe_text(value: object) -> str:
	return "" if value is None else str(value)


def header_spans(columns: Sequence[Column]) -> list[tuple[str, int, int]]:
	"""(group, first column, last column) for each run of neighbouring columns sharing a group (1-based, after 序号)."""
	spans: list[tuple[str, int, int]] = []
	for index, column in enumerate(columns, start=2):
		if column.group and spans and spans[-1][0] == column.group and spans[-1][2] == index - 1:
			spans[-1] = (column.group, spans[-1][1], index)
		elif column.group:
			spans.append((column.group, index, index))
	return spans


def write_sheet(layout: Layout, rows: Iterable[Mapping], output: BinaryIO | str) -> int:
	"""Write the sheet; returns the number of data rows written."""
	workbook = Workbook(write_only=True)
	sheet = workbook.create_sheet(layout.sheet_name)
	width = len(layout.columns) + 1
	last = get_column_letter(width)

	sheet.page_setup.orientation = "landscape"
	sheet.page_setup.paperSize = A4
	sheet.page_setup.fitToWidth = 1
	sheet.print_title_rows = f"{HEADER_ROWS[0]}:{HEADER_ROWS[1]}"
	sheet.column_dimensions["A"].width = 6
	for index, column in enumerate(layout.columns, start=2):
		sheet.column_dimensions[get_column_letter(index)].width = column.width

	styles: dict[tuple, object] = {}  # one style per combination, copied: styling each cell anew is slow

	def cell(value, font=None, alignment=CENTRE, border=BOX, number_format=None, as_text=False):
		c = WriteOnlyCell(sheet, value=value)
		if as_text and isinstance(value, str):
			c.data_type = "s"
		key = (id(font), id(alignment), border is not None, number_format)
		if key not in styles:
			if font:
				c.font = font
			if alignment:
				c.alignment = alignment
			if border:
				c.border = border
			if number_format:
				c.number_format = number_format
			styles[key] = copy(c._style)
		else:
			c._style = copy(styles[key])
		return c

	# row 1: title
	sheet.merged_cells.add(f"A1:{last}1")
	sheet.append([cell(layout.title, Font(bold=True, size=16), border=None)])
	# row 2: 填报单位 (left half) and 填报日期 (right half)
	middle = max(1, width // 2)
	sheet.merged_cells.add(f"A2:{get_column_letter(middle)}2")
	if middle + 1 <= width:
		sheet.merged_cells.add(f"{get_column_letter(middle + 1)}2:{last}2")
	row2 = [cell(f"{layout.unit_label}：{layout.unit}", alignment=LEFT, border=None, as_text=True)]
	row2 += [None] * (middle - 1)
	row2.append(
		cell(
			f"{layout.date_label}：{layout.report_date}",
			alignment=Alignment(horizontal="right"),
			border=None,
			as_text=True,
		)
	)
	sheet.append(row2)
	# rows 3-4: two-level header
	bold = Font(bold=True)
	upper = [cell(layout.serial_label, bold)]
	lower = [cell(None)]
	sheet.merged_cells.add("A3:A4")
	spans = {first: (group, last_col) for group, first, last_col in header_spans(layout.columns)}
	for index, column in enumerate(layout.columns, start=2):
		letter = get_column_letter(index)
		if column.group:
			upper.append(cell(column.group if index in spans else None, bold))
			lower.append(cell(column.label, bold))
			if index in spans and spans[index][1] > index:
				sheet.merged_cells.add(f"{letter}3:{get_column_letter(spans[index][1])}3")
		else:
			upper.append(cell(column.label, bold))
			lower.append(cell(None))
			sheet.merged_cells.add(f"{letter}3:{letter}4")
	sheet.append(upper)
	sheet.append(lower)

	count = 0
	for count, row in enumerate(rows, start=1):
		values = [cell(count)]
		for column in layout.columns:
			values.append(data_cell(cell, column, row.get(column.field), layout.date_format))
		sheet.append(values)

	# footer
	footer_row = [None] * width
	step = max(1, width // max(1, len(layout.footer)))
	for position, text in enumerate(layout.footer):
		footer_row[min(position * step, width - 1)] = cell(text, alignment=LEFT, border=None, as_text=True)
	sheet.append([])
	sheet.append(footer_row)
	workbook.save(output)
	return count


def data_cell(make, column: Column, value, date_format: str):
	if value is None or value == "":
		return make(None)
	if column.kind == ID:
		return make(safe_text(value), number_format="@", as_text=True, alignment=LEFT)
	if column.kind == DATE and isinstance(value, datetime.date):
		return make(value, number_format=date_format)
	if column.kind in (NUMBER, MONEY) and isinstance(value, int | float | Decimal):
		return make(
			float(value) if isinstance(value, Decimal) else value,
			number_format="#,##0.00" if column.kind == MONEY else "0",
		)
	text = safe_text(value)
	return make(text, as_text=True, alignment=LEFT if len(text) > 6 else CENTRE)
