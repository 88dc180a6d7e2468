"""Working-day deadlines with the admin's overrides (Working Day Override)."""

import datetime

import frappe
from frappe.utils import getdate

from fanpin.policy import procedure
from fanpin.policy.workdays import add_working_days


def working_day_overrides() -> dict[datetime.date, bool]:
	def load():
		# County-wide calendar data: no scope applies.
		rows = frappe.get_all("Working Day Override", fields=["date", "is_working_day"])
		return {row.date: bool(row.is_working_day) for row in rows}

	return frappe.cache.get_value("fanpin:working_day_overrides", load)


def working_days_after(start: datetime.date, days: int) -> datetime.date:
	return add_working_days(start, days, working_day_overrides())


def verification_due_date(discovered: datetime.date) -> datetime.date:
	return working_days_after(discovered, procedure.VERIFICATION_WORKING_DAYS)


def calendar_changed() -> None:
	"""An override was added, changed or removed: forget the cached calendar and move the due dates
	of the cases still waiting for their home visit (all towns: the calendar is the county's)."""
	frappe.cache.delete_value("fanpin:working_day_overrides")
	case = frappe.qb.DocType("Monitoring Case")
	waiting = (
		frappe.qb.from_(case)
		.select(case.name, case.discovery_date, case.verification_due)
		.where((case.stage == procedure.VERIFICATION) & case.verified_on.isnull())
		.run(as_dict=True)
	)
	today = getdate()
	for row in waiting:
		due = verification_due_date(getdate(row.discovery_date))
		if due != row.verification_due:
			overdue = procedure.verification_overdue(procedure.VERIFICATION, due, None, today)
			frappe.db.set_value(
				"Monitoring Case",
				row.name,
				{"verification_due": due, "verification_overdue": int(overdue)},
				update_modified=False,
			)


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
