"""Sites installed before the 录入 list existed get its government layout (unless an admin made one)."""

import frappe

REPORT = "National Entry List"
TITLE = "防返贫监测信息系统录入清单"
FOOTER = ("填表人：", "审核人：", "联系电话：", "（盖章）")
HEAD, MEMBER, MONITORING, EXIT = "户主信息", "家庭成员", "监测信息", "风险消除"
COLUMNS = (
	("entry", "录入事项", "", 12),
	("household_code", "户编号", HEAD, 20),
	("town_name", "乡（镇）", HEAD, 12),
	("village_name", "行政村", HEAD, 14),
	("head_name", "户主姓名", HEAD, 10),
	("head_id_number", "户主证件号码", HEAD, 21),
	("member_name", "成员姓名", MEMBER, 10),
	("member_id_number", "成员证件号码", MEMBER, 21),
	("member_change", "成员变更情况", MEMBER, 14),
	("category", "监测对象类别", MONITORING, 14),
	("identified_on", "识别监测时间", MONITORING, 12),
	("risk_types", "风险类型", MONITORING, 20),
	("eliminated_on", "风险消除时间", EXIT, 12),
	("elimination_method", "消除方式", EXIT, 12),
	("changed_on", "变更日期", "", 12),
)


def execute():
	if frappe.db.exists("Export Layout", REPORT) or not frappe.db.exists("Report", REPORT):
		return
	county = frappe.db.get_value("Area", {"level": "City"}, "area_name") or ""
	frappe.get_doc(
		{
			"doctype": "Export Layout",
			"report": REPORT,
			"title": f"{county}{TITLE}",
			"footer": "\n".join(FOOTER),
			"columns": [
				{"field": field, "label": label, "header_group": group, "width": width}
				for field, label, group, width in COLUMNS
			],
		}
	).insert(ignore_permissions=True)
