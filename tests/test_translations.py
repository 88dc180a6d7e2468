"""Every label, option and message of the app has its Chinese in translations/zh.csv."""

import csv
import json
import re
from pathlib import Path

import pytest

from fanpin.setup.defaults import ROLES

APP = Path(__file__).resolve().parent.parent / "fanpin"
PY_MESSAGE = re.compile(r'(?<![\w.])_\(\s*"((?:[^"\\]|\\.)*)"')
JS_MESSAGE = re.compile(r'__\(\s*"((?:[^"\\]|\\.)*)"')
PLACEHOLDER = re.compile(r"\{\d*\}")
HAN = re.compile(r"[\u4e00-\u9fff]")


def load_translations() -> dict[str, str]:
	with open(APP / "translations" / "zh.csv", encoding="utf-8", newline="") as f:
		return {row[0]: row[1] for row in csv.reader(f) if row}


def json_strings(path: Path) -> set[str]:
	doc = json.loads(path.read_text(encoding="utf-8"))
	found = set()
	if doc.get("doctype") == "DocType":
		found.add(doc["name"])
		for field in doc.get("fields", []):
			found.update(filter(None, [field.get("label"), field.get("description")]))
			if field.get("fieldtype") == "Select":
				found.update(option for option in (field.get("options") or "").split("\n") if option)
	for key in ("label", "title", "report_name", "chart_name"):
		if doc.get("doctype") != "DocType" and doc.get(key):
			found.add(doc[key])
	return found


def app_strings() -> set[str]:
	found = set(ROLES) | {"Fanpin"}
	for path in APP.rglob("*.json"):
		if "fixtures" not in path.parts:
			found |= json_strings(path)
	for path in APP.rglob("*.py"):
		found.update(
			m.encode().decode("unicode_escape") for m in PY_MESSAGE.findall(path.read_text(encoding="utf-8"))
		)
	for path in APP.rglob("*.js"):
		found.update(JS_MESSAGE.findall(path.read_text(encoding="utf-8")))
	return found


TRANSLATIONS = load_translations()


@pytest.mark.parametrize("source", sorted(app_strings()))
def test_string_has_chinese(source):
	assert source in TRANSLATIONS, f"no Chinese for {source!r} in translations/zh.csv"
	translated = TRANSLATIONS[source]
	if re.search(r"[A-Za-z]", PLACEHOLDER.sub("", source)):  # "{0}: {1}" has no words to translate
		assert HAN.search(translated), f"translation of {source!r} is not Chinese: {translated!r}"
	assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translated)), source


def test_the_scan_finds_strings():
	# Guards the scanner itself: a broken regex would make every test above vacuous.
	strings = app_strings()
	assert {"Household", "Head of household", "Fanpin Town Officer"} <= strings
	assert "Member row {0} ({1})" in strings
	assert len(strings) > 150
