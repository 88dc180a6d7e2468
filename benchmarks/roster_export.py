"""Export a 100,000-row 监测对象花名册 in the government layout, against Frappe's own report export.

	cd ~/frappe-bench/sites && ../env/bin/python /path/to/fanpin/benchmarks/roster_export.py --site your.site

Creates a synthetic town (基准测试镇, 10 villages) with 100,000 households under monitoring, then
runs, each in its own process so that its peak memory is its own, on the same rows:
  fanpin   the export job (streamed from the database into the government layout)
  frappe   Frappe's report "Export → Excel" (frappe.desk.query_report.export_query)
and prints seconds, peak RSS and the ratio. Everything synthetic is removed afterwards.
"""

import argparse
import datetime
import io
import json
import random
import subprocess
import sys
import time
from pathlib import Path

from common import connect, peak_rss_mb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROWS = 100_000
TOWN = "370681999000"
CODE_PREFIX = "BENCHROSTER"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗单曾"
GIVEN = "一二三四五六七八九十明华国建平军红玉兰英"


def setup(site: str) -> None:
	frappe = connect(site)
	from fanpin.policy.idcard import make_id_number
	from fanpin.policy.pinyin import name_pinyin
	from fanpin.utils import bulk_insert, reserve_names, row_name

	started = time.perf_counter()
	if not frappe.db.exists("Area", TOWN):
		frappe.get_doc(
			doctype="Area", area_name="基准测试镇", area_code=TOWN, level="Town", parent_area="370681000000"
		).insert()
	villages = []
	for number in range(1, 11):
		code = f"{TOWN[:9]}{number:03d}"
		if not frappe.db.exists("Area", code):
			frappe.get_doc(
				doctype="Area", area_name=f"基准村{number}", area_code=code, level="Village", parent_area=TOWN
			).insert()
		villages.append(code)
	rng = random.Random(11)
	categories = ("Unstable lifted household", "Marginal household", "Sudden severe difficulty household")
	risks = ("因病", "因残", "因学", "因缺劳动力", "因意外事故")
	for start in range(0, ROWS, 10_000):
		count = min(10_000, ROWS - start)
		households = reserve_names("HH-.#######", count)
		cases = reserve_names("MC-.YYYY.-.#####", count)
		head_rows, case_rows, risk_rows = [], [], []
		for i, (household, case) in enumerate(zip(households, cases, strict=True)):
			n = start + i
			name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
			village = villages[n % len(villages)]
			id_number = make_id_number(
				"370681", datetime.date(1940, 1, 1) + datetime.timedelta(days=n % 25000), n % 1000
			)
			head_rows.append(
				(
					household,
					f"{CODE_PREFIX}{n:09d}",
					village,
					TOWN,
					"Ordinary rural household",
					"Registered",
					name,
					name_pinyin(name).full,
					id_number,
					rng.randint(1, 6),
					f"1380000{n % 10000:04d}",
					case,
					"Under monitoring",
				)
			)
			case_rows.append(
				(
					case,
					household,
					name,
					village,
					TOWN,
					"Cadre screening",
					datetime.date(2025, 1, 1),
					"Under monitoring",
					"已纳入监测",
					rng.choice(categories),
					datetime.date(2025, 1, 1) + datetime.timedelta(days=n % 300),
					rng.randint(3000, 9000),
				)
			)
			risk_rows.append((row_name(), case, "Monitoring Case", "risk_types", 1, rng.choice(risks)))
		bulk_insert(
			"Household",
			[
				"name",
				"household_code",
				"village",
				"town",
				"household_type",
				"status",
				"head_name",
				"head_pinyin",
				"head_id_number",
				"member_count",
				"phone",
				"monitoring_case",
				"monitoring_status",
			],
			head_rows,
		)
		bulk_insert(
			"Monitoring Case",
			[
				"name",
				"household",
				"head_name",
				"village",
				"town",
				"discovery_channel",
				"discovery_date",
				"stage",
				"workflow_state",
				"classification",
				"identified_on",
				"per_capita_income",
			],
			case_rows,
		)
		bulk_insert(
			"Case Risk Type", ["name", "parent", "parenttype", "parentfield", "idx", "risk_type"], risk_rows
		)
		frappe.db.commit()
	print(f"setup: {ROWS:,} households under monitoring in {time.perf_counter() - started:.0f}s")
	frappe.destroy()


def measure(site: str, way: str) -> None:
	"""One export, in this process; prints seconds, rows, size and peak RSS as JSON."""
	frappe = connect(site)
	filters = {"town": TOWN}
	before = peak_rss_mb()
	started = time.perf_counter()
	if way == "fanpin":
		from fanpin.exports.government import write_export

		result = write_export("Monitoring Roster", filters, "Administrator", ROWS)
		content = frappe.get_doc("File", {"file_url": result["file_url"]}).get_content()
	else:
		from frappe.desk.query_report import export_query

		frappe.local.form_dict = frappe._dict(
			report_name="Monitoring Roster",
			file_format_type="Excel",
			filters=json.dumps(filters),
			visible_idx=json.dumps(list(range(ROWS))),  # the browser sends every visible row
		)
		export_query()
		content = frappe.response["filecontent"]
	elapsed = time.perf_counter() - started
	peak = peak_rss_mb()  # before the check below reads the file back
	from openpyxl import load_workbook

	sheet = load_workbook(io.BytesIO(content), read_only=True).active
	if way == "fanpin":  # data rows carry their 序号
		rows = sum(
			1 for row in sheet.iter_rows(min_row=5, values_only=True) if row and isinstance(row[0], int)
		)
	else:  # one header row
		rows = sum(1 for _row in sheet.iter_rows(values_only=True)) - 1
	print(
		json.dumps(
			{
				"seconds": elapsed,
				"rows": rows,
				"bytes": len(content),
				"peak_mb": peak,
				"before_mb": before,
			}
		)
	)
	frappe.destroy()


def run_in_own_process(site: str, way: str) -> dict:
	out = subprocess.run(
		[sys.executable, __file__, "--site", site, "--measure", way],
		capture_output=True,
		text=True,
		check=True,
	)
	return json.loads(out.stdout.strip().splitlines()[-1])


def cleanup(site: str) -> None:
	frappe = connect(site)
	cases = frappe.qb.DocType("Monitoring Case")
	risk = frappe.qb.DocType("Case Risk Type")
	frappe.qb.from_(risk).delete().where(
		risk.parent.isin(frappe.qb.from_(cases).select(cases.name).where(cases.town == TOWN))
	).run()
	frappe.db.delete("Monitoring Case", {"town": TOWN})
	frappe.db.delete("Household", {"household_code": ("like", f"{CODE_PREFIX}%")})
	for name in frappe.get_all(
		"File",
		filters={"attached_to_doctype": "Export Layout", "file_name": ("like", "%花名册%")},
		pluck="name",
	):
		frappe.delete_doc("File", name, force=True)
	frappe.db.delete("Area", {"parent_area": TOWN})
	frappe.db.delete("Area", {"name": TOWN})
	frappe.db.commit()
	frappe.destroy()


if __name__ == "__main__":
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--measure", choices=("fanpin", "frappe"))
	args = parser.parse_args()
	if args.measure:
		measure(args.site, args.measure)
		sys.exit(0)
	try:
		setup(args.site)
		ours = run_in_own_process(args.site, "fanpin")
		native = run_in_own_process(args.site, "frappe")
		for label, result in (("fanpin, government layout", ours), ("Frappe report Export → Excel", native)):
			print(
				f"{label}: {result['rows']:,} rows in {result['seconds']:.1f}s, "
				f"{result['bytes'] / 1e6:.1f} MB file, peak RSS {result['peak_mb']:.0f} MB "
				f"(at start {result['before_mb']:.0f} MB)"
			)
		print(
			f"\nfanpin takes {ours['seconds'] / native['seconds']:.2f}x the time of Frappe's plain export "
			f"and {ours['peak_mb'] / native['peak_mb']:.2f}x its peak memory"
		)
	finally:
		cleanup(args.site)
