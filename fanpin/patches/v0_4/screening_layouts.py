"""Sites installed before the 全面排查 get the government layouts of its two reports, as they were
shipped then (a layout that exists is the admin's and is left alone)."""

import frappe

FOOTER = ("填表人：", "审核人：", "联系电话：", "（盖章）")
PLACE, HEAD = "所在地", "户主信息"
LAYOUTS = {
	"Screening Progress": (
		"防止返贫全面排查进度汇总表",
		(
			("town_name", "镇街区", PLACE, 12),
			("village_name", "村（社区）", PLACE, 14),
			("total", "应排查户数", "排查情况（户）", 10),
			("screened", "已排查", "排查情况（户）", 8),
			("unreachable", "无法联系", "排查情况（户）", 8),
			("pending", "未排查", "排查情况（户）", 8),
			("risk_found", "发现风险", "排查结果（户）", 8),
			("newly_included", "新纳入监测", "排查结果（户）", 10),
			("already_monitored", "已在监测", "排查结果（户）", 8),
			("percent", "完成率（%）", "", 10),
		),
	),
	"Unscreened Households": (
		"全面排查未排查农户清单",
		(
			("town_name", "镇街区", PLACE, 12),
			("village_name", "村（社区）", PLACE, 14),
			("head_name", "户主姓名", HEAD, 10),
			("head_id_number", "户主身份证号码", HEAD, 21),
			("household_code", "户编号", HEAD, 20),
			("phone", "联系电话", HEAD, 13),
			("address", "住址", HEAD, 20),
		),
	),
}


def execute():
	county = frappe.db.get_value("Area", {"level": "City"}, "area_name") or ""
	for report, (title, columns) in LAYOUTS.items():
		if frappe.db.exists("Export Layout", report) or not frappe.db.exists("Report", report):
			continue
		frappe.get_doc(
			{
				"doctype": "Export Layout",
				"report": report,
				"title": f"{county}{title}",
				"footer": "\n".join(FOOTER),
				"columns": [
					{"field": field, "label": label, "header_group": group, "width": width}
					for field, label, group, width in columns
				],
			}
		).insert(ignore_permissions=True)
