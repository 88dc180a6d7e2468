"""Desk journeys of the work that runs in the background: a department liaison imports its warning
file, the city office runs the annual risk assessment. The worker and the realtime server run as in
production: the pages update by themselves, show a progress bar and say how the job ended.

	FANPIN_JOURNEY_URL=http://site:8000 pytest -p fanpin.tests.desk fanpin/tests/journeys_jobs.py
"""

from __future__ import annotations

import datetime
import json
import re
import tempfile
from pathlib import Path

import pytest

from fanpin.tests.desk import (
	MANIFEST,
	URL,
	english_words,
	fill_link,
	journey_data,
	open_as,
	playwright,
	shot,
	wait_saved,
)

LIAISON = "liaison.minzheng@fanpin.demo"
CITY = "city.office@fanpin.demo"
JOB_TIMEOUT = 180_000  # the one worker serves every queue; on a loaded machine a job may wait its turn
# Names of file formats in the upload help, and the words of an attached file's address
FILE_WORDS = {"GBK", "UTF", "csv", "xls", "xlsx", "private", "files"}

# Without a proxy in front of the web server (nginx sends /socket.io to the realtime server), the desk
# reaches the realtime server on its own port, as under `bench start`.
DIRECT_REALTIME = "Object.defineProperty(window, 'dev_server', {get: () => 1, set: () => {}});"

# What the user saw of the progress bar: every state of it, with its dialog's title and text.
WATCH_PROGRESS = """() => {
	window.fanpin_progress_seen = [];
	new MutationObserver(() => {
		for (const bar of document.querySelectorAll('.modal .progress-bar')) {
			const modal = bar.closest('.modal');
			if (getComputedStyle(modal).display === 'none') continue;
			window.fanpin_progress_seen.push({
				title: modal.querySelector('.modal-title').innerText,
				width: parseFloat(bar.style.width) || 0,
				description: modal.querySelector('.description').innerText,
			});
		}
	}).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
}"""


def open_live(browser, user: str):
	"""Log in as ``open_as`` does, with the desk's realtime connection up (or say why it is not).

	Pages get longer here: the worker and the realtime server share the CPUs with the web server."""
	context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 900})
	context.add_init_script(DIRECT_REALTIME)
	page = context.new_page()
	page.set_default_timeout(60_000)
	for attempt in range(2):  # a web server restarting under the login: log in again
		try:
			page.goto(f"{URL}/login")
			page.fill("#login_email", user)
			page.fill("#login_password", MANIFEST["password"])
			page.click(".btn-login")
			page.wait_for_url(re.compile(r"/app"), wait_until="commit", timeout=90_000)
			break
		except (playwright.TimeoutError, playwright.Error):
			if attempt:
				raise
	for attempt in range(2):  # the socket gives up after 3 tries: on a loaded machine, open the desk again
		try:
			page.wait_for_function(
				"() => window.frappe && frappe.realtime && frappe.realtime.socket && frappe.realtime.socket.connected",
				timeout=45_000,
			)
			return page
		except playwright.TimeoutError:
			if attempt:
				pytest.fail(
					"the desk cannot reach the realtime server (socket.io on the site's socketio_port, "
					"which must resolve the site's name to call back the web server): no progress bar, "
					"no notice"
				)
			page.goto(f"{URL}/app")


def dialog(page, title: str):
	return page.locator(".modal.show").filter(has=page.locator(".modal-title", has_text=title))


def visible_words(page) -> list[str]:
	"""English words on the page shown now (the desk keeps the pages visited before, hidden)."""
	return [
		w for w in english_words(page, ".page-container:visible .layout-main-section") if w not in FILE_WORDS
	]


def department_file(rows: list[dict]) -> Path:
	"""The file as the office sends it: a title, 填报单位, the header, the rows, 合计 and signatures."""
	from openpyxl import Workbook

	wb = Workbook()
	ws = wb.active
	ws.append(["龙口市民政局新增低保对象名单"])
	ws.merge_cells("A1:E1")
	ws.append(["填报单位：龙口市民政局", None, None, "填报日期：2026年11月2日"])
	ws.append(["序号", "姓名", "身份证号码", "保障金额（元）", "备注"])
	for index, row in enumerate(rows, start=1):
		ws.append([index, row["person_name"], row["id_number"], row["amount"], "新增"])
	ws.append(["合计", None, None, sum(row["amount"] for row in rows), None])
	ws.append(["填表人：王某", None, "审核人：李某"])
	path = Path(tempfile.mkdtemp(prefix="fanpin-warnings-")) / "新增低保对象名单.xlsx"
	wb.save(path)
	return path


def value_of(page, fieldname: str) -> str:
	return page.locator(f'[data-fieldname="{fieldname}"] .control-value').first.inner_text().strip()


# ---------------------------------------------------------------- the department liaison


def test_liaison_imports_a_warning_file_and_sees_each_row_outcome(browser):
	data = journey_data("jobs")
	rows, expected = data["rows"], data["expected"]
	upload = department_file(rows)
	page = open_live(browser, LIAISON)

	page.goto(f"{URL}/app/warning-import/new")
	page.locator('[data-fieldname="warning_type"] input').first.wait_for()
	# the liaison's own department is filled in
	page.wait_for_function(f"() => cur_frm.doc.department === '{data['department']}'")
	fill_link(page, page, "warning_type", data["warning_type"])
	month = datetime.date.today().replace(day=1).isoformat()
	month_input = page.locator('[data-fieldname="report_month"] input').first
	for attempt in range(3):
		month_input.fill(month)
		page.keyboard.press("Escape")  # closes the date picker
		try:
			page.wait_for_function(f"() => cur_frm.doc.report_month === '{month}'", timeout=5_000)
			break
		except playwright.TimeoutError:
			if attempt == 2:
				raise

	# attach the file from this computer, as the upload dialog offers
	page.locator('[data-fieldname="import_file"] button').first.click()
	uploader = page.locator(".modal.show").filter(has=page.locator(".file-upload-area"))
	with page.expect_file_chooser() as chooser:
		uploader.get_by_text("我的设备").click()
	chooser.value.set_files(str(upload))
	uploader.locator(".file-preview .file-name", has_text=upload.stem).wait_for()
	uploader.locator(".btn-modal-primary").click()
	try:
		page.wait_for_function("() => (cur_frm.doc.import_file || '').endsWith('.xlsx')", timeout=90_000)
	except playwright.TimeoutError:
		shot(page, "warning-file-not-attached")
		raise
	page.keyboard.press("Control+s")
	wait_saved(page)
	batch = page.evaluate("() => cur_frm.doc.name")
	assert page.evaluate("() => cur_frm.doc.status") == "Not started"
	assert visible_words(page) == [], visible_words(page)

	page.evaluate(WATCH_PROGRESS)
	page.locator(".page-actions").get_by_role("button", name="开始导入").click()
	# the form follows the job by itself: no reload
	try:
		page.wait_for_function("() => cur_frm.doc.status === 'Completed'", timeout=JOB_TIMEOUT)
	except playwright.TimeoutError:
		shot(page, "warning-import-not-finished")
		raise
	notice = dialog(page, f"预警导入 {batch}")
	notice.wait_for()
	message = notice.locator(".msgprint").inner_text()
	shot(page, "warning-import-done")
	assert (
		f"共读取 {expected['read']} 行：导入 {expected['imported']} 行（匹配 {expected['matched']} 行，"
		f"未匹配 {expected['unmatched']} 行），{expected['repeated']} 行已导入过，"
		f"{expected['rejected']} 行未通过校验"
	) in message, message
	seen = page.evaluate("() => window.fanpin_progress_seen")
	assert any(s["title"] == f"正在导入 {batch}" for s in seen), seen
	notice.locator(".btn-modal-close").click()
	notice.wait_for(state="hidden")

	# the counts and the rejected row, on the form the liaison kept open
	for field, key in (
		("rows_read", "read"),
		("rows_imported", "imported"),
		("rows_matched", "matched"),
		("rows_unmatched", "unmatched"),
		("rows_rejected", "rejected"),
		("rows_repeated", "repeated"),
	):
		assert value_of(page, field) == str(expected[key]), (field, value_of(page, field))
	errors = page.locator('[data-fieldname="errors"] .grid-body .grid-row')
	assert errors.count() == 1
	bad = rows[-1]
	error_text = errors.first.inner_text()
	assert "8" in error_text and "校验码" in error_text, error_text  # row 8: 3 header lines, 5th row
	assert bad["id_number"] in error_text, error_text
	shot(page, "warning-import-form")
	assert visible_words(page) == [], visible_words(page)

	# what became of each row: the liaison's outcome report, with no place in it
	page.locator(".page-actions, .page-head").get_by_role("button", name="已导入的预警").first.click()
	page.wait_for_url(re.compile(r"/query-report/"))
	table = page.locator(".dt-scrollable")
	table.locator(".dt-row").first.wait_for()
	ours = json.dumps(sorted(row["id_number"] for row in rows))
	try:  # the report runs again once the batch filter is set: wait for the batch's rows
		page.wait_for_function(
			f"""() => frappe.query_report && frappe.query_report.get_filter_value('import_batch') === '{batch}'
				&& (frappe.query_report.data || []).length === {expected["imported"]}
				&& frappe.query_report.data.every(r => {ours}.includes(r.id_number))"""
		)
	except playwright.TimeoutError:
		shot(page, "warning-outcome-not-filtered")
		raise
	report_rows = page.evaluate(
		"() => frappe.query_report.data.map(r => [r.id_number, r.outcome, r.matched])"
	)
	by_id = {id_number: (outcome, matched) for id_number, outcome, matched in report_rows}
	assert len(report_rows) == expected["imported"], report_rows
	assert by_id[rows[0]["id_number"]] == ("Already monitored", 1)
	assert by_id[rows[1]["id_number"]] == ("Already monitored", 1)
	assert by_id[rows[2]["id_number"]] == ("Pending", 1)
	assert by_id[rows[3]["id_number"]] == ("Unmatched", 0)
	# colours from the row's own outcome: one red 未匹配, the matched ones are not red
	pills = table.locator(".indicator-pill")
	assert pills.count() == expected["imported"]
	assert table.locator(".indicator-pill.red").count() == expected["unmatched"]
	assert table.locator(".indicator-pill.red").first.inner_text() == "未匹配"
	assert table.locator(".indicator-pill.blue", has_text="已是监测对象").count() == 2
	assert table.locator(".indicator-pill.orange", has_text="待研判").count() == 1
	summary = page.locator(".report-summary").inner_text()
	assert "已匹配" in summary and "未匹配" in summary, summary
	text = page.locator(".page-container:visible .layout-main-section").first.inner_text()
	assert "东莱街道" not in text and "北马镇" not in text  # no place for a department
	shot(page, "warning-outcome")
	assert visible_words(page) == [], visible_words(page)


# ---------------------------------------------------------------- the city office


def national_file(data: dict) -> Path:
	"""A town's export of the national system: a title, 填报单位, a two-row header, a row per member."""
	from openpyxl import Workbook

	wb = Workbook()
	ws = wb.active
	ws.append(["全国防返贫监测信息系统 监测对象信息表"])
	ws.append(["填报单位：东莱街道办事处"])
	ws.append(
		[
			"户编号",
			"乡镇",
			"行政村",
			"姓名",
			"证件号码",
			"与户主关系",
			"劳动技能",
			"监测信息",
			None,
			None,
			None,
		]
	)
	ws.append([None] * 7 + ["监测对象类别", "识别监测时间", "风险类型", "风险是否消除"])
	ws.merge_cells("H3:K3")
	town, village, codes, ids = data["town_name"], data["village_name"], data["codes"], data["ids"]
	labour = "普通劳动力"
	monitored = ["边缘易致贫户", "2026-03-15", "因病", "否"]
	ws.append([codes[0], town, village, "国监一", ids[0], "户主", labour, *monitored])
	ws.append([codes[0], town, village, "国监二", ids[1], "配偶", "弱劳动力", *monitored])
	ws.append([codes[1], town, village, "国农三", ids[2], "户主", labour, None, None, None, None])
	ws.append([codes[1], town, village, "国农四", ids[3], "表弟", labour, None, None, None, None])
	path = Path(tempfile.mkdtemp(prefix="fanpin-national-")) / "国家系统监测对象信息表.xlsx"
	wb.save(path)
	return path


def test_city_office_imports_the_national_export_and_finds_its_monitoring_objects(browser):
	data = journey_data("jobs")["national"]
	upload = national_file(data)
	page = open_live(browser, CITY)
	page.goto(f"{URL}/app/national-import/new")
	page.locator('[data-fieldname="import_file"] button').first.wait_for()
	page.locator('[data-fieldname="import_file"] button').first.click()
	uploader = page.locator(".modal.show").filter(has=page.locator(".file-upload-area"))
	with page.expect_file_chooser() as chooser:
		uploader.get_by_text("我的设备").click()
	chooser.value.set_files(str(upload))
	uploader.locator(".file-preview .file-name", has_text=upload.stem).wait_for()
	uploader.locator(".btn-modal-primary").click()
	page.wait_for_function("() => (cur_frm.doc.import_file || '').endsWith('.xlsx')", timeout=90_000)
	page.keyboard.press("Control+s")
	wait_saved(page)
	batch = page.evaluate("() => cur_frm.doc.name")
	assert visible_words(page) == [], visible_words(page)

	page.evaluate(WATCH_PROGRESS)
	page.locator(".page-actions").get_by_role("button", name="开始导入").click()
	try:
		page.wait_for_function("() => cur_frm.doc.status === 'Completed'", timeout=JOB_TIMEOUT)
	except playwright.TimeoutError:
		shot(page, "national-import-not-finished")
		raise
	notice = dialog(page, f"国家系统数据导入 {batch}")
	notice.wait_for()
	message = notice.locator(".msgprint").inner_text()
	assert "读取 4 行，未通过 1 行：新建农户 2 户、更新 0 户，新建成员 3 人" in message, message
	assert "新建监测对象 1 个" in message, message
	notice.locator(".btn-modal-close").click()
	notice.wait_for(state="hidden")
	errors = page.locator('[data-fieldname="errors"] .grid-body .grid-row')
	assert errors.count() == 1
	error_text = errors.first.inner_text()
	assert "8" in error_text and "与户主关系" in error_text and "表弟" in error_text, error_text
	shot(page, "national-import-form")
	assert visible_words(page) == [], visible_words(page)

	# the monitoring object arrived under monitoring, from the national system
	page.locator(".page-actions, .page-head").get_by_role("button", name="已导入的监测对象").first.click()
	page.wait_for_url(re.compile(r"/app/monitoring-case"))
	row = page.locator(".list-row-container", has_text="国监一")
	row.wait_for()
	assert "已纳入监测" in row.inner_text(), row.inner_text()
	assert visible_words(page) == [], visible_words(page)
	shot(page, "national-import-cases")
	# the list keeps its filters for the user: clear them, as a user does, for the next visit
	page.locator(".page-container:visible .filter-x-button").first.click()
	page.wait_for_function("() => cur_list && cur_list.filter_area.get().length === 0")


ASSESSMENT_DONE = re.compile(
	r"监测中 (\d+) 户：本次评估 (\d+) 户（建议退出 (\d+) 户，继续监测 (\d+) 户），此前已评估 (\d+) 户"
)


def test_city_office_runs_the_annual_assessment_and_sees_it_progress_and_end(browser):
	data = journey_data("jobs")
	year = datetime.date.today().year
	title = f"{year}年度风险评估"
	page = open_live(browser, CITY)
	page.goto(f"{URL}/app/monitoring-case")
	page.locator(".list-row-container").first.wait_for()
	page.evaluate(WATCH_PROGRESS)

	page.locator(".page-actions").get_by_role("button", name="年度风险评估").click()
	prompt = dialog(page, "年度风险评估")
	prompt.wait_for()
	assert prompt.locator('[data-fieldname="year"] input').input_value() == str(year)
	prompt.get_by_role("button", name="开始").click()
	started = page.locator("#alert-container").get_by_text(f"{year} 年度风险评估已开始")
	started.wait_for()
	assert "完成后会通知您" in started.inner_text()

	# the bar, while it runs: same title, moving, saying how many cases are done
	bar = dialog(page, title).locator(".progress-bar")
	notice = dialog(page, title).filter(has=page.locator(".msgprint"))
	try:
		bar.or_(notice).first.wait_for(timeout=JOB_TIMEOUT)
	except playwright.TimeoutError:
		shot(page, "assessment-not-started")
		raise
	if bar.is_visible():
		shot(page, "assessment-progress")
	notice.wait_for(timeout=JOB_TIMEOUT)
	message = notice.locator(".msgprint").inner_text()
	shot(page, "assessment-done")
	seen = [s for s in page.evaluate("() => window.fanpin_progress_seen") if s["title"] == title]
	# the bar came up under the job's title and was seen to the end (a short run may give it only a
	# step or two before 100%, so a step in between is printed, not required)
	assert seen and seen[-1]["width"] == 100, seen
	between = [s for s in seen if 0 < s["width"] < 100 and "已评估" in s["description"]]
	print(f"\nannual assessment: progress bar seen at {[round(s['width']) for s in seen]} %")
	if between:
		assert all("已评估" in s["description"] for s in between), between

	# and how it ended, with the counts
	counts = ASSESSMENT_DONE.search(message)
	assert counts, message
	cases, assessed, proposed, staying, before = map(int, counts.groups())
	assert assessed >= len(data["assessment_cases"]), message  # the new cases were not assessed yet
	assert cases == assessed + before and assessed == proposed + staying, message
	assert visible_words(page) == [], visible_words(page)
	notice.locator(".btn-modal-close").click()
	notice.wait_for(state="hidden")

	# a user who closed the page learns it from the bell: it opens the year's assessments
	page.goto(f"{URL}/app/monitoring-case")
	page.locator(".list-row-container").first.wait_for()
	page.locator(".dropdown-notifications > a, .notifications-icon").first.click()
	entry = page.locator(".notification-item", has_text=title).first
	entry.wait_for()
	assert f"本次评估 {assessed} 户" in entry.inner_text(), entry.inner_text()
	shot(page, "assessment-bell")
	assert english_words(page, ".dropdown-notifications .dropdown-menu") == []
	entry.click()
	page.wait_for_url(re.compile(r"/app/risk-assessment"))
	page.locator(".list-row-container").first.wait_for()
	assert visible_words(page) == [], visible_words(page)

	# each new case has its one assessment for the year
	case = data["assessment_cases"][0]
	page.goto(f"{URL}/app/risk-assessment?case={case}&year={year}")
	page.wait_for_function(
		f"() => cur_list && cur_list.doctype === 'Risk Assessment' && cur_list.data.length === 1"
		f" && cur_list.data[0].case === '{case}'"
	)


ENTRY_LIST = "National Entry List"
MEMBER_CHANGE = "成员变更"  # the kind this journey picks (not the filter's default, 新增监测对象)
KIND_LABELS = {"新增监测对象", "风险已消除", MEMBER_CHANGE}
# The columns of the other kinds: blank on a row of member changes
OTHER_KINDS_COLUMNS = ("category", "identified_on", "risk_types", "eliminated_on", "elimination_method")


def entry_report_shows(page, kind: str, label: str | None, sources: list[str]) -> None:
	"""Wait until the report has run on the kind filter (``kind`` its value, "" for every kind): it
	lists ``sources``, and with a kind, rows of that kind (``label``) only."""
	page.wait_for_function(
		"""([kind, label, sources]) => frappe.query_report && frappe.query_report.report_name === 'National Entry List'
			&& (frappe.query_report.get_filter_value('entry') || '') === kind
			&& sources.every(s => (frappe.query_report.data || []).some(r => r.source === s))
			&& (!label || frappe.query_report.data.every(r => r.entry === label))""",
		arg=[kind, label, sources],
	)


def report_rows(page) -> list[dict]:
	return page.evaluate("() => frappe.query_report.data.map(r => Object.assign({}, r))")


def summary_figures(page) -> dict[str, str]:
	"""The report summary as the user reads it: each label with its figure."""
	items = page.locator(".page-container:visible .report-summary .summary-item")
	items.first.wait_for()
	figures = {}
	for item in items.all():
		label = item.locator(".summary-label").inner_text().strip()
		figures[label] = item.locator(".summary-value").inner_text().strip()
	return figures


def selected_kind(page) -> str:
	return page.locator('.page-form [data-fieldname="entry"] select').evaluate(
		"e => e.options[e.selectedIndex] ? e.options[e.selectedIndex].text : ''"
	)


def choose_kind(page, label: str, kind: str, sources: list[str]) -> None:
	"""Pick a kind in the report's 录入事项 filter (``label`` "" for the blank one, every kind), as a user
	does, until the report has run on it."""
	select = page.locator('.page-form [data-fieldname="entry"] select')
	for attempt in range(3):
		if label:
			select.select_option(label=label)
		else:
			select.select_option(index=0)
		try:
			entry_report_shows(page, kind, label or None, sources)
			return
		except playwright.TimeoutError:
			if attempt == 2:
				shot(page, f"entry-list-not-filtered-{kind or 'all'}")
				raise


def header_and_rows(sheet) -> tuple[list, list[list]]:
	"""The lower header row and the numbered rows under it, after the 序号 column (the title, the
	reporting unit and the upper header above; the footer below is not numbered)."""
	rows = [list(row) for row in sheet.iter_rows(values_only=True)]
	first = next(i for i, row in enumerate(rows) if row[0] == 1)
	numbered = [row[1:] for row in rows[first:] if isinstance(row[0], int | float)]
	return list(rows[first - 1][1:]), numbered


def test_city_office_lists_one_kind_to_enter_exports_it_and_opens_it_from_its_layout(browser):
	"""录入国家系统清单 filtered on 成员变更: the kind's rows only, exported in the kind's layout; the
	layout's 打开报表 opens the list filtered on its kind."""
	from openpyxl import load_workbook

	data = journey_data("jobs")["entry_list"]
	visit, today = data["visit"], datetime.date.today().isoformat()
	labels = [c["label"] for c in data["layout_columns"]]
	page = open_as(browser, CITY)

	# 1. the list, every kind, then one kind: its rows only
	page.goto(f"{URL}/app/query-report/{ENTRY_LIST}")
	page.locator(".page-container:visible .dt-row-0").first.wait_for()
	page.wait_for_function(
		"() => frappe.query_report && frappe.query_report.get_filter_value('entry') === 'New monitoring object'"
	)
	assert selected_kind(page) == "新增监测对象"  # the default
	choose_kind(page, "", "", [visit, data["elimination"]])
	every_kind = report_rows(page)
	assert {r["entry"] for r in every_kind} == KIND_LABELS, {r["entry"] for r in every_kind}
	assert data["elimination"] in {r["source"] for r in every_kind}
	figures = summary_figures(page)
	assert KIND_LABELS <= set(figures), figures
	shot(page, "entry-list-every-kind")
	assert english_words(page, "body") == [], english_words(page, "body")

	choose_kind(page, MEMBER_CHANGE, "Member change", [visit])
	rows = report_rows(page)
	assert rows and all(r["entry"] == MEMBER_CHANGE for r in rows), [r["entry"] for r in rows]
	assert len(rows) < len(every_kind)
	assert data["elimination"] not in {r["source"] for r in rows}
	assert selected_kind(page) == MEMBER_CHANGE
	# what the user reads: the summary counts this kind alone, the table shows the member who joined
	figures = summary_figures(page)
	assert figures.get(MEMBER_CHANGE) == str(len(rows)), figures
	assert not (KIND_LABELS - {MEMBER_CHANGE}) & set(figures), figures
	table = page.locator(".page-container:visible .dt-scrollable")
	ours = table.locator(".dt-row", has_text=data["member_id_number"])
	ours.wait_for()
	for text in (MEMBER_CHANGE, data["visit_head"], data["member_name"], "新增成员", data["household_code"]):
		assert text in ours.inner_text(), (text, ours.inner_text())
	assert table.locator(".dt-row", has_text=data["elimination_head"]).count() == 0
	# the kind's columns carry the rows; the other kinds' are not shown, and blank
	shown = {c["fieldname"] for c in page.evaluate("() => frappe.query_report.columns")}
	assert {c["field"] for c in data["layout_columns"]} <= shown, shown
	assert not set(OTHER_KINDS_COLUMNS) & shown, shown
	for row in rows:
		assert all(row.get(c["field"]) for c in data["layout_columns"] if c["field"] != "household_code"), row
		assert not any(row.get(field) for field in OTHER_KINDS_COLUMNS), row
	mine = next(r for r in rows if r["source"] == visit)
	assert (mine["member_name"], mine["member_id_number"], mine["member_change"]) == (
		data["member_name"],
		data["member_id_number"],
		"新增成员",
	), mine
	shot(page, "entry-list-member-changes")
	assert english_words(page, "body") == [], english_words(page, "body")

	# 2. the government spreadsheet of the kind: its layout's title and headings, its rows only
	with page.expect_download(timeout=60_000) as download:
		page.locator(".page-container:visible").get_by_role("button", name="导出政府格式表格").click()
	assert download.value.suggested_filename.endswith(".xlsx"), download.value.suggested_filename
	assert data["layout_title"] in download.value.suggested_filename, download.value.suggested_filename
	with open(download.value.path(), "rb") as f:
		sheet = load_workbook(f).active
	assert sheet["A1"].value == data["layout_title"], sheet["A1"].value
	headings, written = header_and_rows(sheet)
	assert headings == labels, headings
	assert len(written) == len(rows), (len(written), len(rows))
	column_of = {label: index for index, label in enumerate(labels)}
	# the desk's rows, in the desk's order, each a member change
	assert [(w[column_of["户主姓名"]], w[column_of["证件号码"]]) for w in written] == [
		(r["head_name"], r["member_id_number"]) for r in rows
	]
	assert all(w[column_of["变更类型"]] for w in written), written
	line = next(w for w in written if w[column_of["证件号码"]] == data["member_id_number"])
	assert [
		line[column_of[label]]
		for label in ("户编号", "乡（镇）", "行政村", "户主姓名", "成员姓名", "变更类型")
	] == [
		data["household_code"],
		"东莱街道",
		data["village_name"],
		data["visit_head"],
		data["member_name"],
		"新增成员",
	], line
	assert str(line[column_of["变更时间"]])[:10] == today, line
	assert not any(data["elimination_head"] in map(str, w) for w in written)

	# 3. the kind's layout in the desk, and its 打开报表: the list filtered on its kind
	page.goto(f"{URL}/app/export-layout")
	entry = page.locator(".list-row-container", has_text=data["layout_title"]).first
	entry.wait_for()
	shot(page, "export-layouts")
	entry.locator(".list-subject a", has_text=data["layout_title"]).first.click()
	page.wait_for_function(
		"name => window.cur_frm && cur_frm.doc.name === name && !cur_frm.is_new()", arg=data["layout"]
	)
	form = page.locator(".page-container:visible")
	form.locator('[data-fieldname="columns"] .grid-body .grid-row').first.wait_for()
	assert form.locator(".title-text").first.inner_text().strip() == data["layout_title"]
	report = form.locator('.form-layout [data-fieldname="report"] .control-value').first
	assert report.inner_text().strip() == "录入国家系统清单", report.inner_text()
	# the kind, named as the report's filter names it, once the form has the report's kinds
	form.locator('.form-layout [data-fieldname="kind"] .control-value', has_text=MEMBER_CHANGE).wait_for()
	grid_labels = form.locator(
		'[data-fieldname="columns"] .grid-body .grid-row [data-fieldname="label"] .static-area'
	).all_inner_texts()
	assert [t.strip() for t in grid_labels] == labels, grid_labels
	shot(page, "export-layout-member-change")
	assert visible_words(page) == [], visible_words(page)
	# the spreadsheet just written is the layout's attachment, in the sidebar and the timeline
	sidebar = form.locator(".form-sidebar .attachments-actions, .form-sidebar .form-attachments").first
	sidebar.get_by_text(download.value.suggested_filename).first.wait_for()
	# around the form, names only: the record's (the report's and the kind's, in the breadcrumb), the
	# installer's (the timeline) and the spreadsheet's file name; read here, asserted at the end
	names = set(re.findall(r"[A-Za-z]{3,}", data["layout"])) | {"Administrator", "xlsx"}
	around_the_form = english_words(page, "body")

	form.locator(".page-actions, .page-head").get_by_role("button", name="打开报表").first.click()
	page.wait_for_url(re.compile(r"/app/query-report/National(%20| )Entry(%20| )List"))
	try:
		entry_report_shows(page, "Member change", MEMBER_CHANGE, [visit])
	except playwright.TimeoutError:
		shot(page, "entry-list-not-opened-on-its-kind")
		raise
	assert selected_kind(page) == MEMBER_CHANGE
	landed = report_rows(page)
	assert landed and all(r["entry"] == MEMBER_CHANGE for r in landed), [r["entry"] for r in landed]
	assert {r["source"] for r in landed} == {r["source"] for r in rows}
	page.locator(".page-container:visible .dt-scrollable .dt-row", has_text=data["member_name"]).wait_for()
	figures = summary_figures(page)
	assert figures.get(MEMBER_CHANGE) == str(len(rows)), figures
	shot(page, "entry-list-from-its-layout")
	assert english_words(page, "body") == [], english_words(page, "body")
	assert set(around_the_form) <= names, sorted(set(around_the_form) - names)


# ---------------------------------------------------------------- the admin, last: it adds a county


def test_admin_sets_up_another_county_from_the_division_codes(browser):
	"""A System Manager picks 山东省 → 聊城市 → 东阿县 in 防贫设置 and gets its towns and villages;
	running it again adds nothing. Last of the journeys: the other ones see Longkou only."""
	admin = journey_data("admin")["admin"]
	page = open_live(browser, admin)
	page.goto(f"{URL}/app/fanpin-settings")
	page.locator(".page-actions").get_by_role("button", name="设置县（市）区划").click()
	picker = dialog(page, "设置县（市）区划")
	picker.wait_for()
	for fieldname, label in (("province", "山东省"), ("city", "聊城市"), ("county", "东阿县")):
		select = picker.locator(f'[data-fieldname="{fieldname}"] select')
		select.locator("option", has_text=label).first.wait_for(state="attached")
		select.select_option(label=label)
	assert visible_words(page) == [], visible_words(page)
	shot(page, "county-picker")
	picker.locator(".btn-modal-primary").click()
	done = dialog(page, "县（市）区划已设置")
	done.wait_for()
	assert re.search(r"东阿县：新增镇街区 \d+ 个、村/社区 \d+ 个", done.inner_text()), done.inner_text()
	done.locator(".btn-modal-close").click()
	done.wait_for(state="hidden")

	# again: nothing is added, nothing is changed
	page.locator(".page-actions").get_by_role("button", name="设置县（市）区划").click()
	picker = dialog(page, "设置县（市）区划")
	picker.wait_for()
	for fieldname, label in (("province", "山东省"), ("city", "聊城市"), ("county", "东阿县")):
		select = picker.locator(f'[data-fieldname="{fieldname}"] select')
		select.locator("option", has_text=label).first.wait_for(state="attached")
		select.select_option(label=label)
	picker.locator(".btn-modal-primary").click()
	done = dialog(page, "县（市）区划已设置")
	done.wait_for()
	assert "新增镇街区 0 个、村/社区 0 个" in done.inner_text(), done.inner_text()
	done.locator(".btn-modal-close").click()
	# the county's towns, in the area tree's list
	page.goto(f"{URL}/app/area?parent_area=371524000000")
	page.locator(".list-row-container", has_text="镇").first.wait_for()
	assert page.locator(".list-row-container").count() >= 5
	shot(page, "county-set-up")
