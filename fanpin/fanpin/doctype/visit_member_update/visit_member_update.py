# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

from frappe.model.document import Document


class VisitMemberUpdate(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		change: DF.Literal["Health or labour changed", "Deceased", "Moved out", "Joined the household"]
		health: DF.Literal["", "Healthy", "Chronic illness", "Serious illness", "Disability"]
		labour_skill: DF.Literal[
			"",
			"Ordinary labour",
			"Skilled labour",
			"Weak or half labour",
			"Lost labour capacity",
			"No labour capacity",
		]
		member_id_number: DF.Data
		member_name: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		relation: DF.Literal[
			"",
			"Spouse",
			"Son",
			"Daughter",
			"Son-in-law",
			"Daughter-in-law",
			"Grandson",
			"Granddaughter",
			"Father",
			"Mother",
			"Grandfather",
			"Grandmother",
			"Sibling",
			"Other relative",
		]
	# end: auto-generated types
	pass
