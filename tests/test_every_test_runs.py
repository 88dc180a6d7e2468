"""Every test written is a test that runs: none hidden inside a function (unreachable, so it can
never fail), and none of a unittest module left outside its TestCase class (the Frappe runner only
collects methods)."""

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "fanpin"
TEST_FILES = sorted(
	p for p in APP.rglob("*.py") if p.name.startswith(("test_", "journeys")) or p.name == "probe_matrix.py"
)


def uncollected(path: Path) -> list[str]:
	tree = ast.parse(path.read_text(encoding="utf-8"))
	unittest_module = any(isinstance(node, ast.ClassDef) and node.bases for node in tree.body)
	found = []

	def visit(node, inside_function: bool) -> None:
		for child in ast.iter_child_nodes(node):
			is_function = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
			if is_function and child.name.startswith("test_"):
				if inside_function:
					found.append(
						f"{path.relative_to(APP.parent)}:{child.lineno} {child.name} is inside a function"
					)
				elif node is tree and unittest_module:
					found.append(
						f"{path.relative_to(APP.parent)}:{child.lineno} {child.name} is outside its class"
					)
			visit(child, inside_function or is_function)

	visit(tree, False)
	return found


def test_there_are_test_files():
	assert len(TEST_FILES) > 20


@pytest.mark.parametrize("path", TEST_FILES, ids=lambda p: str(p.relative_to(APP.parent)))
def test_every_test_is_collected(path):
	assert uncollected(path) == []
