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
TOTAL_WORDS = ("合计", "总计", "小计")
FOOTER_WORDS = ("填表人", "制表人", "审核人", "负责人", "联系电话", "填报人", "盖章")
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


@dataclass(frozen=True)
class Header:
	columns: dict[int, str]  # column index → field
	data_starts_after: int  # row number of the last header row


def clean_header(value) -> str:
	text = "".join(str(value or "").split())
	return BRACKETED.sub("", text)


def header_lookup(custom: Mapping[str, str] | None = None) -> dict[str, str]:
	"""Header text → field: the built-in synonyms, overridden by a department's own mapping."""
	lookup = {clean_header(word): field for field, words in SYNONYMS.items() for word in words}
	for text, field in (custom or {}).items():
		lookup[clean_header(text)] = field
	return lookup


def _map(cells: list, lookup: dict[str, str]) -> dict[int, str]:
	found: dict[int, str] = {}
	for index, cell in enumerate(cells):
		field = lookup.get(clean_header(cell))
		if field and field not in found.values():
			found[index] = field
	return found


def find_header(first_rows: list[tuple[int, list]], lookup: dict[str, str]) -> Header:
	"""The header among the first rows: the row (or two rows, for merged two-level headers) that names
	the ID number column and at least one other known column."""
	best: Header | None = None
	for position, (number, cells) in enumerate(first_rows[:HEADER_SEARCH_ROWS]):
		single = _map(cells, lookup)
		candidates = [Header(single, number)]
		if position + 1 < len(first_rows):
			next_number, next_cells = first_rows[position + 1]
			width = max(len(cells), len(next_cells))
			combined = [
				(
					next_cells[i]
					if i < len(next_cells) and clean_header(next_cells[i])
					else (cells[i] if i < len(cells) else None)
				)
				for i in range(width)
			]
			candidates.append(Header(_map(combined, lookup), next_number))
		for candidate in candidates:
			if "id_number" in candidate.columns.values() and len(candidate.columns) >= 2:
				if best is None or len(candidate.columns) > len(best.columns):
					best = candidate
		if best:
			return best
	raise PolicyError(
		_("No header row with an ID number column was found in the first {0} rows"), HEADER_SEARCH_ROWS
	)


def _text(value) -> str:
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
	texts = [_text(c) for c in cells if _text(c)]
	if not texts:
		return False
	head = "".join(texts[:3])
	return any(head.startswith(w) or w in texts[0] for w in TOTAL_WORDS) or any(
		w in texts[0] for w in FOOTER_WORDS
	)


def parse_rows(rows: Iterable[tuple[int, list]], lookup: dict[str, str]) -> Iterator[WarningRow | RowError]:
	"""Yield a WarningRow for every good data row and a RowError for every bad one."""
	rows = iter(rows)
	first: list[tuple[int, list]] = []
	for row in rows:
		first.append(row)
		if len(first) >= HEADER_SEARCH_ROWS + 1:
			break
	header = find_header(first, lookup)
	header_texts = {clean_header(word) for word in lookup}

	def remaining():
		yield from (row for row in first if row[0] > header.data_starts_after)
		yield from rows

	for number, cells in remaining():
		values = {field: (cells[i] if i < len(cells) else None) for i, field in header.columns.items()}
		if not any(_text(c) for c in cells):
			continue
		if _is_total_or_footer(cells):
			continue
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
