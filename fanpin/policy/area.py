"""The administrative area tree (SPEC §1): city → town (镇街区) → village (村/社区)."""

from __future__ import annotations

from fanpin.policy.messages import PolicyError, _

CITY, TOWN, VILLAGE = "City", "Town", "Village"
PARENT_LEVEL = {CITY: None, TOWN: CITY, VILLAGE: TOWN}
CODE_LENGTH = 12


def check_area(level: str, code: str, parent_level: str | None) -> None:
	"""A code of 12 digits, and a parent one level up (none for the city)."""
	if level not in PARENT_LEVEL:
		raise PolicyError(_("Unknown area level {0}"), level)
	if not (code or "").isdigit() or len(code) != CODE_LENGTH:
		raise PolicyError(_("Area code {0} must be {1} digits"), code, CODE_LENGTH)
	expected = PARENT_LEVEL[level]
	if expected is None and parent_level:
		raise PolicyError(_("A city has no parent area"))
	if expected and parent_level != expected:
		raise PolicyError(_("The parent of a {0} must be a {1}"), level, expected)
