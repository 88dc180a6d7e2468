# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

from frappe.model.document import Document


class WarningImportError(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		id_number: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		reason: DF.Data | None
		row_number: DF.Int
	# end: auto-generated types
	pass
