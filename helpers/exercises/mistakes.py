"""Feedback for the mistakes no check file lists: kinds of near miss, then wrong types, order and size.

A check file names the common wrong answers of one question. Some mistakes are the
same in every question, and this module recognises them by kind:

- **another name of the same thing**: "Commonwealth of Independent States" where the
  key "CIS" is asked, through ``data/aliases.txt``; a speaker's alias from the registry;
- **a part of the right text**: "Ban" for "Ban Ki-moon", or the right text with more around it;
- **capital letters**: "Cooperation" where the kit's lower-cased tokens are asked, in a
  word or inside a list, a pair or a dictionary;
- **a value of the wrong type**: text holding a number, a list where its length is
  asked, ``True`` for a number, a function that was not called, ``nan``;
- **the right items in the wrong order, a list too long or too short, a number too high or too low.**

For an open question the right type is read from the question's ``example``.
"""

from __future__ import annotations

import math
import re

from ..article import load_article
from ..datafiles import DataFileError, load_stopwords
from ..speakers import load_speakers
from ..tokens import load_aliases
from .compare import is_number, kind, plain, right, same

_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _within(part: list[str], whole: list[str]) -> bool:
    """True when ``part`` is a shorter run of consecutive words of ``whole``."""
    n = len(part)
    return 0 < n < len(whole) and any(whole[i:i + n] == part for i in range(len(whole) - n + 1))


def _content(words: list[str]) -> bool:
    """True when some word is not a stopword ("of", "the" alone are no near miss)."""

    try:
        stop = load_stopwords()
    except DataFileError:
        stop = frozenset()
    return any(w not in stop for w in words)


def _fold_name(text: str) -> str:
    text = " ".join(text.split()).casefold()
    return text[4:] if text.startswith("the ") else text


def name_groups() -> list[tuple[str, str, tuple[str, ...]]]:
    """Things that go by several names: ``(what, usual name, every name)``.

    Organizations come from ``data/aliases.txt`` (the key is the usual name), speakers
    from the registry (the name, then its aliases). A list that cannot be read adds nothing.
    """

    groups = []
    try:

        groups += [("organization", key, (key, *names)) for key, names in load_aliases().items()]
    except (DataFileError, OSError):
        pass
    try:

        groups += [("speaker", s.name, (s.name, *s.aliases)) for s in load_speakers(load_article())]
    except (DataFileError, OSError):
        pass
    return groups


def _group_of(text: str, groups):
    folded = _fold_name(text)
    return next((g for g in groups if folded in {_fold_name(n) for n in g[2]}), None)


def _lower(value):
    """The value with every piece of text in it lower-cased."""
    if isinstance(value, str):
        return value.lower()
    if isinstance(value, list):
        return [_lower(v) for v in value]
    if isinstance(value, dict):
        return {_lower(k): _lower(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset, tuple)):
        return type(value)(_lower(v) for v in value)
    return value


def _has_capitals(value) -> bool:
    return _lower(value) != value


def _text_near_miss(a: str, e: str) -> str:
    """A hint for text that nearly is the right text, or ``""``."""
    if a.casefold() == e.casefold():
        return ("right word, but check capital letters: the kit's words are lower-cased." if e == e.lower()
                else "right text, but check capital letters: write it as the article does.")
    if " ".join(a.split()) == " ".join(e.split()):
        return "right text, but with extra spaces: try .strip()."
    aw, ew = _words(a), _words(e)
    if aw == ew and aw:
        return _punctuation_differs(a, e)
    if _within(aw, ew) and _content(aw):
        return f"{a!r} is part of the right answer, not all of it: give it in full."
    groups = name_groups()
    mine, theirs = _group_of(a, groups), _group_of(e, groups)
    if mine is not None and mine is theirs:
        what, usual, _ = mine
        if _fold_name(e) == _fold_name(usual) and what == "organization":
            wanted = "its key, the short name data/aliases.txt gives it before the colon"
        elif what == "organization":
            wanted = "the name the question asks for" + (": its full name" if len(_words(e)) > len(_words(a)) else "")
        else:
            wanted = "the name the registry gives (Speaker.name)"
        other = "another of its names" if what == "organization" else "another name"
        return f"right {what}, by {other} ({a!r}): this question wants {wanted}."
    if theirs is not None and _content(aw) and any(_within(aw, _words(n)) for n in theirs[2]):
        return f"{a!r} is part of a name of the right {theirs[0]}: give a whole name, as the question asks."
    if _within(ew, aw) and _content(ew):
        return "your text holds the right answer and more besides: give only the part the question asks for."
    return ""


def _punctuation_differs(a: str, e: str) -> str:
    """A hint for text with the right words whose punctuation differs: where, and what.

    >>> _punctuation_differs("Peace is near", "Peace is near.")
    "right words, but the punctuation differs: at the end, the answer has '.' where yours has nothing. Give the text exactly, marks and all."
    """
    import difflib

    a_, e_ = " ".join(a.split()), " ".join(e.split())
    ops = [op for op in difflib.SequenceMatcher(None, a_, e_, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not ops:
        return "right words, but the punctuation or the capitals differ: give the text exactly as the article has it."
    tag, i1, i2, j1, j2 = ops[0]
    place = "at the end" if i1 >= len(a_) else "at the start" if i1 == 0 else f"after {a_[max(0, i1 - 20):i1]!r}"
    theirs, mine = e_[j1:j2], a_[i1:i2]
    has = f"the answer has {theirs!r}" if theirs else "the answer has nothing"
    yours = f"yours has {mine!r}" if mine else "yours has nothing"
    more = f" ({len(ops) - 1} more difference{'s' if len(ops) > 2 else ''} after it)" if len(ops) > 1 else ""
    return (f"right words, but the punctuation differs: {place}, {has} where {yours}{more}. "
            "Give the text exactly, marks and all.")


def _wrong_type(answer, wanted, a, e) -> str:
    """A hint for an answer of another type than ``wanted`` (plain ``a`` and ``e``)."""
    if kind(a) == "a function":
        return "your answer is a function, not its result: call it, with ( ) after its name."
    if isinstance(a, str) and is_number(e) and a.strip().lstrip("-").replace(".", "", 1).isdigit():
        return f"your answer is the text {answer!r}; give the number itself, without quotes."
    if isinstance(e, int) and not isinstance(e, bool) and isinstance(a, (list, set, dict)):
        return f"your answer is {kind(a)}, but this question wants a number: count it with len(...)."
    return f"your answer is {kind(a)}, but this question wants {_wanted(wanted, e)}."


def _wanted(expected, e) -> str:
    """The kind of answer a question wants, in the words its text uses: a pair is "a pair", not "a list"."""
    if isinstance(expected, tuple) and not hasattr(expected, "_fields"):
        return "a pair, (first, second)" if len(expected) == 2 else f"a tuple of {len(expected)} items, in round brackets"
    return kind(e)


def _not_a_number(a) -> str:
    if isinstance(a, float) and math.isnan(a):
        return ("your answer is nan ('not a number'), not a count or a measure: it comes from a calculation "
                "with nothing to work on, such as the mean of no values, or 0/0 in pandas. Look at the steps "
                "that made it.")
    if isinstance(a, float) and math.isinf(a):
        return "your answer is infinite (inf): something was divided by zero. Look at the steps that made it."
    return ""


def mistake_hint(question, answer, expected) -> str:
    """The feedback for a wrong answer that no listed wrong answer of the question caught.

    Args:
        question: the :class:`~helpers.exercises.Question`.
        answer: the learner's answer, made safe (see :func:`~helpers.exercises.compare.safe_answer`).
        expected: the right answer; ``None`` for an open question.

    Returns:
        One line for the learner; ``"not yet."`` (or, for an open question, ``"not yet:
        this answer does not fit the question."``) when nothing more can be said.

    >>> from helpers import load_article
    >>> from helpers.exercises import load_questions
    >>> q = load_questions()["frequency.q5"]
    >>> mistake_hint(q, "Commonwealth of Independent States", "CIS")
    "right organization, by another of its names ('Commonwealth of Independent States'): this question wants its key, the short name data/aliases.txt gives it before the colon."
    >>> mistake_hint(q, float("nan"), "CIS")[:40]
    "your answer is nan ('not a number'), not"
    """
    a = plain(answer)
    nan = _not_a_number(a)
    if nan:
        return nan
    if expected is None:
        return _open_hint(question, answer, a)
    e = plain(expected)
    if kind(a) != kind(e):
        return _wrong_type(answer, expected, a, e)
    if isinstance(a, str):
        return _text_near_miss(a, e) or "not yet."
    if isinstance(a, (list, set, dict)) and len(a) != len(e):
        if isinstance(expected, tuple) and len(expected) == 2 and not hasattr(expected, "_fields"):
            return f"yours has {len(a)} item{'s' if len(a) != 1 else ''}; the answer is a pair, (first, second)."
        return (f"your list has {len(a)} items; the answer has {len(e)}." if isinstance(a, list)
                else f"yours has {len(a)} entries; the answer has {len(e)}.")
    if _has_capitals(a) and same(_lower(a), e, question.compare, question.tolerance):
        return "the right words, but with capital letters: the kit's words are lower-cased."
    if isinstance(a, list):
        try:
            if sorted(map(repr, a)) == sorted(map(repr, e)):
                return "the right items, but not in the right order."
        except TypeError:
            pass
    if is_number(a) and is_number(e):
        return "not quite: your number is too " + ("high." if a > e else "low.")
    return "not yet."


def _open_hint(question, answer, a) -> str:
    """The feedback for an open question's answer that its accept test and wrong answers refuse."""
    from .bank import call

    if _has_capitals(answer) and right(question, _lower(answer), None):
        return "that would be right in small letters: the kit's words are lower-cased."
    try:
        example = plain(call(question, "example of a good answer", question.example))
    except DataFileError:
        example = None  # no example on this article: say nothing about the type
    if example is not None and kind(a) != kind(example):
        return _wrong_type(answer, example, a, example)
    return "not yet: this answer does not fit the question."
