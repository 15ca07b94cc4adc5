"""The demo's documents rendered to HTML files without a build (no git): for the
tests that open them in a real browser."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date
from pathlib import Path

from scorecard.data.load import load
from scorecard.data.provenance import Provenance
from scorecard.documents import plan as documents
from scorecard.documents.plan import Audience, Document
from scorecard.documents.templating import make_environment, render_template
from scorecard.figures.compute import compute

DEMO = Path(__file__).resolve().parents[1] / "evaluations"
PROV = Provenance(commit="c0ffee" + "0" * 34, dirty=False, commit_day=date(2026, 11, 26))
AS_OF = date(2026, 11, 26)


def render_demo(out: Path, keep: Callable[[Document], bool],
                audiences: Collection[Audience] | None = None) -> list[tuple[Document, Path]]:
    """Each demo document ``keep`` accepts, written to ``out`` at its own path, as of
    26 November 2026; ``audiences``: the plan's (None: its default)."""
    dataset, problems = load(DEMO)
    assert dataset is not None, [str(p) for p in problems]
    portfolio = compute(dataset, AS_OF)
    env = make_environment()
    written: list[tuple[Document, Path]] = []
    for doc in documents.plan(portfolio, provenance=PROV, pdf=False,
                              audiences=audiences):
        if not keep(doc):
            continue
        path = out / doc.html_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_template(env, doc.template, doc.context()), encoding="utf-8")
        written.append((doc, path))
    return written
