"""Loading an article: from the raw text of a web page to clean paragraphs and sentences.

``load_article()`` reads ``data/articles/<name>.txt`` exactly as it was received
and the metadata beside it (``<name>.toml``: title, author, date …), removes the
web page's chrome (photo credits, "Related Posts", the search box, the footer),
moves the title, byline and closing agency tag into metadata, and splits the body
into paragraphs and sentences. What was removed, and why, is kept in
``Article.removed``. Adding an article is adding files: nothing here names one.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import io
import os
import re
import tomllib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate, repeat
from operator import add
from pathlib import Path

from .datafiles import (DataFileError, data_dir, data_file, file_stamp, list_folder, message_only, os_problem, read_lines,
                        read_text, read_wordlist)
from .tokens import Token, alias_entries, phrase_entries, tokens_from_columns, sentence_spans, token_columns

__all__ = ["Article", "Sentence", "Removed", "NoSuchArticle", "load_article", "list_articles",
           "load_boilerplate", "current_article", "DEFAULT_ARTICLE"]

#: The kit's own article: what the lessons load when nothing chooses another.
DEFAULT_ARTICLE = "idn-2016-10-31-un-regional-bodies"
#: The course's settings file in the data folder; its line ``article = "NAME"`` chooses the article.
SETTINGS_FILE = "course.toml"

_FIELDS = {"title", "author", "publisher", "date", "dateline", "source", "url", "attribution", "note",
           "organizations", "phrases", "chrome", "event", "about"}
#: The kinds of line an article's ``[chrome]`` table can name.
_CHROME_KINDS = ("lines", "prefixes", "patterns", "inline")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
#: The characters of _SPACES other than " ": _collapse_spaces makes them spaces, then halves
#: runs of spaces, which does what _SPACES.sub(" ", text) does without a regular expression.
_OTHER_SPACES = "\t\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
#: Invisible characters (zero-width spaces and joiners, soft hyphens, control characters)
#: that cleaning deletes: _drop_invisible does what _INVISIBLE.sub("", text) does.
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad" + "".join(
    map(chr, [*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f]))
#: The marks a complete text ends with; a text that ends otherwise is cut (:attr:`Article.cut`).
_CLOSING_MARKS = frozenset(".!?…:;\"'”’»)]}*-–—")
#: An agency's closing tag, "[IDN-InDepthNews – 31 October 2016]": cleaning removes it; the
#: scaffold reads the publisher and the date in it.
CLOSING_TAG = re.compile(r"\s*\[(?P<publisher>[^\[\]\n]{1,80}?)\s[–—-]\s*(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\]\s*$")


class NoSuchArticle(FileNotFoundError):
    """No article has the name asked for; the message lists those there are and the closest."""

    def _render_traceback_(self):
        return message_only(self)


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article: its text, its paragraph and where it stands.

    ``article.text[start:end] == text`` always holds.
    """

    index: int
    paragraph: int
    start: int
    end: int
    text: str

    def __str__(self) -> str:
        return self.text


def _sentence(index: int, paragraph: int, start: int, end: int, text: str) -> Sentence:
    """``Sentence(index, paragraph, start, end, text)``, made four times faster.

    A frozen dataclass sets each field through ``object.__setattr__`` (1.3 µs a sentence);
    an article of a million one-line paragraphs has a million sentences. The object is the
    same: equal, hashed and shown alike (tests/test_article.py checks it).
    """
    made = _new(Sentence)
    try:
        made.__dict__.update(index=index, paragraph=paragraph, start=start, end=end, text=text)
    except AttributeError:  # a Sentence with __slots__ has no __dict__: made the usual way
        return Sentence(index, paragraph, start, end, text)
    return made


_new = object.__new__


class _Stored(Sequence):
    """A read-only sequence kept as arrays of offsets into an article's text, its items made on demand.

    An article of a million one-line paragraphs has a million paragraphs and sentences: as
    Python objects they cost about 600 bytes each, as offsets 20 (five numbers of 4 bytes). Indexing, slicing (a tuple),
    ``len``, iteration, ``in`` and ``==`` with a tuple work as on the tuple they stand for.
    """

    __slots__ = ("_text", "_starts", "_ends")

    def __init__(self, text: str, starts, ends):
        self._text, self._starts, self._ends = text, starts, ends

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return tuple(self._item(k) for k in range(*i.indices(len(self))))
        try:
            k = i.__index__()
        except AttributeError:
            raise TypeError(f"indices must be whole numbers or slices, not {type(i).__name__}") from None
        n = len(self)
        if k < 0:
            k += n
        if not 0 <= k < n:
            raise IndexError(f"index {i} is out of range: there are {n:,}")
        return self._item(k)

    def __iter__(self):
        for k in range(len(self)):
            yield self._item(k)

    def __eq__(self, other) -> bool:
        if isinstance(other, (_Stored, tuple, list)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return repr(tuple(self)) if len(self) <= 20 else f"<{len(self):,} {type(self).__name__.lower()}: {self[0]!r}, …>"


class Paragraphs(_Stored):
    """An article's paragraphs, as strings: ``text[start:end]`` of each paragraph's span."""

    __slots__ = ()

    def _item(self, k: int) -> str:
        return self._text[self._starts[k]:self._ends[k]]


class Spans(_Stored):
    """The ``(start, end)`` of each paragraph in an article's text."""

    __slots__ = ()

    def _item(self, k: int) -> tuple[int, int]:
        return self._starts[k], self._ends[k]


class Sentences(_Stored):
    """An article's sentences: a :class:`Sentence` made from its offsets and paragraph when asked for.

    Loading an article makes no Sentence. The first loop over all of them (an analysis
    reads every sentence) makes each one once and keeps them, so that every later loop,
    and every result that holds a sentence, shares the same objects.
    """

    __slots__ = ("_paragraphs", "_made")

    def __init__(self, text: str, starts, ends, paragraphs):
        super().__init__(text, starts, ends)
        self._paragraphs, self._made = paragraphs, None

    def _item(self, k: int) -> Sentence:
        if self._made is not None:
            return self._made[k]
        s, e = self._starts[k], self._ends[k]
        return _sentence(k, self._paragraphs[k], s, e, self._text[s:e])

    def __iter__(self):
        if self._made is None:
            text, made = self._text, _sentence
            self._made = tuple(made(k, p, s, e, text[s:e])
                               for k, (s, e, p) in enumerate(zip(self._starts, self._ends, self._paragraphs)))
        return iter(self._made)


@dataclass(frozen=True)
class Removed:
    """A piece of the raw file that is not in ``Article.text``, and why."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True, eq=False)
class Article:
    """A cleaned article with its metadata, paragraphs and sentences.

    Attributes:
        name: the file name without ``.txt``.
        title, author, publisher, dateline, source, url, attribution, note: metadata
            (``None`` if unknown).
        date: a ``datetime.date``, or ``None``.
        text: the cleaned body; paragraphs are separated by a blank line.
        paragraphs: the body paragraphs, in order.
        paragraph_spans: ``(start, end)`` of each paragraph in ``text``.
        sentences: :class:`Sentence` objects, each knowing its paragraph and offsets.
            These three are read-only sequences that work like tuples (index, slice,
            ``len``, loop, ``==``); they keep offsets into ``text`` and make each item
            when it is asked for, so a text of a million short paragraphs stays small.
        removed: what cleaning took out of the raw file, line by line, with the reason.
        path: the file that was read; ``raw`` its text as received.
        organizations: this article's own organizations, ``((key, names), ...)``, from the
            ``organizations`` of its ``.toml``; they add to ``data/aliases.txt``.
        phrases: this article's own multi-word names, as word tuples (``phrases`` in its
            ``.toml``); they add to ``data/phrases.txt``.
        event: the meeting the report is about (``event`` in its ``.toml``, e.g.
            ``"UNSC 2016-10-28 CSTO SCO CIS"``), or ``None``; ``about``: the organizations
            it is about, by key.
        tokens, words, token_columns: the word tokens, made on first use (see below).
        cut: whether the text stops in the middle of a sentence (see :attr:`cut`).

    The files of an article's bundle sit beside ``path`` with the same name:
    ``NAME.toml``, ``NAME.speakers.csv``, ``NAME.gold.tsv`` (see :meth:`bundle_file`).
    """

    name: str
    title: str | None
    author: str | None
    date: _dt.date | None
    publisher: str | None
    dateline: str | None
    source: str | None
    attribution: str | None
    text: str
    paragraphs: Sequence[str]
    paragraph_spans: Sequence[tuple[int, int]]
    sentences: Sequence[Sentence]
    removed: tuple[Removed, ...] = field(repr=False)
    path: Path = field(repr=False)
    raw: str = field(repr=False)
    url: str | None = field(default=None, repr=False)
    note: str | None = field(default=None, repr=False)
    organizations: tuple[tuple[str, tuple[str, ...]], ...] = field(default=(), repr=False)
    phrases: tuple[tuple[str, ...], ...] = field(default=(), repr=False)
    event: str | None = field(default=None, repr=False)
    about: tuple[str, ...] = field(default=(), repr=False)

    def bundle_file(self, kind: str) -> Path:
        """The file of this article's bundle of one kind: ``"toml"``, ``"speakers.csv"``, ``"gold.tsv"``.

        Args:
            kind: what follows the article's name and a full stop in the file's name.

        Returns:
            The path beside the article's text; it is not checked that the file exists.

        >>> load_article().bundle_file("speakers.csv").name
        'idn-2016-10-31-un-regional-bodies.speakers.csv'
        """
        return self.path.with_name(f"{self.name}.{kind}")

    @property
    def cut(self) -> bool:
        """True when the text stops in the middle of a sentence, as a stored copy of a page cut short does.

        The last paragraph ends without a closing mark (a full stop, ``?``, ``!``, ``…``, a
        closing quotation mark or bracket): its last sentence, and its last word, may be
        incomplete (``"… with the United Na"``), and the counts miss the rest of the report.
        An empty text is not cut.

        >>> load_article().cut, load_article("unpress-2015-03-09-un-eu-cooperation").cut
        (False, True)
        """
        end = self.text.rstrip()
        return bool(end) and end[-1] not in _CLOSING_MARKS

    def __repr__(self) -> str:
        when = self.date.isoformat() if self.date else "no date"
        return (f"<Article {self.name!r}: {self.title!r} by {self.author or 'unknown'}, {when}; "
                f"{len(self.paragraphs)} paragraphs, {len(self.sentences)} sentences"
                + ("; the text is cut: it stops in the middle of a sentence>" if self.cut else ">"))

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """Word tokens of ``text`` (lower-cased) with offsets; computed once per article.

        A tuple, like :attr:`words`: an article cannot be changed by accident
        (``article.tokens.reverse()`` is an error), so every analysis reads the text as it is.
        """
        return tuple(tokens_from_columns(self.token_columns))

    @property
    def words(self) -> tuple[str, ...]:
        """The lower-cased word tokens of ``text`` as plain strings (the first of :attr:`token_columns`).

        A tuple: ``article.words.reverse()`` or ``.append(…)`` is an error, so the next
        count or search still reads the article. For a list of your own, ``list(article.words)``.
        """
        return self.token_columns[0]

    @cached_property
    def token_columns(self):
        """The word tokens as three columns, ``(words, starts, ends)``: see :func:`~helpers.token_columns`.

        ``tokens[k]`` is ``Token(words[k], starts[k], ends[k])``. The analysis reads these,
        so a corpus of many articles holds no object per token. All three are read-only.
        """
        return token_columns(self.text)


def list_articles() -> list[str]:
    """The names of the articles in ``data/articles/`` (files ending in ``.txt``).

    Returns:
        The names without ``.txt``, sorted; each can be given to :func:`load_article`.
        An empty list if the folder does not exist.

    Raises:
        DataFileError: the folder cannot be read (permission denied, a symbolic link that loops).

    >>> list_articles()  # doctest: +NORMALIZE_WHITESPACE
    ['belta-2022-02-17-un-csto-cooperation', 'idn-2016-10-31-un-regional-bodies',
     'unnews-2017-07-19-un-au-cooperation', 'unpress-2015-03-09-un-eu-cooperation']
    """
    return sorted(p.stem for p in list_folder(data_dir() / "articles", ".txt") if not p.name.startswith("."))


def current_article() -> str:
    """The name of the course's current article: what ``load_article()`` loads with no name.

    It is chosen in one place: the environment variable ``HELPERS_ARTICLE`` when it is set
    (``HELPERS_ARTICLE=NAME make lab``), else the line ``article = "NAME"`` of
    ``data/course.toml``, else the kit's own article (:data:`DEFAULT_ARTICLE`).

    Returns:
        The name as written there; :func:`load_article` says so when no article has it.

    Raises:
        DataFileError: ``course.toml`` is not valid TOML, holds a setting the kit does not
            know (a misspelt ``articel``, a ``[course]`` heading), or its ``article`` is not text.

    >>> current_article() in list_articles()
    True
    """
    chosen = os.environ.get("HELPERS_ARTICLE", "").strip()
    if chosen:
        return chosen
    path = data_dir() / SETTINGS_FILE
    settings = read_settings(str(path), file_stamp(path))
    return settings.get("article") or DEFAULT_ARTICLE


@lru_cache(maxsize=4)
def read_settings(path: str, stamp) -> dict:
    """The course's settings from ``course.toml`` at ``path`` (``stamp``: its :func:`file_stamp`, the cache key).

    Returns ``{}`` when there is no such file; raises :class:`DataFileError` for a file the
    lessons cannot use. The doctor reads the same settings through this one function.
    """
    if stamp is None and not os.path.lexists(path):  # a link that loops is read, and explained
        return {}
    path = Path(path)
    source = read_text(path)
    try:
        settings = tomllib.loads(source)
    except tomllib.TOMLDecodeError as err:
        raise DataFileError(path, f"this is not valid TOML ({err})",
                            'write the setting as  article = "NAME"  with the name in double quotes',
                            line=getattr(err, "lineno", None) or _line_of(str(err))) from None
    _known_settings(settings, source, path)
    value = settings.get("article")
    if value is not None and not (isinstance(value, str) and value.strip()):
        line = next((i for i, l in enumerate(source.split("\n"), 1) if l.strip().startswith("article")), None)
        raise DataFileError(path, f"'article' should be an article's name in quotes, not {value!r}",
                            'write it as  article = "NAME"  with a name from list_articles()', line=line)
    return {"article": value.strip()} if value else {}


#: The settings ``course.toml`` may hold.
_SETTINGS = ("article",)


def _known_settings(settings: dict, source: str, path: Path) -> None:
    """A :class:`DataFileError` for the first setting of ``course.toml`` the kit does not know.

    A misspelt name (``articel``, ``Article``) or the setting under a heading (``[course]``)
    would otherwise be ignored, and the lessons would quietly load the default article.
    """
    for key, value in settings.items():
        if key in _SETTINGS:
            continue
        lines = source.split("\n")
        line = next((i for i, l in enumerate(lines, 1)
                     if l.strip().lstrip("[").startswith(key)), None)
        if isinstance(value, dict):
            inner = [k for k in value if k in _SETTINGS]
            problem = f"the heading [{key}] is not one the kit knows, so nothing under it is read"
            fix = (f"delete the line [{key}] so that  {inner[0]} = ...  stands at the top of the file"
                   if inner else "delete the heading and what is under it; the file holds one line:  "
                   'article = "NAME"')
        else:
            close = difflib.get_close_matches(key.lower(), _SETTINGS, n=1, cutoff=0.6)
            problem = f"the setting {key!r} is not one the kit knows, so it is ignored"
            fix = (f"did you mean {close[0]!r}? Write it as  {close[0]} = \"NAME\"  (names are lower-case)"
                   if close else f"the only setting is  article = \"NAME\";  delete the line {key} = ...")
        raise DataFileError(path, problem, fix, line=line)


def load_article(name_or_path=None) -> Article:
    """Load and clean an article by name (see :func:`list_articles`) or by path.

    Args:
        name_or_path: an article name, a path to any ``.txt`` file, or ``None``
            for the course's current article (see :func:`current_article`).

    Returns:
        An :class:`Article`. Loading is cached: the file is read again only
        when it changes. Nothing is ever written.

    >>> a = load_article()
    >>> a.date, len(a.paragraphs), a.author
    (datetime.date(2016, 10, 31), 47, 'Jamshed Baruah')
    >>> a.sentences[0].text[:30]
    'NEW YORK (IDN) – Despite diffe'
    """
    try:
        path = _resolve(name_or_path)
    except FileNotFoundError:  # no article of that name: the message lists those there are
        raise
    except OSError as err:  # a folder or file the system will not let us look at
        if err.errno is None:  # "there is no article called …": already says what to do
            raise
        raise os_problem(data_dir() / "articles", err) from None
    meta_path = path.with_suffix(".toml")
    chrome_path = data_dir() / "boilerplate.txt"
    # the abbreviations decide where sentences end: an edit of that file makes a new article too
    abbreviations = file_stamp(data_dir() / "abbreviations.txt")
    return _load(str(path), file_stamp(path), str(meta_path), file_stamp(meta_path),
                 str(chrome_path), file_stamp(chrome_path), abbreviations)


def load_boilerplate(path=None) -> list[str]:
    """The phrases that mark a line as page chrome, from ``data/boilerplate.txt`` (or ``path``).

    A line of an article that starts with one of them is removed (see ``Article.removed``).

    Args:
        path: another boilerplate file, one phrase per line; ``None`` for the kit's.

    Returns:
        A list of the phrases in file order, case kept, each once.

    Raises:
        DataFileError: a phrase shorter than 4 characters, which would remove
            real paragraphs (every line starting with "The", say).

    >>> load_boilerplate()[:2]
    ['Photo:', 'Related Posts']
    """
    path = data_file("boilerplate.txt", path)
    return list(_boilerplate(str(path), file_stamp(path)))  # a copy: editing it leaves the cache as the file says


@lru_cache(maxsize=8)
def _boilerplate(path: str, stamp) -> tuple[str, ...]:
    """The phrases of the boilerplate file at ``path``, checked, read once for each version of the file."""
    path = Path(path)
    phrases = read_wordlist(path)
    for phrase in phrases:
        if len(phrase) < 4:
            line = next(n for n, text in read_lines(path) if text == phrase)
            raise DataFileError(path, f"{phrase!r} is too short: every line of the article that starts "
                                      f"with it would be removed, real paragraphs too",
                                "write more of the line to remove, e.g. 'Photo:' or 'Related Posts'", line=line)
    return tuple(phrases)


def _resolve(name_or_path) -> Path:
    if isinstance(name_or_path, str) and name_or_path and Path(name_or_path).name == name_or_path:
        direct = data_dir() / "articles" / f"{name_or_path}.txt"
        if direct.is_file():  # an article's name: no need to list a folder of many articles
            return direct
    chosen_by = None
    if name_or_path is None:
        name_or_path, chosen_by = current_article(), _switch()
        direct = data_dir() / "articles" / f"{name_or_path}.txt"
        if direct.is_file():
            return direct
    names = list_articles()
    if not isinstance(name_or_path, (str, Path)):
        raise TypeError(f"load_article takes an article name or a file path, not "
                        f"{type(name_or_path).__name__}; try load_article() or load_article({names[0]!r})"
                        if names else "load_article takes an article name or a file path")
    text = str(name_or_path)
    if text in names:
        return data_dir() / "articles" / f"{text}.txt"
    path = Path(text).expanduser()
    if path.is_file():
        return path
    close = closest_name(text, names)
    listing = ", ".join(repr(n) for n in names) or "none"
    hint = f" Did you mean {close!r}?" if close else ""
    if chosen_by == "HELPERS_ARTICLE":
        why = f"The course's article is {text!r}, from the environment variable HELPERS_ARTICLE, but there is no article called so."
        fix = ("set HELPERS_ARTICLE to a name above (HELPERS_ARTICLE=NAME make lab), "
               "or leave it out to use data/course.toml.")
    elif chosen_by is not None:
        why = f"The course's article is {text!r}, from the line  article = ...  of {chosen_by}, but there is no article called so."
        fix = f"write a name above in {chosen_by}, as  article = \"NAME\"."
    else:
        why = f"There is no article called {text!r}."
        fix = ("call load_article() for the course's article, load_article(NAME) with a name above, "
               "or give the path to a .txt file.")
    raise NoSuchArticle(f"{why}{hint}\n  Articles in {data_dir() / 'articles'}: {listing}.\n  How to fix: {fix}")


def closest_name(text: str, names: list[str]) -> str | None:
    """The name most like ``text``: as a whole, or by its beginning (a name typed in part)."""
    close = difflib.get_close_matches(text, names, n=1, cutoff=0.4)
    if close:
        return close[0]
    starts = {n[:len(text)]: n for n in reversed(names)}
    close = difflib.get_close_matches(text, list(starts), n=1, cutoff=0.6)
    return starts[close[0]] if close else None


def _switch() -> str:
    """Where the course's article is chosen: ``"HELPERS_ARTICLE"`` or the settings file's path."""
    return "HELPERS_ARTICLE" if os.environ.get("HELPERS_ARTICLE", "").strip() else str(data_dir() / SETTINGS_FILE)


def read_metadata(path: Path) -> dict:
    """The fields of an article's ``.toml``, checked (``{}`` when there is none); the loader and the doctor share it."""
    if not os.path.lexists(path):  # a metadata file that is there but unreadable is explained
        return {}
    source = read_text(path)
    try:
        meta = tomllib.loads(source)
    except tomllib.TOMLDecodeError as err:
        line = getattr(err, "lineno", None) or _line_of(str(err))
        raise DataFileError(path, f"this is not valid TOML ({err})",
                            'write each field as  name = "value"  and the date as  date = 2016-10-31',
                            line=line) from None
    lines = source.split("\n")

    def where(key):
        k = re.escape(key)
        return next((i for i, l in enumerate(lines, 1) if re.match(rf"\s*(?:{k}\s*=|\[\s*{k}\s*\])", l)), None)

    for key in meta:
        if key not in _FIELDS:
            close = difflib.get_close_matches(key, sorted(_FIELDS), n=1)
            fix = f"did you mean {close[0]!r}?" if close else f"use only these fields: {', '.join(sorted(_FIELDS))}"
            raise DataFileError(path, f"unknown field {key!r}", fix, line=where(key))
    for key, value in meta.items():
        if key == "date":  # a date as TOML writes it needs no line: the line is looked for for an error only
            meta[key] = _parse_date(value, path, None if isinstance(value, _dt.date) else where(key))
        elif key == "chrome":
            meta[key] = _read_chrome(value, path, where)
        elif key in ("organizations", "phrases"):
            entries = _text_list(value, key, path, where(key))
            numbered = [(where(key), entry) for entry in entries]
            meta[key] = (tuple(alias_entries(path, numbered).items()) if key == "organizations"
                         else phrase_entries(path, numbered))
        elif key == "about":  # the organizations the report is about, by key: about = ["CSTO", "SCO"]
            meta[key] = tuple(_text_list(value, key, path, lambda: where(key)))
        elif not isinstance(value, str):
            raise DataFileError(path, f"field {key!r} should be text, not {value!r}",
                                f'put the value in quotes: {key} = "{value}"', line=where(key))
    return meta


def _text_list(value, key: str, path: Path, line) -> list[str]:
    """``value`` as a list of text entries, or a DataFileError that shows how to write one.

    ``line`` is the line of the entry in the file, or a function that finds it (called for an error only).
    """
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(path, f"{key!r} should be a list of text entries, not {value!r}",
                            f'write it as  {key} = ["first", "second"]  with each entry in double quotes',
                            line=line() if callable(line) else line)
    return [v.strip() for v in value]


#: How long one ``[chrome]`` pattern may take on one line (or the doctor's whole text), in seconds.
CHROME_TIME_LIMIT = 1.0


class ChromePattern:
    """A ``[chrome]`` pattern of an article's ``.toml``, run with a time limit.

    A pattern such as ``(\\w+\\s?)+$`` takes time exponential in the length of a line it
    almost matches; run by Python's ``re`` it would never end. This one runs it with the
    ``regex`` module's ``timeout=`` and, past :data:`CHROME_TIME_LIMIT`, raises a
    :class:`~helpers.DataFileError` naming the file, the pattern and the fix.

    Attributes:
        pattern: the pattern as written in the file.
        path, line: the ``.toml`` file and the line of its ``patterns``.
    """

    def __init__(self, compiled, path, line=None):
        self.compiled, self.path, self.line = compiled, Path(path), line
        self.pattern = compiled.pattern

    def __repr__(self) -> str:
        return f"ChromePattern({self.pattern!r})"

    def fullmatch(self, text: str):
        """The match of the whole of ``text``, or ``None``; a :class:`DataFileError` past the time limit."""
        return self._run(self.compiled.fullmatch, text)

    def search(self, text: str):
        """The first match anywhere in ``text``, or ``None``; a :class:`DataFileError` past the time limit."""
        return self._run(self.compiled.search, text)

    def cut(self, text: str) -> tuple[str, list[str]]:
        """``text`` with every match removed, and the pieces removed (a ``[chrome] inline`` pattern)."""
        found = [m.group() for m in self._run(lambda t, timeout: list(self.compiled.finditer(t, timeout=timeout)), text)
                 if m.group()]
        if not found:
            return text, []
        return self._run(lambda t, timeout: self.compiled.sub("", t, timeout=timeout), text).strip(), found

    def _run(self, method, text: str):
        try:
            return method(text, timeout=CHROME_TIME_LIMIT)
        except TimeoutError:
            raise self.too_slow(len(text)) from None

    def too_slow(self, length: int) -> DataFileError:
        """The error for this pattern past its time limit on a text of ``length`` characters."""
        return DataFileError(
            self.path, f"the [chrome] pattern {self.pattern!r} took more than {CHROME_TIME_LIMIT:g} s on a line "
            f"of {length:,} characters: a pattern with a repeat inside a repeat, such as (\\w+\\s?)+ or "
            "(.*a){20}, can take longer than the age of the universe on a line it almost matches",
            "write the pattern without nested repeats (\\w+(?:\\s\\w+)* instead of (\\w+\\s?)+, "
            "[^a]*a instead of .*a), or list the exact line under  lines = [...]  or its beginning "
            "under  prefixes = [...]", line=self.line)


def _read_chrome(value, path: Path, where) -> dict:
    """The ``[chrome]`` table: exact lines, line beginnings and patterns of this page to drop."""
    line = where("chrome")
    if not isinstance(value, dict):
        raise DataFileError(path, "'chrome' should be a table of lines to drop",
                            "write it as a table:  [chrome]  then  lines = [\"...\"],  "
                            "prefixes = [\"...\"]  or  patterns = [\"...\"]", line=line)
    out = {}
    for kind, entries in value.items():
        if kind not in _CHROME_KINDS:
            close = difflib.get_close_matches(kind, _CHROME_KINDS, n=1)
            raise DataFileError(path, f"[chrome] has no kind {kind!r}",
                                f"did you mean {close[0]!r}?" if close else
                                f"use {', '.join(_CHROME_KINDS)}", line=where(kind) or line)
        entries = _text_list(entries, kind, path, where(kind) or line)
        if kind in ("patterns", "inline"):
            import regex  # here, not at the top: `import helpers` stays quick

            compiled = []
            for pattern in entries:
                try:
                    compiled.append(ChromePattern(regex.compile(pattern), path, where(kind) or line))
                except regex.error as err:
                    raise DataFileError(path, f"the pattern {pattern!r} is not a regular expression ({err})",
                                        "write a Python regular expression, e.g.  '^\\d+ views$'  "
                                        "in single quotes, or use 'lines' for an exact line",
                                        line=where(kind) or line) from None
            entries = compiled
        out[kind] = tuple(entries)
    return out


def _line_of(message: str):
    m = re.search(r"line (\d+)", message)
    return int(m.group(1)) if m else None


def _parse_date(value, path: Path, line) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise DataFileError(path, f"field 'date' has {value!r}, which is not a date",
                            "write it as year-month-day without quotes, e.g.  date = 2016-10-31",
                            line=line) from None


@lru_cache(maxsize=32)
def _load(path: str, stamp, meta_path: str, meta_stamp, chrome_path: str, chrome_stamp, abbreviations) -> Article:
    path, meta_path = Path(path), Path(meta_path)
    raw = read_text(path)
    if not raw.strip():
        raise DataFileError(path, "the file is empty",
                            "paste the article's text into it (one paragraph per line) and save it as UTF-8")
    meta = read_metadata(meta_path)
    chrome = _boilerplate(str(chrome_path), chrome_stamp)  # read once for every article (the stamp is in the key)
    paragraphs, removed = _clean(raw, meta, chrome, meta.get("chrome", {}), meta_path.name)
    if not paragraphs:
        raise DataFileError(path, "no paragraph of text is left once the page chrome is removed",
                            "check that the article's body is in the file, one paragraph per line")
    # Paragraphs and sentences are kept as offsets into the text (see _Stored), not as objects.
    # 4 bytes an offset when the text is under 4 G characters (always, in practice), else 8
    lengths = array("q", map(len, paragraphs))
    kind = "I" if sum(lengths) + 2 * len(lengths) < 2 ** 32 else "q"
    # each paragraph starts where the one before ends, and a blank line after it: running sums, in C
    starts = array(kind, accumulate(map(add, lengths, repeat(2)), initial=0))
    starts.pop()
    ends = array(kind, map(add, starts, lengths))
    del lengths
    text = "\n\n".join(paragraphs)
    del paragraphs
    if "." in text or "?" in text or "!" in text:
        s_starts, s_ends = array(kind), array(kind)
        for s, e in sentence_spans(text):  # each paragraph is one block: sentences never cross it
            s_starts.append(s)
            s_ends.append(e)
    else:  # no mark that can end a sentence: each paragraph (one line, no blank at either end) is one
        s_starts, s_ends = array(kind, starts), array(kind, ends)  # sentence, as sentence_spans says
    # a sentence's paragraph is the first that ends after its start, by bisection in C
    s_paragraphs = _paragraph_of(ends, s_starts)
    return Article(
        name=path.stem, title=meta.get("title"), author=meta.get("author"), date=meta.get("date"),
        publisher=meta.get("publisher"), dateline=meta.get("dateline"), source=meta.get("source"),
        attribution=meta.get("attribution"), text=text, paragraphs=Paragraphs(text, starts, ends),
        paragraph_spans=Spans(text, starts, ends), sentences=Sentences(text, s_starts, s_ends, s_paragraphs),
        removed=tuple(removed),
        path=path, raw=raw, url=meta.get("url"), note=meta.get("note"),
        event=meta.get("event"), about=meta.get("about", ()),
        organizations=meta.get("organizations", ()), phrases=meta.get("phrases", ()))


def _paragraph_of(ends: array, starts: array) -> array:
    """For each sentence start, the number of the first paragraph that ends after it (found in C)."""
    import numpy as np

    out = array(ends.typecode)
    if starts:
        kind = np.dtype(ends.typecode)
        found = np.searchsorted(np.frombuffer(ends, dtype=kind), np.frombuffer(starts, dtype=kind), side="right")
        out.frombytes(found.astype(kind).tobytes())
    return out


def _replace_each(text: str, chars: str, by: str) -> str:
    """Every one of ``chars`` in ``text`` replaced by ``by``: a quick test for each, not a regular expression."""
    for c in chars:
        if c in text:
            text = text.replace(c, by)
    return text


def _collapse_spaces(text: str) -> str:
    """Every run of spaces, tabs and other blanks (but not line breaks) as one space."""
    text = _replace_each(text, _OTHER_SPACES, " ")
    while "  " in text:  # each pass halves every run of spaces
        text = text.replace("  ", " ")
    return text


def _drop_invisible(text: str) -> str:
    """``text`` without its invisible characters."""
    return _replace_each(text, _INVISIBLE_CHARS, "")


def _own_chrome(line: str, own: dict, toml_name: str) -> str | None:
    """Why ``line`` is this article's own page chrome (its ``[chrome]`` table), or ``None``."""
    if line in own.get("lines", ()):
        return f"page chrome: the line is one of this article's own ({toml_name}, [chrome] lines)"
    prefix = next((p for p in own.get("prefixes", ()) if line.startswith(p)), None)
    if prefix is not None:
        return f"page chrome: the line starts with {prefix!r} ({toml_name}, [chrome] prefixes)"
    pattern = next((p for p in own.get("patterns", ()) if p.fullmatch(line)), None)
    if pattern is not None:
        return f"page chrome: the line matches the pattern {pattern.pattern} ({toml_name}, [chrome] patterns)"
    return None


def _clean(raw: str, meta: dict, chrome: list[str], own: dict | None = None, toml_name: str = ""):
    """Split raw text into body paragraphs; fill ``meta`` with what the page shows.

    ``chrome`` holds the shared line beginnings of ``data/boilerplate.txt``; ``own`` the
    article's own ``[chrome]`` table (exact lines, beginnings and patterns).
    """
    own = own or {}
    paragraphs, removed = [], []
    # Neither pattern touches a line break, so the whole text is cleaned at once, then read line by
    # line (io.StringIO keeps no list of lines: a text of a million short lines stays small).
    cleaned = _collapse_spaces(_drop_invisible(raw))
    several = "\n" in cleaned.strip()  # a break between two characters that are not blank: two lines or more
    title = meta.get("title")
    found_title = False
    starts = tuple(chrome)
    for n, line in enumerate(io.StringIO(cleaned, newline="\n"), start=1):
        line = line.strip()
        for pattern in own.get("inline", ()):  # residue that shares a line with the text
            line, cut = pattern.cut(line)
            removed += [Removed(n, piece.strip(), f"page residue in the line: matches the pattern "
                                                  f"{pattern.pattern} ({toml_name}, [chrome] inline)") for piece in cut]
        if not line:
            continue
        phrase = next((c for c in chrome if line.startswith(c)), None) if line.startswith(starts) else None
        reason = _own_chrome(line, own, toml_name) if own else None
        if reason is not None:
            removed.append(Removed(n, line, reason))
        elif phrase is not None:
            removed.append(Removed(n, line, f"page chrome: the line starts with {phrase!r} (data/boilerplate.txt)"))
        elif not paragraphs and not found_title and (line == title or title is None and several):
            found_title = True
            meta.setdefault("title", line)
            removed.append(Removed(n, line, "the title: kept in Article.title"))
        elif not paragraphs and re.fullmatch(r"By [^\s.,;:]+(?: [^\s.,;:]+){0,4}", line):
            meta.setdefault("author", line[3:])
            removed.append(Removed(n, line, "the byline: kept in Article.author"))
        else:
            tag = CLOSING_TAG.search(line) if "[" in line else None  # the tag needs a "["
            if tag and tag.start() > 0:
                removed.append(Removed(n, tag.group().strip(),
                                       "the agency's closing tag: publisher and date are in the metadata"))
                line = line[:tag.start()]
            paragraphs.append(line)
    return paragraphs, removed
