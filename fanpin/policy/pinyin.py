"""Pinyin keys for names: full reading and initials, with surnames read as surnames (SPEC §2).

`zs` or `zhangsan` finds 张三 because every search box matches against these keys.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

# Characters whose reading as a surname differs from their most common reading.
# Compound surnames come first so that 单于 is not read as 单 + 于.
COMPOUND_SURNAMES = {
	"万俟": "moqi",
	"尉迟": "yuchi",
	"单于": "chanyu",
	"长孙": "zhangsun",
	"澹台": "tantai",
	"令狐": "linghu",
	"欧阳": "ouyang",
	"司马": "sima",
	"诸葛": "zhuge",
	"上官": "shangguan",
	"皇甫": "huangfu",
	"东方": "dongfang",
	"公孙": "gongsun",
	"慕容": "murong",
	"宇文": "yuwen",
	"夏侯": "xiahou",
	"司徒": "situ",
	"轩辕": "xuanyuan",
}
SURNAMES = {
	"单": "shan",
	"曾": "zeng",
	"解": "xie",
	"仇": "qiu",
	"朴": "piao",
	"区": "ou",
	"查": "zha",
	"盖": "ge",
	"覃": "qin",
	"乐": "yue",
	"缪": "miao",
	"秘": "bi",
	"员": "yun",
	"繁": "po",
	"种": "chong",
	"重": "chong",
	"翟": "zhai",
	"祭": "zhai",
	"柏": "bai",
	"薄": "bo",
	"宿": "su",
	"洗": "xian",
	"冼": "xian",
	"召": "shao",
	"折": "she",
	"阚": "kan",
	"隗": "wei",
	"尉": "wei",
	"黑": "he",
	"车": "che",
	"沈": "shen",
	"长": "chang",
	"藏": "zang",
	"句": "gou",
	"费": "fei",
	"华": "hua",
	"纪": "ji",
	"任": "ren",
	"便": "pian",
	"卜": "bu",
	"贲": "ben",
	"过": "guo",
	"逄": "pang",
	"都": "du",
	"曲": "qu",
	"吕": "lv",
	"於": "yu",
}


@dataclass(frozen=True)
class NamePinyin:
	full: str  # "zhangsan"
	initials: str  # "zs"


def _syllables(text: str) -> list[str]:
	# ü is written "v", as people type it.
	return [
		s.lower()
		for s in lazy_pinyin(text, style=Style.NORMAL, v_to_u=False, errors=lambda chars: list(chars))
	]


def name_syllables(name: str) -> list[str]:
	name = "".join((name or "").split())
	if not name:
		return []
	for compound, reading in COMPOUND_SURNAMES.items():
		if name.startswith(compound):
			return [*_fixed_compound(compound, reading), *_syllables(name[len(compound) :])]
	if name[0] in SURNAMES:
		return [SURNAMES[name[0]], *_syllables(name[1:])]
	return _syllables(name)


def _fixed_compound(compound: str, reading: str) -> list[str]:
	"""Split a compound surname's reading into one syllable per character."""
	syllables = _syllables(compound)
	if "".join(syllables) == reading and len(syllables) == len(compound):
		return syllables
	# Split the fixed reading where lazy_pinyin's second syllable begins, e.g. chanyu → chan + yu.
	second = _syllables(compound[1])[0]
	if reading.endswith(second):
		return [reading[: -len(second)], second]
	return [reading]


@lru_cache(maxsize=100_000)
def name_pinyin(name: str) -> NamePinyin:
	"""The reading of a name (names repeat across a county: each is read once)."""
	syllables = name_syllables(name)
	return NamePinyin(full="".join(syllables), initials="".join(s[0] for s in syllables if s))


def search_keywords(names: Iterable[str]) -> str:
	"""One space-separated string of every name, its pinyin and its initials, for LIKE searches."""
	seen: list[str] = []
	for name in names:
		name = "".join((name or "").split())
		if not name:
			continue
		reading = name_pinyin(name)
		for key in (name, reading.full, reading.initials):
			if key and key not in seen:
				seen.append(key)
	return " ".join(seen)


def is_pinyin_query(text: str) -> bool:
	"""Latin letters only: typed pinyin (full or initials), matched at the start of a reading."""
	text = (text or "").strip()
	return bool(text) and text.isascii() and text.isalpha()


def name_matches(name: str, text: str) -> bool:
	"""Whether what was typed finds this name: part of the name itself, or the start of its full
	pinyin or its initials (`zs` finds 张三, not 王张松; `zhang` finds 张三, not 李长张)."""
	text = "".join((text or "").split()).lower()
	name = "".join((name or "").split())
	if not text or not name:
		return False
	if not is_pinyin_query(text):
		return text in name
	reading = name_pinyin(name)
	return reading.full.startswith(text) or reading.initials.startswith(text)


def matching_name(names: Iterable[str], text: str) -> str | None:
	"""The first of ``names`` (head first) that what was typed finds."""
	return next((name for name in names if name_matches(name, text)), None)
