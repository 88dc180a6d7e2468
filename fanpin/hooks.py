app_name = "fanpin"
app_title = "Fanpin"
app_publisher = "fanpin contributors"
app_description = "防止返贫动态监测和帮扶 — monitoring and assistance to prevent return to poverty"
app_email = "dev@fanpin.invalid"
app_license = "mit"

export_python_type_annotations = True

before_install = "fanpin.setup.install.before_install"
after_install = "fanpin.setup.install.after_install"

# Public pages in the county's language; script reports stay live after a failed run (see compat).
before_request = [
	"fanpin.compat.guest_language",
	"fanpin.compat.keep_reports_live",
	"fanpin.api.routes.report_by_title",
	"fanpin.permissions.scope.shares_stop_at_scope",
]
before_job = ["fanpin.permissions.scope.shares_stop_at_scope"]
after_migrate = "fanpin.setup.install.after_migrate"
before_uninstall = "fanpin.setup.install.before_uninstall"

# A step of the setup wizard picks the county (province → city → county) and sets it up as the desk
# action in 防贫设置 does.
setup_wizard_requires = "assets/fanpin/js/setup_wizard.js"
setup_wizard_stages = "fanpin.setup.county.setup_wizard_stages"

# Link search boxes for households match names, pinyin and initials, within the user's scope; areas
# show the area above them.
standard_queries = {
	"Household": "fanpin.api.search.household_query",
	"Area": "fanpin.api.search.area_query",
}

# The 全面排查 summary print reads its figures in the reader's scope.
jinja = {"methods": ["fanpin.controllers.screening.screening_summary_rows"]}

# Each job on its own, so that one failing does not stop the others; the long ones on daily_long.
scheduler_events = {
	"daily": [
		"fanpin.tasks.flag_overdue_verifications",
		"fanpin.tasks.flag_cases_without_recent_visit",
		"fanpin.tasks.remind_assignees",
		"fanpin.controllers.screening.remind_villages_behind",
	],
	"daily_long": [
		"fanpin.tasks.refresh_expired_measures",
		"fanpin.tasks.remove_old_exports",
	],
}

# Per-area scope, enforced at one point (fanpin/permissions): every scoped DocType, child tables
# included, gets the same query condition and document check.
from fanpin.permissions.registry import FRAPPE_HOLDERS, SCOPED, hook_map  # noqa: E402

permission_query_conditions = {
	**hook_map("fanpin.permissions.scope.query_condition"),
	**{doctype: "fanpin.permissions.scope.holder_condition" for doctype in FRAPPE_HOLDERS},
}
has_permission = hook_map("fanpin.permissions.scope.has_permission")
# Frappe forms fanpin fixes for its admins (see the file).
doctype_js = {"Workflow": "public/js/workflow.js"}
doc_events = {
	**{doctype: {"validate": "fanpin.permissions.scope.check_write"} for doctype in SCOPED},
	"File": {"before_insert": "fanpin.permissions.scope.keep_attachments_private"},
	"DocShare": {"validate": "fanpin.permissions.scope.refuse_share"},
	# A renamed workflow state takes its records along (see controllers/stage.py).
	"Workflow": {"on_update": "fanpin.controllers.stage.follow_replaced_states"},
}
override_whitelisted_methods = {
	"frappe.client.get_count": "fanpin.permissions.channels.get_count",
	"frappe.desk.search.search_link": "fanpin.permissions.channels.search_link",
	"frappe.desk.search.search_widget": "fanpin.permissions.channels.search_widget",
	"frappe.website.doctype.web_form.web_form.accept": "fanpin.permissions.channels.accept_web_form",
	"frappe.website.doctype.web_form.web_form.get_link_options": "fanpin.permissions.channels.get_link_options",
	"frappe.desk.query_report.export_query": "fanpin.permissions.channels.export_query_report",
	"frappe.www.printview.get_html_and_style": "fanpin.permissions.channels.get_html_and_style",
}
