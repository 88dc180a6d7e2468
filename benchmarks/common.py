"""What the site benchmarks share: connecting to the site and measuring peak memory."""

import resource
from pathlib import Path


def peak_rss_mb() -> float:
	"""This process's own peak RSS. VmHWM starts afresh at exec; ru_maxrss keeps the parent's from fork,
	so a measuring child started by a large parent would report the parent's size."""
	try:
		for line in Path("/proc/self/status").read_text().splitlines():
			if line.startswith("VmHWM:"):
				return int(line.split()[1]) / 1024
	except OSError:
		pass
	return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def connect(site: str):
	import frappe

	frappe.init(site=site)
	frappe.connect()
	frappe.set_user("Administrator")
	return frappe
