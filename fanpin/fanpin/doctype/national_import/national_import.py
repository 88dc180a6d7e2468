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

from collections import ChainMap

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from fanpin.controllers.assistance import refresh_case_checks
from fanpin.controllers.jobs import Progress
from fanpin.controllers.stage import state_for_stage
from fanpin.controllers.warnings import match_members
from fanpin.fanpin.doctype.national_column_map.national_column_map import custom_headings
from fanpin.imports.ahead import collecting_less, read_ahead
from fanpin.imports.national_plan import (
	HOUSEHOLD_COLUMNS,
	MEMBER_COLUMNS,
	Context,
	Plan,
	Refusal,
	StoredHousehold,
	case_values,
	plan_household,
)
from fanpin.imports.national_rows import (
	CHOICE_FIELDS,
	INCOME_FIELDS,
	MEMBER_FIELDS,
	SYNONYMS,
	NationalRow,
	header_lookup,
	parse_national_rows,
)
from fanpin.imports.reader import NATIONAL, count_rows, read_rows
from fanpin.imports.warning_rows import ColumnNotice, RowError
from fanpin.permissions.scope import allowed_areas, restrict
from fanpin.policy import procedure
from fanpin.policy.income import income_period
from fanpin.policy.messages import PolicyError
from fanpin.utils import (
	WriteBehind,
	bulk_delete,
	bulk_insert,
	bulk_upsert,
	in_row,
	insert_dicts,
	named,
	policy_message,
	reserve_names,
	row_names,
	translate,
)

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
	"""One national export, read as a stream and written a few thousand households at a time: what
	fanpin holds for them is read in a few queries, each household is checked as its form checks it
	(:mod:`fanpin.imports.national_plan`), and what lands is written in a few statements."""

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
		self.villages, self.town_of = {}, {}
		for village in frappe.get_all(
			"Area", filters={"level": "Village"}, fields=["name", "area_name", "parent_area"]
		):
			self.villages.setdefault((village.parent_area, village.area_name), village.name)
			self.villages.setdefault((None, village.area_name), village.name)
			self.town_of[village.name] = village.parent_area
		self.allowed = allowed_areas()
		self.export_date = getdate(self.batch.export_date)
		self.context = Context(
			on=getdate(today()),
			export_date=self.export_date,
			member_defaults=form_defaults("Household Member"),
			lengths={**text_lengths("Household"), **text_lengths("Household Member")},
		)
		self.remarks = _("From the national system's export ({0})").format(self.batch.name)
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
		self.seen_codes: set[str] = set()
		self.covered_villages: set[str] = set()
		self.lists_objects = False  # a 监测对象 list (not the basic-information sheet of every household)
		self.claimed: dict[
			str, tuple[str, str]
		] = {}  # ID number → (household, village) written by this import
		self.behind = WriteBehind()  # a part's statements run while the next part is read

	# ------------------------------------------------------------ reading

	def run(self) -> dict:
		try:
			return self.read_and_write()
		finally:
			self.behind.stop()  # after a failure, nothing is left running on the connection

	def checked_rows(self):
		"""The number of rows of the file (for the progress bar), then its rows as the parser reads
		them; run in the reading process (:mod:`fanpin.imports.ahead`)."""
		try:
			yield count_rows(self.content, self.filename)
		except Exception:  # only the progress bar's estimate: the rows' reader says what is wrong
			yield 0
		yield from parse_national_rows(
			read_rows(self.content, self.filename, NATIONAL), self.lookup, self.choices, self.risk_types
		)

	def read_and_write(self) -> dict:
		with collecting_less():
			results = read_ahead(self.checked_rows)
			try:
				self.import_rows(results)
			finally:
				results.close()  # a failure here ends the reading process too
		return self.stats

	def import_rows(self, results) -> None:
		total = max(next(results), 1)
		self.progress = Progress(_("Importing {0}").format(self.batch.name), total)
		self.progress.start()
		chunk: dict[str, list[NationalRow]] = {}
		for result in results:
			if isinstance(result, ColumnNotice):
				self.behind.wait()  # translations may be read from the database
				self.notices.append(translate(result.template, result.args))
				continue
			self.stats["rows_read"] += 1
			if isinstance(result, RowError):
				self.behind.wait()
				self.reject(result.row_number, result.column, translate(result.template, result.args), "")
				continue
			code = result.household["household_code"]
			self.seen_codes.add(code)
			self.lists_objects = self.lists_objects or result.monitoring is not None
			if code not in chunk and len(chunk) >= CHUNK_HOUSEHOLDS:
				self.write_chunk(chunk)
				chunk = {}
			chunk.setdefault(code, []).append(result)
		if chunk:
			self.write_chunk(chunk)
		self.behind.wait()
		self.absent_households()
		self.finish()

	def reject(self, row_number: int, column: str, reason: str, id_number: str) -> None:
		self.stats["rows_rejected"] += 1
		if len(self.errors) < MAX_LISTED_ERRORS:
			self.errors.append((row_number, column, reason[:500], id_number))

	def refuse(self, refusal: Refusal) -> None:
		message = refusal.message
		reason = translate(message.template, message.args)
		if message.label:
			reason = in_row(translate(*message.label), reason)
		self.reject(
			refusal.row_number, _(refusal.column) if refusal.column else "", reason, refusal.id_number
		)

	def reject_all(self, rows: list[NationalRow], column: str, reason: str) -> None:
		for row in rows:
			self.reject(row.row_number, column, reason, row.member.get("id_number", ""))

	def village_of(self, row: NationalRow) -> str | None:
		town = self.towns.get(row.household.get("town_name"))
		name = row.household.get("village_name")
		if not name:
			return None
		return self.villages.get((town, name)) if town else self.villages.get((None, name))

	def in_scope(self, village: str) -> bool:
		if self.batch.town and self.town_of.get(village) != self.batch.town:
			return False
		return self.allowed is None or village in self.allowed

	def may_see(self, village: str) -> bool:
		return self.allowed is None or village in self.allowed

	# ------------------------------------------------------------ a few thousand households

	def write_chunk(self, groups: dict[str, list[NationalRow]]) -> None:
		self.behind.wait()  # the part before is written: what is read now includes it
		self.behind.begin()
		ready = {}
		for code, rows in groups.items():
			village = self.village_of(rows[0])
			if not village:
				self.reject_all(
					rows,
					SYNONYMS["village_name"][0],
					_("{0} {1} is not a village of this county").format(
						rows[0].household.get("town_name") or "", rows[0].household.get("village_name") or ""
					),
				)
			elif not self.in_scope(village):
				self.reject_all(
					rows,
					SYNONYMS["village_name"][0],
					_("{0} is outside the town this file is imported into").format(village),
				)
			else:
				self.covered_villages.add(village)
				ready[code] = (rows, village)
		stored = stored_households(list(ready), self.export_date)
		# the members this import wrote before, then the county's: a person is in one household only
		owners = ChainMap(
			self.claimed,
			member_owners([row.member["id_number"] for rows, _village in ready.values() for row in rows]),
		)
		new_names = iter(reserve_names("HH-.#######", sum(1 for code in ready if code not in stored)))
		plans = []
		for code, (rows, village) in ready.items():
			held = stored.get(code)
			if held and not self.in_scope(held.village):
				self.reject_all(
					rows,
					SYNONYMS["household_code"][0],
					_("household {0} belongs to another town").format(code),
				)
				continue
			name = held.name if held else next(new_names)
			plan, refusals = plan_household(
				rows, village, self.town_of[village], held, owners, self.may_see, self.context
			)
			for refusal in refusals:
				self.refuse(refusal)
			if plan:
				plan.name = name
				for member in plan.members:
					self.claimed[member["id_number"]] = (name, village)
				plans.append(plan)
		self.progress.step(self.stats["rows_read"], _("{0} rows read").format(self.stats["rows_read"]))
		self.write(plans)

	def write(self, plans: list[Plan]) -> None:
		"""Write the part's plans. What is read from the database (the names of new cases and
		incomes, the workflow's states) is read first: once the first statement is added, the
		database is the writing thread's until the next part waits for it."""
		cases = self.plan_cases(plans)
		income_names = self.income_names(plans)
		states = {
			stage: state_for_stage("Monitoring Case", stage)
			for stage in {plan.monitoring["stage"] for plan in plans if plan.name in cases}
		}
		new = [plan for plan in plans if not plan.stored]
		old = [plan for plan in plans if plan.stored]
		for plan in old:
			self.record_differences(plan)
		household_fields = ["name", *HOUSEHOLD_COLUMNS, "monitoring_case", "monitoring_status"]

		household_values = column_values(household_fields[1:])

		def household_row(plan):
			return [plan.name, *household_values({**plan.household, **cases.get(plan.name, {})})]

		insert_given(
			"Household",
			[*household_fields, "status", "docstatus", "idx"],
			[[*household_row(plan), "Registered", 0, 0] for plan in new],
			self.behind,
		)
		bulk_upsert(
			"Household",
			household_fields,
			[household_row(plan) for plan in old],
			household_fields[1:],
			behind=self.behind,
		)
		member_fields = ["name", "parent", "parenttype", "parentfield", "idx", *MEMBER_COLUMNS]
		added, kept = [], []
		names = iter(row_names(sum(1 for plan in plans for member in plan.members if not member.get("name"))))
		member_values = column_values(MEMBER_COLUMNS)
		for plan in plans:
			for member in plan.members:
				(kept if member.get("name") else added).append(
					[
						member.get("name") or next(names),
						plan.name,
						"Household",
						"members",
						member["idx"],
						*member_values(member),
					]
				)
		insert_given("Household Member", member_fields, added, self.behind)
		bulk_upsert("Household Member", member_fields, kept, ["idx", *MEMBER_COLUMNS], behind=self.behind)
		self.write_incomes(plans, income_names)
		self.write_cases(plans, cases, states)
		self.write_versions(old)
		refresh = [
			plan.stored.values["monitoring_case"]
			for plan in old
			if plan.stored.values.get("monitoring_case")
			and plan.stored.values.get("no_labour_capacity") != plan.household["no_labour_capacity"]
		]
		if refresh:
			self.behind.wait()  # a case's checks are read from its household as now written
		for case in refresh:
			refresh_case_checks(case)  # its assistance checks depend on whether the household has labour
		for plan in plans:
			self.stats["households_updated" if plan.stored else "households_created"] += 1
			self.stats["members_created"] += plan.members_created
			self.stats["members_updated"] += plan.members_updated

	def income_writes(self, plans: list[Plan]) -> list[Plan]:
		"""The plans whose income is written: the file's, unless fanpin keeps its own for that year."""
		return [plan for plan in plans if plan.income and not (plan.stored and plan.stored.staff_income)]

	def income_names(self, plans: list[Plan]) -> list[str]:
		"""Names for the incomes written that are not stored yet."""
		return reserve_names(
			"INC-.#######",
			sum(1 for p in self.income_writes(plans) if not (p.stored and p.stored.income)),
		)

	def write_incomes(self, plans: list[Plan], new_names: list[str]) -> None:
		fields = [
			"name",
			"household",
			"head_name",
			"village",
			"town",
			"remarks",
			*INCOME_COLUMNS,
		]
		names = iter(new_names)
		rows = []
		for plan in self.income_writes(plans):
			name = plan.stored.income if plan.stored and plan.stored.income else next(names)
			rows.append(
				[
					name,
					plan.name,
					plan.household["head_name"],
					plan.household["village"],
					plan.household["town"],
					self.remarks,
					*(plan.income.get(column, 0) for column in INCOME_COLUMNS),
				]
			)
		bulk_upsert(
			"Household Income",
			[*fields, "docstatus"],
			[[*row, 0] for row in rows],
			fields[2:],
			behind=self.behind,
		)

	def plan_cases(self, plans: list[Plan]) -> dict[str, dict]:
		"""Household → its case and status, where the file's monitoring object is written: the stored
		case where it came from the national system, else a new one."""
		found = {}
		needs = {}
		for plan in plans:
			if not plan.monitoring:
				continue
			case = plan.stored and plan.stored.values.get("monitoring_case")
			if case:
				found[plan.name] = {"monitoring_case": case}
			else:
				needs.setdefault(getdate(plan.monitoring["identified_on"]).year, []).append(plan)
		for year, waiting in needs.items():
			for plan, name in zip(waiting, reserve_names(f"MC-{year}-.#####", len(waiting)), strict=True):
				found[plan.name] = {"monitoring_case": name, "new_case": True}
		for plan in plans:
			if plan.name in found:
				found[plan.name]["monitoring_status"] = procedure.household_status(plan.monitoring["stage"])
		return found

	def write_cases(self, plans: list[Plan], cases: dict[str, dict], states: dict[str, str | None]) -> None:
		new, old, risks = [], [], []
		for plan in plans:
			if plan.name not in cases:
				continue
			case, object_ = cases[plan.name]["monitoring_case"], plan.monitoring
			values = {
				**case_values(object_),
				"workflow_state": states[object_["stage"]],
				"national_import": self.batch.name,
			}
			if cases[plan.name].get("new_case"):
				new.append(
					{
						"name": case,
						"household": plan.name,
						"head_name": plan.household["head_name"],
						"household_type": plan.household["household_type"],
						"village": plan.household["village"],
						"town": plan.household["town"],
						"discovery_channel": "Cadre screening",
						"discovery_date": object_["identified_on"],
						"from_national_system": 1,
						**values,
					}
				)
				self.stats["cases_created"] += 1
			else:
				old.append([case, *values.values()])
				self.stats["cases_updated"] += 1
			risks.extend(
				[case, "Monitoring Case", "risk_types", idx, risk]
				for idx, risk in enumerate(object_["risk_types"], start=1)
			)
		insert_dicts("Monitoring Case", new, self.behind)
		if old:
			fields = ["name", *case_values_fields()]
			bulk_upsert("Monitoring Case", fields, old, fields[1:], behind=self.behind)
			bulk_delete(
				"Case Risk Type",
				{"parent": [row[0] for row in old], "parenttype": "Monitoring Case"},
				self.behind,
			)
		bulk_insert(
			"Case Risk Type",
			["name", "parent", "parenttype", "parentfield", "idx", "risk_type"],
			named(risks),
			behind=self.behind,
		)

	def write_versions(self, plans: list[Plan]) -> None:
		"""The form's timeline says what the import changed, as a save from the form would."""
		rows = []
		for plan in plans:
			data = changes(plan)
			if data:
				rows.append(
					(
						"Household",
						plan.name,
						frappe.as_json({**data, "national_import": self.batch.name}, indent=None),
						0,
					)
				)
		bulk_insert(
			"Version",
			["name", "ref_doctype", "docname", "data", "docstatus"],
			named(rows),
			behind=self.behind,
		)

	def record_differences(self, plan: Plan) -> None:
		stored = plan.stored.values
		for subject, ours, theirs in plan.differences:
			if subject in ("Stage", "Category"):
				ours, theirs = (_(value) if value else None for value in (ours, theirs))
			self.differences.append(
				(
					plan.name,
					stored.get("household_code") or plan.code,
					stored.get("head_name"),
					_(subject),
					str(ours or "—"),
					str(theirs or "—"),
				)
			)

	def absent_households(self) -> None:
		"""Households of the villages the file covers that fanpin has and the file does not list: on a
		监测对象 list, the households fanpin monitors; on a basic-information sheet, every registered one.
		This is what still has to be entered in the national system."""
		if not self.covered_villages:
			return
		household = frappe.qb.DocType("Household")
		query = (
			frappe.qb.from_(household)
			.select(household.name, household.household_code, household.head_name, household.monitoring_case)
			.where(household.status == "Registered")
			.where(household.village.isin(sorted(self.covered_villages)))
		)
		if self.lists_objects:
			query = query.where(household.monitoring_status.isin(["In procedure", "Under monitoring"]))
		absent = [
			row
			for row in restrict(query, household).run(as_dict=True)
			if row.household_code not in self.seen_codes
		]
		case = frappe.qb.DocType("Monitoring Case")
		cases = [row.monitoring_case for row in absent if row.monitoring_case]
		stages = (
			dict(
				restrict(
					frappe.qb.from_(case).select(case.name, case.stage).where(case.name.isin(cases)), case
				).run()
			)
			if cases
			else {}
		)
		for row in absent:
			self.differences.append(
				(
					row.name,
					row.household_code or "—",
					row.head_name,
					_("Monitoring Object") if self.lists_objects else _("Household"),
					_(stages[row.monitoring_case]) if row.monitoring_case in stages else row.head_name,
					"—",
				)
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
				named(
					(self.batch.name, "National Import", "errors", idx, *error)
					for idx, error in enumerate(self.errors, start=1)
				),
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
			named(
				(self.batch.name, "National Import", "differences", idx, *row)
				for idx, row in enumerate(self.differences, start=1)
			),
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


CHUNK_HOUSEHOLDS = 2000
INCOME_COLUMNS = (
	"reference_date",
	"period_start",
	"period_end",
	"household_size",
	"wage_income",
	"business_income",
	"property_income",
	"transfer_income",
	"business_expenditure",
	"net_income",
	"per_capita_income",
)
STORED_HOUSEHOLD = ("name", *HOUSEHOLD_COLUMNS, "monitoring_case", "monitoring_status")
CHECK_COLUMNS = ("critical_illness_insurance", "resident_pension", "enjoys_dibao", "tekun_support")
NUMBER_COLUMNS = ("age", "work_months", "member_count", "no_labour_capacity", "member_uninsured")


def case_values_fields() -> list[str]:
	return [
		*case_values({"stage": None, "category": None, "identified_on": None}),
		"workflow_state",
		"national_import",
	]


def insert_given(doctype: str, fields: list[str], rows: list[list], behind: WriteBehind) -> None:
	"""Insert new rows with only the columns some row gives a value: the others take the column's
	default (a county's export leaves many columns blank; each would be sent for every row)."""
	given = [i for i in range(len(fields)) if any(row[i] is not None for row in rows)]
	bulk_insert(doctype, [fields[i] for i in given], [[row[i] for i in given] for row in rows], behind=behind)


def column_values(columns):
	"""values → the list of its ``columns`` as the table takes them: a check column holds 0 or 1, a
	number column 0 where the value is empty."""
	checks = [i for i, column in enumerate(columns) if column in CHECK_COLUMNS]
	numbers = [i for i, column in enumerate(columns) if column in NUMBER_COLUMNS]

	def values_of(values: dict) -> list:
		row = [values.get(column) for column in columns]
		for i in checks:
			row[i] = int(bool(row[i]))
		for i in numbers:
			if row[i] is None:
				row[i] = 0
		return row

	return values_of


def form_defaults(doctype: str) -> dict:
	"""The defaults a new row of the form starts with (fixed values only, as the desk fills them)."""
	return {
		df.fieldname: df.default
		for df in frappe.get_meta(doctype).fields
		if df.default
		and df.fieldtype in ("Data", "Select", "Int", "Check")
		and not str(df.default).startswith(":")
	}


def text_lengths(doctype: str) -> dict[str, int]:
	"""The longest value each Data column of the DocType holds."""
	return {
		df.fieldname: df.length or 140 for df in frappe.get_meta(doctype).fields if df.fieldtype == "Data"
	}


def stored_households(codes: list[str], export_date) -> dict[str, StoredHousehold]:
	"""What fanpin holds of the households of these 户编号 (any town: the caller checks its scope), in
	four queries: the households, their members, their cases, their incomes."""
	if not codes:
		return {}
	found = {}
	for row in frappe.get_all(
		"Household", filters={"household_code": ("in", codes)}, fields=list(STORED_HOUSEHOLD)
	):
		found[row.name] = StoredHousehold(
			name=row.name,
			village=row.village,
			values={k: v for k, v in row.items() if k != "name"},
			members=[],
		)
	if not found:
		return {}
	for member in frappe.get_all(
		"Household Member",
		filters={"parent": ("in", list(found)), "parenttype": "Household", "parentfield": "members"},
		fields=["name", "parent", *MEMBER_COLUMNS],
		order_by="parent, idx",
	):
		found[member.pop("parent")].members.append(dict(member))
	cases = {
		held.values["monitoring_case"]: held for held in found.values() if held.values["monitoring_case"]
	}
	for case in frappe.get_all(
		"Monitoring Case",
		filters={"name": ("in", list(cases) or [""])},
		fields=["name", "stage", "classification", "from_national_system"],
	):
		cases[case.name].case = dict(case)
	period_start = income_period(getdate(export_date)).start
	for income in frappe.get_all(
		"Household Income",
		filters={"household": ("in", list(found))},
		fields=["name", "household", "reference_date", "period_start", *INCOME_FIELDS],
		order_by="reference_date desc",
	):
		held = found[income.household]
		if income.reference_date != getdate(export_date) and held.other_income is None:
			held.other_income = income.per_capita_income
		if income.period_start == period_start:
			if income.reference_date == getdate(export_date):
				held.income = income.name
			else:
				# a record of fanpin's own for that year stands: the differences say what the file has
				held.staff_income = True
				held.staff_figures = {name: income[name] for name in INCOME_FIELDS}
	return {held.values["household_code"]: held for held in found.values()}


def member_owners(id_numbers: list[str]) -> dict[str, tuple[str, str]]:
	"""ID number → (household, village) of the live member holding it in a registered household."""
	return {
		number: (row.household, row.village) for number, row in match_members(list(set(id_numbers))).items()
	}


def changes(plan: Plan) -> dict | None:
	"""What the import changes of a stored household, as a Version of the form records it."""
	stored = plan.stored
	changed = [
		[column, stored.values.get(column), plan.household.get(column)]
		for column in ("natural_village", "phone", "household_type", "village")
		if plan.household.get(column) != stored.values.get(column)
	]
	before = {member["name"]: member for member in stored.members}
	row_changed, added = [], []
	for member in plan.members:
		if not member.get("name"):
			added.append(["members", {column: str(member.get(column) or "") for column in MEMBER_FIELDS}])
			continue
		old = before[member["name"]]
		diff = [
			[column, old.get(column), member.get(column)]
			for column in MEMBER_FIELDS
			if str(old.get(column) or "") != str(member.get(column) or "")
		]
		if diff:
			row_changed.append(["members", member["idx"], member["name"], diff])
	if not (changed or row_changed or added):
		return None
	return {"changed": changed, "row_changed": row_changed, "added": added, "removed": []}
