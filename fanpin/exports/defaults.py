"""The government layouts fanpin ships, one per report, and one per kind for a report that lists
several kinds (SPEC §10).

They are installed once as Export Layout records; from then on the admin owns them (titles,
columns, order, widths, footer) and migrate never writes them again. A title is prefixed with the
county's name at install (龙口市 + 防止返贫监测对象花名册).
"""

from __future__ import annotations

from typing import NamedTuple

FOOTER = ("填表人：", "审核人：", "联系电话：", "（盖章）")


class DefaultColumn(NamedTuple):
	field: str
	label: str
	group: str = ""
	width: float = 12


class DefaultLayout(NamedTuple):
	report: str
	title: str  # after the county's name
	columns: tuple[DefaultColumn, ...]
	kind: str = ""  # the value of the report's kind filter this layout writes; "" for the report's own

	@property
	def name(self) -> str:
		return layout_name(self.report, self.kind)


def layout_name(report: str, kind: str = "") -> str:
	"""The Export Layout's name: the report's, or for one kind of it, the report's and the kind's."""
	return f"{report} - {kind}" if kind else report


C = DefaultColumn
PLACE, HEAD, MONITORING, EXIT = "所在地", "户主信息", "监测信息", "风险消除"

LAYOUTS: tuple[DefaultLayout, ...] = (
	DefaultLayout(
		"Monitoring Roster",
		"防止返贫监测对象花名册",
		(
			C("town_name", "镇街区", PLACE, 12),
			C("village_name", "村（社区）", PLACE, 14),
			C("head_name", "户主姓名", HEAD, 10),
			C("head_id_number", "身份证号码", HEAD, 21),
			C("member_count", "家庭人口", HEAD, 8),
			C("phone", "联系电话", HEAD, 13),
			C("classification", "监测对象类别", MONITORING, 14),
			C("identified_on", "纳入监测时间", MONITORING, 12),
			C("risk_types", "主要风险类型", MONITORING, 20),
			C("per_capita_income", "家庭人均纯收入（元）", MONITORING, 12),
			C("stage", "监测状态", EXIT, 10),
			C("eliminated_on", "风险消除时间", EXIT, 12),
			C("elimination_method", "消除方式", EXIT, 12),
			C("assistance_contacts", "帮扶责任人（联系电话）", "", 24),
		),
	),
	DefaultLayout(
		"Risk Elimination List",
		"防止返贫监测对象风险消除名单",
		(
			C("town_name", "镇街区", PLACE, 12),
			C("village_name", "村（社区）", PLACE, 14),
			C("head_name", "户主姓名", HEAD, 10),
			C("head_id_number", "身份证号码", HEAD, 21),
			C("member_count", "家庭人口", HEAD, 8),
			C("category", "监测对象类别", MONITORING, 14),
			C("identified_on", "纳入监测时间", MONITORING, 12),
			C("method", "消除方式", EXIT, 12),
			C("eliminated_on", "风险消除时间", EXIT, 12),
			C("per_capita_income", "家庭人均纯收入（元）", EXIT, 12),
		),
	),
	DefaultLayout(
		"Public Notice List",
		"防止返贫监测对象公示名单",
		(
			C("village_name", "村（社区）", "", 14),
			C("head_name", "户主姓名", "", 10),
			C("member_count", "家庭人口", "", 8),
			C("subject", "公示事项", "", 12),
			C("category", "监测对象类别", "", 14),
			C("notice_start", "开始日期", "公示期", 12),
			C("notice_end", "结束日期", "公示期", 12),
		),
	),
	DefaultLayout(
		"Assistance Measure Ledger",
		"防止返贫监测对象帮扶措施台账",
		(
			C("town_name", "镇街区", PLACE, 12),
			C("village_name", "村（社区）", PLACE, 14),
			C("head_name", "户主姓名", HEAD, 10),
			C("head_id_number", "身份证号码", HEAD, 21),
			C("measure_type", "措施类型", "帮扶措施", 12),
			C("risk_type", "针对风险", "帮扶措施", 14),
			C("status", "落实情况", "帮扶措施", 10),
			C("start_date", "开始日期", "帮扶措施", 12),
			C("end_date", "结束日期", "帮扶措施", 12),
			C("amount", "金额（元）", "帮扶措施", 12),
			C("responsible_unit", "责任单位", "责任落实", 14),
			C("responsible_person", "责任人", "责任落实", 10),
			C("funding_source", "资金来源", "责任落实", 12),
		),
	),
	DefaultLayout(
		"Department Warning Ledger",
		"部门筛查预警信息处置台账",
		(
			C("department", "预警部门", "预警信息", 12),
			C("warning_type", "预警类型", "预警信息", 14),
			C("report_month", "预警月份", "预警信息", 10),
			C("person_name", "姓名", "预警信息", 10),
			C("id_number", "身份证号码", "预警信息", 21),
			C("town_name", "镇街区", "比对结果", 12),
			C("village_name", "村（社区）", "比对结果", 14),
			C("status", "处置结果", "处置情况", 14),
			C("monitoring_case", "监测对象编号", "处置情况", 16),
			C("reason", "说明", "处置情况", 20),
			C("handled_on", "处置日期", "处置情况", 12),
		),
	),
	DefaultLayout(
		"Deadline Watch",
		"防止返贫监测逾期未核实、未公示情况表",
		(
			C("town_name", "镇街区", PLACE, 12),
			C("village_name", "村（社区）", PLACE, 14),
			C("head_name", "户主姓名", "", 10),
			C("case", "监测编号", "", 16),
			C("problem", "逾期事项", "逾期情况", 16),
			C("due_date", "应完成日期", "逾期情况", 12),
			C("days_overdue", "逾期天数", "逾期情况", 8),
		),
	),
	DefaultLayout(
		"Monitoring Work Statistics",
		"防止返贫监测工作统计表",
		(
			C("town_name", "镇街区", "", 14),
			C("unstable", "脱贫不稳定户", "监测对象（户）", 10),
			C("marginal", "边缘易致贫户", "监测对象（户）", 10),
			C("severe", "突发严重困难户", "监测对象（户）", 10),
			C("monitored", "合计", "监测对象（户）", 8),
			C("new_cases", "新识别", "本期变化（户）", 8),
			C("eliminated", "风险消除", "本期变化（户）", 8),
			C("warnings_received", "接收", "部门预警（条）", 8),
			C("warnings_handled", "已处置", "部门预警（条）", 8),
			C("overdue", "逾期未办结（户）", "", 10),
		),
	),
	DefaultLayout(
		"National Entry List",
		"防返贫监测信息系统录入清单",
		(
			C("entry", "录入事项", "", 12),
			C("household_code", "户编号", HEAD, 20),
			C("town_name", "乡（镇）", HEAD, 12),
			C("village_name", "行政村", HEAD, 14),
			C("head_name", "户主姓名", HEAD, 10),
			C("head_id_number", "户主证件号码", HEAD, 21),
			C("member_name", "成员姓名", "家庭成员", 10),
			C("member_id_number", "成员证件号码", "家庭成员", 21),
			C("member_change", "成员变更情况", "家庭成员", 14),
			C("category", "监测对象类别", MONITORING, 14),
			C("identified_on", "识别监测时间", MONITORING, 12),
			C("risk_types", "风险类型", MONITORING, 20),
			C("eliminated_on", "风险消除时间", EXIT, 12),
			C("elimination_method", "消除方式", EXIT, 12),
			C("changed_on", "变更日期", "", 12),
		),
	),
	# One layout per kind, in the order the national system imports them (its 监测对象 columns are 类别,
	# 识别监测时间, 风险类型, then 消除时间, 消除方式)
	DefaultLayout(
		"National Entry List",
		"防返贫监测信息系统录入清单（新识别监测对象）",
		(
			C("household_code", "户编号", HEAD, 20),
			C("town_name", "乡（镇）", HEAD, 12),
			C("village_name", "行政村", HEAD, 14),
			C("head_name", "户主姓名", HEAD, 10),
			C("head_id_number", "证件号码", HEAD, 21),
			C("category", "监测对象类别", MONITORING, 14),
			C("identified_on", "识别监测时间", MONITORING, 12),
			C("risk_types", "风险类型", MONITORING, 20),
		),
		"New monitoring object",
	),
	DefaultLayout(
		"National Entry List",
		"防返贫监测信息系统录入清单（风险消除）",
		(
			C("household_code", "户编号", HEAD, 20),
			C("town_name", "乡（镇）", HEAD, 12),
			C("village_name", "行政村", HEAD, 14),
			C("head_name", "户主姓名", HEAD, 10),
			C("head_id_number", "证件号码", HEAD, 21),
			C("category", "监测对象类别", MONITORING, 14),
			C("identified_on", "识别监测时间", MONITORING, 12),
			C("eliminated_on", "风险消除时间", EXIT, 12),
			C("elimination_method", "消除方式", EXIT, 12),
		),
		"Risk eliminated",
	),
	DefaultLayout(
		"National Entry List",
		"防返贫监测信息系统录入清单（成员变更）",
		(
			C("household_code", "户编号", HEAD, 20),
			C("town_name", "乡（镇）", HEAD, 12),
			C("village_name", "行政村", HEAD, 14),
			C("head_name", "户主姓名", HEAD, 10),
			C("member_name", "成员姓名", "成员变更", 10),
			C("member_id_number", "证件号码", "成员变更", 21),
			C("member_change", "变更类型", "成员变更", 14),
			C("changed_on", "变更时间", "成员变更", 12),
		),
		"Member change",
	),
	DefaultLayout(
		"Screening Progress",
		"防止返贫全面排查进度汇总表",
		(
			C("town_name", "镇街区", PLACE, 12),
			C("village_name", "村（社区）", PLACE, 14),
			C("total", "应排查户数", "排查情况（户）", 10),
			C("screened", "已排查", "排查情况（户）", 8),
			C("unreachable", "无法联系", "排查情况（户）", 8),
			C("pending", "未排查", "排查情况（户）", 8),
			C("risk_found", "发现风险", "排查结果（户）", 8),
			C("newly_included", "新纳入监测", "排查结果（户）", 10),
			C("already_monitored", "已在监测", "排查结果（户）", 8),
			C("percent", "完成率（%）", "", 10),
		),
	),
	DefaultLayout(
		"Unscreened Households",
		"全面排查未排查农户清单",
		(
			C("town_name", "镇街区", PLACE, 12),
			C("village_name", "村（社区）", PLACE, 14),
			C("head_name", "户主姓名", HEAD, 10),
			C("head_id_number", "户主身份证号码", HEAD, 21),
			C("household_code", "户编号", HEAD, 20),
			C("phone", "联系电话", HEAD, 13),
			C("address", "住址", HEAD, 20),
		),
	),
)

BY_NAME = {layout.name: layout for layout in LAYOUTS}
# Lists posted for the public: never ID numbers, phones, bank accounts or health conditions.
PUBLIC_REPORTS = frozenset({"Public Notice List"})
