"""The desk's daily calls over HTTP, per role, against the same call as Administrator (unscoped).

	python benchmarks/desk_calls.py --url http://127.0.0.1:8000 --host your.site [--admin-password admin]

Run it against a site with the demo county (and, for county scale, ``benchmarks/county.py``), served
as in production (gunicorn with its workers). For each call and user: p50 and p95 over 20 calls
after 3 warm-up calls, and each scoped call's p95 as a ratio of Administrator's, in one run. Users
the call refuses (a liaison's household list) are shown as refused, not timed.
"""

import argparse
import json
import statistics
import sys
import time

import requests

DEMO_PASSWORD = "Fanpin@2026"
USERS = (
	"Administrator",
	"city.office@fanpin.demo",
	"officer.donglai@fanpin.demo",
	"clerk.donglai@fanpin.demo",
	"liaison.minzheng@fanpin.demo",
)
WARM_UP, RUNS = 3, 20
DONGLAI = "370681001000"


def calls() -> dict[str, tuple[str, str, dict]]:
	"""name → (verb, path, parameters)."""
	listed = {}
	for doctype in ("Household", "Monitoring Case", "Department Warning"):
		listed[f"{doctype} list"] = (
			"POST",
			"/api/method/frappe.desk.reportview.get",
			{
				"doctype": doctype,
				"fields": json.dumps([f"`tab{doctype}`.`name`", f"`tab{doctype}`.`modified`"]),
				"order_by": f"`tab{doctype}`.`modified` desc",
				"start": 0,
				"page_length": 20,
			},
		)
		listed[f"{doctype} count"] = (
			"POST",
			"/api/method/frappe.desk.reportview.get_count",
			{"doctype": doctype, "filters": "[]"},
		)
	search = {
		f"Household search {label}": (
			"POST",
			"/api/method/frappe.desk.search.search_link",
			{"doctype": "Household", "txt": txt, "page_length": 10},
		)
		for label, txt in (("zs (initials)", "zs"), ("full name", "王伟"), ("ID prefix", "3706811950"))
	}
	cards = {
		"workspace card: cases under monitoring": (
			"POST",
			"/api/method/frappe.desk.doctype.number_card.number_card.get_result",
			{
				"doc": json.dumps(
					{
						"name": "Cases Under Monitoring",
						"document_type": "Monitoring Case",
						"function": "Count",
						"filters_json": '[["Monitoring Case","stage","=","Under monitoring",false]]',
						"type": "Document Type",
					}
				),
				"filters": '[["Monitoring Case","stage","=","Under monitoring",false]]',
			},
		)
	}
	reports = {
		f"{report} (东莱街道)": (
			"POST",
			"/api/method/frappe.desk.query_report.run",
			{"report_name": report, "filters": json.dumps(filters)},
		)
		for report, filters in (
			("Monitoring Roster", {"town": DONGLAI}),
			("Monitoring Work Statistics", {"town": DONGLAI, "from_date": "2026-01-01"}),
			("Deadline Watch", {"town": DONGLAI}),
		)
	}
	return {
		"Household REST list": (
			"GET",
			"/api/resource/Household",
			{"limit_page_length": 20, "order_by": "modified desc"},
		),
		**listed,
		**search,
		**cards,
		**reports,
	}


def session(url: str, host: str, user: str, admin_password: str) -> requests.Session:
	s = requests.Session()
	s.headers["Host"] = host
	password = admin_password if user == "Administrator" else DEMO_PASSWORD
	r = s.post(f"{url}/api/method/login", data={"usr": user, "pwd": password}, timeout=30)
	r.raise_for_status()
	s.headers["X-Frappe-CSRF-Token"] = s.cookies.get("csrf_token", "")
	return s


def measure(s: requests.Session, url: str, verb: str, path: str, params: dict) -> list[float] | None:
	def once():
		start = time.perf_counter()
		r = s.request(verb, f"{url}{path}", **({"params": params} if verb == "GET" else {"data": params}))
		return time.perf_counter() - start, r.status_code

	for _ in range(WARM_UP):
		_, status = once()
		if status != 200:
			return None
	return [once()[0] for _ in range(RUNS)]


def p95(values: list[float]) -> float:
	return statistics.quantiles(values, n=20)[-1]


def main() -> None:
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--url", required=True)
	parser.add_argument("--host", required=True)
	parser.add_argument("--admin-password", default="admin")
	args = parser.parse_args()
	sessions = {user: session(args.url, args.host, user, args.admin_password) for user in USERS}
	print(f"p50 / p95 in ms over {RUNS} calls after {WARM_UP}; (×n) = p95 against Administrator's")
	print("| call | " + " | ".join(u.split("@")[0] for u in USERS) + " |")
	print("|---" * (len(USERS) + 1) + "|")
	for name, (verb, path, params) in calls().items():
		cells, admin = [], None
		for user in USERS:
			times = measure(sessions[user], args.url, verb, path, params)
			if times is None:
				cells.append("refused")
				continue
			p50, high = statistics.median(times) * 1000, p95(times) * 1000
			if user == "Administrator":
				admin = high
				cells.append(f"{p50:.0f} / {high:.0f}")
			else:
				ratio = f" (×{high / admin:.2f})" if admin else ""
				cells.append(f"{p50:.0f} / {high:.0f}{ratio}")
		print(f"| {name} | " + " | ".join(cells) + " |")
		sys.stdout.flush()


if __name__ == "__main__":
	main()
