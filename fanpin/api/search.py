"""Link-field search queries. They read through frappe.get_list, so the user's scope applies."""

import frappe
from frappe import _
from frappe.utils import cint

from fanpin.compat import paging
from fanpin.policy.pinyin import is_pinyin_query, matching_name, name_matches


@frappe.whitelist()
@frappe.validate_and_sanitize_search_inputs
def household_query(doctype, txt, searchfield, start, page_len, filters, **kwargs):
	"""Find households by the start of any member's name, pinyin or initials (`zs`, `zhangsan`),
	of the household's number or code, or of any member's ID number (six digits or more); failing
	that, by any part of a name or of the household's number (pinyin is read from its start only).
	Each result says which member was found when it is not the head.

	Each way of finding is its own query on one indexed column (an OR across the household and its
	members could use no index, and a county has 450,000 members); each goes through
	frappe.get_list, so the user's scope applies. The search by any part reads the whole table, so
	it runs only when the indexed ones found nothing."""
	txt = (txt or "").strip()
	start, page_len = cint(start), cint(page_len) or 10
	rows: dict[str, frappe._dict] = {}
	for or_filters in indexed_searches(txt):
		rows.update(households_where(or_filters, filters, start + page_len, rows))
	if not rows and txt and not is_pinyin_query(txt) and not is_id_prefix(txt):
		rows.update(households_where(substring_search(txt), filters, start + page_len, rows))
	ordered = sorted(rows.values(), key=lambda row: (row.head_pinyin or "", row.name))
	ordered = ordered[start : start + page_len]
	titles = area_titles({row.village for row in ordered})
	found = members_found({row.name: row.head_name for row in ordered}, txt)
	return [
		(row.name, row.head_name, titles.get(row.village), found.get(row.name) or row.household_code)
		for row in ordered
	]


def indexed_searches(txt: str) -> list[list]:
	"""The prefix searches for what was typed, one OR group per table."""
	if not txt:
		return [[]]  # the first page of all: read in head_pinyin order, from its index
	prefix = f"{txt}%"
	member = "Household Member"
	if is_pinyin_query(txt):
		# a reading is found from its start: `zs` is 张三, not the middle of 王张松's initials
		return [[[member, "name_initials", "like", prefix], [member, "name_pinyin", "like", prefix]]]
	searches = [
		[["name", "like", prefix], ["household_code", "like", prefix]],
		[[member, "member_name", "like", prefix]],
	]
	if is_id_prefix(txt):
		searches.append([[member, "id_number", "like", prefix.upper()]])
	return searches


def is_id_prefix(txt: str) -> bool:
	"""Six digits or more (an 18-digit number may end in X): the start of an ID number, looked for
	from its start only."""
	return len(txt) >= 6 and (txt.isdigit() or (txt[:-1].isdigit() and txt[-1] in "Xx"))


def substring_search(txt: str) -> list:
	like = f"%{txt}%"
	return [["name", "like", like], ["household_code", "like", like], ["search_keywords", "like", like]]


def households_where(or_filters: list, filters, limit: int, known: dict) -> dict:
	found = frappe.get_list(
		"Household",
		fields=["name", "head_name", "village", "household_code", "head_pinyin"],
		filters=filters,
		or_filters=or_filters,
		order_by="head_pinyin asc, name asc",
		distinct=True,
		**paging(0, limit),
	)
	return {row.name: row for row in found if row.name not in known}


def members_found(heads: dict[str, str], txt: str) -> dict[str, str]:
	"""{household: "找到成员：张小三"} where the member found is not the head: by name, pinyin or the
	start of the ID number. Only the members of households the user's own search returned are read."""
	if not heads or not txt:
		return {}
	members: dict[str, list[tuple[str, str]]] = {}
	for parent, name, id_number in frappe.get_all(
		"Household Member",
		filters={"parenttype": "Household", "parent": ("in", list(heads))},
		fields=["parent", "member_name", "id_number"],
		order_by="idx asc",
		as_list=True,
	):
		members.setdefault(parent, []).append((name, id_number or ""))
	by_number = is_id_prefix(txt)
	found = {}
	for household, head in heads.items():
		people = members.get(household, [])
		if by_number:
			member = next((name for name, number in people if number.startswith(txt.upper())), None)
			if member == head:
				continue
		else:
			if name_matches(head, txt):
				continue
			member = matching_name([name for name, _number in people], txt)
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
