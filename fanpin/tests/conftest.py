def pytest_terminal_summary(terminalreporter):
	from fanpin.tests.probe_matrix import PROBES

	if PROBES["count"]:
		terminalreporter.write_line(f"scope probe matrix: {PROBES['count']} probes over HTTP")
