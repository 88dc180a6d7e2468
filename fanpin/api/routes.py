"""Desk addresses a user may type or keep in Chinese."""

from urllib.parse import quote

import frappe
from frappe import _
from werkzeug.routing import RequestRedirect

# the desk is at /app on Frappe 15 and at /desk on Frappe 16
REPORT_ROUTES = ("/app/query-report/", "/desk/query-report/")


def report_by_title() -> None:
	"""before_request: /app/query-report/监测工作统计表 opens 监测工作统计表 (the report is named in
	English, its title is translated); an unknown report gets the 404 page, not a script error."""
	request = getattr(frappe.local, "request", None)
	if not request or request.method != "GET":
		return
	route = next((route for route in REPORT_ROUTES if request.path.startswith(route)), None)
	if not route:
		return
	title, _slash, rest = request.path[len(route) :].partition("/")
	if not title or frappe.db.exists("Report", title):
		return
	name = next((name for name in frappe.get_all("Report", pluck="name") if _(name) == title), None)
	if not name:
		raise frappe.PageDoesNotExistError(_("Report {0} not found").format(title))
	target = route + quote(name) + ("/" + rest if rest else "")
	if request.query_string:
		target += "?" + request.query_string.decode()
	raise RequestRedirect(target)
