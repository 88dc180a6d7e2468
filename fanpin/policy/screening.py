"""The yearly 全面排查 (SPEC §12, policy §三.(二)): what a screening finds, how far a campaign has
come, when a village is behind, and who may close a campaign.

A screening covers income, 两不愁三保障 and drinking water, and the risk signs of the national
indicators. A household is found at risk when any sign is seen, when any of 两不愁三保障 or
drinking water is not assured, or when the per-capita income estimate is below the year's
monitoring line. Households found at risk become clues for their town (or, when already under
monitoring, a follow-up of their case).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from fanpin.policy.messages import PolicyError, _

# (field of the screening, the risk type it points at) — the national indicators' risk signs.
RISK_SIGNS: tuple[tuple[str, str], ...] = (
	("risk_illness", "因病"),
	("risk_disability", "因残"),
	("risk_education", "因学"),
	("risk_disaster", "因自然灾害（其他）"),
	("risk_accident", "因意外事故"),
	("risk_unstable_work", "因务工就业不稳"),
	("risk_industry_failure", "因产业项目失败"),
	("risk_labour_loss", "因缺劳动力"),
	("risk_other", "其他"),
)
# 两不愁三保障 and drinking water: (field, the risk type it points at); ticked = not assured.
CONDITIONS: tuple[tuple[str, str | None], ...] = (
	("food_clothing_insecure", None),
	("school_dropout", "因学"),
	("medical_uncovered", "因病"),
	("housing_unsafe", "住房安全"),
	("water_unsafe", "饮水安全"),
)

PENDING, SCREENED, UNREACHABLE = "Not screened", "Screened", "Unreachable"
CLOSED = "Ended"
CLOSERS = frozenset({"Fanpin City Office", "System Manager"})


@dataclass(frozen=True)
class Finding:
	risk_found: bool
	reasons: tuple[str, ...]  # English templates, each filled with ``values``
	risk_types: tuple[str, ...]  # the risk types the signs and conditions point at, in order


def assess(
	ticked: set[str] | frozenset[str],
	income_per_capita: Decimal | float | None = None,
	line: Decimal | float | None = None,
) -> Finding:
	"""What a screening found: ``ticked`` holds the fields of the signs and conditions seen."""
	unknown = ticked - {f for f, _t in RISK_SIGNS} - {f for f, _t in CONDITIONS}
	if unknown:
		raise PolicyError(_("Unknown screening fields: {0}"), "、".join(sorted(unknown)))
	reasons: list[str] = []
	types: list[str] = []
	for field, risk_type in (*RISK_SIGNS, *CONDITIONS):
		if field in ticked:
			reasons.append(field)
			if risk_type and risk_type not in types:
				types.append(risk_type)
	if (
		income_per_capita is not None
		and line is not None
		and Decimal(str(income_per_capita)) < Decimal(str(line))
	):
		reasons.append("income_below_line")
	return Finding(bool(reasons), tuple(reasons), tuple(types))


@dataclass(frozen=True)
class Completion:
	total: int
	screened: int
	unreachable: int

	@property
	def done(self) -> int:
		return self.screened + self.unreachable

	@property
	def pending(self) -> int:
		return self.total - self.done

	@property
	def percent(self) -> float:
		"""Share of the campaign's households with an outcome (screened, or found unreachable)."""
		return round(100 * self.done / self.total, 1) if self.total else 100.0


def expected_percent(start: datetime.date, deadline: datetime.date, today: datetime.date) -> float:
	"""Where a steady pace would be by ``today``: the share of the campaign's days gone by."""
	if today < start:
		return 0.0
	if today >= deadline:
		return 100.0
	return round(100 * ((today - start).days + 1) / ((deadline - start).days + 1), 1)


def behind_schedule(
	completion: Completion, start: datetime.date, deadline: datetime.date, today: datetime.date
) -> bool:
	"""A village is behind when it has households left and has done less than a steady pace would."""
	return completion.pending > 0 and completion.percent < expected_percent(start, deadline, today)


def check_dates(start: datetime.date, deadline: datetime.date) -> None:
	if deadline < start:
		raise PolicyError(_("The deadline {0} is before the start {1}"), deadline, start)


def check_close(
	roles: set[str], completion: Completion, deadline: datetime.date, today: datetime.date
) -> None:
	"""Only the city office closes a campaign; before its deadline, only once every household has an
	outcome (after the deadline it may close with households left, who are counted as unscreened)."""
	if not CLOSERS & roles:
		raise PolicyError(_("Only the city poverty office may close a screening campaign"))
	if today < deadline and completion.pending:
		raise PolicyError(
			_(
				"{0} households are not screened yet; the campaign can close before its deadline {1} only when all are"
			),
			completion.pending,
			deadline,
		)


def check_editable(campaign_status: str) -> None:
	if campaign_status == CLOSED:
		raise PolicyError(_("The screening campaign is closed; its screenings can no longer be changed"))
