"""One test per kind of error in format.md's "What is an error".

Each test copies the small valid data set (tests/fixtures/small), breaks one
thing in a real file, and checks the exact message, file, line and column.
Lines and columns are counted by hand in the fixture files (noted beside each).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from datafolder import DataFolder
from scorecard.data.periods import Period

Q2 = "records/acme/2026-Q2.yaml"
Q3 = "records/acme/2026-Q3.yaml"
GLOBEX_07 = "records/globex/2026-07.yaml"
ACME = "providers/acme.yaml"
PROG = "scorecard.yaml"
E = "evaluations/"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataFolder:
    monkeypatch.chdir(tmp_path)
    return DataFolder(tmp_path)


def test_the_small_fixture_is_valid(data: DataFolder) -> None:
    dataset, problems = data.load()
    assert problems == []
    assert dataset is not None
    assert list(dataset.providers) == ["acme", "globex"]
    acme = dataset.records["acme"]
    assert [r.period for r in acme] == [Period(2026, 2, "quarterly"), Period(2026, 3, "quarterly")]
    # a single number for a rated criterion is the lead's rating
    assert acme[0].scores["fix-quality"] is not None
    assert acme[1].where("scores", "p1-response").line == 8
    # a quoted ISO day is a day too
    assert str(dataset.records["globex"][0].evaluated) == "2026-08-05"


# --- YAML --------------------------------------------------------------------


def test_yaml_that_does_not_parse(data: DataFolder) -> None:
    data.edit(Q3, "lead: Priya Shah", "lead: Priya: Shah")
    # line 4; the second colon is column 12 ("lead: Priya" is 11 characters)
    assert data.problems() == [(
        E + Q3 + ":4:12",
        "YAML syntax error: a colon (:) where YAML did not expect one. "
        "If the text contains ': ', put the whole value in quotes.",
    )]


def test_duplicate_key(data: DataFolder) -> None:
    data.edit(Q2, "  communication: null\n", "  communication: null\n  p1-response: 50\n")
    assert data.problems() == [(
        E + Q2 + ":10:3",
        "scores.p1-response: p1-response appears twice in this mapping (first on line 7). "
        "Remove one of them or merge them.",
    )]


def test_a_tag_beyond_plain_yaml(data: DataFolder) -> None:
    data.edit(Q2, "availability: 99.5", "availability: !!python/object:os.system 99.5")
    # "  availability: " is 16 characters, so the value starts at column 17
    assert data.problems() == [(
        E + Q2 + ":6:17",
        "scores.availability: the tag !!python/object:os.system is not allowed; only plain "
        "YAML values (text, numbers, true/false, dates, lists and mappings) are read. "
        "Remove the tag.",
    )]


# --- fields ----------------------------------------------------------------------


def test_missing_required_field(data: DataFolder) -> None:
    data.edit(Q2, "lead: Priya Shah\n", "")
    assert data.problems() == [(
        E + Q2 + ":1:1",
        "lead: the required field 'lead' is missing. Add it, e.g. lead: Priya Shah",
    )]


def test_unknown_field_with_a_suggestion(data: DataFolder) -> None:
    data.edit(Q2, "  communication: null\n", "  communication: null\nsumary: A quiet quarter.\n")
    assert data.problems() == [(
        E + Q2 + ":10:1",
        "sumary: unknown field 'sumary'; did you mean 'summary'?",
    )]


def test_wrong_type(data: DataFolder) -> None:
    data.edit(PROG, "grace_days: 30", "grace_days: thirty")
    assert data.problems() == [(
        E + PROG + ":3:13",
        'grace_days: expected a whole number from 0 to 3,650, found "thirty"',
    )]


def test_id_that_is_not_a_slug(data: DataFolder) -> None:
    data.edit(PROG, "  - id: service\n", "  - id: Service_Delivery\n")
    assert data.problems() == [(
        E + PROG + ":13:9",
        "categories.id: expected an id (lower-case letters, digits and -, starting with a "
        'letter, at most 64 characters), found "Service_Delivery"; '
        "did you mean 'service-delivery'?",
    )]


def test_provider_file_name_disagrees_with_its_id(data: DataFolder) -> None:
    data.edit("providers/globex.yaml", "id: globex", "id: globex-corp")
    # only the one message: globex's record still finds the file by its name
    assert data.problems() == [(
        E + "providers/globex.yaml:1:5",
        "id: the id is 'globex-corp' but the file is named globex.yaml. "
        "Rename the file to globex-corp.yaml, or change the id to 'globex'.",
    )]


def test_record_file_name_disagrees_with_its_period(data: DataFolder) -> None:
    data.edit(Q2, "period: 2026-Q2", "period: 2026-Q1")
    assert data.problems() == [(
        E + Q2 + ":2:9",
        "period: the period is 2026-Q1 but the file is named 2026-Q2.yaml. "
        "Rename the file to 2026-Q1.yaml, or correct the period.",
    )]


def test_record_folder_disagrees_with_its_provider(data: DataFolder) -> None:
    data.edit(Q2, "provider: acme", "provider: globex")
    # globex is monthly, so the quarter is in the wrong form for it as well
    assert data.problems() == [
        (E + Q2 + ":1:11",
         "provider: the provider is 'globex' but the record is in the folder records/acme/. "
         "Move the file to records/globex/, or correct the provider."),
        (E + Q2 + ":2:9",
         "period: expected a monthly period such as 2026-07, found 2026-Q2; "
         "globex is evaluated monthly (cadence in evaluations/providers/globex.yaml)."),
    ]


# --- scores --------------------------------------------------------------------


def test_score_for_a_criterion_the_programme_does_not_have(data: DataFolder) -> None:
    data.edit(Q3, "  communication: 4", "  comunication: 4")
    assert data.problems() == [(
        E + Q3 + ":10:3",
        "scores.comunication: there is no criterion 'comunication' in the programme; "
        "did you mean 'communication'?",
    )]


def test_rating_outside_the_scale(data: DataFolder) -> None:
    data.edit(Q3, "  communication: 4", "  communication: 7")
    # "  communication: " is 17 characters
    assert data.problems() == [(
        E + Q3 + ":10:18",
        "scores.communication: expected a whole number from 1 to 5, found 7",
    )]


def test_rating_that_is_not_a_whole_number(data: DataFolder) -> None:
    data.edit(Q3, "Tom Berg: 3}", "Tom Berg: 3.5}")
    # "  fix-quality: " is 15 characters, "{" is column 16, and "3" is 26 further on
    assert data.problems() == [(
        E + Q3 + ":9:42",
        "scores.fix-quality.Tom Berg: expected a whole number from 1 to 5, found 3.5. "
        "Ratings are whole numbers; round it, or ask the evaluators.",
    )]


def test_measured_result_that_is_not_a_number(data: DataFolder) -> None:
    data.edit(Q3, "availability: 99.95", 'availability: "99.95%"')
    assert data.problems() == [(
        E + Q3 + ":7:17",
        'scores.availability: expected a number (%), found "99.95%". '
        "Write the number alone: availability: 99.95",
    )]


def test_measured_result_that_is_a_boolean(data: DataFolder) -> None:
    data.edit(Q3, "availability: 99.95", "availability: True")
    assert data.problems() == [(
        E + Q3 + ":7:17",
        "scores.availability: expected a number (%), found True (which YAML reads as true)",
    )]


def test_rated_result_for_a_measured_criterion(data: DataFolder) -> None:
    data.edit(Q3, "p1-response: 42", "p1-response: {Priya Shah: 40}")
    assert data.problems() == [(
        E + Q3 + ":8:16",
        "scores.p1-response: p1-response is a measured criterion (minutes), so it needs one "
        "number, not ratings by evaluator. Write the measured value, e.g. p1-response: 30",
    )]


def test_measurement_for_a_rated_criterion(data: DataFolder) -> None:
    data.edit(Q2, "fix-quality: 3", "fix-quality: 87.5")
    assert data.problems() == [(
        E + Q2 + ":8:16",
        "scores.fix-quality: expected a whole number from 1 to 5, found 87.5; "
        "fix-quality is rated on the scale, not measured.",
    )]


def test_rating_by_someone_not_in_evaluators(data: DataFolder) -> None:
    data.edit(Q3, "Tom Berg: 3}", "Tom Burg: 3}")
    # the key: column 16 + 16
    assert data.problems() == [(
        E + Q3 + ":9:32",
        "scores.fix-quality.Tom Burg: Tom Burg rated fix-quality but is not listed in "
        "evaluators; did you mean 'Tom Berg'?",
    )]


def test_ratings_without_evaluators_may_only_be_the_leads(data: DataFolder) -> None:
    data.edit(Q2, "fix-quality: 3", "fix-quality: {Priya Shah: 3, Tom Berg: 4}")
    # "  fix-quality: {Priya Shah: 3, " is 31 characters
    assert data.problems() == [(
        E + Q2 + ":8:32",
        "scores.fix-quality.Tom Berg: Tom Berg rated fix-quality but is not listed in "
        "evaluators. Add evaluators: [Priya Shah, Tom Berg]; without it only the lead rates.",
    )]


def test_notes_for_a_criterion_the_programme_does_not_have(data: DataFolder) -> None:
    data.edit(Q3, "  fix-quality: Root", "  fix-qualty: Root")
    assert data.problems() == [(
        E + Q3 + ":14:3",
        "internal_notes.fix-qualty: there is no criterion 'fix-qualty' in the programme; "
        "did you mean 'fix-quality'?",
    )]


# --- records and providers -------------------------------------------------------


def test_record_for_a_provider_without_a_provider_file(data: DataFolder) -> None:
    data.path("providers/globex.yaml").unlink()
    assert data.problems() == [(
        E + GLOBEX_07 + ":1:11",
        "provider: there is no provider file for 'globex' (providers/globex.yaml). "
        "Add providers/globex.yaml, or correct the provider.",
    )]


def test_period_in_the_wrong_form_for_the_cadence(data: DataFolder) -> None:
    data.path(GLOBEX_07).rename(data.path("records/globex/2026-Q3.yaml"))
    data.edit("records/globex/2026-Q3.yaml", "period: 2026-07", "period: 2026-Q3")
    assert data.problems() == [(
        E + "records/globex/2026-Q3.yaml:2:9",
        "period: expected a monthly period such as 2026-07, found 2026-Q3; "
        "globex is evaluated monthly (cadence in evaluations/providers/globex.yaml).",
    )]


def test_period_form_follows_the_programme_when_the_provider_has_no_cadence(
    data: DataFolder,
) -> None:
    data.path(Q2).rename(data.path("records/acme/2026-04.yaml"))
    data.edit("records/acme/2026-04.yaml", "period: 2026-Q2", "period: 2026-04")
    assert data.problems() == [(
        E + "records/acme/2026-04.yaml:2:9",
        "period: expected a quarterly period such as 2026-Q3, found 2026-04; "
        "acme is evaluated quarterly (the programme's cadence in scorecard.yaml).",
    )]


def test_two_records_for_one_provider_and_period(data: DataFolder) -> None:
    data.write("records/acme/2026-Q3.yml", data.path(Q3).read_text())
    assert data.problems() == [(
        E + "records/acme/2026-Q3.yml:2:9",
        "period: a second record for acme in 2026-Q3; the first is "
        "evaluations/records/acme/2026-Q3.yaml. Keep one record per provider and period.",
    )]


def test_services_used_names_a_service_the_provider_does_not_have(data: DataFolder) -> None:
    data.edit(Q3, "[service-desk]", "[service-dsk]")
    assert data.problems() == [(
        E + Q3 + ":15:17",
        "services_used: acme has no service 'service-dsk'; did you mean 'service-desk'?",
    )]


def test_action_status_that_does_not_fit_its_kind(data: DataFolder) -> None:
    data.edit(ACME, "status: proposed", "status: open")
    assert data.problems() == [(
        E + ACME + ":21:13",
        "actions.status: the status 'open' does not fit an idea; "
        "expected proposed, adopted or declined",
    )]


def test_closed_date_missing(data: DataFolder) -> None:
    data.edit(ACME, "    closed: 2026-09-12\n", "")
    # the action a-1 starts at line 9, column 5 (after "  - ")
    assert data.problems() == [(
        E + ACME + ":9:5",
        "actions.closed: the status is done, so the day it was closed is needed. "
        "Add closed: YYYY-MM-DD.",
    )]


def test_closed_date_where_it_should_not_be(data: DataFolder) -> None:
    data.edit(ACME, "    status: proposed\n", "    status: proposed\n    closed: 2026-08-02\n")
    assert data.problems() == [(
        E + ACME + ":22:13",
        "actions.closed: a closed date is given, but the status is proposed. "
        "Remove closed, or change the status.",
    )]


def test_closing_before_raising(data: DataFolder) -> None:
    data.edit(ACME, "closed: 2026-09-12", "closed: 2026-07-01")
    assert data.problems() == [(
        E + ACME + ":16:13",
        "actions.closed: closed (2026-07-01) is before raised (2026-07-10). Check both dates.",
    )]


def test_duplicate_action_ids(data: DataFolder) -> None:
    data.edit(ACME, "  - id: a-2", "  - id: a-1")
    assert data.problems() == [(
        E + ACME + ":17:9",
        "actions.id: the action id 'a-1' is used twice (first on line 9). "
        "Give each action of a provider its own id.",
    )]


def test_deficiency_without_a_due_date(data: DataFolder) -> None:
    data.edit(ACME, "    due: 2026-09-30\n", "")
    assert data.problems() == [(
        E + ACME + ":9:5",
        "actions.due: a deficiency needs a due date: the day it must be fixed by. "
        "Add due: YYYY-MM-DD.",
    )]


def test_an_idea_needs_no_due_date(data: DataFolder) -> None:
    # a-2 is an idea with no due date in the fixture
    dataset, problems = data.load()
    assert problems == [] and dataset is not None
    assert dataset.providers["acme"].actions[1].due is None


# --- the programme ---------------------------------------------------------------


def test_weight_that_is_not_positive(data: DataFolder) -> None:
    data.edit(PROG, "weight: 60", "weight: 0")
    assert data.problems() == [(
        E + PROG + ":15:13",
        "categories.weight: expected a number above 0 and at most 1,000, found 0. Weights only "
        "count against each other: 3 and 1 give the same shares as 300 and 100. To leave "
        "something out, remove it.",
    )]


def test_bands_without_one_at_zero(data: DataFolder) -> None:
    data.edit(PROG, "{name: At risk, min: 0}", "{name: At risk, min: 40}")
    # the list of bands starts at the "-" of line 9, column 3
    assert data.problems() == [(
        E + PROG + ":9:3",
        "bands: no band starts at 0, so low scores would have no status. "
        "Give the lowest band min: 0.",
    )]


def test_two_bands_with_the_same_minimum(data: DataFolder) -> None:
    data.edit(PROG, "{name: Adequate, min: 60}", "{name: Adequate, min: 80}")
    # "  - {name: Adequate, min: " is 26 characters
    assert data.problems() == [(
        E + PROG + ":10:27",
        "bands.min: two bands start at 80: Strong and Adequate. Give each band its own min.",
    )]


def test_floor_on_the_wrong_side_of_its_target(data: DataFolder) -> None:
    data.edit(PROG, "target: 99.9, floor: 99.0", "target: 99.9, floor: 99.95")
    # '        measure: {unit: "%", target: 99.9, floor: ' is 50 characters
    assert data.problems() == [(
        E + PROG + ":19:51",
        "categories.criteria.measure.floor: the floor (99.95) is on the wrong side of the "
        "target (99.9): when higher is better, the floor must be below the target. "
        "Swap floor and target, or check better.",
    )]


def test_criterion_ids_are_unique_across_the_programme(data: DataFolder) -> None:
    data.edit(PROG, "        name: Communication\n",
              "        name: Communication\n      - id: p1-response\n        name: Again\n")
    assert data.problems() == [(
        E + PROG + ":32:13",
        "categories.criteria.id: the criterion id 'p1-response' is used twice (first on "
        "line 20). Criterion ids must be unique across the whole programme.",
    )]


def test_scale_labels_inside_the_scale(data: DataFolder) -> None:
    data.edit(PROG, "5: Outstanding}", "5: Outstanding, 6: Heroic}")
    # "  labels: {1: Unacceptable, 3: Meets expectations, 5: Outstanding, 6: " is 70
    assert data.problems() == [(
        E + PROG + ":7:71",
        "scale.labels: a label for 6, which is outside the scale 1 to 5. "
        "Remove it, or widen the scale with min and max.",
    )]


def test_scale_must_run_upwards(data: DataFolder) -> None:
    data.edit(PROG, "  max: 5\n  labels: {1: Unacceptable, 3: Meets expectations, 5: Outstanding}",
              "  max: 1")
    assert data.problems() == [(
        E + PROG + ":6:8",
        "scale.max: the scale must run upwards: max (1) is not above min (1). "
        "Swap them, e.g. min: 1 and max: 5.",
    )]


def test_unknown_cadence_with_a_suggestion(data: DataFolder) -> None:
    data.edit("providers/globex.yaml", "cadence: monthly", "cadence: montly")
    # the record's period is then checked against the programme's quarterly cadence,
    # which it cannot fit either: that second message is true, not noise
    assert data.problems()[0] == (
        E + "providers/globex.yaml:3:10",
        "cadence: expected one of monthly, quarterly, half-yearly or yearly, found "
        "\"montly\"; did you mean 'monthly'?",
    )


# --- many errors at once ---------------------------------------------------------


def test_every_error_in_every_file_in_one_run(data: DataFolder) -> None:
    data.edit(PROG, "grace_days: 30", "grace_days: -1")
    data.edit(ACME, "closed: 2026-09-12", "closed: 2026-07-01")
    data.edit(ACME, "status: proposed", "status: open")
    data.edit(Q3, "  communication: 4", "  communication: 9")
    data.edit(Q2, "lead: Priya Shah\n", "")
    data.write("records/globex/2026-08.yaml", "provider: globex\nperiod: 2026-08\n: x: :\n")
    # sorted by file name, then line
    assert [where for where, _ in data.problems()] == [
        E + ACME + ":16:13",
        E + ACME + ":21:13",
        E + Q2 + ":1:1",
        E + Q3 + ":10:18",
        E + "records/globex/2026-08.yaml:3:1",
        E + PROG + ":3:13",
    ]


def test_an_error_in_the_programme_does_not_hide_errors_in_records(data: DataFolder) -> None:
    data.edit(PROG, "organisation: Northwind Freight\n", "")
    data.edit(Q3, "  communication: 4", "  comunication: 4")
    assert data.problems() == [
        (E + Q3 + ":10:3", "scores.comunication: there is no criterion 'comunication' in "
         "the programme; did you mean 'communication'?"),
        (E + PROG + ":1:1", "organisation: the required field 'organisation' is missing. "
         "Add it, e.g. organisation: Northwind Freight"),
    ]


def test_missing_folder_and_missing_programme(data: DataFolder, tmp_path: Path) -> None:
    from scorecard.data.load import load

    dataset, problems = load("nowhere")
    assert dataset is None
    assert [(str(p.location), p.text()) for p in problems] == [(
        "nowhere", "there is no such folder. Run scorecard from the repository's root folder, "
        "or name the data folder with --data DIR.",
    )]
    data.path(PROG).unlink()
    assert data.problems() == [(
        E + "scorecard.yaml", "the programme file scorecard.yaml is missing. "
        "Every data folder needs one; scorecard init writes a starting point.",
    )]


def test_other_files_are_ignored_and_stray_files_are_a_warning(data: DataFolder) -> None:
    data.write("README.md", "# notes\n")  # beside the data: not data, nothing said
    data.write("records/acme/notes.txt", "not data")  # among the records: said
    data.write("records/stray.yaml", "x: 1\n")
    dataset, problems = data.load()
    assert dataset is not None  # a warning does not stop loading
    assert [(str(p.location), p.severity) for p in problems] == [
        (E + "records/acme/notes.txt", "warning"),
        (E + "records/stray.yaml", "warning"),
    ]


def test_a_provider_file_that_does_not_parse_is_not_also_missing(data: DataFolder) -> None:
    data.edit("providers/globex.yaml", "name: Globex Corporation", "name: Globex: Corporation")
    # one message: globex's record does not also complain that the file is missing
    assert data.problems() == [(
        E + "providers/globex.yaml:2:13",
        "YAML syntax error: a colon (:) where YAML did not expect one. "
        "If the text contains ': ', put the whole value in quotes.",
    )]


def test_empty_scores_is_named_plainly(data: DataFolder) -> None:
    data.edit(Q2, "  availability: 99.5\n  p1-response: 45\n  fix-quality: 3\n"
              "  communication: null\n", "")
    assert data.problems() == [(
        E + Q2 + ":5:8",
        "scores: expected a mapping from a criterion id to its value (name: value lines), "
        "found nothing (an empty value)",
    )]


def test_duplicate_category_ids(data: DataFolder) -> None:
    data.edit(PROG, "  - id: relationship", "  - id: service")
    # line 26 "  - id: service": the value starts at column 9; the first on line 13
    assert (
        E + PROG + ":26:9",
        "categories.id: the category id 'service' is used twice (first on line 13). "
        "Give each category its own id.",
    ) in data.problems()


def test_duplicate_service_ids(data: DataFolder) -> None:
    data.edit(ACME, "{id: backup,", "{id: service-desk,")
    # line 7 "  - {id: service-desk, ...": the value starts at column 10
    assert (
        E + ACME + ":7:10",
        "services.id: the service id 'service-desk' is used twice (first on line 6)",
    ) in data.problems()


# --- v1.1: service value, contract decision, concentration share ----------------------


def test_v11_spend_and_decision_fields_load(data: DataFolder) -> None:
    data.edit(ACME, "  - {id: backup, name: Backup and recovery}\n",
              "  - {id: backup, name: Backup and recovery, annual_value: 18000}\n"
              "contract:\n  end: 2027-03-31\n  notice_days: 90\n  annual_value: 240000\n"
              "  currency: EUR\n  decision: {status: notice-given, day: 2026-11-02, "
              "note: Told them.}\n")
    data.edit(PROG, "organisation:", "concentration_share: 0.4\norganisation:")
    dataset, problems = data.load()
    assert problems == [] and dataset is not None
    acme = dataset.providers["acme"]
    assert acme.services[1].annual_value == 18000.0
    assert acme.contract is not None and acme.contract.decision is not None
    decision = acme.contract.decision
    assert (decision.status, str(decision.day), decision.note) == (
        "notice-given", "2026-11-02", "Told them.")
    assert dataset.programme.concentration_share == 0.4


def test_a_decision_status_that_is_not_one_of_the_four(data: DataFolder) -> None:
    data.edit(ACME, "actions:", "contract:\n  decision: {status: extend, day: 2026-11-02}\n"
              "actions:")
    # line 9 ("  decision: {status: " is 21 characters: the value starts at column 22)
    ((where, text),) = data.problems()
    assert where == E + ACME + ":9:22"
    assert text == ("contract.decision.status: expected one of renew, renegotiate, exit or "
                    "notice-given, found \"extend\"; did you mean 'exit'?")


def test_a_decision_without_a_day_and_a_share_above_one(data: DataFolder) -> None:
    data.edit(ACME, "actions:", "contract:\n  decision: {status: renew}\nactions:")
    data.edit(PROG, "organisation:", "concentration_share: 1.5\norganisation:")
    texts = [t for _, t in data.problems()]
    assert any("contract.decision" in t and "day" in t for t in texts), texts
    assert any(t.startswith("concentration_share: expected a number from 0 to 1, found 1.5")
               for t in texts), texts
