"""The yearly 全面排查 in the desk, in the order the county lives it: the city office opens a Q4
campaign over the county and sees its progress bar to the end; the village clerk screens the
village's households in one sitting, in the 排查录入 list and the form, and two come out at risk;
their town officer finds the two clues and the town's progress on the workspace; the city office
closes the campaign and prints its summary.

	FANPIN_JOURNEY_URL=http://site:8000 pytest -p fanpin.tests.desk fanpin/tests/journeys_screening.py
"""

from __future__ import annotations

import datetime
import json
import re

from fanpin.tests.desk import (
	CLERK,
	MANIFEST,
	OFFICER,
	URL,
	fill_link,
	journey_data,
	open_as,
	playwright,
	shot,
	type_field,
	until,
	wait_saved,
)
from fanpin.tests.journeys_jobs import CITY, JOB_TIMEOUT, WATCH_PROGRESS, open_live, visible_words

YEAR = datetime.date.today().year
TITLE = f"{YEAR}年四季度全面排查"
STATE: dict[str, str] = {}


def campaign_name(page) -> str:
	if "campaign" not in STATE:
		STATE["campaign"] = page.evaluate(
			"""title => frappe.db.get_value('Screening Campaign', {title}, 'name').then(r => r.message.name)""",
			TITLE,
		)
	return STATE["campaign"]


def open_task(page, campaign: str, head: str) -> None:
	"""From the village's screenings, the household's row, as a clerk finds it."""
	page.goto(f"{URL}/app/screening-task?campaign={campaign}&head_name={head}")
	row = page.locator(".list-row-container").filter(has_text=head).first
	row.wait_for()
	row.locator("a.ellipsis, .list-subject a").first.click()
	page.wait_for_function(f"() => window.cur_frm && cur_frm.doc.head_name === {json.dumps(head)}")
	page.locator('.form-layout [data-fieldname="risk_illness"]').first.wait_for()


def tick(page, fieldname: str) -> None:
	box = page.locator(f'.form-layout [data-fieldname="{fieldname}"] input[type="checkbox"]').first
	until(page, f"not-ticked-{fieldname}", box.check, f"() => cur_frm.doc.{fieldname} === 1")


# ---------------------------------------------------------------- the city office opens it


def test_city_office_opens_a_q4_campaign_and_sees_it_through(browser):
	page = open_live(browser, CITY)
	page.goto(f"{URL}/app/screening-campaign/new")
	page.locator('.form-layout [data-fieldname="year"] input').first.wait_for()
	type_field(page, "title", TITLE)
	# this year's, from today: the form says so before anyone types
	page.wait_for_function(
		f"() => cur_frm.doc.year === {YEAR} && cur_frm.doc.start_date === frappe.datetime.get_today()"
	)
	today = page.evaluate("() => frappe.datetime.get_today()")
	shown_today = page.evaluate("() => frappe.datetime.str_to_user(frappe.datetime.get_today())")
	for fieldname in ("deadline",):
		field = page.locator(f'.form-layout [data-fieldname="{fieldname}"] input').first

		def act(field=field):
			field.click()
			field.fill(shown_today)
			page.keyboard.press("Escape")
			field.press("Tab")

		until(page, f"no-date-{fieldname}", act, f"() => cur_frm.doc.{fieldname} === {json.dumps(today)}")
	page.keyboard.press("Control+s")
	wait_saved(page)
	assert visible_words(page) == [], visible_words(page)
	campaign = page.evaluate("() => cur_frm.doc.name")
	STATE["campaign"] = campaign

	page.evaluate(WATCH_PROGRESS)
	page.locator(".page-actions").get_by_role("button", name="开始排查").click()
	confirm = page.locator(".modal.show").filter(has_text="为排查范围内的每一户生成排查任务")
	confirm.wait_for()
	confirm.get_by_role("button", name="是").click()
	title = f"正在生成全面排查{TITLE}的排查任务"
	notice = page.locator(".modal.show .msgprint").filter(has_text=f"全面排查{TITLE}已开始")
	try:
		notice.wait_for(timeout=JOB_TIMEOUT)
	except playwright.TimeoutError:
		shot(page, "screening-not-opened")
		raise
	total = int(re.search(r"应排查(\d+)户", notice.inner_text()).group(1))
	assert total >= len(journey_data("screening")["households"]), notice.inner_text()
	seen = [s for s in page.evaluate("() => window.fanpin_progress_seen") if s["title"] == title]
	assert seen and seen[-1]["width"] == 100, seen
	print(
		f"\nscreening campaign: {total} households, progress bar seen at {[round(s['width']) for s in seen]} %"
	)
	page.keyboard.press("Escape")
	# the form follows the job: open, with its progress by town
	page.wait_for_function("() => cur_frm.doc.status === 'Under way'", timeout=60_000)
	page.locator(".fanpin-screening-progress").first.wait_for()
	assert "东莱街道" in page.locator(".fanpin-screening-progress").first.inner_text()
	shot(page, "screening-campaign-open")
	assert visible_words(page) == [], visible_words(page)


# ---------------------------------------------------------------- the clerk screens in one sitting


def test_clerk_screens_the_village_in_one_sitting_and_two_are_at_risk(browser):
	data = journey_data("screening")
	page = open_as(browser, CLERK)
	campaign = campaign_name(page)
	households = dict(zip(data["heads"], data["households"], strict=True))
	status_of = """(campaign, household) => frappe.db.get_value('Screening Task',
		{campaign, household}, 'status').then(r => r.message.status)"""

	# 排查录入: the village's screenings in one list; three households screened with a pick each
	page.goto(f"{URL}/app/screening-task/view/report/Screening Entry")
	page.locator(".dt-row").first.wait_for()
	fill_link(page, page.locator(".standard-filter-section"), "campaign", campaign)
	page.wait_for_function(
		f"""async () => {{
			const names = await frappe.db.get_list('Screening Task',
				{{filters: {{campaign: '{campaign}'}}, pluck: 'name', limit: 1000}});
			return cur_list.data.length && cur_list.data.every(d => names.includes(d.name));
		}}"""
	)
	# a village holds more households than a page of 20: the clerk shows 500 a page, as at the list's foot
	paging = page.locator(".list-paging-area .btn-paging[data-value='500']")
	if paging.is_visible():  # shown only where the list holds more than one page
		paging.click()
	page.wait_for_function(
		f"""async () => {{
			const names = await frappe.db.get_list('Screening Task',
				{{filters: {{campaign: '{campaign}'}}, pluck: 'name', limit: 1000}});
			return cur_list.data.length === names.length;
		}}"""
	)
	assert visible_words(page) == [], visible_words(page)
	shot(page, "screening-entry")
	for head in data["heads"][2:]:
		row = page.locator(".dt-row").filter(has_text=head).first
		cell = row.locator(".dt-cell[data-col-index]").filter(has_text="未排查").first

		def act(cell=cell):
			cell.dblclick()
			select = page.locator(".dt-cell--editing select").first
			select.select_option(label="已排查")
			select.press("Enter")

		until(
			page,
			f"not-screened-{head}",
			act,
			f"() => ({status_of})('{campaign}', '{households[head]}').then(s => s === 'Screened')",
			timeout=15_000,
		)
	screened = [households[h] for h in data["heads"][2:]]
	page.wait_for_function(
		f"""async () => (await frappe.db.get_list('Screening Task', {{filters: {{campaign: '{campaign}',
			status: 'Screened', household: ['in', {json.dumps(screened)}]}}, pluck: 'name'}})).length === 3"""
	)

	# two households at risk, in the form: an illness, and unsafe housing with an income below the line
	for head, signs in ((data["heads"][0], ("risk_illness",)), (data["heads"][1], ("housing_unsafe",))):
		open_task(page, campaign, head)
		assert visible_words(page) == [], visible_words(page)
		for sign in signs:
			tick(page, sign)
		type_field(page, "findings", f"{head}：全面排查发现风险", tag="textarea")
		page.keyboard.press("Control+s")
		wait_saved(page)
		page.wait_for_function("() => cur_frm.doc.risk_found === 1 && !!cur_frm.doc.risk_clue")
		headline = page.locator(".form-message").filter(has_text="发现风险").first
		headline.wait_for()
		assert "已转镇街" in headline.inner_text()
		status = page.locator('.form-layout [data-fieldname="status"] select').first
		assert status.evaluate("s => s.options[s.selectedIndex].text") == "已排查"
		STATE.setdefault("clues", []).append(page.evaluate("() => cur_frm.doc.risk_clue"))
		shot(page, f"screening-at-risk-{head}")


# ---------------------------------------------------------------- the town sees the clues and progress


def test_town_officer_finds_the_two_clues_and_the_towns_progress(browser):
	page = open_as(browser, OFFICER)
	campaign = campaign_name(page)
	clues = STATE.get("clues", [])
	assert len(clues) == 2, clues
	page.goto(f"{URL}/app/risk-clue?channel_detail=Annual%20Q4%20screening")
	try:
		page.wait_for_function(
			f"() => window.cur_list && cur_list.doctype === 'Risk Clue' && {json.dumps(clues)}"
			".every(n => cur_list.data.some(d => d.name === n))"
		)
	except playwright.TimeoutError:
		shot(page, "screening-clues-missing")
		raise
	for clue in clues:
		row = page.locator(".list-row-container").filter(has=page.locator(f'[data-name="{clue}"]')).first
		assert "四季度集中排查" in row.inner_text() or "基层干部排查" in row.inner_text(), row.inner_text()
	assert visible_words(page) == [], visible_words(page)
	shot(page, "screening-clues")

	# the workspace: the current campaign's completion and a bar per village of the town
	page.goto(f"{URL}/app/fanpin-monitoring")
	card = page.locator(".number-widget-box").filter(has_text="全面排查完成率").first
	card.wait_for()
	page.wait_for_function(
		"""() => [...document.querySelectorAll('.number-widget-box')].some(b =>
			b.innerText.includes('全面排查完成率') && /\\d+(\\.\\d+)?%/.test(b.innerText))"""
	)
	chart = page.locator(".widget.dashboard-widget-box").filter(has_text="全面排查进度").first
	chart.scroll_into_view_if_needed()
	chart.locator("svg").first.wait_for()
	assert visible_words(page) == [], visible_words(page)
	shot(page, "screening-workspace")

	# the progress report of the town: the clerk's village with its five screened, and the totals
	page.goto(f"{URL}/app/query-report/Screening Progress?campaign={campaign}")
	page.locator(".dt-row").first.wait_for()
	village = journey_data("screening")["village"]
	row = page.evaluate(f"""() => frappe.query_report.data.find(r => r.village === '{village}')""")
	assert row and row["screened"] >= 5 and row["risk_found"] >= 2, row
	assert page.locator(".dt-row").filter(has_text="合计").count() == 1
	assert visible_words(page) == [], visible_words(page)


# ---------------------------------------------------------------- a 帮扶责任人 sees their own households


def test_an_assistance_contact_sees_only_the_households_they_carry(browser):
	contact = next(
		u for u, scope in MANIFEST["users"].items() if "Fanpin Assistance Contact" in scope["roles"]
	)
	carried = set(MANIFEST["users"][contact]["households"])
	assert carried, contact
	page = open_as(browser, contact)
	page.goto(f"{URL}/app/household")
	page.wait_for_function(
		"() => window.cur_list && cur_list.doctype === 'Household' && !cur_list.page_length_loading"
	)
	page.wait_for_function(f"() => cur_list.data.length === {len(carried)}")
	assert set(page.evaluate("() => cur_list.data.map(d => d.name)")) == carried
	assert visible_words(page) == [], visible_words(page)
	shot(page, "contact-households")

	# their household's form opens; the screening of it is theirs to see as well
	household = page.evaluate("() => cur_list.data[0].name")
	page.locator(".list-row-container").first.locator("a.ellipsis, .list-subject a").first.click()
	page.wait_for_function(f"() => window.cur_frm && cur_frm.doc.name === {json.dumps(household)}")
	page.goto(f"{URL}/app/screening-task")
	page.wait_for_function(
		"() => window.cur_list && cur_list.doctype === 'Screening Task' && cur_list.data.length > 0"
	)
	assert set(page.evaluate("() => cur_list.data.map(d => d.household)")) <= carried

	# a household of the same village that is not theirs: refused, and named nowhere
	other = next(r for r in MANIFEST["records"] if r["doctype"] == "Household" and r["name"] not in carried)
	page.goto(f"{URL}/app/household/{other['name']}")
	refused = page.locator(".page-container:visible").filter(has_text="没有权限").first
	refused.or_(page.locator(".modal.show").filter(has_text="权限")).first.wait_for()
	assert other["id_number"] not in page.content()


# ---------------------------------------------------------------- the city office closes it


def test_city_office_closes_the_campaign_and_prints_the_summary(browser):
	page = open_live(browser, CITY)
	campaign = campaign_name(page)
	page.goto(f"{URL}/app/screening-campaign/{campaign}")
	page.wait_for_function(f"() => window.cur_frm && cur_frm.doc.name === '{campaign}'")
	page.locator(".page-actions").get_by_role("button", name="结束排查").click()
	confirm = page.locator(".modal.show").filter(has_text="结束全面排查")
	confirm.wait_for()
	confirm.get_by_role("button", name="是").click()
	page.wait_for_function("() => cur_frm.doc.status === 'Ended'", timeout=60_000)
	assert page.evaluate("() => cur_frm.doc.risk_found_count") >= 2
	assert page.evaluate("() => cur_frm.doc.screened_count") >= 5
	assert visible_words(page) == [], visible_words(page)
	shot(page, "screening-closed")

	page.locator(".page-actions").get_by_role("button", name="打印汇总").click()
	page.wait_for_url(re.compile(r"/app/print/"))

	# the preview draws the print format in a frame of its own
	def summary_text() -> str:
		texts = []
		for frame in page.frames:
			try:
				texts.append(frame.locator("body").inner_text(timeout=2_000))
			except playwright.Error:
				continue
		return "\n".join(texts)

	text = ""
	for _attempt in range(30):
		text = summary_text()
		if "合计" in text:
			break
		page.wait_for_timeout(1_000)
	assert f"{TITLE}汇总" in text and "合计" in text and "东莱街道" in text, text[:500]
	shot(page, "screening-summary")
