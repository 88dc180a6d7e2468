"""The yearly 全面排查 (SPEC §12): opening a campaign over the county's households in one set-based
pass, its progress as each viewer sees it, closing it with its summary, and the daily reminder to
villages behind schedule. The rules are in :mod:`fanpin.policy.screening`."""

from __future__ import annotations

from collections import defaultdict

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Count, Sum
from frappe.utils import getdate, now_datetime, today

from fanpin.controllers.jobs import Progress, notify
from fanpin.permissions.scope import restrict
from fanpin.policy import screening
from fanpin.policy.procedure import CLOSED_STAGES
from fanpin.utils import reserve_names

# An open case: the screening is recorded on it as a follow-up visit.
OPEN_CASE_STATUSES = ("In procedure", "Under monitoring")
CHUNKS = 20  # the opening pass writes the households in this many steps, each a step of the bar


# ---------------------------------------------------------------- which households


def campaign_villages(campaign) -> list[str]:
	"""The villages of the campaign's areas (a town brings its villages; none means the county)."""
	area = frappe.qb.DocType("Area")
	query = frappe.qb.from_(area).select(area.name).where(area.level == "Village").orderby(area.name)
	chosen = [row.area for row in campaign.areas]
	if chosen:
		bounds = frappe.get_all("Area", filters={"name": ("in", chosen)}, fields=["lft", "rgt"])
		within = None
		for b in bounds:
			condition = (area.lft >= b.lft) & (area.rgt <= b.rgt)
			within = condition if within is None else within | condition
		query = query.where(within)
	return [name for (name,) in query.run()]


# ---------------------------------------------------------------- opening


TASK_COLUMNS = (
	"name",
	"creation",
	"modified",
	"owner",
	"modified_by",
	"docstatus",
	"idx",
	"campaign",
	"household",
	"head_name",
	"head_id_number",
	"household_type",
	"village",
	"village_name",
	"town",
	"monitoring_case",
	"status",
	"school_dropout",
	"medical_uncovered",
	"housing_unsafe",
	"water_unsafe",
)


def create_tasks(campaign_name: str) -> None:
	"""(background job) One screening task per household of the campaign, set-based: an
	``insert … select`` per group of villages. The household's current 三保障 and water facts are
	copied, so a screening starts from what is known and changes only what the screener changes.
	All or nothing: a failure leaves the campaign as a draft with no task."""
	frappe.set_user_lang(frappe.session.user)  # the bar and the notice in the language of who opened it
	campaign = frappe.get_doc("Screening Campaign", campaign_name)
	villages = campaign_villages(campaign)
	progress = Progress(_("Opening screening campaign {0}").format(campaign.title), len(villages), CHUNKS)
	progress.start()
	try:
		done = 0
		for group in progress.chunks(villages, largest=len(villages)):
			insert_tasks(campaign, group)
			done += len(group)
			progress.step(done, _("{0} of {1} villages").format(done, len(villages)))
		total = frappe.db.count("Screening Task", {"campaign": campaign.name})
		campaign.db_set({"status": "Under way", "opened_on": today(), "total_households": total}, notify=True)
	except Exception:
		frappe.db.rollback()
		frappe.db.set_value("Screening Campaign", campaign.name, "status", "Not opened")
		frappe.db.commit()
		progress.finish(
			_("Screening campaign {0} could not be opened; it is still a draft").format(campaign.title),
			indicator="red",
			doctype="Screening Campaign",
			name=campaign.name,
		)
		raise
	progress.finish(
		_("Screening campaign {0} is open: {1} households to screen").format(campaign.title, total),
		doctype="Screening Campaign",
		name=campaign.name,
	)


TASK_SERIES = "ST-.YYYY.-.########"
SERIES_DIGITS = TASK_SERIES.count("#")


def insert_tasks(campaign, villages: list[str]) -> None:
	"""One ``insert … select`` for the villages' households that have no task in the campaign yet (a
	second run after a failed one adds only what is missing). Names come from the task series,
	reserved in one step: a name says nothing of the household."""
	by_type = "and h.household_type = %(household_type)s" if campaign.household_type else ""
	values = {
		"campaign": campaign.name,
		"now": now_datetime(),
		"user": frappe.session.user,
		"open_statuses": OPEN_CASE_STATUSES,
		"pending": screening.PENDING,
		"villages": tuple(villages) or ("",),
		"household_type": campaign.household_type,
	}
	households = f"""from `tabHousehold` h
		left join `tabArea` a on a.name = h.village
		where h.status = 'Registered' and h.village in %(villages)s {by_type}
		and not exists (select 1 from `tabScreening Task` t
			where t.campaign = %(campaign)s and t.household = h.name)"""
	count = frappe.db.sql(f"select count(*) {households}", values)[0][0]
	if not count:
		return
	first = reserve_names(TASK_SERIES, count)[0]
	values.update(prefix=first[:-SERIES_DIGITS], start=int(first[-SERIES_DIGITS:]) - 1)
	columns = ", ".join(f"`{c}`" for c in TASK_COLUMNS)
	frappe.db.sql(
		f"""insert into `tabScreening Task` ({columns})
		select concat(%(prefix)s, lpad(%(start)s + row_number() over (order by h.name), {SERIES_DIGITS}, '0')),
			%(now)s, %(now)s, %(user)s, %(user)s, 0, 0,
			%(campaign)s, h.name, h.head_name, h.head_id_number, h.household_type, h.village,
			a.area_name, h.town,
			if(h.monitoring_status in %(open_statuses)s, h.monitoring_case, null), %(pending)s,
			h.school_dropout, h.member_uninsured, h.housing_unsafe, h.water_unsafe
		{households}""",
		values,
	)


# ---------------------------------------------------------------- progress


def completion_rows(campaign: str, by: str = "village", user: str | None = None) -> list[dict]:
	"""Counts per town or village of the campaign, within the user's scope: households, screened,
	unreachable, not screened, risk found, newly included (their clue became a case) and already
	monitored (recorded on their open case), with the completion in percent."""
	task = frappe.qb.DocType("Screening Task")
	area = frappe.qb.DocType("Area")
	clue = frappe.qb.DocType("Risk Clue")
	place = task[by]

	def tally(condition):
		return Sum(Case().when(condition, 1).else_(0))

	query = (
		frappe.qb.from_(task)
		.left_join(area)
		.on(area.name == place)
		.left_join(clue)
		.on(clue.name == task.risk_clue)
		.select(
			place.as_("area"),
			area.area_name,
			area.parent_area,
			Count("*").as_("total"),
			tally(task.status == screening.SCREENED).as_("screened"),
			tally(task.status == screening.UNREACHABLE).as_("unreachable"),
			Sum(task.risk_found).as_("risk_found"),
			tally(clue.status == "Converted to case").as_("newly_included"),
			tally(task.follow_up_visit.isnotnull()).as_("already_monitored"),
		)
		.where(task.campaign == campaign)
		.groupby(place, area.area_name, area.parent_area)
		.orderby(place)
	)
	rows = restrict(query, task, user).run(as_dict=True)
	for row in rows:
		for key in COUNTS:
			row[key] = int(row[key] or 0)
		done = screening.Completion(row.total, row.screened, row.unreachable)
		row.update(pending=done.pending, percent=done.percent)
	return rows


COUNTS = ("total", "screened", "unreachable", "risk_found", "newly_included", "already_monitored")


def completion(campaign: str, user: str | None = None) -> screening.Completion:
	rows = completion_rows(campaign, "town", user)
	return screening.Completion(
		sum(r.total for r in rows), sum(r.screened for r in rows), sum(r.unreachable for r in rows)
	)


def current_campaign() -> str | None:
	"""The open campaign (the newest, should there be several), else the newest closed one."""
	for status in ("Under way", "Ended"):
		name = frappe.db.get_value(
			"Screening Campaign", {"status": status}, "name", order_by="start_date desc, creation desc"
		)
		if name:
			return name
	return None


# ---------------------------------------------------------------- closing


def summary_counts(campaign: str) -> dict:
	"""The whole campaign's outcome, for its frozen summary (closing is the city office's)."""
	rows = completion_rows(campaign, "town", "Administrator")
	total = {key: sum(row[key] for row in rows) for key in (*COUNTS, "pending")}
	return {
		"total_households": total["total"],
		"screened_count": total["screened"],
		"unreachable_count": total["unreachable"],
		"unscreened_count": total["pending"],
		"risk_found_count": total["risk_found"],
		"newly_included_count": total["newly_included"],
		"already_monitored_count": total["already_monitored"],
	}


# ---------------------------------------------------------------- reminders


def villages_behind(campaign, on=None) -> list[dict]:
	on = getdate(on or today())
	rows = completion_rows(campaign.name, "village", "Administrator")
	start, deadline = getdate(campaign.start_date), getdate(campaign.deadline)
	return [
		row
		for row in rows
		if screening.behind_schedule(
			screening.Completion(row.total, row.screened, row.unreachable), start, deadline, on
		)
	]


def remind_villages_behind() -> None:
	"""(daily) For each open campaign, the staff of every village behind a steady pace get a
	notification with their figures; their town officers get one listing their villages behind."""
	frappe.local.lang = frappe.db.get_default("lang") or frappe.local.lang  # the county's language
	for name in frappe.get_all("Screening Campaign", filters={"status": "Under way"}, pluck="name"):
		campaign = frappe.get_doc("Screening Campaign", name)
		behind = villages_behind(campaign)
		by_town = defaultdict(list)
		for row in behind:
			by_town[row.parent_area].append(row)
			message = _(
				"{0}: {1} of {2} households screened ({3}%), behind schedule; the deadline is {4}"
			).format(row.area_name, row.screened + row.unreachable, row.total, row.percent, campaign.deadline)
			for user in staff_of(row.area):
				notify(
					_("Screening behind schedule"),
					message,
					indicator="orange",
					user=user,
					link=f"/app/screening-task?campaign={campaign.name}&village={row.area}&status=Pending",
				)
		for town, rows in by_town.items():
			names = "、".join(f"{r.area_name}（{r.percent}%）" for r in rows)
			for user in staff_of(town):
				notify(
					_("Screening behind schedule"),
					_("Villages behind schedule in {0}: {1}").format(campaign.title, names),
					indicator="orange",
					user=user,
					link=f"/app/query-report/Screening Progress?campaign={campaign.name}",
				)


def staff_of(area: str) -> list[str]:
	"""Enabled desk users whose own area is exactly this one (not those above it)."""
	users = frappe.get_all(
		"User Permission", filters={"allow": "Area", "for_value": area}, pluck="user", distinct=True
	)
	return frappe.get_all("User", filters={"name": ("in", users or [""]), "enabled": 1}, pluck="name")


def case_is_open(case: str | None) -> bool:
	return bool(case) and frappe.db.get_value("Monitoring Case", case, "stage") not in CLOSED_STAGES


def screening_summary_rows(campaign: str) -> list[dict]:
	"""(print format) The campaign's figures by town, as the reader may see them, with a totals row."""
	rows = completion_rows(campaign, "town")
	total = frappe._dict({key: sum(row[key] for row in rows) for key in (*COUNTS, "pending")})
	done = screening.Completion(total.total, total.screened, total.unreachable)
	total.update(area_name=_("Total", context="Totals row"), percent=done.percent, is_total_row=1)
	return [*rows, total] if rows else []
