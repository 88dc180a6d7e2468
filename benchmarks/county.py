"""A county-scale dataset on a site, built set-based and removed again, for the site benchmarks.

	cd ~/frappe-bench/sites && ../env/bin/python /path/to/fanpin/benchmarks/county.py --site your.site
	cd ~/frappe-bench/sites && ../env/bin/python /path/to/fanpin/benchmarks/county.py --site your.site --remove

Builds, over the villages the site has (the demo county's): 150,000 households with 450,000
members, 15,000 cases at every stage of the procedure, 50,000 department warnings, and for the cases
under monitoring or past it 30,000 assistance measures and 60,000 follow-up visits (submitted). Rows are
written as the forms would have them (pinyin, search keywords, the head's facts, the workflow state
of each stage), in multi-row inserts of 1,000; every row is owned by ``COUNTY_OWNER``, which is how
``--remove`` finds them. Prints the seconds each part took.
"""

import argparse
import datetime
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import connect
from fanpin.policy import procedure

COUNTY_OWNER = "county.benchmark@fanpin.invalid"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红梅建国建华志强海燕立新春花"
STAGES = (*procedure.OPEN_STAGES, procedure.MONITORING, *procedure.CLOSED_STAGES)
CHUNK = 1000


def synthetic_person(sequence: int) -> tuple[datetime.date, str]:
	"""A birth date and a valid ID number, different for every sequence number: (birth day, 3-digit
	sequence) repeat every 25,000 people, so each block of 25,000 gets its own region code (370690
	on, apart from the demo's and the tests' 370681)."""
	from fanpin.policy.idcard import make_id_number

	birth = datetime.date(1940, 1, 1) + datetime.timedelta(days=(sequence * 7919) % 25_000)
	return birth, make_id_number(str(370690 + sequence // 25_000), birth, sequence % 1000)


def person_name(rng: random.Random) -> str:
	return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def build(
	households: int = 150_000,
	members: int = 3,
	cases: int = 15_000,
	warnings: int = 50_000,
	measures: int = 30_000,
	visits: int = 60_000,
) -> dict:
	import frappe

	from fanpin.controllers.stage import state_for_stage
	from fanpin.policy.pinyin import name_pinyin, search_keywords
	from fanpin.utils import bulk_insert, insert_dicts, reserve_names, row_name

	rng = random.Random(2026)
	cases = min(cases, households // 10)  # a smaller county keeps the same share of cases
	frappe.session.user = COUNTY_OWNER  # bulk_insert stamps owner and modified_by with it
	villages = frappe.get_all(
		"Area", filters={"level": "Village"}, fields=["name", "parent_area"], order_by="name"
	)
	timings = {}

	start = time.perf_counter()
	names = reserve_names("HH-.#######", households)
	household_rows, member_rows, heads = [], [], []
	sequence = 0
	for index, name in enumerate(names):
		village = villages[index % len(villages)]
		people = []
		for position in range(members):
			sequence += 1
			birth, number = synthetic_person(sequence)
			person = person_name(rng)
			reading = name_pinyin(person)
			people.append(person)
			member_rows.append(
				(
					row_name(),
					name,
					"Household",
					"members",
					position + 1,
					person,
					number,
					"Head of household" if position == 0 else rng.choice(("Spouse", "Son", "Daughter")),
					"Male" if sequence % 2 else "Female",
					birth,
					"In household",
					"Healthy",
					"Ordinary labour",
					"Resident medical insurance",
					reading.full,
					reading.initials,
				)
			)
			if position == 0:
				head = (person, number, reading.full)
		heads.append((name, village.name, village.parent_area, head[0]))
		household_rows.append(
			(
				name,
				head[0],
				"Ordinary rural household",
				"Registered",
				village.name,
				village.parent_area,
				members,
				search_keywords(people),
				head[2],
				head[1],
			)
		)
	bulk_insert(
		"Household",
		[
			"name",
			"head_name",
			"household_type",
			"status",
			"village",
			"town",
			"member_count",
			"search_keywords",
			"head_pinyin",
			"head_id_number",
		],
		household_rows,
		CHUNK,
	)
	bulk_insert(
		"Household Member",
		[
			"name",
			"parent",
			"parenttype",
			"parentfield",
			"idx",
			"member_name",
			"id_number",
			"relation",
			"gender",
			"birth_date",
			"member_status",
			"health",
			"labour_skill",
			"medical_insurance",
			"name_pinyin",
			"name_initials",
		],
		member_rows,
		CHUNK,
	)
	frappe.db.commit()
	timings["households and members"] = time.perf_counter() - start

	start = time.perf_counter()
	today = datetime.date.today()
	case_names = reserve_names(f"MC-{today.year}-.#####", cases)
	states = {stage: state_for_stage("Monitoring Case", stage) for stage in STAGES}
	case_rows, risk_rows = [], []
	for index, case in enumerate(case_names):
		household, village, town, head = heads[index * (len(heads) // cases)]
		stage = STAGES[index % len(STAGES)]
		case_rows.append(
			{
				"name": case,
				"household": household,
				"head_name": head,
				"village": village,
				"town": town,
				"discovery_channel": "Cadre screening",
				"discovery_date": today - datetime.timedelta(days=index % 300),
				"stage": stage,
				"workflow_state": states[stage],
				"classification": "Marginal household prone to poverty"
				if stage in procedure.IDENTIFIED
				else None,
			}
		)
		risk_rows.append((row_name(), case, "Monitoring Case", "risk_types", 1, "因病"))
	insert_dicts("Monitoring Case", case_rows)
	bulk_insert(
		"Case Risk Type",
		["name", "parent", "parenttype", "parentfield", "idx", "risk_type"],
		risk_rows,
		CHUNK,
	)
	frappe.db.commit()
	timings["cases"] = time.perf_counter() - start

	start = time.perf_counter()
	departments = frappe.get_all("Warning Type", fields=["name", "department"], limit=20)
	warning_names = reserve_names(f"DW-{today.year}-.#######", warnings)
	month = today.replace(day=1)
	warning_rows = []
	for index, warning in enumerate(warning_names):
		household, village, town, head = heads[(index * 7) % len(heads)]
		kind = departments[index % len(departments)]
		number = household_rows[(index * 7) % len(heads)][-1]
		warning_rows.append(
			(
				warning,
				kind.department,
				kind.name,
				month,
				head,
				number,
				1,
				household,
				head,
				village,
				town,
				"Pending" if index % 3 else "No risk after review",
				f"{kind.department}|{kind.name}|{month}|{number}|{index}",
			)
		)
	bulk_insert(
		"Department Warning",
		[
			"name",
			"department",
			"warning_type",
			"report_month",
			"person_name",
			"id_number",
			"matched",
			"household",
			"member_name",
			"village",
			"town",
			"status",
			"row_key",
		],
		warning_rows,
		CHUNK,
	)
	frappe.db.commit()
	timings["department warnings"] = time.perf_counter() - start

	start = time.perf_counter()
	followed = [row for row in case_rows if row["stage"] in procedure.IDENTIFIED]
	share = households / 150_000  # a smaller county keeps the same share of measures and visits
	measure_types = frappe.get_all("Assistance Measure Type", pluck="name", order_by="name")
	measure_rows = []
	for index, name in enumerate(reserve_names(f"AM-{today.year}-.#####", int(measures * share))):
		case = followed[index % len(followed)]
		measure_rows.append(
			{
				"name": name,
				"case": case["name"],
				"household": case["household"],
				"head_name": case["head_name"],
				"village": case["village"],
				"town": case["town"],
				"measure_type": measure_types[index % len(measure_types)],
				"status": ("Planned", "In progress", "Completed")[index % 3],
				"start_date": today - datetime.timedelta(days=index % 200),
			}
		)
	insert_dicts("Assistance Measure", measure_rows)
	frappe.db.commit()
	timings["assistance measures"] = time.perf_counter() - start

	start = time.perf_counter()
	visit_rows = []
	for index, name in enumerate(reserve_names(f"FV-{today.year}-.#####", int(visits * share))):
		case = followed[index % len(followed)]
		visit_rows.append(
			{
				"name": name,
				"case": case["name"],
				"household": case["household"],
				"head_name": case["head_name"],
				"village": case["village"],
				"town": case["town"],
				"visit_date": today - datetime.timedelta(days=index % 365),
				"method": ("Home visit", "Phone call")[index % 2],
				"visitor": "村干部",
				"findings": "收入稳定，无新增风险",
				"docstatus": 1,
			}
		)
	insert_dicts("Follow-up Visit", visit_rows)
	frappe.db.commit()
	timings["follow-up visits"] = time.perf_counter() - start
	return timings


def remove() -> dict:
	import frappe

	timings = {}
	for doctype in (
		"Follow-up Visit",
		"Assistance Measure",
		"Case Risk Type",
		"Monitoring Case",
		"Department Warning",
		"Household Member",
		"Household",
	):
		start = time.perf_counter()
		frappe.db.sql(f"delete from `tab{doctype}` where owner = %s", COUNTY_OWNER)
		frappe.db.commit()
		timings[doctype] = time.perf_counter() - start
	return timings


def main() -> None:
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", required=True)
	parser.add_argument("--remove", action="store_true", help="remove the dataset instead")
	parser.add_argument("--households", type=int, default=150_000)
	args = parser.parse_args()
	connect(args.site)
	started = time.perf_counter()
	timings = remove() if args.remove else build(households=args.households)
	for part, seconds in timings.items():
		print(f"{part}: {seconds:.1f} s")
	print(f"total: {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
	main()
