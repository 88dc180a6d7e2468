# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

from frappe.model.document import Document


class AssistanceMeasureType(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fanpin.fanpin.doctype.measure_type_risk.measure_type_risk import MeasureTypeRisk

		answers_risk_types: DF.TableMultiSelect[MeasureTypeRisk]
		description: DF.SmallText | None
		disabled: DF.Check
		is_asset_income: DF.Check
		is_basic_security: DF.Check
		is_developmental: DF.Check
		measure_type_name: DF.Data
	# end: auto-generated types
	pass
