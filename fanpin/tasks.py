"""Scheduled jobs, listed one by one in hooks.py (the long ones on daily_long)."""

import functools

import frappe
from frappe import _
from frappe.query_builder.functions import Coalesce
from frappe.utils import getdate, today

from fanpin.controllers.deadlines import missed_deadline_condition
from fanpin.policy import procedure
from fanpin.policy.assistance import IN_PROGRESS


def scheduled(job):
	"""A scheduled job: Frappe runs each one listed in hooks.py on its own, so one that fails does not
	stop the others. It starts in the site's default language; what it stores and sends is in the
	county's."""

	@functools.wraps(job)
	def run(*args, **kwargs):
		frappe.set_user_lang(frappe.session.user)
		return job(*args, **kwargs)

	return run


@scheduled
def flag_overdue_verifications() -> None:
	"""Set-based refresh of the overdue flag the list view filters on (all towns: a system job)."""
	case = frappe.qb.DocType("Monitoring Case")
	on = getdate(today())
	overdue = missed_deadline_condition(case, on, procedure.VERIFICATION_LATE)
	frappe.qb.update(case).set(case.verification_overdue, 1).where(
		overdue & (case.verification_overdue == 0)
	).run()
	frappe.qb.update(case).set(case.verification_overdue, 0).where(
		~overdue & (case.verification_overdue == 1)
	).run()


@scheduled
def remind_assignees() -> None:
	"""Overdue home visits and public notices that have run their 5 days: a notification per assignee."""
	from frappe.desk.doctype.notification_log.notification_log import enqueue_create_notification

	flag_overdue_verifications()  # jobs run in no set order: the flags it reads are brought up to date

	on = getdate(today())
	due = frappe.get_all(
		"Monitoring Case",
		filters={"verification_overdue": 1},
		fields=["name", "head_name", "verification_due", "_assign"],
	)
	case = frappe.qb.DocType("Monitoring Case")
	ended = (
		frappe.qb.from_(case)
		.select(case.name, case.head_name, case.notice_end, case["_assign"])
		.where(missed_deadline_condition(case, on, procedure.NOTICE_NOT_CONCLUDED))
		.run(as_dict=True)
	)
	for row in due:
		notify(
			row,
			_("Home verification of {0} was due on {1}").format(row.head_name, row.verification_due),
			enqueue_create_notification,
		)
	for row in ended:
		notify(
			row,
			_("The public notice for {0} ended on {1}; continue the procedure").format(
				row.head_name, row.notice_end
			),
			enqueue_create_notification,
		)


def notify(row, subject: str, send) -> None:
	users = frappe.parse_json(row._assign or "[]")
	if users:
		send(
			users,
			{
				"type": "Alert",
				"document_type": "Monitoring Case",
				"document_name": row.name,
				"subject": subject,
			},
		)


@scheduled
def flag_cases_without_recent_visit() -> None:
	"""Cases under monitoring whose last visit (or identification) is older than the configured interval."""
	days = frappe.db.get_single_value("Fanpin Settings", "visit_interval_days") or 90
	since = frappe.utils.add_days(today(), -days)
	case = frappe.qb.DocType("Monitoring Case")
	last_seen = Coalesce(case.last_visit_date, case.identified_on)
	stale = (case.stage == procedure.MONITORING) & (last_seen < since)
	frappe.qb.update(case).set(case.visit_overdue, 1).where(stale & (case.visit_overdue == 0)).run()
	frappe.qb.update(case).set(case.visit_overdue, 0).where(~stale & (case.visit_overdue == 1)).run()


@scheduled
def refresh_expired_measures() -> None:
	"""Measures past their end date and still in progress change their case's checks."""
	from fanpin.controllers.assistance import refresh_case_checks

	for case in frappe.get_all(
		"Assistance Measure",
		filters={"status": IN_PROGRESS, "end_date": ("<", today())},
		pluck="case",
		distinct=True,
	):
		refresh_case_checks(case)


@scheduled
def remove_old_exports() -> None:
	"""Exported spreadsheets older than their retention are deleted."""
	from fanpin.exports.government import remove_old_exports as remove

	remove()
