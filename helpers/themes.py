"""Comparing themes across speakers, organizations and blocs with an editable lexicon.

A *theme* is a named list of terms in ``data/themes.txt`` — words (``crisis``),
word beginnings (``terror*``) and phrases (``drug trafficking``) — that a teacher
can edit. :func:`theme_hits` finds every term in ``article.tokens``, so each hit
is a span of ``article.text`` that can be shown in context; :func:`theme_matrix`
counts the hits by speaker, organization, bloc, paragraph or sentence, and every
cell of it equals the number of :func:`theme_hits` rows for that group and theme.

The words of an organization's name are never theme words: "Cooperation" in
"Shanghai Cooperation Organisation" names a body, it does not speak of cooperation.
The names are those of :func:`helpers.article_aliases` (``data/aliases.txt`` and the
article's own organizations, every spelling listed there), found as
:func:`helpers.find_mentions` finds them; a token inside such a mention is no hit.

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
import weakref
from array import array
from collections.abc import Mapping
from functools import lru_cache
from itertools import chain, repeat
from typing import NamedTuple

from .datafiles import UnknownName
from .display import table as _table
from .analysis import analysis_of, one_check
from .frequency import log_likelihood
from .groups import sentence_groups, sentences_by_group
from .lexicon import Theme, as_lexicon, load_themes, make_theme
from .tokens import find_mentions

__all__ = [
    "Theme", "Hit", "load_themes", "make_theme", "theme_hits", "theme_matrix", "explain_zero",
    "theme_keyness", "theme_cooccurrence", "theme_dispersion", "show_theme_hits", "theme_table", "hits_of",
]


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

    rows = [(t.name, t.note, "; ".join(t.terms), "; ".join(t.exclude)) for t in as_lexicon(themes).values()]
    return _table(pd.DataFrame(rows, columns=["theme", "note", "terms", "not"]).set_index("theme"))

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


#: The most words one numbering of :class:`_Words` holds before the next article starts a new one.
_MOST_WORDS = 1 << 20


class _Words:
    """Words numbered in the order they were first met: ``words[n]`` is word ``n``, ``number[w]`` its number.

    One numbering serves every article of the session: an article's tokens are looked up in it
    (one dict look-up a token, in C) instead of its words being sorted and numbered anew, and
    each theme decides once for each word whether it can begin one of its terms (:func:`_beginners`).
    """

    __slots__ = ("words", "number", "__weakref__")

    def __init__(self):
        self.words: list[str] = []
        self.number: dict[str, int] = {}


@lru_cache(maxsize=1)
def _numbering() -> list:
    """The numbering new articles' words are added to, in a list of one (a new one when it is full)."""
    return [_Words()]


@lru_cache(maxsize=64)
def _vocabulary(article) -> tuple:
    """The article's words as numbers, made once for every theme: ``(numbering, codes, sentence, paragraphs, sizes)``.

    ``codes[k]`` is the number of token ``k``'s word in ``numbering`` (a :class:`_Words`; a word
    not met before is added to it): a read-only NumPy array of 4 bytes a token, no Python int
    each, so that the tokens of any set of words are found in one pass in C. ``sentence[k]`` is
    the sentence of token ``k`` (the last that starts at or before it: found for every token at
    once, by bisection in C), ``paragraphs`` the paragraph of each sentence and ``sizes`` the
    number of tokens of each sentence (a read-only NumPy array; a token before the first
    sentence, if any, counts for the last).
    """
    import numpy as np

    words, token_start, _ = article.token_columns
    held = _numbering()
    if len(held[0].words) >= _MOST_WORDS:
        held[0] = _Words()
    met = held[0]
    number = met.number
    kind = np.int32 if len(met.words) + len(words) < 2 ** 31 else np.int64
    codes = np.fromiter(map(number.get, words, repeat(-1)), dtype=kind, count=len(words))
    if len(codes) and codes.min() < 0:  # words not met before: numbered in the order they stand
        for w in dict.fromkeys(words):
            if w not in number:
                number[w] = len(met.words)
                met.words.append(w)
        codes = np.fromiter(map(number.__getitem__, words), dtype=kind, count=len(words))
    codes.flags.writeable = False
    sentences = article.sentences
    starts = np.fromiter((s.start for s in sentences), dtype=np.int64, count=len(sentences))
    found = np.searchsorted(starts, np.frombuffer(token_start, dtype=np.int64), side="right").astype(np.int64)
    # tokens a sentence holds: a token before the first sentence, if any, counts for the last
    sizes = np.bincount(found, minlength=len(sentences) + 1)
    sizes[-1] += sizes[0]
    sizes = sizes[1:]
    sizes.flags.writeable = False
    found -= 1
    sentence = array("q")
    sentence.frombytes(found.tobytes())
    return met, codes, sentence, tuple(s.paragraph for s in sentences), sizes


@lru_cache(maxsize=256)
def _plan(theme: Theme):
    """A theme's terms in the order they are tried, indexed by their first word.

    Returns ``(exact, prefixed, known, tables)``: ``{first word: [(rank, candidate), ...]}`` for
    terms whose first word is a whole word, ``[(rank, candidate), ...]`` for those whose
    first word is a prefix (``terror*``), and two empty dicts that :func:`_beginners` fills:
    ``known``, ``{word: [candidate, ...]}``, the terms a word can begin, in the order tried, and
    ``tables``, for each numbering of words (:class:`_Words`), which of its words begin a term.
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
    return exact, prefixed, {}, weakref.WeakKeyDictionary()


def _beginners(plan, met: _Words):
    """Which words of the numbering ``met`` can begin a term of the theme whose :func:`_plan` is ``plan``:
    a read-only NumPy array of one flag a word. Each word is looked at once (the next article has the
    same words); ``known`` gets the terms each such word can begin."""
    import numpy as np

    exact, prefixed, known, tables = plan
    table = tables.get(met)
    done = 0 if table is None else len(table)
    if done < len(met.words):
        new = met.words[done:]
        starts = tuple({c[0][0][0] for _, c in prefixed})  # a word beginning with a prefix
        begins = [w in exact or w.startswith(starts) for w in new]
        for w, begin in zip(new, begins):
            if begin and w not in known:  # in the order they are tried
                pairs = exact.get(w, []) + [(r, c) for r, c in prefixed if w.startswith(c[0][0][0])]
                known[w] = [c for _, c in sorted(pairs, key=lambda pair: pair[0])]
        more = np.array(begins, dtype=bool)
        table = more if table is None else np.concatenate([table, more])
        table.flags.writeable = False
        tables[met] = table
    return table


@lru_cache(maxsize=64)
def _in_names(article, aliases: tuple) -> tuple:
    """Tokens inside a mention of an organization, and the mentions.

    Returns ``(inside, mentions)``: ``inside[k]`` is true when token ``k``'s whole span lies
    within the span of a mention found by :func:`~helpers.find_mentions` (a read-only array of
    one byte a token, so a long article's many names take little memory).
    """
    import numpy as np

    mentions = find_mentions(article.text, dict(aliases))
    token_start, token_end = article.token_columns[1:]
    n = len(token_start)
    if not mentions or not n:
        inside = np.zeros(n, dtype=bool)
    else:
        # The tokens of a mention are one run: those from the first that starts in it, before the
        # first that starts after it and the first that ends after it (tokens are in text order
        # and do not overlap, so their ends are in order too). All runs found by bisection in C;
        # the mentions do not overlap, so neither do the runs: a running sum of +1 where a run
        # begins and -1 where it ends is 1 inside a run (one byte a token).
        starts = np.frombuffer(token_start, dtype=np.int64)
        ends = np.frombuffer(token_end, dtype=np.int64)
        edges = np.array([(m.start, m.end) for m in mentions], dtype=np.int64)
        first = np.searchsorted(starts, edges[:, 0], side="left")
        stop = np.minimum(np.searchsorted(starts, edges[:, 1], side="left"),
                          np.searchsorted(ends, edges[:, 1], side="right"))
        run = first < stop
        marks = np.zeros(n + 1, dtype=np.int8)
        marks[first[run]] += 1
        marks[stop[run]] -= 1
        inside = np.cumsum(marks[:n], dtype=np.int8).astype(bool)
    inside.flags.writeable = False
    return inside, mentions


def hits_of(article, theme: Theme) -> tuple[Hit, ...]:
    """Every hit of one theme in an article, left to right; the longest term (or ``not:`` phrase) wins.

    No hit has a word inside an organization's name (the names of the analysis's ``aliases``).
    :func:`theme_hits` shows them as a table, by group.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        theme: a :class:`~helpers.Theme`.

    Returns:
        A tuple of :class:`Hit`, kept for the next call.

    >>> from helpers import load_article, load_themes
    >>> [h.term for h in hits_of(load_article(), load_themes()["Territorial integrity"])]
    ['territorial integrity']
    """
    owner = analysis_of(article)
    return _theme_hits(owner.article, theme, owner.alias_key)


@lru_cache(maxsize=512)
def _theme_hits(article, theme: Theme, aliases: tuple) -> tuple[Hit, ...]:
    words, token_start, token_end = article.token_columns
    met, codes, sentence, paragraphs, _ = _vocabulary(article)
    # Only a token that can begin some term is tried: one pass, linear in the article's length.
    # Which words can is decided once a word for the session (see _beginners), not for each article.
    plan = _plan(theme)
    known = plan[2]
    chosen = _beginners(plan, met)
    named = _in_names(article, aliases)[0]
    out, i, n, name, new_hit = [], 0, len(words), theme.name, tuple.__new__
    # the tokens of those words that are no word of a name, in text order (take and nonzero: what
    # chosen[codes] and flatnonzero give, with less of NumPy's overhead for each of the themes)
    for at in (chosen.take(codes) & ~named).nonzero()[0].tolist():
        if at < i:
            continue  # inside the previous hit
        i = at
        for pattern, term, excluded in known[words[at]]:
            j = at + len(pattern)
            # the first word matches (that is how `known` was filled): a one-word term is a hit;
            # a longer one needs its other words, the second looked at first (most candidates
            # fail there), in the same sentence, none of them in a name
            if j != at + 1:
                if j > n:
                    continue
                (stem, prefix), w = pattern[1], words[at + 1]
                if not (w.startswith(stem) if prefix else w == stem) or sentence[at] != sentence[j - 1] \
                        or not all(w.startswith(stem) if prefix else w == stem
                                   for (stem, prefix), w in zip(pattern[2:], words[at + 2:j])) \
                        or named[at + 1:j].any():
                    continue
            if not excluded:  # sentence k is article.sentences[k]; made as Hit(...) makes it, with no call in Python
                k = sentence[at]
                out.append(new_hit(Hit, (name, term, k, paragraphs[k], token_start[at], token_end[j - 1])))
            i = j
            break
    return tuple(out)


# --- groups --------------------------------------------------------------------------

def _group_tokens(article, groups: dict) -> dict:
    """The number of tokens of each group's sentences: ``{group: tokens}`` (a sentence listed twice counts twice)."""
    # A token belongs to the last sentence starting at or before it (see _vocabulary), so
    # each sentence's tokens are counted once for the article, in C.
    sizes = _vocabulary(article)[-1].tolist()
    return {g: sum(map(sizes.__getitem__, idx)) for g, idx in groups.items()}


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
            raise UnknownName(f"there is no theme {name!r}.{hint} Themes: {', '.join(lexicon)}")
        out.append(match)
    return out


# --- hits and the matrix -------------------------------------------------------------

def _other_grouping(owner, name, by: str) -> str:
    """The hint for a group name that belongs to another grouping: "; 'CSTO' is a group by organization…"."""
    for other in ("speaker", "organization", "bloc"):
        if other != by and name in sentence_groups(owner, other):
            return f". {name!r} is a group when grouping by {other!r}: add by={other!r}"
    return ""


def theme_hits(article, theme=None, group=None, *, by: str = "speaker", themes=None, blocs=None,
               registry=None, width: int = 40):
    """Every match of the themes' terms, one row per hit and group, KWIC-style.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        theme: a theme name, a list of names, or ``None`` for all.
        group: keep only this group (a speaker, an organization, a bloc, a paragraph
            or sentence number), or ``None`` for all.
        by: the grouping (see :func:`~helpers.sentence_groups`).
        themes: another lexicon: a themes file, or a dict ``{name: terms}``.
        blocs: another blocs file, for ``by="bloc"``.
        registry: deprecated: pass ``analyse(article, speakers=…)`` as ``article``.
        width: characters of context on each side.

    Returns:
        A Table (a DataFrame) with columns theme, term, group, sentence, paragraph, start,
        end, left, keyword, right; ``article.text[start:end] == keyword``. A hit
        in a sentence shared by two groups appears once for each. No word of an
        organization's name is a hit (the names of :func:`~helpers.article_aliases`).

    >>> from helpers import load_article
    >>> rows = theme_hits(load_article(), "Territorial integrity", by="sentence")
    >>> rows[["term", "sentence", "keyword"]].values.tolist()
    [['territorial integrity', 15, 'territorial integrity']]
    """
    import pandas as pd

    with one_check():  # sentence_groups, and the attribution it reads, reuse this check of the data files
        owner = analysis_of(article, registry=registry, blocs=blocs, caller="theme_hits")
        groups = sentence_groups(owner, by)
    lexicon = owner.themes if themes is None else as_lexicon(themes)
    if group is not None and group not in groups:
        raise UnknownName(f"there is no group {group!r} when grouping by {by!r}; groups: "
                          + ", ".join(map(str, groups)) + _other_grouping(owner, group, by))
    member_of = sentences_by_group({g: idx for g, idx in groups.items() if group is None or g == group})
    text, rows = owner.article.text, []
    for t in _select(lexicon, theme):
        for h in _theme_hits(owner.article, t, owner.alias_key):
            for g in member_of.get(h.sentence, ()):
                left = text[max(0, h.start - width):h.start].replace("\n", " ")
                right = text[h.end:h.end + width].replace("\n", " ")
                rows.append((h.theme, h.term, g, h.sentence, h.paragraph, h.start, h.end,
                             left.rjust(width), text[h.start:h.end], right.ljust(width)))
    columns = ["theme", "term", "group", "sentence", "paragraph", "start", "end", "left", "keyword", "right"]
    return _table(pd.DataFrame(rows, columns=columns))


def theme_matrix(article, by: str = "speaker", normalize=None, *, themes=None, blocs=None, registry=None):
    """How often each theme occurs in each group: rows are groups, columns are themes.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        by: ``"speaker"``, ``"organization"``, ``"bloc"``, ``"paragraph"`` or ``"sentence"``.
        normalize: ``None`` for counts, ``"per_1000"`` for hits per 1,000 word
            tokens of the group's sentences.
        themes: another lexicon (a themes file, or a dict ``{name: terms}``).
        blocs: another blocs file, for ``by="bloc"``.
        registry: deprecated: pass ``analyse(article, speakers=…)`` as ``article``.

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
    with one_check():  # sentence_groups, and the attribution it reads, reuse this check of the data files
        owner = analysis_of(article, registry=registry, blocs=blocs, caller="theme_matrix")
        groups = sentence_groups(owner, by)
    lexicon = owner.themes if themes is None else as_lexicon(themes)
    index = pd.Index(list(groups), name=by)
    orgs = owner.alias_key
    found = [(t, _theme_hits(owner.article, t, orgs)) for t in lexicon.values()]  # in the lexicon's order
    if all(name == t.name for name, t in lexicon.items()):  # built at once: .loc in a loop is slow
        import numpy as np  # a 2-D array is one block for pandas; a list of rows is converted column by column

        # the hits of each theme in each sentence, then, for each group, the sum over its sentences
        # (a sentence in two groups counts for both): two small arrays, no count per hit and group
        n, width = len(owner.article.sentences), len(lexicon)
        # one count for every hit, in C: hit of theme `column` in sentence k is cell k * width + column
        # (a hit before the first sentence is in no group)
        cell = [h.sentence * width + column for column, (_, hits) in enumerate(found) for h in hits if h.sentence >= 0]
        per_sentence = np.bincount(np.array(cell, dtype=np.intp), minlength=n * width).astype(np.int64, copy=False)
        per_sentence = per_sentence.reshape(n, width)
        # each (group, sentence) pair once: memory grows with the pairs, never groups × sentences
        sizes = [len(idx) for idx in groups.values()]
        listed = np.fromiter(chain.from_iterable(groups.values()), dtype=np.intp, count=sum(sizes))
        if listed.size and all(sizes):  # each group's sentences are one run of `listed`: summed run by run, in C
            cells = np.add.reduceat(per_sentence[listed], np.cumsum([0, *sizes[:-1]]), axis=0)
        else:
            cells = np.zeros((len(groups), width), dtype=np.int64)
            np.add.at(cells, np.repeat(np.arange(len(groups), dtype=np.intp), sizes), per_sentence[listed])
        counts = pd.DataFrame(cells, index=index, columns=list(lexicon))
    else:
        where = sentences_by_group(groups)
        tally: dict[tuple, int] = {}
        for t, hits in found:
            for h in hits:
                for g in where.get(h.sentence, ()):
                    tally[g, t.name] = tally.get((g, t.name), 0) + 1
        counts = pd.DataFrame(0, index=index, columns=list(lexicon), dtype="int64")
        for (g, name), n in tally.items():
            counts.loc[g, name] = n
    counts.columns.name = "theme"
    tokens = _group_tokens(owner.article, groups)
    out = counts
    if normalize == "per_1000":
        sizes = pd.Series(tokens).reindex(counts.index).replace(0, float("nan"))
        out = (counts.div(sizes, axis=0) * 1000).round(2)
    out = _table(out, decimals=2 if normalize else None)
    out.attrs["tokens"] = tokens
    out.attrs["hints"] = _Hints(owner.article, [t for t, hits in found if not hits], orgs, owner.stopwords)
    return out


class _Hints(Mapping):
    """``{theme name: hint}`` for the themes of a :func:`theme_matrix` that matched nothing.

    Each hint is :func:`explain_zero`'s text, made the first time it is read (it compares the
    theme's terms with every word of the article, which takes a few milliseconds a theme), from
    the article and settings of the matrix. It reads like a dict: ``hints["Peace"]``, ``list(hints)``,
    ``dict(hints)``; a copy (as pandas makes of ``.attrs``) is the same object.
    """

    def __init__(self, article, themes, aliases: tuple, stopwords):
        self._themes = {t.name: t for t in themes}
        self._args = (article, aliases, stopwords)
        self._made: dict[str, str] = {}

    def __getitem__(self, name: str) -> str:
        if name not in self._made:
            article, aliases, stopwords = self._args
            self._made[name] = _explanation(article, self._themes[name], aliases, stopwords)
        return self._made[name]

    def __iter__(self):
        return iter(self._themes)

    def __len__(self) -> int:
        return len(self._themes)

    def __repr__(self) -> str:
        return repr(dict(self))

    def __deepcopy__(self, memo):
        return self  # nothing in it changes: each hint is made once, from what the matrix counted

    def __reduce__(self):
        return dict, (dict(self),)


def explain_zero(article, theme, *, themes=None) -> str:
    """Why a theme has no hits, and what to try: its terms and look-alike words in the article.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
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
    owner = analysis_of(article)
    article = owner.article
    if not isinstance(theme, Theme):
        theme = _select(owner.themes if themes is None else as_lexicon(themes), theme)[0]
    return _explanation(article, theme, owner.alias_key, owner.stopwords)


def _explanation(article, theme: Theme, aliases: tuple, stopwords) -> str:
    """:func:`explain_zero` of ``theme`` in ``article``, with the names ``aliases`` and ``stopwords``."""
    found = _theme_hits(article, theme, aliases)
    if found:
        return f"The theme {theme.name!r} has {len(found)} hit(s); see theme_hits(article, {theme.name!r})."
    vocabulary = sorted(set(article.words) - stopwords)  # "and", "of" are no spelling to fix
    near: list[str] = []
    for pattern in theme.patterns:
        for stem, _ in pattern:
            near += [w for w in vocabulary if stem[:5] and w.startswith(stem[:5]) and w not in near]
            near += [w for w in difflib.get_close_matches(stem, vocabulary, n=3, cutoff=0.75) if w not in near]
    in_names = _theme_hits(article, theme, ())  # the same terms, names not skipped
    lines = [f"No term of the theme {theme.name!r} {'counts' if in_names else 'occurs'} in the article, "
             "so its count is 0 everywhere.",
             f"  Its terms: {'; '.join(theme.terms)}"]
    if in_names:
        mentions = _in_names(article, aliases)[1]
        names = list(dict.fromkeys(m.name for h in in_names for m in mentions
                                   if m.start <= h.start and h.end <= m.end))
        lines.append(f"  {len(in_names)} match(es) are words of an organization's name, which never count: "
                     + ", ".join(repr(n) for n in names[:4]) + " (names come from data/aliases.txt "
                     "and the article's .toml).")
    elif near:
        lines.append(f"  Words of the article that look close: {', '.join(near[:12])}")
    else:
        lines.append("  No word of the article looks like them: the article may simply not talk about this.")
    if theme.exclude:
        lines.append(f"  Its not: lines ({'; '.join(theme.exclude)}) take words out before counting.")
    lines.append("  To try: check the spelling, end a word with * to catch other endings "
                 "(terror* for terrorism), or add terms.")
    return "\n".join(lines)


def show_theme_hits(article, theme=None, group=None, *, by: str = "speaker", themes=None, blocs=None,
                    registry=None,
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
    >>> show_theme_hits(load_article(), "Territorial integrity", width=20, by="sentence")
    Territorial integrity — 1 hit(s)
      sentence 15  [territorial integrity]  or the principle of [territorial integrity]. The United Kingdom
    """
    owner = analysis_of(article, registry=registry, blocs=blocs, caller="show_theme_hits")
    rows = theme_hits(owner, theme, group, by=by, themes=themes, width=width)
    lexicon = owner.themes if themes is None else as_lexicon(themes)
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
              else explain_zero(owner, t, themes=lexicon))


# --- comparisons ---------------------------------------------------------------------

def theme_keyness(article, group_a, group_b, *, by: str = "speaker", themes=None, blocs=None,
                  registry=None):
    """Which themes one group uses more than another: log-likelihood G² and log ratio.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        group_a, group_b: a group name each, or a list of names taken together
            (e.g. ``["CSTO", "SCO", "CIS"]``).
        by: the grouping the names come from (see :func:`~helpers.sentence_groups`).
        themes: another lexicon.

    Raises:
        UnknownName: a group that the grouping does not have.

    A group with no word (no sentence, or only marks such as ``***``) leaves nothing to
    compare: the table is empty, and its ``attrs["note"]`` says which group had no words.

    Returns:
        A Table (a DataFrame), one row per theme, strongest difference first: hits and
        rates per 1,000 tokens in each group; ``G2`` (Dunning's log-likelihood,
        as computed by Rayson & Garside); ``p`` (1 degree of freedom);
        ``log_ratio`` (log2 of the ratio of the rates: +1 means twice as
        frequent in group A; missing where a group has no hit, as no ratio of a
        zero says how big the difference is); ``more_in`` (the group with the
        higher rate); and ``note``: "small counts" when an expected count is
        below 5 — there G² and p are rough, and a single sentence can decide
        the result — and "one group has none" where the ratio is missing.

    >>> from helpers import load_article
    >>> k = theme_keyness(load_article(), ["CSTO", "SCO", "CIS"], "member states", by="organization")
    >>> k.loc["Terrorism & extremism", "more_in"]
    'CSTO + SCO + CIS'
    >>> k.loc["Territorial integrity", "more_in"], k.loc["Territorial integrity", "note"]
    ('member states', 'small counts; one group has none: no ratio')
    """
    import pandas as pd

    owner = analysis_of(article, registry=registry, blocs=blocs, caller="theme_keyness")
    lexicon = owner.themes if themes is None else as_lexicon(themes)
    groups = sentence_groups(owner, by)

    def pool(spec):
        names = [spec] if isinstance(spec, (str, int)) else list(spec)
        missing = [n for n in names if n not in groups]
        if missing:
            raise UnknownName(f"no group {missing[0]!r} when grouping by {by!r}; groups: "
                              + ", ".join(map(str, groups)) + _other_grouping(owner, missing[0], by))
        return " + ".join(map(str, names)), sorted({i for n in names for i in groups[n]})

    (name_a, sent_a), (name_b, sent_b) = pool(group_a), pool(group_b)
    sizes = _group_tokens(owner.article, {name_a: sent_a, name_b: sent_b})
    size_a, size_b = sizes.get(name_a, 0), sizes.get(name_b, 0)
    columns = ["theme", "hits_a", "hits_b", "per_1000_a", "per_1000_b", "G2", "p", "log_ratio", "more_in", "note"]
    empty = [name or "(no sentence)" for name, size in ((name_a, size_a), (name_b, size_b)) if not size]
    if empty:  # a rate per 1,000 words of no words is no number: nothing to compare, said in the table
        out = _table(pd.DataFrame([], columns=columns).set_index("theme"))
        out.attrs.update(group_a=name_a or "(no sentence)", group_b=name_b or "(no sentence)", tokens_a=size_a,
                         tokens_b=size_b, shared_sentences=0,
                         note=f"nothing to compare: the group {empty[0]!r} has no words")
        return out
    set_a, set_b = set(sent_a), set(sent_b)
    rows, orgs = [], owner.alias_key
    for t in lexicon.values():
        hits = _theme_hits(owner.article, t, orgs)
        a = sum(h.sentence in set_a for h in hits)
        b = sum(h.sentence in set_b for h in hits)
        g2, expected, ratio = log_likelihood(a, b, size_a, size_b)
        p = math.erfc(math.sqrt(g2 / 2))
        rate_a, rate_b = a / size_a, b / size_b
        more = "—" if rate_a == rate_b else (name_a if rate_a > rate_b else name_b)
        note = "no hits" if a == b == 0 else "; ".join(
            ["small counts"] * (expected < 5) + ["one group has none: no ratio"] * (not (a and b)))
        rows.append((t.name, a, b, round(1000 * a / size_a, 2), round(1000 * b / size_b, 2),
                     round(g2, 2), round(p, 4), round(ratio, 2), more, note))
    out = _table(pd.DataFrame(rows, columns=columns).set_index("theme").sort_values("G2", ascending=False, kind="stable"),
                decimals={"per_1000_a": 2, "per_1000_b": 2, "G2": 2, "p": 4, "log_ratio": 2})
    out.attrs.update(group_a=name_a, group_b=name_b, tokens_a=size_a, tokens_b=size_b,
                     shared_sentences=len(set_a & set_b))
    return out


def theme_cooccurrence(article, *, themes=None):
    """How many sentences mention both themes; the diagonal is the sentences with the theme.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        themes: another lexicon (a themes file, or a dict ``{name: terms}``).

    Returns:
        A square Table (a DataFrame), one row and one column per theme, of sentence counts.

    >>> from helpers import load_article
    >>> co = theme_cooccurrence(load_article())
    >>> int(co.loc["Terrorism & extremism", "Drugs & trafficking"]) > 0
    True
    """
    import pandas as pd

    owner = analysis_of(article)
    lexicon = owner.themes if themes is None else as_lexicon(themes)
    where = {name: {h.sentence for h in _theme_hits(owner.article, t, owner.alias_key)}
             for name, t in lexicon.items()}
    names = list(lexicon)
    data = [[len(where[a] & where[b]) for b in names] for a in names]
    out = pd.DataFrame(data, index=pd.Index(names, name="theme"), columns=names)
    out.columns.name = "theme"
    return _table(out)


def theme_dispersion(article, *, themes=None):
    """Where each theme occurs along the article, per paragraph.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
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

    owner = analysis_of(article)
    article = owner.article
    lexicon = owner.themes if themes is None else as_lexicon(themes)
    sizes = [0] * len(article.paragraphs)
    starts = [s for s, _ in article.paragraph_spans]
    for at in article.token_columns[1]:
        sizes[bisect.bisect_right(starts, at) - 1] += 1
    total = sum(sizes)
    rows, orgs = [], owner.alias_key
    for name, t in lexicon.items():
        hits = _theme_hits(article, t, orgs)
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

