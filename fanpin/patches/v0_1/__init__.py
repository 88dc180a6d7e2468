"""Patches of v0.1. Each carries its data as of v0.1 (under ``data/``), so that later changes to the
install code or the shipped defaults never change what an old patch does."""

import json
import os


def frozen(name: str):
	with open(os.path.join(os.path.dirname(__file__), "data", name), encoding="utf-8") as f:
		return json.load(f)
