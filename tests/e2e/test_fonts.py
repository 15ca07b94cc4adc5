"""Text in any script the shipped fonts draw ends up in the PDF, drawn with the
shipped fonts only; text they cannot draw stops at ``validate``, at its line,
never in the middle of a PDF. Real git repository, real WeasyPrint PDFs."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from conftest import GitRepo, run_cli

ACME = "providers/acme.yaml"
Q3 = "records/acme/2026-Q3.yaml"
NAME = "株式会社アクメ Zoë Müller"
KOREAN = "한국 지사와의 협력이 좋았습니다."


def fonts_of(pdf: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(pdf))
    names: set[str] = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            for descendant in font.get_object().get("/DescendantFonts", [font]):
                names.add(str(descendant.get_object()["/BaseFont"]).split("+", 1)[1])
    return names


def test_chinese_japanese_and_korean_are_drawn_with_the_shipped_fallback(
    small_repo: GitRepo,
) -> None:
    small_repo.edit(ACME, "name: Acme Managed IT Ltd", f"name: {NAME}")
    small_repo.edit(ACME, "short_name: Acme", "short_name: アクメ")
    small_repo.edit(Q3, "lead: Priya Shah", f"lead: Priya Shah\nsummary: {KOREAN}")
    small_repo.commit("A provider with a Japanese name")
    done = small_repo.build("--provider", "acme", "--period", "2026-Q3", "--audience", "provider")
    assert done.exit_code == 0, done.output
    pdf = (small_repo.reports / "acme" / "2026-Q3" / "provider.pdf").read_bytes()
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert NAME in text
    assert KOREAN in text
    # Inter for the Latin letters, the shipped fallback for the rest; nothing from the host
    fonts = fonts_of(pdf)
    assert "Scorecard-Fallback" in fonts
    assert all(name.startswith("Scorecard-") for name in fonts), fonts


@pytest.mark.parametrize(("value", "message"), [
    ("Acme 🚀 Ltd", "the documents' fonts cannot draw '🚀' (U+1F680 ROCKET) at character 6 of "
     "the text"),
    ('"Acme \\x07 Ltd"', "the text holds a control character (U+0007) at character 6 of the "
     "text; documents cannot show it"),
])
def test_text_the_fonts_cannot_draw_stops_the_build_at_its_line(
    small_repo: GitRepo, monkeypatch: pytest.MonkeyPatch, value: str, message: str
) -> None:
    small_repo.edit(ACME, "name: Acme Managed IT Ltd", f"name: {value}")
    small_repo.commit("An emoji in a name")
    monkeypatch.chdir(small_repo.root)
    where = f"evaluations/{ACME}:2:7: name: {message}"
    checked = run_cli("validate", "--data", "evaluations")
    assert checked.exit_code == 1
    assert checked.stderr.startswith(where)
    done = run_cli("build", "--data", "evaluations", "--out", "reports")
    assert done.exit_code == 1
    assert done.stderr.startswith(where)
    assert ".pdf" not in done.stderr
    assert not (small_repo.root / "reports").exists()
