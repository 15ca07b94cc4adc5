"""Own SVG code against matplotlib for the scorecard charts: time per chart and SVG size.

Run: .venv/bin/python bench/charts_compare.py   (needs matplotlib in the venv for the
comparison only; scorecard itself does not depend on it)

Both draw the same three charts from the same data: the overall score over
time (24 periods, two unscored, band strips), category bars (6 categories)
and portfolio bars (15 providers with band lines). Each approach is run N
times after a warm-up; the figures are the median wall time per chart.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable

from scorecard.documents.charts import category_bars, portfolio_bars, score_history

N = 30
BANDS = [("Strong", 80.0), ("Adequate", 60.0), ("At risk", 0.0)]
HISTORY = [(f"{2021 + i // 4}-Q{i % 4 + 1}", None if i in (5, 13) else 45 + i * 1.4)
           for i in range(24)]
CATEGORIES = [("Service delivery", 80.0), ("Relationship", 55.5), ("Security", 71.2),
              ("Commercial", 92.5), ("Innovation", 40.0), ("Governance", 66.6)]
PROVIDERS = [(f"Provider {chr(65 + i)} Ltd", 30 + (i * 37) % 65) for i in range(15)]


def ours() -> dict[str, Callable[[], str]]:
    return {
        "history": lambda: str(score_history(HISTORY, BANDS)),
        "categories": lambda: str(category_bars(CATEGORIES)),
        "portfolio": lambda: str(portfolio_bars(PROVIDERS, BANDS)),
    }


def matplotlib_charts() -> dict[str, Callable[[], str]]:
    import matplotlib

    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    matplotlib.rcParams["svg.hashsalt"] = "scorecard"
    matplotlib.rcParams["svg.fonttype"] = "none"  # text as text, not paths

    def save(fig: object) -> str:
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})  # type: ignore[attr-defined]
        plt.close(fig)  # type: ignore[arg-type]
        return buffer.getvalue()

    def history() -> str:
        fig, ax = plt.subplots(figsize=(6.67, 2.3))
        upper = 100.0
        for (name, low), colour in zip(BANDS, ("#009e73", "#e69f00", "#d55e00"), strict=True):
            ax.axhspan(low, upper, color=colour, alpha=0.13)
            ax.text(len(HISTORY) - 0.3, (low + upper) / 2, name, va="center", fontsize=8)
            upper = low
        xs = list(range(len(HISTORY)))
        ys = [float("nan") if v is None else v for _, v in HISTORY]
        ax.plot(xs, ys, marker="o", color="#0072b2")
        ax.set_ylim(0, 100)
        ax.set_xticks(xs[::3], [label for label, _ in HISTORY][::3], fontsize=7)
        ax.set_ylabel("Score (0-100)")
        ax.set_title("Overall score over time")
        return save(fig)

    def bars(items: list[tuple[str, float]], title: str, lines: bool) -> str:
        fig, ax = plt.subplots(figsize=(6.67, 0.3 * len(items) + 0.8))
        labels = [label for label, _ in items]
        values = [value for _, value in items]
        ax.barh(labels, values, color="#0072b2")
        for y, value in enumerate(values):
            ax.text(value + 1, y, str(round(value)), va="center", fontsize=8)
        if lines:
            for name, low in BANDS:
                if low > 0:
                    ax.axvline(low, linestyle="--", color="#1b1f24")
                    ax.text(low, len(items), f"{name} {low:.0f}+", fontsize=7)
        ax.set_xlim(0, 100)
        ax.invert_yaxis()
        ax.set_title(title)
        return save(fig)

    return {
        "history": history,
        "categories": lambda: bars(CATEGORIES, "Score by category", False),
        "portfolio": lambda: bars(sorted(PROVIDERS, key=lambda p: -p[1]),
                                  "Latest overall score", True),
    }


def measure(name: str, charts: dict[str, Callable[[], str]]) -> None:
    for chart, draw in charts.items():
        first = draw()
        times = []
        for _ in range(N):
            start = time.perf_counter()
            svg = draw()
            times.append(time.perf_counter() - start)
        same = "yes" if svg == first else "NO"
        print(f"{name:<11} {chart:<11} {statistics.median(times) * 1000:9.2f} ms"
              f" {len(svg.encode()):9d} bytes   deterministic: {same}")


def main() -> int:
    print(f"{'approach':<11} {'chart':<11} {'median':>12} {'size':>15}")
    measure("own SVG", ours())
    try:
        start = time.perf_counter()
        charts = matplotlib_charts()
        charts["history"]()
        print(f"(matplotlib import and first chart: {time.perf_counter() - start:.2f} s)")
    except ImportError:
        print("matplotlib is not installed: pip install matplotlib to compare")
        return 0
    measure("matplotlib", charts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
