"""Working-day deadlines with the admin's overrides (Working Day Override)."""

import datetime

import frappe

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
