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


def load_translations() -> dict[tuple[str, str | None], str]:
	"""(source, context) → Chinese; a row without context has context None."""
	with open(APP / "translations" / "zh.csv", encoding="utf-8", newline="") as f:
		return {(row[0], row[2] if len(row) > 2 and row[2] else None): row[1] for row in csv.reader(f) if row}


def json_strings(path: Path) -> set[tuple[str, str | None]]:
	"""(string, context): a DocType's labels and options are shown with the DocType as context."""
	doc = json.loads(path.read_text(encoding="utf-8"))
	found = set()
	if not isinstance(doc, dict):  # a data file, not a document
		return found
	if doc.get("doctype") == "DocType":
		found.add((doc["name"], None))
		for field in doc.get("fields", []):
			texts = [field.get("label"), field.get("description")]
			if field.get("fieldtype") == "Select":
				texts += (field.get("options") or "").split("\n")
			found.update((text, doc["name"]) for text in texts if text)
	for key in ("label", "title", "report_name", "chart_name"):
		if doc.get("doctype") != "DocType" and doc.get(key):
			found.add((doc[key], None))
	return found


def app_strings() -> set[tuple[str, str | None]]:
	found = {(text, None) for text in [*ROLES, "Fanpin"]}
	for path in APP.rglob("*.json"):
		if "fixtures" not in path.parts:
			found |= json_strings(path)
	for path in APP.rglob("*.py"):
		found.update(
			(m.encode().decode("unicode_escape"), None)
			for m in PY_MESSAGE.findall(path.read_text(encoding="utf-8"))
		)
	for path in APP.rglob("*.js"):
		found.update((m, None) for m in JS_MESSAGE.findall(path.read_text(encoding="utf-8")))
	return found


TRANSLATIONS = load_translations()


@pytest.mark.parametrize(
	("source", "context"), sorted(app_strings(), key=lambda item: (item[0], item[1] or ""))
)
def test_string_has_chinese(source, context):
	# Frappe looks a string up with its context first, then without: a row for another context is no help.
	translated = TRANSLATIONS.get((source, context)) or TRANSLATIONS.get((source, None))
	assert translated, f"no Chinese for {source!r} (context {context!r}) in translations/zh.csv"
	if re.search(r"[A-Za-z]", PLACEHOLDER.sub("", source)):  # "{0}: {1}" has no words to translate
		assert HAN.search(translated), f"translation of {source!r} is not Chinese: {translated!r}"
	assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translated)), source


def test_the_scan_finds_strings():
	# Guards the scanner itself: a broken regex would make every test above vacuous.
	strings = app_strings()
	texts = {text for text, _context in strings}
	assert {"Household", "Head of household", "Fanpin Town Officer"} <= texts
	assert "Member row {0} ({1})" in texts
	assert len(strings) > 150
