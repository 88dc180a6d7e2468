"""Resident identity card numbers (GB 11643-1999): normalisation, checksum and derived facts."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from operator import mul

from fanpin.policy.messages import PolicyError, _

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"

# Full-width digits and letters (U+FF10…) that Chinese input methods produce.
_FULL_WIDTH = {ord("０") + i: ord("0") + i for i in range(10)} | {ord("Ｘ"): ord("X"), ord("ｘ"): ord("X")}
_SPACES = re.compile(r"[\s\u3000]+")


@dataclass(frozen=True)
class IdInfo:
	number: str
	birth_date: datetime.date
	gender: str  # "Male" / "Female", the values of Frappe's Gender list
	region_code: str


def normalize_id_number(raw: str | None) -> str:
	"""Full-width characters to ASCII, spaces removed, a lowercase x upper-cased."""
	if not raw:
		return ""
	return _SPACES.sub("", str(raw).translate(_FULL_WIDTH)).upper()


def check_char(first17: str) -> str:
	if len(first17) != len(WEIGHTS):
		raise ValueError(f"{first17!r} has {len(first17)} characters, not 17")
	# map rather than a generator: the check runs once for every row of an imported file
	return CHECK_CHARS[sum(map(mul, map(int, first17), WEIGHTS)) % 11]


def parse_id_number(raw: str | None, today: datetime.date | None = None) -> IdInfo:
	"""Validate an 18-digit resident ID number and derive birth date and gender.

	Raises PolicyError with a message template for every way the number can be wrong.
	"""
	number = normalize_id_number(raw)
	if not number:
		raise PolicyError(_("ID number is empty"))
	if len(number) == 15 and number.isdigit():
		raise PolicyError(_("{0} is an old 15-digit ID number; enter the 18-digit number"), number)
	if len(number) != 18:
		raise PolicyError(_("{0} has {1} characters; a resident ID number has 18"), number, len(number))
	if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
		raise PolicyError(_("{0} may only contain digits and a final X"), number)
	if number[0] not in "12345678":
		raise PolicyError(_("{0} does not start with a valid region code"), number)
	try:
		birth_date = datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
	except ValueError:
		raise PolicyError(_("{0} contains an impossible birth date"), number) from None
	today = today or datetime.date.today()
	if birth_date > today or birth_date.year < 1890:
		raise PolicyError(_("{0} contains an impossible birth date"), number)
	expected = check_char(number[:17])
	if number[17] != expected:
		raise PolicyError(_("{0} fails the check digit (last character should be {1})"), number, expected)
	gender = "Male" if int(number[16]) % 2 else "Female"
	return IdInfo(number=number, birth_date=birth_date, gender=gender, region_code=number[:6])


def age_on(birth_date: datetime.date, on: datetime.date) -> int:
	"""Whole years completed on the given date (a birthday on 29 Feb counts from 1 Mar)."""
	years = on.year - birth_date.year
	if (on.month, on.day) < (birth_date.month, birth_date.day):
		years -= 1
	return years


def make_id_number(region_code: str, birth_date: datetime.date, sequence: int) -> str:
	"""Build a valid number from its parts; an odd sequence is male (used by the demo and tests)."""
	first17 = f"{region_code}{birth_date:%Y%m%d}{sequence:03d}"
	return first17 + check_char(first17)
