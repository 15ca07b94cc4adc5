"""The programme's commits that no document shows: changes to ``distribution`` only.

``scorecard.yaml`` feeds every document, so each provider and team document
names the programme's latest commit when it is the newest of its sources.
The ``distribution`` block (addresses, for ``scorecard send``) is shown in no
document; were a commit that only adds an address to count, every document
would get a new commit stamp, new bytes, and go out again as "revised" to
every provider. So the programme's latest commit is the latest one that
changed it apart from its ``distribution`` block.

Worked out from the build's one ``git log --raw`` of the data folder (each
version of the file with its blob id) and its store of file versions: no git
command of its own, and each version read once per build.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from scorecard.data.gitrun import raw_changes
from scorecard.data.parsed import FileVersions
from scorecard.data.provenance import Amendment
from scorecard.data.yaml.spans import top_level_span

__all__ = ["last_shown_change"]

MAX_STEPS = 100  # distribution-only commits looked through before giving up


def _versions(out: bytes, path: str) -> list[tuple[str, str | None]]:
    """Each change of ``path`` in the log ``out`` (``--format=%x1e%H%x00%ct%x00%aN%x00%s%x00
    --raw -z --no-abbrev --reverse``), oldest first: (commit, blob id), the blob None
    where the change deleted it (no walk goes past a deletion)."""
    return [(c.commit, None if c.status.startswith("D") else c.after)
            for c in raw_changes(out, header_fields=3)  # time, author, subject
            if c.path == path]


def _without_distribution(blob: bytes | None) -> str | None:
    if blob is None:
        return None
    text = blob.decode("utf-8", "replace")
    span, _ = top_level_span(text, "distribution")
    return text if span is None else text[: span.key_start] + text[span.value_end:]


def last_shown_change(out: bytes, root: Path, path: str, last: Amendment,
                      commits: Mapping[str, Amendment],
                      versions: FileVersions | None = None) -> Amendment:
    """``last`` (the programme file's latest commit), or the latest commit before it
    that changed more than the ``distribution`` block; ``last`` when it cannot be
    told. ``out``: the build's log of the data folder; ``commits``: each commit of
    it as an amendment; ``versions``: the build's store of file versions."""
    found = _versions(out, path)
    ends = [i for i, (commit, _) in enumerate(found) if commit == last.commit]
    if not ends:
        return last
    window = found[max(0, ends[-1] - MAX_STEPS): ends[-1] + 1]
    if len(window) < 2:  # its first version: nothing before it to compare with
        return last
    store = versions or FileVersions()
    blobs = store.read([blob for _, blob in window if blob is not None], root)
    texts = [_without_distribution(blobs.get(blob) if blob else None) for _, blob in window]
    i = len(window) - 1
    while i > 0 and texts[i] is not None and texts[i] == texts[i - 1]:
        i -= 1
    commit = window[i][0]
    return last if commit == last.commit else commits.get(commit, last)
