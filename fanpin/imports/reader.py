"""Rows of the first sheet of an .xlsx, .xls or .csv file.

Spreadsheets are read by calamine (Rust, python-calamine) where it can read them: about eight
times faster than openpyxl on a county's file. What calamine cannot open is read by openpyxl
(.xlsx, streamed) or xlrd (.xls), so each reader gives the same rows: blank cells are None, whole
numbers below 15 digits are ints, and a number of more digits stays a float, so that the row
parser can tell an ID number Excel stored as a number (and so lost its last digits).
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from fanpin.policy.messages import PolicyError, _

Row = tuple[int, list]  # (1-based row number as the office sees it, cells)


XLSX, XLS, CSV = "xlsx", "xls", "csv"

# What a department file may be: real monthly lists are a few MB and some ten thousand rows.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 300 * 1024 * 1024  # an .xlsx is a zip: its contents, unpacked
MAX_ROWS = 300_000


@dataclass(frozen=True)
class Limits:
	"""How large a file one kind of import takes (a department list, or a county's national export)."""

	file_bytes: int
	unpacked_bytes: int
	rows: int
	kind: str = "a department file"  # what the refusals call such a file


# A county's national export: 150,000 households are some 450,000 member rows, one file.
NATIONAL = Limits(
	file_bytes=400 * 1024 * 1024,
	unpacked_bytes=4 * 1024 * 1024 * 1024,
	rows=1_500_000,
	kind=_("a national export"),
)


def department_limits() -> Limits:
	return Limits(MAX_FILE_BYTES, MAX_UNPACKED_BYTES, MAX_ROWS, _("a department file"))


def check_size(content: bytes, filename: str, limits: Limits | None = None) -> None:
	"""Refuse a file too large to be a department list, or a zip that unpacks to far more than it is."""
	limits = limits or department_limits()
	if len(content) > limits.file_bytes:
		raise PolicyError(
			_("{0} is {1} MB; {3} may be at most {2} MB"),
			filename,
			round(len(content) / 1024 / 1024, 1),
			limits.file_bytes // 1024 // 1024,
			limits.kind,
		)
	if file_kind(content, filename) != XLSX:
		return
	try:
		unpacked = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(content)).infolist())
	except zipfile.BadZipFile as error:
		raise PolicyError(_("The spreadsheet cannot be opened: {0}"), str(error)) from error
	if unpacked > limits.unpacked_bytes:
		raise PolicyError(
			_("{0} unpacks to {1} MB; {3} may unpack to at most {2} MB"),
			filename,
			unpacked // 1024 // 1024,
			limits.unpacked_bytes // 1024 // 1024,
			limits.kind,
		)


def check_row_count(rows: Iterator[Row], most: int | None = None) -> Iterator[Row]:
	most = most or MAX_ROWS
	for number, cells in rows:
		if number > most:
			raise PolicyError(_("The file has more than {0} rows; split it into smaller files"), most)
		yield number, cells


def file_kind(content: bytes, filename: str) -> str:
	"""What the file is, by its name or, for a misnamed spreadsheet, by its first bytes."""
	name = (filename or "").lower()
	if name.endswith(".xlsx") or content[:2] == b"PK":
		return XLSX
	if name.endswith(".xls") or content[:4] == b"\xd0\xcf\x11\xe0":
		return XLS
	if name.endswith((".csv", ".txt")):
		return CSV
	raise PolicyError(_("{0} is not an .xlsx, .xls or .csv file"), filename)


def read_rows(content: bytes, filename: str, limits: Limits | None = None) -> Iterator[Row]:
	limits = limits or department_limits()
	check_size(content, filename, limits)
	return check_row_count(
		{XLSX: _xlsx_rows, XLS: _xls_rows, CSV: _csv_rows}[file_kind(content, filename)](content),
		limits.rows,
	)


def count_rows(content: bytes, filename: str) -> int:
	"""A cheap estimate of the number of rows, for progress."""
	kind = file_kind(content, filename)
	if kind == CSV:
		return content.count(b"\n") + 1
	sheet = calamine_sheet(content)
	if sheet is not None:
		return sheet.end[0] + 1 if sheet.end else 0
	if kind == XLSX:
		from openpyxl import load_workbook

		workbook = load_workbook(io.BytesIO(content), read_only=True)
		try:
			return workbook.worksheets[0].max_row or 0
		finally:
			workbook.close()
	import xlrd

	# .xls files are small (65,536 rows at most): opening one twice costs little
	return xlrd.open_workbook(file_contents=content, on_demand=True).sheet_by_index(0).nrows


# The sheet last opened, with the file it came from: counting the rows for the progress bar and then
# reading them opens the file once. Dropped when its rows have been read.
_opened: list = []


def calamine_sheet(content: bytes):
	"""The first sheet as calamine reads it, or None where calamine is missing or cannot read it."""
	if _opened and _opened[0] is content:
		return _opened[1]
	try:
		from python_calamine import CalamineWorkbook
	except ImportError:
		return None
	try:
		sheet = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0)
	except Exception:  # any file calamine refuses goes to openpyxl / xlrd, which say why
		return None
	_opened[:] = [content, sheet]
	return sheet


def _calamine_rows(sheet) -> Iterator[Row]:
	# calamine counts rows from the top of the sheet but columns from the first one used
	padding = [None] * (sheet.start[1] if sheet.start else 0)
	try:
		for number, values in enumerate(sheet.iter_rows(), start=1):
			yield number, padding + [_calamine_cell(value) for value in values]
	finally:
		_opened.clear()


def _calamine_cell(value):
	kind = type(value)
	if kind is str:
		return value or None
	if kind is float:
		return int(value) if value.is_integer() and abs(value) < 1e15 else value
	if kind is datetime.date:  # openpyxl gives a date cell as a datetime: so does this reader
		return datetime.datetime(value.year, value.month, value.day)
	return value


def _spreadsheet_rows(content: bytes, fallback) -> Iterator[Row]:
	sheet = calamine_sheet(content)
	return _calamine_rows(sheet) if sheet is not None else fallback(content)


def _xlsx_rows(content: bytes) -> Iterator[Row]:
	return _spreadsheet_rows(content, _openpyxl_rows)


def _xls_rows(content: bytes) -> Iterator[Row]:
	return _spreadsheet_rows(content, _xlrd_rows)


def _openpyxl_rows(content: bytes) -> Iterator[Row]:
	from openpyxl import load_workbook
	from openpyxl.utils.exceptions import InvalidFileException

	try:
		workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
	except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
		raise PolicyError(_("The spreadsheet cannot be opened: {0}"), str(error)) from error
	try:
		for number, values in enumerate(workbook.worksheets[0].iter_rows(values_only=True), start=1):
			yield number, list(values)
	finally:
		workbook.close()


def _xlrd_rows(content: bytes) -> Iterator[Row]:
	import xlrd

	try:
		sheet = xlrd.open_workbook(file_contents=content, on_demand=True).sheet_by_index(0)
	except xlrd.XLRDError as error:
		raise PolicyError(_("The spreadsheet cannot be opened: {0}"), str(error)) from error
	for index in range(sheet.nrows):
		cells = []
		for cell in sheet.row(index):
			if cell.ctype == xlrd.XL_CELL_EMPTY:
				cells.append(None)
			elif cell.ctype == xlrd.XL_CELL_NUMBER:
				value = cell.value
				# Whole numbers become ints, except past 15 digits where Excel has already lost precision:
				# those stay floats so the row parser can say what happened to the ID number.
				cells.append(int(value) if value.is_integer() and abs(value) < 1e15 else value)
			else:
				cells.append(cell.value)
		yield index + 1, cells


def decode_text(content: bytes) -> str:
	"""UTF-8 (with or without BOM), else GB18030 (a superset of GBK and GB2312)."""
	try:
		return content.decode("utf-8-sig")
	except UnicodeDecodeError:
		return content.decode("gb18030")


def _csv_rows(content: bytes) -> Iterator[Row]:
	text = decode_text(content)
	yield from enumerate(csv.reader(io.StringIO(text)), start=1)
