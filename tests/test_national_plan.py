"""What one household of a national export writes, as its form would save it (issue: any county from
the national spreadsheets, at county scale)."""

import datetime

from fanpin.imports.national_plan import (
	Context,
	StoredHousehold,
	plan_household,
)
from fanpin.imports.national_rows import NationalRow
from fanpin.policy.idcard import make_id_number

ON = datetime.date(2026, 12, 1)
CONTEXT = Context(
	on=ON,
	export_date=datetime.date(2026, 11, 30),
	member_defaults={"ethnicity": "汉族", "member_status": "In household", "health": "Healthy"},
	lengths={"member_name": 140, "phone": 140, "search_keywords": 1000},
)
HEAD = make_id_number("370681", datetime.date(1970, 3, 1), 11)
SPOUSE = make_id_number("370681", datetime.date(1972, 5, 1), 22)
CHILD = make_id_number("370681", datetime.date(2016, 5, 1), 33)


def row(number, id_number, name, relation, labour="Ordinary labour", code="370681001", **extra):
	member = {"id_number": id_number, "member_name": name, "relation": relation}
	if labour:
		member["labour_skill"] = labour
	return NationalRow(
		row_number=number,
		household={"household_code": code, "household_type": extra.pop("household_type", None), **extra},
		member=member,
		income={"per_capita_income": 4000},
	)


def plan(rows, stored=None, owners=None, may_see=lambda village: True):
	return plan_household(rows, "V1", "T1", stored, owners or {}, may_see, CONTEXT)


def test_a_new_household_takes_what_its_form_fills_in():
	result, refused = plan(
		[row(5, HEAD, "王 大", "Head of household"), row(6, CHILD, "王小", "Son", labour=None)]
	)
	assert refused == []
	household = result.household
	assert (household["head_name"], household["member_count"], household["town"]) == ("王大", 2, "T1")
	assert household["household_type"] == "Ordinary rural household"
	assert household["search_keywords"].startswith("王大 wangda wd")
	child = result.members[1]
	assert (child["age"], child["labour_skill"], child["gender"]) == (10, "No labour capacity", "Male")
	assert child["ethnicity"] == "汉族" and child["name"] is None
	assert (result.members_created, result.members_updated) == (2, 0)
	assert result.income["per_capita_income"] == 4000 and result.income["household_size"] == 2


def test_a_stored_household_is_updated_in_place_and_keeps_the_members_the_file_omits():
	stored = StoredHousehold(
		name="HH-1",
		village="V1",
		values={"household_code": "370681001", "phone": "1", "monitoring_case": "MC-1"},
		members=[
			{
				"name": "m1",
				"id_number": HEAD,
				"member_name": "王大",
				"relation": "Head of household",
				"labour_skill": "Ordinary labour",
				"member_status": "In household",
				"work_place": "龙口",
			},
			{
				"name": "m2",
				"id_number": SPOUSE,
				"member_name": "李二",
				"relation": "Spouse",
				"labour_skill": "Ordinary labour",
				"member_status": "In household",
			},
		],
		other_income=5000,
	)
	result, refused = plan([row(5, HEAD, "王大", "Head of household", labour=None)], stored)
	assert refused == []
	assert [m["name"] for m in result.members] == ["m1", "m2"]
	assert result.members[0]["work_place"] == "龙口"  # what the file leaves blank stays
	assert result.household["monitoring_case"] == "MC-1" and result.household["member_count"] == 2
	assert ("Member", f"李二（{SPOUSE}）", None) in result.differences
	assert ("Per-capita Income", "¥5,000.00", "¥4,000.00") in result.differences


def test_a_person_of_another_household_is_refused_and_named_only_where_the_importer_sees_it():
	owners = {SPOUSE: ("HH-9", "V9")}
	rows = [row(5, HEAD, "王大", "Head of household"), row(6, SPOUSE, "李二", "Spouse")]
	result, refused = plan(rows, owners=owners, may_see=lambda village: False)
	assert [m["id_number"] for m in result.members] == [HEAD]
	assert refused[0].row_number == 6 and refused[0].column == "证件号码"
	assert refused[0].message.template == "{0} is already registered in another area"
	_, refused = plan(rows, owners=owners)
	assert refused[0].message.args == (SPOUSE, "HH-9")


def test_a_household_its_form_refuses_lands_nowhere_and_every_row_says_why():
	rows = [row(5, HEAD, "王大", "Spouse"), row(6, SPOUSE, "李二", "Spouse")]
	result, refused = plan(rows)
	assert result is None
	assert [r.row_number for r in refused] == [5, 6]
	assert refused[0].message.template == "A household needs one member who is the head of household"


def test_a_wrong_id_number_is_said_with_its_member_row():
	bad = HEAD[:-1] + ("0" if HEAD[-1] != "0" else "1")
	result, refused = plan([row(5, bad, "王大", "Head of household")])
	assert result is None
	assert refused[0].message.label == ("Member row {0} ({1})", (1, "王大"))


def test_an_adult_without_labour_skill_is_refused_naming_the_column():
	result, refused = plan([row(5, HEAD, "王大", "Head of household", labour=None)])
	assert result is None
	assert (refused[0].column, refused[0].message.template) == ("劳动技能", "empty")


def test_a_phone_the_form_would_not_keep_refuses_the_household():
	result, refused = plan([row(5, HEAD, "王大", "Head of household", phone="电话坏了")])
	assert result is None and refused[0].message.template == "{0} is not a valid phone number"


def test_rows_that_disagree_on_the_household_are_refused():
	rows = [row(5, HEAD, "王大", "Head of household", phone="1"), row(6, SPOUSE, "李二", "Spouse", phone="2")]
	result, refused = plan(rows)
	assert result is None and refused[0].column == "联系电话"


def test_a_case_fanpin_took_through_the_procedure_is_not_written_and_its_difference_is_said():
	stored = StoredHousehold(
		name="HH-1",
		village="V1",
		values={"household_code": "370681001", "monitoring_case": "MC-1"},
		members=[
			{
				"name": "m1",
				"id_number": HEAD,
				"member_name": "王大",
				"relation": "Head of household",
				"labour_skill": "Ordinary labour",
				"member_status": "In household",
			}
		],
		case={"stage": "Home verification", "classification": None, "from_national_system": 0},
	)
	monitored = NationalRow(
		row_number=5,
		household={"household_code": "370681001"},
		member={"id_number": HEAD, "member_name": "王大", "relation": "Head of household"},
		monitoring={
			"stage": "Under monitoring",
			"category": "Marginal household",
			"identified_on": ON,
			"risk_types": ["因病"],
			"eliminated_on": None,
			"elimination_method": None,
			"risk_eliminated": False,
		},
	)
	result, _ = plan([monitored], stored)
	assert result.monitoring is None
	assert ("Stage", "Home verification", "Under monitoring") in result.differences


def test_where_fanpins_own_income_of_the_year_stands_every_amount_the_file_gives_is_listed_beside_it():
	stored = StoredHousehold(
		name="HH-1",
		village="V1",
		values={"household_code": "370681001"},
		members=[
			{
				"name": "m1",
				"id_number": HEAD,
				"member_name": "王大",
				"relation": "Head of household",
				"labour_skill": "Ordinary labour",
				"member_status": "In household",
			}
		],
		other_income=5200,
		staff_income=True,
		staff_figures={"net_income": 5200, "wage_income": 5200, "per_capita_income": 5200},
	)
	given = row(5, HEAD, "王大", "Head of household")
	given = NationalRow(
		row_number=5,
		household=given.household,
		member=given.member,
		income={"per_capita_income": 4100, "net_income": 4100, "wage_income": 3000, "transfer_income": 1100},
	)
	result, refused = plan([given], stored)
	assert refused == []
	assert result.differences[-4:] == [
		("Per-capita Income", "¥5,200.00", "¥4,100.00"),
		("家庭年纯收入", "¥5,200.00", "¥4,100.00"),
		("工资性收入", "¥5,200.00", "¥3,000.00"),
		("转移性收入", "¥0.00", "¥1,100.00"),
	]
