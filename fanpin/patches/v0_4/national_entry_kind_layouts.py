"""Sites installed before the 录入 list had one layout per kind get the three, as they were shipped
then. The list's own layout (every kind in one sheet) stays as the admin left it, and a kind's layout
that exists is the admin's and is left alone."""

import frappe

REPORT = "National Entry List"
TITLE = "防返贫监测信息系统录入清单"
FOOTER = ("填表人：", "审核人：", "联系电话：", "（盖章）")
HEAD, MONITORING, EXIT, MEMBER = "户主信息", "监测信息", "风险消除", "成员变更"
PLACE = (
	("household_code", "户编号", HEAD, 20),
	("town_name", "乡（镇）", HEAD, 12),
	("village_name", "行政村", HEAD, 14),
	("head_name", "户主姓名", HEAD, 10),
)
LAYOUTS = {
	"New monitoring object": (
		"（新识别监测对象）",
		(
			*PLACE,
			("head_id_number", "证件号码", HEAD, 21),
			("category", "监测对象类别", MONITORING, 14),
			("identified_on", "识别监测时间", MONITORING, 12),
			("risk_types", "风险类型", MONITORING, 20),
		),
	),
	"Risk eliminated": (
		"（风险消除）",
		(
			*PLACE,
			("head_id_number", "证件号码", HEAD, 21),
			("category", "监测对象类别", MONITORING, 14),
			("identified_on", "识别监测时间", MONITORING, 12),
			("eliminated_on", "风险消除时间", EXIT, 12),
			("elimination_method", "消除方式", EXIT, 12),
		),
	),
	"Member change": (
		"（成员变更）",
		(
			*PLACE,
			("member_name", "成员姓名", MEMBER, 10),
			("member_id_number", "证件号码", MEMBER, 21),
			("member_change", "变更类型", MEMBER, 14),
			("changed_on", "变更时间", MEMBER, 12),
		),
	),
}


def execute():
	if not frappe.db.exists("Report", REPORT):
		return
	county = frappe.db.get_value("Area", {"level": "City"}, "area_name") or ""
	for kind, (suffix, columns) in LAYOUTS.items():
		if frappe.db.exists("Export Layout", f"{REPORT} - {kind}"):
			continue
		frappe.get_doc(
			{
				"doctype": "Export Layout",
				"report": REPORT,
				"kind": kind,
				"title": f"{county}{TITLE}{suffix}",
				"footer": "\n".join(FOOTER),
				"columns": [
					{"field": field, "label": label, "header_group": group, "width": width}
					for field, label, group, width in columns
				],
			}
		).insert(ignore_permissions=True)
