"""Hostile text in the data, through the real build with real PDFs: scripts, event
handlers, javascript: and file: links, frames, attachment links (WeasyPrint embeds
the target of ``<a rel="attachment">`` in the PDF) and images and links on a local
HTTP server that counts every request it gets.

The HTML must show all of it as text, never as markup; the PDFs must hold no
embedded file, no file-attachment annotation, no image and no action other than
a web link; and the server must get no request at all."""

from __future__ import annotations

import http.server
import json
import threading
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from conftest import GitRepo

DOCS = ("acme/2026-Q3/provider", "acme/2026-Q3/team")
NAME = "Acme <svg onload=alert(4)>"  # the short name sentences and charts use


class Counting(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def _answer(self) -> None:
        Counting.requests.append(f"{self.command} {self.path}")
        body = b"<p>fetched</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_HEAD = do_POST = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    """A local HTTP server on a free port; yields its base URL."""
    Counting.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Counting)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def hostile(base: str) -> list[str]:
    return [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "![](file:///etc/passwd)",
        '<a href="file:///etc/passwd">passwd</a>',
        f'<iframe src="{base}/frame"></iframe>',
        f'<link rel=attachment href="{base}/attachment">',
        '<a rel="attachment" href="/etc/hostname">hostname</a>',
        f"![pixel]({base}/pixel.png)",
        f'<img src="{base}/img.png">',
        f"<style>@import url({base}/style.css);</style>",
        f'<object data="{base}/object"></object>',
        "<svg onload=alert(1)><circle r=5 /></svg>",
        "[ref][evil]\n\n[evil]: javascript:alert(2)",
        "<file:///etc/passwd>",
        f"[the report]({base}/report.pdf)",
    ]


def block(items: list[str]) -> str:
    """One Markdown text holding every hostile item, each in its own paragraph."""
    return "\n\n".join(items)


def yaml_string(text: str) -> str:
    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar


def plant(repo: GitRepo, base: str) -> None:
    """Hostile text in every free-text field of acme's 2026-Q3 record and its actions."""
    text = block(hostile(base))
    record = repo.data / "records/acme/2026-Q3.yaml"
    lines = record.read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        out.append(line)
        if line == "notes:":
            out.append(f"  availability: {yaml_string(text)}")
        if line == "internal_notes:":
            out.append(f"  communication: {yaml_string(text)}")
    out += [
        f"summary: {yaml_string(text)}",
        f"internal: {yaml_string(text)}",
        f"provider_response: {yaml_string(text)}",
    ]
    record.write_text("\n".join(out) + "\n", encoding="utf-8")
    repo.edit("providers/acme.yaml", "short_name: Acme", f"short_name: {yaml_string(NAME)}")
    repo.edit(
        "providers/acme.yaml",
        "    title: Weekend on-call cover\n",
        f"    title: {yaml_string('Weekend <script>alert(3)</script> cover')}\n"
        f"    note: {yaml_string(text)}\n"
        f"    internal_note: {yaml_string(text)}\n",
    )
    repo.edit(
        "providers/acme.yaml",
        "    title: Self-service password resets\n",
        "    title: Self-service password resets\n"
        f"    note: {yaml_string(text)}\n",
    )


class Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.styles if self._in_style else self.text).append(data)


def check_html(path: Path, base: str) -> None:
    parser = Markup()
    parser.feed(path.read_text(encoding="utf-8"))
    tags = {tag for tag, _ in parser.tags}
    assert not tags & {"script", "iframe", "object", "embed", "img", "link", "frame", "base"}
    for tag, attrs in parser.tags:
        for name, value in attrs.items():
            low = value.strip().lower()
            assert not name.startswith("on"), (tag, name, value)
            assert "javascript:" not in low and "file:" not in low, (tag, name, value)
            assert "/etc/" not in low and "attachment" not in low, (tag, name, value)
            if base in value:  # only the plain web link survives, as a link
                assert (tag, name, value) == ("a", "href", f"{base}/report.pdf")
                assert "noopener" in attrs.get("rel", "")
    for css in parser.styles:
        assert base not in css and "@import" not in css
    # the hostile text is there, shown as text (so the test is not vacuous)
    shown = "".join(parser.text)
    assert "<script>alert(1)</script>" in shown
    assert "<img src=x onerror=alert(1)>" in shown
    assert '<a rel="attachment" href="/etc/hostname">hostname</a>' in shown


def pdf_objects(reader: PdfReader) -> Iterator[DictionaryObject]:
    """Every dictionary reachable from the document catalog, once."""
    seen: set[int] = set()
    stack: list[Any] = [reader.trailer["/Root"]]
    while stack:
        item = stack.pop()
        if hasattr(item, "idnum"):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            yield item
            stack += [v for k, v in item.items() if k not in ("/Parent", "/P")]
        elif isinstance(item, ArrayObject):
            stack += list(item)


def check_pdf(path: Path, base: str, *, web_links: bool) -> None:
    """``web_links``: the plain link to the server is in the document (as it should
    be: a link to the web is allowed, and opening the PDF does not follow it)."""
    reader = PdfReader(path)
    catalog = reader.trailer["/Root"].get_object()
    assert isinstance(catalog, DictionaryObject)
    names = catalog.get("/Names")
    if names is not None:
        names = names.get_object()
        assert isinstance(names, DictionaryObject)
        assert "/EmbeddedFiles" not in names and "/JavaScript" not in names
    assert "/OpenAction" not in catalog and "/AA" not in catalog
    links = []
    for obj in pdf_objects(reader):
        assert obj.get("/Type") not in ("/EmbeddedFile", "/Filespec"), obj
        assert obj.get("/Subtype") not in ("/FileAttachment", "/Image"), obj
        if "/S" in obj and obj.get("/Type", "/Action") == "/Action":
            assert str(obj["/S"]) == "/URI", obj  # no /JavaScript, /Launch, /GoToR, /SubmitForm
            links.append(str(obj["/URI"]))
    assert set(links) == ({f"{base}/report.pdf"} if web_links else set()), links
    raw = path.read_bytes()
    for name in (b"/EmbeddedFile", b"/FileAttachment", b"/JavaScript", b"/Launch"):
        assert name not in raw


def test_hostile_text_stays_text(small_repo: GitRepo, server: str) -> None:
    plant(small_repo, server)
    small_repo.commit("Hostile notes", "2026-11-26T13:00:00+00:00")
    result = small_repo.build("--provider", "acme", "--period", "2026-Q3")
    assert result.exit_code == 0, result.output
    for doc in DOCS:
        check_html(small_repo.reports / f"{doc}.html", server)
        check_pdf(small_repo.reports / f"{doc}.pdf", server, web_links=True)
    team = (small_repo.reports / "acme/2026-Q3/team.html").read_text(encoding="utf-8")
    assert "Weekend &lt;script&gt;alert(3)&lt;/script&gt; cover" in team
    assert "Acme &lt;svg onload=alert(4)&gt;" in team
    assert Counting.requests == []
    # the server does count: a request made on purpose is seen
    with urllib.request.urlopen(f"{server}/control", timeout=5) as answer:
        assert answer.read() == b"<p>fetched</p>"
    assert Counting.requests == ["GET /control"]


def test_the_portfolio_and_index_stay_clean(small_repo: GitRepo, server: str) -> None:
    plant(small_repo, server)
    small_repo.commit("Hostile notes", "2026-11-26T13:00:00+00:00")
    result = small_repo.build("--audience", "portfolio")
    assert result.exit_code == 0, result.output
    parser = Markup()
    parser.feed((small_repo.reports / "portfolio.html").read_text(encoding="utf-8"))
    for tag, attrs in parser.tags:
        assert tag not in ("script", "iframe", "img", "link", "object")
        assert not any(name.startswith("on") for name in attrs)
        assert not any("javascript:" in v or "file:" in v for v in attrs.values())
    assert NAME in "".join(parser.text)
    check_pdf(small_repo.reports / "portfolio.pdf", server, web_links=False)
    assert Counting.requests == []
