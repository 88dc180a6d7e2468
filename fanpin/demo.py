"""A demo county: villages under the 14 towns, households with members and incomes, and users.

	bench --site S execute fanpin.demo.create --kwargs "{'households': 2000}"
	bench --site S fanpin-demo --households 2000

Deterministic and idempotent: households are keyed by their 户编号, so running it again adds only
what is missing. Rows are written set-based (one insert for many rows), with every derived field
computed by the same policy functions the forms use.
"""

import datetime
import random
import time

import frappe
from frappe.model.naming import make_autoname

from fanpin.controllers.assistance import catalogue, refresh_case_checks
from fanpin.controllers.deadlines import verification_due_date
from fanpin.controllers.stage import state_for_stage
from fanpin.fanpin.doctype.monitoring_case.monitoring_case import explanation, threshold_of
from fanpin.fanpin.doctype.monitoring_threshold.monitoring_threshold import get_line
from fanpin.fanpin.doctype.staff_assignment.staff_assignment import assign_staff
from fanpin.policy import classifier, procedure
from fanpin.policy.exit import ASSISTED, DONE, NATURAL
from fanpin.policy.household import household_facts
from fanpin.policy.idcard import age_on, make_id_number
from fanpin.policy.income import IncomeFigures, income_period, net_income, per_capita_income
from fanpin.policy.pinyin import name_pinyin
from fanpin.setup.defaults import DEPARTMENTS, TOWNS
from fanpin.setup.install import ensure_line
from fanpin.utils import bulk_insert, insert_dicts, reserve_names, row_name

DEMO_PASSWORD = "Fanpin@2026"
REGION_CODE = "370681"
VILLAGES_PER_TOWN = 8
VILLAGE_PREFIXES = "东西南北前后上下大小"
SURNAMES = "王张李刘孙杨赵徐姜曲吕高于邹栾单曾解仇盖"
GIVEN = "建国秀英玉兰淑芬志强海涛丽娜明亮春梅桂兰金凤宝山德胜文华永刚红霞立新晓燕"
SKILLS = (
	"Ordinary labour",
	"Skilled labour",
	"Weak or half labour",
	"Lost labour capacity",
	"No labour capacity",
)
HOUSEHOLD_TYPES = (
	"Lifted out of poverty (policy)",
	"Lifted out of poverty (no policy)",
	"Ordinary rural household",
	"Dibao household",
	"Tekun household",
)
DEMO_USERS = (
	# (email, full name, role, town index or None, village index or None)
	("city.office@fanpin.demo", "市扶贫办演示", "Fanpin City Office", None, None),
	("officer.donglai@fanpin.demo", "东莱经办人", "Fanpin Town Officer", 0, None),
	("reviewer.donglai@fanpin.demo", "东莱审核人", "Fanpin Town Reviewer", 0, None),
	("officer.beima@fanpin.demo", "北马经办人", "Fanpin Town Officer", 6, None),
	("reviewer.beima@fanpin.demo", "北马审核人", "Fanpin Town Reviewer", 6, None),
	("clerk.donglai@fanpin.demo", "东莱村信息员", "Fanpin Village Clerk", 0, 0),
	("liaison.minzheng@fanpin.demo", "民政联络员", "Fanpin Department Liaison", None, None),
	# a 帮扶责任人 with a desk login: the 第一书记 of the first village with monitored households
	("contact.demo@fanpin.demo", "驻村第一书记", "Fanpin Assistance Contact", None, None),
)


def create(households: int = 2000, seed: int = 2021) -> dict:
	started = time.monotonic()
	finish_setup_of_a_fresh_site()
	villages = create_villages()
	create_demo_lines()
	created = create_households(int(households), villages, random.Random(seed))
	cases = create_cases()
	users = create_users(villages)
	contacts = create_contacts()
	create_screening_campaign(villages)
	frappe.db.commit()
	elapsed = time.monotonic() - started
	print(
		f"demo county: {len(villages)} villages, {created} new households, {cases} new cases, "
		f"{len(users)} users, {contacts} households given 帮扶责任人 in {elapsed:.1f}s"
	)
	print(f"demo users (password {DEMO_PASSWORD}): " + ", ".join(users))
	return {
		"villages": len(villages),
		"households_created": created,
		"cases_created": cases,
		"seconds": round(elapsed, 1),
	}


def finish_setup_of_a_fresh_site() -> None:
	"""A brand-new site still waits for its setup wizard, which locks every non-admin user out of the
	desk; a demo site is set up for a Chinese county instead. A site already set up is left alone."""
	if frappe.db.get_single_value("System Settings", "setup_complete"):
		return
	settings = frappe.get_single("System Settings")
	settings.update(
		{
			"language": "zh",
			"time_zone": "Asia/Shanghai",
			"country": "China",
			"currency": "CNY",
			"setup_complete": 1,
		}
	)
	settings.flags.ignore_mandatory = True
	settings.save(ignore_permissions=True)


def create_demo_lines() -> None:
	"""The app ships only the lines the policy states (2021); a demo needs the years after it."""
	for year in range(2022, datetime.date.today().year + 2):
		ensure_line(year, 6500 + 300 * (year - 2021), "演示数据，非正式标准")


def village_code(town_code: str, index: int) -> str:
	return f"{town_code[:9]}{index + 1:03d}"


def create_villages() -> list[str]:
	codes = []
	for town_index, (_town_name, town_code) in enumerate(TOWNS):
		for index in range(VILLAGES_PER_TOWN):
			code = village_code(town_code, index)
			codes.append(code)
			if frappe.db.exists("Area", code):
				continue
			prefix = VILLAGE_PREFIXES[index % len(VILLAGE_PREFIXES)]
			surname = SURNAMES[(town_index + index) % len(SURNAMES)]
			name = f"{prefix}{surname}家村" if index % 4 else f"{prefix}关社区"
			frappe.get_doc(
				doctype="Area", area_name=name, area_code=code, level="Village", parent_area=town_code
			).insert(ignore_permissions=True)
	return codes


def household_code(index: int) -> str:
	return f"{REGION_CODE}{index:010d}"


def create_households(count: int, villages: list[str], rng: random.Random) -> int:
	existing = set(
		frappe.get_all(
			"Household", filters={"household_code": ("like", f"{REGION_CODE}%")}, pluck="household_code"
		)
	)
	town_of = dict(
		frappe.get_all(
			"Area", filters={"name": ("in", villages)}, fields=["name", "parent_area"], as_list=True
		)
	)
	today = datetime.date.today()
	discovered = today.replace(day=1)
	period = income_period(discovered)
	households, members, incomes = [], [], []
	used_ids = set(frappe.get_all("Household Member", pluck="id_number"))
	for index in range(1, count + 1):
		# Draw the same numbers whether or not the household exists, so reruns stay deterministic.
		draft = draft_household(index, rng, today, used_ids)
		code = household_code(index)
		if code in existing:
			continue
		name = make_autoname("HH-.#######")
		village = villages[index % len(villages)]
		facts = household_facts(draft)
		households.append(
			{
				"name": name,
				"household_code": code,
				"village": village,
				"town": town_of[village],
				"household_type": HOUSEHOLD_TYPES[rng.choices(range(5), weights=(30, 10, 45, 10, 5))[0]],
				"status": "Registered",
				"phone": f"13{rng.randint(100000000, 999999999)}",
				"address": f"{index % 300 + 1}号",
				"housing_unsafe": int(rng.random() < 0.03),
				"water_unsafe": int(rng.random() < 0.02),
				**facts,
			}
		)
		for idx, member in enumerate(draft, start=1):
			members.append({**member, "name": row_name(), "parent": name, "idx": idx})
		figures = IncomeFigures(
			wage_income=rng.randrange(0, 60000, 100),
			business_income=rng.randrange(0, 20000, 100),
			property_income=rng.randrange(0, 2000, 100),
			transfer_income=rng.randrange(0, 8000, 100),
			business_expenditure=rng.randrange(0, 5000, 100),
		)
		net = net_income(figures)
		incomes.append(
			{
				"name": make_autoname("INC-.#######"),
				"household": name,
				"head_name": facts["head_name"],
				"village": village,
				"town": town_of[village],
				"reference_date": discovered,
				"period_start": period.start,
				"period_end": period.end,
				**vars(figures),
				"net_income": net,
				"household_size": facts["member_count"],
				"per_capita_income": per_capita_income(net, facts["member_count"]),
			}
		)
	common = {"docstatus": 0}
	insert_dicts("Household", [{**common, **row} for row in households])
	insert_dicts(
		"Household Member",
		[{**common, **row, "parenttype": "Household", "parentfield": "members"} for row in members],
	)
	insert_dicts("Household Income", [{**common, **row} for row in incomes])
	return len(households)


def draft_household(index: int, rng: random.Random, today: datetime.date, used_ids: set[str]) -> list[dict]:
	surname = rng.choice(SURNAMES)
	size = rng.choices((1, 2, 3, 4, 5), weights=(10, 30, 25, 25, 10))[0]
	head_birth = today - datetime.timedelta(days=rng.randint(30 * 365, 85 * 365))
	people = [("Head of household", surname, head_birth)]
	if size > 1:
		people.append(
			("Spouse", rng.choice(SURNAMES), head_birth + datetime.timedelta(days=rng.randint(-1500, 1500)))
		)
	for child in range(size - len(people)):
		birth = head_birth + datetime.timedelta(days=rng.randint(22 * 365, 40 * 365) + child)
		people.append((rng.choice(("Son", "Daughter")), surname, birth))
	draft = []
	for relation, family_name, birth in people:
		birth = min(birth, today - datetime.timedelta(days=1))
		male = relation in ("Head of household", "Son")
		sequence = rng.randrange(1 if male else 0, 1000, 2)
		id_number = make_id_number(REGION_CODE, birth, sequence)
		while id_number in used_ids:
			sequence = (sequence + 2) % 1000
			id_number = make_id_number(REGION_CODE, birth, sequence)
		used_ids.add(id_number)
		member_name = family_name + "".join(rng.sample(GIVEN, rng.choice((1, 2))))
		reading = name_pinyin(member_name)
		age = age_on(birth, today)
		draft.append(
			{
				"member_name": member_name,
				"id_number": id_number,
				"relation": relation,
				"gender": "Male" if male else "Female",
				"birth_date": birth,
				"age": age,
				"ethnicity": "汉族",
				"member_status": "In household",
				"health": rng.choices(
					("Healthy", "Chronic illness", "Serious illness", "Disability"), weights=(75, 15, 5, 5)
				)[0],
				"labour_skill": SKILLS[4]
				if age >= 70 or age < 16
				else rng.choices(SKILLS, weights=(55, 15, 15, 10, 5))[0],
				"medical_insurance": "Resident medical insurance" if rng.random() > 0.02 else "Not insured",
				"school_status": "Not a student",
				"name_pinyin": reading.full,
				"name_initials": reading.initials,
			}
		)
	return draft


def create_users(villages: list[str]) -> list[str]:
	emails = []
	for email, full_name, role, town_index, village_index in DEMO_USERS:
		if not frappe.db.exists("User", email):
			user = frappe.get_doc(
				doctype="User",
				email=email,
				first_name=full_name,
				language="zh",
				send_welcome_email=0,
				new_password=DEMO_PASSWORD,
			)
			user.insert(ignore_permissions=True)
		area = None
		if village_index is not None:
			area = villages[town_index * VILLAGES_PER_TOWN + village_index]
		elif town_index is not None:
			area = TOWNS[town_index][1]
		assign_staff(email, role, area, "民政局" if "Liaison" in role else None)
		emails.append(email)
	return emails


DEMO_CAMPAIGN_DAYS = 30  # the demo's 全面排查 started this many days ago and ends as many days on
DEMO_VILLAGES_ON = 2  # each town's first villages are screened but for one household; the rest not yet


def create_screening_campaign(villages: list[str]) -> str | None:
	"""A 全面排查 in progress over the demo county: each town's first villages well on (one household
	of the first found at risk, a clue for its town; monitored households followed up on their
	case), the other villages not started, so behind schedule."""
	from fanpin.controllers.screening import create_tasks

	on = datetime.date.today()
	title = f"{on.year}年度全面排查（演示）"
	if frappe.db.exists("Screening Campaign", {"title": title}):
		return None
	campaign = frappe.get_doc(
		{
			"doctype": "Screening Campaign",
			"title": title,
			"year": on.year,
			"start_date": on - datetime.timedelta(days=DEMO_CAMPAIGN_DAYS),
			"deadline": on + datetime.timedelta(days=DEMO_CAMPAIGN_DAYS),
			"screeners": "村“两委”、第一书记、驻村工作队、乡村网格员、帮扶责任人",
		}
	).insert(ignore_permissions=True)
	campaign.db_set("status", "Opening")
	create_tasks(campaign.name)
	frappe.local.lang = "zh"  # the texts a screening writes (its risks, the clue) are for the county's staff
	first_villages = [v for i, v in enumerate(villages) if i % VILLAGES_PER_TOWN < DEMO_VILLAGES_ON]
	for index, village in enumerate(first_villages):
		tasks = frappe.get_all(
			"Screening Task",
			filters={"campaign": campaign.name, "village": village},
			fields=["name", "monitoring_case"],
			order_by="name",
		)
		at_risk = [t.name for t in tasks if not t.monitoring_case][
			: 1 if index % DEMO_VILLAGES_ON == 0 else 0
		]
		for task in tasks[: max(1, len(tasks) - 1)]:
			doc = frappe.get_doc("Screening Task", task.name)
			doc.update(
				{
					"visited_on": on - datetime.timedelta(days=3),
					"screened_by": "村网格员",
					"method": "Home visit",
				}
			)
			if task.name in at_risk:
				doc.update({"risk_illness": 1, "findings": "户主今年两次住院，医疗支出大"})
			doc.save(ignore_permissions=True)
	return campaign.name


# (post, unit after the village's name): the people each village's monitored households are shared among
DEMO_CONTACT_POSTS = (
	("First secretary", "驻村第一书记"),
	("Village committee", "村民委员会"),
	("Grid worker", "网格"),
)
DEMO_CONTACT_LOGIN = "contact.demo@fanpin.demo"


def create_contacts() -> int:
	"""Three 帮扶责任人 per village with monitored households: the 第一书记 carries every one of them,
	the 村两委 member and the 网格员 share them in turn, each assigned from the day the case was
	identified. Households that have a contact already are left as they are; the first village's
	第一书记 is the demo desk login."""
	households = frappe.get_all(
		"Household",
		filters={"household_code": ("like", f"{REGION_CODE}%"), "monitoring_status": procedure.MONITORING},
		fields=["name", "village", "monitoring_case"],
		order_by="village, name",
	)
	carried = set(
		frappe.get_all(
			"Household Contact",
			filters={"parenttype": "Household", "parent": ("in", [h.name for h in households] or [""])},
			pluck="parent",
		)
	)
	households = [h for h in households if h.name not in carried]
	if not households:
		return 0
	identified = dict(
		frappe.get_all(
			"Monitoring Case",
			filters={"name": ("in", [h.monitoring_case for h in households])},
			fields=["name", "identified_on"],
			as_list=True,
		)
	)
	village_names = dict(
		frappe.get_all(
			"Area",
			filters={"name": ("in", {h.village for h in households})},
			fields=["name", "area_name"],
			as_list=True,
		)
	)
	by_village: dict[str, list] = {}
	for household in households:
		by_village.setdefault(household.village, []).append(household)
	login_taken = frappe.db.exists("Assistance Contact", {"user": DEMO_CONTACT_LOGIN})
	new_contacts, rows = [], []
	for village, carried_here in by_village.items():
		rng = random.Random(village)
		contacts = []
		for post, unit_suffix in DEMO_CONTACT_POSTS:
			unit = f"{village_names[village]}{unit_suffix}"
			existing = frappe.db.get_value(
				"Assistance Contact",
				{"unit": unit, "post": post},
				["name", "contact_name", "phone"],
				as_dict=True,
			)
			if not existing:
				user = None
				if post == "First secretary" and not login_taken:
					user, login_taken = DEMO_CONTACT_LOGIN, True
				existing = frappe._dict(
					name=None,  # reserved below, for all new contacts at once
					contact_name=rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
					phone=f"13{rng.randint(100000000, 999999999)}",
					unit=unit,
					post=post,
					user=user,
					town=f"{village[:9]}000",
					enabled=1,
				)
				new_contacts.append(existing)
			contacts.append(existing)
		for index, household in enumerate(carried_here):
			rows += [(household, 1, contacts[0]), (household, 2, contacts[1 + index % (len(contacts) - 1)])]
	for contact, name in zip(new_contacts, reserve_names("AC-.#####", len(new_contacts)), strict=True):
		contact["name"] = name
	insert_dicts("Assistance Contact", new_contacts)
	today = datetime.date.today()
	insert_dicts(
		"Household Contact",
		[
			{
				"name": row_name(),
				"parent": household.name,
				"parenttype": "Household",
				"parentfield": "assistance_contacts",
				"idx": idx,
				"contact": contact.name,
				"contact_name": contact.contact_name,
				"phone": contact.phone,
				"from_date": identified.get(household.monitoring_case) or today,
			}
			for household, idx, contact in rows
		],
	)
	return len(households)


CASE_EVERY = 20  # one demo household in 20 has a case
CASE_STAGES = (  # (stage, weight): most are under monitoring, some still in the procedure or done
	(procedure.MONITORING, 70),
	(procedure.ELIMINATED, 12),
	(procedure.VERIFICATION, 6),
	(procedure.APPRAISAL, 4),
	(procedure.NOTICE, 4),
	(procedure.REJECTED, 4),
)
DEMO_RISKS = ("因病", "因残", "因学", "因缺劳动力", "因意外事故", "因务工就业不稳", "住房安全")


def create_cases() -> int:
	"""Cases at every step for one demo household in 20, with measures and exits, so the reports
	and the workspace have a county to show. Each case is drawn from its household's own number:
	reruns add cases only for households that have none."""
	households = frappe.get_all(
		"Household",
		filters={"household_code": ("like", f"{REGION_CODE}%"), "monitoring_case": ("is", "not set")},
		fields=["name", "household_code", "head_name", "household_type", "village", "town"],
	)
	households = [h for h in households if int(h.household_code[-10:]) % CASE_EVERY == 7]
	if not households:
		return 0
	incomes = dict(
		frappe.get_all(
			"Household Income",
			filters={"household": ("in", [h.name for h in households])},
			fields=["household", "per_capita_income"],
			as_list=True,
		)
	)
	today = datetime.date.today()
	stages, weights = zip(*CASE_STAGES, strict=True)
	measure_types = catalogue()
	names = reserve_names("MC-.YYYY.-.#####", len(households))
	cases, risks, measures, exits = [], [], [], []
	for name, household in zip(names, households, strict=True):
		rng = random.Random(household.household_code)
		stage = rng.choices(stages, weights)[0]
		discovered = today - datetime.timedelta(days=rng.randint(3, 700))
		if stage == procedure.VERIFICATION:  # still waiting for the visit: found in the last days
			discovered = today - datetime.timedelta(days=rng.randint(0, 12))
		income = incomes.get(household.name) or 0
		line_record = get_line(discovered.year)
		line = line_record.amount
		period = income_period(discovered)
		# Every demo household reports rigid spending (condition 1); ordinary ones above the line also
		# severe difficulty. The classifier, as on the form, decides the category from that.
		severe = household.household_type not in classifier.LIFTED
		result = classifier.classify(
			classifier.CaseFacts(
				household_type=household.household_type,
				per_capita_income=income,
				line=line,
				line_year=discovered.year,
				period=period,
				condition_a=True,
				severe_difficulty=severe,
			)
		)
		identified = stage in procedure.IDENTIFIED
		case = {
			"name": name,
			"household": household.name,
			"head_name": household.head_name,
			"household_type": household.household_type,
			"village": household.village,
			"town": household.town,
			"discovery_channel": rng.choice(("Cadre screening", "Self application", "Department warning")),
			"discovery_date": discovered,
			"stage": stage,
			"workflow_state": state_for_stage("Monitoring Case", stage),
			# the derived fields as the form sets them (monitoring_case.py's own functions)
			"classification": result.category,
			"classification_explanation": explanation(result),
			"threshold": threshold_of(line_record),
			"identified_on": discovered + datetime.timedelta(days=rng.randint(8, 20)) if identified else None,
			"per_capita_income": income,
			"income_period_start": period.start,
			"income_period_end": period.end,
			"line_amount": line,
			"condition_a": 1,
			"severe_difficulty": int(severe),
			"verification_due": verification_due_date(discovered),
			"verification_overdue": 0,
			"notice_start": None,
			"notice_end": None,
			"eliminated_on": None,
			"elimination_method": None,
		}
		if stage == procedure.VERIFICATION:
			case["verification_overdue"] = int(
				procedure.verification_overdue(stage, case["verification_due"], None, today)
			)
		if stage == procedure.NOTICE:
			case["notice_start"] = today - datetime.timedelta(days=rng.randint(0, 8))
			case["notice_end"] = procedure.notice_end(case["notice_start"])
		chosen = rng.sample(DEMO_RISKS, rng.choice((1, 1, 2)))
		risks += [(row_name(), name, idx, risk) for idx, risk in enumerate(chosen, start=1)]
		if identified:
			measures += demo_measures(rng, case, chosen, measure_types, today)
		if stage == procedure.ELIMINATED:
			method = ASSISTED if measures and measures[-1]["case"] == name else NATURAL
			case["eliminated_on"] = min(
				today, case["identified_on"] + datetime.timedelta(days=rng.randint(90, 400))
			)
			case["elimination_method"] = method
			exits.append(demo_exit(case, method))
		cases.append(case)

	insert_dicts("Monitoring Case", [{"docstatus": 0, **case} for case in cases])
	bulk_insert(
		"Case Risk Type",
		["name", "parent", "idx", "risk_type", "parenttype", "parentfield"],
		[(*row, "Monitoring Case", "risk_types") for row in risks],
	)
	if measures:
		for measure, measure_name in zip(
			measures, reserve_names("AM-.YYYY.-.#####", len(measures)), strict=True
		):
			measure["name"] = measure_name
		insert_dicts("Assistance Measure", measures)
	if exits:
		for exit_, exit_name in zip(exits, reserve_names("RE-.YYYY.-.#####", len(exits)), strict=True):
			exit_["name"] = exit_name
		insert_dicts("Risk Elimination", exits)
	household_table = frappe.qb.DocType("Household")
	for case in cases:
		if case["stage"] == procedure.MONITORING:
			refresh_case_checks(case["name"])  # the checks the desk keeps on each case
		frappe.qb.update(household_table).set(household_table.monitoring_case, case["name"]).set(
			household_table.monitoring_status, procedure.household_status(case["stage"])
		).where(household_table.name == case["household"]).run()
	return len(cases)


def demo_measures(
	rng: random.Random, case: dict, risks: list[str], measure_types: list, today: datetime.date
) -> list[dict]:
	rows = []
	for risk in risks:
		answering = [(m.name, m.developmental) for m in measure_types if risk in m.answers]
		if not answering or rng.random() < 0.15:
			continue  # some cases still lack a measure: the checks and reports should show it
		start = min(today, case["identified_on"] + datetime.timedelta(days=rng.randint(1, 30)))
		measure_type, developmental = rng.choice(answering)
		rows.append(
			{
				"docstatus": 0,
				"case": case["name"],
				"household": case["household"],
				"head_name": case["head_name"],
				"village": case["village"],
				"town": case["town"],
				"measure_type": measure_type,
				"is_developmental": developmental,
				"risk_type": risk,
				"status": rng.choice(("Planned", "In progress", "In progress", "Completed")),
				"responsible_unit": rng.choice(DEPARTMENTS)[0],
				"responsible_person": "演示责任人",
				"start_date": start,
				"end_date": start + datetime.timedelta(days=365),
				"funding_source": "演示数据",
				"amount": rng.randrange(500, 8000, 100),
			}
		)
	return rows


def demo_exit(case: dict, method: str) -> dict:
	return {
		"docstatus": 0,
		"case": case["name"],
		"household": case["household"],
		"head_name": case["head_name"],
		"village": case["village"],
		"town": case["town"],
		"category": case["classification"],
		"identified_on": case["identified_on"],
		"method": method,
		"proposed_on": case["eliminated_on"] - datetime.timedelta(days=20),
		"stage": DONE,
		"workflow_state": state_for_stage("Risk Elimination", "Risk eliminated"),
		"per_capita_income": case["per_capita_income"],
		"eliminated_on": case["eliminated_on"],
	}
