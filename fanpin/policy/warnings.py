"""Disposition of department warnings (SPEC §5): 待研判 → 已纳入监测 / 已是监测对象 / 经研判无风险."""

from fanpin.policy.messages import PolicyError, _

PENDING = "Pending"  # 待研判
INCLUDED = "Included in monitoring"  # 已纳入监测
ALREADY = "Already monitored"  # 已是监测对象
NO_RISK = "No risk after review"  # 经研判无风险


def initial_status(has_open_case: bool) -> str:
	"""A warning about a household already in procedure or under monitoring needs no disposal."""
	return ALREADY if has_open_case else PENDING


def check_disposition(old: str | None, new: str, case: str | None, reason: str | None) -> None:
	"""Raise PolicyError unless the warning may go from status ``old`` to ``new``.

	A warning is disposed of once, from 待研判; a case must be linked for 已纳入监测 and 已是监测对象,
	and 经研判无风险 needs its reason."""
	if old and old != new and old != PENDING:
		raise PolicyError(_("This warning was already disposed of: {0}"), old)
	if new in (INCLUDED, ALREADY) and not case:
		raise PolicyError(_("Link the monitoring case for status {0}"), new)
	if new == NO_RISK and not (reason or "").strip():
		raise PolicyError(_("Give the reason why the household has no risk"))
