"""Statistics over repeated runs, and the tables the benchmarks print and save."""

from __future__ import annotations

import json
import math
import platform
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable


def median(values) -> float:
    """The median of a non-empty list of numbers."""
    return statistics.median(values)


def percentile(values, q: float) -> float:
    """The ``q``-th percentile (0–100) by linear interpolation between closest ranks."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("percentile of no values")
    pos = (len(ordered) - 1) * q / 100
    low, high = math.floor(pos), math.ceil(pos)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def timed(fn: Callable, repeat: int) -> list[float]:
    """Run ``fn()`` ``repeat`` times; the wall-clock seconds of each run."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def verdict(value: float, goal: float, *, lower_is_better: bool = True) -> str:
    """``"ok"`` when ``value`` meets ``goal``, else ``"SHORT"``."""
    ok = value <= goal if lower_is_better else value >= goal
    return "ok" if ok else "SHORT"


@dataclass
class Table:
    """One part's results: a title, column names, rows of cells, and notes below."""

    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *cells) -> None:
        if len(cells) != len(self.columns):
            raise ValueError(f"{self.title}: {len(cells)} cells for {len(self.columns)} columns")
        self.rows.append(list(cells))

    def markdown(self) -> str:
        lines = [f"### {self.title}", ""]
        if self.rows:
            lines.append("| " + " | ".join(self.columns) + " |")
            lines.append("|" + "|".join(" --- " for _ in self.columns) + "|")
            for row in self.rows:
                lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
            lines.append("")
        lines += [f"- {n}" for n in self.notes]
        return "\n".join(lines).rstrip() + "\n"


def _cell(value) -> str:
    if isinstance(value, float):
        if value == 0:
            return "0"
        if abs(value) >= 100:
            return f"{value:,.0f}"
        if abs(value) >= 10:
            return f"{value:.1f}"
        if abs(value) >= 0.01:
            return f"{value:.2f}"
        return f"{value:.2g}"
    return str(value).replace("|", "\\|")


def unavailable(title: str, missing: str) -> Table:
    """A table saying a part cannot run yet because ``missing`` does not exist."""
    return Table(title, [], notes=[f"not available yet: {missing}"])


def machine() -> str:
    """One line describing this machine: CPUs, CPU model, Python, OS."""
    import os

    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or model
    return (f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def document(tables: list[Table], *, started: str, seconds: float) -> str:
    """The whole report as Markdown: machine, date, then every table."""
    head = [f"Run {started}, {seconds:.0f} s in all, on {machine()}.", ""]
    return "\n".join(head + [t.markdown() for t in tables])


def save(tables: list[Table], folder: Path, *, started: str, seconds: float) -> Path:
    """Write the report to ``folder/bench-<time>.md`` (and ``.json``) and ``folder/latest.md``.

    Returns the path of the dated Markdown file. Earlier results are kept.
    """
    folder.mkdir(parents=True, exist_ok=True)
    text = document(tables, started=started, seconds=seconds)
    stamp = started.replace(":", "").replace("-", "").replace(" ", "-")
    path = folder / f"bench-{stamp}.md"
    path.write_text(text, encoding="utf-8")
    (folder / "latest.md").write_text(text, encoding="utf-8")
    data = {"started": started, "seconds": seconds, "machine": machine(),
            "tables": [{"title": t.title, "columns": t.columns, "rows": t.rows, "notes": t.notes}
                       for t in tables]}
    path.with_suffix(".json").write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")
    return path


def peak_mb() -> float:
    """The process's peak resident size in MB: ``VmHWM`` from ``/proc/self/status``.

    Where there is no /proc, ``ru_maxrss`` (on Linux that one starts at the parent's peak,
    so it can hide growth).
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
