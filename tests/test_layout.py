"""The house layout: no module of the kit takes a private name from another, and no two modules
import each other (directly or round a loop)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "helpers"


def module_name(path: Path) -> str:
    parts = list(path.with_suffix("").relative_to(ROOT.parent).parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def relative_imports(path: Path, top_level_only: bool):
    """``(line, module imported, names)`` for each ``from .x import …`` of a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rsplit(".", 1)[0]
    for node in (tree.body if top_level_only else ast.walk(tree)):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".")[:len(package.split(".")) - (node.level - 1)]
            yield node.lineno, ".".join(base + ([node.module] if node.module else [])), [a.name for a in node.names]


def test_no_private_name_is_imported_from_another_module():
    private = [f"{path.relative_to(ROOT.parent)}:{line}: {name} from {module}"
               for path in ROOT.rglob("*.py") for line, module, names in relative_imports(path, False)
               for name in names if name.startswith("_")]
    assert not private, "make the shared name public, or move the code:\n" + "\n".join(private)


def test_no_import_cycle_between_the_kits_modules():
    modules = {module_name(p): p for p in ROOT.rglob("*.py")}

    def owner(name):  # "helpers.speakers.rules.attribute" → "helpers.speakers.rules"
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name

    graph = {}
    for me, path in modules.items():
        deps = set()
        for _, module, names in relative_imports(path, True):
            for target in ([f"{module}.{n}" for n in names] if module in modules else [module]):
                dep = owner(target)
                deps |= {dep} if dep and dep != me else set()
                # importing a submodule first runs its package (but not a package the importer is inside)
                parts = dep.split(".")
                deps |= {p for p in (".".join(parts[:i]) for i in range(2, len(parts)))
                         if p in modules and not me.startswith(p + ".") and p != me}
        graph[me] = deps
    state, stack, cycles = {}, [], []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == "open":
                cycles.append(" → ".join(stack[stack.index(dep):] + [dep]))
            elif dep not in state:
                visit(dep)
        state[node] = "done"
        stack.pop()

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert not cycles, "\n".join(cycles)
