"""Inline SVG charts: valid, deterministic, labelled in words, safe with hostile labels."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from markupsafe import Markup

from scorecard.documents.charts import category_bars, portfolio_bars, score_history

SVG = "{http://www.w3.org/2000/svg}"
BANDS = [("Strong", 80.0), ("Adequate", 60.0), ("At risk", 0.0)]


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title") is not None
    return root


def texts(svg: str) -> list[str]:
    return [t.text or "" for t in parse(svg).iter(f"{SVG}text")]


def test_score_history_shows_periods_values_and_bands() -> None:
    svg = score_history([("2026-Q1", 58.5), ("2026-Q2", None), ("2026-Q3", 72.35)], BANDS)
    words = texts(svg)
    # 58.5 shows as 59 (halves away from zero), 72.35 as 72.
    assert {"2026-Q1", "2026-Q2", "2026-Q3", "59", "72", "not scored"} <= set(words)
    assert {"Strong", "Adequate", "At risk"} <= set(words)
    assert {"0", "20", "40", "60", "80", "100"} <= set(words)  # the 0-100 axis
    root = parse(svg)
    assert root.get("aria-label") == (
        "Overall score over time: 2026-Q1 59, 2026-Q2 not scored, 2026-Q3 72."
    )
    assert root.findtext(f"{SVG}title") == "Overall score over time"


def test_score_history_breaks_the_line_at_unscored_periods() -> None:
    svg = score_history([("A", 50), ("B", 60), ("C", None), ("D", 70), ("E", 80)], BANDS)
    lines = parse(svg).findall(f".//{SVG}polyline")
    # Two runs of scored periods, A-B and D-E: two lines of two points each.
    assert [len(line.get("points", "").split()) for line in lines] == [2, 2]
    assert len(parse(svg).findall(f".//{SVG}circle")) == 4  # a marker per scored period


def test_score_history_one_point_and_empty() -> None:
    one = score_history([("2026-Q3", 72.0)], BANDS)
    assert parse(one).findall(f".//{SVG}polyline") == []
    assert len(parse(one).findall(f".//{SVG}circle")) == 1
    assert "72" in texts(one)
    empty = score_history([], BANDS)
    assert "No scores yet" in texts(empty)
    assert parse(empty).get("aria-label") == "Overall score over time: no scores yet."
    assert "not scored" in texts(score_history([("2026-Q3", None)], BANDS))


def test_score_history_draws_periods_too_little_scored_to_judge_hollow() -> None:
    points = [("2026-Q1", 70.0), ("2026-Q2", 40.0), ("2026-Q3", 65.0)]
    svg = score_history(points, BANDS, unjudged={"2026-Q2"})
    circles = parse(svg).findall(f".//{SVG}circle")
    assert [c.get("fill") for c in circles] == ["#0072b2", "#fff", "#0072b2"]
    assert [c.get("stroke-dasharray") for c in circles] == [None, "2.5 1.5", None]
    # Said in words, on the chart and in its summary.
    assert texts(svg).count("too little scored") == 1
    assert parse(svg).get("aria-label") == (
        "Overall score over time: 2026-Q1 70, 2026-Q2 40 (too little scored to judge), 2026-Q3 65."
    )
    # Still on the line: a score was worked out, only no band was given.
    assert [len(line.get("points", "").split())
            for line in parse(svg).findall(f".//{SVG}polyline")] == [3]
    # Without it, every dot is solid and nothing is said.
    plain = score_history(points, BANDS)
    assert {c.get("fill") for c in parse(plain).findall(f".//{SVG}circle")} == {"#0072b2"}
    assert "too little" not in str(plain)
    # Beyond 12 periods the words under each period give way to one note.
    many = [(f"P{i:02d}", 50.0) for i in range(20)]
    words = texts(score_history(many, BANDS, unjudged={"P03"}))
    assert "too little scored" not in words
    assert "Hollow dots: too little scored to judge." in words


def test_score_history_with_many_periods_stays_legible() -> None:
    points = [(f"P{i:02d}", 40.0 + i) for i in range(40)]
    words = texts(score_history(points, BANDS))
    period_labels = [w for w in words if w.startswith("P")]
    assert "P39" in period_labels  # the latest period is always labelled
    assert len(period_labels) < 40  # not every one: they would overlap
    assert "79" in words  # the latest value (40 + 39) is written
    assert "41" not in words  # older values are in the aria-label, not on the chart
    assert "P00 40" in parse(score_history(points, BANDS)).get("aria-label", "")


def test_category_bars() -> None:
    svg = category_bars([("Service delivery", 80.0), ("Security", None), ("Commercial", 92.5)])
    words = texts(svg)
    assert {"Service delivery", "Security", "Commercial", "80", "93", "not scored"} <= set(words)
    rects = parse(svg).findall(f".//{SVG}rect")
    assert len(rects) == 2  # no bar for the unscored category
    # Bars are in proportion: 92.5 is 92.5/80 of 80's length.
    widths = sorted(float(r.get("width", "0")) for r in rects)
    assert widths[1] / widths[0] == pytest.approx(92.5 / 80, abs=0.01)


def test_portfolio_bars_sorted_best_first_with_band_lines() -> None:
    svg = portfolio_bars([("Acme", 72.35), ("Nimbus", None), ("Bytewise", 85.0), ("Zeta", 72.35)],
                         BANDS)
    words = texts(svg)
    names = [w for w in words if w in {"Acme", "Nimbus", "Bytewise", "Zeta"}]
    assert names == ["Bytewise", "Acme", "Zeta", "Nimbus"]  # 85, 72.35 (tie by name), unscored
    assert "Strong 80+" in words and "Adequate 60+" in words
    assert "At risk 0+" not in words  # the 0 line is the axis itself
    dashed = [ln for ln in parse(svg).iter(f"{SVG}line") if ln.get("stroke-dasharray")]
    assert len(dashed) == 2


def test_empty_bars() -> None:
    assert "No scores yet" in texts(category_bars([]))
    assert "No scores yet" in texts(portfolio_bars([], BANDS))


def test_charts_are_deterministic() -> None:
    def make() -> list[str]:
        points = [("2026-Q1", 58.5), ("2026-Q2", None), ("2026-Q3", 72.35)]
        return [
            str(score_history(points, BANDS)),
            str(category_bars(points)),
            str(portfolio_bars(points, BANDS)),
        ]

    assert make() == make()


def test_hostile_labels_are_text_only() -> None:
    evil = '<script>alert("x")</script> & "quotes"'
    for svg in (
        score_history([(evil, 50.0)], [(evil, 0.0)]),
        category_bars([(evil, 50.0)], title=evil),
        portfolio_bars([(evil, 50.0)], BANDS),
    ):
        assert isinstance(svg, Markup)
        root = parse(svg)  # still well-formed XML
        assert root.find(f".//{SVG}script") is None
        assert "<script>" not in svg
        assert any(t.startswith("<script>") for t in texts(svg)) or evil in (
            root.get("aria-label") or ""
        )


def test_scores_outside_0_100_stay_on_the_chart() -> None:
    svg = category_bars([("Over", 120.0), ("Under", -5.0)])
    rects = parse(svg).findall(f".//{SVG}rect")
    widths = [float(r.get("width", "0")) for r in rects]
    assert min(widths) == 0  # -5 drawn as 0
    assert "120" in texts(svg)  # the true value is still written


def test_portfolio_bars_never_cut_a_provider_name() -> None:
    long = "Northgate Infrastructure Solutions Ltd"
    odd = "Zyx" + "q" * 40  # one word longer than a line
    svg = portfolio_bars([(long, 49.0), (odd, 60.0), ("Acme", 80.0)], BANDS)
    words = texts(svg)
    assert "…" not in "".join(words)
    # every character of each name is written, over as many lines as it needs
    assert "Northgate Infrastructure" in words and "Solutions Ltd" in words
    assert "".join(w for w in words if w.startswith(("Zyx", "qq"))) == odd
    # the labels fit inside the drawing: none starts left of x = 0
    root = parse(svg)
    width = float(root.get("width") or 0)
    for text in root.iter(f"{SVG}text"):
        if text.get("text-anchor") == "end":
            assert float(text.get("x") or 0) - 5.6 * len(text.text or "") >= 0 - 1
            assert float(text.get("x") or 0) <= width
def test_long_provider_names_wrap_and_are_never_cut() -> None:
    long = "Northgate Infrastructure Solutions and Managed Services Limited"  # 63 characters
    word = "Supercalifragilisticexpialidociousmanagedservices"  # one 49-letter word
    svg = portfolio_bars([(long, 49.0), ("Acme", 88.0), (word, 61.0)], BANDS)
    lines = texts(svg)
    assert not any("…" in line for line in lines)
    # at most 30 characters a line, broken between words: 3 lines for the long name
    assert lines[lines.index("Northgate Infrastructure") + 1] == "Solutions and Managed Services"
    assert lines[lines.index("Northgate Infrastructure") + 2] == "Limited"
    # a word longer than a line is broken inside it: 30 + 19 letters
    assert lines[lines.index(word[:30]) + 1] == word[30:]
    # the rows grow with their labels: three lines need 3 x 11 + 8 = 41 units, not 22
    bars = [r for r in parse(svg).iter(f"{SVG}rect")]
    ys = [float(r.get("y") or 0) for r in bars]  # Acme (one line), word (2 lines), long (3)
    assert ys[1] - ys[0] == pytest.approx(22 / 2 + 30 / 2)  # Acme's half row + the word's half
    assert ys[2] - ys[1] == pytest.approx(30 / 2 + 41 / 2)
