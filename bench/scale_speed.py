"""Does a build cost what its documents cost (issue 18)?

For each size (providers x periods, HTML only: ``--no-pdf``) this generates the
evaluation repository of ``bench/build_speed.py`` (all committed to git) and
times, each in a fresh subprocess, with its peak memory (max RSS of the build
and its workers):

- the full build (``--force --jobs 1``), and its time per document;
- a rebuild with nothing changed, and ``--join`` of that output (a join of
  one share: the step a CI matrix ends with);

and prints how the time grows with the documents: 4 times the documents should
cost at most 5 times the time.

Then, at ``--pdf-providers`` (PDFs too, ``--jobs 1``): a full build, and a
rebuild after committing a change to one provider's latest summary (the issue's
case: a peer's summary must not re-render other providers' documents), as a
share of the full build (target: at most 10%), with the PDFs it rendered.

Run (prints a table)::

    .venv/bin/python bench/scale_speed.py --sizes 50 200 800 --periods 2
    .venv/bin/python bench/scale_speed.py --sizes 2000 --periods 8 --pdf-providers 0

The machine may be shared: the load average is printed at the start and end;
compare ratios taken within one run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_speed import AS_OF, _git, generate

# the build in a child process: wall time, CPU time (user + system, of the build and
# its workers: what a shared machine's load does not inflate) and peak memory
CHILD = r"""
import resource, subprocess, sys, time, json
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
elapsed = time.perf_counter() - started
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": elapsed, "cpu": used.ru_utime + used.ru_stime,
                  "peak_kib": used.ru_maxrss, "rc": done.returncode,
                  "out": done.stdout[-2000:], "err": done.stderr[-2000:]}))
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
                   "--out", out, "--as-of", AS_OF, "--jobs", "1", *extra], repo)


def _rendered(run: dict[str, Any]) -> int:
    # "...: 12 PDFs rendered, 3 reused."
    words = run["out"].strip().splitlines()[-1].replace(",", "").split()
    return int(words[words.index("rendered") - 2])


def _documents(out: Path) -> int:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return len({d["path"].rsplit(".", 1)[0] for d in manifest["documents"]})


def change_summary(repo: Path, data: Path) -> str:
    """Commit a new summary for the latest record of the middle provider."""
    folders = sorted((data / "records").iterdir())
    target = sorted(folders[len(folders) // 2].glob("*.yaml"))[-1]
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("summary: |\n", "summary: |\n  Reviewed again.\n", 1),
                      encoding="utf-8")
    _git(repo, "commit", "-q", "-am", f"Summary of {target.stem} of {target.parent.name}")
    return str(target.relative_to(data))


def html_size(root: Path, providers: int, periods: int, log: Any) -> dict[str, Any]:
    repo = root / f"html-{providers}x{periods}"
    repo.mkdir()
    print(f"[{providers}x{periods}] generating; load {os.getloadavg()[0]:.2f}", file=log,
          flush=True)
    generate(repo, providers, periods)
    found: dict[str, Any] = {"providers": providers, "periods": periods}
    for name, args in (("full", ("--no-pdf", "--force")), ("nothing", ("--no-pdf",)),
                       ("join", ("--no-pdf", "--join", "out"))):
        out = "joined" if name == "join" else "out"
        print(f"[{providers}x{periods}] {name}; load {os.getloadavg()[0]:.2f}", file=log,
              flush=True)
        run = _build(repo, out, *args)
        found[f"{name}_s"] = run["seconds"]
        found[f"{name}_cpu"] = run["cpu"]
        found[f"{name}_mib"] = run["peak_kib"] / 1024
    found["documents"] = _documents(repo / "out")
    return found


def pdf_case(root: Path, providers: int, log: Any) -> dict[str, Any]:
    repo = root / f"pdf-{providers}x2"
    repo.mkdir()
    data = generate(repo, providers, 2)
    print(f"[pdf {providers}x2] full build; load {os.getloadavg()[0]:.2f}", file=log, flush=True)
    full = _build(repo, "out", "--force")
    changed = change_summary(repo, data)
    print(f"[pdf {providers}x2] rebuild after {changed}", file=log, flush=True)
    one = _build(repo, "out")
    return {"providers": providers, "pdfs": _rendered(full), "full_s": full["seconds"],
            "full_cpu": full["cpu"], "changed": changed, "one_s": one["seconds"],
            "one_cpu": one["cpu"], "one_rendered": _rendered(one),
            "share": one["seconds"] / full["seconds"], "cpu_share": one["cpu"] / full["cpu"]}


def report(sizes: list[dict[str, Any]], pdf: dict[str, Any] | None, load: str) -> str:
    lines = [f"machine: {os.cpu_count()} cores; load average at start/end: {load}",
             "times: wall (CPU, user + system of the build and its workers)", "",
             "providers x periods | documents | full build | per document (CPU) | peak MiB | "
             "no-op rebuild | --join | CPU x / documents x vs the previous size"]
    previous: dict[str, Any] | None = None
    for s in sizes:
        growth = ""
        if previous is not None:
            growth = (f"{s['full_cpu'] / previous['full_cpu']:.2f} / "
                      f"{s['documents'] / previous['documents']:.2f}")
        lines.append(
            f"{s['providers']} x {s['periods']} | {s['documents']} | "
            f"{s['full_s']:.1f} s ({s['full_cpu']:.1f} s) | "
            f"{1000 * s['full_cpu'] / s['documents']:.1f} ms | {s['full_mib']:.0f} | "
            f"{s['nothing_s']:.1f} s ({s['nothing_cpu']:.1f} s) | "
            f"{s['join_s']:.1f} s ({s['join_cpu']:.1f} s) | {growth}")
        previous = s
    if pdf is not None:
        lines += ["", f"with PDFs, {pdf['providers']} providers x 2 periods: full build "
                  f"{pdf['full_s']:.1f} s ({pdf['full_cpu']:.1f} s CPU, {pdf['pdfs']} PDFs); "
                  f"after a new summary in {pdf['changed']}: {pdf['one_s']:.1f} s "
                  f"({pdf['one_cpu']:.1f} s CPU), {pdf['one_rendered']} PDFs rendered: "
                  f"{100 * pdf['share']:.1f}% of the full build's time "
                  f"({100 * pdf['cpu_share']:.1f}% of its CPU)"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 800])
    parser.add_argument("--periods", type=int, default=2)
    parser.add_argument("--pdf-providers", type=int, default=25,
                        help="providers of the PDF rebuild case (0: skip it)")
    args = parser.parse_args()
    load = f"{os.getloadavg()[0]:.2f}"
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="scorecard-scale-") as tmp:
        root = Path(tmp)
        sizes = [html_size(root, n, args.periods, sys.stderr) for n in args.sizes]
        pdf = pdf_case(root, args.pdf_providers, sys.stderr) if args.pdf_providers else None
    load += f" / {os.getloadavg()[0]:.2f}"
    print(report(sizes, pdf, load))
    print(f"(the whole run took {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
