"""How much does our stylesheet cost WeasyPrint, per document kind?

Builds the HTML of a data folder (the demo's by default) with ``--no-pdf``,
then, in this one warm process, renders documents of each kind (provider
scorecard, team scorecard, portfolio, index) to PDF twice: as the build does
(``scorecard.documents.pdf.render_pdf``), and the very same HTML with every
``<style>`` element removed (the same words, tables and charts, laid out with
WeasyPrint's defaults). The ratio styled / unstyled is what our layout
costs; the target is at most 1.3 for every kind. Last, it times the whole
build of the data folder with ``--force`` (nothing reused), wall clock and
CPU seconds of the build and its workers.

Run (prints a table)::

    .venv/bin/python bench/layout_speed.py                 # the demo, about 2 minutes on 2 cores
    .venv/bin/python bench/layout_speed.py --all --repeat 1  # every document, not a sample

By default the sample is each provider's latest period (its provider and team
scorecards), the portfolio and the index; each document is rendered
``--repeat`` times each way, alternately, and the fastest taken (the run
least disturbed by other users of the machine). Times are CPU seconds of
this process (``time.process_time``), which other users of a shared machine
disturb less than the wall clock; both are printed. The load
average is printed before and after: compare ratios taken within one run.
Not part of the test suite (tests/e2e/test_bench_smoke.py runs it on a tiny
data folder).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("provider", "team", "portfolio", "index")
TARGET = 1.3
TARGET_BUILD_S = 40.0
# Every stylesheet of a document: the <style> elements base.html and the
# document templates inline. (Charts are inline SVG; their own attributes stay.)
STYLE = re.compile(r"<style\b[^>]*>.*?</style>", re.DOTALL | re.IGNORECASE)


@dataclass
class Kind:
    """The documents of one kind and their fastest render times, summed."""

    name: str
    documents: list[str] = field(default_factory=list)
    styled_cpu: float = 0.0
    unstyled_cpu: float = 0.0
    styled_wall: float = 0.0
    unstyled_wall: float = 0.0

    @property
    def ratio(self) -> float:
        return self.styled_cpu / self.unstyled_cpu if self.unstyled_cpu else 0.0

    @property
    def wall_ratio(self) -> float:
        return self.styled_wall / self.unstyled_wall if self.unstyled_wall else 0.0


def scorecard(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m scorecard ARGS`` with this interpreter; fails loudly."""
    done = subprocess.run([sys.executable, "-m", "scorecard", *args],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"scorecard {' '.join(args)} failed:\n{done.stderr}")
    return done


def kind_of(path: Path) -> str:
    """``provider``/``team`` for a scorecard (``ID/PERIOD/provider.html``), else the stem."""
    return path.stem


def sample(out: Path, every: bool) -> dict[str, list[Path]]:
    """The documents to render, by kind: each provider's latest period, or all of them."""
    found: dict[str, list[Path]] = {kind: [] for kind in KINDS}
    for name in ("portfolio.html", "index.html"):
        if (out / name).is_file():
            found[kind_of(out / name)].append(out / name)
    for provider in sorted(p for p in out.iterdir() if p.is_dir()):
        periods = sorted(p for p in provider.iterdir() if p.is_dir())
        for period in periods if every else periods[-1:]:
            for page in sorted(period.glob("*.html")):
                if kind_of(page) in found:
                    found[kind_of(page)].append(page)
    return found


def render_times(html: str, repeat: int) -> tuple[float, float, float, float]:
    """Fastest (cpu, wall) of rendering ``html`` as the build does, then without stylesheets."""
    from scorecard.documents.pdf import render_pdf
    from scorecard.documents.templating import template_dirs

    roots = template_dirs()
    bare = STYLE.sub("", html)
    times: dict[str, list[tuple[float, float]]] = {"styled": [], "bare": []}
    for _ in range(repeat):
        for which, text in (("styled", html), ("bare", bare)):
            cpu, wall = time.process_time(), time.perf_counter()
            pdf, problems = render_pdf(text, roots=roots)
            times[which].append((time.process_time() - cpu, time.perf_counter() - wall))
            if pdf is None:
                raise SystemExit(f"rendering failed: {problems[0].message}")
    (a, b), (c, d) = ((min(t[0] for t in times[k]), min(t[1] for t in times[k]))
                      for k in ("styled", "bare"))
    return a, b, c, d


def measure_kinds(out: Path, repeat: int, every: bool) -> list[Kind]:
    from scorecard.documents.pdf import render_pdf
    from scorecard.documents.templating import template_dirs

    documents = sample(out, every)
    first = next((paths[0] for paths in documents.values() if paths), None)
    if first is not None:  # loads WeasyPrint and the fonts: not counted
        render_pdf(first.read_text(encoding="utf-8"), roots=template_dirs())
    kinds = []
    for name in KINDS:
        kind = Kind(name)
        for path in documents[name]:
            kind.documents.append(path.relative_to(out).as_posix())
            a, b, c, d = render_times(path.read_text(encoding="utf-8"), repeat)
            kind.styled_cpu += a
            kind.styled_wall += b
            kind.unstyled_cpu += c
            kind.unstyled_wall += d
        kinds.append(kind)
    return kinds


def full_build(data: Path, out: Path, jobs: int) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (the build and its workers) and PDFs of ``build --force``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    scorecard("build", "--data", str(data), "--out", str(out), "--force", "--jobs", str(jobs))
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, sum(1 for _ in out.rglob("*.pdf"))


def table(kinds: list[Kind], build: tuple[float, float, int] | None, jobs: int,
          load: str) -> str:
    lines = [
        f"cores: {os.cpu_count()}, load average (1 min) before / after: {load}",
        "",
        "kind        docs  styled s  unstyled s  ratio (CPU)  ratio (wall)  target",
    ]
    for k in kinds:
        if not k.documents:
            lines.append(f"{k.name:<10} {0:>5}  (none in this build)")
            continue
        verdict = "" if k.name == "index" else (
            "met" if k.ratio <= TARGET else "NOT met")
        lines.append(f"{k.name:<10} {len(k.documents):>5} {k.styled_cpu:>9.3f} "
                     f"{k.unstyled_cpu:>11.3f} {k.ratio:>12.2f} {k.wall_ratio:>13.2f}  "
                     f"{verdict}")
    if build is not None:
        wall, cpu, pdfs = build
        verdict = "met" if wall <= TARGET_BUILD_S else "NOT met"
        lines += ["", f"full build --force --jobs {jobs}: {wall:.1f} s wall "
                      f"({verdict}: target {TARGET_BUILD_S:.0f} s), {cpu:.1f} s CPU, {pdfs} PDFs"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "evaluations",
                        help="the data folder (default: the demo)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="renders of each document each way (the fastest is taken)")
    parser.add_argument("--all", dest="every", action="store_true",
                        help="every document, not each provider's latest period")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)),
                        help="worker processes of the full build (default: cores)")
    parser.add_argument("--no-build", dest="build", action="store_false",
                        help="skip the full build")
    args = parser.parse_args(argv)
    start_load = f"{os.getloadavg()[0]:.2f}"
    with tempfile.TemporaryDirectory(prefix="scorecard-layout-") as tmp:
        html = Path(tmp) / "html"
        scorecard("build", "--data", str(args.data), "--out", str(html), "--no-pdf")
        kinds = measure_kinds(html, max(1, args.repeat), args.every)
        build = full_build(args.data, Path(tmp) / "pdf", args.jobs) if args.build else None
    load = f"{start_load} / {os.getloadavg()[0]:.2f}"
    print(table(kinds, build, args.jobs, load))


if __name__ == "__main__":
    main()
