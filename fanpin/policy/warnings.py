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


# What the department sent and where it was routed: set when the warning arrives, never edited.
FIXED_FIELDS = (
	"department",
	"warning_type",
	"report_month",
	"id_number",
	"person_name",
	"import_batch",
	"row_key",
	"row_number",
	"matched",
	"household",
	"member_name",
	"village",
	"town",
)


def check_case_link(
	status: str, warning_household: str | None, case_household: str | None, case_open: bool
) -> None:
	"""已纳入监测 / 已是监测对象 point at an open case of the warned person's own household."""
	if status not in (INCLUDED, ALREADY):
		return
	if not warning_household or case_household != warning_household:
		raise PolicyError(_("The linked monitoring case is not of the warned person's household"))
	if not case_open:
		raise PolicyError(_("The linked monitoring case is closed; open a new case for the household"))


def edit_errors(old_status: str | None, changed: list[str]) -> list[str]:
	"""Fields that may not change: what the department sent, and anything once disposed of."""
	if old_status is None:
		return []
	if old_status != PENDING:
		return changed
	return [field for field in changed if field in FIXED_FIELDS]
