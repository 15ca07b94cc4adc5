"""What does Jinja's sandbox cost? The demo's every HTML document (``build
--no-pdf --force --jobs 1``), built in one process with the sandboxed
environment (as with ``--templates``) and with the plain one (as without),
alternately, ``--rounds`` times each; prints the best time of each and their
ratio.

Run::

    .venv/bin/python bench/sandbox_speed.py --rounds 3

The machine may be shared: compare the ratio taken within one run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import scorecard.documents.templating as templating
from scorecard.pipeline.build import build
from scorecard.pipeline.options import BuildOptions
from scorecard.words.sandbox import plain, sandboxed

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 11, 26)


def one(repo: Path, out: Path) -> float:
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    report = build(BuildOptions(data_dir=repo / "evaluations", out_dir=out, as_of=AS_OF,
                                pdf=False, force=True, jobs=1), today=AS_OF)
    took = time.perf_counter() - start
    assert report.ok, [p.text() for p in report.problems]
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sandbox-bench-") as tmp:
        repo = Path(tmp) / "repo"
        shutil.copytree(ROOT / "evaluations", repo / "evaluations")
        env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
               "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.com",
               "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@example.com"}
        for cmd in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "demo"]):
            subprocess.run(["git", *cmd], cwd=repo, env=env, check=True)
        times: dict[str, list[float]] = {"sandboxed": [], "plain": []}
        for _ in range(args.rounds):
            for name, factory in (("sandboxed", sandboxed), ("plain", plain)):
                templating.plain = factory  # type: ignore[assignment]
                times[name].append(one(repo, Path(tmp) / f"out-{name}"))
        templating.plain = plain  # type: ignore[assignment]
    best = {k: min(v) for k, v in times.items()}
    load = os.getloadavg()[0]
    print(f"demo, every HTML document, best of {args.rounds} (load {load:.1f}):")
    print(f"  sandboxed {best['sandboxed']:.2f} s, plain {best['plain']:.2f} s, "
          f"ratio {best['sandboxed'] / best['plain']:.2f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
