"""Rendering the planned documents into a scratch folder, in worker processes
when ``jobs > 1``.

Each document's HTML is rendered afresh (it is cheap and holds every figure);
its PDF is taken from an earlier output (the output folder, or the shard
outputs given with ``--join``) when it was made from the very same HTML,
templates and versions (see ``scorecard.output.reuse``), and rendered
otherwise. Rendered files go to the scratch folder as they are made, so
memory does not grow with the number of documents.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from scorecard import __version__
from scorecard.data.problems import Problem
from scorecard.pipeline.options import BuildOptions, Progress


@dataclass(frozen=True)
class _Outcome:
    index: int
    made: Mapping[str, tuple[str, str]]  # path -> (input key, sha256)
    problems: tuple[Problem, ...]
    rendered: bool  # a PDF was rendered (not reused)
    # the document's content (scorecard.documents.identity) and the commit it names
    content: tuple[str, str] | None = None


@dataclass
class _State:
    """What every worker needs; set before the workers fork, so it is shared."""

    documents: Sequence[Any]
    options: BuildOptions
    scratch: Path
    as_of: date
    roots: list[Path]
    statics: str  # key of the templates and versions
    env: Any = None
    reuse: Any = None


_STATE: _State | None = None

# A rendering worker is replaced by a fresh one after this many documents:
# WeasyPrint, Pango and cairo keep caches that grow over a long run, and a
# fresh worker costs one font load (well under 1% of 100 documents).
RECYCLE = 100


def _warm() -> None:
    """Worker start: make the Jinja environment and load WeasyPrint once."""
    from scorecard.documents import pdf as _pdf  # noqa: F401  (imports WeasyPrint)
    from scorecard.documents.templating import make_environment

    assert _STATE is not None
    _STATE.env = make_environment(_STATE.options.templates)


def _render_one(index: int) -> _Outcome:
    from scorecard.documents.identity import content_of
    from scorecard.documents.pdf import render_pdf
    from scorecard.documents.templating import TemplateRenderError, render_template
    from scorecard.output.reuse import input_key

    state = _STATE
    assert state is not None and state.env is not None
    doc = state.documents[index]
    made: dict[str, tuple[str, str]] = {}
    context = doc.context()
    meta = context.get("meta")
    fingerprint = (content_of(context), str(getattr(meta, "commit", "") or ""))
    try:
        html = render_template(state.env, doc.template, context)
    except TemplateRenderError as error:
        return _Outcome(index, made, (error.problem,), False)
    html_bytes = html.encode("utf-8")
    key = input_key(state.statics, html_bytes)
    _write(state.scratch / doc.html_path, html_bytes)
    made[doc.html_path] = (key, hashlib.sha256(html_bytes).hexdigest())
    if doc.pdf_path is None:
        return _Outcome(index, made, (), False, fingerprint)
    content = state.reuse.find(doc.pdf_path, key) if state.reuse is not None else None
    rendered = content is None
    if content is None:
        # its days come from the HTML's dcterms meta tags (the document's own as-of
        # day), so the PDF follows from the HTML alone, as its reuse key says
        content, problems = render_pdf(html, roots=state.roots, source=doc.pdf_path)
        if content is None:
            return _Outcome(index, made, tuple(problems), True)
    _write(state.scratch / doc.pdf_path, content)
    made[doc.pdf_path] = (key, hashlib.sha256(content).hexdigest())
    return _Outcome(index, made, (), rendered, fingerprint)


def _write(path: Path, content: bytes) -> None:
    write_chunks(path, (content,))


def write_chunks(path: Path, chunks: Iterable[bytes]) -> None:
    """A new file in the scratch folder, written piece by piece: never over another,
    never through a link."""
    import os

    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    with os.fdopen(fd, "wb") as handle:
        for chunk in chunks:
            handle.write(chunk)


def render_all(
    planned: Sequence[Any],
    options: BuildOptions,
    scratch: Path,
    *,
    as_of: date,
    progress: Progress | None,
    order: Sequence[int] | None = None,
) -> tuple[dict[str, tuple[str, str]], list[Problem], tuple[int, int], dict[str, tuple[str, str]]]:
    """Render ``planned`` into ``scratch``: the files made (path -> (input key,
    sha256)), the problems, how many PDFs were rendered and reused, and each
    document's content (stem -> (``scorecard.documents.identity.content_of``, the
    commit it names)). ``order``: the indices of ``planned`` in the order to
    render them (``scorecard.pipeline.days``; default: as planned)."""
    global _STATE
    import weasyprint

    from scorecard.documents.templating import template_dirs
    from scorecard.output.pool import ordered_map
    from scorecard.output.reuse import Reuse, folder_key, input_key, reuse_key

    roots = [Path(r).resolve() for r in template_dirs(options.templates)]
    statics = input_key(
        "scorecard", __version__, "weasyprint", weasyprint.__version__, options.page_size,
        folder_key(roots),
    )
    reuse = None if options.force else Reuse([Path(options.out_dir), *options.join], reuse_key())
    _STATE = _State(planned, options, scratch, as_of, roots, statics, reuse=reuse)
    made: dict[str, tuple[str, str]] = {}
    contents: dict[str, tuple[str, str]] = {}
    problems: list[Problem] = []
    rendered = reused = 0
    try:
        # recycling bounds the PDF renderer's caches; HTML alone needs none, and a
        # worker that lives on keeps the portfolios of the days it has made
        pdfs = any(d.pdf_path is not None for d in planned)
        outcomes = ordered_map(
            _render_one, list(order) if order is not None else range(len(planned)),
            options.jobs, _warm, recycle=RECYCLE if pdfs else None,
        )
        for done, outcome in enumerate(outcomes, start=1):
            made.update(outcome.made)
            problems += outcome.problems
            doc = planned[outcome.index]
            if outcome.content is not None:
                contents[doc.stem] = outcome.content
            if doc.pdf_path is not None and not outcome.problems:
                if outcome.rendered:
                    rendered += 1
                else:
                    reused += 1
            if progress is not None:
                progress(done, len(planned), doc.stem)
    finally:
        _STATE = None
    return made, problems, (rendered, reused), contents
