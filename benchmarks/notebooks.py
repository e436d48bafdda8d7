"""Notebook overhead: each lesson notebook's execution time ÷ an empty notebook's.

Every notebook under ``notebooks/`` is executed top to bottom with nbclient in a
fresh kernel (the same kernel name and the same client settings as the tests),
and so is an empty notebook. Runs are interleaved — empty, lesson 00, lesson 01 …,
then again — so that load on the machine hits all of them alike; each figure is
the median over the rounds. Time counts kernel start, every cell, and shutdown.
"""

from __future__ import annotations

import time
from pathlib import Path

from .report import Table, median, verdict

TITLE = "Notebook overhead (execution time ÷ empty notebook)"
ROOT = Path(__file__).resolve().parent.parent


def lessons() -> list[Path]:
    """The lesson notebooks, in order."""
    return sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))


def execute(nb, folder: Path) -> float:
    """Seconds to execute notebook ``nb`` (kernel start to shutdown) with ``folder`` as its cwd."""
    from nbclient import NotebookClient

    start = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(folder)}}).execute()
    return time.perf_counter() - start


def bench(repeat: int = 5) -> Table:
    """Median execution time of each lesson and of an empty notebook; their ratio."""
    import nbformat

    paths = lessons()
    table = Table(TITLE, ["notebook", "code cells", "median s", "× empty", "goal", "verdict"])
    if not paths:
        table.notes.append("not available yet: no notebook in notebooks/")
        return table
    empty = nbformat.v4.new_notebook()
    floor = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import nltk, pandas, matplotlib.pyplot\nfrom helpers import *")])
    books = {p: nbformat.read(p, as_version=4) for p in paths}
    times: dict = {"empty": [], "floor": [], **{p: [] for p in paths}}
    errors = {}
    for _ in range(repeat):
        times["empty"].append(execute(empty, ROOT / "notebooks"))
        times["floor"].append(execute(floor, ROOT / "notebooks"))
        for p in paths:
            if p in errors:
                continue
            try:
                times[p].append(execute(nbformat.read(p, as_version=4), p.parent))
            except Exception as err:  # shown in the table
                errors[p] = f"{type(err).__name__}: {str(err).strip().splitlines()[-1][:80] if str(err).strip() else ''}"
    base = median(times["empty"])
    table.add("(empty notebook)", 0, base, 1.0, "-", "-")
    table.add("(imports only: nltk, pandas, matplotlib, helpers)", 1, median(times["floor"]),
              median(times["floor"]) / base, "-", "-")
    for p in paths:
        cells = sum(1 for c in books[p].cells if c.cell_type == "code")
        if p in errors:
            table.add(p.name, cells, "-", "-", "≤ 1.5", f"failed: {errors[p]}")
            continue
        t = median(times[p])
        table.add(p.name, cells, t, t / base, "≤ 1.5", verdict(t / base, 1.5))
    table.notes.append(f"Median of {repeat} interleaved rounds; nbclient, kernel 'python3', a fresh kernel "
                       "per notebook; times include kernel start and shutdown.")
    slow = sum(t > 2.5 * base for t in times["empty"])
    if slow:
        table.notes.append(f"{slow} of the {repeat} empty notebooks took over 2.5× the median: now and then a "
                           "kernel here answers its first request about 3 s late, whatever the notebook holds; "
                           "the median leaves those runs out.")
    return table
