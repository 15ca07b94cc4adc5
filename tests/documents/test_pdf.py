"""Real WeasyPrint PDFs: archival, tagged, fonts embedded, reproducible, locked down."""

from __future__ import annotations

import http.server
import io
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from scorecard.documents.charts import score_history
from scorecard.documents.pdf import TemplateFetcher, harfbuzz_subset_available, render_pdf
from scorecard.documents.templating import (
    DocumentMeta,
    audience_label,
    make_environment,
    template_dirs,
    templates_dir,
)

META = DocumentMeta(
    title="Provider scorecard: Acme Managed IT, 2026-Q3",
    audience="provider",
    audience_label=audience_label("provider", "Acme Managed IT"),
    as_of=date(2026, 9, 30),
    commit="3f2a9c1e0b",
    provider="Acme Managed IT",
    period="2026-Q3",
)

CONTENT = """{% extends "base.html" %}
{% block content %}
<h2>Summary</h2>
<p class="lead">Acme met 7 of its 9 service targets.</p>
<p><span class="band band-mid">Adequate</span> <span class="met">Met</span></p>
<table><thead><tr><th>Criterion</th><th class="num">Result</th></tr></thead>
<tbody>{% for i in range(rows) %}
<tr><td>Criterion {{ i }}</td><td class="num">9{{ i }}%</td></tr>
{% endfor %}</tbody>
</table>
{{ note | markdown }}
<div class="chart">{{ chart }}</div>
EXTRA
{% endblock %}
"""


def page_html(
    extra: str = "", rows: int = 10, user: Path | None = None, meta: DocumentMeta = META
) -> str:
    """Our base layout around a small document and a chart, as the build would render it."""
    template = make_environment(user).from_string(CONTENT.replace("EXTRA", extra))
    chart = score_history([("2026-Q2", 61.0), ("2026-Q3", 72.35)], [("Strong", 80), ("At risk", 0)])
    return template.render(meta=meta, rows=rows, note="*Plain* note.", chart=chart)


@pytest.fixture(scope="module")
def rendered() -> tuple[bytes, bytes]:
    """The same three-page document rendered twice."""
    html = page_html(rows=90)
    first, problems = render_pdf(html, roots=template_dirs())
    assert problems == []
    second, problems = render_pdf(html, roots=template_dirs())
    assert problems == []
    assert first is not None and second is not None
    return first, second


def test_renders_a_real_multi_page_pdf(rendered: tuple[bytes, bytes]) -> None:
    pdf, _ = rendered
    assert pdf.startswith(b"%PDF-1.7")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 3  # 90 table rows at about 35 rows a page, and a chart
    text = reader.pages[0].extract_text()
    assert "Acme met 7 of its 9 service targets." in text
    # Labelled and numbered on every page.
    for number, page in enumerate(reader.pages, start=1):
        words = page.extract_text()
        # Once a page: the masthead carries them on page one, the running
        # header and footer on the others.
        assert words.count("Shared with Acme Managed IT") == 1
        assert f"Page {number} of {len(reader.pages)}" in words
        assert words.count("version 3f2a9c1 of our records") == 1


def test_draft_mark_on_every_page_only_when_dirty(rendered: tuple[bytes, bytes]) -> None:
    from dataclasses import replace

    clean = PdfReader(io.BytesIO(rendered[0]))
    assert all("DRAFT" not in page.extract_text() for page in clean.pages)
    pdf, problems = render_pdf(page_html(rows=60, meta=replace(META, dirty=True)),
                               roots=template_dirs())
    assert problems == [] and pdf is not None
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 2
    assert all("DRAFT" in page.extract_text() for page in pages)


def test_two_renders_are_byte_identical(rendered: tuple[bytes, bytes]) -> None:
    first, second = rendered
    assert first == second


def test_declares_pdf_a(rendered: tuple[bytes, bytes]) -> None:
    reader = PdfReader(io.BytesIO(rendered[0]))
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data()
    assert b'pdfaid:part="2"' in xmp
    assert b'pdfaid:conformance="U"' in xmp
    assert "/OutputIntents" in root
    # Dates come from the as-of day, not the clock.
    assert b"<xmp:CreateDate>2026-09-30T00:00:00Z</xmp:CreateDate>" in xmp
    assert reader.trailer["/Info"]["/CreationDate"] == "D:20260930000000Z"


def test_is_tagged_for_screen_readers(rendered: tuple[bytes, bytes]) -> None:
    root = PdfReader(io.BytesIO(rendered[0])).trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a PDF boolean object)
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"


def test_every_font_is_embedded_and_is_ours(rendered: tuple[bytes, bytes]) -> None:
    reader = PdfReader(io.BytesIO(rendered[0]))
    fonts: dict[str, DictionaryObject] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descendant = descendant.get_object()
                fonts[str(descendant["/BaseFont"])] = descendant["/FontDescriptor"].get_object()
    assert fonts
    for name, descriptor in fonts.items():
        # The shipped font (fonts.css names it "Scorecard Sans"), never a system one.
        assert "+Scorecard-Sans" in name, name
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.keys()), name


def test_letter_paper(tmp_path: Path) -> None:
    from dataclasses import replace

    pdf, problems = render_pdf(page_html(meta=replace(META, page_size="Letter")),
                               roots=template_dirs())
    assert problems == [] and pdf is not None
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(box.width), round(box.height)) == (612, 792)  # 8.5 x 11 in at 72 pt per inch


def test_harfbuzz_subsets_fonts() -> None:
    assert harfbuzz_subset_available()


@pytest.fixture
def web_server() -> Iterator[tuple[int, list[str]]]:
    """A real HTTP server on a free local port that remembers every request."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], requests
    finally:
        server.shutdown()
        server.server_close()


def test_outside_resources_fail_the_render_and_are_never_fetched(
    web_server: tuple[int, list[str]],
) -> None:
    port, requests = web_server
    web = f"http://127.0.0.1:{port}/x.png"
    extra = (
        '<img src="file:///etc/hostname" alt="a">'
        '<img src="../../etc/passwd" alt="b">'
        f'<img src="{web}" alt="c">'
        f'<div style="background: url(http://127.0.0.1:{port}/bg.png)">d</div>'
    )
    pdf, problems = render_pdf(page_html(extra), roots=template_dirs(), source="acme/doc.pdf")
    assert pdf is None
    messages = [p.message for p in problems]
    outside = "outside the templates folder"
    assert any("file:///etc/hostname" in m and outside in m for m in messages)
    assert any("etc/passwd" in m and outside in m for m in messages)
    assert any(web in m and "not http URLs" in m for m in messages)
    assert any("/bg.png" in m for m in messages)
    assert all(p.location.file == "acme/doc.pdf" for p in problems)
    assert requests == []  # refused before any connection was made


def test_unknown_css_property_in_user_stylesheet_fails(tmp_path: Path) -> None:
    user = tmp_path / "mine"
    user.mkdir()
    (user / "style.css").write_text("body { colr: red; }\n")
    roots = template_dirs(user)
    pdf, problems = render_pdf(page_html(user=user), roots=roots)
    assert pdf is None
    assert len(problems) == 1
    assert "colr" in problems[0].message
    assert "unknown property" in problems[0].message


def test_missing_fonts_stylesheet_is_a_problem(tmp_path: Path) -> None:
    pdf, problems = render_pdf("<p>x</p>", roots=[tmp_path])
    assert pdf is None
    assert "fonts.css" in problems[0].message


class TestTemplateFetcher:
    def test_serves_files_inside_our_folder(self) -> None:
        ours = templates_dir().resolve()
        fetcher = TemplateFetcher([ours])
        path, _ = fetcher.resolve((ours / "fonts" / "Inter-Regular.otf").as_uri())
        assert path == ours / "fonts" / "Inter-Regular.otf"
        response = fetcher.fetch((ours / "style.css").as_uri())
        assert response.content_type == "text/css"
        assert b"Okabe-Ito" in response.read()

    def test_user_folder_replaces_single_files(self, tmp_path: Path) -> None:
        ours = templates_dir().resolve()
        (tmp_path / "fonts").mkdir()
        (tmp_path / "fonts" / "Inter-Bold.otf").write_bytes(b"theirs")
        fetcher = TemplateFetcher([tmp_path, ours])
        # Theirs where they have it, ours for the rest, from either base URL.
        assert fetcher.resolve((ours / "fonts/Inter-Bold.otf").as_uri())[0] == (
            tmp_path.resolve() / "fonts/Inter-Bold.otf"
        )
        assert fetcher.resolve((tmp_path / "fonts/Inter-Regular.otf").as_uri())[0] == (
            ours / "fonts/Inter-Regular.otf"
        )

    @pytest.mark.parametrize(
        "url",
        [
            "file:///etc/passwd",
            "http://127.0.0.1/x.png",
            "https://example.com/x.css",
            "data:image/png;base64,AAAA",
            "ftp://example.com/x",
            "file://otherhost/share/x.css",
        ],
    )
    def test_refuses_everything_else(self, url: str) -> None:
        fetcher = TemplateFetcher([templates_dir()])
        with pytest.raises(ValueError, match="refused"):
            fetcher.fetch(url)
        assert fetcher.refused[0][0] == url

    def test_refuses_dot_dot_and_symlinks_out(self, tmp_path: Path) -> None:
        root = tmp_path / "templates"
        root.mkdir()
        (tmp_path / "secret.txt").write_text("secret")
        (root / "link.txt").symlink_to(tmp_path / "secret.txt")
        fetcher = TemplateFetcher([root])
        assert fetcher.resolve((root / ".." / "secret.txt").as_uri())[0] is None
        assert fetcher.resolve((root / "link.txt").as_uri())[0] is None
        assert fetcher.resolve((root / "nothing.css").as_uri())[0] is None


def test_a_forked_worker_cannot_pull_the_fonts_from_under_its_parent() -> None:
    """A worker forked from a process that has rendered shares its font folder.

    WeasyPrint deletes a font configuration's folder when the object is
    collected; a worker that drops its inherited copy (after a failed render,
    say) must not take the parent's fonts with it. Before the fix, the
    parent's next render failed with ".notdef glyph rendered" for glyphs it
    had not used yet.
    """
    import gc
    import os

    from scorecard.documents import pdf

    first, problems = render_pdf(page_html(rows=1), roots=template_dirs())
    assert problems == [] and first is not None
    pid = os.fork()
    if pid == 0:  # the worker: drop every inherited font configuration, then end
        pdf._FONTS.clear()
        gc.collect()
        os._exit(0)
    os.waitpid(pid, 0)
    unseen = "<p><b>PQZJX</b> <i>Wkqv</i> ÀÉÎ</p>"  # glyphs the first render did not load
    second, problems = render_pdf(page_html(extra=unseen, rows=5), roots=template_dirs())
    assert problems == []
    assert second is not None


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize(("first", "second", "shown"), [("none", "block", True),
                                                        ("block", "none", False)])
def test_the_head_stylesheets_cascade_in_document_order(
    first: str, second: str, shown: bool
) -> None:
    # Each <style> of the head is parsed once per process and handed to
    # WeasyPrint apart from the HTML: the later one must still win.
    head = f"<style>.x {{ display: {first}; }}</style>\n<style>.x {{ display: {second}; }}</style>"
    html = page_html('<p class="x">Shown by the second sheet.</p>')
    html = html.replace("</head>", head + "\n</head>")
    for _ in range(2):  # parsed, then from the cache
        pdf, problems = render_pdf(html, roots=template_dirs())
        assert problems == [] and pdf is not None
        text = _text(pdf)
        assert "Acme met 7 of its 9 service targets." in text
        assert ("Shown by the second sheet." in text) is shown


def test_a_bad_head_stylesheet_is_reported_on_every_render() -> None:
    html = page_html().replace("</head>", "<style>p { colr: red; }</style>\n</head>")
    for _ in range(2):  # never cached, so never silently accepted the second time
        pdf, problems = render_pdf(html, roots=template_dirs())
        assert pdf is None
        assert len(problems) == 1 and "colr" in problems[0].message


@pytest.mark.parametrize(("extra_rule", "shown"), [("", False), (".x { --shown: block; }", True)])
def test_custom_properties_mean_the_same_once_resolved(extra_rule: str, shown: bool) -> None:
    # :root's custom properties are written into the sheets before parsing,
    # unless one is also set elsewhere: then WeasyPrint resolves them itself.
    head = f"<style>:root {{ --shown: none; }} .x {{ display: var(--shown); }} {extra_rule}</style>"
    html = page_html('<p class="x">Shown when set on the element.</p>')
    html = html.replace("</head>", head + "\n</head>")
    pdf, problems = render_pdf(html, roots=template_dirs())
    assert problems == [] and pdf is not None
    assert ("Shown when set on the element." in _text(pdf)) is shown
