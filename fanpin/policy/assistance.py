"""Assistance measures (SPEC §7, policy §五): 缺什么补什么.

One risk → one targeted measure (no welfare trap); several risks → a measure for each; a household
with labour gets at least one developmental (开发式) measure; one without gets basic security
(综合保障) and priority in asset-income sharing.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from fanpin.policy.exit import ASSISTED, NO_IMPLEMENTED_MEASURE, lacks_implemented_measure
from fanpin.policy.messages import _

PLANNED, IN_PROGRESS, COMPLETED = "Planned", "In progress", "Completed"
IMPLEMENTED = frozenset({IN_PROGRESS, COMPLETED})


@dataclass(frozen=True)
class MeasureType:
	name: str
	developmental: bool = False
	basic_security: bool = False
	asset_income: bool = False
	answers: frozenset[str] = field(default_factory=frozenset)  # risk types it answers


@dataclass(frozen=True)
class Measure:
	measure_type: str
	risk_type: str | None
	status: str
	end_date: datetime.date | None = None


@dataclass(frozen=True)
class Suggestion:
	measure_type: str
	risk_type: str | None
	template: str
	args: tuple = ()


@dataclass(frozen=True)
class Issue:
	template: str
	args: tuple = ()


def suggest_measures(
	risk_types: Sequence[str],
	has_labour: bool,
	catalogue: Sequence[MeasureType],
	existing: Iterable[Measure] = (),
) -> list[Suggestion]:
	"""Measures to propose for a case, each with its reason; existing measure types are not repeated."""
	taken = {m.measure_type for m in existing}
	answered = {m.risk_type for m in existing if m.risk_type}
	suggestions: list[Suggestion] = []

	def add(measure: MeasureType, risk: str | None, template: str, *args) -> None:
		if measure.name not in taken:
			taken.add(measure.name)
			suggestions.append(Suggestion(measure.name, risk, template, args))

	single = len(risk_types) == 1
	for risk in risk_types:
		if risk in answered:
			continue
		candidates = [m for m in catalogue if risk in m.answers]
		if has_labour:
			# prefer a measure that builds income through work
			candidates.sort(key=lambda m: not m.developmental)
		if candidates:
			template = (
				_("Single risk {0}: one targeted measure")
				if single
				else _("Risk {0}: one of several measures for a household with several risks")
			)
			add(candidates[0], risk, template, risk)

	chosen = {s.measure_type for s in suggestions} | {m.measure_type for m in existing}
	by_name = {m.name: m for m in catalogue}
	if has_labour and not any(by_name.get(name, MeasureType(name)).developmental for name in chosen):
		developmental = next((m for m in catalogue if m.developmental), None)
		if developmental:
			add(developmental, None, _("A household with labour gets at least one developmental measure"))
	if not has_labour:
		for measure in catalogue:
			if measure.basic_security:
				add(measure, None, _("A household without labour capacity gets basic security"))
			if measure.asset_income:
				add(
					measure,
					None,
					_("A household without labour capacity has priority in asset-income sharing"),
				)
	return suggestions


def check_measures(
	risk_types: Sequence[str],
	has_labour: bool,
	catalogue: Sequence[MeasureType],
	measures: Iterable[Measure],
	today: datetime.date,
	assisted_exit_proposed: bool = False,
) -> list[Issue]:
	"""What the city office should look at for a case's measures."""
	measures = list(measures)
	by_name = {m.name: m for m in catalogue}
	issues: list[Issue] = []
	if has_labour and not any(
		by_name.get(m.measure_type, MeasureType(m.measure_type)).developmental for m in measures
	):
		issues.append(Issue(_("The household has labour but no developmental measure")))
	answered = {m.risk_type for m in measures if m.risk_type}
	for risk in risk_types:
		if risk not in answered:
			issues.append(Issue(_("No measure answers risk {0}"), (risk,)))
	implemented = sum(m.status in IMPLEMENTED for m in measures)
	if assisted_exit_proposed and lacks_implemented_measure(ASSISTED, implemented):
		issues.append(Issue(NO_IMPLEMENTED_MEASURE))
	for m in measures:
		if m.status == IN_PROGRESS and m.end_date and m.end_date < today:
			issues.append(
				Issue(_("Measure {0} ended on {1} but is still in progress"), (m.measure_type, m.end_date))
			)
	return issues
