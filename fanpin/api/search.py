"""Link-field search queries. They read through frappe.get_list, so the user's scope applies."""

import frappe
from frappe import _

from fanpin.compat import paging
from fanpin.policy.pinyin import is_pinyin_query, matching_name, name_matches


@frappe.whitelist()
@frappe.validate_and_sanitize_search_inputs
def household_query(doctype, txt, searchfield, start, page_len, filters, **kwargs):
	"""Find households by any member's name, by the start of a member's pinyin or initials (`zs`,
	`zhangsan`), by the household's number or code, or by the start of the head's ID number. Each
	result says which member was found when it is not the head."""
	txt = (txt or "").strip()
	like = f"%{txt}%"
	if is_pinyin_query(txt):
		# a reading is found from its start: `zs` is 张三, not the middle of 王张松's initials
		words = [["search_keywords", "like", f"{txt}%"], ["search_keywords", "like", f"% {txt}%"]]
	else:
		words = [["search_keywords", "like", like]]
	or_filters = [["name", "like", like], ["household_code", "like", like], *words]
	if txt.isdigit() and len(txt) >= 6:
		or_filters.append(["head_id_number", "like", f"{txt}%"])
	rows = frappe.get_list(
		"Household",
		fields=["name", "head_name", "village", "household_code"],
		filters=filters,
		or_filters=or_filters,
		order_by="head_pinyin asc",
		**paging(start, page_len),
	)
	titles = area_titles({row.village for row in rows})
	found = members_found({row.name: row.head_name for row in rows}, txt)
	return [
		(row.name, row.head_name, titles.get(row.village), found.get(row.name) or row.household_code)
		for row in rows
	]


def members_found(heads: dict[str, str], txt: str) -> dict[str, str]:
	"""{household: "找到成员：张小三"} where the member found is not the head. Only the members of
	households the user's own search returned are read."""
	if not heads or not txt:
		return {}
	members: dict[str, list[str]] = {}
	for parent, name in frappe.get_all(
		"Household Member",
		filters={"parenttype": "Household", "parent": ("in", list(heads))},
		fields=["parent", "member_name"],
		order_by="idx asc",
		as_list=True,
	):
		members.setdefault(parent, []).append(name)
	found = {}
	for household, head in heads.items():
		if name_matches(head, txt):
			continue
		member = matching_name(members.get(household, []), txt)
		if member:
			found[household] = _("Member found: {0}").format(member)
	return found


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
		**paging(start, page_len),
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
