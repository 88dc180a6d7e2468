# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

from frappe.model.document import Document


class RiskType(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		description: DF.SmallText | None
		disabled: DF.Check
		risk_code: DF.Data | None
		risk_group: DF.Literal["Rigid expenditure", "Income loss", "Basic needs and water", "Other risk"]
		risk_type_name: DF.Data
	# end: auto-generated types
	pass
