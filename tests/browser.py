"""Open an HTML file in real headless Chromium (Debian's) and report what a reader would see.

Uses Playwright's Python package to drive the system browser at
``/usr/bin/chromium``; Playwright never downloads a browser of its own here
(no ``playwright install``). The page is opened with the network cut off
except for ``file:`` URLs inside the file's own folder, so a document that
tries to load anything from elsewhere shows up in ``failed_requests``.
"""

from __future__ import annotations

import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import ConsoleMessage, Request, Route, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@dataclass
class PageView:
    """What the browser made of a page."""

    png: bytes
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    height: int = 0
    probed: object = None  # what ``probe`` returned, when one was given


def open_page(html_file: Path, *, width: int = 1024, full_page: bool = True,
              probe: str | None = None) -> PageView:
    """Load ``html_file`` in headless Chromium; a screenshot plus every error it raised.
    ``probe``: a JavaScript expression evaluated in the loaded page (``view.probed``)."""
    html_file = html_file.resolve()
    page_url = html_file.as_uri()
    view = PageView(png=b"")
    with (
        tempfile.TemporaryDirectory(prefix="scorecard-chromium-") as profile,
        sync_playwright() as p,
    ):
        context = p.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            viewport={"width": width, "height": 800},
            offline=True,
            java_script_enabled=False,
        )
        try:
            page = context.new_page()

            def on_console(message: ConsoleMessage) -> None:
                if message.type in ("error", "warning"):
                    view.console_errors.append(f"{message.type}: {message.text}")

            def on_request(request: Request) -> None:
                view.requests.append(request.url)

            def on_failed(request: Request) -> None:
                view.failed_requests.append(f"{request.url}: {request.failure}")

            def only_the_page(route: Route) -> None:
                if route.request.url.split("#")[0] == page_url:
                    route.continue_()
                else:
                    route.abort("blockedbyclient")

            page.on("console", on_console)
            page.on("pageerror", lambda error: view.console_errors.append(f"page: {error}"))
            page.on("request", on_request)
            page.on("requestfailed", on_failed)
            page.route("**/*", only_the_page)
            page.goto(page_url, wait_until="load")
            view.height = int(page.evaluate("document.documentElement.scrollHeight"))
            if probe is not None:
                view.probed = page.evaluate(probe)
            view.png = page.screenshot(full_page=full_page, type="png")
        finally:
            context.close()
    return view


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def png_colours(png: bytes) -> int:
    """Distinct colours in an 8-bit RGB(A) non-interlaced PNG (what Chromium writes)."""
    width, height = png_size(png)
    depth, colour_type, interlace = png[24], png[25], png[28]
    if depth != 8 or colour_type not in (2, 6) or interlace:
        raise ValueError("only 8-bit RGB(A) non-interlaced PNGs are read here")
    channels = 3 if colour_type == 2 else 4
    data, offset = b"", 8
    while offset < len(png):
        length = int.from_bytes(png[offset : offset + 4], "big")
        kind = png[offset + 4 : offset + 8]
        if kind == b"IDAT":
            data += png[offset + 8 : offset + 8 + length]
        offset += 12 + length
    raw = zlib.decompress(data)
    stride = width * channels
    previous = bytearray(stride)
    colours: set[bytes] = set()
    for y in range(height):
        start = y * (stride + 1)
        row_filter, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if row_filter == 1:
                line[i] = (line[i] + a) & 0xFF
            elif row_filter == 2:
                line[i] = (line[i] + b) & 0xFF
            elif row_filter == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif row_filter == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        colours.update(bytes(line[i : i + 3]) for i in range(0, stride, channels))
        previous = line
    return len(colours)
