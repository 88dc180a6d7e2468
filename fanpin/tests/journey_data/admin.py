"""Records the admin journey starts from: a System Manager who changes forms and workflows in the
desk, a household to see a new field on, and a case on its village notice, which the admin's
renamed state must carry along."""

import frappe
from frappe.utils import add_days, now_datetime, today

from fanpin.controllers.stage import state_for_stage
from fanpin.demo import DEMO_PASSWORD
from fanpin.policy import procedure
from fanpin.testing import DONGLAI, ensure_line, make_household, make_monitored_case, member

ADMIN = "admin.county@fanpin.demo"
NOTICE_STATE = "村级公示中"  # as the workflow ships
RENAMED_STATE = "村级公示期"


def build() -> dict:
	ensure_line(int(today()[:4]))
	village = frappe.get_all(
		"Area", filters={"parent_area": DONGLAI, "level": "Village"}, order_by="name", pluck="name", limit=1
	)[0]
	stamp = now_datetime().strftime("%m%d%H%M%S")
	household = make_household(village, members=[member("管理员测户")], address=f"东莱街道管理员路{stamp}号")
	case = make_monitored_case(
		village,
		"公示期满户",
		stage=procedure.NOTICE,
		notice_start=add_days(today(), -9),
		notice_end=add_days(today(), -5),
		condition_a=1,
		identified_on=None,
	)
	frappe.db.set_value("Monitoring Case", case.name, "identified_on", None)
	current = state_for_stage("Monitoring Case", procedure.NOTICE)
	new_state = RENAMED_STATE if current != RENAMED_STATE else NOTICE_STATE
	forget_unused_state(new_state)
	return {
		"admin": make_admin(),
		"household": household.name,
		"case": case.name,
		"notice_state": current,
		"new_state": new_state,
		"field_label": f"备用联系电话{stamp}",
	}


def make_admin() -> str:
	if not frappe.db.exists("User", ADMIN):
		frappe.get_doc(
			doctype="User",
			email=ADMIN,
			first_name="县级管理员",
			send_welcome_email=0,
			language="zh",
			new_password=DEMO_PASSWORD,
			roles=[{"role": "System Manager"}],
		).insert(ignore_permissions=True)
	return ADMIN


def forget_unused_state(state: str) -> None:
	"""The journey creates the new state from the workflow's own link field: a state left over from
	an earlier run, used by no workflow, is taken away first."""
	if frappe.db.exists("Workflow State", state) and not frappe.db.exists(
		"Workflow Document State", {"state": state}
	):
		used = frappe.db.exists("Workflow Transition", {"state": state}) or frappe.db.exists(
			"Workflow Transition", {"next_state": state}
		)
		if not used:
			frappe.delete_doc("Workflow State", state, ignore_permissions=True, force=True)
