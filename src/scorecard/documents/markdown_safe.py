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

import xml.etree.ElementTree as etree

import markdown
import nh3
from markdown.extensions import Extension
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


class _SafeExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_Tame(md), "scorecard_tame", 1)


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
