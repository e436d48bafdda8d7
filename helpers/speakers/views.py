"""Views of each speaker: their sentences, a table of who said how much, their typical words."""

from __future__ import annotations


from ..datafiles import UsageError
from .registry import Speaker, _registry
from .rules import Attribution, attribute

__all__ = ["speaker_table", "speaker_sentences", "show_speaker", "show_attribution", "speaker_keywords"]


# --- views of each speaker ----------------------------------------------------------------

def _find_speaker(name: str, registry) -> Speaker:
    import difflib

    by_name = {s.name: s for s in registry}
    for s in registry:
        if name == s.name or name in s.aliases:
            return s
    close = difflib.get_close_matches(name, list(by_name), n=1, cutoff=0.5)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise UsageError(f"{name!r} is not a speaker in the registry.{hint} "
                     f"Speakers: {', '.join(by_name)}.")


def speaker_sentences(article, name: str, registry=None) -> list[Attribution]:
    """The sentences :func:`attribute` gives to one speaker (a name or an alias).

    Args:
        article: an :class:`~helpers.Article`.
        name: a speaker's name or alias, as in ``data/speakers.csv``.
        registry: a list of :class:`Speaker`; ``None`` for the article's own (:func:`speakers`).

    Returns:
        A list of :class:`Attribution`, in text order; a sentence shared with
        another speaker is included.

    Raises:
        ValueError: ``name`` is not in the registry (the message suggests a close name).

    >>> from helpers import load_article
    >>> [a.sentence.index for a in speaker_sentences(load_article(), "Lodhi")]
    [66, 67, 68, 69, 70]
    """
    registry = _registry(article, registry)
    who = _find_speaker(name, registry).name
    return [a for a in attribute(article, registry) if who in a.speakers]


def speaker_table(article, registry=None, *, everyone: bool = False):
    """A table of the speakers in speaking order: role, group, sentences and words.

    Args:
        article: an :class:`~helpers.Article`.
        registry: a list of :class:`Speaker`; ``None`` for the article's own (:func:`speakers`).
        everyone: also list registry speakers the article gives no sentence.

    Returns:
        A pandas DataFrame with columns speaker, role, speaks_for, first_sentence,
        sentences, words (``first_sentence`` is empty for speakers with none).

    >>> from helpers import load_article
    >>> t = speaker_table(load_article())
    >>> t[["speaker", "sentences"]].head(3).values.tolist()
    [['Ban Ki-moon', 11], ['Ukraine', 1], ['United States', 1]]
    """
    import pandas as pd

    from ..display import table as _table
    from ..tokens import tokenize

    registry = _registry(article, registry)
    stats = {}
    for a in attribute(article, registry):
        for name in a.speakers:
            first, count, words = stats.get(name, (a.sentence.index, 0, 0))
            stats[name] = (first, count + 1, words + len(tokenize(a.sentence.text)))
    rows = [{"speaker": s.name, "role": s.role, "speaks_for": s.speaks_for,
             "first_sentence": stats[s.name][0] if s.name in stats else None,
             "sentences": stats.get(s.name, (0, 0, 0))[1], "words": stats.get(s.name, (0, 0, 0))[2]}
            for s in registry if everyone or s.name in stats]
    table = pd.DataFrame(rows, columns=["speaker", "role", "speaks_for", "first_sentence", "sentences", "words"])
    table = table.sort_values("first_sentence", kind="stable", na_position="last").reset_index(drop=True)
    table["first_sentence"] = table["first_sentence"].astype("Int64")
    return _table(table)


def show_speaker(article, name: str, registry=None) -> None:
    """Print what one speaker said, sentence by sentence, with the cue and the evidence.

    Args:
        article, name, registry: as for :func:`speaker_sentences`.

    Returns:
        None; it prints the speaker's role and group, then each sentence with
        its number, cue, kind and evidence.

    Raises:
        ValueError: ``name`` is not in the registry.

    >>> from helpers import load_article
    >>> show_speaker(load_article(), "United Kingdom")
    United Kingdom: Representative of the United Kingdom (speaks for: member states), 1 sentence
      sentence 16: The United Kingdom’s representative called for the application of standards to organizations cooperating with the UN.
           cue: called for · indirect speech · named in the sentence
    """
    registry = _registry(article, registry)
    who = _find_speaker(name, registry)
    said = speaker_sentences(article, who.name, registry)
    print(f"{who.name}: {who.role} (speaks for: {who.speaks_for}), "
          f"{len(said)} sentence{'s' if len(said) != 1 else ''}")
    for a in said:
        print(f"  sentence {a.sentence.index}: {a.sentence.text}")
        print(f"       cue: {a.cue or 'none'} · {a.kind} · {a.evidence}")


def show_attribution(article, start: int = 0, stop: int | None = None, registry=None) -> None:
    """Print sentences ``start`` to ``stop`` with who speaks in each and why.

    Args:
        article: an :class:`~helpers.Article`.
        start: the number of the first sentence to show.
        stop: the number of the sentence to stop before; ``None`` for the end.
        registry: a list of :class:`Speaker`; ``None`` for the article's own (:func:`speakers`).

    Returns:
        None; it prints each sentence's number, speakers (or "narration") and
        evidence, then the sentence.

    >>> from helpers import load_article
    >>> show_attribution(load_article(), 13, 14)
    sentence 13: narration — about speakers in general ('Many speakers'): the journalist's summary
         Many speakers described the work of their respective regional organizations, with some calling for strengthening the cooperation between the CIS and CSTO entities, particularly in fighting terrorism, illicit drug trafficking and in other security areas.
    """
    for a in attribute(article, registry)[start:stop]:
        who = " + ".join(a.speakers) or "narration"
        print(f"sentence {a.sentence.index}: {who} — {a.evidence}")
        print(f"     {a.sentence.text}")


def speaker_keywords(article, name: str, n: int = 10, registry=None) -> list[tuple[str, float]]:
    """The words most typical of one speaker against the rest of the article (log-likelihood).

    Keyness compares how often a word occurs in the speaker's sentences with how often it
    occurs in all other sentences (Dunning's log-likelihood, G²); only words the speaker
    uses more than the rest are kept. Stopwords are left out.

    Args:
        article: an :class:`~helpers.Article`.
        name: a speaker's name or alias (see :func:`speaker_sentences`).
        n: how many words at most.
        registry: a list of :class:`Speaker`; ``None`` for the article's own (:func:`speakers`).

    Returns:
        Up to ``n`` ``(word, G²)`` pairs, most distinctive first; empty if the
        speaker has no sentence.

    Raises:
        ValueError: ``name`` is not in the registry.

    >>> from helpers import load_article
    >>> [w for w, _ in speaker_keywords(load_article(), "Sergey Ivanov", 3)]
    ['cis', 'economic', 'serious']
    """
    import math

    from ..datafiles import load_stopwords
    from ..tokens import tokenize

    stop = load_stopwords()
    mine = {a.sentence.index for a in speaker_sentences(article, name, registry)}
    own, rest = {}, {}
    for sent in article.sentences:
        counts = own if sent.index in mine else rest
        for w in tokenize(sent.text):
            if w not in stop and w[0].isalpha():
                counts[w] = counts.get(w, 0) + 1
    c, d = sum(own.values()), sum(rest.values())
    scores = []
    for w, a in own.items():
        b = rest.get(w, 0)
        if not c or not d or a / c <= b / d:
            continue
        e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
        g2 = 2 * (a * math.log(a / e1) + (b * math.log(b / e2) if b else 0))
        scores.append((w, round(g2, 2)))
    return sorted(scores, key=lambda p: (-p[1], p[0]))[:n]
