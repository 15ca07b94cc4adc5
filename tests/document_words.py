"""The tool's own words in a rendered document: every block of text (a paragraph, a list
item, a heading, a table cell, a caption) that the tool wrote, one string a block.

Left out: text from the data written by people (summaries, replies, notes, action
titles and notes; the elements in DATA_CLASSES), quoted titles (“...”), styles, charts
(SVG) and the document's <head>. Used by tests/e2e/test_document_words.py.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["DATA_CLASSES", "own_blocks"]

# Elements whose content is text people wrote in the data.
DATA_CLASSES = frozenset({
    "crit-note", "summary-box", "reply-box", "internal-note", "action-note", "action-title",
    "internal-inline", "from-data", "amendment-table", "explain",
})
# Inline labels that stand apart from the sentence beside them (a day, a badge, a name).
LABELS = frozenset({"att-day", "state", "band", "hl-label", "svc", "row-sub", "note-label",
                    "cat-name", "cat-meta", "overdue", "outcome", "point-source"})
SKIP_TAGS = frozenset({"head", "style", "script", "svg", "code", "title"})
BLOCKS = frozenset({"p", "li", "td", "th", "h1", "h2", "h3", "h4", "caption", "figcaption",
                    "dt", "dd", "div", "section", "header", "main", "ol", "ul", "table", "tr",
                    "figure", "span"})
VOID = frozenset({"br", "img", "meta", "link", "col", "hr", "input", "source", "wbr"})
QUOTED = re.compile(r"“[^”]*”")


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._stack: list[tuple[str, bool, bool]] = []  # (tag, skipped, apart)
        self._text: list[str] = []

    def _skipping(self) -> bool:
        return any(skipped for _, skipped, _ in self._stack)

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        self._text = []
        text = QUOTED.sub("it", text)
        if re.search(r"[A-Za-z]", text):
            self.blocks.append(text)

    def _boundary(self, apart: bool) -> None:
        if self._skipping():
            return
        if apart:
            self._flush()
        else:
            self._text.append(" ")  # an inline element is a word apart from its neighbours

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skipped = tag in SKIP_TAGS or bool(classes & DATA_CLASSES)
        apart = (tag in BLOCKS and tag != "span") or bool(classes & LABELS)
        self._boundary(apart)
        self._stack.append((tag, skipped, apart))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        apart = False
        while self._stack:
            open_tag, _, open_apart = self._stack.pop()
            if open_tag == tag:
                apart = open_apart
                break
        self._boundary(apart)

    def handle_data(self, data: str) -> None:
        if not self._skipping():
            self._text.append(data)


def own_blocks(document: str) -> list[str]:
    """The tool's own blocks of text in an HTML document, in order."""
    parser = _Blocks()
    parser.feed(document)
    parser.close()
    parser._flush()
    return parser.blocks
