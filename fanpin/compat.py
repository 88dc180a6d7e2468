"""Calls whose home differs between Frappe versions, kept in one place."""

import importlib.util
import threading
from contextlib import ExitStack, contextmanager
from functools import cache

import frappe
from frappe.utils import cint

try:  # Frappe 16: the test base classes live in frappe.tests
	from frappe.tests import IntegrationTestCase
except ImportError:  # Frappe 15
	from frappe.tests.utils import FrappeTestCase as IntegrationTestCase

__all__ = ["IntegrationTestCase"]


@cache
def list_runs_on_query_builder() -> bool:
	"""Frappe 16 runs frappe.get_list/get_all through frappe.model.qb_query: fields take
	{"COUNT": "*"} and refuse SQL strings, and limit/offset replace limit_page_length/limit_start.
	Frappe 15 has no such module (it runs frappe.model.db_query)."""
	return importlib.util.find_spec("frappe.model.qb_query") is not None


def count_field(alias: str = "total"):
	"""A COUNT(*) column for frappe.get_list that both engines accept."""
	return {"COUNT": "*", "as": alias} if list_runs_on_query_builder() else f"count(*) as {alias}"


def paging(start=0, page_length=None) -> dict:
	"""get_list paging keywords without v16's deprecation warnings (offset does not exist on v15)."""
	if list_runs_on_query_builder():
		return {"offset": cint(start), "limit": cint(page_length)}
	return {"limit_start": cint(start), "limit": cint(page_length)}


@contextmanager
def unbuffered_cursor():
	"""Frappe's unbuffered cursor streams a result set in O(1) memory where the backend can (MariaDB;
	Postgres on v16); elsewhere the rows are buffered, which is correct, only heavier. On Frappe 15 with
	PostgreSQL the method exists but raises NotImplementedError, so getattr alone is no feature test."""
	with ExitStack() as stack:
		opener = getattr(frappe.db, "unbuffered_cursor", None)
		if opener:
			try:
				stack.enter_context(opener())
			except NotImplementedError:
				pass
		yield


def preload_translations() -> None:
	"""Load the current language's translations now: on a cold cache that reads the database."""
	from frappe.translate import get_all_translations

	get_all_translations(frappe.local.lang)


def guest_language() -> None:
	"""A visitor of the public pages reads the county's language (before_request).

	Frappe 15 picks a request's language before it knows the session, so a guest gets the site's
	boot language ("en") whatever the system language is. A guest's own choice (``_lang`` or the
	language cookie) still wins; otherwise the system language applies, not the browser's.
	"""
	if frappe.session.user != "Guest":
		return
	from frappe.translate import get_language, get_preferred_language_cookie

	if frappe.form_dict.get("_lang") or get_preferred_language_cookie():
		frappe.local.lang = get_language()
	else:
		frappe.local.lang = frappe.db.get_default("lang") or get_language()


_REPORT_RUNS: dict[tuple[str, str], int] = {}
_REPORT_RUNS_LOCK = threading.Lock()


def keep_reports_live() -> None:
	"""A script report becomes a background (prepared) report only when a run of it is slow, never
	because a run failed (before_request).

	Frappe 15 starts a 15 s timer with each run and cancels it when the run returns, but not when the
	run raises: one user's filters refused with a message, and 15 s later the report is a background
	report for the whole county, which shows "这是一份后台报告" instead of its figures. Patched once per
	process: the timer switches a report only while a run of it is still going.
	"""
	from frappe.core.doctype.report import report as module

	if getattr(module, "_fanpin_live", False) or not hasattr(module, "enable_prepared_report"):
		return
	execute, enable = module.Report.execute_script_report, module.enable_prepared_report

	def execute_script_report(self, filters):
		key = (frappe.local.site, self.name)
		with _REPORT_RUNS_LOCK:
			_REPORT_RUNS[key] = _REPORT_RUNS.get(key, 0) + 1
		try:
			return execute(self, filters)
		finally:
			with _REPORT_RUNS_LOCK:
				_REPORT_RUNS[key] -= 1

	def enable_prepared_report(report: str, site: str):
		if _REPORT_RUNS.get((site, report)):
			enable(report=report, site=site)

	module.Report.execute_script_report = execute_script_report
	module.enable_prepared_report = enable_prepared_report
	module._fanpin_live = True
