"""Cold start: ``import helpers`` and the first ``load_article()`` in a fresh Python process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .report import Table, median, verdict

TITLE = "Cold start (fresh process)"
ROOT = Path(__file__).resolve().parent.parent

_HEAVY = ("nltk", "pandas", "matplotlib", "ipywidgets", "regex")
_PROBE = f"""
import json, sys, time
t0 = time.perf_counter()
import helpers
t1 = time.perf_counter()
at_import = [m for m in {_HEAVY!r} if m in sys.modules]
helpers.load_article()
t2 = time.perf_counter()
at_load = [m for m in {_HEAVY!r} if m in sys.modules]
print(json.dumps({{"import": t1 - t0, "load": t2 - t1, "heavy_after_import": at_import,
                  "heavy_after_load": at_load}}))
"""


def probe(python: str = sys.executable) -> dict:
    """One fresh process: seconds for ``import helpers`` and the first ``load_article()``.

    Also which heavy libraries each step imported, and the whole process's wall time.
    """
    import time

    env = dict(os.environ, NLTK_DATA=os.path.join(tempfile.gettempdir(), "no-nltk-data"))
    start = time.perf_counter()
    out = subprocess.run([python, "-c", _PROBE], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["process"] = time.perf_counter() - start
    return result


def bench(repeat: int = 7) -> Table:
    """Median over ``repeat`` fresh processes."""
    probe()  # the first run may compile .pyc files; not counted
    runs = [probe() for _ in range(repeat)]
    table = Table(TITLE, ["step", "median s", "goal", "verdict"])
    imp = median([r["import"] for r in runs])
    table.add("import helpers", imp, "≤ 0.3 s", verdict(imp, 0.3))
    table.add("first load_article()", median([r["load"] for r in runs]), "-", "-")
    table.add("whole process (python -c, import, load)", median([r["process"] for r in runs]), "-", "-")
    table.notes.append(f"Median of {repeat} fresh processes, after one warm-up run (compiled .pyc files exist).")
    table.notes.append("Heavy libraries loaded by `import helpers`: "
                       f"{', '.join(runs[-1]['heavy_after_import']) or 'none'}; "
                       f"after the first load_article(): {', '.join(runs[-1]['heavy_after_load']) or 'none'}.")
    return table
