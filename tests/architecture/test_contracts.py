"""The package's layers hold: import-linter's contracts, and what importing the rules loads.

The contracts themselves live in ``pyproject.toml``; this runs them in
``make test`` so that a wrong arrow fails CI, and checks that each contract
type can fail (a contract that never breaks proves nothing).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import grimp
import pytest

from tests.architecture.private_names import NoPrivateNamesContract

REPO = Path(__file__).resolve().parents[2]
RULES = ["core", "framework", "assessment", "practice", "providers", "quiz", "records"]


def test_every_import_contract_is_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize("package", RULES)
def test_importing_the_rules_loads_no_presentation_library(package):
    code = textwrap.dedent(f"""
        import sys
        import hwc_selfcheck.{package}, pkgutil, importlib
        for m in pkgutil.walk_packages(hwc_selfcheck.{package}.__path__, "hwc_selfcheck.{package}."):
            importlib.import_module(m.name)
        heavy = sorted(n for n in ("matplotlib", "ipywidgets", "sphinx", "typer", "docutils") if n in sys.modules)
        print(",".join(heavy))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def _package(tmp_path: Path, files: dict[str, str]) -> grimp.ImportGraph:
    for name, text in files.items():
        path = tmp_path / "demo" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    sys.path.insert(0, str(tmp_path))
    try:
        return grimp.build_graph("demo", cache_dir=None)
    finally:
        sys.path.remove(str(tmp_path))


def _check(tmp_path: Path, files: dict[str, str]) -> list[str]:
    graph = _package(tmp_path, files)
    contract = NoPrivateNamesContract(name="private", session_options={}, contract_options={"packages": ["demo"]})
    sys.path.insert(0, str(tmp_path))
    try:
        return contract.check(graph, verbose=False).metadata["found"]
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m == "demo" or m.startswith("demo.")]:
            del sys.modules[name]


def test_a_private_name_imported_from_another_module_breaks_the_contract(tmp_path):
    found = _check(tmp_path, {
        "__init__.py": "__version__ = '1'\n",
        "a.py": "def _helper():\n    return 1\n",
        "b.py": "from .a import _helper\nfrom . import __version__\n",
        "c.py": "from demo.a import (\n    _helper as h,\n)\n",
    })
    assert found == ["demo.b (line 1) imports _helper from demo.a", "demo.c (line 1) imports _helper from demo.a"]


def test_public_and_dunder_names_keep_the_contract(tmp_path):
    assert _check(tmp_path, {
        "__init__.py": "__version__ = '1'\n",
        "a.py": "def helper():\n    return 1\n",
        "b.py": "from .a import helper\nfrom demo import __version__\n",
    }) == []
