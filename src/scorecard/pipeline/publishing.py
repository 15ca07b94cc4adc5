"""Publishing a build's rendered files: the manifest of what it made, moved
into place by ``scorecard.output.publish``, and after a narrowed build an index
over what the output folder now holds."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scorecard.data.problems import Problem
from scorecard.data.provenance import Provenance
from scorecard.figures.results import Portfolio
from scorecard.pipeline.options import SUPPORTED_AUDIENCES, BuildOptions

if TYPE_CHECKING:
    from scorecard.output.folder import OutputFolder


class _ScratchFiles(Mapping[str, bytes]):
    """The files to publish, read from the scratch folder one at a time."""

    def __init__(self, scratch: Path, paths: Sequence[str], extras: Mapping[str, bytes]) -> None:
        self._scratch = scratch
        self._paths = [p for p in paths if p not in extras]
        self._known = frozenset(self._paths)  # a list's `in` made publishing quadratic
        self._extras = extras

    def __getitem__(self, path: str) -> bytes:
        if path in self._extras:
            return self._extras[path]
        if path not in self._known:
            raise KeyError(path)
        return (self._scratch / path).read_bytes()

    def __iter__(self) -> Iterator[str]:
        yield from self._paths
        yield from self._extras

    def __len__(self) -> int:
        return len(self._paths) + len(self._extras)


def publish_build(
    options: BuildOptions,
    planned: Sequence[Any],
    made: Mapping[str, tuple[str, str]],
    scratch: Path,
    extras: dict[str, bytes],
    *,
    as_of: date,
    provenance: Provenance,
    folder: OutputFolder | None = None,
    contents: Mapping[str, tuple[str, str]] | None = None,
    written: Sequence[str] = (),
) -> list[Problem]:
    """Publish the files ``made`` (in ``scratch``) and ``extras`` into the output
    folder, with a manifest of the documents and the reuse keys of every file.
    ``contents``: each document's content and the commit it names (stem ->
    (fingerprint, commit)), listed with each of its files. ``written``: other files
    in ``scratch`` to publish, unlisted (``data.json``)."""
    from scorecard.output.evidence import evidence_entries
    from scorecard.output.manifest import DocumentKind, Format, Manifest, ManifestEntry
    from scorecard.output.publish import publish
    from scorecard.output.reuse import INPUTS_FILE, Made, made_bytes, read_made, reuse_key

    out_dir = Path(options.out_dir)
    entries: list[ManifestEntry] = []
    for doc in planned:
        for path in doc.paths:
            if path not in made:
                continue
            if doc.audience in SUPPORTED_AUDIENCES:
                fmt: Format = "pdf" if path.endswith(".pdf") else "html"
                kind: DocumentKind | None = "renewal" if doc.document == "renewal" else None
                content, commit = (contents or {}).get(doc.stem, (None, None))
                entries.append(
                    ManifestEntry(path, doc.audience, doc.provider, doc.period, fmt, made[path][1],
                                  kind, content=content, commit=commit or None)
                )
    entries += evidence_entries(extras)
    secret = reuse_key()
    # a narrowed build keeps the earlier entries whose keyed hash is proved
    inputs = {} if not options.narrowed else dict(read_made(out_dir, secret))
    inputs.update({path: Made(key, digest) for path, (key, digest) in made.items()})
    extras[INPUTS_FILE] = made_bytes(inputs, secret)
    manifest = Manifest(
        as_of=as_of,
        commit=provenance.commit,
        dirty=provenance.dirty,
        documents=tuple(sorted(entries, key=lambda e: e.path)),
    )
    files = _ScratchFiles(scratch, sorted({*made, *written}), extras)
    return publish(out_dir, files, manifest, replace_all=not options.narrowed, folder=folder)


def refresh_index(
    options: BuildOptions, portfolio: Portfolio, provenance: Provenance, folder: OutputFolder
) -> list[Problem]:
    """After a narrowed build: write ``index.html`` over what the manifest lists."""
    from scorecard.data.problems import Location
    from scorecard.documents.templating import (
        TemplateRenderError,
        make_environment,
        render_template,
    )
    from scorecard.documents.views.index import IndexEntry, index_view
    from scorecard.output.manifest import read_manifest
    from scorecard.output.moves import put_file

    out_dir = folder.root
    manifest, problems = read_manifest(out_dir)
    if manifest is None:
        return problems
    stems: dict[str, dict[str, Any]] = {}
    for entry in manifest.documents:
        stem, _, fmt = entry.path.rpartition(".")
        doc = stems.setdefault(stem, {"audience": entry.audience, "provider": entry.provider,
                                      "period": entry.period, "html": None, "pdf": None,
                                      "document": entry.kind})
        doc[fmt] = entry.path
    entries = [
        IndexEntry(d["audience"], d["provider"], d["period"], d["html"], d["pdf"], d["document"])
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
    try:
        put_file(folder, "index.html", html.encode("utf-8"))
    except OSError as error:
        return [Problem(Location(str(out_dir / "index.html")),
                        f"could not write the index: {error.strerror or error}",
                        severity="warning")]
    return []
