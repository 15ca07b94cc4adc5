"""Each kind of document at a phone's width (390 px), in real headless Chromium: nothing
runs off the side of the page, nothing in the masthead or the headline box overlaps,
no status badge breaks over two lines, and words are not broken letter by letter
(issue 23). The screenshots were looked at when this was written."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import open_page, png_size
from demo_render import render_demo

PHONE = 390

PROBE = """(() => {
  const r = e => e.getBoundingClientRect();
  const boxes = [...document.querySelectorAll('.masthead > *, .hl-figure')]
    .map(e => [(e.className || e.tagName) + ': ' + e.textContent.trim().slice(0, 30), r(e)]);
  const over = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i][1], b = boxes[j][1];
    if (a.width && b.width && a.left < b.right - 1 && b.left < a.right - 1 &&
        a.top < b.bottom - 1 && b.top < a.bottom - 1) over.push(boxes[i][0] + ' / ' + boxes[j][0]);
  }
  const broken = [...document.querySelectorAll('.band')]
    .filter(b => b.getClientRects().length > 1).map(b => b.textContent);
  const outside = [...document.querySelectorAll('.hl-figure')].filter(f => {
    const b = f.querySelector('.band'); return b && r(b).right > r(f).right + 1; }).length;
  return {width: document.documentElement.scrollWidth, over, broken, outside,
          wrap: getComputedStyle(document.querySelector('h1')).overflowWrap};
})()"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Northgate's (weak) and Helpwise's (little scored) documents, and the portfolio."""
    wanted = {("northgate", "2026-Q3"), ("helpwise", "2026-01"), ("northgate", None)}
    chosen = {
        doc.html_path: path
        for doc, path in render_demo(
            tmp_path_factory.mktemp("phone"),
            lambda doc: doc.document == "portfolio" or (doc.provider, doc.period) in wanted,
            audiences=("provider", "team", "portfolio", "renewal"))
    }
    assert len(chosen) == 6
    return chosen


@pytest.mark.parametrize("document", [
    "northgate/2026-Q3/provider.html", "northgate/2026-Q3/team.html",
    "helpwise/2026-01/provider.html", "helpwise/2026-01/team.html",
    "northgate/renewal.html", "portfolio.html",
])
def test_usable_at_phone_width(rendered: dict[str, Path], document: str) -> None:
    view = open_page(rendered[document], width=PHONE, full_page=False, probe=PROBE)
    assert view.console_errors == []
    assert png_size(view.png)[0] == PHONE
    found = view.probed
    assert isinstance(found, dict)
    assert found["width"] <= PHONE  # the page itself never scrolls sideways
    assert found["over"] == []
    assert found["broken"] == []  # "▲ At risk", "No status": one line each
    assert found["outside"] == 0
    assert found["wrap"] != "anywhere"  # words wrap whole; a long one only when it must
