"""Each kind of document, opened in headless Chromium: no errors, nothing fetched, not blank."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from browser import open_page, png_size
from scorecard.data.load import load
from scorecard.data.provenance import Provenance
from scorecard.documents import plan as documents
from scorecard.documents.templating import make_environment, render_template
from scorecard.figures.compute import compute

DEMO = Path(__file__).resolve().parents[2] / "evaluations"
PROV = Provenance(commit="c0ffee" + "0" * 34, dirty=False, commit_day=date(2026, 11, 26))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One document of each kind from the demo data (northgate 2026-Q3 for the provider)."""
    dataset, problems = load(DEMO)
    assert dataset is not None, [str(p) for p in problems]
    portfolio = compute(dataset, date(2026, 11, 26))
    out = tmp_path_factory.mktemp("browser")
    env = make_environment()
    chosen: dict[str, Path] = {}
    for doc in documents.plan(portfolio, provenance=PROV, pdf=False):
        if doc.audience in ("provider", "team") and (doc.provider, doc.period) != (
            "northgate", "2026-Q3"
        ):
            continue
        path = out / doc.html_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_template(env, doc.template, doc.context()), encoding="utf-8")
        chosen[doc.audience] = path
    assert set(chosen) == {"provider", "team", "portfolio", "index"}
    return chosen


@pytest.mark.parametrize("audience", ["provider", "team", "portfolio", "index"])
def test_document_opens_cleanly(rendered: dict[str, Path], audience: str) -> None:
    view = open_page(rendered[audience], full_page=False)
    assert view.console_errors == []
    assert view.failed_requests == []
    # Self-contained: the page itself is the only thing the browser asked for.
    assert [url.split("#")[0] for url in view.requests] == [rendered[audience].as_uri()]
    assert png_size(view.png)[0] == 1024
    # Not blank: text, a band badge, table shading and rules give many colours.
    # (Pillow comes with WeasyPrint; it counts in C what the helper counts in Python.)
    colours = Image.open(io.BytesIO(view.png)).convert("RGB").getcolors(maxcolors=1 << 24)
    assert colours is not None and len(colours) > 50
    # The document runs past one screen (800 px): the content is there.
    assert view.height > 1200
