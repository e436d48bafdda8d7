"""A new article in a few minutes: the speaker finder and the scaffold of a bundle.

:func:`suggest_speakers` reads an article and lists the speakers it can find by the
patterns reporters use: "Rashid Alimov, Secretary-General of the SCO, said", "China's Liu
Jieyi emphasized", "the representatives of Ukraine and the United States said", "said its
Secretary-General, Zhang Ming", "a briefing by Federica Mogherini", a name followed by
"he said" in the next sentence. :func:`new_article` (``python -m helpers new-article
PATH.txt``) copies a text into the data folder's ``articles/`` and drafts the rest of its
bundle beside it: the metadata (``NAME.toml``), the speaker list (``NAME.speakers.csv``)
and a gold template with the kit's guesses (``NAME.gold.tsv``). Every line it drafts is
a guess for a person to check by reading, and it never writes over a file.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import os
import bisect
import re
import textwrap
import unicodedata
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .analysis import analyse, analysis_of
from .article import CLOSING_TAG, load_article, load_boilerplate
from .datafiles import data_dir, DataFileError, load_stopwords, read_text
from .doctor import check_data_files
from .frequency import article_aliases
from .speakers import load_speakers, Speaker
from .speakers.grammar import (ADDRESS_TITLES, ALSO_BRIEFING, APOSTROPHES, BETWEEN_WORDS, DELEGATE_HEADS, HONORIFICS,
                               INSTITUTION_WORDS, INTRODUCERS, MONTH, MONTHS, NOT_COUNTRY, OBJECT_CUES,
                               OWNERS_REPRESENTATIVE, PARTICLES, REPRESENTATIVES_OF, ROLE_NOUNS, SHORT_TITLES,
                               SPEAKING, SPOKE, TITLE_WORDS, blank_quotes, cue_alternatives, demonyms, has_role,
                               is_role_plural, is_title, name_like, name_runs, name_words)
from .speakers.rules import attribute
from .tokens import find_mentions

__all__ = ["suggest_speakers", "suggest_organizations", "new_article", "NewArticle"]

#: Where a role phrase before a name begins: after a comma, colon, dash or quotation mark.
_BOUNDARY = re.compile(r"[,;:“”\"—–]| - ")

#: "of Slovakia", "of the Republic of Korea", "of the Vietnam Permanent Mission" in a role.
_OF_NAME = re.compile(r"\bof\s+(?:the\s+)?((?:[A-Z][^\s,;.()]*)(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][^\s,;.()]*)*)")
#: A possessive that opens a role: "Kazakhstan's Permanent Representative", "Belarus' representative".
_OWNER_AT_START = re.compile(rf"(?:[Tt]he\s+)?([A-Z][^\s,;]*(?:\s+[A-Z][^\s,;]*)*?)(?:[{APOSTROPHES}]s|s[{APOSTROPHES}])\s")
#: One item of a list of countries, "the United States", "Republic of Korea".
_LIST_ITEM = re.compile(r"(?P<the>the\s+|The\s+)?(?P<name>[A-Z][^\W\d_]*(?:[-'’][^\W\d_]+)*"
                        r"(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][^\W\d_]*(?:[-'’][^\W\d_]+)*)*)")
_LIST_SEPARATOR = re.compile(r",\s+and\s+|\s+and\s+|,\s+")
#: A sentence that opens inside a quotation, closed later: "Azerbaijan welcomes …", - the minister said."
_INSIDE_A_QUOTATION = re.compile(r"[^“\"]*[”\"]\s*[,.;:–—-]")
#: What may open a sentence before its subject: "On Tuesday, ", "Meanwhile, ".
_SENTENCE_OPENER = re.compile(r"(?:(?:On\s+\w+|Meanwhile|Earlier|Later|Separately|However),\s+)?")
#: A country's government speaking for it: "Egypt's Foreign Ministry", "Russia's government".
_GOVERNMENT_OF = re.compile(rf"(?:(?:[Tt]he\s+)?(?P<name>[A-Z][^\W\d_]*(?:\s+[A-Z][^\W\d_]*){{0,3}})[{APOSTROPHES}]s\s+"
                            r"(?:[Ff]oreign\s+(?:[Mm]inistry|[Oo]ffice)|[Mm]inistry\s+of\s+[Ff]oreign\s+[Aa]ffairs"
                            r"|[Gg]overnment))")
_ON_BEHALF = re.compile(r"\b[Oo]n\s+behalf\s+of\s+(?:the\s+)?(?P<what>[^,.;]{1,80})")
_IN_CAPACITY_AS_CHAIR = re.compile(r"\bin\s+(?:its|his|her|their)\s+capacit(?:y|ies)\s+as\s+(?:the\s+)?"
                                   r"(?:[Cc]hair\w*|[Pp]residen\w*)\s+of\s+(?P<orgs>.*)")


def _org_names(article, extra=()) -> dict[str, tuple[str, ...]]:
    """The organizations the finder knows: data/aliases.txt, the article's own, ``extra``;
    an acronym key counts as a name ("AU" for the African Union)."""

    names = {}
    for key, forms in [*article_aliases(article).items(), *extra]:
        forms = tuple(dict.fromkeys([*names.get(key, ()), *forms]))
        if key.isupper() and key not in forms:
            forms += (key,)
        names[key] = forms
    return names


_ACRONYM_DEF = re.compile(r"\(([A-Z][A-Z-]{1,9})\)")
_CONNECTORS = frozenset("of and for the on in de des du la".split())


def _definitions(text: str) -> list[tuple[str, str]]:
    """``(acronym, full name)`` for every "Full Name (ACRONYM)" of ``text`` that names a body, not a
    title ("Special Representative of the Secretary-General (SRSG)" is left out)."""
    found = []
    for m in _ACRONYM_DEF.finditer(text):
        acronym = m.group(1)
        words = text[max(0, m.start() - 200):m.start()].rstrip().split(" ")
        name = []
        for w in reversed(words):
            bare = w.strip()
            if not bare or bare[-1] in ",;:.)(“”\"" or not (bare[0].isupper() or bare.lower() in _CONNECTORS):
                break
            name.insert(0, bare)
        while name and (name[0].lower() in _CONNECTORS or name[0][0] != acronym[0]):
            name.pop(0)
        while name and name[-1].lower() in _CONNECTORS:
            name.pop()
        if len(name) >= 2 and not is_title(name[-1]):  # "Secretary-General (UNSG)" is a title, no body
            found.append((acronym, " ".join(name)))
    return found


def suggest_organizations(article) -> list[str]:
    """Organizations the article defines ("Full Name (ACRONYM)") that the kit does not know yet.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.

    Returns:
        One entry per organization, written as ``organizations`` of a ``.toml`` takes it,
        ``"KEY: Full Name; KEY"``, in text order; empty when ``data/aliases.txt`` and the
        article's own metadata know every one.

    >>> from helpers import load_article
    >>> suggest_organizations(load_article())
    []
    >>> from types import SimpleNamespace
    >>> text = "The Organisation of Islamic Cooperation (OIC) met the United Nations (UN)."
    >>> suggest_organizations(SimpleNamespace(text=text, organizations=()))
    ['OIC: Organisation of Islamic Cooperation; OIC']
    """
    known = _org_names(article)
    taken = {n for forms in known.values() for n in forms} | set(known)
    out = []
    for acronym, name in _definitions(article.text):
        if acronym in taken or name in taken:
            continue
        taken |= {acronym, name}
        out.append(f"{acronym}: {name}; {acronym}")
    return out


def _parse_organizations(entries) -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for entry in entries:
        key, _, names = entry.partition(":")
        out.append((key.strip(), tuple(n.strip() for n in names.split(";") if n.strip())))
    return out


# --- the finder -------------------------------------------------------------------------------

@dataclass
class _Person:
    """A speaker being found: what the text says of them, and why the finder thinks they speak."""

    name: str
    first: tuple[int, int]
    delegation: bool = False
    role: str | None = None
    country: str | None = None
    the_country: bool = False  # the text writes "the United States"
    organization: str | None = None
    org_guessed: bool = False
    unknown_org: str | None = None
    capacity: str | None = None
    speaks_for: str | None = None
    behalf_of: str | None = None
    chair_of: str | None = None
    aliases: list = field(default_factory=list)
    votes: list = field(default_factory=list)
    evidence: list = field(default_factory=list)  # (sentence index, how)


class _Finder:
    """The patterns compiled once for an article, and what they find in it: people, delegations."""

    def __init__(self, article):

        self.article = article
        self.sentences = _units(article.sentences)
        self.orgs = _org_names(article, _parse_organizations(suggest_organizations(article)))
        self.find_mentions = lambda text: find_mentions(text, self.orgs)
        self.stop = load_stopwords()
        owner = analysis_of(article)
        self.countries = owner.countries
        cues = owner.cues
        alt = cue_alternatives(cues)
        self.cue_alt = alt
        after = "|".join([alt, *SPOKE]) if alt else "|".join(SPOKE)
        before = "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in INTRODUCERS)
        aux = rf"(?:\s+(?:who|(?-i:{BETWEEN_WORDS})))*"  # "[a-z]+ly" is no "Italy"
        app = (r"(?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})?"  # "Liu Jieyi of China said"
               r"(?:\s*\([^()]{1,60}\))?(?:\s*,(?:[^;.]|\.(?=\S)){1,200}?,|\s*,)?"
               # a who-clause the writer did not close: "Mrs. Anna Tibaijuka, who hosted … in Nairobi said:"
               r"(?:\s*,\s+who\s+(?:[^;.,“”\"]|\.(?=\S)){1,200}?(?=\s+(?-i:[a-z])))?"
               r"(?:\s+and\s+(?:(?:his|her|their)\s+)?(?:(?:[A-Z][\w’'-]*\.?|counterpart|colleague)\s+){0,4}"
               r"[A-Z][\w’'-]*)?")  # "X and Y said", "X and his Guyanese counterpart Y pledged"
        # the cue in lower case: "Arab States Region" holds no cue "states"
        self.after = re.compile(rf"{app}{aux}\s+(?=(?-i:[a-z]))(?P<cue>{after})\b", re.IGNORECASE)
        mid = r"(?:(?:the|its|his|her|their)\s+)?(?P<mid>[^,.;]{0,80}?)(?:,\s*|\s+)?"
        # "…, said X": a cue before its speaker; never a participle or a verb whose object is a
        # person ("…, urging Kenyan President Mwaï Kibaki to …", "told the Council")
        inverted = [c for c in cues if c.split()[0] == c.split()[0].rstrip("g") or not c.split()[0].endswith("ing")]
        inverted = [c for c in inverted if not c.split()[0].endswith("ing") and not OBJECT_CUES.match(c)]
        inv_alt = cue_alternatives(inverted)
        self.before_cue = re.compile(rf"(?:^|[,”\"’]\s*)(?P<cue>{inv_alt})\s+{mid}$", re.IGNORECASE) if inv_alt else None
        self.before_event = re.compile(rf"\b(?P<cue>{before})\s+{mid}$", re.IGNORECASE)
        self.pronoun_cue = re.compile(rf"\b(?:[Hh]e|[Ss]he)(?:\s+(?:{BETWEEN_WORDS}))*\s+(?:{alt})\b"
                                      if alt else r"(?!)")
        self.speaking = re.compile(rf"\b(?:{after}|{'|'.join(SPEAKING)})\b", re.IGNORECASE)
        self.people: dict[str, _Person] = {}
        self.delegations: dict[str, _Person] = {}
        self.mentions = []  # (sentence, start, end, key) of every speaker-like mention, for pronouns
        self._named_countries = None
        self.written_in_capitals = {}  # name → as the text writes it ("JOSEP BORRELL FONTELLES")

    # -- organizations and countries in a phrase

    def org_of(self, phrase: str) -> str | None:
        found = self.find_mentions(phrase)
        return found[0].key if found else None

    def is_org(self, phrase: str) -> bool:
        found = self.find_mentions(phrase)
        return bool(found) and found[0].start == 0 and found[0].end == len(phrase)

    def country_like(self, phrase: str) -> bool:
        words = phrase.split()
        return (bool(words) and all(w[0].isupper() or w in ("of", "the", "and") for w in words)
                and not any(w.lower() in NOT_COUNTRY or is_role_plural(w) for w in words) and not self.is_org(phrase)
                and not any(c.isdigit() for c in phrase))

    def countries_in_role(self, role: str) -> list[str]:
        """Countries a role names: "of Slovakia", "Kazakhstan's ...", "the Vietnam Permanent Mission"."""
        spans = [(m.start, m.end) for m in self.find_mentions(role)]
        out = []
        for m in _OF_NAME.finditer(role):
            name = m.group(1)
            mission = re.match(r"(.+?)\s+(?:Permanent\s+)?Mission\b", name)
            if mission:
                name = mission.group(1)
            if any(s < m.end(1) and m.start(1) < e for s, e in spans) and not mission:
                continue
            if self.country_like(name):
                out.append(name)
        owner = _OWNER_AT_START.match(role)
        if owner:
            name = owner.group(1) + ("s" if role[owner.end(1):owner.end(1) + 1] == "s" else "")
            if self.country_like(name):
                out.insert(0, name)
        if not out:  # "Belgian Foreign Minister": a demonym of one country the report names ("… by Belgium")
            # not the first word of an institution's name ("African Union", "European Commission")
            words = {m.group(1) for m in re.finditer(r"([A-Z][\w-]+)(?:\s+([\w-]+))?", role)
                     if (m.group(2) or "").lower() not in INSTITUTION_WORDS}
            countries = {c for c in self.named_countries() if not words & set(c.split()) and words & demonyms(c)}
            if len(countries) == 1:
                out.append(countries.pop())
        return out

    def named_countries(self) -> set[str]:
        """The countries the report names (capitalised words that read as a country, inside a
        sentence: "… by Belgium", never a sentence's first word), found once."""
        if self._named_countries is None:
            self._named_countries = {w for w in re.findall(r"(?<=[a-z,] )[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?",
                                                           self.article.text)
                                     if self.country_like(w)}
        return self._named_countries

    # -- delegations: "the representatives of A, B and C", "A's representative"

    def _country_list(self, text: str, pos: int) -> list[tuple[str, int, bool]]:
        out, seps = [], []
        while True:
            m = _LIST_ITEM.match(text, pos)
            if not m:
                break
            name = m.group("name")
            if not self.country_like(name):
                break
            out.append((name, m.start("name"), bool(m.group("the"))))
            sep = _LIST_SEPARATOR.match(text, m.end())
            if not sep:
                break
            seps.append("and" in sep.group())
            pos = sep.end()
        if seps and not seps[-1]:  # "the Representative of Chile, Ana Rojas": a list ends with "and X"
            seps.pop()
        if seps and not seps[-1]:
            return out[:1]
        return out[:len(seps) + 1]

    def find_delegations(self):
        for sent in self.sentences:
            text = sent.text
            if not self.speaking.search(text):
                continue
            found = []
            for m in REPRESENTATIVES_OF.finditer(text):
                if text[m.start()] == "R" and _AFTER_A_NAME.search(text, 0, m.start()):
                    continue  # "H.E. Kimihiro ISHIKANE, Permanent Representative of Japan": a person's title
                found += self._country_list(text, m.end())
            for m in OWNERS_REPRESENTATIVE.finditer(text):
                name = m.group("name")
                words = name.split()
                while words and (words[0].lower() in self.stop or words[0].lower().endswith("ing")):
                    words.pop(0)
                name = " ".join(words)
                if name and self.country_like(name):
                    found.append((name, m.start("name") + m.group("name").rfind(name), bool(m.group("the"))))
            found += self._countries_speaking(text)
            for name, start, the in found:
                d = self.delegations.get(name)
                if d is None:
                    d = self.delegations[name] = _Person(name, (sent.index, start), delegation=True,
                                                         country=name, the_country=the)
                d.evidence.append((sent.index, "a delegation in a sentence that reports speaking"))
                self.mentions.append((sent.index, start, start + len(name), ("d", name)))
            self._chairs(sent, [n for n, _, _ in found])
            behalf = _ON_BEHALF.search(text)
            if behalf and len({n for n, _, _ in found}) == 1:
                d = self.delegations[found[0][0]]
                d.behalf_of = d.behalf_of or behalf.group("what").strip()

    def _countries_speaking(self, text: str) -> list[tuple[str, int, bool]]:
        """Countries that open a sentence as the subject of a cue: "Russia says it worries …", "The
        United States, France, Germany and Britain asked …", "Egypt's Foreign Ministry said …"."""
        if _INSIDE_A_QUOTATION.match(text):
            return []
        start = _SENTENCE_OPENER.match(text).end()
        government = _GOVERNMENT_OF.match(text, start)
        if government:
            countries, end = [(government.group("name"), government.start("name"), False)], government.end()
        else:
            countries = self._country_list(text, start)
            end = countries[-1][1] + len(countries[-1][0]) if countries else start
        if not countries or not all(name in self.countries for name, _, _ in countries):
            return []
        return countries if self.after.match(text, end) else []

    def _chairs(self, sent, names):
        m = _IN_CAPACITY_AS_CHAIR.search(sent.text)
        if not m or not names:
            return
        keys = [k.key for k in self.find_mentions(m.group("orgs"))]
        keys = [k for i, k in enumerate(keys) if i == 0 or keys[i - 1] != k]
        names = list(dict.fromkeys(names))
        if len(keys) == len(names):
            pairs = zip(names, keys)
        elif len(keys) == 1:
            pairs = ((n, keys[0]) for n in names)
        else:
            return
        for name, key in pairs:
            d = self.delegations[name]
            if d.capacity is None:
                d.capacity, d.speaks_for = "chair", key

    # -- people: names of two to four capitalised words

    def find_people(self):
        fulls, singles, places = [], [], set()
        for sent in self.sentences:
            text = sent.text
            toks = name_words(text)
            orgs = [(m.start, m.end) for m in self.find_mentions(text)]
            blanked = blank_quotes(text)[0]  # a name inside a quotation is the speaker's word, no speaker
            first = toks[0] if toks else None
            for run in name_runs(text, toks):
                segments, seg = [], []
                for t in run:
                    if name_like(t, self.stop, t is first) or (seg and t.kind == "particle"):
                        seg.append(t)
                    else:
                        if seg:
                            segments.append(seg)
                        seg = []
                if seg:
                    segments.append(seg)
                for seg in segments:
                    while seg and seg[-1].kind == "particle":
                        seg.pop()
                    title = _INITIALS_TITLE.match(text, seg[0].start) if seg else None
                    if title:  # "H.E. Ban Ki-moon": the title of address, written as initials
                        seg = [t for t in seg if t.start >= title.end()]
                    caps = [t for t in seg if t.kind in ("cap", "initial")]
                    if not caps or all(t.kind == "initial" for t in caps):
                        continue
                    at = run.index(seg[0])
                    while at > 0 and run[at - 1].kind == "particle":  # "Ms. von der Leyen"
                        at -= 1
                    start, end = run[at].start, seg[-1].end
                    if any(s < end and start < e for s, e in orgs) or blanked[start] != text[start]:
                        continue
                    name = text[start:end]
                    if name in self.delegations:
                        continue
                    if not text[:start].strip() and re.match(r"\s*[-–—]", text[end:]):
                        places.add(name)
                        continue  # a dateline: "Addis Ababa- Ethiopia - The UN secretary-general …"
                    if name in places or re.search(r"\b(?:in|at)\s+$", text[:start]):
                        continue  # a place: "in Addis Ababa", "at Brussels"
                    after = run.index(seg[-1]) + 1
                    if after < len(run) and run[after].base.lower() in INSTITUTION_WORDS:
                        continue  # "the High Level Revitalization Forum": a name's words of an institution
                    if at == run.index(seg[0]) and _THE_BEFORE.search(text, 0, start):
                        continue  # "the Shanghai Spirit", "the Belt and Road": a name after "the" is no person's
                    lead_words = [t.base for t in run[:at]]
                    if 2 <= len(caps) <= 4 and at == run.index(seg[0]):
                        fulls.append((sent, name, start, end, lead_words))
                    elif len(caps) <= 2:
                        singles.append((sent, name, start, end, lead_words))
        for sent in self.sentences:  # "JOSEP BORRELL FONTELLES, High Representative of …, said"
            for m in _CAPS_NAME.finditer(sent.text):
                role = sent.text[m.end():].lstrip(", ").split(",")[0]
                if has_role(role) and not self.find_mentions(m.group()):
                    written = m.group()
                    name = " ".join("-".join(p.capitalize() for p in w.split("-")) for w in written.split())
                    fulls.append((sent, name, m.start(), m.end(), []))
                    self.written_in_capitals[name] = written
        names = {name for _, name, *_ in fulls}
        # a full name that ends another, longer one ("Ould Lemine" of "Mohamed Ould Lemine") is its short form
        short = {n for n in names if any(o != n and o.endswith(" " + n) for o in names)}
        for sent, name, start, end, lead in fulls:
            if name in short:
                singles.append((sent, name, start, end, lead))
            else:
                self._mention(sent, name, start, end, lead, full=True)
        surnames = {}
        for p in self.people.values():
            words = p.name.split()
            forms = {words[-1], words[0]}
            particle = next((i for i, w in enumerate(words) if i and w.lower() in PARTICLES), None)
            if particle is not None:
                forms.add(" ".join(words[particle:]))
            forms |= {o for o in short if p.name.endswith(" " + o)}
            for form in forms:
                surnames.setdefault(form, set()).add(p.name)
        # one word named as the subject of a cue in two sentences or more ("Ban said …", "Ban also
        # noted …"), where the report never gives the whole name: a speaker by that word (not a
        # title: "Forum Leaders welcomed …")
        bound_alone = Counter(word for word, _ in {(word, sent.index) for sent, word, start, end, lead in singles
                                                   if " " not in word and not surnames.get(word)
                                                   and not is_title(word) and not is_title(word.removesuffix("s"))
                                                   and self._bound_alone(sent.text, end)})
        for sent, word, start, end, lead in singles:
            owners = surnames.get(word, set())
            if len(owners) == 1:
                name = next(iter(owners))
                if word not in self.people[name].aliases:
                    self.people[name].aliases.append(word)
                self._mention(sent, name, start, end, lead, full=False)
            elif (not owners and lead and lead[-1][:1].isupper() and lead[-1].lower() in TITLE_WORDS
                  and " " not in word and self.after.match(sent.text, end)):
                # "President Marcos emphasized": a title and one name, bound to a cue
                self._mention(sent, word, start, end, lead, full=False)
                self.people[word].role = self.people[word].role or lead[-1]
                surnames.setdefault(word, set()).add(word)
            elif not owners and bound_alone[word] >= 2:
                self._mention(sent, word, start, end, lead, full=False)
                surnames.setdefault(word, set()).add(word)

    def _bound_alone(self, text: str, end: int) -> bool:
        """Whether one capitalised word ending at ``end`` is the subject of a cue: "Ban said", but
        not "Arab states will …" (a cue that is also a plural noun, right after the word)."""
        found = self.after.match(text, end)
        return bool(found) and not (found.group("cue").lower() in _PLURAL_NOUN_CUES
                                    and not text[end:found.start("cue")].strip())

    def _mention(self, sent, name, start, end, lead_words, full):
        p = self.people.get(name)
        if p is None:
            p = self.people[name] = _Person(name, (sent.index, start))
        self.mentions.append((sent.index, start, end, ("p", name)))
        for w in lead_words:
            if w.lower() in HONORIFICS:
                p.votes.append(HONORIFICS[w.lower()])
        text = sent.text
        bound = self.after.match(text, end)
        how = bound and f"named before the cue {' '.join(bound.group('cue').split())!r}"
        lead_start = self._lead_start(text, start)
        pre = text[:start]
        # the words right before the name that are titles ("Ambassador", "UN Secretary General")
        titles = re.search(r"(?:(?:[A-Z][\w.-]*|of|the)\s+)*$", text[lead_start:start])
        pre_titles = text[:lead_start + (titles.start() if titles else len(text[lead_start:start]))]
        listed = ALSO_BRIEFING.search(text, 0, start)
        if not how and listed and re.search(r"(?:were|was|by|,|\band)\s+$", text[listed.start():start]):
            how = "named in a list of those who briefed"
        for regex in (self.before_cue, self.before_event):
            if how or regex is None:
                continue
            for candidate in (pre, pre_titles):
                m = regex.search(candidate)
                if m and (not m.group("mid").strip() or has_role(m.group("mid"))
                          or all(is_title(w) or w.isupper() for w in m.group("mid").split())):
                    how = f"named after {' '.join(m.group('cue').split())!r}"
                    break
        if how:
            p.evidence.append((sent.index, how))
        if full:
            self._read_role(p, sent, start, end, lead_start)
        behalf = _ON_BEHALF.search(text) if how else None
        if behalf:
            p.behalf_of = p.behalf_of or behalf.group("what").strip()

    @staticmethod
    def _lead_start(text: str, start: int) -> int:
        cut = 0
        for m in _BOUNDARY.finditer(text, 0, start):
            cut = m.end()
        return cut

    def _read_role(self, p: _Person, sent, start: int, end: int, lead_start: int):
        """The role, country and organization the text gives beside a full name."""
        text = sent.text
        roles = []
        post = re.match(r"\s*(?:\([^()]{1,60}\)\s*)?,\s*(?P<app>(?:[^,;.]|\.(?=\S))+?)\s*(?=,|;|\.(?!\S)|$)",
                        text[end:])
        if post:
            app = post.group("app").strip()
            places = _PLACES_GO_ON.match(text, end + post.end("app"))
            if places and has_role(app):  # "…, Assistant Secretary-General for the Middle East, Asia and the Pacific"
                app += places.group()
            # ", who serves as the Deputy Permanent Representative of France …": the role the clause gives
            app = re.sub(r"^who\s+(?:also\s+)?(?:serves|served|is|was|works)\s+(?:also\s+)?(?:as\s+)?", "", app)
            if self.cue_alt:  # "…, Permanent Representative of Sierra Leone to the United Nations said, “…"
                cue = re.search(rf"\s+(?:{self.cue_alt})$", app)  # in lower case: not "Arab States"
                if cue and cue.group().strip() not in _PLURAL_NOUN_CUES:  # not "member states"
                    app = app[:cue.start()]
            app = re.sub(r"^(?:the|a|an)\s+", "", app)
            app = re.sub(r"\s*\([A-Z][\w.-]*\)$", "", app)  # "… Secretary-General (UNSG)": the title
            first = app.split()[0] if app.split() else ""
            # not a clause: ", who …", ", speaking for …" (a capital is a title: "United Nations …")
            if (has_role(app) and first.lower() not in ("who", "which", "was", "is", "has", "had", "were", "and")
                    and not (first.endswith(("ing", "ed")) and first.islower() and first not in ROLE_NOUNS)):
                roles.append(app)
        after_role = bool(roles)  # "X, Secretary-General of Y,": the prior title is another's
        lead = text[lead_start:start].strip()
        if self.cue_alt and lead[:1].islower():  # "…,” said U.S. Ambassador to the United Nations X"
            cue = re.match(rf"(?:{self.cue_alt})\s+", lead)
            lead = lead[cue.end():] if cue else lead
        only_titles = all(is_title(w) or w[:1].isupper() for w in lead.split())  # "Belgian Foreign Minister"
        lead = _after_the_clause(lead)  # "This was announced by the U.N. Secretary-General": the title
        if lead and has_role(lead):
            roles.append(lead)
        if only_titles and not after_role and text[:lead_start].rstrip().endswith(","):
            before = text[:lead_start].rstrip()[:-1]
            prior = before[self._lead_start(before, len(before)):].strip()
            if self.cue_alt:
                cue = re.match(rf"(?:{self.cue_alt})\s+", prior, re.IGNORECASE)
                prior = prior[cue.end():] if cue else prior
            its = re.match(r"(?:its|their)\s", prior)
            prior = re.sub(r"^(?:the|its|his|her|their)\s+", "", prior)
            clause = any(w.islower() and w not in _TITLE_LINKS for w in prior.split())
            if len(prior.split()) > 16 or not has_role(prior) or clause:
                # "… a stakeout with the Chairperson of X, Y", "… she paid a courtesy call on the EAC
                # Secretary General, Ambassador Y": the title that ends the words before
                title = _TRAILING_TITLE.search(prior)
                prior = title.group() if title else prior
            if has_role(prior) and len(prior.split()) <= 16:
                roles.insert(0, prior)
                if its and not self.org_of(prior):  # "The SCO ..., said its Secretary-General, X"
                    earlier = self.find_mentions(before) or (
                        self.find_mentions(self.sentences[sent.index - 1].text) if sent.index else [])
                    if earlier:
                        p.organization = p.organization or earlier[-1].key
        owner = None
        toks = [t for t in name_words(text[:start]) if t.end <= start]
        if toks and toks[-1].poss and text[toks[-1].end:start].strip(APOSTROPHES + "s ") == "":
            owner = self._owner(text, toks)
        for role in roles:
            countries = self.countries_in_role(role)
            if countries and not p.country:
                p.country = re.sub(rf"[{APOSTROPHES}]s?$", "", countries[0])
            if not p.organization:
                org = self.org_of(role)
                if org:
                    p.organization = org
            chair = re.search(r"\b[Cc]hair\w*(?:[-\s]in[-\s][Oo]ffice)?\s+of\s+(?:the\s+)?(?P<org>.+)", role)
            if chair and not p.speaks_for:
                key = self.org_of(chair.group("org"))
                if key:
                    p.chair_of = key
        if not owner:
            titled = re.search(rf"(?:^|\s)([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)[{APOSTROPHES}]s?\s+((?:[A-Z][\w.-]*\s+){{1,4}})$",
                               text[:start])
            if titled and all(is_title(w) for w in titled.group(2).split()):
                owner = titled.group(1)  # "Pakistan's Ambassador Munir Akram"
        if not owner and not roles:
            of = re.match(r"\s+of\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\b", text[end:])
            if of and self.country_like(of.group(1)):
                owner = of.group(1)  # "Amr Abdellatif Aboulatta of Egypt said"
        if owner:
            if self.is_org(owner):
                p.organization = p.organization or self.org_of(owner)
            elif self.country_like(owner):
                p.country = p.country or owner
        if roles and not p.role:
            p.role = self._role_text(max(roles, key=_role_weight), p)
        elif owner and not p.role and not self.is_org(owner):
            p.role = f"Representative of {owner}"

    def _owner(self, text, toks):
        """The possessive right before a name ("China's", "The Russian Federation's"), without "The"."""
        words = [toks[-1]]
        for t in reversed(toks[:-1]):
            if t.kind == "cap" and text[t.end:words[0].start] == " " and not t.poss:
                words.insert(0, t)
            else:
                break
        while words and (words[0].base.lower() in self.stop or
                         words[0] is toks[0] and words[0].base.lower().endswith(("ing", "ly"))):
            words.pop(0)
        return text[words[0].start:words[-1].end] if words else None

    def _role_text(self, role: str, p: _Person) -> str:
        """A role as the registry writes it: "Permanent Representative of Kazakhstan to the UN"."""
        role = re.sub(r"^(?:the|a|an)\s+", "", re.sub(r"\s+", " ", role).strip(), flags=re.IGNORECASE)
        m = re.match(rf"(?P<owner>.+?)(?:[{APOSTROPHES}]s|(?<=s)[{APOSTROPHES}])\s+(?P<rest>.+)", role)
        if m and not has_role(m.group("owner")):
            owner, rest = m.group("owner"), m.group("rest")
            place = re.search(r"\s(?:to|for|at|in|on)\s", rest)
            cut = place.start() if place else len(rest)
            the = "the " if re.search(rf"\b[Tt]he\s+{re.escape(owner)}(?![\w-])", self.article.text) else ""
            role = f"{rest[:cut]} of {the}{owner}{rest[cut:]}"
        found = self.find_mentions(role)
        if found and found[0].start == 0 and " of " not in role[found[0].end:]:
            rest = role[found[0].end:].strip()
            if rest and has_role(rest):
                role = f"{rest} of {_with_the(self.orgs[found[0].key][0])}"
        role = _ADDRESS_IN_ROLE.sub("", role)  # "Secretary General H.E. of the United Nations": no "H.E."
        role = _SHORT_TITLE_IN_BRACKETS.sub("", role)  # "Secretary-General (UNSG)": the short form says no more
        role = re.sub(r"\b(Chair\w*) in Office\b", r"\1-in-Office", role)  # as the grammar writes the title
        return role[:1].upper() + role[1:]

    # -- evidence carried by "he said" in the next sentence, and the pronoun

    def pronouns(self):
        by_sentence = {}
        for s, a, b, who in self.mentions:
            by_sentence.setdefault(s, []).append((a, b, who))
        everyone = {**{("p", n): p for n, p in self.people.items()},
                    **{("d", n): d for n, d in self.delegations.items()}}
        for s, a, b, who in self.mentions:
            person = everyone[who]
            window = []
            for idx in range(s, s + 4):
                if idx >= len(self.sentences):
                    break
                text = self.sentences[idx].text
                lo = b if idx == s else 0
                others = [x for x, _, w in by_sentence.get(idx, ()) if w != who and x >= lo]
                hi = min(others) if others else len(text)
                window.append((idx, text[lo:hi]))
                if others:
                    break
            own = self.sentences[s].text
            # "he said" next points to the sentence's subject: not to a person named after a
            # pronoun that is the subject ("She echoed U.S. President Donald Trump") or after a
            # cue whose object they are ("urging … Mwaï Kibaki and … Raila Odinga to")
            object_of = re.search(r"^\W*(?:he|she)\b|\b(?:urg|call|ask|invit|encourag|thank|congratulat|welcom|prais|"
                                  r"told|inform)\w*\b", own[:a], re.IGNORECASE)
            # nor to one named after another person ("Geng noted … the Shanghai Spirit"), nor to the
            # object of a preposition ("his meeting with the African Heads of States", "caused by
            # Hurricanes Irma and Maria")
            object_of = object_of or any(x < a for x, _, w in by_sentence[s] if w != who and w[0] == "p") \
                or re.search(r"\b(?:with|of|to|from|for|on|at|about|in|by|between|against|including)\s+(?:the\s+)?$",
                             own[:a])
            for idx, part in window:
                if object_of:
                    break
                if idx == s + 1 and self.pronoun_cue.search(part):
                    said = self.pronoun_cue.search(part).group()
                    person.evidence.append((idx, f"{' '.join(said.split())!r} in the next sentence"))
                    break
            if who[0] == "d" and len([1 for x in by_sentence[s] if x[2][0] == "d"]) > 1:
                continue  # a list of delegations: a pronoun after it is nobody's in particular
            for idx, part in window:
                word = re.search(r"\b(he|his|him|himself|she|her|hers|herself)\b", part, re.IGNORECASE)
                if word:
                    person.votes.append("he" if word.group(1).lower().startswith("h") and
                                        word.group(1).lower() not in ("her", "hers", "herself") else "she")
                    break

    # -- the rows

    def rows(self) -> list[_Person]:
        self.find_delegations()
        self.find_people()
        self.pronouns()
        people = [p for p in self.people.values() if p.evidence]
        quiet = [p for p in self.people.values() if not p.evidence]
        self._behalf_of_the_current(people)
        self._country_of_the_envoy(people)
        by_country = {p.country: p for p in people if p.country}
        out = list(people)
        for d in self.delegations.values():
            person = by_country.get(d.country)
            if person is not None:  # a country whose speaker the report names is that person
                person.evidence += d.evidence
                if d.capacity == "chair" and not person.chair_of:
                    person.chair_of = d.speaks_for
                continue
            out.append(d)
        for p in out:
            self._settle(p)
        out += self._described(out, quiet)
        for p in out:
            if p.name in self.written_in_capitals and self.written_in_capitals[p.name] not in p.aliases:
                p.aliases.append(self.written_in_capitals[p.name])
        surnames = {}
        for p in out:
            for a in p.aliases:
                surnames.setdefault(a, []).append(p.name)
        names = {p.name for p in out}
        for p in out:
            p.aliases = [a for a in p.aliases if len(surnames[a]) == 1 and a not in names]
        return sorted(out, key=lambda p: p.first)

    def _described(self, found, quiet) -> list[_Person]:
        """People named with a role but never as a speaker, to whom the speaker rules give a
        sentence with a cue ("… met UN Secretary-General Antonio Guterres." then "The UN Secretary
        General stressed …"; "… Norov … Jenca …" then "They noted …"): the rules read the report
        with the people found and these, and that sentence is their evidence."""
        for p in quiet:
            self._settle(p)
        rows = {p.name: p for p in quiet if p.role and p.role != "speaker" and not p.org_guessed
                and not any(f.name.startswith(p.name) for f in found)}  # "Ban Ki" of "Ban Ki--moon"
        if not rows:
            return []
        registry = [self.speaker(p) for p in [*found, *rows.values()]]
        firsts = [u.first for u in self.sentences]
        heard = []
        for a in attribute(analyse(analysis_of(self.article).article, speakers=registry)):
            if a.cue is None or a.evidence.startswith("pronoun 'they'"):
                continue  # "they" may be anyone named before, a phrase that is no person among them
            unit = bisect.bisect_right(firsts, a.sentence.index) - 1  # the finder's sentence that holds it
            for p in (rows[n] for n in a.speakers if n in rows):
                if p not in heard:
                    p.evidence.append((unit, a.evidence))
                    heard.append(p)
        return heard

    def speaker(self, p: _Person) -> Speaker:
        """The row drafted for ``p``."""
        return Speaker(p.name, p.role, p.country, p.organization, p.capacity, p.speaks_for, tuple(p.aliases),
                       self.pronoun(p))

    def _country_of_the_envoy(self, people):
        """"Ambassador Munir Akram told …" and elsewhere "the Pakistani envoy": when one envoy has no
        country and the report calls an envoy by one country's demonym, a country it names, that is
        the envoy's country."""
        envoys = [p for p in people if not p.country and not p.organization and not p.delegation
                  and p.role and _ENVOY_TITLE.search(p.role)]
        if len(envoys) != 1:
            return
        described = {m.group(1) for m in _DESCRIBED_ENVOY.finditer(self.article.text)}
        named = {w for w in re.findall(r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?", self.article.text)
                 if w not in described and self.country_like(w)}
        countries = {c for c in named if described & demonyms(c)}
        if len(countries) == 1:
            envoys[0].country = countries.pop()

    def _behalf_of_the_current(self, people):
        """ "..., stressed the minister on behalf of the Arab Group": a sentence that names nobody
        but says on whose behalf someone speaks is about the speaker of the sentence before."""
        named = {s for s, *_ in self.mentions}
        for sent in self.sentences:
            m = _ON_BEHALF.search(sent.text)
            if not m or sent.index in named or not self.speaking.search(sent.text):
                continue
            recent = [p for p in people if any(sent.index - 2 <= s < sent.index for s, _ in p.evidence)]
            if len(recent) == 1 and not recent[0].behalf_of:
                recent[0].behalf_of = m.group("what").strip()

    def _settle(self, p: _Person):
        """Capacity and group from what was found: on behalf of, chair of, official, national."""
        behalf = self.org_of(p.behalf_of) if p.behalf_of else None
        chair = p.chair_of or (p.speaks_for if p.capacity == "chair" else None)
        if not p.organization and p.role and not p.delegation:
            named = re.search(r"\bof\s+(?:the\s+)?((?:[A-Z][\w-]*\s+)*[A-Z][\w-]*)", p.role)
            if named and any(w.lower() in INSTITUTION_WORDS for w in named.group(1).split()):
                p.unknown_org = named.group(1)  # "President of the European Commission"
        if p.behalf_of:
            p.capacity, p.speaks_for = "on behalf", behalf or "member states"
        elif chair and (p.country or p.delegation):
            p.capacity, p.speaks_for = "chair", chair
        elif p.country or p.delegation or p.unknown_org:
            p.capacity, p.speaks_for = "national", "member states"
        elif not p.organization and p.role and _NATIONAL_TITLE.search(p.role) and "Secretary-General" not in p.role:
            p.capacity, p.speaks_for = "national", "member states"  # "Ambassador X": a country's envoy
        else:
            if not p.organization and "UN" in self.orgs:
                p.organization, p.org_guessed = "UN", True  # a title with no organization: the UN's
            if p.organization and p.role and " of " not in p.role and self.org_of(p.role) != p.organization:
                p.role = f"{p.role} of {_with_the(self.orgs[p.organization][0])}"
            p.capacity = "official" if p.organization else "national"
            p.speaks_for = p.organization or "member states"
        if p.country and p.capacity != "official":
            p.organization = None
        if p.delegation:
            the = "the " if p.the_country else ""
            p.role = f"Representative of {the}{p.name}" + (
                f" as chair of the {p.speaks_for}" if p.capacity == "chair" else "")
        elif not p.role:
            p.role = (f"Representative of {p.country}" if p.country else
                      f"official of the {p.organization}" if p.capacity == "official" else "speaker")

    def pronoun(self, p: _Person) -> str | None:
        if not p.votes:
            return None
        he, she = p.votes.count("he"), p.votes.count("she")
        return "he" if he > she else "she" if she > he else p.votes[0]


#: The titles of a country's envoy, and a report's name for one: "a top Pakistani diplomat" (the
#: heads of a delegate's description but "delegation", which is no person).
_ENVOY_TITLE = re.compile(r"\b(?:[Aa]mbassador|[Pp]ermanent [Rr]epresentative|[Ee]nvoy|[Dd]elegate)\b")
_DESCRIBED_ENVOY = re.compile(r"\b([A-Z][a-z]+)\s+(?:(?:top|senior|chief|permanent)\s+)?"
                              rf"(?:{'|'.join(h for h in DELEGATE_HEADS if h != 'delegation')})s?\b")
#: A title of address left inside a role, before "of" or at its end: " H.E.", " Amb.", " Mr".
_ADDRESS_IN_ROLE = re.compile(rf"\s+(?:{'|'.join(re.escape(t) for t in ADDRESS_TITLES if t[-1] == '.' or len(t) <= 3)})"
                              r"(?=\s+of\b|$)")
#: A name and its comma right before "Representative of" (capitalised): that person's title, no delegation.
_AFTER_A_NAME = re.compile(r"(?:[A-Z][\w’'.-]*\s+)+[A-Z][\w’'-]+,\s+"
                           r"(?:(?:Permanent|Deputy|Alternate|Special|High)\s+)*$")
#: Cues that are also plural nouns: "Arab states", "UN reports", "Ban's remarks".
_PLURAL_NOUN_CUES = frozenset(("states", "notes", "calls", "reports", "remarks", "comments", "claims", "points",
                               "stresses", "warns", "urges", "pledges", "appeals", "proposals", "answers"))
#: Words that end a clause before a title: "… announced by", "… met with", "… reports that".
_CLAUSE_WORDS = frozenset("""by with after when that which where who whom what is was were are be been said says told
    tells met meets between following during including spoke while as its his her their""".split())


#: Words of a term of office that look like a clause's: "the outgoing chairman", "the visiting envoy".
_OF_A_TERM = frozenset("outgoing incoming visiting serving founding elected designated".split())


def _after_the_clause(lead: str) -> str:
    """The title at the end of the words before a name, without the clause before it: "Meeting was
    chaired by President" → "President", "Jan 31 (IANS) The newly appointed UN Secretary-General" →
    "UN Secretary-General"; "UN chief", "EU foreign policy chief", "Outgoing chairman" stay as they are."""
    words = lead.split()
    cut = 0
    for n, word in enumerate(words):
        if any(c.isdigit() for c in word) or not any(c.isalpha() for c in word) or (
                word.islower() and word not in _TITLE_LINKS and not is_title(word) and word not in _OF_A_TERM
                and (word in _CLAUSE_WORDS or word.endswith(("ed", "ing")))):
            cut = n + 1
    words = words[cut:]
    while words and (words[0].lower() in _TITLE_LINKS
                     or (words[0].islower() and not is_title(words[0]) and words[0] not in _OF_A_TERM)):
        words = words[1:]  # "the", "of", "cancellation of": no word of the title
    return " ".join(words)


#: A title's list of places after its first comma: "…, Asia and the Pacific".
_PLACES_GO_ON = re.compile(r",\s+[A-Z][^,;.]{0,30}?,?\s+and\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")
#: "the" right before a capitalised phrase: "the Shanghai Spirit" is no person.
_THE_BEFORE = re.compile(r"\b[Tt]he\s+[‘'“\"]?$")
#: A name written in capitals before its title, as the UN's press releases write a speaker:
#: "JOSEP BORRELL FONTELLES, High Representative …" (two to four words of capitals, then a comma).
_CAPS_NAME = re.compile(r"(?<![\w’'-])(?:[A-Z][A-Z’'-]+\s+){1,3}[A-Z][A-Z’'-]+(?=,\s)")
#: A title of address written as initials before a name: "H.E. Ban Ki-moon".
_INITIALS_TITLE = re.compile(r"H\.\s?E\.\s+")
#: A title's short form in brackets inside a role: " (UNSG)", " (SG)".
_SHORT_TITLE_IN_BRACKETS = re.compile(rf"\s*\((?i:{'|'.join(SHORT_TITLES)})\)")
#: Titles of a country's envoys and ministers: a speaker with one and no organization is national.
_NATIONAL_TITLE = re.compile(r"\b(?:[Aa]mbassador|[Mm]inister|[Pp]ermanent [Rr]epresentative|[Pp]resident|"
                             r"[Dd]elegate)\b")


@dataclass(frozen=True)
class _Unit:
    """A sentence as the finder reads it: ``index`` its place in the list, ``first`` the
    index of the article's sentence it begins with."""

    index: int
    first: int
    paragraph: int
    text: str


#: The lower-case words a title holds: "Secretary-General of the League of Arab States".
_TITLE_LINKS = frozenset(("of", "the", "for", "on", "and", "to", "in", "at"))
#: The capitalised title at the end of a phrase: "… with the Chairperson of the African Union
#: Commission (AUC)" → "Chairperson of the African Union Commission (AUC)".
_TRAILING_TITLE = re.compile(r"(?<!\S)[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|the|for|on|and|to|\([A-Z][\w.-]*\)))*$")


def _units(sentences) -> list[_Unit]:
    """The sentences, with a sentence cut after a name's initials ("... the UN T.S.") joined
    to the next one of its paragraph ("Tirumurti said ...")."""
    out = []
    for sent in sentences:
        last = out[-1] if out else None
        if (last and last.paragraph == sent.paragraph
                and re.search(r"(?:^|[\s(])(?:[A-Z]\.\s?){1,3}$", last.text)):
            out[-1] = _Unit(last.index, last.first, last.paragraph, f"{last.text} {sent.text}")
        else:
            out.append(_Unit(len(out), sent.index, sent.paragraph, sent.text))
    return out


def _role_weight(role: str) -> tuple:
    return (has_role(role), " of " in role, len(role.split()))


def _with_the(name: str) -> str:
    return name if name.lower().startswith("the ") else f"the {name}"


def _found(article) -> list[tuple]:
    """``(Speaker, evidence, notes)`` for each speaker the finder suggests."""

    finder = _Finder(article)
    out = []
    for p in finder.rows():
        notes = []
        if p.org_guessed and p.organization:
            notes.append(f"the role names no organization: {p.organization} is a guess")
        if p.behalf_of and p.speaks_for == "member states":
            notes.append(f"speaks on behalf of {p.behalf_of!r}: write its organization's key in speaks_for")
        if p.role == "speaker":
            notes.append("no role found in the text: write it")
        if p.unknown_org and not p.country:
            notes.append(f"the role names {p.unknown_org!r}, which the kit does not know: add it to "
                         "organizations in the .toml, then write its key in organization and speaks_for, "
                         "with capacity official")
        speaker = finder.speaker(p)
        out.append((speaker, [(finder.sentences[i].first, how) for i, how in p.evidence], notes))
    return out


def suggest_speakers(article) -> list:
    """The speakers an article's text shows, found by the patterns of reporting: a draft registry.

    A person is suggested when the text reports them speaking: named right before a speech
    cue of ``data/speakers.cues.txt`` or a verb of speaking ("Rashid Alimov, Secretary-General
    of the SCO, said", "Smail Chergui, ..., who also addressed the Council"), right after
    one ("said its Secretary-General, Zhang Ming", "according to X", "a briefing by X"), or
    followed by "he said"/"she said" in the next sentence; or named with a role where the speaker
    rules, reading the report with them, give them a sentence with a cue ("… met with António
    Guterres, Secretary General of the United Nations." then "the UN Secretary General stressed
    …"). Delegations come from "the
    representatives of A, B and C", "the United Kingdom's representative" in a sentence that
    reports speaking; a country whose speaker is named ("China's Liu Jieyi") is that person.
    Roles come from appositions ("X, Secretary-General of Y,"), titles ("Ambassador X", "UN
    Secretary General X") and possessives; organizations from ``data/aliases.txt``, the
    article's own and those it defines ("Full Name (ACRONYM)"); the pronoun from "he"/"she"
    and "Mr"/"Ms" near the name; aliases are the surname where the text uses it alone.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.

    Returns:
        A list of :class:`~helpers.Speaker` in the order the text first names them: a guess
        to check by reading, which ``attribute(article, registry=...)`` takes as it is.

    >>> from helpers import load_article
    >>> found = suggest_speakers(load_article())
    >>> [s.name for s in found][:5]
    ['Ban Ki-moon', 'Ukraine', 'United States', 'United Kingdom', 'Russian Federation']
    >>> alimov = next(s for s in found if s.name == "Rashid Alimov")
    >>> alimov.role, alimov.organization, alimov.capacity, alimov.pronoun, alimov.aliases
    ('Secretary-General of the Shanghai Cooperation Organization', 'SCO', 'official', 'he', ())
    >>> ban = found[0]
    >>> ban.role, ban.organization, ban.aliases
    ('Secretary-General of the United Nations', 'UN', ('Ban',))
    """
    return [speaker for speaker, _, _ in _found(article)]


# --- the scaffold ---------------------------------------------------------------------------

_NAME_OK = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _article_name(text: str) -> str:
    """``text`` lower-case-hyphenated: accents dropped, every run of other characters one hyphen."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


@dataclass(frozen=True)
class NewArticle:
    """What :func:`new_article` did: the bundle's name and folder, the files written and kept.

    Attributes:
        name: the article's name (``load_article(name)`` loads it).
        folder: the ``articles/`` folder the bundle is in.
        written: the names of the files written now.
        kept: the names of the files that were there already and were left as they are.
        speakers: the speaker list the bundle has now (a list of :class:`~helpers.Speaker`).
        checks: the doctor's checks of the bundle (:class:`~helpers.Check`).
    """

    name: str
    folder: Path
    written: tuple[str, ...]
    kept: tuple[str, ...]
    speakers: tuple = ()
    checks: tuple = ()

    @property
    def ok(self) -> bool:
        """Whether every check of the bundle passed."""
        return all(c.ok for c in self.checks)


@contextmanager
def _using_data(folder: Path):
    """The kit reads ``folder`` as its data folder for a while (HELPERS_DATA), then as before."""
    before = os.environ.get("HELPERS_DATA")
    os.environ["HELPERS_DATA"] = str(folder)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("HELPERS_DATA", None)
        else:
            os.environ["HELPERS_DATA"] = before


def _read_source(path: Path) -> bytes:
    """The bytes of the text to add, or a DataFileError that says what is wrong and how to fix it."""
    if not path.exists():
        raise DataFileError(path, "there is no such file",
                            "check the path: give it from the folder you run the command in, or in full "
                            "(e.g. ~/Downloads/report.txt)")
    if path.is_dir():
        raise DataFileError(path, "this is a folder, not a text file",
                            "give the path of the .txt file that holds the article's text")
    text = read_text(path)  # Word, PDF, RTF, UTF-16, HTML and text that is not UTF-8 are refused here
    if not text.strip():
        raise DataFileError(path, "the file is empty",
                            "paste the article's text into it, one paragraph per line, and save it as UTF-8")
    fragment = _html_fragment(text)
    if fragment:
        line = text[:fragment.start()].count("\n") + 1
        raise DataFileError(path, f"this is a piece of a web page's HTML source (tags such as "
                                  f"{fragment.group()!r}), not the text a reader sees",
                            "open the page in a browser, select the article's text, copy it and paste it "
                            "into a new file in a text editor; or use the browser's reader view first",
                            line=line)
    return path.read_bytes()


#: An HTML tag of the kind that makes up a page's body: what a copy of a page's source holds.
_HTML_TAG = re.compile(r"</?(?:div|p|span|br|a|b|i|em|strong|ul|ol|li|h[1-6]|table|tbody|thead|tr|td|th|img|"
                       r"section|article|header|footer|nav|main|aside|figure|figcaption|blockquote|script|"
                       r"style|meta|link|body|head|iframe|form|input|button|small|sup|sub|hr)"
                       r"(?=[\s/>])[^<>\n]{0,500}>", re.IGNORECASE)


def _html_fragment(text: str):
    """The first HTML tag of ``text`` when it looks like a piece of a page's source, else ``None``.

    A whole page (``<html>``, a doctype) is refused when the file is read; a piece of one,
    copied from "view source" or the browser's inspector, starts with no such line. Two
    tags or more (``<div>``, ``<p>``, ``</span>`` …) make a fragment: one ``<b>`` in a
    sentence about markup does not.

    Args:
        text: the text to look at.

    Returns:
        The ``re.Match`` of the first tag, or ``None``.

    >>> _html_fragment('<div class="body"><p>The Council met.</p></div>').group()
    '<div class="body">'
    >>> _html_fragment("The Council met. It adopted a text on cooperation.") is None
    True
    """
    found = _HTML_TAG.search(text)
    if found is None:
        return None
    return found if _HTML_TAG.search(text, found.end()) else None


def new_article(path, name=None, *, data=None) -> NewArticle:
    """Add a text to the data folder as a new article and draft the rest of its bundle.

    The text is copied byte for byte to ``articles/NAME.txt``; beside it the function drafts
    ``NAME.toml`` (title, byline, dateline and date guessed from the text, each marked as a
    guess), ``NAME.speakers.csv`` (from :func:`suggest_speakers`) and ``NAME.gold.tsv`` (every
    body sentence with the kit's guess, for a person to correct by reading). It never writes
    over a file: a file already there is kept as it is, and only missing files are written.
    Then it prints the doctor's checks of the bundle and what to check next.

    Args:
        path: the article's text, a plain-text (UTF-8) file, one paragraph per line.
        name: the article's name, lower-case letters, digits and hyphens; ``None`` for the
            file's name, lower-case-hyphenated.
        data: the data folder to add it to; ``None`` for :func:`~helpers.data_dir`
            (``$HELPERS_DATA`` when it is set, else the kit's ``data/``).

    Returns:
        A :class:`NewArticle`: the name, the folder, the files written and kept, the speaker
        list and the doctor's checks.

    Raises:
        DataFileError: the file is missing, empty or not plain text, the name is not a valid
            one, a different text already has the name, or the folder cannot be written to.

    >>> import shutil, tempfile
    >>> folder = Path(tempfile.mkdtemp()) / "data"
    >>> _ = shutil.copytree(data_dir(), folder)
    >>> report = folder.parent / "UN News 2017 (AU).txt"
    >>> _ = shutil.copy(data_dir() / "articles" / "unnews-2017-07-19-un-au-cooperation.txt", report)
    >>> result = new_article(report, data=folder)  # doctest: +ELLIPSIS
    New article 'un-news-2017-au' in .../data/articles
      wrote  un-news-2017-au.txt           the text, byte for byte, from .../UN News 2017 (AU).txt
      wrote  un-news-2017-au.toml          metadata: guesses marked "guessed", to check
      wrote  un-news-2017-au.speakers.csv  2 speakers found: António Guterres, Smail Chergui
      wrote  un-news-2017-au.gold.tsv      11 sentences with the kit's guesses, to correct by reading
    ...
    >>> [s.speaks_for for s in result.speakers], result.ok
    (['UN', 'AU'], True)
    >>> again = new_article(report, data=folder)  # doctest: +ELLIPSIS
    New article 'un-news-2017-au' in .../data/articles
      kept   un-news-2017-au.txt           already there, the same text: not written again
      kept   un-news-2017-au.toml          already there: not written over
    ...
    >>> again.written
    ()
    >>> shutil.rmtree(folder.parent)
    """
    source = Path(path).expanduser()
    raw = _read_source(source)
    if name is None:
        stem = source.name
        while stem.lower().endswith(".txt"):
            stem = stem[:-4]
        stem = Path(stem).stem if "." in stem and not stem.startswith(".") else stem
        name = _article_name(stem)
        if not _NAME_OK.fullmatch(name):
            raise DataFileError(source, f"the file's name {source.name!r} gives no article name "
                                        "(it holds no letter or digit the kit can use)",
                                "give a name: --name NAME (lower-case letters, digits and hyphens, "
                                "e.g. xinhua-2019-03-07-osce-briefing)")
    elif not isinstance(name, str) or not _NAME_OK.fullmatch(name):
        better = _article_name(str(name))
        raise DataFileError(source, f"{name!r} is not a valid article name",
                            "use lower-case letters, digits and hyphens only"
                            + (f", e.g. --name {better}" if _NAME_OK.fullmatch(better) else
                               ", e.g. --name xinhua-2019-03-07-osce-briefing"))
    folder = Path(data).expanduser().resolve() if data is not None else data_dir()
    if not folder.is_dir():
        raise DataFileError(folder, "there is no data folder here",
                            "unset HELPERS_DATA, or point it at a folder holding the kit's data files "
                            "(a copy of the kit's data/ folder)")
    with _using_data(folder):
        return _scaffold(source, raw, name, folder)


def _write_new(path: Path, content: bytes | str) -> None:
    """Write a file that does not exist yet; never over one (exclusive creation)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        with open(path, "xb") as out:
            out.write(data)
    except OSError as err:
        raise DataFileError(path.parent, f"the kit cannot write {path.name} here ({err.strerror or err})",
                            "choose a folder you can write to (HELPERS_DATA=FOLDER, a copy of the kit's "
                            "data/ folder), or ask for write access to this one") from None


def _scaffold(source: Path, raw: bytes, name: str, folder: Path) -> NewArticle:

    articles = folder / "articles"
    if articles.exists() and not articles.is_dir():
        raise DataFileError(articles, "this is a file, not a folder",
                            "rename or move that file: the kit keeps its articles in a folder of that name")
    try:
        articles.mkdir(exist_ok=True)
    except OSError as err:
        raise DataFileError(articles, f"the kit cannot make this folder ({err.strerror or err})",
                            "choose a data folder you can write to (HELPERS_DATA=FOLDER), or ask for "
                            "write access to this one") from None
    text_path = articles / f"{name}.txt"
    lines, written, kept = [], [], []
    if text_path.exists():
        if text_path.read_bytes() != raw:
            raise DataFileError(text_path, f"an article called {name!r} is already there, with another text",
                                "give the new article another name with --name NAME; nothing was written")
        kept.append((text_path.name, "already there, the same text: not written again"))
    else:
        _write_new(text_path, raw)
        written.append((text_path.name, f"the text, byte for byte, from {_shown(source)}"))
    meta = text_path.with_suffix(".toml")
    if meta.exists():
        kept.append((meta.name, "already there: not written over"))
    else:
        _write_new(meta, _draft_toml(read_text(text_path), name))
        written.append((meta.name, 'metadata: guesses marked "guessed", to check'))
    registry, checks, found = (), (), None
    try:
        article = load_article(text_path)
    except DataFileError as err:
        article = None
        lines.append(f"The article does not load, so nothing more is drafted: {err}")
    if article is not None:
        listed = article.bundle_file("speakers.csv")
        if listed.exists():
            kept.append((listed.name, "already there: not written over"))
        else:
            found = _found(article)
            _write_new(listed, _draft_speakers(article, found))
            names = ", ".join(s.name for s, _, _ in found[:6]) + (", ..." if len(found) > 6 else "")
            written.append((listed.name, f"{len(found)} speaker{'s' if len(found) != 1 else ''} found"
                                         + (f": {names}" if found else ": none; add them by reading")))
        gold = article.bundle_file("gold.tsv")
        try:
            registry = tuple(load_speakers(listed))
        except DataFileError as err:
            lines.append(f"The speaker list does not load, so no gold template is drafted: {err}")
            registry = None
        if gold.exists():
            kept.append((gold.name, "already there: not written over"))
        elif registry is not None:
            _write_new(gold, _draft_gold(article, registry))
            written.append((gold.name, f"{len(article.sentences)} sentences with the kit's guesses, "
                                       "to correct by reading"))
    checks = tuple(c for c in check_data_files() if c.name.startswith(f"articles/{name}."))
    # the gold file just drafted is a draft, as it should be: a step to do, not a problem
    checks = tuple(c._replace(ok=True, found="the kit's guesses, to correct by reading (step 3 below); until "
                                             "then the doctor fails on it", fix="")
                   if not c.ok and c.name.endswith(".gold.tsv") and "still the kit's draft" in c.found else c
                   for c in checks)
    result = NewArticle(name, articles, tuple(n for n, _ in written), tuple(n for n, _ in kept),
                        tuple(registry or ()), checks)
    _print_report(result, written, kept, lines, folder)
    return result


def _shown(path: Path) -> str:
    """A path as a reader types it: relative to the current folder when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _print_report(result: NewArticle, written, kept, lines, folder: Path) -> None:
    name = result.name
    width = max(len(n) for n, _ in [*written, *kept]) + 2
    print(f"New article {name!r} in {_shown(result.folder)}")
    for verb, files in (("wrote", written), ("kept ", kept)):
        for file, what in sorted(files, key=lambda f: _ORDER.index(f[0][len(name):])):
            print(f"  {verb}  {file:<{width}}{what}")
    if not written:
        print("Nothing was written: every file of the bundle was already there (the kit never writes over a file).")
    for line in lines:
        print(line)
    print("The doctor's checks of the bundle")
    for c in result.checks:
        print(f"  {'✓' if c.ok else '✗'} {c.name}: {c.found}" + ("" if c.ok else f"\n      fix: {c.fix}"))
    kit = Path(__file__).resolve().parent.parent / "data"
    env = "" if folder == kit.resolve() else f"HELPERS_DATA={folder} "
    settings = "data/course.toml" if folder == kit.resolve() else str(folder / "course.toml")
    steps = [
        (f"Read {name}.toml: check the title, date and dateline marked \"guessed\", fill in source, url, "
         "attribution and note, and list this page's own chrome lines in [chrome].", None),
        (f"Fix {name}.speakers.csv: check every guessed line against the text (role, country, capacity, "
         "speaks_for, pronoun), delete people who are only mentioned, add the speakers it missed.", None),
        (f"Correct {name}.gold.tsv by reading every sentence: the speakers and kinds are the kit's guesses; "
         "then delete its first lines, the ones that say DRAFT.", None),
        ("Check the bundle again:", f"{env}make doctor"),
        ("Run the lessons on it:", f"{env}HELPERS_ARTICLE={name} make lab"),
        (f"To make it the course's article, edit {settings}:", f'article = "{name}"')]
    bad = [c for c in result.checks if not c.ok]
    if bad:
        print(f"{len(bad)} problem{'s' if len(bad) > 1 else ''} to fix first: see the ✗ lines above. Then run "
              "the command again: it drafts the files still missing, and writes over none.")
    print("What to check next")
    for number, (step, command) in enumerate(steps, 1):
        print(textwrap.fill(step, 100, initial_indent=f"  {number}. ", subsequent_indent="     ",
                            break_on_hyphens=False, break_long_words=False))
        if command:
            print(f"       {command}")


_ORDER = (".txt", ".toml", ".speakers.csv", ".gold.tsv")


# --- the drafts -----------------------------------------------------------------------------

def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string


_DATE_DMY = re.compile(rf"\b(\d{{1,2}})\s+({MONTH})\s*,?\s+(\d{{4}})\b")
_DATE_MDY = re.compile(rf"\b({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DATE_DM = re.compile(rf"\b(\d{{1,2}})\s+({MONTH})(?!\w)|\b({MONTH})\s+(\d{{1,2}})\b")
_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}[A-Z.])(?=\s*(?:,|\(|–|—|-\s|:))(?P<rest>.{0,60})")


def _month(word: str) -> int:
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(word.rstrip(".").lower()[:3]))


def _full_dates(line: str) -> list[_dt.date]:
    out = []
    for m in _DATE_DMY.finditer(line):
        out.append((m.start(), int(m.group(3)), _month(m.group(2)), int(m.group(1))))
    for m in _DATE_MDY.finditer(line):
        out.append((m.start(), int(m.group(3)), _month(m.group(1)), int(m.group(2))))
    for m in _DATE_ISO.finditer(line):
        out.append((m.start(), int(m.group(1)), int(m.group(2)), int(m.group(3))))
    dates = []
    for _, y, mo, d in sorted(out):
        try:
            dates.append(_dt.date(y, mo, d))
        except ValueError:
            pass
    return dates


def _is_body(line: str) -> bool:
    return len(line.split()) >= 12 and line.rstrip()[-1:] in ".!?\"”’"


def _looks_like_date(line: str) -> bool:
    rest = _DATE_DMY.sub("", _DATE_MDY.sub("", _DATE_ISO.sub("", line)))
    return bool(_full_dates(line)) and len(re.findall(r"[^\W\d_]{3,}", rest)) <= 2


def _guess_metadata(text: str) -> dict:
    """Title, byline, dateline, publisher, date and chrome-looking lines, read from the raw text."""

    try:
        chrome = tuple(load_boilerplate())
    except DataFileError:
        chrome = ()
    # each line as the loader compares it: invisible characters dropped, blanks made one space
    invisible = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
    lines = [(n, " ".join(line.translate(invisible).split())) for n, line in enumerate(text.split("\n"), 1)]
    lines = [(n, line) for n, line in lines if line]
    body_at = next((i for i, (_, line) in enumerate(lines) if _is_body(line) and not line.startswith(chrome)),
                   len(lines))
    head = lines[:body_at]
    guess = {}
    titles = [(n, line) for n, line in head
              if 4 <= len(line.split()) <= 30 and line[-1:] not in ".:" and line[0].isupper()
              and not line.startswith(chrome) and "photo" not in line.lower() and not _looks_like_date(line)
              and not re.fullmatch(r"By [^\s.,;:]+(?: [^\s.,;:]+){0,4}", line)]
    if titles:
        guess["title"] = (titles[-1][1], f"line {titles[-1][0]}, the last headline-like line before the "
                                         "first paragraph")
    byline = next(((n, line) for n, line in head if re.fullmatch(r"By [^\s.,;:]+(?: [^\s.,;:]+){0,4}", line)), None)
    if byline:
        guess["author"] = (byline[1][3:], f"the byline on line {byline[0]}")
    body = lines[body_at:]
    first = body[0][1] if body else ""
    dateline = _DATELINE.match(first)
    if dateline:
        guess["dateline"] = (dateline.group("place").strip(), "the first paragraph begins with it")
        outlet = re.search(r"\(([^()]{2,40})\)", dateline.group("rest"))
        if outlet:
            guess["publisher"] = (outlet.group(1), "the bracket of the dateline")
    tag = next(((n, m) for n, line in body if (m := CLOSING_TAG.search(line))), None)
    if tag:
        guess["publisher"] = (tag[1].group("publisher").strip(), f"the closing tag on line {tag[0]}")
        dates = _full_dates(tag[1].group("date"))
        if dates:
            guess["date"] = (dates[0], f"the closing tag on line {tag[0]}")
    if "date" not in guess:
        dated = [(n, d) for n, line in head if _looks_like_date(line) for d in _full_dates(line)]
        if dated:
            guess["date"] = (dated[-1][1], f"the date line {dated[-1][0]} before the first paragraph")
    if "date" not in guess and dateline:
        m = _DATE_DM.search(dateline.group("rest"))
        years = re.findall(r"\b((?:19|20)\d\d)\b", text)
        if m and years:
            day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            year = max(set(years), key=years.count)
            try:
                guess["date"] = (_dt.date(int(year), _month(month), int(day)),
                                 f"the dateline's day and month, and {year}, the year the text names most")
            except ValueError:
                pass
    if "date" not in guess:
        dates = [(n, d) for n, line in lines for d in _full_dates(line)]
        if dates:
            guess["date"] = (dates[0][1], f"the first full date of the text, on line {dates[0][0]}")
    title = guess.get("title", (None,))[0]
    first_title = next((n for n, line in lines if line == title), None)
    looks = [line for n, line in head
             if n != first_title and not line.startswith(chrome) and not (byline and n == byline[0])
             and (line == title or len(line.split()) < 12 or re.search(r"photo|credit|©", line, re.IGNORECASE))]
    looks += [line for n, line in body if not line.startswith(chrome) and (
              line == title or re.fullmatch(r"[\d\W]+", line) or _looks_like_date(line)
              or len(line.split()) <= 3 and line[-1:] not in ".!?\"”")]
    guess["chrome"] = list(dict.fromkeys(looks))
    return guess


def _draft_toml(text: str, name: str) -> str:
    g = _guess_metadata(text)
    out = [f"# Metadata for the article beside this file ({name}.txt): a DRAFT written by",
           "# `python -m helpers new-article`. A line marked \"guessed\" was read from the text by rules:",
           "# check it against the text. Every field is optional, except that a date is written",
           "# YYYY-MM-DD without quotes. A line of the text equal to the title is dropped from the body.",
           ""]
    if "title" in g:
        out.append(f"title = {_toml_string(g['title'][0])}  # guessed: {g['title'][1]}")
    else:
        out.append('title = ""  # guessed: no line before the first paragraph looks like a headline, so no '
                   "line is taken as the title; write the headline here")
    for key, missing in (("author", '""  no byline (a line "By ...") was found: write the author if the page '
                                    'names one'),
                         ("publisher", '""  the outlet: "UN News", "Xinhua", "TASS" ...'),
                         ("date", "YYYY-MM-DD  no date was found in the text: write the date of publication"),
                         ("dateline", '""  the place the report is filed from, e.g. "UNITED NATIONS"')):
        if key in g:
            value = g[key][0]
            shown = value.isoformat() if isinstance(value, _dt.date) else _toml_string(value)
            out.append(f"{key} = {shown}  # guessed: {g[key][1]}")
        else:
            out.append(f"# {key} = {missing}")
    out += ['# source = "outlet and page, e.g. UN News story (news.un.org)"',
            '# url = "https://..."',
            '# attribution = """Reproduced for teaching and analysis; copyright remains with ..."""',
            '# note = """How the text was obtained: where it was copied from, on which date, whether it is cut."""']
    article_orgs = _draft_organizations(text)
    if article_orgs:
        out += ["# The organizations this text defines that data/aliases.txt does not know (guessed: check",
                "# each; delete one that is not an organization):",
                "organizations = [" + ", ".join(_toml_string(o) for o in article_orgs) + "]"]
    else:
        out.append('# organizations = ["KEY: full name; short name"]  (only those data/aliases.txt lacks)')
    out += ['# phrases = ["First Last"]  (multi-word names to count as one word, only if useful)',
            "",
            "# This page's own chrome: lines of the text file that are not the article (a site menu, a",
            "# photo caption, a view counter, the date of the visit). The loader drops them; the text",
            "# file stays as it was received. Three kinds, each a list:",
            '#   lines = ["521", "Share this:"]   exact lines, after spaces at either end are trimmed',
            '#   prefixes = ["Photo credit"]      lines that start so',
            "#   patterns = ['^\\d+ views$']       Python regular expressions matched on the whole line",
            "#   inline = ['\\(MENAFN- ?[^)]*\\)'] residue inside a line (a crawler's date, an agency's tag):",
            "#                                    every match is cut out of the line, the rest is kept"]
    if g["chrome"]:
        out += ["# Lines of this text that look like chrome (guessed: copy those that are into the table):",
                "#   lines = [" + ", ".join(_toml_string(line) for line in g["chrome"]) + "]"]
    inline = [pattern for pattern, found in _RESIDUE if found.search(text)]
    out += ["[chrome]"]
    if inline:
        out += ["# Residue found inside lines of this text (guessed: check that each is not the article's):",
                "inline = [" + ", ".join(f"'{p}'" for p in inline) + "]"]
    out += [""]
    return "\n".join(out)


#: Page residue that shares a line with the text, as an ``inline`` pattern of ``[chrome]`` and
#: the test that the text holds it: a crawler's date before the first words ("date 2025-07-24
#: NEW YORK …"), an agency's tag ("(MENAFN- Kuwait News Agency)").
_RESIDUE = (("^date \\d{4}-\\d{2}-\\d{2} ", re.compile(r"(?m)^\s*date \d{4}-\d{2}-\d{2} ")),
            ("\\(MENAFN- ?[^)]*\\) ?", re.compile(r"\(MENAFN- ?[^)]*\)")))


def _draft_organizations(text: str) -> list[str]:
    from types import SimpleNamespace

    return suggest_organizations(SimpleNamespace(text=text, organizations=()))


_SPEAKER_HEADER = """\
# Who speaks in {name}: a DRAFT written by `python -m helpers new-article`, from the patterns
# of reporting the kit knows ("X, Secretary-General of Y, said", "China's Liu Jieyi said", "the
# representatives of A and B said"). Every line is a guess: check each one against the text,
# delete people who are only mentioned, and add the speakers it missed. Only people whose words
# the report gives, or who it says spoke, are speakers.
#
# Columns (comma-separated; put a value that contains a comma in "double quotes"):
#   name          unique: the person's name (for a delegation whose speaker the report does not
#                 name, the country as the report writes it).
#   role          what the person is, in words.
#   country       the country they represent, or empty for an official of an organization.
#   organization  the body the person belongs to (UN, EU, AU, ...), or empty.
#   capacity      official | national | chair | on behalf
#   speaks_for    the group used to compare speakers: UN, an organization key, or member states.
#   pronoun       he | she | empty when the report never uses one for this speaker.
#   aliases       other forms of the NAME as the report writes them, separated by ";".
#                 Descriptions ("the UN chief", "the diplomat", "the chairperson", "the foreign
#                 minister") are NOT aliases: they are resolved from role, organization and country.
"""
_COLUMNS = ("name", "role", "country", "organization", "capacity", "speaks_for", "pronoun", "aliases")


def _draft_speakers(article, found) -> str:
    out = io.StringIO()
    out.write(_SPEAKER_HEADER.format(name=article.name))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_COLUMNS)
    if not found:
        out.write("# No speaker was found by the patterns: add one line per speaker, by reading.\n")
    for speaker, evidence, notes in found:
        index, how = evidence[0]
        excerpt = " ".join(article.sentences[index].text.split())
        excerpt = excerpt if len(excerpt) <= 90 else excerpt[:87].rstrip() + "..."
        out.write(f"# guessed: check. Sentence {index}, {how}: {excerpt}\n")
        for note in notes:
            out.write(f"#   {note}\n")
        writer.writerow([speaker.name, speaker.role, speaker.country or "", speaker.organization or "",
                         speaker.capacity, speaker.speaks_for, speaker.pronoun or "", ";".join(speaker.aliases)])
    return out.getvalue()


_GOLD_HEADER = """\
# DRAFT of guesses to correct by reading: every line below is the kit's guess (attribute() with the
# speaker list beside this file), NOT a gold annotation yet. Read each sentence, correct its speakers
# and kind, delete the "guess:" notes, write how it was made below, then delete these three lines.
#
# Gold annotation: who speaks in each body sentence of the article {name}, made by hand.
#
# How it was made: (who read the sentences, and how; e.g. "one person read every sentence of
# load_article().sentences in order, with the paragraph breaks in view, and wrote down for each
# one who the sentence reports speaking, and how. Nothing here was copied from attribute().")
#
# Columns, separated by ONE TAB:
#   sentence   the sentence's index (Sentence.index)
#   speakers   registry names ({name}.speakers.csv) separated by "; "; empty for narration
#   kind       direct quote | indirect speech | mixed | narration
#   begins     the first words of the sentence, exactly as the text has them; they identify it
#   note       why, where it was not obvious
#
# Conventions:
# - A sentence that reports a speaker's content with no cue, inside or right after that
#   speaker's speech, is that speaker's indirect speech, also when it opens a new paragraph;
#   only the journalist's summaries interrupt a speech.
# - People or countries mentioned INSIDE a speech are not speaking.
# - Sentences that say who spoke but not what they said ("The representatives of ... spoke in
#   their capacities as Chairs ...", "Also speaking were ...") are narration ABOUT speakers,
#   not speech: nothing said is reported.
# - "Many speakers" / "Some speakers" sentences are narration: the journalist's summary of
#   unnamed delegations, not anyone in the registry.
# - A document (a concept note, a report) and what follows from it are narration: a document,
#   not a speaker of the debate.
# - A group ("The representatives of Ukraine and the United States said") lists every
#   member of the group.
# - kind: "direct quote" when the sentence opens with the speaker's own words in quotation
#   marks; "mixed" when reported speech quotes a few of the speaker's words; "indirect
#   speech" otherwise; "narration" when nobody speaks.
"""


def _begins(article, sent) -> str:
    """The first words of ``sent``: five or more, until no other sentence begins the same way."""
    ends = [m.end() for m in re.finditer(r"\S+", sent.text)]
    others = [s.text for s in article.sentences if s.index != sent.index]
    for n in range(min(5, len(ends)), min(10, len(ends)) + 1):
        words = sent.text[:ends[n - 1]]
        if not any(o.startswith(words) for o in others):
            return words
    return sent.text[:ends[min(10, len(ends)) - 1]]


def _draft_gold(article, registry) -> str:

    lines = [_GOLD_HEADER.format(name=article.name) + "sentence\tspeakers\tkind\tbegins\tnote"]
    for a in attribute(analyse(article, speakers=registry)):
        evidence = " ".join(a.evidence.split()).replace("\t", " ")
        lines.append(f"{a.sentence.index}\t{'; '.join(a.speakers)}\t{a.kind}\t{_begins(article, a.sentence)}"
                     f"\tguess: {evidence}")
    return "\n".join(lines) + "\n"
