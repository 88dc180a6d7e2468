"""The desk's daily calls over HTTP, per role, against the same call as Administrator (unscoped).

	python benchmarks/desk_calls.py --url http://127.0.0.1:8000 --host your.site [--admin-password admin]

Run it against a site with the demo county and ``benchmarks/county.py``'s dataset, served as in
production (gunicorn with its workers). For each call and user: p50 and p95 over 30 calls after 5
warm-up calls, the users taking turns call by call; each scoped call's p50 as a ratio of
Administrator's; then each target of the county-scale issue, met or not, in one run. Users the call
refuses (a liaison's household list) are shown as refused, not timed.
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import requests

DEMO_PASSWORD = "Fanpin@2026"
USERS = (
	"Administrator",
	"city.office@fanpin.demo",
	"officer.donglai@fanpin.demo",
	"clerk.donglai@fanpin.demo",
	"liaison.minzheng@fanpin.demo",
)
WARM_UP, RUNS = 5, 30
DONGLAI = "370681001000"
APP = Path(__file__).resolve().parent.parent / "fanpin" / "fanpin"
CHART_METHOD = "fanpin.fanpin.dashboard_chart_source.monitoring_case_breakdown.monitoring_case_breakdown.get"


def calls(sample: dict) -> dict[str, tuple[str, str, dict]]:
	"""name → (verb, path, parameters). ``sample`` names a household and a case of the clerk's
	village, so that every search and form finds something for every user who may see it."""
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
		# the list view counts up to 1,001 ("1,000+") until the user asks for the exact figure
		listed[f"{doctype} count"] = (
			"POST",
			"/api/method/frappe.desk.reportview.get_count",
			{"doctype": doctype, "filters": "[]", "limit": 1001},
		)
		listed[f"{doctype} exact count"] = (
			"POST",
			"/api/method/frappe.client.get_count",
			{"doctype": doctype},
		)
	forms = {
		f"open {doctype} form": (
			"GET",
			"/api/method/frappe.desk.form.load.getdoc",
			{"doctype": doctype, "name": sample[doctype]},
		)
		for doctype in ("Household", "Monitoring Case")
	}
	search = {
		f"Household search {label}": (
			"POST",
			"/api/method/frappe.desk.search.search_link",
			{"doctype": "Household", "txt": txt, "page_length": 10},
		)
		for label, txt in (
			("wj (initials)", "wj"),
			("wang (pinyin)", "wang"),
			("full name", sample["head_name"]),
			("ID prefix", sample["head_id_number"][:10]),
		)
	}
	return {
		"Household REST list": (
			"GET",
			"/api/resource/Household",
			{"limit_page_length": 20, "order_by": "modified desc"},
		),
		**listed,
		**forms,
		**search,
		**workspace_calls(),
		**{
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
		},
	}


def workspace_calls() -> dict[str, tuple[str, str, dict]]:
	"""The calls the 防返贫监测 workspace makes: each number card's count and each chart's data, with
	the cards and charts as the app ships them."""
	found = {}
	for path in sorted((APP / "number_card").glob("*/*.json")):
		card = json.loads(path.read_text())
		found[f"card: {card['name']}"] = (
			"POST",
			"/api/method/frappe.desk.doctype.number_card.number_card.get_result",
			{"doc": json.dumps(card), "filters": card["filters_json"]},
		)
	for path in sorted((APP / "dashboard_chart").glob("*/*.json")):
		chart = json.loads(path.read_text())
		found[f"chart: {chart['name']}"] = (
			"POST",
			f"/api/method/{CHART_METHOD}",
			{"chart_name": chart["name"], "filters": chart["filters_json"]},
		)
	return found


def sample_of(s: requests.Session, url: str) -> dict:
	"""A household and a case the user can see, with the head's name and ID number."""

	def first(doctype, fields):
		r = s.get(
			f"{url}/api/resource/{doctype}",
			params={"fields": json.dumps(fields), "limit_page_length": 1, "order_by": "name asc"},
			timeout=30,
		)
		r.raise_for_status()
		return r.json()["data"][0]

	household = first("Household", ["name", "head_name", "head_id_number"])
	return {
		"Household": household["name"],
		"head_name": household["head_name"],
		"head_id_number": household["head_id_number"],
		"Monitoring Case": first("Monitoring Case", ["name"])["name"],
	}


def session(url: str, host: str, user: str, admin_password: str) -> requests.Session:
	s = requests.Session()
	s.headers["Host"] = host
	password = admin_password if user == "Administrator" else DEMO_PASSWORD
	r = s.post(f"{url}/api/method/login", data={"usr": user, "pwd": password}, timeout=30)
	r.raise_for_status()
	s.headers["X-Frappe-CSRF-Token"] = s.cookies.get("csrf_token", "")
	return s


def measure(sessions: dict, url: str, verb: str, path: str, params: dict) -> dict[str, list[float]]:
	"""Seconds per call for each user who is not refused. The users take turns, one call each per
	round, so that whatever else the machine does falls on all of them alike."""

	def once(s):
		start = time.perf_counter()
		r = s.request(verb, f"{url}{path}", **({"params": params} if verb == "GET" else {"data": params}))
		return time.perf_counter() - start, r.status_code

	allowed = {}
	for user, s in sessions.items():
		statuses = [once(s)[1] for _ in range(WARM_UP)]
		if all(status == 200 for status in statuses):
			allowed[user] = s
	times = {user: [] for user in allowed}
	for _ in range(RUNS):
		for user, s in allowed.items():
			times[user].append(once(s)[0])
	return times


def p95(values: list[float]) -> float:
	return statistics.quantiles(values, n=20)[-1]


TARGETS = (
	# (what, which calls, the limit in ms on each user's p95)
	("link search p95 ≤ 80 ms", lambda name: name.startswith("Household search"), 80),
	("list views and counts p95 ≤ 60 ms", lambda name: name.endswith((" list", " count")), 60),
	("a town's roster under 1 s", lambda name: name.startswith("Monitoring Roster"), 1000),
)
WORKSPACE_LIMIT = 500  # the cards and charts together, each user's p95s summed
RATIO_LIMIT = 1.2  # a scoped call's p50 against Administrator's


def main() -> None:
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--url", required=True)
	parser.add_argument("--host", required=True)
	parser.add_argument("--admin-password", default="admin")
	args = parser.parse_args()
	sessions = {user: session(args.url, args.host, user, args.admin_password) for user in USERS}
	sample = sample_of(sessions["clerk.donglai@fanpin.demo"], args.url)
	print(f"p50 / p95 in ms over {RUNS} calls after {WARM_UP}; (×n) = p50 against Administrator's")
	print("| call | " + " | ".join(u.split("@")[0] for u in USERS) + " |")
	print("|---" * (len(USERS) + 1) + "|")
	figures: dict[str, dict[str, tuple[float, float]]] = {}
	for name, (verb, path, params) in calls(sample).items():
		row = figures[name] = {}
		cells = []
		timed = measure(sessions, args.url, verb, path, params)
		for user in USERS:
			times = timed.get(user)
			if times is None:
				cells.append("refused")
				continue
			row[user] = median, high = statistics.median(times) * 1000, p95(times) * 1000
			admin = row.get("Administrator")
			ratio = f" (×{median / admin[0]:.2f})" if admin and user != "Administrator" else ""
			cells.append(f"{median:.0f} / {high:.0f}{ratio}")
		print(f"| {name} | " + " | ".join(cells) + " |")
		sys.stdout.flush()
	workspace = {
		user: sum(row[user][1] for name, row in figures.items() if is_workspace(name) and user in row)
		for user in USERS
	}
	cells = [f"{workspace[user]:.0f}" if workspace[user] else "refused" for user in USERS]
	print("| workspace: cards and charts together (sum of p95) | " + " | ".join(cells) + " |")
	report(figures, workspace)


def is_workspace(name: str) -> bool:
	return name.startswith(("card: ", "chart: "))


def report(figures: dict, workspace: dict) -> None:
	"""Each target, met or not, with the calls that miss it."""
	print("\ntargets")
	for what, applies, limit in TARGETS:
		missed = [
			f"{name} as {user.split('@')[0]} ({high:.0f} ms)"
			for name, row in figures.items()
			if applies(name)
			for user, (_, high) in row.items()
			if high > limit
		]
		print(f"- {what}: " + ("met" if not missed else "NOT met: " + "; ".join(missed)))
	heavy = [f"{u.split('@')[0]} ({ms:.0f} ms)" for u, ms in workspace.items() if ms > WORKSPACE_LIMIT]
	print(
		f"- workspace cards and charts under {WORKSPACE_LIMIT} ms together: "
		+ ("met" if not heavy else "NOT met: " + "; ".join(heavy))
	)
	slower = [
		f"{name} as {user.split('@')[0]} (×{median / row['Administrator'][0]:.2f})"
		for name, row in figures.items()
		if "Administrator" in row
		for user, (median, _) in row.items()
		if user != "Administrator" and median > RATIO_LIMIT * row["Administrator"][0]
	]
	print(
		f"- every scoped call within {RATIO_LIMIT}× of Administrator's: "
		+ ("met" if not slower else "NOT met: " + "; ".join(slower))
	)


if __name__ == "__main__":
	main()
