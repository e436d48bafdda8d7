"""Checking the set-up: the preflight cell of the first lesson and ``python -m helpers doctor``.

Each check returns a :class:`Check` with a plain-language result and, when
something is off, the exact command or step that fixes it. Nothing is changed.
"""

from __future__ import annotations

import importlib.metadata as metadata
import sys
from typing import NamedTuple

__all__ = ["Check", "preflight", "show_preflight"]


class Check(NamedTuple):
    """One check: what was checked, whether it passed, what was found and the fix."""

    name: str
    ok: bool
    found: str
    fix: str = ""


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def _check_python() -> Check:
    v = sys.version_info
    found = f"Python {v.major}.{v.minor}.{v.micro}"
    return Check("Python", v >= (3, 11), found,
                 "" if v >= (3, 11) else "install Python 3.11 or newer, then run `make clean lab`")


def _check_widgets() -> Check:
    ipyw, labw = _version("ipywidgets"), _version("jupyterlab_widgets")
    if ipyw is None or labw is None:
        missing = "ipywidgets" if ipyw is None else "jupyterlab_widgets"
        return Check("widgets", False, f"{missing} is not installed",
                     "run `make clean lab` in a terminal to reinstall the kit")
    from packaging.requirements import Requirement

    wanted = next((Requirement(r) for r in metadata.requires("ipywidgets") or []
                   if Requirement(r).name.replace("-", "_") == "jupyterlab_widgets"), None)
    ok = wanted is None or wanted.specifier.contains(labw, prereleases=True)
    found = f"ipywidgets {ipyw} with jupyterlab_widgets {labw}"
    fix = "" if ok else (f"ipywidgets {ipyw} needs jupyterlab_widgets{wanted.specifier}: run "
                         f"`.venv/bin/pip install 'jupyterlab_widgets{wanted.specifier}'`, then restart JupyterLab")
    return Check("widgets", ok, found, fix)


def _check_backend() -> Check:
    import matplotlib

    backend = matplotlib.get_backend()
    in_kernel = "ipykernel" in sys.modules
    ok = (not in_kernel) or "inline" in backend.lower() or "ipympl" in backend.lower() or "widget" in backend.lower()
    fix = "" if ok else "run `%matplotlib inline` in a cell, then run the plotting cell again"
    return Check("matplotlib", ok, f"matplotlib {matplotlib.__version__}, backend {backend!r}", fix)


def _check_nltk() -> Check:
    v = _version("nltk")
    ok = v is not None and tuple(int(x) for x in v.split(".")[:2]) >= (3, 9)
    return Check("NLTK", ok, f"nltk {v} (no downloaded data needed)" if v else "nltk is not installed",
                 "" if ok else "run `make clean lab` in a terminal to reinstall the kit")


def _check_article() -> Check:
    from .article import load_article

    try:
        a = load_article()
    except Exception as err:  # the message already says what to fix
        return Check("article", False, type(err).__name__, str(err))
    return Check("article", True, f"{a.name}: {len(a.paragraphs)} paragraphs, {len(a.sentences)} sentences")


def preflight() -> list[Check]:
    """Run every environment check and return the results.

    >>> all(c.ok for c in preflight())
    True
    """
    return [_check_python(), _check_widgets(), _check_backend(), _check_nltk(), _check_article()]


def show_preflight() -> bool:
    """Print one line per check (✓ or ✗ with the fix); return True when all passed."""
    checks = preflight()
    for c in checks:
        print(f"{'✓' if c.ok else '✗'} {c.name:<11} {c.found}" + ("" if c.ok else f"\n    fix: {c.fix}"))
    ok = all(c.ok for c in checks)
    print("All set: carry on with the next cell." if ok else "Fix the ✗ lines above, then run this cell again.")
    return ok
