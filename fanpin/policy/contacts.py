"""帮扶责任人 assignments on a household (SPEC §12): the history is kept, and a contact is assigned
once at a time. Plain data in, plain answers out."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Assignment:
	row: int  # the row's number in the table, as the desk shows it
	contact: str
	from_date: datetime.date
	to_date: datetime.date | None = None


def is_current(from_date: datetime.date, to_date: datetime.date | None, on: datetime.date) -> bool:
	"""An assignment is current from its first day to its last, both included; open-ended without an
	end date."""
	return from_date <= on and (to_date is None or to_date >= on)


def ends_before_it_starts(assignment: Assignment) -> bool:
	return assignment.to_date is not None and assignment.to_date < assignment.from_date


def overlap(a: Assignment, b: Assignment) -> bool:
	"""Whether two periods share a day (an open end runs on for ever)."""
	return (a.to_date is None or b.from_date <= a.to_date) and (b.to_date is None or a.from_date <= b.to_date)


def overlapping_pairs(assignments: list[Assignment]) -> list[tuple[Assignment, Assignment]]:
	"""Pairs of rows that assign the same contact for periods sharing a day, in row order."""
	pairs = []
	for index, first in enumerate(assignments):
		for second in assignments[index + 1 :]:
			if first.contact == second.contact and overlap(first, second):
				pairs.append((first, second))
	return pairs


def removed(stored: dict[str, int], kept: set[str]) -> list[int]:
	"""The row numbers of stored rows ({row name: row number}) no longer in the table: an assignment is
	ended with an end date, never deleted, so who carried the household stays on record."""
	return sorted(number for name, number in stored.items() if name not in kept)
