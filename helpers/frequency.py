"""Counting words: frequencies, top words, vocabulary measures.

Counts are NLTK ``FreqDist`` objects, which are Python ``Counter`` objects with
a few extras, so everything learned here carries over to plain Python and NLTK.
"""

from __future__ import annotations

from .datafiles import load_stopwords

__all__ = ["word_counts", "top_words"]


def _article_tokens(article, *, phrases=False):
    if phrases:
        from .tokens import tokenize

        return tokenize(article.text, phrases=phrases)
    return article.words


def _stopword_set(stopwords):
    if stopwords is True:
        return load_stopwords()
    if stopwords in (False, None):
        return frozenset()
    if isinstance(stopwords, str):
        raise TypeError("stopwords should be True, False or a list of words, not a single string; "
                        f"try stopwords=[{stopwords!r}]")
    return frozenset(w.lower() for w in stopwords)


def word_counts(article, *, stopwords=True, stem=False, phrases=False):
    """How often each word occurs in the article, as an NLTK ``FreqDist``.

    Args:
        article: an :class:`~helpers.Article`.
        stopwords: ``True`` drops the words in ``data/stopwords.txt``; ``False``
            keeps every word; or give your own list of words to drop.
        stem: count stems (Snowball's English stemmer) instead of words.
        phrases: join multi-word names first (see :func:`~helpers.tokenize`).

    >>> from helpers import load_article
    >>> word_counts(load_article())["cooperation"]
    33
    """
    from nltk import FreqDist

    drop = _stopword_set(stopwords)
    words = [w for w in _article_tokens(article, phrases=phrases) if w not in drop]
    if stem:
        from nltk.stem.snowball import SnowballStemmer

        stemmer = SnowballStemmer("english")
        words = [w if "_" in w else stemmer.stem(w) for w in words]
    return FreqDist(words)


def top_words(article, n=20, *, stopwords=True, stem=False, phrases=False) -> list[tuple[str, int]]:
    """The ``n`` most frequent words as ``(word, count)`` pairs, most frequent first.

    >>> from helpers import load_article
    >>> top_words(load_article(), 3)
    [('cooperation', 33), ('united', 30), ('nations', 29)]
    """
    return word_counts(article, stopwords=stopwords, stem=stem, phrases=phrases).most_common(n)
