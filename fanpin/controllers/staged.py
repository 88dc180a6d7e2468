"""The shape both staged documents share (监测对象认定 and 风险消除): a workflow state that sets a
stable ``stage``, procedure fields that belong to their stage, dates the procedure sets (never the
request), and a 5-working-day public notice opened by one stage."""

from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from fanpin.controllers.stage import check_stage_fields, keep_procedure_dates, sync_stage
from fanpin.policy import procedure
from fanpin.utils import desk_message


class StagedDocument(Document):
	INITIAL_STAGE: str
	STAGE_FIELDS: dict[str, tuple[str, ...]]
	FACTS: tuple[str, ...] = ()
	PROCEDURE_DATES: tuple[str, ...]  # set by a stage change only; kept from the stored record
	NOTICE_STAGE: str  # entering it opens the public notice: notice_start today, notice_end 5 working days on
	DATED_STAGES: dict[str, str] = {}  # stage → the date field set to the day it is entered

	def sync_procedure(self) -> tuple[str | None, str]:
		"""Check the procedure fields against the stored record and take the stage from the workflow
		state; return (stage before this save, stage now)."""
		check_stage_fields(self, self.STAGE_FIELDS, self.FACTS)
		return sync_stage(self, self.INITIAL_STAGE)

	def apply_stage_change(self, old_stage: str | None, new_stage: str) -> None:
		keep_procedure_dates(self, self.PROCEDURE_DATES)
		on = getdate(today())
		with desk_message(title=_("Not Allowed at This Stage")):
			self.check_stage_change(old_stage, new_stage, on)
		if old_stage == new_stage:
			return
		if new_stage == self.NOTICE_STAGE:
			self.notice_start, self.notice_end = on, procedure.notice_end(on)
		if new_stage in self.DATED_STAGES:
			self.set(self.DATED_STAGES[new_stage], on)

	def check_stage_change(self, old_stage: str | None, new_stage: str, on) -> None:
		"""Raise PolicyError when the document may not move from ``old_stage`` to ``new_stage``."""
		raise NotImplementedError
