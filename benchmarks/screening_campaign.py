"""Open a 全面排查 over 150,000 households.

	cd ~/frappe-bench/sites && ../env/bin/python /path/to/fanpin/benchmarks/screening_campaign.py --site your.site

Builds 150,000 synthetic households (户编号 BENCHSC…) in 150 villages of their own, then opens a
campaign over them the way the city office does (the background job's set-based pass, progress
bar included) and prints the seconds taken. In the same run it inserts screening tasks the
Frappe-native way, one document at a time (``frappe.get_doc(...).insert()``), for a sample of
households, and prints the ratio per household and what the whole county would take that way.
Everything it made is removed afterwards.
"""

import argparse
import sys
import time
from pathlib import Path

from common import connect, peak_rss_mb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HOUSEHOLDS, VILLAGES, SAMPLE = 150_000, 150, 1_000
TOWN = "370681001000"  # 东莱街道
VILLAGE_CODES = [f"{TOWN[:9]}{500 + n:03d}" for n in range(VILLAGES)]  # 500-649: no real village
CODE = "BENCHSC"  # 户编号 prefix of the synthetic households


def build(frappe) -> None:
	from fanpin.utils import bulk_insert, reserve_names

	for code in VILLAGE_CODES:
		if not frappe.db.exists("Area", code):
			frappe.get_doc(
				doctype="Area",
				area_name=f"基准村{code[-3:]}",
				area_code=code,
				level="Village",
				parent_area=TOWN,
			).insert(ignore_permissions=True)
	started = time.perf_counter()
	per_village = HOUSEHOLDS // VILLAGES
	for index, village in enumerate(VILLAGE_CODES):
		names = reserve_names("HH-.#######", per_village)
		bulk_insert(
			"Household",
			["name", "household_code", "village", "town", "household_type", "status", "head_name"],
			[
				(
					n,
					f"{CODE}{index * per_village + i:09d}",
					village,
					TOWN,
					"Ordinary rural household",
					"Registered",
					"基准户",
				)
				for i, n in enumerate(names)
			],
		)
	frappe.db.commit()
	print(f"setup: {HOUSEHOLDS:,} households in {VILLAGES} villages in {time.perf_counter() - started:.1f}s")


def campaign(frappe, title: str, areas: list[str]) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "Screening Campaign",
			"title": title,
			"year": 2099,
			"start_date": "2099-10-01",
			"deadline": "2099-12-31",
			"areas": [{"area": area} for area in areas],
		}
	).insert(ignore_permissions=True)
	frappe.db.commit()
	return doc.name


def open_set_based(frappe) -> tuple[float, int]:
	from fanpin.controllers.screening import create_tasks

	name = campaign(frappe, "基准全面排查（成批）", VILLAGE_CODES)
	frappe.db.set_value("Screening Campaign", name, "status", "Opening")
	started = time.perf_counter()
	create_tasks(name)
	frappe.db.commit()
	seconds = time.perf_counter() - started
	return seconds, frappe.db.count("Screening Task", {"campaign": name})


def insert_one_by_one(frappe) -> float:
	"""The Frappe-native way: a document per household, through its controller and hooks."""
	name = campaign(frappe, "基准全面排查（逐条）", VILLAGE_CODES[:1])
	frappe.db.set_value("Screening Campaign", name, "status", "Under way")
	households = frappe.get_all(
		"Household",
		filters={"village": VILLAGE_CODES[0], "household_code": ("like", f"{CODE}%")},
		pluck="name",
		limit=SAMPLE,
	)
	started = time.perf_counter()
	for household in households:
		frappe.get_doc({"doctype": "Screening Task", "campaign": name, "household": household}).insert(
			ignore_permissions=True
		)
	frappe.db.commit()
	return (time.perf_counter() - started) / len(households)


def remove(frappe) -> None:
	for name in frappe.get_all(
		"Screening Campaign", filters={"title": ("like", "基准全面排查%")}, pluck="name"
	):
		frappe.db.sql("delete from `tabScreening Task` where campaign = %s", name)
		frappe.db.sql("delete from `tabScreening Campaign` where name = %s", name)
	frappe.db.sql(
		"delete from `tabEvent Area` where parenttype = 'Screening Campaign' and area in %s", [VILLAGE_CODES]
	)
	frappe.db.sql("delete from `tabHousehold` where household_code like %s", f"{CODE}%")
	# the benchmark's own villages: nothing else links to them (delete_doc would queue a job per area)
	if frappe.db.exists("Area", {"name": ("in", VILLAGE_CODES)}):
		from frappe.utils.nestedset import rebuild_tree

		frappe.db.sql("delete from `tabArea` where name in %s", [VILLAGE_CODES])
		rebuild_tree("Area")
	frappe.db.commit()


def main() -> None:
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", required=True)
	args = parser.parse_args()
	frappe = connect(args.site)
	remove(frappe)  # what an interrupted run left
	try:
		build(frappe)
		seconds, tasks = open_set_based(frappe)
		per_document = insert_one_by_one(frappe)
	finally:
		remove(frappe)
	per_household = seconds / tasks
	print(f"open a campaign over {tasks:,} households: {seconds:.1f}s ({tasks / seconds:,.0f} households/s)")
	print(
		f"one document per household (sample of {SAMPLE:,}): {per_document * 1000:.2f} ms each, "
		f"{per_document * tasks / 60:.0f} min for the county"
	)
	print(f"ratio: {per_document / per_household:.0f}x faster than one document at a time")
	print(f"target: under 30 s for 150,000 households: {'met' if seconds < 30 else 'NOT met'}")
	print(f"peak memory: {peak_rss_mb():.0f} MB")
	frappe.destroy()


if __name__ == "__main__":
	main()
