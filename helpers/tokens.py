"""Splitting text into sentences, words and mentions — offline, with NLTK.

Sentences come from NLTK's Punkt algorithm with its parameters set in code (the
abbreviations in ``data/abbreviations.txt``), so no trained model is downloaded.
Words come from NLTK's ``RegexpTokenizer`` with one pattern whose choices suit a
news report: internal hyphens stay ("counter-terrorism"), curly and straight
apostrophes are the same and possessives split off ("Russia’s" → ``russia``,
``'s``), UN document symbols stay whole ("S/2016/867"), and so do numbers.
Multi-word names can be joined into one token from ``data/phrases.txt``, and
mentions of an organization (acronym or full name) found from ``data/aliases.txt``.
"""

from __future__ import annotations

import re
from array import array
from functools import lru_cache
from itertools import repeat
from typing import NamedTuple

from .datafiles import DataFileError, data_dir, data_file, file_stamp, read_lines, read_wordlist

__all__ = [
    "Token", "Mention", "tokenize", "tokenize_spans", "token_columns", "split_sentences",
    "load_phrases", "load_aliases", "load_abbreviations", "find_mentions", "WORD_PATTERN",
]

#: The word pattern, one alternative per kind of token, tried in this order. A word is made
#: of letters and digits (``[^\W_]``: ``\w`` but the underscore): ``_`` separates words, as
#: a space does, so "un_news" is the two words "un" and "news" wherever they are counted
#: or looked for; with ``punct=True`` the ``_`` is a mark of its own.
WORD_PATTERN = r"""
    [A-Za-z]+(?:/[A-Za-z]+)*(?:/\d+)+     # UN document symbols: S/2016/867, a/res/70/1
  | (?:[A-Za-z]\.){2,}(?![A-Za-z])        # abbreviations with dots: U.S., e.g.
  | [^\W_]+(?=n['’]t(?![^\W_]))           # "do" of "don't" (Penn Treebank style)
  | n['’]t(?![^\W_])                      # "n't"
  | ['’](?:s|re|ve|ll|d|m)(?![^\W_])      # clitics: 's 're 've 'll 'd 'm
  | \d+(?:[.,:]\d+)*%?                    # numbers: 1993, 2,100, 3.5, 40%
  | [^\W_]+(?:[-‐‑][^\W_]+|['’](?!(?:s|re|ve|ll|d|m|t)(?![^\W_]))[^\W_]+)*   # words, inner hyphens
  | [^\w\s]|_                             # any other single mark (punctuation)
"""
_WORD_RE = re.compile(WORD_PATTERN, re.VERBOSE)


class Token(NamedTuple):
    """A token and where it stands: ``text[start:end]`` is the token as written."""

    word: str
    start: int
    end: int


class Mention(NamedTuple):
    """A mention of an organization: its alias key, the name used, and where."""

    key: str
    name: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _regexp_tokenizer():
    from nltk.tokenize import RegexpTokenizer

    return RegexpTokenizer(_WORD_RE.pattern, flags=re.VERBOSE | re.UNICODE)


#: Text longer than this is tokenized piece by piece, cut at a space or a line break
#: (no token contains one, so the tokens are the same). NLTK bounds each regular
#: expression call by a wall-clock limit (5 s), which a whole 10 MB text would pass.
_PIECE = 1 << 16
#: Where a text may be cut with the same tokens on both sides: at a blank (no token holds one),
#: or after a mark that is a token of its own wherever it stands (every mark but those a word,
#: a number, an abbreviation or a document symbol can hold: . , : / % ' ’ and the hyphens).
#: Text with no space (Chinese, Japanese, Thai) still has its commas and full stops, ，。、.
_SAFE_CUT = re.compile(r"\s|[^\w\s.,:/%'’\-‐‑]")


def _cut_after(text: str, at: int) -> int:
    """The end of a piece of ``text`` that starts before ``at``: the first safe cut from ``at`` on
    (see :data:`_SAFE_CUT`), or the end of the text."""
    m = _SAFE_CUT.search(text, at)
    if m is None:
        return len(text)
    return m.start() if m.group().isspace() else m.end()


# --- linear time: runs no abbreviation or symbol can match -------------------------------
# "a.a.a…a" (letters joined by dots, ending in a letter) holds no abbreviation: every run of
# "x." pairs in it ends before a letter, where (?![A-Za-z]) fails. But the pattern does not
# know that: it reads the run to its end again from each of its letters, which takes time
# quadratic in the run's length. The same holds for "a/a/…/a" and document symbols, which
# need a "/" and digits after the letters. Such a run is *dead*: since no alternative but
# the abbreviation (or the symbol) reads its dots (or slashes), each of them can be read as
# another mark instead, with the same tokens and offsets; then nothing reads the run twice.
#: The first dot of a run of two or more "x." pairs (the letter before it starts the run).
_DOT_RUN = re.compile(r"\.(?<![A-Za-z]\.[A-Za-z]\.)(?<=[A-Za-z]\.)(?:[A-Za-z]\.)++")
#: The first slash of letters joined by slashes, to the run's last letter.
#: (Each part is possessive and none is required after another that may fail, so a run that
#: is followed by "/2016" fails where it ends, and is not read again from its next slash.)
_SLASH_RUN = re.compile(r"/(?<=[A-Za-z]/)[A-Za-z]++(?:/[A-Za-z]++)*+")
_LETTER = re.compile(r"[A-Za-z]")
_DIGIT_AFTER_SLASH = re.compile(r"/\d")
#: What the dots and slashes of a dead run are read as: marks that no alternative but
#: "any other single mark" reads, that the two engines read alike, and that cleaning
#: deletes from an article (control characters), so that an article never holds them.
_DOT, _SLASH = "\x1a", "\x1b"


def _dead_runs(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, mark)``: the spans of ``text`` whose dots (or slashes) no abbreviation
    (or document symbol) can read, and the mark each is read as instead. Linear in ``text``."""
    out = []
    if "." in text:
        for m in _DOT_RUN.finditer(text):  # each run once, from its first dot
            if _LETTER.match(text, m.end()):  # a letter after the last "x.": no abbreviation
                out.append((m.start(), m.end(), _DOT))
    if "/" in text:
        for m in _SLASH_RUN.finditer(text):  # each run once, from its first slash
            if not _DIGIT_AFTER_SLASH.match(text, m.end()):  # no "/2016": no document symbol
                out.append((m.start(), m.end(), _SLASH))
    return out


def _without_dead_runs(text: str) -> str:
    """``text`` with the dots and slashes of its dead runs read as other marks (same length)."""
    runs = _dead_runs(text)
    if not runs:
        return text
    pieces, at = [], 0
    for start, end, mark in sorted(runs):
        pieces += [text[at:start], text[start:end].replace("." if mark == _DOT else "/", mark)]
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def _restore_marks(joined: str) -> str:
    """Tokens read from :func:`_without_dead_runs` text, with their dots and slashes back."""
    if _DOT in joined:
        joined = joined.replace(_DOT, ".")
    if _SLASH in joined:
        joined = joined.replace(_SLASH, "/")
    return joined


def _span_tokenize(text: str):
    tokenizer = _regexp_tokenizer()
    text = _without_dead_runs(text)  # the same spans, found in linear time
    start = 0
    while start < len(text):
        end = _cut_after(text, start + _PIECE) if len(text) - start > _PIECE else len(text)
        for s, e in tokenizer.span_tokenize(text[start:end]):
            yield start + s, start + e
        start = end


# --- speed: the same tokens, found faster ------------------------------------------------
# NLTK's RegexpTokenizer (its `regex` engine, with a time limit on every call) reading
# WORD_PATTERN is the reference. For the usual text the stdlib `re` engine reads
# _FAST_PATTERN instead: the same alternatives, in the same order, with (1) a first
# alternative for a plain word (a-z, maybe one capital first) followed by no letter,
# digit, apostrophe, hyphen, dot or slash, which every other alternative would find
# exactly as it stands, (2) possessive quantifiers where backtracking cannot change the
# match, and (3) the "do" of "don't" looked for only before an apostrophe and t.
# tokenize() also reads a run of plain words with the spaces after them as one match
# (_RUN), then splits it at the spaces: no token holds a space; token_columns() and
# tokenize_spans() read runs whose words are one space apart (_SPACED_RUN). The
# faster path is taken only when every character of the text is one the two engines
# read alike (\w, \s and \d agree); any other text takes the reference path.
# tests/test_benchmarks.py checks the two paths agree.
_FAST_PATTERN = r"""
    [A-Z]?[a-z]++(?![\w'’./\-‐‑])
  | [A-Za-z]++(?:/[A-Za-z]++)*+(?:/\d+)+
  | (?:[A-Za-z]\.){2,}+(?![A-Za-z])
  | (?=[^\W_]++['’]t(?![^\W_]))[^\W_]+(?=n['’]t(?![^\W_]))
  | n['’]t(?![^\W_])
  | ['’](?:s|re|ve|ll|d|m)(?![^\W_])
  | \d+(?:[.,:]\d+)*%?
  | [^\W_]+(?:[-‐‑][^\W_]+|['’](?!(?:s|re|ve|ll|d|m|t)(?![^\W_]))[^\W_]+)*
"""
_RUN = r"(?:[A-Z]?[a-z]++(?![\w'’./\-‐‑])\s*+)++ |"


@lru_cache(maxsize=1)
def _fast():
    """Compiled fast patterns: (words, words and marks, runs + words, runs + words and marks,
    a character the two engines read apart)."""
    import numpy as np
    import regex

    # every character but the astral planes (and the surrogates), one 4-byte number each
    codes = np.concatenate([np.arange(0xD800, dtype=np.uint32), np.arange(0xE000, 0x10000, dtype=np.uint32)])
    chars = codes.tobytes().decode("utf-32-le")

    def marked(text):  # which characters a pass marked with a NUL (a pass keeps the length)
        return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32) == 0

    apart = np.zeros(len(codes), dtype=bool)  # where one engine reads \w, \s or \d and the other does not:
    for p in (r"\w", r"\s", r"\d"):  # each engine marks what it reads with a NUL, in one pass over every character
        apart |= marked(re.sub(p, "\0", chars)) != marked(regex.sub(p, "\0", chars))
    alike = codes[~apart]
    cut = np.flatnonzero(np.diff(alike) != 1)  # the runs of consecutive characters read alike
    firsts, lasts = np.append(alike[:1], alike[cut + 1]).tolist(), np.append(alike[cut], alike[-1:]).tolist()
    other = re.compile("[^" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in zip(firsts, lasts)) + "]")
    marks = r"| [^\w\s] | _"
    return tuple(re.compile(p, re.VERBOSE) for p in (
        _FAST_PATTERN, _FAST_PATTERN + marks, _RUN + _FAST_PATTERN, _RUN + _FAST_PATTERN + marks)) + (other,)


#: From this length on, :func:`_reads_apart` looks up every character in a table instead of
#: running the pattern: the table costs a few microseconds to set up, then about a nanosecond a character.
_LOOKUP_FROM = 4096


@lru_cache(maxsize=1)
def _apart_table():
    """One flag for every UTF-16 code unit: true where the last pattern of :func:`_fast` finds the
    character. A surrogate is such a unit (the pattern finds a lone one, and every character past
    the BMP, which UTF-16 writes as two of them)."""
    import numpy as np

    other = _fast()[-1]
    units = np.arange(0x10000, dtype=np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
    table = np.zeros(0x10000, dtype=bool)
    table[[m.start() for m in other.finditer(units)]] = True
    table.flags.writeable = False
    return table


def _reads_apart(text: str) -> bool:
    """Whether ``text`` holds a character the two engines read apart: what ``_fast()[-1].search(text)``
    finds, found for a long text by one table look-up a character, in C."""
    if len(text) < _LOOKUP_FROM:
        return _fast()[-1].search(text) is not None
    import numpy as np

    units = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
    return bool(_apart_table()[units].any())


#: In text read by :func:`_without_dead_runs`: the letters of a dead run that stand alone,
#: each a word of its own, one match for the whole run. A letter (or a run of letters, for
#: slashes) counts only when a stand-in mark follows it: the run's last letters may be glued
#: to what follows ("a.b.cat", "a/b/c-d") and are left to the other alternatives.
_DEAD_ALTERNATIVES = (r"[A-Za-z](?:\x1a[A-Za-z](?=\x1a))*+(?=\x1a) |"
                      r"[A-Za-z]++(?:\x1b[A-Za-z]++(?=\x1b))*+(?=\x1b) |")


@lru_cache(maxsize=1)
def _fast_dead():
    """The fast patterns for text with dead runs: (runs + words, runs + words and marks, for
    ``re.split``: the dead runs, runs of plain words or single words)."""
    words_only, with_marks, runs, runs_and_marks, _ = _fast()
    return (re.compile(_DEAD_ALTERNATIVES + runs.pattern, re.VERBOSE),
            re.compile(_DEAD_ALTERNATIVES + runs_and_marks.pattern, re.VERBOSE),
            re.compile(f"({_WORD_START}(?:{_DEAD_ALTERNATIVES}{_SPACED_RUN}{words_only.pattern}))", re.VERBOSE))


def _read_for_fast_path(text: str):
    """``(text to read, whether it has dead runs)``, or ``None`` when the fast path cannot read it."""
    read = _without_dead_runs(text)
    if read is not text and (_DOT in text or _SLASH in text):
        return None  # the marks that stand for dots and slashes would be read back wrongly
    return read, read is not text


def _fast_words(text: str, lower: bool, punct: bool) -> list[str] | None:
    """tokenize() by the faster path, or None when the text needs the reference path."""
    *_, runs, runs_and_marks, _ = _fast()
    if _reads_apart(text):
        return None
    found = _read_for_fast_path(text)
    if found is None:
        return None
    read, dead = found
    pattern = _fast_dead()[bool(punct)] if dead else runs_and_marks if punct else runs
    joined = "\n".join(pattern.findall(read)).replace("’", "'")
    if dead:  # a stand-in mark: a mark of its own, or (without marks) a space between two words
        joined = joined.replace(_DOT, " . " if punct else " ").replace(_SLASH, " / " if punct else " ")
    return (joined.lower() if lower else joined).split()  # no token holds a space


#: A run of plain words, each followed by a single space but the last: each word is what
#: the first alternative of _FAST_PATTERN finds, so the run holds the same tokens.
_SPACED_RUN = r"[A-Z]?[a-z]++(?![\w'’./\-‐‑])(?:\ [A-Z]?[a-z]++(?![\w'’./\-‐‑]))*+ |"


#: What every token but a mark starts with: each alternative of the words-only patterns (the
#: dead runs' too) begins with a letter, a digit or an apostrophe. Put first, it turns away a
#: blank or a mark between two words at once, where the engine would try every alternative.
_WORD_START = r"(?=[\w'’])"


@lru_cache(maxsize=1)
def _fast_split():
    """Runs of plain words or single tokens (words only; words and marks) as one capturing
    group, for ``re.split``."""
    words_only, with_marks, *_ = _fast()
    return (re.compile(f"({_WORD_START}(?:{_SPACED_RUN}{words_only.pattern}))", re.VERBOSE),
            re.compile(f"({_SPACED_RUN}{with_marks.pattern})", re.VERBOSE))


@lru_cache(maxsize=1)
def _strings() -> dict[str, str]:
    """Every word met this session, each as one string: ``{word: word}`` (``clear_caches()`` empties it).

    The words of every text are looked up here, so that a word is held once however often it
    occurs, in this text and the next, as ``sys.intern`` would hold it; a table of words alone is
    quicker to look a word up in than Python's table of every interned name.
    """
    return {}


def _one_string(words: list[str]) -> list[str]:
    """``words``, each as the one string :func:`_strings` holds for it (added when it is new)."""
    table = _strings()
    return list(map(table.setdefault, words, words))


def _fast_columns(text: str, lower: bool, punct: bool, offset: int = 0):
    """The tokens of tokenize_spans() as three columns ``(words, starts, ends)`` by the
    faster path, or None when the text needs the reference path.

    ``re.split`` with the pattern in a group gives [gap, match, gap, match, …, gap]
    in one call, where a match is a token or a run of plain words with one space
    between them (or, in a dead run, one stand-in mark between them). Joined by single
    spaces, the matches split into every token; the offsets are running sums of what
    stands before each token and of its length (``offset`` is added to every one). Only
    the matches are visited by Python code; the tokens only by C loops.
    """
    if _reads_apart(text):
        return None
    found = _read_for_fast_path(text)
    if found is None:
        return None
    read, dead = found
    # with marks, a dead run's stand-ins are single marks, one match each, read back below
    pattern = _fast_dead()[2] if dead and not punct else _fast_split()[bool(punct)]
    pieces = pattern.split(read)
    if len(pieces) == 1:
        return [], array("q"), array("q")
    matches, gaps = pieces[1::2], pieces[0:-1:2]
    joined = " ".join(matches).replace("’", "'")  # no token holds a space
    if dead:
        joined = _restore_marks(joined) if punct else joined.replace(_DOT, " ").replace(_SLASH, " ")
    lowered = joined.lower() if lower else joined
    if len(lowered) != len(joined):  # a letter whose lower case is two characters (İ): the offsets would shift
        return None
    # one string for each word, however often it occurs, in this text and the next
    return _one_string(lowered.split(" ")), *_offsets(lowered, matches, gaps, offset)


def _offsets(joined: str, matches: list[str], gaps: list[str], offset: int) -> tuple[array, array]:
    """The starts and ends of the words of ``joined``, the matches joined by single spaces (with
    stand-in marks read as spaces); ``gaps[m]`` stands before match ``m`` in the text.

    Inside a match the text and ``joined`` hold the same characters, so a word's place in the text
    is its place in ``joined`` moved by the gaps before its match, less the spaces put between the
    matches. NumPy finds every space of ``joined`` at once and moves each word, in C, with no
    Python int for each token.
    """
    import numpy as np

    # one 4-byte number a character (a lone surrogate too), the space 32
    chars = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    spaces = np.flatnonzero(chars == 32)  # no token holds a space: each one ends a word
    begin = np.empty(len(spaces) + 1, dtype=np.int64)
    begin[0] = 0
    begin[1:] = spaces + 1
    end = np.empty(len(spaces) + 1, dtype=np.int64)
    end[:-1] = spaces
    end[-1] = len(joined)
    first = np.zeros(len(matches), dtype=np.int64)  # where each match starts in `joined`
    np.cumsum(np.fromiter(map(len, matches), dtype=np.int64, count=len(matches))[:-1] + 1, out=first[1:])
    # match m starts in the text after gaps 0..m and matches 0..m-1: in `joined`, m spaces stand for the gaps
    shift = np.cumsum(np.fromiter(map(len, gaps), dtype=np.int64, count=len(gaps))) - np.arange(len(gaps)) + offset
    moved = shift[np.searchsorted(first, begin, side="right") - 1]
    starts, ends = array("q"), array("q")
    starts.frombytes((begin + moved).tobytes())
    ends.frombytes((end + moved).tobytes())
    return starts, ends


def _fast_spans(text: str, lower: bool, punct: bool) -> list[Token] | None:
    """tokenize_spans() by the faster path, or None when the text needs the reference path.

    The tokens are built from :func:`_fast_columns` without a Python-level loop
    (``tuple.__new__(Token, …)`` is what ``Token(word, start, end)`` does).
    """
    columns = _fast_columns(text, lower, punct)
    return None if columns is None else tokens_from_columns(columns)


def tokens_from_columns(columns) -> list[Token]:
    """Tokens from the three columns ``(words, starts, ends)``."""
    return list(map(tuple.__new__, repeat(Token), zip(*columns)))


#: token_columns() reads a long text in pieces of about this many characters, cut at a space
#: or a line break, so that what it holds while reading is a small multiple of one piece.
_COLUMN_PIECE = 1 << 20


def _cuts(text: str, size: int):
    """``(start, end)`` of pieces of ``text`` of about ``size`` characters, each but the last
    ending at a blank or after a mark that is a token of its own (see :data:`_SAFE_CUT`),
    so the tokens are the same."""
    start = 0
    while start < len(text):
        end = _cut_after(text, start + size) if len(text) - start > size else len(text)
        yield start, end
        start = end


def _readonly(numbers: array) -> memoryview:
    """A read-only view of an array of offsets: indexing, slicing, ``len`` and ``bisect`` work,
    and nothing can change the numbers it shows."""
    return memoryview(numbers).toreadonly()


def token_columns(text: str):
    """The word tokens of ``text`` as three columns: ``(words, starts, ends)``.

    The same tokens as :func:`tokenize_spans` with its defaults, kept as a tuple
    of strings and two read-only arrays of offsets: what the analysis reads, in a
    fraction of the memory, with no object per token for Python's garbage collector
    to visit. ``Article.words`` and ``Article.tokens`` are made from them. Nothing in
    the columns can be changed, so an article's words stay what the text says.

    Args:
        text: any string.

    Returns:
        ``(words, starts, ends)``: a tuple of lower-cased words and two read-only
        sequences of offsets (``memoryview`` of 64-bit integers), so that
        ``text[starts[k]:ends[k]]`` is word ``k`` as written.

    Raises:
        TypeError: ``text`` is not a string.

    >>> words, starts, ends = token_columns("Russia’s note")
    >>> words, list(starts), list(ends)
    (('russia', "'s", 'note'), [0, 6, 9], [6, 8, 13])
    """
    if not isinstance(text, str):
        raise TypeError(f"tokenize needs a string of text, not {type(text).__name__}: "
                        "pass article.text or a sentence, e.g. tokenize(article.text)")
    words, starts, ends = [], array("q"), array("q")
    for begin, end in _cuts(text, _COLUMN_PIECE):
        piece = text[begin:end] if (begin, end) != (0, len(text)) else text
        columns = _fast_columns(piece, True, False, offset=begin)
        if columns is None:
            tokens = tokenize_spans(piece)
            columns = (_one_string([t.word for t in tokens]), array("q", (t.start + begin for t in tokens)),
                       array("q", (t.end + begin for t in tokens)))
        words += columns[0]
        starts += columns[1]
        ends += columns[2]
    return tuple(words), _readonly(starts), _readonly(ends)


def _normalize(word: str, lower: bool) -> str:
    word = word.replace("’", "'")
    return word.lower() if lower else word


def _is_word(piece: str) -> bool:
    return piece[0].isalnum() or piece[0] in "'’" and len(piece) > 1


def tokenize_spans(text: str, *, lower: bool = True, punct: bool = False,
                   phrases=False) -> list[Token]:
    """Tokens of ``text`` with their character offsets into ``text``.

    Args:
        text: any string.
        lower: lower-case every token.
        punct: keep punctuation marks as tokens of their own.
        phrases: join multi-word names into one token: ``True`` for the list in
            ``data/phrases.txt``, or an iterable of phrases of your own.

    Returns:
        A list of :class:`Token` ``(word, start, end)``.

    >>> tokenize_spans("Russia’s note")
    [Token(word='russia', start=0, end=6), Token(word="'s", start=6, end=8), Token(word='note', start=9, end=13)]
    """
    if not isinstance(text, str):
        raise TypeError(f"tokenize needs a string of text, not {type(text).__name__}: "
                        "pass article.text or a sentence, e.g. tokenize(article.text)")
    tokens = _fast_spans(text, lower, punct)
    if tokens is None:
        tokens = [Token(_normalize(text[s:e], lower), s, e)
                  for s, e in _span_tokenize(text)
                  if punct or _is_word(text[s:e])]
    if phrases:
        tokens = join_phrases(tokens, load_phrases() if phrases is True else phrases)
    return tokens


def tokenize(text: str, *, lower: bool = True, punct: bool = False, phrases=False) -> list[str]:
    """Split ``text`` into word tokens (see :func:`tokenize_spans` for the options).

    Args:
        text: any string.
        lower, punct, phrases: as for :func:`tokenize_spans`.

    Returns:
        A list of the tokens as strings, in text order; joined phrases are
        written with ``_`` (``united_nations``).

    Raises:
        TypeError: ``text`` is not a string.

    >>> tokenize("Russia’s counter-terrorism note S/2016/867")
    ['russia', "'s", 'counter-terrorism', 'note', 's/2016/867']
    >>> tokenize("The United Nations Security Council met.", phrases=True)
    ['the', 'united_nations', 'security_council', 'met']
    >>> tokenize("It isn't U.S. policy, he said.", punct=True)
    ['it', 'is', "n't", 'u.s.', 'policy', ',', 'he', 'said', '.']
    """
    if not phrases and isinstance(text, str):
        words = _fast_words(text, lower, punct)
        if words is not None:
            return words
    return [t.word for t in tokenize_spans(text, lower=lower, punct=punct, phrases=phrases)]


# --- multi-word phrases -------------------------------------------------------------

def _phrase_key(words) -> tuple[str, ...]:
    return tuple(w.lower() for w in words)


def _longest_first(phrases) -> dict[str, list[tuple[str, ...]]]:
    """``{first word: [phrase, …]}``, each first word's phrases longest first (phrases as text
    or as tuples of lower-cased words; one-word phrases are left out)."""
    table = {}
    for phrase in phrases:
        key = phrase if isinstance(phrase, tuple) else _phrase_key(tokenize(phrase, lower=False))
        if len(key) >= 2:
            table.setdefault(key[0], set()).add(key)
    return {first: sorted(keys, key=len, reverse=True) for first, keys in table.items()}


def join_phrases(tokens: list[Token], phrases) -> list[Token]:
    """Join runs of tokens that spell a phrase into one token (longest match first)."""
    longest = _longest_first(phrases)
    if not longest:
        return list(tokens)
    out, i, lowered = [], 0, [t.word.lower() for t in tokens]
    while i < len(tokens):
        for key in longest.get(lowered[i], ()):
            if tuple(lowered[i:i + len(key)]) == key:
                run = tokens[i:i + len(key)]
                out.append(Token("_".join(t.word for t in run), run[0].start, run[-1].end))
                i += len(key)
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def join_phrase_columns(columns, phrases):
    """:func:`join_phrases` on columns ``(words, starts, ends)`` of lower-cased words, as columns.

    Only the places where a phrase can begin are looked at; the words between are copied
    as they are, so the whole takes one pass and holds no object per token.
    """
    words, starts, ends = columns
    longest = _longest_first(phrases)
    if not longest:
        return columns
    out_w, out_s, out_e = [], array("q"), array("q")
    copied = 0
    for i, w in enumerate(words):
        if i < copied or w not in longest:
            continue
        for key in longest[w]:
            if words[i:i + len(key)] == key:
                out_w += words[copied:i]
                out_s.frombytes(starts[copied:i].tobytes())
                out_e.frombytes(ends[copied:i].tobytes())
                out_w.append(_one_string(["_".join(key)])[0])
                out_s.append(starts[i])
                out_e.append(ends[i + len(key) - 1])
                copied = i + len(key)
                break
    out_w += words[copied:]
    out_s.frombytes(starts[copied:].tobytes())
    out_e.frombytes(ends[copied:].tobytes())
    return tuple(out_w), _readonly(out_s), _readonly(out_e)


@lru_cache(maxsize=8)
def _phrases(path: str, stamp) -> tuple[tuple[str, ...], ...]:
    return phrase_entries(path, read_lines(path))


def phrase_entries(path, numbered) -> tuple[tuple[str, ...], ...]:
    """Phrases written one per line, as word tuples; ``numbered`` holds ``(line, text)`` pairs of ``path``."""
    out = []
    for number, line in numbered:
        if any(mark in line for mark in ",;\t"):
            raise DataFileError(path, f"{line!r} holds more than one phrase",
                                "write one phrase per line, with no commas or semicolons", line=number)
        key = _phrase_key(tokenize(line, lower=False))
        if len(key) < 2:
            raise DataFileError(path, f"{line!r} is a single word, not a phrase",
                                "write two or more words on the line, or delete it", line=number)
        out.append(key)
    return tuple(out)


def load_phrases(path=None) -> tuple[tuple[str, ...], ...]:
    """The multi-word names from ``data/phrases.txt`` (or ``path``), as word tuples.

    Args:
        path: another phrase file, one phrase per line; ``None`` for the kit's.

    Returns:
        A tuple of phrases in file order, each a tuple of its lower-cased words.

    Raises:
        DataFileError: a line with a comma, a semicolon or a tab (more than one
            phrase), or with a single word.

    >>> ("united", "nations") in load_phrases()
    True
    """
    path = data_file("phrases.txt", path)
    return _phrases(str(path), file_stamp(path))


# --- sentences ----------------------------------------------------------------------

@lru_cache(maxsize=4)
def _abbreviations(path: str, stamp) -> frozenset[str]:
    lines = dict((text.lower(), number) for number, text in reversed(read_lines(path)))
    for entry in read_wordlist(path, lower=True):
        if entry.endswith("."):
            raise DataFileError(path, f"{entry!r} ends with a full stop",
                                f"drop the final full stop: write {entry.rstrip('.')!r}", line=lines.get(entry))
        if any(c.isspace() for c in entry):
            raise DataFileError(path, f"{entry!r} has a space in it",
                                "write one abbreviation per line, with no spaces (\"u.s\", not \"u. s\")",
                                line=lines.get(entry))
    return frozenset(read_wordlist(path, lower=True))


def load_abbreviations(path=None) -> frozenset[str]:
    """The abbreviations that do not end a sentence, from ``data/abbreviations.txt`` (or ``path``).

    Entries are lower case and written without their final full stop.

    Args:
        path: another abbreviation file, one per line; ``None`` for the kit's.

    Returns:
        A ``frozenset`` of lower-case abbreviations without their final full stop.

    Raises:
        DataFileError: an entry ends with a full stop or has a space in it.

    >>> "u.s" in load_abbreviations(), "mr" in load_abbreviations()
    (True, True)
    """
    path = data_file("abbreviations.txt", path)
    return _abbreviations(str(path), file_stamp(path))


#: A place Punkt weighs as a sentence end, given as it gives it (the word before the mark, the
#: mark, and the blanks and word after it), that Punkt with no trained statistics always reads as
#: one: a word of two or more plain letters, or of plain letters joined by hyphens
#: ("counter-terrorism"), then a question or exclamation mark, or a full stop when neither the word
#: nor its last part after a hyphen is a listed abbreviation (Punkt asks both), then blanks and a
#: letter, a digit, a bracket or a quote.
_PLAIN_END = re.compile(r"([A-Za-z]{2,}|[A-Za-z]+(?:-[A-Za-z]+)+)([.?!])[ \t\n]+[A-Za-z0-9(\[\"'“‘]")


@lru_cache(maxsize=4)
def _punkt(abbrev_path: str, stamp):
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    class Punkt(PunktSentenceTokenizer):
        """NLTK's Punkt, which answers at once for a plain sentence end (:data:`_PLAIN_END`).

        Punkt tokenizes and annotates the words around every full stop, question and exclamation
        mark (some 25 µs each); for "said. The" the answer is always yes. The spans are the same
        as NLTK's (tests/test_fast_paths.py checks it on the reports and on random text).
        """

        def text_contains_sentbreak(self, text: str) -> bool:
            plain = _PLAIN_END.match(text)
            if plain is not None:
                word = plain.group(1).lower()
                if plain.group(2) != "." or (word not in abbreviations
                                             and word.rpartition("-")[2] not in abbreviations):
                    return True
            return super().text_contains_sentbreak(text)

        def _match_potential_end_contexts(self, text: str):
            if _fast()[-1].search(text) is not None:
                return super()._match_potential_end_contexts(text)
            return self._contexts(text)

        def _contexts(self, text: str):
            """NLTK's candidate breaks and their contexts, found by the stdlib engine: for a text that
            holds only characters the two engines read alike (``\\s`` is the same for both), it reads
            NLTK's pattern some four times faster than the ``regex`` engine NLTK runs it with."""
            # NLTK's loop: the word before each candidate; a candidate whose word overlaps the next
            # candidate's is dropped
            previous_start = previous_stop = 0
            previous_match = None
            for match in period_context.finditer(text):
                at = match.start()
                after_space = self._get_last_whitespace_index(text[previous_stop:at])
                word_start = after_space + previous_stop + 1 if after_space else previous_start
                if previous_match and previous_stop <= word_start:
                    yield previous_match, (text[previous_start:previous_stop] + previous_match.group()
                                           + previous_match.group("after_tok"))
                previous_match, previous_start, previous_stop = match, word_start, at
            if previous_match:
                yield previous_match, (text[previous_start:previous_stop] + previous_match.group()
                                       + previous_match.group("after_tok"))

        def span_tokenize(self, text: str, realign_boundaries: bool = True):
            """NLTK's spans, found in one loop: its candidate breaks, then the same realignment of a
            closing quote or bracket, with no chain of generators and no copy of each sentence."""
            if not realign_boundaries:
                return super().span_tokenize(text, realign_boundaries)
            return iter(self._spans(text))

        def _spans(self, text: str) -> list[tuple[int, int]]:
            # NLTK's patterns, read by the stdlib engine when the text allows it (see _contexts)
            alike = _fast()[-1].search(text) is None
            contexts = self._contexts(text) if alike else super()._match_potential_end_contexts(text)
            # NLTK's _slices_from_text: a slice ends at each candidate break Punkt confirms
            slices, last_break = [], 0
            for match, context in contexts:
                if self.text_contains_sentbreak(context):
                    slices.append((last_break, match.end()))
                    last_break = match.start("next_tok") if match.group("next_tok") else match.end()
            slices.append((last_break, len(text.rstrip())))
            # NLTK's _realign_boundaries: closing marks at the start of a slice join the one before
            realignment = boundary_realignment if alike else self._lang_vars.re_boundary_realignment
            out, realign, last = [], 0, len(slices) - 1
            for k, (start, end) in enumerate(slices):
                start += realign
                if k == last:
                    if start < end:
                        out.append((start, end))
                    break
                after, stop = slices[k + 1]
                # the pattern read on text[after:stop], as NLTK reads it on that slice (endpos is its end)
                m = realignment.match(text, after, stop) if after < stop else None
                if m:
                    out.append((start, after + len(m.group(0).rstrip())))
                    realign = m.end() - after
                else:
                    realign = 0
                    if start < end:
                        out.append((start, end))
            return out

    abbreviations = load_abbreviations(abbrev_path)
    params = PunktParameters()
    params.abbrev_types = set(abbreviations)
    punkt = Punkt(params)
    # NLTK's patterns for a candidate break and for closing marks after one, for the stdlib engine
    period_context = re.compile(punkt._lang_vars.period_context_re().pattern, re.UNICODE | re.VERBOSE)
    boundary_realignment = re.compile(punkt._lang_vars.re_boundary_realignment.pattern, re.MULTILINE)
    return punkt


#: A full stop with blanks after it and a word after them (captured): where an abbreviation may end.
_STOP_BEFORE_WORD = re.compile(r"\.(?=\s+(\S+))")
#: A word standing on its own, with single full stops inside it only, that ends where the search
#: ends (``endpos``: just before a full stop). The blank before it may stand before ``pos``.
_WORD_TO_END = re.compile(r"(?<!\S)[^\s.?!]+(?:\.[^\s.?!]+)*\Z")
#: A character that can end a sentence, for Punkt.
_ENDS = re.compile(r"[.?!]")


#: What :func:`_without_abbreviation_stops` reads such a full stop as: a character of a word
#: (a private-use one, which no text of the kit holds), so that Punkt does not weigh it.
_NOT_A_STOP = "\ue000"


#: The characters whose lower case is an ASCII character: itself, its capital and, for k, the
#: Kelvin sign (tests/test_fast_paths.py checks this against every character).
_LOWERED_FROM = {**{c: c + c.upper() for c in "abcdefghijklmnopqrstuvwxyz"}, "k": "kK\u212a"}
#: What an abbreviation before a full stop looks like: words joined by single full stops.
_ABBREVIATION_SHAPE = re.compile(r"[^\s.?!]+(?:\.[^\s.?!]+)*")


@lru_cache(maxsize=4)
def _abbreviation_stops(abbreviations: frozenset):
    """One pattern for the full stops that :func:`_without_abbreviation_stops` reads as letters.

    A match is the full stop alone, so that ``pattern.sub`` replaces every one in C: the
    abbreviation before it is looked for behind it (each listed one, in any case), the word
    after it ahead of it. ``None`` when an abbreviation is not plain ASCII (the stops are
    then found one by one).
    """
    entries = sorted(e for e in abbreviations if _ABBREVIATION_SHAPE.fullmatch(e) and e == e.lower())
    if not all(e.isascii() for e in entries):
        return None
    if not entries:
        return re.compile(r"(?!)")  # nothing is read as a letter

    def written(entry):  # the entry in any case
        return "".join(f"[{_LOWERED_FROM[c]}]" if c in _LOWERED_FROM else re.escape(c) for c in entry)

    def any_of(group):  # one alternative per first character, then the rest of each entry
        firsts = {}
        for e in group:
            firsts.setdefault(e[0], []).append(written(e[1:]))
        return "|".join(written(c) + "(?:" + "|".join(rests) + ")" for c, rests in firsts.items())

    by_length = {}  # a look behind has one width: one for each length of abbreviation
    for e in entries:
        by_length.setdefault(len(e), []).append(e)
    before = "|".join(rf"(?<=(?<!\S)(?:{any_of(group)})\.)" for _, group in sorted(by_length.items()))
    alone = [e for e in entries if "." not in e]
    after = r"[^\s.?!]+(?!\S)" + (rf"|(?:{any_of(alone)})\.(?!\S)" if alone else "")
    return re.compile(rf"\.(?:{before})(?=\s+(?:{after}))")


@lru_cache(maxsize=4)
def _longest(abbreviations: frozenset) -> int:
    """The length of the longest abbreviation (0 for none)."""
    return max(map(len, abbreviations), default=0)


def _without_abbreviation_stops(text: str, abbreviations) -> str:
    """``text`` with the full stops of its listed abbreviations read as a letter (same length).

    Punkt marks a word it knows as an abbreviation (``Mr.``, ``U.S.``: ``abbrev_types``) as no
    sentence end and, having no sentence starters or orthographic statistics (nothing is
    trained), never makes it one from the word after it, which reads the same to it either
    way. Only when that word itself holds a sentence end (``Gen. “Yes.” …``) does Punkt end a
    sentence at the abbreviation: such a stop is left to it. The spans are the same, but Punkt
    weighs each full stop at a cost of some 100 µs: 1 MB of "Mr. Mr. …" took 17 s.

    The stops are found by one pattern (:func:`_abbreviation_stops`) that the regular expression
    engine runs from one full stop to the next; with an abbreviation that is not plain ASCII,
    only the full stops followed by a blank and a word are visited, one by one, and for each
    only the few characters before it that an abbreviation can span (a word longer than the
    longest one is none: lower case never makes a word shorter).
    """
    if not abbreviations or "." not in text:
        return text
    abbreviations = abbreviations if isinstance(abbreviations, frozenset) else frozenset(abbreviations)
    pattern = _abbreviation_stops(abbreviations)
    if pattern is not None:
        return pattern.sub(_NOT_A_STOP, text)
    longest = _longest(abbreviations)
    stops = []
    for m in _STOP_BEFORE_WORD.finditer(text):
        stop = m.start()
        word = _WORD_TO_END.search(text, max(0, stop - longest), stop)
        if word is not None and word.group().lower() in abbreviations:
            after = m.group(1)
            if not _ENDS.search(after) or (after.endswith(".") and not _ENDS.search(after, 0, len(after) - 1)
                                           and after[:-1].lower() in abbreviations):
                stops.append(stop)
    if not stops:
        return text
    pieces, at = [], 0
    for stop in stops:
        pieces += [text[at:stop], _NOT_A_STOP]
        at = stop + 1
    pieces.append(text[at:])
    return "".join(pieces)


# A quote closed with an OPENING mark, as in `threats, “ he emphasized`: Punkt would
# treat the stray “ as the start of a quotation. We read it as a closing mark.
STRAY_OPEN_QUOTE = re.compile(r" “(?<=[,.;:!?] “)(?= [a-z])")  # the literal first: found at once


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences in ``text``.

    Uses NLTK's Punkt with the abbreviations in ``data/abbreviations.txt``; no
    model is downloaded. Sentences never cross a blank line.

    Args:
        text: any string.

    Returns:
        A list of ``(start, end)`` pairs in text order; ``text[start:end]`` is one sentence.

    >>> t = "The U.S. delegation spoke. Document S/2016/867 was before the Council."
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['The U.S. delegation spoke.', 'Document S/2016/867 was before the Council.']
    """
    return list(sentence_spans(text))


def sentence_spans(text: str):
    """The spans of :func:`split_sentences`, one at a time: an article of a million
    paragraphs keeps no list of a million pairs while its sentences are stored."""
    path = data_dir() / "abbreviations.txt"
    punkt = _punkt(str(path), file_stamp(path))
    abbreviations = load_abbreviations(path)
    for block in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        piece = block.group()
        if "." not in piece and "?" not in piece and "!" not in piece:
            # no full stop, question or exclamation mark: Punkt gives the block as one sentence,
            # blanks at its end left out (those at its start kept), and is not asked
            end = len(piece.rstrip())
            if end:
                yield block.start(), block.start() + end
            continue
        piece = _without_abbreviation_stops(piece, abbreviations)  # same length: offsets hold
        if "“" in piece:
            piece = STRAY_OPEN_QUOTE.sub(" ”", piece)  # same length: offsets hold
        end = len(piece.rstrip())
        marks = piece.count(".") + piece.count("?") + piece.count("!")
        if not marks or marks == 1 and piece[end - 1] in ".?!" and end <= 2 * _PIECE:
            # no mark left once the abbreviations are read, or one, the block's last character
            # but blanks (a paragraph of one sentence): Punkt weighs a mark only when something
            # follows it, so it gives the block as one sentence, as above, and is not asked
            yield block.start(), block.start() + end
            continue
        for s, e in _punkt_spans(punkt, piece):
            yield block.start() + s, block.start() + e



def _punkt_spans(punkt, text: str):
    """Punkt's sentence spans; a very long paragraph is read in windows of ``_PIECE`` characters.

    Punkt decides each boundary from the words around it, so every sentence of a
    window but its last is final; the next window starts where that last one does.
    A window that holds no boundary (1 MB of "Mr. Mr. …", text with no full stop) says
    that none is in it: the sentence goes on, and the next window starts at a safe point
    near its end (see :func:`_resume_at`). Punkt never reads more than two windows at once,
    so no input makes NLTK's regular expressions run past their time limit.
    """
    start, opened = 0, None  # opened: where a sentence longer than a window began
    while len(text) - start > 2 * _PIECE:
        window = list(punkt.span_tokenize(text[start:start + _PIECE]))
        if len(window) < 2:  # no boundary in the window: the sentence goes on past it
            if opened is None:
                opened = start + (window[0][0] if window else 0)
            start = _resume_at(text, start, start + _PIECE)
            continue
        for s, e in window[:-1]:
            yield (start + s if opened is None else opened), start + e
            opened = None
        start += window[-1][0]
    for s, e in punkt.span_tokenize(text[start:]):
        yield (start + s if opened is None else opened), start + e
        opened = None
    if opened is not None:  # only blanks after a sentence as long as the rest
        yield opened, len(text.rstrip())


def _resume_at(text: str, start: int, end: int) -> int:
    """Where Punkt may read on from, after the window ``text[start:end]`` that it found no
    sentence end in.

    Punkt decides whether a full stop ends a sentence from the word that ends with it and the
    word after it. Every word of the window but its last two is followed by a whole word, so
    no sentence ends before the word that ends at the window's last blank: reading goes on
    from there. A window with fewer than two blanks (64 KB with no space, as in Chinese) holds
    no such word, and reading goes on from its end.
    """
    last = _last_blank(text, start, end)
    before = _last_blank(text, start, last) if last is not None else None
    return before + 1 if before is not None and before + 1 > start else end


def _last_blank(text: str, start: int, end: int) -> int | None:
    """The position of the last space, tab or line break of ``text[start:end]``, or ``None``."""
    found = max(text.rfind(" ", start, end), text.rfind("\t", start, end), text.rfind("\n", start, end))
    return found if found >= 0 else None


# --- organization mentions ------------------------------------------------------------

@lru_cache(maxsize=8)
def _aliases(path: str, stamp) -> dict[str, tuple[str, ...]]:
    return alias_entries(path, read_lines(path))


def alias_entries(path, numbered) -> dict[str, tuple[str, ...]]:
    """Organizations written ``KEY: name; name``; ``numbered`` holds ``(line, text)`` pairs of ``path``."""
    aliases, owner = {}, {}
    for number, line in numbered:
        key, sep, names = line.partition(":")
        key = key.strip()
        if not sep or not key:
            raise DataFileError(path, f"{line!r} has no 'KEY:' at its start",
                                "write the line as  KEY: full name; short name", line=number)
        if key in aliases:
            raise DataFileError(path, f"the key {key!r} appears twice",
                                "put all names of one organization on one line", line=number)
        names = tuple(n.strip() for n in names.split(";") if n.strip())
        if not names:
            raise DataFileError(path, f"{key!r} has no names after the ':'",
                                f"write the names, e.g.  {key}: full name; {key}", line=number)
        for name in names:
            if ":" in name:
                raise DataFileError(path, f"{name!r} has a second ':'",
                                    "write one ':' per line, after the key, and separate the names with ';'",
                                    line=number)
            if "," in name:
                raise DataFileError(path, f"{name!r} has a comma in it",
                                    "separate the names with ';', not ',': "
                                    f"{key}: {'; '.join(n.strip() for n in name.split(','))}", line=number)
            if owner.get(name) == key:
                raise DataFileError(path, f"the name {name!r} appears twice on the line",
                                    "write each name once", line=number)
            if name in owner:
                raise DataFileError(path, f"the name {name!r} is listed for both {owner[name]!r} and {key!r}",
                                    "keep the name on one line only", line=number)
            owner[name] = key
        aliases[key] = names
    return aliases


def load_aliases(path=None) -> dict[str, tuple[str, ...]]:
    """Organizations and their names from ``data/aliases.txt`` (or ``path``).

    Args:
        path: another alias file, written ``KEY: full name; short name``; ``None`` for the kit's.

    Returns:
        A dict from each organization's key to the tuple of its names, in file order.

    Raises:
        DataFileError: a line with no ``KEY:``, a key or name written twice, a
            name listed for two organizations, or names separated by commas.

    >>> load_aliases()["SCO"]
    ('Shanghai Cooperation Organization', 'Shanghai Cooperation Organisation', 'SCO')
    """
    path = data_file("aliases.txt", path)
    return dict(_aliases(str(path), file_stamp(path)))  # a copy: editing it leaves the cache as the file says


def find_mentions(text: str, aliases=None) -> list[Mention]:
    """Every mention of an organization in ``text``, by any of its names.

    Where two names overlap the longer wins ("the Commonwealth of Independent
    States" is one CIS mention), and a full name followed at once by its acronym
    in brackets is one mention.

    Args:
        text: any string, e.g. ``article.text``.
        aliases: ``{key: [names]}``; ``None`` reads ``data/aliases.txt``.

    Returns:
        A list of :class:`Mention` ``(key, name, start, end)`` in text order,
        where ``text[start:end]`` is the name as written.

    >>> [m.key for m in find_mentions("The Shanghai Cooperation Organization (SCO) and the SCO met.")]
    ['SCO', 'SCO']
    """
    aliases = load_aliases() if aliases is None else aliases
    size = len(text)
    entries = tuple((key, tuple(names)) for key, names in aliases.items())
    try:
        finder = _name_finder(entries)
    except TypeError:  # a name that is not text: looked for on its own (and refused there)
        finder = None
    if finder is None:
        found = _found_one_by_one(text, _variants(entries))
    else:
        variants, pattern, shorter = finder
        found = [] if pattern is None else _found_by_pattern(text, variants, pattern, shorter)
    taken, kept = bytearray(size), []  # longest first: a name overlapping a kept one is dropped
    for at, end, key, name in sorted(found, key=lambda m: (m[0] - m[1], m[0])):
        if 1 not in taken[at:end]:
            taken[at:end] = b"\1" * (end - at)
            kept.append((at, end, key, name))
    out: list[Mention] = []
    new_mention = tuple.__new__  # what Mention(key, name, at, end) does, with no call in Python
    for at, end, key, name in sorted(kept):  # no two kept mentions start at the same place
        if out and out[-1].key == key and text[end:end + 1] == ")":
            gap = text[out[-1].end:at]
            if gap.endswith("(") and (len(gap) == 1 or gap[:-1].isspace()):
                continue  # "Full Name (ACRONYM)": the acronym repeats the same mention
        out.append(new_mention(Mention, (key, name, at, end)))
    return out


def _variants(entries) -> dict[str, str]:
    """``{name: key}``: each name as written, and with a capital first where it is written in lower case."""
    variants = {}
    for key, names in entries:
        for name in filter(None, names):
            variants[name] = key
            if name[0].islower():
                variants[name[0].upper() + name[1:]] = key
    return variants


def _joins(text: str, at: int, end: int) -> bool:
    """Whether a letter or a digit joins ``text[at:end]`` on either side (an underscore separates, as a space does)."""
    return (at > 0 and text[at - 1].isalnum()) or (end < len(text) and text[end].isalnum())


def _found_one_by_one(text: str, variants: dict) -> list[tuple[int, int, str, str]]:
    """``(start, end, key, name)`` of every place of every name that no letter or digit joins: each name
    looked for on its own, from the end of its last place (or one past a place a letter joins)."""
    found = []
    for name, key in variants.items():
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if not _joins(text, at, end):
                found.append((at, end, key, name))
                at = text.find(name, end)
            else:
                at = text.find(name, at + 1)
    return found


#: The most names :func:`_name_finder` joins into one pattern: past it, each is looked for on its own.
_MOST_NAMES = 5000


@lru_cache(maxsize=16)
def _name_finder(entries: tuple):
    """``(variants, pattern, shorter)`` for the organizations ``entries`` (``(key, names)`` pairs).

    ``variants`` is :func:`_variants`. ``pattern`` finds, at each place of the text where some
    name starts, the longest name that starts there: the names are one tree of their letters
    (a name that goes on is tried before the name it extends), so the engine visits each place
    once, in C. The other names that start there are the longest one's beginnings:
    ``shorter[name]`` lists them. ``pattern`` is ``None`` when there is no name, and the whole
    is ``None`` when the names are too many or nest too deep for one pattern.
    """
    variants = _variants(entries)
    if not variants:
        return variants, None, {}
    if len(variants) > _MOST_NAMES or not all(isinstance(n, str) for n in variants):
        return None
    tree: dict = {}
    for name in variants:
        node = tree
        for c in name:
            node = node.setdefault(c, {})
        node[""] = {}  # a name ends here

    def written(node) -> str:
        ends = "" in node
        ways = [re.escape(c) + written(sub) for c, sub in node.items() if c]
        if not ways:
            return ""
        body = ways[0] if len(ways) == 1 else "(?:" + "|".join(ways) + ")"
        return "(?:" + body + ")?" if ends else body  # greedy: the longer name first

    try:
        pattern = re.compile(written(tree))
    except (RecursionError, re.error, OverflowError):  # names that nest too deep for one pattern
        return None
    shorter = {name: [n for n in (name[:k] for k in range(1, len(name))) if n in variants] for name in variants}
    return variants, pattern, {name: tuple(found) for name, found in shorter.items() if found}


def _found_by_pattern(text: str, variants: dict, pattern, shorter: dict) -> list[tuple[int, int, str, str]]:
    """What :func:`_found_one_by_one` finds, by one pattern for every name (see :func:`_name_finder`).

    Every place where a name starts is found once; each name's places, in text order, are then
    read as the search of that name alone reads them: a place that starts before the end of the
    name's last place is skipped, and a place a letter or digit joins is no mention.
    """
    places: dict[str, list[int]] = {}
    search = pattern.search
    m = search(text)
    while m is not None:
        at = m.start()
        name = m.group()
        places.setdefault(name, []).append(at)
        for other in shorter.get(name, ()):
            places.setdefault(other, []).append(at)
        m = search(text, at + 1)
    found = []
    for name, starts in places.items():
        key, size, free = variants[name], len(name), 0
        for at in starts:
            if at >= free and not _joins(text, at, at + size):
                found.append((at, at + size, key, name))
                free = at + size
    return found
