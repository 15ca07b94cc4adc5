"""Rules that keep the code laid out as the pipeline runs.

- each stage package imports only the stages before it (``ALLOWED``);
- the data and figures stages load neither Click, Jinja2 nor WeasyPrint;
- no module is over ``MAX_MODULE_LINES`` and no function over
  ``MAX_FUNCTION_LINES``, but for the named exceptions in ``LONG_ALLOWED``.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "scorecard"

# What each stage may import, besides itself. Everything downstream of a stage
# is missing from its set: data never imports documents, documents never the CLI.
ALLOWED: dict[str, set[str]] = {
    "data": set(),
    "figures": {"data"},
    "words": {"data", "figures"},
    "documents": {"data", "figures", "words"},
    "output": {"data", "figures", "words"},
    "authoring": {"data", "figures", "words"},
    "delivery": {"data", "figures", "words", "output"},
    "pipeline": {"data", "figures", "words", "documents", "output"},
    "cli": {
        "data", "figures", "words", "documents", "output", "authoring", "delivery", "pipeline",
    },
}

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
# Named exceptions, each with its reason. Keep this list short.
LONG_ALLOWED: dict[str, str] = {}


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py"))


def _stage(path: Path) -> str | None:
    rel = path.relative_to(SRC).parts
    return rel[0] if len(rel) > 1 else None


def _imported_stages(path: Path) -> set[tuple[str, int]]:
    """Every ``scorecard.<stage>`` a module imports, with the line (lazy imports too)."""
    found: set[tuple[str, int]] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            if node.module == "scorecard":
                names = [f"scorecard.{a.name}" for a in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "scorecard" and len(parts) > 1:
                found.add((parts[1], node.lineno))
    return found


def test_every_module_is_in_a_stage_package() -> None:
    top_level = {p.name for p in SRC.glob("*.py")}
    assert top_level == {"__init__.py", "__main__.py"}
    assert set(ALLOWED) >= {p.name for p in SRC.iterdir() if (p / "__init__.py").exists()}


def test_every_stage_package_says_what_it_holds_and_may_import() -> None:
    for stage in ALLOWED:
        init = SRC / stage / "__init__.py"
        if not init.exists():
            continue
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc, f"{stage}/__init__.py has no docstring"
        if stage != "cli":
            assert "May import" in doc, f"{stage}/__init__.py does not say what it may import"


def test_no_stage_imports_one_downstream_of_it() -> None:
    wrong = []
    for path in _modules():
        stage = _stage(path)
        if stage is None:
            continue
        for imported, line in _imported_stages(path):
            if imported != stage and imported not in ALLOWED[stage] and imported != "__version__":
                wrong.append(f"{path.relative_to(SRC)}:{line} imports scorecard.{imported}")
    assert wrong == []


def test_the_rule_itself_catches_a_downstream_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from scorecard.documents import pdf\n", encoding="utf-8")
    assert ("documents", 2) in _imported_stages(bad)


@pytest.mark.parametrize("stage", ["data", "figures"])
def test_core_stages_load_no_cli_template_or_pdf_library(stage: str) -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        f"pkg = importlib.import_module('scorecard.{stage}')\n"
        "for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
        "heavy = ('click', 'jinja2', 'weasyprint', 'markdown')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "print(len([m for m in sys.modules if m.startswith(pkg.__name__ + '.')]))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded, count = run.stdout.splitlines()
    assert loaded == "[]"
    assert int(count) >= 3  # the walk really imported the stage's modules


def _too_long() -> list[str]:
    found = []
    for path in _modules():
        rel = str(path.relative_to(SRC))
        text = path.read_text(encoding="utf-8")
        lines = len(text.splitlines())
        if lines > MAX_MODULE_LINES and rel not in LONG_ALLOWED:
            found.append(f"{rel}: {lines} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                key = f"{rel}::{node.name}"
                if length > MAX_FUNCTION_LINES and key not in LONG_ALLOWED:
                    found.append(f"{key}: {length} lines")
    return found


def test_no_module_or_function_is_over_the_limit() -> None:
    assert _too_long() == []


def test_every_allowed_exception_still_exists() -> None:
    for key in LONG_ALLOWED:
        assert (SRC / key.split("::")[0]).exists(), f"{key} is allowed but gone"
