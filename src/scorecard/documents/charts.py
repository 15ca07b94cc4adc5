"""Charts as inline SVG, drawn by our own code: small, deterministic, legible in grey.

Each function takes plain data (labels and values, bands as ``(name, min)``) and returns
a :class:`markupsafe.Markup` ``<svg>`` to put into a template (``{{ chart }}``). Every chart:

- says what it shows in words: a ``<title>``, an ``aria-label`` sentence with
  every value, ``role="img"``, and text labels for axes, values and bands;
- never relies on colour: bands are named on the chart, values are written;
- is the same string for the same input (coordinates with fixed decimals, no
  ids, no clock), so documents stay byte-identical;
- escapes every label (a provider called ``<script>`` is only text).

Scores are 0-100 and shown as whole numbers (halves away from zero).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from scorecard.documents.chart_sizes import MIN_PT, WIDTH
from scorecard.figures.rounding import display

__all__ = ["category_bars", "portfolio_bars", "score_history"]

Value = float | None
Points = Sequence[tuple[str, Value]]
Bands = Sequence[tuple[str, float]]

# The documents' stack (style.css): the shipped Inter in PDFs; Inter or the system's in HTML.
FONT = ('"Scorecard Sans", "Scorecard Fallback", Inter, "Inter Variable", -apple-system, '
        'BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif')
INK = "#1b1f24"
MUTED = "#545d68"
RULE = "#c9cfd6"
LINE = "#0072b2"  # Okabe-Ito blue
# Band areas from the highest band down: bluish green, orange, vermillion (Okabe-Ito).
BAND_FILLS = ("#009e73", "#e69f00", "#d55e00")
NOT_SCORED = "not scored"
UNJUDGED = "too little scored to judge"  # scored, but below the programme's min_coverage


def _n(x: float) -> str:
    """A coordinate: one decimal, no trailing ``.0``, no ``-0``."""
    text = f"{x:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _attr(text: str) -> str:
    return escape(text, quote=True)


def _value_words(value: Value) -> str:
    return NOT_SCORED if value is None else str(display(value))


def _clamp(value: float) -> float:
    return max(0.0, min(100.0, value))


def _fit(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _svg(width: float, height: float, title: str, summary: str, body: list[str]) -> Markup:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" role="img" '
        f'width="{_n(width)}" height="{_n(height)}" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'aria-label="{_attr(summary)}" font-family="{_attr(FONT)}" font-size="10" fill="{INK}">'
    )
    parts = [head, f"<title>{escape(title)}</title>", *body, "</svg>"]
    return Markup("\n".join(parts))


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: float | None = None,
          fill: str | None = None, weight: str | None = None, italic: bool = False,
          rotate: int = 0) -> str:
    extra = ""
    if rotate:
        extra += f' transform="rotate({rotate} {_n(x)} {_n(y)})"'
    if anchor != "start":
        extra += f' text-anchor="{anchor}"'
    if size is not None:
        extra += f' font-size="{_n(size)}"'
    if fill is not None:
        extra += f' fill="{fill}"'
    if weight is not None:
        extra += f' font-weight="{weight}"'
    if italic:
        extra += ' font-style="italic"'
    return f'<text x="{_n(x)}" y="{_n(y)}"{extra}>{escape(text, quote=False)}</text>'


def _band_fill(index: int, count: int) -> str:
    """Green for the highest band, vermillion for the lowest, orange between."""
    if index == 0:
        return BAND_FILLS[0]
    return BAND_FILLS[2] if index == count - 1 else BAND_FILLS[1]


def _sorted_bands(bands: Bands) -> list[tuple[str, float]]:
    """Highest minimum first."""
    return sorted(((name, float(low)) for name, low in bands), key=lambda b: (-b[1], b[0]))


def _summary(title: str, items: Points, unjudged: Collection[str] = ()) -> str:
    if not items:
        return f"{title}: no scores yet."
    words = ", ".join(f"{label} {_value_words(value)}"
                      + (f" ({UNJUDGED})" if value is not None and label in unjudged else "")
                      for label, value in items)
    return f"{title}: {words}."


# --- (a) overall score over time -------------------------------------------


@dataclass(frozen=True)
class _Plot:
    """The history chart's plot area, inside its margins."""

    left: float
    top: float
    width: float
    height: float

    def y_of(self, score: float) -> float:
        return self.top + self.height * (1 - _clamp(score) / 100)


def _history_bands(plot: _Plot, bands: Bands) -> list[str]:
    """A shaded strip per band, a dashed line at each band's minimum, the band's name."""
    left, plot_w, y_of = plot.left, plot.width, plot.y_of
    body: list[str] = []
    ordered = _sorted_bands(bands)
    upper = 100.0
    for index, (name, low) in enumerate(ordered):
        fill = _band_fill(index, len(ordered))
        y1, y2 = y_of(upper), y_of(max(low, 0.0))
        body.append(
            f'<rect x="{_n(left)}" y="{_n(y1)}" width="{_n(plot_w)}" height="{_n(y2 - y1)}" '
            f'fill="{fill}" fill-opacity="0.13"/>'
        )
        if low > 0:
            body.append(
                f'<line x1="{_n(left)}" y1="{_n(y2)}" x2="{_n(left + plot_w)}" y2="{_n(y2)}" '
                f'stroke="{MUTED}" stroke-width="0.6" stroke-dasharray="3 2"/>'
            )
        body.append(_text(left + plot_w + 6, (y1 + y2) / 2 + 3.5, _fit(name, 14), size=9,
                          fill=MUTED, weight="600"))
        upper = low
    return body


def _history_axes(plot: _Plot) -> list[str]:
    """The score axis (0, 20, ..., 100, with its name) and the period axis."""
    left, top, plot_w, plot_h = plot.left, plot.top, plot.width, plot.height
    body: list[str] = []
    # Axis: 0, 20, ..., 100.
    for tick in range(0, 101, 20):
        y = plot.y_of(tick)
        body.append(
            f'<line x1="{_n(left - 3)}" y1="{_n(y)}" x2="{_n(left)}" y2="{_n(y)}" '
            f'stroke="{MUTED}" stroke-width="0.6"/>'
        )
        body.append(_text(left - 5, y + 3.2, str(tick), anchor="end", size=8, fill=MUTED))
    body.append(
        f'<line x1="{_n(left)}" y1="{_n(top)}" x2="{_n(left)}" y2="{_n(top + plot_h)}" '
        f'stroke="{MUTED}" stroke-width="0.8"/>'
    )
    body.append(
        f'<line x1="{_n(left)}" y1="{_n(top + plot_h)}" x2="{_n(left + plot_w)}" '
        f'y2="{_n(top + plot_h)}" stroke="{MUTED}" stroke-width="0.8"/>'
    )
    body.append(_text(10, top + plot_h / 2, "Score (0-100)", anchor="middle", size=8,
                      fill=MUTED, rotate=-90))
    return body


def _history_line(plot: _Plot, xs: Sequence[float], points: Points) -> list[str]:
    """The line, broken where a period was not scored."""
    body: list[str] = []
    segment: list[str] = []
    segments: list[list[str]] = []
    for x, (_, value) in zip(xs, points, strict=True):
        if value is None:
            if segment:
                segments.append(segment)
            segment = []
        else:
            segment.append(f"{_n(x)},{_n(plot.y_of(value))}")
    if segment:
        segments.append(segment)
    for seg in segments:
        if len(seg) > 1:
            body.append(f'<polyline points="{" ".join(seg)}" fill="none" stroke="{LINE}" '
                        f'stroke-width="2" stroke-linejoin="round"/>')
    return body


def _history_marks(
    plot: _Plot, xs: Sequence[float], points: Points, *, label_every: int, show_values: bool,
    unjudged: Collection[str],
) -> list[str]:
    """Each period's label (every ``label_every``-th from the latest), dot and value."""
    top, plot_h = plot.top, plot.height
    body: list[str] = []
    count = len(points)
    labelled = [i for i in range(count) if (count - 1 - i) % label_every == 0]  # the latest
    for i, (x, (label, value)) in enumerate(zip(xs, points, strict=True)):
        if i in labelled:
            body.append(_text(x, top + plot_h + 13, _fit(label, 10), anchor="middle", size=8.5,
                              fill=INK))
        if value is None:
            if show_values:
                body.append(_text(x, top + plot_h + 24, NOT_SCORED, anchor="middle", size=MIN_PT,
                                  fill=MUTED, italic=True))
            continue
        y, hollow = plot.y_of(value), label in unjudged
        fill = '#fff" stroke-dasharray="2.5 1.5' if hollow else LINE
        body.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="3.2" fill="{fill}" stroke="{LINE}" '
                    f'stroke-width="2"/>')
        if hollow and show_values:
            body.append(_text(x, top + plot_h + 24, "too little scored", anchor="middle",
                              size=MIN_PT, fill=MUTED, italic=True))
        if show_values or i == count - 1:
            body.append(_text(x, y - 7, str(display(value)), anchor="middle", size=9,
                              weight="600"))
    return body


def score_history(
    points: Points,
    bands: Bands = (),
    *,
    title: str = "Overall score over time",
    width: float = WIDTH,
    height: float = 220,
    unjudged: Collection[str] = (),
) -> Markup:
    """A line of the overall score per period (oldest first), over the bands.

    ``points``: ``(period label, score or None)``; ``None`` (not scored)
    leaves a gap in the line and says "not scored" under its period.
    ``unjudged``: labels of periods scored too little to judge (no band): a hollow dot.
    ``bands``: ``(name, min)`` pairs; each is a shaded strip with its name.
    """
    left, right, top, bottom = 34.0, 78.0, 16.0, 34.0
    plot_w, plot_h = width - left - right, height - top - bottom
    plot = _Plot(left, top, plot_w, plot_h)
    body = [*_history_bands(plot, bands), *_history_axes(plot)]
    count = len(points)
    if count == 0:
        body.append(_text(left + plot_w / 2, top + plot_h / 2, "No scores yet", anchor="middle",
                          size=11, fill=MUTED, italic=True))
        return _svg(width, height, title, _summary(title, points), body)
    step = plot_w / count
    xs = [left + step * (i + 0.5) for i in range(count)]
    label_every = max(1, -(-48 // int(step)))  # period labels at least 48 units apart
    show_values = count <= 12  # beyond that, only the latest value is written
    body += _history_line(plot, xs, points)
    body += _history_marks(plot, xs, points, label_every=label_every, show_values=show_values,
                           unjudged=unjudged)
    notes = [] if show_values else [
        *(["Gaps in the line: periods not scored."] if any(v is None for _, v in points) else []),
        *([f"Hollow dots: {UNJUDGED}."] if any(label in unjudged for label, _ in points) else [])]
    if notes:
        body.append(_text(left, height - 4, " ".join(notes), size=MIN_PT, fill=MUTED, italic=True))
    return _svg(width, height, title, _summary(title, points, unjudged), body)


# --- (b) and (c) horizontal bars -------------------------------------------


LABEL_LINE = 11.0  # the height of one line of a bar's label


def _wrap(label: str, limit: int) -> list[str]:
    """``label`` in lines of at most ``limit`` characters, broken between words (a
    longer word is broken inside): a name is never cut short."""
    lines: list[str] = []
    line = ""
    for word in label.split():
        while len(word) > limit:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:limit])
            word = word[limit:]
        if line and len(line) + 1 + len(word) > limit:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line or not lines else lines


def _bar_rows(items: Points, top: float, row: float, limit: int) -> list[tuple[float, float]]:
    """Each bar's (top, height): a row grows with the lines of its label."""
    rows = []
    y = top
    for label, _ in items:
        height = max(row, LABEL_LINE * len(_wrap(label, limit)) + 8)
        rows.append((y, height))
        y += height
    return rows


def _bar_label(x: float, y: float, height: float, label: str, limit: int) -> list[str]:
    lines = _wrap(label, limit)
    first = y + height / 2 + 3.5 - LABEL_LINE * (len(lines) - 1) / 2
    return [_text(x, first + LABEL_LINE * k, line, anchor="end", size=9.5)
            for k, line in enumerate(lines)]


def _bars(
    items: Points,
    *,
    title: str,
    bands: Bands,
    width: float,
    row: float,
    label_limit: int,
) -> Markup:
    longest = max((len(line) for label, _ in items for line in _wrap(label, label_limit)),
                  default=8)
    left, right = min(longest * 5.6 + 8, 210), 62.0
    top = 34.0 if bands else 8.0
    rows = _bar_rows(items, top, row, label_limit)
    plot_bottom = rows[-1][0] + rows[-1][1] if rows else top + row
    plot_w = width - left - right
    height = plot_bottom + 22.0

    def x_of(score: float) -> float:
        return left + plot_w * _clamp(score) / 100

    body: list[str] = []
    for tick in range(0, 101, 20):
        x = x_of(tick)
        body.append(f'<line x1="{_n(x)}" y1="{_n(top)}" x2="{_n(x)}" y2="{_n(plot_bottom)}" '
                    f'stroke="{RULE}" stroke-width="0.5"/>')
        body.append(_text(x, plot_bottom + 12, str(tick), anchor="middle", size=8, fill=MUTED))
    thresholds = [(name, low) for name, low in _sorted_bands(bands) if low > 0]
    for index, (name, low) in enumerate(thresholds):
        x = x_of(low)
        label_y = top - 6 - 10 * (index % 2)  # staggered, so close thresholds stay legible
        body.append(f'<line x1="{_n(x)}" y1="{_n(label_y + 2)}" x2="{_n(x)}" '
                    f'y2="{_n(plot_bottom)}" stroke="{INK}" stroke-width="1" '
                    f'stroke-dasharray="4 2"/>')
        body.append(_text(x + 3, label_y, f"{_fit(name, 16)} {display(low)}+", size=8,
                          fill=INK, weight="600"))
    if not items:
        body.append(_text(left + plot_w / 2, top + row / 2 + 4, "No scores yet", anchor="middle",
                          size=11, fill=MUTED, italic=True))
    for (label, value), (y, h) in zip(items, rows, strict=True):
        body += _bar_label(left - 8, y, h, label, label_limit)
        middle = y + h / 2 + 3.5
        if value is None:
            body.append(_text(left + 4, middle, NOT_SCORED, size=9, fill=MUTED, italic=True))
            continue
        bar = x_of(value) - left
        body.append(f'<rect x="{_n(left)}" y="{_n(y + h / 2 - row * 0.3)}" width="{_n(bar)}" '
                    f'height="{_n(row * 0.6)}" fill="{LINE}"/>')
        body.append(_text(left + bar + 5, middle, str(display(value)), size=9.5, weight="600"))
    body.append(f'<line x1="{_n(left)}" y1="{_n(top)}" x2="{_n(left)}" y2="{_n(plot_bottom)}" '
                f'stroke="{MUTED}" stroke-width="0.8"/>')
    return _svg(width, height, title, _summary(title, items), body)


def category_bars(
    categories: Points,
    bands: Bands = (),
    *,
    title: str = "Score by category",
    width: float = WIDTH,
) -> Markup:
    """One bar per category (in the order given), its score written, a dashed line per band."""
    return _bars(categories, title=title, bands=bands, width=width, row=22, label_limit=28)


def portfolio_bars(
    providers: Points,
    bands: Bands = (),
    *,
    title: str = "Latest overall score by provider",
    width: float = WIDTH,
) -> Markup:
    """Providers' latest scores as bars, best first (unscored last), with band lines.

    Ties and unscored providers are ordered by name, so the order is stable.
    """
    ordered = sorted(
        providers,
        key=lambda item: (item[1] is None, -(item[1] or 0.0), item[0].casefold(), item[0]),
    )
    # Provider names are never cut off: long ones wrap onto more lines.
    return _bars(ordered, title=title, bands=bands, width=width, row=22, label_limit=30)
