"""The notebook builder: student exercise notebooks generated from the instructor sources.

``python -m helpers.exercises build`` (``make exercises``) reads every notebook in
``exercises/source/``, replaces the code between ``### BEGIN SOLUTION`` and
``### END SOLUTION`` with ``...`` (text in markdown cells with *Write your answer
here.*), strips the outputs and writes ``exercises/NAME.ipynb``. It is all or
nothing: every check file and every source is read and checked first, and a problem
anywhere (an unclosed marker, a notebook that is not JSON, a damaged
``generated.json``) is reported with the file, the cell, the line and the fix
before anything is written.

A student notebook a learner has edited is never overwritten: ``generated.json``
remembers what the build wrote, and a notebook that differs from that is kept, the
new version written beside it as ``NAME.new.ipynb``. Files are written atomically
and keep their mode (a new one gets the usual mode for the user's umask, 0644 under 022).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

from ..datafiles import DataFileError
from ._files import write_atomically
from .bank import exercises_dir, load_questions, validate_question

MANIFEST = "generated.json"
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
_DIGEST = re.compile(r"[0-9a-f]{64}")
_CHECKED = re.compile(r"\bcheck\(\s*[\"']([^\"']+)[\"']")


class SourceError(ValueError):
    """An instructor source notebook (or the build's record) the generator cannot use."""


def _cell_text(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _assigned_names(code: str) -> list[str]:
    import ast

    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    names = []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
        for t in targets:
            if isinstance(t, ast.Name) and t.id not in names:
                names.append(t.id)
    return names


def strip_solutions(code: str, *, where: str = "", markdown: bool = False) -> str:
    """Replace each ``### BEGIN SOLUTION`` … ``### END SOLUTION`` block with ``...``.

    In code, a block that assigns names used later in the cell becomes
    ``name = ...`` for each of them, so the cell still runs unanswered; a block
    that ends a function's body with ``return`` becomes ``return ...``, so the
    function runs and ``check`` sees it is not written yet.

    >>> print(strip_solutions("### BEGIN SOLUTION\\nq = len(article.paragraphs)\\n### END SOLUTION\\ncheck('reading.q1', q)"))
    q = ...
    check('reading.q1', q)
    >>> print(strip_solutions("def f(text):\\n    ### BEGIN SOLUTION\\n    return text.split()\\n    ### END SOLUTION"))
    def f(text):
        return ...
    """
    lines, out, block, opened = code.split("\n"), [], None, 0
    for number, line in enumerate(lines, start=1):
        marker = line.strip()
        if marker == BEGIN:
            if block is not None:
                raise SourceError(f"{where}line {number}: a second {BEGIN} before the {END} of the one on line "
                                  f"{opened}\n  How to fix: add a line {END} after the first solution")
            block, indent, opened = [], line[: len(line) - len(line.lstrip())], number
        elif marker == END:
            if block is None:
                raise SourceError(f"{where}line {number}: {END} without a {BEGIN} before it\n"
                                  f"  How to fix: add a line {BEGIN} where the solution starts, or delete this line")
            rest = "\n".join(lines[number:])
            if markdown:
                out.append(indent + "*Write your answer here.*")
            else:
                body = [b[len(indent):] for b in block]
                used = [n for n in _assigned_names("\n".join(body)) if re.search(rf"\b{n}\b", rest)]
                returns = indent and any(re.match(r"return\b", b) for b in body)
                out.extend([f"{indent}{n} = ..." for n in used] or [indent + ("return ..." if returns else "...")])
            block = None
        elif block is not None:
            block.append(line)
        else:
            out.append(line)
    if block is not None:
        raise SourceError(f"{where}line {opened}: {BEGIN} is never closed\n"
                          f"  How to fix: add a line {END} after the solution")
    return "\n".join(out)


def student_notebook(source: dict, where: str = "") -> dict:
    """The student copy of an instructor notebook: solutions → ``...``, outputs stripped.

    Args:
        source: the instructor notebook, as read from its JSON.
        where: the start of every error message, e.g. the file's name.

    Returns:
        The student notebook, as JSON data.

    Raises:
        SourceError: the notebook has no list of cells, or a cell's markers do not pair up.

    >>> nb = {"cells": [{"cell_type": "code", "source": "### BEGIN SOLUTION\\nx = 1\\n### END SOLUTION\\nx"}]}
    >>> student_notebook(nb)["cells"][0]["source"]
    ['x = ...\\n', 'x']
    """
    cells = source.get("cells") if isinstance(source, dict) else None
    if not isinstance(cells, list):
        raise SourceError(f"{where}this is not a notebook (no list of cells)\n"
                          "  How to fix: open and save it in JupyterLab, or restore it with git")
    out = []
    for i, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict):
            raise SourceError(f"{where}cell {i} is not a notebook cell\n"
                              "  How to fix: open and save the notebook in JupyterLab, or restore it with git")
        text = _cell_text(cell)
        kind = cell.get("cell_type")
        text = strip_solutions(text, where=f"{where}cell {i}, ", markdown=kind != "code")
        new = {"cell_type": kind, "metadata": {}, "source": _source_lines(text)}
        if kind == "code":
            new.update(execution_count=None, outputs=[])
        out.append(new)
    return {"cells": out, "metadata": {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 4}


def _source_lines(text: str) -> list[str]:
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def _dumps(nb: dict) -> str:
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_manifest(path: Path) -> dict[str, list[str]]:
    """What earlier builds wrote: ``{notebook name: [digests]}`` from ``generated.json``.

    Raises:
        SourceError: the file is not JSON, or not a mapping from names to digests.
    """
    fix = (f"  How to fix: delete {path}. It only remembers which student notebooks the build wrote; without "
           "it the next build keeps every student notebook that differs from the new version and writes the "
           "new one beside it (NAME.new.ipynb), so nothing a learner wrote is lost")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise SourceError(f"{path}: the build's record is damaged, not JSON ({err})\n{fix}") from None
    except OSError as err:
        raise SourceError(f"{path}: the build's record cannot be read ({err.strerror or err})\n{fix}") from None
    if not isinstance(data, dict):
        raise SourceError(f"{path}: the build's record should map notebook names to digests, "
                          f"but it holds {type(data).__name__}\n{fix}")
    out = {}
    for name, value in data.items():
        digests = [value] if isinstance(value, str) else value
        if not isinstance(digests, list) or not all(isinstance(d, str) and _DIGEST.fullmatch(d) for d in digests):
            raise SourceError(f"{path}: the entry for {name!r} is {value!r}, not a digest of 64 hex digits\n{fix}")
        out[name] = digests
    return out


def _manifest_text(manifest: dict[str, list[str]]) -> str:
    flat = {name: digests[0] if len(digests) == 1 else digests for name, digests in manifest.items()}
    return json.dumps(flat, indent=1, sort_keys=True) + "\n"


def student_texts(folder=None) -> list[tuple[Path, str]]:
    """Every source notebook with the text of its student copy, every source checked first.

    Args:
        folder: the exercises folder; ``None`` for the kit's ``exercises/``.

    Returns:
        ``(source path, student notebook text)`` for each ``source/*.ipynb``, sorted.

    Raises:
        SourceError: one line per problem found, in every source (file, cell, line, fix).
    """
    folder = Path(folder) if folder is not None else exercises_dir()
    out, problems = [], []
    for src in sorted((folder / "source").glob("*.ipynb")):
        try:
            nb = json.loads(src.read_text(encoding="utf-8"))
            out.append((src, _dumps(student_notebook(nb, where=f"{src}: "))))
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            problems.append(f"{src}: not a readable notebook ({err})\n"
                            "  How to fix: open and save it in JupyterLab, or restore it with git")
        except OSError as err:
            problems.append(f"{src}: cannot be read ({err.strerror or err})\n"
                            "  How to fix: check that the file is yours and readable (ls -l)")
        except SourceError as err:
            problems.append(str(err))
    if problems:
        raise SourceError("\n".join(problems))
    return out


def build(folder=None, *, dry_run: bool = False) -> list[tuple[str, str]]:
    """Generate the student notebooks from the instructor sources in ``folder/source``.

    Every source is checked before anything is written. A student notebook is
    replaced only if it is exactly what an earlier build wrote (its digest is in
    ``source/generated.json``). One a learner has changed is kept, and the new copy
    is written beside it as ``NAME.new.ipynb``.

    Args:
        folder: the exercises folder; ``None`` for the kit's ``exercises/``.
        dry_run: report what would happen and write nothing.

    Returns:
        ``(file name, what happened)`` for each source: ``"up to date"``,
        ``"written"``, or ``"kept your edited copy; new version in ..."``.

    Raises:
        SourceError: a source or ``generated.json`` cannot be used (nothing is written then).
        OSError: a file could not be written (each file written so far is complete, and
            recorded, so the next build goes on from there).

    >>> [action for _, action in build(dry_run=True)][:1]
    ['up to date']
    """
    folder = Path(folder) if folder is not None else exercises_dir()
    manifest_path = folder / "source" / MANIFEST
    manifest = read_manifest(manifest_path)
    texts = student_texts(folder)
    report = []

    def save_manifest():
        if not dry_run:
            write_atomically(manifest_path, _manifest_text(manifest))

    for src, text in texts:
        target = folder / src.name
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            manifest[target.name] = [_digest(text)]
            report.append((target.name, "up to date"))
            continue
        if current is not None and _digest(current) not in manifest.get(target.name, []):
            target = _beside(target, manifest, text)
            if target is None:
                report.append((src.name, "kept your edited copy; the new version is already beside it"))
                continue
            action = f"kept your edited copy; new version in {target.name}"
        else:
            action = "written"
        if not dry_run:
            # the record names the old and the new version while the file changes, so that a build
            # stopped in between still knows both as its own
            manifest[target.name] = [*manifest.get(target.name, [])[-1:], _digest(text)]
            save_manifest()
            write_atomically(target, text)
        manifest[target.name] = [_digest(text)]
        report.append((src.name, action))
    stale = [name for name in manifest if not (folder / name).exists()]
    for name in stale:
        del manifest[name]  # a NAME.new.ipynb someone deleted, or a source that was removed
    if not dry_run and (not manifest_path.exists() or read_manifest(manifest_path) != manifest):
        save_manifest()
    return report


def _beside(target: Path, manifest: dict, text: str) -> Path | None:
    """A free name beside an edited notebook: NAME.new.ipynb, NAME.new-2.ipynb …"""
    stem = target.name[: -len(".ipynb")]
    for n in range(1, 100):
        candidate = target.with_name(f"{stem}.new{'' if n == 1 else f'-{n}'}.ipynb")
        if not candidate.exists():
            return candidate
        current = candidate.read_text(encoding="utf-8")
        if current == text:
            return None
        if _digest(current) in manifest.get(candidate.name, []):
            return candidate  # an earlier build wrote it and nobody touched it
    raise SourceError(f"too many edited copies beside {target}\n  How to fix: tidy up the .new notebooks first")


def _unknown_ids(folder: Path, bank) -> list[str]:
    """A line for each ``check("id", ...)`` of a source notebook that no check file defines."""
    problems = []
    for src in sorted((folder / "source").glob("*.ipynb")):
        nb = json.loads(src.read_text(encoding="utf-8"))
        for i, cell in enumerate(nb.get("cells", []), start=1):
            for qid in _CHECKED.findall(_cell_text(cell)) if cell.get("cell_type") == "code" else []:
                if qid not in bank:
                    topic, _, key = qid.partition(".")
                    problems.append(f"{src}: cell {i}: check({qid!r}, ...) names no question\n  How to fix: "
                                    f"write {key or 'q1'} = Question(...) in exercises/checks/{topic}.py, "
                                    "or correct the id")
    return problems


def main(argv=None) -> int:
    """``python -m helpers.exercises build [--dry-run]``: generate the student notebooks.

    Args:
        argv: the command-line arguments after the program name; ``None`` for ``sys.argv[1:]``.

    Returns:
        The exit status: 0 when every notebook is up to date or written, 1 when
        something must be fixed first (nothing is written then), 2 for a wrong command.

    >>> main(["build", "--dry-run"])  # doctest: +ELLIPSIS
    01-reading.ipynb            up to date
    ...
    0
    """
    args = sys.argv[1:] if argv is None else list(argv)
    if not args or args[0] in ("-h", "--help") or args[0] != "build":
        print("usage: python -m helpers.exercises build [--dry-run]\n"
              "  Generates exercises/NAME.ipynb from exercises/source/NAME.ipynb, calling every\n"
              "  function of the check files on the article first. A student notebook a learner\n"
              "  edited is never overwritten.")
        return 0 if args and args[0] in ("-h", "--help") else 2
    folder = exercises_dir()
    try:
        bank = load_questions()
        notes = [note for q in bank.values() for note in validate_question(q)]
        read_manifest(folder / "source" / MANIFEST)
        student_texts(folder)  # every source checked before the ids they name
        unknown = _unknown_ids(folder, bank)
        if unknown:
            raise SourceError("\n".join(unknown))
        report = build(folder, dry_run="--dry-run" in args)
    except (DataFileError, SourceError) as err:
        print(f"error: {err}\nNothing was written.", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"error: {getattr(err, 'filename', None) or folder}: could not be written "
              f"({err.strerror or err})\n  How to fix: free some disk space, or check that the folder is "
              "yours and writable (ls -l), then run make exercises again: the notebooks written so far "
              "are complete and recorded.", file=sys.stderr)
        return 1
    for name, action in report:
        print(f"{name:<28}{action}")
    for note in notes:
        print(f"note: {note}")
    return 0
