"""A record's amendments count from its first issue, not from its first commit.

A draft record makes no documents (format.md v1.1, "Draft records"), so the
commits made while it was a draft, and the one that made it final, amend
nothing that anyone has read: scoring.md v1.2 says a draft that becomes final
is issued for the first time, not revised. :func:`issued_amendments` drops
them from each record's amendments (the team scorecard's table, the provider
scorecard's "revised on DAY").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from scorecard.data.parsed import FileVersions
from scorecard.data.provenance import Amendment
from scorecard.data.versions import Versions

__all__ = ["issued_amendments"]


def _is_draft(content: bytes, store: FileVersions) -> bool:
    if b"draft" not in content:
        return False
    value = store.value(content)
    return isinstance(value, dict) and value.get("status") == "draft"


def _issue(versions: Sequence[tuple[str, bytes]], store: FileVersions) -> str | None:
    """The commit that first issued the record: its first final version, when
    drafts came before it; None when it never was a draft first (or is one still).
    A record made a draft again after it was issued keeps its amendments."""
    if not versions or not _is_draft(versions[0][1], store):
        return None
    for commit, content in versions[1:]:
        if not _is_draft(content, store):
            return commit
    return None


def issued_amendments(
    amendments: Mapping[str, Sequence[Amendment]], versions: Versions, order: Mapping[str, int],
    store: FileVersions | None = None,
) -> dict[str, tuple[Amendment, ...]]:
    """Each record's amendments made after its first issue (see the module text);
    ``store``: the build's parsed versions, so that none is parsed twice."""
    store = store or FileVersions()
    found: dict[str, tuple[Amendment, ...]] = {}
    for path, changes in amendments.items():
        issue = _issue(versions.get(path, ()), store) if changes else None
        if issue is None:
            found[path] = tuple(changes)
            continue
        after = order.get(issue, -1)
        found[path] = tuple(a for a in changes if order.get(a.commit, -1) > after)
    return found
