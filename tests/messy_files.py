"""Department spreadsheets as offices produce them, built in memory for the tests."""

import datetime
import io

from fanpin.policy.idcard import make_id_number

GOOD = [make_id_number("370681", datetime.date(1960 + i, 3, 1 + i), 11 + 2 * i) for i in range(4)]


def messy_xlsx(ids=GOOD) -> bytes:
	from openpyxl import Workbook

	wb = Workbook()
	ws = wb.active
	ws.append(["龙口市民政局2021年6月新增低保对象名单"])
	ws.merge_cells("A1:F1")
	ws.append(["填报单位：龙口市民政局", None, None, "填报日期：2021年7月2日"])
	ws.append(["序号", "救助对象", None, "所在镇街", "保障金额（元）", "备注"])
	ws.append([None, "姓名", "身份证号码", None, None, None])
	ws.merge_cells("B3:C3")
	ws.merge_cells("A3:A4")
	ws.append([1, "张 三", f" {ids[0]} ", "东莱街道", 560, "因病"])
	ws.append([2, "李四", ids[1].lower(), "北马镇", "1,200元", ""])
	ws.append([3, "王五", 3.70681196005171e17, "芦头镇", 300, ""])  # Excel turned it into a number
	ws.append([4, "赵六", "3.70681E+17", "芦头镇", 300, ""])  # the CSV export of that number
	ws.append(
		[5, "孙七", ids[2][:-1] + ("0" if ids[2][-1] != "0" else "1"), "七甲镇", 100, ""]
	)  # bad check digit
	ws.append([6, "周八", ids[3], "石良镇", "一百", ""])  # amount is not a number
	ws.append([None, None, None, None, None, None])
	ws.append(["合计", None, None, None, 2160, None])
	ws.append(["填表人：王某", None, "审核人：李某", None, "联系电话：0535-1234567"])
	buffer = io.BytesIO()
	wb.save(buffer)
	return buffer.getvalue()


def messy_xls(ids=GOOD) -> bytes:
	import xlwt

	book = xlwt.Workbook(encoding="utf-8")
	sheet = book.add_sheet("Sheet1")
	sheet.write_merge(0, 0, 0, 3, "龙口市医疗保障局大额医疗支出预警名单")
	header = ["序号", "患者姓名", "公民身份号码", "个人自付金额"]
	for col, text in enumerate(header):
		sheet.write(1, col, text)
	rows = [(1, "钱一", ids[0], 52000.5), (2, "钱二", int(ids[1][:-1]) * 10, 30000)]  # a number column
	for r, row in enumerate(rows, start=2):
		for c, value in enumerate(row):
			sheet.write(r, c, value)
	sheet.write(4, 0, "合计")
	buffer = io.BytesIO()
	book.save(buffer)
	return buffer.getvalue()


def messy_csv(ids=GOOD, encoding="gbk", bom=False) -> bytes:
	lines = [
		"龙口市残联重度残疾人名单,,,",
		"填报单位：龙口市残疾人联合会,,,",
		"姓名,身份证号,家庭住址,残疾类别",
		f"刘一,{ids[0]},东莱街道某村,肢体一级",
		f"刘二, {ids[1]} ,龙港街道某村,视力二级",
		",,,",
		"合计,2人,,",
	]
	text = "\r\n".join(lines) + "\r\n"
	data = text.encode(encoding)
	return (b"\xef\xbb\xbf" + data) if bom else data


def merged_header_xlsx(ids=GOOD, rows_deep=2) -> bytes:
	"""A 填报单位 line above a merged header two or three rows deep, the money column headed with
	its unit (月保障金额（元）), and one data row without its ID number."""
	from openpyxl import Workbook

	wb = Workbook()
	ws = wb.active
	ws.append(["填报单位：龙口市民政局（盖章）", None, None, None, None, "2021年6月"])
	if rows_deep == 3:
		ws.append(["2021年6月城乡低保对象花名册", None, None, None, None, None])
		ws.append(["序号", "基本信息", None, "保障情况", None, "备注"])
		ws.append([None, "姓名", "身份证号码", "救助信息", None, None])
		ws.append([None, None, None, "救助类别", "月保障金额（元）", None])
		ws.merge_cells("D4:E4")
	else:
		ws.append(["序号", "姓名", "身份证号码", "救助信息", None, "备注"])
		ws.append([None, None, None, "救助类别", "月保障金额（元）", None])
		ws.merge_cells("D2:E2")
	ws.append([1, "张三", ids[0], "农村低保", 560, ""])
	ws.append([2, "李四", None, "农村低保", 480, "证件待补"])
	ws.append([3, "王五", ids[1], "农村特困", "1,200", ""])
	buffer = io.BytesIO()
	wb.save(buffer)
	return buffer.getvalue()


def unmapped_money_csv(ids=GOOD) -> bytes:
	"""A money column with a heading no synonym knows, and a column no field takes."""
	lines = ["姓名,身份证号码,发放标准（元/月）,联系电话", f"吴一,{ids[0]},300,13800000000"]
	return "\n".join(lines).encode("utf-8")


def national_export_xlsx(ids=GOOD) -> bytes:
	"""A town's export of the national system: title and 填报单位 lines, a two-row header with the
	monitoring object's columns under a merged group heading, one row per member with the household's
	columns repeated, an ID number Excel turned into a number, and a column fanpin does not take."""
	import datetime as dt

	from openpyxl import Workbook

	wb = Workbook()
	ws = wb.active
	ws.append(["全国防返贫监测信息系统 监测对象信息表"])
	ws.append(["填报单位：东莱街道办事处", None, None, None, None, None, None, "导出时间：2026-11-30"])
	ws.append(
		[
			"户编号",
			"乡镇",
			"行政村",
			"姓名",
			"证件号码",
			"与户主关系",
			"性别",
			"劳动技能",
			"家庭年纯收入（元）",
			"人均纯收入（元）",
			"监测信息",
			None,
			None,
			None,
			None,
			"帮扶责任人",
		]
	)
	ws.append(
		[
			None,
			None,
			None,
			None,
			None,
			None,
			None,
			None,
			None,
			None,
			"监测对象类别",
			"识别监测时间",
			"风险类型",
			"风险是否消除",
			"消除时间",
			None,
		]
	)
	ws.merge_cells("K3:O3")
	rows = [
		[
			"370681001001000001",
			"东莱街道",
			"东关村",
			"张三",
			ids[0],
			"户主",
			"男",
			"普通劳动力",
			"12000",
			4000,
			"边缘易致贫户",
			dt.datetime(2026, 3, 15),
			"因病、因学",
			"否",
			None,
			"王干部",
		],
		[
			"370681001001000001",
			"东莱街道",
			"东关村",
			"李秀英",
			ids[1],
			"配偶",
			"女",
			"弱劳动力",
			"12000",
			4000,
			"边缘易致贫户",
			dt.datetime(2026, 3, 15),
			"因病、因学",
			"否",
			None,
			"王干部",
		],
		[
			"370681001001000002",
			"东莱街道",
			"东关村",
			"王五",
			ids[2],
			"户主",
			"男",
			"普通劳动力",
			8000,
			8000,
			"突发严重困难户",
			"2025年6月1日",
			"01",
			"是",
			"2026/10/8",
			"",
		],
		[
			"370681001001000002",
			"东莱街道",
			"东关村",
			"王小五",
			3.70681196005171e17,
			"之子",
			"男",
			"",
			8000,
			8000,
			"突发严重困难户",
			"2025年6月1日",
			"01",
			"是",
			"2026/10/8",
			"",
		],
		[
			"",
			"东莱街道",
			"东关村",
			"赵六",
			ids[3],
			"户主",
			"男",
			"普通劳动力",
			None,
			None,
			None,
			None,
			None,
			None,
			None,
			"",
		],
		[
			"370681001001000003",
			"东莱街道",
			"东关村",
			"孙七",
			ids[3],
			"表弟",
			"男",
			"普通劳动力",
			None,
			None,
			None,
			None,
			None,
			None,
			None,
			"",
		],
	]
	for row in rows:
		ws.append(row)
	buffer = io.BytesIO()
	wb.save(buffer)
	return buffer.getvalue()
