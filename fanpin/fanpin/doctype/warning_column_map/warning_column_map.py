# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

from frappe.model.document import Document


class WarningColumnMap(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fanpin.fanpin.doctype.warning_column_map_row.warning_column_map_row import WarningColumnMapRow

		columns: DF.Table[WarningColumnMapRow]
		department: DF.Link
	# end: auto-generated types
	pass
