"""The build benchmark's generated repository is valid data, committed, and its
one-record change touches an earlier record of one provider (tiny and fast; the
benchmark itself is not part of the suite)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from conftest import GitRepo
from scorecard.data.load import load

BENCH = Path(__file__).resolve().parents[2] / "bench" / "build_speed.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_speed", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_speed"] = module
    spec.loader.exec_module(module)
    return module


def test_generated_repository_is_valid_and_committed(tmp_path: Path) -> None:
    bench = _bench()
    data = bench.generate(tmp_path, 3, 4)
    dataset, problems = load(data)
    assert problems == [] and dataset is not None
    # 3 providers x 4 quarters, the last one 2026-Q2
    assert sorted(dataset.records) == ["provider-000", "provider-001", "provider-002"]
    assert [r.period.label for r in dataset.records["provider-001"]] == [
        "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]
    status = subprocess.run(["git", "status", "--porcelain"], cwd=tmp_path,
                            capture_output=True, text=True, check=True)
    assert status.stdout == ""
    changed = bench.change_one_record(tmp_path, data)
    # the middle provider (index 3 // 2 = 1), its middle record (index 4 // 2 = 2)
    assert changed == "records/provider-001/2026-Q1.yaml"
    # the next provider's latest record
    assert bench.change_one_record(tmp_path, data, latest=True) == (
        "records/provider-002/2026-Q2.yaml")
    dataset, problems = load(data)
    assert problems == [] and dataset is not None


LAYOUT = BENCH.parent / "layout_speed.py"


def test_layout_benchmark_runs_on_the_small_data(small_repo: GitRepo) -> None:
    done = subprocess.run(
        [sys.executable, str(LAYOUT), "--data", str(small_repo.data), "--repeat", "1",
         "--jobs", "1"],
        capture_output=True, text=True, check=False, cwd=small_repo.root,
    )
    assert done.returncode == 0, done.stderr
    rows = {line.split()[0]: line.split() for line in done.stdout.splitlines() if line.strip()}
    # each provider's latest period: acme 2026-Q3 and globex 2026-07, so 2 of each scorecard
    assert [rows[kind][1] for kind in ("provider", "team", "portfolio", "index")] == [
        "2", "2", "1", "1"]
    for kind in ("provider", "team", "portfolio", "index"):
        styled, unstyled, ratio = (float(x) for x in rows[kind][2:5])
        assert styled > 0 and unstyled > 0
        # the times are printed to 3 decimals, the ratio to 2
        low, high = (styled - 5e-4) / (unstyled + 5e-4), (styled + 5e-4) / (unstyled - 5e-4)
        assert low - 0.005 <= ratio <= high + 0.005
    # the full build: 3 records x (provider + team) + the portfolio = 7 PDFs
    build = next(line for line in done.stdout.splitlines() if line.startswith("full build"))
    assert "--force --jobs 1" in build and build.endswith("7 PDFs")
