"""A ``reported`` source: the provider's own figures, one row per criterion
(columns ``criterion`` and ``value``), as the same mapping a record's
``reported:`` gives."""

from __future__ import annotations

from collections.abc import Mapping

from scorecard.data.evidence.table import read_table
from scorecard.data.model import Criterion
from scorecard.data.periods import Period
from scorecard.data.problems import Problem, shown
from scorecard.data.schema.fields import did_you_mean
from scorecard.data.sources import SourceFile
from scorecard.data.validation.plausible import implausible


def read_reported(f: SourceFile, criteria: Mapping[str, Criterion],
                  period: Period | None = None) -> tuple[dict[str, float], list[Problem]]:
    """criterion id -> the provider's value, and the problems of bad rows: a value
    must be plausible as one typed in the record must (``validation.plausible``),
    judged by the rules in force for ``period``."""
    wanted = {"criterion": "criterion", "value": "value"}
    table, problems = read_table(f.display, f.rel[-1], f.data, f.size, wanted)
    if table is None:
        return {}, problems
    values: dict[str, float] = {}
    first: dict[str, int] = {}
    rows = zip(table.lines.to_list(), table.columns["criterion"].to_list(),
               table.columns["value"].to_list(), strict=True)
    for line, cid, text in rows:
        where = table.at(line)
        crit = criteria.get(cid)
        if crit is None or crit.measure is None:
            close = did_you_mean(cid, [c for c, x in criteria.items() if x.measure])
            problems.append(Problem(where, f"'{shown(cid)}' is not a measured criterion of the "
                                    "programme", hint=close and close[:1].upper() + close[1:]))
            continue
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            problems.append(Problem(
                where, f"the value '{shown(text)}' for {cid} is not a number",
                hint=f"Write it in the criterion's unit ({crit.measure.unit})."))
            continue
        if value != value or value in (float("inf"), float("-inf")):
            problems.append(Problem(where, f"the value for {cid} is not a finite number"))
            continue
        wrong = implausible(crit, crit.measure, period, value, text.strip())
        if wrong is not None:
            problems.append(Problem(where, wrong[0], field="value", hint=wrong[1]))
            continue
        if cid in first:
            problems.append(Problem(where, f"a second row for {cid} (first on line {first[cid]})",
                                    hint="Keep one row per criterion."))
            continue
        first[cid] = line
        values[cid] = value
    return values, problems
