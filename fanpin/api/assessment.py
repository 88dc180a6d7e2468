"""The annual Q4 risk assessment (SPEC §8): one Risk Assessment per case under monitoring per year."""

import frappe
from frappe import _
from frappe.utils import cint, flt, getdate, today

from fanpin.controllers.jobs import Progress
from fanpin.fanpin.doctype.household_income.household_income import latest_incomes
from fanpin.fanpin.doctype.monitoring_threshold.monitoring_threshold import get_line
from fanpin.permissions.scope import allowed_areas
from fanpin.policy import exit as exit_rules
from fanpin.policy import procedure
from fanpin.utils import bulk_insert, findings_text, reserve_names

CHUNK = 1000


@frappe.whitelist()
def start_annual_assessment(year: int | None = None) -> str:
	if not {"Fanpin City Office", "System Manager"} & set(frappe.get_roles()):
		frappe.throw(_("Only the city office starts the annual risk assessment"), frappe.PermissionError)
	year = cint(year) or getdate(today()).year
	get_line(year)  # fail now, not in the job, when the year has no line
	frappe.enqueue(
		"fanpin.api.assessment.run_annual_assessment",
		queue="long",
		timeout=3600,
		job_id=f"fanpin-annual-assessment-{year}-{frappe.session.user}",
		deduplicate=True,
		year=year,
	)
	return _(
		"The {0} risk assessment has started: a progress bar shows how far it is, and you are notified when it is done"
	).format(year)


def run_annual_assessment(year: int) -> dict:
	"""Assess every case under monitoring in the caller's scope; idempotent per (case, year).

	Runs as the user who started it (frappe.enqueue keeps the user), and reads with frappe.get_all,
	so the user's area scope is applied explicitly here. The user sees a progress bar, then the counts
	on screen and in their notifications.
	"""
	year = cint(year)
	frappe.set_user_lang(frappe.session.user)
	frappe.db.savepoint("annual_assessment")
	try:
		return assess(year)
	except Exception as error:  # the user who waits for the counts must learn that none come
		frappe.db.rollback(save_point="annual_assessment")
		frappe.log_error(title=_("Annual risk assessment {0}").format(year))
		Progress(_("Annual risk assessment {0}").format(year), 1).finish(
			_("The risk assessment stopped ({0}); nothing was saved").format(type(error).__name__),
			indicator="red",
		)
		return {"status": "Failed"}


def assess(year: int) -> dict:
	line = get_line(year).amount
	filters = {"stage": procedure.MONITORING}
	scope = allowed_areas()
	if scope is not None:
		filters["village"] = ("in", list(scope))
	cases = frappe.get_all(
		"Monitoring Case",
		filters=filters,
		fields=["name", "household", "head_name", "village", "town", "classification", "identified_on"],
		order_by="name",
	)
	done = (
		set(
			frappe.get_all(
				"Risk Assessment",
				filters={"year": year, "case": ("in", [c.name for c in cases])},
				pluck="case",
			)
		)
		if cases
		else set()
	)
	todo = [c for c in cases if c.name not in done]
	households = {c.household for c in todo}
	flags = (
		{
			row.name: row
			for row in frappe.get_all(
				"Household",
				filters={"name": ("in", list(households))},
				fields=["name", *exit_rules.HOUSEHOLD_FLAGS],
			)
		}
		if todo
		else {}
	)
	incomes = latest_incomes(households)
	assessed_on = exit_rules.assessment_date(year, getdate(today()))
	progress = Progress(_("Annual risk assessment {0}").format(year), len(todo))
	progress.start(_("{0} of {1} cases assessed").format(0, len(todo)))
	created = proposed = 0
	for chunk in progress.chunks(todo, CHUNK):
		names = reserve_names("RA-.YYYY.-.#####", len(chunk))
		rows = []
		for name, case in zip(names, chunk, strict=True):
			household = flags[case.household]
			findings = exit_rules.exit_findings(
				exit_rules.ExitFacts(
					category=case.classification,
					identified_on=case.identified_on,
					proposed_on=assessed_on,
					method=exit_rules.ASSISTED,
					per_capita_income=incomes.get(case.household),
					line=line,
					**{flag: bool(household[flag]) for flag in exit_rules.HOUSEHOLD_FLAGS},
				)
			)
			advice = exit_rules.recommendation(findings)
			proposed += advice == exit_rules.PROPOSE_EXIT
			rows.append(
				(
					name,
					case.name,
					case.household,
					year,
					case.head_name,
					case.village,
					case.town,
					case.classification,
					flt(incomes.get(case.household)),
					line,
					advice,
					findings_text(findings),
				)
			)
		bulk_insert(
			"Risk Assessment",
			[
				"name",
				"case",
				"household",
				"year",
				"head_name",
				"village",
				"town",
				"category",
				"per_capita_income",
				"line_amount",
				"recommendation",
				"findings",
			],
			rows,
		)
		created += len(rows)
		progress.step(created, _("{0} of {1} cases assessed").format(created, len(todo)))
	progress.finish(
		_(
			"{0} cases under monitoring: {1} assessed now ({2} proposed for exit, {3} to stay under monitoring), {4} assessed before"
		).format(len(cases), created, proposed, created - proposed, len(done)),
		link=f"/app/risk-assessment?year={year}",
	)
	return {
		"cases": len(cases),
		"created": created,
		"already_assessed": len(done),
		"proposed_exit": proposed,
	}
