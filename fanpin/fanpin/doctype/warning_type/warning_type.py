# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

from frappe.model.document import Document


class WarningType(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		department: DF.Link | None
		description: DF.SmallText | None
		disabled: DF.Check
		warning_type_name: DF.Data
	# end: auto-generated types
	pass
