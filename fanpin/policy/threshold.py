"""Yearly monitoring lines (SPEC §3): which line applies to a case."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from fanpin.policy.messages import PolicyError, _


@dataclass(frozen=True)
class Threshold:
	year: int
	amount: Decimal
	region: str = ""
	effective_date: datetime.date | None = None
	source_document: str = ""


def line_for_year(thresholds: Iterable[Threshold], year: int, region: str | None = None) -> Threshold:
	"""The line of the given year (and region, when given). Never falls back to another year."""
	matches = [t for t in thresholds if t.year == year and (not region or t.region == region)]
	if not matches:
		if region:
			raise PolicyError(_("No monitoring threshold is set for {0} in {1}"), year, region)
		raise PolicyError(_("No monitoring threshold is set for {0}"), year)
	if len(matches) > 1:
		raise PolicyError(
			_("Several monitoring thresholds are set for {0}; name the region: {1}"),
			year,
			"、".join(sorted(t.region for t in matches)),
		)
	return matches[0]


def line_for_date(
	thresholds: Iterable[Threshold], discovered_on: datetime.date, region: str | None = None
) -> Threshold:
	"""A case is judged against the line of its discovery year."""
	return line_for_year(thresholds, discovered_on.year, region)


RENAMED_IN = 2025


def line_name(year: int) -> str:
	"""From 2025 the province calls the line 防止返贫致贫监测范围 (SPEC §3)."""
	return (
		_("Monitoring scope against falling (back) into poverty")
		if year >= RENAMED_IN
		else _("Monitoring line against return to poverty")
	)
