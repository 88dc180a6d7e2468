"""Desk journeys in a real browser: Debian's Chromium driven by Playwright, through the UI only.

Run by ``.ci/run`` against the live site of the HTTP layer (web server, realtime server and worker
running), with the demo county and the probe users:

	FANPIN_JOURNEY_URL=http://site.localhost:8000 FANPIN_PROBE_MANIFEST=/tmp/probe.json \
		pytest fanpin/tests/journeys.py

Screenshots go to ``FANPIN_SCREENSHOTS`` (default: a temporary folder).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.sync_api")

URL = os.environ.get("FANPIN_JOURNEY_URL", "http://127.0.0.1:8000")
MANIFEST = json.load(open(os.environ.get("FANPIN_PROBE_MANIFEST", "/tmp/probe.json"), encoding="utf-8"))
SHOTS = Path(os.environ.get("FANPIN_SCREENSHOTS") or tempfile.mkdtemp(prefix="fanpin-shots-"))
CHROMIUM = os.environ.get("FANPIN_CHROMIUM", "/usr/bin/chromium")
CLERK = "clerk.donglai@fanpin.demo"
OFFICER = "officer.donglai@fanpin.demo"
TIMINGS: dict[str, float] = {}


@pytest.fixture(scope="module")
def browser():
	with playwright.sync_playwright() as p:
		chromium = p.chromium.launch(
			executable_path=CHROMIUM,
			headless=True,
			# The site is reached by its name; every name resolves to this machine.
			args=["--no-sandbox", "--host-resolver-rules=MAP * 127.0.0.1"],
		)
		yield chromium
		chromium.close()


def open_as(browser, user: str | None):
	context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 900})
	page = context.new_page()
	page.set_default_timeout(30_000)
	if user:
		page.goto(f"{URL}/login")
		page.fill("#login_email", user)
		page.fill("#login_password", MANIFEST["password"])
		page.click(".btn-login")
		page.wait_for_url(re.compile(r"/app"))
	return page


def shot(page, name: str) -> None:
	SHOTS.mkdir(parents=True, exist_ok=True)
	page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def fill_link(page, scope, fieldname: str, text: str) -> None:
	"""Type into a link field and pick the matching suggestion, as a user does (and, like a user,
	type again when the list has not come up)."""
	control = scope.locator(f'[data-fieldname="{fieldname}"]').first
	field = control.locator("input").first
	suggestion = (
		control.locator('ul[role="listbox"] [role="option"], ul[role="listbox"] li')
		.filter(has_text=text)
		.first
	)
	for attempt in range(3):
		field.click()
		field.fill("")
		field.press_sequentially(text, delay=50)
		try:
			suggestion.wait_for(state="visible", timeout=10_000)
			break
		except playwright.TimeoutError:
			if attempt == 2:
				shot(page, f"no-suggestion-{fieldname}")
				raise
	suggestion.click()


def wait_saved(page) -> None:
	try:
		page.wait_for_function(
			"() => window.cur_frm && !cur_frm.is_new() && !cur_frm.is_dirty()", timeout=15_000
		)
	except playwright.TimeoutError:
		messages = page.locator(".modal.show .msgprint, .modal.show .modal-body").all_inner_texts()
		pytest.fail(f"not saved: {messages}")


def english_words(page, scope: str = ".layout-main-section") -> list[str]:
	"""English words of the UI visible in the page's main section (names and codes are not words)."""
	text = page.locator(scope).first.evaluate(
		"""e => { const c = e.cloneNode(true);
			c.querySelectorAll('.tooltip-content, script, style').forEach(n => n.remove());
			document.body.appendChild(c); const t = c.innerText; c.remove(); return t; }"""
	)
	allowed = {"HH", "MC", "DW", "FV", "AM", "RE", "RA", "PDF", "ID", "CNY", "zs"}
	return sorted({w for w in re.findall(r"\b[A-Za-z]{3,}\b", text) if w not in allowed})


def timed(page, name: str, url: str, ready: str) -> None:
	start = time.perf_counter()
	page.goto(url)
	page.locator(ready).first.wait_for(state="visible")
	TIMINGS[name] = time.perf_counter() - start


def village_name(code: str) -> str:
	return next(r["village_name"] for r in MANIFEST["areas"] if r["name"] == code)


# ---------------------------------------------------------------- the village clerk


def test_clerk_registers_a_household_with_members_and_opens_a_case(browser):
	page = open_as(browser, CLERK)
	village = MANIFEST["users"][CLERK]["areas"][0]
	page.goto(f"{URL}/app/household/new")
	page.locator('[data-fieldname="village"] input').first.wait_for()
	fill_link(page, page, "village", village_name(village))
	# the town follows the village: the clerk never types it
	page.wait_for_function(f"() => cur_frm.doc.town === {json.dumps(village[:9] + '000')}")
	page.select_option('select[data-fieldname="household_type"]', "Ordinary rural household")
	page.fill('[data-fieldname="address"] input', "东莱街道演示路1号")

	members = page.locator('[data-fieldname="members"]')
	for index, (name, relation, id_number) in enumerate(MANIFEST["new_members"], start=1):
		row = members.locator(f'.grid-body .grid-row[data-idx="{index}"]')
		if not row.count():  # a new household comes with one empty member row
			members.locator(".grid-add-row").click()
		form = page.locator(".grid-row-open")
		if not form.count():  # adding a row opens its form; the first row is opened by hand
			row.locator(".btn-open-row").click()
		form.wait_for(state="visible")
		form.locator('[data-fieldname="member_name"] input').fill(name)
		form.locator('[data-fieldname="id_number"] input').fill(id_number)
		form.locator('[data-fieldname="id_number"] input').press("Tab")
		form.locator('select[data-fieldname="relation"]').select_option(relation)
		if index == 1:
			form.locator('select[data-fieldname="labour_skill"]').select_option("Ordinary labour")
		page.keyboard.press("Escape")  # closes the row form, as a user does
		form.wait_for(state="hidden")
	# the child (born 2014) gets 无劳动力 from the ID number
	assert page.evaluate("() => cur_frm.doc.members[1].labour_skill") == "No labour capacity"
	page.keyboard.press("Control+s")
	wait_saved(page)
	household = page.evaluate("() => cur_frm.doc.name")
	assert page.evaluate("() => cur_frm.doc.head_name") == MANIFEST["new_members"][0][0]
	assert page.evaluate("() => cur_frm.doc.member_count") == 2
	shot(page, "clerk-household")
	assert english_words(page) == [], english_words(page)

	page.goto(f"{URL}/app/monitoring-case/new")
	page.locator('[data-fieldname="household"] input').first.wait_for()
	fill_link(page, page, "household", household)
	page.select_option('select[data-fieldname="discovery_channel"]', "Cadre screening")
	fill_link(page, page, "risk_types", "因病")  # a multi-select: type, pick
	page.keyboard.press("Control+s")
	wait_saved(page)
	assert page.evaluate("() => cur_frm.doc.stage") == "Home verification"
	assert page.evaluate("() => cur_frm.doc.town") == village[:9] + "000"
	assert "入户核实" in page.locator(".indicator-pill").first.inner_text()
	# money in ¥, as the office writes it
	line = page.locator('[data-fieldname="line_amount"] .control-value').first.inner_text()
	assert "¥" in line and "CNY" not in line, line
	shot(page, "clerk-case")


# ---------------------------------------------------------------- a guest


def test_guest_applies_online_and_sees_only_a_confirmation(browser):
	page = open_as(browser, None)
	page.goto(f"{URL}/assistance-application/new")
	page.locator('[data-fieldname="person_name"] input').wait_for()
	page.fill('[data-fieldname="person_name"] input', "网上申请人")
	page.fill('[data-fieldname="id_number"] input', MANIFEST["guest_id_number"])
	page.fill('[data-fieldname="phone"] input', "13800000001")
	village = MANIFEST["users"][CLERK]["areas"][0]
	# villages only, each with its town, so the applicant can tell same-named villages apart
	fill_link(page, page, "village", f"{village_name(village)}（东莱街道）")
	page.fill('[data-fieldname="description"] textarea', "家人患大病，医疗支出大")
	page.get_by_role("button", name="提交申请").first.click()
	page.locator(".success-page").wait_for(state="visible")
	shot(page, "guest-confirmation")
	text = page.locator("body").inner_text()
	assert "HH-" not in text and MANIFEST["guest_id_number"] not in text


# ---------------------------------------------------------------- speed seen by a town officer


def test_town_officer_page_loads(browser):
	page = open_as(browser, OFFICER)
	case = next(
		r["name"] for r in MANIFEST["records"] if r["doctype"] == "Monitoring Case" and r["place"] == "clerk"
	)
	timed(page, "workspace", f"{URL}/app/fanpin-monitoring", ".widget.number-widget-box")
	shot(page, "workspace")
	timed(page, "household list", f"{URL}/app/household", ".list-row-container")
	timed(
		page,
		"case form",
		f"{URL}/app/monitoring-case/{case}",
		'[data-fieldname="classification_explanation"]',
	)
	shot(page, "case-form")
	print("\npage loads as " + OFFICER + ": " + ", ".join(f"{k} {v:.2f} s" for k, v in TIMINGS.items()))
	assert len(TIMINGS) == 3
