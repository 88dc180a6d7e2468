"""Data for the scope probe matrix: one record of every scoped DocType in three places (the clerk's
village and another village of 东莱街道, a village of 北马镇) and in two departments, each with a
private file attached, and the users of every role who probe them. The 帮扶责任人 among them carries
the household of the town's second village, so sees that household's records and nothing else.

Run on a site with the demo county: ``bench --site S execute fanpin.tests.probe_data.build
--kwargs "{'path': '/tmp/probe.json'}"``. It writes the manifest the matrix reads: every record with
its stored area and department, and every user with their scope as the server computes it.
"""

import datetime
import json

import frappe
from frappe.utils import today

from fanpin.permissions.registry import SCOPED
from fanpin.permissions.scope import viewer
from fanpin.testing import BEIMA, fresh_id_number, make_monitored_case, make_staff_user

PASSWORD = "Fanpin@2026"
DEPARTMENTS = {"民政局": "新增低保", "住房和城乡建设局": "住危房"}
USERS = {
	"city.office@fanpin.demo": ("Fanpin City Office", None, None),
	"officer.donglai@fanpin.demo": ("Fanpin Town Officer", "370681001000", None),
	"reviewer.donglai@fanpin.demo": ("Fanpin Town Reviewer", "370681001000", None),
	"clerk.donglai@fanpin.demo": ("Fanpin Village Clerk", "370681001001", None),
	"officer.beima@fanpin.demo": ("Fanpin Town Officer", BEIMA, None),
	"clerk.beima@fanpin.demo": ("Fanpin Village Clerk", "370681102001", None),
	"liaison.minzheng@fanpin.demo": ("Fanpin Department Liaison", None, "民政局"),
	"liaison.zhujian@fanpin.demo": ("Fanpin Department Liaison", None, "住房和城乡建设局"),
	"nobody@fanpin.demo": ("Fanpin Town Officer", None, None),  # a town role with no area yet
	"contact.probe@fanpin.demo": ("Fanpin Assistance Contact", None, None),
}
# the 帮扶责任人 probe user and the place whose household they carry
CONTACT = ("contact.probe@fanpin.demo", "town")
PLACES = {"clerk": "370681001001", "town": "370681001002", "other": "370681102002"}


def build(path: str) -> dict:
	frappe.set_user("Administrator")
	records = []
	for key, village in PLACES.items():
		records += place_records(key, village)
	for department, warning_type in DEPARTMENTS.items():
		records += department_records(department, warning_type)
	users = {}
	for email, (role, area, department) in USERS.items():
		if area or department or role == "Fanpin City Office":
			make_staff_user(email, role, area, department)
		else:
			make_user(email, role)
		user = frappe.get_doc("User", email)
		user.new_password = PASSWORD
		user.language = "zh"
		user.save(ignore_permissions=True)
	assign_probe_contact(records)
	frappe.db.commit()
	for email in USERS:
		seen = viewer(email)
		users[email] = {
			"roles": frappe.get_roles(email),
			"county": seen.county,
			"areas": sorted(seen.areas),
			"departments": sorted(seen.departments),
			"households": sorted(seen.households),
		}
	villages = {area for user in users.values() for area in user["areas"]} | set(PLACES.values())
	manifest = {
		"records": records,
		"users": users,
		"password": PASSWORD,
		"areas": frappe.get_all(
			"Area", filters={"name": ("in", sorted(villages))}, fields=["name", "area_name as village_name"]
		),
		# for the browser journeys: a household the clerk registers (a parent and a child) and an
		# applicant on the public form
		"new_members": [
			["赵新户", "Head of household", fresh_id_number(birth_date=datetime.date(1980, 3, 1))],
			["赵小新", "Son", fresh_id_number(birth_date=datetime.date(2014, 5, 1))],
		],
		"guest_id_number": fresh_id_number(),
		# for the matrix's own new records (a household registered over REST …)
		"matrix_id_numbers": [fresh_id_number() for _ in range(2)],
	}
	with open(path, "w", encoding="utf-8") as f:
		json.dump(manifest, f, ensure_ascii=False, indent=1)
	return {"records": len(records), "users": len(users)}


def assign_probe_contact(records: list[dict]) -> None:
	"""The probe 帮扶责任人 is the desk login of a contact assigned to one place's household."""
	email, place = CONTACT
	household = next(r["name"] for r in records if r["doctype"] == "Household" and r["place"] == place)
	contact = frappe.db.get_value("Assistance Contact", {"user": email}) or (
		frappe.get_doc(
			{
				"doctype": "Assistance Contact",
				"contact_name": "探针责任人",
				"post": "Grid worker",
				"user": email,
			}
		)
		.insert(ignore_permissions=True)
		.name
	)
	doc = frappe.get_doc("Household", household)
	doc.append("assistance_contacts", {"contact": contact, "from_date": today()})
	doc.save(ignore_permissions=True)


def make_user(email: str, role: str) -> None:
	"""A user given a fanpin role in the User form, with no Staff Assignment (so no area)."""
	if not frappe.db.exists("User", email):
		frappe.get_doc(
			doctype="User", email=email, first_name=email.split("@")[0], send_welcome_email=0
		).insert(ignore_permissions=True)
	frappe.get_doc("User", email).add_roles(role)


def place_records(key: str, village: str) -> list[dict]:
	case = make_monitored_case(village, f"探针{key}", phone="13900000000")
	household = case.household
	head_id = frappe.db.get_value("Household", household, "head_id_number")
	docs = [
		frappe.get_doc("Household", household),
		frappe.get_doc("Household Income", {"household": household}),
		case,
		insert({"doctype": "Assistance Measure", "case": case.name, "measure_type": "产业帮扶"}),
		insert(
			{
				"doctype": "Follow-up Visit",
				"case": case.name,
				"method": "Home visit",
				"visitor": "探针",
				"findings": "入户了解情况",
			}
		),
		insert({"doctype": "Risk Assessment", "case": case.name, "year": 2026}),
		insert(
			{
				"doctype": "Risk Elimination",
				"case": case.name,
				"method": "Eliminated through assistance",
			},
			validate=False,
		),
		insert(
			{
				"doctype": "Risk Clue",
				"channel": "Petition information",
				"reported_on": today(),
				"person_name": f"探针{key}",
				"id_number": fresh_id_number(),
				"village": village,
				"description": "探针线索",
			}
		),
	]
	docs.append(screening_task(household))
	docs.append(
		insert(
			{
				"doctype": "National Import",
				"town": frappe.db.get_value("Area", village, "parent_area"),
				"export_date": today(),
				"import_file": private_file(f"national-{key}.csv", "户编号,姓名,证件号码\n"),
			}
		)
	)
	for index, (department, warning_type) in enumerate(DEPARTMENTS.items()):
		docs.append(
			insert(
				{
					"doctype": "Department Warning",
					"department": department,
					"warning_type": warning_type,
					"report_month": "2026-11-01",
					"id_number": head_id,
					"person_name": f"探针{key}",
				}
			)
		)
		if index == 0:  # one warning per place still to be judged, for the disposition probes
			frappe.db.set_value(
				"Department Warning", docs[-1].name, {"status": "Pending", "monitoring_case": None}
			)
	return [describe(doc, key) for doc in docs]


PROBE_CAMPAIGN = "探针全面排查"


def screening_task(household: str):
	"""The household's screening in the probes' own open campaign (made once, with no other task)."""
	name = frappe.db.get_value("Screening Campaign", {"title": PROBE_CAMPAIGN})
	if not name:
		campaign = insert(
			{
				"doctype": "Screening Campaign",
				"title": PROBE_CAMPAIGN,
				"year": int(today()[:4]),
				"start_date": today(),
				"deadline": today(),
			}
		)
		campaign.db_set("status", "Under way")
		name = campaign.name
	return insert({"doctype": "Screening Task", "campaign": name, "household": household})


def department_records(department: str, warning_type: str) -> list[dict]:
	upload = private_file(f"{department}.csv", "姓名,身份证号码\n探针,370681199001011234\n")
	batch = insert(
		{
			"doctype": "Warning Import",
			"department": department,
			"warning_type": warning_type,
			"report_month": "2026-11-01",
			"import_file": upload,
			"errors": [{"row_number": 2, "id_number": "370681199001011234", "reason": "探针错误行"}],
		},
		validate=False,
	)
	column_map = (
		frappe.get_doc("Warning Column Map", department)
		if frappe.db.exists("Warning Column Map", department)
		else insert({"doctype": "Warning Column Map", "department": department})
	)
	return [describe(batch, department), describe(column_map, department)]


def insert(values: dict, validate: bool = True):
	doc = frappe.get_doc(values)
	doc.flags.ignore_validate = not validate
	doc.flags.ignore_mandatory = not validate
	return doc.insert(ignore_permissions=True)


def private_file(name: str, content: str, attached_to=None) -> str:
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": name,
			"content": content,
			"is_private": 1,
			**(
				{"attached_to_doctype": attached_to.doctype, "attached_to_name": attached_to.name}
				if attached_to
				else {}
			),
		}
	).insert(ignore_permissions=True)
	return file.file_url


def describe(doc, place: str) -> dict:
	rule = SCOPED[doc.doctype]
	stored = frappe.db.get_value(doc.doctype, doc.name, ["*"], as_dict=True)
	attachment = private_file(f"{doc.doctype}-{place}.txt", f"探针附件 {doc.doctype} {doc.name}", doc)
	return {
		"doctype": doc.doctype,
		"name": doc.name,
		"place": place,
		"village": stored.get(rule.area_field) if rule.area_field else None,
		"department": stored.get(rule.department_field) if rule.department_field else None,
		"household": stored.get(rule.household_field) if rule.household_field else None,
		"file_url": attachment,
		"id_number": stored.get("id_number") or stored.get("head_id_number"),
	}


def explain(path: str) -> None:
	"""Print how the site now differs from the manifest: for a failed matrix run, which records moved
	or vanished since the build, who changed them last, and each user's scope as the server now
	computes it."""
	with open(path, encoding="utf-8") as f:
		manifest = json.load(f)
	for record in manifest["records"]:
		rule = SCOPED[record["doctype"]]
		stored = frappe.db.get_value(
			record["doctype"], record["name"], [*rule.fields, "modified", "modified_by"], as_dict=True
		)
		if stored is None:
			print(f"GONE {record['doctype']} {record['name']}")
			continue
		now = (
			stored.get(rule.area_field) if rule.area_field else None,
			stored.get(rule.department_field) if rule.department_field else None,
		)
		if now != (record["village"], record["department"]):
			print(
				f"MOVED {record['doctype']} {record['name']}: {now} (manifest "
				f"{(record['village'], record['department'])}), modified {stored.modified} by {stored.modified_by}"
			)
		for version in frappe.get_all(
			"Version",
			filters={"ref_doctype": record["doctype"], "docname": record["name"]},
			fields=["owner", "creation", "data"],
			order_by="creation",
		):
			print(
				f"  changed {record['doctype']} {record['name']} {version.creation} {version.owner}: {version.data[:300]}"
			)
	for email, expected in manifest["users"].items():
		seen = viewer(email)
		now = {
			"roles": frappe.get_roles(email),
			"county": seen.county,
			"areas": sorted(seen.areas),
			"departments": sorted(seen.departments),
			"households": sorted(seen.households),
		}
		if now != expected:
			print(f"USER {email}: now {now}, manifest {expected}")
	for perm in frappe.get_all("Custom DocPerm", fields=["parent", "role", "permlevel", "read", "write"]):
		print(f"Custom DocPerm {perm}")
