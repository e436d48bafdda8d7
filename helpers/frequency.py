"""Counting words: frequencies, mentions, collocations, keywords in context, dispersion, Zipf.

Counts are NLTK ``FreqDist`` objects, which are Python ``Counter`` objects with
a few extras, so everything learned here carries over to plain Python and NLTK.
Tables are pandas DataFrames. Words are found on the article's tokens
(``article.tokens``), so a search for "terror" never matches inside "terrorism",
and a search may be a phrase ("united nations").

A word that never occurs is not an error: the data functions (:func:`kwic`,
:func:`dispersion`, :func:`find_word`) return nothing for it, and the show and
plot functions say "no occurrences of 'x'" and suggest close matches from the
article's vocabulary (:func:`no_occurrences`). A word that is not a string raises
``TypeError``; a string with no letters or digits in it raises ``ValueError``.
"""

from __future__ import annotations

import difflib
import html
import math
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .datafiles import UsageError, WrongType, data_dir, file_stamp, load_stopwords
from .display import SCROLL_NOTE, WIDE_CHARS, clip, shown, table
from .tokens import Token, join_phrase_columns, find_mentions, load_aliases, load_phrases, tokenize

__all__ = [
    "word_counts", "top_words", "Vocabulary", "vocabulary", "hapaxes",
    "counts_per_paragraph", "counts_per_sentence",
    "article_aliases", "article_phrases", "mention_counts", "mentions_vs_words",
    "ngram_counts", "Collocation", "collocations", "sentence_words", "log_likelihood",
    "find_word", "no_occurrences", "KwicLine", "kwic", "show_kwic", "kwic_html",
    "dispersion", "rank_frequency", "ZipfFit", "zipf_fit",
]


# --- counting words -------------------------------------------------------------------

@lru_cache(maxsize=8)
def _phrase_columns(article, stamp):
    return join_phrase_columns(article.token_columns, article_phrases(article))


def article_phrases(article) -> tuple[tuple[str, ...], ...]:
    """The multi-word names joined for ``article``: ``data/phrases.txt`` and the article's own.

    Args:
        article: an :class:`~helpers.Article`; its ``.toml`` may list ``phrases``.

    Returns:
        A tuple of phrases, each a tuple of lower-cased words: the shared list's first.

    >>> from helpers import load_article
    >>> ("united", "nations") in article_phrases(load_article())
    True
    """
    shared = load_phrases()
    return shared + tuple(p for p in article.phrases if p not in shared)


def article_aliases(article) -> dict[str, tuple[str, ...]]:
    """The organizations counted in ``article``: ``data/aliases.txt`` and the article's own.

    An organization of the article's ``.toml`` with a key the shared list has adds its
    names to that key's; a new key comes after the shared ones.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.

    Returns:
        A dict from each organization's key to the tuple of its names.

    >>> from helpers import load_article
    >>> article_aliases(load_article())["CSTO"]
    ('Collective Security Treaty Organization', 'Collective Security Treaty Organisation', 'CSTO')
    """
    merged = dict(load_aliases())
    for key, names in article.organizations:
        merged[key] = tuple(dict.fromkeys(merged.get(key, ()) + names))
    return merged



def _aliases_key(article) -> tuple:
    """:func:`article_aliases` as ``(key, names)`` pairs: a hashable key that changes with the files.

    Something that is not an article (no ``organizations``) gets the shared list only.
    """
    try:
        return tuple(article_aliases(article).items())
    except AttributeError:
        return tuple(load_aliases().items())

def _article_columns(article, phrases=False):
    """The article's tokens as read-only columns ``(words, starts, ends)``, with multi-word
    names joined as ``phrases`` asks (see :func:`~helpers.tokenize`)."""
    if phrases is True:  # the kit's list: joined once per version of data/phrases.txt
        return _phrase_columns(article, file_stamp(data_dir() / "phrases.txt"))
    if phrases:
        return join_phrase_columns(article.token_columns, phrases)
    return article.token_columns


def _article_words(article, phrases=False) -> tuple[str, ...]:
    return _article_columns(article, phrases)[0]


@lru_cache(maxsize=8)
def _vocabulary(article) -> frozenset[str]:
    """The article's different words."""
    return frozenset(article.words)


def _runs_of(words, key: tuple[str, ...], *, first_only: bool = False) -> list[int]:
    """Every index ``i`` where ``words[i:i + len(key)] == key`` (runs may overlap), in time
    linear in ``len(words) + len(key)``.

    The first word is found by ``tuple.index`` (a loop in C); each place is then checked
    word by word, unless that could cost more than a few passes over the words (a long key
    of words that repeat), where the Knuth–Morris–Pratt search, linear whatever the words, is used.

    >>> _runs_of(("a", "b", "a", "b", "a"), ("a", "b", "a"))
    [0, 2]
    """
    words = words if isinstance(words, tuple) else tuple(words)
    first, size, places, at = key[0], len(key), [], -1
    while True:
        try:
            at = words.index(first, at + 1)
        except ValueError:
            break
        places.append(at)
        if first_only and size == 1:
            return places
    if size == 1 or not places:
        return places
    if len(places) * size <= 4 * len(words) + 64:
        found = [i for i in places if words[i:i + size] == key]
        return found[:1] if first_only else found
    fail, k = [0] * size, 0  # KMP: fail[j] = length of the longest proper border of key[:j + 1]
    for j in range(1, size):
        while k and key[j] != key[k]:
            k = fail[k - 1]
        if key[j] == key[k]:
            k += 1
        fail[j] = k
    found, k = [], 0
    for i, w in enumerate(words):
        while k and w != key[k]:
            k = fail[k - 1]
        if w == key[k]:
            k += 1
        if k == size:
            found.append(i - size + 1)
            if first_only:
                break
            k = fail[k - 1]
    return found


def _stopword_set(stopwords):
    if stopwords is True:
        return load_stopwords()
    if stopwords in (False, None):
        return frozenset()
    if isinstance(stopwords, str):
        raise TypeError("stopwords should be True, False or a list of words, not a single string; "
                        f"try stopwords=[{stopwords!r}]")
    return frozenset(w.lower() for w in stopwords)


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@lru_cache(maxsize=4096)
def stem_word(word: str) -> str:
    """The Snowball (Porter 2) stem of a lower-cased word; a joined phrase (with ``_``) is kept whole.

    >>> stem_word("cooperation"), stem_word("united_nations")
    ('cooper', 'united_nations')
    """
    return word if "_" in word else _stemmer().stem(word)


def word_counts(article, *, stopwords=True, stem=False, phrases=False):
    """How often each word occurs in the article, as an NLTK ``FreqDist``.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        stopwords: ``True`` drops the words in ``data/stopwords.txt``; ``False``
            (or an empty list) keeps every word; or give your own list of words to drop.
        stem: count stems (Snowball's English stemmer) instead of words.
        phrases: join multi-word names first (see :func:`~helpers.tokenize`).

    Returns:
        A ``FreqDist`` (a ``Counter``) from word to count.

    >>> from helpers import load_article
    >>> word_counts(load_article())["cooperation"]
    33
    """
    from nltk import FreqDist

    drop = _stopword_set(stopwords)
    words = [w for w in _article_words(article, phrases) if w not in drop]
    if stem:
        words = [stem_word(w) for w in words]
    return FreqDist(Counter(words))  # counted in C: FreqDist(words) calls its __setitem__ per word


def _check_count(n, name="n"):
    if isinstance(n, bool) or not isinstance(n, int):
        raise WrongType(f"{name} should be a whole number such as 20, not {n!r}")
    if n < 0:
        raise UsageError(f"{name} should be 0 or more, not {n}")


def top_words(article, n=20, *, stopwords=True, stem=False, phrases=False) -> list[tuple[str, int]]:
    """The ``n`` most frequent words as ``(word, count)`` pairs, most frequent first.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        n: how many words; if the article has fewer different words, you get them all.
        stopwords, stem, phrases: as for :func:`word_counts`.

    Returns:
        A list of ``(word, count)`` pairs; ties keep the order of first occurrence.

    >>> from helpers import load_article
    >>> top_words(load_article(), 3)
    [('cooperation', 33), ('united', 30), ('nations', 29)]
    """
    _check_count(n)
    return word_counts(article, stopwords=stopwords, stem=stem, phrases=phrases).most_common(n)


class Vocabulary(NamedTuple):
    """Size measures of a text: tokens, types, their ratio and the number of hapaxes."""

    tokens: int
    types: int
    ttr: float
    hapaxes: int

    def __repr__(self) -> str:
        """The ratio with three decimals, as a reader compares it (the value itself is kept whole)."""
        return f"Vocabulary(tokens={self.tokens}, types={self.types}, ttr={self.ttr:.3f}, hapaxes={self.hapaxes})"


def vocabulary(article, *, stopwords=False, stem=False, phrases=False) -> Vocabulary:
    """Tokens, types, type/token ratio and hapax count of the article.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        stopwords, stem, phrases: as for :func:`word_counts` (here stopwords are kept by default).

    Returns:
        A :class:`Vocabulary` ``(tokens, types, ttr, hapaxes)``.

    >>> from helpers import load_article
    >>> v = vocabulary(load_article())
    >>> v.tokens, v.types, round(v.ttr, 3), v.hapaxes
    (2136, 679, 0.318, 415)
    >>> v
    Vocabulary(tokens=2136, types=679, ttr=0.318, hapaxes=415)
    """
    counts = word_counts(article, stopwords=stopwords, stem=stem, phrases=phrases)
    tokens = counts.N()
    return Vocabulary(tokens, len(counts), len(counts) / tokens if tokens else 0.0, len(counts.hapaxes()))


def hapaxes(article, *, stopwords=False, stem=False, phrases=False) -> list[str]:
    """The words that occur exactly once (*hapax legomena*), in alphabetical order.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        stopwords, stem, phrases: as for :func:`word_counts` (here stopwords are kept by default).

    Returns:
        A sorted list of words (or stems, with ``stem=True``).

    >>> from helpers import load_article
    >>> hapaxes(load_article())[:4]
    ['1993', '28', 'abdrakhmanov', 'accordance']
    """
    counts = word_counts(article, stopwords=stopwords, stem=stem, phrases=phrases)
    return sorted(counts.hapaxes())


def _counts_per(article, spans, label, words, stem):
    import pandas as pd

    words = _word_list(words)
    starts = [s for s, _ in spans]
    rows = [[0] * len(words) for _ in spans]
    for column, word in enumerate(words):
        for hit in find_word(article, word, stem=stem):
            rows[bisect_right(starts, hit.start) - 1][column] += 1

    return table(pd.DataFrame(rows, columns=words).rename_axis(index=label))


def counts_per_paragraph(article, words, *, stem=False):
    """How often each word occurs in each paragraph, as a table.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        words: a word (or phrase) or a list of them.
        stem: match every word with the same stem ("cooperate" finds "cooperation").

    Returns:
        A :class:`~helpers.display.Table` (a DataFrame) with one row per paragraph
        (numbered from 0, as in ``article.paragraphs``) and one column per word.

    >>> from helpers import load_article
    >>> t = counts_per_paragraph(load_article(), ["terrorism", "sco"])
    >>> t.shape, t["terrorism"].sum(), t["terrorism"].idxmax()
    ((47, 2), np.int64(8), 4)
    """
    return _counts_per(article, article.paragraph_spans, "paragraph", words, stem)


def counts_per_sentence(article, words, *, stem=False):
    """How often each word occurs in each sentence, as a table (see :func:`counts_per_paragraph`).

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        words, stem: as for :func:`counts_per_paragraph`.

    Returns:
        A DataFrame with one row per sentence (numbered as in ``article.sentences``)
        and one column per word.

    >>> from helpers import load_article
    >>> t = counts_per_sentence(load_article(), "cooperation")
    >>> len(t), t["cooperation"].max()
    (71, np.int64(3))
    """
    return _counts_per(article, [(s.start, s.end) for s in article.sentences], "sentence", words, stem)


# --- words versus mentions ----------------------------------------------------------------

def mention_counts(article, aliases=None) -> Counter:
    """How often each organization is mentioned, by any of its names (``data/aliases.txt``).

    "Shanghai Cooperation Organization (SCO)" is ONE mention, not two.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        aliases: ``{key: [names]}``; ``None`` for :func:`article_aliases`.

    Returns:
        A ``Counter`` from organization key to number of mentions.

    >>> from helpers import load_article
    >>> mention_counts(load_article())["SCO"]
    8
    """
    return Counter(m.key for m in find_mentions(article.text, article_aliases(article) if aliases is None
                                                else aliases))


def mentions_vs_words(article, aliases=None):
    """Mentions of each organization next to how often each of its names occurs as words.

    The word counts ignore case and count every name separately, so
    "Shanghai Cooperation Organization (SCO)" adds one to each name, and
    "united nations" is also counted inside "United Nations Office on Drugs and Crime".

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        aliases: ``{key: [names]}``; ``None`` for :func:`article_aliases`.

    Returns:
        A :class:`~helpers.display.Table` (a DataFrame), one row per organization, most mentioned first: ``mentions``,
        ``word total`` (the names' word counts added up) and ``as words`` (each
        name the article uses and its count, as ``"name: count"`` text, or "none").

    >>> from helpers import load_article
    >>> t = mentions_vs_words(load_article())
    >>> t.loc["SCO", "mentions"], t.loc["SCO", "as words"]
    (np.int64(8), 'shanghai cooperation organization: 8, sco: 1')
    """
    import pandas as pd

    aliases = article_aliases(article) if aliases is None else aliases
    mentions = mention_counts(article, aliases)
    rows = []
    for key, names in aliases.items():
        counts = {name.lower(): len(find_word(article, name)) for name in names}
        rows.append({"organization": key, "mentions": mentions[key],
                     "word total": sum(counts.values()),
                     "as words": ", ".join(f"{n}: {c}" for n, c in counts.items() if c) or "none"})

    out = table(pd.DataFrame(rows, columns=["organization", "mentions", "word total", "as words"])
                .set_index("organization").sort_values("mentions", ascending=False, kind="stable"))
    if not rows:  # an alias list of notes only: an empty table that says why
        out.attrs["note"] = ("no organization to count: data/aliases.txt (and the article's .toml) name none; "
                             "add a line such as 'UN: United Nations; UN'")
    return out


# --- n-grams and collocations ---------------------------------------------------------------

def sentence_words(article) -> tuple[tuple[str, ...], ...]:
    """The words of each sentence, from the article's tokens (the text is not tokenized again).

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.

    Returns:
        One tuple of lower-cased words per sentence, in order.

    >>> from helpers import load_article
    >>> sentence_words(load_article())[1][:4]
    ('that', 'is', 'why', 'it')
    """
    return _sentence_words(getattr(article, "article", article))


def log_likelihood(a: int, b: int, size_a: int, size_b: int) -> tuple[float, float, float]:
    """Dunning's log-likelihood G² of a count in two groups, as Rayson & Garside compute it.

    Args:
        a, b: how often the word (or theme) occurs in each group.
        size_a, size_b: how many words each group has.

    Returns:
        ``(G², the smaller expected count, log2 ratio of the rates)``; the ratio is NaN when
        either count is 0 (no ratio of a zero says how big the difference is).

    >>> g2, expected, ratio = log_likelihood(10, 2, 1000, 1000)
    >>> round(g2, 2), expected, round(ratio, 2)
    (5.82, 6.0, 2.32)
    """
    total = size_a + size_b
    e_a, e_b = size_a * (a + b) / total, size_b * (a + b) / total
    g2 = 2 * sum(o * math.log(o / e) for o, e in ((a, e_a), (b, e_b)) if o > 0)
    ratio = math.log2((a / size_a) / (b / size_b)) if a and b else float("nan")
    return g2, min(e_a, e_b), ratio


@lru_cache(maxsize=8)
def _sentence_words(article) -> tuple[tuple[str, ...], ...]:
    starts = [s.start for s in article.sentences]
    out = [[] for _ in article.sentences]
    words, at, _ = article.token_columns
    for word, start in zip(words, at):
        out[bisect_right(starts, start) - 1].append(word)
    return tuple(tuple(words) for words in out)


def ngram_counts(article, n=2, *, stopwords=False):
    """How often each sequence of ``n`` words occurs, within sentences, as a ``FreqDist``.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        n: the length of the sequences (2 for bigrams, 3 for trigrams ...).
        stopwords: ``True`` drops every n-gram that contains a stopword (the
            words are not removed first, which would make words that were never
            neighbours look adjacent); or give your own list.

    Returns:
        A ``FreqDist`` from word tuple to count.

    >>> from helpers import load_article
    >>> ngram_counts(load_article(), 2, stopwords=True).most_common(2)
    [(('united', 'nations'), 28), (('regional', 'organizations'), 10)]
    """
    from nltk import FreqDist
    from nltk.util import ngrams

    _check_count(n)
    if n < 1:
        raise ValueError("n should be 1 or more: 1 for single words, 2 for pairs, 3 for triples")
    drop = _stopword_set(stopwords)
    return FreqDist(g for words in sentence_words(article) for g in ngrams(words, n)
                    if not drop.intersection(g))


class Collocation(NamedTuple):
    """Two words that occur together, how often, and the association score of the pair."""

    first: str
    second: str
    count: int
    score: float


_MEASURES = {"pmi": "pmi", "likelihood": "likelihood_ratio", "likelihood_ratio": "likelihood_ratio"}


def collocations(article, k=10, *, measure="likelihood", min_freq=2, stopwords=True) -> list[Collocation]:
    """Word pairs that occur together more often than chance, best first (NLTK's collocation finder).

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        k: how many pairs.
        measure: ``"likelihood"`` (log-likelihood ratio: trusts evidence, so
            frequent pairs rank high) or ``"pmi"`` (pointwise mutual
            information: how surprising the pair is, which rewards pairs seen once).
        min_freq: ignore pairs seen fewer times than this.
        stopwords: drop pairs that contain a stopword (as for :func:`ngram_counts`).

    Returns:
        A list of :class:`Collocation` ``(first, second, count, score)``.

    Raises:
        UsageError: the score cannot be computed, as on "Peace peace peace." (one pair is
            nearly the whole text, leaving no chance to compare with): the message says so.

    >>> from helpers import load_article
    >>> [(c.first, c.second, c.count) for c in collocations(load_article(), 3)]
    [('united', 'nations', 28), ('central', 'asia', 6), ('member', 'states', 7)]
    """
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    _check_count(k, "k")
    _check_count(min_freq, "min_freq")
    if measure not in _MEASURES:
        raise ValueError(f"measure should be 'likelihood' or 'pmi', not {measure!r}")
    finder = BigramCollocationFinder.from_documents(_sentence_words(article))
    drop = _stopword_set(stopwords)
    if drop:
        finder.apply_word_filter(lambda w: w in drop)
    finder.apply_freq_filter(min_freq)
    score = getattr(BigramAssocMeasures, _MEASURES[measure])
    try:
        scored = finder.score_ngrams(score)
    except (ValueError, ZeroDivisionError):  # NLTK's "math domain error": a pair with no room for chance
        raise UsageError(f"the {measure} score cannot be computed on this text: it is too short or too "
                         "repetitive (one pair covers nearly all its words, as in 'Peace peace peace.'), so "
                         "there is no chance to compare a pair with; count the pairs instead with "
                         "helpers.frequency.ngram_counts(article, 2), or load a longer text") from None
    ranked = sorted(scored, key=lambda pair: (-pair[1], pair[0]))
    return [Collocation(a, b, finder.ngram_fd[(a, b)], s) for (a, b), s in ranked[:k]]


# --- finding a word: keywords in context ------------------------------------------------------

#: The most characters of a searched word that a message repeats.


def _check_word(word, phrases=False) -> tuple[str, ...]:
    if not isinstance(word, str):
        raise WrongType(f"the word to look for should be a string such as 'terrorism', "
                        f"not {type(word).__name__} {word!r}")
    key = tuple(tokenize(word, phrases=phrases))  # "_" separates words, as in the article
    if not key:
        raise UsageError(f"{shown(word)} has no letters or digits to look for; give a word such as 'terrorism'")
    return key


def _word_list(words) -> list[str]:
    if isinstance(words, str):
        return [words]
    try:
        words = list(words)
    except TypeError:
        raise TypeError(f"give a word or a list of words such as ['terrorism', 'security'], "
                        f"not {type(words).__name__} {words!r}") from None
    for w in words:
        _check_word(w)
    return words


def find_word(article, word, *, stem=False, phrases=False) -> list[Token]:
    """Where a word or phrase occurs in the article, matched on its tokens, ignoring case.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        word: a word ("terrorism"), a phrase ("united nations") or a joined phrase
            from ``phrases=True`` ("united_nations").
        stem: match every word with the same stem ("cooper" finds "cooperation", "cooperating").
        phrases: search the tokens with multi-word names joined, as ``word_counts(...,
            phrases=True)`` counts them: "united nations" then no longer matches
            inside "United Nations Charter", which is a name of its own.

    Returns:
        :class:`~helpers.Token` s ``(as written, start, end)`` with offsets into ``article.text``;
        an empty list if the word does not occur.

    >>> from helpers import load_article
    >>> find_word(load_article(), "united nations")[0]
    Token(word='United Nations', start=51, end=65)
    >>> len(find_word(load_article(), "united nations")), len(find_word(load_article(), "united_nations", phrases=True))
    (28, 24)
    """
    key = _check_word(word, phrases)
    words, starts, ends = _article_columns(article, phrases)
    if stem:
        key = tuple(stem_word(w) for w in key)
        stems = {w: stem_word(w) for w in set(words)}  # each different word stemmed once
        words = tuple(map(stems.__getitem__, words))
    size, text = len(key), article.text
    return [Token(text[starts[i]:ends[i + size - 1]], starts[i], ends[i + size - 1])
            for i in _runs_of(words, key)]


def _phrases_in(article) -> list[tuple[str, ...]]:
    """The phrases of :func:`article_phrases` whose words follow one another somewhere in the article."""
    vocabulary, words = _vocabulary(article), article.words
    return [p for p in article_phrases(article)
            if vocabulary.issuperset(p) and _runs_of(words, p, first_only=True)]


def no_occurrences(article, word) -> str:
    """The message for a word the article does not contain, with close matches to try.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        word: the word (or phrase) that was looked for.

    Returns:
        One line of text; it suggests up to three close matches, if any, from
        the article's words and those phrases of ``data/phrases.txt`` that the
        article contains, so every suggestion is found when looked for.

    >>> from helpers import load_article
    >>> no_occurrences(load_article(), "terorism")
    "no occurrences of 'terorism' in the article. Did you mean 'terrorism', 'terrorist' or 'terrorists'?"
    >>> no_occurrences(load_article(), "security councel")
    "no occurrences of 'security councel' in the article. Did you mean 'security council'?"
    """
    vocab = sorted(_vocabulary(article) | {" ".join(p) for p in _phrases_in(article)})
    close = difflib.get_close_matches(word.lower().replace("_", " "), vocab, n=3, cutoff=0.7)
    message = f"no occurrences of {shown(word)} in the article."
    if close:
        listed = ", ".join(repr(c) for c in close[:-1]) + (" or " if len(close) > 1 else "") + repr(close[-1])
        message += f" Did you mean {listed}?"
    return message


@dataclass(frozen=True)
class KwicLine:
    """One keyword-in-context line.

    ``article.text[start:end]`` is the keyword as written; ``left`` and ``right``
    are up to ``width`` characters either side (line breaks shown as spaces);
    ``sentence`` is the index of the sentence in ``article.sentences``.
    """

    left: str
    keyword: str
    right: str
    sentence: int
    start: int
    end: int


def kwic(article, word, width=40, *, stem=False, phrases=False) -> list[KwicLine]:
    """Every occurrence of a word with the text around it (a concordance).

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        word: a word or phrase (see :func:`find_word`).
        width: characters of context on each side.
        stem, phrases: as for :func:`find_word`.

    Returns:
        A list of :class:`KwicLine`, in text order; empty if the word never
        occurs (:func:`no_occurrences` gives the message to show).

    >>> from helpers import load_article
    >>> line = kwic(load_article(), "terrorism", width=20)[0]
    >>> line.left, line.keyword, line.right, line.sentence
    ('for Central Asia on ', 'terrorism', ', violent extremism,', 4)
    """
    _check_count(width, "width")
    text = article.text
    starts = [s.start for s in article.sentences]
    return [KwicLine(text[max(0, hit.start - width):hit.start].replace("\n", " "), hit.word,
                     text[hit.end:hit.end + width].replace("\n", " "),
                     max(0, bisect_right(starts, hit.start) - 1), hit.start, hit.end)
            for hit in find_word(article, word, stem=stem, phrases=phrases)]


def show_kwic(article, word, width=40, *, stem=False, phrases=False) -> None:
    """Print the keyword-in-context lines of a word, keywords aligned in one column.

    Args:
        article, word, width, stem, phrases: as for :func:`kwic`.

    Returns:
        None; it prints how many occurrences there are, then one line per
        occurrence (or the :func:`no_occurrences` message).

    >>> from helpers import load_article
    >>> show_kwic(load_article(), "extremism", width=24)
    4 occurrences of 'extremism'
    a on terrorism, violent extremism, drug trafficking and o
    rnational terrorism and extremism, illicit trafficking in
    rrorism, separatism and extremism; and addressing illegal
    rrorism, separatism and extremism that negatively affecte
    """
    lines = kwic(article, word, width, stem=stem, phrases=phrases)
    if not lines:
        print(no_occurrences(article, word))
        return
    print(f"{len(lines)} occurrence{'s' if len(lines) != 1 else ''} of {shown(word)}")
    for line in lines:
        print(f"{line.left:>{width}}{line.keyword}{line.right}")


# One line per occurrence, tight rows: notebook styles pad table cells generously.
_TABLE = "font-family:monospace;border-collapse:collapse;line-height:1.35"
_CELL = "white-space:pre;padding:0 4px;border:none;"
#: The most lines :func:`kwic_html` shows unless told otherwise.
_LIMIT = 200


def kwic_html(article, word, width=60, *, stem=False, phrases=False, limit=_LIMIT, heading=True) -> str:
    """The keyword-in-context lines as HTML, keyword in ``<mark>``, every piece of text escaped.

    Show it in a notebook with ``HTML(kwic_html(article, "terrorism"))``. At most
    ``limit`` lines are shown (``None`` for all), and the heading says how many are
    left out, so that a word common in a long text does not freeze the page.
    ``heading=False`` leaves out the count line where a page shows it already
    (the line saying how many are left out stays).

    Args:
        article, word, width, stem, phrases: as for :func:`kwic`.
        limit: the most lines to show, 0 or more; ``None`` for all.
        heading: start with the line saying how many occurrences there are.

    Returns:
        A string of HTML: a ``<div class="kwic">`` with a table, one row per
        line, ending with the sentence number; the :func:`no_occurrences`
        message if the word never occurs.

    Raises:
        TypeError, ValueError: ``limit`` is not a whole number of 0 or more (or ``None``).

    >>> from helpers import load_article
    >>> kwic_html(load_article(), "spirit", width=12)
    '<div class="kwic"><p>1 occurrence of &#x27;spirit&#x27;</p><table style="font-family:monospace;border-collapse:collapse;line-height:1.35"><tr><td style="white-space:pre;padding:0 4px;border:none;text-align:right">e “Shanghai </td><td style="white-space:pre;padding:0 4px;border:none;"><mark>spirit</mark></td><td style="white-space:pre;padding:0 4px;border:none;text-align:left">” that encom</td><td style="white-space:pre;padding:0 4px;border:none;color:gray">sentence 29</td></tr></table></div>'
    """
    if limit is not None:
        _check_count(limit, "limit")
    lines = kwic(article, word, width, stem=stem, phrases=phrases)
    if not lines:
        return no_kwic_html(no_occurrences(article, word))
    return kwic_lines_html(word, lines, limit=limit, heading=heading)


#: The most characters of one keyword a KWIC line shows (a long phrase keeps its two ends).
_KEYWORD = 200


def no_kwic_html(message: str) -> str:
    """What :func:`kwic_html` shows for a word with no lines: the message, escaped."""
    return f'<div class="kwic"><p>{html.escape(message)}</p></div>'


def kwic_lines_html(word, lines: list[KwicLine], *, limit=_LIMIT, heading=True) -> str:
    """The markup of :func:`kwic_html` for lines already found, so that a caller that has them
    does not search the article again."""
    rows = "".join(
        f'<tr><td style="{_CELL}text-align:right">{html.escape(line.left)}</td>'
        f'<td style="{_CELL}"><mark>{html.escape(clip(line.keyword, _KEYWORD))}</mark></td>'
        f'<td style="{_CELL}text-align:left">{html.escape(line.right)}</td>'
        f'<td style="{_CELL}color:gray">sentence {line.sentence}</td></tr>'
        for line in (lines if limit is None else lines[:limit]))
    cut = limit is not None and len(lines) > limit
    note = (f"; the first {limit:,} are shown" if limit else "; none is shown") if cut else ""
    head = html.escape(f"{len(lines):,} occurrence{'s' if len(lines) != 1 else ''} of {shown(word)}" + note)
    head = f"<p>{head}</p>" if heading or cut else ""
    drawn = lines if limit is None else lines[:limit]
    widest = max((len(line.left) + len(clip(line.keyword, _KEYWORD)) + len(line.right) + len(f"sentence {line.sentence}") + 16
                  for line in drawn), default=0)
    wide = SCROLL_NOTE if widest > WIDE_CHARS else ""  # the box is narrower than a line: say that it scrolls
    return f'<div class="kwic">{head}{wide}<table style="{_TABLE}">{rows}</table></div>'


# --- dispersion and Zipf ----------------------------------------------------------------------

def dispersion(article, words, *, stem=False, phrases=False) -> dict[str, list[int]]:
    """Where each word occurs, as positions in the article's word sequence (0 = first word).

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        words: a word or phrase, or a list of them.
        stem, phrases: as for :func:`find_word`.

    Returns:
        ``{word: [positions]}`` in the order the words were given; an empty
        list for a word that never occurs.

    >>> from helpers import load_article
    >>> dispersion(load_article(), ["shanghai", "sco"])
    {'shanghai': [166, 649, 935, 951, 1118, 1232, 1394, 1871, 2053], 'sco': [169]}
    """
    return {w: word_numbers(article, find_word(article, w, stem=stem, phrases=phrases))
            for w in _word_list(words)}


def word_numbers(article, hits) -> list[int]:
    """The word number of each hit (a :class:`~helpers.Token` or :class:`KwicLine`), by its start:
    found by bisection in the article's token starts, so nothing per token is kept."""
    from bisect import bisect_left

    starts = article.token_columns[1]
    return [bisect_left(starts, hit.start) for hit in hits]


def rank_frequency(article, *, stopwords=False, stem=False, phrases=False) -> list[tuple[int, str, int]]:
    """Every word with its frequency rank: ``(rank, word, count)``, rank 1 the most frequent.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        stopwords, stem, phrases: as for :func:`word_counts` (here stopwords are kept by default).

    Returns:
        A list of ``(rank, word, count)``, most frequent first; words with the
        same count get consecutive ranks, in order of first occurrence.

    >>> from helpers import load_article
    >>> rank_frequency(load_article())[:3]
    [(1, 'the', 148), (2, 'and', 106), (3, 'of', 75)]
    """
    counts = word_counts(article, stopwords=stopwords, stem=stem, phrases=phrases)
    return [(rank, w, c) for rank, (w, c) in enumerate(counts.most_common(), start=1)]


class ZipfFit(NamedTuple):
    """The straight line :func:`zipf_fit` draws through the words: ``log10(count) ≈ intercept + slope × log10(rank)``.

    ``slope`` says how fast counts fall with rank (Zipf's law: about -1, the 2nd word half
    as often as the 1st); ``intercept`` is where the line starts: ``10 ** intercept`` is the
    count the line gives the most frequent word. It unpacks like a pair:
    ``slope, intercept = zipf_fit(article)``.
    """

    slope: float
    intercept: float

    @property
    def top_count(self) -> float:
        """The count the line gives the word of rank 1: ``10 ** intercept``."""
        return 10 ** self.intercept

    def count_at(self, rank: int) -> float:
        """The count the line gives the word of ``rank``: ``10 ** (intercept + slope × log10(rank))``."""
        import math

        return 10 ** (self.intercept + self.slope * math.log10(rank))

    def __repr__(self) -> str:
        return (f"ZipfFit(slope={self.slope:.2f}, intercept={self.intercept:.2f}): "
                f"count ≈ {self.top_count:,.0f} × rank^{self.slope:.2f}, so the line gives the top word "
                f"{self.top_count:,.0f} occurrences and the 10th {self.count_at(10):,.0f} "
                f"(Zipf's law: slope -1)")


def zipf_fit(article, **options) -> ZipfFit:
    """The straight line through ``log10(count)`` against ``log10(rank)``, as a :class:`ZipfFit`.

    Zipf's law predicts a slope near -1. One article is a small sample: most
    words occur once or twice, so the tail is flat steps and the fitted slope
    moves when a few words are added or removed.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        options: ``stopwords``, ``stem``, ``phrases`` as for :func:`word_counts`
            (stopwords are kept by default: Zipf's law is about all words).

    Returns:
        A :class:`ZipfFit` ``(slope, intercept)`` of the least-squares line, floats;
        it unpacks as a pair and prints what the line says.

    Raises:
        ValueError: fewer than two different words are left to fit a line to.

    >>> from helpers import load_article
    >>> slope, intercept = zipf_fit(load_article())
    >>> round(slope, 2), round(intercept, 2)
    (-0.82, 2.18)
    >>> zipf_fit(load_article())
    ZipfFit(slope=-0.82, intercept=2.18): count ≈ 151 × rank^-0.82, so the line gives the top word 151 occurrences and the 10th 23 (Zipf's law: slope -1)
    """
    return zipf_line(rank_frequency(article, **options))


def zipf_line(table) -> ZipfFit:
    """:func:`zipf_fit` on a table :func:`rank_frequency` has made already.

    Args:
        table: ``(rank, word, count)`` rows, as :func:`rank_frequency` returns them.

    Returns:
        A :class:`ZipfFit`: the slope and intercept of the line through log rank and log count.

    >>> round(zipf_line([(1, "a", 100), (2, "b", 50), (4, "c", 25)]).slope, 2)
    -1.0
    """
    import numpy as np

    if len(table) < 2:
        raise ValueError("a line needs at least two different words; is the article empty?")
    x = np.log10([r for r, _, _ in table])
    y = np.log10([c for _, _, c in table])
    slope, intercept = np.polyfit(x, y, 1)
    return ZipfFit(float(slope), float(intercept))

