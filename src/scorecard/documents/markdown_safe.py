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

Free text renders in time linear in its length, and no word is lost.
Python-Markdown looks for the closing bracket of every ``[`` (and the closing
parenthesis of every link target) to the end of the paragraph, which takes
time that grows with the square of its length: 10,000 ``[`` took 30 seconds.
So before converting, brackets that cannot close (and those nested more than
two deep) and parentheses that cannot close are hidden behind stand-ins that
Markdown treats as letters, and put back after cleaning, so that they show
as written; and the link patterns look at most ``LINK_WINDOW`` characters
ahead for the end of a link's text and of its target. Control characters are
removed first: the documents cannot show them, and ``validate`` refuses them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from html import escape as html_escape

import markdown
import nh3
from markdown import inlinepatterns as ip
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


#: Elements nested deeper than this (lists in lists in quotes...) keep only their words.
DEEPEST_NESTING = 16


class _Tame(Treeprocessor):
    """Replace images by their alt text, demote headings to h3-h6, and flatten
    what is nested deeper than ``DEEPEST_NESTING`` into its words."""

    def run(self, root: etree.Element) -> None:
        self._flatten(root)
        for parent in list(root.iter()):
            if any(child.tag == "img" for child in parent):
                self._drop_images(parent)
            if parent.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                parent.tag = f"h{min(int(parent.tag[1]) + 2, 6)}"

    @staticmethod
    def _flatten(root: etree.Element) -> None:
        """An element at the deepest nesting gets all the words inside it as its text."""
        stack = [(root, 0)]
        while stack:
            element, depth = stack.pop()
            if depth < DEEPEST_NESTING:
                stack.extend((child, depth + 1) for child in element)
            elif len(element):
                words = " ".join(" ".join(element.itertext()).split())
                for child in list(element):
                    element.remove(child)
                element.text = words

    @staticmethod
    def _drop_images(parent: etree.Element) -> None:
        """Each image becomes its alt text, followed by the text after it, in place:
        in one pass over the children as they were, so no word moves or goes."""
        kept: etree.Element | None = None  # the last child that stays
        for child in list(parent):
            if child.tag != "img":
                kept = child
                continue
            text = (child.get("alt") or "") + (child.tail or "")
            if kept is None:
                parent.text = (parent.text or "") + text
            else:
                kept.tail = (kept.tail or "") + text
            parent.remove(child)


# --- linear time -----------------------------------------------------------------

#: How far the link patterns look ahead for the end of a link's text or target.
LINK_WINDOW = 1000

# Stand-ins for brackets and parentheses that cannot be part of a link: Unicode
# noncharacters, which no text may hold (``validate`` refuses them; they are
# removed from the input first) and Markdown treats as letters.
_STAND_INS = {"[": "\ufdd0", "]": "\ufdd1", "(": "\ufdd2"}
_RESTORE = str.maketrans({v: k for k, v in _STAND_INS.items()})
_HIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufdd0-\ufdef]")
_TOKENS = re.compile(r"\\.|[\[\]()]", re.DOTALL)
_DEEPEST = 2  # brackets nested deeper than this cannot start a link: [a [b [c]]]


def _hide_unclosable(text: str) -> str:
    """``text`` with stand-ins for each ``[`` or ``(`` that has no closing partner,
    and for each pair of brackets nested more than ``_DEEPEST`` deep; in one pass."""
    hide: list[int] = []
    brackets: list[int] = []
    parens: list[int] = []
    for token in _TOKENS.finditer(text):
        char, at = token.group(), token.start()
        if char == "[":
            brackets.append(at)
        elif char == "]" and brackets:
            opened = brackets.pop()
            if len(brackets) >= _DEEPEST:
                hide += (opened, at)
        elif char == "(":
            parens.append(at)
        elif char == ")" and parens:
            parens.pop()
    hide += brackets + parens
    if not hide:
        return text
    chars = list(text)
    for at in hide:
        chars[at] = _STAND_INS[chars[at]]
    return "".join(chars)


class _Window(ip.LinkInlineProcessor):
    """The link patterns, looking at most ``LINK_WINDOW`` characters ahead."""

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        text, end, handled = super().getText(data[index:index + LINK_WINDOW], 0)
        return text, index + end, handled

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
        href, title, end, handled = super().getLink(data[index:index + LINK_WINDOW], 0)
        return href, title, index + end, handled


class _Reference(_Window, ip.ReferenceInlineProcessor):
    def evalId(self, data: str, index: int, text: str) -> tuple[str | None, int, bool]:
        found, end, handled = super().evalId(data[index:index + LINK_WINDOW], 0, text)
        return found, index + end, handled


class _Image(_Window, ip.ImageInlineProcessor):
    pass


class _ShortReference(_Reference, ip.ShortReferenceInlineProcessor):
    pass


class _ImageReference(_Reference, ip.ImageReferenceInlineProcessor):
    pass


class _ShortImageReference(_ImageReference, ip.ShortImageReferenceInlineProcessor):
    pass


# Python-Markdown's link patterns: each one's name, replacement, pattern and priority.
_WINDOWED: dict[str, tuple[type[ip.InlineProcessor], str, int]] = {
    "reference": (_Reference, ip.REFERENCE_RE, 170),
    "link": (_Window, ip.LINK_RE, 160),
    "image_link": (_Image, ip.IMAGE_LINK_RE, 150),
    "image_reference": (_ImageReference, ip.IMAGE_REFERENCE_RE, 140),
    "short_reference": (_ShortReference, ip.REFERENCE_RE, 130),
    "short_image_ref": (_ShortImageReference, ip.IMAGE_REFERENCE_RE, 125),
}


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
        for name, (processor, pattern, priority) in _WINDOWED.items():
            assert name in md.inlinePatterns, name  # replaced, never added twice
            md.inlinePatterns.register(processor(pattern, md), name, priority)
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
    text = _HIDDEN.sub("", text)
    if not text.strip():
        return Markup("")
    try:
        html = _converter().convert(_hide_unclosable(text))
    except RecursionError:  # nesting too deep for Python-Markdown's block parser
        _CONVERTERS.clear()  # its parser state is left half-way: never reuse it
        html = _plain(text)
    return Markup(_CLEANER.clean(html).translate(_RESTORE).strip())


def _plain(text: str) -> str:
    """``text`` as plain paragraphs, every word kept, no Markdown."""
    paragraphs = (p.strip() for p in re.split(r"\n\s*\n", text))
    return "\n".join("<p>" + html_escape(p).replace("\n", "<br>\n") + "</p>"
                     for p in paragraphs if p)
