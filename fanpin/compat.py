"""Calls whose home differs between Frappe versions, kept in one place."""

from contextlib import AbstractContextManager, nullcontext

import frappe


def unbuffered_cursor() -> AbstractContextManager:
	"""Frappe's unbuffered cursor (v15 on MariaDB) streams a result set in O(1) memory; elsewhere the
	rows are buffered, which is correct, only heavier."""
	opener = getattr(frappe.db, "unbuffered_cursor", None)
	return opener() if opener else nullcontext()


def preload_translations() -> None:
	"""Load the current language's translations now: on a cold cache that reads the database."""
	from frappe.translate import get_all_translations

	get_all_translations(frappe.local.lang)
