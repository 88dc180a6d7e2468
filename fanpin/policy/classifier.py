"""Who is monitored (SPEC §4, policy §二.(二)): the explained classifier.

The income test is strict on one side only: 边缘易致贫户 needs income *below* the line, 突发严重困难户
income *at or above* it. Income exactly equal to the line is therefore "not below the line": such a
household can be 突发严重困难户 but not 边缘易致贫户; the explanation says so whenever it happens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from fanpin.policy.income import IncomePeriod
from fanpin.policy.messages import PolicyError, _

UNSTABLE = "Unstable lifted household"  # 脱贫不稳定户
MARGINAL = "Marginal household"  # 边缘易致贫户
SEVERE = "Sudden severe difficulty household"  # 突发严重困难户
NOT_ELIGIBLE = "Not eligible"
CATEGORIES = (UNSTABLE, MARGINAL, SEVERE)

LIFTED_POLICY = "Lifted out of poverty (policy)"
LIFTED_NO_POLICY = "Lifted out of poverty (no policy)"
LIFTED = frozenset({LIFTED_POLICY, LIFTED_NO_POLICY})


@dataclass(frozen=True)
class Exclusion:
	name: str
	relocation_exempt: bool = False  # this reason does not apply to resettlement purchases


@dataclass(frozen=True)
class CaseFacts:
	household_type: str
	per_capita_income: Decimal | None
	line: Decimal
	line_year: int
	period: IncomePeriod
	condition_a: bool = False  # rigid spending (illness, disability, schooling) clearly exceeds income
	condition_b: bool = False  # disaster or accident sharply cut income
	severe_difficulty: bool = False  # spending surge / income collapse hurting basic living
	exclusions: Sequence[Exclusion] = ()
	resettlement_purchase: bool = False  # the town housing came through 易地扶贫搬迁 etc.


@dataclass(frozen=True)
class Classification:
	category: str
	rule: str
	lines: tuple[tuple[str, tuple], ...] = field(default=())  # (template, args) per explanation line
	exclusions_hit: tuple[str, ...] = ()


def classify(facts: CaseFacts) -> Classification:
	lines: list[tuple[str, tuple]] = []

	def say(template: str, *args) -> None:
		lines.append((template, args))

	lifted = facts.household_type in LIFTED
	income = None if facts.per_capita_income is None else Decimal(str(facts.per_capita_income))
	line = Decimal(str(facts.line))
	say(
		_("Income period {0}; monitoring line of {1}: {2} yuan"),
		facts.period.label(),
		facts.line_year,
		_money(line),
	)
	if income is None:
		if not lifted:
			raise PolicyError(
				_(
					"Per-capita disposable income is needed to classify a household that is not lifted out of poverty"
				)
			)
		say(_("Per-capita disposable income: not recorded (no income test for lifted households)"))
	else:
		say(_("Per-capita disposable income: {0} yuan"), _money(income))
		if income == line:
			say(_("Income equals the line, which counts as not below the line"))

	a_or_b = facts.condition_a or facts.condition_b
	if facts.condition_a:
		say(
			_(
				"Condition 1 met: rigid spending from illness, disability or schooling clearly exceeds last year's income"
			)
		)
	if facts.condition_b:
		say(_("Condition 2 met: a disaster or accident sharply cut income"))
	if facts.severe_difficulty:
		say(_("Severe difficulty: a surge in rigid spending or a collapse of income affects basic living"))

	hits = tuple(
		e.name for e in facts.exclusions if not (e.relocation_exempt and facts.resettlement_purchase)
	)
	for exempt in (e.name for e in facts.exclusions if e.relocation_exempt and facts.resettlement_purchase):
		say(
			_("Exclusion {0} does not apply: the housing came through relocation or monetised resettlement"),
			exempt,
		)

	if lifted and a_or_b:
		category, rule = (
			UNSTABLE,
			_(
				"Rule: a lifted household meeting condition 1 or 2 is an unstable lifted household (no income test)"
			),
		)
	elif income is not None and income >= line and facts.severe_difficulty:
		category, rule = (
			SEVERE,
			_(
				"Rule: income at or above the line with severe difficulty makes a sudden severe difficulty household"
			),
		)
	elif not lifted and income is not None and income < line and a_or_b:
		category, rule = (
			MARGINAL,
			_("Rule: an ordinary household below the line meeting condition 1 or 2 is a marginal household"),
		)
	else:
		category, rule = (
			NOT_ELIGIBLE,
			_not_eligible_rule(lifted, income, line, a_or_b, facts.severe_difficulty),
		)

	if category != NOT_ELIGIBLE and hits:
		say(_("Would be {0}, but an exclusion applies"), category)
		category, rule = NOT_ELIGIBLE, _("Rule: a household with an exclusion is in principle not monitored")
	for hit in hits:
		say(_("Exclusion: {0}"), hit)
	return Classification(category=category, rule=rule, lines=tuple(lines), exclusions_hit=hits)


def _not_eligible_rule(lifted: bool, income, line, a_or_b: bool, severe: bool) -> str:
	if lifted:
		return _("Rule: a lifted household is monitored only when condition 1 or 2 is met")
	if income < line:
		return _("Rule: below the line, an ordinary household is monitored only when condition 1 or 2 is met")
	if a_or_b and not severe:
		return _(
			"Rule: at or above the line, only severe difficulty affecting basic living leads to monitoring"
		)
	return _("Rule: no monitoring condition is met")


def _money(value: Decimal) -> str:
	return f"{value:,.2f}"
