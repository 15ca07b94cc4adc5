"""Reading a data folder into a validated ``Dataset``: the loader's entry point.

Top to bottom: find the files (working tree or a git revision), parse each one
safely, check each against its kind's fields, build what can be built, run the
cross-file rules, and only when nothing is wrong build the final records.
Every problem in every file is returned, never only the first.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, cast

from scorecard.data import raw
from scorecard.data.build_programme import build_programme
from scorecard.data.credits import build_service_credits
from scorecard.data.evidence.apply import computed_values, with_computed
from scorecard.data.gitrun import repo_root, resolve_commit
from scorecard.data.model import (
    Action,
    Contract,
    Criterion,
    Dataset,
    Decision,
    ExitPlan,
    Measured,
    Programme,
    Provider,
    Rated,
    Record,
    Result,
    Service,
    Source,
    Term,
)
from scorecard.data.parsed import FileVersions, parse_file
from scorecard.data.periods import Cadence, parse_period
from scorecard.data.problems import Location, Problem, has_errors, sorted_problems
from scorecard.data.schema import kinds
from scorecard.data.sources import SourceFile, read_data
from scorecard.data.validation import validate
from scorecard.data.validation.adoption import adopted
from scorecard.data.validation.drafts import Drafts, ProviderFile, RecordFile
from scorecard.data.voice import ratings
from scorecard.data.yaml.document import INVALID, YamlDoc


def load(
    data_dir: str | Path, *, ref: str | None = None, today: date | None = None,
    versions: FileVersions | None = None,
) -> tuple[Dataset | None, list[Problem]]:
    """The validated data set in ``data_dir`` (at git revision ``ref`` if given).

    Returns ``(dataset, problems)``: the data set when there are no errors
    (warnings allowed), else None; problems sorted by file, line and column.
    ``today``: the day uncommitted data is checked against (default: the clock);
    with ``ref``, the day of that commit is. ``versions``: the build's store of
    file versions, so that what this reads and parses is not read or parsed again.
    """
    files, problems = read_data(data_dir, ref, versions.read if versions else None)
    if not files and has_errors(problems):
        return None, sorted_problems(problems)
    drafts, found = read_drafts(files, data_dir, versions)
    drafts.today = _data_day(Path(data_dir), ref, today)
    problems += found
    problems += computed_values(drafts, files)
    problems += validate(drafts)
    if has_errors(problems) or drafts.programme is None:
        return None, sorted_problems(problems)
    return build_dataset(drafts), sorted_problems(problems)


def _data_day(data_dir: Path, ref: str | None, today: date | None) -> date | None:
    """The day of the data: the commit's day for ``ref``, else today."""
    if ref is None:
        return today if today is not None else date.today()
    root = repo_root(data_dir)
    return resolve_commit(root, ref)[1] if root is not None else None


def read_drafts(files: list[SourceFile], data_dir: str | Path,
                versions: FileVersions | None = None) -> tuple[Drafts, list[Problem]]:
    """Parse and check every file; build what can be built, even from flawed files."""
    problems: list[Problem] = []
    programme: Programme | None = None
    programme_doc: YamlDoc | None = None
    providers: list[ProviderFile] = []
    records: list[RecordFile] = []
    unreadable: set[str] = set()
    programme_files = [f for f in files if f.kind == "programme"]
    if not programme_files:
        shown = Path(data_dir) / "scorecard.yaml"
        problems.append(Problem(
            Location(shown.as_posix()), "the programme file scorecard.yaml is missing",
            hint="Every data folder needs one; scorecard init writes a starting point.",
        ))
    for f in programme_files[1:]:
        problems.append(Problem(Location(f.display), "a second programme file; the first is "
                                f"{programme_files[0].display}", hint="Keep only one."))
    for f in files:
        if f.kind == "source":
            continue  # read by evidence.apply
        doc = parse_file(versions, f.data, Source(f.display, f.repo_path), size=f.size)
        problems += doc.problems
        clean, found = kinds.check(f.kind, doc)
        problems += found
        if clean is None:
            if f.kind == "provider":
                unreadable.add(f.stem)
            continue
        if f.kind == "programme":
            if f is programme_files[0]:
                programme, programme_doc = build_programme(clean, doc.source), doc
        elif f.kind == "provider":
            provider = build_provider(clean, doc.source)
            if provider is not None:
                providers.append(ProviderFile(provider, doc, f))
            else:
                unreadable.add(f.stem)
        else:
            records.append(RecordFile(clean, doc, f))
    return Drafts(programme, programme_doc, providers, records, unreadable), problems


# --- building model objects from checked values --------------------------------
#
# The values come from ``schema.kinds.check``: every field present is sound, or
# INVALID when its problem is already reported. Builders fall back to
# placeholders so that the cross-file rules can still run on flawed files; a
# data set with any error is never returned, so no placeholder escapes.


def _terms(data: Mapping[str, Any], source: Source) -> dict[str, Term]:
    terms = raw.get(data, "terms", {})
    return {
        cid: Term(target=raw.number(t, "target"), floor=raw.number(t, "floor"),
                  from_day=raw.get(t, "from"), source=source, path=("terms", cid))
        for cid, t in terms.items()
        if isinstance(t, dict)
    }


def _value(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _decision(data: Any, source: Source) -> Decision | None:
    """A contract decision; None when absent or too flawed to judge (its problems are reported)."""
    if not isinstance(data, dict):
        return None
    status, day = raw.get(data, "status"), raw.get(data, "day")
    if status not in ("renew", "renegotiate", "exit", "notice-given") or not isinstance(day, date):
        return None
    return Decision(status, day, note=raw.get(data, "note"), source=source,
                    path=("contract", "decision"))


def build_provider(data: Mapping[str, Any], source: Source) -> Provider | None:
    pid = raw.get(data, "id")
    if not pid:
        return None
    services = tuple(
        Service(s["id"], raw.get(s, "name", s["id"]),
                annual_value=_value(raw.get(s, "annual_value")),
                source=source, path=("services", i))
        for i, s in raw.items(data, "services") if raw.get(s, "id")
    )
    actions: list[Action] = []
    for i, a in raw.items(data, "actions"):
        needed = [raw.get(a, n) for n in ("id", "kind", "raised", "status")]
        if any(v is None for v in needed):
            continue  # its problems are reported; rules cannot judge it
        actions.append(Action(
            a["id"], a["kind"], raw.get(a, "title", ""), a["raised"], a["status"],
            owner=raw.get(a, "owner"), due=raw.get(a, "due"), closed=raw.get(a, "closed"),
            note=raw.get(a, "note"), internal_note=raw.get(a, "internal_note"),
            source=source, path=("actions", i),
        ))
    contract = raw.get(data, "contract")
    exit_plan = raw.get(data, "exit_plan")
    return Provider(
        pid, raw.get(data, "name", pid),
        short_name=raw.get(data, "short_name"),
        service_area=raw.get(data, "service_area"),
        cadence=raw.get(data, "cadence"),
        lead=raw.get(data, "lead"),
        contact=", ".join(raw.texts(raw.get(data, "contact"))) or None,
        contacts=raw.texts(raw.get(data, "contact")),
        services=services,
        contract=None if contract is None else Contract(
            start=raw.get(contract, "start"), end=raw.get(contract, "end"),
            notice_days=raw.get(contract, "notice_days", 0),
            auto_renew=raw.get(contract, "auto_renew", False),
            annual_value=raw.get(contract, "annual_value"),
            currency=raw.get(contract, "currency"),
            decision=_decision(raw.get(contract, "decision"), source),
            source=source, path=("contract",),
        ),
        exit_plan=None if exit_plan is None else ExitPlan(
            status=raw.get(exit_plan, "status", "none"),
            reviewed=raw.get(exit_plan, "reviewed"),
            alternatives=tuple(
                x for x in raw.get(exit_plan, "alternatives", ()) if x is not INVALID
            ),
            budget=raw.get(exit_plan, "budget"),
            source=source, path=("exit_plan",),
        ),
        actions=tuple(actions),
        terms=_terms(data, source),
        not_applicable=tuple(
            x for x in raw.get(data, "not_applicable", ()) if isinstance(x, str)
        ),
        service_credits=build_service_credits(raw.get(data, "service_credits"), source),
        source=source,
    )


def build_record(r: RecordFile, criteria: Mapping[str, Criterion], cadence: Cadence) -> Record:
    """The final record; only called when every check passed."""
    data = r.data
    lead = cast(str, data["lead"])
    evaluators = tuple(raw.get(data, "evaluators", ())) or (lead,)
    period = parse_period(cast(str, data["period"]), cadence)
    assert period is not None  # period_fits_cadence passed
    scores: dict[str, Result | None] = {}
    for cid, value in r.mapping("scores").items():
        criterion = criteria.get(cid)
        if value is None:
            scores[cid] = None
        elif criterion is not None and criterion.measure is not None:
            scores[cid] = Measured(float(value))
        elif isinstance(value, dict):
            scores[cid] = Rated({name: int(v) for name, v in value.items()})
        else:
            scores[cid] = Rated({lead: int(value)})
    services_used = raw.get(data, "services_used")
    return Record(
        cast(str, data["provider"]),
        period,
        data["evaluated"],
        lead,
        evaluators,
        scores=scores,
        notes=dict(r.mapping("notes")),
        internal_notes=dict(r.mapping("internal_notes")),
        reported={cid: float(v) for cid, v in r.mapping("reported").items()},
        summary=raw.get(data, "summary"),
        internal=raw.get(data, "internal"),
        services_used=None if services_used is None else tuple(services_used),
        provider_response=raw.get(data, "provider_response"),
        status=raw.get(data, "status", "final"),
        self_assessment=ratings(data, "self_assessment"), about_us=ratings(data, "about_us"),
        source=r.doc.source,
    )


def build_dataset(drafts: Drafts) -> Dataset:
    programme = drafts.programme
    assert programme is not None
    providers = adopted(drafts.provider_by_id, programme.cadence)
    records: dict[str, list[Record]] = {pid: [] for pid in providers}
    unfinished: dict[str, list[Record]] = {pid: [] for pid in providers}
    for r in drafts.records:
        provider = providers[cast(str, r.provider)]
        cadence = provider.cadence or programme.cadence
        record = with_computed(build_record(r, drafts.criteria, cadence), drafts)
        (unfinished if record.status == "draft" else records)[provider.id].append(record)
    return Dataset(
        programme,
        providers,
        {pid: tuple(sorted(rs, key=lambda rec: rec.period)) for pid, rs in records.items()},
        {pid: tuple(sorted(rs, key=lambda rec: rec.period)) for pid, rs in unfinished.items()},
    )
