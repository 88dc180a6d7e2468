"""A script report written in the government's layout (SPEC §10): the report's rows, in the user's
scope, laid out by its Export Layout record. Small exports are written on the spot; large ones in a
background job that reports progress and sends the download link when done."""

from __future__ import annotations

import datetime
import re
import tempfile
from collections.abc import Iterable, Iterator
from types import ModuleType

import frappe
from frappe import _
from frappe.core.doctype.access_log.access_log import make_access_log
from frappe.desk.query_report import get_report_doc
from frappe.utils import add_days, cint, getdate, now_datetime

from fanpin.controllers.reports import base_fields, count, extra_fields, layout_of, own_fields, stream
from fanpin.exports import sheet
from fanpin.exports.defaults import FOOTER, LAYOUTS, PUBLIC_REPORTS
from fanpin.exports.privacy import is_sensitive

SYNC_ROWS = 2000  # above this the spreadsheet is written in a background job
PROGRESS_EVERY = 5000
KEEP_DAYS = 7  # exported files are private to their owner and removed after a week

REPORTS = {
	"Monitoring Roster": "monitoring_roster",
	"Risk Elimination List": "risk_elimination_list",
	"Public Notice List": "public_notice_list",
	"Assistance Measure Ledger": "assistance_measure_ledger",
	"Department Warning Ledger": "department_warning_ledger",
	"Deadline Watch": "deadline_watch",
	"Monitoring Work Statistics": "monitoring_work_statistics",
	"National Entry List": "national_entry_list",
	"Screening Progress": "screening_progress",
	"Unscreened Households": "unscreened_households",
}
KINDS = {"Date": sheet.DATE, "Currency": sheet.MONEY, "Int": sheet.NUMBER, "Float": sheet.NUMBER}


def report_module(report: str) -> ModuleType:
	if report not in REPORTS:
		frappe.throw(_("Report {0} has no government layout").format(_(report)))
	folder = REPORTS[report]
	return frappe.get_module(f"fanpin.fanpin.report.{folder}.{folder}")


def field_choices(report: str) -> dict[str, str]:
	"""Fields an admin may put in the report's layout, fieldname -> label: the report's own and those
	of its base DocType (custom fields included; on a public list, none that is sensitive)."""
	module = report_module(report)
	choices = {c["fieldname"]: _(c["label"]) for c in own_fields(module)}
	for df in base_fields(module, report):
		choices.setdefault(df.fieldname, _(df.label) if df.label else df.fieldname)
	return choices


def kind_of(fieldname: str, fieldtype: str) -> str:
	if fieldname.endswith("id_number"):
		return sheet.ID
	return KINDS.get(fieldtype, sheet.TEXT)


def county_name() -> str:
	return frappe.db.get_value("Area", {"level": "City"}, "area_name") or ""


def reporting_unit(user: str) -> str:
	"""填报单位: the user's own town or village, or the county for county-wide users."""
	area = frappe.db.get_value(
		"User Permission", {"user": user, "allow": "Area", "is_default": 1}, "for_value"
	) or frappe.db.get_value("User Permission", {"user": user, "allow": "Area"}, "for_value")
	return (frappe.db.get_value("Area", area, "area_name") or "") if area else county_name()


def install_default_layouts() -> None:
	"""Create the shipped layouts that do not exist yet; an existing one is the admin's and is left alone."""
	county = county_name()
	for default in LAYOUTS:
		if frappe.db.exists("Export Layout", default.name) or not frappe.db.exists("Report", default.report):
			continue
		frappe.get_doc(
			{
				"doctype": "Export Layout",
				"report": default.report,
				"kind": default.kind,
				"title": f"{county}{default.title}",
				"footer": "\n".join(FOOTER),
				"columns": [
					{"field": c.field, "label": c.label, "header_group": c.group, "width": c.width}
					for c in default.columns
				],
			}
		).insert(ignore_permissions=True)


def sheet_layout(report: str, user: str, today: datetime.date, filters: dict | None = None) -> sheet.Layout:
	module = report_module(report)
	name = layout_of(module, report, filters or {})
	if not frappe.db.exists("Export Layout", name):
		frappe.throw(
			_("The report {0} has no Export Layout yet: an administrator can add one").format(_(report))
		)
	layout = frappe.get_doc("Export Layout", name)
	types = {c["fieldname"]: c["fieldtype"] for c in own_fields(module) + extra_fields(module, report, name)}
	public = report in PUBLIC_REPORTS
	columns = [
		sheet.Column(
			field=row.field,
			label=row.label,
			group=row.header_group or "",
			width=row.width or 12,
			kind=kind_of(row.field, types.get(row.field, "Data")),
		)
		for row in layout.columns
		if row.field in types and not (public and is_sensitive(row.field, row.label))
	]
	return sheet.Layout(
		title=layout.title,
		columns=columns,
		unit=reporting_unit(user),
		report_date=f"{today.year}年{today.month}月{today.day}日",
		unit_label=layout.unit_label,
		date_label=layout.date_label,
		footer=tuple(line.strip() for line in (layout.footer or "").splitlines() if line.strip()),
		date_format=layout.date_format or "yyyy-mm-dd",
		sheet_name=re.sub(r"[\\/?*:\[\]]", "、", _(report))[:31],  # characters Excel refuses in a sheet name
		period=sheet.period_text(
			getdate(filters["from_date"]) if (filters or {}).get("from_date") else None,
			getdate(filters["to_date"]) if (filters or {}).get("to_date") else None,
		),
	)


def export_report(report: str, filters: dict) -> dict:
	"""Write now and return the file, or queue the job and return how many rows it will write."""
	get_report_doc(report)  # Frappe's own check: the report's roles and report access to its DocType
	module = report_module(report)
	filters = frappe._dict(filters or {})
	make_access_log(report_name=report, filters=frappe.as_json(filters), file_type="xlsx", method="Export")
	total = count(module, filters, extra_fields(module, report, layout_of(module, report, filters)))
	if total is not None and total > SYNC_ROWS:
		frappe.enqueue(
			write_export,
			queue="long",
			timeout=3600,
			report=report,
			filters=filters,
			user=frappe.session.user,
			total=total,
			notify=True,
		)
		return {"queued": True, "rows": total}
	return write_export(report, filters, frappe.session.user, total)


def write_export(
	report: str, filters: dict, user: str, total: int | None = None, notify: bool = False
) -> dict:
	"""Write the spreadsheet as ``user`` (their scope, their private file)."""
	if frappe.session.user != user:
		frappe.set_user(user)
	frappe.set_user_lang(user)  # a background job starts in English; the sheet is in its user's language
	get_report_doc(report)
	module = report_module(report)
	filters = frappe._dict(filters or {})
	today = datetime.date.today()
	layout = sheet_layout(report, user, today, filters)
	name = layout_of(module, report, filters)
	rows = stream(module, filters, extra_fields(module, report, name))
	if notify:
		rows = with_progress(rows, total or 0, layout.title)
	with tempfile.NamedTemporaryFile(suffix=".xlsx") as output:
		written = sheet.write_sheet(layout, rows, output)
		output.flush()
		output.seek(0)
		content = output.read()
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"{layout.title}{today:%Y%m%d}.xlsx",
			"is_private": 1,
			"content": content,
			"attached_to_doctype": "Export Layout",
			"attached_to_name": name,
		}
	).insert(ignore_permissions=True)
	result = {"file_url": file.file_url, "title": layout.title, "rows": written}
	if notify:
		frappe.publish_realtime("fanpin_export_ready", result, user=user)
	return result


def with_progress(rows: Iterable[dict], total: int, title: str) -> Iterator[dict]:
	for done, row in enumerate(rows, start=1):
		if done % PROGRESS_EVERY == 0 and total:
			frappe.publish_progress(
				min(99, cint(done * 100 / total)),
				title=_("Exporting {0}").format(title),
				description=f"{done}/{total}",
			)
		yield row
	frappe.publish_progress(100, title=_("Exporting {0}").format(title))


def remove_old_exports() -> None:
	cutoff = add_days(now_datetime(), -KEEP_DAYS)
	for name in frappe.get_all(
		"File", filters={"attached_to_doctype": "Export Layout", "creation": ("<", cutoff)}, pluck="name"
	):
		frappe.delete_doc("File", name, ignore_permissions=True)
