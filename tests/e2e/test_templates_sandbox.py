"""A ``--templates`` folder can change words and looks, nothing else: templates
that reach for Python's internals (to read ``os.environ`` and the SMTP password,
or to run a command), or include a file through a symbolic link that leads out
of the folder, fail with the template's name, for ``send`` and for ``build``,
and nothing they tried to show reaches a document or an e-mail."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from buildrepo import Repo
from conftest import run_cli
from mailroom import delivery_repo

SECRET = "s3cret-smtp-password"
READ_ENV = "{{ lipsum.__globals__['os'].environ['SCORECARD_SMTP_PASSWORD'] }}"


def run_command(marker: Path) -> str:
    return ("{{ lipsum.__globals__['os'].popen('touch " + str(marker) + "').read() }}"
            "{{ cycler.__init__.__globals__.os.system('touch " + str(marker) + "') }}")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    monkeypatch.setenv("SCORECARD_SMTP_PASSWORD", SECRET)
    repo = delivery_repo(tmp_path / "repo")
    repo.build(repo.root / "reports", pdf=False)
    return repo


def dry_run(repo: Repo, templates: Path) -> tuple[int, str, str]:
    result = run_cli("send", "--data", str(repo.data), "--out", str(repo.root / "reports"),
                     "--outbox", str(repo.root / "outbox"), "--templates", str(templates),
                     "--audience", "portfolio")
    return result.exit_code, result.stdout, result.stderr


def outbox_text(repo: Repo) -> str:
    outbox = repo.root / "outbox"
    return "".join(p.read_text(encoding="utf-8", errors="replace")
                   for p in outbox.glob("*.eml")) if outbox.is_dir() else ""


def email_template(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "mine"
    (folder / "email").mkdir(parents=True)
    (folder / "email" / "portfolio.txt").write_text("Portfolio\n\n" + body + "\n",
                                                    encoding="utf-8")
    return folder


def test_an_email_template_cannot_read_the_smtp_password(repo: Repo, tmp_path: Path) -> None:
    code, _, err = dry_run(repo, email_template(tmp_path, READ_ENV))
    assert code == 1
    assert "mine/email/portfolio.txt" in err and "unsafe" in err
    assert SECRET not in outbox_text(repo) and SECRET not in err


def test_an_email_template_cannot_run_a_command(repo: Repo, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    code, _, err = dry_run(repo, email_template(tmp_path, run_command(marker)))
    assert code == 1
    assert "unsafe" in err
    assert not marker.exists()


def test_an_email_template_cannot_include_a_file_outside_its_folder(repo: Repo,
                                                                    tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    folder = email_template(tmp_path, '{% include "leak.txt" %}')
    os.symlink(secret, folder / "email" / "leak.txt")
    code, _, err = dry_run(repo, folder)
    assert code == 1
    assert "leads outside the templates folder" in err
    assert SECRET not in outbox_text(repo)


def test_an_email_template_may_still_change_the_words(repo: Repo, tmp_path: Path) -> None:
    code, _, err = dry_run(repo, email_template(tmp_path, "Dear {{ greeting }}, see {{ "
                                                "as_of }}. {{ organisation|upper }}"))
    assert code == 0, err
    assert "Dear Board, see 15 September 2026. NORTHWIND FREIGHT" in outbox_text(repo)


def test_a_document_template_cannot_run_a_command_or_read_the_environment(
    repo: Repo, tmp_path: Path
) -> None:
    marker = tmp_path / "ran"
    folder = tmp_path / "mine"
    (folder / "partials").mkdir(parents=True)
    (folder / "partials" / "how-to-read.html").write_text(
        READ_ENV + run_command(marker), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("build", "--data", str(repo.data), "--out", str(out), "--no-pdf",
                     "--templates", str(folder), "--as-of", "2026-09-15", "--jobs", "1")
    assert result.exit_code == 1
    assert "how-to-read.html" in result.stderr and "unsafe" in result.stderr
    assert not marker.exists()
    leaked = [p for p in out.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]
    assert leaked == []


def test_our_own_templates_render_the_same_in_the_sandbox(tmp_path: Path) -> None:
    """With ``--templates`` every template, ours too, renders in the sandbox; ours need
    nothing it refuses, so an empty templates folder changes no byte of any document."""
    from conftest import SMALL, make_repo

    repo = make_repo(tmp_path / "repo", SMALL)
    empty = tmp_path / "empty"
    empty.mkdir()
    outs = {}
    for name, extra in (("plain", ()), ("sandboxed", ("--templates", str(empty)))):
        outs[name] = tmp_path / name
        built = repo.build("--no-pdf", "--as-of", "2026-11-26", "--jobs", "1", *extra,
                           out=outs[name])
        assert built.exit_code == 0, built.output
    pages = {name: {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*.html"))}
             for name, out in outs.items()}
    assert len(pages["plain"]) >= 8  # provider, team and renewal pages, portfolio, index
    assert pages["sandboxed"] == pages["plain"]
