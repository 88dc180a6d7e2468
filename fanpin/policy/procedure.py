"""The determination procedure (SPEC §6, policy §四): 核实 → 评议 → 比对 → 公示 → 录入.

Workflow states (which an admin may rename, add or re-role) set the stable ``stage`` of a case;
these rules read only the stage, so an edited workflow keeps the legal order intact.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from fanpin.policy.classifier import LIFTED_POLICY
from fanpin.policy.messages import PolicyError, _

VERIFICATION = "Home verification"  # 入户核实
APPRAISAL = "Democratic appraisal"  # 民主评议
COMPARISON = "Information comparison"  # 信息比对
NOTICE = "Village public notice"  # 村级公示
ENTRY = "Entry into monitoring"  # 录入
MONITORING = "Under monitoring"  # 已纳入监测
REJECTED = "Not included"  # 不予纳入
ELIMINATED = "Risk eliminated"  # 风险消除 (set by the exit procedure)

OPEN_STAGES = (VERIFICATION, APPRAISAL, COMPARISON, NOTICE, ENTRY)
CLOSED_STAGES = (REJECTED, ELIMINATED)  # a household with such a case may get a new one
IDENTIFIED = (MONITORING, ELIMINATED)  # included in monitoring, whether or not the risk is gone since

VERIFICATION_WORKING_DAYS = 5
NOTICE_DAYS = 5

NEXT_STAGES = {
	VERIFICATION: {APPRAISAL, REJECTED},
	APPRAISAL: {COMPARISON, NOTICE, REJECTED},
	COMPARISON: {NOTICE, REJECTED},
	NOTICE: {ENTRY, REJECTED},
	ENTRY: {MONITORING},
	MONITORING: {ELIMINATED},
	REJECTED: set(),
	ELIMINATED: set(),
}


@dataclass(frozen=True)
class CaseState:
	"""What the stage rules need to know about a case."""

	household_type: str = ""
	verified_on: datetime.date | None = None
	appraisal_date: datetime.date | None = None
	appraisal_result: str = ""
	has_authorization: bool = False
	comparison_passed: bool = False
	rejection_reason: str = ""
	notice_end: datetime.date | None = None
	classified: bool = False
	eligible: bool = False


def household_status(stage: str) -> str:
	"""Household.monitoring_status for a case at ``stage``: every open stage shows as in procedure."""
	return "In procedure" if stage in OPEN_STAGES else stage


def check_notice_over(notice_ends: datetime.date | None, today: datetime.date) -> None:
	"""A 5-day village notice (inclusion or exit) runs its full term before the procedure goes on."""
	if notice_ends is None or today <= notice_ends:
		raise PolicyError(_("The public notice runs until {0} and cannot be ended early"), notice_ends)


def notice_end(start: datetime.date) -> datetime.date:
	"""The last day of a 5-day public notice starting on ``start`` (start counts as day one)."""
	return start + datetime.timedelta(days=NOTICE_DAYS - 1)


MAX_RISK_TYPES = 5


def check_risk_types(risk_types: list[str]) -> None:
	if not risk_types:
		raise PolicyError(_("Choose at least one risk type"))
	if len(risk_types) > MAX_RISK_TYPES:
		raise PolicyError(
			_("A household has at most {0} risk types; {1} are chosen"), MAX_RISK_TYPES, len(risk_types)
		)
	repeated = sorted({r for r in risk_types if risk_types.count(r) > 1})
	if repeated:
		raise PolicyError(_("Risk type {0} is chosen more than once"), "、".join(repeated))


def verification_overdue(
	stage: str, due: datetime.date | None, verified_on: datetime.date | None, today: datetime.date
) -> bool:
	"""Still waiting for the home visit after its 5th working day."""
	return stage == VERIFICATION and not verified_on and due is not None and today > due


def check_stage_change(old: str | None, new: str, case: CaseState, today: datetime.date) -> None:
	"""Raise PolicyError when the case may not move from stage ``old`` to ``new``."""
	if old == new:
		return
	if old is None:
		if new != VERIFICATION:
			raise PolicyError(_("A new case starts at home verification"))
		return
	if new not in NEXT_STAGES.get(old, set()):
		raise PolicyError(_("A case cannot go from stage {0} to stage {1}"), old, new)
	if new == REJECTED:
		if not (case.rejection_reason or "").strip():
			raise PolicyError(
				_("Give the reason for not including the household; it goes into the written notice")
			)
		if old == NOTICE and case.notice_end:
			check_notice_over(case.notice_end, today)
		return
	if new == APPRAISAL and not case.verified_on:
		raise PolicyError(_("Record the date of the home verification visit first"))
	if new == APPRAISAL and not case.classified:
		raise PolicyError(
			_("Record the household's income for the income period so that the case can be classified")
		)
	if old == APPRAISAL:
		if not (case.appraisal_date and (case.appraisal_result or "").strip()):
			raise PolicyError(_("Record the date and result of the villagers' representative meeting first"))
		if not case.has_authorization:
			raise PolicyError(_("Attach the signed authorisation to check family assets first"))
	if old == APPRAISAL and new == NOTICE and case.household_type != LIFTED_POLICY:
		raise PolicyError(
			_("Only a lifted household still receiving policy support may skip the information comparison")
		)
	if old == COMPARISON and new == NOTICE and not case.comparison_passed:
		raise PolicyError(_("The information comparison has not passed"))
	if old == NOTICE:
		check_notice_over(case.notice_end, today)
	if new in (NOTICE, ENTRY, MONITORING) and not case.eligible:
		raise PolicyError(
			_("The household does not meet the monitoring conditions; reject the case with a reason instead")
		)


VERIFICATION_LATE = "Verification overdue"  # 逾期未核实
NOTICE_NOT_STARTED = "Public notice not started"  # 未公示
NOTICE_NOT_CONCLUDED = "Notice ended, entry pending"  # 公示期满未录入
MISSED_DEADLINES = (VERIFICATION_LATE, NOTICE_NOT_STARTED, NOTICE_NOT_CONCLUDED)


def missed_deadline(
	stage: str,
	verification_due: datetime.date | None,
	verified_on: datetime.date | None,
	notice_start: datetime.date | None,
	notice_ends: datetime.date | None,
	today: datetime.date,
) -> tuple[str, datetime.date | None] | None:
	"""The step a case is late with and the date it was due, or None when it is on time.

	Verification is due within 5 working days; a case in the notice stage must start its 5-day
	notice, and once the notice is over it must move on to entry."""
	if verification_overdue(stage, verification_due, verified_on, today):
		return VERIFICATION_LATE, verification_due
	if stage == NOTICE and not notice_start:
		return NOTICE_NOT_STARTED, None
	if stage == NOTICE and notice_ends and notice_ends < today:
		return NOTICE_NOT_CONCLUDED, notice_ends
	return None


# Fields of the procedure, each written only in the stage it belongs to (§四): the home visit's
# findings during verification, the meeting's during appraisal, and so on.
CASE_STAGE_FIELDS: dict[str, tuple[str, ...]] = {
	VERIFICATION: ("verified_on", "verifiers", "verification_notes"),
	APPRAISAL: ("appraisal_date", "appraisal_attendees", "appraisal_result", "authorization_letter"),
	COMPARISON: ("comparison_result", "comparison_notes"),
	NOTICE: ("notice_objections",),
}
# The facts a classification rests on. Once a case is decided they change only through a follow-up
# visit or a new determination, never by a plain edit.
CASE_FACTS: tuple[str, ...] = (
	"household",
	"discovery_channel",
	"channel_detail",
	"discovery_date",
	"risk_types",
	"condition_a",
	"condition_b",
	"severe_difficulty",
	"exclusions",
	"resettlement_purchase",
	"group_disabled_elderly",
)
DECIDED = (MONITORING, REJECTED, ELIMINATED)


def stage_field_errors(
	stage_fields: dict[str, tuple[str, ...]], stored_stage: str | None, changed: list[str]
) -> list[tuple[str, str]]:
	"""(field, the stage it belongs to) for each changed field written outside its own stage."""
	owner = {field: stage for stage, fields in stage_fields.items() for field in fields}
	return [(field, owner[field]) for field in changed if field in owner and owner[field] != stored_stage]


def frozen_fact_errors(stored_stage: str | None, changed: list[str]) -> list[str]:
	"""Facts changed on a case already decided."""
	return [field for field in changed if stored_stage in DECIDED and field in CASE_FACTS]


def replaced_states(before: list, after: list) -> dict[str, str]:
	"""A renamed workflow state: {old state: new state} for each state that left the workflow's
	table while a new state setting the same stage (and document status) came in; with several such
	new states, the one in the old row. The records in the old state follow to the new one.

	``before`` and ``after`` are the table's rows (state, update_field, update_value, doc_status,
	idx)."""
	kept = {row.state for row in after}
	known = {row.state for row in before}
	added = [row for row in after if row.state not in known]
	moves = {}
	for row in before:
		if row.state in kept or row.update_field != "stage" or not row.update_value:
			continue
		same = [
			new
			for new in added
			if new.update_field == "stage"
			and new.update_value == row.update_value
			and str(new.doc_status or 0) == str(row.doc_status or 0)
		]
		if len(same) > 1:
			same = [new for new in same if new.idx == row.idx]
		if len(same) == 1:
			moves[row.state] = same[0].state
	return moves
