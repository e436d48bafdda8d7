"""The rules of attribution: who speaks in each sentence, decided from the grammar of reporting.

A speaker named, described or given by their country as the subject of a speech cue, a
pronoun pointing to the nearest speaker it fits, a sentence with no cue that continues the
speech around it: :func:`attribute` tries the rules in order for every sentence, and each
decision keeps its evidence in words. :func:`naive_attribution` is the rule it is measured
against. The cues are the reporting verbs of ``data/speakers.cues.txt``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import deque
from itertools import accumulate
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace
from typing import NamedTuple

from ..analysis import analysis_of
from ..tokens import load_aliases
from .grammar import (ADDRESS_TITLES, APOSTROPHES, BETWEEN_WORDS, CHAIR_HEADS, CHIEF_HEADS, DELEGATE_HEADS, GROUP_HEADS,
                      HONORIFICS, INTRODUCERS, OBJECT_CUES, OFFICIAL_HEADS, OPENING_VERBS, ROLE_NOUNS, SHORT_TITLES,
                      TOP_POSTS, TOPIC_VERBS, blank_quotes, cue_alternatives, demonyms, is_title, name_like,
                      name_runs, spellings)
from .registry import Speaker

__all__ = ["Attribution", "attribute", "naive_attribution", "KINDS"]

#: The kinds of sentence :func:`attribute` tells apart.
KINDS = ("direct quote", "indirect speech", "mixed", "narration")


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


# --- the rules ------------------------------------------------------------------------
#
# The rules read each sentence with what stands inside quotation marks blanked out: the
# words in quotes are the speaker's own, so a cue or a name inside them ("“I believe …”")
# says nothing about who is speaking. Then they look for *mentions* of speakers (a name,
# "the representative of X", a description such as "the Pakistani envoy", a country as
# a subject), and for what *binds* a mention to a speech cue.

_APOS = f"[{APOSTROPHES}]"  # an apostrophe, as a character class
_QUOTES_OPEN = "“\"«"


#: Auxiliaries a cue may begin with ("was pleased that"): most sentences hold one, so they are no hint.
_AUXILIARIES = frozenset(("was", "were", "is", "are", "has", "have", "had"))


def _hint_word(cue: str) -> str:
    """The word of a cue that every match of it holds and few sentences do: its first, or the first
    after an auxiliary ("pleased" of "was pleased that")."""
    words = cue.lower().split(" ")
    return next((w for w in words if w not in _AUXILIARIES), words[0])


def _starting_with(first: str, pattern: str, or_at_start: bool = False, at_word: bool = False) -> str:
    r"""``pattern``, tried only where one of the characters ``first`` stands (or at the text's start).

    Every match of ``pattern`` must begin with one of ``first`` (read with the pattern's own
    flags: under ``re.IGNORECASE`` ``[s]`` matches what ``s`` does), or at the start of the text
    where ``or_at_start``: the look-ahead then changes no match, and a search passes every other
    place with one test instead of trying each alternative there (tests/test_fast_paths.py
    checks each pattern against the one without it). ``at_word``: every match also begins at a
    word boundary (each alternative opens with ``\b``, or with ``^`` and a letter), so only the
    first letters of words are tried.
    """
    ahead = f"(?=\\b[{re.escape(first)}])" if at_word else f"(?=[{re.escape(first)}])"
    return f"(?:^|{ahead})(?:{pattern})" if or_at_start else f"{ahead}(?:{pattern})"


_GROUP_ANYWHERE = re.compile(r"\b(?:many|some|several|other|most|all|a number of)\s+(?:of\s+the\s+)?"
                             r"(?:speakers|delegates|delegations|members)\b", re.IGNORECASE)
#: Words one of which a "many speakers" sentence holds (see _fold): a quick test before _GROUP.
_GROUP_HINTS = ("speakers", "delegat", "members")
#: And one of these words: the other quick test.
_QUANTIFIERS = frozenset(("many", "some", "several", "other", "most", "all", "number"))
#: The same, tried only where a quantifier can begin (see _starting_with).
_GROUP = re.compile(_starting_with("msoa", _GROUP_ANYWHERE.pattern), _GROUP_ANYWHERE.flags)

_BETWEEN = rf"(?:\s+(?:{BETWEEN_WORDS}))*\s+"
#: An appositive between commas after a name ("Rashid Alimov, Secretary-General of the SCO, said"),
#: a parenthesis ("Mr. Lal (India) said") or a relative pronoun ("…, who said").
_APPOSITIVE = (r"(?:\s*,[^,.;“”\"]{1,160}(?:,\s+[A-Z][^,.;“”\"]{0,60}){0,2},|\s*\([^()]{1,60}\)|\s*,)?"
               r"(?:\s+who(?:\s+(?:is|was)\s+[^,.;“”\"]{1,80}?(?=\s+[a-z]+\s))?)?")
#: A title after a name that no second comma closes ("Tekeda Alemu, head of Ethiopian Mission to
#: the UN told journalists"), a list of places in it ("…, Assistant Secretary-General for the Middle
#: East, Asia and the Pacific underscored"): only where a cue follows it.
_OPEN_APPOSITIVE = (r"\s*,\s+(?:[a-zA-Z][\w-]*\s+){0,4}(?:of|to|for)\s+[^,.;“”\"]{1,100}?"
                    r"(?:(?:,\s+[A-Z][^,.;“”\"]{0,30}?)?,?\s+and\s+(?:the\s+)?[A-Z][^,.;“”\"]{0,30}?)?")
#: What may open a sentence before its subject: a dateline ("UNITED NATIONS, March 7 (Xinhua) —"),
#: an opening phrase that ends in a comma ("In his remarks,"), and title words ("ASEAN Secretary General").
_CLAUSE_START = re.compile(r"^\s*(?:date\s+\d{4}-\d{2}-\d{2}\s+)?"  # a crawler's date left in the text
                           r"(?:[A-Z][A-Z .’'-]{2,}(?:,[^:—–()]{1,30})?(?:\s*\([^)]{1,30}\))?\s*[:—–-]\s+"
                           r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?:\s+"  # "UNITED NATIONS, March 7 —", "Islamabad: "
                           r"|[A-Z][A-Z .’'-]{2,}\s*\([^)]{1,60}\)\s+)?"  # "MOSCOW (UrduPoint News / Sputnik …) "
                           r"(?:[A-Z][^,“”\"]{0,160},\s+)?(?:[A-Z][\w.’'-]*\s+){0,5}$")
#: "he", "she", "they" as words ("He", "she" …): each alternative starts with a plain letter, so that a
#: search jumps to the places where one of those letters stands (see :func:`_word_alternatives`).
_PRONOUN = (r"(?P<pronoun>H(?<![\w-]H)e|h(?<![\w-]h)e|S(?<![\w-]S)he|s(?<![\w-]s)he|T(?<![\w-]T)hey|t(?<![\w-]t)hey)"
            r"(?![\w-])")
_ACCORDING = re.compile(r"(?<![\w-])[Aa]ccording\s+to\s+$")
_ACCORDING_PRONOUN = re.compile(r"(?<![\w-])[Aa]ccording\s+to\s+(?P<pronoun>him|her|them)\b")
#: Two mentions that name speakers together: "Ukraine and the United States", "Mr. Guterres, as well as Smail Chergui".
#: The second may carry a title ("AU chairman Moussa Faki and UN Secretary-General António Guterres").
_COORDINATION = re.compile(r"\s*(?:,\s*)?(?:and|as\s+well\s+as|together\s+with)\s+(?:the\s+|his\s+|her\s+|their\s+)?"
                           r"(?:(?:[A-Z][\w.’'-]*|counterpart|colleague)\s+){0,4}"
                           r"|\s*,\s*")
#: Words that cannot be the last word of a subject: a cue after them is no finite verb with a subject.
_NOT_A_SUBJECT = frozenset(
    "a an the this that these those which who whom what to of in on at by for with from as and or but nor not "
    "i we you it he she they him her them us me is was were are be been being has have had do does did above "
    "can could may might must shall should will would so also then there here".split())
#: The head of a phrase that describes one person: "the top UN political affairs official", "its leader".
_PERSON_HEADS = frozenset((*ROLE_NOUNS, *DELEGATE_HEADS, *CHIEF_HEADS, *CHAIR_HEADS, *OFFICIAL_HEADS)) - {
    "delegation", "representatives"}
#: Irregular past tenses among the cues (the others end in "-ed"), and the present "says", "say":
#: forms that are always a finite verb (a present "calls", "stresses" may be a noun).
_IRREGULAR_PAST = ("said", "told", "gave", "went", "drew", "says", "say")
#: The last word before a cue, over any words between ("the report today noted": "report").
_LAST_WORD = re.compile(rf"(?P<word>[\w’'-]+)(?:\s+(?:{BETWEEN_WORDS}))*\s+$")

# Descriptions: a head noun, with what stands before it ("the Pakistani envoy") and after it
# ("the chairperson of the OSCE"), resolved through the registry's role, organization and country.
_DETERMINERS = ("the", "its", "his", "her", "their", "a", "an")
#: Lower-case words that may stand before a head although no role uses them ("top officials",
#: "UNSC member countries"); any other lower-case word ends the description, as it may be a verb.
_PLAIN_MODIFIERS = frozenset(("top", "senior", "new", "former", "visiting", "outgoing", "incoming", "member",
                              "partner", "fellow", "other", "participating"))
#: What may follow a description's head: "of the OSCE", "from the African Union and the United Nations",
#: a title's "for Foreign Affairs and Security Policy".
_POST = re.compile(r"\s+(?:of|from|at|to|for(?=\s+(?:the\s+)?[A-Z]))\s+[^,;:“”\"]{1,100}")
#: Words that end what follows a head: a relative pronoun, or a word that may stand before a cue.
_POST_ENDS = frozenset(("who", "which", "that"))
_BETWEEN_ONE = re.compile(rf"{BETWEEN_WORDS}|this|last|on")
_SPACED_GENERAL = re.compile(r"\b(Secretary|Director|Attorney|Governor|Inspector)\s+General\b", re.IGNORECASE)
_OF_A_DELEGATION = re.compile(r"\s+of\s+(?:the|its|his|her|their)\s+(?:\w+\s+)?(?:delegation|mission)\b")
_POSSESSIVE = re.compile(rf"[A-Z][\w.-]*{_APOS}s?")
_POSSESSIVE_END = re.compile(rf"{_APOS}s?$")
_PLAIN_WORD = re.compile(r"[\w.’'-]+")
_ROLE_WORD = re.compile(r"[A-Za-z][\w’']*")
_LETTERS = re.compile(r"[a-z]+")

#: After the subject and its appositive, the words between, then a lower-case word (a verb).
_THEN_A_VERB = re.compile(rf"{_APPOSITIVE}(?:\s+(?:{BETWEEN_WORDS}))*\s+[a-z]")


def _joins(ch: str) -> bool:
    """Whether ``ch`` would join the word beside it (a letter, digit, underscore or hyphen)."""
    return ch.isalnum() or ch in "_-"


def _fold(text: str) -> str:
    """``text`` in lower case, where every character that ``re.IGNORECASE`` equates with an
    ASCII letter is that letter ("İ", "ı" → "i"; "ſ" → "s"; "K" → "k").

    A regular expression with ``re.IGNORECASE`` can match a run of ASCII letters only
    where ``_fold(text)`` holds them in lower case, so ``word in _fold(text)`` is a quick,
    exact test that lets most sentences skip the slower search.
    """
    low = text.lower()
    if low.isascii():  # none of the three characters below: nothing to replace
        return low
    return low.replace("ı", "i").replace("ſ", "s").replace("\u0307", "")


#: Every byte but a lower-case ASCII letter, turned into a space (see _words).
_ONLY_LETTERS = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def _words(folded: str) -> set[str]:
    """The words of a folded sentence (see :func:`_fold`): ``set(_LETTERS.findall(folded))``, found in C.

    In UTF-8 a lower-case ASCII letter is one byte, and every byte of any other character
    is none of those letters: turning every other byte into a space and splitting leaves
    exactly the runs of letters.
    """
    return set(folded.encode("utf-8", "surrogatepass").translate(_ONLY_LETTERS).decode("ascii").split())


def _singular(word: str) -> str:
    """``word`` in lower case and in the singular: "Secretaries-General" → "secretary-general"."""
    w = word.lower()
    if "-" in w:
        first, rest = w.split("-", 1)
        last = _singular(rest.rsplit("-", 1)[-1]) if "-" in rest else _singular(rest)
        if rest.rsplit("-", 1)[-1] != last:  # "secretary-generals"
            return f"{first}-{rest[:len(rest) - len(rest.rsplit('-', 1)[-1])]}{last}"
        return f"{_singular(first)}-{rest}"   # "secretaries-general"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "ches", "shes", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _plurals(head: str) -> tuple[str, ...]:
    """The singular ``head`` and its plural forms ("secretary-general" → … "secretaries-general")."""
    def plural(w):
        return w[:-1] + "ies" if w.endswith("y") and w[-2:-1] not in "aeiou" else w + "s"
    out = [head, plural(head)]
    if "-" in head:
        first, rest = head.split("-", 1)
        out.append(f"{plural(first)}-{rest}")
    return tuple(out)


#: The heads of a role whose holder a report may call "the envoy" though they speak for no country:
#: a Special Representative or a Special Envoy of an organization.
_ENVOY_HEADS = frozenset(("representative", "envoy", "emissary"))


#: The title words that may stand between a cue and the name it binds ("said its Secretary-General,
#: Zhang Ming", "announced by Secretary General of the Pacific Islands Forum(PIF), Henry Puna"):
#: capitalised words, an acronym in brackets, small words of a title; ``extra`` adds more.
_TITLE_RUN = (r"(?:(?:the|its|his|her|their|of|for|{extra}to|in|on|[A-Z][\w.’'-]*(?:\([A-Z][\w.-]*\))?"
              r"|\([A-Z][\w.-]*\)),?\s+){{0,10}}")


@lru_cache(maxsize=16)
def _cue_patterns(cues: tuple[str, ...]) -> SimpleNamespace:
    """The cue list compiled into the patterns that find a cue and its speaker, once for a cue
    list: every report read with the same cues shares them (see :class:`_Rules`)."""
    out = SimpleNamespace()
    # the kinds of cue (data/speakers.cues.txt says which is which): participles end in -ing
    participles = [c for c in cues if c.split(" ")[0].endswith("ing")]
    finite = [c for c in cues if c not in participles]
    past = [c for c in finite if _is_past(c)]
    never = r"(?!x)x"  # a pattern that matches nothing, for an empty kind
    cue_alt = _trie(finite) or never
    out.cue = re.compile(rf"(?<![\w-])(?:{cue_alt})(?![\w-])")
    out.past_cue = re.compile(rf"(?:{_trie(past) or never})(?![\w-])")
    out.past_hints = frozenset(c.split(" ")[0] for c in past)
    out.participle_hints = frozenset(c.split(" ")[0] for c in participles)
    # "…, saying", "…, stressing that": a participle after a comma, or after "while" ("Guterres
    # Tuesday while noting …")
    out.participle = re.compile(rf"(?:,\s*(?:while\s+)?|\s+while\s+)(?P<cue>{_trie(participles) or never})"
                                 rf"(?![\w-])")
    # "Ban drew attention to … and said": a cue as the second verb of the subject
    out.coordinated_cue = re.compile(rf"\band\s+(?:also\s+)?(?P<cue>{cue_alt})(?![\w-])")
    # MENTION, an appositive between commas, words between, CUE ("Ban today emphasized")
    out.bound_after = re.compile(rf"(?:{_APPOSITIVE}|{_OPEN_APPOSITIVE}){_BETWEEN}(?P<cue>{cue_alt})(?![\w-])")
    # CUE MENTION, the inverted order after what was said, with any title between
    # ("…, said Ambassador Lodhi", "…, said its Secretary-General, Zhang Ming", "…, stressed the emirate")
    # the inverted order never with a cue whose object is a person ("…, welcomed Guterres' commitments")
    inverted_alt = _trie([c for c in finite if not OBJECT_CUES.match(c)]) or never
    out.anywhere = {}  # the patterns below that are tried only where their first characters stand, as written
    out.anywhere["bound_before"] = rf"(?:^|[,”\":;—–]\s*)(?P<cue>{inverted_alt})\s+{_TITLE_RUN.format(extra='and|')}$"
    out.bound_before = re.compile(_starting_with(",”\":;—–", out.anywhere["bound_before"], or_at_start=True))
    # the first words of what names a source: "according to", "a briefing by"
    out.source_hint = frozenset(("according", *(i.split()[0] for i in INTRODUCERS)))
    # a speech introduced before its speaker: "In a briefing by the Chairperson-in-Office …"
    # (the introducer in any case, "Briefing by"; the title words before the name capitalised)
    out.introduced = re.compile(rf"(?<![\w-])(?i:{cue_alternatives(INTRODUCERS)})\s+(?:[Tt]he\s+)?"
                                 rf"(?:[A-Z][\w.’'-]*\s+){{0,4}}$")
    # the passive: "the points raised by Mr. Guterres", "announced by Secretary General of the
    # Pacific Islands Forum(PIF), Henry Puna"
    out.bound_passive = re.compile(rf"(?<![\w-])(?P<cue>{cue_alt})\s+by\s+{_TITLE_RUN.format(extra='')}$")
    out.pronoun = re.compile(rf"{_PRONOUN}{_BETWEEN}(?P<cue>{cue_alt})(?![\w-])")
    # "Lajcak turned first to …": a verb that tells what a speaker took up
    out.topic = re.compile(rf"{_APPOSITIVE}{_BETWEEN}(?:{cue_alternatives(TOPIC_VERBS)})(?![\w-])")
    # "Mogherini began by stressing …": a participle after a verb that opens a speech
    # ("Peach started the meeting by welcoming …": the occasion may stand before "by")
    out.opening = re.compile(rf"{_APPOSITIVE}{_BETWEEN}(?:{'|'.join(OPENING_VERBS)})\s+"
                              rf"(?:(?:the|his|her|their|its)\s+(?:[a-z]+\s+){{1,2}})?by\s+"
                              rf"(?P<cue>{_trie(participles) or never})(?![\w-])")
    out.subject_pronoun = re.compile(rf"{_PRONOUN}\s+[a-z]")
    # "The two leaders welcomed …", "Both sides reaffirmed …": the two people named last speak as one
    out.the_two = re.compile(rf"{_THE_TWO}(?:\s+(?:also|further|jointly|both|had|have|has))*\s+"
                              rf"(?P<cue>{cue_alt})(?![\w-])")
    # The quick test: every match of a cue holds its hint word (its first, or the first
    # after an auxiliary) as a word of its own, so a sentence none of whose words is one can
    # have no cue. cue_hints is None (search every sentence) when a cue is not plain ASCII,
    # where the test would not be exact.
    hints = tuple(dict.fromkeys(_hint_word(c) for c in cues))
    out.cue_hints = hints if hints and all(h and h.isascii() for h in hints) else None
    out.cue_hint = frozenset(hints)
    return out


class _Rules:
    """The registry and cue list compiled into regular expressions, once."""

    def __init__(self, registry: tuple[Speaker, ...], cues: tuple[str, ...], organizations=None,
                 belief=frozenset(), states=frozenset()):
        self.registry = {s.name: s for s in registry}
        self.belief = frozenset(belief)  # cues that report what a speaker holds: "believed", "agreed"
        self.state_name = _state_pattern(frozenset(states))  # any country data/countries.txt names
        if organizations is None:
            organizations = tuple(load_aliases().items())
        self.organizations = dict(organizations)
        for name, value in vars(_cue_patterns(tuple(cues))).items():
            setattr(self, name, value)
        self.anywhere = dict(self.anywhere)  # the registry's own patterns join them below
        forms = {}
        for s in registry:
            for form in (s.name, *s.aliases):
                forms[form] = s.name
        self.registry_forms = dict(forms)
        spelled = {}
        for form, name in self.registry_forms.items():  # "Ban Ki-Moon" for the list's "Ban Ki-moon"
            for spelling in spellings(form)[1:]:
                spelled.setdefault(spelling, name)
                forms.setdefault(spelling, name)
        self.forms = forms
        self.name = re.compile(_trie(forms, alone=True)) if forms else None
        # a title of address before a word of a name or the whole name ("Mr. Guterres", "Mr Ban
        # Ki-Moon": one mention, not "Mr Ban" and a name left over); a pattern of its own, as
        # titles times names would make the tree large
        people = {f: n for f, n in {**_address_words(registry), **spelled, **self.registry_forms}.items()
                  if self.registry[n].name != self.registry[n].country}
        self.titled_forms = people
        self.titled = re.compile(rf"{_word_alternatives(sorted(ADDRESS_TITLES, key=len, reverse=True))}"
                                 rf"\s+(?P<rest>{_trie(people, alone=True)})") if people else None
        # the quick tests: every match of a name (a title of address before it included) or a
        # country holds the first word of one, so a sentence none of whose words is one names none
        # (None: search every sentence)
        self.name_hints = _first_words([*forms, *ADDRESS_TITLES]) if people else _first_words(forms)
        # and every match of ``titled`` holds the first word of a title of address ("mr", "ambassador"),
        # which few sentences do (None: search every sentence the names are searched in)
        self.title_hints = _first_words(ADDRESS_TITLES)
        countries = {}
        for s in registry:
            if s.country:
                countries.setdefault(s.country, []).append(s.name)
        self.countries = {c: tuple(n) for c, n in countries.items()}
        if countries:
            calt = "|".join(re.escape(c) for c in sorted(countries, key=len, reverse=True))
            country = rf"(?:the\s+)?(?:{calt})"
            listing = rf"{country}(?:\s*,\s*{country})*(?:,?\s+and\s+{country})?"
            self.country = re.compile(_word_alternatives(sorted(countries, key=len, reverse=True)))
            self.country_hints = _first_words(countries)
            self.anywhere["introducer"] = (
                rf"\b(?:[Tt]he\s+)?[Rr]epresentatives?\s+of\s+(?P<list>{listing})(?![\w-])"
                rf"|(?P<owner>{country}){_APOS}s?\s+(?:Permanent\s+)?[Rr]epresentative\b")
            firsts = "TtRr" + "".join(sorted({c[0] for c in countries}))  # "the", "Representative", a country
            self.introducer = re.compile(_starting_with(firsts, self.anywhere["introducer"]))
        else:
            self.country = self.introducer = self.country_hints = None
        self._descriptions(registry)

    # --- descriptions ---------------------------------------------------------------

    def _descriptions(self, registry) -> None:
        """What each speaker can be called: title heads from the role, and the words that fit them."""
        self.heads, self.keys, self.role_words = {}, {}, set()
        org_words = {k: {k, *(w for n in names for w in n.split())} for k, names in self.organizations.items()}
        for s in registry:
            heads, words = set(), set()
            for segment in s.role.split(","):
                title = re.split(r"\s+(?:of|to|for|in|on behalf)\s+", segment.strip())[0]
                title = _SPACED_GENERAL.sub(r"\1-General", title)  # "Secretary General" is "Secretary-General"
                title_words = title.split()
                if title_words:
                    last = _singular(title_words[-1])
                    heads.add(last)
                    parts = last.split("-")
                    if len(parts) > 1 and set(parts[1:]) <= {"in", "office", "designate", "elect"}:
                        heads.add(parts[0])  # "Chairperson-in-Office" is a chairperson
                words.update(w.lower() for w in _ROLE_WORD.findall(segment.replace("-", " ")))
                words.update(w.lower() for w in segment.split())
            keys = {w.lower() for w in words}
            for org in (s.organization, s.speaks_for):
                if org:
                    keys.add(org.lower())
                    keys.update(w.lower() for w in org_words.get(org, ()))
            if s.country:
                keys.update(w.lower() for w in demonyms(s.country))
                keys.update(w.lower() for w in s.country.split())
            self.heads[s.name], self.keys[s.name] = heads, keys
            self.role_words |= words - _NOT_A_SUBJECT
        generic = (*DELEGATE_HEADS, *CHIEF_HEADS, *CHAIR_HEADS, *OFFICIAL_HEADS, *GROUP_HEADS)
        all_heads = {h for hs in self.heads.values() for h in hs if len(h) > 2} | set(generic)
        forms = sorted({f for h in all_heads for f in _plurals(h)}, key=len, reverse=True)
        self.head_forms = frozenset(forms)
        # "secretary-general" is also written "Secretary General": (form, its last word, with a space)
        self.head_pairs = tuple((f, f.rsplit("-", 1)[-1], f.replace("-", " ")) for f in forms if "-" in f)
        self.head_pairs_of = {}  # the same, by last word: the forms to look for when it is present
        for form, last, spaced in self.head_pairs:
            self.head_pairs_of.setdefault(last, []).extend((form, spaced))
        self.singular = {f: _singular(f) for f in forms}
        self.head_words = frozenset(f.split("-")[-1] for f in forms)  # a head ends with one of these
        # titles written short ("the SG", "The UNSG"), where a speaker holds the title they stand for
        short = {a: full for a, full in SHORT_TITLES.items() if full in all_heads}
        self.head_forms |= frozenset(short)
        self.singular.update(short)
        self.head_words |= frozenset(short)
        self.org_names = {n: k for k, names in self.organizations.items() for n in names}
        names = sorted(self.org_names, key=len, reverse=True)
        self.org_name = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, names))})(?!\w)") if names else None
        self.demonyms = {d: c for c in self.countries for d in demonyms(c)}
        self._fit_cache = {}
        self._head_of = {}  # _head of each head as written, found once

    def _entities(self, text: str) -> set[str]:
        """The organizations (keys) and countries that ``text`` names, in lower case."""
        found = {self.org_names[m.group()].lower() for m in self.org_name.finditer(text)} if self.org_name else set()
        found |= {w.lower() for w in re.findall(r"\b[A-Z]{2,}\b", text)}
        found |= {self.demonyms[w].lower() for w in re.findall(r"[A-Z][\w-]+", text) if w in self.demonyms}
        return found

    def _fits(self, name: str, head: str, mods: list[str], entities: set[str], post: str = "") -> bool:
        """Whether the speaker ``name`` can be "the MODS HEAD of ENTITIES" (``post`` follows the head)."""
        s, heads, keys = self.registry[name], self.heads[name], self.keys[name]
        if _OF_A_DELEGATION.match(post):  # "the head of the delegation" leads a country's delegation
            head_fits = bool(s.country) and (head in heads or head in CHIEF_HEADS or head in DELEGATE_HEADS)
        else:
            head_fits = (head in heads                                       # a title of the role
                         or head in DELEGATE_HEADS and bool(s.country)       # "the envoy": has a country
                         or head == "envoy" and bool(heads & _ENVOY_HEADS)    # a Special Representative
                         or head in CHIEF_HEADS and bool(heads & TOP_POSTS)  # "the UN chief": heads it
                         or head in CHAIR_HEADS and (s.capacity == "chair" or bool(heads & set(CHAIR_HEADS)))
                         or head in OFFICIAL_HEADS and s.capacity == "official")
        if not head_fits:
            return False
        for mod in mods:  # "Pakistani", "UN", "foreign": each must be the speaker's; "top", "new" say nothing
            low = mod.lower().rstrip("’'")
            informative = mod[:1].isupper() or low in self.role_words
            if informative and low not in keys and _singular(low) not in keys:
                return False
        return not entities or bool(entities & keys)  # "of the OSCE", "from the AU and the UN": one of them

    def descriptions(self, text: str, taken, words=None) -> list["_Mention"]:
        """Descriptions of speakers in ``text``: "the Pakistani envoy", "top officials from the AU and the UN"."""
        out, heads = [], self._heads(text, words)
        if not heads:
            return out
        taken = taken if isinstance(taken, _Spans) else _Spans(taken)
        for at, end in heads:
            if at in taken:
                continue
            written = text[at:end].lower().replace(" ", "-")
            known = self._head_of.get(written)
            if known is None:
                known = self._head_of[written] = self._head(written)
            head, plural, group_noun, generic = known
            if group_noun and not plural:
                continue  # "the country", "a member": no one the registry can name
            start, mods, det = self._before_head(text, at)
            if group_noun and text[at].isupper() and (det and det[0].islower()
                                                          or not _CLAUSE_START.fullmatch(text, 0, start)):
                continue  # "the United Nations", "the United States": a name, not a group
            if det is None and not _CLAUSE_START.match(text, 0, start) and not text[:start].rstrip().endswith(",") \
                    and not text.endswith(" and ", 0, start):
                continue  # no determiner and not the start of a clause: not a description
            post_text = self._post(text, end)
            # "of the OSCE", "from the AU" say whose; "to the United Nations" says only where one is posted
            entities = (frozenset(self._entities(post_text)) if post_text.lower() != post_text
                        and not post_text.lstrip().startswith("to ") else frozenset())
            if group_noun:
                names = ()
            else:
                names = self._fitting(head, tuple(mods), entities, bool(_OF_A_DELEGATION.match(post_text)))
            if plural and names and generic and not entities and not any(
                    w[0].isupper() or w.lower() in self.role_words for w in mods):
                names = ()  # "the delegations", "the heads of regional organizations": which ones, no one can say
            if plural and generic and len(names) == 1:
                names = ()  # "the Forum leaders": many people, of whom the registry lists one
            post_text = post_text.rstrip()
            label = (text[start:end] + post_text).strip()
            out.append(_Mention(start, end + len(post_text), names, "group" if plural and not names else "description",
                                label, plural))
        return out

    def _add_descriptions(self, text: str, found: list, words) -> list:
        """``found`` (the mentions of ``text`` so far) with its descriptions added, in place."""
        described = self.descriptions(text, [(m.start, m.end) for m in found] if found else _NO_SPANS, words)
        if described:
            name_starts = {n.start for n in found if n.how == "name"}
            name_ends = {n.end for n in found if n.how == "name"}
            for d in described:
                # a description beside a name is that name's title ("UN Secretary General Antonio
                # Guterres", "Rashid Alimov, Secretary-General of …"): the name speaks for it
                beside = any(d.end + k in name_starts or d.start - k in name_ends for k in range(3))
                if not beside:
                    found.append(d)
        return found

    def with_descriptions(self, text: str, mentions: list, words=None) -> list["_Mention"]:
        """The mentions of a sentence with no cue (names and introductions only) with its descriptions too."""
        found = self._add_descriptions(text, list(mentions), words)
        return sorted(found) if len(found) > 1 else found

    def _head(self, written: str) -> tuple[str, bool, bool, bool]:
        """A head as written ("envoys", "secretary-general"): its singular, whether it is plural, whether
        it names a group ("states") and whether it is a generic title ("delegates", "chief")."""
        head = self.singular[written]
        plural = head != written and not written.endswith("ss") and written not in SHORT_TITLES
        return (head, plural, head in GROUP_HEADS,
                head in (*DELEGATE_HEADS, *CHIEF_HEADS, *CHAIR_HEADS, *OFFICIAL_HEADS))

    def _heads(self, text: str, words=None) -> list[tuple[int, int]]:
        """Where ``text`` has a word that can head a description ("envoy", "Secretary General"), in order."""
        present = self.head_words.intersection(_words(_fold(text)) if words is None else words)
        if not present:
            return []
        low = text.lower()
        forms = set(present & self.head_forms)
        pairs = self.head_pairs_of
        for last in present:
            if last in pairs:
                forms.update(pairs[last])
        found, size = [], len(low)
        for form in forms:
            at = low.find(form)
            while at != -1:
                end = at + len(form)
                if (at == 0 or not ((c := low[at - 1]).isalnum() or c in "_-")) \
                        and (end == size or not ((c := low[end]).isalnum() or c in "_-")):  # see _joins
                    found.append((at, end))
                at = low.find(form, end)
        return sorted(found) if len(found) > 1 else found

    def _before_head(self, text: str, at: int):
        """Where the noun phrase of the head at ``at`` starts, its modifiers and its determiner.

        Walks back word by word over modifiers ("Pakistani", "foreign", "UN"), at most four,
        and stops after a determiner ("the", "its", "Pakistan's") or before any other word.
        """
        start, mods, vocabulary = at, [], self.role_words
        while len(mods) < 4 and start > 1 and text[start - 1] == " ":
            begin = text.rfind(" ", 0, start - 1) + 1
            token = text[begin:start - 1]
            low = token.lower()
            if low in _DETERMINERS:
                return begin, mods, token
            if token[:1].islower() and _POSSESSIVE_END.search(token):
                if _POSSESSIVE_END.sub("", low) in vocabulary:
                    return begin, [_POSSESSIVE_END.sub("", low), *mods], token  # "the commission's president"
                return begin, mods, token  # "the global organization's chief": a possessive determines it
            if not token or not (token[0].isupper() or low in vocabulary or low in _PLAIN_MODIFIERS):
                break  # a lower-case word that no role uses may be a verb: "… attended United Nations"
            if ("'" in token or "’" in token) and _POSSESSIVE.fullmatch(token):  # "Pakistan's envoy"
                return begin, [_POSSESSIVE_END.sub("", token), *mods], token
            if token[-1] in ",;:!?”\"()" or not _PLAIN_WORD.fullmatch(token):
                break
            mods.insert(0, token)
            start = begin
        return start, mods, None

    @staticmethod
    def cue_places(text: str, firsts, pattern):
        """The matches of ``pattern`` (cues) in ``text`` that start with one of the words ``firsts``, in order."""
        found = []
        for word in firsts:
            at = text.find(word)
            while at != -1:
                if (at == 0 or not _joins(text[at - 1])) and (m := pattern.match(text, at)):
                    found.append(m)
                at = text.find(word, at + 1)
        return sorted(found, key=lambda m: m.start())

    def _post(self, text: str, at: int) -> str:
        """What follows a head and belongs to it: "of the OSCE", up to a cue or a word that ends it."""
        post = _POST.match(text, at)
        if not post:
            return ""
        words = post.group().split(" ")
        for n, word in enumerate(words[2:], start=2):
            low = word.lower().rstrip(".,;:")
            if low in self.cue_hint or low in _POST_ENDS or _BETWEEN_ONE.fullmatch(low):
                return " ".join(words[:n])
        return post.group()

    def _fitting(self, head: str, mods: tuple, entities: frozenset, of_delegation: bool) -> tuple[str, ...]:
        """The registry speakers "the MODS HEAD of ENTITIES" can be (the same answer for the same words)."""
        key = (head, mods, entities, of_delegation)
        if key not in self._fit_cache:
            post = " of the delegation" if of_delegation else ""
            self._fit_cache[key] = tuple(n for n in self.registry
                                         if self._fits(n, head, list(mods), set(entities), post))
        return self._fit_cache[key]

    def mentions(self, text: str, words=None, may_cue=None) -> list["_Mention"]:
        """Speaker mentions in ``text`` (quotations blanked), in text order.

        ``words``, when given, are the lower-case words of the sentence: a sentence none of
        whose words begins a cue can bind no description or country to a cue, so only its
        names and introductions are looked for. ``may_cue``, when given, is that test's answer,
        made once for the sentence by its caller.
        """
        found = []
        if self.introducer is not None and "epresentative" in text:  # both forms need the word
            for m in self.introducer.finditer(text):
                part = m.group("list") or m.group("owner")
                names = tuple(dict.fromkeys(n for c in self.country.finditer(part) for n in self.countries[c.group()]))
                found.append(_Mention(m.start(), m.end(), names, "delegation", m.group(), len(names) > 1))
        if self.name is not None and (words is None or self.name_hints is None
                                      or not self.name_hints.isdisjoint(words)):
            if self.titled is not None and (words is None or self.name_hints is None or self.title_hints is None
                                            or not self.title_hints.isdisjoint(words)):
                taken = _Spans([(m.start, m.end) for m in found]) if found else _NO_SPANS
                for m in self.titled.finditer(text):
                    if m.start() not in taken:
                        found.append(_Mention(m.start(), m.end(), (self.titled_forms[m.group("rest")],), "name",
                                              m.group(), False))
            taken = _Spans([(m.start, m.end) for m in found]) if found else _NO_SPANS
            for m in self.name.finditer(text):
                if m.start() not in taken:
                    found.append(_Mention(m.start(), m.end(), (self.forms[m.group()],), "name", m.group(), False))
        if may_cue is None:
            may_cue = words is None or not self.cue_hint.isdisjoint(words) or not self.source_hint.isdisjoint(words)
        if not may_cue:
            return sorted(found) if len(found) > 1 else found
        self._add_descriptions(text, found, words)
        if self.country is not None and (words is None or self.country_hints is None
                                         or not self.country_hints.isdisjoint(words)):
            taken = None  # the spans found so far, made at the first country
            for m in self.country.finditer(text):
                if taken is None:
                    taken = _Spans([(m.start, m.end) for m in found]) if found else _NO_SPANS
                if m.start() not in taken:
                    found.append(_Mention(m.start(), m.end(), self.countries[m.group()], "country", m.group(), False))
        return sorted(found) if len(found) > 1 else found




def _address_words(registry) -> dict[str, str]:
    """The words of people's names a title of address may stand before ("Mr. Guterres", "Ms. Lodhi"),
    each with its speaker.

    Any word, not only the last, because names are not all family-name-last ("Mr. Liu"
    for Liu Jieyi, "Mr. Quy" for Dang Dinh Quy); a word two speakers share is left out,
    and so is a delegation named by its country.
    """
    owners = {}
    for s in registry:
        if s.name == s.country:
            continue
        for word in dict.fromkeys(s.name.split()):
            if len(word) > 1 and word[0].isupper():
                owners.setdefault(word, set()).add(s.name)
    return {w: next(iter(names)) for w, names in owners.items() if len(names) == 1}


class _Spans:
    """Stretches ``(start, end)`` of a text, asked whether a position falls inside one of them.

    ``at in spans`` is ``any(s <= at < e for s, e in spans)``, found by bisection: a sentence
    with thousands of mentions is read in time proportional to them, not to their square.
    """

    __slots__ = ("few", "starts", "reach")

    def __init__(self, spans=()):
        if not isinstance(spans, (list, tuple)):
            spans = list(spans)
        if len(spans) <= 4:  # a sentence's few mentions: asked one by one, with nothing to build
            self.few = tuple(spans)
            return
        self.few = None
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach = list(accumulate((e for _, e in spans), max))  # the furthest end so far

    def __contains__(self, at: int) -> bool:
        if self.few is not None:
            for s, e in self.few:
                if s <= at < e:
                    return True
            return False
        k = bisect_right(self.starts, at)
        return k > 0 and self.reach[k - 1] > at


_NO_SPANS = _Spans()


def _first_words(names):
    """The first lower-case word of each name, as a sentence's quick-test words are made
    (``_LETTERS`` over ``_fold``); ``None`` when a name is not plain ASCII, where that is not exact."""
    if not all(n.isascii() for n in names):
        return None
    firsts = [_LETTERS.findall(_fold(n)) for n in names]
    return frozenset(f[0] for f in firsts) if all(firsts) else None


class _Mention(NamedTuple):
    """A place where a sentence may name a speaker."""

    start: int
    end: int
    names: tuple[str, ...]  # registry names it can mean; empty for a group or a description that fits nobody
    how: str                # "name", "delegation", "description", "group" or "country"
    label: str              # the words, for the evidence
    plural: bool


def _trie(words, alone: bool = False) -> str:
    r"""A pattern for any of ``words``, written as a tree of their letters ("said|says" →
    ``sa(?:id|ys)``), so that a match costs a few steps however long the list is; a space
    in a word matches any run of spaces. Where one word begins another ("called",
    "called for"), the longer wins.

    ``alone``: the word must stand alone, touching no letter, digit, underscore or hyphen;
    the look-behind is written after each first letter (see :func:`_word_alternatives`).
    The same words give the same pattern, written once: the cue list's patterns are the
    same for every report a set of reports reads.
    """
    return _trie_of(tuple(words), alone)


@lru_cache(maxsize=512)
def _trie_of(words: tuple, alone: bool) -> str:
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node, first=False) -> str:
        kids = sorted((ch, sub) for ch, sub in node.items() if ch)
        if not kids:
            return ""
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + (r"(?<![\w-][\s\S])" if first else "") + emit(sub)
                for ch, sub in kids]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return rf"(?:{emit(root, first=True)})(?![\w-])" if alone else emit(root)


def _word_alternatives(words) -> str:
    r"""A pattern for any of ``words`` (tried in this order) standing alone: not touching a
    letter, digit, underscore or hyphen on either side.

    It means ``(?<![\w-])(?:w1|w2|…)(?![\w-])``, written with the look-behind after each
    word's first character (``(?<![\w-][\s\S])`` there looks at the same character), so that
    every alternative starts with a plain character and the search jumps straight to the
    places where one of those first characters stands, instead of trying every name everywhere.
    """
    alternatives = [re.escape(w[0]) + r"(?<![\w-][\s\S])" + re.escape(w[1:]) if w else r"(?<![\w-])"
                    for w in words]
    return "(?:" + "|".join(alternatives) + r")(?![\w-])"


@lru_cache(maxsize=8)
def _rules(registry: tuple[Speaker, ...], cues: tuple[str, ...], organizations=None, belief=frozenset(),
           states=frozenset()) -> _Rules:
    return _Rules(registry, cues, organizations, belief, states)


@lru_cache(maxsize=4)
def _state_pattern(states: frozenset):
    """The names of ``states`` as one pattern of whole words (the longest first), or None."""
    if not states:
        return None
    return re.compile(rf"(?:{'|'.join(map(re.escape, sorted(states, key=len, reverse=True)))})(?![\w’'-])")


# --- quotations --------------------------------------------------------------------

#: A character that is neither a quotation mark nor a space.


def _kind(text: str, has_speaker: bool, blanked: str | None = None, began_inside: bool = False) -> str:
    """The kind of a sentence: direct quote, mixed, indirect speech, or narration.

    A sentence that opens with a quotation, or inside one, or whose quotation follows a
    short frame ("she said, “…”") and runs to its end, is a direct quote.
    """
    if not has_speaker:
        return "narration"
    stripped = text.lstrip()
    if stripped[:1] in _QUOTES_OPEN or began_inside:
        return "direct quote"
    if "“" in text or "”" in text or '"' in text or "«" in text:
        if blanked is not None:
            opened = min((text.find(q) for q in "“\"«" if q in text), default=-1)
            frame = text[:opened]
            tail = blanked[opened:].strip(" “”\"«».,;:!?")
            if opened > 0 and frame.rstrip().endswith((",", ":")) and len(frame.split()) <= 12 and not tail:
                return "direct quote"
        return "mixed"
    return "indirect speech"


# --- one decision per sentence ------------------------------------------------------

@dataclass(slots=True)
class _Context:
    """What the rules know when they read one sentence."""

    sentence: object
    blanked: str               # the sentence with its quotations blanked out
    rules: _Rules
    mentions: list             # the speaker mentions of the sentence (_Mention)
    bound: list                # (mention, cue, how) for each mention bound to a cue
    subject: object            # the mention that is the sentence's subject, or None
    current: tuple             # whose speech goes on
    salient: list              # who a pronoun may point to, nearest last: (names, group label)
    in_speech_paragraph: bool  # the sentence is in the paragraph of the speech going on
    alone: bool                # the only sentence of its paragraph, and not the article's last
    may_cue: bool              # a cue may be in the sentence (the quick test)
    folded: str                # the sentence folded for quick tests (see _fold)
    words: set                 # the words of the folded sentence, for quick tests
    previous_paragraph: object  # the paragraph of the sentence before
    last_speakers: tuple = ()  # who spoke last, even if narration came between
    described: object = None   # the subject with descriptions looked for too, once asked (_described_subject)
    named_before: list = None  # every speaker named in an earlier sentence, whatever it said (first named first)
    named_last: list = None    # the same speakers, the one named most recently last
    statement_of: tuple = ()   # who spoke "in a statement" last; () after a joint or a Council's statement
    cut_end: bool = False      # the article's last sentence, cut off before its final stop (a page cut short)


@dataclass(slots=True)
class _Decision:
    names: tuple
    cue: str | None
    evidence: str
    ends_speech: bool = False          # narration that ends the speech going on
    group: str | None = None           # an unnamed group that spoke (a "they" may point to it)
    described: tuple = ()              # (label, names it may be) of one person described, no speaker fitting


def _choose(names, salient):
    """One of several registry speakers a description fits: the one named most recently, else None."""
    if len(names) == 1:
        return names
    for entry, _ in reversed(salient):
        if len(entry) == 1 and entry[0] in names:
            return entry
    return None


#: What may open a sentence before "a briefing by …": "In a", "During his", "At the".
_OPENER = re.compile(r"\s*(?:[A-Z][a-z]*\s+)?(?:(?:a|an|the|his|her|their|its)\s+)?(?:[a-z]+\s+)?$")


#: "Sputnik quoted Dujarric as saying …": the one quoted is the source of the words, not who quotes.
_QUOTED_AS = re.compile(r"\s+as\s+(?:saying|stating|telling|adding|declaring)\b")
_QUOTED_BY = re.compile(r"\bquot(?:ed|es|ing)\s+(?:[^\s,;.“”\"]+\s+){0,6}$")


def _bind(blanked: str, mentions, rules: _Rules):
    """The mentions bound to a speech cue, each with its cue and how it is bound."""
    bound = {}
    for m in mentions:
        if _QUOTED_AS.match(blanked, m.end) and _QUOTED_BY.search(blanked, max(0, m.start - 80), m.start):
            bound[m] = ("quoted as saying", "source")
        elif (found := rules.bound_after.match(blanked, m.end)):
            bound[m] = (found.group("cue"), "subject")
        elif blanked.find(" by ", m.end, m.end + 200) != -1 and (found := rules.opening.match(blanked, m.end)):
            bound[m] = (found.group("cue"), "subject")
        elif (found := rules.bound_before.search(blanked, max(0, m.start - 240), m.start)):
            bound[m] = (found.group("cue"), "inverted")
        elif blanked.find(" by ", max(0, m.start - 160), m.start) != -1 and (
                found := rules.bound_passive.search(blanked, max(0, m.start - 200), m.start)):
            bound[m] = (found.group("cue"), "passive")
        elif blanked.endswith("to ", 0, m.start) and _ACCORDING.search(blanked, max(0, m.start - 20), m.start):
            bound[m] = ("according to", "source")
        elif " by " in blanked[max(0, m.start - 40):m.start] or " from " in blanked[max(0, m.start - 40):m.start]:
            found = rules.introduced.search(blanked, max(0, m.start - 80), m.start)
            # "In a briefing by …" opens the sentence; "…, which heard a briefing by X" makes no speaker
            if found and _OPENER.match(blanked, 0, found.start()):
                bound[m] = (" ".join(found.group().split()[:2]).lower(), "source")
    changed = True
    while changed:  # "Mr. Guterres, as well as Smail Chergui": both, however long the list
        changed = False
        for a, b in zip(mentions, mentions[1:]):
            if (a in bound) != (b in bound) and a.how != "group" and b.how != "group" \
                    and _COORDINATION.fullmatch(blanked, a.end, b.start):
                bound.setdefault(a, bound.get(b))
                bound.setdefault(b, bound.get(a))
                changed = True
    return [(m, *bound[m]) for m in mentions if m in bound]


#: A capitalised word right after a mention: a title goes on ("United Nations Secretary General …").
_TITLE_NEXT = re.compile(r"\s+[A-Z]")


def _subject(blanked: str, mentions):
    """The mention that is the subject of the sentence: at its start (after a dateline, an
    opening phrase or title words) and followed by a verb-like lower-case word."""
    for m in [m for m in mentions if m.how != "country"][:2]:
        if not _CLAUSE_START.match(blanked, 0, m.start):
            continue
        if _THEN_A_VERB.match(blanked, m.end):
            return m
        if not _TITLE_NEXT.match(blanked, m.end):
            return None
        # "United Nations Secretary General Ban Ki-moon Wednesday gave …": the words of a title go on
    return None


def _resolve(m, salient):
    """The speakers a mention means: a name's, a list's, or the one a description fits."""
    if m.how in ("name", "delegation") or m.plural:
        return m.names
    return _choose(m.names, salient)


def _is_past(cue: str) -> bool:
    first = cue.split()[0].lower()
    return first.endswith("ed") or first in _IRREGULAR_PAST


# The rules, in the order they are tried; each returns a _Decision or None (not this rule).

def _many_speakers(ctx):
    """1. "Many speakers …": the journalist sums up what nobody in particular said."""
    if not _QUANTIFIERS.isdisjoint(ctx.words) and any(map(ctx.folded.__contains__, _GROUP_HINTS)) \
            and (g := _GROUP.search(ctx.blanked)):
        return _Decision((), None, f"about speakers in general ({g.group()!r}): the journalist's summary",
                         ends_speech=True)
    return None


#: A preposition right before a mention: the mention is its object, no subject of a cue.
_AFTER_A_PREPOSITION = re.compile(r"\b(?:of|for|to|with|from)\s+(?:the\s+)?$")
#: The word that opens what a speaker reports: a cue's subject after it is inside the report.
_REPORTED_CLAUSE = re.compile(r"\bthat\b")


def _named(ctx):
    """2. A speaker named, described or given by their country, bound to a cue."""
    if not ctx.bound:
        return None
    names, cue, evidence = [], None, None
    first = min((m.start for m, _, _ in ctx.bound if m.names), default=None)
    if first is None:
        return None
    pron = ctx.rules.pronoun.search(ctx.blanked, 0, first) if ctx.may_cue and _has_pronoun(ctx) else None
    if pron is not None:
        return None  # "He said the Secretary-General had stressed …": the first frame is his
    reported = None  # where "that" opens what the first speaker named reports
    # "The president of Kiribati, Anote Tong, says": beside another subject, the object of a
    # preposition is none ("Ambassador Maleeha Lodhi of Pakistan said", alone, is Pakistan's delegate)
    objects = {m.start for m, _, how in ctx.bound if how == "subject"
               and _AFTER_A_PREPOSITION.search(ctx.blanked, max(0, m.start - 12), m.start)}
    if len(objects) == len(ctx.bound):
        objects = set()
    for m, c, how in sorted(ctx.bound, key=lambda b: b[0].start):
        who = _resolve(m, ctx.salient) if m.names else None
        if not who or m.start in objects:
            continue
        if reported is not None and reported < m.start:
            continue  # "Annan said late Thursday that Sudan has agreed …": what the first speaker reports
        if reported is None:
            that = _REPORTED_CLAUSE.search(ctx.blanked, m.end)
            reported = that.start() if that else len(ctx.blanked)
        names += who
        if evidence is None:
            cue = c
            if m.how == "description":
                evidence = (f"described as {m.label!r}: the registry's speaker whose role, organization "
                            f"and country fit" + ("s" if len(who) > 1 else ""))
                if len(m.names) > 1 and not m.plural:
                    evidence = f"described as {m.label!r}: of those it fits, the one named last"
            elif m.how == "country":
                evidence = f"the country {m.label!r} is the subject of {c!r}: its delegation"
            elif how == "passive":
                evidence = f"named as the one by whom it was {c!r}"
            elif how == "source":
                evidence = f"named as the source ({c!r})"
            else:
                evidence = "named in the sentence"
    if not names:
        return None
    return _Decision(tuple(dict.fromkeys(names)), cue, evidence)


def _has_pronoun(ctx) -> bool:
    """Whether the sentence has a word "he", "she", "they", "him", "her" or "them" (a quick test)."""
    return not ctx.words.isdisjoint(("he", "she", "they", "him", "her", "them"))


def _pronoun_target(pronoun, ctx, at):
    """Who a pronoun points to: the nearest speaker it fits (he, she), or the nearest group (they)."""
    registry = ctx.rules.registry
    if pronoun == "they":
        groups = [m for m in ctx.mentions if m.how == "group" and m.start < at]
        if groups:
            return (), f"pronoun 'they' points to the group {groups[-1].label!r} named before it", groups[-1].label
        if ctx.salient:
            names, group = ctx.salient[-1]
            if group:
                return (), f"pronoun 'they' points to the group {group!r}, no speaker of the registry", group
            if len(names) == 1:  # "they" is more than one: the last speaker and the one named before
                two = [names[0]] + [n for n in reversed(ctx.named_before) if n != names[0]][:1]
                if len(two) == 2:
                    order = ctx.named_before.index if all(n in ctx.named_before for n in two) else two.index
                    return (tuple(sorted(two, key=order)), "pronoun 'they' points to the last two speakers named",
                            None)
            return names, "pronoun 'they' carried from the last named speakers", None
        if len(ctx.named_before) > 1:
            # no one has spoken yet: the people named so far ("Norov and Jenca met …" then "They noted …")
            return tuple(ctx.named_before), "pronoun 'they' points to the speakers named before it", None
        return (), None, None
    here = [m.names for m in ctx.mentions if m.how == "name" and m.end <= at]
    if here and registry[here[-1][0]].pronoun in (pronoun, None):
        # "Al-Araby delivering a keynote address in which he underscored …": named before it, here
        return here[-1], f"pronoun '{pronoun}' points to {here[-1][0]}, named before it in the sentence", None
    singles = (names for names, group in reversed(ctx.salient) if not group and len(names) == 1)  # read up to a fit
    for n, names in enumerate(singles):
        known = registry[names[0]].pronoun
        if known == pronoun or (known is None and n == 0):
            if n == 0:
                return names, f"pronoun '{pronoun}' carried from the last named speaker", None
            return names, (f"pronoun '{pronoun}' does not fit the last speaker; carried from the last "
                           f"named speaker it fits"), None
    if not any(not group and len(names) == 1 for names, group in ctx.salient):
        # no one has spoken yet: the one person named so far that it fits ("… with its new president
        # Mr. Miguel d'Escoto." then "He said that …")
        fits = [n for n in ctx.named_before if registry[n].pronoun in (pronoun, None)]
        if len(fits) == 1:
            return (fits[0],), f"pronoun '{pronoun}' points to {fits[0]}, the one speaker named before it", None
    return (), None, None


def _pronoun(ctx):
    """3. "he/she/they" + cue, or "according to him/her": the nearest speaker the pronoun fits."""
    if not _has_pronoun(ctx):
        return None
    found = ctx.rules.pronoun.search(ctx.blanked) if ctx.may_cue else None
    if found is None and "ccording" in ctx.sentence.text:
        found = _ACCORDING_PRONOUN.search(ctx.blanked)
    if not found:
        return None
    said = found.group("pronoun").lower()
    pronoun = {"him": "he", "her": "she", "them": "they"}.get(said, said)
    cue = found.groupdict().get("cue") or "according to"
    names, evidence, group = _pronoun_target(pronoun, ctx, found.start())
    if group:
        return _group_spoke(ctx, group, evidence, cue)
    if not names:
        return _Decision((), None, f"{found.group()!r} but no speaker has been named yet")
    return _Decision(names, cue, evidence)


#: "That was the message of X", "This was the call from X": the sentence, and the one before it, are X's.
_MESSAGE_OF = re.compile(r"^\s*(?:This|That|Such|These|Those)\s+(?:was|is|were|are)\s+(?:also\s+)?(?:the\s+)?"
                         r"(?:message|call|appeal|plea|warning|words?|view|verdict|assessment)s?\s+(?:of|from)\s")


def _message_of(ctx):
    """3b. "That was the message of the United Nations Secretary General, Antonio Guterres, …": the
    speaker the sentence names after it (and the quotation before it, see _pointed_back)."""
    found = _MESSAGE_OF.match(ctx.blanked)
    if not found:
        return None
    for m in ctx.mentions:
        if m.start >= found.end() and m.how in ("name", "description") and m.names:
            who = _resolve(m, ctx.salient)
            if who:
                said = " ".join(found.group().split()[-2:])
                return _Decision(who, said, f"{found.group().strip()!r} names its speaker: {' + '.join(who)}")
    return None


def _subject_and_participle(ctx):
    """4. The subject of the sentence, with "…, saying/stating …" or "… and said": they speak."""
    rules = ctx.rules
    participles = rules.participle_hints & ctx.words
    if not ctx.may_cue or not (participles or "and" in ctx.words):
        return None
    blanked, subject = ctx.blanked, ctx.subject
    start = subject.end if subject else None
    pron = None
    if subject is None:
        pron = ctx.rules.subject_pronoun.search(blanked) if _has_pronoun(ctx) else None
        if not pron or not _CLAUSE_START.match(blanked, 0, pron.start()):
            return None
        start = pron.end()
    found = (rules.participle.search(blanked, start) if participles else None) \
        or (rules.coordinated_cue.search(blanked, start) if "and" in ctx.words else None)
    if not found:
        return None
    cue = found.group("cue")
    if pron is not None:
        pronoun = pron.group("pronoun").lower()
        names, evidence, group = _pronoun_target(pronoun, ctx, pron.start())
        if group:
            return _group_spoke(ctx, group, evidence)
        if not names:
            return None
        return _Decision(names, cue, f"{evidence}; {cue!r} reports what the subject '{pronoun}' said")
    if subject.how == "group":
        return _group_spoke(ctx, subject.label, f"an unnamed group ({subject.label!r}) is the subject of {cue!r}", cue)
    names = _resolve(subject, ctx.salient)
    if not names:
        return None
    return _Decision(names, cue, f"{subject.label!r} is the subject, and {cue!r} reports what they said")


def _group_spoke(ctx, label, why, cue=None):
    """What an unnamed group said ("UN diplomats said", "the Forum leaders called on"): narration,
    even inside someone's speech, where the reporter gives the group a voice of its own; but what
    a group holds, inside a speech ("Members of the organization believed …"), is the speaker's account."""
    if ctx.current and ctx.in_speech_paragraph and cue and " ".join(cue.lower().split()) in ctx.rules.belief:
        return _Decision(ctx.current, None, f"{why}, inside the speech of {' + '.join(ctx.current)}: "
                                            f"{cue!r} says what the speaker reports the group holds", group=label)
    return _Decision((), None, f"{why}: a group the registry does not list, so narration", ends_speech=True,
                     group=label)


#: The delegations named before, as a report goes on: "The representatives added that …".
_THE_DELEGATES = re.compile(r"[Tt]he\s+(?:representatives|delegates|delegations|envoys|ambassadors)")


#: Two people as one subject: "The two leaders", "Both sides", "The pair" (not "The two organizations").
_THE_TWO = (r"^(?:[A-Z][^,“”\"]{0,80},\s+)?(?:[Tt]he\s+two(?:\s+(?:leaders|men|women|sides|parties|officials|"
            r"ministers|ambassadors|Ambassadors|secretaries-general|heads|chiefs))?|Both(?:\s+(?:leaders|sides|men|"
            r"women|officials|parties|ministers|ambassadors|Ambassadors))?|The\s+(?:sides|parties|pair))")
#: The words one of which "the two" holds: the quick test before its search.
_THE_TWO_HINTS = frozenset(("two", "both", "sides", "parties", "pair"))
#: What "the two" agree on that is no word said: "agreed to look into …", "agreed on the development of …".
_AGREED_TO_DO = re.compile(r"agreed?\s+(?!that\b|on\s+the\s+need\b)")


def _the_two(ctx):
    """4b. "The two leaders welcomed …", "Both sides reaffirmed …" with a cue: the two people named
    last speak as one (not "agreed to" or "agreed on" a thing done, nor "discussed": no cue)."""
    if not ctx.may_cue or not _may_hold(ctx.words, _THE_TWO_HINTS):
        return None
    found = ctx.rules.the_two.match(ctx.blanked)
    if not found or _AGREED_TO_DO.match(ctx.blanked, found.start("cue")):
        return None
    two = ctx.named_last[-2:]
    if len(two) != 2:
        return None
    two = sorted(two, key=ctx.named_before.index)
    return _Decision(tuple(two), found.group("cue"), f"{found.group().split(' ' + found.group('cue'))[0].strip()!r}"
                                                    f" with {found.group('cue')!r}: the two speakers named last")


def _group(ctx):
    """5. An unnamed group bound to a cue ("UNSC member countries applauded …")."""
    for m, cue, _ in ctx.bound:
        if m.how == "group":
            last = ctx.last_speakers
            if (_THE_DELEGATES.fullmatch(m.label) and len(last) > 1
                    and all(ctx.rules.registry[n].name == ctx.rules.registry[n].country for n in last)):
                return _Decision(last, cue, f"{m.label!r}, the subject of {cue!r}, are the delegations named "
                                            f"before: {' + '.join(last)}")
            return _group_spoke(ctx, m.label, f"an unnamed group ({m.label!r}) is the subject of {cue!r}", cue)
    return None


def _introduced_only(ctx):
    """6. Speakers introduced with no cue ("… spoke in their capacities as Chairs"): narration."""
    if any(m.how == "delegation" for m in ctx.mentions):
        return _Decision((), None, "names speakers but reports nothing they said (no speech cue)", ends_speech=True)
    return None


#: A description that is its head alone: "the envoy", "The official", "the diplomat".
_BARE_HEAD = re.compile(rf"[Tt]he\s+(?:{'|'.join((*DELEGATE_HEADS, *CHIEF_HEADS, *OFFICIAL_HEADS))})")


#: Speech given in a statement: "X said in a statement", "according to a statement issued by …".
_IN_A_STATEMENT = re.compile(r"\b(?:[Ii]n|according\s+to)\s+(?:a|the|his|her|their|its)\s+(?:[\w-]+\s+)?statement\b")
#: A statement of a meeting or a council, no one speaker's: "a joint statement", "a presidential statement adopted".
_ISSUED_JOINTLY = re.compile(r"\b(?:joint|presidential)\s+statement|\bstatement\s+(?:was\s+)?(?:adopted|agreed)\b")
#: What a speaker issues, as the subject of a cue: "the statement said", "the communiqué noted".
_DOCUMENTS = frozenset(("statement", "communique", "communiqué", "release", "message", "letter"))


def _other_subject(ctx):
    """7. A cue whose subject is no speaker of the registry ("the presidency explained"): narration."""
    for m, cue, _ in ctx.bound:
        if m.how in ("description", "country") and not _resolve(m, ctx.salient):
            if (m.how == "description" and not m.names and len(ctx.current) == 1
                    and _BARE_HEAD.fullmatch(m.label)):
                # "The envoy added that …", with nothing said of which envoy: the one speaking
                return _Decision(ctx.current, cue, f"{m.label!r}, the subject of {cue!r}, says nothing but its "
                                                   f"head: the speaker going on, {ctx.current[0]}")
            why = "fits no speaker of the registry" if not m.names else "fits several speakers, none named yet"
            return _Decision((), None, f"{m.label!r} is the subject of {cue!r} but {why}", ends_speech=True,
                             described=(m.label, m.names) if m.how == "description" and not m.plural else ())
    rules = ctx.rules
    if not ctx.may_cue or rules.past_hints.isdisjoint(ctx.words):
        return None
    for found in rules.cue_places(ctx.blanked, rules.past_hints & ctx.words, rules.past_cue):
        cue = found.group()
        before = _LAST_WORD.search(ctx.blanked, max(0, found.start() - 80), found.start())
        after = ctx.blanked[found.end():].split(None, 1)
        if (before and before.group("word").lower() not in _NOT_A_SUBJECT
                and not (after and after[0].lower() in ("by", "in", "at", "during", "with", "as", "under", "from"))):
            cue = " ".join(cue.split())
            if ctx.in_speech_paragraph:
                return _Decision(ctx.current, None, f"the cue {cue!r} has no speaker as its subject, inside the "
                                                    f"speech of {' + '.join(ctx.current)}: what the speaker reports")
            person = _unlisted_name(ctx.blanked, before.end("word"))
            if person:
                return _Decision((), None, f"{person!r}, a name not in the speaker list, is the subject of {cue!r}: "
                                           "add them to the list if they speak", ends_speech=True)
            word, end = before.group("word").lower(), before.end("word")
            if word in _DOCUMENTS and ctx.statement_of:
                # "…,” the statement said.", after "X said in a statement": X's
                who = " + ".join(ctx.statement_of)
                return _Decision(ctx.statement_of, cue, f"the cue {cue!r} has a {word!r} as its subject: the "
                                                        f"statement {who} was said to speak in before")
            phrase = ctx.blanked[ctx.blanked.rfind(",", 0, end) + 1:end].split()  # "the top UN … official"
            return _Decision((), None, f"the cue {cue!r} has no speaker as its subject", ends_speech=True,
                             described=(" ".join(phrase[-8:]), ()) if word in _PERSON_HEADS else ())
    return None


def _unlisted_name(text: str, end: int) -> str | None:
    """The person's name that ends at ``end`` in ``text`` ("… Jane Doe", "Secretary-General Ban"), by the
    grammar's name recogniser; ``None`` for one capitalised word with no title ("Russia", "Moscow")."""
    offset = max(0, end - 80)
    runs = name_runs(text[offset:end])
    if not runs or runs[-1][-1].end + offset != end:
        return None
    run = runs[-1]
    at = len(run)
    while at and (name_like(run[at - 1]) or run[at - 1].kind == "particle"):
        at -= 1
    named = [w for w in run[at:] if name_like(w)]
    titled = at > 0 and (is_title(run[at - 1].base) or run[at - 1].base.lower() in HONORIFICS)
    if len(named) < 2 and not (named and titled):
        return None
    return text[offset + run[at].start:end]


#: Narration about the meeting and the scene: what was held, chaired, convened, signed or founded,
#: who the members of an organization are, what a debate focuses on. Whoever speaks around them,
#: these verbs report events and institutions, not words.
_SCENE_ANYWHERE = re.compile(
    r"\b(?:was|were)\s+(?:officially\s+|first\s+|formally\s+|jointly\s+)?"
    r"(?:chaired|convened|held|hosted|organi[sz]ed|co-chaired|presided\s+over|attended)\b"
    r"|\b(?:chaired|convened|co-chaired|hosted|opened|presided\s+over)\s+(?:the|a|an|its|this)\s+"
    r"(?:\w+\s+){0,3}(?:meeting|debate|session|summit|conference|event)\b"
    r"|\b(?:holds?|assumed|assumes|took\s+over)\s+the\s+(?:\w+\s+){0,2}presidency\b|\b(?:will|would)\s+focus\s+on\b"
    r"|^(?:(?:The|This|That|Its|Their)\s+(?:[\w-]+\s+){0,2}|(?=(?:discussions|talks|consultations)\b))"
    r"(?:meeting|debate|session|summit|event|discussion|conference|briefing|dialogue|talk|consultation|workshop|visit"
    r"|agreement|memorandum|mou|accord|resolution|declaration)s?(?:\s+(?:{BETWEEN_WORDS}))*\s+(?-i:[a-z])"
    r"|^(?:The|Its)\s+(?:[\w-]+\s+)?(?:goal|topic|theme|focus|aim|purpose|objective|agenda)s?\s+of\s+"
    r"(?:the|this|that|its)\b"
    r"|^Also\s+on\s+the\s+agenda\b"
    # who attended, who stood for a country: "In attendance at the IGAD meeting were …", "South Sudan was
    # represented by Foreign Minister Deng Alor …"
    r"|^(?:Also\s+)?(?:in\s+attendance|present)(?:\s+(?:at|during|for)\s+[^,;“”\"]{1,60}?)?\s+(?:were|was|are|is)\b"
    r"|\b(?:was|were|is|are)\s+represented\s+(?:at\s+[^,;“”\"]{1,60}?\s+)?by\b",
    re.IGNORECASE)
#: Facts of an organization's history and membership: narration even inside a speaker's paragraph.
_HISTORY_ANYWHERE = re.compile(
    r"\b(?:was|were)\s+(?:officially\s+|first\s+|formally\s+|jointly\s+)?"
    r"(?:established|founded|created|set\s+up|launched|signed)\b"
    r"|\b(?:comprises|comprising|consists\s+of|is\s+made\s+up\s+of)\b"
    r"|\bbecame\s+(?:[\w-]+\s+){0,2}members?\b|\bstatus\s+of\s+(?:an\s+)?observers?\b|\bdialogue\s+partners\b"
    r"|\bsigned\s+(?:the|a|an|its|this)\s+(?:\w+\s+){0,3}(?:declaration|agreement|memorandum|treaty)\b"
    r"|^(?:Established|Founded|Created|Set\s+up|Launched)\s+in\s+\d{4}\b"
    r"|\bmember\s+(?:states|countries)\s+(?:are|include)\b"
    # the vote on a text: "The resolution was supported by …", "… opposed the resolution", "… abstained"
    r"|\b(?:resolution|draft|text)\s+(?:was|were)\s+(?:adopted|supported|opposed|backed|rejected|approved|"
    r"co-sponsored|sponsored)\b"
    r"|\b(?:opposed|supported|backed|rejected|co-sponsored|sponsored)\s+the\s+(?:draft\s+)?resolution\b"
    r"|\babstained\b|\bvoted\s+(?:for|against|in\s+favou?r)\b",
    re.IGNORECASE)
#: Words one of which a sentence _HISTORY or _SCENE matches holds: the quick tests before the searches.
_HISTORY_HINTS = frozenset("""established founded created set launched signed comprises comprising consists made became
    status dialogue member resolution draft text opposed supported backed rejected co-sponsored sponsored abstained
    voted""".split())
_SCENE_HINTS = frozenset("""chaired convened held hosted organized organised presided attended opened holds hold
    presidency assumed assumes took focus meeting debate session summit event discussion conference briefing dialogue
    meetings debates sessions summits events discussions conferences briefings dialogues talks consultation
    consultations workshop workshops visit visits agreement agreements memorandum mou accord resolution resolutions
    declaration declarations goal topic theme aim purpose objective agenda attendance present represented""".split())
#: A byline or an agency's tag as a sentence of its own: "-Xinhua", "By Jane Doe", "(Reporting by …)",
#: "(end)", "Source: Bahrain News Agency", "--More", "(EU Neighbourhood Info)", a photo's caption
#: "(Photo above: …)".
_BYLINE = re.compile(r"^\s*(?:[-–—]\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}|\(?\s*(?:By|Reporting\s+by|Written\s+by|"
                     r"Edited\s+by)\s+[A-Z][^.]{0,60}?\)?"
                     r"|\(?\s*(?:end|ends|END|End)\s*\)?|[-–—]*\s*(?:END|End)\s*[-–—]*"
                     r"|(?:Source|SOURCE|Sources)\s*:\s*[A-Z][^.]{0,60}\.?|[-–—]+\s*(?:More|MORE)"
                     r"|\(\s*[A-Z][^()]{0,40}\)|\(\s*(?:Photo|Picture|Pictured|Image|File\s+photo)\b[^()]*\)\.?)\s*$")
#: What a speaker did rather than said, with no cue and no quotation: "He met with …", "The two
#: leaders earlier discussed …", "Zuma chaired the debate", "Peach then passed the floor to …",
#: "This came during X's meeting with …", "He is the Under-Secretary-General …". A subject (a name,
#: a pronoun, a noun phrase) and then, over any words between, a verb of doing in the simple past or
#: present ("had discussed" is reported speech, and is left alone).
_DID_ANYWHERE = re.compile(
    rf"^(?:[A-Z][^,“”\"]{{0,80}},\s+)?"
    rf"(?:(?:[A-Z][\w.’'-]*|the|two|three|both|all|of|and"
    rf"|[a-z]+(?:man|woman|person|leaders?|sides?|parties|officials?))\s+){{0,8}}"
    rf"(?:[A-Z][\w.’'-]*|[Hh]e|[Ss]he|[Tt]hey|the\s+(?:two\s+)?(?:leaders|sides|parties|officials))"
    rf"(?:,\s+(?:[A-Z][\w.’'-]*\s+){{0,5}}[A-Z][\w.’'-]*,)?"  # "…, Prof. Ekmeleddin Ihsanoglu, met"
    rf"(?:\s+(?:{BETWEEN_WORDS}))*\s+(?<!had\s)"
    r"(?:met|meets|held|holds|attended|attends|chaired|co-chaired|chairs|discussed|discuss|visited|visits|toured|"
    r"arrived|arrives|signed|signs|inked|vetoed|adopted|voted|deployed|appointed|elected"
    r"|(?:passed|gave|handed)\s+(?:over\s+)?the\s+floor)\b"
    r"|^(?:[A-Z][^,“”\"]{0,80},\s+)?[Tt]he\s+two\s+(?:sides|parties|leaders|organi[sz]ations|officials|heads)\s+"
    r"(?!(?:also\s+)?"
    r"(?:said|say|says|told|agreed|stressed|underlined|emphasi[sz]ed|noted|called|urged|welcomed|expressed)\b)"
    r"|\bmade\s+(?:the|his|her|their|these|those|this|that)\s+(?:appeal|remarks?|comments?|statements?|call|points?|"
    r"speech)\s+(?:at|during|in|on|while|before)\b"
    r"|^This\s+(?:came|comes)\s+(?:during|at|on|as|after|amid|in)\b"
    r"|^(?:[A-Z][\w.’'-]*\s+){1,6}(?:is|are)\s+(?:also\s+)?attending\b"  # "… Ban Ki-moon is attending the meeting"
    r"|\bmade\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}visit\b"  # "Ban made an unannounced visit to …"
    # a journey, planned or made: "Ban will leave for Paris late Wednesday", "… who have travelled to Tonga",
    # and an office taken: "Honore … took over as MINUSTAH chief in 2013"
    r"|\b(?:will|(?:is|are|was|were)\s+(?:due|scheduled|set|expected)\s+to)\s+(?:also\s+)?"
    r"(?:leave|travel|fly|head|depart)\s+(?:for|to)\b"
    r"|\b(?:left|travell?ed|flew|departed)\s+(?:for|to)\b|\btook\s+over\s+as\b"
    r"|^(?:He|She)\s+(?:is|was)\s+(?:also\s+)?(?:the|a|an)\s+(?:[\w-]+\s+){0,3}(?:[A-Z][\w-]*|[a-z]+-[a-z]+)"
    # the occasion of a speech: "Aboul Gheit’s remarks came during …", "The Secretary General’s address at
    # the summit is part of a visit …", "She was delivering her statement as the Council discussed …"
    r"|^(?:(?:The|His|Her|Their)\s+)?(?:[A-Z][\w.’'-]*\s+){0,5}?(?:[A-Z][\w.-]*[’']s\s+)?"
    r"(?:remarks|address|speech|statement|comments|visit|briefing|message)\b[^,;“”\"]{0,80}?\s"
    r"(?:came|comes|is\s+part|was\s+part|took\s+place|takes\s+place)\b"
    r"|\b(?:was|were)\s+(?:speaking|delivering|addressing|making)\b[^.;“”\"]{0,60}?\s(?:when|as|while|at|during)\s"
    r"|^(?:[A-Z][\w.’'-]*\s+){1,4}(?:spoke|was\s+speaking)\s+(?:at|during)\s")
#: The three, tried only where one of their first letters stands (see _starting_with): "was", "chaired",
#: "holds", "opened", "presided", "The", "Its" …; "comprises", "is made up", "became", "status", "dialogue",
#: "member", "Established", "Founded", "Launched" …; "made", or the start of the sentence. The first two
#: only where a word starts, too: with so many first letters, most places of a sentence pass the letter test.
_SCENE = re.compile(_starting_with("wchoptida", _SCENE_ANYWHERE.pattern, at_word=True), _SCENE_ANYWHERE.flags)
_HISTORY = re.compile(_starting_with("wcibsdmeflrtoav", _HISTORY_ANYWHERE.pattern, at_word=True),
                      _HISTORY_ANYWHERE.flags)
_DID = re.compile(_starting_with("mwiatlfd", _DID_ANYWHERE.pattern, or_at_start=True), _DID_ANYWHERE.flags)


#: Words one of which a sentence _DID matches holds (a quick test before the search), unless it
#: starts "This", "He" or "She" (_DID_START).
_DID_HINTS = frozenset("""met meets held holds attended attends chaired chairs discussed discuss visited visits toured
    arrived arrives signed signs inked vetoed adopted voted deployed appointed elected two made passed gave
    handed remarks address speech statement comments visit briefing message speaking delivering addressing
    making spoke attending leave travel fly head depart left travelled traveled flew departed took""".split())
_DID_START = re.compile(r"(?:This|He|She)\s")


def _may_hold(words, hints) -> bool:
    """The quick test before a search: whether ``words`` hold one of ``hints`` (``None``: search always)."""
    return hints is None or not hints.isdisjoint(words)


def _did(ctx):
    """8. What a speaker did, not said (met, held, attended, chaired, discussed, will travel to …): narration."""
    if ctx.blanked != ctx.sentence.text or ctx.bound:
        return None
    if not _may_hold(ctx.words, _DID_HINTS) and not _DID_START.match(ctx.sentence.text):
        return None
    found = _DID.search(ctx.sentence.text)
    if found:
        did = found.group().split(",")[-1].strip()
        return _Decision((), None, f"what someone did or is, not what they said ({did!r}): narration", ends_speech=True)
    return None


#: The text of a link left in the page: "Read the full speech.", ">> Click here for a full transcript".
_LINK = re.compile(r"^\s*(?:>+\s*)?(?:Read|Click|Watch|Download|See|View|Listen)\b[^.!?]{0,80}[.!]?\s*$")
#: "According to …" at the start of a sentence, whose source no rule found a speaker in.
_ACCORDING_START = re.compile(r"^\s*According\s+to\s+")


def _scene(ctx):
    """9. Narration about the meeting and the scene, a byline, or a source that is no speaker."""
    text = ctx.sentence.text
    if _BYLINE.match(text):
        return _Decision((), None, "a byline or an agency's tag: narration", ends_speech=True)
    if _LINK.match(text):
        return _Decision((), None, "the text of a link on the page: narration", ends_speech=True)
    if ctx.blanked != text:  # a sentence with quoted words is someone's
        return None
    if _ACCORDING_START.match(text) and not any(m.names for m in ctx.mentions):
        return _Decision((), None, "'according to' a source that is no speaker of the registry: the "
                                   "journalist's narration", ends_speech=True)
    words = ctx.words
    found = ((_HISTORY.search(ctx.blanked) if _may_hold(words, _HISTORY_HINTS) else None)
             or (_SCENE.search(ctx.blanked) if not ctx.in_speech_paragraph and _may_hold(words, _SCENE_HINTS)
                 else None))
    if found and not (ctx.subject is not None and ctx.subject.how != "group" and _resolve(ctx.subject, ctx.salient)
                      and not re.search(r"\b(?:signed|chaired|convened|hosted|opened|presided)\b", found.group(),
                                        re.IGNORECASE)):
        return _Decision((), None, f"narration about the meeting or the scene ({found.group().strip()!r})",
                         ends_speech=True)
    return None


def _heading(ctx):
    """10. A heading (a paragraph of one line with no final stop, not the cut end, not a quotation): narration."""
    text = ctx.sentence.text.rstrip(" ”\"’)")
    if ctx.alone and text and text[-1] not in ".!?…:;" and text.lstrip()[:1] not in _QUOTES_OPEN:
        return _Decision((), None, "a heading (a line of its own with no final stop): narration")
    return None


#: A sentence that opens with the speech it reports: "In his address to the summit, …", "During her remarks …".
_IN_THE_SPEECH = re.compile(r"\s*(?:In|During|Throughout)\s+(?:his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:address|speech|remarks|statement|briefing|presentation|intervention|message|"
                            r"comments|keynote|lecture|report)\b")


def _described_subject(ctx):
    """The sentence's subject, a description among the mentions too ("The Secretary-General will
    meet …"): a sentence with no cue was searched for names only (see _Rules.mentions)."""
    if ctx.may_cue or ctx.subject is not None:
        return ctx.subject  # descriptions were looked for, or a name is the subject already
    if ctx.described is None:
        mentions = ctx.rules.with_descriptions(ctx.blanked, ctx.mentions, ctx.words)
        ctx.described = (_subject(ctx.blanked, mentions) if mentions else None) or False
    return ctx.described or None


def _subject_goes_on(ctx):
    """11. In a report of speeches, a speaker as the subject of a verb that tells what they took up
    ("Lajcak turned first to …", "In his remarks, Amb. Mfumukeko briefed …"): that speaker. Another
    verb ("Draganov met regularly with …") is what the speaker going on reports. A sentence that
    opens with the speech ("In his remarks, …") needs no speech going on, and any verb tells what
    its subject said there ("In his address, Ishaq Dar called the OIC …")."""
    opens = _IN_THE_SPEECH.match(ctx.blanked)
    if not ctx.current and not opens:
        return None
    subject = _described_subject(ctx)
    if subject is None or subject.how not in ("name", "description") or not subject.names:
        return None
    found = ctx.rules.topic.match(ctx.blanked, subject.end)
    names = _resolve(subject, ctx.salient) if found or opens else None
    if not names:
        return None
    if not found:
        return _Decision(names, None, f"the sentence opens with the speech ({opens.group().strip()!r}) and "
                                      f"{subject.label!r} is its subject")
    verb = " ".join(ctx.blanked[found.start():found.end()].split()[-2:])
    return _Decision(names, None, f"{subject.label!r} is the subject of {verb!r}: what they took up in the speeches "
                                  "reported")


def _speaker_did(ctx):
    """12. The speaker going on as the subject of a sentence with no word of saying and no
    quotation ("Ban then began his encounter with …", "The Secretary-General will meet …"): what
    they did, not what they said: narration. A sentence that opens with the speech ("In his
    address to the summit, …") is still the speech; another speaker as the subject ("Draganov met
    regularly with …") is what the speaker going on reports."""
    if not ctx.current or ctx.blanked != ctx.sentence.text or _IN_THE_SPEECH.match(ctx.blanked):
        return None
    if ctx.may_cue:
        return None  # a word of saying ("said", "was pleased that")
    subject = _described_subject(ctx)
    who = _resolve(subject, ctx.salient) if subject is not None and subject.how in ("name", "description") else None
    if not who or not set(who) <= set(ctx.current):
        return None  # another speaker ("Draganov met regularly with …"): what the speaker going on reports
    return _Decision((), None, f"{subject.label!r}, whose speech goes on, is the subject, and no word of the sentence "
                               "reports speech: what they did, not what they said: narration", ends_speech=True)


#: The evidence of a sentence no rule gave to anyone; "This was announced by X" next may (_pointed_back).
_NO_ONE = "the journalist's narration: no speaker, no cue"


#: How many words of a sentence cut off by the page's end are too few to carry a speech on.
_CUT_WORDS = 3
#: A pronoun or a quotation mark first carries the speech going on, however few words are left.
_CARRIES_ON = re.compile(r"\s*(?:[“\"‘'«]|(?:He|She|They|We|I|His|Her|Their|Our)\b)")


#: What a speaker's words carried on in indirect speech often hold: a duty or a need ("the AU must …").
_MODAL = re.compile(r"\b(?:must|should|ought|needs?\s+to|cannot|can't|has\s+to|have\s+to)\b", re.IGNORECASE)
#: A determiner before an organization that opens a sentence: "The SCO …", "An IGAD summit …".
_ORG_OPENER = re.compile(r"\s*(?:(?:The|An?)\s+)?")


def _organization_opens(ctx) -> str | None:
    """The organization a sentence opens with as its subject ("The SCO, established in 2001, is …",
    "SADC and the UN also cooperate …"), not as a word of a title or a description ("The UN
    official …", "United Nations Secretary-General Ban Ki-moon …")."""
    rules = ctx.rules
    if rules.org_name is None:
        return None
    found = rules.org_name.match(ctx.blanked, _ORG_OPENER.match(ctx.blanked).end())
    if found is None:
        return None
    after = ctx.blanked[found.end():].lstrip(" ,;:(").split(None, 1)  # "The SCO, established in …"
    word = after[0].strip(",;:()") if after else ""
    if not word or word[:1].isupper() or word.lower() in rules.role_words or word.lower() in rules.head_words:
        return None
    return found.group()


def _country_opens(ctx) -> str | None:
    """The country a sentence opens with as its subject ("Egypt was the previous chair of the
    bloc …", "India, a founding member of the G77, …"), unless the speech going on is that
    country's: a delegate speaks of their country in the third person ("China has been a
    constructive participant …")."""
    rules = ctx.rules
    if rules.state_name is None:
        return None
    found = rules.state_name.match(ctx.blanked, _ORG_OPENER.match(ctx.blanked).end())
    if found is None or any(rules.registry[n].country == found.group() for n in ctx.current if n in rules.registry):
        return None
    return found.group()


def _continuation(ctx):
    """13. No cue: the speech going on continues, or it is the journalist's narration. The last words
    of a page cut short ("Special R", "Iraqi Prime") say too little to go on with anyone's speech,
    unless they open with a pronoun or a quotation mark ("He rei", "“It"). A new paragraph whose
    subject is an organization, with no quotation and no "must" or "should", is the journalist's
    background about it ("The SCO, established in 2001, is …"); so is one whose subject is a
    country no speaker going on speaks for ("Egypt was the previous chair of the bloc …")."""
    if ctx.current and ctx.cut_end and len(ctx.sentence.text.split()) <= _CUT_WORDS \
            and not _CARRIES_ON.match(ctx.sentence.text):
        return _Decision((), None, "the page's last words, cut off: too few to go on with anyone's speech")
    if ctx.current and not ctx.in_speech_paragraph and ctx.blanked == ctx.sentence.text \
            and not _MODAL.search(ctx.blanked):
        if org := _organization_opens(ctx):
            return _Decision((), None, f"a new paragraph whose subject is an organization ({org!r}), with no cue "
                                       "and no quotation: the journalist's background about it", ends_speech=True)
        if state := _country_opens(ctx):
            return _Decision((), None, f"a new paragraph whose subject is a country ({state!r}) no speaker going on "
                                       "speaks for, with no cue and no quotation: the journalist's background",
                             ends_speech=True)
    if ctx.current:
        return _Decision(ctx.current, None, "continuation of a speech paragraph" if ctx.in_speech_paragraph
                         else "continuation: a new paragraph with no cue and no new speaker")
    quoted_alone = ctx.sentence.text.lstrip()[:1] in _QUOTES_OPEN and not ctx.blanked.strip(" .,;:“”\"’«»")
    if ctx.last_speakers and quoted_alone:
        who = " + ".join(ctx.last_speakers)
        return _Decision(ctx.last_speakers, None, f"a quotation with no cue and no new speaker: {who}, the last "
                                                  "quoted, over the narration between")
    return _Decision((), None, _NO_ONE)


_RULE_ORDER = (_many_speakers, _named, _pronoun, _message_of, _subject_and_participle, _the_two, _group,
               _introduced_only,
               _other_subject, _did, _scene, _heading, _subject_goes_on, _speaker_did, _continuation)


def _attribute(sentences, rules: _Rules) -> list[Attribution]:
    out, current, last_paragraph = [], (), None
    described = []  # sentences of the lede whose cue has a described subject no speaker fits (_named_next)
    salient = deque(maxlen=12)  # a pronoun points to someone named in the last few sentences
    quote_open, quote_paragraph, quote_start = False, None, None
    paragraphs = [s.paragraph for s in sentences]
    ctx = _Context(None, "", rules, [], [], None, (), salient, False, False, False, "", set(), None)
    ctx.named_before, ctx.named_last = [], []
    for n, sent in enumerate(sentences):
        text = sent.text
        # a quotation goes on in the next paragraph when that opens with no quotation mark and
        # closes one ("[…] We are locked in a battle of ideas […],” said Thorbjørn Jagland)
        began_inside = quote_open and (sent.paragraph == quote_paragraph or _CLOSES_FIRST.match(text) is not None)
        blanked, quote_open, _ = blank_quotes(text, began_inside)
        quote_paragraph = sent.paragraph
        if not began_inside:
            quote_start = n if quote_open else None  # where a quotation that runs on opened
        folded = _fold(text)
        words = _words(folded)
        may_cue = rules.cue_hints is None or not rules.cue_hint.isdisjoint(words)
        may_bind = may_cue or not rules.source_hint.isdisjoint(words)  # what mentions() asks too
        mentions = rules.mentions(blanked, words if rules.cue_hints is not None else None, may_bind)
        ctx.sentence, ctx.blanked, ctx.mentions, ctx.described = sent, blanked, mentions, None
        ctx.bound = _bind(blanked, mentions, rules) if mentions and may_bind else []
        ctx.subject = _subject(blanked, mentions) if mentions else None
        ctx.current, ctx.in_speech_paragraph = current, bool(current) and sent.paragraph == last_paragraph
        ctx.alone = (n + 1 < len(sentences) and paragraphs[n + 1] != sent.paragraph
                     and (n == 0 or paragraphs[n - 1] != sent.paragraph))
        ctx.may_cue, ctx.folded, ctx.words = may_cue, folded, words
        ctx.previous_paragraph = paragraphs[n - 1] if n else None
        ctx.cut_end = n + 1 == len(sentences) and text.rstrip()[-1:] not in ".!?…:;\"”’)]"
        for rule in _RULE_ORDER:
            decision = rule(ctx)
            if decision is not None:
                break
        names = decision.names
        if decision.group:
            salient.append(((), decision.group))
        if names:
            current = ctx.last_speakers = names
            last_paragraph = sent.paragraph
            if decision.cue is not None:  # named, described or pointed to: a pronoun may point to them next
                salient.append((names, None))
        elif decision.ends_speech:
            current = ()
        subject = ctx.subject
        if subject is not None and decision.cue is None and subject.how != "group":
            # a named subject whose verb is no cue ("Lim Jock Hoi reviewed …"): the speech going on
            # goes on, but a "he" next points to them
            who = _resolve(subject, salient)
            if who:
                salient.append((who, None))
        for m in mentions:
            if m.how == "name":
                if m.names[0] not in ctx.named_before:
                    ctx.named_before.append(m.names[0])
                if m.names[0] in ctx.named_last:
                    ctx.named_last.remove(m.names[0])
                ctx.named_last.append(m.names[0])
        if "statement" in text:
            if _ISSUED_JOINTLY.search(text):
                ctx.statement_of = ()
            elif names and _IN_A_STATEMENT.search(text):
                ctx.statement_of = names
        cue = " ".join(decision.cue.split()).lower() if decision.cue and names else None
        out.append(Attribution(sent, names, cue, _kind(text, bool(names), blanked, began_inside),
                               decision.evidence))
        if cue is not None:  # a frame with a speaker and a cue (the first test of each)
            _split_frame(out, sentences, rules)
        if names:
            _pointed_back(out)
        if began_inside and not quote_open and quote_start is not None:
            _closed_quotation(out, quote_start)
        if described is not None:
            if decision.described and not ctx.last_speakers:
                described.append((n, decision))
            elif names and described:
                _named_next(out, described, decision)
            if names:
                described = None  # only the lede, before anyone is named
    return out


#: How far before the first speaker named a described speaker may stand (sentences).
_NAMED_NEXT_WITHIN = 3


def _named_next(out, described, decision) -> None:
    """A lede that describes its speaker ("…, the top UN political affairs official told the
    Council", "the bloc's senior-most diplomat said") before anyone is named: when the first
    speaker named with a cue follows within a few sentences, and fits the description where the
    description fits anyone, the lede is theirs."""
    last = out[-1]
    if decision.cue is None or len(last.speakers) != 1 or not last.evidence.startswith(("named", "described")):
        return
    for at, pending in described:
        label, fits = pending.described
        words = label.split()
        if (len(out) - 1 - at > _NAMED_NEXT_WITHIN or fits and last.speakers[0] not in fits
                or len(words) > 1 and words[-1].lower() in DELEGATE_HEADS and words[-2][:1].isupper()):
            continue  # too far, another's description, or a country's envoy ("the Azeri envoy")
        before = out[at]
        out[at] = Attribution(before.sentence, last.speakers, pending.evidence.split("'")[1] if "'" in pending.evidence
                              else None, before.kind if before.kind != "narration" else "indirect speech",
                              f"a lede that describes its speaker ({label!r}) before anyone is named: "
                              f"{last.speakers[0]}, the first speaker the report names next")


#: "This was announced by X", "That was the message of …": a sentence that gives the speaker of the
#: one before it.
_POINTS_BACK = re.compile(r"^\s*(?:This|That|These|It)\s+(?:was|were|has\s+been|had\s+been)\s+(?P<cue>[a-z]+)\s+by\s")


def _pointed_back(out) -> None:
    """When the last sentence is "This was announced by X …" and the one before it, in the paragraph
    before or its own, is narration with no cue, the sentence before is what X announced."""
    if len(out) < 2:
        return
    pointer, before = out[-1], out[-2]
    if not pointer.speakers or before.speakers or before.cue is not None or before.evidence != _NO_ONE:
        return
    found = _POINTS_BACK.match(pointer.sentence.text) or _MESSAGE_OF.match(pointer.sentence.text)
    if not found or pointer.sentence.paragraph - before.sentence.paragraph > 1:
        return
    out[-2] = Attribution(before.sentence, pointer.speakers, pointer.cue, before.kind if before.kind != "narration"
                          else "indirect speech", f"the next sentence, {found.group().strip()!r} …, says who said it")


#: Text whose first quotation mark closes a quotation (a curly one or a guillemet: a straight one may open).
_CLOSES_FIRST = re.compile(r"[^“”\"«»]*[”»]")
#: The evidence of a sentence no rule gave a speaker of its own: what a quotation's close may change.
_NO_SPEAKER_OF_ITS_OWN = ("continuation", _NO_ONE, "a quotation with no cue")


def _closed_quotation(out, start) -> None:
    """When the last sentence closes a quotation that opened sentences before (in its paragraph,
    or in the one before when this one opens with no quotation mark) and names its speaker with a
    cue ("… a battle with dogma, ideology, and propaganda,” said Thorbjørn Jagland"), the sentences
    inside the quotation are that speaker's too, where no rule gave them a speaker of their own."""
    close = out[-1]
    if not close.speakers or close.cue is None:
        return
    for at in range(start, len(out) - 1):
        inside = out[at]
        if inside.speakers != close.speakers and inside.evidence.startswith(_NO_SPEAKER_OF_ITS_OWN):
            out[at] = Attribution(inside.sentence, close.speakers, close.cue, "direct quote",
                                  f"inside a quotation that a later sentence closes with its speaker "
                                  f"({close.cue!r}): {' + '.join(close.speakers)}")


#: A frame left on its own by the sentence splitter after a quoted question or exclamation:
#: "“… together?” Al-Araby questioned." (a name or a pronoun and a cue, nothing else).
_SPLIT_FRAME_MAX_WORDS = 6


def _split_frame(out, sentences, rules) -> None:
    """When the last sentence is only "[Name] [cue]." and the one before it a quotation of its
    paragraph ending in "?" or "!" that no cue gave a speaker, the quotation is that speaker's."""
    if len(out) < 2:
        return
    frame, quote = out[-1], out[-2]
    if not frame.speakers or frame.cue is None or quote.cue is not None:
        return
    text, before = frame.sentence.text.strip(), quote.sentence.text.rstrip()
    if (frame.sentence.paragraph != quote.sentence.paragraph or len(text.split()) > _SPLIT_FRAME_MAX_WORDS
            or before[-2:] not in ("?”", '?"', "!”", '!"') or quote.speakers == frame.speakers):
        return
    out[-2] = Attribution(quote.sentence, frame.speakers, frame.cue, "direct quote",
                          f"a quotation whose frame the splitter cut off: the next sentence, {text!r}, "
                          f"says who said it")


def attribute(article, registry=None) -> list[Attribution]:
    """Who speaks in each sentence of ``article``, with the cue, the kind and the evidence.

    The words inside quotation marks are the speaker's own, so the rules read around them.
    The rules, tried in this order for every sentence (the first that applies decides):

    1. "Many/Some speakers …" → narration (the journalist sums up; nobody in particular).
    2. A speaker bound to a cue → them. Bound: as its subject, with adverbs or a time
       phrase between ("Ban noted", "Ban Ki-moon today emphasized", "Rashid Alimov,
       Secretary-General of …, said"); inverted after the words reported ("…, said its
       Secretary-General, Zhang Ming"); in the passive ("the points raised by Mr.
       Guterres"); as a source ("according to Valentin Rybakov", "Sputnik quoted Dujarric as
       saying"). The speaker may be
       named, introduced ("The representatives of Ukraine and the United States said"),
       described through the registry's role, organization and country ("the Pakistani
       envoy", "The chairperson of the OSCE", "top officials from the AU and the UN"), or
       given by their country as subject ("Pakistan has called for" → its delegation).
    3. "he/she/they" + cue, "according to him" → the nearest named speaker the pronoun
       fits (he vs she), or, before anyone has spoken, the one speaker named so far ("they":
       the speakers named so far); "they" after an unnamed group ("UNSC member countries") →
       that group, which is narration. "That was the message of X" → X.
    4. The subject of the sentence with a participle cue or a second verb that is one
       ("Lim Jock Hoi reviewed the progress, stating …", "… and said") → the subject.
    5. An unnamed group as the subject of a cue ("Council members stressed", "UN diplomats
       said") → narration, in its own voice; but what a group believes, inside a speaker's
       paragraph ("Members of the organization believed …"), is the speaker's account.
    6. Speakers introduced with no cue ("… spoke in their capacities as Chairs") → narration.
    7. A cue whose subject is no speaker of the registry ("the presidency explained",
       "the Tunisian representative said") → narration; a person's name the registry lacks
       is named in the evidence. But "the envoy", "the official" with nothing more said of
       them, while one speaker's speech goes on → that speaker; and "the statement said"
       after "X said in a statement" → X (a joint or a presidential statement is no one's).
    8. What someone did or is, not what they said, with no cue ("He met with …", "The two
       leaders earlier discussed …", "This came during …", "He is the Under-Secretary-General
       …", "made the appeal at …") → narration.
    9. Narration about the meeting and the scene, with its own evidence: what was chaired,
       convened, held, hosted or signed, who holds the presidency, what a debate "will focus
       on", a meeting as subject (outside a speaker's paragraph); an organization's history
       and members ("was established", "comprising", "member states are", even inside one);
       a byline, an agency's tag ("-Xinhua", "(end)") or a link's text; "According to" a
       source that is no speaker → narration.
    10. A heading (a paragraph of one line with no final stop) → narration.
    11. In a report of speeches, a speaker as the subject of a verb that tells what they took
       up ("Lajcak turned first to …", "Ban Ki-moon touched on …") → that speaker; and in
       a sentence that opens with the speech ("In his address, Ishaq Dar called …"), its
       subject, whatever the verb.
    12. The speaker going on as the subject of a sentence with no word of saying ("Ban then
       began his encounter with …", "The Secretary-General will meet …") → narration: what
       they did, not what they said ("In his address to the summit, …" is still the speech).
    13. No cue at all → the speech going on continues, or narration (the page's last words cut
       short; a new paragraph about an organization, or about a country the speaker going on does
       not speak for); a quotation with no cue after narration is the last speaker's. A named
       subject whose verb reports no speech ("Lim Jock Hoi reviewed …") outside a speech does
       not take the sentence, but a "he" after it points to them.

    Two sentences are read together afterwards. A quotation ending in "?" or "!" that no cue
    gave a speaker, followed by a frame the sentence splitter left alone ("Aboul Gheit
    questioned."), is the frame's speaker's; and a sentence of narration followed by "This
    was announced by X" or "That was the message of X" is X's. And a lede whose cue has a
    described subject no speaker fits ("…, the top UN political affairs official told the
    Security Council"), before anyone is named, is the first speaker named with a cue within
    the next three sentences. A quotation that runs over several sentences (into the next
    paragraph, when that opens with no quotation mark) and closes with its speaker ("…,” said
    Thorbjørn Jagland") is that speaker's throughout, where no rule gave a sentence of it a
    speaker of its own.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        registry: deprecated: pass ``analyse(article, speakers=…)`` as ``article``.

    Returns:
        One :class:`Attribution` per sentence, in order. Results are cached per article.

    >>> from helpers import load_article
    >>> a = attribute(load_article())
    >>> a[15].speakers, a[15].cue
    (('Ukraine', 'United States'), 'said')
    >>> a[63].speakers, a[63].evidence
    (('Tanmaya Lal',), "pronoun 'she' carried from the last named speaker")
    """
    a = analysis_of(article, registry=registry, caller="attribute")
    return list(a.memo("attributions", lambda: tuple(_attribute(
        a.article.sentences, _rules(a.speakers, a.cues, a.alias_key, a.belief_cues, a.countries)))))


# --- the naive baseline ---------------------------------------------------------------

@lru_cache(maxsize=8)
def _naive_pattern(forms: tuple[str, ...]):
    return re.compile(_word_alternatives(sorted(forms, key=len, reverse=True))) if forms else None


def naive_attribution(article, registry=None) -> list[Attribution]:
    """The naive rule: every sentence belongs to the last speaker's name seen so far.

    It knows the registry's names and aliases but nothing about cues, pronouns or
    narration: it is what the rules of :func:`attribute` are measured against.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        registry: deprecated: pass ``analyse(article, speakers=…)`` as ``article``.

    Returns:
        One :class:`Attribution` per sentence, in order; ``cue`` is always
        ``None`` and ``speakers`` holds at most one name.

    >>> from helpers import load_article
    >>> naive = naive_attribution(load_article())
    >>> naive[15].speakers, naive[13].speakers
    (('Ukraine',), ('Russian Federation',))
    """
    a = analysis_of(article, registry=registry, caller="naive_attribution")
    forms = _rules(a.speakers, a.cues).registry_forms
    name = _naive_pattern(tuple(forms))
    out, last = [], ()
    for sent in a.article.sentences:
        found = list(name.finditer(sent.text)) if name is not None else []
        if found:
            last = (forms[found[-1].group()],)
        out.append(Attribution(sent, last, None, _kind(sent.text, bool(last)),
                               "the last speaker's name seen so far" if last else "no name seen yet"))
    return out
