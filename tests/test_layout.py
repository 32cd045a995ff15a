"""The layout of the tests: each test module stands on its own. What several of them share is a
fixture (a conftest) or a helper module, never another test module or a conftest imported."""

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).parent


def imported_test_modules(source, package):
    """The modules of the tests package (test_*.py and conftest.py) that the source imports,
    relative imports resolved against its package."""
    imported = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            imported.append(base)
            imported.extend(f"{base}.{alias.name}" for alias in node.names)
    return [
        name
        for name in imported
        if name.split(".")[0] == TESTS.name
        and (name.rsplit(".", 1)[-1].startswith("test_") or name.endswith(".conftest"))
    ]


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("from tests.regionportal.test_pdf import pdf_text", ["tests.regionportal.test_pdf"]),
        ("import tests.browser.conftest", ["tests.browser.conftest"]),
        ("from tests.regionportal import test_site", ["tests.regionportal.test_site"]),
        ("from .test_admin import ROW_FACTORIES", ["tests.regionportal.test_admin"]),
        ("from .. import conftest", ["tests.conftest"]),
        ("from tests.pdfs import pdf_text\nfrom django.test import Client", []),
    ],
)
def test_the_check_finds_every_way_of_importing_a_test_module(source, found):
    assert imported_test_modules(source, "tests.regionportal") == found


def test_no_test_module_imports_another_test_module_or_a_conftest():
    offences = {}
    for path in sorted(TESTS.rglob("test_*.py")):
        package = ".".join(path.relative_to(TESTS.parent).parent.parts)
        imported = imported_test_modules(path.read_text(encoding="utf-8"), package)
        if imported:
            offences[str(path.relative_to(TESTS.parent))] = imported
    assert offences == {}, "share these through a fixture or a helper module instead"
