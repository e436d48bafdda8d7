"""Code questions: the learner's function run on the article and on small named cases.

A code question (``Question(solution=..., cases=[Case(...), ...])``) takes the learner's
function itself: ``check("reading.q7", words_of)``. The kit calls it on each case in
turn — the article first, then small cases of the question's own such as an empty
text, capitals, punctuation or a word absent — and compares what it returns with what
the question's ``solution`` returns on the same arguments. The first case that fails is
named, with what came back, what was expected, and a hint aimed at the mistake: the
hint of a listed wrong function that returns the same, else the case's own hint, else a
hint for the kind of mistake (a wrong type, ``print`` instead of ``return``, the right
items in the wrong order …).

The learner's code runs apart (:mod:`helpers.exercises.apart`): a function that raises,
loops forever, prints instead of returning or ends the process gets one clear line
within the time limit, never a traceback, and nothing it does reaches the kernel.
"""

from __future__ import annotations

import copy
import reprlib

from .apart import Printed, run_apart
from .bank import NOT_COMPUTED, call, Question, run_solution, wrong_results
from .compare import kind, plain, safe_answer, same, UnsafeAnswer
from .mistakes import mistake_hint

__all__ = ["grade_function"]

_SHORT = reprlib.Repr()
_SHORT.maxstring, _SHORT.maxother, _SHORT.maxlist, _SHORT.maxtuple = 60, 60, 6, 6
_SHORT.maxdict, _SHORT.maxset, _SHORT.maxlevel = 4, 6, 3


def short(value) -> str:
    """A value shown in a line of feedback: long text and long lists cut with ``...``.

    >>> short(list(range(20)))
    '[0, 1, 2, 3, 4, 5, ...]'
    """
    try:
        return _SHORT.repr(value)
    except Exception:  # noqa: BLE001 - a value that cannot be shown is named by its type
        return f"a {type(value).__name__}"


def _name(fn) -> str:
    name = getattr(fn, "__name__", None)
    return name if isinstance(name, str) and name.isidentifier() else "your function"


def _lead(fn, case, args) -> str:
    """How a line about one case starts: ``on the case 'capitals', words_of('The the')`` (or ``… your function``).

    The call is shown for a case written with plain values, when the function has a name;
    a case computed from the article is named only.
    """
    name = _name(fn)
    shown = f"{name}({', '.join(short(a) for a in args)})" if name != "your function" else ""
    if case.uses_article or not shown or len(shown) > 90:
        shown = "your function"
    return f"on the case {case.name!r}, {shown}"


def _parameters_text(fn) -> str:
    import inspect

    try:
        return f"({', '.join(inspect.signature(fn).parameters)})"
    except (TypeError, ValueError):
        return "(...)"


def _arity_problem(question: Question, fn, args) -> str:
    """What is wrong with how many parameters the learner's function takes, or ``""``."""
    import inspect

    try:
        inspect.signature(fn).bind(*args)
    except TypeError:
        wanted = _name(question.solution) + _parameters_text(question.solution)
        n = len(args)
        return (f"your function takes {_parameters_text(fn)}, but this question calls it with {n} "
                f"argument{'s' if n != 1 else ''}, as in {wanted}: give it {n} parameter{'s' if n != 1 else ''}.")
    except (ValueError, RecursionError):  # no signature to read: the call itself will tell
        return ""
    return ""


def not_a_function(question: Question, answer, cases) -> str:
    """The message for an answer that is not a function, in a code question."""
    example = f'check("{question.qid}", {_name(question.solution)})'
    if answer is None:
        return (f"your answer is None: this question checks your function itself. Define it with def, then "
                f"give its name without brackets: {example}.")
    try:
        result = same(safe_answer(answer), cases[0][2], question.compare, question.tolerance)
    except Exception:  # noqa: BLE001 - a strange value is simply not a function
        result = False
    if result:
        return (f"that is the right result on {cases[0][0].name}, but this question checks your function itself, "
                f"on other cases too: give its name without brackets, {example}.")
    return (f"your answer is {kind(answer)}; this question checks a function you write. Define it with def, then "
            f"give its name without brackets: {example}.")


def _judge(question: Question, fn, number: int, cases, wrongs, result, printed: str) -> str:
    """``""`` when ``result`` is right on case ``number``; else the line saying what went wrong."""
    from collections.abc import Iterator

    case, args, expected = cases[number]
    lead = _lead(fn, case, args)
    if isinstance(result, Iterator) and not isinstance(expected, Iterator):
        return (f"{lead} returned a {type(result).__name__}, which hands out its items one at a "
                "time: return a list of them, list(...).")
    try:
        answer = safe_answer(result)
    except UnsafeAnswer as err:
        return (f"{lead} returned a {err.what}, a kind of object the check does not compare: "
                f"return plain values, as {short(expected)}.")
    if same(answer, expected, question.compare, question.tolerance):
        return ""
    said = f"{lead} returned {short(answer)}; the right result is {short(expected)}."
    for wrong, results in zip(question.wrong, wrongs):
        if wrong.function is not None:  # it explains the failure if it also passed every case before this one
            hit = all(r is not NOT_COMPUTED and same(r, e, question.compare, question.tolerance)
                      for r, (_c, _a, e) in zip(results[:number], cases[:number])) \
                and results[number] is not NOT_COMPUTED \
                and same(answer, results[number], question.compare, question.tolerance)
        else:
            try:
                hit = bool(call(question, "when test", wrong.when, answer))
            except Exception:  # noqa: BLE001 - the test does not apply to this kind of result
                hit = False
        if hit:
            return f"{said} {wrong.hint}"
    if answer is None:
        if printed.strip():
            return (f"{lead} printed {short(printed.strip())} and gave back None: use return, "
                    "not print(), so that the value comes back to whoever called the function.")
        return f"{lead} gave back None: does the function end with a line return ...?"
    a, e = plain(answer), plain(expected)
    if expected is not None and kind(a) != kind(e):
        return f"{lead} returned {kind(a)}, {short(answer)}; it should return {kind(e)}, {short(expected)}."
    if case.hint:
        return f"{said} {case.hint}"
    near = mistake_hint(question, answer, expected) if expected is not None else "not yet."
    if near.startswith("not yet"):
        return said + (" Try a hint." if question.hints else "")
    return f"{said} ({near})"


def _raised(fn, case, args, err: BaseException, first: bool = False) -> str:
    """The line for a function that raised on a case: the exception's type and first line, no traceback.

    The case's hint is added unless it is the first case: a function that fails on every
    input fails there too, whatever the case is about.
    """
    lead = _lead(fn, case, args)
    if isinstance(err, SystemExit):
        return f"{lead} called exit(), which ends a whole program: a function gives its result back with return."
    if isinstance(err, KeyboardInterrupt):
        return f"{lead} was interrupted (the stop button)."
    line = (str(err).strip().splitlines() or [""])[0]
    line = line if len(line) <= 200 else line[:199] + "…"
    hint = f" {case.hint}" if case.hint and not first else ""
    return f"{lead} raised {type(err).__name__}" + (f": {line}" if line else "") + f".{hint}"


def _task(question: Question, fn, cases, wrongs):
    """The work done apart: run the function on each case, send what happened."""

    def task(send):
        import sys


        # even asking what the answer is may run the learner's code (a property, __class__), so it is asked here
        if not callable(fn):
            send({"verdict": "wrong", "message": not_a_function(question, fn, cases)})
            return
        arity = _arity_problem(question, fn, cases[0][1])
        if arity:
            send({"verdict": "wrong", "message": arity})
            return
        for number, (case, args, _expected) in enumerate(cases):
            send({"case": number})
            sys.stdout = sys.stderr = printed = Printed()
            try:
                result = fn(*copy.deepcopy(args))
            except BaseException as err:  # noqa: BLE001 - the learner's exception (exit() too), in one line
                send({"verdict": "wrong", "message": _raised(fn, case, args, err, first=number == 0)})
                return
            if result is ...:
                send({"verdict": "unanswered"})
                return
            message = _judge(question, fn, number, cases, wrongs, result, printed.getvalue())
            if message:
                send({"verdict": "wrong", "message": message})
                return
        send({"verdict": "correct", "name": _name(fn)})

    return task


def _seconds(seconds: float) -> str:
    return f"{seconds:g} second{'' if seconds == 1 else 's'}"


def grade_function(question: Question, fn, seconds: float):
    """Run the learner's function on a code question's cases and say how it did.

    Args:
        question: a code question (``question.is_code``).
        fn: the learner's answer: their function, or whatever they gave.
        seconds: the time limit for all the cases together.

    Returns:
        ``(status, message)``: ``"correct"``, ``"wrong"`` or ``"unanswered"``, and one
        line for the learner (for ``"correct"``, the function's name, for the explanation).

    Raises:
        DataFileError: the question's own cases or solution cannot be computed.

    >>> from helpers.exercises import load_questions
    >>> grade_function(load_questions()["reading.q8"], lambda words: 0, 10)[0]
    'wrong'
    """

    cases = run_solution(question)
    outcome = run_apart(_task(question, fn, cases, wrong_results(question, cases)), seconds)
    verdicts = [m for m in outcome.messages if isinstance(m, dict) and "verdict" in m]
    started = [m["case"] for m in outcome.messages if isinstance(m, dict) and "case" in m]
    running = cases[started[-1]][0].name if started else cases[0][0].name
    if verdicts:
        verdict = verdicts[-1]
        if verdict["verdict"] == "correct":
            return "correct", verdict.get("name", "your function")
        if verdict["verdict"] == "unanswered":
            return "unanswered", "not answered yet: write your function's body in place of the ..., then run the cell."
        return "wrong", verdict["message"]
    if outcome.ended == "timeout":
        return "wrong", (f"on the case {running!r}, your function was still running after {_seconds(seconds)}, so "
                         "the check stopped it. Does a loop never end? A while loop whose condition stays true, "
                         "or a list that grows while you loop over it, runs forever.")
    if outcome.ended == "died":
        return "wrong", f"on the case {running!r}, your function stopped the check's process: {outcome.detail}."
    raised = next((m["raised"] for m in outcome.messages if isinstance(m, dict) and "raised" in m), "")
    return "wrong", f"on the case {running!r}, the check could not finish" + (f" ({raised})." if raised else ".")
