"""How fast is ``scorecard build`` at scale, next to bare WeasyPrint?

For each size (providers x periods) this generates a realistic evaluation
repository (programme, providers with services, contracts, exit plans and
actions, one record per provider and quarter, all committed to git) and
measures, each in a fresh subprocess:

- the full build with ``--jobs 1``, next to bare WeasyPrint rendering the very
  same HTML documents to PDF in one warm process (ratio = our overhead);
- the full build with ``--jobs N`` for N up to the number of cores (speed-up),
  checking that every file is byte-identical to the ``--jobs 1`` build;
- a rebuild with nothing changed, and a rebuild after one committed change to
  an earlier record, each as a share of the full build with the same jobs;
- validation throughput (records/s): ``scorecard.data.load.load`` next to bare
  ``yaml.load(..., Loader=yaml.CSafeLoader)`` of the same files;
- peak memory (max RSS of the build and its workers) of the ``--jobs 1`` build.

Run (prints a table; ``--json`` prints JSON instead)::

    .venv/bin/python bench/build_speed.py --providers 40 --periods 8 --small 4

Not part of the test suite: at 40 x 8 it renders about 640 PDFs several
times and takes a while. The machine may be shared: compare the ratios taken
within one run, and note the load (printed).
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

AS_OF = "2026-09-15"
PERIODS_END = (2026, 2)  # the last quarter evaluated: 2026-Q2
AREAS = ["Managed infrastructure", "Service desk", "Cloud hosting", "Networks",
         "Security operations"]
PEOPLE = ["Priya Shah", "Tom Berg", "Sanne de Vries", "Amira Haddad", "Lukas Meier"]
SERVICES = ["service-desk", "backup", "network", "endpoints", "cloud", "identity"]
WORDS = ["steady", "reliable", "slow", "quick", "patchy", "careful", "thorough", "late",
         "prompt", "clear", "vague", "weekend", "backlog", "rollout", "outage", "migration",
         "review", "handover", "escalation"]

PROGRAMME = """\
organisation: Northwind Freight
cadence: quarterly
grace_days: 30
scale:
  min: 1
  max: 5
  labels: {1: Unacceptable, 3: Meets expectations, 5: Outstanding}
bands:
  - {name: Strong, min: 80}
  - {name: Adequate, min: 60}
  - {name: At risk, min: 0}
categories:
  - id: service
    name: Service delivery
    weight: 40
    criteria:
      - {id: availability, name: Availability,
         measure: {unit: "%", target: 99.9, floor: 99.0, better: higher}}
      - {id: p1-response, name: First response to urgent tickets,
         measure: {unit: minutes, target: 30, floor: 120, better: lower}}
      - {id: resolved-in-time, name: Resolved in time,
         measure: {unit: "%", target: 95, floor: 80, better: higher}}
      - {id: fix-quality, name: Quality of fixes, weight: 2}
  - id: security
    name: Security
    weight: 25
    criteria:
      - {id: patch-latency, name: Patch latency,
         measure: {unit: days, target: 14, floor: 45, better: lower}}
      - {id: security-practice, name: Security practice}
  - id: relationship
    name: Relationship
    weight: 20
    criteria:
      - {id: communication, name: Communication, weight: 2}
      - {id: proactivity, name: Proactivity}
  - id: commercial
    name: Commercial
    weight: 15
    criteria:
      - {id: invoice-accuracy, name: Invoice accuracy,
         measure: {unit: "%", target: 100, floor: 90, better: higher}}
      - {id: value, name: Value for money}
"""


# --- generating a repository ---------------------------------------------------------


def _sentence(rng: random.Random, n: int = 12) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _quarters(count: int) -> list[tuple[int, int]]:
    year, q = PERIODS_END
    out = []
    for _ in range(count):
        out.append((year, q))
        year, q = (year, q - 1) if q > 1 else (year - 1, 4)
    return out[::-1]


def provider_yaml(rng: random.Random, index: int, count: int) -> str:
    pid = f"provider-{index:03d}"
    area = AREAS[index % len(AREAS)]
    services = "\n".join(f"  - {{id: {s}, name: {s.replace('-', ' ').title()}}}"
                         for s in SERVICES)
    actions = []
    for a in range(rng.randint(2, 5)):
        raised = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if a % 2 == 0:
            done = rng.random() < 0.5
            actions.append(
                f"  - id: a-{a + 1}\n    kind: deficiency\n    title: {_sentence(rng, 4)}\n"
                f"    raised: {raised}\n    owner: {rng.choice(['provider', 'us'])}\n"
                f"    due: 2026-{rng.randint(1, 12):02d}-15\n"
                f"    status: {'done' if done else 'open'}\n"
                + ("    closed: 2026-08-01\n" if done else "")
                + f"    note: {_sentence(rng)}\n    internal_note: {_sentence(rng)}\n"
            )
        else:
            actions.append(
                f"  - id: a-{a + 1}\n    kind: idea\n    title: {_sentence(rng, 4)}\n"
                f"    raised: {raised}\n    status: proposed\n"
            )
    other = f"provider-{(index + 1) % count:03d}"
    return (
        f"id: {pid}\nname: Provider {index:03d} Services Ltd\nshort_name: P{index:03d}\n"
        f"service_area: {area}\nlead: {PEOPLE[index % len(PEOPLE)]}\n"
        f"contact: Dana Cole <dana@p{index:03d}.example>\n"
        f"services:\n{services}\n"
        "contract:\n  start: 2024-01-01\n  end: 2027-12-31\n  notice_days: 90\n"
        f"  auto_renew: true\n  annual_value: {rng.randint(50, 900) * 1000}\n  currency: EUR\n"
        "exit_plan:\n  status: drafted\n  reviewed: 2026-03-01\n"
        f"  alternatives: [{other}, \"Initech Services\"]\n  budget: 30000\n"
        "actions:\n" + "".join(actions)
    )


def record_yaml(rng: random.Random, pid: str, year: int, q: int) -> str:
    lead, second = rng.sample(PEOPLE, 2)
    end_month = q * 3
    ev_year, ev_month = (year, end_month + 1) if end_month < 12 else (year + 1, 1)

    def rating() -> int:
        return rng.randint(2, 5)

    return f"""\
provider: {pid}
period: {year}-Q{q}
evaluated: {ev_year}-{ev_month:02d}-{rng.randint(5, 25):02d}
lead: {lead}
evaluators: [{lead}, {second}]
scores:
  availability: {rng.uniform(98.8, 100):.2f}
  p1-response: {rng.randint(10, 150)}
  resolved-in-time: {rng.uniform(78, 100):.1f}
  fix-quality: {{{lead}: {rating()}, {second}: {rating()}}}
  patch-latency: {rng.randint(5, 60)}
  security-practice: {rating()}
  communication: {{{lead}: {rating()}, {second}: {rating()}}}
  proactivity: {rating()}
  invoice-accuracy: {rng.uniform(90, 100):.1f}
  value: null
notes:
  p1-response: {_sentence(rng)} Two weekend incidents waited **over an hour**.
  availability: {_sentence(rng)}
internal_notes:
  fix-quality: {second} thinks the root-cause reports are copy-paste.
summary: |
  {_sentence(rng, 20)}
  {_sentence(rng, 16)}
internal: |
  {_sentence(rng, 10)}
services_used: [service-desk, backup, network]
provider_response: |
  {_sentence(rng, 14)}
"""


def _git(repo: Path, *args: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_DATE="2026-09-15T09:00:00Z",
               GIT_COMMITTER_DATE="2026-09-15T09:00:00Z")
    subprocess.run(["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.org",
                    *args], cwd=repo, env=env, check=True, capture_output=True)


def generate(repo: Path, providers: int, periods: int, seed: int = 7) -> Path:
    """A committed repository with ``evaluations/`` of providers x periods records."""
    rng = random.Random(seed)
    data = repo / "evaluations"
    (data / "providers").mkdir(parents=True)
    (data / "scorecard.yaml").write_text(PROGRAMME)
    for i in range(providers):
        pid = f"provider-{i:03d}"
        (data / "providers" / f"{pid}.yaml").write_text(provider_yaml(rng, i, providers))
        folder = data / "records" / pid
        folder.mkdir(parents=True)
        for year, q in _quarters(periods):
            (folder / f"{year}-Q{q}.yaml").write_text(record_yaml(rng, pid, year, q))
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "Evaluations")
    return data


def change_one_record(repo: Path, data: Path, *, latest: bool = False) -> str:
    """Commit a changed score in an earlier (not the latest) record of one provider,
    or (``latest``) in the latest record of another one."""
    folders = sorted((data / "records").iterdir())
    folder = folders[len(folders) // 2 + (1 if latest else 0)]
    records = sorted(folder.glob("*.yaml"))
    target = records[-1] if latest else records[len(records) // 2]
    text = target.read_text()
    start = text.index("  proactivity: ")
    end = text.index("\n", start)
    old = int(text[start + len("  proactivity: "):end])
    text = text[:start] + f"  proactivity: {1 if old != 1 else 2}" + text[end:]
    target.write_text(text)
    _git(repo, "commit", "-q", "-am", f"Correct {target.stem} of {folder.name}")
    return str(target.relative_to(data))


# --- measuring --------------------------------------------------------------------------

CHILD = r"""
import resource, subprocess, sys, time, json
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": elapsed, "peak_kib": peak, "rc": done.returncode,
                  "out": done.stdout[-2000:], "err": done.stderr[-2000:]}))
"""

BARE = r"""
import json, sys, time
from pathlib import Path
import weasyprint
from weasyprint.text.fonts import FontConfiguration
out, templates = Path(sys.argv[1]), Path(sys.argv[2])
pages = sorted(p for p in out.rglob("*.html") if p.with_suffix(".pdf").exists())
base = templates.as_uri() + "/"
# warm: one font configuration with the shipped fonts, for every document
font_config = FontConfiguration()
fonts = weasyprint.CSS(filename=str(templates / "fonts.css"), font_config=font_config)
def render(path):
    return weasyprint.HTML(string=path.read_text(), base_url=base).write_pdf(
        stylesheets=[fonts], font_config=font_config, pdf_variant="pdf/a-2u", pdf_tags=True)
render(pages[0])  # warm up: imports, fonts
started = time.perf_counter()
for page in pages:
    render(page)
print(json.dumps({"seconds": time.perf_counter() - started, "documents": len(pages)}))
"""

VALIDATE = r"""
import json, sys, time
from pathlib import Path
import yaml
from scorecard.data.load import load
data = Path(sys.argv[1])
files = sorted(data.rglob("*.yaml"))
records = sum(1 for f in files if f.parent.parent.name == "records")
def bare():
    t = time.perf_counter()
    for f in files:
        yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)
    return time.perf_counter() - t
def ours():
    t = time.perf_counter()
    dataset, problems = load(data)
    assert dataset is not None and not problems, problems[:3]
    return time.perf_counter() - t
b, o = [], []
for _ in range(5):
    b.append(bare()); o.append(ours())
print(json.dumps({"records": records, "bare": min(b), "ours": min(o)}))
"""


def _child(args: list[str], cwd: Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-c", CHILD, *args], cwd=cwd,
                          capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    if result["rc"] != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result['out']}\n{result['err']}")
    return result


def _build(repo: Path, out: str, *extra: str) -> dict[str, Any]:
    return _child([sys.executable, "-m", "scorecard", "build", "--data", "evaluations",
                   "--out", out, "--as-of", AS_OF, *extra], repo)


def _counts(run: dict[str, Any]) -> tuple[int, int]:
    # "...: 12 PDFs rendered, 3 reused."
    tail = run["out"].strip().splitlines()[-1]
    words = tail.replace(",", "").split()
    return int(words[words.index("rendered") - 2]), int(words[words.index("reused.") - 1])


def _same(a: Path, b: Path) -> bool:
    left = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    right = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    if left != right:
        return False
    return all(filecmp.cmp(a / p, b / p, shallow=False) for p in left)


@dataclass
class SizeResult:
    providers: int
    periods: int
    documents: int = 0
    pdfs: int = 0
    jobs1_s: float = 0.0
    bare_weasyprint_s: float = 0.0
    overhead_ratio: float = 0.0
    jobs_s: dict[int, float] = field(default_factory=dict)
    speedup: dict[int, float] = field(default_factory=dict)
    identical_across_jobs: bool = False
    rebuild_nothing_s: float = 0.0
    rebuild_nothing_share: float = 0.0
    rebuild_nothing_rendered: int = 0
    rebuild_one_record_s: float = 0.0
    rebuild_one_record_share: float = 0.0
    rebuild_one_record_rendered: int = 0
    changed_record: str = ""
    rebuild_latest_record_s: float = 0.0
    rebuild_latest_record_share: float = 0.0
    rebuild_latest_record_rendered: int = 0
    changed_latest_record: str = ""
    records: int = 0
    validate_records_per_s: float = 0.0
    bare_yaml_records_per_s: float = 0.0
    validate_ratio: float = 0.0
    peak_mib_jobs1: float = 0.0


def measure(root: Path, providers: int, periods: int, cores: int,
            full: bool, log: Any) -> SizeResult:
    repo = root / f"repo-{providers}x{periods}"
    repo.mkdir()
    data = generate(repo, providers, periods)
    result = SizeResult(providers, periods)
    templates = Path(__file__).resolve().parent.parent / "templates"

    started = time.perf_counter()

    def note(text: str) -> None:
        # progress, with the time so far and the load, so a long run can be followed
        print(f"[{providers}x{periods}] {time.perf_counter() - started:7.1f} s, load "
              f"{os.getloadavg()[0]:.2f}: {text}", file=log, flush=True)

    note("validating")
    v = json.loads(subprocess.run([sys.executable, "-c", VALIDATE, str(data)],
                                  capture_output=True, text=True, check=True).stdout)
    result.records = v["records"]
    result.validate_records_per_s = v["records"] / v["ours"]
    result.bare_yaml_records_per_s = v["records"] / v["bare"]
    result.validate_ratio = v["ours"] / v["bare"]

    note("full build, --jobs 1")
    run = _build(repo, "out-1", "--jobs", "1", "--force")
    result.jobs1_s = run["seconds"]
    result.peak_mib_jobs1 = run["peak_kib"] / 1024
    result.pdfs = _counts(run)[0]
    result.documents = sum(1 for p in (repo / "out-1").rglob("*") if p.is_file())
    if not full:
        return result

    note("bare WeasyPrint on the same documents")
    bare = json.loads(subprocess.run([sys.executable, "-c", BARE, str(repo / "out-1"),
                                      str(templates)], capture_output=True, text=True,
                                     check=True).stdout)
    assert bare["documents"] == result.pdfs, (bare, result.pdfs)
    result.bare_weasyprint_s = bare["seconds"]
    result.overhead_ratio = result.jobs1_s / bare["seconds"]

    identical = True
    for jobs in range(2, cores + 1):
        note(f"full build, --jobs {jobs}")
        run = _build(repo, f"out-{jobs}", "--jobs", str(jobs), "--force")
        result.jobs_s[jobs] = run["seconds"]
        result.speedup[jobs] = result.jobs1_s / run["seconds"]
        identical = identical and _same(repo / "out-1", repo / f"out-{jobs}")
    result.identical_across_jobs = identical

    top = max(cores, 1)
    out = f"out-{top}"
    base = result.jobs_s.get(top, result.jobs1_s)
    note(f"rebuild, nothing changed, --jobs {top}")
    run = _build(repo, out, "--jobs", str(top))
    result.rebuild_nothing_s = run["seconds"]
    result.rebuild_nothing_share = run["seconds"] / base
    result.rebuild_nothing_rendered = _counts(run)[0]

    rebuilds(repo, data, out, top, base, result, note)
    note("done")
    return result


def rebuilds(repo: Path, data: Path, out: str, top: int, base: float, result: SizeResult,
             note: Any) -> None:
    """Rebuild after committing a change to an earlier record, then to a latest one."""
    result.changed_record = change_one_record(repo, data)
    note(f"rebuild after committing a change to {result.changed_record}, --jobs {top}")
    run = _build(repo, out, "--jobs", str(top))
    result.rebuild_one_record_s = run["seconds"]
    result.rebuild_one_record_share = run["seconds"] / base
    result.rebuild_one_record_rendered = _counts(run)[0]
    result.changed_latest_record = change_one_record(repo, data, latest=True)
    note(f"rebuild after committing a change to {result.changed_latest_record}, --jobs {top}")
    run = _build(repo, out, "--jobs", str(top))
    result.rebuild_latest_record_s = run["seconds"]
    result.rebuild_latest_record_share = run["seconds"] / base
    result.rebuild_latest_record_rendered = _counts(run)[0]


def measure_rebuilds(root: Path, providers: int, periods: int, cores: int,
                     log: Any) -> SizeResult:
    """Only the incremental figures: one full build at --jobs cores, then the rebuilds."""
    repo = root / f"repo-{providers}x{periods}"
    repo.mkdir()
    data = generate(repo, providers, periods)
    result = SizeResult(providers, periods)
    started = time.perf_counter()

    def note(text: str) -> None:  # as in measure()
        print(f"[{providers}x{periods}] {time.perf_counter() - started:7.1f} s, load "
              f"{os.getloadavg()[0]:.2f}: {text}", file=log, flush=True)

    top = max(cores, 1)
    out = f"out-{top}"
    note(f"full build, --jobs {top}")
    run = _build(repo, out, "--jobs", str(top), "--force")
    result.jobs_s[top] = base = run["seconds"]
    result.pdfs = _counts(run)[0]
    result.documents = sum(1 for p in (repo / out).rglob("*") if p.is_file())
    note(f"rebuild, nothing changed, --jobs {top}")
    run = _build(repo, out, "--jobs", str(top))
    result.rebuild_nothing_s = run["seconds"]
    result.rebuild_nothing_share = run["seconds"] / base
    result.rebuild_nothing_rendered = _counts(run)[0]
    rebuilds(repo, data, out, top, base, result, note)
    note("done")
    return result


def table(results: list[SizeResult], load: str) -> str:
    lines = [f"machine: {os.cpu_count()} cores; load average at start/end: {load}"]
    for r in results:
        lines.append("")
        lines.append(f"{r.providers} providers x {r.periods} periods: {r.records} records, "
                     f"{r.documents} files, {r.pdfs} PDFs")
        if r.records:  # not measured with --rebuilds-only
            lines.append(f"  validation     {r.validate_records_per_s:10,.0f} records/s   bare "
                         f"CSafeLoader {r.bare_yaml_records_per_s:,.0f} records/s   "
                         f"ratio {r.validate_ratio:.2f}x (aim <= 3)")
            lines.append(f"  peak memory    {r.peak_mib_jobs1:10.1f} MiB (--jobs 1 full build)")
        if r.jobs1_s:
            lines.append(f"  --jobs 1       {r.jobs1_s:10.1f} s")
        if not r.bare_weasyprint_s and not r.rebuild_nothing_s:
            continue
        if not r.bare_weasyprint_s:  # --rebuilds-only: the full build at the most jobs
            for jobs, seconds in r.jobs_s.items():
                lines.append(f"  --jobs {jobs:<7} {seconds:10.1f} s (full build)")
            lines += _rebuild_lines(r)
            continue
        lines.append(f"  bare WeasyPrint{r.bare_weasyprint_s:10.1f} s   overhead ratio "
                     f"{r.overhead_ratio:.2f}x (aim <= 1.2)")
        for jobs, seconds in r.jobs_s.items():
            lines.append(f"  --jobs {jobs:<7} {seconds:10.1f} s   speed-up "
                         f"{r.speedup[jobs]:.2f}x (aim >= 1.6 at 2)")
        lines.append(f"  byte-identical whatever --jobs: {r.identical_across_jobs}")
        lines += _rebuild_lines(r)
    if len(results) >= 2:
        small, big = results[0], results[-1]
        lines.append("")
        lines.append(f"peak memory at {big.pdfs / max(small.pdfs, 1):.1f}x the documents: "
                     f"{big.peak_mib_jobs1 / small.peak_mib_jobs1:.2f}x (aim <= 1.5)")
    return "\n".join(lines)


def _rebuild_lines(r: SizeResult) -> list[str]:
    return [
        f"  rebuild, nothing changed   {r.rebuild_nothing_s:7.1f} s = "
        f"{100 * r.rebuild_nothing_share:.1f}% of the full build "
        f"({r.rebuild_nothing_rendered} PDFs rendered; aim < 5%)",
        f"  rebuild, one record changed {r.rebuild_one_record_s:6.1f} s = "
        f"{100 * r.rebuild_one_record_share:.1f}% of the full build "
        f"({r.rebuild_one_record_rendered} PDFs rendered; aim < 10%; {r.changed_record})",
        f"  rebuild, latest record changed {r.rebuild_latest_record_s:6.1f} s = "
        f"{100 * r.rebuild_latest_record_share:.1f}% of the full build "
        f"({r.rebuild_latest_record_rendered} PDFs rendered; aim < 10%; "
        f"{r.changed_latest_record})",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--providers", type=int, default=40)
    parser.add_argument("--periods", type=int, default=8)
    parser.add_argument("--small", type=int, default=4, metavar="PROVIDERS",
                        help="providers of the smaller size (same periods); 0: none")
    parser.add_argument("--small-full", action="store_true",
                        help="measure everything at the smaller size too, not only memory")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)),
                        help="the most worker processes to try (default: cores)")
    parser.add_argument("--json", action="store_true", help="print JSON, not a table")
    parser.add_argument("--rebuilds-only", action="store_true",
                        help="measure only the incremental rebuilds at --providers, after "
                        "one full build at --jobs")
    parser.add_argument("--keep", type=Path, default=None,
                        help="generate the repositories here and keep them")
    parser.add_argument("--table-from", type=Path, default=None, metavar="JSON",
                        help="print the table of an earlier run's --json output, measure nothing")
    args = parser.parse_args()
    if args.table_from is not None:
        saved = json.loads(args.table_from.read_text())
        sizes = []
        for size in saved["sizes"]:
            found = SizeResult(**size)
            found.jobs_s = {int(k): v for k, v in size["jobs_s"].items()}
            found.speedup = {int(k): v for k, v in size["speedup"].items()}
            sizes.append(found)
        print(table(sizes, saved["load"]))
        return
    start_load = f"{os.getloadavg()[0]:.2f}"
    root = args.keep or Path(tempfile.mkdtemp(prefix="scorecard-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        results = []
        if args.rebuilds_only:
            results.append(measure_rebuilds(root, args.providers, args.periods, args.jobs,
                                            sys.stderr))
        elif args.small:
            results.append(measure(root, args.small, args.periods, args.jobs,
                                   args.small_full, sys.stderr))
        if not args.rebuilds_only:
            results.append(measure(root, args.providers, args.periods, args.jobs, True,
                                   sys.stderr))
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    load = f"{start_load} / {os.getloadavg()[0]:.2f}"
    if args.json:
        print(json.dumps({"cores": os.cpu_count(), "load": load,
                          "sizes": [asdict(r) for r in results]}, indent=1))
    else:
        print(table(results, load))


if __name__ == "__main__":
    main()
