"""Markdown written by people in the data, turned into HTML that cannot hurt.

Notes and summaries in the YAML records may use Markdown. They end up in
documents that are sent outside the company and opened by browsers and by
WeasyPrint, so the HTML we make from them must never run a script, load a
resource (image, stylesheet, frame) or point a link anywhere but the web or a
mail address.

Two layers, so that one mistake does not open a hole:

1. Python-Markdown with raw HTML switched off: ``<script>`` typed in a note
   shows as text, exactly as written, instead of vanishing silently.
   Images become their alt text (a document never fetches a picture named in
   the data) and headings are moved down to ``h3``-``h6`` so that a note cannot
   outrank the document's own headings.
2. nh3 (ammonia) cleans the result with a strict allowlist of tags and
   attributes; links keep an ``href`` only when it is ``http(s)://`` or
   ``mailto:``, and always get ``rel="noopener noreferrer"``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
import nh3
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

__all__ = ["ALLOWED_TAGS", "render_markdown"]

#: The only tags a rendered note may contain.
ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "p", "br", "em", "strong", "code", "pre", "blockquote",
        "ul", "ol", "li", "a",
        "h3", "h4", "h5", "h6",
        "table", "thead", "tbody", "tr", "th", "td",
        "hr",
    }
)  # fmt: skip

_ALLOWED_ATTRIBUTES: dict[str, set[str]] = {"a": {"href"}, "ol": {"start"}}
_LINK_PREFIXES = ("http://", "https://", "mailto:")
# Tags whose text must go too, not only the tag (nh3 keeps the text of a dropped tag).
_DROP_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript"}


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Keep links to the web and to mail only; no relative or fragment links."""
    if tag == "a" and attribute == "href":
        return value if value.strip().lower().startswith(_LINK_PREFIXES) else None
    if tag == "ol" and attribute == "start":
        return value if value.isdigit() else None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=_DROP_WITH_CONTENT,
    attributes=_ALLOWED_ATTRIBUTES,
    attribute_filter=_keep_attribute,
    url_schemes={"http", "https", "mailto"},
    link_rel="noopener noreferrer",
    strip_comments=True,
)


class _Tame(Treeprocessor):
    """Replace images by their alt text and demote headings to h3-h6."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "img":
                    self._replace_image(parent, index, child)
                elif child.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                    level = min(int(child.tag[1]) + 2, 6)
                    child.tag = f"h{level}"

    @staticmethod
    def _replace_image(parent: etree.Element, index: int, image: etree.Element) -> None:
        text = (image.get("alt") or "") + (image.tail or "")
        if index == 0:
            parent.text = (parent.text or "") + text
        else:
            before = parent[index - 1]
            before.tail = (before.tail or "") + text
        parent.remove(image)


# --- lists as GitHub and GitLab write them -------------------------------------
# Python-Markdown wants a blank line before a list and four spaces per level of
# nesting; people used to GitHub write a list straight after a paragraph and
# nest by two spaces (CommonMark: a sub-item starts under its parent's text).
# This rewrites such lists into Python-Markdown's form before it parses them.
# One pass over the lines, so the time grows with the length of the text.

_ITEM = re.compile(r"( *)([-*+]|\d{1,9}[.)])( +|$)(.*)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_RULE = re.compile(r" {0,3}([-*_])( *\1){2,} *")


class _CommonMarkLists(Preprocessor):
    """Blank line before a list that follows a paragraph; sub-items indented by
    their parent's text width (two spaces under ``- ``) nested four spaces deep."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        columns: list[int] = []  # where the text of each open item starts
        fence: str | None = None
        # blank; text (a paragraph outside lists); list (an item or its text);
        # list-blank (a blank line inside a list); list-paragraph (a later
        # paragraph of an item)
        previous = "blank"
        loose = False  # a blank line has come inside the current list
        for raw in lines:
            line = raw.expandtabs(4)
            indent = len(line) - len(line.lstrip(" "))
            shift = 4 * len(columns) - (columns[-1] if columns else 0)
            if fence is not None:  # inside fenced code: only moved with its item
                out.append(" " * max(0, indent + shift) + line.lstrip(" ") if columns else raw)
                if line.strip().startswith(fence):
                    fence = None
                continue
            if not line.strip():
                out.append("")
                if previous in ("list", "list-paragraph"):
                    previous, loose = "list-blank", True
                elif previous != "list-blank":
                    previous = "blank"
                continue
            item = _ITEM.fullmatch(line)
            if item and not _RULE.fullmatch(line) and self._starts_list(item, previous):
                depth = len(columns)
                while columns and indent < columns[-1]:
                    columns.pop()
                if ((previous == "text" and not columns) or previous == "list-paragraph"
                        or (loose and len(columns) < depth - 1)):
                    out.append("")  # a list may follow a paragraph directly
                gap = len(item[3]) if 0 < len(item[3]) <= 4 else 1
                out.append(" " * (4 * len(columns)) + item[2] + " " * gap + item[4])
                columns.append(indent + len(item[2]) + gap)
                previous = "list"
                continue
            if columns and previous == "list-blank":
                while columns and indent < columns[-1]:
                    columns.pop()
                if columns:  # a paragraph of its own inside the item: indented
                    shift = 4 * len(columns) - columns[-1]
                    out.append(" " * max(0, indent + shift) + line.lstrip(" "))
                    previous = "list-paragraph"
                else:
                    out.append(raw)
                    previous, loose = "text", False
            elif columns:  # the item's text goes on: a lazy line, as Markdown allows
                out.append(line.lstrip(" "))
            else:
                out.append(raw)
                previous, loose = "text", False
            opened = _FENCE.match(line.lstrip(" ") if columns else line)
            if opened:
                fence = opened[1]
        return out

    @staticmethod
    def _starts_list(item: re.Match[str], previous: str) -> bool:
        """CommonMark: a list interrupts a paragraph only when its first item has
        text and, if numbered, starts at 1 (so "2026. A good year" stays text)."""
        if previous != "text":
            return True
        if not item[4].strip():
            return False
        return not item[2][0].isdigit() or item[2][:-1] == "1"


class _SafeExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_Tame(md), "scorecard_tame", 1)
        md.preprocessors.register(_CommonMarkLists(md), "scorecard_lists", 5)


_CONVERTERS: list[markdown.Markdown] = []


def _converter() -> markdown.Markdown:
    """One converter per process, reset before each use (making one costs more
    than converting a paragraph: a build converts thousands)."""
    if not _CONVERTERS:
        _CONVERTERS.append(
            markdown.Markdown(
                extensions=[_SafeExtension(), "tables", "sane_lists", "fenced_code"],
                output_format="html",
            )
        )
    converter = _CONVERTERS[0]
    converter.reset()
    return converter


def render_markdown(text: str) -> Markup:
    """Render ``text`` (Markdown from the data) to safe HTML, ready for a template.

    The result is a :class:`markupsafe.Markup`, so Jinja's autoescape leaves it
    as it is. Raw HTML in ``text`` is shown as text; images become their alt
    text; links are kept only to ``http(s)`` and ``mailto`` addresses.
    """
    if not text.strip():
        return Markup("")
    html = _converter().convert(text)
    return Markup(_CLEANER.clean(html).strip())
