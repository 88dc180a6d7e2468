# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""Households, members, incomes and monitoring objects from the national system's exports (SPEC §13).

The key is 户编号 plus 证件号码: a household is found by its 户编号, a member by its ID number, so a
newer export updates them in place and adds nothing twice. Each household is written as its form
saves it (every check of the form applies) inside its own savepoint: a household the form refuses
is reported with its rows, and nothing of it is half-written. Monitoring objects arrive at their
real stage (已纳入监测 or 风险已消除) with the file's dates, marked as from the national system,
without going through the procedure again.
"""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from fanpin.controllers.jobs import Progress
from fanpin.controllers.stage import state_for_stage
from fanpin.fanpin.doctype.national_column_map.national_column_map import custom_headings
from fanpin.imports.national_rows import (
	CHOICE_FIELDS,
	SYNONYMS,
	NationalRow,
	header_lookup,
	household_disagreements,
	parse_national_rows,
)
from fanpin.imports.reader import count_rows, read_rows
from fanpin.imports.warning_rows import ColumnNotice, RowError
from fanpin.permissions.scope import allowed_areas
from fanpin.policy import procedure
from fanpin.policy.messages import PolicyError
from fanpin.utils import bulk_insert, insert_dicts, policy_message, reserve_names, translate

MAX_LISTED_ERRORS = 1000
# where each field of CHOICE_FIELDS is a Select
CHOICE_DOCTYPES = {
	"household_type": "Household",
	"category": "Monitoring Case",
	"elimination_method": "Monitoring Case",
}
CATEGORY_FIELD = {"category": "classification"}


class NationalImport(Document):
	def validate(self):
		if not self.town:
			seen = allowed_areas()
			if seen is not None:  # a town's staff import into their own town
				self.town = next(
					iter(
						frappe.get_all(
							"Area",
							filters={"name": ("in", list(seen) or [""]), "level": "Town"},
							pluck="name",
						)
					),
					None,
				)
		if self.town and frappe.db.get_value("Area", self.town, "level") != "Town":
			frappe.throw(_("{0} is not a town").format(self.town))

	@frappe.whitelist()
	def start_import(self):
		self.check_permission("write")
		if frappe.db.get_value("National Import", self.name, "status", for_update=True) == "Queued":
			frappe.throw(_("This file is already being imported"))
		self.db_set("status", "Queued")
		frappe.enqueue(
			"fanpin.fanpin.doctype.national_import.national_import.run_national_import",
			queue="long",
			timeout=3 * 3600,
			batch=self.name,
			job_id=f"fanpin-national-import-{self.name}",
			deduplicate=True,
		)


def run_national_import(batch: str) -> dict:
	"""Import one national export; any failure of the whole ends the batch as 失败 with its reason,
	rolled back (rows the form refused are reported, and do not stop the others)."""
	if frappe.db.get_value("National Import", batch, "status", for_update=True) not in (
		"Queued",
		"Not started",
	):
		return {"status": "Skipped"}
	doc = frappe.get_doc("National Import", batch)
	frappe.set_user_lang(frappe.session.user)
	frappe.db.savepoint("national_import")
	try:
		file = frappe.get_doc("File", {"file_url": doc.import_file})
		content = file.get_content()
		if isinstance(content, str):
			content = content.encode("utf-8")
		return NationalFileImport(doc, content, file.file_name).run()
	except PolicyError as error:
		return failed(doc, policy_message(error))
	except Exception as error:
		frappe.log_error(
			title=_("National import {0} failed").format(doc.name),
			reference_doctype="National Import",
			reference_name=doc.name,
		)
		return failed(
			doc, _("The file could not be imported ({0}); nothing was saved").format(type(error).__name__)
		)


def failed(doc, reason: str) -> dict:
	frappe.db.rollback(save_point="national_import")
	doc.db_set({"status": "Failed", "import_log": reason}, notify=True)
	Progress(_("Importing {0}").format(doc.name), 1).finish(
		reason,
		title=_("National import {0}").format(doc.name),
		indicator="red",
		doctype=doc.doctype,
		name=doc.name,
	)
	return {"status": "Failed"}


def option_labels(doctype: str, fieldname: str) -> dict[str, str]:
	"""{Chinese label: option} of a Select, as the desk shows it (an admin's own options included)."""
	df = frappe.get_meta(doctype).get_field(fieldname)
	return {_(option): option for option in (df.options or "").split("\n") if option}


class NationalFileImport:
	def __init__(self, batch, content: bytes, filename: str):
		self.batch, self.content, self.filename = batch, content, filename
		self.lookup = header_lookup(custom_headings())
		self.choices = {
			name: option_labels(CHOICE_DOCTYPES.get(name, "Household Member"), CATEGORY_FIELD.get(name, name))
			for name in CHOICE_FIELDS
		}
		self.risk_types = {}
		for risk in frappe.get_all("Risk Type", fields=["name", "risk_code"]):
			self.risk_types[risk.name] = risk.name
			if risk.risk_code:
				self.risk_types[risk.risk_code] = risk.name
		self.towns = dict(
			frappe.get_all("Area", filters={"level": "Town"}, fields=["area_name", "name"], as_list=True)
		)
		self.villages = {}
		for village in frappe.get_all(
			"Area", filters={"level": "Village"}, fields=["name", "area_name", "parent_area"]
		):
			self.villages.setdefault((village.parent_area, village.area_name), village.name)
			self.villages.setdefault((None, village.area_name), village.name)
		self.allowed = allowed_areas()
		self.stats = dict(
			rows_read=0,
			rows_rejected=0,
			households_created=0,
			households_updated=0,
			members_created=0,
			members_updated=0,
			cases_created=0,
			cases_updated=0,
		)
		self.errors: list[tuple[int, str, str, str]] = []
		self.notices: list[str] = []
		self.differences: list[tuple[str, str, str, str, str, str]] = []

	# ------------------------------------------------------------ reading

	def run(self) -> dict:
		total = max(count_rows(self.content, self.filename), 1)
		self.progress = Progress(_("Importing {0}").format(self.batch.name), total)
		self.progress.start()
		pending: list[NationalRow] = []
		for result in parse_national_rows(
			read_rows(self.content, self.filename), self.lookup, self.choices, self.risk_types
		):
			if isinstance(result, ColumnNotice):
				self.notices.append(translate(result.template, result.args))
				continue
			self.stats["rows_read"] += 1
			if isinstance(result, RowError):
				self.reject(result.row_number, result.column, translate(result.template, result.args), "")
				continue
			if pending and pending[0].household["household_code"] != result.household["household_code"]:
				self.household(pending)
				pending = []
			pending.append(result)
			self.progress.step(self.stats["rows_read"], _("{0} rows read").format(self.stats["rows_read"]))
		if pending:
			self.household(pending)
		self.finish()
		return self.stats

	def reject(self, row_number: int, column: str, reason: str, id_number: str) -> None:
		self.stats["rows_rejected"] += 1
		if len(self.errors) < MAX_LISTED_ERRORS:
			self.errors.append((row_number, column, reason[:500], id_number))

	def reject_all(self, rows: list[NationalRow], column: str, reason: str) -> None:
		for row in rows:
			self.reject(row.row_number, column, reason, row.member.get("id_number", ""))

	# ------------------------------------------------------------ one household

	def household(self, rows: list[NationalRow]) -> None:
		first = rows[0]
		code = first.household["household_code"]
		disagreeing = household_disagreements(rows)
		if disagreeing:
			return self.reject_all(
				rows,
				"、".join(disagreeing),
				_("the rows of household {0} disagree on this column").format(code),
			)
		village = self.village_of(first)
		if not village:
			town = first.household.get("town_name") or ""
			return self.reject_all(
				rows,
				_("Village"),
				_("{0} {1} is not a village of this county").format(
					town, first.household.get("village_name") or ""
				),
			)
		if not self.in_scope(village):
			return self.reject_all(
				rows, _("Village"), _("{0} is outside the town this file is imported into").format(village)
			)
		existing = frappe.db.get_value(
			"Household", {"household_code": code}, ["name", "village"], as_dict=True
		)
		if existing and not self.in_scope(existing.village):
			return self.reject_all(
				rows, SYNONYMS["household_code"][0], _("household {0} belongs to another town").format(code)
			)
		owners = dict(
			frappe.get_all(
				"Household Member",
				filters={
					"parenttype": "Household",
					"id_number": ("in", [row.member["id_number"] for row in rows]),
				},
				fields=["id_number", "parent"],
				as_list=True,
			)
		)
		kept = []
		required = [df for df in frappe.get_meta("Household Member").fields if df.reqd]
		known = set(existing_ids(existing.name)) if existing else set()
		for row in rows:
			id_number = row.member["id_number"]
			owner = owners.get(id_number)
			missing = [df for df in required if id_number not in known and not row.member.get(df.fieldname)]
			if owner and (not existing or owner != existing.name):
				# another town's household is not named: where a person lives is that town's to say
				seen = frappe.has_permission("Household", "read", owner)
				self.reject(
					row.row_number,
					SYNONYMS["id_number"][0],
					_("{0} is already a member of household {1}").format(id_number, owner)
					if seen
					else _("{0} is already registered in another area").format(id_number),
					id_number,
				)
			elif missing:
				# a new member needs what its form needs: say which column of the file was empty
				self.reject(
					row.row_number,
					"、".join(SYNONYMS.get(df.fieldname, (_(df.label),))[0] for df in missing),
					_("empty"),
					id_number,
				)
			else:
				kept.append(row)
		if not kept:
			return
		frappe.db.savepoint("national_household")
		try:
			if existing:
				self.compare(existing.name, kept)
			doc = self.write_household(existing, village, kept)
			self.write_income(doc, kept)
			self.write_case(doc, kept)
		except frappe.ValidationError as error:
			# what the form would have said, for each of the household's rows; nothing of it is kept
			frappe.db.rollback(save_point="national_household")
			frappe.clear_messages()
			reason = frappe.utils.strip_html(str(error)) or type(error).__name__
			for row in kept:
				self.reject(row.row_number, "", reason, row.member["id_number"])
			return
		self.progress.step(self.stats["rows_read"])

	def compare(self, household: str, rows: list[NationalRow]) -> None:
		"""What fanpin holds that the national file does not say, or says otherwise: members the file
		does not list, a case fanpin took through the procedure (its category and stage), and the
		latest income fanpin recorded. (Household facts the file gives are updated from it.)"""
		stored = frappe.db.get_value(
			"Household", household, ["household_code", "head_name", "monitoring_case"], as_dict=True
		)

		def differ(subject: str, ours, theirs) -> None:
			self.differences.append(
				(
					household,
					stored.household_code,
					stored.head_name,
					subject,
					str(ours or "—"),
					str(theirs or "—"),
				)
			)

		listed = {row.member["id_number"] for row in rows}
		for name, id_number in frappe.get_all(
			"Household Member",
			filters={"parent": household, "parenttype": "Household"},
			fields=["member_name", "id_number"],
			as_list=True,
		):
			if id_number not in listed:
				differ(_("Member"), f"{name}（{id_number}）", None)
		object_ = next((row.monitoring for row in rows if row.monitoring), None)
		case = stored.monitoring_case and frappe.db.get_value(
			"Monitoring Case",
			stored.monitoring_case,
			["stage", "classification", "from_national_system"],
			as_dict=True,
		)
		if case and not case.from_national_system:
			theirs = None
			if object_:
				theirs = object_["stage"]
			if case.stage != theirs:
				differ(_("Stage"), _(case.stage), _(theirs) if theirs else None)
			if object_ and case.classification != object_["category"]:
				differ(
					_("Category"),
					_(case.classification) if case.classification else None,
					_(object_["category"]) if object_["category"] else None,
				)
		theirs = rows[0].income.get("per_capita_income")
		ours = frappe.db.get_value(
			"Household Income",
			{"household": household, "reference_date": ("!=", getdate(self.batch.export_date))},
			"per_capita_income",
			order_by="reference_date desc",
		)
		if theirs is not None and ours is not None and abs(float(ours) - float(theirs)) >= 0.01:
			differ(_("Per-capita Income"), f"¥{float(ours):,.2f}", f"¥{float(theirs):,.2f}")

	def village_of(self, row: NationalRow) -> str | None:
		town = self.towns.get(row.household.get("town_name"))
		name = row.household.get("village_name")
		if not name:
			return None
		return self.villages.get((town, name)) if town else self.villages.get((None, name))

	def in_scope(self, village: str) -> bool:
		if self.batch.town and frappe.db.get_value("Area", village, "parent_area") != self.batch.town:
			return False
		return self.allowed is None or village in self.allowed

	def write_household(self, existing, village: str, rows: list[NationalRow]):
		first = rows[0].household
		doc = frappe.get_doc("Household", existing.name) if existing else frappe.new_doc("Household")
		doc.village = village
		doc.household_code = first["household_code"]
		for name in ("natural_village", "phone", "household_type"):
			if first.get(name):
				doc.set(name, first[name])
		if not doc.household_type:
			doc.household_type = default_household_type(rows)
		by_id = {member.id_number: member for member in doc.members}
		created = updated = 0
		for row in rows:
			values = {name: value for name, value in row.member.items() if value not in (None, "")}
			member = by_id.get(values["id_number"])
			if member:
				member.update(values)
				updated += 1
			else:
				by_id[values["id_number"]] = doc.append("members", values)
				created += 1
		doc.flags.ignore_permissions = True  # its scope was checked above, on the stored record
		if existing:
			doc.save()
		else:
			doc.insert()
		self.stats["households_updated" if existing else "households_created"] += 1
		self.stats["members_created"] += created
		self.stats["members_updated"] += updated
		return doc

	def write_income(self, household, rows: list[NationalRow]) -> None:
		income = rows[0].income
		if not income:
			return
		reference = getdate(self.batch.export_date)
		existing = frappe.db.get_value(
			"Household Income", {"household": household.name, "reference_date": reference}, "name"
		)
		doc = frappe.get_doc("Household Income", existing) if existing else frappe.new_doc("Household Income")
		doc.update({"household": household.name, "reference_date": reference})
		for name in (
			"wage_income",
			"business_income",
			"property_income",
			"transfer_income",
			"business_expenditure",
		):
			if name in income:
				doc.set(name, income[name])
		doc.remarks = _("From the national system's export ({0})").format(self.batch.name)
		doc.flags.ignore_permissions = True
		doc.save()
		# the national figures stand where the file has no parts to add up
		totals = {name: income[name] for name in ("net_income", "per_capita_income") if name in income}
		if totals and not any(
			name in income
			for name in ("wage_income", "business_income", "property_income", "transfer_income")
		):
			doc.db_set(totals)

	def write_case(self, household, rows: list[NationalRow]) -> None:
		object_ = next((row.monitoring for row in rows if row.monitoring), None)
		if not object_:
			return
		stage = object_["stage"]
		values = {
			"stage": stage,
			"workflow_state": state_for_stage("Monitoring Case", stage),
			"classification": object_["category"],
			"identified_on": object_["identified_on"],
			"eliminated_on": object_["eliminated_on"] if stage == procedure.ELIMINATED else None,
			"elimination_method": object_["elimination_method"] if stage == procedure.ELIMINATED else None,
		}
		case = household.monitoring_case
		imported = case and frappe.db.get_value("Monitoring Case", case, "from_national_system")
		if case and not imported:
			return  # a case fanpin took through the procedure: the difference report shows what differs
		if case:
			frappe.db.set_value("Monitoring Case", case, {**values, "national_import": self.batch.name})
			self.stats["cases_updated"] += 1
		else:
			case = reserve_names(f"MC-{getdate(object_['identified_on']).year}-.#####", 1)[0]
			insert_dicts(
				"Monitoring Case",
				[
					{
						"name": case,
						"household": household.name,
						"head_name": household.head_name,
						"household_type": household.household_type,
						"village": household.village,
						"town": household.town,
						"discovery_channel": "Cadre screening",
						"discovery_date": object_["identified_on"],
						"from_national_system": 1,
						"national_import": self.batch.name,
						**values,
					}
				],
			)
			self.stats["cases_created"] += 1
		frappe.db.delete("Case Risk Type", {"parent": case, "parenttype": "Monitoring Case"})
		bulk_insert(
			"Case Risk Type",
			["name", "parent", "parenttype", "parentfield", "idx", "risk_type"],
			[
				(frappe.generate_hash(length=10), case, "Monitoring Case", "risk_types", idx, risk)
				for idx, risk in enumerate(object_["risk_types"], start=1)
			],
		)
		frappe.db.set_value(
			"Household",
			household.name,
			{"monitoring_case": case, "monitoring_status": procedure.household_status(stage)},
			update_modified=False,
		)

	# ------------------------------------------------------------ the end

	def finish(self) -> None:
		frappe.db.delete(
			"National Import Error", {"parent": self.batch.name, "parenttype": "National Import"}
		)
		if self.errors:
			bulk_insert(
				"National Import Error",
				[
					"name",
					"parent",
					"parenttype",
					"parentfield",
					"idx",
					"row_number",
					"column_heading",
					"reason",
					"id_number",
				],
				[
					(
						frappe.generate_hash(length=10),
						self.batch.name,
						"National Import",
						"errors",
						idx,
						*error,
					)
					for idx, error in enumerate(self.errors, start=1)
				],
			)
		frappe.db.delete(
			"National Import Difference", {"parent": self.batch.name, "parenttype": "National Import"}
		)
		bulk_insert(
			"National Import Difference",
			[
				"name",
				"parent",
				"parenttype",
				"parentfield",
				"idx",
				"household",
				"household_code",
				"head_name",
				"subject",
				"fanpin_value",
				"national_value",
			],
			[
				(
					frappe.generate_hash(length=10),
					self.batch.name,
					"National Import",
					"differences",
					idx,
					*row,
				)
				for idx, row in enumerate(self.differences, start=1)
			],
		)
		s = self.stats
		message = _(
			"{0} rows read, {1} rejected: {2} households created and {3} updated, {4} members created and {5} updated, {6} monitoring objects created and {7} updated"
		).format(
			s["rows_read"],
			s["rows_rejected"],
			s["households_created"],
			s["households_updated"],
			s["members_created"],
			s["members_updated"],
			s["cases_created"],
			s["cases_updated"],
		)
		if s["rows_rejected"] > len(self.errors):
			message += _("; the first {0} rejected rows are listed").format(len(self.errors))
		if self.differences:
			message += "\n" + _(
				"{0} differences from what fanpin holds: see the National Differences report"
			).format(len(self.differences))
		if self.notices:
			message += "\n" + "\n".join(self.notices)
		self.batch.db_set(
			{**s, "differences_found": len(self.differences), "status": "Completed", "import_log": message},
			notify=True,
		)
		self.progress.finish(
			message,
			title=_("National import {0}").format(self.batch.name),
			indicator="orange" if s["rows_rejected"] or self.notices else "green",
			doctype=self.batch.doctype,
			name=self.batch.name,
		)


def existing_ids(household: str) -> list[str]:
	return frappe.get_all(
		"Household Member", filters={"parent": household, "parenttype": "Household"}, pluck="id_number"
	)


def default_household_type(rows: list[NationalRow]) -> str:
	"""A household the file gives no 户类型 (the row parser refused that for a 脱贫不稳定户)."""
	return "Ordinary rural household"
