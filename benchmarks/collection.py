"""A collection of generated reports, 10 → 10,000 of 2,000 words: reading, theme rates and text reuse.

Each size runs in a fresh process. A report is 20 paragraphs of 100 words drawn from the kit's
article's words, about one of nine organizations, and copies a 40-word passage of the report
before it (so that there is reuse to find). Steps: reading the collection (``load_collection``
and its metadata table: each report read once, its theme hits kept), theme rates by organization
(from what was read), the reuse index and its pairs (``reuse_pairs``), and the square reuse
matrix (``reuse_matrix``; not at 10,000 reports, whose 10⁸ cells alone would take 800 MB).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .report import Table, peak_mb, verdict

TITLE = "Collection: generated reports of 2,000 words (load_collection, theme_rates, reuse_pairs, reuse_matrix)"
ORGS = ("CSTO", "SCO", "CIS", "AU", "EU", "ASEAN", "OSCE", "OIC", "LAS")
SPEAKERS = ("name,role,country,organization,capacity,speaks_for,pronoun,aliases\n"
            "Ban Ki-moon,Secretary-General of the United Nations,,UN,official,UN,he,Ban\n")
#: Matrix beyond this many reports is not made (its cells alone would not fit the goal).
MATRIX_UP_TO = 1000


def make_collection(folder: Path, n: int, seed: int = 1) -> None:
    from helpers import load_article

    words = load_article().text.split()
    rng = random.Random(seed)
    previous = None
    for i in range(n):
        body = [rng.choice(words) for _ in range(2000)]
        if previous is not None:
            at = rng.randrange(0, 1900)
            body[at:at + 40] = previous[100:140]
        previous = body
        paragraphs = [" ".join(body[k:k + 100]) + "." for k in range(0, 2000, 100)]
        name = f"gen-{i:05d}"
        (folder / f"{name}.txt").write_text("\n".join(p[0].upper() + p[1:] for p in paragraphs), encoding="utf-8")
        (folder / f"{name}.toml").write_text(
            f'title = "Report {i}"\npublisher = "Outlet {i % 25}"\ndate = {2010 + i % 15}-01-01\n'
            f'event = "UNSC {2010 + i % 15}-01-01 {ORGS[i % 9]}"\nabout = ["{ORGS[i % 9]}"]\n', encoding="utf-8")
        (folder / f"{name}.speakers.csv").write_text(SPEAKERS, encoding="utf-8")


def _child(n: int) -> dict:
    import helpers.collection as hc

    with tempfile.TemporaryDirectory(prefix="bench-collection-") as tmp:
        folder = Path(tmp)
        make_collection(folder, n)
        hc.shared_passages("warm up the imports", "warm up the imports", 2)
        import pandas  # noqa: F401
        import numpy  # noqa: F401
        before = peak_mb()
        out = {}
        t = time.perf_counter()
        c = hc.load_collection(folder)
        table = c.table
        out["read"] = time.perf_counter() - t
        assert len(table) == n
        t = time.perf_counter()
        rates = hc.theme_rates(c, "organization")
        out["rates"] = time.perf_counter() - t
        assert len(rates)
        t = time.perf_counter()
        pairs = hc.reuse_pairs(c)
        out["pairs"] = time.perf_counter() - t
        out["pair_rows"] = len(pairs)
        if n <= MATRIX_UP_TO:
            t = time.perf_counter()
            hc.reuse_matrix(c)
            out["matrix"] = time.perf_counter() - t
        out["peak_mb"] = peak_mb()
        out["peak_growth_mb"] = out["peak_mb"] - before
        return out


def measure(n: int) -> dict:
    root = Path(__file__).resolve().parent.parent
    run = subprocess.run([sys.executable, "-m", "benchmarks.collection", str(n)], cwd=root,
                         capture_output=True, text=True)
    if run.returncode:
        raise RuntimeError(f"the collection run on {n} reports failed:\n{run.stderr[-2000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def bench(sizes=(10, 100, 1000, 10_000)) -> Table:
    """Each size once, in a fresh process: seconds of each step, peak memory, growth per 10×."""
    table = Table(TITLE, ["reports", "read + table s", "theme rates s", "reuse pairs s", "reuse matrix s",
                          "peak MB", "read × per 10×", "pairs × per 10×", "goals (1,000 reports)", "verdict"])
    previous = None
    for n in sizes:
        r = measure(n)
        growth = ("-", "-") if previous is None else (
            r["read"] / previous["read"] * 10 / (n / previous["n"]), r["pairs"] / previous["pairs"] * 10 / (n / previous["n"]))
        goal, ok = "-", "-"
        if n == 1000:
            goal = "matrix ≤ 10 s, rates ≤ 3 s, peak ≤ 1,024 MB, growth ≤ ×11"
            fine = [r["matrix"] <= 10, r["rates"] <= 3, r["peak_mb"] <= 1024] + [g <= 11 for g in growth if g != "-"]
            ok = "OK" if all(fine) else "SHORT"
        table.add(f"{n:,}", r["read"], r["rates"], r["pairs"], r.get("matrix", "-"), r["peak_mb"], *growth, goal, ok)
        previous = {"n": n, **r}
    table.notes.append("Each size once, in a fresh process. 'read + table': load_collection(folder) and its metadata "
                       "table, which read each report once (clean text, sentences, words, theme hits) and keep only "
                       "that summary; theme rates by organization are then sums over the summaries.")
    table.notes.append("'reuse pairs': one index from each 8-word shingle (hashed) to the reports holding it, then "
                       "the words each report shares with each other; 'reuse matrix' arranges the pairs as a square "
                       f"(made up to {MATRIX_UP_TO:,} reports). Peak MB: the process's peak resident memory.")
    table.notes.append("'× per 10×': the time ratio to the previous size, scaled to a 10× step; 10 means linear.")
    return table


if __name__ == "__main__":
    print(json.dumps(_child(int(sys.argv[1]))))
