"""``scorecard split``: a finished build, one folder per audience.

Each audience (provider, team, portfolio) gets a folder of its own holding only
the documents the build's ``manifest.json`` lists for it, its own
``manifest.json`` (those entries only) and its own ``index.html`` that links
them and shows nothing else of the build: the build's ``index.html`` and
``data.json`` are internal and are copied nowhere. CI keeps each folder as an
artifact, so that a download cannot mix audiences.

The build folder is untrusted: only paths the manifest lists, as regular files
reached through no symbolic link, whose sha256 is the one listed, are copied.
Each folder is written by ``output.publish`` (atomic, never through a link, and
deleting only what an earlier split made there).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from scorecard.data.problems import Location, Problem
from scorecard.output.folder import STAGING
from scorecard.output.manifest import (
    Audience,
    Manifest,
    ManifestEntry,
    read_manifest,
    regular_bytes,
    sha256,
)
from scorecard.output.publish import publish

AUDIENCES: tuple[Audience, ...] = ("provider", "team", "portfolio")
TITLES = {"provider": "Provider scorecard", "team": "Team scorecard",
          "portfolio": "Portfolio", "renewal": "Renewal brief"}
PAGES = {
    "provider": ("Provider scorecards",
                 "Each provider's documents, to send to that provider only: never another "
                 "provider's."),
    "team": ("Team scorecards", "Internal: for the team that evaluates each provider. "
             "Do not forward."),
    "portfolio": ("Portfolio", "Internal: for executives. Do not forward."),
}


@dataclass(frozen=True)
class AudienceRow:
    provider: str | None
    period: str | None
    title: str
    html: str | None
    pdf: str | None


@dataclass(frozen=True)
class AudiencePage:
    intro: str
    rows: tuple[AudienceRow, ...]


def audience_page(audience: Audience, entries: list[ManifestEntry]) -> AudiencePage:
    """The index of one audience: a row per document, its web page and PDF together."""
    stems: dict[tuple[str, str | None, str | None, str], dict[str, str]] = {}
    for e in entries:
        stem = e.path.rpartition(".")[0]
        stems.setdefault((stem, e.provider, e.period, e.kind), {})[e.format] = e.path
    rows = [
        AudienceRow(provider, period, TITLES.get(kind, kind), links.get("html"),
                    links.get("pdf"))
        for (_, provider, period, kind), links in sorted(
            stems.items(), key=lambda item: (item[0][1] or "", _desc(item[0][2]), item[0][0]))
        if "html" in links or "pdf" in links
    ]
    return AudiencePage(PAGES[audience][1], tuple(rows))


def _desc(period: str | None) -> str:
    """A sort key that puts later periods first (labels sort as text by date)."""
    return "".join(chr(0x10FFFF - ord(c)) for c in period or "")


def _linked(root: Path, rel: str) -> bool:
    """Whether a folder on the way from ``root`` to ``root/rel`` is a link or no folder."""
    current = root
    for part in PurePosixPath(rel).parts[:-1]:
        current = current / part
        try:
            if not stat.S_ISDIR(os.lstat(current).st_mode):
                return True
        except OSError:
            return True
    return False


def _documents(reports: Path, entries: list[ManifestEntry]) -> tuple[dict[str, bytes],
                                                                      list[Problem]]:
    files: dict[str, bytes] = {}
    problems = []
    for e in entries:
        data = None if _linked(reports, e.path) else regular_bytes(reports / e.path)
        if data is None or sha256(data) != e.sha256:
            problems.append(Problem(
                Location(str(reports / e.path)),
                "this document is missing, is not a regular file, or is not the one "
                "manifest.json lists; no audience folder was written",
                hint="Build again, then split.", rule="split/document-changed"))
            continue
        files[e.path] = data
    return files, problems


def split(reports: Path, out: Path, templates: Path | None = None) -> list[Problem]:
    """Write ``out/<audience>/`` for each audience from the build in ``reports``."""
    manifest, problems = read_manifest(reports)
    if manifest is None:
        return [*problems, Problem(
            Location(str(reports / "manifest.json")), "no build of scorecard's here to split",
            hint="Run `scorecard build` first (or name its folder with --reports).",
            misuse=True, rule="split/no-build")]
    shares = {a: [e for e in manifest.documents if e.audience == a] for a in AUDIENCES}
    files: dict[Audience, dict[str, bytes]] = {}
    for audience, entries in shares.items():
        files[audience], found = _documents(reports, entries)
        problems += found
    if any(p.severity == "error" for p in problems):
        return problems
    for audience, entries in shares.items():
        share = Manifest(manifest.as_of, manifest.commit, manifest.dirty, tuple(entries))
        index, found = _index(audience, entries, manifest, templates)
        problems += found
        if index is None:
            return problems
        problems += publish(out / audience, {**files[audience], "index.html": index}, share)
        _tidy(out / audience)
    return problems


def _tidy(folder: Path) -> None:
    """Remove the lock folder publishing leaves (an artifact needs no lock): only
    when it is a real folder holding nothing but the lock and its .gitignore."""
    staging = folder / STAGING
    try:
        if not stat.S_ISDIR(os.lstat(staging).st_mode):
            return
        if set(os.listdir(staging)) - {"lock", ".gitignore"}:
            return
        for name in ("lock", ".gitignore"):
            if os.path.lexists(staging / name):
                os.unlink(staging / name)
        os.rmdir(staging)
    except OSError:
        return


def _index(audience: Audience, entries: list[ManifestEntry], manifest: Manifest,
           templates: Path | None) -> tuple[bytes | None, list[Problem]]:
    from scorecard.documents.templating import (
        DocumentMeta,
        TemplateRenderError,
        make_environment,
        render_template,
    )

    title, intro = PAGES[audience]
    label = intro.split(":")[0] if audience != "provider" else "For each provider: its own only"
    meta = DocumentMeta(title=title, audience=audience, audience_label=label,
                        as_of=manifest.as_of, commit=manifest.commit or "",
                        dirty=manifest.dirty)
    try:
        html = render_template(make_environment(templates), "audience-index.html",
                               {"meta": meta, "v": audience_page(audience, entries)})
    except TemplateRenderError as error:
        return None, [error.problem]
    return html.encode("utf-8"), []
