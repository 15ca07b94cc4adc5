"""The rules about what the provider says of itself and of us (format.md v1.2):
``about_us`` questions in scorecard.yaml; ``self_assessment`` and ``about_us``
in records."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scorecard.data.problems import Problem, shown
from scorecard.data.schema.fields import did_you_mean, found
from scorecard.data.validation.drafts import Drafts, RecordFile, Rule, _error, _repeated_ids
from scorecard.data.validation.records import criteria_of_kind
from scorecard.data.yaml.document import INVALID


def unique_question_ids(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    yield from _repeated_ids(d.programme.about_us, "the about_us question id",
                             "Give each question its own id.")


def self_assessment_names_rated_criteria(d: Drafts) -> Iterator[Problem]:
    yield from criteria_of_kind(
        d, "self_assessment", measured=False,
        message="{cid} is a measured criterion: the provider rates only rated ones itself",
        hint="Put the provider's own figure in reported: {cid}: ...")


def about_us_names_questions(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    ids = [q.id for q in d.programme.about_us]
    for r in d.records:
        for qid in r.mapping("about_us"):
            if qid in ids:
                continue
            path = ("about_us", qid)
            hint = did_you_mean(qid, ids, slugs=True) or (
                f"The questions are: {', '.join(ids)}." if ids
                else "Add the question to about_us in scorecard.yaml.")
            yield _error(r.doc.key_at(path), path,
                         f"there is no about_us question '{shown(qid)}' in the programme", hint)


def _off_scale(d: Drafts, r: RecordFile, name: str) -> Iterator[Problem]:
    assert d.programme is not None
    scale = d.programme.scale
    for key, rating in r.mapping(name).items():
        if rating is INVALID or rating is None:
            continue
        if isinstance(rating, int) and not isinstance(rating, bool) \
                and scale.min <= rating <= scale.max:
            continue
        path: tuple[Any, ...] = (name, key)
        hint = "Ratings are whole numbers; round it." if isinstance(rating, float) else None
        yield _error(r.doc.at(path), path,
                     f"expected a whole number from {scale.min} to {scale.max}, found "
                     f"{found(rating, r.doc.raw.get(path))}", hint)


def provider_ratings_on_the_scale(d: Drafts) -> Iterator[Problem]:
    if d.programme is None or d.programme.scale.min >= d.programme.scale.max:
        return
    for r in d.records:
        yield from _off_scale(d, r, "self_assessment")
        yield from _off_scale(d, r, "about_us")


RULES: tuple[Rule, ...] = (
    unique_question_ids,
    self_assessment_names_rated_criteria,
    about_us_names_questions,
    provider_ratings_on_the_scale,
)
