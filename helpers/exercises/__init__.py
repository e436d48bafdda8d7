"""Self-paced exercises: instant feedback with ``check``, progressive hints, progress.

Every exercise notebook in ``exercises/`` asks questions about the article; the
learner writes an answer and runs ``check("reading.q1", answer)``. The answer is
compared with the one the kit's own functions compute from the article, written
with its hints and its common wrong answers in a check file
``exercises/checks/<topic>.py``: a plain Python module of ``Question(...)``s, with the
answers as small functions of the article (``lambda article: len(article.paragraphs)``),
which the kit imports like any module. An instructor adds a question there without
touching this module; no text from any file is ever evaluated. Feedback is
always one kind line — ✓ with an explanation, or a hint aimed at the mistake —
never a traceback. Progress (which questions are done) is kept in a small JSON
file outside the notebooks (``.progress/progress.json``, or ``$HELPERS_PROGRESS``).

Student notebooks are generated from instructor sources in ``exercises/source/``
by ``python -m helpers.exercises build`` (``make exercises``): code between
``### BEGIN SOLUTION`` and ``### END SOLUTION`` becomes ``...`` and outputs are
stripped. A student notebook a learner has edited is never overwritten.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import importlib.machinery
import json
import math
import os
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..datafiles import DataFileError, file_stamp

__all__ = [
    "Feedback", "Question", "Wrong", "check", "grade", "hints", "next_hint", "show_hints",
    "questions", "load_questions", "validate_question", "progress", "progress_table", "show_progress",
]

_ROOT = Path(__file__).resolve().parent.parent.parent
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
NOT_ANSWERED = "not answered yet"


def exercises_dir() -> Path:
    """The exercises folder: ``$HELPERS_EXERCISES`` if set, else the kit's ``exercises/``."""
    env = os.environ.get("HELPERS_EXERCISES")
    return Path(env).expanduser().resolve() if env else _ROOT / "exercises"


# --- the question bank --------------------------------------------------------------

_COMPARES = ("exact", "unordered", "approx", "text")
# what the kit passes to each kind of function, by parameter name
_PASSES = {"expected": ("article",), "accept": ("answer", "article"), "answer": ("article",),
           "when": ("answer", "article"), "example": ("article",)}


class CheckError(ValueError):
    """A question written in a way the kit cannot use: what is wrong and how to fix it."""

    def __init__(self, problem: str, fix: str):
        self.problem, self.fix = problem, fix
        super().__init__(f"{problem}\n  How to fix: {fix}")


def _parameters(fn) -> tuple[str, ...]:
    import inspect

    try:
        return tuple(p.name for p in inspect.signature(fn).parameters.values()
                     if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD))
    except (TypeError, ValueError):  # a built-in without a signature: called with nothing
        return ()


def _need_function(role: str, fn, what: str) -> None:
    """Refuse anything but a function whose parameters the kit knows how to fill."""
    passes = _PASSES[role]
    if not callable(fn):
        raise CheckError(f"{role}={fn!r} is a value, not a function",
                         f"write a function the kit calls on {what}: {role}=lambda {passes[0]}: ...")
    unknown = [name for name in _parameters(fn) if name not in passes]
    if unknown:
        raise CheckError(f"the function given as {role} takes a parameter named {unknown[0]!r}",
                         f"name its parameters after what the kit passes in: {' and/or '.join(passes)}, "
                         f"e.g. {role}=lambda {', '.join(passes)}: ...")


@dataclass(frozen=True, kw_only=True)
class Wrong:
    """A common wrong answer and the hint it gets.

    Attributes:
        hint: the line the learner sees for this mistake.
        answer: a function of the article computing the wrong value the way a learner
            would, e.g. ``lambda article: len(article.sentences)``.
        when: a test on the learner's ``answer`` that is true for this mistake, e.g.
            ``lambda answer: answer == "SCO"`` (it may take ``article`` too).
        example: with ``when`` alone, one such wrong answer: a value, or a function of
            the article computing one.

    >>> Wrong(answer=lambda article: len(article.sentences), hint="Count paragraphs.").hint
    'Count paragraphs.'
    """

    hint: str = ""
    answer: Callable | None = None
    when: Callable | None = None
    example: Any = None

    def __post_init__(self) -> None:
        if not isinstance(self.hint, str) or not self.hint:
            raise CheckError("a wrong answer has no hint", 'add  hint="what the learner should look at"')
        if self.answer is None and self.when is None:
            raise CheckError("a wrong answer needs answer= or when=",
                             "give answer=lambda article: ... (the wrong value), or when=lambda answer: ... "
                             "(a test on the learner's answer) with an example=")
        if self.answer is not None:
            _need_function("answer", self.answer, "the article")
        if self.when is not None:
            _need_function("when", self.when, "the learner's answer")
            if self.answer is None and self.example is None:
                raise CheckError("a wrong answer with when= has no example=",
                                 "add  example=  one answer a learner might give (the tests check it gets this hint)")
        if callable(self.example):
            _need_function("example", self.example, "the article")


@dataclass(frozen=True, kw_only=True, repr=False)
class Question:
    """One question, written in a check file ``exercises/checks/<topic>.py`` as ``qN = Question(...)``.

    Attributes:
        title: a few words naming the question (the name ``qN`` if not given).
        expected: a function of the article computing the right answer, e.g.
            ``lambda article: len(article.paragraphs)``.
        accept: for open questions instead of ``expected``, a test true for any good
            ``answer``, e.g. ``lambda answer, article: answer in article.words``.
        compare: ``"exact"``, ``"unordered"`` (order does not matter), ``"approx"``
            (numbers within ``tolerance``) or ``"text"`` (ignores case and spaces).
        explain: the line shown with ✓ (``{expected}`` and ``{answer}`` are filled in).
        hints: progressive hints, mildest first.
        wrong: common wrong answers (:class:`Wrong`) and the hint each one gets.
        qid, path, line: filled in by the kit: ``"<topic>.<name>"``, the check file and
            the line where the question starts.

    >>> q = Question(expected=lambda article: len(article.paragraphs), explain="Right: {expected}.")
    >>> q.compare, q.hints
    ('exact', ())
    """

    title: str = ""
    expected: Callable | None = None
    accept: Callable | None = None
    compare: str = "exact"
    tolerance: float = 1e-6
    explain: str = ""
    hints: tuple[str, ...] = ()
    wrong: tuple[Wrong, ...] = ()
    qid: str = ""
    path: Path | None = None
    line: int | None = None
    end_line: int | None = None

    def __post_init__(self) -> None:
        if (self.expected is None) == (self.accept is None):
            raise CheckError("a question needs exactly one of expected= or accept=",
                             "give expected=lambda article: ... (computing the answer) for a question with one "
                             "right answer, or accept=lambda answer: ... (true for any good answer) for an open one")
        if self.expected is not None:
            _need_function("expected", self.expected, "the article")
        else:
            _need_function("accept", self.accept, "the learner's answer")
        if not isinstance(self.explain, str) or not self.explain:
            raise CheckError("a question has no explain=",
                             'add  explain="one line telling the learner why the answer is right"')
        if self.compare not in _COMPARES:
            raise CheckError(f"compare={self.compare!r} is not a way to compare",
                             f"use one of {', '.join(repr(c) for c in _COMPARES)}")
        if isinstance(self.tolerance, bool) or not isinstance(self.tolerance, (int, float)):
            raise CheckError(f"tolerance={self.tolerance!r} is not a number", "write a number, e.g. tolerance=0.01")
        hints_ = (self.hints,) if isinstance(self.hints, str) else tuple(self.hints)
        if not all(isinstance(h, str) for h in hints_):
            raise CheckError("hints= holds something that is not text", 'write hints=["first hint", "second hint"]')
        wrong = (self.wrong,) if isinstance(self.wrong, Wrong) else tuple(self.wrong)
        if not all(isinstance(w, Wrong) for w in wrong):
            raise CheckError("wrong= holds something that is not a Wrong(...)",
                             'write wrong=[Wrong(answer=lambda article: ..., hint="...")]')
        object.__setattr__(self, "hints", hints_)
        object.__setattr__(self, "wrong", wrong)

    @property
    def key(self) -> str:
        """The question's name in its check file: ``"q1"`` for ``"reading.q1"``."""
        return self.qid.split(".", 1)[-1]

    def source(self) -> str:
        """The question as written in its check file.

        >>> print(load_questions()["reading.q1"].source().splitlines()[0])
        q1 = Question(
        """
        if self.path is None or self.line is None:
            return repr(self)
        lines = self.path.read_text(encoding="utf-8-sig").splitlines()
        return "\n".join(lines[self.line - 1: self.end_line or self.line])

    def __repr__(self) -> str:
        where = f" ({self.path.name}, line {self.line})" if self.path and self.line else ""
        return f"<Question {self.qid or '?'}: {self.title!r}{where}>"


class _ChecksLoader(importlib.machinery.SourceFileLoader):
    """Imports a check file like any module, without writing ``__pycache__`` beside it."""

    def set_data(self, path, data, *, _mode=0o666) -> None:
        pass


def _assignments(path: Path) -> dict[str, tuple[int, int]]:
    """The first and last line of each top-level ``name = ...`` of a check file."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8-sig"), str(path))
    return {t.id: (node.lineno, node.end_lineno) for node in tree.body if isinstance(node, ast.Assign)
            for t in node.targets if isinstance(t, ast.Name)}


def _line_in(path: Path, err: BaseException) -> int | None:
    """The last line of ``path`` the error passed through, if any."""
    import traceback

    lines = [frame.lineno for frame in traceback.extract_tb(err.__traceback__)
             if Path(frame.filename) == path]
    return lines[-1] if lines else None


def _where(path: Path, line: int | None) -> str:
    """``"question q3: "`` when ``line`` falls inside a question of the file."""
    if line is None:
        return ""
    try:
        spans = _assignments(path)
    except SyntaxError:
        return ""
    return next((f"question {name}: " for name, (a, b) in spans.items() if a <= line <= b), "")


_FIX_IMPORT = ("every name the functions use is imported at the top of the file (from helpers import ...); "
               "the article is passed in: write lambda article: ...")


def _import_problem(path: Path, err: Exception) -> DataFileError:
    """Turn what stopped a check file from importing into a message with file, line and fix."""
    if isinstance(err, SyntaxError) and err.filename and Path(err.filename) == path:
        return DataFileError(path, f"this is not valid Python ({err.msg})",
                             "compare with the other questions of the file: each Question(...) closes its brackets, "
                             "text is in quotes, fields are separated by commas", line=err.lineno)
    line = _line_in(path, err)
    where = _where(path, line)
    if isinstance(err, CheckError):
        return DataFileError(path, where + err.problem, err.fix, line=line)
    unknown = re.search(r"(Question|Wrong)\.__init__\(\) got an unexpected keyword argument '(\w+)'", str(err))
    if isinstance(err, TypeError) and unknown:
        cls = Question if unknown.group(1) == "Question" else Wrong
        fields = [f.name for f in dataclasses.fields(cls) if f.name not in ("qid", "path", "line", "end_line")]
        close = difflib.get_close_matches(unknown.group(2), fields, n=1)
        return DataFileError(path, f"{where}{unknown.group(1)}(...) has an unknown field {unknown.group(2)!r}",
                             f"did you mean {close[0]!r}?" if close else f"use only: {', '.join(fields)}", line=line)
    fix = _FIX_IMPORT if isinstance(err, (NameError, ImportError)) else \
        "run the file's lines in a notebook cell to see the mistake, or compare with the other questions"
    return DataFileError(path, f"{where}the file stops with {type(err).__name__}: {err}", fix, line=line)


@lru_cache(maxsize=16)
def _load_file(path: str, stamp) -> tuple[Question, ...]:
    import importlib.util

    path = Path(path)
    topic = path.stem
    loader = _ChecksLoader(f"exercise_checks_{topic}", str(path))
    spec = importlib.util.spec_from_file_location(loader.name, path, loader=loader)
    module = importlib.util.module_from_spec(spec)
    try:
        loader.exec_module(module)
    except Exception as err:  # any mistake in the file: say where, never a traceback
        raise _import_problem(path, err) from None
    spans = _assignments(path)
    out = []
    for name, value in vars(module).items():
        if isinstance(value, Question) and not name.startswith("_"):
            first, last = spans.get(name, (None, None))
            out.append(dataclasses.replace(value, qid=f"{topic}.{name}", title=value.title or name,
                                           path=path, line=first, end_line=last))
    return tuple(out)


def load_questions(folder=None) -> dict[str, Question]:
    """Every question of the bank, by id, imported from the check files ``exercises/checks/*.py``.

    Args:
        folder: a folder of check files; ``None`` for the kit's own.

    Returns:
        A dict from question id (``"reading.q1"``) to :class:`Question`.

    Raises:
        DataFileError: a check file cannot be used (the message says where and how to fix it).

    >>> bank = load_questions()
    >>> bank["reading.q1"].title
    'Paragraphs'
    """
    folder = Path(folder) if folder is not None else exercises_dir() / "checks"
    bank = {}
    order = _topic_order()
    paths = [p for p in folder.glob("*.py") if not p.name.startswith("_")]
    for path in sorted(paths, key=lambda p: (order.get(p.stem, 99), p.stem)):
        for q in _load_file(str(path.resolve()), file_stamp(path)):
            bank[q.qid] = q
    return bank


def questions(topic: str | None = None) -> list[str]:
    """The ids of the questions in the bank, in order; only ``topic``'s if given.

    Args:
        topic: an exercise notebook's topic, e.g. ``"reading"``; ``None`` for all.

    Returns:
        A list of question ids such as ``"reading.q1"``; empty for an unknown topic.

    Raises:
        DataFileError: a check file cannot be used (as for :func:`load_questions`).

    >>> questions("reading")[:3]
    ['reading.q1', 'reading.q2', 'reading.q3']
    """
    return [qid for qid in load_questions() if topic is None or qid.split(".")[0] == topic]


def _call(question: Question, role: str, fn, answer=None):
    """Call one of a question's functions with what its parameters ask for.

    Raises:
        DataFileError: the function failed (the message names the check file and line).
    """
    from ..article import load_article

    if not callable(fn):
        return fn  # an example given as a value
    names = _parameters(fn)
    kwargs = {"article": load_article()} if "article" in names else {}
    if "answer" in names:
        kwargs["answer"] = answer
    try:
        return fn(**kwargs)
    except Exception as err:  # an instructor's function is wrong: say where
        path = question.path or Path("<check file>")
        line = _line_in(path, err) or getattr(getattr(fn, "__code__", None), "co_firstlineno", None)
        raise DataFileError(path, f"the {role} of question {question.key} failed: {type(err).__name__}: {err}",
                            "try the function's body in a notebook cell after `from helpers import *` and "
                            "`article = load_article()`; " + _FIX_IMPORT, line=line) from None


def _wrong_value(question: Question, wrong: Wrong):
    """The value of a listed wrong answer: its ``answer`` computed, or its ``example``."""
    if wrong.answer is not None:
        return _call(question, "wrong answer", wrong.answer)
    return _call(question, "example of a wrong answer", wrong.example)


def validate_question(question: Question) -> None:
    """Call every function of a question on the article, as ``make exercises`` does first.

    Each listed wrong answer must be computable, must not pass as right, and an
    ``example`` must pass its own ``when`` test.

    Args:
        question: a :class:`Question`, e.g. ``load_questions()["reading.q1"]``.

    Returns:
        None when every check passes.

    Raises:
        DataFileError: what failed, with the check file, line and fix.

    >>> validate_question(load_questions()["reading.q5"])
    """
    expected = _call(question, "expected answer", question.expected) if question.expected is not None else None
    for number, wrong in enumerate(question.wrong, start=1):
        value = _wrong_value(question, wrong)
        if wrong.when is not None and not _call(question, f"when test of wrong answer {number}", wrong.when, value) \
                and wrong.answer is None:
            raise DataFileError(question.path, f"question {question.key}: the example of wrong answer {number} "
                                               f"({value!r}) does not pass its own when test",
                                "make the example an answer the test is meant to catch", line=question.line)
        if _right(question, value, expected):
            raise DataFileError(question.path, f"question {question.key}: wrong answer {number} ({value!r}) "
                                               "would be accepted as right, so its hint is never shown",
                                "change the wrong answer, or the expected answer if that is the mistake",
                                line=question.line)


# --- grading ------------------------------------------------------------------------

@dataclass(frozen=True)
class Feedback:
    """What ``check`` says about an answer.

    Attributes:
        qid: the question id.
        status: ``"correct"``, ``"wrong"``, ``"unanswered"`` or ``"error"`` (the
            question cannot be checked: unknown id or a broken check file).
        message: one line for the learner.
        note: an extra line, e.g. when progress could not be saved.
    """

    qid: str
    status: str
    message: str
    note: str = ""

    def __bool__(self) -> bool:
        return self.status == "correct"

    def __str__(self) -> str:
        mark = {"correct": "✓", "wrong": "✗", "unanswered": "…", "error": "?"}[self.status]
        return f"{mark} {self.qid}: {self.message}" + (f"\n  ({self.note})" if self.note else "")

    __repr__ = __str__

    def _repr_html_(self) -> str:
        import html

        colour = {"correct": "#009E73", "wrong": "#D55E00", "unanswered": "#555", "error": "#CC79A7"}[self.status]
        note = f"<br><small>{html.escape(self.note)}</small>" if self.note else ""
        return (f'<div style="border-left:4px solid {colour};padding:2px 8px">'
                f"{html.escape(str(self).splitlines()[0])}{note}</div>")

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display({"text/plain": str(self), "text/html": self._repr_html_()}, raw=True)
        if self.status in ("wrong", "unanswered") and hints(self.qid):
            display(show_hints(self.qid))


def _plain(value):
    """Learner-friendly normal form: tuples → lists, Counters → dicts, numpy → Python."""
    if hasattr(value, "item") and callable(value.item) and getattr(value, "shape", None) == ():
        value = value.item()
    elif hasattr(value, "tolist") and callable(value.tolist):
        value = value.tolist()
    if isinstance(value, dict):
        return {_plain_key(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return {_plain_key(v) for v in value}
    return value


def _plain_key(value):
    value = _plain(value)
    return tuple(value) if isinstance(value, list) else value


def _kind(value) -> str:
    if isinstance(value, bool):
        return "True or False"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a piece of text (a string)"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, (set, frozenset)):
        return "a set"
    if isinstance(value, dict):
        return "a dictionary (or Counter)"
    return f"a {type(value).__name__}"


def _same(a, b, compare: str, tolerance: float) -> bool:
    a, b = _plain(a), _plain(b)
    if compare == "text" and isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
    if compare == "unordered" and isinstance(a, (list, set)) and isinstance(b, (list, set)):
        try:
            return sorted(map(repr, a)) == sorted(map(repr, b)) if isinstance(a, list) and isinstance(b, list) \
                else {_plain_key(x) for x in a} == {_plain_key(x) for x in b}
        except TypeError:
            return False
    numbers = (int, float)
    if compare == "approx" and isinstance(a, numbers) and isinstance(b, numbers) \
            and not isinstance(a, bool) and not isinstance(b, bool):
        return math.isclose(a, b, rel_tol=tolerance, abs_tol=tolerance)
    if isinstance(a, bool) != isinstance(b, bool):
        return False
    return a == b


def _generic_hint(answer, expected, question: Question) -> str:
    """A hint for a mistake no check file names: type, case, order, length, size."""
    a, e = _plain(answer), _plain(expected)
    if _kind(a) != _kind(e):
        if isinstance(a, str) and isinstance(e, (int, float)) and a.strip().lstrip("-").replace(".", "", 1).isdigit():
            return f"your answer is the text {answer!r}; give the number itself, without quotes."
        if isinstance(e, int) and isinstance(a, (list, set, dict)):
            return f"your answer is {_kind(a)}, but this question wants a number: count it with len(...)."
        return f"your answer is {_kind(a)}, but this question wants {_kind(e)}."
    if isinstance(a, str):
        if a.casefold() == e.casefold():
            return "right word, but check capital letters: the kit's words are lower-cased."
        if " ".join(a.split()) == " ".join(e.split()):
            return "right text, but with extra spaces: try .strip()."
    if isinstance(a, list):
        if len(a) != len(e):
            return f"your list has {len(a)} items; the answer has {len(e)}."
        try:
            if sorted(map(repr, a)) == sorted(map(repr, e)):
                return "the right items, but not in the right order."
        except TypeError:
            pass
    if isinstance(a, (set, dict)) and len(a) != len(e):
        return f"yours has {len(a)} entries; the answer has {len(e)}."
    if isinstance(a, (int, float)) and not isinstance(a, bool) and isinstance(e, (int, float)):
        return "not quite: your number is too " + ("high." if a > e else "low.")
    return "not yet."


def _id_ranges(bank: dict[str, Question]) -> str:
    """The ids in the bank, one range per notebook: ``reading.q1 to reading.q6; frequency.q1 to ...``."""
    by_topic: dict[str, list[str]] = {}
    for key in bank:
        by_topic.setdefault(key.split(".")[0], []).append(key)
    return "; ".join(ids[0] if len(ids) == 1 else f"{ids[0]} to {ids[-1]}" for ids in by_topic.values())


def _find(qid) -> tuple[Question | None, str]:
    """The question with id ``qid``, or ``None`` and a line saying what is wrong and which ids exist."""
    try:
        bank = load_questions()
    except DataFileError as err:
        return None, f"the checks cannot be read: {err}"
    if not isinstance(qid, str):
        return None, (f"the question id should be text in quotes, like \"reading.q1\", not {qid!r}. "
                      f"The ids are {_id_ranges(bank)}.")
    if qid in bank:
        return bank[qid], ""
    same_key = [k for k in bank if k.split(".", 1)[-1] == qid]
    if same_key:
        return None, f"which notebook's {qid!r}? Write the full id: {', '.join(same_key)}."
    topic = [k for k in bank if k.split(".")[0] == qid.split(".")[0]]
    if topic:
        return None, f"there is no question {qid!r}: this notebook's questions are {topic[0]} to {topic[-1]}."
    close = difflib.get_close_matches(qid, list(bank), n=1, cutoff=0.6)
    fix = f" Did you mean {close[0]!r}?" if close else f" The ids are {_id_ranges(bank)}."
    return None, f"there is no question {qid!r}.{fix}"


def grade(qid: str, answer=...) -> Feedback:
    """Compare an answer with the question's right answer, without recording progress.

    Args:
        qid: the question id, e.g. ``"reading.q1"``.
        answer: the learner's answer; ``...`` (the placeholder) means not answered yet.

    Returns:
        A :class:`Feedback`. Never raises: a wrong type, ``None``, an unknown id
        or a broken check file all give a message instead.

    >>> from helpers import load_article
    >>> article = load_article()
    >>> grade("reading.q1", len(article.paragraphs))
    ✓ reading.q1: Right: the cleaned body has 47 paragraphs; the photo credit, title and byline were taken out.
    >>> grade("reading.q1", "47")
    ✗ reading.q1: your answer is the text '47'; give the number itself, without quotes.
    """
    question, problem = _find(qid)
    if question is None:
        return Feedback(str(qid), "error", problem)
    if answer is ...:
        return Feedback(qid, "unanswered", f"{NOT_ANSWERED}: replace the ... with your answer, then run the cell.")
    if answer is None:
        return Feedback(qid, "wrong", "your answer is None: did the cell assign it, or use print() "
                                      "(which shows a value but gives back None)?")
    try:
        return _grade(question, answer)
    except DataFileError as err:
        return Feedback(qid, "error", f"this question's check is broken: {err}")
    except Exception as err:  # a strange answer object: still no traceback
        return Feedback(qid, "wrong", f"this answer could not be compared ({type(err).__name__}: {err}).")


def _fill(question: Question, text: str, answer, expected) -> str:
    try:
        return text.format(answer=answer, expected=expected)
    except (KeyError, IndexError, ValueError, AttributeError):
        return text


def _right(question: Question, answer, expected) -> bool:
    """Whether ``answer`` is right: equal to ``expected``, or passing the question's accept test."""
    if question.expected is not None:
        return _same(answer, expected, question.compare, question.tolerance)
    try:
        return bool(_call(question, "accept test", question.accept, answer))
    except DataFileError:
        return False  # the test does not apply to this kind of answer


def _grade(question: Question, answer) -> Feedback:
    qid = question.qid
    expected = _call(question, "expected answer", question.expected) if question.expected is not None else None
    if _right(question, answer, expected):
        return Feedback(qid, "correct", _fill(question, question.explain, answer, expected))
    for w in question.wrong:
        hit = w.answer is not None and _same(answer, _call(question, "wrong answer", w.answer),
                                             question.compare, question.tolerance)
        if not hit and w.when is not None:
            try:
                hit = bool(_call(question, "when test", w.when, answer))
            except DataFileError:
                hit = False  # the test does not apply to this kind of answer
        if hit:
            return Feedback(qid, "wrong", _fill(question, w.hint, answer, expected))
    if expected is None:
        return Feedback(qid, "wrong", "not yet: this answer does not fit the question." +
                        (" Try a hint." if question.hints else ""))
    message = _generic_hint(answer, expected, question)
    return Feedback(qid, "wrong", message + (" Try a hint." if question.hints and message == "not yet." else ""))


def check(qid: str, answer=...) -> Feedback:
    """Check an answer and record the result in your progress file.

    Args:
        qid: the question id shown in the exercise, e.g. ``"reading.q1"``.
        answer: your answer; leave ``...`` until you have one.

    Returns:
        A :class:`Feedback`: ✓ and why, or a hint aimed at the mistake. In a
        notebook a wrong answer also shows a "Show a hint" button.

    >>> check("reading.q1", ...)
    … reading.q1: not answered yet: replace the ... with your answer, then run the cell.
    >>> check("reading.q99", 3)
    ? reading.q99: there is no question 'reading.q99': this notebook's questions are reading.q1 to reading.q6.
    """
    feedback = grade(qid, answer)
    if feedback.status in ("correct", "wrong"):
        note = _record(feedback)
        if note:
            feedback = Feedback(feedback.qid, feedback.status, feedback.message, note)
    return feedback


# --- hints --------------------------------------------------------------------------

def hints(qid: str) -> list[str]:
    """The hints of a question, mildest first.

    Args:
        qid: the question id, e.g. ``"reading.q1"``.

    Returns:
        A list of hint texts; empty for a question with no hints. Like :func:`check`
        it never raises: for an id that is not a question, the list holds the one line
        ``check`` would give, saying what is wrong and which ids exist.

    >>> hints("reading.q1")[0]
    'The article object has an attribute holding its paragraphs: try article. and the Tab key.'
    >>> hints("reading.q99")
    ["? reading.q99: there is no question 'reading.q99': this notebook's questions are reading.q1 to reading.q6."]
    """
    question, problem = _find(qid)
    return list(question.hints) if question else [str(Feedback(str(qid), "error", problem))]


def next_hint(qid: str, shown: int) -> tuple[int, str]:
    """Reveal one more hint: the logic behind the "Show a hint" button.

    Args:
        qid: the question id.
        shown: how many hints are shown now.

    Returns:
        ``(shown, text)``: the new number of hints shown and the text to show
        (hints numbered, one per line; a note when there are no more).

    >>> next_hint("reading.q1", 0)[0]
    1
    >>> print(next_hint("reading.q1", 1)[1])  # doctest: +ELLIPSIS
    Hint 1: The article object has an attribute ...
    Hint 2: ...
    """
    question, problem = _find(qid)
    if question is None:
        return 0, problem
    total = len(question.hints)
    if total == 0:
        return 0, "This question has no hints."
    shown = max(0, min(int(shown) + 1, total))
    lines = [f"Hint {i}: {h}" for i, h in enumerate(question.hints[:shown], start=1)]
    if shown == total:
        lines.append("That was the last hint.")
    return shown, "\n".join(lines)


def show_hints(qid: str):
    """A "Show a hint" button that reveals the question's hints one at a time.

    Args:
        qid: the question id, e.g. ``"reading.q1"``.

    Returns:
        An ipywidgets ``VBox`` (button and hint text); its logic is :func:`next_hint`.
        For an id that is not a question, or a question without hints, the button is
        off and the text says why.

    >>> show_hints("reading.q1").children[0].description
    'Show a hint'
    >>> show_hints("reading.q99").children[1].value
    "there is no question 'reading.q99': this notebook's questions are reading.q1 to reading.q6."
    """
    import html

    import ipywidgets as w

    def as_html(lines: str) -> str:
        return "<br>".join(html.escape(line, quote=False) for line in lines.split("\n"))

    question, problem = _find(qid)
    total = len(question.hints) if question else 0
    button = w.Button(description="Show a hint", icon="lightbulb-o", disabled=total == 0,
                      tooltip=f"{total} hint(s) for {qid}")
    text = w.HTML()
    if total == 0:
        button.description = "No hints"
        text.value = as_html(next_hint(qid, 0)[1])  # what is wrong: no such question, or no hints
    state = {"shown": 0}

    def reveal(_=None):
        state["shown"], shown_text = next_hint(qid, state["shown"])
        text.value = as_html(shown_text)
        if state["shown"] >= total:
            button.disabled, button.description = True, "No more hints"
        else:
            button.description = f"Show hint {state['shown'] + 1} of {total}"

    button.on_click(reveal)
    box = w.VBox([button, text])
    box.reveal = reveal  # so a test can press the button without a browser
    return box


# --- progress -----------------------------------------------------------------------

def progress_path() -> Path:
    """Where progress is kept: ``$HELPERS_PROGRESS`` if set, else ``.progress/progress.json``."""
    env = os.environ.get("HELPERS_PROGRESS")
    return Path(env).expanduser() if env else _ROOT / ".progress" / "progress.json"


def progress() -> dict[str, dict]:
    """Your progress so far: for each question tried, its status and number of tries.

    Returns:
        ``{qid: {"status": "done" | "tried", "tries": n, "last": iso-time}}``;
        empty if nothing is recorded yet.

    Raises:
        DataFileError: the progress file is damaged (it is never overwritten then).

    >>> isinstance(progress(), dict)
    True
    """
    path = progress_path()
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise DataFileError(path, f"the progress file is damaged ({err})",
                            "rename it (to keep it) or delete it; a new one starts with your next check") from None
    if not isinstance(data, dict) or not isinstance(data.get("questions", {}), dict):
        raise DataFileError(path, "the progress file has an unexpected layout",
                            "rename it (to keep it) or delete it; a new one starts with your next check")
    return data.get("questions", {})


def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a reader sees the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _record(feedback: Feedback) -> str:
    """Add one checked answer to the progress file; returns a note if it could not be saved."""
    try:
        done = progress()
    except DataFileError as err:
        return f"progress not saved: {err.problem}; {err.fix}"
    entry = dict(done.get(feedback.qid, {}))
    entry["tries"] = int(entry.get("tries", 0)) + 1
    entry["status"] = "done" if feedback or entry.get("status") == "done" else "tried"
    entry["last"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    done[feedback.qid] = entry
    try:
        _write_atomically(progress_path(), json.dumps({"version": 1, "questions": done}, indent=1,
                                                      sort_keys=True) + "\n")
    except OSError as err:
        return f"progress not saved to {progress_path()}: {err.strerror or err}"
    return ""


def progress_table() -> list[tuple[str, int, int, list[str]]]:
    """Progress per exercise notebook: ``(topic, done, total, ids still to do)``.

    Returns:
        A list with one tuple per topic, in the order of the exercise notebooks.
        A damaged progress file counts as no progress.

    >>> [row[0] for row in progress_table()][:2]
    ['reading', 'frequency']
    """
    try:
        done = progress()
    except DataFileError:
        done = {}
    topics: dict[str, list[str]] = {}
    for qid in load_questions():
        topics.setdefault(qid.split(".")[0], []).append(qid)
    rank = _topic_order()
    order = sorted(topics, key=lambda t: rank.get(t, 99))
    return [(t, sum(done.get(q, {}).get("status") == "done" for q in topics[t]), len(topics[t]),
             [q for q in topics[t] if done.get(q, {}).get("status") != "done"]) for t in order]


def _topic_order() -> dict[str, int]:
    order = {}
    for path in sorted((exercises_dir() / "source").glob("*.ipynb")):
        m = re.match(r"(\d+)-(.+)", path.stem)
        if m:
            order[m.group(2)] = int(m.group(1))
    return order


def show_progress():
    """A small table of your progress: questions done per exercise notebook.

    Returns:
        Text with one line per exercise notebook, then where the file is kept.

    >>> show_progress().splitlines()[0].split()[0]
    'reading'
    """
    rows = progress_table()
    try:
        progress()
        note = f"Kept in {progress_path()} (only on this computer)."
    except DataFileError as err:
        note = f"Your progress file cannot be read: {err.problem}. {err.fix}."
    lines = [f"{topic:<12}{'●' * d}{'○' * (n - d)}  {d} of {n} done" for topic, d, n, _ in rows]
    return _Text("\n".join(lines + [note]))


class _Text(str):
    """Text that Jupyter shows as it is (not as a quoted string)."""

    def __repr__(self) -> str:
        return str(self)


# --- generating student notebooks ---------------------------------------------------

MANIFEST = "generated.json"


class SourceError(ValueError):
    """An instructor source notebook the generator cannot turn into a student copy."""


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
    ``name = ...`` for each of them, so the cell still runs unanswered.

    >>> print(strip_solutions("### BEGIN SOLUTION\\nq = len(article.paragraphs)\\n### END SOLUTION\\ncheck('reading.q1', q)"))
    q = ...
    check('reading.q1', q)
    """
    lines, out, block = code.split("\n"), [], None
    for number, line in enumerate(lines, start=1):
        marker = line.strip()
        if marker == BEGIN:
            if block is not None:
                raise SourceError(f"{where}line {number}: a second {BEGIN} before {END}")
            block, indent = [], line[: len(line) - len(line.lstrip())]
        elif marker == END:
            if block is None:
                raise SourceError(f"{where}line {number}: {END} without {BEGIN}")
            rest = "\n".join(lines[number:])
            if markdown:
                out.append(indent + "*Write your answer here.*")
            else:
                used = [n for n in _assigned_names("\n".join(b[len(indent):] for b in block))
                        if re.search(rf"\b{n}\b", rest)]
                out.extend([f"{indent}{n} = ..." for n in used] or [indent + "..."])
            block = None
        elif block is not None:
            block.append(line)
        else:
            out.append(line)
    if block is not None:
        raise SourceError(f"{where}{BEGIN} is never closed: add a line {END}")
    return "\n".join(out)


def student_notebook(source: dict, where: str = "") -> dict:
    """The student copy of an instructor notebook: solutions → ``...``, outputs stripped."""
    cells = []
    for i, cell in enumerate(source.get("cells", []), start=1):
        text = _cell_text(cell)
        kind = cell.get("cell_type")
        text = strip_solutions(text, where=f"{where}cell {i}, ", markdown=kind != "code")
        new = {"cell_type": kind, "metadata": {}, "source": _source_lines(text)}
        if kind == "code":
            new.update(execution_count=None, outputs=[])
        cells.append(new)
    return {"cells": cells, "metadata": {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 4}


def _source_lines(text: str) -> list[str]:
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def _dumps(nb: dict) -> str:
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build(folder=None, *, dry_run: bool = False) -> list[tuple[str, str]]:
    """Generate the student notebooks from the instructor sources in ``folder/source``.

    A student notebook is replaced only if it is exactly what the previous build
    wrote (its hash is in ``source/generated.json``). One a learner has changed is
    kept, and the new copy is written beside it as ``NAME.new.ipynb``.

    Args:
        folder: the exercises folder; ``None`` for the kit's ``exercises/``.
        dry_run: report what would happen and write nothing.

    Returns:
        ``(file name, what happened)`` for each source: ``"up to date"``,
        ``"written"``, or ``"kept your edited copy; new version in ..."``.
    """
    folder = Path(folder) if folder is not None else exercises_dir()
    source_dir = folder / "source"
    manifest_path = source_dir / MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    report = []
    for src in sorted(source_dir.glob("*.ipynb")):
        try:
            nb = json.loads(src.read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            raise SourceError(f"{src}: not a readable notebook ({err})") from None
        text = _dumps(student_notebook(nb, where=f"{src}: "))
        target = folder / src.name
        if target.exists() and target.read_text(encoding="utf-8") == text:
            manifest[target.name] = _digest(text)
            report.append((target.name, "up to date"))
            continue
        if target.exists() and _digest(target.read_text(encoding="utf-8")) != manifest.get(target.name):
            target = _beside(target, manifest, text)
            if target is None:
                report.append((src.name, "kept your edited copy; the new version is already beside it"))
                continue
            action = f"kept your edited copy; new version in {target.name}"
        else:
            action = "written"
        if not dry_run:
            _write_atomically(target, text)
        manifest[target.name] = _digest(text)
        report.append((src.name, action))
    if not dry_run:
        _write_atomically(manifest_path, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
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
        if _digest(current) == manifest.get(candidate.name):
            return candidate  # an earlier build wrote it and nobody touched it
    raise SourceError(f"too many edited copies beside {target}; tidy up the .new notebooks first")


def main(argv=None) -> int:
    """``python -m helpers.exercises build [--dry-run]``: generate the student notebooks."""
    args = sys.argv[1:] if argv is None else list(argv)
    if not args or args[0] in ("-h", "--help") or args[0] != "build":
        print("usage: python -m helpers.exercises build [--dry-run]\n"
              "  Generates exercises/NAME.ipynb from exercises/source/NAME.ipynb, calling every\n"
              "  function of the check files on the article first. A student notebook a learner\n"
              "  edited is never overwritten.")
        return 0 if args and args[0] in ("-h", "--help") else 2
    try:
        bank = load_questions()
        for q in bank.values():
            validate_question(q)
        report = build(dry_run="--dry-run" in args)
    except (DataFileError, SourceError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    for name, action in report:
        print(f"{name:<28}{action}")
    return 0

