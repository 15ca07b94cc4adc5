"""Words on a PDF's pages with their boxes (``pdftotext -bbox``, Poppler), and the
pages left too empty: what the layout tests read a real PDF with."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

MM = 72 / 25.4
TOP, BOTTOM = 24 * MM, 22 * MM  # the page's top and bottom margins (style.css)
Word = tuple[float, float, float, float, str]  # x0, y0, x1, y1, text
_NS = "{http://www.w3.org/1999/xhtml}"


def pdf_pages(pdf: Path) -> list[tuple[float, float, list[Word]]]:
    """Each page's width, height and words."""
    done = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, check=True)
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", done.stdout))
    return [(float(p.get("width", 0)), float(p.get("height", 0)),
             [(float(w.get("xMin", 0)), float(w.get("yMin", 0)), float(w.get("xMax", 0)),
               float(w.get("yMax", 0)), w.text or "") for w in p.iter(f"{_NS}word")])
            for p in root.iter(f"{_NS}page")]


def thin_pages(pdf: Path, share: float) -> list[str]:
    """The pages but the last whose text reaches less than ``share`` of the way down
    the text area (between the top and bottom margins), as "page N of M"."""
    pages = pdf_pages(pdf)
    thin = []
    for number, (_, height, words) in enumerate(pages[:-1], start=1):
        bottom = height - BOTTOM
        lowest = max((y1 for _, y0, _, y1, _ in words if TOP < y0 < bottom), default=TOP)
        if (lowest - TOP) / (bottom - TOP) < share:
            thin.append(f"page {number} of {len(pages)}")
    return thin
