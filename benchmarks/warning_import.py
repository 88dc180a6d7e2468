"""Import a 50,000-row department file against 500,000 household members.

	cd ~/frappe-bench/sites && ../env/bin/python /path/to/fanpin/benchmarks/warning_import.py --site your.site

Prints rows per second and peak memory of fanpin's import (run in its own process), and the
ratio against Frappe's own Data Import inserting the same kind of rows into Department Warning,
measured on a sample in the same run. Synthetic households (户编号 BENCH…) and everything imported
are removed afterwards.
"""

import argparse
import datetime
import io
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import connect, peak_rss_mb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MEMBERS, ROWS, SAMPLE = 500_000, 50_000, 1_000
MONTH = "2099-01-01"  # no real work uses it


def setup(site: str) -> list[str]:
	"""Synthetic households with 4 members each; returns the member ID numbers."""
	frappe = connect(site)
	from fanpin.policy.idcard import make_id_number
	from fanpin.utils import bulk_insert, reserve_names, row_name

	village = frappe.get_all("Area", filters={"level": "Village"}, fields=["name", "parent_area"], limit=1)[0]
	rng = random.Random(5)
	ids: list[str] = []
	households = MEMBERS // 4
	started = time.perf_counter()
	for start in range(0, households, 10_000):
		count = min(10_000, households - start)
		names = reserve_names("HH-.#######", count)
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
				"member_count",
			],
			[
				(
					n,
					f"BENCH{start + i:09d}",
					village.name,
					village.parent_area,
					"Ordinary rural household",
					"Registered",
					"基准",
					4,
				)
				for i, n in enumerate(names)
			],
		)
		members = []
		for i, name in enumerate(names):
			for position in range(4):
				number = make_id_number(
					"370681",
					datetime.date(1940, 1, 1) + datetime.timedelta(days=rng.randint(0, 25000)),
					(start + i) * 4 % 997 + position,
				)
				ids.append(number)
				members.append(
					(
						row_name(),
						name,
						"Household",
						"members",
						position + 1,
						"基准成员",
						number,
						"Head of household" if position == 0 else "Son",
						"In household",
						"Ordinary labour",
					)
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
				"member_status",
				"labour_skill",
			],
			members,
		)
		frappe.db.commit()
	print(f"setup: {households:,} households, {len(ids):,} members in {time.perf_counter() - started:.0f}s")
	frappe.destroy()
	return ids


def department_file(ids: list[str]) -> bytes:
	from openpyxl import Workbook

	from fanpin.policy.idcard import make_id_number

	rng = random.Random(9)
	chosen = rng.sample(ids, ROWS - ROWS // 10)
	strangers = [
		make_id_number("370682", datetime.date(1950, 1, 1) + datetime.timedelta(days=i), i % 1000)
		for i in range(ROWS // 10)
	]
	wb = Workbook(write_only=True)
	ws = wb.create_sheet()
	ws.append(["龙口市民政局基准测试名单"])
	ws.append(["填报单位：龙口市民政局"])
	ws.append(["序号", "姓名", "身份证号码", "保障金额（元）", "备注"])
	for i, number in enumerate(chosen + strangers, start=1):
		ws.append([i, "基准成员", number, 500, ""])
	ws.append(["合计", None, None, 500 * ROWS, None])
	buffer = io.BytesIO()
	wb.save(buffer)
	return buffer.getvalue()


def run_fanpin_import(site: str, path: str) -> None:
	"""In its own process so that peak memory is the import's own."""
	frappe = connect(site)
	from fanpin.fanpin.doctype.warning_import.warning_import import run_import

	content = Path(path).read_bytes()
	file = frappe.get_doc(
		{"doctype": "File", "file_name": "bench.xlsx", "content": content, "is_private": 1}
	).insert()
	batch = frappe.get_doc(
		{
			"doctype": "Warning Import",
			"department": "民政局",
			"warning_type": "新增低保",
			"report_month": MONTH,
			"import_file": file.file_url,
		}
	).insert()
	frappe.db.commit()
	before = peak_rss_mb()
	started = time.perf_counter()
	stats = run_import(batch.name)
	frappe.db.commit()
	elapsed = time.perf_counter() - started
	peak = peak_rss_mb()
	print(
		json.dumps(
			{
				"seconds": elapsed,
				"rows": stats["rows_read"],
				"matched": stats["rows_matched"],
				"peak_mb": peak,
				"before_mb": before,
			}
		)
	)
	frappe.destroy()


def data_import_sample(site: str, ids: list[str]) -> float:
	"""Frappe's Data Import inserting SAMPLE rows into Department Warning; rows per second."""
	frappe = connect(site)
	from frappe.core.doctype.data_import.importer import Importer

	with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as f:
		f.write("Department,Warning Type,Report Month,Name,ID Number\n")
		for number in ids[:SAMPLE]:
			f.write(f"民政局,临时救助,{MONTH},基准成员,{number}\n")
		path = f.name
	importer = Importer("Department Warning", file_path=path, import_type="Insert New Records", console=True)
	before = frappe.db.count("Department Warning", {"report_month": MONTH, "warning_type": "临时救助"})
	started = time.perf_counter()
	importer.import_data()
	frappe.db.commit()
	elapsed = time.perf_counter() - started
	created = (
		frappe.db.count("Department Warning", {"report_month": MONTH, "warning_type": "临时救助"}) - before
	)
	frappe.destroy()
	return created / elapsed


def cleanup(site: str) -> None:
	frappe = connect(site)
	frappe.db.sql(
		"delete m from `tabHousehold Member` m join `tabHousehold` h on h.name = m.parent where h.household_code like %s",
		("BENCH%",),
	)
	frappe.db.delete("Household", {"household_code": ("like", "BENCH%")})
	batches = frappe.get_all(
		"Department Warning", filters={"report_month": MONTH}, pluck="import_batch", distinct=True
	)
	frappe.db.delete("ToDo", {"reference_type": "Department Warning", "description": ("like", "%基准成员%")})
	frappe.db.delete("Department Warning", {"report_month": MONTH})
	for batch in filter(None, batches):
		frappe.delete_doc("Warning Import", batch, force=True)
	frappe.db.commit()
	frappe.destroy()


if __name__ == "__main__":
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--import-only")
	args = parser.parse_args()
	if args.import_only:
		run_fanpin_import(args.site, args.import_only)
		sys.exit(0)
	try:
		ids = setup(args.site)
		with tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False) as f:
			f.write(department_file(ids))
		out = subprocess.run(
			[sys.executable, __file__, "--site", args.site, "--import-only", f.name],
			capture_output=True,
			text=True,
			check=True,
		)
		result = json.loads(out.stdout.strip().splitlines()[-1])
		rate = result["rows"] / result["seconds"]
		print(
			f"fanpin import: {result['rows']:,} rows ({result['matched']:,} matched) in {result['seconds']:.1f}s = {rate:,.0f} rows/s; peak RSS {result['peak_mb']:.0f} MB (at start {result['before_mb']:.0f} MB)"
		)
		native = data_import_sample(args.site, ids)
		print(
			f"\nFrappe Data Import into Department Warning ({SAMPLE:,} rows): {native:,.0f} rows/s; fanpin is {rate / native:.0f}x faster"
		)
	finally:
		cleanup(args.site)
