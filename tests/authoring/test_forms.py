"""``scorecard form`` and ``scorecard take`` on real PDFs: a form is made by WeasyPrint,
filled with pypdf as a reader's viewer fills it (values, appearance streams,
NeedAppearances), read back, and compared with what was filled; every refusal
leaves the record byte for byte as it was."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import weasyprint
from pypdf import PdfReader

from conftest import run_cli
from datafolder import DataFolder, asking_about_us
from formfill import fields, fill
from scorecard.data.formfields import FormIdentity, fingerprint
from scorecard.data.model import Measured, Rated
from scorecard.data.yaml.reader import parse_text

Q3 = "records/acme/2026-Q3.yaml"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataFolder:
    monkeypatch.chdir(tmp_path)
    folder = asking_about_us(tmp_path)
    # leave some of Q3 open for the forms to fill in
    folder.edit(Q3, "  p1-response: 42\n", "  p1-response: null\n")
    folder.edit(Q3, "  communication: 4\n", "")
    return folder


def _form(role: str, period: str = "2026-Q3") -> Path:
    result = run_cli("form", "acme", period, "--for", role)
    assert result.exit_code == 0, result.stderr
    return Path(result.stdout.split(":", 1)[0].removeprefix("Wrote "))


def _take(pdf: Path, *more: str) -> tuple[int, str, str]:
    result = run_cli("take", str(pdf), *more)
    return result.exit_code, result.stdout, result.stderr


def test_the_lead_fills_in_the_evaluation(data: DataFolder, tmp_path: Path) -> None:
    form = _form("lead")
    assert form == Path("forms/acme-2026-Q3-lead.pdf")
    held = fields(form)
    # known values are filled in; the rating field holds the scale's number
    assert held["score.availability"] == "99.95"
    assert held["rating.fix-quality"] == "4"
    assert held["internal_note.fix-quality"] == "Root-cause reports look copied."
    filled = fill(form, tmp_path / "filled.pdf", {
        "score.p1-response": "35",
        "rating.communication": "3",
        "note.availability": "Two short outages, both planned.",
        "summary": "A steady quarter.\nWeekend cover is the one weak spot.",
        "internal": "Raise the weekend gap at renewal.",
    })
    code, out, err = _take(filled)
    assert code == 0, err
    for name in ("score.p1-response", "rating.communication", "note.availability", "summary",
                 "internal"):
        assert name in out
    assert data.path(Q3).read_text(encoding="utf-8") == (
        "provider: acme\n"
        "period: 2026-Q3\n"
        "evaluated: 2026-10-06\n"
        "lead: Priya Shah\n"
        "evaluators: [Priya Shah, Tom Berg]\n"
        "scores:\n"
        "  availability: 99.95\n"
        "  p1-response: 35\n"
        "  fix-quality: {Priya Shah: 4, Tom Berg: 3}\n"
        "  communication:\n"
        "    Priya Shah: 3\n"
        "notes:\n"
        "  p1-response: Two weekend incidents waited over an hour.\n"
        "  availability: Two short outages, both planned.\n"
        "internal_notes:\n"
        "  fix-quality: Root-cause reports look copied.\n"
        "services_used: [service-desk]\n"
        "internal: Raise the weekend gap at renewal.\n"  # the fields in name order
        "summary: |\n"
        "  A steady quarter.\n"
        "  Weekend cover is the one weak spot.\n"
    )
    dataset, problems = data.load()
    assert problems == [] and dataset is not None
    record = dataset.records["acme"][-1]
    assert record.scores["p1-response"] == Measured(35.0)
    assert record.scores["communication"] == Rated({"Priya Shah": 3})
    assert record.summary == "A steady quarter.\nWeekend cover is the one weak spot.\n"


def test_two_evaluators_forms_merge_into_per_evaluator_ratings(
        data: DataFolder, tmp_path: Path) -> None:
    lead, tom = _form("lead"), _form("Tom Berg")
    assert set(fields(tom)) == {"identity", "rating.fix-quality", "rating.communication"}
    assert fields(tom)["rating.fix-quality"] == "3"  # Tom's own rating, not the lead's
    # both at once; the lead's form was made before Tom's was taken, but it holds nothing
    # of Tom's, so it is still good
    code, out, err = _take(fill(tom, tmp_path / "tom.pdf", {"rating.communication": "2"}),
                           str(fill(lead, tmp_path / "lead.pdf", {"rating.communication": "4"})))
    assert code == 0, err
    assert out.count("Wrote 1 field(s)") == 2
    dataset, problems = data.load()
    assert problems == [] and dataset is not None
    assert dataset.records["acme"][-1].scores["communication"] == Rated(
        {"Priya Shah": 4, "Tom Berg": 2})


def test_the_provider_gives_its_figures_ratings_and_reply(
        data: DataFolder, tmp_path: Path) -> None:
    form = _form("provider")
    assert set(fields(form)) == {
        "identity", "reported.availability", "reported.p1-response", "self.fix-quality",
        "self.communication", "about_us.clear-requests", "about_us.pay-on-time", "reply"}
    filled = fill(form, tmp_path / "p.pdf", {
        "reported.availability": "99.97", "reported.p1-response": "28,5",
        "self.fix-quality": "4", "about_us.clear-requests": "2", "about_us.pay-on-time": "5",
        "reply": "We agree on the weekends.\nA second engineer starts in November.",
    })
    code, out, err = _take(filled)
    assert code == 0, err
    assert "the provider" in out
    dataset, problems = data.load()
    assert problems == [] and dataset is not None
    record = dataset.records["acme"][-1]
    assert record.reported == {"availability": 99.97, "p1-response": 28.5}  # "28,5" is 28.5
    assert record.self_assessment == {"fix-quality": 4}
    assert record.about_us == {"clear-requests": 2, "pay-on-time": 5}
    assert record.provider_response == (
        "We agree on the weekends.\nA second engineer starts in November.\n")
    # the same form again: nothing new, nothing written
    before = data.path(Q3).read_bytes()
    code, out, _ = _take(filled)
    assert code == 0 and "taken before" in out
    assert data.path(Q3).read_bytes() == before


def _refused(data: DataFolder, pdf: Path, *more: str) -> str:
    before = data.path(Q3).read_bytes()
    code, out, err = _take(pdf, *more)
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("Error: ") and "Traceback" not in err
    assert data.path(Q3).read_bytes() == before
    return err


def test_a_form_for_a_record_changed_since_is_refused(data: DataFolder, tmp_path: Path) -> None:
    form = _form("lead")
    filled = fill(form, tmp_path / "f.pdf", {"summary": "Fine."})
    data.edit(Q3, "  p1-response: null\n", "  p1-response: 50\n")  # a field the form holds
    assert "has changed since this form was made" in _refused(data, filled)


def test_overwriting_a_value_needs_replace(data: DataFolder, tmp_path: Path) -> None:
    filled = fill(_form("lead"), tmp_path / "f.pdf", {"score.availability": "99.9"})
    err = _refused(data, filled)
    assert "score.availability ('99.95' in the record, '99.9' on the form)" in err
    assert "--replace" in err
    code, out, err = _take(filled, "--replace")
    assert code == 0, err
    assert "score.availability" in out
    assert "  availability: 99.9\n" in data.path(Q3).read_text(encoding="utf-8")


def test_a_value_that_does_not_fit_is_refused(data: DataFolder, tmp_path: Path) -> None:
    form = _form("lead")
    err = _refused(data, fill(form, tmp_path / "a.pdf", {"score.p1-response": "about 40"}))
    assert "score.p1-response: expected a number" in err
    # a rating off the scale, as another tool might write it: the record would not validate
    err = _refused(data, fill(form, tmp_path / "b.pdf", {"rating.communication": "9"}))
    assert "would not be valid" in err and "from 1 to 5, found 9" in err


def test_files_that_are_no_filled_form(data: DataFolder, tmp_path: Path) -> None:
    whole = _form("lead").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[: len(whole) // 2])
    assert "cut short" in _refused(data, cut)
    text = tmp_path / "notes.pdf"
    text.write_text("these are my notes\n", encoding="utf-8")
    assert "is not a PDF" in _refused(data, text)
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(weasyprint.HTML(string="<p>A form, printed to PDF</p>").write_pdf())
    assert "holds no form fields" in _refused(data, plain)


def test_no_provider_form_holds_anything_internal(data: DataFolder, tmp_path: Path) -> None:
    data.edit(Q3, "services_used:", "internal: Use the weekend gap in the renewal talks.\n"
              "services_used:")
    form = _form("provider")
    names = set(PdfReader(form).get_fields() or {})
    assert not {n for n in names if n.startswith(("internal", "score.", "rating.", "note.",
                                                  "summary"))}
    text = subprocess.run(["pdftotext", str(form), "-"], check=True, capture_output=True,
                          text=True).stdout
    for secret in ("Root-cause reports look copied", "weekend gap", "Tom Berg", "Internal",
                   "internal", "Priya Shah"):
        assert secret not in text
    assert "Acme Managed IT Ltd" in text and "We make clear requests" in text


def test_a_form_passed_off_as_another_roles_is_refused(data: DataFolder, tmp_path: Path) -> None:
    """A lead's form whose hidden identity was changed to say "provider" (fingerprint and
    all) still cannot write an internal field: the role decides what a form may hold."""
    lead = _form("lead")
    names = [n for n in fields(lead) if n != "identity"]
    record = parse_text(data.path(Q3).read_text(encoding="utf-8")).value
    forged = FormIdentity("acme", "2026-Q3", "provider", fingerprint(record, "provider", names))
    filled = fill(lead, tmp_path / "forged.pdf", {"identity": forged.text(),
                                                  "internal": "Leaked?"})
    assert "a form for 'provider' cannot hold" in _refused(data, filled)


def test_an_identity_naming_no_record_of_ours(data: DataFolder, tmp_path: Path) -> None:
    lead = _form("lead")
    for provider, period, says in (("../../etc", "2026-Q3", "names no record of ours"),
                                   ("acme", "2026-Q1", "there is no record")):
        forged = FormIdentity(provider, period, "lead", "0" * 20)
        filled = fill(lead, tmp_path / "x.pdf", {"identity": forged.text(), "summary": "Hi"})
        assert says in _refused(data, filled)
    not_ours = fill(lead, tmp_path / "y.pdf", {"identity": "{}", "summary": "Hi"})
    assert "not a scorecard form" in _refused(data, not_ours)


def test_a_record_that_is_a_link_is_not_written_through(data: DataFolder,
                                                        tmp_path: Path) -> None:
    filled = fill(_form("lead"), tmp_path / "f.pdf", {"summary": "Fine."})
    real = tmp_path / "real.yaml"
    real.write_bytes(data.path(Q3).read_bytes())
    data.path(Q3).unlink()
    data.path(Q3).symlink_to(real)
    before = real.read_bytes()
    assert "is a symbolic link" in _refused(data, filled)
    assert real.read_bytes() == before


def test_several_files_each_taken_or_refused_on_its_own(data: DataFolder,
                                                        tmp_path: Path) -> None:
    good = fill(_form("Tom Berg"), tmp_path / "tom.pdf", {"rating.communication": "2"})
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    code, out, err = _take(bad, str(good))
    assert code == 1
    assert err == f"Error: {bad}: the file is not a PDF.\n"
    assert "rating.communication" in out
    assert "communication:\n    Tom Berg: 2\n" in data.path(Q3).read_text(encoding="utf-8")
