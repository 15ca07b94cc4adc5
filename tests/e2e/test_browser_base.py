"""The base layout in a real browser: opens offline as one file, no errors, not blank."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from browser import open_page, png_colours, png_size
from scorecard.documents.charts import category_bars, score_history
from scorecard.documents.templating import DocumentMeta, audience_label, make_environment

BANDS = [("Strong", 80.0), ("Adequate", 60.0), ("At risk", 0.0)]

SAMPLE = """{% extends "base.html" %}
{% block content %}
<div class="figures">
  <div class="figure"><div class="value">72</div><div class="label">Overall score</div></div>
  <div class="figure"><div class="value"><span class="band band-mid">Adequate</span></div>
    <div class="label">Band</div></div>
</div>
<h2>Over time</h2><div class="chart">{{ history }}</div>
<h2>By category</h2><div class="chart">{{ categories }}</div>
<table><thead><tr><th>Criterion</th><th class="num">Result</th><th>Status</th></tr></thead>
<tbody>
<tr><td>Availability</td><td class="num">99.95%</td><td><span class="met">Met</span></td></tr>
<tr><td>First response</td><td class="num">42 min</td>
  <td><span class="missed">Missed</span></td></tr>
</tbody></table>
{{ note | markdown }}
{% endblock %}
"""


def write_sample(folder: Path, *, dirty: bool) -> Path:
    meta = DocumentMeta(
        title="Provider scorecard: Acme Managed IT, 2026-Q3",
        audience="provider",
        audience_label=audience_label("provider", "Acme Managed IT"),
        as_of=date(2026, 9, 30),
        commit="3f2a9c1e0b",
        dirty=dirty,
        provider="Acme Managed IT",
        period="2026-Q3",
    )
    html = make_environment().from_string(SAMPLE).render(
        meta=meta,
        history=score_history([("2026-Q1", 58.5), ("2026-Q2", None), ("2026-Q3", 72.35)], BANDS),
        categories=category_bars([("Service", 80.0), ("Relationship", 55.5)]),
        # A hostile note: the browser must neither run nor fetch any of it.
        note="<script>console.error('ran')</script> ![x](http://127.0.0.1:9/x.png) **ok**",
    )
    path = folder / "provider.html"
    path.write_text(html, encoding="utf-8")
    return path


def test_base_layout_opens_offline_without_errors(tmp_path: Path) -> None:
    page = write_sample(tmp_path, dirty=True)
    view = open_page(page)
    assert view.console_errors == []
    assert view.failed_requests == []
    assert view.requests == [page.resolve().as_uri()]  # one file: nothing else was asked for
    width, height = png_size(view.png)
    assert width == 1024
    assert 900 < height < 5000, height  # a page of content, not an empty or runaway layout
    assert view.height == height
    # Text, badges, charts and the draft banner: far more than a blank page's one or two.
    assert png_colours(view.png) > 200


def test_a_page_that_loads_outside_files_is_caught(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><p>x</p><img src="file:///etc/hostname" alt="">')
    view = open_page(page)
    assert any("/etc/hostname" in failed for failed in view.failed_requests)
