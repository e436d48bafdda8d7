"""Which sentences belong to which group: by speaker, organization, bloc, paragraph or sentence.

A lesson compares groups of sentences: what each speaker said, what was said for
each organization, what each bloc of delegations said. The groups of speakers come
from :func:`helpers.attribute` and the article's speaker registry (``registry=``, the
article's own ``NAME.speakers.csv`` when it is not given), so that every analysis that
groups by speaker sees the same sentences. Blocs are an editable choice in
``data/blocs.txt``. Sentences the reporter writes in his own voice form the group
:data:`NARRATION`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .datafiles import DataFileError, data_dir, file_stamp, read_lines, read_sections

__all__ = ["Bloc", "load_blocs", "bloc_of", "sentence_groups", "theme_groups", "sentences_by_group",
           "GROUPINGS", "NARRATION", "OTHER"]

#: The ways sentences can be grouped.
GROUPINGS = ("speaker", "organization", "bloc", "paragraph", "sentence")
#: The group of sentences the reporter writes in his own voice.
NARRATION = "(narration)"
#: The bloc group of delegations listed in no bloc.
OTHER = "(other)"


@dataclass(frozen=True)
class Bloc:
    """A bloc: its name, a note, and its members (speaker names, other names or countries)."""

    name: str
    note: str
    members: tuple[str, ...]
    line: int | None = None


@lru_cache(maxsize=16)
def _load_blocs(path: str, stamp) -> dict[str, Bloc]:
    sections = read_sections(Path(path), kind="bloc")
    blocs = {name: Bloc(name, s["note"], tuple(s["items"]), s["line"]) for name, s in sections.items()}
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


def _bloc_keys(speaker) -> tuple[str, ...]:
    """The names a bloc entry can give a speaker by, in the order they are tried: name, aliases, country."""
    return tuple(k for k in (speaker.name, *speaker.aliases, speaker.country) if k)


def bloc_of(speaker, blocs=None) -> str:
    """The bloc a speaker is counted in.

    A bloc of ``data/blocs.txt`` names the speaker (by name, another name or country).
    A speaker in no bloc who is an official of an organization (the ``organization``
    column) counts for the group they speak for ("EU", "UN"); a delegation in no bloc
    counts under :data:`OTHER`.

    Args:
        speaker: a :class:`~helpers.Speaker`.
        blocs: another blocs file; ``None`` for the kit's.

    Returns:
        The name of the group.

    >>> from helpers import speakers
    >>> by_name = {s.name: s for s in speakers()}
    >>> bloc_of(by_name["Rashid Alimov"]), bloc_of(by_name["Egypt"])
    ('Regional secretariats', '(other)')
    """
    path = Path(blocs) if blocs is not None else data_dir() / "blocs.txt"
    table = _bloc_table(str(path), file_stamp(path))
    for key in _bloc_keys(speaker):
        if key.lower() in table:
            return table[key.lower()]
    return speaker.speaks_for if speaker.organization else OTHER


@lru_cache(maxsize=8)
def _bloc_table(path: str, stamp) -> dict[str, str]:
    return {m.lower(): b.name for b in load_blocs(path).values() for m in b.members}


def _check_by(by):
    if by not in GROUPINGS:
        close = difflib.get_close_matches(str(by), GROUPINGS, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise ValueError(f"by={by!r} is not a grouping; {hint}use one of: {', '.join(GROUPINGS)}")


def sentence_groups(article, by: str = "speaker", *, registry=None, blocs=None) -> dict:
    """Which sentences belong to which group: ``{group: (sentence index, ...)}``, in order.

    Args:
        article: an :class:`~helpers.Article`.
        by: ``"speaker"``, ``"organization"`` (whom the speaker speaks for: UN, CSTO,
            SCO, CIS or member states, in the order the registry first names them),
            ``"bloc"`` (``data/blocs.txt``, see :func:`bloc_of`), ``"paragraph"`` or
            ``"sentence"``.
        registry: a list of :class:`~helpers.Speaker`; ``None`` for the article's own.
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
    _check_by(by)
    if by == "sentence":
        return {s.index: (s.index,) for s in article.sentences}
    if by == "paragraph":
        out: dict = {}
        for s in article.sentences:
            out.setdefault(s.paragraph, []).append(s.index)
        return {p: tuple(v) for p, v in out.items()}
    from .speakers import _registry, attribute

    registry = _registry(article, registry)
    who = {sp.name: sp for sp in registry}
    if by == "organization":
        order = list(dict.fromkeys(sp.speaks_for for sp in registry))
        label = lambda name: who[name].speaks_for  # noqa: E731
    elif by == "bloc":
        order = list(load_blocs(blocs))
        bloc = {name: bloc_of(sp, blocs) for name, sp in who.items()}  # once a speaker, not once a sentence
        label = bloc.__getitem__
        order += [g for g in dict.fromkeys(bloc.values()) if g not in order and g != OTHER] + [OTHER]
    else:
        order = []
        label = lambda name: name  # noqa: E731
    found: dict = {}
    for attribution in attribute(article, registry):
        labels = dict.fromkeys(label(n) for n in attribution.speakers) or {NARRATION: None}
        for group in labels:
            found.setdefault(group, []).append(attribution.sentence.index)
    ranked = [g for g in order if g in found] + [g for g in found if g not in order and g != NARRATION]
    if NARRATION in found:
        ranked.append(NARRATION)
    return {g: tuple(found[g]) for g in ranked}


#: The name the theme lessons know it by.
theme_groups = sentence_groups


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
