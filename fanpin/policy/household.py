"""Household facts derived from its members (SPEC §2)."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from fanpin.policy.idcard import IdInfo, age_on, parse_id_number
from fanpin.policy.messages import PolicyError, _
from fanpin.policy.pinyin import name_pinyin, search_keywords

HEAD = "Head of household"
LIVE_MEMBER = "In household"
# 劳动技能 values that mean the person cannot work.
WITHOUT_LABOUR = frozenset({"Lost labour capacity", "No labour capacity"})
UNINSURED = "Not insured"
# Below the working age a person is 无劳动力 whatever else is entered.
WORKING_AGE = 16
NO_LABOUR = "No labour capacity"


def labour_skill_for_age(age: int, labour_skill: str | None) -> str:
	"""The 劳动技能 of a member of this age: a child has none (empty is filled in, labour refused)."""
	if age >= WORKING_AGE:
		return labour_skill
	if not labour_skill:
		return NO_LABOUR
	if labour_skill not in WITHOUT_LABOUR:
		raise PolicyError(
			_("is {0} years old, under the working age of {1}: the labour skill must be no labour capacity"),
			age,
			WORKING_AGE,
		)
	return labour_skill


@dataclass(frozen=True)
class HouseholdSummary:
	head_index: int  # position of the head among the members given
	size: int
	no_labour_capacity: bool
	member_uninsured: bool


def summarize_members(members: Iterable[Mapping]) -> HouseholdSummary:
	"""Head, size and the flags a household takes from its live members.

	Members are mappings with ``relation``, ``member_status``, ``labour_skill`` and
	``medical_insurance``. Exactly one live member must be the head.
	"""
	members = list(members)
	live = [(i, m) for i, m in enumerate(members) if (m.get("member_status") or LIVE_MEMBER) == LIVE_MEMBER]
	heads = [i for i, m in live if m.get("relation") == HEAD]
	if not heads:
		raise PolicyError(_("A household needs one member who is the head of household"))
	if len(heads) > 1:
		raise PolicyError(
			_("Only one member can be the head of household; rows {0} are all marked as head"),
			"、".join(str(i + 1) for i in heads),
		)
	return HouseholdSummary(
		head_index=heads[0],
		size=len(live),
		no_labour_capacity=all(m.get("labour_skill") in WITHOUT_LABOUR for _i, m in live),
		member_uninsured=any(m.get("medical_insurance") == UNINSURED for _i, m in live),
	)


def member_name_of(raw: str | None) -> str:
	"""A member's name as it is kept: without spaces (张 三 is 张三)."""
	return "".join((raw or "").split())


def member_facts(
	member_name: str | None,
	id_number: str | None,
	labour_skill: str | None,
	on: datetime.date,
	parse: Callable[..., IdInfo] = parse_id_number,
) -> dict:
	"""What a member's form fills in from what was entered, on the given day: the name without
	spaces, what the ID number says (the number as kept, birth date, gender, age), a child's 劳动技能,
	the name's pinyin. PolicyError where the ID number or the labour is wrong for the person.

	The household form and the national import both fill their members in with it; ``parse`` is
	how the ID number is read (the import passes a cached reader)."""
	name = member_name_of(member_name)
	info = parse(id_number, today=on)
	age = age_on(info.birth_date, on)
	reading = name_pinyin(name)
	return {
		"member_name": name,
		"id_number": info.number,
		"birth_date": info.birth_date,
		"gender": info.gender,
		"age": age,
		"labour_skill": labour_skill_for_age(age, labour_skill),
		"name_pinyin": reading.full,
		"name_initials": reading.initials,
	}


def household_facts(members: Sequence[Mapping]) -> dict:
	"""What a household's form fills in from its members (as :func:`member_facts` left them): the
	head, the size, whether it has labour or an uninsured member, the search keywords. PolicyError
	where it has no head or more than one."""
	summary = summarize_members(members)
	head = members[summary.head_index]
	return {
		"head_name": head["member_name"],
		"head_id_number": head["id_number"],
		"head_pinyin": head["name_pinyin"],
		"member_count": summary.size,
		"no_labour_capacity": int(summary.no_labour_capacity),
		"member_uninsured": int(summary.member_uninsured),
		"search_keywords": search_keywords(
			[head["member_name"]] + [m["member_name"] for m in members if m is not head]
		),
	}


def repeated_id_numbers(id_numbers: Iterable[str]) -> dict[str, list[int]]:
	"""ID numbers that appear more than once, with the 1-based rows they appear in."""
	rows: dict[str, list[int]] = {}
	for row, number in enumerate(id_numbers, start=1):
		if number:
			rows.setdefault(number, []).append(row)
	return {number: found for number, found in rows.items() if len(found) > 1}


SEVERE_DISABILITY_GRADES = frozenset({"Grade 1", "Grade 2"})


def special_groups(members: Iterable[Mapping]) -> dict[str, bool]:
	"""The special groups of policy §二.(一) that follow from the live members' records."""
	live = [m for m in members if (m.get("member_status") or LIVE_MEMBER) == LIVE_MEMBER]
	return {
		"group_dibao": any(m.get("enjoys_dibao") for m in live),
		"group_tekun": any(m.get("tekun_support") for m in live),
		"group_serious_illness": any(m.get("health") == "Serious illness" for m in live),
		"group_severe_disability": any(
			m.get("health") == "Disability" and m.get("disability_grade") in SEVERE_DISABILITY_GRADES
			for m in live
		),
	}
