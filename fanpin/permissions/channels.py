"""Frappe endpoints that answer without asking about permissions, made to ask (SPEC §9).

- ``frappe.client.get_count`` counts any DocType with any filters through ``frappe.db.count``, so a
  clerk could learn whether an ID number is registered anywhere in the county. It counts through
  ``frappe.get_list`` here, so the user's scope applies.
- ``frappe.desk.search.search_link`` / ``search_widget`` drop every permission check, not only the
  user permissions, when the client sends ``ignore_user_permissions=1``. For a scoped DocType the
  flag is dropped here, so link search stays in the user's scope whatever the client sends.
- Frappe's web form ``accept`` returns the inserted document, so a guest who applies online would
  get the clue back with the household its ID number matched. A fanpin web form answers with its
  DocType only; forms of other apps keep Frappe's answer.
"""

import frappe
from frappe.client import get_safe_filters
from frappe.desk import search
from frappe.website.doctype.web_form.web_form import accept

from fanpin.permissions.registry import scoped_doctypes


@frappe.whitelist()
def get_count(doctype: str, filters=None, debug=False, cache=False) -> int:
	rows = frappe.get_list(
		doctype,
		filters=get_safe_filters(filters),
		fields=["count(*) as total"],
		parent_doctype=frappe.form_dict.get("parent"),
	)
	return rows[0].total if rows else 0


@frappe.whitelist()
def search_link(doctype: str, txt: str, *args, **kwargs):
	return search.search_link(doctype, txt, *args, **without_bypass(doctype, kwargs))


@frappe.whitelist()
def search_widget(doctype: str, txt: str, *args, **kwargs):
	return search.search_widget(doctype, txt, *args, **without_bypass(doctype, kwargs))


def without_bypass(doctype: str, kwargs: dict) -> dict:
	kwargs.pop("cmd", None)
	if doctype in scoped_doctypes():
		kwargs["ignore_user_permissions"] = False
	return kwargs


@frappe.whitelist(allow_guest=True)
def accept_web_form(web_form: str, data: str, **kwargs):
	doc = accept(web_form, data)
	if frappe.db.get_value("Web Form", web_form, "module") != "Fanpin":
		return doc
	return {"doctype": doc.doctype}
