"""China's divisions from the shipped dataset: any county's towns and villages, with their codes."""

import pytest

from fanpin.policy import divisions


def test_longkou_has_its_towns_and_villages_with_12_digit_codes():
	county = divisions.county("370681")
	assert county.division.name == "龙口市"
	assert county.division.area_code == "370681000000"
	towns = {town.name: town for town, _villages in county.towns}
	assert "东莱街道" in towns and "北马镇" in towns
	assert towns["东莱街道"].area_code == "370681001000"
	villages = dict(county.towns)[towns["东莱街道"]]
	assert villages and all(len(v.code) == 12 and v.code.startswith("370681001") for v in villages)
	assert not any(v.name.endswith("委员会") for v in villages)


def test_the_picker_goes_province_city_county():
	provinces = {d.name: d.code for d in divisions.children("")}
	assert provinces["山东省"] == "37"
	cities = {d.name: d.code for d in divisions.children("37")}
	assert cities["烟台市"] == "3706"
	counties = {d.name: d.code for d in divisions.children("3706")}
	assert counties["龙口市"] == "370681" and "莱阳市" in counties


@pytest.mark.parametrize(
	"name, short",
	[
		("东关社区居民委员会", "东关社区"),
		("银闸社区居委会", "银闸社区"),
		("前诸留村民委员会", "前诸留村"),
		("西河村村民委员会", "西河村"),
		("新华居民委员会", "新华社区"),
		("黄山馆村", "黄山馆村"),
	],
)
def test_a_committee_is_named_as_the_county_names_the_village(name, short):
	assert divisions.village_name(name) == short


@pytest.mark.parametrize("code", ["3706", "370699", "abc", ""])
def test_what_is_no_county_says_so(code):
	with pytest.raises(ValueError):
		divisions.county(code)
