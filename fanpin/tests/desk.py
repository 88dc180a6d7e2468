"""What every desk journey shares: the site, the probe users, and a user's ways with the desk
(log in, type into a link and pick, save, look for English on the page).

The journeys run with ``-p fanpin.tests.desk`` so the ``browser`` fixture is found.
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


@pytest.fixture(scope="session")
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
	page.set_default_timeout(60_000)  # a CI machine under load: waits are on conditions, never sleeps
	if user:
		for attempt in range(2):  # like a user, log in again when the first answer does not come
			page.goto(f"{URL}/login")
			page.fill("#login_email", user)
			page.fill("#login_password", MANIFEST["password"])
			page.click(".btn-login")
			try:
				page.wait_for_url(re.compile(r"/app"), timeout=90_000)
				break
			except playwright.TimeoutError:
				if attempt == 1:
					raise
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


def until(page, name: str, act, check, attempts: int = 3, timeout: int = 5_000) -> None:
	"""Do ``act`` until ``check`` (a JS function, or a locator to show) holds, as a user does again
	what the page did not take (a keystroke lost, a list redrawn under the click); a screenshot when
	it never does."""
	for attempt in range(attempts):
		try:
			act()
			if isinstance(check, str):
				page.wait_for_function(check, timeout=timeout)
			else:
				check.wait_for(state="visible", timeout=timeout)
			return
		except playwright.Error:
			if attempt == attempts - 1:
				shot(page, name)
				raise


def typed(field, value: str):
	"""What a user does to type into a field and leave it (the form takes the value on leaving)."""

	def act():
		field.click()
		field.fill("")
		field.press_sequentially(value, delay=20)
		field.press("Tab")

	return act


def type_into_row(page, form, index: int, fieldname: str, value: str) -> None:
	"""Type into a field of an open grid row form and wait until the row holds the value."""
	field = form.locator(f'[data-fieldname="{fieldname}"] input').first
	check = f"() => (cur_frm.doc.members[{index - 1}] || {{}}).{fieldname} === {json.dumps(value)}"
	until(page, f"row-{index}-{fieldname}", typed(field, value), check)


def type_field(page, fieldname: str, value: str, tag: str = "input") -> None:
	"""Type into a form field and wait until the form holds the value."""
	field = page.locator(f'.form-layout [data-fieldname="{fieldname}"] {tag}').first
	check = f"() => (cur_frm.doc[{json.dumps(fieldname)}] || '') === {json.dumps(value)}"
	until(page, f"not-typed-{fieldname}", typed(field, value), check)


def wait_saved(page) -> None:
	try:
		page.wait_for_function(
			"() => window.cur_frm && !cur_frm.is_new() && !cur_frm.is_dirty()", timeout=45_000
		)
	except playwright.TimeoutError:
		messages = page.locator(".modal.show .msgprint, .modal.show .modal-body").all_inner_texts()
		pytest.fail(f"not saved: {messages}")


def english_words(page, scope: str = ".layout-main-section") -> list[str]:
	"""English words of the UI visible in the page's main section (names and codes are not words)."""
	text = page.locator(scope).first.evaluate(
		"""e => { const c = e.cloneNode(true);
			c.querySelectorAll('.tooltip-content, .visually-hidden, .sr-only, script, style').forEach(n => n.remove());
			document.body.appendChild(c); const t = c.innerText; c.remove(); return t; }"""
	)
	allowed = {"HH", "MC", "DW", "FV", "AM", "RE", "RA", "INC", "PDF", "ID", "CNY", "zs", "Frappe"}
	return sorted({w for w in re.findall(r"\b[A-Za-z]{3,}\b", text) if w not in allowed})


def settled(page) -> None:
	"""Wait until the page in front has had the answers to what it asked the server for, as a user
	reads a page before going on: a page left half-loaded (a workspace's cards and charts) is still
	worked on by the server, and the next page would be timed against that work, not on its own."""
	try:
		page.wait_for_function(
			"() => document.readyState === 'complete'"
			" && !(window.frappe && frappe.request && frappe.request.ajax_count > 0)",
			timeout=30_000,
		)
	except playwright.TimeoutError:
		pass  # a request that never ends: time the next page all the same


def timed(page, name: str, url: str, ready: str) -> None:
	"""A page opened by its address: the desk loads from scratch, as after a login or a reload."""
	settled(page)
	start = time.perf_counter()
	page.goto(url)
	page.locator(ready).first.wait_for(state="visible")
	TIMINGS[name] = time.perf_counter() - start


def timed_route(page, name: str, route: list[str], ready: str) -> None:
	"""A page reached inside the desk (a click on a link or the sidebar): the desk is loaded, the
	page's own data is fetched, for the first time in the session."""
	settled(page)
	start = time.perf_counter()
	page.evaluate("route => frappe.set_route(...route)", route)
	page.locator(f"{ready} >> visible=true").first.wait_for(state="visible")
	TIMINGS[name] = time.perf_counter() - start


def journey_data(role: str) -> dict:
	"""What ``fanpin.tests.journey_data.<role>`` built for a journey."""
	folder = os.environ.get("FANPIN_JOURNEY_DATA")
	if folder and os.path.exists(os.path.join(folder, f"{role}.json")):
		with open(os.path.join(folder, f"{role}.json"), encoding="utf-8") as f:
			return json.load(f)
	raise LookupError(f"no journey data for {role}: build it with fanpin.tests.journey_data.build")


def village_name(code: str) -> str:
	return next(r["village_name"] for r in MANIFEST["areas"] if r["name"] == code)


def take_action(page, label: str, stage: str) -> None:
	"""Take a workflow action from the 操作 menu (confirming when asked) and wait for its stage."""
	page.locator(".page-head:visible .actions-btn-group > button").first.click()
	page.locator(".page-head:visible .actions-btn-group .dropdown-menu a.dropdown-item").filter(
		has_text=label
	).first.click()
	done = f"() => cur_frm.doc.stage === {stage!r} && !document.body.classList.contains('frozen')"
	dialog = page.locator(".modal.show")
	for _attempt in range(3):
		try:
			page.wait_for_function(
				f"() => ({done})() || !!document.querySelector('.modal.show')", timeout=30_000
			)
		except playwright.TimeoutError:
			shot(page, f"action-{stage}")
			raise
		if page.evaluate(done):
			break
		text = dialog.first.inner_text()
		confirm = dialog.locator(".btn-primary:visible")
		if re.search(r"确定|确认|继续", text) and confirm.count():
			confirm.first.click()  # a confirm dialog
			dialog.first.wait_for(state="hidden")
			continue
		shot(page, f"action-refused-{stage}")
		raise AssertionError(f"{label}: {text}")
	page.wait_for_function(done)
	page.locator(".page-head:visible .indicator-pill").first.wait_for(state="visible")
	# the menu is rebuilt for the new state once its transitions are in
	page.wait_for_function(
		"""l => { const head = [...document.querySelectorAll(".page-head")].find(e => e.offsetParent);
			const group = head && head.querySelector(".actions-btn-group");
			if (!group || !group.offsetParent) return true;
			return ![...group.querySelectorAll("a.dropdown-item")].some(a => a.textContent.trim() === l); }""",
		arg=label,
	)
