"""Rows read in a second process while the first writes (issue: the national export at county scale)."""

import os

import pytest

from fanpin.imports.ahead import read_ahead
from fanpin.policy.messages import PolicyError, _


def numbers(count):
	yield from range(count)


def test_every_item_arrives_in_order_from_a_process_of_its_own():
	pids = []

	def produce():
		pids.append(os.getpid())  # seen only where produce runs
		yield os.getpid()
		yield from numbers(5_001)

	items = list(read_ahead(produce, batch=1000))
	assert items[0] != os.getpid()
	assert pids == []  # it ran in the other process
	assert items[1:] == list(range(5_001))


def test_a_refusal_there_is_raised_here_as_the_same_chinese_template():
	def produce():
		yield 1
		raise PolicyError(_("The file has more than {0} rows; split it into smaller files"), 1_500_000)

	results = read_ahead(produce, batch=1)
	assert next(results) == 1
	with pytest.raises(PolicyError) as raised:
		next(results)
	assert raised.value.message == "The file has more than {0} rows; split it into smaller files"
	assert raised.value.args_for_message == (1_500_000,)


def test_any_other_failure_there_is_raised_here_naming_it():
	def produce():
		yield 1
		raise KeyError("sheet")

	with pytest.raises(RuntimeError, match="KeyError"):
		list(read_ahead(produce))


def test_stopping_early_ends_the_reading_process():
	def produce():
		yield from numbers(10**9)

	results = read_ahead(produce, batch=10)
	assert [next(results) for _ in range(3)] == [0, 1, 2]
	results.close()  # returns at once: the reading process is ended, not read to its end
