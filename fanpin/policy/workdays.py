"""Chinese working days (SPEC §6): weekends, statutory holidays and 调休 make-up workdays.

Holidays come from the ``chinese_calendar`` package (kept current with the State Council's yearly
notice); admin-entered overrides win over it. For a year the package does not know yet, only
weekends and the overrides count, and :func:`calendar_known` says so.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import chinese_calendar

from fanpin.policy.messages import PolicyError, _

Overrides = Mapping[datetime.date, bool]  # date → is a working day


def calendar_known(day: datetime.date) -> bool:
	try:
		chinese_calendar.is_workday(day)
	except NotImplementedError:
		return False
	return True


def is_working_day(day: datetime.date, overrides: Overrides | None = None) -> bool:
	if overrides and day in overrides:
		return bool(overrides[day])
	try:
		return chinese_calendar.is_workday(day)
	except NotImplementedError:
		return day.weekday() < 5


def add_working_days(start: datetime.date, days: int, overrides: Overrides | None = None) -> datetime.date:
	"""The date ``days`` working days after ``start`` (start itself not counted)."""
	if days < 1:
		raise PolicyError(_("The number of working days must be at least 1"))
	day, counted = start, 0
	while counted < days:
		day += datetime.timedelta(days=1)
		if is_working_day(day, overrides):
			counted += 1
	return day
