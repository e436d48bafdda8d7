"""Which sentences belong to which group: by speaker, organization, bloc, paragraph or sentence.

A lesson compares groups of sentences: what each speaker said, what was said for
each organization, what each bloc of delegations said. This module owns that grouping
(:func:`sentence_groups`), and nothing else: it reads who speaks from
:func:`helpers.attribute` and the speaker list, the blocs and the groups it finds are kept
on the article's :class:`~helpers.Analysis`, so that every analysis, plot and explorer given
the same analysis sees the same sentences. Blocs are an editable choice in ``data/blocs.txt``
(:mod:`helpers.blocs`). Sentences the reporter writes in his own voice form the group
:data:`NARRATION`.
"""

from __future__ import annotations

import difflib
import warnings

from .analysis import analysis_of
from .blocs import OTHER, bloc_of
from .speakers.rules import attribute

__all__ = ["sentence_groups", "theme_groups", "sentences_by_group", "check_by", "GROUPINGS", "NARRATION", "OTHER"]

#: The ways sentences can be grouped.
GROUPINGS = ("speaker", "organization", "bloc", "paragraph", "sentence")
#: The group of sentences the reporter writes in his own voice.
NARRATION = "(narration)"


def check_by(by) -> None:
    """Refuse a grouping the kit does not know, with the closest one it does.

    Args:
        by: a grouping, one of :data:`GROUPINGS`.

    Returns:
        None, when ``by`` is a grouping.

    Raises:
        ValueError: ``by`` is not one of them.

    >>> check_by("organisation")
    Traceback (most recent call last):
    ...
    ValueError: by='organisation' is not a grouping; did you mean 'organization'? use one of: speaker, organization, bloc, paragraph, sentence
    """
    if by not in GROUPINGS:
        close = difflib.get_close_matches(str(by), GROUPINGS, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise ValueError(f"by={by!r} is not a grouping; {hint}use one of: {', '.join(GROUPINGS)}")


def sentence_groups(article, by: str = "speaker", *, registry=None, blocs=None) -> dict:
    """Which sentences belong to which group: ``{group: (sentence index, ...)}``, in order.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        by: ``"speaker"``, ``"organization"`` (whom the speaker speaks for: UN, CSTO,
            SCO, CIS or member states, in the order the registry first names them),
            ``"bloc"`` (``data/blocs.txt``, see :func:`bloc_of`), ``"paragraph"`` or
            ``"sentence"``.
        registry: deprecated: pass ``analyse(article, speakers=…)`` as ``article``.
        blocs: another blocs file, for ``by="bloc"``.

    Returns:
        A dict from group to the indices of its sentences. A sentence attributed
        to two speakers is in both groups; sentences attributed to no one are in
        :data:`NARRATION`, which comes last.

    >>> from helpers import load_article
    >>> groups = sentence_groups(load_article(), "organization")
    >>> list(groups)
    ['UN', 'CSTO', 'SCO', 'CIS', 'member states', '(narration)']
    """
    check_by(by)
    a = analysis_of(article, registry=registry, blocs=blocs, caller="sentence_groups")
    return dict(a.memo(("groups", by), lambda: _groups(a, by)))


def _groups(a, by: str) -> dict:
    """:func:`sentence_groups` of the analysis ``a``, computed."""
    sentences = a.article.sentences
    if by == "sentence":
        return {s.index: (s.index,) for s in sentences}
    if by == "paragraph":
        out: dict = {}
        for s in sentences:
            out.setdefault(s.paragraph, []).append(s.index)
        return {p: tuple(v) for p, v in out.items()}
    registry = a.speakers
    who = {sp.name: sp for sp in registry}
    if by == "organization":
        order = list(dict.fromkeys(sp.speaks_for for sp in registry))
        label = lambda name: who[name].speaks_for  # noqa: E731
    elif by == "bloc":
        order = list(a.blocs)
        bloc = {name: bloc_of(sp, a.blocs_file) for name, sp in who.items()}  # once a speaker, not once a sentence
        label = bloc.__getitem__
        order += [g for g in dict.fromkeys(bloc.values()) if g not in order and g != OTHER] + [OTHER]
    else:
        order = []
        label = None  # a speaker is its own group
    found: dict = {}
    for attribution in attribute(a):
        names = attribution.speakers
        labels = dict.fromkeys(names if label is None else map(label, names)) or {NARRATION: None}
        for group in labels:
            found.setdefault(group, []).append(attribution.sentence.index)
    ranked = [g for g in order if g in found] + [g for g in found if g not in order and g != NARRATION]
    if NARRATION in found:
        ranked.append(NARRATION)
    return {g: tuple(found[g]) for g in ranked}


def theme_groups(article, by: str = "speaker", **options) -> dict:
    """The older name of :func:`sentence_groups`, kept for a release; it warns (``FutureWarning``).

    Args:
        article, by, options: as for :func:`sentence_groups`.

    Returns:
        What :func:`sentence_groups` returns.

    >>> import warnings
    >>> from helpers import load_article
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     list(theme_groups(load_article(), "organization"))[:2]
    ['UN', 'CSTO']
    """
    warnings.warn("theme_groups() is now sentence_groups(): the same function under its one name",
                  FutureWarning, stacklevel=2)
    return sentence_groups(article, by, **options)


def sentences_by_group(groups: dict) -> dict[int, tuple]:
    """The other way round from :func:`sentence_groups`: sentence index → its groups, in group order.

    Args:
        groups: a dict as :func:`sentence_groups` returns it.

    Returns:
        A dict from sentence index to the tuple of groups it belongs to; a sentence
        in no group is left out.

    >>> sentences_by_group({"A": (0, 1), "B": (1,)})
    {0: ('A',), 1: ('A', 'B')}
    """
    out: dict[int, list] = {}
    for g, idx in groups.items():
        for i in idx:
            out.setdefault(i, []).append(g)
    return {i: tuple(g) for i, g in out.items()}
