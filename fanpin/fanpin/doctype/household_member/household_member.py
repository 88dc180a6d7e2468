# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

from frappe.model.document import Document


class HouseholdMember(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		age: DF.Int
		birth_date: DF.Date | None
		critical_illness_insurance: DF.Check
		disability_grade: DF.Literal["", "Grade 1", "Grade 2", "Grade 3", "Grade 4"]
		education: DF.Literal[
			"",
			"Preschool child",
			"Illiterate or semi-literate",
			"Primary school",
			"Junior high school",
			"Senior high school",
			"Secondary vocational school",
			"Junior college",
			"Bachelor or above",
		]
		enjoys_dibao: DF.Check
		ethnicity: DF.Data | None
		gender: DF.Literal["", "Male", "Female"]
		health: DF.Literal["Healthy", "Chronic illness", "Serious illness", "Disability"]
		id_number: DF.Data
		labour_skill: DF.Literal[
			"Ordinary labour",
			"Skilled labour",
			"Weak or half labour",
			"Lost labour capacity",
			"No labour capacity",
		]
		medical_insurance: DF.Literal[
			"Resident medical insurance", "Employee medical insurance", "Not insured"
		]
		member_name: DF.Data
		member_status: DF.Literal["In household", "Deceased", "Moved out"]
		name_initials: DF.Data | None
		name_pinyin: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		relation: DF.Literal[
			"Head of household",
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
		resident_pension: DF.Check
		school_status: DF.Literal[
			"Not a student",
			"Preschool education",
			"Primary school student",
			"Junior high school student",
			"Senior high school student",
			"Secondary vocational student",
			"Higher vocational student",
			"Undergraduate student",
			"Postgraduate student",
			"Out of school or dropped out",
		]
		tekun_support: DF.Check
		work_months: DF.Int
		work_place: DF.Data | None
	# end: auto-generated types
	pass
