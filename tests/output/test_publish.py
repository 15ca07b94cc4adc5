"""publish: atomic output on real folders, deleting only what we made."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from scorecard.data.provenance import Provenance
from scorecard.output.folder import STAGING
from scorecard.output.manifest import (
    JOURNAL,
    MANIFEST,
    Document,
    Manifest,
    ManifestEntry,
    files_for,
    manifest_for,
    read_manifest,
    safe_path,
)
from scorecard.output.publish import publish

SOURCE = Provenance(commit="3f2a9c1" + "0" * 33, dirty=False, commit_day=date(2026, 11, 20))
AS_OF = date(2026, 11, 26)


def doc(path: str, content: bytes, audience: str = "provider") -> Document:
    parts = path.split("/")
    provider = parts[0] if len(parts) == 3 else None
    period = parts[1] if len(parts) == 3 else None
    fmt = path.rsplit(".", 1)[1]
    return Document(path, audience, provider, period, fmt, content)  # type: ignore[arg-type]


def run(out: Path, docs: list[Document], *, replace_all: bool = True) -> list[str]:
    files = files_for(docs, {"index.html": b"<p>index</p>"})
    problems = publish(
        out, files, manifest_for(docs, as_of=AS_OF, source=SOURCE), replace_all=replace_all
    )
    return [p.message for p in problems]


def tree(root: Path) -> dict[str, bytes]:
    """The files in ``root``, but for the staging area (see ``staging``)."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink() and STAGING not in p.relative_to(root).parts
    }


def staging(root: Path) -> list[str]:
    """What the staging area holds once a publish is over: its .gitignore and lock."""
    return sorted(p.relative_to(root / STAGING).as_posix() for p in (root / STAGING).rglob("*"))


FIRST = [
    doc("acme/2026-Q3/provider.pdf", b"%PDF acme q3"),
    doc("acme/2026-Q3/team.html", b"<p>acme team</p>", "team"),
    doc("zeta/2026-Q3/provider.pdf", b"%PDF zeta q3"),
    doc("portfolio.html", b"<p>all</p>", "portfolio"),
]


def test_first_publish_writes_files_and_a_manifest_with_their_sha256(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    assert run(out, FIRST) == []
    assert tree(out) == {
        "acme/2026-Q3/provider.pdf": b"%PDF acme q3",
        "acme/2026-Q3/team.html": b"<p>acme team</p>",
        "index.html": b"<p>index</p>",
        MANIFEST: (out / MANIFEST).read_bytes(),
        "portfolio.html": b"<p>all</p>",
        "zeta/2026-Q3/provider.pdf": b"%PDF zeta q3",
    }
    text = (out / MANIFEST).read_text()
    assert text.endswith("}\n")
    data = json.loads(text)
    assert data["as_of"] == "2026-11-26"
    assert data["source"] == {"commit": SOURCE.commit, "dirty": False}
    paths = [d["path"] for d in data["documents"]]
    assert paths == sorted(paths) and "index.html" not in paths and len(paths) == 4
    for d in data["documents"]:  # each listed sha256 is the sha256 of the file on disk
        assert d["sha256"] == hashlib.sha256((out / d["path"]).read_bytes()).hexdigest()
    assert data["documents"][0] == {
        "path": "acme/2026-Q3/provider.pdf",
        "audience": "provider",
        "document": "provider",  # v1.1
        "provider": "acme",
        "period": "2026-Q3",
        "format": "pdf",
        "sha256": hashlib.sha256(b"%PDF acme q3").hexdigest(),
    }
    # nothing left behind next to the output folder, nor in its staging area
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]
    assert staging(out) == [".gitignore", "lock"]


def test_manifest_json_is_stable() -> None:
    m = manifest_for(list(reversed(FIRST)), as_of=AS_OF, source=SOURCE)
    assert m.to_bytes() == manifest_for(FIRST, as_of=AS_OF, source=SOURCE).to_bytes()
    assert list(json.loads(m.to_bytes())) == ["as_of", "source", "documents"]


def test_second_publish_removes_what_is_no_longer_made_but_keeps_users_files(
    tmp_path: Path,
) -> None:
    out = tmp_path / "reports"
    run(out, FIRST)
    (out / "notes.txt").write_text("mine")
    (out / "zeta" / "2026-Q3" / "cover-letter.txt").write_text("also mine")

    second = [d for d in FIRST if not d.path.startswith(("zeta", "acme"))]
    assert run(out, second) == []

    files = tree(out)
    assert "zeta/2026-Q3/provider.pdf" not in files
    assert "acme/2026-Q3/provider.pdf" not in files
    assert files["notes.txt"] == b"mine"
    assert files["zeta/2026-Q3/cover-letter.txt"] == b"also mine"
    assert not (out / "acme").exists()  # emptied folders we made are removed
    assert (out / "zeta" / "2026-Q3").is_dir()  # still holds the user's file
    assert [d.path for d in read_manifest(out)[0].documents] == ["portfolio.html"]  # type: ignore[union-attr]
    assert not (out / JOURNAL).exists()


def test_a_document_edited_by_someone_is_kept_with_a_warning(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    run(out, FIRST)
    (out / "zeta/2026-Q3/provider.pdf").write_bytes(b"annotated by hand")
    problems = publish(
        out, files_for(FIRST[:1]), manifest_for(FIRST[:1], as_of=AS_OF, source=SOURCE)
    )
    assert (out / "zeta/2026-Q3/provider.pdf").read_bytes() == b"annotated by hand"
    assert [(p.severity, p.location.file) for p in problems] == [
        ("warning", str(out / "zeta/2026-Q3/provider.pdf"))
    ]


def test_a_folder_scorecard_did_not_make_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    (out / "old.pdf").write_bytes(b"someone's")
    (out / "acme").mkdir()
    (out / "acme" / "x.html").write_bytes(b"x")
    before = tree(out)
    assert run(out, FIRST) == [
        "the output folder is not empty and holds no manifest.json of scorecard's: acme, old.pdf"
    ]
    assert tree(out) == before
    assert not (out / STAGING).exists()  # not even the staging area is left


def test_a_users_own_index_and_same_named_documents_are_refused_by_name(
    tmp_path: Path,
) -> None:
    out = tmp_path / "site"
    (out / "acme/2026-Q3").mkdir(parents=True)
    (out / "index.html").write_bytes(b"<h1>my site</h1>")
    (out / "manifest.json").write_text('{"name": "my web app", "icons": []}')
    (out / "acme/2026-Q3/provider.pdf").write_bytes(b"my own scan")
    before = tree(out)
    problems = publish(out, files_for(FIRST, {"index.html": b"<p>index</p>"}),
                       manifest_for(FIRST, as_of=AS_OF, source=SOURCE))
    assert [(p.severity, p.field, p.message) for p in problems] == [
        ("error", "--out", "the output folder holds files scorecard did not make, which this "
         "build would overwrite: acme/2026-Q3/provider.pdf, index.html, manifest.json"),
    ]
    assert tree(out) == before


def test_in_a_folder_of_ours_a_file_no_build_made_is_not_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    run(out, FIRST[3:])  # only the portfolio
    (out / "acme/2026-Q3").mkdir(parents=True)
    (out / "acme/2026-Q3/provider.pdf").write_bytes(b"signed copy, keep")
    before = tree(out)
    assert run(out, FIRST) == [
        "refusing to overwrite files no earlier build made: acme/2026-Q3/provider.pdf"
    ]
    assert tree(out) == before
    # once it is moved away, the build goes through
    (out / "acme/2026-Q3/provider.pdf").unlink()
    assert run(out, FIRST) == []


def build(out: Path, render: Callable[[], list[Document]]) -> list[str]:
    """What a build does: render everything, and only then publish."""
    docs = render()
    return run(out, docs)


def test_a_build_failing_before_publish_leaves_the_previous_reports_byte_identical(
    tmp_path: Path,
) -> None:
    out = tmp_path / "reports"
    run(out, FIRST)
    before = tree(out)

    def failing_render() -> list[Document]:
        raise RuntimeError("template error")

    with pytest.raises(RuntimeError):
        build(out, failing_render)
    assert tree(out) == before


class LazyFiles(Mapping[str, bytes]):
    """Bytes produced when asked for, failing at one path: a render that breaks
    while publish is already staging."""

    def __init__(self, files: dict[str, bytes], broken: str) -> None:
        self.files, self.broken = files, broken

    def __getitem__(self, key: str) -> bytes:
        if key == self.broken:
            raise RuntimeError("render failed")
        return self.files[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)


def test_a_failure_while_staging_changes_nothing_and_cleans_up(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    run(out, FIRST)
    before = tree(out)
    changed = [doc(d.path, d.content + b" v2", d.audience) for d in FIRST]
    # sorted order stages acme/... first, so the break at zeta/... comes after real work
    files = LazyFiles(files_for(changed), broken="zeta/2026-Q3/provider.pdf")
    with pytest.raises(RuntimeError):
        publish(out, files, manifest_for(changed, as_of=AS_OF, source=SOURCE))
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]


def test_unchanged_files_keep_their_mtime(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    run(out, FIRST)
    old = 1_600_000_000
    for d in FIRST:
        os.utime(out / d.path, (old, old))
    changed = [*FIRST[:3], doc("portfolio.html", b"<p>new</p>", "portfolio")]
    assert run(out, changed) == []
    assert [os.stat(out / d.path).st_mtime for d in FIRST[:3]] == [old, old, old]
    assert os.stat(out / "portfolio.html").st_mtime > old
    assert (out / "portfolio.html").read_bytes() == b"<p>new</p>"


def test_narrowed_build_keeps_and_carries_over_the_rest(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    run(out, FIRST)
    acme_only = [doc("acme/2026-Q3/provider.pdf", b"%PDF acme q3 v2")]
    assert run(out, acme_only, replace_all=False) == []
    files = tree(out)
    assert files["acme/2026-Q3/provider.pdf"] == b"%PDF acme q3 v2"
    assert files["zeta/2026-Q3/provider.pdf"] == b"%PDF zeta q3"
    assert files["acme/2026-Q3/team.html"] == b"<p>acme team</p>"
    manifest, _ = read_manifest(out)
    assert manifest is not None
    by_path = {e.path: e.sha256 for e in manifest.documents}
    assert sorted(by_path) == sorted(d.path for d in FIRST)
    for path, digest in by_path.items():
        assert digest == hashlib.sha256(files[path]).hexdigest()
    # and a full build afterwards still knows the carried-over files are ours
    assert run(out, acme_only) == []
    assert sorted(tree(out)) == ["acme/2026-Q3/provider.pdf", "index.html", MANIFEST]


def write_manifest(out: Path, entries: list[dict[str, object]]) -> None:
    data = {"as_of": "2026-01-01", "source": {"commit": None, "dirty": True}, "documents": entries}
    (out / MANIFEST).write_text(json.dumps(data))


def entry(path: str, content: bytes) -> dict[str, object]:
    return {
        "path": path,
        "audience": "team",
        "provider": None,
        "period": None,
        "format": "pdf",
        "sha256": hashlib.sha256(content).hexdigest(),
    }


def test_a_manipulated_manifest_deletes_nothing_outside(tmp_path: Path) -> None:
    victim_dir = tmp_path / "etc"
    victim_dir.mkdir()
    victim = victim_dir / "passwd"
    victim.write_bytes(b"root:x:0:0")
    out = tmp_path / "a" / "reports"
    out.mkdir(parents=True)
    (out / "link").symlink_to(victim_dir, target_is_directory=True)
    # every path names the victim, with the right sha256, so only the path checks stop it
    write_manifest(
        out,
        [
            entry("../../etc/passwd", b"root:x:0:0"),
            entry(str(victim), b"root:x:0:0"),
            entry("link/passwd", b"root:x:0:0"),
            entry("./../../etc/passwd", b"root:x:0:0"),
            entry("..\\..\\etc\\passwd", b"root:x:0:0"),
        ],
    )
    messages = run(out, FIRST)
    assert victim.read_bytes() == b"root:x:0:0"
    assert (out / "link").is_symlink()
    assert any("unsafe" in m for m in messages)  # the four unsafe paths, as one warning


def test_read_manifest_tolerates_damage(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    assert read_manifest(out) == (None, [])
    (out / MANIFEST).write_text("{not json")
    manifest, problems = read_manifest(out)
    assert manifest is None and [p.severity for p in problems] == ["warning"]
    (out / MANIFEST).write_text('{"something": "else"}')
    assert read_manifest(out)[0] is None
    # a damaged manifest: the folder is not recognisably ours, so nothing is written
    (out / "old.pdf").write_bytes(b"x")
    before = tree(out)
    assert run(out, FIRST) == [
        "the output folder holds files scorecard did not make, which this build would "
        "overwrite: manifest.json"
    ]
    assert tree(out) == before


def test_read_manifest_round_trips(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    run(out, FIRST)
    manifest, problems = read_manifest(out)
    assert problems == []
    assert manifest == manifest_for(FIRST, as_of=AS_OF, source=SOURCE)


def test_a_crashed_publish_is_finished_by_the_next(tmp_path: Path) -> None:
    """Simulate a crash after the files moved but before the manifest: the journal
    is left, the manifest is gone. The next build still removes old documents."""
    out = tmp_path / "reports"
    run(out, FIRST)
    (out / MANIFEST).rename(out / JOURNAL)
    assert run(out, FIRST[3:]) == []
    assert sorted(tree(out)) == ["index.html", MANIFEST, "portfolio.html"]


def test_a_publish_killed_while_moving_files_in_leaves_a_whole_manifest_for_the_next(
    tmp_path: Path,
) -> None:
    """SIGKILL after one of the two files moved in (a real kill, in a forked child): the
    manifest lists only the documents left alone, all whole; the journal is left;
    the next publish finishes the job."""
    out = tmp_path / "reports"
    run(out, FIRST)
    changed = [FIRST[0], doc(FIRST[1].path, b"<p>acme team v2</p>", "team"), FIRST[2],
               doc("portfolio.html", b"<p>all v2</p>", "portfolio")]
    pid = os.fork()
    if pid == 0:  # the child: publishes, and is killed on its second move
        import scorecard.output.publish as under_test

        real, calls = under_test.move, []

        def dying(*args: Any) -> Any:
            calls.append(args)
            if len(calls) == 2:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args)

        under_test.move = dying  # type: ignore[assignment]
        run(out, changed)
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    manifest, _ = read_manifest(out)
    assert manifest is not None
    # the two documents this publish leaves alone, whole; not the two it replaces
    assert [e.path for e in manifest.documents] == [FIRST[0].path, FIRST[2].path]
    for e in manifest.documents:
        assert hashlib.sha256((out / e.path).read_bytes()).hexdigest() == e.sha256
    assert (out / JOURNAL).exists()
    assert run(out, changed) == []
    assert tree(out) == {**{d.path: d.content for d in changed}, "index.html": b"<p>index</p>",
                         MANIFEST: (out / MANIFEST).read_bytes()}
    assert read_manifest(out)[0] == manifest_for(changed, as_of=AS_OF, source=SOURCE)
    assert not (out / JOURNAL).exists() and staging(out) == [".gitignore", "lock"]


def test_bad_input_is_refused_before_anything_changes(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    run(out, FIRST)
    before = tree(out)
    good = manifest_for(FIRST, as_of=AS_OF, source=SOURCE)
    cases: list[tuple[dict[str, bytes], Manifest]] = [
        ({**files_for(FIRST), "../escape.html": b"x"}, good),
        ({**files_for(FIRST), MANIFEST: b"{}"}, good),
        (files_for(FIRST[:2]), good),  # the manifest lists files not given
        ({**files_for(FIRST), "portfolio.html": b"other bytes"}, good),  # sha256 mismatch
        (files_for(FIRST), Manifest(AS_OF, None, True, (*good.documents, good.documents[0]))),
    ]
    for files, manifest in cases:
        problems = publish(out, files, manifest)
        assert problems and all(p.severity == "error" for p in problems)
        assert tree(out) == before


def test_writing_through_a_symlinked_folder_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "reports"
    run(out, FIRST[3:])
    before = tree(out)
    (out / "acme").symlink_to(elsewhere, target_is_directory=True)
    messages = run(out, FIRST)
    assert any("symbolic link" in m for m in messages)
    assert list(elsewhere.iterdir()) == []
    assert tree(out) == before


def test_a_link_planted_at_a_documents_path_is_replaced_not_written_through(
    tmp_path: Path,
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    out = tmp_path / "reports"
    run(out, FIRST)
    (out / "acme/2026-Q3/provider.pdf").unlink()
    (out / "acme/2026-Q3/provider.pdf").symlink_to(victim)
    (out / "index.html").unlink()
    (out / "index.html").symlink_to(victim)
    assert run(out, FIRST) == []
    assert victim.read_bytes() == b"precious"
    assert not (out / "acme/2026-Q3/provider.pdf").is_symlink()
    assert (out / "acme/2026-Q3/provider.pdf").read_bytes() == b"%PDF acme q3"
    assert (out / "index.html").read_bytes() == b"<p>index</p>"


def test_a_link_planted_as_the_staging_area_is_replaced_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "reports"
    run(out, FIRST)
    shutil.rmtree(out / STAGING)
    (out / STAGING).symlink_to(elsewhere, target_is_directory=True)
    changed = [doc(d.path, d.content + b" v2", d.audience) for d in FIRST]
    assert run(out, changed) == []
    assert list(elsewhere.iterdir()) == []
    assert (out / STAGING).is_dir() and not (out / STAGING).is_symlink()
    assert tree(out)["portfolio.html"] == b"<p>all</p> v2"


def test_a_move_that_fails_puts_every_file_back_and_says_so(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    run(out, FIRST)
    before = tree(out)
    changed = [doc(d.path, d.content + b" v2", d.audience) for d in FIRST]
    # a file name longer than the file system allows (255 bytes): staged under a
    # short name, it fails only when moved into place, after the others (sorted)
    too_long = doc("zzz/" + "x" * 300 + ".html", b"<p>long</p>", "portfolio")
    problems = publish(out, files_for([*changed, too_long], {"index.html": b"<p>new</p>"}),
                       manifest_for([*changed, too_long], as_of=AS_OF, source=SOURCE))
    assert len(problems) == 1
    assert problems[0].message.startswith("publishing failed (File name too long")
    assert problems[0].message.endswith("the previous reports were put back as they were")
    assert tree(out) == before
    assert not (out / "zzz").exists()
    assert staging(out) == [".gitignore", "lock"]


def test_safe_path() -> None:
    assert safe_path("acme/2026-Q3/provider.pdf")
    for bad in [
        "",
        "/etc/passwd",
        "../x",
        "a/../b",
        "a//b",
        "./a",
        "a\\b",
        "C:x",
        MANIFEST,
        JOURNAL,
        None,
    ]:
        assert not safe_path(bad), bad


def test_entry_of_a_document() -> None:
    d = doc("acme/2026-Q3/provider.pdf", b"abc")
    # sha256("abc") is the FIPS 180-2 test vector
    assert d.entry() == ManifestEntry(
        "acme/2026-Q3/provider.pdf",
        "provider",
        "acme",
        "2026-Q3",
        "pdf",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    )
