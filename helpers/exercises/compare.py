"""Comparing a learner's answer with the right one, safely.

An answer is first made *safe* (:func:`safe_answer`): it may hold only values whose
comparison the kit knows ends — Python's own numbers, text, lists, tuples, dicts and
sets, and the objects of NumPy, pandas, NLTK and the kit itself. A subclass of a
plain type from elsewhere is read as the plain value it holds, without calling any
method it overrides; any other object is refused with a message, never compared, so
an answer whose ``__eq__`` never returns cannot hang the kernel. Then both sides are
brought to one *plain* form (:func:`plain`): tuples as lists, Counters as dicts,
NumPy numbers as Python numbers, so that every equivalent form of a right answer is
accepted.
"""

from __future__ import annotations

import math
import types

from ..datafiles import DataFileError

#: Top-level packages whose objects compare in a way the kit trusts to end.
TRUSTED = frozenset({"builtins", "helpers", "numpy", "pandas", "collections", "nltk", "datetime",
                     "decimal", "fractions", "re", "pathlib"})
#: How deep an answer's lists may nest before it is refused (a list holding itself never ends).
MAX_DEPTH = 50
_ATOMS = (type(None), bool, int, float, complex, str, bytes, type(...))
_FUNCTIONS = (types.FunctionType, types.BuiltinFunctionType, types.MethodType, types.BuiltinMethodType,
              types.MethodWrapperType, types.WrapperDescriptorType, types.MethodDescriptorType, type)


class UnsafeAnswer(Exception):
    """An answer holding an object the kit does not compare; ``what`` names its type."""

    def __init__(self, what: str, depth: bool = False):
        self.what, self.depth = what, depth
        super().__init__(what)


def _package(cls) -> str:
    """The top-level package a class comes from, read without calling anything the class defines."""
    try:
        module = _MODULE_OF(cls)
    except Exception:  # noqa: BLE001 - a class that hides its module is not trusted
        return ""
    return module.split(".")[0] if isinstance(module, str) else ""


_MODULE_OF = type.__dict__["__module__"].__get__


def safe_answer(value, _depth: int = 0):
    """The answer made of values whose comparison is known to end.

    Args:
        value: a learner's answer.

    Returns:
        ``value`` itself when it is made of trusted values only; a subclass of a plain
        type from elsewhere (a ``str``, ``int``, ``list`` … of the learner's own) as the
        plain value it holds.

    Raises:
        UnsafeAnswer: the answer holds another kind of object, or nests too deep.
    """
    cls = type(value)
    if cls in _ATOMS:
        return value
    if _depth > MAX_DEPTH:
        raise UnsafeAnswer(cls.__name__, depth=True)
    if cls is list:
        return [safe_answer(v, _depth + 1) for v in list.__iter__(value)]
    if cls is tuple:
        return tuple(safe_answer(v, _depth + 1) for v in tuple.__iter__(value))
    if cls is dict:
        return {safe_answer(k, _depth + 1): safe_answer(v, _depth + 1) for k, v in dict.items(value)}
    if cls in (set, frozenset):
        return cls(safe_answer(v, _depth + 1) for v in cls.__iter__(value))
    if _package(cls) in TRUSTED:
        return value
    # a plain type's subclass from elsewhere: its plain value, read with the plain type's own methods
    for plain_type, read in ((bool, bool), (int, int.__int__), (float, float.__float__), (str, str.__str__)):
        if isinstance(value, plain_type):
            return read(value)
    if isinstance(value, tuple):
        return tuple(safe_answer(v, _depth + 1) for v in tuple.__iter__(value))
    if isinstance(value, list):
        return [safe_answer(v, _depth + 1) for v in list.__iter__(value)]
    if isinstance(value, dict):
        return {safe_answer(k, _depth + 1): safe_answer(v, _depth + 1) for k, v in dict.items(value)}
    for set_type in (frozenset, set):
        if isinstance(value, set_type):
            return set_type(safe_answer(v, _depth + 1) for v in set_type.__iter__(value))
    raise UnsafeAnswer(cls.__name__)


def is_plain_data(value) -> bool:
    """True when ``value`` is made of Python's own numbers, text, lists, tuples, dicts and sets only.

    Such a value is read without calling any code of the learner's (only the exact
    built-in types pass), and comparing it always ends. A list that holds itself, or
    nests deeper than :data:`MAX_DEPTH`, is not plain.

    >>> is_plain_data([1, ("a", 2.0), {"b": {3}}]), is_plain_data([1, object()])
    (True, False)
    """
    seen: set[int] = set()

    def plain_(v, depth: int, path: frozenset) -> bool:
        cls = type(v)
        if cls in _ATOMS:
            return True
        if depth > MAX_DEPTH or id(v) in path:
            return False
        if id(v) in seen:
            return True
        inner = path | {id(v)}
        if cls in (list, tuple, set, frozenset):
            ok = all(plain_(x, depth + 1, inner) for x in cls.__iter__(v))
        elif cls is dict:
            ok = all(plain_(k, depth + 1, inner) and plain_(x, depth + 1, inner) for k, x in dict.items(v))
        else:
            return False
        if ok:
            seen.add(id(v))
        return ok

    return plain_(value, 0, frozenset())


def plain(value):
    """Learner-friendly normal form: tuples → lists, Counters → dicts, NumPy and pandas → Python.

    Args:
        value: a value made safe by :func:`safe_answer`, or an expected answer.

    Returns:
        The same value in plain Python types, for comparing.

    >>> from collections import Counter
    >>> plain((1, ("a", 2))), plain(Counter(a=1))
    ([1, ['a', 2]], {'a': 1})
    """
    if _package(type(value)) in ("numpy", "pandas"):
        if getattr(value, "shape", None) == () and hasattr(value, "item"):
            value = value.item()
        elif hasattr(value, "tolist"):
            value = value.tolist()
    if isinstance(value, dict):
        return {plain_key(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return {plain_key(v) for v in value}
    return value


def plain_key(value):
    """:func:`plain`, with lists made tuples again so that the result can be a set item or a dict key."""
    value = plain(value)
    return tuple(value) if isinstance(value, list) else value


def is_number(value) -> bool:
    """True for an ``int`` or ``float`` that is not ``True`` or ``False``."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def kind(value) -> str:
    """What a value is, in words a learner knows: ``"a number"``, ``"a list"`` …"""
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
    if isinstance(value, _FUNCTIONS):
        return "a function"
    return f"a {type(value).__name__}"


def same(a, b, compare: str, tolerance: float) -> bool:
    """Whether two answers are the same under a question's ``compare`` (see :class:`Question`)."""
    a, b = plain(a), plain(b)
    if compare == "text" and isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
    if compare == "unordered" and isinstance(a, (list, set)) and isinstance(b, (list, set)):
        try:
            return sorted(map(repr, a)) == sorted(map(repr, b)) if isinstance(a, list) and isinstance(b, list) \
                else {plain_key(x) for x in a} == {plain_key(x) for x in b}
        except TypeError:
            return False
    if compare == "approx" and is_number(a) and is_number(b):
        return math.isclose(a, b, rel_tol=tolerance, abs_tol=tolerance)
    if isinstance(a, bool) != isinstance(b, bool):
        return False
    return bool(a == b)


def right(question, answer, expected) -> bool:
    """Whether ``answer`` is right: equal to ``expected``, or passing the question's accept test."""
    from .bank import call

    if question.expected is not None:
        return same(answer, expected, question.compare, question.tolerance)
    try:
        return bool(call(question, "accept test", question.accept, answer))
    except DataFileError:
        return False  # the test does not apply to this kind of answer
