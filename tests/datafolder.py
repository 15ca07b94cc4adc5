"""A copy of a fixture data folder in tmp_path that tests can break one thing in."""

from __future__ import annotations

import shutil
from pathlib import Path

from scorecard.data.load import load
from scorecard.data.model import Dataset
from scorecard.data.problems import Problem

FIXTURES = Path(__file__).resolve().parent / "fixtures"


class DataFolder:
    """``evaluations/`` under a temporary working directory, copied from a fixture."""

    def __init__(self, root: Path, fixture: str = "small") -> None:
        self.root = root
        self.dir = root / "evaluations"
        shutil.copytree(FIXTURES / fixture, self.dir)

    def path(self, rel: str) -> Path:
        return self.dir / rel

    def edit(self, rel: str, old: str, new: str) -> None:
        """Replace ``old`` (which must occur exactly once) with ``new``."""
        path = self.path(rel)
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {rel}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def write(self, rel: str, content: str | bytes) -> None:
        path = self.path(rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    def load(self) -> tuple[Dataset | None, list[Problem]]:
        return load("evaluations")

    def problems(self) -> list[tuple[str, str]]:
        """Each problem as (FILE:LINE:COL, "field: message hint")."""
        dataset, problems = self.load()
        if any(p.severity == "error" for p in problems):
            assert dataset is None
        return [(str(p.location), p.text()) for p in problems]


ABOUT_US = ("about_us:\n  - {id: clear-requests, name: We make clear requests}\n"
            "  - {id: pay-on-time, name: We pay on time}\n")


def asking_about_us(root: Path) -> DataFolder:
    """The data folder whose programme asks two questions about us (``about_us``)."""
    folder = DataFolder(root)
    folder.edit("scorecard.yaml", "categories:\n", ABOUT_US + "categories:\n")
    return folder
