"""Data installed once with the app (SPEC §1, §4, §5, §7, §9). Admins extend it in the desk."""

ROLES = (
	"Fanpin Village Clerk",
	"Fanpin Town Officer",
	"Fanpin Town Reviewer",
	"Fanpin City Office",
	"Fanpin Department Liaison",
	"Fanpin Assistance Contact",
)

# The module profile staff users get: the sidebar shows them fanpin's workspace, not Frappe's
# 用户 / 网站 / 工具 / 集成 / Build (which block nothing they may read; it is the sidebar only).
STAFF_MODULE_PROFILE = "防贫工作人员"
STAFF_MODULES = ("Fanpin",)

CITY = ("龙口市", "370681000000")
TOWNS = (
	("东莱街道", "370681001000"),
	("龙港街道", "370681002000"),
	("新嘉街道", "370681003000"),
	("徐福街道", "370681004000"),
	("东江街道", "370681005000"),
	("黄山馆镇", "370681101000"),
	("北马镇", "370681102000"),
	("芦头镇", "370681103000"),
	("下丁家镇", "370681104000"),
	("七甲镇", "370681105000"),
	("石良镇", "370681106000"),
	("兰高镇", "370681107000"),
	("诸由观镇", "370681108000"),
	("山东龙口高新技术产业园区", "370681400000"),
)

# (name, code, group) — codes as used by the national monitoring system.
RISK_TYPES = (
	("因病", "01", "Rigid expenditure"),
	("因残", "03", "Rigid expenditure"),
	("因学", "09", "Rigid expenditure"),
	("因自然灾害（洪涝灾害）", "0201", "Income loss"),
	("因自然灾害（地质灾害）", "0202", "Income loss"),
	("因自然灾害（旱灾）", "0203", "Income loss"),
	("因自然灾害（生物灾害）", "0204", "Income loss"),
	("因自然灾害（气象灾害）", "0205", "Income loss"),
	("因自然灾害（地震灾害）", "0206", "Income loss"),
	("因自然灾害（其他）", "0299", "Income loss"),
	("因缺劳动力", "04", "Income loss"),
	("因意外事故", "05", "Income loss"),
	("因产业项目失败", "06", "Income loss"),
	("因务工就业不稳", "07", "Income loss"),
	("住房安全", "", "Basic needs and water"),
	("饮水安全", "", "Basic needs and water"),
	("其他", "99", "Other risk"),
)

NATURAL_DISASTERS = tuple(name for name, _code, _group in RISK_TYPES if name.startswith("因自然灾害"))

# (name, developmental, basic security, asset income, risk types it answers) — 缺什么补什么.
MEASURE_TYPES = (
	("产业帮扶", 1, 0, 0, ("因产业项目失败", *NATURAL_DISASTERS)),
	("就业帮扶", 1, 0, 0, ("因务工就业不稳", "因意外事故")),
	("金融帮扶", 1, 0, 0, ("因产业项目失败",)),
	("公益岗位", 1, 0, 0, ("因缺劳动力",)),
	("健康帮扶", 0, 0, 0, ("因病", "因残")),
	("义务教育保障", 0, 0, 0, ("因学",)),
	("其他教育帮扶", 0, 0, 0, ("因学",)),
	("住房安全保障", 0, 0, 0, ("住房安全",)),
	("饮水安全保障", 0, 0, 0, ("饮水安全",)),
	("综合保障", 0, 1, 0, ("因缺劳动力", "因残", "因病")),
	("社会帮扶", 0, 0, 0, ("因意外事故", "其他", *NATURAL_DISASTERS)),
	("搬迁", 0, 0, 0, ()),
	("扶志扶智", 0, 0, 0, ()),
	("资产收益分配", 0, 0, 1, ()),
)

DEPARTMENTS = (
	("民政局", "民政"),
	("住房和城乡建设局", "住建"),
	("卫生健康局", "卫健"),
	("医疗保障局", "医保"),
	("公安局", "公安"),
	("残疾人联合会", "残联"),
	("教育和体育局", "教体"),
	("市场监督管理局", "市场监管"),
	("人力资源和社会保障局", "人社"),
	("应急管理局", "应急"),
	("农业农村局", "农业农村"),
)

WARNING_TYPES = (
	("新增低保", "民政局"),
	("特困供养", "民政局"),
	("临时救助", "民政局"),
	("住危房", "住房和城乡建设局"),
	("大额医疗支出", "医疗保障局"),
	("刑事处罚", "公安局"),
	("重度残疾人", "残疾人联合会"),
	("困难学生", "教育和体育局"),
)

# (name, code, relocation exemption applies) — policy §二.(二); the fifth case ("other cases the
# county office defines") is for the admin to add.
EXCLUSION_REASONS = (
	("拥有并经常使用高档乘用车辆", "1", 0),
	("在城镇购买商品房", "2", 1),
	("注册公司企业并雇佣他人从事经营性活动且收益较高", "3", 0),
	("法定赡养抚养扶养人有能力但不履行或履行义务不到位", "4", 0),
)
