"""The town's daily work in a real browser, through the UI only: the village clerk's home visit, the
officer's democratic appraisal, assistance measures, a follow-up visit and a department warning.

Records come from ``fanpin.tests.journey_data.town`` (run as ``desk.py`` describes).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from fanpin.tests.desk import (
	CLERK,
	OFFICER,
	URL,
	english_words,
	fill_link,
	journey_data,
	open_as,
	playwright,
	shot,
	type_field,
	until,
	wait_saved,
)

DATA = journey_data("town")


# ---------------------------------------------------------------- a user's ways with a form


def login(browser, user: str):
	"""Log in; on a dev site the server may be restarting, so a user tries again."""
	for attempt in range(5):
		try:
			return open_as(browser, user)
		except playwright.Error:
			if attempt == 4:
				raise


def open_form(page, doctype_route: str, name: str, ready: str = "stage") -> None:
	loaded = f"() => window.cur_frm && cur_frm.doc.name === {json.dumps(name)}"
	for attempt in range(3):  # on a dev site the server may be restarting
		try:
			page.goto(f"{URL}/app/{doctype_route}/{name}")
		except playwright.Error:
			if attempt == 2:
				raise
		try:
			page.wait_for_function(loaded)
			break
		except playwright.Error:
			if attempt == 2:
				raise
	page.locator(f'[data-fieldname="{ready}"]').first.wait_for(state="attached")


def pick_today(page, fieldname: str) -> None:
	"""Fill a date field with today through its date picker's 今天 button, as a user does."""
	field = page.locator(f'.form-layout [data-fieldname="{fieldname}"] input').first
	today = page.evaluate("() => frappe.datetime.get_today()")
	button = page.locator(".datepicker.active .datepicker--button").filter(has_text="今天").first

	def act():
		field.click()
		button.click(timeout=5_000)
		field.press("Tab")

	until(page, f"not-picked-{fieldname}", act, f"() => cur_frm.doc.{fieldname} === {json.dumps(today)}")


def save(page) -> None:
	page.keyboard.press("Control+s")
	wait_saved(page)
	page.locator(".alert-message, .desk-alert").filter(has_text="已保存").first.wait_for(state="attached")


def take_action(page, action: str) -> None:
	"""Take a workflow action from the form's 操作 menu."""
	menu = page.locator(".page-head:visible .actions-btn-group:visible").first
	item = menu.locator(".dropdown-menu .dropdown-item, .dropdown-menu a").filter(has_text=action).first
	try:
		menu.wait_for(state="visible")
	except playwright.TimeoutError:
		shot(page, f"no-actions-{action}")
		raise
	until(page, f"no-action-{action}", menu.locator("button").first.click, item)
	item.click()


def menu_item(page, group: str, label: str) -> None:
	"""Click an item of a form's custom button group (帮扶, 研判处置 …)."""
	page.locator(".page-head:visible .inner-group-button").filter(has_text=group).locator(
		"button"
	).first.click()
	page.locator(".dropdown-menu.show").get_by_text(label, exact=True).first.click()


def message_text(page) -> str:
	dialog = page.locator(".modal.show .msgprint").first
	dialog.wait_for(state="visible")
	text = dialog.inner_text()
	page.keyboard.press("Escape")
	dialog.wait_for(state="hidden")
	return text


def wait_until(page, condition, name: str) -> None:
	"""Wait for a JS condition or a locator to show; keep a screenshot of the page when it does not."""
	try:
		if isinstance(condition, str):
			page.wait_for_function(condition)
		else:
			condition.wait_for(state="visible")
	except playwright.TimeoutError:
		shot(page, f"failed-{name}")
		raise


def has_chinese(text: str) -> bool:
	return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# ---------------------------------------------------------------- the village clerk: the home visit


def test_clerk_records_the_home_visit_and_the_officer_sends_it_to_appraisal(browser):
	case = DATA["verification_case"]
	page = login(browser, CLERK)
	# from the list, as the clerk finds the case
	page.goto(f"{URL}/app/monitoring-case?name={case}")
	page.locator(f'.list-row-container a[data-name="{case}"], .list-row a[href$="/{case}"]').first.click()
	page.wait_for_function(f"() => window.cur_frm && cur_frm.doc.name === {json.dumps(case)}")
	assert page.evaluate("() => cur_frm.doc.stage") == "Home verification"
	page.locator('.form-layout [data-fieldname="verified_on"] input').first.wait_for(state="visible")
	pick_today(page, "verified_on")
	type_field(page, "verifiers", "王村委、李会计")
	type_field(page, "verification_notes", "入户查看，家中一人患慢性病，医疗支出大，情况属实", "textarea")
	save(page)
	assert page.evaluate("() => cur_frm.doc.verifiers") == "王村委、李会计"
	# the action is the town's: the clerk is not offered it
	assert not page.locator(".page-head:visible .actions-btn-group:visible").count()
	shot(page, "town-clerk-verification")
	assert english_words(page) == [], english_words(page)

	page = login(browser, OFFICER)
	open_form(page, "monitoring-case", case)
	assert page.evaluate("() => cur_frm.doc.verification_notes").startswith("入户查看")
	take_action(page, "核实完成，提交评议")
	page.wait_for_function("() => cur_frm.doc.stage === 'Democratic appraisal'")
	# the appraisal section comes up for the next step
	page.locator('.form-layout [data-fieldname="appraisal_date"] input').first.wait_for(state="visible")
	shot(page, "town-verified")
	assert english_words(page) == [], english_words(page)


# ---------------------------------------------------------------- the town officer


def test_officer_records_the_democratic_appraisal(browser, tmp_path: Path):
	case = DATA["appraisal_case"]
	page = login(browser, OFFICER)
	open_form(page, "monitoring-case", case)
	assert page.evaluate("() => cur_frm.doc.stage") == "Democratic appraisal"
	pick_today(page, "appraisal_date")
	type_field(page, "appraisal_attendees", "村两委成员、村民代表共11人", "textarea")
	type_field(page, "appraisal_result", "11票同意，0票反对，同意纳入监测", "textarea")
	save(page)
	letter = tmp_path / "授权书.PDF"
	letter.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
	page.locator('.form-layout [data-fieldname="authorization_letter"] button').first.click()
	dialog = page.locator(".modal.show").filter(has=page.locator(".file-uploader, .file-upload-area")).first
	dialog.wait_for(state="visible")
	dialog.locator('input[type="file"]').first.set_input_files(str(letter))
	dialog.locator(".file-preview-container, .file-preview").first.wait_for()
	assert english_words(page, ".modal.show") == [], english_words(page, ".modal.show")
	dialog.locator(".modal-footer .btn-primary").click()
	page.wait_for_function("() => (cur_frm.doc.authorization_letter || '').endsWith('.PDF')")
	wait_saved(page)  # an Attach field saves the form with the file
	assert page.evaluate("() => cur_frm.doc.authorization_letter").startswith("/private/files/")
	take_action(page, "评议通过，提交审核")
	page.wait_for_function(
		"() => cur_frm.doc.workflow_state && !cur_frm.is_dirty() && "
		"(cur_frm.doc.modified_by || '').includes('officer')"
	)
	page.wait_for_function(
		"""() => frappe.workflow.get_document_state_roles('Monitoring Case', cur_frm.doc.workflow_state)
			.includes('Fanpin Town Reviewer')"""
	)
	# the town review is part of the appraisal stage: the reviewer now has it
	assert page.evaluate("() => cur_frm.doc.stage") == "Democratic appraisal"
	shot(page, "town-appraisal")
	# the attachment is shown as its path (/private/files/授权书.PDF), as Frappe shows every file
	assert set(english_words(page)) <= {"private", "files"}, english_words(page)


def test_officer_plans_assistance_from_the_suggestions(browser):
	case = DATA["assistance_case"]
	page = login(browser, OFFICER)
	open_form(page, "monitoring-case", case)
	menu_item(page, "帮扶", "建议帮扶措施")
	dialog = page.locator(".modal.show").filter(has=page.locator("table")).first
	dialog.locator("tbody tr").first.wait_for()
	rows = dialog.locator("tbody tr")
	headers = dialog.locator("thead th").all_inner_texts()
	risk_column = headers.index("针对风险")
	cells = [rows.nth(i).locator("td").all_inner_texts() for i in range(rows.count())]
	# every suggestion says which risk it answers (or that it answers none in particular)
	assert all(row[risk_column].strip() for row in cells), cells
	assert any(row[risk_column].strip() == "因病" for row in cells), cells
	shot(page, "town-suggestions")
	assert english_words(page, ".modal.show") == [], english_words(page, ".modal.show")
	target = next(i for i, row in enumerate(cells) if row[risk_column].strip() == "因病")
	measure_type = cells[target][0].strip()
	rows.nth(target).get_by_role("button", name="添加为计划措施").click()
	rows.nth(target).get_by_role("button", name="已添加").wait_for()
	page.keyboard.press("Escape")

	# the planned measure, completed with who pays what
	page.goto(f"{URL}/app/assistance-measure?case={case}")
	page.locator(".list-row-container").filter(has_text=measure_type).first.locator(
		"a.ellipsis"
	).first.click()
	page.wait_for_function(
		"() => window.cur_frm && cur_frm.doctype === 'Assistance Measure' && !cur_frm.is_new()"
	)
	assert page.evaluate("() => [cur_frm.doc.measure_type, cur_frm.doc.risk_type]") == [measure_type, "因病"]
	page.select_option('.form-layout select[data-fieldname="status"]', "In progress")
	type_field(page, "responsible_unit", "东莱街道卫生院")
	type_field(page, "funding_source", "医疗救助资金")
	amount = page.locator('.form-layout [data-fieldname="amount"] input').first
	amount.fill("3456")
	amount.press("Tab")
	page.wait_for_function("() => cur_frm.doc.amount === 3456")
	save(page)
	shot(page, "town-measure")
	assert english_words(page) == [], english_words(page)
	# the ledger shows the money in ¥, as the office writes it
	page.goto(
		f"{URL}/app/query-report/Assistance Measure Ledger?village={DATA['assistance_village']}"
		f"&measure_type={measure_type}&status=In progress"
	)
	cell = page.locator(".dt-cell__content").filter(has_text="3,456").first
	wait_until(page, cell, "ledger-amount")
	assert "¥" in cell.inner_text() and "CNY" not in cell.inner_text(), cell.inner_text()
	shot(page, "town-measure-ledger")


def test_officer_visits_a_household_with_unsafe_housing(browser):
	case, household = DATA["visit_case"], DATA["visit_household"]
	page = login(browser, OFFICER)
	open_form(page, "monitoring-case", case)
	menu_item(page, "帮扶", "跟踪走访")
	page.wait_for_function(
		"() => window.cur_frm && cur_frm.doctype === 'Follow-up Visit' && cur_frm.is_new()"
	)
	# the visit starts from the household's current facts
	page.wait_for_function("() => cur_frm.doc.housing_unsafe === 1 && cur_frm.doc.water_unsafe === 0")
	page.locator(".form-layout .section-head").filter(has_text="三保障").first.click()
	housing = page.locator('.form-layout input[data-fieldname="housing_unsafe"]').first
	housing.wait_for(state="visible")
	assert housing.is_checked()
	# the areas are named, and read-only
	for fieldname in ("village", "town"):
		control = page.locator(f'.form-layout [data-fieldname="{fieldname}"]').first
		assert not control.locator("input:visible").count(), fieldname
		text = control.locator(".control-value, .like-disabled-input").first.inner_text()
		assert text and not any(ch.isdigit() for ch in text), (fieldname, text)
	type_field(page, "visitor", "东莱街道帮扶干部")
	type_field(page, "findings", "房屋仍为危房，已申请改造；新发现饮用水浑浊", "textarea")
	page.locator('.form-layout input[data-fieldname="water_unsafe"]').first.check()
	page.wait_for_function("() => cur_frm.doc.water_unsafe === 1")
	save(page)
	visit = page.evaluate("() => cur_frm.doc.name")
	for attempt in range(3):  # a request lost while a dev server restarts: the user clicks again
		page.locator(".page-head:visible .primary-action").filter(has_text="提交").first.click()
		confirm = page.locator(".modal.show").filter(has_text="永久").first
		confirm.get_by_role("button", name="是").click()
		try:
			page.wait_for_function("() => cur_frm.doc.docstatus === 1", timeout=20_000)
			break
		except playwright.TimeoutError:
			if attempt == 2:
				shot(page, "failed-visit-not-submitted")
				raise
	shot(page, "town-visit")
	assert english_words(page) == [], english_words(page)

	# the household: housing still unsafe (nobody changed it), water now unsafe
	open_form(page, "household", household, ready="housing_unsafe")
	facts = page.evaluate(
		"() => [cur_frm.doc.housing_unsafe, cur_frm.doc.water_unsafe, cur_frm.doc.school_dropout]"
	)
	assert facts == [1, 1, 0], facts
	open_form(page, "monitoring-case", case)
	assert page.evaluate("() => cur_frm.doc.last_visit") == visit


def test_officer_disposes_of_a_department_warning(browser):
	warning = DATA["warning"]
	page = login(browser, OFFICER)
	open_form(page, "department-warning", warning, ready="status")
	assert page.evaluate("() => cur_frm.doc.status") == "Pending"
	menu_item(page, "研判处置", "纳入监测")
	dialog = page.locator(".modal.show").filter(has=page.locator('[data-fieldname="risk_types"]')).first
	wait_until(page, dialog, "no-risk-dialog")
	pill = dialog.locator(".tb-selected-value").filter(has_text="因病").first
	for attempt in range(3):  # the picked risk shows as a pill before the user submits
		fill_link(page, dialog, "risk_types", "因病")
		try:
			pill.wait_for(state="visible", timeout=5_000)
			break
		except playwright.TimeoutError:
			if attempt == 2:
				shot(page, "failed-risk-not-picked")
				raise
	dialog.locator(".modal-footer .btn-primary").click()
	wait_until(
		page,
		"() => cur_frm.doc.status === 'Included in monitoring' && cur_frm.doc.monitoring_case",
		"warning-not-disposed",
	)
	shot(page, "town-warning")
	# 处置人 shows the handler's login (a Link to User): see the report; the rest is Chinese
	handler = set(re.findall(r"[A-Za-z]{3,}", OFFICER))
	assert set(english_words(page)) <= handler, english_words(page)
	page.goto(f"{URL}/app/department-warning?name={warning}")
	pill = page.locator(".list-row-container .indicator-pill").first
	pill.wait_for()
	assert "green" in pill.get_attribute("class") and "纳入监测" in pill.inner_text(), pill.inner_text()
	shot(page, "town-warning-list")
	assert english_words(page) == [], english_words(page)
