"""The Jinja environment: user templates first, strict, escaped, with our filters."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scorecard.documents.templating import (
    DocumentMeta,
    TemplateRenderError,
    audience_label,
    band_class,
    format_day,
    format_score,
    make_environment,
    render_template,
    template_dirs,
    templates_dir,
)

BANDS = [("Adequate", 60.0), ("Strong", 80.0), ("At risk", 0.0)]


def meta(**changes: object) -> DocumentMeta:
    values: dict[str, object] = {
        "title": "Provider scorecard",
        "audience": "provider",
        "audience_label": audience_label("provider", "Acme Managed IT"),
        "as_of": date(2026, 9, 30),
        "commit": "3f2a9c1e0b",
        "provider": "Acme Managed IT",
        "period": "2026-Q3",
    }
    values.update(changes)
    return DocumentMeta(**values)  # type: ignore[arg-type]


def test_our_templates_folder_is_found() -> None:
    folder = templates_dir()
    assert (folder / "base.html").is_file()
    assert (folder / "style.css").is_file()
    assert (folder / "fonts.css").is_file()


def test_user_folder_comes_first(tmp_path: Path) -> None:
    assert template_dirs(tmp_path) == [tmp_path.resolve(), templates_dir().resolve()]
    assert template_dirs() == [templates_dir().resolve()]


def test_user_template_overrides_ours_and_ours_fills_the_rest(tmp_path: Path) -> None:
    (tmp_path / "style.css").write_text("body { color: purple; }\n")
    env = make_environment(tmp_path)
    html = render_template(env, "base.html", {"meta": meta()})
    assert "body { color: purple; }" in html  # theirs, inlined
    assert "Okabe-Ito" not in html  # ours is replaced, not added to
    assert "Shared with Acme Managed IT" in html  # base.html still ours


def test_day_filter() -> None:
    assert format_day(date(2026, 9, 30)) == "30 September 2026"
    assert format_day(date(2026, 1, 5)) == "5 January 2026"  # no leading zero


def test_score_filter_rounds_halves_away_from_zero() -> None:
    assert format_score(72.5) == "73"  # round() would give 72
    assert format_score(72.49) == "72"
    assert format_score(0.5) == "1"
    assert format_score(100.0) == "100"


def test_filters_are_registered() -> None:
    env = make_environment()
    out = env.from_string("{{ d | day }} {{ s | score }} {{ n | markdown }}").render(
        d=date(2026, 11, 26), s=62.5, n="*hi*"
    )
    assert out == "26 November 2026 63 <p><em>hi</em></p>"


def test_autoescape_is_on() -> None:
    env = make_environment()
    assert env.from_string("{{ x }}").render(x="<script>") == "&lt;script&gt;"


def test_band_class() -> None:
    assert band_class("Strong", BANDS) == "band-top"  # highest minimum, 80
    assert band_class("Adequate", BANDS) == "band-mid"
    assert band_class("At risk", BANDS) == "band-low"  # minimum 0
    assert band_class(None, BANDS) == "band-none"
    assert band_class("Unknown", BANDS) == "band-none"


def test_audience_label() -> None:
    assert audience_label("provider", "Acme") == "Shared with Acme"
    assert audience_label("team") == "Internal: do not forward"
    assert audience_label("portfolio") == "Internal: do not forward"
    with pytest.raises(ValueError):
        audience_label("provider")


def test_undefined_variable_fails_with_template_and_line(tmp_path: Path) -> None:
    (tmp_path / "doc.html").write_text("line one\n{{ meta.title }}\n{{ missing_value }}\n")
    env = make_environment(tmp_path)
    with pytest.raises(TemplateRenderError) as caught:
        render_template(env, "doc.html", {"meta": meta()})
    problem = caught.value.problem
    assert problem.location.file == str((tmp_path / "doc.html").resolve())
    assert problem.location.line == 3
    assert "missing_value" in problem.message


def test_syntax_error_names_template_and_line(tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text("ok\n\n{% if %}\n")
    env = make_environment(tmp_path)
    with pytest.raises(TemplateRenderError) as caught:
        render_template(env, "bad.html", {})
    problem = caught.value.problem
    assert problem.location.file.endswith("bad.html")
    assert problem.location.line == 3
    assert "syntax" in problem.message


def test_missing_template_is_a_problem() -> None:
    env = make_environment()
    with pytest.raises(TemplateRenderError) as caught:
        render_template(env, "nope.html", {})
    assert "nope.html" in caught.value.problem.message


def test_error_inside_an_extended_template_points_at_the_child(tmp_path: Path) -> None:
    (tmp_path / "child.html").write_text(
        '{% extends "base.html" %}\n{% block content %}\n<p>{{ 1 // zero }}</p>\n{% endblock %}\n'
    )
    env = make_environment(tmp_path)
    with pytest.raises(TemplateRenderError) as caught:
        render_template(env, "child.html", {"meta": meta(), "zero": 0})
    assert caught.value.problem.location.file.endswith("child.html")
    assert caught.value.problem.location.line == 3


def test_base_layout_frames_a_document() -> None:
    env = make_environment()
    html = render_template(env, "base.html", {"meta": meta()})
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in html
    assert "<title>Provider scorecard</title>" in html
    assert "Shared with Acme Managed IT" in html
    assert "Acme Managed IT · 2026-Q3" in html
    assert "from version 3f2a9c1 of our records." in html  # short id: first 7 characters
    assert "commit" not in html.split("<body>")[1].lower()  # a provider knows no "commit"
    assert "30 September 2026" in html
    assert "@page { size: A4; }" in html
    assert "draft-watermark\"" not in html and "DRAFT:" not in html
    # One self-contained file: no scripts, no external stylesheets or images.
    assert "<script" not in html
    assert "<link" not in html
    assert "src=" not in html


def test_base_layout_marks_drafts_and_letter_paper() -> None:
    env = make_environment()
    html = render_template(
        env, "base.html", {"meta": meta(dirty=True, page_size="Letter", audience="team",
                                        audience_label=audience_label("team"))}
    )
    assert 'class="draft-watermark"' in html
    assert "DRAFT: built from data with uncommitted changes" in html
    assert "@page { size: Letter; }" in html
    assert "Internal: do not forward" in html


def test_inline_css_cannot_close_the_style_element(tmp_path: Path) -> None:
    (tmp_path / "style.css").write_text("/* </style><script>alert(1)</script> */\n")
    env = make_environment(tmp_path)
    html = render_template(env, "base.html", {"meta": meta()})
    assert "</style><script>" not in html
    # style.css's element and phone.css's (media="screen and (max-width: 600px)"): no more.
    assert html.count("</style>") == 2
