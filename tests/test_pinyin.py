import pytest

from fanpin.policy.pinyin import matching_name, name_matches, name_pinyin, search_keywords


@pytest.mark.parametrize(
	"name, full, initials",
	[
		("张三", "zhangsan", "zs"),
		("单雄信", "shanxiongxin", "sxx"),
		("曾国藩", "zengguofan", "zgf"),
		("解缙", "xiejin", "xj"),
		("仇英", "qiuying", "qy"),
		("朴正洙", "piaozhengzhu", "pzz"),
		("区庄", "ouzhuang", "oz"),
		("查良镛", "zhaliangyong", "zly"),
		("盖聪", "gecong", "gc"),
		("欧阳修", "ouyangxiu", "oyx"),
		("单于夜", "chanyuye", "cyy"),
		("尉迟恭", "yuchigong", "ycg"),
		("吕布", "lvbu", "lb"),
		("王 重阳", "wangchongyang", "wcy"),
	],
)
def test_surnames_read_as_surnames(name, full, initials):
	reading = name_pinyin(name)
	assert (reading.full, reading.initials) == (full, initials)


def test_empty_name():
	assert name_pinyin("").full == ""


def test_search_keywords_hold_name_pinyin_and_initials_once():
	assert search_keywords(["张三", "李四", "张三", ""]) == "张三 zhangsan zs 李四 lisi ls"


@pytest.mark.parametrize(
	"name, typed, found",
	[
		("张三", "zs", True),
		("张三", "zhang", True),
		("张三", "zhangs", True),
		("张三", "ZS", True),
		("王张松", "zs", False),  # inside the initials: not what was meant
		("李长张", "zhang", False),
		("张三", "三", True),  # Chinese is found anywhere in the name
		("单雄信", "sxx", True),
		("单雄信", "dxx", False),
		("", "zs", False),
		("张三", "", False),
	],
)
def test_name_matches_from_the_start_of_a_reading(name, typed, found):
	assert name_matches(name, typed) is found


def test_matching_name_says_which_member():
	assert matching_name(["王五", "张小三", "张三"], "zxs") == "张小三"
	assert matching_name(["王五", "张三"], "ww") == "王五"
	assert matching_name(["王五"], "zs") is None
