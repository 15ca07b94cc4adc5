"""Page one answers "what now?": in the demo's documents (HTML, built in a real git
repository), what the reader must do comes right after the headline."""

from __future__ import annotations

import re

from conftest import GitRepo


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _order(text: str, *parts: str) -> list[int]:
    return [text.index(p) for p in parts]


def test_provider_and_team_page_one(demo_repo: GitRepo) -> None:
    result = demo_repo.build("--no-pdf", "--provider", "northgate", "--provider", "castellan",
                             "--period", "2026-Q3")
    assert result.exit_code == 0, result.output
    reports = demo_repo.reports
    weak = _text((reports / "northgate" / "2026-Q3" / "provider.html").read_text("utf-8"))
    # Northgate: the headline, then what to fix first, then the summary and reply.
    at = _order(weak, "Overall score", "What to fix first", "Our summary", "Your reply")
    assert at == sorted(at)
    # Its reply is on file: nothing asks for one.
    assert "Please reply to us" not in weak
    strong = _text((reports / "castellan" / "2026-Q3" / "provider.html").read_text("utf-8"))
    # Castellan: no reply yet, so page one says how and by when: within 14 days of the
    # day it is sent, which the e-mail names (v1.2: no reply-by day that may have passed)
    at = _order(strong, "What to fix first",
                "Please reply to us by e-mail within 14 days of the day we send you")
    assert at == sorted(at)
    team = _text((reports / "northgate" / "2026-Q3" / "team.html").read_text("utf-8"))
    at = _order(team, "Overall score", "Contract and exit plan", "Decision due",
                "Exit plan: Needed", "What to fix first", "Standing, contract and exit")
    assert at == sorted(at)
    # The contract's state is said once.
    assert team.count("Decision due") == 1
