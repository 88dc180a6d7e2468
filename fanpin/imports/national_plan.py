"""What one household of a national export writes, decided without the database (SPEC §13).

The import reads what fanpin holds for a few thousand households at once (:class:`Stored`), then
asks :func:`plan_household` for each: which of its rows are refused and why, and otherwise every
value the household, its members, its income and its monitoring object take. The checks are the
ones the 农户 form makes when it saves (ID numbers, one head, a child's labour, the number's owner
elsewhere in the county), so a household written here is one its form would have saved; the
import then writes the plans of many households in a few statements.

Messages are templates with their arguments (translated by the caller); a column is named by the
heading the national system uses for it.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from fanpin.imports.national_rows import (
	INCOME_FIELDS,
	MEMBER_FIELDS,
	SYNONYMS,
	NationalRow,
	household_disagreements,
)
from fanpin.policy import procedure
from fanpin.policy.household import (
	LIVE_MEMBER,
	WORKING_AGE,
	household_facts,
	member_facts,
	repeated_id_numbers,
)
from fanpin.policy.idcard import age_on, parse_id_number
from fanpin.policy.income import IncomeFigures, income_period, net_income, per_capita_income
from fanpin.policy.messages import PolicyError, _

ORDINARY = "Ordinary rural household"
# a member's ID number is read by the row parser, the check of a child's labour and the member's
# facts: what it says is worked out once
id_facts = lru_cache(maxsize=8192)(parse_id_number)  # a household the file gives no 户类型
FLAGS = ("critical_illness_insurance", "resident_pension", "enjoys_dibao", "tekun_support")
INCOME_PARTS = ("wage_income", "business_income", "property_income", "transfer_income")
# the household's own columns the file may give (the others follow from its members)
GIVEN = ("natural_village", "phone", "household_type")
# what the form keeps as a phone number (frappe.utils.validate_phone_number)
PHONE = re.compile(r"^([0-9\ \+\_\-\,\.\*\#\(\)]){1,20}$")
MEMBER_COLUMNS = (
	*MEMBER_FIELDS,
	"member_status",
	"birth_date",
	"age",
	"name_pinyin",
	"name_initials",
)
HOUSEHOLD_COLUMNS = (
	"household_code",
	"village",
	"town",
	*GIVEN,
	"head_name",
	"head_id_number",
	"head_pinyin",
	"member_count",
	"no_labour_capacity",
	"member_uninsured",
	"search_keywords",
)


@dataclass(frozen=True)
class Message:
	"""A template and its arguments, led by a row's label where it is about one member row."""

	template: str
	args: tuple = ()
	label: tuple[str, tuple] | None = None  # (template, args) of "Member row 2 (张三)"


@dataclass(frozen=True)
class Refusal:
	row_number: int
	column: str  # the national heading, or a msgid ("Village")
	message: Message
	id_number: str = ""


@dataclass
class StoredHousehold:
	"""What fanpin holds of one household the file names (by its 户编号)."""

	name: str
	village: str
	values: dict  # its columns of HOUSEHOLD_COLUMNS, and monitoring_case
	members: list[dict]  # its member rows in order, each with its row ``name`` and MEMBER_COLUMNS
	case: dict | None = None  # stage, classification, from_national_system of its monitoring_case
	other_income: float | None = None  # the latest per-capita income not from an export of that date
	income: str | None = None  # its income record of the export's date, which the import rewrites
	staff_income: bool = False  # fanpin has its own record of the export's income year: it stands
	staff_figures: dict = field(default_factory=dict)  # that record's amounts, by INCOME_FIELDS


@dataclass
class Plan:
	"""Everything one household of the file writes."""

	code: str
	stored: StoredHousehold | None
	rows: list[NationalRow]  # the rows that land
	household: dict  # HOUSEHOLD_COLUMNS
	members: list[dict]  # every member row: ``name`` (None for a new one), ``idx`` and MEMBER_COLUMNS
	members_created: int = 0
	members_updated: int = 0
	income: dict | None = None
	monitoring: dict | None = None  # the object of the file, where fanpin may write its case
	differences: list[tuple[str, object, object]] = field(default_factory=list)
	name: str | None = None  # the household's name, stored or reserved


@dataclass(frozen=True)
class Context:
	"""What every household of one import is checked against."""

	on: datetime.date  # today, for ages
	export_date: datetime.date
	member_defaults: Mapping[str, object]  # the member form's defaults, for a new member
	lengths: Mapping[str, int]  # the longest text each Data column holds
	required: tuple[str, ...] = ("member_name", "id_number", "relation", "labour_skill")


def member_label(idx: int, name: str) -> tuple[str, tuple]:
	return ("Member row {0} ({1})", (idx, name or ""))


def plan_household(
	rows: list[NationalRow],
	village: str,
	town: str,
	stored: StoredHousehold | None,
	owners: Mapping[str, tuple[str, str]],
	may_see: Callable[[str], bool],
	context: Context,
) -> tuple[Plan | None, list[Refusal]]:
	"""The plan of one household's rows (all of one 户编号, already in scope), or None where nothing of
	it lands; and the rows refused, each with its reason.

	``owners`` gives, for ID numbers of these rows, the household holding each already and its
	village; ``may_see`` says whether the importer may read a village (a household of another
	town is not named)."""
	code = rows[0].household["household_code"]
	disagreeing = household_disagreements(rows)
	if disagreeing:
		message = Message(_("the rows of household {0} disagree on this column"), (code,))
		return None, refuse_all(rows, "、".join(disagreeing), message)
	known = {member["id_number"] for member in stored.members} if stored else set()
	refused, kept = [], []
	for row in rows:
		id_number = row.member["id_number"]
		owner = owners.get(id_number)
		if owner and (not stored or owner[0] != stored.name):
			message = (
				Message(_("{0} is already a member of household {1}"), (id_number, owner[0]))
				if may_see(owner[1])
				else Message(_("{0} is already registered in another area"), (id_number,))
			)
			refused.append(Refusal(row.row_number, SYNONYMS["id_number"][0], message, id_number))
			continue
		missing = [
			name
			for name in context.required
			if id_number not in known
			and not row.member.get(name)
			and not is_a_child(name, id_number, context)
		]
		if missing:
			# a new member needs what its form needs: say which column of the file was empty
			column = "、".join(SYNONYMS[name][0] for name in missing)
			refused.append(Refusal(row.row_number, column, Message(_("empty")), id_number))
			continue
		kept.append(row)
	if not kept:
		return None, refused
	try:
		plan = build(code, kept, village, town, stored, context)
	except Refused as error:
		return None, refused + refuse_all(kept, "", error.message)
	return plan, refused


def is_a_child(name: str, id_number: str, context: Context) -> bool:
	"""A child's empty labour skill is no lack: the form fills in 无劳动力."""
	if name != "labour_skill":
		return False
	try:
		birth = id_facts(id_number, today=context.on).birth_date
	except PolicyError:
		return False  # the ID number's own error is said when the household is built
	return age_on(birth, context.on) < WORKING_AGE


class Refused(Exception):
	def __init__(self, message: Message) -> None:
		super().__init__(message.template)
		self.message = message


def refuse_all(rows: list[NationalRow], column: str, message: Message) -> list[Refusal]:
	return [Refusal(row.row_number, column, message, row.member.get("id_number", "")) for row in rows]


def build(
	code: str,
	rows: list[NationalRow],
	village: str,
	town: str,
	stored: StoredHousehold | None,
	context: Context,
) -> Plan:
	first = rows[0].household
	household = dict(stored.values) if stored else {}  # its case and status too, which stay as stored
	household.update({"household_code": code, "village": village, "town": town})
	for name in GIVEN:
		if first.get(name):
			household[name] = first[name]
	household["household_type"] = household.get("household_type") or ORDINARY
	phone = household.get("phone")
	if phone and not PHONE.match(str(phone)):
		raise Refused(Message(_("{0} is not a valid phone number"), (phone,)))
	for name in ("natural_village", "phone"):
		too_long(household.get(name), name, context, None)

	members = [dict(member) for member in stored.members] if stored else []
	by_id = {member["id_number"]: member for member in members}
	created = updated = 0
	for row in rows:
		values = {name: value for name, value in row.member.items() if value not in (None, "")}
		member = by_id.get(values["id_number"])
		if member:
			member.update(values)
			updated += 1
		else:
			member = {"name": None, **context.member_defaults, **{name: 0 for name in FLAGS}, **values}
			members.append(member)
			by_id[values["id_number"]] = member
			created += 1
	for idx, member in enumerate(members, start=1):
		member["idx"] = idx
		derive_member(member, context)
	for number, found in repeated_id_numbers(m["id_number"] for m in members).items():
		raise Refused(
			Message(
				_("ID number {0} is entered more than once, in member rows {1}"),
				(number, "、".join(map(str, found))),
			)
		)
	try:
		household.update(household_facts(members))
	except PolicyError as error:
		raise Refused(Message(error.message, error.args_for_message)) from None
	household["search_keywords"] = household["search_keywords"][
		: context.lengths.get("search_keywords", 1000)
	]
	plan = Plan(
		code=code,
		stored=stored,
		rows=rows,
		household=household,
		members=members,
		members_created=created,
		members_updated=updated,
	)
	plan.income = income_of(rows, household["member_count"], context)
	plan.monitoring = next((row.monitoring for row in rows if row.monitoring), None)
	if stored:
		plan.differences = compare(stored, rows, plan.monitoring)
		if stored.case and not stored.case.get("from_national_system"):
			plan.monitoring = None  # a case fanpin took through the procedure is fanpin's
	return plan


def derive_member(member: dict, context: Context) -> None:
	"""What the member form fills in: the name without spaces, what the ID number says, a child's
	labour, the pinyin; a text too long for its column is refused."""
	label = member_label(member["idx"], member.get("member_name"))
	try:
		member.update(
			member_facts(
				member.get("member_name"),
				member["id_number"],
				member.get("labour_skill"),
				context.on,
				parse=id_facts,
			)
		)
	except PolicyError as error:
		raise Refused(Message(error.message, error.args_for_message, label)) from None
	member.setdefault("member_status", LIVE_MEMBER)
	for name in ("member_name", "ethnicity", "work_place"):
		too_long(member.get(name), name, context, label)


def too_long(value, name: str, context: Context, label) -> None:
	limit = context.lengths.get(name)
	if value and limit and len(str(value)) > limit:
		raise Refused(
			Message(_("{0} is longer than {1} characters"), (SYNONYMS.get(name, (name,))[0], limit), label)
		)


def income_of(rows: list[NationalRow], size: int, context: Context) -> dict | None:
	"""The year's income as the file gives it: where it has the parts, the form adds them up; where
	it has only totals, the national figures stand."""
	given = rows[0].income
	if not given:
		return None
	period = income_period(context.export_date)
	values = {
		name: given.get(name, 0)
		for name in (*INCOME_PARTS, "business_expenditure")
		if name in given or any(part in given for part in INCOME_PARTS)
	}
	if any(part in given for part in INCOME_PARTS):
		net = net_income(
			IncomeFigures(**{name: given.get(name, 0) for name in (*INCOME_PARTS, "business_expenditure")})
		)
		per_capita = per_capita_income(net, size)
	else:
		net = given.get("net_income", 0)
		per_capita = (
			given["per_capita_income"] if "per_capita_income" in given else per_capita_income(net, size)
		)
	return {
		**values,
		"reference_date": context.export_date,
		"period_start": period.start,
		"period_end": period.end,
		"household_size": size,
		"net_income": float(net),
		"per_capita_income": float(per_capita),
	}


def compare(stored: StoredHousehold, rows: list[NationalRow], object_: dict | None) -> list[tuple]:
	"""What fanpin holds that the file does not say, or says otherwise: (subject, fanpin's value,
	the file's value). Members the file does not list; a case fanpin took through the procedure (its
	stage and category); the latest income fanpin recorded."""
	found = []
	listed = {row.member["id_number"] for row in rows}
	for member in stored.members:
		if member["id_number"] not in listed:
			found.append(("Member", f"{member['member_name']}（{member['id_number']}）", None))
	case = stored.case
	if case and not case.get("from_national_system"):
		theirs = object_["stage"] if object_ else None
		if case["stage"] != theirs:
			found.append(("Stage", case["stage"], theirs))
		if object_ and case.get("classification") != object_["category"]:
			found.append(("Category", case.get("classification"), object_["category"]))
	theirs = rows[0].income.get("per_capita_income")
	ours = stored.other_income
	if theirs is not None and ours is not None and abs(float(ours) - float(theirs)) >= 0.01:
		found.append(("Per-capita Income", f"¥{float(ours):,.2f}", f"¥{float(theirs):,.2f}"))
	# where fanpin's own record of the year stands, every other amount the file gives is listed
	# beside it: nothing the file says of the income is dropped unsaid
	for name in INCOME_FIELDS if stored.staff_income else ():
		theirs, ours = rows[0].income.get(name), stored.staff_figures.get(name)
		if name != "per_capita_income" and theirs is not None and float(ours or 0) != float(theirs):
			found.append((SYNONYMS[name][0], f"¥{float(ours or 0):,.2f}", f"¥{float(theirs):,.2f}"))
	return found


def case_values(object_: dict) -> dict:
	"""The columns of the case of a monitoring object from the file, at its real stage."""
	eliminated = object_["stage"] == procedure.ELIMINATED
	return {
		"stage": object_["stage"],
		"classification": object_["category"],
		"identified_on": object_["identified_on"],
		"eliminated_on": object_["eliminated_on"] if eliminated else None,
		"elimination_method": object_["elimination_method"] if eliminated else None,
	}
