"""Glue between the pure policy core and the desk: translated messages."""

import frappe
from frappe import _

from fanpin.policy.messages import PolicyError


def policy_message(error: PolicyError) -> str:
	"""The policy's English template, translated, with its arguments filled in."""
	# Stage and category values are English keys: show them in the user's language too.
	args = [_(arg) if isinstance(arg, str) else arg for arg in error.args_for_message]
	return _(error.message).format(*args)


def throw_policy(error: PolicyError, prefix: str | None = None, title: str | None = None) -> None:
	message = policy_message(error)
	frappe.throw(f"{prefix}{message}" if prefix else message, title=title or _("Invalid Data"))


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


def bulk_insert(doctype: str, fields: list[str], rows: list[tuple | list], chunk_size: int = 1000) -> None:
	"""Insert many rows with one parameterised statement per chunk.

	Frappe's own ``frappe.db.bulk_insert`` renders every value through the query builder, which
	dominates the time of a large import; here the values travel as query parameters.
	"""
	if not rows:
		return
	columns = ", ".join(f"`{field}`" for field in fields)
	placeholders = "(" + ", ".join(["%s"] * len(fields)) + ")"
	for start in range(0, len(rows), chunk_size):
		chunk = rows[start : start + chunk_size]
		frappe.db.sql(
			f"insert into `tab{doctype}` ({columns}) values {', '.join([placeholders] * len(chunk))}",
			[value for row in chunk for value in row],
		)


def use_language_of(user: str) -> None:
	"""Background jobs start in English; messages they store should be in their user's language."""
	frappe.local.lang = (
		frappe.db.get_value("User", user, "language")
		or frappe.db.get_single_value("System Settings", "language")
		or "en"
	)
