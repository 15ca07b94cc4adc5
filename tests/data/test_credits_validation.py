"""``service_credits`` (format.md v1.2): each error at its line, in a real provider file.

The small fixture's providers/acme.yaml has 21 lines; each test appends the block
below (BLOCK) from line 22: service_credits on 22, charges 23, currency 24,
at_risk 25, pool 26, availability 27, p1-response 28, termination 29, the
criterion rule 30 and the at_cap rule 31.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from datafolder import DataFolder
from scorecard.data.schema.provider import PROVIDER

ACME = "providers/acme.yaml"
AT = "evaluations/providers/acme.yaml"
BLOCK = """service_credits:
  charges: 60000
  currency: EUR
  at_risk: 0.12
  pool:
    availability: 0.5
    p1-response: 0.3
  termination:
    - {criterion: availability, misses: 3, within: 6}
    - {at_cap: 2, within: 3}
"""


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataFolder:
    monkeypatch.chdir(tmp_path)
    folder = DataFolder(tmp_path)
    text = folder.path(ACME).read_text(encoding="utf-8")
    folder.write(ACME, text + BLOCK)
    return folder


def _with(data: DataFolder, old: str, new: str) -> list[tuple[str, str]]:
    data.edit(ACME, old, new)
    return data.problems()


def test_a_valid_block_loads_as_exact_decimals(data: DataFolder) -> None:
    dataset, problems = data.load()
    assert problems == []
    assert dataset is not None
    terms = dataset.providers["acme"].service_credits
    assert terms is not None
    assert terms.at_risk == Decimal("0.12") and terms.charges == Decimal(60000)
    assert terms.at_risk_amount == Decimal("7200.00")
    assert terms.pool == {"availability": Decimal("0.5"), "p1-response": Decimal("0.3")}
    assert terms.repeat == 1 and terms.year_cap is None and terms.earn_back is None
    assert [(r.criterion, r.count, r.within) for r in terms.termination] == [
        ("availability", 3, 6), (None, 2, 3)]


def test_a_rated_pool_criterion(data: DataFolder) -> None:
    assert _with(data, "    p1-response: 0.3", "    fix-quality: 0.3") == [(
        AT + ":28:5", "service_credits.pool.fix-quality: fix-quality is rated on the scale, so it "
        "has no target to miss and cannot earn a service credit. Put only measured criteria "
        "in the pool.")]


def test_an_unknown_pool_criterion(data: DataFolder) -> None:
    assert _with(data, "    p1-response: 0.3", "    p1-respons: 0.3") == [(
        AT + ":28:5", "service_credits.pool.p1-respons: there is no criterion 'p1-respons' in "
        "the programme; did you mean 'p1-response'?")]


def test_shares_that_add_up_to_more_than_one(data: DataFolder) -> None:
    # 0.5 + 0.6 = 1.1; reported at the pool's value, line 27 column 5
    assert _with(data, "    p1-response: 0.3", "    p1-response: 0.6") == [(
        AT + ":27:5", "service_credits.pool: the pool's shares add up to 1.1 (0.5 + 0.6); they "
        "may add up to at most 1, the whole at-risk amount. Lower the shares so that they add "
        "up to 1 or less.")]


def test_shares_of_exactly_one_are_fine_without_float_drift(data: DataFolder) -> None:
    # 0.7 + 0.2 + 0.1 is 0.9999999999999999 in floats, and exactly 1 as written
    data.edit(ACME, "    availability: 0.5\n    p1-response: 0.3",
              "    availability: 0.7\n    p1-response: 0.2\n    p1-response-x: 0.1")
    problems = data.problems()
    assert len(problems) == 1 and "no criterion 'p1-response-x'" in problems[0][1]


def test_a_share_not_above_zero(data: DataFolder) -> None:
    (problem,) = _with(data, "    p1-response: 0.3", "    p1-response: 0")
    assert problem[0] == AT + ":28:18"
    assert "expected a number above 0 and at most 1, found 0" in problem[1]


@pytest.mark.parametrize(("old", "new", "where", "found"), [
    ("  at_risk: 0.12", "  at_risk: 0", ":25:12", "found 0"),
    ("  at_risk: 0.12", "  at_risk: 12", ":25:12", "found 12"),
    ("  at_risk: 0.12", "  at_risk: 0.12\n  year_cap: 1.5", ":26:13", "found 1.5"),
    ("  at_risk: 0.12", "  at_risk: 0.12\n  year_cap: -0.1", ":26:13", "found -0.1"),
])
def test_at_risk_and_year_cap_out_of_range(data: DataFolder, old: str, new: str, where: str,
                                           found: str) -> None:
    (problem,) = _with(data, old, new)
    assert problem[0] == AT + where
    assert f"expected a number above 0 and at most 1, {found}" in problem[1]
    assert "0.12 for 12%" in problem[1]


def test_misses_above_within(data: DataFolder) -> None:
    # "    - {criterion: availability, misses: " is 40 characters: misses' value at column 41
    assert _with(data, "misses: 3, within: 6", "misses: 7, within: 6") == [(
        AT + ":30:41", "service_credits.termination.misses: misses is 7, above within (6): "
        "no 6 periods in a row can hold 7. Make misses at most 6.")]


def test_a_termination_rule_with_both_kinds(data: DataFolder) -> None:
    (problem,) = _with(data, "{at_cap: 2, within: 3}",
                       "{criterion: availability, misses: 1, at_cap: 2, within: 3}")
    assert problem[0].startswith(AT + ":31:")
    assert "either misses of a criterion or periods at the cap, not both" in problem[1]


@pytest.mark.parametrize(("written", "hint"), [
    ("eur", "did you mean EUR?"),
    ("Euro", "did you mean EUR?"),
])
def test_a_currency_not_in_iso_capitals(data: DataFolder, written: str, hint: str) -> None:
    assert _with(data, "  currency: EUR", f"  currency: {written}") == [(
        AT + ":24:13", "service_credits.currency: expected an ISO 4217 currency code in "
        f'capitals, such as EUR, GBP or USD, found "{written}"; {hint}')]


def test_the_editor_schema_knows_the_block() -> None:
    schema = PROVIDER.schema()["properties"]["service_credits"]
    assert schema["required"] == ["charges", "currency", "at_risk", "pool"]
    assert schema["properties"]["at_risk"]["exclusiveMinimum"] == 0
    assert schema["properties"]["at_risk"]["maximum"] == 1
    assert "EUR" in schema["properties"]["currency"]["enum"]  # ISO 4217 (data/schema/currency)
    assert "eur" not in schema["properties"]["currency"]["enum"]
    saved = json.loads((Path(__file__).parents[2] / ".schemas" / "provider.schema.json")
                       .read_text(encoding="utf-8"))
    assert "service_credits" in saved["properties"]


@pytest.mark.parametrize(("rule", "column", "message"), [
    # "    - " is 6 characters: the rule's mapping starts at column 7
    ("{within: 3}", 7, "service_credits.termination: a termination rule needs criterion and "
     "misses, or at_cap. Add e.g. {criterion: availability, misses: 3, within: 6}."),
    ("{criterion: availability, within: 3}", 7, "service_credits.termination.misses: a rule "
     "for a criterion needs misses: how many misses give the right. Add e.g. misses: 3."),
    # "    - {criterion: " is 18 characters: the criterion's value at column 19
    ("{criterion: fix-quality, misses: 1, within: 3}", 19, "service_credits.termination."
     "criterion: fix-quality is rated on the scale, so it has no target to miss. Name a "
     "measured criterion."),
    ("{criterion: availabilty, misses: 1, within: 3}", 19, "service_credits.termination."
     "criterion: there is no criterion 'availabilty' in the programme; did you mean "
     "'availability'?"),
    # "    - {at_cap: " is 15 characters
    ("{at_cap: 4, within: 3}", 16, "service_credits.termination.at_cap: at_cap is 4, above "
     "within (3): no 3 periods in a row can hold 4. Make at_cap at most 3."),
])
def test_termination_rules_that_cannot_be_judged(data: DataFolder, rule: str, column: int,
                                                 message: str) -> None:
    assert _with(data, "{at_cap: 2, within: 3}", rule) == [(AT + f":31:{column}", message)]
