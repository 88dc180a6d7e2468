import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fanpin.policy.messages import PolicyError
from fanpin.policy.workdays import add_working_days, calendar_known, is_working_day

D = datetime.date


def test_national_day_week_with_make_up_saturday_2025():
	# 2025: 1–8 Oct off; Sunday 28 Sep and Saturday 11 Oct are make-up working days.
	assert is_working_day(D(2025, 9, 28))
	assert not is_working_day(D(2025, 10, 1))
	assert not is_working_day(D(2025, 10, 8))
	assert is_working_day(D(2025, 10, 11))
	# discovered Fri 26 Sep → 28 Sep, 29, 30, 9 Oct, 10 Oct
	assert add_working_days(D(2025, 9, 26), 5) == D(2025, 10, 10)
	# discovered Tue 30 Sep → 9, 10, 11 (Sat, make-up), 13, 14
	assert add_working_days(D(2025, 9, 30), 5) == D(2025, 10, 14)


def test_spring_festival_2024():
	# 10–17 Feb 2024 off; Sunday 4 Feb and Sunday 18 Feb are make-up working days.
	assert add_working_days(D(2024, 2, 8), 5) == D(2024, 2, 21)
	assert is_working_day(D(2024, 2, 18))


def test_admin_overrides_win():
	assert add_working_days(D(2025, 9, 30), 5, {D(2025, 10, 9): False}) == D(2025, 10, 15)
	assert add_working_days(D(2025, 9, 30), 5, {D(2025, 10, 12): True}) == D(2025, 10, 13)


def test_unknown_year_falls_back_to_weekdays():
	day = D(2099, 6, 1)
	assert not calendar_known(day)
	assert is_working_day(D(2099, 6, 1)) == (day.weekday() < 5)


def working_days_between(start: D, end: D) -> int:
	"""Working days after ``start`` up to and including ``end``: the inverse the property test checks."""
	return sum(is_working_day(start + datetime.timedelta(days=n)) for n in range(1, (end - start).days + 1))


def test_days_must_be_positive():
	with pytest.raises(PolicyError):
		add_working_days(D(2025, 1, 2), 0)


@given(st.dates(min_value=D(2010, 1, 1), max_value=D(2024, 12, 1)), st.integers(min_value=1, max_value=30))
def test_add_and_count_agree(start, days):
	due = add_working_days(start, days)
	assert working_days_between(start, due) == days
	assert is_working_day(due)
	assert due > start
