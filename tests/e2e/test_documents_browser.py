"""Each kind of document, opened in headless Chromium: no errors, nothing fetched, not blank."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from browser import open_page, png_size
from demo_render import render_demo


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One document of each kind from the demo data (northgate 2026-Q3 for the provider)."""
    chosen = {
        doc.audience: path
        for doc, path in render_demo(
            tmp_path_factory.mktemp("browser"),
            lambda doc: doc.audience not in ("provider", "team")
            or (doc.provider, doc.period) == ("northgate", "2026-Q3"))
    }
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
