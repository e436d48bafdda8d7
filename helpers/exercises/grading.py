"""Grading: ``check`` and ``grade`` compare an answer with the question's and say why, in one line.

The answer is made safe first (see :mod:`helpers.exercises.compare`), so that no
object of the learner's own is ever compared; every comparison with it then runs
under a time limit (:data:`TIME_LIMIT` seconds), so that nothing a learner gives can
hang the kernel. An answer made of Python's plain values only (numbers, text, lists,
tuples, dicts, sets) is compared in the kernel, where such comparisons always end;
any other answer, which may hide an object of the learner's own inside one the kit
trusts, is compared in a child process (:mod:`helpers.exercises.apart`) that is killed
at the time limit, whatever its code does. A code question's answer is the learner's
function, run on the question's cases the same way (:mod:`helpers.exercises.cases`). A right answer gets ✓ and the question's explanation; a wrong one
gets the hint of the listed wrong answer it matches, else a hint for its kind of
mistake (:mod:`helpers.exercises.mistakes`). A question written for one article is
not judged on another: the feedback says so, and nothing is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..article import DEFAULT_ARTICLE, current_article, load_article
from ..datafiles import DataFileError
from .apart import can_fork, run_apart, time_limit, TooSlow
from .bank import call, find_question, Question
from .compare import is_plain_data, right, safe_answer, same, UnsafeAnswer
from .mistakes import mistake_hint
from .progress_store import record

__all__ = ["Feedback", "check", "grade"]

NOT_ANSWERED = "not answered yet"
#: Seconds that comparing one answer may take before it is stopped.
TIME_LIMIT = 10.0
_MARKS = {"correct": "✓", "wrong": "✗", "unanswered": "…", "error": "?", "not judged": "○"}
_COLOURS = {"correct": "#009E73", "wrong": "#D55E00", "unanswered": "#555", "error": "#CC79A7",
            "not judged": "#0072B2"}


@dataclass(frozen=True)
class Feedback:
    """What ``check`` says about an answer.

    Attributes:
        qid: the question id.
        status: ``"correct"``, ``"wrong"``, ``"unanswered"``, ``"not judged"`` (the
            question belongs to another article than the current one) or ``"error"``
            (the question cannot be checked: unknown id or a broken check file).
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
        return f"{_MARKS[self.status]} {self.qid}: {self.message}" + (f"\n  ({self.note})" if self.note else "")

    __repr__ = __str__

    def _repr_html_(self) -> str:
        import html

        note = f"<br><small>{html.escape(self.note)}</small>" if self.note else ""
        return (f'<div style="border-left:4px solid {_COLOURS[self.status]};padding:2px 8px">'
                f"{html.escape(str(self).splitlines()[0])}{note}</div>")

    def _ipython_display_(self) -> None:
        from IPython.display import display

        from .hinting import hints, show_hints

        display({"text/plain": str(self), "text/html": self._repr_html_()}, raw=True)
        if self.status in ("wrong", "unanswered") and hints(self.qid):
            display(show_hints(self.qid))


def _fill(question: Question, text: str, answer, expected) -> str:
    try:
        return text.format(answer=answer, expected=expected)
    except (KeyError, IndexError, ValueError, AttributeError):
        return text


def not_for_this_article(question: Question) -> str:
    """Why ``check`` cannot judge this question on the current article; ``""`` when it can."""

    if question.article is None:
        return ""
    try:
        current = current_article()
    except DataFileError as err:
        return f"the course's article cannot be read: {err}"
    if current == question.article:
        return ""

    def title(name):
        try:
            article = load_article(name)
        except (DataFileError, FileNotFoundError, OSError):
            return name
        return article.title or name

    whose = "the kit's article" if question.article == DEFAULT_ARTICLE else "the article"
    return (f"this question's check is written for {whose} \"{title(question.article)}\", and the "
            f"current article is \"{title(current)}\", so it cannot judge your answer. To check it, switch to "
            f"{whose}: HELPERS_ARTICLE={question.article}, or the line article = \"{question.article}\" "
            "in data/course.toml.")


def grade(qid: str, answer=...) -> Feedback:
    """Compare an answer with the question's right answer, without recording progress.

    Args:
        qid: the question id, e.g. ``"reading.q1"``.
        answer: the learner's answer (for a code question, their function); ``...`` (the
            placeholder) means not answered yet.

    Returns:
        A :class:`Feedback`. Never raises: a wrong type, ``None``, an unknown id
        or a broken check file all give a message instead.

    >>> from helpers import load_article
    >>> article = load_article()
    >>> grade("reading.q1", len(article.paragraphs))
    ✓ reading.q1: Right: the cleaned body has 47 paragraphs; page chrome, the title and the byline are not part of it.
    >>> grade("reading.q1", "47")
    ✗ reading.q1: your answer is the text '47'; give the number itself, without quotes.
    """
    question, problem = find_question(qid)
    if question is None:
        return Feedback(str(qid), "error", problem)
    if answer is ...:
        return Feedback(qid, "unanswered", f"{NOT_ANSWERED}: replace the ... with your answer, then run the cell.")
    elsewhere = not_for_this_article(question)
    if elsewhere:
        return Feedback(qid, "not judged", elsewhere)
    if question.is_code:
        return _grade_code(question, answer)
    try:  # what depends on the article alone is computed first, without a time limit
        if question.expected is not None:
            expected = call(question, "expected answer", question.expected)
        else:
            expected = None
            call(question, "example of a good answer", question.example)  # is there a good answer here?
    except DataFileError as err:
        return _cannot_compute(question, err)
    if answer is None:
        return Feedback(qid, "wrong", "your answer is None: did the cell assign it, or use print() "
                                      "(which shows a value but gives back None)?")
    wrong_values = _wrong_values(question)
    if is_plain_data(answer) or not can_fork():
        return _compare(question, answer, expected, wrong_values)
    outcome = run_apart(lambda send: send(_feedback_data(_compare(question, answer, expected, wrong_values))),
                        TIME_LIMIT)
    if outcome.messages and isinstance(outcome.messages[-1], dict) and "status" in outcome.messages[-1]:
        return Feedback(qid, outcome.messages[-1]["status"], outcome.messages[-1]["message"])
    if outcome.ended == "timeout":
        return _too_slow(qid)
    return Feedback(qid, "wrong", "this answer could not be compared: " + (outcome.detail or "the comparison "
                                  "stopped") + ". Give a plain value, such as a number, a piece of text, or a list of them.")


def _too_slow(qid: str) -> Feedback:
    return Feedback(qid, "wrong", f"comparing this answer took longer than {TIME_LIMIT:g} seconds, so the "
                                  "check stopped it. Give a plain value, such as a number, a piece of text, "
                                  "or a list of them.")


def _feedback_data(feedback: Feedback) -> dict:
    return {"status": feedback.status, "message": feedback.message}


def _grade_code(question: Question, answer) -> Feedback:
    """A code question: the learner's function run on the question's cases, apart and under the time limit."""
    from .cases import grade_function

    try:
        status, message = grade_function(question, answer, TIME_LIMIT)
    except DataFileError as err:
        return _cannot_compute(question, err)
    if status == "correct":
        on_article = next((c for c in question.cases if c.uses_article), question.cases[0])
        try:
            result = question.solution(*on_article.arguments(_article_if_needed(on_article, question)))
        except Exception:  # noqa: BLE001 - computed before; only the explanation would lack it
            result = None
        n = len(question.cases)
        # the function's name (read apart), never the learner's object, goes into the text
        message = (_fill(question, question.explain, message, result)
                   + f" Your function passes all {n} cases: " + ", ".join(c.name for c in question.cases) + ".")
    return Feedback(question.qid, status, message)


def _article_if_needed(case, question: Question):
    from .bank import article_for

    return article_for(question) if case.uses_article else None


def _compare(question: Question, answer, expected, wrong_values) -> Feedback:
    """Make the answer safe and compare it, under the time limit; every failure becomes a line."""
    qid = question.qid
    try:
        with time_limit(TIME_LIMIT):
            return _grade(question, safe_answer(answer), expected, wrong_values)
    except UnsafeAnswer as err:
        if err.depth:
            return Feedback(qid, "wrong", "your answer nests lists inside lists too deeply to compare "
                                          "(does a list hold itself?).")
        return Feedback(qid, "wrong", f"your answer is (or holds) a {err.what}, a kind of object the check "
                                      "does not compare: give plain values, such as a number, a piece of text, "
                                      "or a list of them.")
    except TooSlow:
        return _too_slow(qid)
    except DataFileError as err:
        return Feedback(qid, "error", f"this question's check is broken: {err}")
    except Exception as err:  # noqa: BLE001 - a strange answer: still no traceback
        return Feedback(qid, "wrong", f"this answer could not be compared ({type(err).__name__}: {err}).")


def _cannot_compute(question: Question, err: DataFileError) -> Feedback:
    """The feedback when the right answer cannot be computed: a broken check, or an article it does not fit."""

    try:
        current = current_article()
        on_kit = current == DEFAULT_ARTICLE
    except DataFileError:
        on_kit = True
    if question.article is not None or on_kit:
        return Feedback(question.qid, "error", f"this question's check is broken: {err}")
    try:
        title = load_article().title or current
    except (DataFileError, FileNotFoundError, OSError):
        title = current
    what = "its answer" if question.expected is not None else \
        "the right results of its cases" if question.is_code else "a good answer"
    return Feedback(question.qid, "not judged",
                    f"this question's check cannot work out {what} on the current article \"{title}\" "
                    f"({err.problem}), so it cannot judge yours.")


_NOT_COMPUTED = object()


def _wrong_values(question: Question) -> list:
    """The value of each listed ``Wrong(answer=...)``, computed from the article before any answer is compared.

    A wrong answer that cannot be computed on this article stands for nothing (its hint is not shown).
    """
    out = []
    for wrong in question.wrong:
        try:
            out.append(call(question, "wrong answer", wrong.answer) if wrong.answer is not None else _NOT_COMPUTED)
        except DataFileError:
            out.append(_NOT_COMPUTED)
    return out


def _wrong_hit(question: Question, wrong, value, answer) -> bool:
    """Whether a listed wrong answer matches the learner's answer."""
    if value is not _NOT_COMPUTED and same(answer, value, question.compare, question.tolerance):
        return True
    try:
        return wrong.when is not None and bool(call(question, "when test", wrong.when, answer))
    except DataFileError:
        return False  # the test does not apply to this kind of answer


def _grade(question: Question, answer, expected, wrong_values: list) -> Feedback:
    qid = question.qid
    if right(question, answer, expected):
        return Feedback(qid, "correct", _fill(question, question.explain, answer, expected))
    for wrong, value in zip(question.wrong, wrong_values):
        if _wrong_hit(question, wrong, value, answer):
            return Feedback(qid, "wrong", _fill(question, wrong.hint, answer, expected))
    message = mistake_hint(question, answer, expected)
    vague = message.startswith("not yet")
    return Feedback(qid, "wrong", message + (" Try a hint." if question.hints and vague else ""))


def check(qid: str, answer=...) -> Feedback:
    """Check an answer and record the result in your progress file.

    Args:
        qid: the question id shown in the exercise, e.g. ``"reading.q1"``.
        answer: your answer; leave ``...`` until you have one. A question marked
            *(your code)* takes your function itself, without brackets:
            ``check("reading.q7", words_of)``.

    Returns:
        A :class:`Feedback`: ✓ and why, or a hint aimed at the mistake. In a
        notebook a wrong answer also shows a "Show a hint" button.

    >>> check("reading.q1", ...)
    … reading.q1: not answered yet: replace the ... with your answer, then run the cell.
    >>> check("reading.q99", 3)
    ? reading.q99: there is no question 'reading.q99': this notebook's questions are reading.q1 to reading.q8.
    """

    feedback = grade(qid, answer)
    if feedback.status in ("correct", "wrong"):
        note = record(feedback.qid, bool(feedback))
        if note:
            feedback = Feedback(feedback.qid, feedback.status, feedback.message, note)
    return feedback
