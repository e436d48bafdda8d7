"""Run the benchmark parts, print every table and save them to ``bench-results/``."""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import time
from pathlib import Path

from .report import Table, save, unavailable

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"

#: Part name → (module, keyword arguments for a full run, for a --quick run).
PARTS = {
    "notebooks": ("notebooks", {}, {"repeat": 1}),
    "widgets": ("widgets", {}, {"repeat": 5}),
    "tokenizer": ("tokenizer", {}, {"target_tokens": 50_000, "repeat": 1, "nltk_repeat": 1}),
    "scale": ("scale", {}, {"sizes": (1, 10), "repeat": 1}),
    "coldstart": ("coldstart", {}, {"repeat": 1}),
    "limits": ("limits", {}, {"size": 20_000, "repeat": 1, "big": 300_000}),
    "attribution": ("attribution", {}, {"repeat": 1}),
    "learned": ("learned", {}, {}),
    "collection": ("collection", {}, {"sizes": (10, 100)}),
}

USAGE = f"""usage: python -m benchmarks [PART ...] [--quick]

Parts: {', '.join(PARTS)} (default: all). --quick runs each part once on small
inputs, to check that the benchmarks work; its figures are not worth quoting.
Results are printed and written to {RESULTS.name}/ (latest.md is the last run)."""


def run_part(name: str, quick: bool = False) -> Table:
    """Run one part; a part whose helpers do not exist yet reports that instead of failing."""
    module_name, full, fast = PARTS[name]
    try:
        module = importlib.import_module(f"benchmarks.{module_name}")
    except ModuleNotFoundError as err:
        return unavailable(name, str(err))
    try:
        return module.bench(**(fast if quick else full))
    except (AttributeError, ImportError) as err:
        return unavailable(getattr(module, "TITLE", name), f"{type(err).__name__}: {err}")
    except Exception as err:  # one part failing must not lose the others' results
        first = (str(err).strip().splitlines() or [""])[0][:200]
        return Table(getattr(module, "TITLE", name), [], notes=[f"failed: {type(err).__name__}: {first}"])


def main(argv: list[str]) -> int:
    if any(a in ("-h", "--help") for a in argv):
        print(USAGE)
        return 0
    quick = "--quick" in argv
    names = [a for a in argv if not a.startswith("-")] or list(PARTS)
    unknown = [n for n in names if n not in PARTS]
    if unknown:
        print(f"unknown part {unknown[0]!r}; choose from: {', '.join(PARTS)}", file=sys.stderr)
        return 2
    # Lessons never need NLTK data; neither do the benchmarks.
    os.environ.setdefault("NLTK_DATA", os.path.join(tempfile.gettempdir(), "bench-no-nltk-data"))
    os.environ.setdefault("MPLBACKEND", "Agg")
    started = time.strftime("%Y-%m-%d %H:%M:%S")
    clock = time.perf_counter()
    tables = []
    for name in names:
        print(f"[bench] {name} …", file=sys.stderr, flush=True)
        part_clock = time.perf_counter()
        table = run_part(name, quick)
        print(table.markdown(), flush=True)
        print(f"[bench] {name}: {time.perf_counter() - part_clock:.0f} s", file=sys.stderr, flush=True)
        tables.append(table)
    path = save(tables, RESULTS, started=started, seconds=time.perf_counter() - clock)
    print(f"Saved to {path.relative_to(ROOT)} and {RESULTS.name}/latest.md")
    return 0
