"""The learner's face: ``from helpers import *`` gives a few names, each one a lesson or an exercise uses."""

import ast
import json
import types
from pathlib import Path

import helpers

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted([*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("exercises/source/*.ipynb")])


def names_used(path: Path) -> set[str]:
    """The plain names a notebook's code cells use (shell and magic lines left out)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    code = "\n".join(line for line in code.splitlines() if not line.lstrip().startswith(("!", "%")))
    return {node.id for node in ast.walk(ast.parse(code)) if isinstance(node, ast.Name)}


def test_the_face_is_small_and_each_name_is_used_by_a_lesson_or_an_exercise():
    namespace: dict = {}
    exec("from helpers import *", namespace)
    face = {name for name in namespace if not name.startswith("__")}
    assert len(face) <= 40, sorted(face)
    used = set().union(*(names_used(p) for p in NOTEBOOKS))
    assert face <= used, f"in the face but used by no lesson or exercise: {sorted(face - used)}"


def names_bound(path: Path) -> set[str]:
    """The names a notebook's code binds itself: assigned, looped over, or a function's parameter."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    tree = ast.parse("\n".join(line for line in code.splitlines() if not line.lstrip().startswith(("!", "%"))))
    bound = {node.arg for node in ast.walk(tree) if isinstance(node, ast.arg)}
    return bound | {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)}


def test_every_kit_function_a_notebook_uses_bare_is_in_the_face():
    functions = {name for name in dir(helpers)
                 if not name.startswith("_") and not isinstance(getattr(helpers, name), types.ModuleType)}
    for path in NOTEBOOKS:
        bare = (names_used(path) & functions) - set(helpers.__all__) - names_bound(path)
        assert not bare, f"{path.name} uses {sorted(bare)} without the face: write helpers.<module>.<name>"


def test_a_name_outside_the_face_is_still_found_where_it_lives():
    from helpers import vocabulary  # noqa: F401  (from helpers import X finds every public name)
    from helpers.frequency import vocabulary as same

    assert vocabulary is same
