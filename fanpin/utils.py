"""Glue between the pure policy core and the desk: translated messages."""

import re
from contextlib import contextmanager

import frappe
from frappe import _

from fanpin.policy.idcard import parse_id_number
from fanpin.policy.messages import PolicyError


def translate(template: str, args: tuple | list = ()) -> str:
	"""A policy template in the user's language, with its arguments filled in.

	String arguments are translated too: they are stage, category and other English keys."""
	return _(template).format(*[_(arg) if isinstance(arg, str) else arg for arg in args])


def policy_message(error: PolicyError) -> str:
	return translate(error.message, error.args_for_message)


def findings_text(findings) -> str:
	"""Exit findings, one a line: ✗ blocks the exit, ! asks for a second look."""
	return "\n".join(
		("✗ " if finding.blocking else "! ") + translate(finding.template, finding.args)
		for finding in findings
	) or _("All exit checks passed")


def in_row(label: str, message: str) -> str:
	"""A message about one row or field, led by its label ("Member row 2 (张三): …")."""
	return _("{0}: {1}").format(label, message)


def throw_policy(
	error: PolicyError, row_label: str | None = None, title: str | None = None, exc=frappe.ValidationError
) -> None:
	message = policy_message(error)
	frappe.throw(in_row(row_label, message) if row_label else message, exc, title=title or _("Invalid Data"))


@contextmanager
def desk_message(row_label: str | None = None, title: str | None = None, exc=frappe.ValidationError):
	"""A rule of the policy core broken inside the block reaches the user as a Chinese message (led
	by the row or field when given), and nothing is saved."""
	try:
		yield
	except PolicyError as error:
		throw_policy(error, row_label=row_label, title=title, exc=exc)


def valid_id_number(raw: str | None, label: str) -> str:
	"""The normalised ID number, or a Chinese error led by the field's label."""
	with desk_message(row_label=label):
		return parse_id_number(raw).number


def reserve_names(series: str, count: int) -> list[str]:
	"""Names for ``count`` new records of a naming series, reserved in one step (for bulk inserts)."""
	from frappe.model.naming import parse_naming_series

	prefix_and_hashes = parse_naming_series(series.split(".#")[0] + ".")
	digits = series.count("#")
	series_table = frappe.qb.DocType("Series")
	current = (
		frappe.qb.from_(series_table)
		.select(series_table.current)
		.where(series_table.name == prefix_and_hashes)
		.for_update()
		.run()
	)
	if current:
		start = current[0][0]
		frappe.qb.update(series_table).set(series_table.current, start + count).where(
			series_table.name == prefix_and_hashes
		).run()
	else:
		start = 0
		frappe.qb.into(series_table).insert(prefix_and_hashes, count).run()
	return [f"{prefix_and_hashes}{number:0{digits}d}" for number in range(start + 1, start + count + 1)]


AUDIT_FIELDS = ["creation", "modified", "owner", "modified_by"]


def bulk_insert(doctype: str, fields: list[str], rows: list[tuple | list], chunk_size: int = 1000) -> None:
	"""Insert many rows with one statement per chunk; creation, modified, owner and modified_by are
	filled in (now, the current user).

	Frappe's own ``frappe.db.bulk_insert`` renders every value through the query builder, which
	dominates the time of a large import; here the values are escaped by the database driver's own
	rules (see :func:`_write_rows`).
	"""
	_write_rows(doctype, fields, rows, chunk_size)


def insert_dicts(doctype: str, rows: list[dict]) -> None:
	"""Bulk-insert rows given as dicts (every row with the same keys): no positional tuples to line up."""
	if rows:
		fields = list(rows[0])
		bulk_insert(doctype, fields, [[row.get(field) for field in fields] for row in rows])


def bulk_upsert(
	doctype: str, fields: list[str], rows: list[tuple | list], update: list[str], chunk_size: int = 1000
) -> None:
	"""Write many rows keyed by ``name`` (the first field) in one statement per chunk: a new name is
	inserted as :func:`bulk_insert` does, a stored one has only ``update`` (and modified,
	modified_by) rewritten, so its creation, owner and every other column stay as they were."""
	assignments = ", ".join(
		f"`{column}` = values(`{column}`)" for column in (*update, "modified", "modified_by")
	)
	_write_rows(doctype, fields, rows, chunk_size, f" on duplicate key update {assignments}")


def _write_rows(
	doctype: str, fields: list[str], rows: list[tuple | list], chunk_size: int, tail: str = ""
) -> None:
	"""``insert into … values (…), (…)`` for each chunk of ``rows``, the audit fields added.

	The statement is written out here, each value escaped as the driver (PyMySQL) would escape it, so
	that a chunk of a thousand rows and twenty-odd columns does not pay the driver's general
	per-value dispatch; the text sent is the one the driver would have sent. Where the driver is
	not PyMySQL, or a value would be altered by ``frappe.db.sql``'s own rewriting of ``ifnull(``,
	the values travel as query parameters instead."""
	if not rows:
		return
	now, user = frappe.utils.now_datetime(), frappe.session.user
	audit = [now, now, user, user]
	columns = ", ".join(f"`{field}`" for field in [*fields, *AUDIT_FIELDS])
	head = f"insert into `tab{doctype}` ({columns}) values "
	literal = _literal_function()
	audit_text = "".join("," + literal(value) for value in audit) if literal else ""
	for start in range(0, len(rows), chunk_size):
		chunk = rows[start : start + chunk_size]
		if literal:
			values = ",".join(["(" + ",".join(map(literal, row)) + audit_text + ")" for row in chunk])
			if not _REWRITTEN.search(values):
				frappe.db.sql(head + values + tail)
				continue
		placeholders = "(" + ", ".join(["%s"] * (len(fields) + len(audit))) + ")"
		frappe.db.sql(
			head + ", ".join([placeholders] * len(chunk)) + tail,
			[value for row in chunk for value in (*row, *audit)],
		)


# frappe.db.sql rewrites this in the text of a statement; a value holding it goes as a parameter
_REWRITTEN = re.compile(r"ifnull\(", flags=re.IGNORECASE)


def _literal_function():
	"""value → its SQL literal exactly as PyMySQL writes it (``Connection.literal``), with the
	commonest cases (text, whole numbers, NULL) taken directly; None where the connection is not
	PyMySQL's."""
	if not frappe.db._conn:
		frappe.db.connect()
	connection = frappe.db._conn
	literal = getattr(connection, "literal", None)
	escape_string = getattr(connection, "escape_string", None)
	if not (literal and escape_string):
		return None

	def to_sql(value) -> str:
		kind = type(value)
		if kind is str:
			return "'" + escape_string(value) + "'"
		if value is None:
			return "NULL"
		if kind is int:
			return str(value)
		return literal(value)

	return to_sql
