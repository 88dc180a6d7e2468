import datetime

import pytest

from fanpin.exports.defaults import LAYOUTS, PUBLIC_REPORTS
from fanpin.exports.privacy import is_sensitive
from fanpin.exports.sheet import Column, header_spans
from fanpin.policy import procedure


@pytest.mark.parametrize(
	("fieldname", "label"),
	[
		("head_id_number", "身份证号码"),
		("phone", "联系电话"),
		("custom_bank_card", "银行卡号"),
		("custom_x", "一卡通账号"),
		("health", "健康状况"),
		("disability_grade", "残疾等级"),
		("custom_notes", "患病情况"),
		("custom_mobile", "Mobile"),
	],
)
def test_sensitive_fields_are_caught_by_name_or_label(fieldname, label):
	assert is_sensitive(fieldname, label)


@pytest.mark.parametrize(
	("fieldname", "label"),
	[
		("head_name", "户主姓名"),
		("member_count", "家庭人口"),
		("notice_start", "开始日期"),
		("category", "监测对象类别"),
	],
)
def test_ordinary_fields_pass(fieldname, label):
	assert not is_sensitive(fieldname, label)


def test_public_layouts_carry_nothing_sensitive():
	public = [layout for layout in LAYOUTS if layout.report in PUBLIC_REPORTS]
	assert [layout.report for layout in public] == ["Public Notice List"]
	for layout in public:
		assert not [c for c in layout.columns if is_sensitive(c.field, c.label)]


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.report)
def test_default_layouts_are_well_formed(layout):
	fields = [c.field for c in layout.columns]
	assert len(fields) == len(set(fields))
	# each header group is one run of neighbouring columns, so it merges into one upper cell
	groups = [
		group
		for group, _first, _last in header_spans([Column(c.field, c.label, c.group) for c in layout.columns])
	]
	assert len(groups) == len(set(groups))
	assert all(3 <= c.width <= 100 for c in layout.columns)


TODAY = datetime.date(2026, 11, 30)


@pytest.mark.parametrize(
	("stage", "due", "verified", "start", "end", "expected"),
	[
		(
			"Home verification",
			datetime.date(2026, 11, 27),
			None,
			None,
			None,
			("Verification overdue", datetime.date(2026, 11, 27)),
		),
		("Home verification", datetime.date(2026, 11, 30), None, None, None, None),  # due today: not late yet
		("Home verification", datetime.date(2026, 11, 27), datetime.date(2026, 11, 26), None, None, None),
		("Village public notice", None, None, None, None, ("Public notice not started", None)),
		(
			"Village public notice",
			None,
			None,
			datetime.date(2026, 11, 20),
			datetime.date(2026, 11, 24),
			("Notice ended, entry pending", datetime.date(2026, 11, 24)),
		),
		("Village public notice", None, None, datetime.date(2026, 11, 26), datetime.date(2026, 11, 30), None),
		("Under monitoring", datetime.date(2026, 1, 1), None, None, None, None),
	],
)
def test_missed_deadline(stage, due, verified, start, end, expected):
	assert procedure.missed_deadline(stage, due, verified, start, end, TODAY) == expected


def test_public_notice_print_template_shows_nothing_sensitive():
	import re
	from pathlib import Path

	template = (
		Path(__file__).parent.parent / "fanpin/fanpin/report/public_notice_list/public_notice_list.html"
	)
	fields = set(re.findall(r"row\.(\w+)", template.read_text(encoding="utf-8")))
	assert fields == {
		"village_name",
		"head_name",
		"member_count",
		"category",
		"risk_types",
		"notice_start",
		"notice_end",
	}
	assert not [field for field in fields if is_sensitive(field)]
