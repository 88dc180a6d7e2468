"""Desk journeys of the town reviewer and the city office (市扶贫办), through the UI only: the town
review of a case after the villagers' meeting, the information comparison, the entry into
monitoring and the city's mark that ends an exit.

The records they start from are built by ``fanpin.tests.journey_data.city``. Workflow states are
never named here (an admin may rename them): the steps use the workflow's action labels and the
record's ``stage``.
"""

from __future__ import annotations

import re

from fanpin.tests.desk import (
	URL,
	english_words,
	journey_data,
	open_as,
	playwright,
	shot,
	take_action,
	type_field,
	wait_saved,
)

REVIEWER = "reviewer.donglai@fanpin.demo"
CITY = "city.office@fanpin.demo"
REVIEW = "审核通过，报市扶贫办比对"
SEND_BACK = "退回评议"
OFFICER_ACTIONS = ("核实完成，提交评议", "评议通过，提交审核", "公示期满，报送录入", "不予纳入")
COMPARE = "比对通过，进入公示"
INCLUDE = "纳入监测"
MARK = "标注致贫风险消除"


# ---------------------------------------------------------------- what a user does on a form


def open_form(page, doctype: str, name: str) -> None:
	page.goto(f"{URL}/app/{doctype}/{name}")
	wait_form(page, name)


def wait_form(page, name: str) -> None:
	page.wait_for_function(
		"n => window.cur_frm && cur_frm.doc.name === n && !cur_frm.doc.__unsaved", arg=name, timeout=60_000
	)
	page.locator(".page-head:visible .indicator-pill").first.wait_for(state="visible")


def actions(page, expected: bool = True) -> list[str]:
	"""The workflow actions the user is offered in the 操作 menu (none: no menu at all)."""
	button = page.locator(".page-head:visible .actions-btn-group > button")
	if expected:
		button.first.wait_for(state="visible")
	else:  # the form asks for its transitions after loading: let it answer before looking
		page.wait_for_load_state("networkidle")
		if not button.first.is_visible():
			return []
	button.first.click()
	menu = page.locator(".page-head:visible .actions-btn-group .dropdown-menu")
	menu.wait_for(state="visible")
	labels = [t.strip() for t in menu.locator("a.dropdown-item:visible").all_inner_texts()]
	page.keyboard.press("Escape")
	if menu.is_visible():
		button.first.click()
	menu.wait_for(state="hidden")
	return [label for label in labels if label and label != "帮助"]


def pill(page) -> tuple[str, str]:
	"""(text, classes) of the status pill next to the title."""
	element = page.locator(".page-head:visible .indicator-pill").first
	return element.inner_text().strip(), element.get_attribute("class") or ""


def no_english(page, scope: str = ".layout-main-section") -> None:
	"""No English word the user reads; record names (INC-0000123) and the scanned file's path
	are codes, not words."""
	codes = {"INC"}
	for path in page.locator(f'{scope} a[href*="/files/"]:visible').all_inner_texts():
		codes.update(re.findall(r"[A-Za-z]+", path))
	words = [w for w in english_words(page, scope) if w not in codes]
	assert words == [], words


def shown(page, field: str) -> str:
	"""What the form shows in a field: the text typed in, the option picked, or the read-only value."""
	return page.evaluate(
		"""f => { const c = [...document.querySelectorAll(`.form-layout [data-fieldname="${f}"]`)]
			.find(e => e.offsetParent && e.classList.contains("frappe-control"));
		if (!c) return null;
		const input = [...c.querySelectorAll("input, textarea, select")].find(e => e.offsetParent);
		if (input && input.tagName === "SELECT") return input.options[input.selectedIndex]?.text || "";
		if (input) return input.value;
		return (c.querySelector(".control-value") || c).innerText.trim(); }""",
		field,
	)


def doc(page, field: str):
	return page.evaluate(f"() => cur_frm.doc.{field}")


# ---------------------------------------------------------------- the town reviewer


def test_town_reviewer_finds_the_appraised_case_and_sends_it_for_comparison(browser):
	data = journey_data("city")
	page = open_as(browser, REVIEWER)
	page.goto(f"{URL}/app/monitoring-case")
	filters = page.locator(".page-form:visible, .standard-filter-section:visible").first
	name_filter = filters.locator('[data-fieldname="head_name"] input').first
	name_filter.wait_for(state="visible")
	rows = page.locator(".frappe-list:visible .list-row-container")
	match = rows.filter(has_text=data["review_head"])
	for attempt in range(3):  # like a user, type the name again when the list did not follow
		name_filter.fill("")
		name_filter.press_sequentially(data["review_head"], delay=50)
		try:
			page.wait_for_function(
				"""n => { const r = [...document.querySelectorAll('.frappe-list .list-row-container')]
					.filter(e => e.offsetParent); return r.length === 1 && r[0].innerText.includes(n); }""",
				arg=data["review_head"],
				timeout=15_000,
			)
			break
		except playwright.TimeoutError:
			if attempt == 2:
				shot(page, "reviewer-list")
				raise
	# the list shows the stage's colour: the appraisal is orange
	assert "orange" in match.locator(".indicator-pill").first.get_attribute("class")
	no_english(page)
	shot(page, "reviewer-list")

	match.locator("a.ellipsis").first.click()
	wait_form(page, data["review_case"])
	assert doc(page, "stage") == "Democratic appraisal"
	# what the meeting decided is there to review
	assert "同意纳入监测" in shown(page, "appraisal_result")
	assert "边缘易致贫户" in shown(page, "classification_explanation")
	text, classes = pill(page)
	assert "orange" in classes and not re.search(r"[A-Za-z]{3,}", text), (text, classes)
	offered = actions(page)
	# the reviewer decides the review, and does none of the officer's steps
	assert REVIEW in offered and SEND_BACK in offered, offered
	assert not set(offered) & set(OFFICER_ACTIONS), offered
	no_english(page)
	shot(page, "reviewer-case")

	take_action(page, REVIEW, "Information comparison")
	text, classes = pill(page)
	assert "yellow" in classes, classes
	assert not re.search(r"[A-Za-z]{3,}", text), text
	# now the city office's turn: nothing left for the reviewer to do, nor to change
	assert actions(page, expected=False) == []
	assert not page.locator('[data-fieldname="appraisal_result"] textarea:visible').count()
	no_english(page)
	shot(page, "reviewer-reviewed")


# ---------------------------------------------------------------- the city office


def test_city_office_compares_and_starts_the_public_notice(browser):
	data = journey_data("city")
	page = open_as(browser, CITY)
	open_form(page, "monitoring-case", data["comparison_case"])
	assert doc(page, "stage") == "Information comparison"
	assert "yellow" in pill(page)[1]
	no_english(page)
	shot(page, "city-comparison")

	result = page.locator('select[data-fieldname="comparison_result"]')
	result.select_option(label="通过")
	type_field(page, "comparison_notes", "公安、住建、市场监管比对无异常", tag="textarea")
	assert doc(page, "comparison_result") == "Passed"
	page.keyboard.press("Control+s")
	# a loaded machine may take longer than the shared wait: let the save answer first
	page.wait_for_function(
		"() => !cur_frm.is_dirty() || !!document.querySelector('.modal.show')", timeout=60_000
	)
	wait_saved(page)
	page.locator("#alert-container").filter(has_text="已保存").first.wait_for(state="visible")

	take_action(page, COMPARE, "Village public notice")
	start, end = doc(page, "notice_start"), doc(page, "notice_end")
	today = page.evaluate("() => frappe.datetime.get_today()")
	# the 5-day notice starts today and ends on its 5th day
	assert start == today, (start, today)
	assert end == page.evaluate("d => frappe.datetime.add_days(d, 4)", start), (start, end)
	assert "blue" in pill(page)[1]
	# the dates are shown, and the notice cannot be cut short
	page.reload()
	wait_form(page, data["comparison_case"])
	headline = page.locator(".form-message:visible").first
	headline.wait_for(state="visible")
	end_shown = page.evaluate("d => frappe.datetime.str_to_user(d)", end)
	assert "不能提前结束" in headline.inner_text() and end_shown in headline.inner_text(), (
		headline.inner_text()
	)
	assert "blue" in headline.get_attribute("class")
	assert shown(page, "notice_end") == end_shown, shown(page, "notice_end")
	assert shown(page, "comparison_result") == "通过", shown(page, "comparison_result")
	no_english(page)
	shot(page, "city-notice")


def test_city_office_enters_the_case_into_monitoring(browser):
	data = journey_data("city")
	page = open_as(browser, CITY)
	open_form(page, "monitoring-case", data["entry_case"])
	assert doc(page, "stage") == "Entry into monitoring"
	assert "purple" in pill(page)[1]
	assert doc(page, "identified_on") is None
	assert INCLUDE in actions(page)
	no_english(page)
	shot(page, "city-entry")

	take_action(page, INCLUDE, "Under monitoring")
	assert doc(page, "identified_on") == page.evaluate("() => frappe.datetime.get_today()")
	text, classes = pill(page)
	assert "green" in classes and not re.search(r"[A-Za-z]{3,}", text), (text, classes)
	# the category and why, in the office's words
	assert shown(page, "classification") == "边缘易致贫户", shown(page, "classification")
	explanation = shown(page, "classification_explanation")
	assert "监测线" in explanation and "条件一" in explanation, explanation
	assert shown(page, "identified_on") == page.evaluate(
		"() => frappe.datetime.str_to_user(frappe.datetime.get_today())"
	), shown(page, "identified_on")
	no_english(page)
	shot(page, "city-monitored")


def test_city_office_marks_the_poverty_risk_eliminated(browser):
	data = journey_data("city")
	page = open_as(browser, CITY)
	open_form(page, "risk-elimination", data["exit"])
	assert doc(page, "stage") == "City marking"
	assert "退出条件核查全部通过" in shown(page, "exit_findings")
	assert MARK in actions(page)
	no_english(page)
	shot(page, "city-exit")

	take_action(page, MARK, "Risk eliminated")
	assert doc(page, "eliminated_on") == page.evaluate("() => frappe.datetime.get_today()")
	assert "green" in pill(page)[1]
	no_english(page)
	shot(page, "city-exit-marked")

	# the case is out of monitoring, with the date and the way the risk went
	open_form(page, "monitoring-case", data["exit_case"])
	assert doc(page, "stage") == "Risk eliminated"
	text, classes = pill(page)
	assert not re.search(r"[A-Za-z]{3,}", text), text
	assert "darkgrey" in classes or "gray" in classes, classes
	assert doc(page, "eliminated_on") == page.evaluate("() => frappe.datetime.get_today()")
	assert shown(page, "elimination_method") == "自然消除", shown(page, "elimination_method")
	assert shown(page, "stage") == "风险已消除", shown(page, "stage")
	assert actions(page, expected=False) == []
	no_english(page)
	shot(page, "city-case-eliminated")
