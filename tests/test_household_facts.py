"""What the household form and the national import fill in from what was entered (SPEC §2)."""

import datetime

import pytest

from fanpin.policy.household import household_facts, member_facts
from fanpin.policy.idcard import make_id_number
from fanpin.policy.messages import PolicyError

ON = datetime.date(2026, 12, 1)
HEAD = make_id_number("370681", datetime.date(1970, 3, 1), 11)
CHILD = make_id_number("370681", datetime.date(2016, 5, 1), 33)


def test_a_members_name_loses_its_spaces_and_its_id_number_says_birth_gender_and_age():
	facts = member_facts(" 张 三", HEAD.lower(), "Ordinary labour", ON)
	assert facts == {
		"member_name": "张三",
		"id_number": HEAD,
		"birth_date": datetime.date(1970, 3, 1),
		"gender": "Male" if int(HEAD[16]) % 2 else "Female",
		"age": 56,
		"labour_skill": "Ordinary labour",
		"name_pinyin": "zhangsan",
		"name_initials": "zs",
	}


def test_a_child_is_given_no_labour_and_refused_labour():
	assert member_facts("张小", CHILD, None, ON)["labour_skill"] == "No labour capacity"
	with pytest.raises(PolicyError, match="under the working age"):
		member_facts("张小", CHILD, "Ordinary labour", ON)


def test_a_wrong_id_number_is_refused():
	with pytest.raises(PolicyError, match="check digit"):
		member_facts("张三", HEAD[:17] + ("0" if HEAD[17] != "0" else "1"), "Ordinary labour", ON)


def test_the_household_takes_its_head_size_labour_and_keywords_from_its_live_members():
	members = [
		{**member_facts("李小", CHILD, None, ON), "relation": "Son", "medical_insurance": "Not insured"},
		{**member_facts("李大", HEAD, "Lost labour capacity", ON), "relation": "Head of household"},
		{
			**member_facts("李走", make_id_number("370681", datetime.date(1980, 1, 1), 5), None, ON),
			"relation": "Spouse",
			"member_status": "Deceased",
		},
	]
	facts = household_facts(members)
	assert (facts["head_name"], facts["head_id_number"], facts["head_pinyin"]) == ("李大", HEAD, "lida")
	assert (facts["member_count"], facts["no_labour_capacity"], facts["member_uninsured"]) == (2, 1, 1)
	assert facts["search_keywords"].split()[:2] == ["李大", "lida"]


def test_a_household_without_a_head_is_refused():
	with pytest.raises(PolicyError, match="head of household"):
		household_facts([{**member_facts("李小", CHILD, None, ON), "relation": "Son"}])
