"""The build benchmark's generated repository is valid data, committed, and its
one-record change touches an earlier record of one provider (tiny and fast; the
benchmark itself is not part of the suite)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

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
