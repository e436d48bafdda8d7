"""Scale: the whole pipeline on generated corpora of 1, 10, 100 and 1,000 documents.

The pipeline, for every document: load (read, clean, split sentences) →
tokenize (``article.tokens``) → frequencies (``word_counts``) → attribution
(``attribute``) → themes (``theme_matrix`` by speaker, which uses the
attribution). Results for every document are kept, as an instructor's
notebook would keep them. Every helpers cache is cleared before each run, so
each run starts cold.
"""

from __future__ import annotations

import tempfile
import time
import tracemalloc
from pathlib import Path

from .corpus import data_folder, make_corpus
from .report import Table, median, verdict

TITLE = "Scale: the whole pipeline on generated corpora"
STAGES = ("load", "tokenize", "frequencies", "attribution", "themes")


def stages() -> dict:
    """The pipeline's stages as ``{name: function(article_or_name)}``; missing ones are left out."""
    import helpers

    out = {"load": helpers.load_article, "tokenize": lambda a: a.tokens,
           "frequencies": getattr(helpers, "word_counts", None),
           "attribution": getattr(helpers, "attribute", None),
           "themes": (lambda a: helpers.theme_matrix(a, by="speaker")) if hasattr(helpers, "theme_matrix") else None}
    return {k: v for k, v in out.items() if v is not None}


def clear_caches() -> None:
    """Empty every ``functools`` cache in the helpers modules (data files are read again)."""
    import sys

    for name, module in list(sys.modules.items()):
        if name == "helpers" or name.startswith("helpers."):
            for value in list(vars(module).values()):
                if hasattr(value, "cache_clear"):
                    value.cache_clear()


def run_pipeline(names, steps: dict) -> dict[str, float]:
    """Run every stage on every document; seconds spent in each stage."""
    spent = dict.fromkeys(steps, 0.0)
    kept = []
    load = steps["load"]
    for name in names:
        start = time.perf_counter()
        article = load(name)
        spent["load"] += time.perf_counter() - start
        results = [article]
        for stage, fn in steps.items():
            if stage == "load":
                continue
            start = time.perf_counter()
            results.append(fn(article))
            spent[stage] += time.perf_counter() - start
        kept.append(results)
    return spent


def measure(names, steps: dict, repeat: int) -> tuple[float, dict[str, float], float]:
    """Median total seconds, median seconds per stage, and peak traced memory in MB (one run)."""
    totals, per_stage = [], {s: [] for s in steps}
    for _ in range(repeat):
        clear_caches()
        spent = run_pipeline(names, steps)
        totals.append(sum(spent.values()))
        for s, v in spent.items():
            per_stage[s].append(v)
    clear_caches()
    tracemalloc.start()
    try:
        run_pipeline(names, steps)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()
    return median(totals), {s: median(v) for s, v in per_stage.items()}, peak


def bench(sizes=(1, 10, 100, 1000), repeat: int = 3) -> Table:
    """The pipeline on each corpus size: time, time per document, peak memory, growth per 10×."""
    steps = stages()
    missing = [s for s in STAGES if s not in steps]
    table = Table(TITLE, ["documents", "median s", "ms / doc", *[f"{s} s" for s in steps],
                          "peak MB", "time × per 10×", "goal", "verdict"])
    previous = None
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        for n in sizes:
            folder = Path(tmp) / f"n{n}"
            with data_folder(folder):
                names = make_corpus(folder, n)
                steps["load"]("doc-" + "0" * len(str(n)))  # imports NLTK etc. once, outside the timing
                total, per_stage, peak = measure(names, steps, repeat if n < 1000 else max(1, repeat))
            growth = (total / previous[1]) * (10 / (n / previous[0])) if previous else None
            goal, ok = "-", "-"
            if n == 1000:
                goal, ok = "≤ 10 s", verdict(total, 10)
            table.add(f"{n:,}", total, total / n * 1000, *[per_stage[s] for s in steps], peak,
                      "-" if growth is None else growth, goal, ok)
            previous = (n, total)
    table.notes.append(f"Median of {repeat} runs per size, every helpers cache cleared before each run; "
                       "peak memory from one more run under tracemalloc (Python allocations only).")
    table.notes.append("'time × per 10×' is the time ratio to the previous size, scaled to a 10× step: "
                       "10 means linear growth.")
    table.notes.append("Documents: the kit's article with its body paragraphs rotated, written with its "
                       "data files into a temporary folder named by HELPERS_DATA.")
    if missing:
        table.notes.append(f"not available yet: {', '.join(missing)}")
    return table
