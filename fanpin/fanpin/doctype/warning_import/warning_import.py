# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import get_first_day, getdate

from fanpin.controllers.jobs import Progress
from fanpin.controllers.warnings import (
	assignment_todos,
	match_members,
	open_cases,
	route,
	todo_description,
	town_officers,
)
from fanpin.imports.reader import count_rows, read_rows
from fanpin.imports.warning_rows import ColumnNotice, RowError, header_lookup, parse_rows, warning_key
from fanpin.policy.messages import PolicyError
from fanpin.utils import bulk_insert, insert_dicts, named, policy_message, reserve_names, translate

CHUNK = 2000
MAX_LISTED_ERRORS = 1000


class WarningImport(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fanpin.fanpin.doctype.warning_import_error.warning_import_error import WarningImportError

		department: DF.Link
		errors: DF.Table[WarningImportError]
		import_file: DF.Attach
		import_log: DF.SmallText | None
		report_month: DF.Date
		rows_imported: DF.Int
		rows_matched: DF.Int
		rows_read: DF.Int
		rows_rejected: DF.Int
		rows_repeated: DF.Int
		rows_unmatched: DF.Int
		status: DF.Literal["Not started", "Queued", "Completed", "Failed"]
		warning_type: DF.Link

	# end: auto-generated types
	def validate(self):
		self.report_month = get_first_day(self.report_month)
		department = frappe.db.get_value("Warning Type", self.warning_type, "department")
		if department and department != self.department:
			frappe.throw(
				_("Warning type {0} belongs to {1}, not {2}").format(
					self.warning_type, department, self.department
				)
			)

	@frappe.whitelist()
	def start_import(self):
		self.check_permission("write")
		# The row lock makes a second click wait for the first, then find the batch queued.
		if frappe.db.get_value("Warning Import", self.name, "status", for_update=True) == "Queued":
			frappe.throw(_("This file is already being imported"))
		self.db_set("status", "Queued")
		frappe.enqueue(
			"fanpin.fanpin.doctype.warning_import.warning_import.run_import",
			queue="long",
			timeout=3600,
			batch=self.name,
			job_id=f"fanpin-warning-import-{self.name}",
			deduplicate=True,
		)


def run_import(batch: str) -> dict:
	"""Import one department file: every good row once, every bad row listed with its reason.

	The batch row stays locked while it runs, so a second job for it waits and then finds it done.
	Any failure rolls the whole import back and ends the batch as 失败 with its reason in Chinese
	(the traceback goes to the Error Log)."""
	if frappe.db.get_value("Warning Import", batch, "status", for_update=True) not in (
		"Queued",
		"Not started",
	):
		return {"status": "Skipped"}
	doc = frappe.get_doc("Warning Import", batch)
	frappe.set_user_lang(frappe.session.user)
	frappe.db.savepoint("warning_import")
	try:
		file = frappe.get_doc("File", {"file_url": doc.import_file})
		content, filename = file.get_content(), file.file_name
		if isinstance(content, str):
			content = content.encode("utf-8")
		stats = WarningFileImport(doc, content, filename).run()
	except PolicyError as error:
		return failed(doc, policy_message(error))
	except Exception as error:  # any failure must end the batch, not leave it queued
		frappe.log_error(
			title=_("Warning import {0} failed").format(doc.name),
			reference_doctype="Warning Import",
			reference_name=doc.name,
		)
		return failed(
			doc, _("The file could not be imported ({0}); nothing was saved").format(type(error).__name__)
		)
	return stats


def failed(doc, reason: str) -> dict:
	frappe.db.rollback(save_point="warning_import")
	doc.db_set({"status": "Failed", "import_log": reason}, notify=True)  # an open form reloads
	Progress(_("Importing {0}").format(doc.name), 1).finish(
		reason, title=_("Warning import {0}").format(doc.name), indicator="red", **reference(doc)
	)
	return {"status": "Failed"}


def reference(doc) -> dict:
	return {"doctype": doc.doctype, "name": doc.name}


class WarningFileImport:
	def __init__(self, batch, content: bytes, filename: str):
		self.batch, self.content, self.filename = batch, content, filename
		custom = {
			row.header_text: row.field
			for row in frappe.get_all(
				"Warning Column Map Row",
				filters={"parent": batch.department, "parenttype": "Warning Column Map"},
				fields=["header_text", "field"],
			)
		}
		self.lookup = header_lookup(custom)
		self.warning_types = set(frappe.get_all("Warning Type", filters={"disabled": 0}, pluck="name"))
		self.officers = town_officers()
		self.month = getdate(batch.report_month)
		self.stats = dict(
			rows_read=0, rows_imported=0, rows_repeated=0, rows_matched=0, rows_unmatched=0, rows_rejected=0
		)
		self.errors: list[tuple[int, str, str]] = []
		self.notices: list[str] = []  # about the file's columns
		self.seen: set[str] = set()

	def run(self) -> dict:
		total = max(count_rows(self.content, self.filename), 1)
		self.progress = Progress(_("Importing {0}").format(self.batch.name), total)
		self.progress.start()
		chunk = []
		for result in parse_rows(read_rows(self.content, self.filename), self.lookup):
			if isinstance(result, ColumnNotice):
				self.notices.append(translate(result.template, result.args))
				continue
			self.stats["rows_read"] += 1
			if isinstance(result, RowError):
				self.reject(result.row_number, translate(result.template, result.args), "")
				continue
			warning_type = result.warning_type or self.batch.warning_type
			if warning_type not in self.warning_types:
				self.reject(
					result.row_number, _("unknown warning type {0}").format(warning_type), result.id_number
				)
				continue
			chunk.append((result, warning_type))
			if len(chunk) >= CHUNK:
				self.write(chunk)
				chunk = []
				self.progress.step(
					self.stats["rows_read"], _("{0} rows read").format(self.stats["rows_read"])
				)
		self.write(chunk)
		self.finish()
		return self.stats

	def reject(self, row_number: int, reason: str, id_number: str) -> None:
		self.stats["rows_rejected"] += 1
		if len(self.errors) < MAX_LISTED_ERRORS:  # the rest are counted, not listed
			self.errors.append((row_number, reason[:500], id_number))

	def write(self, chunk) -> None:
		if not chunk:
			return
		keyed = []
		for row, warning_type in chunk:
			key = warning_key(self.batch.department, warning_type, self.month, row.id_number)
			if key in self.seen:
				self.stats["rows_repeated"] += 1
				continue
			self.seen.add(key)
			keyed.append((key, row, warning_type))
		existing = (
			set(
				frappe.db.sql(
					"select `row_key` from `tabDepartment Warning` where `row_key` in %(keys)s",
					{"keys": [k for k, _r, _t in keyed]},
					pluck=True,
				)
			)
			if keyed
			else set()
		)
		new = [(k, r, t) for k, r, t in keyed if k not in existing]
		self.stats["rows_repeated"] += len(keyed) - len(new)
		members = match_members([r.id_number for _k, r, _t in new])
		cases = open_cases({m.household for m in members.values()})
		names = reserve_names("DW-.YYYY.-.#######", len(new))
		user, description = frappe.session.user, todo_description()
		department, batch = self.batch.department, self.batch.name
		rows, todos = [], []
		for name, (key, row, warning_type) in zip(names, new, strict=True):
			match = members.get(row.id_number)
			routed = route(match, cases.get(match.household) if match else None, self.officers)
			rows.append(
				{
					"name": name,
					"department": department,
					"warning_type": warning_type,
					"report_month": self.month,
					"import_batch": batch,
					"row_number": row.row_number,
					"person_name": row.person_name,
					"id_number": row.id_number,
					"area_text": row.area_text,
					"amount": row.amount or 0,
					"details": row.details,
					"row_key": key,
					**routed,
				}
			)
			person = row.person_name or row.id_number
			if routed["_assign"]:
				todos += assignment_todos(name, person, warning_type, routed["_assign"], user, description)
			self.stats["rows_matched" if match else "rows_unmatched"] += 1
		insert_dicts("Department Warning", rows)
		insert_dicts("ToDo", todos)
		self.stats["rows_imported"] += len(rows)

	def finish(self) -> None:
		frappe.db.delete("Warning Import Error", {"parent": self.batch.name, "parenttype": "Warning Import"})
		if self.errors:
			bulk_insert(
				"Warning Import Error",
				[
					"name",
					"parent",
					"parenttype",
					"parentfield",
					"idx",
					"row_number",
					"reason",
					"id_number",
				],
				named(
					(self.batch.name, "Warning Import", "errors", idx, *error)
					for idx, error in enumerate(self.errors, start=1)
				),
			)
		s = self.stats
		message = _(
			"{0} rows read: {1} imported ({2} matched, {3} unmatched), {4} already imported, {5} rejected"
		).format(
			s["rows_read"],
			s["rows_imported"],
			s["rows_matched"],
			s["rows_unmatched"],
			s["rows_repeated"],
			s["rows_rejected"],
		)
		if s["rows_rejected"] > len(self.errors):
			message += _("; the first {0} rejected rows are listed").format(len(self.errors))
		if self.notices:
			message += "\n" + "\n".join(self.notices)
		# notify: a form of the batch left open reloads by itself
		self.batch.db_set({**s, "status": "Completed", "import_log": message}, notify=True)
		self.progress.finish(
			message,
			title=_("Warning import {0}").format(self.batch.name),
			indicator="orange" if s["rows_rejected"] or self.notices else "green",
			**reference(self.batch),
		)
