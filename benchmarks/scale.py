"""Scale: the whole pipeline on generated corpora of 1, 10, 100 and 1,000 documents.

The pipeline, for every document: load (read, clean, split sentences) →
tokenize (``article.token_columns``: the words and their offsets, which every
later stage reads) → frequencies (``word_counts``) → attribution
(``attribute``) → themes (``theme_matrix`` by speaker, which uses the
attribution). Results for every document are kept, as an instructor's
notebook would keep them. Every helpers cache is cleared before each run, so
each run starts cold.
"""

from __future__ import annotations

from helpers.analysis import clear_caches

import gc
import tempfile
import time
from pathlib import Path

from .corpus import data_folder, make_corpus
from .report import Table, median, peak_mb, verdict

TITLE = "Scale: the whole pipeline on generated corpora"
STAGES = ("load", "tokenize", "frequencies", "attribution", "themes")
#: Seconds the 1,000-document pipeline should take at most.
GOAL_SECONDS = 5


def stages() -> dict:
    """The pipeline's stages as ``{name: function(article_or_name)}``; missing ones are left out."""
    import helpers

    out = {"load": helpers.load_article, "tokenize": lambda a: a.token_columns,
           "frequencies": getattr(helpers, "word_counts", None),
           "attribution": getattr(helpers, "attribute", None),
           "themes": (lambda a: helpers.theme_matrix(a, by="speaker")) if hasattr(helpers, "theme_matrix") else None}
    return {k: v for k, v in out.items() if v is not None}


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


def measure(names, steps: dict, repeat: int) -> dict:
    """Run the pipeline ``repeat`` times: seconds of each run and of each stage, and peak memory.

    Peak memory is the growth of the process's peak resident size over what it was
    before the first run: ``VmHWM`` from ``/proc/self/status`` (``ru_maxrss`` where
    there is no /proc; on Linux that one starts at the parent's peak, so it can hide growth).
    The garbage of one run is collected before the next starts, untimed: an article and its
    analysis refer to each other, and left to the collector's own pace, the 1,000 articles
    of one run stayed in memory while the next run grew (about 20 MB more at the peak).
    """
    before = peak_mb()
    totals, per_stage = [], {s: [] for s in steps}
    for _ in range(repeat):
        clear_caches()
        gc.collect()  # the last run's results refer to themselves (an article and its analysis): gone before this run
        spent = run_pipeline(names, steps)
        totals.append(sum(spent.values()))
        for s, v in spent.items():
            per_stage[s].append(v)
    return {"totals": totals, "stages": per_stage, "peak_mb": peak_mb() - before}


def with_token_objects(names, steps: dict) -> float:
    """Seconds of one more run that also asks every document for ``article.tokens``."""
    clear_caches()
    more = dict(steps)
    more["token objects"] = lambda a: a.tokens
    return sum(run_pipeline(names, more).values())


def measure_in_fresh_process(n: int, repeat: int) -> dict:
    """Generate a corpus of ``n`` documents and measure it in a new Python process.

    For 1,000 documents the result also holds ``with_tokens``: the seconds of one
    more run in which every document is also asked for its Token objects."""
    import json
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-m", "benchmarks.scale", str(n), str(repeat)],
                         cwd=root, capture_output=True, text=True)
    if out.returncode:
        raise RuntimeError(f"the scale run on {n} documents failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _child(n: int, repeat: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp, data_folder(tmp):
        names = make_corpus(tmp, n)
        steps = stages()
        run_pipeline(names[:1], steps)  # imports NLTK, pandas … once, outside the timing
        result = measure(names, steps, repeat)
        if n >= 1000:
            result["with_tokens"] = with_token_objects(names, steps)
        return result


def bench(sizes=(1, 10, 100, 1000), repeat: int = 3) -> Table:
    """The pipeline on each corpus size: time, time per document, peak memory, growth per 10×."""
    steps = list(stages())
    missing = [s for s in STAGES if s not in steps]
    table = Table(TITLE, ["documents", "median s", "ms / doc", *[f"{s} s" for s in steps],
                          "peak MB", "time × per 10×", "goal", "verdict"])
    previous, with_tokens = None, None
    for n in sizes:
        result = measure_in_fresh_process(n, repeat)
        total = median(result["totals"])
        growth = (total / previous[1]) * (10 / (n / previous[0])) if previous else None
        goal, ok = "-", "-"
        if n == 1000:  # the goal an analysis that does each thing once should reach on this machine
            goal, ok = f"≤ {GOAL_SECONDS:g} s", verdict(total, GOAL_SECONDS)
        table.add(f"{n:,}", total, total / n * 1000, *[median(result["stages"][s]) for s in steps],
                  result["peak_mb"], "-" if growth is None else growth, goal, ok)
        previous = (n, total)
        with_tokens = result.get("with_tokens", with_tokens)
    table.notes.append(f"Each size in a fresh process; median of {repeat} runs, every helpers cache "
                       "cleared before each run; one warm-up document first (imports).")
    table.notes.append("Peak MB: growth of the process's peak resident memory over the runs "
                       "(all documents' results are kept until a run ends; the garbage of one run is "
                       "collected before the next, untimed).")
    table.notes.append("'time × per 10×': the time ratio to the previous size, scaled to a 10× step; "
                       "10 means linear growth.")
    table.notes.append("Documents: the kit's article with its body paragraphs rotated, written with its "
                       "data files into a temporary folder named by HELPERS_DATA.")
    if with_tokens is not None:
        table.notes.append("tokenize: the words and their offsets as columns (article.token_columns), which "
                           "the later stages read. Asking every one of the 1,000 documents for its Token "
                           f"objects as well (article.tokens, one object per word): {with_tokens:.1f} s "
                           "for the whole run, once.")
    if missing:
        table.notes.append(f"not available yet: {', '.join(missing)}")
    return table


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(_child(int(sys.argv[1]), int(sys.argv[2]))))
