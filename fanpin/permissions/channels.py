"""Frappe endpoints that answer without asking about permissions, made to ask (SPEC §9).

- ``frappe.client.get_count`` counts any DocType with any filters through ``frappe.db.count``, so a
  clerk could learn whether an ID number is registered anywhere in the county. It counts through
  ``frappe.get_list`` here, so the user's scope applies.
- ``frappe.desk.search.search_link`` / ``search_widget`` drop every permission check, not only the
  user permissions, when the client sends ``ignore_user_permissions=1``. For a scoped DocType the
  flag is dropped here, so link search stays in the user's scope whatever the client sends.
- A web form's Link options are every record of the DocType: for the public application that is
  every area, towns and the county included, with village names that repeat across towns. The
  application's village picker offers villages only, each named with its town.
- Prints and report exports are recorded in Frappe's Access Log (who, what, which filters, when):
  the desk's print preview and a script report's Export do not record themselves.
- Frappe's web form ``accept`` returns the inserted document, so a guest who applies online would
  get the clue back with the household its ID number matched. A fanpin web form answers with its
  DocType only; forms of other apps keep Frappe's answer.
"""

import inspect

import frappe
from frappe.client import get_safe_filters
from frappe.core.doctype.access_log.access_log import make_access_log
from frappe.desk import query_report, search
from frappe.website.doctype.web_form import web_form as frappe_web_form
from frappe.website.doctype.web_form.web_form import accept
from frappe.www import printview

from fanpin.compat import count_field
from fanpin.permissions.registry import scoped_doctypes


@frappe.whitelist()
def get_count(doctype: str, filters=None, debug=False, cache=False) -> int:
	rows = frappe.get_list(
		doctype,
		filters=get_safe_filters(filters),
		fields=[count_field("total")],
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


@frappe.whitelist()
def export_query_report():
	form = frappe.local.form_dict
	make_access_log(
		report_name=form.get("report_name"),
		filters=form.get("filters"),
		file_type=form.get("file_format_type"),
		method="Export",
	)
	return query_report.export_query()


@frappe.whitelist()
def get_html_and_style(doc: str, name: str | None = None, *args, **kwargs):
	# only what Frappe's own takes: the desk's print preview also sends ``_lang`` (read from the
	# request by the translator), which Frappe's call would drop for a function without **kwargs
	kwargs = {key: value for key, value in kwargs.items() if key in PRINT_ARGUMENTS}
	if isinstance(doc, str) and isinstance(name, str):
		make_access_log(doctype=doc, document=name, method="Print")
	return printview.get_html_and_style(doc, name, *args, **kwargs)


PRINT_ARGUMENTS = frozenset(inspect.signature(printview.get_html_and_style).parameters)


@frappe.whitelist(allow_guest=True)
def get_link_options(web_form_name: str, doctype: str, allow_read_on_all_link_options: bool = False):
	options = frappe_web_form.get_link_options(web_form_name, doctype, allow_read_on_all_link_options)
	if doctype != "Area" or frappe.db.get_value("Web Form", web_form_name, "module") != "Fanpin":
		return options
	return village_options()  # the form's own check passed above


def village_options() -> str:
	"""Villages only, each named with its town: public geography, for the application form."""
	towns = dict(
		frappe.get_all("Area", filters={"level": "Town"}, fields=["name", "area_name"], as_list=True)
	)
	villages = frappe.get_all(
		"Area",
		filters={"level": "Village", "disabled": 0},
		fields=["name", "area_name", "parent_area"],
		order_by="name",
	)
	return frappe.as_json(
		[{"value": v.name, "label": f"{v.area_name}（{towns.get(v.parent_area, '')}）"} for v in villages]
	)
