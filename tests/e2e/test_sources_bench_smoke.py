"""bench/sources_speed.py's generated export is valid data whose figures can be worked
out (tiny; the benchmark itself, and DuckDB, are not part of the suite)."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

from scorecard.data.load import load

BENCH = Path(__file__).resolve().parents[2] / "bench" / "sources_speed.py"


def test_generated_export_loads_and_gives_every_figure(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("sources_speed", BENCH)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules["sources_speed"] = bench
    spec.loader.exec_module(bench)
    data = bench.generate(tmp_path, 2000)
    dataset, problems = load(data, today=date(2026, 11, 1))
    assert dataset is not None and problems == []
    computed = dataset.records["bigdesk"][0].computed
    assert set(computed) == {"resolution-median", "resolved-4h", "resolution-p90-office",
                             "p1-in-4h-office"}
    # 2,000 rows, a tenth of a month's spread opened in the three August days before it
    assert 1700 < computed["resolved-4h"].counted + computed["resolved-4h"].left_out.get(
        "still open", 0) < 2000
    assert all(c.value is not None for c in computed.values())
