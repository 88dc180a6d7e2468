"""Department warning lists as offices really send them (SPEC §5).

Title rows and 填报单位 lines above the header, two-row merged headers, 合计 and signature rows
below the data, ID numbers Excel turned into numbers, stray spaces: the header is found by name
(built-in synonyms, plus the department's own mapping), every data row is validated, and bad rows
come back with their row number and reason while good rows go on.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from fanpin.policy.idcard import parse_id_number
from fanpin.policy.messages import PolicyError, _

SYNONYMS: dict[str, tuple[str, ...]] = {
	"id_number": ("身份证号", "身份证号码", "证件号码", "公民身份号码", "身份证", "证件号", "居民身份证号码"),
	"person_name": (
		"姓名",
		"户主姓名",
		"救助对象姓名",
		"救助对象",
		"患者姓名",
		"学生姓名",
		"人员姓名",
		"对象姓名",
		"名字",
	),
	"area_text": (
		"地址",
		"家庭住址",
		"住址",
		"所在村",
		"村居",
		"村（社区）",
		"村(社区)",
		"所属镇街",
		"所在镇街",
		"镇街",
		"乡镇",
		"户籍地址",
		"现住址",
		"所在镇街区",
	),
	"amount": (
		"金额",
		"救助金额",
		"医疗费用",
		"自付金额",
		"个人自付",
		"个人自付金额",
		"费用",
		"补助金额",
		"总费用",
		"保障金额",
		"月保障金额",
		"保障金",
		"发放金额",
	),
	"details": (
		"备注",
		"情况说明",
		"预警原因",
		"原因",
		"说明",
		"病种",
		"致困原因",
		"罪名",
		"残疾类别",
		"残疾等级",
		"就读学校",
	),
	"warning_type": ("预警类型", "预警类别", "类别", "类型"),
}
HEADER_SEARCH_ROWS = 20
HEADER_BAND_ROWS = 3  # a header may be up to three rows deep (merged group headings above)
# Fields whose names are specific enough to be found at the end of a longer heading: 月保障金额 is an
# amount, 成员姓名 a name, 户主身份证号码 an ID number (but 救助类别 is no warning type).
SUFFIX_FIELDS = ("id_number", "person_name", "amount")
MONEY_WORDS = ("金额", "费用", "元", "补助", "救助金", "保障金", "资金")
IGNORED_COLUMNS = ("序号", "编号", "顺序号")
TOTAL_WORDS = ("合计", "总计", "小计")
FOOTER_WORDS = ("填表人", "制表人", "审核人", "负责人", "联系电话", "填报人", "盖章")
MARKER_WORDS = TOTAL_WORDS + FOOTER_WORDS  # in the first text of a row, either ends the data
SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")
BRACKETED = re.compile(r"[（(][^）)]*[）)]")


@dataclass(frozen=True)
class WarningRow:
	row_number: int
	id_number: str
	person_name: str = ""
	area_text: str = ""
	amount: Decimal | None = None
	details: str = ""
	warning_type: str = ""


@dataclass(frozen=True)
class RowError:
	row_number: int
	template: str
	args: tuple = ()
	column: str = ""  # the heading of the column at fault, where one is


@dataclass(frozen=True)
class Header:
	columns: dict[int, str]  # column index → field
	data_starts_after: int  # row number of the last header row
	unmapped: tuple[str, ...] = ()  # header texts of the columns that map to no field


@dataclass(frozen=True)
class ColumnNotice:
	"""Said once about the file, before its rows: a column of the file that was not read."""

	template: str
	args: tuple = ()


def clean_header(value) -> str:
	text = "".join(str(value or "").split())
	# most texts hold no bracket at all: no pattern to run (the same result, once per cell of every row)
	return BRACKETED.sub("", text) if "(" in text or "（" in text else text


def header_lookup(custom: Mapping[str, str] | None = None) -> dict[str, str]:
	"""Header text → field: the built-in synonyms, overridden by a department's own mapping."""
	lookup = {clean_header(word): field for field, words in SYNONYMS.items() for word in words}
	for text, field in (custom or {}).items():
		lookup[clean_header(text)] = field
	return lookup


def field_of(text, lookup: dict[str, str], suffix_fields=SUFFIX_FIELDS) -> str | None:
	"""The field a heading names: by its whole text (spaces and any unit in brackets dropped), else,
	for the fields of ``suffix_fields``, by the longest known name it ends with."""
	cleaned = clean_header(text)
	if not cleaned:
		return None
	if cleaned in lookup:
		return lookup[cleaned]
	endings = [word for word, field in lookup.items() if field in suffix_fields and len(word) >= 2]
	ending = max((word for word in endings if cleaned.endswith(word)), key=len, default=None)
	return lookup[ending] if ending else None


def _map(cells: list, lookup: dict[str, str], suffix_fields=SUFFIX_FIELDS) -> dict[int, str]:
	found: dict[int, str] = {}
	for index, cell in enumerate(cells):
		field = field_of(cell, lookup, suffix_fields)
		if field and field not in found.values():
			found[index] = field
	return found


def _band_cells(band: list[list]) -> list:
	"""One heading per column of a header band: the lowest heading that names a field, else the
	lowest non-blank one (a merged group heading stands above its columns)."""
	width = max(len(cells) for cells in band)
	merged = []
	for i in range(width):
		texts = [cells[i] for cells in reversed(band) if i < len(cells) and clean_header(cells[i])]
		merged.append(texts[0] if texts else None)
	return merged


def _map_band(band: list[list], lookup: dict[str, str], suffix_fields=SUFFIX_FIELDS) -> dict[int, str]:
	width = max(len(cells) for cells in band)
	found: dict[int, str] = {}
	for i in range(width):
		for cells in reversed(band):
			field = field_of(cells[i], lookup, suffix_fields) if i < len(cells) else None
			if field and field not in found.values():
				found[i] = field
				break
	return found


def _qualifies(columns: dict[int, str]) -> bool:
	return "id_number" in columns.values() and len(columns) >= 2


def _continues(columns: dict[int, str], cells: list) -> bool:
	"""Whether a row below a header band is one more row of it (the second row of a merged heading):
	nothing in the ID column, text only, and only in columns the band has not named yet. A data row
	always has something in a named column, so a row missing its ID number stays a data row."""
	texts = {i: cell for i, cell in enumerate(cells) if clean_header(cell)}
	if not texts:
		return False
	return all(i not in columns and not isinstance(cell, int | float) for i, cell in texts.items())


def find_header(
	first_rows: list[tuple[int, list]], lookup: dict[str, str], suffix_fields=SUFFIX_FIELDS
) -> Header:
	"""The header among the first rows: the band of one to three rows (title and 填报单位 lines above
	it, merged group headings within it) that names the ID number column and at least one other
	known column; of the bands starting at the same row, the one naming most columns. A row below
	the band that only adds headings to columns the band left unnamed joins it."""
	for position in range(min(len(first_rows), HEADER_SEARCH_ROWS)):
		if not _map(first_rows[position][1], lookup, suffix_fields):
			continue  # a title or 填报单位 line: a header band starts with a row that names a column
		best = None
		for size in range(1, HEADER_BAND_ROWS + 1):
			if position + size > len(first_rows):
				break
			band = [cells for _number, cells in first_rows[position : position + size]]
			columns = _map_band(band, lookup, suffix_fields)
			if _qualifies(columns) and (best is None or len(columns) > len(best[1])):
				best = (size, columns)
		if not best:
			continue
		size, columns = best
		band = [cells for _number, cells in first_rows[position : position + size]]
		while size < HEADER_BAND_ROWS and position + size < len(first_rows):
			cells = first_rows[position + size][1]
			if not _continues(columns, cells):
				break
			band.append(cells)
			size += 1
			columns = _map_band(band, lookup, suffix_fields)
		headings = _band_cells(band)
		unmapped = tuple(
			" ".join(str(text).split())
			for i, text in enumerate(headings)
			if text is not None and i not in columns and clean_header(text) not in IGNORED_COLUMNS
		)
		return Header(columns, first_rows[position + size - 1][0], unmapped)
	raise PolicyError(
		_("No header row with an ID number column was found in the first {0} rows"), HEADER_SEARCH_ROWS
	)


def column_notices(header: Header) -> list[ColumnNotice]:
	"""What the import says about the file's columns: a money column it does not read (the amounts
	would be stored as nothing), and every other column it does not read."""
	money = [text for text in header.unmapped if any(word in text for word in MONEY_WORDS)]
	other = [text for text in header.unmapped if text not in money]
	notices = []
	if money and "amount" not in header.columns.values():
		notices.append(
			ColumnNotice(
				_(
					"the column {0} looks like an amount but is not mapped: no amount was imported; map it in the Warning Column Map"
				),
				("、".join(money),),
			)
		)
	elif money:
		other = money + other
	if other:
		notices.append(ColumnNotice(_("columns not imported: {0}"), ("、".join(other),)))
	return notices


def _text(value) -> str:
	kind = type(value)
	if kind is str:  # most cells: the same as below, without the checks
		return " ".join(value.split())
	if kind is int:
		return str(value)
	if value is None:
		return ""
	if isinstance(value, float) and value.is_integer():
		value = int(value)
	return " ".join(str(value).split())


def parse_id_cell(value) -> str:
	"""The ID number in a cell, or PolicyError saying what went wrong with it."""
	if isinstance(value, float):
		raise PolicyError(
			_(
				"the ID number was stored as a number and lost its last digits ({0}); format the column as text and export again"
			),
			f"{value:.0f}",
		)
	text = _text(value)
	if SCIENTIFIC.match(text.replace(" ", "")):
		raise PolicyError(
			_(
				"the ID number was saved in scientific notation ({0}) and its digits are lost; format the column as text and export again"
			),
			text,
		)
	return parse_id_number(text).number


def parse_amount(value) -> Decimal | None:
	if value is None or value == "":
		return None
	if isinstance(value, int | float):
		return Decimal(str(value))
	text = str(value).replace(",", "").replace("，", "").replace("元", "").strip()
	if not text:
		return None
	try:
		return Decimal(text)
	except InvalidOperation:
		raise PolicyError(_("the amount {0} is not a number"), str(value)) from None


def _is_total_or_footer(cells: list) -> bool:
	return _total_or_footer_texts([text for text in map(_text, cells) if text])


def _total_or_footer_texts(texts: list[str]) -> bool:
	"""Whether a row, given as its non-blank texts, is a 合计 line or a signature line below the data."""
	if not texts:
		return False
	first = texts[0]
	return "".join(texts[:3]).startswith(TOTAL_WORDS) or any(word in first for word in MARKER_WORDS)


def parse_rows(
	rows: Iterable[tuple[int, list]], lookup: dict[str, str]
) -> Iterator[WarningRow | RowError | ColumnNotice]:
	"""Yield a ColumnNotice for each thing to say about the file's columns, then a WarningRow for
	every good data row and a RowError for every bad one."""
	rows = iter(rows)
	first: list[tuple[int, list]] = []
	for row in rows:
		first.append(row)
		if len(first) >= HEADER_SEARCH_ROWS + 1:
			break
	header = find_header(first, lookup)
	header_texts = {clean_header(word) for word in lookup}
	yield from column_notices(header)

	def remaining():
		yield from (row for row in first if row[0] > header.data_starts_after)
		yield from rows

	columns = list(header.columns.items())
	for number, cells in remaining():
		texts = [text for text in map(_text, cells) if text]  # once a row: blank, total and footer checks
		if not texts or _total_or_footer_texts(texts):
			continue
		width = len(cells)
		values = {field: (cells[i] if i < width else None) for i, field in columns}
		if clean_header(values.get("id_number")) in header_texts:
			continue  # the header repeated on a later page
		try:
			id_number = parse_id_cell(values.get("id_number"))
			amount = parse_amount(values.get("amount"))
		except PolicyError as error:
			yield RowError(number, error.message, error.args_for_message)
			continue
		yield WarningRow(
			row_number=number,
			id_number=id_number,
			person_name=_text(values.get("person_name")).replace(" ", ""),
			area_text=_text(values.get("area_text")),
			amount=amount,
			details=_text(values.get("details")),
			warning_type=_text(values.get("warning_type")),
		)


def warning_key(department: str, warning_type: str, report_month: datetime.date, id_number: str) -> str:
	"""Identity of a warning: the same person reported again for the same month and type is no new row."""
	raw = f"{department}|{warning_type}|{report_month:%Y-%m}|{id_number}"
	return hashlib.sha1(raw.encode()).hexdigest()
