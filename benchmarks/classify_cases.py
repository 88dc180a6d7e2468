"""Classify 10,000 cases: through the policy core, and through the annual assessment job on a site.

Pure part (no Frappe):
	python benchmarks/classify_cases.py
Site part (a site with the demo county; it adds the cases it needs and removes them afterwards):
	cd ~/frappe-bench/sites && ../env/bin/python /path/to/fanpin/benchmarks/classify_cases.py --site your.site

Prints cases per second; the site part also times Frappe's per-document way (get_doc().insert()
of each Risk Assessment) on a sample in the same run and prints the ratio.
"""

import argparse
import datetime
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fanpin.policy.classifier import CaseFacts, Exclusion, classify
from fanpin.policy.income import income_period

CASES = 10_000
TYPES = (
	"Lifted out of poverty (policy)",
	"Lifted out of poverty (no policy)",
	"Ordinary rural household",
	"Dibao household",
)


def random_facts(rng: random.Random) -> CaseFacts:
	return CaseFacts(
		household_type=rng.choice(TYPES),
		per_capita_income=Decimal(rng.randrange(0, 20000)),
		line=Decimal(6500),
		line_year=2021,
		period=income_period(datetime.date(2021, rng.randint(1, 12), 1)),
		condition_a=rng.random() < 0.4,
		condition_b=rng.random() < 0.3,
		severe_difficulty=rng.random() < 0.2,
		exclusions=(Exclusion("在城镇购买商品房", True),) if rng.random() < 0.05 else (),
		resettlement_purchase=rng.random() < 0.5,
	)


def bench_policy() -> None:
	rng = random.Random(7)
	cases = [random_facts(rng) for _ in range(CASES)]
	started = time.perf_counter()
	counts: dict[str, int] = {}
	for facts in cases:
		category = classify(facts).category
		counts[category] = counts.get(category, 0) + 1
	elapsed = time.perf_counter() - started
	print(f"policy core: {CASES} cases in {elapsed:.3f}s = {CASES / elapsed:,.0f} cases/s  {counts}")


def bench_site(site: str) -> None:
	import frappe

	frappe.init(site=site)
	frappe.connect()
	try:
		_bench_site()
	finally:
		frappe.destroy()


def _bench_site() -> None:
	import frappe

	from fanpin.api.assessment import run_annual_assessment
	from fanpin.demo import create as create_demo
	from fanpin.utils import bulk_insert, reserve_names

	year = 2099  # a year no real work uses; everything made here is removed at the end
	create_demo(households=CASES)
	households = frappe.get_all(
		"Household",
		filters={"household_code": ("like", "370681%")},
		fields=["name", "head_name", "village", "town"],
		limit=CASES,
	)
	frappe.get_doc(
		{"doctype": "Monitoring Threshold", "year": year, "region": "基准测试", "amount": 6500}
	).insert()
	names = reserve_names("MC-.YYYY.-.#####", len(households))
	rows = [
		(
			name,
			h.name,
			h.head_name,
			h.village,
			h.town,
			"Cadre screening",
			f"{year}-01-01",
			"Under monitoring",
			"Marginal household",
			"2098-01-01",
			"基准测试",
		)
		for name, h in zip(names, households, strict=True)
	]
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
			"classification",
			"identified_on",
			"verifiers",
		],
		rows,
	)
	frappe.db.commit()
	try:
		started = time.perf_counter()
		result = run_annual_assessment(year)
		frappe.db.commit()  # as the background job runner does after the job
		elapsed = time.perf_counter() - started
		rate = result["created"] / elapsed
		print(f"annual assessment job: {result['created']} cases in {elapsed:.2f}s = {rate:,.0f} cases/s")

		sample = names[:500]
		frappe.db.delete("Risk Assessment", {"year": year, "case": ("in", sample)})
		started = time.perf_counter()
		for case in sample:
			frappe.get_doc(
				{
					"doctype": "Risk Assessment",
					"case": case,
					"year": year,
					"recommendation": "Continue monitoring",
				}
			).insert()
		native = len(sample) / (time.perf_counter() - started)
		print(
			f"per-document inserts (Frappe's way, {len(sample)} cases): {native:,.0f} cases/s; job is {rate / native:.1f}x faster"
		)
		again = run_annual_assessment(year)
		print(f"second run created {again['created']} (already assessed {again['already_assessed']})")
	finally:
		frappe.db.rollback()
		frappe.db.delete("Risk Assessment", {"year": year})
		frappe.db.delete("Monitoring Case", {"verifiers": "基准测试", "discovery_date": f"{year}-01-01"})
		frappe.db.delete("Monitoring Threshold", {"region": "基准测试"})
		frappe.db.commit()


if __name__ == "__main__":
	parser = argparse.ArgumentParser()
	parser.add_argument("--site")
	args = parser.parse_args()
	bench_policy()
	if args.site:
		bench_site(args.site)
