"""Factories for the Frappe-layer tests (hrms style: short tests built from make_* helpers)."""

import datetime
import itertools
import random
from unittest.mock import patch

import frappe
from frappe.utils import add_days, getdate, today

from fanpin.compat import IntegrationTestCase
from fanpin.fanpin.doctype.staff_assignment.staff_assignment import assign_staff
from fanpin.policy.idcard import make_id_number
from fanpin.setup import install

DONGLAI = "370681001000"  # 东莱街道
BEIMA = "370681102000"  # 北马镇
_rng = random.Random()
_issued: set[str] = set()


def fresh_id_number(male: bool = True, birth_date: datetime.date | None = None) -> str:
	"""A valid ID number that no record on the site holds yet."""
	for _attempt in itertools.count():
		birth = birth_date or datetime.date(1950, 1, 1) + datetime.timedelta(days=_rng.randint(0, 20000))
		number = make_id_number("370681", birth, _rng.randrange(1 if male else 0, 1000, 2))
		if number not in _issued and not frappe.db.exists("Household Member", {"id_number": number}):
			_issued.add(number)
			return number


def make_village(town: str, number: int, area_name: str | None = None) -> str:
	"""Villages 9xx of a town are reserved for tests (the demo county uses 001-008)."""
	code = f"{town[:9]}{900 + number:03d}"
	if not frappe.db.exists("Area", code):
		frappe.get_doc(
			doctype="Area",
			area_name=area_name or f"测试村{number}",
			area_code=code,
			level="Village",
			parent_area=town,
		).insert(ignore_permissions=True)
	return code


def member(member_name: str = "张三", relation: str = "Head of household", **values) -> dict:
	return {
		"member_name": member_name,
		"relation": relation,
		"id_number": values.pop("id_number", None) or fresh_id_number(male=values.pop("male", True)),
		"labour_skill": values.pop("labour_skill", "Ordinary labour"),
		**values,
	}


def make_household(village: str, members: list[dict] | None = None, do_insert: bool = True, **values):
	doc = frappe.get_doc(
		{
			"doctype": "Household",
			"village": village,
			"household_type": values.pop("household_type", "Ordinary rural household"),
			"members": members or [member()],
			**values,
		}
	)
	return doc.insert() if do_insert else doc


def make_staff_user(email: str, role: str, area: str | None = None, department: str | None = None) -> str:
	if not frappe.db.exists("User", email):
		frappe.get_doc(
			doctype="User", email=email, first_name=email.split("@")[0], send_welcome_email=0, language="zh"
		).insert(ignore_permissions=True)
	assign_staff(email, role, area, department)
	return email


class FanpinTestCase(IntegrationTestCase):
	"""Runs as a Chinese-speaking user sees the app: messages are asserted in Chinese."""

	def setUp(self):
		super().setUp()
		frappe.local.lang = "zh"

	def tearDown(self):
		frappe.set_user("Administrator")
		super().tearDown()


def uploaded_file(file_name: str = "auth.pdf", content: str = "%PDF-1.4 test") -> str:
	"""A private file uploaded by the current user, as the desk's Attach button makes one."""
	return (
		frappe.get_doc({"doctype": "File", "file_name": file_name, "content": content, "is_private": 1})
		.insert()
		.file_url
	)


def make_income(household: str, reference_date, per_capita: float, size: int = 1):
	"""An income record whose per-capita income is ``per_capita`` for a household of ``size``."""
	return frappe.get_doc(
		{
			"doctype": "Household Income",
			"household": household,
			"reference_date": reference_date,
			"wage_income": per_capita * size,
			"household_size": size,
		}
	).insert()


def make_case(household: str, discovery_date=None, risk_types=("因病",), do_insert=True, **values):
	doc = frappe.get_doc(
		{
			"doctype": "Monitoring Case",
			"household": household,
			"discovery_channel": values.pop("discovery_channel", "Cadre screening"),
			"discovery_date": discovery_date or frappe.utils.today(),
			"risk_types": [{"risk_type": r} for r in risk_types],
			**values,
		}
	)
	return doc.insert() if do_insert else doc


def act(doctype: str, name: str, action: str, **values):
	"""Save ``values`` as the current user, then take the workflow action, as the desk does."""
	from frappe.model.workflow import apply_workflow

	doc = frappe.get_doc(doctype, name)
	if values:
		doc.update(values)
		doc.save()
	return apply_workflow(doc.as_dict(), action)


def ensure_line(year: int, amount: float = 6500) -> None:
	"""A monitoring line for a year the shipped data does not cover (test data)."""
	install.ensure_line(year, amount, "测试")


def make_monitored_case(
	village: str,
	head_name: str,
	classification: str = "Marginal household",
	identified_on=None,
	stage: str = "Under monitoring",
	phone: str | None = None,
	**values,
):
	"""A case already at ``stage``: report tests need many, and the procedure has its own tests."""
	from fanpin.controllers.stage import state_for_stage

	household = make_household(village, members=[member(head_name)], phone=phone)
	make_income(household.name, frappe.utils.today(), 5000)
	case = make_case(household.name)
	frappe.db.set_value(
		"Monitoring Case",
		case.name,
		{
			"stage": stage,
			"workflow_state": state_for_stage("Monitoring Case", stage),
			"classification": classification,
			"identified_on": identified_on or frappe.utils.today(),
			**values,
		},
	)
	return frappe.get_doc("Monitoring Case", case.name)


# ---------------------------------------------------------------- cases through the procedure

# the day a stage change is taken on (both staged documents read it there)
CONTROLLER = "fanpin.controllers.staged.today"
POLICY_LIFTED = "Lifted out of poverty (policy)"


class CaseTestCase(FanpinTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		this_year = getdate(today()).year
		for year in (this_year, this_year + 1, this_year + 2):
			ensure_line(year)
		cls.village = make_village(DONGLAI, 30, "认定测试村")
		cls.clerk = make_staff_user("case.clerk@fanpin.test", "Fanpin Village Clerk", cls.village)
		cls.officer = make_staff_user("case.officer@fanpin.test", "Fanpin Town Officer", DONGLAI)
		cls.reviewer = make_staff_user("case.reviewer@fanpin.test", "Fanpin Town Reviewer", DONGLAI)
		cls.city = make_staff_user("case.city@fanpin.test", "Fanpin City Office")
		cls.beima_officer = make_staff_user("case.beima@fanpin.test", "Fanpin Town Officer", BEIMA)

	def new_household(self, household_type="Ordinary rural household", per_capita=5000, name="冯一"):
		household = make_household(self.village, members=[member(name)], household_type=household_type).name
		make_income(household, today(), per_capita)
		return household

	def walk(self, case: str, until: str):
		"""Take a case forward as the right user at each step; stop after the step named ``until``."""
		steps = [
			("verify", self.officer, "核实完成，提交评议", {"verified_on": today(), "verifiers": "王干部"}),
			(
				"appraise",
				self.officer,
				"评议通过，提交审核",
				{
					"appraisal_date": today(),
					"appraisal_result": "同意纳入",
					"authorization_letter": uploaded_file,  # uploaded by the step's user
				},
			),
			("review", self.reviewer, "审核通过，报市扶贫办比对", {}),
			("compare", self.city, "比对通过，进入公示", {"comparison_result": "Passed"}),
		]
		for step, user, action, values in steps:
			frappe.set_user(user)
			act("Monitoring Case", case, action, **{k: v() if callable(v) else v for k, v in values.items()})
			if step == until:
				break
		frappe.set_user("Administrator")

	def finish_notice(self, case: str):
		later = add_days(today(), 5)
		with patch(CONTROLLER, return_value=later):
			frappe.set_user(self.officer)
			act("Monitoring Case", case, "公示期满，报送录入")
			frappe.set_user(self.city)
			act("Monitoring Case", case, "纳入监测")
		frappe.set_user("Administrator")


def measure(case: str, measure_type: str, risk_type=None, **values):
	return frappe.get_doc(
		{
			"doctype": "Assistance Measure",
			"case": case,
			"measure_type": measure_type,
			"risk_type": risk_type,
			**values,
		}
	).insert()


class AssistanceTestCase(CaseTestCase):
	def monitored_case(self, name="韩一", risk_types=("因病",), **member_values):
		household = make_household(self.village, members=[member(name, **member_values)]).name
		make_income(household, today(), 5000)
		case = make_case(household, risk_types=risk_types, condition_a=1)
		self.walk(case.name, until="compare")
		self.finish_notice(case.name)
		return frappe.get_doc("Monitoring Case", case.name)


# ---------------------------------------------------------------- 帮扶责任人


def make_contact(
	contact_name: str, post: str = "Village committee", user: str | None = None, **values
) -> str:
	"""An Assistance Contact; with ``user``, that user gets the contact role and is its desk login."""
	if user:
		make_staff_user(user, "Fanpin Assistance Contact")
	doc = frappe.get_doc(
		{
			"doctype": "Assistance Contact",
			"contact_name": contact_name,
			"post": post,
			"unit": values.pop("unit", "测试村委会"),
			"phone": values.pop("phone", "13800000001"),
			"user": user,
			**values,
		}
	).insert(ignore_permissions=True)
	return doc.name


def assign_contact(household: str, contact: str, from_date=None, to_date=None):
	"""Assign ``contact`` to the household from ``from_date`` (today) as the household form does."""
	doc = frappe.get_doc("Household", household)
	doc.append(
		"assistance_contacts", {"contact": contact, "from_date": from_date or today(), "to_date": to_date}
	)
	doc.save(ignore_permissions=True)
	return doc
