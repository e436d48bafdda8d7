"""House-style rule 2: every public function documents its arguments and what it returns,
and shows itself at work in a doctest (which ``pytest --doctest-modules`` runs).

"Public" means in the ``__all__`` of a module of the kit (the learner's face,
``helpers.__all__``, is a few of them). Classes are left out: their docstrings list attributes instead.
"""

import inspect
import re

import helpers
import helpers.exercises


def public_functions():
    """``{"module.name": function}`` for every function the packages export."""
    import importlib
    import pkgutil

    out = {}
    names = ["helpers"] + [m.name for m in pkgutil.walk_packages(helpers.__path__, "helpers.")
                           if not m.name.endswith("__main__")]
    modules = [importlib.import_module(name) for name in names]
    for package in modules:
        for name in getattr(package, "__all__", ()):
            obj = getattr(package, name)
            if callable(obj) and not inspect.isclass(obj):
                out[f"{obj.__module__}.{name}"] = obj
    return out


def has_line(doc, pattern):
    return re.search(rf"^\s*{pattern}", doc, re.MULTILINE) is not None


def missing_parts(function):
    """What the docstring of ``function`` lacks: a subset of Args, Returns, doctest."""
    doc = inspect.getdoc(function) or ""
    missing = []
    if inspect.signature(function).parameters and not has_line(doc, r"Args:\s*$"):
        missing.append("Args")
    if not has_line(doc, r"Returns:\s*$"):
        missing.append("Returns")
    if not has_line(doc, ">>> "):
        missing.append("doctest")
    return missing


def test_the_packages_export_functions():
    assert len(public_functions()) > 50


def test_every_public_function_has_args_returns_and_a_doctest():
    problems = [f"{name}: no {', no '.join(missing)}"
                for name, function in sorted(public_functions().items())
                if (missing := missing_parts(function))]
    assert not problems, ("public functions whose docstring lacks a part (house style rule 2):\n  "
                          + "\n  ".join(problems))


def test_the_check_finds_what_is_missing():
    def bare(article, n=3):
        """Only a summary."""

    def complete(article):
        """A summary.

        Args:
            article: an article.

        Returns:
            Nothing.

        >>> complete(None)
        """

    assert missing_parts(bare) == ["Args", "Returns", "doctest"]
    assert missing_parts(complete) == []
