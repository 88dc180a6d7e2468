"""What a background job tells the user who started it: a progress bar while it runs, and when it
ends the outcome on their screen and in their notifications (the bell), so a user who has left the
page still learns it.

A job runs as the user who started it (frappe.enqueue keeps the user), so both go to that user."""

import frappe
from frappe import _
from frappe.desk.doctype.notification_log.notification_log import make_notification_logs

STEPS = 20  # progress updates at most, whatever the size of the job


class Progress:
	"""The progress bar of one job: ``step(done)`` as work is done, ``finish(...)`` at its end."""

	def __init__(self, title: str, total: int, steps: int = STEPS):
		self.title, self.total = title, max(total, 0)
		self.every = max(1, -(-self.total // steps))  # so at most ``steps`` updates
		self.shown = 0

	def chunks(self, items: list, largest: int) -> list[list]:
		"""``items`` cut for the work and the bar alike: no chunk above ``largest``, enough chunks
		for the bar to move."""
		size = max(1, min(largest, self.every))
		return [items[start : start + size] for start in range(0, len(items), size)]

	def start(self, description: str | None = None) -> None:
		# Frappe opens the bar on a positive percentage only: a sliver says the job has begun.
		if self.total:
			self.publish(0.5, description)

	def step(self, done: int, description: str | None = None) -> None:
		if not self.total or (done - self.shown < self.every and done < self.total):
			return
		self.shown = done
		self.publish(min(99, 100 * done / self.total), description)  # 100 closes the bar: finish() does

	def finish(
		self,
		message: str,
		*,
		title: str | None = None,
		indicator: str = "green",
		doctype: str | None = None,
		name: str | None = None,
		link: str | None = None,
	) -> None:
		"""Close the bar and tell the user how it ended, under ``title`` (the bar's unless given;
		``indicator`` red for a failure)."""
		self.publish(100, message)
		notify(title or self.title, message, indicator=indicator, doctype=doctype, name=name, link=link)

	def publish(self, percent: float, description: str | None) -> None:
		frappe.publish_progress(percent, title=self.title, description=description)


def notify(
	title: str,
	message: str,
	*,
	indicator: str = "green",
	doctype: str | None = None,
	name: str | None = None,
	link: str | None = None,
	user: str | None = None,
) -> None:
	"""The outcome of a job for ``user`` (the one who started it): a message on any page they have open
	once the job's work is committed, and an entry in their notifications that opens ``link`` or the
	document."""
	user = user or frappe.session.user
	frappe.publish_realtime(
		"msgprint",
		{"title": title, "message": message, "indicator": indicator},
		user=user,
		after_commit=True,
	)
	make_notification_logs(
		frappe._dict(
			type="Alert",  # an alert may go to the user who caused it
			subject=_("{0}: {1}").format(
				f"<b>{frappe.utils.escape_html(title)}</b>", frappe.utils.escape_html(message)
			),
			from_user=user,
			document_type=doctype,
			document_name=name,
			link=link,
		),
		[user],
	)
