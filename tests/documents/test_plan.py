"""The plan of documents, and every document of the demo data rendered strictly."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

import sample_portfolio as sample
from scorecard.data.load import load
from scorecard.data.provenance import Amendment, Provenance
from scorecard.documents import plan as documents
from scorecard.documents.templating import TemplateRenderError, make_environment, render_template
from scorecard.figures.compute import compute
from scorecard.figures.results import Portfolio

PROV = Provenance(commit="c0ffee" + "0" * 34, dirty=False, commit_day=date(2026, 11, 26))
DEMO = Path(__file__).resolve().parents[2] / "evaluations"


def test_plan_paths_and_audiences() -> None:
    portfolio = sample.portfolio()
    docs = documents.plan(portfolio, provenance=PROV)
    # acme: 2026-Q1 and 2026-Q3; globex: 2026-Q2 and 2026-Q3; two documents each.
    # globex's decision is due (deadline 2027-01-30, 65 days away): its renewal brief too.
    assert [d.html_path for d in docs] == [
        "acme/2026-Q1/provider.html", "acme/2026-Q1/team.html",
        "acme/2026-Q3/provider.html", "acme/2026-Q3/team.html",
        "globex/2026-Q2/provider.html", "globex/2026-Q2/team.html",
        "globex/2026-Q3/provider.html", "globex/2026-Q3/team.html",
        "globex/renewal.html",
        "portfolio.html", "index.html",
    ]  # fmt: skip
    brief = docs[8]
    assert (brief.audience, brief.document, brief.provider, brief.period, brief.template) == (
        "team", "renewal", "globex", None, "renewal.html"
    )
    assert brief.pdf_path == "globex/renewal.pdf"
    first = docs[0]
    assert (first.audience, first.provider, first.period, first.template) == (
        "provider", "acme", "2026-Q1", "provider.html"
    )
    assert first.pdf_path == "acme/2026-Q1/provider.pdf"
    assert docs[-1].audience == "index" and docs[-1].pdf_path is None
    assert docs[-2].paths == ("portfolio.html", "portfolio.pdf")


def test_plan_narrowed() -> None:
    portfolio = sample.portfolio()
    docs = documents.plan(
        portfolio, provenance=PROV, providers={"acme"}, audiences={"provider", "index"}, pdf=False
    )
    assert [d.html_path for d in docs] == [
        "acme/2026-Q1/provider.html", "acme/2026-Q3/provider.html", "index.html"
    ]
    assert all(d.pdf_path is None for d in docs)
    only_index = documents.plan(portfolio, provenance=PROV, providers={"nobody"})
    assert only_index == ()  # nothing to list, so no index either


def test_audience_renewal_builds_every_brief() -> None:
    portfolio = sample.portfolio()
    # acme's notice deadline has passed (no decision due), yet --audience renewal makes its brief
    docs = documents.plan(portfolio, provenance=PROV, audiences={"renewal"}, pdf=False)
    assert [(d.html_path, d.audience, d.document) for d in docs] == [
        ("acme/renewal.html", "team", "renewal"),
        ("globex/renewal.html", "team", "renewal"),
    ]
    # provider documents only: no brief
    provider_only = documents.plan(portfolio, provenance=PROV, audiences={"provider"})
    assert all(d.document == "provider" for d in provider_only)


def test_contexts_hold_only_the_view() -> None:
    portfolio = sample.portfolio()
    docs = {d.html_path: d for d in documents.plan(portfolio, provenance=PROV)}
    assert set(docs["acme/2026-Q3/provider.html"].context()) == {"meta", "p"}
    assert set(docs["acme/2026-Q3/team.html"].context()) == {"meta", "p", "team"}
    assert set(docs["portfolio.html"].context()) == {"meta", "v"}
    assert set(docs["index.html"].context()) == {"meta", "v"}


def test_amendments_reach_the_documents_by_record_path() -> None:
    portfolio = sample.portfolio()
    acme = portfolio.provider("acme")
    assert acme is not None and acme.latest is not None
    path = acme.latest.record.source.repo_path
    change = Amendment(date(2026, 11, 12), "Priya Shah", "Correct the figures", "ab" * 20)
    docs = {
        d.html_path: d
        for d in documents.plan(portfolio, provenance=PROV, amendments={path: [change]})
    }
    assert docs["acme/2026-Q3/provider.html"].context()["p"].revised_on == date(2026, 11, 12)
    team = docs["acme/2026-Q3/team.html"].context()["team"]
    assert [a.subject for a in team.amendments] == ["Correct the figures"]


@pytest.fixture(scope="module")
def demo() -> Portfolio:
    dataset, problems = load(DEMO)
    assert dataset is not None, [str(p) for p in problems]
    return compute(dataset, date(2026, 11, 26))


def test_every_demo_document_renders_strictly(demo: Portfolio) -> None:
    """StrictUndefined: a key missing from a view would fail here."""
    env = make_environment()
    docs = documents.plan(demo, provenance=PROV)
    planned = {d.html_path for d in docs} | {d.pdf_path for d in docs if d.pdf_path}
    # 38 demo records, Northgate's renewal brief (its decision is due), the portfolio, the index
    assert len(docs) == 2 * 38 + 1 + 2
    for doc in docs:
        html = render_template(env, doc.template, doc.context())
        label = "Shared with" if doc.audience == "provider" else "Internal: do not forward"
        assert label in html, doc.html_path
        assert "c0ffee0" in html  # provenance: the commit
        if doc.audience == "index":
            links = re.findall(r'href="([^"]+)"', html)
            assert set(links) == planned - {"index.html"}


def test_a_missing_key_is_an_error(demo: Portfolio) -> None:
    env = make_environment()
    doc = documents.plan(demo, provenance=PROV, audiences={"provider"})[0]
    context = dict(doc.context())
    del context["p"]
    with pytest.raises(TemplateRenderError):
        render_template(env, doc.template, context)


def test_draft_marks_every_document(demo: Portfolio) -> None:
    env = make_environment()
    draft = Provenance(commit=PROV.commit, dirty=True, commit_day=PROV.commit_day)
    for doc in documents.plan(demo, provenance=draft, providers={"northgate"}, periods={"2026-Q3"}):
        assert "DRAFT" in render_template(env, doc.template, doc.context()), doc.html_path


def test_portfolio_pdf_labels_every_page(demo: Portfolio) -> None:
    """The PDF renders without a problem and every page says it is internal."""
    import io

    from pypdf import PdfReader

    from scorecard.documents.pdf import render_pdf
    from scorecard.documents.templating import template_dirs

    doc = next(d for d in documents.plan(demo, provenance=PROV) if d.audience == "portfolio")
    html = render_template(make_environment(), doc.template, doc.context())
    pdf, problems = render_pdf(html, roots=template_dirs(), source="portfolio.pdf")
    assert pdf is not None, [str(p) for p in problems]
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 2
    for page in pages:
        text = page.extract_text()
        assert "Internal: do not forward" in text
        assert "c0ffee0" in text  # the provenance footer


def test_page_size_reaches_every_document() -> None:
    docs = documents.plan(sample.portfolio(), provenance=PROV, page_size="Letter")
    assert {d.context()["meta"].page_size for d in docs} == {"Letter"}
    html = render_template(make_environment(), docs[0].template, docs[0].context())
    assert "@page { size: Letter; }" in html
