"""HTML to PDF with WeasyPrint: archival (PDF/A-2u), tagged, fonts embedded, reproducible.

The documents are sent outside the company, so rendering is locked down and
strict:

- :class:`TemplateFetcher` serves only files inside the template folders in
  use (the user's ``--templates`` folder, then ours). Every other URL (other
  local files, ``http(s)``, ``data:``, any network address) is refused and
  the refusal becomes a :class:`~scorecard.data.problems.Problem`: the build fails
  instead of leaving a hole in the document.
- Every warning or error WeasyPrint logs during the render (a missing image,
  an unknown CSS property, a font it cannot load) is a problem too.
- Fonts come from ``fonts.css`` in the template folders (Inter, shipped with
  us), so that a PDF is byte-identical on every machine. Dates in the PDF come
  from the document's ``dcterms.created``/``dcterms.modified`` meta tags (the
  as-of day, set by ``base.html``), or from ``created``, never from the clock;
  the file identifier is a hash of the content.

Fonts are subset by HarfBuzz (``libharfbuzz-subset0``) when the library is
found; see :func:`harfbuzz_subset_available`.
"""

from __future__ import annotations

import logging
import mimetypes
import os.path
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import weasyprint
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcherResponse

from scorecard.data.problems import Location, Problem

__all__ = [
    "FONTS_STYLESHEET",
    "PDF_VARIANT",
    "TemplateFetcher",
    "harfbuzz_subset_available",
    "render_pdf",
]

#: PDF/A-2, level U (text maps to Unicode), plus a tag tree for screen readers.
PDF_VARIANT = "pdf/a-2u"
#: The stylesheet with the ``@font-face`` rules, looked up in the template folders.
FONTS_STYLESHEET = "fonts.css"

_LOGGERS = ("weasyprint", "weasyprint.progress")
_TYPES = {".css": "text/css", ".otf": "font/otf", ".ttf": "font/ttf", ".woff": "font/woff",
          ".woff2": "font/woff2", ".svg": "image/svg+xml", ".png": "image/png"}


class TemplateFetcher(weasyprint.URLFetcher):  # type: ignore[misc]
    """Fetches ``file:`` URLs inside the template folders, and nothing else.

    ``roots`` are searched in order, like the template loader: a URL that
    points into any root is looked up by its path relative to that root in
    each root in turn, so a user's folder may replace one font or picture and
    still use ours for the rest. Refused URLs are kept in :attr:`refused`.
    """

    def __init__(self, roots: Sequence[Path]) -> None:
        super().__init__(allowed_protocols={"file"}, allow_redirects=False, fail_on_errors=False)
        self.roots: tuple[Path, ...] = tuple(Path(root).resolve() for root in roots)
        self.refused: list[tuple[str, str]] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        path, reason = self.resolve(url)
        if path is None:
            self.refused.append((url, reason))
            raise ValueError(f"scorecard refused to fetch {url}: {reason}")
        content_type = _TYPES.get(path.suffix.lower()) or (
            mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        )
        return URLFetcherResponse(
            path.as_uri(), body=path.read_bytes(), headers={"Content-Type": content_type}
        )

    def resolve(self, url: str) -> tuple[Path | None, str]:
        """The file a URL may be served from, or ``None`` and the reason it may not."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file":
            scheme = parts.scheme.lower() or "no scheme"
            return None, f"only files in the templates folder may be used, not {scheme} URLs"
        if parts.netloc not in ("", "localhost"):
            return None, "files on other hosts are not allowed"
        wanted = Path(url2pathname(unquote(parts.path)))
        relative = self._relative(wanted)
        if relative is None:
            return None, "the file is outside the templates folder"
        for root in self.roots:
            candidate = (root / relative).resolve()
            if candidate.is_relative_to(root) and candidate.is_file():
                return candidate, ""
        return None, "no such file in the templates folder"

    def _relative(self, wanted: Path) -> Path | None:
        # Lexical first (a symlink inside a root to elsewhere is caught by resolve() later).
        normal = Path(os.path.normpath(wanted))
        for root in self.roots:
            if normal.is_relative_to(root):
                return normal.relative_to(root)
        return None


def harfbuzz_subset_available() -> bool:
    """Whether WeasyPrint subsets fonts with HarfBuzz (fast, no timestamps) not fontTools.

    Mirrors the test in ``weasyprint.pdf.fonts.Font.subset``: the
    ``libharfbuzz-subset`` library was loaded and HarfBuzz is at least 4.1.
    """
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    return bool(harfbuzz_subset) and bool(harfbuzz.hb_version_atleast(4, 1, 0))


class _Capture(logging.Handler):
    """Keeps the warnings and errors WeasyPrint logs from one thread."""

    def __init__(self, thread: int) -> None:
        super().__init__(logging.WARNING)
        self.thread = thread
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.records.append(record)


@contextmanager
def _captured() -> Iterator[_Capture]:
    capture = _Capture(threading.get_ident())
    loggers = [logging.getLogger(name) for name in _LOGGERS]
    for logger in loggers:
        logger.addHandler(capture)
    try:
        yield capture
    finally:
        for logger in loggers:
            logger.removeHandler(capture)


def _find(roots: Sequence[Path], name: str) -> Path | None:
    for root in roots:
        candidate = Path(root) / name
        if candidate.is_file():
            return candidate.resolve()
    return None


def render_pdf(
    html: str,
    *,
    roots: Sequence[Path],
    source: str = "document.pdf",
    base_url: Path | None = None,
    title: str | None = None,
    lang: str | None = None,
    created: date | None = None,
) -> tuple[bytes | None, list[Problem]]:
    """Render ``html`` (a whole document, as ``base.html`` makes it) to PDF bytes.

    ``roots``: the template folders, user's first (``templating.template_dirs()``);
    only files in them can be used, and ``fonts.css`` is taken from them.
    ``source``: names the document in problems (e.g. ``"acme/2026-Q3/provider.pdf"``).
    ``base_url``: the folder relative URLs in ``html`` start from (default: the
    first root). ``title``, ``lang``, ``created``: override what the HTML says
    (``<title>``, ``<html lang>``, ``dcterms.created``) in the PDF's metadata.

    Returns ``(pdf, [])`` on success, or ``(None, problems)``: every refused
    resource and every warning or error WeasyPrint logged.
    """
    roots = [Path(root).resolve() for root in roots]
    if not roots:
        raise ValueError("render_pdf needs at least one templates folder")
    where = Location(source)
    fetcher = TemplateFetcher(roots)
    problems: list[Problem] = []
    fonts_css = _find(roots, FONTS_STYLESHEET)
    if fonts_css is None:
        problems.append(
            Problem(where, f"{FONTS_STYLESHEET} was not found in the templates folders",
                    hint="Restore it, or copy ours into your --templates folder.")
        )
        return None, problems
    base = (base_url or roots[0]).resolve()
    with _captured() as capture:
        fonts = _fonts(roots, fonts_css, fetcher)
        html, sheets = _own_stylesheets(html, base, fetcher, fonts[0], capture)
        pdf = _write(html, base, fetcher, (fonts[0], [*sheets, fonts[1]]),
                     title=title, lang=lang, created=created)
    for url, reason in fetcher.refused:
        problems.append(
            Problem(where, f"refused to load {_short(url)}: {reason}",
                    hint="Documents may only use files from the templates folders.")
        )
    for record in capture.records:
        message = record.getMessage()
        if any(url in message for url, _ in fetcher.refused):
            continue  # already reported above, in clearer words
        problems.append(Problem(where, f"PDF rendering: {_first_line(message)}"))
    if problems:
        _FONTS.clear()  # made again next time, so its problems are reported again
        return None, problems
    return pdf, []


# One font configuration per process and set of template files: loading the
# fonts into a fresh configuration for every document costs more than a third
# of its render. The PDFs are byte-identical either way (each embeds the
# subset of glyphs it uses); the key holds every template file's size and
# modification time, so a changed font or fonts.css is loaded afresh.
_FONTS: dict[tuple[object, ...], tuple[FontConfiguration, Any]] = {}
# Every font configuration made, kept alive until the process ends. WeasyPrint
# deletes a configuration's font folder when the object is collected; a worker
# process forked from this one shares that folder, so collecting a
# configuration in either process would pull the fonts from under the other
# (".notdef glyph rendered" and a failed build). Worker processes end with
# os._exit, which collects nothing.
_RETAINED: list[FontConfiguration] = []


def _fonts(
    roots: Sequence[Path], fonts_css: Path, fetcher: TemplateFetcher
) -> tuple[FontConfiguration, Any]:
    key: tuple[object, ...] = (fonts_css, *_signature(roots))
    found = _FONTS.get(key)
    if found is None:
        font_config = FontConfiguration()
        _RETAINED.append(font_config)
        fonts = weasyprint.CSS(url=fonts_css.as_uri(), url_fetcher=fetcher,
                               font_config=font_config)
        found = (font_config, fonts)
        _FONTS.clear()
        if not fetcher.refused:
            _FONTS[key] = found
    return found


# The <style> elements in a document's <head>, parsed once per process. Each
# document inlines the same stylesheets (style.css, documents.css) so that
# its HTML stands alone; parsing them again for every PDF was a tenth of its
# render. A sheet is taken out of the HTML and handed to WeasyPrint as a
# parsed stylesheet, in document order: the cascade is the same, as the
# sheets are then the only ones but for WeasyPrint's own (they count as the
# user's, so an !important rule in them would also beat a style attribute).
_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)
_SHEETS: dict[tuple[str, str, int], Any] = {}
_SHEETS_KEPT = 16


def _own_stylesheets(
    html: str, base: Path, fetcher: TemplateFetcher, font_config: FontConfiguration,
    capture: _Capture,
) -> tuple[str, list[Any]]:
    """``html`` without the bare ``<style>`` elements of its head, and those sheets parsed."""
    head_end = html.find("</head>")
    if head_end < 0:
        return html, []
    head = html[:head_end]
    texts = _with_values([found.group(1) for found in _STYLE.finditer(head)])
    sheets: list[Any] = []
    for text in texts:
        key = (text, base.as_uri(), id(font_config))
        sheet = _SHEETS.get(key)
        if sheet is None:
            warned, refused = len(capture.records), len(fetcher.refused)
            sheet = weasyprint.CSS(string=text, base_url=base.as_uri() + "/",
                                   url_fetcher=fetcher, font_config=font_config)
            if len(capture.records) == warned and len(fetcher.refused) == refused:
                if len(_SHEETS) >= _SHEETS_KEPT:
                    _SHEETS.clear()
                _SHEETS[key] = sheet  # a sheet with problems is parsed (and reported) each time
        sheets.append(sheet)
    return _STYLE.sub("", head) + html[head_end:], sheets


_ROOT_RULE = re.compile(r":root\s*\{([^{}]*)\}")
_PROPERTY = re.compile(r"(--[\w-]+)\s*:\s*([^;{}]+)")
_USE = re.compile(r"var\(\s*(--[\w-]+)\s*\)")


def _with_values(texts: list[str]) -> list[str]:
    """The sheets with each ``var(--name)`` replaced by its value, when that is
    the same thing: every custom property is set once, in a ``:root`` rule, and
    nowhere else. WeasyPrint otherwise resolves every var() again for every
    element (a tenth of a portfolio's render); the browser still gets them."""
    values: dict[str, str] = {}
    for text in texts:
        for block in _ROOT_RULE.findall(text):
            for name, raw in _PROPERTY.findall(block):
                if name in values:
                    return texts
                values[name] = raw.split("/*")[0].strip()
    everywhere = sum(len(_PROPERTY.findall(text)) for text in texts)
    if not values or everywhere != len(values):
        return texts  # set elsewhere too (a media query, an element): leave it to WeasyPrint

    def resolved(found: re.Match[str]) -> str:
        return values.get(found.group(1), found.group(0))

    return [_USE.sub(resolved, text) for text in texts]


def _signature(roots: Sequence[Path]) -> list[object]:
    found: list[object] = []
    for root in roots:
        for folder, _, files in sorted(os.walk(root)):
            for name in sorted(files):
                stat = os.stat(os.path.join(folder, name))
                found.append((folder, name, stat.st_size, stat.st_mtime_ns))
    return found


def _write(
    html: str,
    base: Path,
    fetcher: TemplateFetcher,
    styles: tuple[FontConfiguration, list[Any]],
    *,
    title: str | None,
    lang: str | None,
    created: date | None,
) -> bytes:
    font_config, stylesheets = styles
    document = weasyprint.HTML(
        string=html, base_url=base.as_uri() + "/", url_fetcher=fetcher
    ).render(font_config=font_config, stylesheets=stylesheets, pdf_tags=True)
    _relative_links(document, base.as_uri() + "/")
    metadata: Any = document.metadata
    if title is not None:
        metadata.title = title
    if lang is not None:
        metadata.lang = lang
    if created is not None:
        stamp = f"{created.isoformat()}T00:00:00Z"
        metadata.created = metadata.modified = stamp
    pdf: bytes = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)
    return pdf


def _relative_links(document: Any, base: str) -> None:
    """Links to other documents stay relative, as written in the HTML.

    WeasyPrint resolves a relative ``href`` against the base URL, the templates
    folder, which would put ``file:///.../site-packages/scorecard/templates/...``
    in the PDF: a broken link that differs from one install to the next. A link
    into that folder becomes relative again (to the PDF's own folder, the output
    folder for the portfolio); any other ``file:`` link is dropped."""
    for page in document.pages:
        kept = []
        for link_type, target, rectangle, box in page.links:
            if link_type == "external" and isinstance(target, str):
                if target.startswith(base):
                    target = target[len(base):]
                elif target.lower().startswith("file:"):
                    continue
            kept.append((link_type, target, rectangle, box))
        page.links = kept


def _short(url: str) -> str:
    return url if len(url) <= 120 else url[:117] + "..."


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else message
