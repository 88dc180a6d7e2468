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
