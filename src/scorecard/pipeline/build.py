"""One build, top to bottom: load, validate, score, plan, render, publish.

``build()`` is the whole product in one function. Each stage returns problems
as data; the build stops before writing anything when a stage found errors,
so a failed build leaves the previous reports untouched.

Rendering runs document by document, in worker processes when ``jobs > 1``.
Each document's HTML is rendered afresh (it is cheap and holds every figure);
its PDF is taken from an earlier output when it was made from the very same
HTML, templates and versions (see ``scorecard.output.reuse``), and rendered otherwise.
Rendered files go to a scratch folder as they are made, so memory does not
grow with the number of documents; ``publish`` then moves them into place.

Provider and team documents carry their own provenance (the latest commit of
the data they are made from, see ``document_sources``), so a commit re-renders
only the documents whose data it touched. docs/scaling.md has the whole design.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scorecard import __version__
from scorecard.data.problems import Location, Problem, has_errors
from scorecard.data.provenance import Provenance
from scorecard.figures.results import Portfolio

if TYPE_CHECKING:
    from scorecard.data.gitinfo import DataHistory

SUPPORTED_AUDIENCES = ("provider", "team", "portfolio")


@dataclass(frozen=True)
class Shard:
    """Build share ``index`` (1-based) of ``count`` shares."""

    index: int
    count: int

    def holds(self, stem: str) -> bool:
        digest = hashlib.sha256(stem.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1


@dataclass(frozen=True)
class BuildOptions:
    data_dir: Path = Path("evaluations")
    out_dir: Path = Path("reports")
    ref: str | None = None
    as_of: date | None = None  # None: the commit's day (today for a draft)
    providers: frozenset[str] | None = None
    periods: frozenset[str] | None = None
    audiences: frozenset[str] | None = None
    pdf: bool = True
    templates: Path | None = None  # the user's templates, tried before ours
    page_size: str = "A4"
    jobs: int = 1
    force: bool = False  # render everything, reuse nothing
    shard: Shard | None = None
    join: tuple[Path, ...] = ()  # shard outputs to take documents from

    @property
    def narrowed(self) -> bool:
        return (
            self.providers is not None
            or self.periods is not None
            or self.audiences is not None
            or self.shard is not None
        )


@dataclass
class BuildReport:
    problems: list[Problem] = field(default_factory=list)
    portfolio: Portfolio | None = None
    provenance: Provenance | None = None
    documents: int = 0  # files listed in the manifest
    rendered: int = 0  # PDFs rendered by this build
    reused: int = 0  # PDFs taken from an earlier output

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


# Progress: called after each document with (done, total, path).
Progress = Callable[[int, int, str], None]


def build(options: BuildOptions, *, today: date, progress: Progress | None = None) -> BuildReport:
    """Build every document the options ask for into ``options.out_dir``."""
    from scorecard.data import gitinfo
    from scorecard.data.load import load
    from scorecard.documents import plan as docs
    from scorecard.figures.compute import compute
    from scorecard.figures.export import to_data_json
    from scorecard.output.publish import read_manifest

    report = BuildReport()
    data_dir = Path(options.data_dir)

    # 1. load and validate
    dataset, problems = load(data_dir, ref=options.ref)
    report.problems += problems
    if dataset is None or has_errors(problems):
        return report
    provenance, problems = gitinfo.provenance(data_dir, options.ref)
    report.problems += problems
    if provenance is None or has_errors(problems):
        return report
    report.provenance = provenance

    # 2. compute
    as_of = options.as_of or gitinfo.default_as_of(provenance, today)
    portfolio = compute(dataset, as_of)
    report.portfolio = portfolio
    known = {p.provider.id for p in portfolio.providers}
    for wanted in sorted((options.providers or set()) - known):
        report.problems.append(_unknown_provider(data_dir, wanted, known))
    evaluated = {
        e.period.label
        for r in portfolio.providers
        if options.providers is None or r.provider.id in options.providers
        for e in r.evaluations
    }
    for wanted in sorted((options.periods or set()) - evaluated):
        report.problems.append(
            Problem(
                Location(str(data_dir / "records")),
                f"no evaluation as of {as_of.isoformat()} is for the period {wanted}",
                field="--period",
                hint="Check the period, or the providers named with --provider.",
            )
        )
    out_dir = Path(options.out_dir)
    if out_dir.absolute().is_relative_to(data_dir.absolute()):
        report.problems.append(
            Problem(
                Location(str(out_dir)),
                "the output folder is inside the data folder: unless git ignores it, "
                "every later build counts these documents as uncommitted changes "
                "to the data and marks its documents as drafts",
                field="--out",
                hint=f"Write the documents outside {data_dir}, e.g. --out reports.",
                severity="warning",
            )
        )
    if has_errors(report.problems):
        return report

    # 3. plan
    history = gitinfo.data_history(data_dir, options.ref)
    amendments = {path: tuple(changes) for path, changes in history.amendments.items()}
    planned = docs.plan(
        portfolio,
        provenance=provenance,
        amendments=amendments,
        providers=options.providers,
        periods=options.periods,
        audiences=_audiences(options),
        pdf=options.pdf,
        page_size="Letter" if options.page_size == "Letter" else "A4",
    )
    if options.narrowed:
        # A narrowed build (or a shard) keeps the full build's index.
        planned = tuple(d for d in planned if d.audience != "index")
    if options.shard is not None:
        # A share holds provider and team documents; the join makes the portfolio
        # (and index, data.json), which depend on every provider.
        shard = options.shard
        planned = tuple(
            d for d in planned if d.audience != "portfolio" and shard.holds(d.stem)
        )
    if provenance.commit is not None:
        changed = (
            gitinfo.changed_files(data_dir)
            if provenance.dirty and options.ref is None
            else frozenset()
        )
        if changed is not None and changed - _loaded_files(portfolio):
            # files we did not read changed (a record deleted, a stray file): we
            # cannot say which documents that touches, so all are drafts
            changed = None
        planned = tuple(
            _own_provenance(d, portfolio, history, changed, provenance) for d in planned
        )

    # 4. render into a scratch folder
    _, problems = read_manifest(out_dir) if out_dir.is_dir() else (None, [])
    report.problems += [p for p in problems if p.severity != "error"]
    try:
        out_dir.absolute().parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=f".{out_dir.absolute().name}.rendering-",
                                        dir=out_dir.absolute().parent))
    except OSError as error:
        report.problems.append(
            Problem(Location(str(out_dir)), f"cannot write next to the output folder: "
                    f"{error.strerror or error}", field="--out")
        )
        return report
    try:
        made, problems, counts = _render_all(
            planned, options, scratch, as_of=as_of, progress=progress
        )
        report.problems += problems
        report.rendered, report.reused = counts
        if has_errors(report.problems):
            return report
        extras: dict[str, bytes] = {}
        if options.shard is None:
            # data.json holds every figure of the portfolio, whatever was narrowed
            extras["data.json"] = to_data_json(portfolio, provenance).encode("utf-8")
        report.problems += _publish(
            options, planned, made, scratch, extras, as_of=as_of, provenance=provenance
        )
        if options.narrowed and options.shard is None and not has_errors(report.problems):
            # the index lists what the folder now holds: this build's and earlier ones'
            report.problems += _refresh_index(options, portfolio, provenance)
        report.documents = sum(
            1 for d in planned if d.audience in SUPPORTED_AUDIENCES for _ in d.paths
        )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return report


def _audiences(options: BuildOptions) -> Collection[Any] | None:
    if options.audiences is None:
        return None
    # The index goes with every full build; a narrowed one keeps the old index.
    return set(options.audiences)


def _unknown_provider(data_dir: Path, wanted: str, known: Collection[str]) -> Problem:
    import difflib

    close = difflib.get_close_matches(wanted, sorted(known), n=1)
    if close:
        hint = f"Did you mean {close[0]!r}?"
    else:
        hint = f"Known providers: {', '.join(sorted(known))}."
    return Problem(
        Location(str(data_dir / "providers")),
        f"there is no provider {wanted!r}",
        field="--provider",
        hint=hint,
    )


# --- per-document provenance -------------------------------------------------------
#
# The footer of a provider or team document names the data commit its figures
# come from, and a document is a DRAFT when that data has uncommitted changes.
# Were that the build's commit, any new commit would change every document and
# force a full re-render. So each of these documents names the latest commit
# among the files its content is derived from (see ``document_sources``): the
# state of the data the document reflects, which a later commit that touches
# none of those files does not change. The portfolio, index, data.json and
# manifest depend on everything and keep the build's commit.


def document_sources(portfolio: Portfolio, audience: str, provider: str | None,
                     period: str | None) -> tuple[str, ...] | None:
    """The data files (paths inside the repository) a provider or team document
    is made from; None for documents made from everything (portfolio, index).

    A provider document: the programme, the provider's file, and its records
    up to and including the period (earlier ones feed the trend and history).
    A team document shows the whole history, rank and peers, and names exit
    alternatives: the programme, the provider's file, all its records, each
    other provider's latest scored record (ranks), and the files of the peers
    in its service area and of the alternatives it names (their names).
    """
    if audience not in ("provider", "team") or provider is None:
        return None
    result = portfolio.provider(provider)
    if result is None:
        return None
    paths = [portfolio.programme.source.repo_path, result.provider.source.repo_path]
    if audience == "provider":
        for evaluation in result.evaluations:
            paths.append(evaluation.record.source.repo_path)
            if evaluation.period.label == period:
                break
        return tuple(paths)
    paths += [e.record.source.repo_path for e in result.evaluations]
    for other in portfolio.providers:
        scored = [e for e in other.evaluations if e.overall is not None]
        if scored:
            paths.append(scored[-1].record.source.repo_path)
    area = result.provider.service_area
    for peer in portfolio.areas.get(area, ()) if area else ():
        paths.append(peer.provider.source.repo_path)
    plan = result.provider.exit_plan
    for alternative in plan.alternatives if plan is not None else ():
        named = portfolio.provider(alternative)
        if named is not None:
            paths.append(named.provider.source.repo_path)
    return tuple(dict.fromkeys(paths))


def _loaded_files(portfolio: Portfolio) -> frozenset[str]:
    paths = {portfolio.programme.source.repo_path}
    for result in portfolio.providers:
        paths.add(result.provider.source.repo_path)
        paths.update(e.record.source.repo_path for e in result.evaluations)
    return frozenset(paths)


def _own_provenance(
    doc: Any,
    portfolio: Portfolio,
    history: DataHistory,
    changed: frozenset[str] | None,
    build: Provenance,
) -> Any:
    """``doc`` with the commit and draft state of its own sources in its ``meta``.

    ``changed``: the files with uncommitted changes; None when unknown (then
    the document is a draft whenever the build is).
    """
    sources = document_sources(portfolio, doc.audience, doc.provider, doc.period)
    if sources is None:
        return doc
    commit = history.latest(sources)
    if commit is None or any(path not in history.last for path in sources):
        commit = build.commit  # git does not know them all: say the whole build's
    dirty = build.dirty if changed is None else any(path in changed for path in sources)
    return replace(doc, build_context=_stamped(doc.build_context, commit or "", dirty))


def _stamped(
    build_context: Callable[[], Mapping[str, Any]], commit: str, dirty: bool
) -> Callable[[], Mapping[str, Any]]:
    def context() -> Mapping[str, Any]:
        found = dict(build_context())
        found["meta"] = replace(found["meta"], commit=commit, dirty=dirty)
        return found

    return context


# --- rendering ----------------------------------------------------------------


@dataclass(frozen=True)
class _Outcome:
    index: int
    made: Mapping[str, tuple[str, str]]  # path -> (input key, sha256)
    problems: tuple[Problem, ...]
    rendered: bool  # a PDF was rendered (not reused)


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
    from scorecard.documents.pdf import render_pdf
    from scorecard.documents.templating import TemplateRenderError, render_template
    from scorecard.output.reuse import input_key

    state = _STATE
    assert state is not None and state.env is not None
    doc = state.documents[index]
    made: dict[str, tuple[str, str]] = {}
    try:
        html = render_template(state.env, doc.template, doc.context())
    except TemplateRenderError as error:
        return _Outcome(index, made, (error.problem,), False)
    html_bytes = html.encode("utf-8")
    key = input_key(state.statics, html_bytes)
    _write(state.scratch / doc.html_path, html_bytes)
    made[doc.html_path] = (key, hashlib.sha256(html_bytes).hexdigest())
    if doc.pdf_path is None:
        return _Outcome(index, made, (), False)
    content = state.reuse.find(doc.pdf_path, key) if state.reuse is not None else None
    rendered = content is None
    if content is None:
        content, problems = render_pdf(
            html, roots=state.roots, source=doc.pdf_path, created=state.as_of
        )
        if content is None:
            return _Outcome(index, made, tuple(problems), True)
    _write(state.scratch / doc.pdf_path, content)
    made[doc.pdf_path] = (key, hashlib.sha256(content).hexdigest())
    return _Outcome(index, made, (), rendered)


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def _render_all(
    planned: Sequence[Any],
    options: BuildOptions,
    scratch: Path,
    *,
    as_of: date,
    progress: Progress | None,
) -> tuple[dict[str, tuple[str, str]], list[Problem], tuple[int, int]]:
    global _STATE
    import weasyprint

    from scorecard.documents.templating import template_dirs
    from scorecard.output.pool import ordered_map
    from scorecard.output.reuse import Reuse, folder_key, input_key

    roots = [Path(r).resolve() for r in template_dirs(options.templates)]
    statics = input_key(
        "scorecard", __version__, "weasyprint", weasyprint.__version__, options.page_size,
        folder_key(roots),
    )
    reuse = None if options.force else Reuse([Path(options.out_dir), *options.join])
    _STATE = _State(planned, options, scratch, as_of, roots, statics, reuse=reuse)
    made: dict[str, tuple[str, str]] = {}
    problems: list[Problem] = []
    rendered = reused = 0
    try:
        outcomes = ordered_map(
            _render_one, range(len(planned)), options.jobs, _warm, recycle=RECYCLE
        )
        for done, outcome in enumerate(outcomes, start=1):
            made.update(outcome.made)
            problems += outcome.problems
            doc = planned[outcome.index]
            if doc.pdf_path is not None and not outcome.problems:
                if outcome.rendered:
                    rendered += 1
                else:
                    reused += 1
            if progress is not None:
                progress(done, len(planned), doc.stem)
    finally:
        _STATE = None
    return made, problems, (rendered, reused)


# --- publishing -----------------------------------------------------------------


class _ScratchFiles(Mapping[str, bytes]):
    """The files to publish, read from the scratch folder one at a time."""

    def __init__(self, scratch: Path, paths: Sequence[str], extras: Mapping[str, bytes]) -> None:
        self._scratch = scratch
        self._paths = [p for p in paths if p not in extras]
        self._extras = extras

    def __getitem__(self, path: str) -> bytes:
        if path in self._extras:
            return self._extras[path]
        if path not in self._paths:
            raise KeyError(path)
        return (self._scratch / path).read_bytes()

    def __iter__(self) -> Iterator[str]:
        yield from self._paths
        yield from self._extras

    def __len__(self) -> int:
        return len(self._paths) + len(self._extras)


def _publish(
    options: BuildOptions,
    planned: Sequence[Any],
    made: Mapping[str, tuple[str, str]],
    scratch: Path,
    extras: dict[str, bytes],
    *,
    as_of: date,
    provenance: Provenance,
) -> list[Problem]:
    from scorecard.output.publish import Format, Manifest, ManifestEntry, publish
    from scorecard.output.reuse import INPUTS_FILE, Made, made_bytes, read_made

    out_dir = Path(options.out_dir)
    entries: list[ManifestEntry] = []
    for doc in planned:
        for path in doc.paths:
            if path not in made:
                continue
            if doc.audience in SUPPORTED_AUDIENCES:
                fmt: Format = "pdf" if path.endswith(".pdf") else "html"
                entries.append(
                    ManifestEntry(path, doc.audience, doc.provider, doc.period, fmt, made[path][1])
                )
    inputs = {} if not options.narrowed else dict(read_made(out_dir))
    inputs.update({path: Made(key, digest) for path, (key, digest) in made.items()})
    extras[INPUTS_FILE] = made_bytes(inputs)
    manifest = Manifest(
        as_of=as_of,
        commit=provenance.commit,
        dirty=provenance.dirty,
        documents=tuple(sorted(entries, key=lambda e: e.path)),
    )
    files = _ScratchFiles(scratch, sorted(made), extras)
    return publish(out_dir, files, manifest, replace_all=not options.narrowed)


def _refresh_index(
    options: BuildOptions, portfolio: Portfolio, provenance: Provenance
) -> list[Problem]:
    """After a narrowed build: write ``index.html`` over what the manifest lists."""
    import os

    from scorecard.documents.templating import (
        TemplateRenderError,
        make_environment,
        render_template,
    )
    from scorecard.documents.views.index import IndexEntry, index_view
    from scorecard.output.publish import read_manifest

    out_dir = Path(options.out_dir)
    manifest, problems = read_manifest(out_dir)
    if manifest is None:
        return problems
    stems: dict[str, dict[str, Any]] = {}
    for entry in manifest.documents:
        stem, _, fmt = entry.path.rpartition(".")
        doc = stems.setdefault(stem, {"audience": entry.audience, "provider": entry.provider,
                                      "period": entry.period, "html": None, "pdf": None})
        doc[fmt] = entry.path
    entries = [
        IndexEntry(d["audience"], d["provider"], d["period"], d["html"], d["pdf"])
        for _, d in sorted(stems.items())
        if d["html"] is not None
    ]
    page = index_view(portfolio, entries, provenance=provenance)
    meta = replace(page.meta, page_size="Letter" if options.page_size == "Letter" else "A4")
    try:
        html = render_template(
            make_environment(options.templates), "index.html", {"meta": meta, "v": page}
        )
    except TemplateRenderError as error:
        return [error.problem]
    target = out_dir / "index.html"
    partial = out_dir / ".index.html.part"
    partial.write_bytes(html.encode("utf-8"))
    os.replace(partial, target)
    return []
