"""Import a county's national export: 150,000 households, 450,000 member rows, one .xlsx.

	cd ~/frappe-bench/sites && ../env/bin/python /path/to/fanpin/benchmarks/national_import.py --site your.site

The file is laid out as the national system exports it: a title, a 填报单位 line, then one row per
member with the household's columns repeated (乡镇, 行政村, 户编号, 户类型, 联系电话, 人均纯收入),
and for one household in twenty its monitoring object (category, 识别监测时间, risk types, eliminated
or not). Households are spread over the villages the site has (the demo county's).

Prints, for fanpin's import (run in its own process, as the background job runs it): rows per
second, the seconds of the whole county and peak memory (of the import, and of the process it
forks to read the file); then, in the same run, the rate of Frappe's
own Data Import inserting the same kind of households (with their members, as child rows) on a
sample, and the ratio. Everything imported (户编号 BENCHN…) is removed afterwards.
"""

import argparse
import contextlib
import datetime
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import connect, peak_rss_mb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HOUSEHOLDS, SAMPLE = 150_000, 300
PREFIX = "BENCHN"
EXPORT_DATE = "2026-11-30"
SURNAMES = (
	"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华玉萍红梅"
HEADINGS = [
	"序号",
	"乡镇",
	"行政村",
	"户编号",
	"户类型",
	"联系电话",
	"姓名",
	"证件号码",
	"与户主关系",
	"民族",
	"文化程度",
	"健康状况",
	"劳动技能",
	"参加医疗保险情况",
	"是否享受农村低保",
	"人均纯收入",
	"监测对象类别",
	"识别监测时间",
	"风险类型",
	"风险是否消除",
	"风险消除时间",
	"消除方式",
]


def person(index: int, role: int):
	"""A valid, unique ID number and a name: heads born 1950–1974, spouses 1975–1989, children
	2012–2020 (so under the working age)."""
	from fanpin.policy.idcard import make_id_number

	start, span = ((1950, 9000), (1975, 5400), (2012, 3200))[role]
	birth = datetime.date(start, 1, 1) + datetime.timedelta(days=index % span)
	number = make_id_number("370681", birth, index // span % 1000)
	# some 40,000 different names, repeated as names are across a county
	given = GIVEN[(index * 7 + role) % len(GIVEN)] + GIVEN[(index // 7 + role * 3) % len(GIVEN)]
	name = SURNAMES[index % len(SURNAMES)] + given
	return number, name


def villages(site: str) -> list[tuple[str, str]]:
	frappe = connect(site)
	found = frappe.db.sql(
		"""select t.area_name, v.area_name from `tabArea` v join `tabArea` t on t.name = v.parent_area
		where v.level = 'Village' order by v.name"""
	)
	frappe.destroy()
	if not found:
		sys.exit("The site has no villages: create the demo county first (fanpin.demo.create)")
	return [tuple(row) for row in found]


def household_rows(households: int, places: list[tuple[str, str]]):
	"""Rows of the export, one per member; ``households`` of them, 3 members each."""
	sequence = 0
	for h in range(households):
		town, village = places[h % len(places)]
		code = f"{PREFIX}{h:09d}"
		monitored = h % 20 == 0
		eliminated = monitored and h % 40 == 0
		household = [town, village, code, "一般农户", f"1350000{h % 10000:04d}"]
		object_ = (
			[
				"突发严重困难户" if h % 60 else "边缘易致贫户",
				"2024-03-15",
				"因病、因学" if h % 3 else "因自然灾害（洪涝灾害）",
				"是" if eliminated else "否",
				"2025-06-30" if eliminated else None,
				"帮扶消除" if eliminated else None,
			]
			if monitored
			else [None] * 6
		)
		for role, relation in enumerate(("户主", "配偶", "之子")):
			sequence += 1
			number, name = person(h, role)
			yield [
				sequence,
				*household,
				name,
				number,
				relation,
				"汉族",
				"初中" if role < 2 else None,
				"健康",
				"普通劳动力" if role < 2 else None,
				"城乡居民基本医疗保险",
				"否",
				12000 + h % 5000,
				*object_,
			]


def write_file(path: str, households: int, places) -> float:
	from openpyxl import Workbook

	started = time.perf_counter()
	workbook = Workbook(write_only=True)
	sheet = workbook.create_sheet()
	sheet.append(["防返贫监测信息系统 农户基础信息（基准测试）"])
	sheet.append(["填报单位：基准县乡村振兴局"])
	sheet.append(HEADINGS)
	for row in household_rows(households, places):
		sheet.append(row)
	workbook.save(path)
	return time.perf_counter() - started


def run_fanpin_import(site: str, path: str) -> None:
	"""In its own process, so that peak memory is the import's own."""
	frappe = connect(site)
	from fanpin.fanpin.doctype.national_import.national_import import run_national_import

	content = Path(path).read_bytes()
	# a county's export is larger than the desk's default upload limit (max_file_size in site_config)
	frappe.local.conf.max_file_size = max(frappe.local.conf.get("max_file_size") or 0, len(content) + 1)
	file = frappe.get_doc(
		{"doctype": "File", "file_name": "national-bench.xlsx", "content": content, "is_private": 1}
	).insert()
	batch = frappe.get_doc(
		{"doctype": "National Import", "export_date": EXPORT_DATE, "import_file": file.file_url}
	).insert()
	frappe.db.commit()
	del content
	before = peak_rss_mb()
	started = time.perf_counter()
	stats = run_national_import(batch.name)
	frappe.db.commit()
	elapsed = time.perf_counter() - started
	batch.reload()
	print(
		json.dumps(
			{
				"seconds": elapsed,
				"status": batch.status,
				"log": batch.import_log,
				"peak_mb": peak_rss_mb(),
				"before_mb": before,
				# the process that reads the file (fanpin.imports.ahead), ended by now
				"reader_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
				**{
					key: stats.get(key)
					for key in (
						"rows_read",
						"rows_rejected",
						"households_created",
						"members_created",
						"cases_created",
					)
				},
			}
		)
	)
	frappe.destroy()


def data_import_sample(site: str, places) -> float:
	"""Frappe's Data Import inserting SAMPLE households with their members; member rows per second."""
	frappe = connect(site)
	from frappe.core.doctype.data_import.importer import Importer

	village = frappe.get_all("Area", filters={"level": "Village"}, pluck="name", order_by="name", limit=1)[0]
	with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as f:
		f.write(
			"household_code,village,household_type,phone,members.member_name,members.id_number,"
			"members.relation,members.labour_skill,members.education,members.medical_insurance\n"
		)
		for h in range(HOUSEHOLDS, HOUSEHOLDS + SAMPLE):
			for role, relation in enumerate(("Head of household", "Spouse", "Son")):
				number, name = person(h, role)
				parent = (
					f"{PREFIX}{h:09d},{village},Ordinary rural household,1350000{h % 10000:04d}"
					if role == 0
					else ",,,"
				)
				labour = "Ordinary labour" if role < 2 else ""
				f.write(f"{parent},{name},{number},{relation},{labour},,Resident medical insurance\n")
		path = f.name
	importer = Importer("Household", file_path=path, import_type="Insert New Records", console=True)
	before = frappe.db.count("Household", {"household_code": ("like", f"{PREFIX}%")})
	started = time.perf_counter()
	with contextlib.redirect_stdout(io.StringIO()):  # its progress bar
		importer.import_data()
	frappe.db.commit()
	elapsed = time.perf_counter() - started
	created = frappe.db.count("Household", {"household_code": ("like", f"{PREFIX}%")}) - before
	frappe.destroy()
	if created < SAMPLE:
		sys.exit(f"Data Import created {created} of {SAMPLE} households: the comparison does not hold")
	return created * 3 / elapsed


def cleanup(site: str) -> None:
	frappe = connect(site)
	households = f"select name from `tabHousehold` where household_code like '{PREFIX}%%'"
	cases = f"select name from `tabMonitoring Case` where household in ({households})"
	frappe.db.sql(f"delete from `tabCase Risk Type` where parent in ({cases})")
	frappe.db.sql(f"delete from `tabMonitoring Case` where household in ({households})")
	frappe.db.sql(f"delete from `tabHousehold Income` where household in ({households})")
	frappe.db.sql(f"delete from `tabVersion` where ref_doctype = 'Household' and docname in ({households})")
	frappe.db.sql(
		f"delete from `tabHousehold Member` where parenttype = 'Household' and parent in ({households})"
	)
	frappe.db.sql(f"delete from `tabHousehold` where household_code like '{PREFIX}%%'")
	for batch in frappe.get_all("National Import", filters={"export_date": EXPORT_DATE}, pluck="name"):
		frappe.delete_doc("National Import", batch, force=True)
	frappe.db.commit()
	frappe.destroy()


if __name__ == "__main__":
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--households", type=int, default=HOUSEHOLDS)
	parser.add_argument("--import-only")
	args = parser.parse_args()
	if args.import_only:
		run_fanpin_import(args.site, args.import_only)
		sys.exit(0)
	places = villages(args.site)
	try:
		# the file depends on the number of households and villages only: a second run reuses it
		path = str(Path(tempfile.gettempdir()) / f"fanpin-national-{args.households}-{len(places)}.xlsx")
		if not Path(path).exists():
			seconds = write_file(path + ".part", args.households, places)
			Path(path + ".part").rename(path)
			print(f"file written in {seconds:.0f}s")
		print(
			f"file: {args.households:,} households, {args.households * 3:,} member rows over {len(places)} villages, "
			f"{Path(path).stat().st_size / 1024 / 1024:.0f} MB"
		)
		out = subprocess.run(
			[sys.executable, __file__, "--site", args.site, "--import-only", path],
			capture_output=True,
			text=True,
		)
		if out.returncode:
			sys.exit(f"the import failed:\n{out.stderr[-3000:]}")
		result = json.loads(out.stdout.strip().splitlines()[-1])
		if result["status"] != "Completed":
			sys.exit(f"the import ended {result['status']}: {result['log']}")
		rate = result["rows_read"] / result["seconds"]
		print(
			f"fanpin import: {result['rows_read']:,} rows ({result['rows_rejected']:,} refused) in {result['seconds']:.1f}s "
			f"= {rate:,.0f} rows/s; {result['households_created']:,} households, {result['members_created']:,} members, "
			f"{result['cases_created']:,} monitoring objects; peak RSS {result['peak_mb']:.0f} MB (at start {result['before_mb']:.0f} MB), "
			f"and {result['reader_peak_mb']:.0f} MB in the process reading the file"
		)
		native = data_import_sample(args.site, places)
		print(
			f"\nFrappe Data Import into Household with members ({SAMPLE:,} households, {SAMPLE * 3:,} member rows): "
			f"{native:,.1f} rows/s; fanpin is {rate / native:.0f}x faster"
		)
	finally:
		cleanup(args.site)
