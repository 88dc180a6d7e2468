# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from fanpin.policy.threshold import Threshold, line_for_year, line_name
from fanpin.utils import desk_message


class MonitoringThreshold(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		amount: DF.Currency
		effective_date: DF.Date | None
		line_name: DF.Data | None
		region: DF.Data
		source_document: DF.Data | None
		year: DF.Int

	# end: auto-generated types
	def validate(self):
		if not 2000 <= (self.year or 0) <= 2100:
			frappe.throw(_("Year {0} is not a plausible monitoring year").format(self.year))
		if (self.amount or 0) <= 0:
			frappe.throw(_("The monitoring line must be greater than zero"))
		self.region = (self.region or "").strip()
		if not self.line_name:
			self.line_name = _(line_name(self.year))


def get_line(year: int, region: str | None = None) -> Threshold:
	"""The monitoring line of a year; a clear error when the year has none (never a default)."""
	# Thresholds are county-wide reference data every role may read; no scope applies.
	records = frappe.get_all(
		"Monitoring Threshold",
		filters={"year": year},
		fields=["year", "amount", "region", "effective_date", "source_document"],
	)
	with desk_message(title=_("Monitoring Threshold Missing")):
		return line_for_year((Threshold(**record) for record in records), year, region)
