"""Who said what, for whom: the speaker registry and rule-based attribution.

The speakers of an article are listed in an editable file, ``data/speakers.csv``
(name, role, country, organization, capacity, the group they speak for, their
pronoun and other names). :func:`attribute` then reads the article sentence by
sentence and decides, with a handful of rules a learner can follow, who is
speaking: a speaker *named* right before a speech cue ("Ban noted"), a pronoun
*carried* from the last named speaker ("he said"), or a sentence with no cue that
*continues* the speech around it. Every decision carries its evidence, and
:func:`evaluate_attribution` checks the rules against a gold annotation made by
hand (``data/gold/``), next to a naive "last name seen" rule.
"""

from __future__ import annotations

import csv
import re
import weakref
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .datafiles import DataFileError, data_dir, file_stamp, read_text, read_wordlist

__all__ = ["Speaker", "Attribution", "speakers", "attribute", "CAPACITIES", "KINDS"]

#: The capacities a speaker can speak in.
CAPACITIES = ("official", "national", "chair", "on behalf")
#: The kinds of sentence :func:`attribute` tells apart.
KINDS = ("direct quote", "indirect speech", "mixed", "narration")
_COLUMNS = ("name", "role", "country", "organization", "capacity", "speaks_for", "pronoun", "aliases")
_PRONOUNS = ("he", "she")


@dataclass(frozen=True)
class Speaker:
    """One speaker of the registry (see ``data/speakers.csv`` for what each field means)."""

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


@dataclass(frozen=True)
class Attribution:
    """Who speaks in one sentence, how it is reported, and why the rules think so.

    Attributes:
        sentence: the :class:`~helpers.Sentence`.
        speakers: names from the registry; empty for the journalist's own narration.
        cue: the speech cue found ("said", "emphasized" …), or ``None``.
        kind: "direct quote", "indirect speech", "mixed" or "narration".
        evidence: the rule that decided, in words.
    """

    sentence: object
    speakers: tuple[str, ...]
    cue: str | None
    kind: str
    evidence: str


# --- the registry ---------------------------------------------------------------------

def _registry_path(path=None) -> Path:
    return Path(path) if path is not None else data_dir() / "speakers.csv"


@lru_cache(maxsize=8)
def _read_registry(path: str, stamp) -> tuple[Speaker, ...]:
    path = Path(path)
    numbered = [(n, line) for n, line in enumerate(read_text(path).split("\n"), start=1)
                if line.strip() and not line.lstrip().startswith("#")]
    if not numbered:
        raise DataFileError(path, "the file has no header line and no speakers",
                            "start with the line  " + ",".join(_COLUMNS))
    rows = list(zip((n for n, _ in numbered), csv.reader(line for _, line in numbered)))
    header_line, header = rows[0]
    header = [h.strip().lower() for h in header]
    missing = [c for c in _COLUMNS if c not in header]
    if missing:
        raise DataFileError(path, f"the header has no column {missing[0]!r} (it has {', '.join(header)})",
                            "the first line that is not a note must be  " + ",".join(_COLUMNS),
                            line=header_line)
    out, seen = [], {}
    for number, cells in rows[1:]:
        if len(cells) != len(header):
            raise DataFileError(
                path, f"this line has {len(cells)} values but the header has {len(header)} columns",
                "give every column a value (leave it empty between two commas) and put any value "
                "that contains a comma in double quotes", line=number)
        row = {key: cell.strip() for key, cell in zip(header, cells)}
        for key in ("name", "role", "capacity", "speaks_for"):
            if not row[key]:
                raise DataFileError(path, f"the column {key!r} is empty", f"write the speaker's {key}",
                                    line=number)
        if row["name"] in seen:
            raise DataFileError(path, f"the name {row['name']!r} is already on line {seen[row['name']]}",
                                "each speaker has one line; merge the two or rename one", line=number)
        if row["capacity"] not in CAPACITIES:
            raise DataFileError(path, f"capacity {row['capacity']!r} is not one the kit knows",
                                f"write one of: {', '.join(CAPACITIES)}", line=number)
        if row["pronoun"] and row["pronoun"].lower() not in _PRONOUNS:
            raise DataFileError(path, f"pronoun {row['pronoun']!r} is not he or she",
                                "write he, she, or leave it empty", line=number)
        seen[row["name"]] = number
        aliases = tuple(a.strip() for a in row["aliases"].split(";") if a.strip())
        out.append(Speaker(row["name"], row["role"], row["country"] or None, row["organization"] or None,
                           row["capacity"], row["speaks_for"], aliases, row["pronoun"].lower() or None))
    owner = {}
    for s, (number, _) in zip(out, rows[1:]):
        for form in (s.name, *s.aliases):
            if owner.get(form, s.name) != s.name:
                raise DataFileError(path, f"{form!r} names both {owner[form]!r} and {s.name!r}",
                                    "keep each name or alias on one speaker's line only", line=number)
            owner[form] = s.name
    return tuple(out)


def speakers(path=None) -> list[Speaker]:
    """The speakers of the registry ``data/speakers.csv`` (or ``path``), in file order.

    Args:
        path: another registry file written like ``data/speakers.csv``.

    Returns:
        A list of :class:`Speaker`.

    Raises:
        DataFileError: a missing column, an empty field, a duplicate name, an unknown
            capacity or pronoun; the message names the file and the line.

    >>> reg = speakers()
    >>> len(reg), reg[0].name, reg[0].speaks_for
    (27, 'Ban Ki-moon', 'UN')
    >>> [s.name for s in reg if s.pronoun == "she"]
    ['Tanmaya Lal', 'Maleeha Lodhi']
    """
    path = _registry_path(path)
    return list(_read_registry(str(path), file_stamp(path)))


# --- the rules ------------------------------------------------------------------------

_APOS = "['’]"
_QUOTES_OPEN = "“\""
_GROUP = re.compile(r"\b(?:many|some|several|other|most|all|a number of)\s+(?:of\s+the\s+)?"
                    r"(?:speakers|delegates|delegations|members)\b", re.IGNORECASE)
_PRONOUN_SUBJECT = r"\b(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey)\s+(?:also\s+|then\s+|had\s+|has\s+)?"
_AUX = r"(?:\s*,)?\s*(?:has\s+|had\s+|also\s+|then\s+)*"


@lru_cache(maxsize=4)
def _cues(path: str, stamp) -> tuple[str, ...]:
    return tuple(read_wordlist(path, lower=True))


def _cue_list() -> tuple[str, ...]:
    path = data_dir() / "speakers.cues.txt"
    return _cues(str(path), file_stamp(path))


class _Rules:
    """The registry and cue list compiled into regular expressions, once."""

    def __init__(self, registry: tuple[Speaker, ...], cues: tuple[str, ...]):
        self.registry = {s.name: s for s in registry}
        cue_alt = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(cues, key=len, reverse=True))
        self.cue = re.compile(rf"\b(?:{cue_alt})\b", re.IGNORECASE)
        self.bound_after = re.compile(rf"(?:\s*,[^,.;]{{0,160}}?)?{_AUX}(?P<cue>{cue_alt})\b", re.IGNORECASE)
        self.bound_before = re.compile(rf"\b(?P<cue>said|says|told|added|noted)\s+(?:the\s+)?$", re.IGNORECASE)
        self.pronoun = re.compile(rf"{_PRONOUN_SUBJECT}(?P<cue>{cue_alt})\b")
        forms = {}
        for s in registry:
            for form in (s.name, *s.aliases):
                forms[form] = s.name
        alt = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        self.forms = forms
        self.name = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])") if forms else None
        countries = {}
        for s in registry:
            if s.country:
                countries.setdefault(s.country, s.name)
        self.countries = countries
        if countries:
            calt = "|".join(re.escape(c) for c in sorted(countries, key=len, reverse=True))
            country = rf"(?:the\s+)?(?:{calt})"
            listing = rf"{country}(?:\s*,\s*{country})*(?:,?\s+and\s+{country})?"
            self.country = re.compile(rf"(?<![\w-])(?:{calt})(?![\w-])")
            self.introducer = re.compile(
                rf"\b(?:[Tt]he\s+)?[Rr]epresentatives?\s+of\s+(?P<list>{listing})(?![\w-])"
                rf"|(?P<owner>{country}){_APOS}s?\s+(?:Permanent\s+)?[Rr]epresentative\b")
        else:
            self.country = self.introducer = None

    def mentions(self, text: str) -> list[tuple[int, int, tuple[str, ...], bool]]:
        """Speaker mentions: (start, end, names, introduced-as-delegation)."""
        found = []
        if self.introducer is not None:
            for m in self.introducer.finditer(text):
                part = m.group("list") or m.group("owner")
                names = tuple(dict.fromkeys(self.countries[c.group()] for c in self.country.finditer(part)))
                found.append((m.start(), m.end(), names, True))
        if self.name is not None:
            taken = [(s, e) for s, e, _, _ in found]
            for m in self.name.finditer(text):
                if not any(s <= m.start() < e for s, e in taken):
                    found.append((m.start(), m.end(), (self.forms[m.group()],), False))
        return sorted(found)


@lru_cache(maxsize=8)
def _rules(registry: tuple[Speaker, ...], cues: tuple[str, ...]) -> _Rules:
    return _Rules(registry, cues)


def _kind(text: str, has_speaker: bool) -> str:
    if not has_speaker:
        return "narration"
    if text.lstrip()[:1] in _QUOTES_OPEN:
        return "direct quote"
    if any(q in text for q in "“”\""):
        return "mixed"
    return "indirect speech"


def _pronoun_target(pronoun, current, history, registry):
    """Who a subject pronoun points to: the current speaker if it fits, else the last who fits."""
    if pronoun == "they":
        return current, "pronoun 'they' carried from the last named speakers"
    fits = [n for n in current if registry[n].pronoun in (pronoun, None)] if current else []
    if current and len(current) == 1 and fits:
        return current, f"pronoun '{pronoun}' carried from the last named speaker"
    for names in reversed(history):
        if len(names) == 1 and registry[names[0]].pronoun == pronoun:
            return names, (f"pronoun '{pronoun}' does not fit the last speaker; carried from the last "
                           f"named speaker it fits")
    return (), None


def _attribute(sentences, rules: _Rules) -> list[Attribution]:
    out, current, history, last_paragraph = [], (), [], None
    for sent in sentences:
        text = sent.text
        names, cue, evidence = (), None, None
        mentions = rules.mentions(text)
        bound = []
        for start, end, who, _ in mentions:
            m = rules.bound_after.match(text, end)
            b = rules.bound_before.search(text, 0, start)
            if m or b:
                bound.append((start, who, (m or b).group("cue")))
        pron = rules.pronoun.search(text)
        if _GROUP.search(text):
            evidence = f"about speakers in general ({_GROUP.search(text).group()!r}): the journalist's summary"
            current = ()
        elif bound:
            names = tuple(dict.fromkeys(n for _, who, _ in bound for n in who))
            cue = bound[0][2]
            evidence = "named in the sentence"
            current = names
            history.append(names)
        elif pron:
            names, evidence = _pronoun_target(pron.group("pronoun").lower(), current, history, rules.registry)
            cue = pron.group("cue")
            if names:
                current = names
            else:
                evidence = f"'{pron.group()}' but no speaker has been named yet"
        elif any(intro for *_, intro in mentions):
            evidence = "names speakers but reports nothing they said (no speech cue)"
            current = ()
        elif rules.cue.search(text):
            cue_text = rules.cue.search(text).group()
            evidence = f"the cue {cue_text!r} has no speaker as its subject"
            current = ()
        elif current:
            names = current
            evidence = ("continuation of a speech paragraph" if sent.paragraph == last_paragraph
                        else "continuation: a new paragraph with no cue and no new speaker")
        else:
            evidence = "the journalist's narration: no speaker, no cue"
        cue = " ".join(cue.split()).lower() if cue else None
        out.append(Attribution(sent, names, cue if names else None, _kind(text, bool(names)),
                               evidence))
        if names:
            last_paragraph = sent.paragraph
    return out


_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def attribute(article, registry=None) -> list[Attribution]:
    """Who speaks in each sentence of ``article``, with the cue, the kind and the evidence.

    The rules, tried in this order for every sentence:

    1. "Many/Some speakers …" → narration (the journalist sums up; nobody in particular).
    2. A speaker named right before a cue ("Ban noted", "Rashid Alimov, Secretary-General
       of …, said", "The representatives of Ukraine and the United States said") → them.
    3. "he/she/they" + cue → the current speaker if the pronoun fits, else the last
       named speaker it fits (he vs she).
    4. Speakers introduced with no cue ("… spoke in their capacities as Chairs") → narration.
    5. A cue with no speaker as subject ("the presidency explained") → narration.
    6. No cue at all → the current speaker goes on (continuation), or narration.

    Args:
        article: an :class:`~helpers.Article`.
        registry: a list of :class:`Speaker`; ``None`` for :func:`speakers`.

    Returns:
        One :class:`Attribution` per sentence, in order. Results are cached per article.

    >>> from helpers import load_article
    >>> a = attribute(load_article())
    >>> a[15].speakers, a[15].cue
    (('Ukraine', 'United States'), 'said')
    >>> a[63].speakers, a[63].evidence
    (('Tanmaya Lal',), "pronoun 'she' carried from the last named speaker")
    """
    if registry is None:
        path = _registry_path()
        registry = _read_registry(str(path), file_stamp(path))
    registry = tuple(registry)
    key = (registry, _cue_list())
    try:
        per_article = _CACHE.setdefault(article, {})
    except TypeError:
        per_article = {}
    if key not in per_article:
        per_article[key] = _attribute(article.sentences, _rules(*key))
    return list(per_article[key])
