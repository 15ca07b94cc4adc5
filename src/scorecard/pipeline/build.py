"""One build, top to bottom: load, validate, score, plan, render, publish.

``build()`` is the whole product, one stage after another. Each stage returns
problems as data; the build stops before writing anything when a stage found
errors, so a failed build leaves the previous reports untouched.

Rendering runs document by document, in worker processes when ``jobs > 1``
(``scorecard.pipeline.render``); rendered files go to a scratch folder as they
are made, and ``scorecard.pipeline.publishing`` then moves them into place.

Provider and team documents carry their own provenance (the latest commit of
the data they are made from, see ``scorecard.pipeline.stamps``), so a commit
re-renders only the documents whose data it touched. docs/scaling.md has the
whole design.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scorecard.data.problems import Location, Problem, has_errors, shown
from scorecard.data.provenance import Provenance
from scorecard.figures.results import Portfolio
from scorecard.pipeline.days import by_day
from scorecard.pipeline.options import SUPPORTED_AUDIENCES, BuildOptions, BuildReport, Progress
from scorecard.pipeline.publishing import publish_build, refresh_index
from scorecard.pipeline.render import render_all, write_chunks
from scorecard.pipeline.stamps import loaded_files, own_provenance

if TYPE_CHECKING:
    from scorecard.data.model import Dataset
    from scorecard.data.parsed import FileVersions
    from scorecard.data.versions import Listed
    from scorecard.output.folder import OutputFolder


def build(options: BuildOptions, *, today: date, progress: Progress | None = None) -> BuildReport:
    """Build every document the options ask for into ``options.out_dir``."""
    report = BuildReport()
    data_dir = Path(options.data_dir)

    # 1. load and validate; every version of a data file is read and parsed once
    from scorecard.data.parsed import FileVersions
    from scorecard.data.versions import listed_versions, several

    listed = listed_versions(data_dir, options.ref)
    versions = FileVersions(several(listed))
    loaded = _load(options, data_dir, report, today, versions)
    if loaded is None:
        return report
    dataset, provenance = loaded

    # 2. compute, and check what the options name against it
    as_of, portfolio = _score(options, dataset, provenance, today, report)
    report.problems += _selection_problems(options, portfolio, as_of)
    if has_errors(report.problems):
        return report

    # 3. hold the output folder (locked, leftovers of killed builds cleared), plan:
    #    provider and team documents show the state on their evaluated day
    from scorecard.figures.issued import Issued
    from scorecard.output.folder import open_folder

    folder, problems = open_folder(Path(options.out_dir), wait=options.lock_wait)
    report.problems += problems
    if folder is None:
        return report
    try:
        planned = _plan(options, portfolio, provenance, Issued(dataset).on,
                        _team_documents(folder.root), versions, listed)
        report.problems += _ownership(folder.root, planned)
        if has_errors(report.problems):
            return report
        # 4. render into a scratch folder, 5. publish from it
        scratch = folder.scratch()
        rendered = _render(options, planned, scratch, as_of, progress, report,
                           by_day(planned, portfolio))
        if rendered is not None:
            _publish(options, planned, rendered, scratch, portfolio, provenance, as_of, report,
                     folder)
    finally:
        report.untouched = not folder.published
        folder.close()
    return report


def _load(
    options: BuildOptions, data_dir: Path, report: BuildReport, today: date,
    versions: FileVersions,
) -> tuple[Dataset, Provenance] | None:
    """The validated data set and the build's provenance; None when either failed
    (the problems are in ``report``)."""
    from scorecard.data import gitinfo
    from scorecard.data.load import load

    dataset, problems = load(data_dir, ref=options.ref, today=today, versions=versions)
    report.problems += problems
    if dataset is None or has_errors(problems):
        return None
    provenance, problems = gitinfo.provenance(data_dir, options.ref)
    report.problems += problems
    if provenance is None or has_errors(problems):
        return None
    shallow = gitinfo.shallow_problem(data_dir) if provenance.commit is not None else None
    if shallow is not None:
        report.problems.append(shallow)
        return None
    report.provenance = provenance
    return dataset, provenance


def _score(
    options: BuildOptions,
    dataset: Dataset,
    provenance: Provenance,
    today: date,
    report: BuildReport,
) -> tuple[date, Portfolio]:
    """The as-of day and every figure of the portfolio as of that day."""
    from scorecard.data import gitinfo
    from scorecard.figures.compute import compute

    as_of = options.as_of or gitinfo.default_as_of(provenance, today)
    portfolio = compute(dataset, as_of)
    report.portfolio = portfolio
    return as_of, portfolio


def _selection_problems(
    options: BuildOptions, portfolio: Portfolio, as_of: date
) -> list[Problem]:
    """Providers and periods named that the data does not have, and an output
    folder inside the data folder."""
    problems: list[Problem] = []
    data_dir = Path(options.data_dir)
    known = {p.provider.id for p in portfolio.providers}
    for wanted in sorted((options.providers or set()) - known):
        problems.append(_unknown_provider(data_dir, wanted, known))
    evaluated = {
        e.period.label
        for r in portfolio.providers
        if options.providers is None or r.provider.id in options.providers
        for e in r.evaluations
    }
    for wanted in sorted((options.periods or set()) - evaluated):
        problems.append(
            Problem(
                Location(str(data_dir / "records")),
                f"no evaluation as of {as_of.isoformat()} is for the period {wanted}",
                field="--period",
                hint="Check the period, or the providers named with --provider.",
            )
        )
    out_dir = Path(options.out_dir)
    if out_dir.absolute().is_relative_to(data_dir.absolute()):
        problems.append(
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
    return problems


def _plan(
    options: BuildOptions,
    portfolio: Portfolio,
    provenance: Provenance,
    issued: Callable[[date], Portfolio],
    team_documents: frozenset[str] = frozenset(),
    store: FileVersions | None = None,
    listed: Listed | None = None,
) -> tuple[Any, ...]:
    """The documents to make, narrowed as the options ask, each with its own provenance."""
    from scorecard.data import gitinfo
    from scorecard.data.issue import issued_amendments
    from scorecard.data.shown_commits import ShownCommits
    from scorecard.data.versions import data_versions
    from scorecard.documents import plan as docs

    data_dir = Path(options.data_dir)
    history = gitinfo.data_history(data_dir, options.ref, store)
    versions = (data_versions(data_dir, options.ref, versions=store, listed=listed)
                if provenance.commit is not None else {})
    planned = docs.plan(
        portfolio,
        provenance=provenance,
        # a draft made final is issued, not revised: its draft commits amend nothing
        amendments=issued_amendments(history.amendments, versions, history.order, store),
        providers=options.providers,
        periods=options.periods,
        audiences=_audiences(options),
        pdf=options.pdf,
        page_size="Letter" if options.page_size == "Letter" else "A4",
        issued=issued,
        team_documents=team_documents,
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
        if changed is not None and changed - loaded_files(portfolio):
            # files we did not read changed (a record deleted, a stray file): we
            # cannot say which documents that touches, so all are drafts
            changed = None
        shown = ShownCommits(history, versions, store)
        stamped = list(planned)
        for i in by_day(planned, portfolio):  # each day's portfolio made once
            stamped[i] = own_provenance(planned[i], portfolio, history, changed, provenance,
                                        issued, shown)
        planned = tuple(stamped)
    return planned


def _team_documents(root: Path) -> frozenset[str]:
    """The team documents (HTML) an earlier build left in the output folder and
    that are still there: a portfolio made without them links to them."""
    from scorecard.output.manifest import read_manifest

    manifest, _ = read_manifest(root)
    if manifest is None:
        return frozenset()
    return frozenset(
        e.path for e in manifest.documents
        if e.audience == "team" and e.format == "html" and (root / e.path).is_file()
    )


def _ownership(root: Path, planned: tuple[Any, ...]) -> list[Problem]:
    """Whether the output folder is ours to write the planned documents into
    (``scorecard.output.folder.ownership_problems``)."""
    from scorecard.output.folder import UNLISTED, ownership_problems
    from scorecard.output.publish import owned_paths

    paths = {p for d in planned for p in d.paths} | UNLISTED
    return ownership_problems(root, paths, owned_paths(root))


def _render(
    options: BuildOptions,
    planned: tuple[Any, ...],
    scratch: Path,
    as_of: date,
    progress: Progress | None,
    report: BuildReport,
    order: list[int],
) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]] | None:
    """Render every planned document into ``scratch``: the files made (path ->
    (input key, sha256)) and each document's content (stem -> fingerprint); None
    when the build has errors by now."""
    made, problems, counts, contents = render_all(
        planned, options, scratch, as_of=as_of, progress=progress, order=order
    )
    report.problems += problems
    report.rendered, report.reused = counts
    if has_errors(report.problems):
        return None
    return made, contents


def _publish(
    options: BuildOptions,
    planned: tuple[Any, ...],
    rendered: tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]],
    scratch: Path,
    portfolio: Portfolio,
    provenance: Provenance,
    as_of: date,
    report: BuildReport,
    folder: OutputFolder,
) -> None:
    """Move the rendered files and data.json into the output folder, with the manifest."""
    from scorecard.figures.export import data_json_chunks
    from scorecard.output.evidence import planned_evidence

    written: list[str] = []
    if options.shard is None:
        # data.json holds every figure of the portfolio, whatever was narrowed;
        # written piece by piece, never whole in memory
        write_chunks(scratch / "data.json", data_json_chunks(portfolio, provenance))
        written.append("data.json")
    made, contents = rendered
    report.problems += publish_build(
        options, planned, made, scratch, planned_evidence(portfolio, planned),
        as_of=as_of, provenance=provenance, folder=folder, contents=contents, written=written,
    )
    if options.narrowed and options.shard is None and not has_errors(report.problems):
        # the index lists what the folder now holds: this build's and earlier ones'
        report.problems += refresh_index(options, portfolio, provenance, folder)
    report.documents = sum(
        1 for d in planned if d.audience in SUPPORTED_AUDIENCES for _ in d.paths
    )


def _audiences(options: BuildOptions) -> Collection[Any] | None:
    if options.audiences is None:
        return None
    # The index goes with every full build; a narrowed one keeps the old index.
    return set(options.audiences)


def _unknown_provider(data_dir: Path, wanted: str, known: Collection[str]) -> Problem:
    import difflib

    close = difflib.get_close_matches(wanted, sorted(known), n=1)
    if close:
        hint = f"Did you mean '{close[0]}'?"
    else:
        hint = f"Known providers: {', '.join(sorted(known))}."
    return Problem(
        Location(str(data_dir / "providers")),
        f"there is no provider '{shown(wanted)}'",
        field="--provider",
        hint=hint,
        misuse=True,
    )
