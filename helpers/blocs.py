"""Blocs of delegations: an editable grouping of speakers, read from ``data/blocs.txt``.

A bloc is a named list of speakers, other names or countries that a teacher chooses
("Regional secretariats", "Central Asian members"). This module owns reading and checking
the file (:func:`load_blocs`) and telling which bloc a speaker counts in (:func:`bloc_of`).
It does not group sentences (that is :mod:`helpers.groups`) and never writes a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .datafiles import DataFileError, data_file, file_stamp, read_lines, read_sections

__all__ = ["Bloc", "load_blocs", "bloc_of", "bloc_keys", "OTHER"]

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
    path = data_file("blocs.txt", path)
    return dict(_load_blocs(str(path), file_stamp(path)))


def bloc_keys(speaker) -> tuple[str, ...]:
    """The names a bloc entry can give a speaker by, in the order they are tried: name, aliases, country.

    Args:
        speaker: a :class:`~helpers.Speaker`.

    Returns:
        A tuple of names, without empty ones.

    >>> from helpers.speakers import Speaker
    >>> bloc_keys(Speaker("Vitaly Churkin", "Ambassador", "Russian Federation", None, "national", "member states", ("Churkin",)))
    ('Vitaly Churkin', 'Churkin', 'Russian Federation')
    """
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
    path = data_file("blocs.txt", blocs)
    table = _bloc_table(str(path), file_stamp(path))
    for key in bloc_keys(speaker):
        if key.lower() in table:
            return table[key.lower()]
    return speaker.speaks_for if speaker.organization else OTHER


@lru_cache(maxsize=8)
def _bloc_table(path: str, stamp) -> dict[str, str]:
    return {m.lower(): b.name for b in load_blocs(path).values() for m in b.members}
