"""Per-document sources and provenance.

The footer of a provider or team document names the data commit its figures
come from, and a document is a DRAFT when that data has uncommitted changes.
Were that the build's commit, any new commit would change every document and
force a full re-render. So each of these documents names the latest commit
among the files its content is derived from (see ``document_sources``): the
state of the data the document reflects, which a later commit that touches
none of those files does not change. The portfolio, index, data.json and
manifest depend on everything and keep the build's commit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from scorecard.data.provenance import Provenance
from scorecard.data.shown_commits import Projection, ShownCommits
from scorecard.data.versions import Versions
from scorecard.figures.results import Portfolio
from scorecard.pipeline.days import evaluated_day

if TYPE_CHECKING:
    from scorecard.data.gitinfo import DataHistory


Sourced = tuple[str, "Projection"]  # a data file and what the document shows of it
Group = tuple[str, str | None]  # ("peers", None) or ("area", AREA): files many documents share


def _sources_and_groups(portfolio: Portfolio, audience: str, provider: str | None,
                        period: str | None) -> tuple[list[Sourced], list[Group]] | None:
    """See :func:`shown_sources`: a document's own sources, and the groups of files
    it shares with every team scorecard of its day (or of its service area)."""
    if audience not in ("provider", "team") or provider is None:
        return None
    result = portfolio.provider(provider)
    if result is None:
        return None
    paths: list[Sourced] = [(portfolio.programme.source.repo_path, "all"),
                            (result.provider.source.repo_path, "as_of")]
    if audience == "provider":
        for evaluation in result.evaluations:
            paths.append((evaluation.record.source.repo_path, "all"))
            if evaluation.period.label == period:
                break
        return paths, []
    paths += [(e.record.source.repo_path, "all") for e in result.evaluations]
    plan = result.provider.exit_plan
    for alternative in plan.alternatives if plan is not None else ():
        named = portfolio.provider(alternative)
        if named is not None:
            paths.append((named.provider.source.repo_path, "peer_provider"))
    area = result.provider.service_area
    return paths, [("peers", None), *([("area", area)] if area else [])]


def group_paths(portfolio: Portfolio, group: Group) -> list[Sourced]:
    """The files of a group: each provider's latest scored record (ranks and the
    peers' scores, not their summaries or notes), or the provider files of the
    providers in a service area (their names)."""
    kind, area = group
    if kind == "area":
        return [(peer.provider.source.repo_path, "peer_provider")
                for peer in portfolio.areas.get(area or "", ())]
    found: list[Sourced] = []
    for other in portfolio.providers:
        scored = [e for e in other.evaluations if e.overall is not None]
        if scored:
            found.append((scored[-1].record.source.repo_path, "peer_record"))
    return found


def shown_sources(portfolio: Portfolio, audience: str, provider: str | None,
                  period: str | None) -> tuple[Sourced, ...] | None:
    """The data files (paths inside the repository) a provider or team document
    is made from, each with what the document shows of it
    (``scorecard.data.shown_commits``); None for documents made from everything
    (portfolio, index).

    A provider document: the programme, the provider's file (as of its day), and
    its records up to and including the period (earlier ones feed the trend and
    history). A team document shows the whole history, rank and peers, and names
    exit alternatives: the programme, the provider's file, all its records, each
    provider's latest scored record (ranks and the peers' scores: not their
    summaries or notes), and the names and areas of the peers in its service area
    and of the alternatives it names.
    """
    found = _sources_and_groups(portfolio, audience, provider, period)
    if found is None:
        return None
    own, groups = found
    every = own + [sourced for group in groups for sourced in group_paths(portfolio, group)]
    return tuple(dict.fromkeys(every))


def document_sources(portfolio: Portfolio, audience: str, provider: str | None,
                     period: str | None) -> tuple[str, ...] | None:
    """The data files of :func:`shown_sources`, without what is shown of them."""
    found = shown_sources(portfolio, audience, provider, period)
    return None if found is None else tuple(dict.fromkeys(path for path, _ in found))


def loaded_files(portfolio: Portfolio) -> frozenset[str]:
    """The data files (paths inside the repository) the portfolio was read from."""
    paths = {portfolio.programme.source.repo_path}
    for result in portfolio.providers:
        paths.add(result.provider.source.repo_path)
        paths.update(e.record.source.repo_path for e in result.evaluations)
    return frozenset(paths)


def issued_state(
    portfolio: Portfolio, issued: Callable[[date], Portfolio] | None,
    provider: str | None, period: str | None,
) -> Portfolio:
    """The portfolio as on the evaluated day of ``provider``'s record for ``period``
    (what its documents show); ``portfolio`` itself for other documents."""
    day = evaluated_day(portfolio, provider, period) if issued is not None else None
    return issued(day) if issued is not None and day is not None else portfolio


def own_provenance(
    doc: Any,
    portfolio: Portfolio,
    history: DataHistory,
    changed: frozenset[str] | None,
    build: Provenance,
    issued: Callable[[date], Portfolio] | None = None,
    versions: Versions | ShownCommits | None = None,
) -> Any:
    """``doc`` with the commit and draft state of its own sources in its ``meta``.

    ``changed``: the files with uncommitted changes; None when unknown (then
    the document is a draft whenever the build is). ``issued``: the portfolio as
    of a day; a provider or team document's sources are those of the state it
    shows, on its record's evaluated day. ``versions``: the data files'
    committed versions (or a :class:`ShownCommits` over them, shared by every
    document of a build); a file counts from the latest commit that changed what
    the document shows of it (not an action raised later, not a peer's summary).
    """
    if getattr(doc, "document", None) == "renewal":
        return doc  # a renewal brief is as of the build's day, from everything: the build's commit
    state = issued_state(portfolio, issued, doc.provider, doc.period)
    found = _sources_and_groups(state, doc.audience, doc.provider, doc.period)
    if found is None:
        return doc
    own, groups = found
    shown = versions if isinstance(versions, ShownCommits) else ShownCommits(history,
                                                                              versions or {})
    parts = [_stamp_of(own, state, history, shown, changed)]
    parts += [shown.group(_group_key(state, group),
                          partial(_group_stamp, state, group, history, shown, changed))
              for group in groups]
    commit = _latest(history, [c for c, _, _ in parts])
    if commit is None or not all(known for _, known, _ in parts):
        commit = build.commit  # git does not know them all: say the whole build's
    dirty = build.dirty if changed is None else any(d for _, _, d in parts)
    day = build.commit_day if commit == build.commit else history.days.get(commit or "")
    return replace(doc, build_context=_stamped(doc.build_context, commit or "", dirty, day))


Stamp = tuple[str | None, bool, bool]  # latest commit, all known to git, any uncommitted


def _group_key(state: Portfolio, group: Group) -> tuple[int, date, str, str | None]:
    return (id(state), state.as_of, *group)


def _group_stamp(state: Portfolio, group: Group, history: DataHistory, shown: ShownCommits,
                 changed: frozenset[str] | None) -> Stamp:
    return _stamp_of(group_paths(state, group), state, history, shown, changed)


def _stamp_of(sources: list[Sourced], state: Portfolio, history: DataHistory,
              shown: ShownCommits, changed: frozenset[str] | None) -> Stamp:
    """The latest commit that changed what a document shows of ``sources``, whether
    git knows them all, and whether one has uncommitted changes."""
    commit = _latest(history, [shown.commit(path, projection, state.as_of)
                               for path, projection in sources])
    known = all(path in history.last for path, _ in sources)
    dirty = changed is not None and any(path in changed for path, _ in sources)
    return commit, known, dirty


def _latest(history: DataHistory, commits: list[str | None]) -> str | None:
    """The latest of ``commits`` in the history's order (None when there are none)."""
    known = [(history.order.get(c, -1), c) for c in commits if c is not None]
    return max(known)[1] if known else None


def _stamped(
    build_context: Callable[[], Mapping[str, Any]], commit: str, dirty: bool,
    day: date | None,
) -> Callable[[], Mapping[str, Any]]:
    def context() -> Mapping[str, Any]:
        found = dict(build_context())
        found["meta"] = replace(found["meta"], commit=commit, dirty=dirty, commit_day=day)
        return found

    return context
