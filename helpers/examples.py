"""Choosing a lesson's examples from the article's content.

A lesson written for one article names its examples: a speaker, a theme, two groups to
compare. Loaded with another article, those names may not exist. The functions here
choose the example from what the article loaded holds (the theme with the most hits,
the largest cell of a table, the groups it has), so that every lesson runs on every
article; where there is nothing to show, they say so in words.

For the lessons on reading and counting (01, 02): a sentence to look at, the sentences
that are hard for the splitter, frequent content words, a phrase, a misspelling for the
"did you mean" message, a stem family, the organization a word count gets most wrong,
and words for a dispersion plot. Each rule is in the function's summary; none names a
word of one article.
"""

from __future__ import annotations

import re

from .analysis import analysis_of
from .datafiles import load_stopwords
from .frequency import stem_word, article_aliases, article_phrases, find_word, mentions_vs_words, ngram_counts
from .frequency import no_occurrences, word_counts
from .groups import NARRATION, sentence_groups
from .lexicon import as_lexicon
from .speakers.views import speaker_table
from .themes import theme_hits
from .tokens import STRAY_OPEN_QUOTE

__all__ = [
    "example_sentence", "sentences_with_inner_stops", "stray_quote_sentences",
    "content_words", "misspelling", "example_phrase", "stem_family",
    "most_miscounted", "dispersion_words",
]


# --- lesson 01: sentences ------------------------------------------------------------------

def example_sentence(article):
    """A sentence to look at: the first that is not the first of its paragraph.

    Its number (``index``) and its paragraph's number then differ, which shows that
    they count different things. If every paragraph is one sentence, the second
    sentence (or the only one).

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.

    Returns:
        A :class:`~helpers.Sentence` of ``article.sentences``.

    >>> from helpers import load_article
    >>> s = example_sentence(load_article())
    >>> s.index, s.paragraph, s.text[:40]
    (6, 5, 'The Security Council’s Counter-Terrorism')
    """
    sentences = article.sentences
    if not sentences:
        raise ValueError(f"the article {article.name!r} has no sentences to show; is its text empty?")
    for before, sentence in zip(sentences, sentences[1:]):
        if sentence.paragraph == before.paragraph:
            return sentence
    return sentences[min(1, len(sentences) - 1)]


#: A full stop followed by white space: where splitting at ". " would cut a sentence.
_INNER_STOP = re.compile(r"\.(?=\s)")


def sentences_with_inner_stops(article) -> tuple:
    """The sentences with a full stop inside that did not end them ("Mr. Ban", "the U.N. and").

    A full stop followed by a space is where a naive splitter, cutting at ". ", would
    have ended a sentence; the kit's splitter (Punkt, with ``data/abbreviations.txt``)
    went on.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.

    Returns:
        A tuple of :class:`~helpers.Sentence`, in text order; empty if no sentence has one.

    >>> from helpers import load_article
    >>> sentences_with_inner_stops(load_article())   # the kit's article has none
    ()
    >>> [s.text[:14] for s in sentences_with_inner_stops(load_article("unnews-2017-07-19-un-au-cooperation"))]
    ['Mr. Guterres h', 'One of the mai', 'Mr. Guterres e']
    """
    return tuple(s for s in article.sentences if _INNER_STOP.search(s.text.rstrip()))


def stray_quote_sentences(article) -> tuple:
    """The sentences where a quote is closed with an OPENING mark, as in ``threats, “ he said``.

    The splitter reads such a mark (after a comma or full stop, before a space and a
    lower-case word) as a closing one, so that the quote and its speaker stay together.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.

    Returns:
        A tuple of :class:`~helpers.Sentence`, in text order; empty if the article has no such mark.

    >>> from helpers import load_article
    >>> [(s.index, s.paragraph) for s in stray_quote_sentences(load_article())]
    [(9, 6)]
    """
    return tuple(s for s in article.sentences if "“" in s.text and STRAY_OPEN_QUOTE.search(s.text))


# --- lesson 02: words ------------------------------------------------------------------------

def _mostly_lower_case(article) -> set[str]:
    """The words the article writes in lower case in at least half of their uses."""
    words, starts, ends = article.token_columns
    text = article.text
    uses: dict[str, list[int]] = {}
    for w, s, e in zip(words, starts, ends):
        tally = uses.setdefault(w, [0, 0])
        tally[0] += text[s:e] == w
        tally[1] += 1
    return {w for w, (lower, total) in uses.items() if 2 * lower >= total}


def _is_content(word: str, lower: set[str], stopwords) -> bool:
    return word in lower and word not in stopwords and any(ch.isalpha() for ch in word)


def content_words(article, n=10) -> list[str]:
    """The article's most frequent content words: no stopword, no number, not mostly a name.

    A content word is not in ``data/stopwords.txt``, has a letter in it, and is written
    in lower case in at least half of its uses, so names and acronyms ("Belarus",
    "CSTO", the "Nations" of "United Nations") are left out. Ties keep the order of
    first use, as in :func:`~helpers.top_words`.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        n: how many words, at most.

    Returns:
        A list of lower-case words, most frequent first.

    >>> from helpers import load_article
    >>> content_words(load_article(), 3)
    ['cooperation', 'regional', 'security']
    """
    _check_n(n)
    lower, stopwords = _mostly_lower_case(article), load_stopwords()
    counts = word_counts(article, stopwords=False)
    return [w for w, _ in counts.most_common() if _is_content(w, lower, stopwords)][:n]


def _check_n(n):
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ValueError(f"n should be a whole number of words, 1 or more, not {n!r}")


def misspelling(article, word) -> str:
    """A misspelling of ``word`` that the article does not contain, for a "did you mean" example.

    It drops one letter of a doubled pair ("terrorism" → "terorism"), or else one
    letter from the middle, or swaps two neighbouring letters: the first such form
    that is not a word of the article and for which :func:`~helpers.no_occurrences`
    suggests ``word`` first.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        word: a word of the article, of four letters or more.

    Returns:
        The misspelt word.

    Raises:
        ValueError: no such misspelling could be made (a very short word).

    >>> from helpers import load_article
    >>> misspelling(load_article(), "terrorism")
    'terorism'
    >>> misspelling(load_article(), "cooperation")
    'coperation'
    """
    if not isinstance(word, str) or not word.strip():
        raise ValueError(f"give a word of the article to misspell, such as 'cooperation', not {word!r}")
    word = word.strip().lower()
    vocabulary = set(article.words)
    for candidate in _misspellings(word):
        if candidate in vocabulary or len(candidate) < 3:
            continue
        message = no_occurrences(article, candidate)
        if f"Did you mean {word!r}" in message:
            return candidate
    raise ValueError(f"no misspelling of {word!r} points back to it; try a longer word of the article")


def _misspellings(word: str):
    """Typing slips of ``word``: a doubled letter halved, a middle letter dropped, two letters swapped."""
    for i in range(1, len(word)):
        if word[i] == word[i - 1] and word[i].isalpha():
            yield word[:i] + word[i + 1:]
    middle = len(word) // 2
    by_middle = sorted(range(1, len(word) - 1), key=lambda i: (abs(i - middle), i))
    for i in by_middle:
        if word[i].isalpha():
            yield word[:i] + word[i + 1:]
    for i in by_middle:
        if i + 1 < len(word) and word[i] != word[i + 1] and (word[i] + word[i + 1]).isalpha():
            yield word[:i] + word[i + 1] + word[i] + word[i + 2:]


def example_phrase(article) -> str:
    """A phrase to look for: the most frequent pair of neighbouring content words that is not a name.

    Pairs are counted inside sentences (:func:`~helpers.ngram_counts`); both words must
    be content words (as :func:`content_words` says), and a multi-word name the kit joins
    (``data/phrases.txt`` and the article's own) is left out. If no pair is left, the
    most frequent pair without a stopword.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.

    Returns:
        Two words separated by a space, e.g. ``"regional organizations"``.

    >>> from helpers import load_article
    >>> example_phrase(load_article())
    'regional organizations'
    """
    pairs = ngram_counts(article, 2, stopwords=True).most_common()
    if not pairs:
        raise ValueError(f"the article {article.name!r} has no two neighbouring words that are not stopwords")
    names = set(article_phrases(article))
    lower, stopwords = _mostly_lower_case(article), load_stopwords()
    for pair, _ in pairs:
        if pair not in names and all(_is_content(w, lower, stopwords) for w in pair):
            return " ".join(pair)
    return " ".join(pairs[0][0])


def stem_family(article) -> tuple[str, list[str]]:
    """The stem that joins the most different words of the article, and those words.

    Stems are Snowball's English stems, as ``top_words(article, stem=True)`` counts
    them; stopwords are left out. Ties go to the stem used most often.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.

    Returns:
        ``(stem, words)``: the words sorted, each a word of the article.

    >>> from helpers import load_article
    >>> stem_family(load_article())
    ('region', ['region', 'regional', 'regions'])
    """
    counts = word_counts(article, stopwords=True)
    families: dict[str, list[str]] = {}
    uses: dict[str, int] = {}
    for w, c in counts.most_common():
        if any(ch.isalpha() for ch in w):
            stem = stem_word(w)
            families.setdefault(stem, []).append(w)
            uses[stem] = uses.get(stem, 0) + c
    if not families:
        raise ValueError(f"the article {article.name!r} has no words left once stopwords are dropped")
    best = max(families, key=lambda s: (len(families[s]), uses[s]))
    return best, sorted(families[best])


def most_miscounted(article) -> str:
    """The organization whose mentions and word count differ most (see :func:`~helpers.mentions_vs_words`).

    The difference is between ``mentions`` and ``word total`` (its names counted as
    words and added up), either way; ties go to the organization mentioned more.
    Organizations the article never mentions nor names are left out.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.

    Returns:
        The organization's key in ``data/aliases.txt`` (or the article's ``.toml``).

    Raises:
        ValueError: the article names none of the organizations the kit knows.

    >>> from helpers import load_article
    >>> most_miscounted(load_article())
    'CIS'
    """
    table = mentions_vs_words(article)
    table = table[(table["mentions"] > 0) | (table["word total"] > 0)]
    if table.empty:
        raise ValueError(f"the article {article.name!r} names none of the organizations of data/aliases.txt; "
                         "add its organizations to the `organizations` of its .toml")
    gap = (table["mentions"] - table["word total"]).abs()
    order = sorted(table.index, key=lambda key: (-gap[key], -table.loc[key, "mentions"]))
    return order[0]


def dispersion_words(article, n=5) -> list[str]:
    """Words to place in a dispersion plot: the most mentioned organizations' names, then content words.

    For each of the (up to) three organizations mentioned most, the name of it that
    occurs most often as words (the shorter on a tie); then the article's most frequent
    :func:`content_words` until there are ``n``. A text with neither (all in capitals, or
    numbers only) gets its most frequent tokens that are not stopwords, so that there is
    always something to place when the text has a word.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        n: how many words or names, at most.

    Returns:
        A list of lower-case words and names, each occurring in the article.

    >>> from helpers import load_article
    >>> dispersion_words(load_article())
    ['united nations', 'the commonwealth', 'shanghai cooperation organization', 'cooperation', 'regional']
    """
    _check_n(n)
    table = mentions_vs_words(article)
    aliases = article_aliases(article)
    chosen: list[str] = []
    for key in [k for k in table.index if table.loc[k, "mentions"] > 0][:min(3, n)]:
        counts = {name.lower(): len(find_word(article, name)) for name in aliases[key]}
        name = max(counts, key=lambda m: (counts[m], -len(m)))
        if counts[name] and name not in chosen:
            chosen.append(name)
    for word in content_words(article, n + len(chosen)):
        if len(chosen) >= n:
            break
        if word not in chosen:
            chosen.append(word)
    if not chosen:  # no name and no content word (all capitals, numbers only): the most frequent other tokens
        stop = load_stopwords()
        counts = word_counts(article).most_common()
        chosen = ([w for w, _ in counts if w not in stop] or [w for w, _ in counts])[:n]
    return chosen


# --- lessons 00 and 04: themes -------------------------------------------------------

__all__ += ["top_theme", "largest_cell", "longest_term_theme", "keyness_groups", "who_raised"]


def top_theme(article, *, themes=None) -> str:
    """The theme with the most hits in the article.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        themes: another lexicon (a themes file, or a dict ``{name: terms}``).

    Returns:
        The theme's name. Ties go to the theme listed first in the lexicon, so an
        article with no hits at all gets the first theme (whose hits, none, a
        lesson can still show: :func:`~helpers.show_theme_hits` says so).

    >>> from helpers import load_article, theme_hits
    >>> article = load_article()
    >>> name = top_theme(article)
    >>> counts = theme_hits(article, by="sentence")["theme"].value_counts()
    >>> int(counts[name]) == int(counts.max())
    True
    """

    counts = theme_hits(article, themes=themes, by="sentence")["theme"].value_counts()
    names = list(as_lexicon(themes))
    return max(names, key=lambda n: (int(counts.get(n, 0)), -names.index(n)))


def largest_cell(matrix, *, skip=("(narration)",)) -> tuple:
    """The group and theme of the largest count in a theme table, the narration row aside.

    Args:
        matrix: a DataFrame from :func:`~helpers.theme_matrix` (groups × themes).
        skip: rows to pass over, unless they are the only rows there are.

    Returns:
        ``(group, theme)``: the row and column of the largest value; ties go to the
        row, then the column, that comes first. A table of zeros gives its first cell.

    >>> from helpers import load_article, theme_matrix
    >>> m = theme_matrix(load_article(), by="speaker")
    >>> speaker, theme = largest_cell(m)
    >>> speaker != "(narration)" and bool(m.loc[speaker, theme] == m.drop("(narration)").to_numpy().max())
    True
    """
    rows = [r for r in matrix.index if r not in skip] or list(matrix.index)
    best, where = None, (rows[0], matrix.columns[0])
    for r in rows:
        for c in matrix.columns:
            v = matrix.loc[r, c]
            if best is None or v > best:
                best, where = v, (r, c)
    return where


def _matches(pattern, words) -> bool:
    """Whether a term's word patterns match these words, word for word."""
    return len(pattern) == len(words) and all(
        w.startswith(stem) if prefix else w == stem for (stem, prefix), w in zip(pattern, words))


def longest_term_theme(article, *, themes=None) -> str:
    """The theme where a longer term most often won over a shorter one inside it.

    In a sentence the longest term wins: "illicit drug trafficking" is one hit of
    its theme, although ``drug*`` and "drug trafficking" match inside it.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        themes: another lexicon (a themes file, or a dict ``{name: terms}``).

    Returns:
        The name of the theme with the most hits whose words hold another, shorter
        term of the same theme; if no hit does, the theme with the most hits
        (:func:`top_theme`).

    >>> from helpers import load_article
    >>> longest_term_theme(load_article())
    'Drugs & trafficking'
    """

    lexicon = as_lexicon(themes)
    won: dict[str, int] = {}
    for name, term, keyword in theme_hits(article, themes=lexicon, by="sentence")[["theme", "term", "keyword"]].values:
        words = keyword.lower().split()
        shorter = [p for t, p in zip(lexicon[name].terms, lexicon[name].patterns) if t != term and len(p) < len(words)]
        if any(_matches(p, words[i:i + len(p)]) for p in shorter for i in range(len(words) - len(p) + 1)):
            won[name] = won.get(name, 0) + 1
    if not won:
        return top_theme(article, themes=lexicon)
    names = list(lexicon)
    return max(won, key=lambda n: (won[n], -names.index(n)))


#: The organization groups a lesson does not count as regional bodies.
_NOT_REGIONAL = ("UN", "member states", "(narration)")


def keyness_groups(article, *, by: str = "speaker", registry=None, blocs=None) -> dict:
    """Two groups worth comparing with :func:`~helpers.theme_keyness`, and the grouping they come from.

    By organization, when the article has both, the speakers of the regional
    organizations (every organization group but the UN) against the member
    states. Otherwise the two groups with the most sentences, the narration last
    (it is compared only when there is one group of speakers). An article whose
    sentences all fall in one group is compared with itself: the first half of its
    paragraphs (or, with one paragraph, of its sentences) against the second.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        by: the grouping (``"organization"``, ``"bloc"``, ``"speaker"`` ...).
        registry: the speakers (``None``: the article's own).
        blocs: another blocs file, for ``by="bloc"``.

    Returns:
        A dict ``{"group_a": ..., "group_b": ..., "by": ...}``, each group a name or a
        list of names taken together, ready for ``theme_keyness(article, **groups)``.

    An article of a single sentence has no second group: ``group_b`` is empty, and
    :func:`~helpers.theme_keyness` gives an empty table that says there is nothing to compare.

    >>> from helpers import load_article
    >>> keyness_groups(load_article(), by="organization")
    {'group_a': ['CSTO', 'SCO', 'CIS'], 'group_b': 'member states', 'by': 'organization'}
    """

    groups = sentence_groups(analysis_of(article, registry=registry, blocs=blocs, caller="keyness_groups"), by)
    if by == "organization":
        regional = [g for g in groups if g not in _NOT_REGIONAL]
        if regional and "member states" in groups:
            return {"group_a": regional, "group_b": "member states", "by": by}
    ranked = sorted(groups, key=lambda g: (g == NARRATION, -len(groups[g]), list(groups).index(g)))
    if len(ranked) >= 2:
        return {"group_a": ranked[0], "group_b": ranked[1], "by": by}
    for unit in ("paragraph", "sentence"):
        parts = list(sentence_groups(article, unit))
        if len(parts) >= 2:
            half = (len(parts) + 1) // 2
            return {"group_a": parts[:half], "group_b": parts[half:], "by": unit}
    return {"group_a": list(sentence_groups(article, "sentence")), "group_b": [], "by": "sentence"}


def who_raised(article, themes, *, by: str = "speaker", registry=None, blocs=None) -> str:
    """Which groups raised each of some themes, and how often, in a few lines of text.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        themes: the names of the themes (of ``data/themes.txt``) to look at.
        by: the grouping (see :func:`~helpers.sentence_groups`).
        registry: the speakers (``None``: the article's own).
        blocs: another blocs file, for ``by="bloc"``.

    Returns:
        One line per theme, ``theme: group (hits), ...`` or "nobody in this article";
        when two themes or more were raised, a last line names the groups that
        raised more than one of them, or says that none did.

    >>> from helpers import load_article
    >>> print(who_raised(load_article(), ["Territorial integrity", "Sovereignty & non-interference"]))
    Territorial integrity: Ukraine (1), United States (1)
    Sovereignty & non-interference: Kairat Abdrakhmanov (1), Liu Jieyi (1), Sergey Ivanov (3)
    No group raised both.
    """


    names = [themes] if isinstance(themes, str) else list(themes)
    owner = analysis_of(article, registry=registry, blocs=blocs, caller="who_raised")
    rows = theme_hits(owner, names, by=by)
    order = list(sentence_groups(owner, by))
    lines, raised = [], {}
    for name in names:
        found = rows[rows["theme"].str.lower() == name.lower()]["group"].tolist()
        counts = {g: found.count(g) for g in order if g in found}  # in the order of the theme table's rows
        for g in counts:
            raised.setdefault(g, []).append(name)
        who = ", ".join(f"{g} ({n})" for g, n in counts.items())
        lines.append(f"{name}: {who or 'nobody in this article'}")
    if len({t for ts in raised.values() for t in ts}) > 1:  # two themes or more were raised at all
        several = [g for g, t in raised.items() if len(t) > 1]
        what = "both" if len(names) == 2 else "more than one of them"
        lines.append(f"Raised {what}: {', '.join(map(str, several))}." if several else f"No group raised {what}.")
    return "\n".join(lines)


# --- lesson 03: speakers ---------------------------------------------------------------------

__all__ += ["speech_chain", "pronoun_window", "most_quoted"]

#: How the evidence of an Attribution begins, for each of the rules lesson 03 shows.
_RULE_STARTS = {"named": ("named", "described"), "pronoun": ("pronoun",), "continuation": ("continuation",)}


def _rule_of(attribution) -> str | None:
    """Which of the rules lesson 03 shows decided ``attribution``: named, pronoun or continuation."""
    return next((rule for rule, starts in _RULE_STARTS.items()
                 if attribution.speakers and attribution.evidence.startswith(starts)), None)


def speech_chain(results) -> list[int]:
    """Sentences of one speech that the rules decide in three ways: a name, a pronoun, no cue at all.

    The first speaker who is named, then carried by a pronoun, then continued with no
    cue gives the three sentences; where no speaker has all three, the first sentence
    decided by each rule that occurs.

    Args:
        results: the list :func:`~helpers.attribute` gives for an article.

    Returns:
        Up to three sentence numbers, in text order: named, pronoun, continuation.

    >>> from helpers import attribute, load_article
    >>> chain = speech_chain(attribute(load_article()))
    >>> len(chain), [attribute(load_article())[i].speakers for i in chain][0]
    (3, ('Ban Ki-moon',))
    """
    firsts: dict = {}
    for a in results:
        rule = _rule_of(a)
        if rule is None:
            continue
        mine = firsts.setdefault(a.speakers, {})
        if rule == "named" or "named" in mine:
            mine.setdefault(rule, a.sentence.index)
        if len(mine) == 3:
            return sorted(mine.values())
    anyone: dict = {}
    for a in results:
        rule = _rule_of(a)
        if rule is not None:
            anyone.setdefault(rule, a.sentence.index)
    return sorted(anyone.values())


def pronoun_window(results, before: int = 3, after: int = 3) -> tuple[int, int]:
    """The sentences around the first "she" the rules carry (else the first pronoun of any kind).

    Args:
        results: the list :func:`~helpers.attribute` gives for an article.
        before, after: how many sentences to show on each side.

    Returns:
        ``(start, stop)`` for :func:`~helpers.show_attribution`; the first sentences
        when no pronoun is carried.

    >>> from helpers import attribute, load_article
    >>> pronoun_window(attribute(load_article()))
    (60, 67)
    """
    carried = [a.sentence.index for a in results if _rule_of(a) == "pronoun"]
    she = [a.sentence.index for a in results if _rule_of(a) == "pronoun" and "'she'" in a.evidence]
    at = (she or carried or [0])[0]
    return max(0, at - before), min(len(results), at + after + 1)


def most_quoted(article, registry=None) -> str | None:
    """The speaker the article gives the most sentences (the first to speak, on a tie).

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        registry: deprecated: pass ``analyse(article, speakers=…)`` as ``article``.

    Returns:
        A registry name, or ``None`` when no sentence has a speaker.

    >>> from helpers import load_article
    >>> most_quoted(load_article())
    'Ban Ki-moon'
    """
    table = speaker_table(analysis_of(article, registry=registry, caller="most_quoted"))
    if not len(table):
        return None
    return str(table.sort_values("sentences", ascending=False, kind="stable")["speaker"].iloc[0])
