"""``scorecard send`` with hostile input, in a real git repository: an outbox that
holds the user's own files and links planted where the dry run writes, an
address longer than mail servers take, a provider with no contact."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from buildrepo import Repo
from conftest import run_cli
from mailroom import delivery_repo

OUTBOX_NAMES = [
    "001-alpha-2026-Q2-provider-dana.eml", "002-alpha-2026-Q2-provider-reviews.eml",
    "003-alpha-2026-Q2-team-priya.shah.eml", "004-beta-2026-Q2-provider-ben.eml",
    "005-beta-2026-Q2-team-tom.berg.eml", "006-portfolio-board.eml",
]


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repo = delivery_repo(tmp_path / "repo")
    repo.build(repo.root / "reports", pdf=False)
    return repo


def dry_run(repo: Repo, *args: str) -> tuple[int, str, str]:
    result = run_cli("send", "--data", str(repo.data), "--out", str(repo.root / "reports"),
                     "--outbox", str(repo.root / "outbox"), *args)
    return result.exit_code, result.stdout, result.stderr


def test_the_dry_run_removes_only_its_own_files(repo: Repo) -> None:
    outbox = repo.root / "outbox"
    outbox.mkdir()
    mine = outbox / "draft-to-the-board.eml"
    mine.write_bytes(b"Subject: my own draft\r\n\r\nkeep me\r\n")
    code, _, err = dry_run(repo)
    assert code == 0, err
    assert sorted(p.name for p in outbox.glob("*.eml")) == sorted(
        [*OUTBOX_NAMES, "draft-to-the-board.eml"])
    code, _, err = dry_run(repo, "--audience", "portfolio")  # a second dry run, narrowed
    assert code == 0, err
    # the first run's messages are gone (they were ours); the user's draft stays
    assert sorted(p.name for p in outbox.glob("*.eml")) == [
        "001-portfolio-board.eml", "draft-to-the-board.eml"]
    assert mine.read_bytes() == b"Subject: my own draft\r\n\r\nkeep me\r\n"


def test_a_file_of_the_users_where_a_message_goes_is_refused(repo: Repo) -> None:
    outbox = repo.root / "outbox"
    outbox.mkdir()
    theirs = outbox / OUTBOX_NAMES[0]
    theirs.write_text("the user's own file", encoding="utf-8")
    code, _, err = dry_run(repo)
    assert code == 1
    assert str(theirs) in err
    assert "a file that scorecard did not write is where a message would go" in err
    assert theirs.read_text(encoding="utf-8") == "the user's own file"
    assert sorted(p.name for p in outbox.iterdir()) == [OUTBOX_NAMES[0]]  # nothing written


def test_no_write_goes_through_a_link_planted_in_the_outbox(repo: Repo, tmp_path: Path
                                                            ) -> None:
    outbox = repo.root / "outbox"
    code, _, err = dry_run(repo)
    assert code == 0, err
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    # a link at a name the dry run writes (ours from the last run), and links at the
    # temporary names the dry run used to write (NAME.eml.tmp)
    os.unlink(outbox / OUTBOX_NAMES[0])
    os.symlink(victim, outbox / OUTBOX_NAMES[0])
    for name in OUTBOX_NAMES[1:]:
        os.symlink(victim, outbox / (name + ".tmp"))
    code, _, err = dry_run(repo)
    assert code == 0, err
    assert victim.read_text(encoding="utf-8") == "precious"
    first = outbox / OUTBOX_NAMES[0]
    assert not first.is_symlink() and first.read_bytes().startswith(b"From: ")


def test_an_address_longer_than_smtp_allows_is_an_error_at_its_line(repo: Repo) -> None:
    long_local = "b" * 65  # RFC 5321: a local part has at most 64 octets
    repo.edit("evaluations/providers/beta.yaml", "contact: ben@beta.example\n",
              f"contact: {long_local}@beta.example\n")
    repo.commit("A long address")
    checked = run_cli("validate", "--data", str(repo.data))
    assert checked.exit_code == 1
    line = next(x for x in checked.output.splitlines() if "beta.yaml" in x)
    assert re.search(r"providers/beta\.yaml:\d+:\d+: ", line), line
    assert "too long for e-mail: the part before @ has 65 characters, and mail servers " \
        "take 64" in line
    ok = "c" * 64
    repo.edit("evaluations/providers/beta.yaml", f"contact: {long_local}@beta.example\n",
              f"contact: {ok}@beta.example\n")
    repo.commit("64 is the most")
    assert run_cli("validate", "--data", str(repo.data)).exit_code == 0
    repo.build(repo.root / "reports", pdf=False)
    code, _, err = dry_run(repo)
    assert code == 0, err
    assert all(len(p.name) <= 128 for p in (repo.root / "outbox").iterdir())


def test_a_provider_with_no_contact_is_named_in_the_dry_run(repo: Repo) -> None:
    repo.edit("evaluations/providers/beta.yaml", "contact: ben@beta.example\n", "")
    repo.commit("Beta's contact left")
    repo.build(repo.root / "reports", pdf=False)
    code, out, err = dry_run(repo)
    assert code == 0, err
    assert "providers/beta.yaml" in err
    assert "Beta Hosting BV has no contact, so its provider scorecard (2026-Q2) goes to no " \
        "one" in err
    assert "ben@beta.example" not in out
    assert "alpha.example" not in err  # alpha has contacts: not named


def test_outbox_file_names_are_cut_to_a_length_every_file_system_takes() -> None:
    from scorecard.delivery.outbox import eml_name

    name = eml_name(7, "acme", "2026-Q3", "provider", "b" * 300)
    # 120 characters of name ("007-acme-2026-Q3-provider-bbb..." cut) and ".eml"
    assert len(name) == 124 and name.startswith("007-acme-2026-Q3-provider-bbb")
    assert name.endswith("b.eml")
