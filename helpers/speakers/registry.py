"""The speaker registry: who can speak in an article, read from its ``NAME.speakers.csv``.

Each article has its own list beside it; :func:`load_speakers` reads it, or any file
written like it. This module owns reading and checking a speaker list. It does not decide
who speaks (that is :mod:`helpers.speakers.rules`), and never writes a file. An analysis
with a list of one's own is made with :func:`helpers.analyse`.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..datafiles import DataFileError, UsageError, data_dir, file_stamp, read_text

__all__ = ["Speaker", "load_speakers", "registry_path", "find_speaker", "CAPACITIES", "LEGACY_REGISTRY", "COLUMNS"]

#: The capacities a speaker can speak in.
CAPACITIES = ("official", "national", "chair", "on behalf")
#: The columns of a speaker list, in the order the kit writes them.
COLUMNS = ("name", "role", "country", "organization", "capacity", "speaks_for", "pronoun", "aliases")
_PRONOUNS = ("he", "she")


@dataclass(frozen=True)
class Speaker:
    """One speaker of a registry (the note atop a ``NAME.speakers.csv`` says what each field means)."""

    name: str
    role: str
    country: str | None
    organization: str | None
    capacity: str
    speaks_for: str
    aliases: tuple[str, ...] = ()
    pronoun: str | None = None

    def __str__(self) -> str:
        return self.name


def _speaker(name, role, country, organization, capacity, speaks_for, aliases, pronoun) -> Speaker:
    """``Speaker(name, role, …)``, made without the frozen dataclass's ``object.__setattr__`` for each
    field (a speaker list is read for every article of a corpus). The object is the same: equal,
    hashed and shown alike."""
    made = _new(Speaker)
    made.__dict__.update(name=name, role=role, country=country, organization=organization, capacity=capacity,
                         speaks_for=speaks_for, aliases=aliases, pronoun=pronoun)
    return made


_new = object.__new__


# --- the registry ---------------------------------------------------------------------

#: The speaker file of the older layout, one for every article: used by an article with no
#: ``NAME.speakers.csv`` of its own, until its lines are moved there.
LEGACY_REGISTRY = "speakers.csv"


def registry_path(article) -> Path | None:
    """The speaker file an article uses: ``NAME.speakers.csv`` beside it.

    An article with no file of its own uses ``data/speakers.csv`` when that file of the
    older layout exists (``python -m helpers doctor`` says how to move it).

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.

    Returns:
        The path, or ``None`` when the article has no speaker file at all.

    >>> from helpers import load_article
    >>> registry_path(load_article()).name
    'idn-2016-10-31-un-regional-bodies.speakers.csv'
    """
    own = article.bundle_file("speakers.csv")
    if own.is_file() or os.path.lexists(own):  # a folder or a loop is read, and explained
        return own
    legacy = data_dir() / LEGACY_REGISTRY
    return legacy if legacy.is_file() else None


@lru_cache(maxsize=1024)  # each article has its own list: a corpus of many must not read them again and again
def _read_registry(path: str, stamp) -> tuple[Speaker, ...]:
    path = Path(path)
    numbered = [(n, line) for n, line in enumerate(read_text(path).split("\n"), start=1)
                if line.strip() and not line.lstrip().startswith("#")]
    if not numbered:
        raise DataFileError(path, "the file has no header line and no speakers",
                            "start with the line  " + ",".join(COLUMNS))
    rows = list(zip((n for n, _ in numbered), csv.reader(line for _, line in numbered)))
    header_line, header = rows[0]
    header = [h.strip().lower() for h in header]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise DataFileError(path, f"the header has no column {missing[0]!r} (it has {', '.join(header)})",
                            "the first line that is not a note must be  " + ",".join(COLUMNS),
                            line=header_line)
    # each column's place in a line (a column named twice: its last place, as a dict of the line keeps it)
    at = {key: k for k, key in enumerate(header)}
    name_at, role_at, country_at, org_at = at["name"], at["role"], at["country"], at["organization"]
    capacity_at, speaks_at, pronoun_at, aliases_at = at["capacity"], at["speaks_for"], at["pronoun"], at["aliases"]
    required = tuple((key, at[key]) for key in ("name", "role", "capacity", "speaks_for"))
    out, seen, width = [], {}, len(header)
    for number, cells in rows[1:]:
        if len(cells) != width:
            raise DataFileError(
                path, f"this line has {len(cells)} values but the header has {len(header)} columns",
                "give every column a value (leave it empty between two commas) and put any value "
                "that contains a comma in double quotes", line=number)
        cells = [cell.strip() for cell in cells]
        for key, k in required:
            if not cells[k]:
                raise DataFileError(path, f"the column {key!r} is empty", f"write the speaker's {key}",
                                    line=number)
        name, capacity, pronoun, aliases = cells[name_at], cells[capacity_at], cells[pronoun_at], cells[aliases_at]
        if name in seen:
            raise DataFileError(path, f"the name {name!r} is already on line {seen[name]}",
                                "each speaker has one line; merge the two or rename one", line=number)
        if capacity not in CAPACITIES:
            raise DataFileError(path, f"capacity {capacity!r} is not one the kit knows",
                                f"write one of: {', '.join(CAPACITIES)}", line=number)
        if pronoun and pronoun.lower() not in _PRONOUNS:
            raise DataFileError(path, f"pronoun {pronoun!r} is not he or she",
                                "write he, she, or leave it empty", line=number)
        seen[name] = number
        aliases = tuple(a.strip() for a in aliases.split(";") if a.strip()) if aliases else ()
        out.append(_speaker(name, cells[role_at], cells[country_at] or None, cells[org_at] or None,
                            capacity, cells[speaks_at], aliases, pronoun.lower() or None))
    owner = {}
    for s, (number, _) in zip(out, rows[1:]):
        for form in (s.name, *s.aliases):
            if owner.get(form, s.name) != s.name:
                raise DataFileError(path, f"{form!r} names both {owner[form]!r} and {s.name!r}",
                                    "keep each name or alias on one speaker's line only", line=number)
            owner[form] = s.name
    return tuple(out)


def load_speakers(source) -> list[Speaker]:
    """The speakers of an article's registry, or of a speaker file, in file order.

    Args:
        source: an :class:`~helpers.Article` (its ``NAME.speakers.csv``) or the path of a
            file written like one.

    Returns:
        A list of :class:`Speaker`; empty for an article with no speaker file.

    Raises:
        DataFileError: a missing column, an empty field, a duplicate name, an unknown
            capacity or pronoun; the message names the file and the line.

    >>> from helpers import load_article
    >>> reg = load_speakers(load_article())
    >>> len(reg), reg[0].name, reg[0].speaks_for
    (27, 'Ban Ki-moon', 'UN')
    >>> [s.name for s in reg if s.pronoun == "she"]
    ['Tanmaya Lal', 'Maleeha Lodhi']
    """
    if source is None:
        raise TypeError("load_speakers needs an article (from load_article()) or the path of a speaker file")
    if hasattr(source, "bundle_file"):
        path = registry_path(source)
        if path is None:
            return []
    else:
        path = Path(source)
    return list(_read_registry(str(path), file_stamp(path)))


def find_speaker(name: str, registry) -> Speaker:
    """The speaker of ``registry`` that ``name`` names (their name or one of their aliases).

    Args:
        name: a name or an alias, as in the speaker list.
        registry: a list of :class:`Speaker`.

    Returns:
        The :class:`Speaker`.

    Raises:
        UsageError: no speaker has that name (a ValueError; the message suggests a close one).

    >>> from helpers import load_article
    >>> find_speaker("Lodhi", load_speakers(load_article())).name
    'Maleeha Lodhi'
    """
    import difflib

    by_name = {s.name: s for s in registry}
    for s in registry:
        if name == s.name or name in s.aliases:
            return s
    close = difflib.get_close_matches(name, list(by_name), n=1, cutoff=0.5)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise UsageError(f"{name!r} is not a speaker in the registry.{hint} "
                     f"Speakers: {', '.join(by_name)}.")
