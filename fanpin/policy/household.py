"""Household facts derived from its members (SPEC §2)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from fanpin.policy.messages import PolicyError, _

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
