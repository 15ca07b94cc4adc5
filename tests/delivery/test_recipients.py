"""Who gets what, from the data and the manifest."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mailroom import delivery_repo
from scorecard.data.load import load
from scorecard.data.model import Dataset
from scorecard.delivery.recipients import parcels
from scorecard.output.manifest import Manifest, ManifestEntry


def entry(path: str, audience: str, provider: str | None, period: str | None,
          fmt: str = "pdf") -> ManifestEntry:
    return ManifestEntry(path, audience, provider, period, fmt, "0" * 64)  # type: ignore[arg-type]


MANIFEST = Manifest(date(2026, 9, 15), "c" * 40, False, (
    entry("alpha/2026-Q2/provider.pdf", "provider", "alpha", "2026-Q2"),
    entry("alpha/2026-Q2/provider.html", "provider", "alpha", "2026-Q2", "html"),
    entry("alpha/2026-Q2/team.pdf", "team", "alpha", "2026-Q2"),
    entry("alpha/renewal.pdf", "team", "alpha", None),  # another kind of internal document
    entry("beta/2026-Q2/provider.html", "provider", "beta", "2026-Q2", "html"),
    entry("portfolio.pdf", "portfolio", None, None),
))


@pytest.fixture
def dataset(tmp_path: Path) -> Dataset:
    repo = delivery_repo(tmp_path / "repo")
    repo.edit("evaluations/records/alpha/2026-Q2.yaml", "lead: Priya Shah\n",
              "lead: Priya Shah\nevaluators: [Tom Berg, Priya Shah, Sanne de Vries]\n")
    found, problems = load(repo.data)
    assert found is not None, problems
    return found


def test_each_document_goes_to_its_people(dataset: Dataset) -> None:
    got = [(p.audience, p.to.formatted(), p.document.path) for p in parcels(dataset, MANIFEST)]
    assert got == [
        ("provider", "Dana Cole <dana@alpha.example>", "alpha/2026-Q2/provider.pdf"),
        ("provider", "reviews@alpha.example", "alpha/2026-Q2/provider.pdf"),
        # the lead and evaluators with an address (Sanne has none), each once,
        # shown with the names used in the data
        ("team", "Priya Shah <priya.shah@northwind.example>", "alpha/2026-Q2/team.pdf"),
        ("team", "Tom Berg <tom.berg@northwind.example>", "alpha/2026-Q2/team.pdf"),
        # no PDF built: the HTML goes
        ("provider", "ben@beta.example", "beta/2026-Q2/provider.html"),
        ("portfolio", "Board <board@northwind.example>", "portfolio.pdf"),
    ]
