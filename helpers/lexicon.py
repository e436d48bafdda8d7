"""The theme lexicon: named lists of terms, read from ``data/themes.txt`` or made in code.

A *theme* is a named list of terms — words (``crisis``), word beginnings (``terror*``)
and phrases (``drug trafficking``) — with a note on its choices and the words not to count
(``not:`` lines). This module owns reading and checking the lexicon (:func:`load_themes`),
making a theme in code (:func:`make_theme`) and turning whatever a caller gives — a file, a
dict, Theme objects — into one lexicon (:func:`as_lexicon`). It does not find hits in an
article (that is :mod:`helpers.themes`) and never writes a file.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .datafiles import data_file, file_stamp, read_sections
from .display import shown
from .tokens import tokenize

__all__ = ["Theme", "load_themes", "make_theme", "as_lexicon"]


@dataclass(frozen=True)
class Theme:
    """A theme: its name, a note on its choices, its terms and the words not to count.

    Each term is kept as written (``terms``) and as the word patterns it matches
    (``patterns``: one tuple per term of ``(word, is_prefix)`` pairs).
    """

    name: str
    note: str
    terms: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    line: int | None = None

    @property
    def patterns(self):
        return tuple(_parse_term(t) for t in self.terms)

    @property
    def exclude_patterns(self):
        return tuple(_parse_term(t) for t in self.exclude)


_WILDCARD_HELP = ("write words (crisis), word beginnings ending in * (terror*) or phrases "
                  "(drug trafficking), one term per line")


@lru_cache(maxsize=1024)
def _parse_term(term: str) -> tuple[tuple[str, bool], ...]:
    """``"counter-terror* cell"`` → ``(("counter-terror", True), ("cell", False))``.

    Raises ValueError (problem, fix) when the term cannot match a token.
    """
    if not term.strip():
        raise ValueError("the term is empty", _WILDCARD_HELP)
    words: list[tuple[str, bool]] = []
    for piece in term.split():
        star = piece.endswith("*")
        body = piece[:-1] if star else piece
        if "*" in body:
            raise ValueError(f"in {term!r}, the * is inside {piece!r}; a * can only end a word",
                             f"write {body.split('*')[0]}* to match every word beginning "
                             f"{body.split('*')[0]!r}" if body.split('*')[0] else _WILDCARD_HELP)
        if not body:
            raise ValueError(f"in {term!r}, a * stands alone and would match every word",
                             "put the * straight after the beginning of a word, e.g. terror*")
        plain, marked = tokenize(body), tokenize(body, punct=True)
        known = set(plain)
        marks = [m for m in marked if m not in known and m != "_"]  # "_" joins words as a space does
        if marks or not plain:
            marks_seen = "".join(dict.fromkeys(marks)) or body  # each mark once: a pasted page stays one line
            raise ValueError(f"{shown(term)} contains {shown(marks_seen)}, which is not part of a word",
                             f"remove the mark; {_WILDCARD_HELP}")
        words.extend((w, False) for w in plain)
        if star:
            words[-1] = (words[-1][0], True)
    return tuple(words)


def make_theme(name: str, terms, note: str = "", exclude=()) -> Theme:
    """A theme built in code: the terms as a list, or as text with one term per line or ``;``.

    Args:
        name: the theme's name.
        terms: ``["terror*", "extremis*"]`` or ``"terror*; extremis*"``.
        note: what the theme means.
        exclude: words not to count (like ``not:`` lines in the file).

    Returns:
        A :class:`Theme`. Raises ValueError naming the bad term and the fix.

    >>> make_theme("Terror", "terror*; counter-terror*").terms
    ('terror*', 'counter-terror*')
    >>> make_theme("Bad", "ter*ror")
    Traceback (most recent call last):
    ...
    ValueError: theme 'Bad': in 'ter*ror', the * is inside 'ter*ror'; a * can only end a word. How to fix: write ter* to match every word beginning 'ter'
    """
    def split(value):
        if isinstance(value, str):
            value = [t for line in value.splitlines() for t in line.split(";")]
        return tuple(t.strip() for t in value if t.strip() and not t.strip().startswith("#"))

    terms, exclude = split(terms), split(exclude)
    if not terms:
        raise ValueError(f"theme {name!r} has no terms. How to fix: {_WILDCARD_HELP}")
    for term in terms + exclude:
        try:
            _parse_term(term)
        except ValueError as err:
            problem, fix = err.args
            raise ValueError(f"theme {name!r}: {problem}. How to fix: {fix}") from None
    return Theme(name, note, terms, exclude)


@lru_cache(maxsize=16)
def _load_themes(path: str, stamp) -> dict[str, Theme]:
    sections = read_sections(Path(path), kind="theme", exclude_key="not", check=_parse_term)
    return {name: Theme(name, s["note"], tuple(s["items"]), tuple(s["exclude"]), s["line"])
            for name, s in sections.items()}


def load_themes(path=None) -> dict[str, Theme]:
    """The themes of ``data/themes.txt`` (or ``path``), by name, in file order.

    Args:
        path: another themes file, written like ``data/themes.txt``; ``None`` for the kit's.

    Returns:
        A dict from theme name to :class:`Theme`.

    Raises:
        DataFileError: with the file and line, for a term before any ``[Theme]``,
            a term the wildcard syntax does not allow, a theme with no terms, or a
            theme name used twice.

    >>> themes = load_themes()
    >>> len(themes), themes["Terrorism & extremism"].terms[:2]
    (12, ('terror*', 'counter-terror*'))
    """
    path = data_file("themes.txt", path)
    return dict(_load_themes(str(path), file_stamp(path)))


def as_lexicon(themes=None) -> dict[str, Theme]:
    """One lexicon from what a caller gives: ``None`` (``data/themes.txt``), a path, a dict or Themes.

    Args:
        themes: ``None`` for the kit's file; a path to another themes file; a dict
            ``{name: terms}`` (terms as a list or as ``"a; b"`` text) or ``{name: Theme}``;
            a :class:`Theme`, or a list of them.

    Returns:
        A dict from theme name to :class:`Theme`, in the order given.

    >>> list(as_lexicon({"Peace": "peace*; ceasefire"})["Peace"].terms)
    ['peace*', 'ceasefire']
    """
    if themes is None or isinstance(themes, (str, Path)):
        return load_themes(themes)
    if isinstance(themes, Theme):
        return {themes.name: themes}
    if isinstance(themes, dict):  # the key names the theme, in every column, row and hit
        return {name: (t if t.name == name else replace(t, name=name)) if isinstance(t, Theme)
                else make_theme(name, t) for name, t in themes.items()}
    return {t.name: t for t in themes}
