"""Desk journeys in a real browser: Debian's Chromium driven by Playwright, through the UI only.

Run by ``.ci/run`` against the live site of the HTTP layer (web server, realtime server and worker
running), with the demo county and the probe users:

	FANPIN_JOURNEY_URL=http://site.localhost:8000 FANPIN_PROBE_MANIFEST=/tmp/probe.json \
		pytest -p fanpin.tests.desk fanpin/tests/journeys*.py

Screenshots go to ``FANPIN_SCREENSHOTS`` (default: a temporary folder).
"""

from __future__ import annotations

import json
import re

from fanpin.tests.desk import (
	CLERK,
	MANIFEST,
	OFFICER,
	TIMINGS,
	URL,
	english_words,
	fill_link,
	open_as,
	playwright,
	shot,
	timed,
	timed_route,
	type_into_row,
	village_name,
	wait_saved,
)

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
			row.wait_for()
		form = page.locator(".grid-row-open")
		edit = row.locator(".btn-open-row")
		form.or_(edit).first.wait_for(state="visible")  # an added row opens its form, the first does not
		if not form.is_visible():
			edit.click()
		form.wait_for(state="visible")
		# like a user, look at what the row holds and type again when a keystroke was lost
		type_into_row(page, form, index, "member_name", name)
		type_into_row(page, form, index, "id_number", id_number)
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
	# the public page says Chinese only, from the county's language whatever the browser's
	assert english_words(page, "body") == [], english_words(page, "body")
	page.fill('[data-fieldname="id_number"] input', MANIFEST["guest_id_number"])
	page.fill('[data-fieldname="phone"] input', "13800000001")
	village = MANIFEST["users"][CLERK]["areas"][0]
	# villages only, each with its town, so the applicant can tell same-named villages apart
	fill_link(page, page, "village", f"{village_name(village)}（东莱街道）")
	page.fill('[data-fieldname="description"] textarea', "家人患大病，医疗支出大")
	page.get_by_role("button", name="提交申请").first.click()
	try:
		page.locator(".success-page").wait_for(state="visible")
	except playwright.TimeoutError:
		shot(page, "guest-not-sent")
		raise
	shot(page, "guest-confirmation")
	assert english_words(page, "body") == [], english_words(page, "body")
	text = page.locator("body").inner_text()
	assert "HH-" not in text and MANIFEST["guest_id_number"] not in text


# ---------------------------------------------------------------- speed seen by a town officer


def test_town_officer_page_loads(browser):
	page = open_as(browser, OFFICER)
	case = next(
		r["name"] for r in MANIFEST["records"] if r["doctype"] == "Monitoring Case" and r["place"] == "clerk"
	)
	timed(page, "workspace", f"{URL}/app/fanpin-monitoring", ".widget.number-widget-box")
	# the picture once the cards have their numbers; the sidebar holds fanpin's workspace only
	page.locator(".number-widget-box .number").first.wait_for()
	sidebar = page.locator(".desk-sidebar .sidebar-item-label").all_inner_texts()
	assert [label.strip() for label in sidebar if label.strip()] == ["防返贫监测"], sidebar
	shot(page, "workspace")
	timed(page, "household list", f"{URL}/app/household", ".list-row-container")
	timed(
		page,
		"case form",
		f"{URL}/app/monitoring-case/{case}",
		'[data-fieldname="classification_explanation"]',
	)
	shot(page, "case-form")
	# the same pages as an officer moves between them all day, in the desk already open
	page.goto(f"{URL}/app/todo")
	page.locator(".list-row-container, .no-result").first.wait_for()
	timed_route(page, "workspace (in the desk)", ["fanpin-monitoring"], ".widget.number-widget-box")
	timed_route(page, "household list (in the desk)", ["List", "Household"], ".list-row-container")
	timed_route(
		page,
		"case form (in the desk)",
		["Form", "Monitoring Case", case],
		'[data-fieldname="classification_explanation"]',
	)
	print(
		"\npage loads as "
		+ OFFICER
		+ " (target 1.5 s each): "
		+ ", ".join(f"{k} {v:.2f} s{'' if v <= 1.5 else ' (over)'}" for k, v in TIMINGS.items())
	)
	assert len(TIMINGS) == 6


# ---------------------------------------------------------------- the town's spreadsheets


def test_town_officer_downloads_the_roster_and_reads_the_statistics(browser):
	"""The roster in the government's layout, downloaded from the report page; the statistics with
	their totals row named 合计."""
	from openpyxl import load_workbook

	page = open_as(browser, OFFICER)
	page.goto(f"{URL}/app/query-report/Monitoring Roster")
	page.locator(".dt-row-0").first.wait_for()
	assert english_words(page) == [], english_words(page)
	shot(page, "roster")
	with page.expect_download(timeout=60_000) as download:
		page.get_by_role("button", name="导出政府格式表格").click()
	path = download.value.path()
	assert download.value.suggested_filename.endswith(".xlsx"), download.value.suggested_filename
	with open(path, "rb") as f:
		sheet = load_workbook(f).active
	assert "防止返贫监测对象花名册" in sheet["A1"].value
	assert sheet["A2"].value.startswith("填报单位：东莱街道"), sheet["A2"].value
	assert sheet["A5"].value == 1 and sheet.max_row > 6  # numbered rows under the two-level header

	page.goto(f"{URL}/app/query-report/监测工作统计表")  # typed by its Chinese title, as users do
	page.wait_for_url(re.compile(r"/app/query-report/Monitoring(%20| )Work(%20| )Statistics"))
	total = page.locator(".dt-row b", has_text="合计").first
	total.wait_for()
	assert english_words(page) == [], english_words(page)
	shot(page, "statistics")
