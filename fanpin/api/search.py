"""Link-field search queries. They read through frappe.get_list, so the user's scope applies."""

import frappe


@frappe.whitelist()
@frappe.validate_and_sanitize_search_inputs
def household_query(doctype, txt, searchfield, start, page_len, filters, **kwargs):
	"""Find households by the name or pinyin (`zs`, `zhangsan`) of any member, or by number."""
	like = f"%{(txt or '').strip()}%"
	rows = frappe.get_list(
		"Household",
		fields=["name", "head_name", "village", "household_code"],
		filters=filters,
		or_filters=[
			["name", "like", like],
			["search_keywords", "like", like],
			["household_code", "like", like],
		],
		order_by="head_pinyin asc",
		limit_start=start,
		limit_page_length=page_len,
	)
	titles = area_titles({row.village for row in rows})
	return [(row.name, row.head_name, titles.get(row.village), row.household_code) for row in rows]


@frappe.whitelist()
@frappe.validate_and_sanitize_search_inputs
def area_query(doctype, txt, searchfield, start, page_len, filters, **kwargs):
	"""Areas by name or code, each shown with the area above it, so that a village is told apart from
	its namesakes in other towns (frappe.get_list: the user's own areas only)."""
	like = f"%{(txt or '').strip()}%"
	rows = frappe.get_list(
		"Area",
		fields=["name", "area_name", "parent_area"],
		filters=filters,
		or_filters=[["name", "like", like], ["area_name", "like", like]],
		order_by="name asc",
		limit_start=start,
		limit_page_length=page_len,
	)
	above = area_titles({row.parent_area for row in rows if row.parent_area})
	return [(row.name, row.area_name, above.get(row.parent_area, "")) for row in rows]


def area_titles(areas: set[str]) -> dict[str, str]:
	if not areas:
		return {}
	# Area names are public geography; only the names of areas already in the user's results are read.
	return dict(
		frappe.get_all(
			"Area", filters={"name": ("in", list(areas))}, fields=["name", "area_name"], as_list=True
		)
	)
