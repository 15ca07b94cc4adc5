"""Addresses in the data: ``distribution`` in scorecard.yaml and ``contact`` in a
provider file. A bad address is an error at its line and column; a lead or
evaluator with no address is a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from datafolder import DataFolder
from scorecard.data.addresses import parse_mailbox

GOOD = """
distribution:
  from: IT vendor management <vendors@northwind.example>
  internal_domains: [northwind.example]
  people:
    Priya Shah: priya.shah@northwind.example
    Tom Berg: Tom Berg <tom.berg@northwind.example>
  executives: [Board <board@northwind.example>]
  reply_days: 14
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataFolder:
    monkeypatch.chdir(tmp_path)
    folder = DataFolder(tmp_path)
    programme = folder.path("scorecard.yaml")
    programme.write_text(programme.read_text(encoding="utf-8") + GOOD, encoding="utf-8")
    return folder


def _line_of(folder: DataFolder, rel: str, text: str) -> int:
    lines = folder.path(rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if text in line)


def test_good_addresses_and_a_list_of_contacts_load(folder: DataFolder) -> None:
    folder.edit("providers/acme.yaml", "lead: Priya Shah\n", (
        "lead: Priya Shah\ncontact:\n  - Dana Cole <dana@acme.example>\n"
        "  - service-reviews@acme.example\n"))
    dataset, problems = folder.load()
    assert problems == []
    assert dataset is not None
    acme = dataset.providers["acme"]
    assert acme.contacts == ("Dana Cole <dana@acme.example>", "service-reviews@acme.example")
    dist = dataset.programme.distribution
    assert dist is not None
    assert dist.sender == "IT vendor management <vendors@northwind.example>"
    assert dist.people["Tom Berg"] == "Tom Berg <tom.berg@northwind.example>"
    assert dist.executives == ("Board <board@northwind.example>",)
    assert dist.internal_domains == ("northwind.example",)
    assert dist.reply_days == 14


def test_a_contact_that_does_not_parse_is_an_error_at_its_line(folder: DataFolder) -> None:
    folder.edit("providers/acme.yaml", "lead: Priya Shah\n",
                "lead: Priya Shah\ncontact:\n  - Dana Cole <dana@acme.example>\n"
                "  - Dana Cole dana@acme\n")
    assert folder.problems() == [(
        "evaluations/providers/acme.yaml:7:5",
        "contact: 'Dana Cole dana@acme' is not an e-mail address. Write it as "
        "Dana Cole <dana@acme.example> or dana@acme.example.")]


def test_one_contact_written_as_text(folder: DataFolder) -> None:
    folder.edit("providers/acme.yaml", "lead: Priya Shah\n",
                "lead: Priya Shah\ncontact: dana@acme.example, tom@acme.example\n")
    [(where, text)] = folder.problems()
    assert where == "evaluations/providers/acme.yaml:5:10"
    assert "holds 2 addresses; write one per line of a list" in text


def test_distribution_addresses_and_domains_are_checked(folder: DataFolder) -> None:
    folder.edit("scorecard.yaml", "Priya Shah: priya.shah@northwind.example",
                "Priya Shah: priya.shah@northwind")
    folder.edit("scorecard.yaml", "internal_domains: [northwind.example]",
                "internal_domains: ['@northwind.example']")
    priya = _line_of(folder, "scorecard.yaml", "Priya Shah: priya")
    domains = _line_of(folder, "scorecard.yaml", "internal_domains")
    errors = [p for p in folder.problems() if "warning" not in p[1]]
    assert (f"evaluations/scorecard.yaml:{priya}:17",
            "distribution.people.Priya Shah: 'northwind' in 'priya.shah@northwind' is not a "
            "domain name. Write it as Dana Cole <dana@acme.example> or dana@acme.example.") \
        in errors
    assert (f"evaluations/scorecard.yaml:{domains}:22",
            "distribution.internal_domains: '@northwind.example' is not a domain name. "
            "Write the part after the @ only, e.g. northwind.example.") in errors


def test_a_lead_or_evaluator_without_an_address_is_a_warning(folder: DataFolder) -> None:
    folder.edit("scorecard.yaml", "    Tom Berg: Tom Berg <tom.berg@northwind.example>\n", "")
    dataset, problems = folder.load()
    assert dataset is not None  # warnings only
    assert [(str(p.location), p.severity) for p in problems] == [
        ("evaluations/records/acme/2026-Q3.yaml:5:26", "warning"),
        ("evaluations/records/globex/2026-07.yaml:4:7", "warning"),
    ]
    assert problems[1].text() == (
        "lead: Tom Berg has no address in distribution.people, so scorecard send cannot "
        "send them the team scorecard. Add a line under people in scorecard.yaml: "
        "'Tom Berg: their address'.")


def test_our_person_outside_the_internal_domains_is_a_warning(folder: DataFolder) -> None:
    folder.edit("scorecard.yaml", "Priya Shah: priya.shah@northwind.example",
                "Priya Shah: priya@gmail.example")
    [problem] = folder.load()[1]
    assert problem.severity == "warning"
    assert problem.message.startswith("priya@gmail.example is not in internal_domains")


@pytest.mark.parametrize(("text", "address"), [
    ("dana@acme.example", "dana@acme.example"),
    ("Dana Cole <dana@acme.example>", "dana@acme.example"),
    ('"Cole, Dana" <dana@acme.example>', "dana@acme.example"),
])
def test_addresses_that_parse(text: str, address: str) -> None:
    mailbox, why = parse_mailbox(text)
    assert why is None and mailbox is not None and mailbox.address == address


@pytest.mark.parametrize("text", ["dana@", "Dana Cole", "dana at acme", "<dana@acme.example",
                                  "dana@acme.example\nBcc: x@y.example", ""])
def test_addresses_that_do_not(text: str) -> None:
    mailbox, why = parse_mailbox(text)
    assert mailbox is None and why


def test_a_provider_domain_listed_as_internal_is_a_warning(folder: DataFolder) -> None:
    folder.edit("providers/acme.yaml", "lead: Priya Shah\n",
                "lead: Priya Shah\ncontact: Dana Cole <dana@acme.example>\n")
    folder.edit("scorecard.yaml", "internal_domains: [northwind.example]",
                "internal_domains: [northwind.example, acme.example]")
    line = _line_of(folder, "scorecard.yaml", "internal_domains")
    [problem] = folder.load()[1]
    assert (str(problem.location), problem.severity) == (
        f"evaluations/scorecard.yaml:{line}:41", "warning")  # 2 + 19 + 19 characters before it
    assert problem.message.startswith("acme.example is the domain of Acme Managed IT Ltd's "
                                      "contact dana@acme.example")
