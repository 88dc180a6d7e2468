import datetime

from hypothesis import given
from hypothesis import strategies as st

from fanpin.policy.contacts import Assignment, ends_before_it_starts, is_current, overlapping_pairs, removed

D = datetime.date


def test_current_from_first_to_last_day_included():
	assert is_current(D(2026, 1, 1), None, D(2026, 1, 1))
	assert is_current(D(2026, 1, 1), D(2026, 3, 31), D(2026, 3, 31))
	assert not is_current(D(2026, 1, 1), D(2026, 3, 31), D(2026, 4, 1))
	assert not is_current(D(2026, 5, 1), None, D(2026, 4, 30))


def test_end_before_start():
	assert ends_before_it_starts(Assignment(1, "AC-1", D(2026, 5, 1), D(2026, 4, 30)))
	assert not ends_before_it_starts(Assignment(1, "AC-1", D(2026, 5, 1), D(2026, 5, 1)))
	assert not ends_before_it_starts(Assignment(1, "AC-1", D(2026, 5, 1)))


def test_same_contact_twice_only_when_periods_share_a_day():
	first = Assignment(1, "AC-1", D(2025, 1, 1), D(2025, 12, 31))
	again_later = Assignment(2, "AC-1", D(2026, 1, 1))
	another = Assignment(3, "AC-2", D(2025, 6, 1))
	assert overlapping_pairs([first, again_later, another]) == []
	touching = Assignment(4, "AC-1", D(2025, 12, 31))
	assert overlapping_pairs([first, touching]) == [(first, touching)]
	open_ended = Assignment(5, "AC-2", D(2020, 1, 1))
	assert overlapping_pairs([another, open_ended]) == [(another, open_ended)]


def test_removed_rows_are_named_by_their_number():
	assert removed({"a": 1, "b": 2, "c": 3}, {"a", "c", "new"}) == [2]
	assert removed({"a": 1}, {"a"}) == []


dates = st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31))


@given(dates, dates, dates, dates)
def test_overlap_is_symmetric_and_means_a_shared_day(a1, a2, b1, b2):
	a = Assignment(1, "AC-1", min(a1, a2), max(a1, a2))
	b = Assignment(2, "AC-1", min(b1, b2), max(b1, b2))
	shared = max(a.from_date, b.from_date) <= min(a.to_date, b.to_date)
	assert bool(overlapping_pairs([a, b])) == shared == bool(overlapping_pairs([b, a]))
