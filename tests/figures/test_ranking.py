"""Ranking providers (scoring.md: "Comparing providers")."""

from datetime import date

from factories import category, dataset, measured, programme, provider, record
from scorecard.figures.compute import compute
from scorecard.figures.results import Portfolio

# two categories of weight 50, each with one measured criterion (target 100, floor 0),
# so a criterion's score is its value; one category scored gives coverage 50/100 = 0.5
PROG = programme(
    category("a", 50, measured("m1", 100, floor=0)),
    category("b", 50, measured("m2", 100, floor=0)),
)
AS_OF = date(2026, 11, 26)


def _portfolio() -> Portfolio:
    day = date(2026, 10, 5)
    providers = [
        provider("a", area="x"),
        provider("b", area="x"),
        provider("c", area="y"),
        provider("d", area="y"),
        provider("e", area="x"),  # no records: not ranked
        provider("f"),  # no service area
        provider("g", area=""),  # empty area: no area rank
        provider("h", area="y"),
        provider("i", area="z"),  # no records; area z has no ranked provider
    ]
    records = [
        # a: (50*70 + 50*70)/100 = 70, coverage 1
        record("2026-Q3", day, {"m1": 70, "m2": 70}, provider="a"),
        # b: only m1 = 70 -> 70, coverage 0.5: loses the tie on coverage
        record("2026-Q3", day, {"m1": 70}, provider="b"),
        # c: 70, coverage 1: ties a on score and coverage; a < c by id
        record("2026-Q3", day, {"m1": 70, "m2": 70}, provider="c"),
        # d: only m1 = 90 -> 90, coverage 0.5
        record("2026-Q3", day, {"m1": 90}, provider="d"),
        # f: (50*60 + 50*80)/100 = 70, coverage 1: ties a and c, after them by id
        record("2026-Q3", day, {"m1": 60, "m2": 80}, provider="f"),
        # g: (50*10 + 50*10)/100 = 10
        record("2026-Q3", day, {"m1": 10, "m2": 10}, provider="g"),
        # h: 95 in Q2, Q3 unscored: ranked by its latest scored evaluation, 95
        record("2026-Q2", date(2026, 7, 5), {"m1": 95, "m2": 95}, provider="h"),
        record("2026-Q3", day, {}, provider="h"),
        # i's record is evaluated after the as-of day: ignored, so i is not ranked
        record("2026-Q3", date(2026, 12, 1), {"m1": 99, "m2": 99}, provider="i"),
    ]
    return compute(dataset(PROG, providers, records), AS_OF)


def test_portfolio_ranking_with_ties() -> None:
    p = _portfolio()
    # h 95; d 90; then 70s: coverage 1 first (a, c, f by id), then b (coverage 0.5); g 10
    assert [r.provider.id for r in p.ranking] == ["h", "d", "a", "c", "f", "b", "g"]
    for position, r in enumerate(p.ranking, start=1):
        assert r.rank is not None
        assert r.rank.portfolio == position
        assert r.rank.portfolio_size == 7


def test_unscored_providers_have_no_rank() -> None:
    p = _portfolio()
    for pid in ("e", "i"):
        r = p.provider(pid)
        assert r is not None and r.rank is None
    # providers stay listed by id
    assert [r.provider.id for r in p.providers] == list("abcdefghi")


def test_area_ranking() -> None:
    p = _portfolio()
    # areas sorted by name; z has no ranked provider; "" is no area
    assert list(p.areas) == ["x", "y"]
    assert [r.provider.id for r in p.areas["x"]] == ["a", "b"]  # e unranked
    assert [r.provider.id for r in p.areas["y"]] == ["h", "d", "c"]
    ranks = {r.provider.id: r.rank for r in p.providers}
    assert ranks["a"] is not None and (ranks["a"].area, ranks["a"].area_size) == (1, 2)
    assert ranks["b"] is not None and (ranks["b"].area, ranks["b"].area_size) == (2, 2)
    assert ranks["c"] is not None and (ranks["c"].area, ranks["c"].area_size) == (3, 3)
    assert ranks["h"] is not None and (ranks["h"].area, ranks["h"].area_size) == (1, 3)
    for pid in ("f", "g"):
        rank = ranks[pid]
        assert rank is not None and rank.area is None and rank.area_size is None


def test_ranking_follows_the_as_of_day() -> None:
    # as of 2026-12-01 i's record exists: (50*99 + 50*99)/100 = 99 beats h's 95
    day = date(2026, 10, 5)
    data = dataset(PROG, [provider("h"), provider("i")], [
        record("2026-Q3", day, {"m1": 95, "m2": 95}, provider="h"),
        record("2026-Q3", date(2026, 12, 1), {"m1": 99, "m2": 99}, provider="i"),
    ])
    assert [r.provider.id for r in compute(data, date(2026, 11, 30)).ranking] == ["h"]
    assert [r.provider.id for r in compute(data, date(2026, 12, 1)).ranking] == ["i", "h"]
