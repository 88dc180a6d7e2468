"""The scope probe matrix: real HTTP requests, as real users, against a running site.

Every scoped DocType of the registry (child tables included, and the Frappe DocTypes that hold
fanpin data) × every probe user (one per fanpin role and scope, plus Guest) × every channel Frappe
offers. Each probe asserts that nothing outside the caller's scope comes back (no name and no ID
number of a record the caller may not see, in any response), that records inside it do, and that
every write across scope is refused and leaves the stored record as it was.

Expectations are computed here from the manifest (each record's stored area and department, each
user's areas and departments), not asked of the server. Run by ``.ci/run`` (see the README):

	FANPIN_PROBE_URL=http://127.0.0.1:8000 FANPIN_PROBE_HOST=site.name FANPIN_PROBE_MANIFEST=/tmp/probe.json \
		pytest fanpin/tests/probe_matrix.py
"""

from __future__ import annotations

import datetime
import json
import os
import time
from functools import cache

import pytest
import requests

from fanpin.permissions.registry import CHILD_TABLES, FRAPPE_HOLDERS, SCOPED
from fanpin.policy.idcard import make_id_number

URL = os.environ.get("FANPIN_PROBE_URL", "http://127.0.0.1:8000")
MANIFEST = json.load(open(os.environ.get("FANPIN_PROBE_MANIFEST", "/tmp/probe.json"), encoding="utf-8"))
RECORDS = MANIFEST["records"]
USERS = {
	**MANIFEST["users"],
	"Guest": {"roles": ["Guest"], "county": False, "areas": [], "departments": [], "households": []},
}
HOST = os.environ.get("FANPIN_PROBE_HOST")  # the site's name, when the URL does not carry it
ADMIN_PASSWORD = os.environ.get("FANPIN_PROBE_ADMIN_PASSWORD", "admin")
PROBES = {"count": 0}
REFUSED = {401, 403, 404, 417}


# ---------------------------------------------------------------- sessions and expectations


@cache
def session(user: str) -> requests.Session:
	s = requests.Session()
	if HOST:
		s.headers["Host"] = HOST
	if user != "Guest":
		password = ADMIN_PASSWORD if user == "Administrator" else MANIFEST["password"]
		r = s.post(f"{URL}/api/method/login", data={"usr": user, "pwd": password}, timeout=30)
		assert r.status_code == 200, f"{user} cannot log in: {r.text[:200]}"
	return s


def call(user: str, endpoint: str, verb: str = "POST", **params) -> requests.Response:
	PROBES["count"] += 1
	data = {k: json.dumps(v) if isinstance(v, list | dict) else v for k, v in params.items()}
	s = session(user)
	headers = {"X-Frappe-CSRF-Token": s.cookies.get("csrf_token", "")}
	if verb == "GET":
		return s.get(f"{URL}/api/method/{endpoint}", params=data, timeout=60)
	return s.post(f"{URL}/api/method/{endpoint}", data=data, headers=headers, timeout=60)


def rest(user: str, verb: str, path: str, **kwargs) -> requests.Response:
	PROBES["count"] += 1
	return session(user).request(verb, f"{URL}{path}", timeout=60, **kwargs)


def sees(user: str, record: dict) -> bool:
	"""Whether the user may see the record: its area or department is the user's, or (for a 帮扶责任人)
	its household is one assigned to them."""
	scope = USERS[user]
	if scope["county"]:
		return True
	return bool(
		(record["village"] and record["village"] in scope["areas"])
		or (record["department"] and record["department"] in scope["departments"])
		or (record.get("household") and record["household"] in scope.get("households", ()))
	)


@cache
def role_reads(user: str, doctype: str) -> bool:
	"""Whether the user's roles give read on the DocType at all (the role rights, asked as admin)."""
	if user == "Guest":
		return False
	perms = call(
		"Administrator",
		"frappe.client.get_list",
		doctype="DocPerm",
		parent="DocType",
		fields=["role"],
		filters={"parent": doctype, "read": 1, "permlevel": 0},
		limit_page_length=0,
	)
	roles = {row["role"] for row in perms.json()["message"]}
	return bool(roles & set(USERS[user]["roles"]))


def hidden(user: str) -> list[dict]:
	return [r for r in RECORDS if not sees(user, r)]


def assert_no_leak(user: str, response: requests.Response, what: str, allow: tuple[str, ...] = ()) -> None:
	"""No name and no ID number of a record hidden from the user appears anywhere in the answer."""
	body = response.text
	# A person's ID number is also on the warnings their department sent: it is no secret to them.
	known = {r["id_number"] for r in RECORDS if sees(user, r)}
	for record in hidden(user):
		for secret in (record["name"], record["id_number"]):
			if secret and secret not in allow and secret not in known:
				assert secret not in body, (
					f"{what}: {user} got {record['doctype']} {record['name']} ({secret})"
				)


def records_of(doctype: str) -> list[dict]:
	return [r for r in RECORDS if r["doctype"] == doctype]


def names(doctype: str) -> list[str]:
	return [r["name"] for r in records_of(doctype)]


def listed(response: requests.Response) -> set[str]:
	if response.status_code in REFUSED:
		return set()
	assert response.status_code == 200, response.text[:300]
	message = response.json().get("message", response.json().get("data"))
	if isinstance(message, dict) and "values" in message:  # reportview.get: keys + values
		index = message["keys"].index("name")
		return {row[index] for row in message["values"]}
	return {row["name"] if isinstance(row, dict) else row[0] for row in message or []}


def check_list(user: str, doctype: str, response: requests.Response, what: str) -> None:
	assert_no_leak(user, response, what)
	got = listed(response) & set(names(doctype))
	expected = (
		{r["name"] for r in records_of(doctype) if sees(user, r)} if role_reads(user, doctype) else set()
	)
	assert got == expected, f"{what}: {user} listed {sorted(got)}, expected {sorted(expected)}"


PROBE_USERS = sorted(USERS)
PARENTS = sorted(SCOPED)


def pytest_generate_tests(metafunc):
	if "user" in metafunc.fixturenames:
		metafunc.parametrize("user", PROBE_USERS)
	if "doctype" in metafunc.fixturenames:
		metafunc.parametrize("doctype", PARENTS)
	if "child" in metafunc.fixturenames:
		metafunc.parametrize("child", sorted(CHILD_TABLES))
	if "holder" in metafunc.fixturenames:
		metafunc.parametrize("holder", FRAPPE_HOLDERS)


# ---------------------------------------------------------------- read channels: lists


def test_rest_list(user, doctype):
	r = rest(
		user,
		"GET",
		f"/api/resource/{doctype}",
		params={
			"fields": json.dumps(["name"]),
			"filters": json.dumps([["name", "in", names(doctype)]]),
			"limit_page_length": 0,
		},
	)
	check_list(user, doctype, r, "REST list")


def test_client_get_list_and_count(user, doctype):
	r = call(
		user,
		"frappe.client.get_list",
		doctype=doctype,
		fields=["name"],
		filters=[["name", "in", names(doctype)]],
		limit_page_length=0,
	)
	check_list(user, doctype, r, "frappe.client.get_list")
	hidden_names = [n["name"] for n in hidden(user) if n["doctype"] == doctype]
	if hidden_names:
		r = call(user, "frappe.client.get_count", doctype=doctype, filters=[["name", "in", hidden_names]])
		assert r.status_code in REFUSED or r.json()["message"] == 0, (
			f"get_count: {user} {doctype} {r.text[:200]}"
		)


def test_report_view_count_and_group_by(user, doctype):
	r = call(
		user,
		"frappe.desk.reportview.get",
		doctype=doctype,
		fields=[f"`tab{doctype}`.`name`"],
		filters=[[doctype, "name", "in", names(doctype)]],
		page_length=500,
		view="Report",
	)
	check_list(user, doctype, r, "report view")
	r = call(
		user,
		"frappe.desk.reportview.get_count",
		doctype=doctype,
		filters=[[doctype, "name", "in", names(doctype)]],
	)
	expected = sum(1 for rec in records_of(doctype) if sees(user, rec)) if role_reads(user, doctype) else 0
	assert (r.status_code in REFUSED and expected == 0) or r.json()["message"] == expected, r.text[:200]
	field = SCOPED[doctype].area_field or SCOPED[doctype].department_field
	r = call(
		user,
		"frappe.desk.listview.get_group_by_count",
		doctype=doctype,
		current_filters=[[doctype, "name", "in", names(doctype)]],
		field=field,
	)
	if r.status_code == 200:
		total = sum(row["count"] for row in r.json()["message"] or [])
		assert total == expected, f"group-by count: {user} {doctype} {total} != {expected}"


def test_export(user, doctype):
	r = call(
		user,
		"frappe.desk.reportview.export_query",
		doctype=doctype,
		file_format_type="CSV",
		fields=[f"`tab{doctype}`.`name`"],
		filters=[[doctype, "name", "in", names(doctype)]],
	)
	assert_no_leak(user, r, "export")


def test_link_search_whatever_flags(user, doctype):
	for record in records_of(doctype):
		for flags in (
			{},
			{"ignore_user_permissions": 1},
			{"reference_doctype": doctype, "ignore_user_permissions": 1},
		):
			r = call(user, "frappe.desk.search.search_link", doctype=doctype, txt=record["name"], **flags)
			assert_no_leak(user, r, f"search_link {flags}")
			r = call(
				user,
				"frappe.desk.search.search_widget",
				doctype=doctype,
				txt=record["name"],
				filters={"name": record["name"]},
				**flags,
			)
			assert_no_leak(user, r, f"search_widget {flags}")
		if record["id_number"]:
			r = call(
				user, "frappe.desk.search.search_link", doctype="Household", txt=record["id_number"][-6:]
			)
			assert_no_leak(user, r, "household search by ID digits")


# ---------------------------------------------------------------- read channels: one document


def test_document_channels(user, doctype):
	for record in records_of(doctype):
		visible = sees(user, record) and role_reads(user, doctype)
		what = f"{user} on {doctype} {record['name']}"
		responses = {
			"REST get": rest(user, "GET", f"/api/resource/{doctype}/{record['name']}"),
			"frappe.client.get": call(user, "frappe.client.get", doctype=doctype, name=record["name"]),
			"desk form": call(
				user, "frappe.desk.form.load.getdoc", "GET", doctype=doctype, name=record["name"]
			),
			"docinfo": call(
				user, "frappe.desk.form.load.get_docinfo", "GET", doctype=doctype, name=record["name"]
			),
			# as the desk's print preview asks, its language included
			"print": call(
				user, "frappe.www.printview.get_html_and_style", doc=doctype, name=record["name"], _lang="zh"
			),
			"printview page": rest(
				user, "GET", "/printview", params={"doctype": doctype, "name": record["name"]}
			),
		}
		for channel, r in responses.items():
			if visible:
				assert r.status_code == 200, f"{channel}: {what} refused ({r.status_code}) though in scope"
			else:
				allow = (record["name"],)  # the caller sent the name; it may be echoed in the refusal
				assert_no_leak(user, r, f"{channel}: {what}", allow=allow)
				if channel != "printview page":
					assert r.status_code in REFUSED, f"{channel}: {what} answered {r.status_code}"
				elif record["id_number"]:
					assert record["id_number"] not in r.text
		r = call(
			user,
			"frappe.client.get_value",
			"GET",
			doctype=doctype,
			filters={"name": record["name"]},
			fieldname=json.dumps(["name"]),
		)
		if not visible:
			assert r.status_code in REFUSED or not (r.json().get("message") or {}), f"get_value: {what}"


def test_files(user, doctype):
	for record in records_of(doctype):
		visible = sees(user, record) and role_reads(user, doctype)
		r = rest(user, "GET", record["file_url"])
		if visible:
			assert r.status_code == 200, f"{user} cannot download the file of {record['name']} in scope"
		else:
			assert r.status_code in REFUSED, f"{user} downloaded the file of {doctype} {record['name']}"
			assert "探针附件" not in r.text


# ---------------------------------------------------------------- child tables and Frappe holders


def test_child_table_listing(user, child):
	for parent in CHILD_TABLES[child]:
		parents = names(parent)
		r = call(
			user,
			"frappe.client.get_list",
			doctype=child,
			parent=parent,
			fields=["name", "parent"],
			filters=[["parent", "in", parents]],
			limit_page_length=0,
		)
		assert_no_leak(user, r, f"child {child} of {parent}")
		if r.status_code == 200:
			got = {row["parent"] for row in r.json()["message"]}
			allowed = {rec["name"] for rec in records_of(parent) if sees(user, rec)}
			assert got <= allowed, f"{user} listed {child} rows of {sorted(got - allowed)}"
		r = call(
			user,
			"frappe.desk.reportview.get",
			doctype=child,
			parent_doctype=parent,
			fields=[f"`tab{child}`.`parent`"],
			filters=[[child, "parent", "in", parents]],
		)
		assert_no_leak(user, r, f"report view of {child}")


def test_frappe_holders(user, holder):
	field = FRAPPE_HOLDERS[holder][1]
	if not hidden(user):
		return
	r = call(
		user,
		"frappe.client.get_list",
		doctype=holder,
		fields=["name", field],
		filters=[[field, "in", [rec["name"] for rec in hidden(user)]]],
		limit_page_length=0,
	)
	if r.status_code == 200:
		assert r.json()["message"] == [], f"{holder}: {user} listed {r.json()['message'][:3]}"
	assert_no_leak(user, r, f"{holder} list")


# ---------------------------------------------------------------- reports


@cache
def reports() -> list[str]:
	r = call(
		"Administrator",
		"frappe.client.get_list",
		doctype="Report",
		fields=["name"],
		filters={"module": "Fanpin", "report_type": "Script Report"},
		limit_page_length=0,
	)
	return sorted(row["name"] for row in r.json()["message"])


def test_reports(user):
	for report in reports():
		r = call(user, "frappe.desk.query_report.run", report_name=report, filters={})
		assert_no_leak(user, r, f"report {report}")
		# an answer or a refusal, never a server error (a user given no area yet gets an empty report)
		assert r.status_code == 200 or (
			r.status_code in REFUSED and r.json().get("exc_type") in ("PermissionError", "ValidationError")
		), f"report {report} as {user}: {r.status_code} {r.text[:300]}"


def test_a_report_that_refused_its_filters_stays_a_live_report():
	"""A run that ends in a message (a period ending before it starts) leaves the report as it was: 15 s
	later it still shows its figures, not "这是一份后台报告" (see compat.keep_reports_live)."""
	officer, report = "officer.donglai@fanpin.demo", "Monitoring Work Statistics"
	r = call(
		officer,
		"frappe.desk.query_report.run",
		report_name=report,
		filters={"from_date": "2026-12-31", "to_date": "2026-01-01"},
	)
	assert r.status_code == 417 and "起始日期晚于截止日期" in r.json()["exception"], r.text[:300]
	time.sleep(17)
	r = call(officer, "frappe.desk.query_report.run", report_name=report, filters={"from_date": "2026-01-01"})
	assert r.status_code == 200, r.text[:300]
	assert not r.json()["message"].get("prepared_report"), r.json()["message"]
	assert r.json()["message"]["result"], r.json()["message"]


# ---------------------------------------------------------------- writes across scope


def stored(doctype: str, name: str) -> dict | None:
	r = call("Administrator", "frappe.client.get", doctype=doctype, name=name)
	return r.json()["message"] if r.status_code == 200 else None


def same(before: dict, after: dict | None) -> bool:
	return (
		after is not None
		and before["modified"] == after["modified"]
		and before.get("village") == after.get("village")
	)


def own_area(user: str) -> str | None:
	villages = [a for a in USERS[user]["areas"] if not a.endswith("000")]
	return villages[0] if villages else None


def test_writes_across_scope_are_refused(user, doctype):
	rule = SCOPED[doctype]
	for record in hidden(user):
		if record["doctype"] != doctype:
			continue
		before = stored(doctype, record["name"])
		what = f"{user} on {doctype} {record['name']}"
		attempts = {
			"REST PUT": rest(user, "PUT", f"/api/resource/{doctype}/{record['name']}", json={}),
			"set_value": call(
				user,
				"frappe.client.set_value",
				doctype=doctype,
				name=record["name"],
				fieldname=rule.area_field or rule.department_field,
				value=own_area(user) or (USERS[user]["departments"] or [""])[0],
			),
			"desk save": call(user, "frappe.desk.form.save.savedocs", doc=json.dumps(before), action="Save"),
			"REST DELETE": rest(user, "DELETE", f"/api/resource/{doctype}/{record['name']}"),
			"client delete": call(user, "frappe.client.delete", doctype=doctype, name=record["name"]),
		}
		for channel, r in attempts.items():
			assert r.status_code != 200, f"{channel}: {what} was accepted"
			assert_no_leak(user, r, f"{channel}: {what}", allow=(record["name"],))
		assert same(before, stored(doctype, record["name"])), f"{what}: the stored record changed"


def test_records_cannot_be_moved_out_of_scope(user, doctype):
	rule = SCOPED[doctype]
	for record in records_of(doctype):
		if not sees(user, record) or USERS[user]["county"]:
			continue
		before = stored(doctype, record["name"])
		outside = next(r for r in hidden(user) if r["doctype"] == doctype)
		if rule.area_sources:
			change = {source: stored(doctype, outside["name"])[source] for source in rule.area_sources}
		else:
			change = {rule.area_field or rule.department_field: outside["village"] or outside["department"]}
		r = rest(user, "PUT", f"/api/resource/{doctype}/{record['name']}", json=change)
		assert r.status_code != 200, f"{user} moved {doctype} {record['name']} with {change}"
		assert same(before, stored(doctype, record["name"])), f"{user}: {record['name']} changed"


def test_records_cannot_be_created_in_another_scope(user, doctype):
	rule = SCOPED[doctype]
	outside = [r for r in hidden(user) if r["doctype"] == doctype]
	if not outside or USERS[user]["county"]:
		return
	template = stored(doctype, outside[0]["name"])
	for key in ("name", "creation", "modified", "owner", "modified_by", "docstatus", "idx", "workflow_state"):
		template.pop(key, None)
	template.pop("household_code", None)
	count = lambda: call("Administrator", "frappe.client.get_count", doctype=doctype).json()["message"]  # noqa: E731
	before = count()
	r = rest(user, "POST", f"/api/resource/{doctype}", json=template)
	assert r.status_code != 200, f"{user} created a {doctype} in another area ({rule})"
	assert count() == before
	assert_no_leak(
		user, r, f"create {doctype}", allow=tuple(v for v in template.values() if isinstance(v, str))
	)


# ---------------------------------------------------------------- the public web form


def test_guest_gets_a_confirmation_and_nothing_else():
	"""An application whose ID number matches a registered member: the guest learns nothing of it.
	One application per ID number a day is accepted, so each run uses the next household."""
	for household in records_of("Household"):
		data = {
			"doctype": "Risk Clue",
			"person_name": "探针申请",
			"id_number": household["id_number"],
			"phone": "13800000000",
			"village": household["village"],
			"description": "家人患大病",
		}
		r = call(
			"Guest",
			"frappe.website.doctype.web_form.web_form.accept",
			web_form="assistance-application",
			data=json.dumps(data),
		)
		assert household["name"] not in r.text and "household" not in r.text
		if r.status_code == 429:
			continue
		assert r.status_code == 200, r.text[:300]
		assert r.json()["message"] == {"doctype": "Risk Clue"}
		return
	pytest.fail("every probe household applied today already: run the matrix on a fresh site")


def test_probe_count_is_printed():
	print(f"\nscope probe matrix: {PROBES['count']} probes over HTTP")
	assert PROBES["count"] > 1000


# ---------------------------------------------------------------- rules held over HTTP


def place(doctype: str, key: str) -> dict:
	return next(r for r in records_of(doctype) if r["place"] == key)


def refused(r: requests.Response) -> bool:
	return r.status_code in REFUSED


def test_procedure_fields_belong_to_their_stage_and_role():
	case = place("Monitoring Case", "clerk")  # under monitoring, in 东莱街道
	for user in ("officer.donglai@fanpin.demo", "city.office@fanpin.demo"):
		before = stored("Monitoring Case", case["name"])
		for change in ({"comparison_result": "Failed"}, {"condition_b": 1}, {"verified_on": "2026-01-05"}):
			r = rest(user, "PUT", f"/api/resource/Monitoring Case/{case['name']}", json=change)
			assert refused(r), f"{user} wrote {change} on a case under monitoring: {r.status_code}"
			field, value = next(iter(change.items()))
			r = call(
				user,
				"frappe.client.set_value",
				doctype="Monitoring Case",
				name=case["name"],
				fieldname=field,
				value=value,
			)
			assert refused(r), f"{user} set {field} on a case under monitoring"
		assert same(before, stored("Monitoring Case", case["name"]))


def test_warning_disposition_needs_the_persons_own_open_case():
	officer = "officer.donglai@fanpin.demo"
	warning = place("Department Warning", "clerk")  # left pending by the probe data
	assert stored("Department Warning", warning["name"])["status"] == "Pending"
	other_case = place("Monitoring Case", "town")  # same town, another household
	r = rest(
		officer,
		"PUT",
		f"/api/resource/Department Warning/{warning['name']}",
		json={"status": "Included in monitoring", "monitoring_case": other_case["name"]},
	)
	assert refused(r), f"a warning was pointed at another household's case: {r.status_code}"
	r = rest(
		officer,
		"PUT",
		f"/api/resource/Department Warning/{warning['name']}",
		json={"village": "370681001002"},
	)
	assert refused(r), "a warning's routing was edited"


def test_a_disposed_warning_is_read_only():
	officer = "officer.donglai@fanpin.demo"
	warning = place("Department Warning", "town")  # left pending by the probe data
	if stored("Department Warning", warning["name"])["status"] == "Pending":
		r = call(
			officer, "fanpin.api.warnings.mark_no_risk", warning=warning["name"], reason="收入稳定，无风险"
		)
		assert r.status_code == 200, r.text[:300]
	before = stored("Department Warning", warning["name"])
	assert before["status"] == "No risk after review"
	for change in ({"reason": "改写理由"}, {"handled_on": "2020-01-01"}, {"status": "Pending"}):
		r = rest(officer, "PUT", f"/api/resource/Department Warning/{warning['name']}", json=change)
		assert refused(r), f"a disposed warning accepted {change}"
	after = stored("Department Warning", warning["name"])
	assert (after["modified"], after["reason"], after["status"]) == (
		before["modified"],
		"收入稳定，无风险",
		before["status"],
	)


def test_a_warning_import_runs_once_and_a_broken_file_fails_in_chinese():
	liaison = "liaison.minzheng@fanpin.demo"
	s = session(liaison)
	upload = s.post(
		f"{URL}/api/method/upload_file",
		files={"file": ("坏文件.xlsx", b"PK\x03\x04 not a workbook")},
		data={"is_private": 1},
		headers={"X-Frappe-CSRF-Token": s.cookies.get("csrf_token", "")},
		timeout=60,
	)
	assert upload.status_code == 200, upload.text[:300]
	batch = rest(
		liaison,
		"POST",
		"/api/resource/Warning Import",
		json={
			"department": "民政局",
			"warning_type": "新增低保",
			"report_month": "2026-10-01",
			"import_file": upload.json()["message"]["file_url"],
		},
	).json()["data"]
	r = call(liaison, "run_doc_method", dt="Warning Import", dn=batch["name"], method="start_import")
	assert r.status_code == 200, r.text[:300]
	status = stored("Warning Import", batch["name"])["status"]
	assert status in ("Queued", "Failed"), status  # queued, unless the worker was quicker still
	# a second click while it is queued is refused in Chinese (once it has ended, it may run again)
	again = call(liaison, "run_doc_method", dt="Warning Import", dn=batch["name"], method="start_import")
	if again.status_code != 200:
		assert "正在导入" in str(again.json()), again.text[:300]
	# one worker serves every queue, as in production: the job may wait behind the site's own jobs
	for _attempt in range(240):
		done = stored("Warning Import", batch["name"])
		if done["status"] not in ("Queued", "Not started"):
			break
		time.sleep(1)
	assert done["status"] == "Failed", done["status"]
	assert "无法" in done["import_log"], done["import_log"]


def test_a_national_import_never_names_another_towns_household():
	"""A town officer's national export holds the ID number of a person registered in another town:
	the row is refused, and the reason does not say which household (that is the other town's)."""
	officer = "officer.donglai@fanpin.demo"
	elsewhere = next(r for r in records_of("Household") if not sees(officer, r))
	village = village_name(USERS[officer]["areas"])
	batch = import_national(
		officer, [national_row("370681001009999999", "东莱街道", village, "探针国家", elsewhere["id_number"])]
	)
	assert batch["status"] == "Completed", batch
	errors = batch["errors"]
	assert [e["row_number"] for e in errors] == [2], errors
	assert "已在其他辖区登记" in errors[0]["reason"], errors
	assert elsewhere["name"] not in json.dumps(batch, ensure_ascii=False)


NATIONAL_HEADER = "户编号,乡镇,行政村,姓名,证件号码,与户主关系,劳动技能,人均纯收入（元）,工资性收入,监测对象类别,识别监测时间,风险类型,风险是否消除"
ISSUED: set[str] = set()


def admin_list(doctype: str, filters: list, fields: list[str]) -> list[dict]:
	r = call(
		"Administrator",
		"frappe.client.get_list",
		doctype=doctype,
		filters=filters,
		fields=fields,
		limit_page_length=0,
	)
	assert r.status_code == 200, r.text[:300]
	return r.json()["message"]


def members_holding(user: str, id_number: str) -> list[dict]:
	r = call(
		user,
		"frappe.client.get_list",
		doctype="Household Member",
		parent="Household",
		filters=[["id_number", "=", id_number]],
		fields=["name", "parent"],
		limit_page_length=0,
	)
	assert r.status_code == 200, r.text[:300]
	return r.json()["message"]


def new_id_number() -> str:
	"""A valid ID number of a person born in 1931 that no member on the site holds yet."""
	stamp = time.time_ns() // 1000
	for step in range(1000):
		n = stamp + step
		number = make_id_number(
			"370681", datetime.date(1931, 1, 1) + datetime.timedelta(days=n % 365), n % 1000
		)
		if number not in ISSUED and not members_holding("Administrator", number):
			ISSUED.add(number)
			return number
	pytest.fail("no fresh ID number")


def new_household_code() -> str:
	"""A 户编号 of 东莱街道 that no household on the site holds yet."""
	stamp = time.time_ns() // 1000
	for step in range(1000):
		code = f"37068100100{(stamp + step) % 10**7:07d}"
		if code not in ISSUED and not admin_list("Household", [["household_code", "=", code]], ["name"]):
			ISSUED.add(code)
			return code
	pytest.fail("no fresh household number")


def import_national(user: str, rows: list[list]) -> dict:
	"""Upload a national CSV export as the user, start its import, let the worker run it, and read
	the batch back over REST as the user."""
	lines = [NATIONAL_HEADER, *(",".join(str(cell) for cell in row) for row in rows)]
	s = session(user)
	upload = s.post(
		f"{URL}/api/method/upload_file",
		files={"file": ("国家系统.csv", "\n".join(lines).encode("utf-8"))},
		data={"is_private": 1},
		headers={"X-Frappe-CSRF-Token": s.cookies.get("csrf_token", "")},
		timeout=60,
	)
	assert upload.status_code == 200, upload.text[:300]
	r = rest(
		user,
		"POST",
		"/api/resource/National Import",
		json={"export_date": "2026-11-30", "import_file": upload.json()["message"]["file_url"]},
	)
	assert r.status_code == 200, r.text[:300]
	batch = r.json()["data"]["name"]
	r = call(user, "run_doc_method", dt="National Import", dn=batch, method="start_import")
	assert r.status_code == 200, r.text[:300]
	for _attempt in range(240):  # one worker serves every queue, as in production
		if stored("National Import", batch)["status"] not in ("Queued", "Not started"):
			break
		time.sleep(1)
	r = rest(user, "GET", f"/api/resource/National Import/{batch}")
	assert r.status_code == 200, r.text[:300]
	return r.json()["data"]


def new_household(user: str, village: str, head: str, id_number: str, **values) -> str:
	"""A household of one head saved over REST as the user, as the desk form saves it; its name."""
	r = rest(
		user,
		"POST",
		"/api/resource/Household",
		json={
			"village": village,
			"household_type": "Ordinary rural household",
			**values,
			"members": [
				{
					"member_name": head,
					"relation": "Head of household",
					"id_number": id_number,
					"labour_skill": "Ordinary labour",
				}
			],
		},
	)
	assert r.status_code == 200, r.text[:300]
	return r.json()["data"]["name"]


def national_row(code: str, town: str, village: str, name: str, id_number: str, **values) -> list:
	return [
		code,
		town,
		village,
		name,
		id_number,
		"户主",
		"普通劳动力",
		values.get("income", ""),
		values.get("wage", ""),
		*values.get("monitoring", ("", "", "", "")),
	]


def test_one_person_in_two_households_of_one_file_lands_in_the_first_only():
	"""Two new households of one file list the same new person: the second row is refused, naming the
	first household (the officer's own), and the person is a member of the first only."""
	officer = "officer.donglai@fanpin.demo"
	village = own_area(officer)
	person, codes = new_id_number(), [new_household_code(), new_household_code()]
	batch = import_national(
		officer,
		[national_row(code, "东莱街道", village_name([village]), "探针两户", person) for code in codes],
	)
	assert batch["status"] == "Completed", batch["import_log"]
	assert (batch["households_created"], batch["rows_rejected"]) == (1, 1), batch["import_log"]
	first = admin_list("Household", [["household_code", "=", codes[0]]], ["name", "village"])
	assert [row["village"] for row in first] == [village], first
	assert not admin_list("Household", [["household_code", "=", codes[1]]], ["name"])
	errors = batch["errors"]
	assert [(e["row_number"], e["column_heading"], e["id_number"]) for e in errors] == [
		(3, "证件号码", person)
	], errors
	assert first[0]["name"] in errors[0]["reason"], errors
	for user in (officer, "Administrator"):
		holders = members_holding(user, person)
		assert [row["parent"] for row in holders] == [first[0]["name"]], (user, holders)


def test_an_income_fanpin_recorded_for_the_export_year_stands_and_the_difference_says_so():
	"""An income the officer recorded for the year before the export date is not overwritten by the
	file's: no second income is added, and the batch lists both values of each amount the file gives."""
	officer = "officer.donglai@fanpin.demo"
	village = own_area(officer)
	code, head = new_household_code(), new_id_number()
	household = new_household(officer, village, "探针收入", head, household_code=code)
	r = rest(
		officer,
		"POST",
		"/api/resource/Household Income",
		json={
			"household": household,
			"reference_date": "2026-11-15",
			"wage_income": 5200,
			"household_size": 1,
		},
	)
	assert r.status_code == 200, r.text[:300]
	ours = r.json()["data"]
	assert ours["per_capita_income"] == 5200, ours
	batch = import_national(
		officer,
		[national_row(code, "东莱街道", village_name([village]), "探针收入", head, income=4100, wage=4100)],
	)
	assert batch["status"] == "Completed", batch["import_log"]
	assert (batch["households_updated"], batch["rows_rejected"]) == (1, 0), batch["import_log"]
	after = stored("Household Income", ours["name"])
	assert (after["per_capita_income"], after["modified"]) == (5200, ours["modified"]), after
	incomes = admin_list("Household Income", [["household", "=", household]], ["name"])
	assert [row["name"] for row in incomes] == [ours["name"]], incomes
	# fanpin's figures beside every amount the file gives for the year: nothing of it goes unsaid
	found = [
		(d["household"], d["subject"], d["fanpin_value"], d["national_value"])
		for d in batch["differences"]
		if d["household"] == household
	]
	assert found == [
		(household, "人均纯收入", "¥5,200.00", "¥4,100.00"),
		(household, "工资性收入", "¥5,200.00", "¥4,100.00"),
	], batch["differences"]


def test_a_monitored_household_the_national_list_lacks_is_listed_on_the_batch():
	"""A 监测对象 list of one of the officer's villages, with a row of another town's village: every
	household fanpin monitors or has in the procedure there and the list lacks is listed, by name and
	户编号, and no household of a village the officer cannot see is (that row is refused)."""
	officer = "officer.donglai@fanpin.demo"
	ours, theirs = place("Household", "clerk"), place("Household", "other")  # both in the procedure
	assert sees(officer, ours) and not sees(officer, theirs)
	monitored = [
		["monitoring_status", "in", ["In procedure", "Under monitoring"]],
		["status", "=", "Registered"],
	]
	fields = ["name", "household_code", "head_name", "monitoring_case"]
	absent = admin_list("Household", [*monitored, ["village", "=", ours["village"]]], fields)
	elsewhere = admin_list("Household", [*monitored, ["village", "=", theirs["village"]]], fields)
	assert ours["name"] in {row["name"] for row in absent}, absent
	assert theirs["name"] in {row["name"] for row in elsewhere}, elsewhere
	listed = ("边缘易致贫户", "2026/5/1", "因病", "否")
	rows = [
		national_row(
			new_household_code(),
			"东莱街道",
			village_name([ours["village"]]),
			"探针在册",
			new_id_number(),
			monitoring=listed,
		),
		national_row(
			f"37068110200{time.time_ns() // 1000 % 10**7:07d}",
			"北马镇",
			village_name([theirs["village"]]),
			"探针外镇",
			new_id_number(),
			monitoring=listed,
		),
	]
	batch = import_national(officer, rows)
	assert batch["status"] == "Completed", batch["import_log"]
	assert (batch["households_created"], batch["cases_created"], batch["rows_rejected"]) == (1, 1, 1)
	errors = batch["errors"]
	assert [(e["row_number"], e["column_heading"]) for e in errors] == [(3, "行政村")], errors
	assert "不在本次导入的镇街区内" in errors[0]["reason"], errors
	differences = batch["differences"]
	assert sorted(
		(d["household"], d["household_code"], d["head_name"], d["subject"], d["national_value"])
		for d in differences
	) == sorted(
		(row["name"], row["household_code"] or "—", row["head_name"], "监测对象", "—") for row in absent
	), differences
	# the fanpin value is the stage of the household's case
	shown = {d["household"]: d["fanpin_value"] for d in differences}
	cases = [row["monitoring_case"] for row in absent]
	stages = {
		row["name"]: row["stage"]
		for row in admin_list("Monitoring Case", [["name", "in", cases]], ["name", "stage"])
	}
	for row in absent:
		if stages[row["monitoring_case"]] == "Under monitoring":
			assert shown[row["name"]] == "已纳入监测", (row, shown[row["name"]])
		else:
			assert shown[row["name"]] not in ("", "—", "已纳入监测"), (row, shown[row["name"]])
	assert shown[ours["name"]] == "已纳入监测", shown  # the probe data's case is under monitoring
	body = json.dumps(batch, ensure_ascii=False)
	for other in elsewhere:
		assert other["name"] not in body, other
		assert not other["household_code"] or other["household_code"] not in body, other


def village_name(areas: list[str]) -> str:
	"""The name of one of the user's villages (the manifest has the names of the probe villages)."""
	names = {a["name"]: a["village_name"] for a in MANIFEST["areas"]}
	return next(names[a] for a in sorted(areas) if a in names and not a.endswith("000"))


def test_only_a_system_manager_sets_up_a_county():
	for user in ("officer.donglai@fanpin.demo", "city.office@fanpin.demo", "Guest"):
		assert refused(call(user, "fanpin.setup.county.set_up_county", county="371524")), user
		assert refused(call(user, "fanpin.setup.county.division_options", parent="37")), user
	r = call("Administrator", "fanpin.setup.county.division_options", parent="3715")
	assert {"value": "371524", "label": "东阿县"} in r.json()["message"], r.text[:300]


def test_only_the_city_office_opens_and_closes_a_screening_campaign():
	"""Over HTTP as each town role and a 帮扶责任人: the campaign's buttons refuse them and leave it as
	it was (the campaign is the probes' own, under way)."""
	r = call(
		"Administrator",
		"frappe.client.get_value",
		"GET",
		doctype="Screening Campaign",
		filters={"title": "探针全面排查"},
		fieldname=["name", "status", "modified"],
	)
	before = r.json()["message"]
	users = [u for u, scope in USERS.items() if not scope["county"]]
	for user in users:
		for method in ("close_campaign", "open_campaign"):
			r = call(user, f"fanpin.api.screening.{method}", campaign=before["name"])
			assert refused(r), f"{user} {method}: {r.status_code} {r.text[:200]}"
	after = call(
		"Administrator",
		"frappe.client.get_value",
		"GET",
		doctype="Screening Campaign",
		filters={"name": before["name"]},
		fieldname=["name", "status", "modified"],
	).json()["message"]
	assert after == before, (before, after)


def test_another_departments_file_cannot_be_imported():
	minzheng, zhujian = "liaison.minzheng@fanpin.demo", "liaison.zhujian@fanpin.demo"
	theirs = place("Warning Import", "住房和城乡建设局")
	file_url = stored("Warning Import", theirs["name"])["import_file"]
	r = rest(
		minzheng,
		"POST",
		"/api/resource/Warning Import",
		json={
			"department": "民政局",
			"warning_type": "新增低保",
			"report_month": "2026-09-01",
			"import_file": file_url,
		},
	)
	assert refused(r), f"{minzheng} imported {zhujian}'s file: {r.status_code}"


def test_a_duplicate_id_number_names_no_household_outside_scope():
	officer = "officer.beima@fanpin.demo"
	theirs = place("Household", "clerk")  # in 东莱街道
	r = rest(
		officer,
		"POST",
		"/api/resource/Household",
		json={
			"village": place("Household", "other")["village"],
			"household_type": "Ordinary rural household",
			"members": [
				{
					"member_name": "探针重复",
					"relation": "Head of household",
					"id_number": theirs["id_number"],
					"labour_skill": "Ordinary labour",
				}
			],
		},
	)
	assert refused(r), r.status_code
	assert "辖区以外" in str(r.json()), r.text[:300]
	assert_no_leak(officer, r, "duplicate ID number", allow=(theirs["id_number"],))


def test_a_warning_entered_by_hand_goes_to_its_town_as_an_imported_one():
	"""The city office enters one department warning over REST, as the desk form does: it is routed to
	the person's village and assigned to the town's officers, the same as an imported row, and
	another town's officer cannot open it."""
	clerk, city = "clerk.donglai@fanpin.demo", "city.office@fanpin.demo"
	officer, other = "officer.donglai@fanpin.demo", "officer.beima@fanpin.demo"
	id_number, village = MANIFEST["matrix_id_numbers"][0], USERS[clerk]["areas"][0]
	household = new_household(clerk, village, "探针手工", id_number)

	r = rest(
		city,
		"POST",
		"/api/resource/Department Warning",
		json={
			"department": "民政局",
			"warning_type": "新增低保",
			"report_month": "2026-11-01",
			"id_number": id_number,
			"person_name": "探针手工",
		},
	)
	assert r.status_code == 200, r.text[:300]
	name = r.json()["data"]["name"]

	r = rest(officer, "GET", f"/api/resource/Department Warning/{name}")
	assert r.status_code == 200, r.text[:300]
	warning = r.json()["data"]
	assert (warning["village"], warning["household"], warning["status"]) == (village, household, "Pending")
	# the form's sidebar names the town's officer under 已分配给, and the officer has the ToDo
	r = call(officer, "frappe.desk.form.load.getdoc", verb="GET", doctype="Department Warning", name=name)
	assert officer in [row["owner"] for row in r.json()["docinfo"]["assignments"]], r.text[:300]
	r = call(
		officer,
		"frappe.client.get_list",
		doctype="ToDo",
		filters={"reference_type": "Department Warning", "reference_name": name, "allocated_to": officer},
		fields=["name", "status"],
	)
	assert [row["status"] for row in r.json()["message"]] == ["Open"], r.text[:300]
	assert refused(rest(other, "GET", f"/api/resource/Department Warning/{name}"))


def test_no_one_shares_a_record_past_its_area():
	"""Frappe lists a user's shared records beside what their permissions allow, so a household
	shared with another town's officer would be in that officer's list. No one shares a scoped
	record, not even Administrator, through the share endpoint or by inserting a DocShare."""
	outsider = "officer.beima@fanpin.demo"
	household = next(r for r in records_of("Household") if not sees(outsider, r))
	attempts = {
		"frappe.share.add": rest(
			"Administrator",
			"POST",
			"/api/method/frappe.share.add",
			json={"doctype": "Household", "name": household["name"], "user": outsider, "read": 1},
		),
		"REST DocShare": rest(
			"Administrator",
			"POST",
			"/api/resource/DocShare",
			json={
				"share_doctype": "Household",
				"share_name": household["name"],
				"user": outsider,
				"read": 1,
			},
		),
	}
	for channel, r in attempts.items():
		assert refused(r), f"{channel}: {r.status_code} {r.text[:200]}"
		assert "不能共享" in str(r.json()), f"{channel}: {r.text[:300]}"
	r = call(
		"Administrator", "frappe.client.get_count", doctype="DocShare", filters={"share_doctype": "Household"}
	)
	assert r.json()["message"] == 0, r.text[:200]
	r = call(outsider, "frappe.desk.reportview.get", doctype="Household", fields=["name"], page_length=0)
	assert household["name"] not in listed(r)


def test_a_village_picker_names_the_town():
	clerk = "clerk.donglai@fanpin.demo"
	r = call(
		clerk,
		"frappe.desk.search.search_link",
		doctype="Area",
		txt="",
		reference_doctype="Household",
		filters={"level": "Village", "disabled": 0},
	)
	results = r.json()["message"]
	assert [row["value"] for row in results] == USERS[clerk]["areas"], results
	assert all("东莱街道" in row["description"] for row in results), results


def test_a_child_cannot_be_entered_as_labour():
	clerk = "clerk.donglai@fanpin.demo"
	child = MANIFEST["new_members"][1][2]  # born 2014
	r = rest(
		clerk,
		"POST",
		"/api/resource/Household",
		json={
			"village": USERS[clerk]["areas"][0],
			"household_type": "Ordinary rural household",
			"members": [
				{
					"member_name": "探针户主",
					"relation": "Head of household",
					"id_number": MANIFEST["guest_id_number"],
					"labour_skill": "Ordinary labour",
				},
				{
					"member_name": "探针孩子",
					"relation": "Son",
					"id_number": child,
					"labour_skill": "Ordinary labour",
				},
			],
		},
	)
	assert refused(r), r.status_code
	assert "第 2 行" in str(r.json()) and "劳动年龄" in str(r.json()), r.text[:300]


def test_prints_and_exports_are_in_the_access_log_for_the_city_office():
	officer, city = "officer.donglai@fanpin.demo", "city.office@fanpin.demo"
	case = place("Monitoring Case", "clerk")
	assert call(
		officer, "frappe.www.printview.get_html_and_style", doc="Monitoring Case", name=case["name"]
	).ok
	assert call(officer, "fanpin.api.exports.export_report", report_name="Monitoring Roster", filters={}).ok
	rows = call(
		city, "frappe.desk.query_report.run", report_name="Access Log Review", filters={"user": officer}
	).json()["message"]["result"]
	seen = {(row["method"], row.get("reference_document") or row.get("report_name")) for row in rows}
	assert ("Print", case["name"]) in seen and ("Export", "Monitoring Roster") in seen, seen
	assert refused(call(officer, "frappe.desk.query_report.run", report_name="Access Log Review", filters={}))


def test_a_report_opened_by_its_chinese_title():
	"""/app/query-report/监测工作统计表 goes to the report (filters kept); an unknown one is a 404 page."""
	officer = "officer.donglai@fanpin.demo"
	r = rest(officer, "GET", "/app/query-report/监测工作统计表?from_date=2026-01-01", allow_redirects=False)
	assert r.status_code in (301, 302, 307, 308), r.status_code
	assert r.headers["Location"].endswith(
		"/app/query-report/Monitoring%20Work%20Statistics?from_date=2026-01-01"
	)
	r = rest(officer, "GET", "/app/query-report/没有这张表", allow_redirects=False)
	assert r.status_code == 404 and "TypeError" not in r.text
	r = rest(officer, "GET", "/app/query-report/Monitoring Work Statistics", allow_redirects=False)
	assert r.status_code == 200
