"""Working-day deadlines with the admin's overrides (Working Day Override)."""

import datetime

import frappe

from fanpin.policy import procedure
from fanpin.policy.workdays import add_working_days


def working_day_overrides() -> dict[datetime.date, bool]:
	def load():
		# County-wide calendar data: no scope applies.
		rows = frappe.get_all("Working Day Override", fields=["date", "is_working_day"])
		return {row.date: bool(row.is_working_day) for row in rows}

	return frappe.cache.get_value("fanpin:working_day_overrides", load)


def clear_overrides_cache(*_args, **_kwargs) -> None:
	frappe.cache.delete_value("fanpin:working_day_overrides")


def working_days_after(start: datetime.date, days: int) -> datetime.date:
	return add_working_days(start, days, working_day_overrides())


def missed_deadline_condition(case, today: datetime.date, problem: str | None = None):
	"""The SQL side of :func:`procedure.missed_deadline` on a frappe.qb Monitoring Case table, for one
	missed deadline or any: the daily job, the reminders and the reports select with it."""
	conditions = {
		procedure.VERIFICATION_LATE: (case.stage == procedure.VERIFICATION)
		& case.verified_on.isnull()
		& (case.verification_due < today),
		procedure.NOTICE_NOT_STARTED: (case.stage == procedure.NOTICE) & case.notice_start.isnull(),
		procedure.NOTICE_NOT_CONCLUDED: (case.stage == procedure.NOTICE) & (case.notice_end < today),
	}
	if problem:
		return conditions[problem]
	late, *others = conditions.values()
	for condition in others:
		late |= condition
	return late
