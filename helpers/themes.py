"""Comparing themes across speakers, organizations and blocs with an editable lexicon.

A *theme* is a named list of terms in ``data/themes.txt`` — words (``crisis``),
word beginnings (``terror*``) and phrases (``drug trafficking``) — that a teacher
can edit. :func:`theme_hits` finds every term in ``article.tokens``, so each hit
is a span of ``article.text`` that can be shown in context; :func:`theme_matrix`
counts the hits by speaker, organization, bloc, paragraph or sentence, and every
cell of it equals the number of :func:`theme_hits` rows for that group and theme.

Groups come from :func:`helpers.attribute`: a sentence attributed to two
speakers counts for both of them (so the rows of a speaker matrix can add up to
more than the article's hits), and a sentence attributed to no one is counted
under ``"(narration)"``. Comparisons: :func:`theme_keyness` (log-likelihood G²
with a log ratio), :func:`theme_cooccurrence` (themes sharing a sentence) and
:func:`theme_dispersion` (where in the article a theme appears).
"""

from __future__ import annotations

import bisect
import difflib
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .datafiles import DataFileError, data_dir, file_stamp, read_lines
from .display import table as _table
from .tokens import tokenize

__all__ = [
    "Theme", "Bloc", "Hit", "load_themes", "make_theme", "load_blocs", "theme_groups",
    "theme_hits", "theme_matrix", "explain_zero", "theme_keyness", "theme_cooccurrence",
    "theme_dispersion", "show_theme_hits", "theme_table", "GROUPINGS", "NARRATION", "OTHER",
]

#: The ways :func:`theme_matrix` can group the article.
GROUPINGS = ("speaker", "organization", "bloc", "paragraph", "sentence")
#: The row for sentences the reporter writes in his own voice.
NARRATION = "(narration)"
#: The bloc row for speakers listed in no bloc.
OTHER = "(other)"


# --- the lexicon ---------------------------------------------------------------------

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
        marks = [m for m in marked if m not in plain]
        if marks or not plain:
            raise ValueError(f"{term!r} contains {''.join(marks) or body!r}, which is not part of a word",
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


def _themes_path(path) -> Path:
    return Path(path) if path is not None else data_dir() / "themes.txt"


@lru_cache(maxsize=16)
def _load_themes(path: str, stamp) -> dict[str, Theme]:
    return _read_sections(Path(path), kind="theme")


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
    path = _themes_path(path)
    return dict(_load_themes(str(path), file_stamp(path)))


def theme_table(themes=None):
    """The themes as a table to read: each theme's note and its terms, nothing cut short.

    Args:
        themes: another lexicon (a themes file, a dict ``{name: terms}`` or Theme objects);
            ``None`` for ``data/themes.txt``.

    Returns:
        A Table (a DataFrame) indexed by theme, with the columns ``note``, ``terms``
        (joined by "; ", as in the file) and ``not`` (the ``not:`` lines).

    >>> t = theme_table()
    >>> t.loc["Territorial integrity", "terms"]
    'territorial integrity; annex*; occupied; occupation'
    """
    import pandas as pd

    rows = [(t.name, t.note, "; ".join(t.terms), "; ".join(t.exclude)) for t in _lexicon(themes).values()]
    return _table(pd.DataFrame(rows, columns=["theme", "note", "terms", "not"]).set_index("theme"))


def _read_sections(path: Path, kind: str):
    """Read ``[Name]`` / ``note:`` / entry lines into Theme or Bloc objects."""
    sections: dict[str, dict] = {}
    current = None
    what = "term" if kind == "theme" else "entry"
    for number, line in read_lines(path):
        if line.startswith("["):
            if not line.endswith("]") or not line[1:-1].strip():
                raise DataFileError(path, f"{line!r} is not a {kind} heading",
                                    f"write the {kind}'s name in square brackets, e.g. [My {kind}]",
                                    line=number)
            name = " ".join(line[1:-1].split())
            twin = next((n for n in sections if n.lower() == name.lower()), None)
            if twin is not None:
                raise DataFileError(path, f"the {kind} {name!r} appears twice (first on line "
                                    f"{sections[twin]['line']})",
                                    f"give it another name, or merge the two lists under one [{twin}]",
                                    line=number)
            current = sections[name] = {"line": number, "note": "", "items": [], "exclude": []}
            continue
        if current is None:
            raise DataFileError(path, f"{line!r} comes before any [{kind.title()} name] heading",
                                f"put a heading such as [My {kind}] above the first {what}", line=number)
        key, sep, rest = line.partition(":")
        if sep and key.strip().lower() == "note":
            current["note"] = rest.strip()
            continue
        if kind == "theme" and sep and key.strip().lower() == "not":
            target = current["exclude"]
            line = rest.strip()
        else:
            target = current["items"]
        if kind == "theme":
            try:
                _parse_term(line)
            except ValueError as err:
                problem, fix = err.args
                raise DataFileError(path, problem, fix, line=number) from None
        if line.lower() not in (t.lower() for t in target):
            target.append(line)
    out = {}
    for name, s in sections.items():
        if not s["items"]:
            raise DataFileError(path, f"the {kind} [{name}] has no {'terms' if kind == 'theme' else 'entries'}",
                                f"add one {what} per line under [{name}], or delete the heading",
                                line=s["line"])
        if kind == "theme":
            out[name] = Theme(name, s["note"], tuple(s["items"]), tuple(s["exclude"]), s["line"])
        else:
            out[name] = Bloc(name, s["note"], tuple(s["items"]), s["line"])
    return out


def _lexicon(themes) -> dict[str, Theme]:
    """Accept None (the file), a path, a dict of Theme objects or a list of them."""
    if themes is None or isinstance(themes, (str, Path)):
        return load_themes(themes)
    if isinstance(themes, Theme):
        return {themes.name: themes}
    if isinstance(themes, dict):
        return {name: t if isinstance(t, Theme) else make_theme(name, t) for name, t in themes.items()}
    return {t.name: t for t in themes}


# --- blocs ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Bloc:
    """A bloc: its name, a note, and its members (speaker names, other names or countries)."""

    name: str
    note: str
    members: tuple[str, ...]
    line: int | None = None


@lru_cache(maxsize=16)
def _load_blocs(path: str, stamp) -> dict[str, Bloc]:
    blocs = _read_sections(Path(path), kind="bloc")
    owner: dict[str, str] = {}
    for bloc in blocs.values():
        for member in bloc.members:
            if member.lower() in owner:
                line = next(n for n, l in read_lines(path) if l == member and n > bloc.line)
                raise DataFileError(path, f"{member!r} is in both [{owner[member.lower()]}] and [{bloc.name}]",
                                    "keep it in one bloc only", line=line)
            owner[member.lower()] = bloc.name
    return blocs


def load_blocs(path=None) -> dict[str, Bloc]:
    """The blocs of ``data/blocs.txt`` (or ``path``), by name, in file order.

    Args:
        path: another blocs file, written like ``data/blocs.txt``; ``None`` for the kit's.

    Returns:
        A dict from bloc name to :class:`Bloc`.

    Raises:
        DataFileError: with the file and line, for an entry before any ``[Bloc]``,
            a bloc with no entries, a bloc name used twice, or a member in two blocs.

    >>> load_blocs()["Regional secretariats"].members
    ('Nikolai Bordyuzha', 'Rashid Alimov', 'Sergey Ivanov')
    """
    path = Path(path) if path is not None else data_dir() / "blocs.txt"
    return dict(_load_blocs(str(path), file_stamp(path)))


# --- matching ------------------------------------------------------------------------

class Hit(NamedTuple):
    """One occurrence of a theme's term: ``article.text[start:end]`` is what matched."""

    theme: str
    term: str
    sentence: int
    paragraph: int
    start: int
    end: int


def _word_matches(pattern: tuple[str, bool], word: str) -> bool:
    stem, prefix = pattern
    return word.startswith(stem) if prefix else word == stem


@lru_cache(maxsize=64)
def _positions(article) -> tuple[dict[str, list[int]], list[str]]:
    """Where each word of the article occurs, ``{word: [token index, ...]}``, and the words sorted."""
    index: dict[str, list[int]] = {}
    for k, w in enumerate(article.words):
        index.setdefault(w, []).append(k)
    return index, sorted(index)


@lru_cache(maxsize=256)
def _plan(theme: Theme):
    """A theme's terms in the order they are tried, indexed by their first word.

    Returns ``(exact, prefixed, known)``: ``{first word: [(rank, candidate), ...]}`` for terms
    whose first word is a whole word, ``[(rank, candidate), ...]`` for those whose
    first word is a prefix (``terror*``), and an empty dict that :func:`_hits` fills
    with ``{word: [candidate, ...]}``, the terms a word can begin, in the order tried.
    A candidate is ``(patterns, term, excluded)``; its rank is its place in the order:
    longest first, and on a tie ``not:`` first.
    """
    candidates = [(p, term, False) for p, term in zip(theme.patterns, theme.terms)]
    candidates += [(p, term, True) for p, term in zip(theme.exclude_patterns, theme.exclude)]
    candidates.sort(key=lambda c: (-len(c[0]), not c[2]))  # longest first; on a tie, `not:` wins
    exact: dict[str, list] = {}
    prefixed = []
    for rank, c in enumerate(candidates):
        stem, prefix = c[0][0]
        if prefix:
            prefixed.append((rank, c))
        else:
            exact.setdefault(stem, []).append((rank, c))
    return exact, prefixed, {}


@lru_cache(maxsize=512)
def _hits(article, theme: Theme) -> tuple[Hit, ...]:
    """Every hit of one theme, left to right; the longest term (or ``not:`` phrase) wins."""
    words, token_start, token_end = article.token_columns
    starts = [s.start for s in article.sentences]

    def sentence_of(k):
        return bisect.bisect_right(starts, token_start[k]) - 1

    # Only a token that can begin some term is tried: one pass, linear in the article's length.
    exact, prefixed, known = _plan(theme)
    prefixes = {c[0][0][0] for _, c in prefixed}
    out, i = [], 0
    # The article's distinct words are tried, not every token: a word beginning with a
    # prefix is found by bisection in the sorted words; each keeps only the terms it can begin.
    index, vocabulary = _positions(article)
    begins = {w for w in exact if w in index}
    for prefix in prefixes:
        k = bisect.bisect_left(vocabulary, prefix)
        while k < len(vocabulary) and vocabulary[k].startswith(prefix):
            begins.add(vocabulary[k])
            k += 1

    def terms_beginning(w):  # in the order they are tried
        pairs = exact.get(w, []) + [(r, c) for r, c in prefixed if w.startswith(c[0][0][0])]
        return [c for _, c in sorted(pairs, key=lambda pair: pair[0])]

    for w in begins - known.keys():  # kept with the theme: the next article has the same words
        known[w] = terms_beginning(w)
    for at in sorted(k for w in begins for k in index[w]):
        if at < i:
            continue  # inside the previous hit
        i = at
        for pattern, term, excluded in known[words[at]]:
            j = i + len(pattern)
            # the first word matches (that is how `known` was filled): a one-word term is a hit
            if j == i + 1 or j <= len(words) \
                    and all(_word_matches(p, w) for p, w in zip(pattern[1:], words[i + 1:j])) \
                    and sentence_of(i) == sentence_of(j - 1):
                if not excluded:
                    s = article.sentences[sentence_of(i)]
                    out.append(Hit(theme.name, term, s.index, s.paragraph, token_start[i], token_end[j - 1]))
                i = j
                break
    return tuple(out)


# --- groups --------------------------------------------------------------------------

def _check_by(by):
    if by not in GROUPINGS:
        close = difflib.get_close_matches(str(by), GROUPINGS, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise ValueError(f"by={by!r} is not a grouping; {hint}use one of: {', '.join(GROUPINGS)}")


def _bloc_keys(speaker) -> tuple[str, ...]:
    """The names a bloc entry can give a speaker by, in the order they are tried: name, aliases, country."""
    return tuple(k for k in (speaker.name, *speaker.aliases, speaker.country) if k)


def _bloc_table(path=None) -> dict[str, str]:
    return {m.lower(): b.name for b in load_blocs(path).values() for m in b.members}


def theme_groups(article, by: str = "speaker", *, blocs=None) -> dict:
    """Which sentences belong to which group: ``{group: (sentence index, ...)}``, in order.

    Args:
        article: an :class:`~helpers.Article`.
        by: ``"speaker"``, ``"organization"`` (whom the speaker speaks for: UN, CSTO,
            SCO, CIS or member states, in the order ``data/speakers.csv`` first names
            them), ``"bloc"`` (``data/blocs.txt``),
            ``"paragraph"`` or ``"sentence"``.
        blocs: another blocs file, for ``by="bloc"``.

    Returns:
        A dict from group to the indices of its sentences. A sentence attributed
        to two speakers is in both groups; sentences attributed to no one are in
        ``"(narration)"``, which comes last.

    >>> from helpers import load_article
    >>> groups = theme_groups(load_article(), "organization")
    >>> list(groups)
    ['UN', 'CSTO', 'SCO', 'CIS', 'member states', '(narration)']
    """
    _check_by(by)
    if by == "sentence":
        return {s.index: (s.index,) for s in article.sentences}
    if by == "paragraph":
        out: dict = {}
        for s in article.sentences:
            out.setdefault(s.paragraph, []).append(s.index)
        return {p: tuple(v) for p, v in out.items()}
    from .speakers import attribute, speakers

    registry = {sp.name: sp for sp in speakers()}
    if by == "organization":
        order = list(dict.fromkeys(sp.speaks_for for sp in registry.values()))
        label = lambda name: registry[name].speaks_for  # noqa: E731
    elif by == "bloc":
        table = _bloc_table(blocs)
        order = list(load_blocs(blocs)) + [OTHER]

        def label(name):
            for key in _bloc_keys(registry[name]):
                if key.lower() in table:
                    return table[key.lower()]
            return OTHER
    else:
        order = []
        label = lambda name: name  # noqa: E731
    found: dict = {}
    for attribution in attribute(article):
        labels = dict.fromkeys(label(n) for n in attribution.speakers) or {NARRATION: None}
        for group in labels:
            found.setdefault(group, []).append(attribution.sentence.index)
    ranked = [g for g in order if g in found] + [g for g in found if g not in order and g != NARRATION]
    if NARRATION in found:
        ranked.append(NARRATION)
    return {g: tuple(found[g]) for g in ranked}


def _group_tokens(article, groups: dict) -> dict:
    # A token belongs to the last sentence starting at or before it; tokens are in text
    # order, so each sentence's tokens are one run, found by bisection (a token before
    # the first sentence, if any, counts for the last, as bisect_right(...) - 1 gives).
    at = article.token_columns[1]
    cuts = [bisect.bisect_left(at, s.start) for s in article.sentences] + [len(at)]
    per_sentence = [b - a for a, b in zip(cuts, cuts[1:])]
    if per_sentence:
        per_sentence[-1] += cuts[0]
    return {g: sum(per_sentence[i] for i in idx) for g, idx in groups.items()}


def _groups_of(groups: dict) -> dict[int, list]:
    """The other way round from :func:`theme_groups`: sentence index → its groups, in group order."""
    out: dict[int, list] = {}
    for g, idx in groups.items():
        for i in idx:
            out.setdefault(i, []).append(g)
    return out


def _select(lexicon: dict, theme) -> list[Theme]:
    if theme is None:
        return list(lexicon.values())
    if isinstance(theme, (str, Theme)):
        names = [theme]
    else:
        try:
            names = list(theme)
        except TypeError:
            raise TypeError(f"theme should be a theme's name, a Theme (from make_theme) or a list of them, "
                            f"not {type(theme).__name__} {theme!r}") from None
    out = []
    for name in names:
        if isinstance(name, Theme):  # made with make_theme: used as it is
            out.append(name)
            continue
        match = next((t for n, t in lexicon.items() if n.lower() == str(name).lower()), None)
        if match is None:
            close = difflib.get_close_matches(str(name), list(lexicon), n=1, cutoff=0.3)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            raise KeyError(f"there is no theme {name!r}.{hint} Themes: {', '.join(lexicon)}")
        out.append(match)
    return out


# --- hits and the matrix -------------------------------------------------------------

def theme_hits(article, theme=None, group=None, *, by: str = "sentence", themes=None, blocs=None,
               width: int = 40):
    """Every match of the themes' terms, one row per hit and group, KWIC-style.

    Args:
        article: an :class:`~helpers.Article`.
        theme: a theme name, a list of names, or ``None`` for all.
        group: keep only this group (a speaker, an organization, a bloc, a paragraph
            or sentence number), or ``None`` for all.
        by: the grouping (see :func:`theme_groups`).
        themes: another lexicon: a themes file, or a dict ``{name: terms}``.
        blocs: another blocs file, for ``by="bloc"``.
        width: characters of context on each side.

    Returns:
        A Table (a DataFrame) with columns theme, term, group, sentence, paragraph, start,
        end, left, keyword, right; ``article.text[start:end] == keyword``. A hit
        in a sentence shared by two groups appears once for each.

    >>> from helpers import load_article
    >>> rows = theme_hits(load_article(), "Territorial integrity")
    >>> rows[["term", "sentence", "keyword"]].values.tolist()
    [['territorial integrity', 15, 'territorial integrity']]
    """
    import pandas as pd

    lexicon = _lexicon(themes)
    groups = theme_groups(article, by, blocs=blocs)
    if group is not None and group not in groups:
        raise KeyError(f"there is no group {group!r} when grouping by {by!r}; groups: "
                       + ", ".join(map(str, groups)))
    member_of = _groups_of({g: idx for g, idx in groups.items() if group is None or g == group})
    text, rows = article.text, []
    for t in _select(lexicon, theme):
        for h in _hits(article, t):
            for g in member_of.get(h.sentence, ()):
                left = text[max(0, h.start - width):h.start].replace("\n", " ")
                right = text[h.end:h.end + width].replace("\n", " ")
                rows.append((h.theme, h.term, g, h.sentence, h.paragraph, h.start, h.end,
                             left.rjust(width), text[h.start:h.end], right.ljust(width)))
    columns = ["theme", "term", "group", "sentence", "paragraph", "start", "end", "left", "keyword", "right"]
    return _table(pd.DataFrame(rows, columns=columns))


def theme_matrix(article, by: str = "speaker", normalize=None, *, themes=None, blocs=None):
    """How often each theme occurs in each group: rows are groups, columns are themes.

    Args:
        article: an :class:`~helpers.Article`.
        by: ``"speaker"``, ``"organization"``, ``"bloc"``, ``"paragraph"`` or ``"sentence"``.
        normalize: ``None`` for counts, ``"per_1000"`` for hits per 1,000 word
            tokens of the group's sentences.
        themes: another lexicon (a themes file, or a dict ``{name: terms}``).
        blocs: another blocs file, for ``by="bloc"``.

    Returns:
        A Table (a DataFrame). Every count equals the number of :func:`theme_hits` rows
        for that group and theme. ``.attrs["tokens"]`` holds each group's token
        count and ``.attrs["hints"]`` a hint for each theme that matched nothing.

    >>> from helpers import load_article
    >>> m = theme_matrix(load_article(), by="organization")
    >>> int(m.loc["CSTO", "Terrorism & extremism"]) > 0
    True
    """
    import pandas as pd

    if normalize not in (None, "per_1000"):
        raise ValueError(f"normalize={normalize!r}: use None for counts or 'per_1000' for rates")
    lexicon = _lexicon(themes)
    groups = theme_groups(article, by, blocs=blocs)
    index = pd.Index(list(groups), name=by)
    where = _groups_of(groups)
    tally: dict[tuple, int] = {}
    for t in lexicon.values():
        for h in _hits(article, t):
            for g in where.get(h.sentence, ()):
                tally[g, t.name] = tally.get((g, t.name), 0) + 1
    if all(name == t.name for name, t in lexicon.items()):  # built at once: .loc in a loop is slow
        import numpy as np  # a 2-D array is one block for pandas; a list of rows is converted column by column

        cells = np.array([[tally.get((g, name), 0) for name in lexicon] for g in groups], dtype=np.int64)
        counts = pd.DataFrame(cells.reshape(len(groups), len(lexicon)), index=index, columns=list(lexicon))
    else:
        counts = pd.DataFrame(0, index=index, columns=list(lexicon), dtype="int64")
        for (g, name), n in tally.items():
            counts.loc[g, name] = n
    counts.columns.name = "theme"
    tokens = _group_tokens(article, groups)
    out = counts
    if normalize == "per_1000":
        sizes = pd.Series(tokens).reindex(counts.index).replace(0, float("nan"))
        out = (counts.div(sizes, axis=0) * 1000).round(2)
    out = _table(out, decimals=2 if normalize else None)
    out.attrs["tokens"] = tokens
    out.attrs["hints"] = {t.name: explain_zero(article, t, themes=lexicon)
                          for t in lexicon.values() if not _hits(article, t)}
    return out


def explain_zero(article, theme, *, themes=None) -> str:
    """Why a theme has no hits, and what to try: its terms and look-alike words in the article.

    Args:
        article: an :class:`~helpers.Article`.
        theme: a theme name, or a :class:`Theme` (e.g. from :func:`make_theme`).
        themes: the lexicon to look the name up in.

    Returns:
        A few lines of text: the theme's terms, words of the article that look
        close to them, and what to try. For a theme that has hits, one line
        saying how many.

    Raises:
        KeyError: there is no theme of that name (the message suggests a close one).

    >>> from helpers import load_article
    >>> print(explain_zero(load_article(), make_theme("Nuclear", "nuclear; atom*")))
    No term of the theme 'Nuclear' occurs in the article, so its count is 0 everywhere.
      Its terms: nuclear; atom*
      No word of the article looks like them: the article may simply not talk about this.
      To try: check the spelling, end a word with * to catch other endings (terror* for terrorism), or add terms.
    """
    if not isinstance(theme, Theme):
        theme = _select(_lexicon(themes), theme)[0]
    found = _hits(article, theme)
    if found:
        return f"The theme {theme.name!r} has {len(found)} hit(s); see theme_hits(article, {theme.name!r})."
    vocabulary = sorted(set(article.words))
    near: list[str] = []
    for pattern in theme.patterns:
        for stem, _ in pattern:
            near += [w for w in vocabulary if stem[:5] and w.startswith(stem[:5]) and w not in near]
            near += [w for w in difflib.get_close_matches(stem, vocabulary, n=3, cutoff=0.75) if w not in near]
    lines = [f"No term of the theme {theme.name!r} occurs in the article, so its count is 0 everywhere.",
             f"  Its terms: {'; '.join(theme.terms)}"]
    if near:
        lines.append(f"  Words of the article that look close: {', '.join(near[:12])}")
    else:
        lines.append("  No word of the article looks like them: the article may simply not talk about this.")
    if theme.exclude:
        lines.append(f"  Its not: lines ({'; '.join(theme.exclude)}) take words out before counting.")
    lines.append("  To try: check the spelling, end a word with * to catch other endings "
                 "(terror* for terrorism), or add terms.")
    return "\n".join(lines)


def show_theme_hits(article, theme=None, group=None, *, by: str = "sentence", themes=None, blocs=None,
                    width: int = 40):
    """Print the hits of :func:`theme_hits` as concordance lines: sentence, group, term, context.

    Args:
        article, theme, group, by, themes, blocs, width: as for :func:`theme_hits`.

    Returns:
        None; it prints, for each theme with hits, its number of hits, then one
        line per hit (the group is shown unless ``by`` is "sentence" or "paragraph").
        A theme you name that has no hits gets a line saying so, and why
        (:func:`explain_zero`); with all themes, those without hits are listed at the end.

    Raises:
        KeyError: there is no theme or group of that name.

    >>> from helpers import load_article
    >>> show_theme_hits(load_article(), "Territorial integrity", width=20)
    Territorial integrity — 1 hit(s)
      sentence 15  [territorial integrity]  or the principle of [territorial integrity]. The United Kingdom
    """
    rows = theme_hits(article, theme, group, by=by, themes=themes, blocs=blocs, width=width)
    lexicon = _lexicon(themes)
    parts = dict(tuple(rows.groupby("theme", sort=False)))
    none = []
    for t in _select(lexicon, theme):
        part = parts.get(t.name)
        if part is None:
            none.append(t)
            continue
        print(f"{t.name} — {len(part)} hit(s)")
        for r in part.itertuples():
            who = f" {r.group}" if by not in ("sentence", "paragraph") else ""
            print(f"  sentence {r.sentence:<3}{who} [{r.term}]  {r.left}[{r.keyword}]{r.right}")
    if theme is None:
        if none:
            where = f" for {group!r}" if group is not None else ""
            print(f"No hits{where}: {', '.join(t.name for t in none)}.")
        return
    for t in none:
        print(f"{t.name} — no hits for {group!r} (grouped by {by})." if group is not None
              else explain_zero(article, t, themes=lexicon))


# --- comparisons ---------------------------------------------------------------------

def _g2(a: int, b: int, size_a: int, size_b: int) -> tuple[float, float, float]:
    """Log-likelihood G², expected frequency of the smaller side, and log ratio."""
    total = size_a + size_b
    e_a, e_b = size_a * (a + b) / total, size_b * (a + b) / total
    g2 = 2 * sum(o * math.log(o / e) for o, e in ((a, e_a), (b, e_b)) if o > 0)
    ratio = math.log2(((a or 0.5) / size_a) / ((b or 0.5) / size_b)) if a or b else 0.0
    return g2, min(e_a, e_b), ratio


def theme_keyness(article, group_a, group_b, *, by: str = "organization", themes=None, blocs=None):
    """Which themes one group uses more than another: log-likelihood G² and log ratio.

    Args:
        article: an :class:`~helpers.Article`.
        group_a, group_b: a group name each, or a list of names taken together
            (e.g. ``["CSTO", "SCO", "CIS"]``).
        by: the grouping the names come from (see :func:`theme_groups`).
        themes: another lexicon.

    Returns:
        A Table (a DataFrame), one row per theme, strongest difference first: hits and
        rates per 1,000 tokens in each group; ``G2`` (Dunning's log-likelihood,
        as computed by Rayson & Garside); ``p`` (1 degree of freedom);
        ``log_ratio`` (log2 of the ratio of the rates: +1 means twice as
        frequent in group A; a zero count is taken as 0.5); ``more_in``; and
        ``note``: "small counts" when an expected count is below 5 — there G²
        and p are rough, and a single sentence can decide the result.

    >>> from helpers import load_article
    >>> k = theme_keyness(load_article(), ["CSTO", "SCO", "CIS"], "member states")
    >>> k.loc["Terrorism & extremism", "more_in"]
    'CSTO + SCO + CIS'
    """
    import pandas as pd

    lexicon = _lexicon(themes)
    groups = theme_groups(article, by, blocs=blocs)

    def pool(spec):
        names = [spec] if isinstance(spec, (str, int)) else list(spec)
        missing = [n for n in names if n not in groups]
        if missing:
            raise KeyError(f"no group {missing[0]!r} when grouping by {by!r}; groups: "
                           + ", ".join(map(str, groups)))
        return " + ".join(map(str, names)), sorted({i for n in names for i in groups[n]})

    (name_a, sent_a), (name_b, sent_b) = pool(group_a), pool(group_b)
    sizes = _group_tokens(article, {name_a: sent_a, name_b: sent_b})
    size_a, size_b = sizes[name_a], sizes[name_b]
    set_a, set_b = set(sent_a), set(sent_b)
    rows = []
    for t in lexicon.values():
        hits = _hits(article, t)
        a = sum(h.sentence in set_a for h in hits)
        b = sum(h.sentence in set_b for h in hits)
        g2, expected, ratio = _g2(a, b, size_a, size_b)
        p = math.erfc(math.sqrt(g2 / 2))
        more = "—" if a == b == 0 else (name_a if ratio > 0 else name_b)
        note = "no hits" if a == b == 0 else ("small counts" if expected < 5 else "")
        rows.append((t.name, a, b, round(1000 * a / size_a, 2), round(1000 * b / size_b, 2),
                     round(g2, 2), round(p, 4), round(ratio, 2), more, note))
    columns = ["theme", "hits_a", "hits_b", "per_1000_a", "per_1000_b", "G2", "p", "log_ratio", "more_in", "note"]
    out = _table(pd.DataFrame(rows, columns=columns).set_index("theme").sort_values("G2", ascending=False, kind="stable"),
                decimals={"per_1000_a": 2, "per_1000_b": 2, "G2": 2, "p": 4, "log_ratio": 2})
    out.attrs.update(group_a=name_a, group_b=name_b, tokens_a=size_a, tokens_b=size_b,
                     shared_sentences=len(set_a & set_b))
    return out


def theme_cooccurrence(article, *, themes=None):
    """How many sentences mention both themes; the diagonal is the sentences with the theme.

    Args:
        article: an :class:`~helpers.Article`.
        themes: another lexicon (a themes file, or a dict ``{name: terms}``).

    Returns:
        A square Table (a DataFrame), one row and one column per theme, of sentence counts.

    >>> from helpers import load_article
    >>> co = theme_cooccurrence(load_article())
    >>> int(co.loc["Terrorism & extremism", "Drugs & trafficking"]) > 0
    True
    """
    import pandas as pd

    lexicon = _lexicon(themes)
    where = {name: {h.sentence for h in _hits(article, t)} for name, t in lexicon.items()}
    names = list(lexicon)
    data = [[len(where[a] & where[b]) for b in names] for a in names]
    out = pd.DataFrame(data, index=pd.Index(names, name="theme"), columns=names)
    out.columns.name = "theme"
    return _table(out)


def theme_dispersion(article, *, themes=None):
    """Where each theme occurs along the article, per paragraph.

    Args:
        article: an :class:`~helpers.Article`.
        themes: another lexicon (a themes file, or a dict ``{name: terms}``).

    Returns:
        A Table (a DataFrame), one row per theme: ``hits``; ``paragraphs`` (how many
        paragraphs have a hit, of ``len(article.paragraphs)``); ``first`` and
        ``last`` paragraph; ``DP``, Gries's deviation of proportions: 0 when the
        hits are spread like the text itself, near 1 when they sit in one place.

    >>> from helpers import load_article
    >>> d = theme_dispersion(load_article())
    >>> int(d.loc["Territorial integrity", "paragraphs"])
    1
    """
    import pandas as pd

    lexicon = _lexicon(themes)
    sizes = [0] * len(article.paragraphs)
    starts = [s for s, _ in article.paragraph_spans]
    for at in article.token_columns[1]:
        sizes[bisect.bisect_right(starts, at) - 1] += 1
    total = sum(sizes)
    rows = []
    for name, t in lexicon.items():
        hits = _hits(article, t)
        per = [0] * len(sizes)
        for h in hits:
            per[h.paragraph] += 1
        if hits:
            dp = 0.5 * sum(abs(c / len(hits) - s / total) for c, s in zip(per, sizes))
            used = [i for i, c in enumerate(per) if c]
            rows.append((name, len(hits), len(used), used[0], used[-1], round(dp, 3)))
        else:
            rows.append((name, 0, 0, None, None, float("nan")))
    columns = ["theme", "hits", "paragraphs", "first", "last", "DP"]
    out = pd.DataFrame(rows, columns=columns).set_index("theme")
    return _table(out.astype({"first": "Int64", "last": "Int64"}), decimals={"DP": 3})

