"""The question bank: ``Question`` and ``Wrong``, read from the check files ``exercises/checks/*.py``.

A check file is a plain Python module of ``qN = Question(...)``s, with the answers as
small functions of the article (``lambda article: len(article.paragraphs)``), which
the kit imports like any module; no text from any file is ever evaluated. A mistake
in a check file (a missing bracket, an unknown field, a value where a function
belongs) becomes a :class:`~helpers.datafiles.DataFileError` with the file, the line
and the fix. :func:`validate_question` calls every function of a question on its
article, as ``make exercises`` does before it writes anything.

A question whose answer belongs to one article says so with ``article="NAME"`` (or
the check file says it for all its questions with a line ``article = "NAME"``); on
another article, ``check`` explains that it cannot judge the answer.
"""

from __future__ import annotations

import dataclasses
import difflib
import importlib.machinery
import os
import re
import types
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..article import DEFAULT_ARTICLE, current_article, list_articles, load_article
from ..datafiles import data_dir, DataFileError, file_stamp

__all__ = ["Case", "Question", "Wrong", "load_questions", "questions", "validate_question"]

#: The kit's folder (the one that holds exercises/ and data/).
KIT_ROOT = Path(__file__).resolve().parent.parent.parent
#: Written as a question's ``article=`` in a check file whose questions belong to one
#: article: this question works on any article.
ANY_ARTICLE = "*"
#: The fewest hints a question gives (``make exercises`` checks it).
MIN_HINTS = 2

_COMPARES = ("exact", "unordered", "approx", "text")
# what the kit passes to each kind of function, by parameter name
_PASSES = {"expected": ("article",), "accept": ("answer", "article"), "answer": ("article",),
           "when": ("answer", "article"), "example": ("article",)}
#: The fewest cases a code question runs the learner's function on.
MIN_CASES = 2


def exercises_dir() -> Path:
    """The exercises folder: ``$HELPERS_EXERCISES`` if set, else the kit's ``exercises/``."""
    env = os.environ.get("HELPERS_EXERCISES")
    return Path(env).expanduser().resolve() if env else KIT_ROOT / "exercises"


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


def _need_article_name(value, where: str) -> None:
    if value is not None and not (isinstance(value, str) and value.strip()):
        raise CheckError(f"{where}={value!r} is not an article's name",
                         'write the name of a file in data/articles/ without ".txt", in quotes: '
                         'article="idn-2016-10-31-un-regional-bodies"')


def from_article(value) -> bool:
    """True for a function written ``lambda article: ...``: a case's argument computed from the article."""
    return callable(value) and _parameters(value) == ("article",)


class Case:
    """One small named case a code question runs the learner's function on.

    Written ``Case("name", arg, arg, ..., hint="...")``: the learner's function is called
    with the arguments, and its result compared with what the question's ``solution``
    returns on them. An argument written ``lambda article: ...`` is computed from the
    article (``lambda article: article.words``); any other value is passed as it is.

    Attributes:
        name: a few words saying what the case tries: ``"empty text"``, ``"capitals"``.
        args: the arguments, in order.
        hint: the line shown when the learner's function fails this case (and no listed
            wrong function explains the failure): aimed at the mistake the case catches.

    >>> case = Case("capitals", "The the", hint="lower-case first")
    >>> case.name, case.args, case.hint
    ('capitals', ('The the',), 'lower-case first')
    """

    __slots__ = ("name", "args", "hint")

    def __init__(self, name: str, *args, hint: str = ""):
        if not isinstance(name, str) or not name.strip():
            raise CheckError(f"a case's name {name!r} is not a few words of text",
                             'write Case("empty text", "", hint="..."): its name first, then its arguments')
        if not isinstance(hint, str):
            raise CheckError(f"the hint of case {name!r} is not text", 'write hint="what the learner should look at"')
        self.name, self.args, self.hint = name, tuple(args), hint

    @property
    def uses_article(self) -> bool:
        """True when an argument is computed from the article."""
        return any(from_article(a) for a in self.args)

    def arguments(self, article) -> tuple:
        """The arguments, those written ``lambda article: ...`` computed from ``article``."""
        return tuple(a(article) if from_article(a) else a for a in self.args)

    def __repr__(self) -> str:
        return f"Case({self.name!r})"


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
        function: in a code question, a function written the way a learner would get it
            wrong (``lambda text: text.split()``): when the learner's function returns what
            it returns on the first case that fails, the learner sees this hint.

    >>> Wrong(answer=lambda article: len(article.sentences), hint="Count paragraphs.").hint
    'Count paragraphs.'
    """

    hint: str = ""
    answer: Callable | None = None
    when: Callable | None = None
    example: Any = None
    function: Callable | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.hint, str) or not self.hint:
            raise CheckError("a wrong answer has no hint", 'add  hint="what the learner should look at"')
        if self.function is not None:
            if not callable(self.function):
                raise CheckError(f"function={self.function!r} is a value, not a function",
                                 "write the wrong function the way a learner would: function=lambda text: text.split()")
            if self.answer is not None:
                raise CheckError("a wrong answer has both function= and answer=",
                                 "in a code question write function=; in a question about a value, answer=")
            return
        if self.answer is None and self.when is None:
            raise CheckError("a wrong answer needs answer=, when= or function=",
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
        example: with ``accept``, one good answer (a value, or a function of the
            article computing one); ``make exercises`` checks that it is accepted, and
            its type is what a wrong type is compared with.
        compare: ``"exact"``, ``"unordered"`` (order does not matter), ``"approx"``
            (numbers within ``tolerance``) or ``"text"`` (ignores case and spaces).
        explain: the line shown with ✓ (``{expected}`` and ``{answer}`` are filled in).
        hints: progressive hints, mildest first (at least two).
        wrong: common wrong answers (:class:`Wrong`) and the hint each one gets.
        solution: for a *code question* instead of ``expected``: the reference function
            the learner writes too (``def words_of(text): ...`` in the check file). The
            learner passes their function, ``check("reading.q7", words_of)``, and the kit
            runs it on each of ``cases``, in a separate process with a time limit, and
            compares it with ``solution`` on the same arguments.
        cases: with ``solution``, the small named cases (:class:`Case`) to run, the
            article first, then at least one small one: an empty text, capitals,
            punctuation, a word absent.
        article: the name of the article the answer belongs to, when it belongs to one
            (``None``: any article; the check file's ``article = "NAME"`` if not given;
            ``"*"`` for any article in such a file).
        qid, path, line: filled in by the kit: ``"<topic>.<name>"``, the check file and
            the line where the question starts.

    >>> q = Question(expected=lambda article: len(article.paragraphs), explain="Right: {expected}.")
    >>> q.compare, q.hints, q.article
    ('exact', (), None)
    """

    title: str = ""
    expected: Callable | None = None
    accept: Callable | None = None
    example: Any = None
    compare: str = "exact"
    tolerance: float = 1e-6
    explain: str = ""
    hints: tuple[str, ...] = ()
    wrong: tuple[Wrong, ...] = ()
    solution: Callable | None = None
    cases: tuple[Case, ...] = ()
    article: str | None = None
    qid: str = ""
    path: Path | None = None
    line: int | None = None
    end_line: int | None = None

    def __post_init__(self) -> None:
        if sum(f is not None for f in (self.expected, self.accept, self.solution)) != 1:
            raise CheckError("a question needs exactly one of expected=, accept= or solution=",
                             "give expected=lambda article: ... (computing the answer) for a question with one "
                             "right answer, accept=lambda answer: ... (true for any good answer) for an open one, "
                             "or solution=a_function with cases=[Case(...), ...] for a question whose answer "
                             "is the learner's function")
        self._check_code_fields()
        if self.solution is not None:
            pass
        elif self.expected is not None:
            _need_function("expected", self.expected, "the article")
            if self.example is not None:
                raise CheckError("example= belongs to open questions (accept=), not to one with expected=",
                                 "delete example=: the expected answer is the example")
        else:
            _need_function("accept", self.accept, "the learner's answer")
            if self.example is None:
                raise CheckError("an open question (accept=) has no example=",
                                 "add  example=  one good answer, a value or lambda article: ... "
                                 "(make exercises checks that it is accepted)")
            if callable(self.example):
                _need_function("example", self.example, "the article")
        if not isinstance(self.explain, str) or not self.explain:
            raise CheckError("a question has no explain=",
                             'add  explain="one line telling the learner why the answer is right"')
        if self.compare not in _COMPARES:
            raise CheckError(f"compare={self.compare!r} is not a way to compare",
                             f"use one of {', '.join(repr(c) for c in _COMPARES)}")
        if isinstance(self.tolerance, bool) or not isinstance(self.tolerance, (int, float)):
            raise CheckError(f"tolerance={self.tolerance!r} is not a number", "write a number, e.g. tolerance=0.01")
        _need_article_name(self.article, "article")
        hints_ = (self.hints,) if isinstance(self.hints, str) else tuple(self.hints)
        if not all(isinstance(h, str) for h in hints_):
            raise CheckError("hints= holds something that is not text", 'write hints=["first hint", "second hint"]')
        wrong = (self.wrong,) if isinstance(self.wrong, Wrong) else tuple(self.wrong)
        if not all(isinstance(w, Wrong) for w in wrong):
            raise CheckError("wrong= holds something that is not a Wrong(...)",
                             'write wrong=[Wrong(answer=lambda article: ..., hint="...")]')
        object.__setattr__(self, "hints", hints_)
        object.__setattr__(self, "wrong", wrong)
        if self.solution is None and any(w.function is not None for w in wrong):
            raise CheckError("a wrong answer gives function=, which belongs to code questions (solution=)",
                             "write the wrong value instead: Wrong(answer=lambda article: ..., hint=...)")

    def _check_code_fields(self) -> None:
        """The fields of a code question: a function, and enough named cases."""
        cases = (self.cases,) if isinstance(self.cases, Case) else tuple(self.cases or ())
        if self.solution is None:
            if cases:
                raise CheckError("cases= belongs to code questions, which give solution=",
                                 "add solution=the_reference_function, or delete cases=")
            return
        if not callable(self.solution):
            raise CheckError(f"solution={self.solution!r} is a value, not a function",
                             "define the reference function in the check file (def words_of(text): ...) "
                             "and write solution=words_of")
        if self.example is not None:
            raise CheckError("example= belongs to open questions (accept=), not to a code question",
                             "delete example=: the cases are the examples")
        if not all(isinstance(c, Case) for c in cases):
            raise CheckError("cases= holds something that is not a Case(...)",
                             'write cases=[Case("the article", lambda article: article.text), Case("empty text", "")]')
        if len(cases) < MIN_CASES:
            raise CheckError(f"a code question has {len(cases)} case(s); it runs the learner's function on at "
                             f"least {MIN_CASES}",
                             'add small named cases: Case("empty text", ""), Case("capitals", "The the")')
        names = [c.name for c in cases]
        twice = next((n for n in names if names.count(n) > 1), None)
        if twice is not None:
            raise CheckError(f"two cases are named {twice!r}", "give each case its own name: it is what the learner reads")
        object.__setattr__(self, "cases", cases)

    @property
    def is_code(self) -> bool:
        """True for a code question: the learner's answer is a function (``solution=``)."""
        return self.solution is not None

    @property
    def key(self) -> str:
        """The question's name in its check file: ``"q1"`` for ``"reading.q1"``."""
        return self.qid.split(".", 1)[-1]

    @property
    def topic(self) -> str:
        """The question's check file and notebook topic: ``"reading"`` for ``"reading.q1"``."""
        return self.qid.split(".", 1)[0]

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


# --- reading the check files ----------------------------------------------------------

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


FIX_IMPORT = ("every name the functions use is imported at the top of the file (from helpers import ...); "
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
    fix = FIX_IMPORT if isinstance(err, (NameError, ImportError)) else \
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
    for_file = vars(module).get("article")
    if isinstance(for_file, types.ModuleType):  # `from helpers import *` brings the module helpers.article
        for_file = None
    try:
        _need_article_name(for_file, "the file's line  article ")
    except CheckError as err:
        raise DataFileError(path, err.problem, err.fix, line=spans.get("article", (None,))[0]) from None
    out = []
    for name, value in vars(module).items():
        if isinstance(value, Question) and not name.startswith("_"):
            first, last = spans.get(name, (None, None))
            article = value.article if value.article is not None else for_file
            out.append(dataclasses.replace(value, qid=f"{topic}.{name}", title=value.title or name,
                                           article=None if article == ANY_ARTICLE else article,
                                           path=path, line=first, end_line=last))
    return tuple(out)


def topic_order(folder=None) -> dict[str, int]:
    """``{topic: NN}`` from the source notebooks ``exercises/source/NN-topic.ipynb``."""
    folder = Path(folder) if folder is not None else exercises_dir()
    order = {}
    for path in sorted((folder / "source").glob("*.ipynb")):
        m = re.match(r"(\d+)-(.+)", path.stem)
        if m and not m.group(2).endswith(".new"):
            order[m.group(2)] = int(m.group(1))
    return order


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
    order = topic_order(folder.parent)
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


def id_ranges(bank: dict[str, Question]) -> str:
    """The ids in the bank, one range per notebook: ``reading.q1 to reading.q8; frequency.q1 to ...``."""
    by_topic: dict[str, list[str]] = {}
    for key in bank:
        by_topic.setdefault(key.split(".")[0], []).append(key)
    return "; ".join(ids[0] if len(ids) == 1 else f"{ids[0]} to {ids[-1]}" for ids in by_topic.values())


def find_question(qid) -> tuple[Question | None, str]:
    """The question with id ``qid``, or ``None`` and a line saying what is wrong and which ids exist."""
    try:
        bank = load_questions()
    except DataFileError as err:
        return None, f"the checks cannot be read: {err}"
    if not isinstance(qid, str):
        return None, (f"the question id should be text in quotes, like \"reading.q1\", not {qid!r}. "
                      f"The ids are {id_ranges(bank)}.")
    if qid in bank:
        return bank[qid], ""
    same_key = [k for k in bank if k.split(".", 1)[-1] == qid]
    if same_key:
        return None, f"which notebook's {qid!r}? Write the full id: {', '.join(same_key)}."
    topic = [k for k in bank if k.split(".")[0] == qid.split(".")[0]]
    if topic:
        return None, f"there is no question {qid!r}: this notebook's questions are {topic[0]} to {topic[-1]}."
    close = difflib.get_close_matches(qid, list(bank), n=1, cutoff=0.6)
    fix = f" Did you mean {close[0]!r}?" if close else f" The ids are {id_ranges(bank)}."
    return None, f"there is no question {qid!r}.{fix}"


# --- calling a question's functions ------------------------------------------------------

def article_for(question: Question):
    """The article a question's functions are called on: its own article if it names one, else the current one.

    Raises:
        DataFileError: the question names an article that is not in the data folder.
    """

    if question.article is None:
        try:
            return load_article()
        except FileNotFoundError as err:

            raise DataFileError(data_dir() / "articles", "the course's current article cannot be loaded: "
                                + str(err).split("\n")[0], "choose an article that exists: HELPERS_ARTICLE=NAME, "
                                "or the line article = \"NAME\" in data/course.toml") from None
    try:
        return load_article(question.article)
    except FileNotFoundError:
        close = difflib.get_close_matches(question.article, list_articles(), n=1)
        raise DataFileError(question.path or Path("<check file>"),
                            f"question {question.key} is written for the article {question.article!r}, "
                            "which is not in the data folder",
                            f"did you mean {close[0]!r}?" if close else
                            "write the name of a file in data/articles/ without .txt, or delete article=",
                            line=question.line) from None


def call(question: Question, role: str, fn, answer=None):
    """Call one of a question's functions with what its parameters ask for.

    Raises:
        DataFileError: the function failed (the message names the check file and line).
    """
    if not callable(fn):
        return fn  # an example given as a value
    names = _parameters(fn)
    kwargs = {"article": article_for(question)} if "article" in names else {}
    if "answer" in names:
        kwargs["answer"] = answer
    try:
        return fn(**kwargs)
    except Exception as err:  # an instructor's function is wrong: say where
        path = question.path or Path("<check file>")
        line = _line_in(path, err) or getattr(getattr(fn, "__code__", None), "co_firstlineno", None)
        detail = "next(...) found nothing (StopIteration)" if isinstance(err, StopIteration) \
            else f"{type(err).__name__}: {err}"
        raise DataFileError(path, f"the {role} of question {question.key} failed: {detail}",
                            "try the function's body in a notebook cell after `from helpers import *` and "
                            "`article = load_article()`; " + FIX_IMPORT, line=line) from None


def _code_problem(question: Question, what: str, fn, err: Exception) -> DataFileError:
    path = question.path or Path("<check file>")
    line = _line_in(path, err) or getattr(getattr(fn, "__code__", None), "co_firstlineno", None) or question.line
    return DataFileError(path, f"{what} of question {question.key} failed: {type(err).__name__}: {err}",
                         "try the function in a notebook cell on the same arguments; " + FIX_IMPORT, line=line)


def run_solution(question: Question) -> list[tuple[Case, tuple, Any]]:
    """A code question's cases with their arguments and the solution's result on each.

    The arguments written ``lambda article: ...`` are computed from the question's
    article; the solution gets a copy of them, so that a solution which changes its
    arguments leaves them as the learner's function will get them.

    Raises:
        DataFileError: an argument or the solution failed (the message names the case,
            the check file and the line).
    """
    import copy

    article = article_for(question) if any(c.uses_article for c in question.cases) else None
    out = []
    for case in question.cases:
        try:
            args = case.arguments(article)
        except Exception as err:  # noqa: BLE001 - an instructor's function is wrong: say where
            raise _code_problem(question, f"the arguments of case {case.name!r}", case.args[0], err) from None
        try:
            value = question.solution(*copy.deepcopy(args))
        except Exception as err:  # noqa: BLE001
            raise _code_problem(question, f"the solution, on case {case.name!r},", question.solution, err) from None
        out.append((case, args, value))
    return out


NOT_COMPUTED = object()


def wrong_results(question: Question, cases: list) -> list[list]:
    """For each listed wrong function of a code question, its result on each case (``NOT_COMPUTED`` where it fails)."""
    import copy

    out = []
    for wrong in question.wrong:
        results = []
        for _case, args, _expected in cases:
            if wrong.function is None:
                results.append(NOT_COMPUTED)
                continue
            try:
                results.append(wrong.function(*copy.deepcopy(args)))
            except Exception:  # noqa: BLE001 - a wrong function may well fail on a case
                results.append(NOT_COMPUTED)
        out.append(results)
    return out


def wrong_value(question: Question, wrong: Wrong):
    """The value of a listed wrong answer: its ``answer`` computed, or its ``example``."""
    if wrong.answer is not None:
        return call(question, "wrong answer", wrong.answer)
    return call(question, "example of a wrong answer", wrong.example)


def validate_question(question: Question) -> list[str]:
    """Call every function of a question on its article, as ``make exercises`` does first.

    The question gives at least two hints; each listed wrong answer must be
    computable and must not pass as right, and an ``example`` must pass its own test
    (a wrong answer's ``when``, an open question's ``accept``). A question written
    for one article is called on that article, whichever article the course reads,
    and must pass there. A question for any article is called on the course's current
    article; on the kit's article it must pass, and on another one what fails is only
    noted, since it may be true of that article alone (a wrong answer that happens to
    be right there, or nothing for a function to find).

    Args:
        question: a :class:`Question`, e.g. ``load_questions()["reading.q1"]``.

    Returns:
        Notes on what does not work on the current article (empty when all is well).

    Raises:
        DataFileError: what failed, with the check file, line and fix.

    >>> validate_question(load_questions()["reading.q5"])
    []
    """

    where = question.path or Path("<check file>")
    if len(question.hints) < MIN_HINTS:
        raise DataFileError(where, f"question {question.key} has {len(question.hints)} hint(s); "
                                   f"every question gives at least {MIN_HINTS}",
                            'write hints=["a first, mild hint", "a second one that says more"]', line=question.line)
    current = current_article()
    try:
        _validate_on_article(question, where)
    except DataFileError as err:
        if question.article is not None or current == DEFAULT_ARTICLE:
            raise
        return [f"on the article {current!r}, {err.problem} ({where.name}" + (f", line {err.line}" if err.line else "")
                + "). That may be true of this article only; if the question belongs to the kit's article, "
                f"mark it article=\"{DEFAULT_ARTICLE}\"."]
    return []


def _validate_on_article(question: Question, where: Path) -> None:
    from .compare import right

    if question.is_code:
        _validate_code(question, where)
        return
    expected = call(question, "expected answer", question.expected) if question.expected is not None else None
    if question.accept is not None:
        example = call(question, "example of a good answer", question.example)
        if not right(question, example, None):
            raise DataFileError(where, f"question {question.key}: its example ({example!r}) is not accepted "
                                       "by its own accept test",
                                "make the example a good answer, or fix the accept test", line=question.line)
    for number, wrong in enumerate(question.wrong, start=1):
        value = wrong_value(question, wrong)
        if wrong.when is not None and not call(question, f"when test of wrong answer {number}", wrong.when, value) \
                and wrong.answer is None:
            raise DataFileError(where, f"question {question.key}: the example of wrong answer {number} "
                                       f"({value!r}) does not pass its own when test",
                                "make the example an answer the test is meant to catch", line=question.line)
        if right(question, value, expected):
            raise DataFileError(where, f"question {question.key}: wrong answer {number} ({value!r}) "
                                       "would be accepted as right, so its hint is never shown",
                                "change the wrong answer, or the expected answer if that is the mistake",
                                line=question.line)


def _validate_code(question: Question, where: Path) -> None:
    """A code question: the solution runs on every case, and each wrong function fails one of them."""
    from .compare import safe_answer, same

    cases = run_solution(question)
    for (case, _args, value) in cases:
        try:
            safe_answer(value)
        except Exception:  # noqa: BLE001
            raise DataFileError(where, f"question {question.key}: on case {case.name!r} the solution returns "
                                       f"a {type(value).__name__}, which the check cannot compare",
                                "return plain values: numbers, text, lists, tuples, dicts, sets, Counters",
                                line=question.line) from None
    for number, (wrong, results) in enumerate(zip(question.wrong, wrong_results(question, cases)), start=1):
        if wrong.function is not None:
            if all(r is not NOT_COMPUTED and same(r, e, question.compare, question.tolerance)
                   for r, (_c, _a, e) in zip(results, cases)):
                raise DataFileError(where, f"question {question.key}: wrong answer {number} returns the solution's "
                                           "result on every case, so it would pass and its hint is never shown",
                                    "add a case on which it goes wrong, or change the wrong function",
                                    line=question.line)
        elif wrong.when is not None:
            example = call(question, "example of a wrong answer", wrong.example)
            if not call(question, f"when test of wrong answer {number}", wrong.when, example):
                raise DataFileError(where, f"question {question.key}: the example of wrong answer {number} "
                                           f"({example!r}) does not pass its own when test",
                                    "make the example a result the test is meant to catch", line=question.line)
