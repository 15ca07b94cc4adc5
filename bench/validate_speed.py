"""How fast is ``load`` (parse, check, validate, build) against a bare YAML parse?

Generates a realistic data folder with 2,000 records from several providers in a
temporary folder, then times our ``load`` against ``yaml.load(...,
Loader=yaml.CSafeLoader)`` of the same files (both read the files from disk).
The aim: validation within 3x of the bare parse.

    .venv/bin/python bench/validate_speed.py [--records N] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import tempfile
import time
from pathlib import Path

import yaml

# The same programme as the build benchmark, so both measure the same data.
from build_speed import PROGRAMME

from scorecard.data.load import load

PEOPLE = ["Sanne de Vries", "Pieter Bakker", "Amira Haddad", "Lukas Meier"]
SERVICES = ["service-desk", "backup", "network", "endpoints", "cloud", "identity"]


def provider_file(pid: str, cadence: str) -> str:
    services = "\n".join(f"  - {{id: {s}, name: {s.replace('-', ' ').title()}}}"
                         for s in SERVICES)
    return (f"id: {pid}\nname: {pid.title()} Services Ltd\nshort_name: {pid.title()}\n"
            f"cadence: {cadence}\nlead: {PEOPLE[0]}\nservices:\n{services}\n"
            "actions:\n  - id: a-1\n    kind: deficiency\n    title: Weekend cover\n"
            "    raised: 2020-01-10\n    owner: provider\n    due: 2020-03-31\n"
            "    status: done\n    closed: 2020-03-01\n")


def record_file(rng: random.Random, pid: str, period: str, year: int) -> str:
    lead, second = rng.sample(PEOPLE, 2)
    def rating() -> int:
        return rng.randint(1, 5)
    return f"""\
provider: {pid}
period: {period}
evaluated: {year + 1}-01-15
lead: {lead}
evaluators: [{lead}, {second}]
scores:
  availability: {rng.uniform(98.5, 100):.2f}
  p1-response: {rng.randint(10, 150)}
  resolved-in-time: {rng.uniform(75, 100):.1f}
  fix-quality: {{{lead}: {rating()}, {second}: {rating()}}}
  patch-latency: {rng.randint(5, 60)}
  security-practice: {rating()}
  communication: {{{lead}: {rating()}, {second}: {rating()}}}
  proactivity: {rating()}
  invoice-accuracy: {rng.uniform(88, 100):.1f}
  value: null
notes:
  p1-response: Two weekend incidents waited **over an hour**.
  availability: Planned maintenance ran long once.
internal_notes:
  fix-quality: {second} thinks the root-cause reports are copy-paste.
summary: |
  A steady period with one weak spot: weekend response. The service desk
  was quick on weekdays; patching slipped in the second month.
internal: |
  Use the weekend gap in the renewal talks.
services_used: [service-desk, backup, network]
"""


def generate(root: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    (root / "scorecard.yaml").write_text(PROGRAMME)
    (root / "providers").mkdir()
    providers = [(f"provider-{i}", "monthly" if i % 2 else "quarterly") for i in range(8)]
    paths: list[Path] = []
    per_provider = count // len(providers)
    for n, (pid, cadence) in enumerate(providers):
        (root / "providers" / f"{pid}.yaml").write_text(provider_file(pid, cadence))
        folder = root / "records" / pid
        folder.mkdir(parents=True)
        todo = per_provider + (1 if n < count % len(providers) else 0)
        for i in range(todo):
            if cadence == "monthly":
                year, period = 1990 + i // 12, f"{1990 + i // 12}-{i % 12 + 1:02d}"
            else:
                year, period = 1950 + i // 4, f"{1950 + i // 4}-Q{i % 4 + 1}"
            path = folder / f"{period}.yaml"
            path.write_text(record_file(rng, pid, period, year))
            paths.append(path)
    return paths


def bare_parse(root: Path) -> float:
    started = time.perf_counter()
    for path in sorted(root.rglob("*.yaml")):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)  # the baseline
    return time.perf_counter() - started


def our_load(root: Path) -> float:
    started = time.perf_counter()
    dataset, problems = load(root)
    elapsed = time.perf_counter() - started
    assert dataset is not None and not problems, problems[:5]
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="profile one load")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "evaluations"
        root.mkdir()
        generate(root, args.records)
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(our_load, root)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
            return
        # alternate the two, and keep each one's best run: the machine may be busy
        bare_runs, our_runs = [], []
        for _ in range(args.repeat):
            bare_runs.append(bare_parse(root))
            our_runs.append(our_load(root))
        bare, ours = min(bare_runs), min(our_runs)
    n = args.records
    print(f"records:                 {n}")
    print(f"bare yaml.load (CSafe):  {bare:.3f} s  ({n / bare:,.0f} records/s)")
    print(f"scorecard load:          {ours:.3f} s  ({n / ours:,.0f} records/s)")
    print(f"ratio:                   {ours / bare:.2f}x  (aim: within 3x)")


if __name__ == "__main__":
    main()
