"""Page one's new words (issue 23), worked out by hand on tests/sample_portfolio.py
(as of 2026-11-26; its docstring has every figure): the renewal brief's position and
asks, whom a provider writes to, the team's next steps, what changed since the last
portfolio, a decision's owner and stake, a commit's subject line, the provenance line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import sample_portfolio as sample
from scorecard.data.model import Distribution
from scorecard.documents.templating import DocumentMeta
from scorecard.figures.renewal import renewal_figures
from scorecard.figures.results import Portfolio, Spend
from scorecard.figures.since import last_portfolio_day, since_last
from scorecard.words.asks import MIN_ASKS, asks, position
from scorecard.words.contact import reply_to_sentences
from scorecard.words.next_steps import next_evaluation_sentence, next_steps
from scorecard.words.provenance_line import provenance_line
from scorecard.words.record_changes import subject_line
from scorecard.words.since import since_sentences
from scorecard.words.stakes import decision_stake


@pytest.fixture(scope="module")
def portfolio() -> Portfolio:
    return sample.portfolio()


def test_a_weak_provider_gets_our_position_and_an_ask_for_each_figure(
        portfolio: Portfolio) -> None:
    f = renewal_figures(portfolio, "acme")
    assert f is not None
    # Latest 56.333 -> 56, At risk: the lowest status.
    assert position(f, portfolio.programme) == (
        "Our position: do not renew on the same terms. Acme scores 56 out of 100 (At risk).")
    assert [a.text for a in asks(f)] == [
        # availability missed in 1 of 2 quarters (a third or more), 99.9 - 99.2 = 0.7
        "Ask for a plan to meet the target for availability, and a credit for each miss. "
        "It was missed in 1 of 2 quarters, by 0.7 percentage points on average.",
        # p1-response 42 against 30: 12 minutes
        "Ask for a plan to meet the target for first response to urgent tickets, and a credit "
        "for each miss. It was missed in 1 of 2 quarters, by 12 minutes on average.",
        # a-1 open, due 2026-09-30: overdue on 2026-11-26
        "Ask Acme to fix the 1 open problem before we sign. One is overdue.",
        # 75 then 56.333 -> 56 as printed
        "Ask for a recovery plan with dates. The score fell from 75 to 56 over the contract.",
        # globex 87.5 -> 88 beats 56 in the same area
        "Ask for a lower price, or move work to Globex Services. It scores 88 to Acme's 56 in "
        "the same area.",
    ]


def test_a_strong_provider_still_gets_three_asks_from_figures(portfolio: Portfolio) -> None:
    f = renewal_figures(portfolio, "globex")
    assert f is not None
    # 87.5 -> 88 Strong, but it fell from 100: renew with changes.
    assert position(f, portfolio.programme) == (
        "Our position: renew only with the changes below. Globex Services scores 88 out of "
        "100 (Strong).")
    texts = [a.text for a in asks(f)]
    assert len(texts) == MIN_ASKS
    assert texts == [
        # g-1 is open, but ours to do (owner: us): not a problem to ask Globex to fix
        "Ask for a recovery plan with dates. The score fell from 100 to 88 over the contract.",
        # 2026-Q3: availability, p1-response and reports all met
        "Ask to keep every target in the new contract. They met 3 of 3 in 2026-Q3.",
        # no price and no renewal by itself: the notice deadline, 2027-03-31 - 60 days
        "Ask for their offer in writing before 30 January 2027. That is the last day to "
        "give notice.",
    ]


def test_whom_to_reply_to_comes_from_the_data() -> None:
    dist = Distribution(sender="IT vendor management <vendors@example.org>",
                        people={"Priya Shah": "Priya Shah <priya@example.org>"})
    assert reply_to_sentences("Priya Shah", dist) == [
        "Send it to Priya Shah at priya@example.org.",
        "Copy IT vendor management at vendors@example.org.",
    ]
    # A lead with no address on file: our shared address alone.
    assert reply_to_sentences("Tom Berg", dist) == [
        "Send it to IT vendor management at vendors@example.org."]
    assert reply_to_sentences("Tom Berg", Distribution(sender="vendors@example.org")) == [
        "Send it to us at vendors@example.org."]
    assert reply_to_sentences("Priya Shah", None) == []


def test_next_steps_have_an_owner_and_a_day(portfolio: Portfolio) -> None:
    acme = portfolio.provider("acme")
    assert acme is not None
    q3 = acme.evaluations[-1]
    # No reply on file: due 14 days after the send (not a day: issue 18). a-1 overdue.
    # Notice deadline 2026-10-02 passed (not "due"). Exit plan reviewed 2025-06-01: stale.
    # Next: 2026-Q4,
    # due 31 December + 30 days = 30 January 2027.
    assert next_steps(acme, q3, 14) == [
        "Priya Shah: get Acme's reply. It is due 14 days after we send the scorecard.",
        "Priya Shah: chase Acme on the 1 overdue problem.",
        "Priya Shah: review the exit plan for Acme.",
        "Priya Shah: score the fourth quarter of 2026 by 30 January 2027.",
    ]
    assert next_evaluation_sentence(acme, internal=False) == (
        "We will score the fourth quarter of 2026 by 30 January 2027.")


def test_since_the_last_portfolio(portfolio: Portfolio) -> None:
    # As of 2026-11-26 (Q4): the last portfolio is as of 30 September 2026.
    assert last_portfolio_day(portfolio) == date(2026, 9, 30)
    # acme: Q1 (75, Adequate) then, evaluated 5 November, Q3 (56.333 -> 56, At risk);
    # globex: Q2 (100, Strong) then, evaluated 20 October, Q3 (87.5 -> 88, Strong).
    assert since_sentences(since_last(portfolio)) == [
        "Acme: down 19 points, from 75 to 56. Its status went from Adequate to At risk.",
        "Globex Services: down 12 points, from 100 to 88.",
    ]


def test_a_decision_names_its_owner_and_stake(portfolio: Portfolio) -> None:
    acme = portfolio.provider("acme")
    assert acme is not None
    assert decision_stake(acme, Spend(640000, "EUR", 0.4)) == (
        "Priya Shah decides. At stake: EUR 640,000 a year.")
    assert decision_stake(acme, None) == (
        "Priya Shah decides. The contract's value is not on file.")


def test_a_commit_message_shows_its_subject_line_only() -> None:
    assert subject_line("Fix the availability figure\n\nThe outage was planned.") == (
        "Fix the availability figure")
    # git's %s runs the first paragraph's lines into one: its first sentence is kept.
    assert subject_line("Correct Q3. The outage of 14 August was planned, see the ticket") == (
        "Correct Q3")
    long = "Record " + "very " * 30 + "long"
    assert subject_line(long).endswith("…") and len(subject_line(long)) <= 90


def test_provenance_for_a_provider_and_for_us() -> None:
    day, saved = date(2026, 10, 27), date(2026, 12, 1)
    assert provenance_line(day, "3a51d1d", saved, dirty=False, internal=False) == (
        "Figures as of 27 October 2026. From our records of 1 December 2026, "
        "reference 3a51d1d.")
    assert provenance_line(day, "3a51d1d", saved, dirty=False, internal=True) == (
        "Figures as of 27 October 2026. They come from version 3a51d1d of our records.")


def test_the_running_audience_label_fits_with_an_extreme_name() -> None:
    name = "Acme " + "Managed Services " * 20
    meta = DocumentMeta(title="t", audience="provider", audience_label=f"Shared with {name}",
                        as_of=date(2026, 1, 1), commit="0" * 40)
    label = meta.running_audience
    assert label.startswith("Shared with Acme Managed Services")
    assert label.endswith("…") and len(label) <= 120
    short = DocumentMeta(title="t", audience="provider", audience_label="Shared with Acme",
                         as_of=date(2026, 1, 1), commit="0" * 40)
    assert short.running_audience == "Shared with Acme"


def test_a_criterion_track_record(portfolio: Portfolio) -> None:
    from scorecard.figures.track import track
    from scorecard.words.track import last_time_text, misses_text

    acme = portfolio.provider("acme")
    assert acme is not None
    q3 = acme.evaluations[-1]
    t = track("availability", acme.evaluations, q3)
    # Q1 99.95 met, Q3 99.2 missed: one miss in two, said only from two misses on.
    assert (t.missed, t.measured) == (1, 2)
    assert last_time_text(t, "%", 5) == "Last time: 99.95%"
    assert misses_text(t, "quarter") == ""
    # fix-quality is rated: last time 3 (Priya Shah alone) on a 1..5 scale.
    assert last_time_text(track("fix-quality", acme.evaluations, q3), None, 5) == (
        "Last time: 3 out of 5")


def test_repeated_misses_in_the_demo() -> None:
    from scorecard.data.load import load
    from scorecard.figures.compute import compute
    from scorecard.figures.track import track
    from scorecard.words.track import misses_text

    dataset, _ = load(Path(__file__).resolve().parents[2] / "evaluations")
    assert dataset is not None
    result = compute(dataset, date(2026, 11, 26)).provider("northgate")
    assert result is not None
    q3 = result.evaluations[-1]
    # Availability, target 99.9%: 99.84, 99.88, 99.91 (met), 99.89, 99.90 (met), 99.86,
    # 99.74: missed in 5 of 7 quarters.
    assert misses_text(track("availability", result.evaluations, q3), "quarter") == (
        "Missed in 5 of 7 quarters.")
