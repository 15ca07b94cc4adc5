"""Page layout in the PDFs themselves (pdftotext -bbox, Poppler), issue 23:

- the demo's documents (a strong, a weak and a little-scored provider, each kind): no page
  but the last is under a third full, and chart text prints at 8 pt or more;
- a provider name of 260 characters keeps the audience label in the running header of
  every page, inside the page;
- a table of open problems never leaves its first or its last row alone on a page,
  however many rows it has and wherever on the page it starts;
- no table in the demo's documents leaves a row (a criterion with its note, in the
  results) alone on a page, or splits one across two pages: read from WeasyPrint's
  layout of each document as the build renders it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import weasyprint
import yaml
from weasyprint.formatting_structure import boxes

from conftest import SMALL, GitRepo, make_repo
from pdfwords import BOTTOM, TOP, Word, pdf_pages, thin_pages

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

# Each demo document's tables as WeasyPrint laid them out: its title -> how many tables
# span pages, and what is wrong with them (_lone_rows).
TABLES: dict[str, tuple[int, list[str]]] = {}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo: GitRepo = make_repo(tmp_path_factory.mktemp("layout-demo"))
    chosen = ("--provider", "castellan", "--provider", "northgate", "--provider", "helpwise")
    render = weasyprint.HTML.render

    def recording(html: Any, *args: Any, **kwargs: Any) -> Any:
        document = render(html, *args, **kwargs)
        TABLES[html.etree_element.findtext(".//title") or "untitled"] = _lone_rows(document)
        return document

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(weasyprint.HTML, "render", recording)
        for args in (("--audience", "provider", "--audience", "team", *chosen, "--period",
                      "2026-Q3", "--period", "2026-09", "--period", "2026-01"),
                     ("--audience", "renewal", *chosen), ("--audience", "portfolio")):
            result = repo.build("--jobs", "1", *args)
            assert result.exit_code == 0, result.output
    return repo.reports


def _row_box(table: Any) -> type:
    return boxes.TableRowGroupBox if len(table.findall("tbody")) > 1 else boxes.TableRowBox


def _lone_rows(document: Any) -> tuple[int, list[str]]:
    """How many of a laid-out document's tables span pages, and each row of theirs that
    is alone on a page of its table or on two pages. In a table of several row groups
    (the results: a criterion, its note, its sources) a group is a row."""
    pages_of: dict[Any, dict[Any, set[int]]] = {}  # table -> row -> pages

    def walk(box: Any, page: int, table: Any) -> None:
        if isinstance(box, boxes.TableBox):
            table = box.element
            pages_of.setdefault(table, {})
        elif isinstance(box, boxes.TableRowGroupBox) and (box.is_header or box.is_footer):
            return
        elif table is not None and isinstance(box, _row_box(table)):
            pages_of[table].setdefault(box.element, set()).add(page)
            return
        for child in getattr(box, "children", ()):
            walk(child, page, table)

    for number, page in enumerate(document.pages, start=1):
        walk(page._page_box, number, None)  # the page's boxes, as WeasyPrint laid them out
    spanning, wrong = 0, []
    for rows in pages_of.values():
        on_page = Counter(page for pages in rows.values() for page in pages)
        if len(rows) < 2 or len(on_page) < 2:
            continue  # one page, or one row (the summary beside the reply may split)
        spanning += 1
        first = " ".join(" ".join(next(iter(rows)).itertext()).split())[:40]
        wrong += [f"table from {first!r}: a row on pages {sorted(pages)}"
                  for pages in rows.values() if len(pages) > 1]
        wrong += [f"table from {first!r}: one row alone on page {page}"
                  for page, count in sorted(on_page.items()) if count == 1]
    return spanning, wrong


def _pdfs(reports: Path) -> list[Path]:
    return sorted(reports.rglob("*.pdf"))


def test_every_kind_was_built(demo: Path) -> None:
    kinds = {pdf.stem for pdf in _pdfs(demo)}
    assert kinds == {"provider", "team", "renewal", "portfolio"}
    assert len(_pdfs(demo)) == 3 * 2 + 2 + 3 + 1  # helpwise has two periods here


def test_no_page_but_the_last_is_under_a_third_full(demo: Path) -> None:
    thin = [f"{pdf.relative_to(demo)} {page}" for pdf in _pdfs(demo)
            for page in thin_pages(pdf, 1 / 3)]
    assert thin == []


def test_no_table_leaves_a_row_alone_on_a_page_or_splits_one(demo: Path) -> None:
    assert len(TABLES) == len(_pdfs(demo))
    # 4 tables here span pages (12 did when a table's first row could be left behind)
    assert sum(spanning for spanning, _ in TABLES.values()) >= 3
    wrong = [f"{title}: {problem}" for title, (_, problems) in sorted(TABLES.items())
             for problem in problems]
    assert wrong == []


def _pt_per_box(words: list[Word], height: float) -> float:
    """Points of font size per point of word-box height, from the footer's "Page" (8 pt)."""
    footer = [y1 - y0 for _, y0, _, y1, t in words if t == "Page" and y0 > height - BOTTOM]
    assert footer, "no page number in the footer"
    return 8.0 / footer[0]


CHART_WORD = re.compile(r"^(?:\d{4}-(?:Q\d|\d\d)\*?|\d{1,3}\+?|\(0-100\)|Strong|Adequate)$")


def test_chart_text_prints_at_8_pt_or_more(demo: Path) -> None:
    small: list[str] = []
    checked = 0
    for pdf in _pdfs(demo):
        for number, (_, height, words) in enumerate(pdf_pages(pdf), start=1):
            text = " ".join(w[4] for w in words)
            if not any(h in text for h in ("Scores at a glance", "Latest scores compared",
                                           "Scores over the contract term")):
                continue
            scale = _pt_per_box(words, height)
            for _, y0, _, y1, word in words:
                if TOP < y0 < height - BOTTOM and CHART_WORD.match(word):
                    checked += 1
                    if (y1 - y0) * scale < 7.95:
                        small.append(f"{pdf.relative_to(demo)} p{number}: {word!r} at "
                                     f"{(y1 - y0) * scale:.1f} pt")
    assert checked > 100
    assert small == []


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


NAME = ("Acme Managed Information Technology Services, Infrastructure Outsourcing and "
        "Digital Workplace Solutions for Logistics, Warehousing and Freight Forwarding "
        "Companies in the Benelux, Germany and the Nordic Countries, a Limited Partnership "
        "Registered in Rotterdam")


def test_the_audience_label_stays_on_every_page_with_a_260_character_name(
        tmp_path: Path) -> None:
    assert len(NAME) == 260
    source = tmp_path / "data"
    shutil.copytree(SMALL, source)
    acme = _load(source / "providers" / "acme.yaml")
    acme["name"] = NAME
    _dump(source / "providers" / "acme.yaml", acme)
    repo = make_repo(tmp_path / "repo", source)
    result = repo.build("--provider", "acme", "--period", "2026-Q3", "--audience", "provider")
    assert result.exit_code == 0, result.output
    pages = pdf_pages(repo.reports / "acme" / "2026-Q3" / "provider.pdf")
    assert len(pages) >= 2
    for number, (width, _, words) in enumerate(pages, start=1):
        header = " ".join(t for _, y0, _, _, t in words if y0 < TOP)
        assert "Shared with Acme Managed Information Technology Services" in header, number
        assert all(y0 >= 0 and x0 >= 0 and x1 <= width for x0, y0, x1, _, _ in words), number


# Without the rules, 26 and 47 rows left the last one alone at the top of a page; a longer
# note in the results above (84 words more) started the table with one row at the foot of
# page 2 for 3, 4 and 26 rows.
@pytest.mark.parametrize(("rows", "longer_note"), [(4, 0), (25, 0), (26, 0), (47, 0),
                                                   (3, 28), (4, 28), (26, 28)])
def test_a_table_never_leaves_a_row_alone_on_a_page(tmp_path: Path, rows: int,
                                                    longer_note: int) -> None:
    source = tmp_path / "data"
    shutil.copytree(SMALL, source)
    acme = _load(source / "providers" / "acme.yaml")
    acme["actions"] += [
        {"id": f"r-{k:02}", "kind": "deficiency", "title": f"Rowmark{k:02} of the open problems",
         "raised": "2026-07-01", "owner": "provider", "due": "2026-12-31", "status": "open"}
        for k in range(1, rows + 1)]
    _dump(source / "providers" / "acme.yaml", acme)
    record = _load(source / "records" / "acme" / "2026-Q3.yaml")
    record["notes"]["p1-response"] += " More words here." * longer_note
    _dump(source / "records" / "acme" / "2026-Q3.yaml", record)
    repo = make_repo(tmp_path / "repo", source)
    result = repo.build("--provider", "acme", "--period", "2026-Q3", "--audience", "provider")
    assert result.exit_code == 0, result.output
    page_of = {}
    for number, (_, _, words) in enumerate(pdf_pages(repo.reports / "acme" / "2026-Q3" /
                                                  "provider.pdf"), start=1):
        for *_, word in words:
            if word.startswith("Rowmark"):
                page_of[int(word[7:9])] = number
    assert sorted(page_of) == list(range(1, rows + 1))
    counts: dict[int, int] = {}
    for page in page_of.values():
        counts[page] = counts.get(page, 0) + 1
    assert min(counts.values()) >= 2 or len(counts) == 1, counts


PROBLEM_LABELS = ("Raised in the term", "Fixed", "Dropped", "Still open", "Open and overdue",
                  "Median time to fix")


def test_the_problems_box_keeps_each_figure_beside_its_label(demo: Path) -> None:
    """The renewal brief's "Problems raised": each label's figure on the label's own line,
    to its right (a wrapped label once pushed every figure a line down)."""
    checked = 0
    for pdf in sorted(demo.rglob("renewal.pdf")):
        for _, _, words in pdf_pages(pdf):
            text = [w[4] for w in words]
            if "Problems" not in text or "raised" not in text:
                continue
            for label in PROBLEM_LABELS:
                parts = label.split()
                for i in range(len(words) - len(parts) + 1):
                    if [w[4] for w in words[i:i + len(parts)]] != parts:
                        continue
                    last = words[i + len(parts) - 1]
                    beside = [w for w in words if abs(w[1] - last[1]) < 2 and w[0] > last[2]
                              and re.match(r"^(\d+|none)$", w[4])]
                    assert beside, f"{pdf.relative_to(demo)}: nothing beside {label!r}"
                    checked += 1
                    break
    assert checked >= 3 * len(PROBLEM_LABELS)


def _page_one(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
                          capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


def test_page_one_says_who_does_what_by_when(demo: Path) -> None:
    # Castellan has no reply on file: whom to write to (the lead's address from
    # distribution.people, ours from distribution.from) and by when: 14 days (reply_days)
    # from the day it is sent, which the e-mail names (issue 18: the document names no day
    # that a later send could contradict).
    provider = _page_one(demo / "castellan" / "2026-Q3" / "provider.pdf")
    assert "Please reply to us by e-mail within 14 days of the day we send you" in provider
    assert "Send it to Pieter Bakker at pieter.bakker@vandermolen.example." in provider
    assert "Copy IT vendor management at vendors@vandermolen.example." in provider
    assert "We will score the fourth quarter of 2026 by 30 January 2027." in provider
    # Northgate's team scorecard: the internal summary and the next steps with their owner.
    team = _page_one(demo / "northgate" / "2026-Q3" / "team.pdf")
    assert "Internal summary" in team and "Next steps" in team
    assert "Pieter Bakker: decide on the contract by 31 December 2026." in team
    # The portfolio names whom it counts, and each decision has an owner and an amount.
    portfolio = _page_one(demo / "portfolio.pdf")
    assert "One has the status At risk: Northgate." in portfolio
    assert "Pieter Bakker decides. At stake: EUR 640,000 a year." in portfolio
    assert "Since the last portfolio" in portfolio
    # Each renewal brief: our position and at least three asks on page one.
    for pid in ("castellan", "northgate", "helpwise"):
        brief = _page_one(demo / pid / "renewal.pdf")
        assert "Our position:" in brief, pid
        assert len(re.findall(r"\d\. Ask ", brief)) >= 3, pid
