# Copyright (c) 2026, fanpin contributors
# For license information, please see license.txt

"""Cases included in monitoring, broken down for the workspace charts (SPEC §11).

Town, category and risk type show two series: cases still under monitoring and cases whose risk
has been eliminated. Month shows how many cases were newly included in each of the last 12 months.
"""

from collections import defaultdict
from collections.abc import Callable

import frappe
from frappe import _
from frappe.query_builder.functions import Count, Extract
from frappe.utils import add_months, get_first_day, getdate, today
from pypika.enums import DatePart
from pypika.queries import QueryBuilder, Table

from fanpin.permissions.scope import restrict
from fanpin.policy import procedure

MONTHS = 12


@frappe.whitelist()
def get(filters: str | dict | None = None) -> dict:
	"""Chart data ({labels, datasets}) for the ``breakdown`` filter: Town, Category, Risk Type or Month.

	Not wrapped in frappe's ``cache_source``: its cache is keyed by the chart alone, so it would
	serve one town's figures to every other user.
	"""
	frappe.has_permission("Monitoring Case", "read", throw=True)
	breakdown = (frappe.parse_json(filters) or {}).get("breakdown") or "Town"
	if breakdown not in BREAKDOWNS:
		frappe.throw(_("Unknown breakdown {0}").format(breakdown))
	return BREAKDOWNS[breakdown]()


def by_town() -> dict:
	case, area = frappe.qb.DocType("Monitoring Case"), frappe.qb.DocType("Area")
	query = (
		frappe.qb.from_(case)
		.join(area)
		.on(area.name == case.town)
		.select(area.area_name, case.stage, Count("*"))
		.groupby(case.town, area.area_name, case.stage)
		.orderby(case.town)
	)
	return split_by_stage(included(query, case).run())


def by_category() -> dict:
	case = frappe.qb.DocType("Monitoring Case")
	query = (
		frappe.qb.from_(case)
		.select(case.classification, case.stage, Count("*"))
		.groupby(case.classification, case.stage)
	)
	options = frappe.get_meta("Monitoring Case").get_options("classification").split("\n")
	rows = sorted(
		included(query, case).run(),
		key=lambda row: options.index(row[0]) if row[0] in options else len(options),
	)
	return split_by_stage(
		[(_(category) if category else _("Unclassified"), *rest) for category, *rest in rows]
	)


def by_risk_type() -> dict:
	case, risk = frappe.qb.DocType("Monitoring Case"), frappe.qb.DocType("Case Risk Type")
	query = (
		frappe.qb.from_(risk)
		.join(case)
		.on((risk.parent == case.name) & (risk.parenttype == "Monitoring Case"))
		.select(risk.risk_type, case.stage, Count("*"))
		.where(risk.parentfield == "risk_types")
		.groupby(risk.risk_type, case.stage)
	)
	rows = included(query, case).run()
	totals = defaultdict(int)
	for risk_type, _stage, count in rows:
		totals[risk_type] += count
	# The most frequent risks first: the chart answers "what drives households into monitoring".
	return split_by_stage(sorted(rows, key=lambda row: (-totals[row[0]], row[0])))


def by_month() -> dict:
	case = frappe.qb.DocType("Monitoring Case")
	first_month = get_first_day(add_months(today(), 1 - MONTHS))
	query = (
		frappe.qb.from_(case)
		.select(
			Extract(DatePart.year, case.identified_on),
			Extract(DatePart.month, case.identified_on),
			Count("*"),
		)
		.where(case.identified_on >= first_month)
		.where(case.identified_on <= getdate(today()))
		.groupby(Extract(DatePart.year, case.identified_on), Extract(DatePart.month, case.identified_on))
	)
	counts = {(int(year), int(month)): count for year, month, count in restrict(query, case).run()}
	months = [getdate(add_months(first_month, offset)) for offset in range(MONTHS)]
	return {
		"labels": [f"{month.year}-{month.month:02d}" for month in months],
		"datasets": [
			{"name": _("Newly Included"), "values": [counts.get((m.year, m.month), 0) for m in months]}
		],
	}


def included(query: QueryBuilder, case: Table) -> QueryBuilder:
	"""Cases the county has included in monitoring, whether or not their risk is eliminated since."""
	# frappe.qb ignores permissions: restrict keeps what the user's scope allows.
	return restrict(query.where(case.stage.isin(procedure.IDENTIFIED)), case)


def split_by_stage(rows: list[tuple[str, str, int]]) -> dict:
	"""(label, stage, count) rows, in display order, as one series per stage."""
	if not rows:
		# Without labels the chart widget shows its "no data" state instead of an empty plot.
		return {}
	counts: dict[str, dict[str, int]] = {}
	for label, stage, count in rows:
		counts.setdefault(label, defaultdict(int))[stage] += count
	return {
		"labels": list(counts),
		"datasets": [
			{"name": _(stage), "values": [by_stage[stage] for by_stage in counts.values()]}
			for stage in procedure.IDENTIFIED
		],
	}


BREAKDOWNS: dict[str, Callable[[], dict]] = {
	"Town": by_town,
	"Category": by_category,
	"Risk Type": by_risk_type,
	"Month": by_month,
}
