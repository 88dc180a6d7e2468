"""Taking a case out of monitoring (SPEC §8, policy §六.(二))."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from fanpin.policy.classifier import LIFTED_POLICY, UNSTABLE
from fanpin.policy.messages import PolicyError, _
from fanpin.policy.procedure import check_notice_over

ASSISTED = "Eliminated through assistance"  # 帮扶消除
NATURAL = "Eliminated naturally"  # 自然消除
MIN_MONTHS = 6

# Exit stages
PROPOSED = "Exit proposed"
EXIT_APPRAISAL = "Exit appraisal"
TOWN_REVIEW = "Town review"
EXIT_NOTICE = "Exit public notice"
CITY_MARKING = "City marking"
DONE = "Risk eliminated"
EXIT_REJECTED = "Elimination rejected"
CLOSED = (DONE, EXIT_REJECTED)  # an exit no longer in progress
# Fields of the exit procedure, each written only in its own stage (§六.(二)).
EXIT_STAGE_FIELDS: dict[str, tuple[str, ...]] = {
	PROPOSED: ("method", "proposed_on", "rigid_spending_resolved"),
	EXIT_APPRAISAL: ("appraisal_date", "appraisal_result"),
	TOWN_REVIEW: ("review_notes",),
}

# 脱贫不稳定户: the city office marks 返贫风险消除 directly.
UNSTABLE_PATH = {PROPOSED: {DONE, EXIT_REJECTED}}
# 边缘易致贫户 / 突发严重困难户: 民主评议 → 镇街区审核 → 村级公示 (5 days) → city marks 致贫风险消除.
OTHER_PATH = {
	PROPOSED: {EXIT_APPRAISAL, EXIT_REJECTED},
	EXIT_APPRAISAL: {TOWN_REVIEW, EXIT_REJECTED},
	TOWN_REVIEW: {EXIT_NOTICE, EXIT_REJECTED},
	EXIT_NOTICE: {CITY_MARKING, EXIT_REJECTED},
	CITY_MARKING: {DONE, EXIT_REJECTED},
}


def elimination_label(category: str) -> str:
	"""What the city office marks in the system (§六.(二)): 返贫风险消除 or 致贫风险消除."""
	return _("Return-to-poverty risk eliminated") if category == UNSTABLE else _("Poverty risk eliminated")


def household_type_after_exit(category: str, household_type: str) -> str:
	"""An unstable lifted household whose risk is gone is managed on as 脱贫享受政策户 (§六.(二))."""
	return LIFTED_POLICY if category == UNSTABLE else household_type


def exit_path(category: str) -> dict[str, set[str]]:
	return UNSTABLE_PATH if category == UNSTABLE else OTHER_PATH


@dataclass(frozen=True)
class ExitFacts:
	category: str
	identified_on: datetime.date | None
	proposed_on: datetime.date
	method: str
	per_capita_income: Decimal | None
	line: Decimal | None
	housing_unsafe: bool = False
	school_dropout: bool = False
	water_unsafe: bool = False
	member_uninsured: bool = False
	no_labour_capacity: bool = False
	rigid_spending_resolved: bool = True
	implemented_measures: int | None = None  # None: not known here


# The household's facts the exit checks read, as stored on the Household.
HOUSEHOLD_FLAGS = (
	"housing_unsafe",
	"school_dropout",
	"water_unsafe",
	"member_uninsured",
	"no_labour_capacity",
)
CONTINUE, PROPOSE_EXIT = "Continue monitoring", "Propose exit"  # the annual assessment's advice


@dataclass(frozen=True)
class ExitFinding:
	blocking: bool
	template: str
	args: tuple = ()


def months_between(start: datetime.date, end: datetime.date) -> int:
	months = (end.year - start.year) * 12 + end.month - start.month
	return max(0, months - (end.day < start.day))


def exit_findings(facts: ExitFacts) -> list[ExitFinding]:
	"""Reasons an exit is blocked (blocking=True) or needs a second look (warnings)."""
	found: list[ExitFinding] = []

	def block(template: str, *args) -> None:
		found.append(ExitFinding(True, template, args))

	def warn(template: str, *args) -> None:
		found.append(ExitFinding(False, template, args))

	if facts.no_labour_capacity:
		block(_("A household without labour capacity under basic security is not taken out of monitoring"))
	if facts.housing_unsafe or facts.school_dropout or facts.water_unsafe or facts.member_uninsured:
		block(
			_("Housing, compulsory education, basic medical insurance and drinking water must all be secure")
		)
	if not facts.rigid_spending_resolved:
		block(_("Large rigid spending has not been resolved"))
	if facts.per_capita_income is None or facts.line is None:
		block(_("Record the household's current income before proposing an exit"))
	elif Decimal(str(facts.per_capita_income)) < Decimal(str(facts.line)):
		if facts.method == ASSISTED:
			block(
				_("Eliminated through assistance needs income above the line: {0} yuan is below {1} yuan"),
				f"{facts.per_capita_income:,.2f}",
				f"{facts.line:,.2f}",
			)
		else:
			block(
				_("Exit needs income stably above the line: {0} yuan is below {1} yuan"),
				f"{facts.per_capita_income:,.2f}",
				f"{facts.line:,.2f}",
			)
	if facts.identified_on is None:
		block(_("The case has no identification date"))
	elif months_between(facts.identified_on, facts.proposed_on) < MIN_MONTHS:
		warn(
			_("Only {0} months since identification on {1}; in principle at least 6 months"),
			months_between(facts.identified_on, facts.proposed_on),
			facts.identified_on,
		)
	if lacks_implemented_measure(facts.method, facts.implemented_measures):
		warn(NO_IMPLEMENTED_MEASURE)
	return found


NO_IMPLEMENTED_MEASURE = _(
	"Eliminated through assistance is proposed but no assistance measure has been implemented"
)


def lacks_implemented_measure(method: str, implemented_measures: int) -> bool:
	"""An exit through assistance needs at least one measure carried out."""
	return method == ASSISTED and implemented_measures == 0


def check_exit_stage_change(
	category: str,
	old: str,
	new: str,
	blocking: list[ExitFinding],
	notice_end: datetime.date | None,
	rejection_reason: str,
	today: datetime.date,
) -> None:
	"""Raise PolicyError when an exit may not move from ``old`` to ``new``."""
	if old == new:
		return
	if new not in exit_path(category).get(old, set()):
		raise PolicyError(_("An exit cannot go from stage {0} to stage {1} for a {2}"), old, new, category)
	if new == EXIT_REJECTED:
		if not (rejection_reason or "").strip():
			raise PolicyError(_("Give the reason the risk is not eliminated"))
		return
	if blocking:
		raise PolicyError(_("The exit is blocked; resolve the findings listed under exit checks first"))
	if old == EXIT_NOTICE:
		check_notice_over(notice_end, today)


def recommendation(findings: list[ExitFinding]) -> str:
	"""The annual assessment's advice: any blocking finding keeps the case under monitoring."""
	return CONTINUE if any(finding.blocking for finding in findings) else PROPOSE_EXIT


def assessment_date(year: int, today: datetime.date) -> datetime.date:
	"""The date a year's assessment looks at: the year's end, or today while the year is running."""
	return datetime.date(year, 12, 31) if year < today.year else today
