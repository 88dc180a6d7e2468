"""Rows of the national 防返贫监测信息系统's exports: the 户/成员 basic-information sheets and the
监测对象 lists, as towns and counties export them (SPEC §13).

One row per member, the household's columns repeated on each; Chinese headers below a title, a
填报单位 line and merged header rows. The header is found as for department files (the same band
reader, :func:`fanpin.imports.warning_rows.find_header`). Every row comes back either as a
:class:`NationalRow` or as a :class:`~fanpin.imports.warning_rows.RowError` naming its row and what
is wrong with which column; every column the file has and no field takes is said once, first.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from fanpin.imports.warning_rows import (
	HEADER_SEARCH_ROWS,
	ColumnNotice,
	RowError,
	_text,
	_total_or_footer_texts,
	clean_header,
	find_header,
	parse_amount,
	parse_id_cell,
)
from fanpin.policy import procedure
from fanpin.policy.classifier import UNSTABLE
from fanpin.policy.messages import PolicyError, _

# field → the headings the national system (and the counties' copies of its exports) use for it
SYNONYMS: dict[str, tuple[str, ...]] = {
	# the household
	"household_code": ("户编号", "户编码", "家庭编号", "户主编号"),
	"town_name": ("乡镇", "乡（镇）", "乡(镇)", "乡镇（街道）", "镇（街道）", "镇街", "所属乡镇", "乡镇街道"),
	"village_name": ("行政村", "村（社区）", "村(社区)", "所属村", "村", "村名称", "行政村（社区）"),
	"natural_village": ("自然村", "自然村（组）", "组"),
	"phone": ("联系电话", "户主联系电话", "电话", "手机号码"),
	"household_type": ("户类型", "户属性", "农户类型", "家庭类型"),
	# the member
	"member_name": ("姓名", "成员姓名"),
	"id_number": ("证件号码", "身份证号码", "身份证号", "公民身份号码", "证件号"),
	"relation": ("与户主关系",),
	"gender": ("性别",),
	"ethnicity": ("民族",),
	"education": ("文化程度",),
	"school_status": ("在校生情况", "在校生状况"),
	"health": ("健康状况",),
	"disability_grade": ("残疾等级",),
	"labour_skill": ("劳动技能",),
	"work_place": ("务工区域", "务工地点", "务工所在地"),
	"work_months": ("务工时间", "务工时间（月）", "务工月数"),
	"medical_insurance": ("参加医疗保险情况", "医疗保险参保情况"),
	"medical_insured": ("是否参加城乡居民基本医疗保险", "是否参加基本医疗保险", "是否参加城乡居民医保"),
	"critical_illness_insurance": ("是否参加大病保险",),
	"resident_pension": ("是否参加城乡居民基本养老保险", "是否参加城乡居民养老保险"),
	"enjoys_dibao": ("是否享受农村低保", "是否享受低保", "是否低保"),
	"tekun_support": ("是否特困供养人员", "是否特困供养", "是否特困人员"),
	# income of the year the export covers
	"net_income": ("家庭年纯收入", "家庭纯收入", "年纯收入", "家庭年收入"),
	"per_capita_income": ("人均纯收入", "家庭人均纯收入", "人均可支配收入"),
	"wage_income": ("工资性收入",),
	"business_income": ("生产经营性收入",),
	"property_income": ("财产性收入",),
	"transfer_income": ("转移性收入",),
	"business_expenditure": ("生产经营性支出",),
	# the monitoring object
	"category": ("监测对象类别", "监测类型", "监测对象类型"),
	"identified_on": ("识别监测时间", "纳入监测时间", "识别时间"),
	"risk_types": ("风险类型", "致贫返贫风险", "主要风险类型", "返贫致贫风险", "风险类别"),
	"risk_eliminated": ("风险是否消除", "是否消除风险"),
	"eliminated_on": ("消除时间", "风险消除时间"),
	"elimination_method": ("消除方式", "风险消除方式"),
}
HOUSEHOLD_FIELDS = (
	"household_code",
	"town_name",
	"village_name",
	"natural_village",
	"phone",
	"household_type",
)
MEMBER_FIELDS = (
	"member_name",
	"id_number",
	"relation",
	"gender",
	"ethnicity",
	"education",
	"school_status",
	"health",
	"disability_grade",
	"labour_skill",
	"work_place",
	"work_months",
	"medical_insurance",
	"critical_illness_insurance",
	"resident_pension",
	"enjoys_dibao",
	"tekun_support",
)
INCOME_FIELDS = (
	"net_income",
	"per_capita_income",
	"wage_income",
	"business_income",
	"property_income",
	"transfer_income",
	"business_expenditure",
)
MONITORING_FIELDS = ("category", "identified_on", "risk_eliminated", "eliminated_on", "elimination_method")
# the Select fields whose Chinese labels the caller gives (see parse_national_rows)
CHOICE_FIELDS = (
	"household_type",
	"relation",
	"gender",
	"education",
	"school_status",
	"health",
	"disability_grade",
	"labour_skill",
	"medical_insurance",
	"category",
	"elimination_method",
)
# How the national system spells some values that fanpin labels otherwise: value → the label.
VALUE_SYNONYMS: dict[str, dict[str, str]] = {
	"household_type": {
		"脱贫享受政策户": "脱贫户（享受政策）",
		"脱贫户享受政策": "脱贫户（享受政策）",
		"脱贫不享受政策户": "脱贫户（不享受政策）",
		"脱贫户不享受政策": "脱贫户（不享受政策）",
		"监测户": "一般农户",
		"非脱贫户": "一般农户",
		"农户": "一般农户",
		"分散供养特困户": "特困户",
	},
	"relation": {
		"本人": "户主",
		"户主本人": "户主",
		"儿子": "之子",
		"女儿": "之女",
		"子": "之子",
		"女": "之女",
	},
	"gender": {"男性": "男", "女性": "女"},
	"health": {"大病": "患有大病", "慢性病": "长期慢性病"},
	"labour_skill": {"弱劳动力": "弱劳动力或半劳动力", "半劳动力": "弱劳动力或半劳动力"},
	"category": {"严重困难户": "突发严重困难户"},
}
SUFFIX_FIELDS = ("id_number", "member_name", "household_code")
YES = ("是", "有", "Y", "y", "1", "√")
NO = ("否", "无", "N", "n", "0")
RISK_SEPARATORS = re.compile(r"[、,，;；/|\s]+")
DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?)?\s*月?$")
COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})?$")


class ColumnError(PolicyError):
	"""What is wrong with one column of a row: the reason, and the column's heading."""

	def __init__(self, column: str, error: PolicyError) -> None:
		super().__init__(error.message, *error.args_for_message)
		self.column = column


@dataclass(frozen=True)
class NationalRow:
	row_number: int
	household: dict
	member: dict
	income: dict = field(default_factory=dict)
	monitoring: dict | None = None  # None: the row says nothing of a monitoring object


def header_lookup(custom: Mapping[str, str] | None = None) -> dict[str, str]:
	"""Header text → field: the built-in synonyms, overridden by the county's own mapping."""
	lookup = {clean_header(word): name for name, words in SYNONYMS.items() for word in words}
	for text, name in (custom or {}).items():
		lookup[clean_header(text)] = name
	return lookup


def parse_date(value) -> datetime.date | None:
	"""A date as the exports write them: an Excel date, 2021-06-01, 2021/6/1, 2021.06, 20210601,
	2021年6月1日, 2021年6月 (the first of that month)."""
	if value is None or value == "":
		return None
	if isinstance(value, datetime.datetime):
		return value.date()
	if isinstance(value, datetime.date):
		return value
	text = _text(value)
	match = DATE_TEXT.match(text) or COMPACT_DATE.match(text)
	if not match:
		raise PolicyError(_("{0} is not a date"), text)
	year, month, day = (int(part) if part else 1 for part in match.groups())
	try:
		return datetime.date(year, month, day)
	except ValueError:
		raise PolicyError(_("{0} is not a date"), text) from None


def parse_flag(value) -> bool | None:
	"""是 / 否 (None where the cell is blank: the file does not say)."""
	text = _text(value)
	if not text:
		return None
	if text in YES:
		return True
	if text in NO:
		return False
	raise PolicyError(_("{0} is neither yes nor no"), text)


def parse_choice(name: str, value, labels: Mapping[str, str]) -> str | None:
	"""The option a Chinese label (or the national system's spelling of it) stands for."""
	text = _text(value).replace(" ", "")
	if not text:
		return None
	text = VALUE_SYNONYMS.get(name, {}).get(text, text)
	if text in labels:
		return labels[text]
	raise PolicyError(_("{0} is not one of: {1}"), text, "、".join(labels))


def parse_risks(value, risk_types: Mapping[str, str]) -> list[str]:
	"""Risk types of a cell (names or codes, separated by 、 , ; / or spaces): each one known."""
	found = []
	for part in RISK_SEPARATORS.split(_text(value)):
		if not part:
			continue
		if part not in risk_types:
			raise PolicyError(_("the risk type {0} is unknown; add it under Risk Type"), part)
		if risk_types[part] not in found:
			found.append(risk_types[part])
	return found


def _text_value(name: str):
	def parse(raw, choices, risk_types):
		text = _text(raw)
		return text.replace(" ", "") if name in ("member_name", "household_code") else text

	return parse


def _choice_value(name: str):
	return lambda raw, choices, risk_types: parse_choice(name, raw, choices.get(name, {}))


def _months(raw, choices, risk_types):
	amount = parse_amount(raw)
	return int(amount) if amount is not None else None


def _parser(name: str):
	"""How one field's cell is read (chosen once for each column, not once a cell)."""
	if name == "id_number":
		return lambda raw, choices, risk_types: parse_id_cell(raw)
	if name in CHOICE_FIELDS:
		return _choice_value(name)
	if name in FLAG_FIELDS:
		return lambda raw, choices, risk_types: parse_flag(raw)
	if name in INCOME_FIELDS:
		return lambda raw, choices, risk_types: parse_amount(raw)
	if name == "work_months":
		return _months
	if name in ("identified_on", "eliminated_on"):
		return lambda raw, choices, risk_types: parse_date(raw)
	if name == "risk_types":
		return lambda raw, choices, risk_types: parse_risks(raw, risk_types)
	return _text_value(name)


FLAG_FIELDS = (
	"critical_illness_insurance",
	"resident_pension",
	"enjoys_dibao",
	"tekun_support",
	"medical_insured",
	"risk_eliminated",
)
PARSERS = {name: _parser(name) for name in SYNONYMS}
# A county's file repeats most of its texts (民族, 与户主关系, the village, the household's own
# columns on each member's row): each column reads a text it has read before from what it found then.
REMEMBERED_TEXTS = 4096


def _remembering(parse):
	"""One column's parser for one file: a blank or a text already read is not parsed again (a cell
	it refuses is, so that each row says why)."""
	seen: dict[str | None, object] = {}

	def read(raw, choices, risk_types):
		if raw is not None and type(raw) is not str:
			return parse(raw, choices, risk_types)
		value = seen.get(raw, seen)
		if value is seen:
			value = parse(raw, choices, risk_types)
			if len(seen) < REMEMBERED_TEXTS:
				seen[raw] = value
		return list(value) if type(value) is list else value

	return read


def parse_national_rows(
	rows: Iterable[tuple[int, list]],
	lookup: dict[str, str],
	choices: Mapping[str, Mapping[str, str]],
	risk_types: Mapping[str, str],
) -> Iterator[NationalRow | RowError | ColumnNotice]:
	"""Yield a ColumnNotice naming the columns no field takes, then a NationalRow for every good
	member row and a RowError for every bad one.

	``choices`` gives, for each field of CHOICE_FIELDS, {Chinese label: option}; ``risk_types``
	{name or code: Risk Type}."""
	rows = iter(rows)
	first: list[tuple[int, list]] = []
	for row in rows:
		first.append(row)
		if len(first) >= HEADER_SEARCH_ROWS + 1:
			break
	header = find_header(first, lookup, SUFFIX_FIELDS)
	if "household_code" not in header.columns.values():
		raise PolicyError(
			_("The file has no household number column: it is not an export of the national system")
		)
	if header.unmapped:
		yield ColumnNotice(_("columns not imported: {0}"), ("、".join(header.unmapped),))
	header_texts = set(lookup)

	def remaining():
		yield from (row for row in first if row[0] > header.data_starts_after)
		yield from rows

	columns = list(header.columns.items())
	readers = {name: _remembering(PARSERS[name]) for _i, name in columns}
	for number, cells in remaining():
		if blank_or_footer(cells):
			continue
		width = len(cells)
		raw = {name: (cells[i] if i < width else None) for i, name in columns}
		if clean_header(raw.get("id_number")) in header_texts:
			continue  # the header repeated on a later page
		try:
			yield _parse_row(number, raw, choices, risk_types, readers)
		except ColumnError as error:
			yield RowError(number, error.message, error.args_for_message, error.column)
		except PolicyError as error:
			yield RowError(number, error.message, error.args_for_message)


def blank_or_footer(cells: list) -> bool:
	"""A blank row, a 合计 line or a signature line: judged by its first three texts."""
	texts = []
	for cell in cells:
		if cell is not None:
			text = _text(cell)
			if text:
				texts.append(text)
				if len(texts) == 3:
					break
	return not texts or _total_or_footer_texts(texts)


def _parse_row(number: int, raw: dict, choices, risk_types, readers=PARSERS) -> NationalRow:
	values = {}
	for name, cell in raw.items():
		try:
			values[name] = readers[name](cell, choices, risk_types)
		except PolicyError as error:
			raise ColumnError(SYNONYMS[name][0], error) from None
	for name in ("household_code", "member_name"):
		if not values.get(name):
			raise ColumnError(SYNONYMS[name][0], PolicyError(_("empty")))
	insured = values.pop("medical_insured", None)
	if insured is not None and not values.get("medical_insurance"):
		values["medical_insurance"] = "Resident medical insurance" if insured else "Not insured"
	monitoring = None
	if any(values.get(name) not in (None, "", []) for name in (*MONITORING_FIELDS, "risk_types")):
		monitoring = {name: values.get(name) for name in (*MONITORING_FIELDS, "risk_types")}
		if monitoring["risk_eliminated"] and not monitoring["eliminated_on"]:
			raise ColumnError(
				SYNONYMS["eliminated_on"][0], PolicyError(_("empty, though the risk is eliminated"))
			)
		if monitoring["identified_on"] is None:
			raise ColumnError(SYNONYMS["identified_on"][0], PolicyError(_("empty for a monitoring object")))
		# only a 脱贫户 can be a 脱贫不稳定户: the file must say which kind of 脱贫户 it is
		if monitoring["category"] == UNSTABLE and not values.get("household_type"):
			raise ColumnError(
				SYNONYMS["household_type"][0], PolicyError(_("empty for an unstable lifted household"))
			)
		monitoring["stage"] = procedure.ELIMINATED if monitoring["risk_eliminated"] else procedure.MONITORING
	return NationalRow(
		row_number=number,
		household={name: values.get(name) for name in HOUSEHOLD_FIELDS if name in values},
		member={name: values.get(name) for name in MEMBER_FIELDS if name in values},
		income={name: values[name] for name in INCOME_FIELDS if values.get(name) is not None},
		monitoring=monitoring,
	)


def households(rows: Iterable[NationalRow]) -> dict[str, list[NationalRow]]:
	"""Member rows by 户编号, in file order."""
	grouped: dict[str, list[NationalRow]] = {}
	for row in rows:
		grouped.setdefault(row.household["household_code"], []).append(row)
	return grouped


def household_disagreements(rows: list[NationalRow]) -> list[str]:
	"""Where the rows of one household contradict each other on the household's own columns."""
	first = rows[0]
	if all(row.household == first.household and row.income == first.income for row in rows):
		return []  # the household's columns repeated alike on each row, as exports write them
	found = []
	for name in (*HOUSEHOLD_FIELDS, *INCOME_FIELDS):
		seen = {row.household.get(name, row.income.get(name)) for row in rows} - {None, ""}
		if len(seen) > 1:
			found.append(SYNONYMS[name][0])
	return found
