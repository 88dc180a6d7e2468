"""One government-format worksheet, streamed straight into the .xlsx package.

Layout, top to bottom: a merged title row; a 填报单位 / 填报日期 line; two header rows where
grouped columns share a merged upper header and ungrouped ones span both rows; the data with a 序号
column; a footer line 填表人 / 审核人 / 联系电话 / (盖章). A4 landscape fitted to the page width, the
header rows repeated on every printed page and frozen on screen, page numbers in the page footer.

Cells are written as SpreadsheetML text, row by row, into the zip stream: memory stays flat however
many rows there are, and no per-cell objects are built (a spreadsheet library's cell objects cost more
than the rest of an export together). Text is always stored as text, so an ID number never becomes
1.2E+17 and a value starting with = + - @ is never a formula.
"""

from __future__ import annotations

import datetime
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

TEXT, ID, DATE, NUMBER, MONEY = "text", "id", "date", "number", "money"
A4 = 9
HEADER_ROWS = (3, 4)
MAX_TEXT = 32767  # Excel's limit for one cell
ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
EXCEL_EPOCH = datetime.datetime(1899, 12, 30)
FLUSH_ROWS = 500


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
	# the period a report counts over, stated beside the reporting unit ("" for a roster)
	period: str = ""
	period_label: str = "统计期间"


# A row carrying this key is the totals row (its label, 合计, in its own first column): not numbered.
TOTAL_ROW = "is_total_row"


def period_text(from_date: datetime.date | None, to_date: datetime.date | None) -> str:
	"""统计期间 as the office writes it: 2026年1月1日至2026年12月1日 (open ends say 起 / 止)."""

	def day(value: datetime.date) -> str:
		return f"{value.year}年{value.month}月{value.day}日"

	if from_date and to_date:
		return f"{day(from_date)}至{day(to_date)}"
	if from_date:
		return f"{day(from_date)}起"
	if to_date:
		return f"截至{day(to_date)}"
	return ""


def header_spans(columns: Sequence[Column]) -> list[tuple[str, int, int]]:
	"""(group, first column, last column) for each run of neighbouring columns sharing a group (1-based, after 序号)."""
	spans: list[tuple[str, int, int]] = []
	for index, column in enumerate(columns, start=2):
		if column.group and spans and spans[-1][0] == column.group and spans[-1][2] == index - 1:
			spans[-1] = (column.group, spans[-1][1], index)
		elif column.group:
			spans.append((column.group, index, index))
	return spans


def column_letter(index: int) -> str:
	letters = ""
	while index:
		index, remainder = divmod(index - 1, 26)
		letters = chr(65 + remainder) + letters
	return letters


# Cell formats, by position in styles.xml <cellXfs> (see _styles).
(
	S_DEFAULT,
	S_TITLE,
	S_UNIT,
	S_DATE_LINE,
	S_HEADER,
	S_CENTRE,
	S_LEFT,
	S_ID,
	S_DATE,
	S_NUMBER,
	S_MONEY,
	S_FOOTER,
) = range(12)
KIND_STYLE = {ID: S_ID, DATE: S_DATE, NUMBER: S_NUMBER, MONEY: S_MONEY}


def text_cell(ref: str, value: str, style: int) -> str:
	value = ILLEGAL_XML.sub("", value)[:MAX_TEXT]
	space = ' xml:space="preserve"' if value != value.strip() else ""
	return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{escape(value)}</t></is></c>'


def number_cell(ref: str, value: float | int, style: int) -> str:
	return f'<c r="{ref}" s="{style}"><v>{value!r}</v></c>'


def excel_serial(value: datetime.date) -> float | int:
	if isinstance(value, datetime.datetime):
		delta = value.replace(tzinfo=None) - EXCEL_EPOCH
		return delta.days + delta.seconds / 86400
	return (value - EXCEL_EPOCH.date()).days


def data_cell(ref: str, column: Column, value) -> str:
	if value is None or value == "":
		return f'<c r="{ref}" s="{S_CENTRE}"/>'
	kind = column.kind
	if kind == DATE and isinstance(value, datetime.date):
		return number_cell(ref, excel_serial(value), S_DATE)
	if kind in (NUMBER, MONEY) and isinstance(value, int | float | Decimal) and not isinstance(value, bool):
		return number_cell(ref, float(value) if isinstance(value, Decimal) else value, KIND_STYLE[kind])
	text = str(value)
	if kind == ID:
		return text_cell(ref, text, S_ID)
	return text_cell(ref, text, S_LEFT if len(text) > 6 else S_CENTRE)


def write_sheet(layout: Layout, rows: Iterable[Mapping], output: BinaryIO | str) -> int:
	"""Write the workbook; returns the number of data rows written."""
	columns = list(layout.columns)
	width = len(columns) + 1
	letters = [column_letter(i) for i in range(1, width + 1)]
	last = letters[-1]
	merges = [f"A1:{last}1", "A3:A4"]

	with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as package:
		for name, content in _package_parts(layout).items():
			package.writestr(name, content)
		with package.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
			sheet.write(_sheet_start(layout, letters).encode())

			head = [f'<row r="1" ht="32" customHeight="1">{text_cell("A1", layout.title, S_TITLE)}</row>']
			# row 2: 填报单位 over the left half, 填报日期 over the right half
			middle = max(1, width // 2)
			unit = f"{layout.unit_label}：{layout.unit}"
			if layout.period:
				unit += f"　　{layout.period_label}：{layout.period}"
			line = [text_cell("A2", unit, S_UNIT)]
			if middle > 1:
				merges.append(f"A2:{letters[middle - 1]}2")
			if middle < width:
				line.append(
					text_cell(
						f"{letters[middle]}2", f"{layout.date_label}：{layout.report_date}", S_DATE_LINE
					)
				)
				if middle + 1 < width:
					merges.append(f"{letters[middle]}2:{last}2")
			head.append(f'<row r="2" ht="20" customHeight="1">{"".join(line)}</row>')
			# rows 3-4: two-level header; every cell of a merged range carries the border
			spans = {first: last_col for _group, first, last_col in header_spans(columns)}
			upper = [text_cell("A3", layout.serial_label, S_HEADER)]
			lower = [f'<c r="A4" s="{S_HEADER}"/>']
			for index, column in enumerate(columns, start=2):
				letter = letters[index - 1]
				if column.group:
					if index in spans:
						upper.append(text_cell(f"{letter}3", column.group, S_HEADER))
						if spans[index] > index:
							merges.append(f"{letter}3:{letters[spans[index] - 1]}3")
					else:
						upper.append(f'<c r="{letter}3" s="{S_HEADER}"/>')
					lower.append(text_cell(f"{letter}4", column.label, S_HEADER))
				else:
					upper.append(text_cell(f"{letter}3", column.label, S_HEADER))
					lower.append(f'<c r="{letter}4" s="{S_HEADER}"/>')
					merges.append(f"{letter}3:{letter}4")
			head.append(f'<row r="3" ht="24" customHeight="1">{"".join(upper)}</row>')
			head.append(f'<row r="4" ht="30" customHeight="1">{"".join(lower)}</row>')
			sheet.write("".join(head).encode())

			count = 0
			buffer: list[str] = []
			fields = [(letters[i], column, column.field) for i, column in enumerate(columns, start=1)]
			number = 4
			for row in rows:
				number += 1
				if row.get(TOTAL_ROW):
					cells = [f'<c r="A{number}" s="{S_CENTRE}"/>']
				else:
					count += 1
					cells = [number_cell(f"A{number}", count, S_CENTRE)]
				cells += [
					data_cell(f"{letter}{number}", column, row.get(name)) for letter, column, name in fields
				]
				buffer.append(f'<row r="{number}">{"".join(cells)}</row>')
				if len(buffer) >= FLUSH_ROWS:
					sheet.write("".join(buffer).encode())
					buffer.clear()

			# a blank row, then the footer items spread along one row
			footer_row = number + 2
			step = max(1, width // max(1, len(layout.footer)))
			placed: dict[int, str] = {}
			for position, text in enumerate(layout.footer):
				placed.setdefault(min(position * step, width - 1), text)
			footer = "".join(
				text_cell(f"{letters[i]}{footer_row}", text, S_FOOTER) for i, text in sorted(placed.items())
			)
			buffer.append(f'<row r="{footer_row}">{footer}</row>')
			sheet.write("".join(buffer).encode())
			sheet.write(_sheet_end(merges).encode())
	return count


def _sheet_start(layout: Layout, letters: list[str]) -> str:
	widths = [6.0] + [float(column.width or 12) for column in layout.columns]
	cols = "".join(
		f'<col min="{i}" max="{i}" width="{width:g}" customWidth="1"/>'
		for i, width in enumerate(widths, start=1)
	)
	return (
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
		'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
		'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
		'<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
		'<sheetViews><sheetView workbookViewId="0">'
		'<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/>'
		"</sheetView></sheetViews>"
		'<sheetFormatPr defaultRowHeight="18"/>'
		f"<cols>{cols}</cols><sheetData>"
	)


def _sheet_end(merges: list[str]) -> str:
	merged = "".join(f'<mergeCell ref="{ref}"/>' for ref in merges)
	return (
		f'</sheetData><mergeCells count="{len(merges)}">{merged}</mergeCells>'
		'<printOptions horizontalCentered="1"/>'
		'<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
		f'<pageSetup paperSize="{A4}" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
		"<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>"
		"</worksheet>"
	)


def _package_parts(layout: Layout) -> dict[str, str]:
	main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	package_rel = "http://schemas.openxmlformats.org/package/2006/relationships"
	office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
	sheet_name = re.sub(r"[\\/?*:\[\]]", "_", layout.sheet_name)[:31] or "Sheet1"
	quoted = "'" + sheet_name.replace("'", "''") + "'"
	xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
	return {
		"[Content_Types].xml": xml
		+ '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
		'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
		'<Default Extension="xml" ContentType="application/xml"/>'
		f'<Override PartName="/xl/workbook.xml" ContentType="{office}.sheet.main+xml"/>'
		f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{office}.worksheet+xml"/>'
		f'<Override PartName="/xl/styles.xml" ContentType="{office}.styles+xml"/>'
		"</Types>",
		"_rels/.rels": xml + f'<Relationships xmlns="{package_rel}">'
		f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
		"</Relationships>",
		"xl/_rels/workbook.xml.rels": xml + f'<Relationships xmlns="{package_rel}">'
		f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
		f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/>'
		"</Relationships>",
		"xl/workbook.xml": xml + f'<workbook xmlns="{main}" xmlns:r="{rel}">'
		f'<sheets><sheet name={quoteattr(sheet_name)} sheetId="1" r:id="rId1"/></sheets>'
		'<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'
		f"{escape(quoted)}!${HEADER_ROWS[0]}:${HEADER_ROWS[1]}</definedName></definedNames>"
		"</workbook>",
		"xl/styles.xml": xml + _styles(layout.date_format),
	}


def _styles(date_format: str) -> str:
	border = '<left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/>'

	def xf(font=0, border_id=0, number=0, horizontal=None, wrap=False):
		align = ""
		if horizontal:
			wrap_text = ' wrapText="1"' if wrap else ""
			align = f'<alignment horizontal="{horizontal}" vertical="center"{wrap_text}/>'
		return (
			f'<xf numFmtId="{number}" fontId="{font}" fillId="0" borderId="{border_id}" xfId="0"'
			f' applyFont="1" applyBorder="1" applyNumberFormat="1" applyAlignment="1">{align}</xf>'
		)

	cell_formats = [
		xf(),  # S_DEFAULT
		xf(font=2, horizontal="center"),  # S_TITLE
		xf(horizontal="left"),  # S_UNIT
		xf(horizontal="right"),  # S_DATE_LINE
		xf(font=1, border_id=1, horizontal="center", wrap=True),  # S_HEADER
		xf(border_id=1, horizontal="center"),  # S_CENTRE
		xf(border_id=1, horizontal="left"),  # S_LEFT
		xf(border_id=1, number=49, horizontal="left"),  # S_ID: text format "@"
		xf(border_id=1, number=164, horizontal="center"),  # S_DATE
		xf(border_id=1, number=1, horizontal="center"),  # S_NUMBER: "0"
		xf(border_id=1, number=165, horizontal="right"),  # S_MONEY
		xf(horizontal="left"),  # S_FOOTER
	]
	return (
		'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
		f'<numFmts count="2"><numFmt numFmtId="164" formatCode={quoteattr(date_format)}/>'
		'<numFmt numFmtId="165" formatCode="#,##0.00"/></numFmts>'
		'<fonts count="3">'
		'<font><sz val="11"/><name val="宋体"/><charset val="134"/></font>'
		'<font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font>'
		'<font><b/><sz val="16"/><name val="宋体"/><charset val="134"/></font>'
		"</fonts>"
		'<fills count="2"><fill><patternFill patternType="none"/></fill>'
		'<fill><patternFill patternType="gray125"/></fill></fills>'
		f'<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>{border}</border></borders>'
		'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
		f'<cellXfs count="{len(cell_formats)}">{"".join(cell_formats)}</cellXfs>'
		'<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
		"</styleSheet>"
	)
