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
