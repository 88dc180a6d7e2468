import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fanpin.policy.idcard import (
	age_on,
	check_char,
	make_id_number,
	normalize_id_number,
	parse_id_number,
)
from fanpin.policy.messages import PolicyError

TODAY = datetime.date(2026, 11, 29)
# A published example number (GB 11643 appendix style): check character X.
KNOWN = "11010519491231002X"


def test_known_number_parses():
	info = parse_id_number(KNOWN, today=TODAY)
	assert info.birth_date == datetime.date(1949, 12, 31)
	assert info.gender == "Female"
	assert info.region_code == "110105"


def test_full_width_spaces_and_lowercase_x_are_normalised():
	raw = "１１０１０５ 1949\u30001231 002ｘ"
	assert normalize_id_number(raw) == KNOWN
	assert parse_id_number(raw, today=TODAY).number == KNOWN
	assert parse_id_number("11010519491231002x", today=TODAY).number == KNOWN


@pytest.mark.parametrize(
	"raw, template_fragment",
	[
		("", "empty"),
		("110105491231002", "15-digit"),
		("1101051949123100", "characters"),
		("11010519491231002Y", "digits"),
		("01010519491231002X", "region"),
		("110105194913310021", "birth date"),
		("110105230001010010", "birth date"),
		("110105194912310021", "check digit"),
	],
)
def test_bad_numbers_are_refused_with_a_reason(raw, template_fragment):
	with pytest.raises(PolicyError) as caught:
		parse_id_number(raw, today=TODAY)
	assert template_fragment in caught.value.message


def test_wrong_check_digit_names_the_expected_one():
	with pytest.raises(PolicyError) as caught:
		parse_id_number("110105194912310021", today=TODAY)
	assert caught.value.args_for_message[-1] == "X"


def test_future_birth_date_is_refused():
	number = make_id_number("370681", datetime.date(2027, 1, 1), 11)
	with pytest.raises(PolicyError):
		parse_id_number(number, today=TODAY)


@pytest.mark.parametrize(
	"birth, on, age",
	[
		(datetime.date(2000, 11, 29), TODAY, 26),
		(datetime.date(2000, 11, 30), TODAY, 25),
		(datetime.date(2004, 2, 29), datetime.date(2025, 2, 28), 20),
		(datetime.date(2004, 2, 29), datetime.date(2025, 3, 1), 21),
	],
)
def test_age(birth, on, age):
	assert age_on(birth, on) == age


birth_dates = st.dates(min_value=datetime.date(1900, 1, 1), max_value=TODAY)
sequences = st.integers(min_value=0, max_value=999)
regions = st.from_regex(r"[1-8][0-9]{5}", fullmatch=True)


@given(regions, birth_dates, sequences)
def test_every_well_formed_number_round_trips(region, birth, sequence):
	number = make_id_number(region, birth, sequence)
	info = parse_id_number(number, today=TODAY)
	assert info.birth_date == birth
	assert info.gender == ("Male" if sequence % 2 else "Female")
	assert info.number == number


@given(regions, birth_dates, sequences, st.integers(min_value=0, max_value=16), st.integers(1, 9))
def test_any_single_digit_change_is_caught(region, birth, sequence, position, delta):
	number = make_id_number(region, birth, sequence)
	changed_digit = str((int(number[position]) + delta) % 10)
	tampered = number[:position] + changed_digit + number[position + 1 :]
	with pytest.raises(PolicyError):
		parse_id_number(tampered, today=TODAY)


@given(regions, birth_dates, sequences)
def test_lowercase_and_full_width_forms_parse_to_the_same_number(region, birth, sequence):
	number = make_id_number(region, birth, sequence)
	full_width = "".join(chr(ord(c) - ord("0") + ord("０")) if c.isdigit() else c.lower() for c in number)
	assert parse_id_number(f" {full_width} ", today=TODAY).number == number


def test_check_char_table():
	assert check_char("11010519491231002") == "X"
	assert check_char("44052418800101001") == "4"
