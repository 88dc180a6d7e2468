"""Glue between the pure policy core and the desk: translated messages."""

import datetime
import queue
import re
import secrets
import threading
import time
from contextlib import contextmanager
from decimal import Decimal

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
_naming = threading.Lock()
_last_tick = [0]


def row_names(count: int) -> list[str]:
	"""Names for ``count`` rows of a bulk insert that names no series (child rows, ToDos, Versions).

	Frappe names such a row with 10 random hex characters and, on a save, tries again when the name
	is taken; a bulk insert has no second try, and a county's 450,000 members given random names of
	that length share one about one import in ten, which fails it whole. These are 18 hex characters: the
	time in tenths of a microsecond, never issued twice by a process, then 4 random characters for
	processes that name rows at the same moment. Increasing, they also land at the end of the
	table's primary key instead of all over it."""
	with _naming:
		tick = max(time.time_ns() // 100, _last_tick[0] + 1)
		_last_tick[0] = tick + count - 1
	salt = secrets.token_hex(2)
	return [f"{number:014x}{salt}" for number in range(tick, tick + count)]


def row_name() -> str:
	return row_names(1)[0]


def named(rows) -> list[list]:
	"""Each row led by a name of its own (:func:`row_names`), for a table whose first field is
	``name``."""
	rows = list(rows)
	return [[name, *row] for name, row in zip(row_names(len(rows)), rows, strict=True)]


def bulk_insert(
	doctype: str,
	fields: list[str],
	rows: list[tuple | list],
	chunk_size: int = 1000,
	behind: "WriteBehind | None" = None,
) -> None:
	"""Insert many rows with one statement per chunk; creation, modified, owner and modified_by are
	filled in (now, the current user).

	Frappe's own ``frappe.db.bulk_insert`` renders every value through the query builder, which
	dominates the time of a large import; here the values are escaped by the database driver's own
	rules (see :func:`_write_rows`). Given ``behind``, the statements are sent by it.
	"""
	_write_rows(doctype, fields, rows, chunk_size, behind=behind)


def insert_dicts(doctype: str, rows: list[dict], behind: "WriteBehind | None" = None) -> None:
	"""Bulk-insert rows given as dicts (every row with the same keys): no positional tuples to line up."""
	if rows:
		fields = list(rows[0])
		bulk_insert(doctype, fields, [[row.get(field) for field in fields] for row in rows], behind=behind)


def bulk_upsert(
	doctype: str,
	fields: list[str],
	rows: list[tuple | list],
	update: list[str],
	chunk_size: int = 1000,
	behind: "WriteBehind | None" = None,
) -> None:
	"""Write many rows keyed by ``name`` (the first field) in one statement per chunk: a new name is
	inserted as :func:`bulk_insert` does, a stored one has only ``update`` (and modified,
	modified_by) rewritten, so its creation, owner and every other column stay as they were."""
	assignments = ", ".join(
		f"`{column}` = values(`{column}`)" for column in (*update, "modified", "modified_by")
	)
	_write_rows(doctype, fields, rows, chunk_size, f" on duplicate key update {assignments}", behind)


def bulk_delete(doctype: str, filters: dict, behind: "WriteBehind | None" = None) -> None:
	"""``frappe.db.delete`` of rows matching ``{field: value or list of values}``, sent by ``behind``
	when given (after the statements it already holds)."""
	literal = behind.literal if behind and behind.active else None
	if not literal:
		if behind:
			behind.wait()
		frappe.db.delete(
			doctype, {k: ("in", v) if isinstance(v, list | tuple) else v for k, v in filters.items()}
		)
		return
	conditions = []
	for field, value in filters.items():
		values = value if isinstance(value, list | tuple) else [value]
		if not values:
			return
		conditions.append(f"`{field}` in ({','.join(map(literal, values))})")
	behind.add(f"delete from `tab{doctype}` where " + " and ".join(conditions))


def _write_rows(
	doctype: str,
	fields: list[str],
	rows: list[tuple | list],
	chunk_size: int,
	tail: str = "",
	behind: "WriteBehind | None" = None,
) -> None:
	"""``insert into … values (…), (…)`` for each chunk of ``rows``, the audit fields added.

	The statement is written out here, each value escaped as the driver (PyMySQL) would escape it, so
	that a chunk of a thousand rows and twenty-odd columns does not pay the driver's general
	per-value dispatch; the text sent is the one the driver would have sent. Where the driver is
	not PyMySQL, or a value would be altered by ``frappe.db.sql``'s own rewriting of ``ifnull(``,
	the values travel as query parameters instead. ``behind`` sends the statements itself, straight
	to the driver (nothing rewrites them there)."""
	if not rows:
		return
	deferred = behind is not None and behind.active
	if deferred:
		audit = behind.audit
	else:
		if behind is not None:
			behind.wait()
		now, user = frappe.utils.now_datetime(), frappe.session.user
		audit = [now, now, user, user]
	columns = ", ".join(f"`{field}`" for field in [*fields, *AUDIT_FIELDS])
	head = f"insert into `tab{doctype}` ({columns}) values "
	literal = behind.literal if deferred else _literal_function()
	audit_text = "".join("," + literal(value) for value in audit) if literal else ""
	for start in range(0, len(rows), chunk_size):
		chunk = rows[start : start + chunk_size]
		if literal:
			values = ",".join(["(" + ",".join(map(literal, row)) + audit_text + ")" for row in chunk])
			if deferred:
				behind.add(head + values + tail)
				continue
			if not _REWRITTEN.search(values):
				frappe.db.sql(head + values + tail)
				continue
		placeholders = "(" + ", ".join(["%s"] * (len(fields) + len(audit))) + ")"
		frappe.db.sql(
			head + ", ".join([placeholders] * len(chunk)) + tail,
			[value for row in chunk for value in (*row, *audit)],
		)


class WriteBehind:
	"""Statements of a long import run by a second thread, on the job's own connection and so inside
	its transaction, while the job goes on reading and checking its file.

	The database works on one part of the file while Python reads and builds the next: on a server
	of two cores, both are busy. A statement runs as soon as it is added. The caller keeps to one
	rule: from the first :meth:`add` until :meth:`wait`, it does not use the database itself
	(reading a file and checking rows needs none; names and anything else read from the database
	are read before). A statement the database refuses stops the rest and is raised by
	:meth:`wait`, and the job ends as it would have ended on that statement. Where the driver is not
	PyMySQL, nothing is deferred (``active`` is False) and the statements go one by one as before."""

	def __init__(self) -> None:
		self.literal = _literal_function()
		self.active = self.literal is not None
		self.audit: list = []
		self.pending: queue.Queue = queue.Queue()
		self.thread: threading.Thread | None = None
		self.error: BaseException | None = None
		self.begin()

	def begin(self) -> None:
		"""Take the time written as creation and modified on what is added next (read here, while
		the database is the caller's)."""
		now = frappe.utils.now_datetime()
		self.audit = [now, now, frappe.session.user, frappe.session.user]

	def add(self, statement: str) -> None:
		if self.thread is None:
			self.thread = threading.Thread(target=self._run, args=(frappe.db._conn,), daemon=True)
			self.thread.start()
		self.pending.put(statement)

	def _run(self, connection) -> None:
		with connection.cursor() as cursor:
			while True:
				statement = self.pending.get()
				try:
					if statement is None:
						return
					if self.error is None:  # after a refusal the rest is dropped: the job rolls back
						cursor.execute(statement)
				except BaseException as error:
					self.error = error
				finally:
					self.pending.task_done()

	def wait(self, raise_error: bool = True) -> None:
		"""Return once the database has run every statement added."""
		if self.thread is not None:
			self.pending.join()
		if self.error is not None:
			error, self.error = self.error, None
			if raise_error:
				raise error

	def stop(self) -> None:
		"""Let what was added end (dropped after a failure), and end the thread."""
		if self.thread is not None:
			self.pending.put(None)
			self.thread.join()
			self.thread = None
		self.error = None


# frappe.db.sql rewrites this in the text of a statement; a value holding it goes as a parameter
_REWRITTEN = re.compile(r"ifnull\(", flags=re.IGNORECASE)


REMEMBERED_LITERALS = 50_000


def _literal_function():
	"""value → its SQL literal exactly as PyMySQL writes it (``Connection.literal``), with the
	commonest cases (text, whole numbers, NULL) taken directly, and a text met before (a relation,
	a village, the parent's name on each of its rows) written once; None where the connection is
	not PyMySQL's."""
	if not frappe.db._conn:
		frappe.db.connect()
	connection = frappe.db._conn
	literal = getattr(connection, "literal", None)
	escape_string = getattr(connection, "escape_string", None)
	if not (literal and escape_string):
		return None
	written: dict[str, str] = {}
	# a date, a datetime, an amount: the driver's own encoder for the type, called straight
	encoders = getattr(connection, "encoders", None) or {}
	direct = {
		kind: encoders[kind]
		for kind in (datetime.date, datetime.datetime, Decimal, float)
		if kind in encoders
	}

	def to_sql(value) -> str:
		kind = type(value)
		if kind is str:
			text = written.get(value)
			if text is None:
				text = "'" + escape_string(value) + "'"
				if len(written) < REMEMBERED_LITERALS:
					written[value] = text
			return text
		if value is None:
			return "NULL"
		if kind is int:
			return str(value)
		encoder = direct.get(kind)
		if encoder is not None:
			return encoder(value, encoders)
		return literal(value)

	return to_sql
