"""Sites whose staff were assigned before the staff module profile existed (v0.2): the profile is
made with every module but Fanpin blocked, and each staff user without a module profile, other
than a System Manager, gets it. Written as of v0.2, not through today's install code."""

import frappe

PROFILE = "防贫工作人员"


def execute():
	if not frappe.db.exists("Module Profile", PROFILE):
		modules = frappe.get_all("Module Def", filters={"name": ("!=", "Fanpin")}, pluck="name")
		frappe.get_doc(
			{
				"doctype": "Module Profile",
				"module_profile_name": PROFILE,
				"block_modules": [{"module": m} for m in sorted(modules)],
			}
		).insert(ignore_permissions=True)
	for user in frappe.get_all("Staff Assignment", pluck="user", distinct=True):
		if frappe.db.get_value("User", user, "module_profile") or "System Manager" in frappe.get_roles(user):
			continue
		doc = frappe.get_doc("User", user)
		doc.module_profile = PROFILE
		doc.save(ignore_permissions=True)
