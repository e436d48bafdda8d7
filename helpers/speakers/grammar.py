"""The grammar of reporting: how a report names its speakers and says that they spoke.

One vocabulary for the two readers of speakers: the scaffold, which finds who speaks in a
new article and drafts its speaker list (:mod:`helpers.scaffold`), and the rules, which
attribute each sentence (:mod:`helpers.speakers.rules`). This module owns the speech cues
(the editable ``data/speakers.cues.txt``, :func:`load_cues`), the words of titles and roles
and the heads of descriptions ("the envoy", "the head of …"), the titles of address and the
pronoun they give, the words that may stand between a subject and its cue, the patterns
that introduce speakers ("Also briefing the Council were …", "the representatives of …"),
and the name recogniser (:func:`name_runs`). It decides nothing about a sentence and never
writes a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import DataFileError, data_file, file_stamp, read_text

__all__ = ["load_cues", "cue_kinds", "cue_alternatives", "spellings", "family_name", "demonyms", "name_words",
           "name_runs", "name_like", "is_title", "is_role_plural", "has_role", "blank_quotes"]


#: The kind of cue that reports what a speaker holds rather than what they said ("believed",
#: "agreed"): a section of ``data/speakers.cues.txt``, named by its heading.
BELIEF = "belief and agreement"
#: A heading of the cue file: "# --- belief and agreement (speech reporting …) ------".
_SECTION = re.compile(r"^#\s*-{2,}\s*(?P<title>[^-(][^(]*?)\s*(?:\(.*)?-*\s*$")


@lru_cache(maxsize=4)
def _cue_file(path: str, stamp) -> dict[str, str]:
    """The cue file read once: each cue, lower-cased and once, in file order, with its heading."""
    kinds, section = {}, ""
    for number, line in enumerate(read_text(path).split("\n"), start=1):
        line = line.strip()
        heading = _SECTION.match(line)
        if heading:
            section = heading.group("title").lower()
        elif line and not line.startswith("#"):
            if "\t" in line:
                raise DataFileError(path, f"{line!r} contains a tab", "write one entry per line", line=number)
            kinds.setdefault(line.lower(), section)
    if not kinds:  # with no cue every sentence would look like speech: refuse, do not guess
        raise DataFileError(path, "the file lists no speech cue, so no sentence can be attributed",
                            "restore the kit's speakers.cues.txt, or write one cue a line (said, noted, "
                            "called for …)")
    return kinds


def load_cues(path=None) -> tuple[str, ...]:
    """The speech cues of ``data/speakers.cues.txt`` (or ``path``), lower-cased, repeats dropped.

    Args:
        path: another cue file, one cue a line; ``None`` for the kit's.

    Returns:
        A tuple of cues in file order. The file is read again only when it changes.

    Raises:
        DataFileError: the file lists no cue, or cannot be read.

    >>> cues = load_cues()
    >>> "said" in cues, "called for" in cues
    (True, True)
    """
    path = data_file("speakers.cues.txt", path)
    return tuple(_cue_file(str(path), file_stamp(path)))


def cue_kinds(path=None) -> dict[str, str]:
    """The kind of each cue: the heading of its section in ``data/speakers.cues.txt`` (or ``path``).

    Args:
        path: another cue file; ``None`` for the kit's.

    Returns:
        ``{cue: kind}``, lower-cased; a cue above any heading has the kind ``""``.

    Raises:
        DataFileError: as :func:`load_cues` (the same reading of the same file).

    >>> kinds = cue_kinds()
    >>> kinds["said"], kinds["believed"]
    ('neutral: saying, telling, stating', 'belief and agreement')
    """
    path = data_file("speakers.cues.txt", path)
    return dict(_cue_file(str(path), file_stamp(path)))


def cue_alternatives(cues) -> str:
    """A regular expression that matches any of ``cues``, the longest first, any spaces between words.

    Args:
        cues: speech cues, as :func:`load_cues` gives them.

    Returns:
        The alternatives joined with ``|`` (no group around them); ``""`` for no cue.

    >>> import re
    >>> re.fullmatch(cue_alternatives(["said", "called for"]), "called  for") is not None
    True
    """
    return "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(cues, key=len, reverse=True))


# --- quotations --------------------------------------------------------------------------

#: The quotation marks: straight, curly and guillemets.
_QUOTE_MARK = re.compile("[“”\"«»]")
_NOT_QUOTE_OR_SPACE = re.compile(r'[^ “”"«»]')


def blank_quotes(text: str, inside: bool = False) -> tuple[str, bool, bool]:
    """``text`` with every character inside quotation marks turned into a space.

    A mark is read as opening or closing by what touches it: an opening mark stands
    before a word (“We), a closing one after a word or a stop (so,” — also when it was
    typed as an opening mark, "threats, “ he said"; two closing single quotes, ’’, close a
    quotation too); guillemets say which they are (« … »). A
    sentence may start inside a quotation opened in an earlier sentence (``inside``).

    Args:
        text: a sentence.
        inside: whether it starts inside a quotation opened before it.

    Returns:
        The blanked text, whether the sentence ends inside a quotation, and whether any
        of it was quoted.

    >>> blank_quotes('“We stand ready,” Ban said.')[0]
    '“               ” Ban said.'
    """
    if "’’" in text:  # two closing single quotes typed for a closing double one
        text = text.replace("’’", "’”")
    if not inside and "“" not in text and "”" not in text and '"' not in text and "«" not in text \
            and "»" not in text:  # the marks of _QUOTE_MARK
        return text, False, False
    marks = [m.start() for m in _QUOTE_MARK.finditer(text)]
    spans, start = [], 0 if inside else None  # the quoted stretches, and where an open one began
    real = _NOT_QUOTE_OR_SPACE.search(text)  # the first character that is neither a mark nor a space
    real = real.start() if real else len(text)
    for i in marks:
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opening = text[i] == "«" or (text[i] in "“\"" and not after.isspace()
                                     and (before.isspace() or before in "([—–-:"))
        if start is None:
            if opening:
                start = i + 1
            elif real < i:  # a closing mark with no opening, after words: the sentence began quoted
                spans.append((0, i))
        elif not opening:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    pieces, at = [], 0  # the text is built once: rebuilt for each span, a long quoted sentence took minutes
    for b, e in sorted(spans):  # spans may overlap: (0, i) after a quotation, for a mark with no opening
        b = max(b, at)
        if e > b:
            pieces += [text[at:b], " " * (e - b)]
            at = e
    pieces.append(text[at:])
    return "".join(pieces), start is not None, any(e > b for b, e in spans)


# --- titles and roles ------------------------------------------------------------------

#: Nouns that make a phrase a role ("Secretary-General of ...", "head of the mission").
ROLE_NOUNS = frozenset("""
    secretary-general under-secretary-general assistant-secretary-general secretary undersecretary
    minister representative representatives ambassador envoy president vice-president chair vice-chair
    chairman chairwoman chairperson chair-in-office chairperson-in-office chairman-in-office head
    director director-general commissioner coordinator spokesperson spokesman spokeswoman adviser
    advisor chief delegate observer officer leader governor premier emir king queen mayor senator
    counsellor counselor rapporteur prosecutor registrar commander
""".split())
#: Words that stand in a title before or after the role noun ("Permanent", "Foreign", "Mr").
TITLE_WORDS = ROLE_NOUNS | frozenset("""
    general deputy high special permanent foreign prime executive acting interim former first vice
    senior principal alternate resident mr mrs ms miss dr prof professor sir dame madam mister
    h.e excellency his her honourable honorable sheikh prince princess lord lady justice judge amb
""".split())
#: Honorifics that say whether a person is "he" or "she".
HONORIFICS = {"mr": "he", "mister": "he", "sir": "he", "lord": "he", "ms": "she", "mrs": "she",
               "miss": "she", "madam": "she", "dame": "she", "lady": "she"}
#: Words of institutions' names: never in a person's name, nor in a country's.
INSTITUTION_WORDS = frozenset("""
    council committee organization organisation nations union office department agency commission
    centre center mission group league assembly court bank fund programme program treaty security
    ministry government parliament process declaration charter framework partnership peace cooperation
    co-operation affairs community forum summit conference association institute university party army
    forces force news press times post daily service system network international national world war
    presidency secretariat directorate board bureau panel authority operations policy strategy plan
    agenda initiative report resolution convention protocol accord agreement act law code tribunal
    police media photo rights watch house aid relief health development foundation studies journal
    tribune herald gazette radio television channel member members state
    organizations organisations regional sub-regional subregional bodies nations
""".split())
#: Words of places, days and months: never in a person's name.
PLACE_AND_TIME_WORDS = frozenset("""
    asia africa europe america americas pacific atlantic arctic middle east west north south central
    eastern western northern southern island islands sea ocean gulf region river coast peninsula new
    territory territories province district county valley basin desert strait bay lake mountains heights
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december today yesterday
""".split())
#: Words of countries' names that would pass for a person's name ("Sri Lanka said").
COUNTRY_WORDS = frozenset("""
    republic federation confederation principality duchy states kingdom emirates united arabia lanka rica
    faso leone guinea zealand korea sudan timor verde bissau marino lucia kitts tome herzegovina macedonia
""".split())
#: Words that never stand in a person's name.
NOT_NAME = INSTITUTION_WORDS | PLACE_AND_TIME_WORDS | COUNTRY_WORDS
#: Words that never stand in a country's name: institutions, titles, days and months.
NOT_COUNTRY = INSTITUTION_WORDS | TITLE_WORDS | (PLACE_AND_TIME_WORDS - frozenset(
    "asia africa europe america americas pacific atlantic arctic middle east west north south central "
    "eastern western northern southern island islands sea ocean gulf region river coast peninsula new".split()))
#: Small words a name may hold between its capitalised words ("Ursula von der Leyen").
PARTICLES = frozenset("von van der den de del della di da dos das du la le al el bin ibn ben".split())
#: Verbs that say someone spoke without reporting what they said: such a person is a speaker
#: too ("Also speaking were ...", "who also addressed the Council").
SPOKE = ("spoke", "speaks", "addressed", "addresses", "briefed", "briefs", "presented", "delivered",
         "made presentations", "made a presentation", "made statements", "made a statement", "took the floor")
#: Phrases that introduce a speaker's name ("according to X", "a briefing by X").
INTRODUCERS = ("according to", "briefing by", "briefings by", "statement by", "statements by",
                  "remarks by", "address by", "speech by", "heard from")
#: Cues whose object is a person: the name after them is who was addressed, not who spoke.
OBJECT_CUES = re.compile(r"(?:urg|call|ask|invit|encourag|thank|congratulat|welcom|prais|commend|laud|hail|applaud|"
                          r"told|tell|inform|request|appeal|press|question|accus|criticiz|criticis|denounc|decri|"
                          r"condemn)", re.IGNORECASE)
#: "Also briefing the Council were A, title, B, title, and C, title": everyone in the list speaks.
ALSO_BRIEFING = re.compile(r"\bAlso\s+(?:briefing|speaking|addressing|taking\s+the\s+floor)\b[^.;]{0,40}?\s+(?:were|was)\s+"
                            r"|\b(?:were\s+)?briefed\s+by\s+|\bbriefings\s+(?:were\s+given\s+)?by\s+")
SPEAKING = ("spoke", "speak", "speaks", "speaking", "addressed", "briefed", "statement", "statements")

NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
APOSTROPHES = "'’"
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|" \
         r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"


#: "the representatives of", "the delegation of": a list of countries follows.
REPRESENTATIVES_OF = re.compile(r"\b(?:[Rr]epresentatives?|[Dd]elegations?)\s+of\s+")
#: "The United Kingdom's representative", "China's delegation".
OWNERS_REPRESENTATIVE = re.compile(
    rf"(?P<the>\b[Tt]he\s+)?(?P<name>(?:[A-Z][^\W\d_]*\s+)*?[A-Z][^\W\d_]*)(?:[{APOSTROPHES}]s|(?<=s)[{APOSTROPHES}])\s+"
    r"(?:[Pp]ermanent\s+)?(?:[Rr]epresentatives?|[Dd]elegat\w+)\b")

#: The heads of a description that every speaker list understands, whatever its roles say
#: ("the Pakistani envoy", "the UN chief", "the chair of the OSCE", "an AU official").
DELEGATE_HEADS = ("diplomat", "envoy", "ambassador", "representative", "delegate", "delegation")  # has a country
CHIEF_HEADS = ("chief", "head", "leader", "boss")      # the top official of an organization
CHAIR_HEADS = ("chair", "chairperson", "chairman", "chairwoman")  # chairs an organization
OFFICIAL_HEADS = ("official",)                        # an organization's official
#: The posts that head an organization: what "the UN chief" or "the head of the OSCE" can be.
TOP_POSTS = frozenset(("secretary-general", "director-general", "president", "head", *CHAIR_HEADS))
#: Nouns that name a group of people, never one listed speaker: "UNSC member countries",
#: "Council members", "speakers at the Council".
GROUP_HEADS = ("country", "member", "state", "nation", "speaker", "participant", "party", "government")
#: Titles of address before a name ("Mr. Guterres", "Ambassador Quy"): the honorifics and these.
ADDRESS_TITLES = ("Mr.", "Mr", "Ms.", "Ms", "Mrs.", "Mrs", "Miss", "Mister", "Sir", "Madam", "Dame", "Lord", "Lady",
                  "Dr.", "Dr", "Prof.", "Prof", "Professor", "Ambassador", "Amb.", "H.E.", "H.E")
#: Titles written short, and the title each stands for: "the SG said", "The UNSG thanked".
SHORT_TITLES = {"sg": "secretary-general", "unsg": "secretary-general", "dsg": "deputy-secretary-general",
                "usg": "under-secretary-general", "asg": "assistant-secretary-general",
                "srsg": "representative"}
#: Verbs that tell what a speaker took up, not their words: "Lajcak turned first to …", "Ban Ki-moon
#: touched on …". No cue, but in a report of speeches the sentence is that speaker's.
TOPIC_VERBS = ("turned to", "turned first to", "then turned to", "touched on", "touched upon", "focused on",
               "focussed on", "dwelt on", "dwelled on", "briefed", "reviewed", "outlined", "raised", "appreciated",
               "committed to", "spoke of", "spoke about", "made this known", "made it known", "went on to")
#: Verbs that open a speech whose words a participle after "by" gives: "Mogherini began by stressing".
OPENING_VERBS = ("began", "begins", "started", "starts", "opened", "opens", "concluded", "concludes", "ended", "ends",
                 "closed", "closes")

_ADDRESS = frozenset(t.lower().rstrip(".") for t in ADDRESS_TITLES)

# --- time and the words between a subject and its cue ----------------------------------

WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#: What may stand between a subject and its cue: auxiliaries, adverbs ("today", "also",
#: "strongly") and time phrases ("on Thursday", "on March 7", "Tuesday", "this morning").
BETWEEN_WORDS = (r"has|have|had|would|will|did|also|then|again|further|later|earlier|first|once|still|now|too"
                 r"|both|jointly|together|each|all|as\s+well"
                 r"|today|yesterday|tonight|however|meanwhile|[a-z]+ly"
                 rf"|(?:on\s+)?{WEEKDAY}|on\s+{MONTH}\s+\d{{1,2}}|on\s+\d{{1,2}}\s+{MONTH}"
                 r"|this\s+(?:morning|afternoon|evening|week|month|year)|last\s+(?:week|month|year|night)"
                 r"|(?:for|on)\s+(?:his|her|their|its)\s+part|in\s+(?:his|her|their|its\s+)?turn"
                 r"|on\s+the\s+other\s+hand")

# --- the name recogniser ---------------------------------------------------------------

@dataclass(frozen=True)
class Word:
    """A word of a text, for the name recogniser: where it is, without its possessive, and its kind."""

    start: int
    end: int
    base: str  # the word without a possessive "'s"
    poss: bool
    kind: str  # cap | acr | particle | low


def spellings(name: str) -> tuple[str, ...]:
    """The ways a text may write ``name`` when it differs only in the case of a name's inner parts,
    or in capitals throughout (a name of two words or more, as press releases write a speaker).

    Reports disagree on the capital after a hyphen ("Ban Ki-moon", "Ban Ki-Moon") and on the
    capital of a particle ("Nabil el-Araby", "Nabil El-Araby", "Al-Sisi" at the start of a
    sentence); a speaker list gives one of them. Only a particle changes its first letter, so a
    word of a name is never read as an ordinary word of the sentence.

    Args:
        name: a name or an alias as a speaker list writes it.

    Returns:
        ``name`` first, then each other spelling once.

    >>> spellings("Ban Ki-moon")
    ('Ban Ki-moon', 'Ban Ki-Moon', 'BAN KI-MOON')
    >>> spellings("Nabil el-Araby")
    ('Nabil el-Araby', 'Nabil El-Araby', 'NABIL EL-ARABY')
    >>> spellings("al-Sisi")
    ('al-Sisi', 'Al-Sisi')
    >>> spellings("Ahmed Aboul Gheit")
    ('Ahmed Aboul Gheit', 'AHMED ABOUL GHEIT')
    """
    def inner(word: str, upper: bool) -> str:  # "Ki-moon" / "Ki-Moon"; a particle's own word stays
        parts = word.split("-")
        return "-".join(parts[:1] + [p if not p or parts[k].lower() in PARTICLES
                                     else (p[0].upper() if upper else p[0].lower()) + p[1:]
                                     for k, p in enumerate(parts[1:])])

    def particle(word: str, upper: bool) -> str:  # "al-Sisi" / "Al-Sisi", "bin" / "Bin"
        head, sep, rest = word.partition("-")
        if head.lower() not in PARTICLES:
            return word
        return (head.capitalize() if upper else head.lower()) + sep + rest

    words = name.split(" ")
    out = [name]
    for upper in (True, False):
        for form in (" ".join(inner(w, upper) for w in words),
                     " ".join(particle(w, upper) for w in words)):
            if form not in out:
                out.append(form)
    if len(words) > 1 and name.upper() not in out:
        out.append(name.upper())  # "JOSEP BORRELL FONTELLES, High Representative …": the UN's press releases
    return tuple(out)


#: The words after a family name that tell a generation ("Tommy Remengesau Jr.").
GENERATIONS = frozenset(("jr", "sr", "ii", "iii", "iv"))


def family_name(name: str) -> str:
    """The last word of ``name`` that is not a generation's mark ("Jr.", "III").

    Args:
        name: a person's name.

    Returns:
        That word as written ("" for an empty name).

    >>> family_name("Tommy Remengesau Jr."), family_name("Ban Ki-moon")
    ('Remengesau', 'Ki-moon')
    """
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(".,") in GENERATIONS:
        words.pop()
    return words[-1] if words else ""


def demonyms(country: str) -> set[str]:
    """Words that may stand for a country before a noun: "Pakistani", "Belarusian", "Slovak".

    Built by the regular English patterns from the name itself (the name, or its stem
    without a final -a/-e/-ia/-y/-es/-stan, + -n/-an/-ian/-i/-ese/-ish); irregular ones
    ("French", "British") are not derived, and some words made are no English word.

    Args:
        country: a country's name as a speaker list or a report writes it.

    Returns:
        The name itself, its first word when it has several ("Russian" of "Russian
        Federation"), and the words derived; none shorter than three letters.

    >>> "Pakistani" in demonyms("Pakistan"), "Pakistan" in demonyms("Pakistan")
    (True, True)
    >>> {"Russian", "Kenyan", "Chinese", "Belgian"} <= (demonyms("Russian Federation") | demonyms("Kenya")
    ...                                                 | demonyms("China") | demonyms("Belgium"))
    True
    """
    out = {country}
    words = [w for w in country.split() if w[:1].isupper()]
    if len(words) > 1:
        out.add(words[0])  # "Russian Federation": "Russian"
    base = words[-1] if words else country
    stems = {base} | {base[:-len(end)] for end in ("ia", "a", "e", "y", "es", "stan", "um") if base.endswith(end)}
    for stem in stems:
        out.update(stem + end for end in ("", "n", "an", "ian", "i", "ese", "ish"))
    return {w for w in out if len(w) > 2}


def name_words(text: str) -> list[Word]:
    """The words of ``text``, each with its kind: "cap" (capitalised), "acr", "initial", "particle", "low".

    Args:
        text: a sentence or a phrase.

    Returns:
        :class:`Word` items in text order; a possessive "'s" is left out of ``base`` and noted in ``poss``.

    >>> [(w.base, w.kind, w.poss) for w in name_words("Pakistan's envoy, Ms. Lodhi")]
    [('Pakistan', 'cap', True), ('envoy', 'low', False), ('Ms', 'cap', False), ('Lodhi', 'cap', False)]
    """
    out = []
    for m in NAME_WORD.finditer(text):
        word, end, poss = m.group(), m.end(), False
        if len(word) > 2 and word[-2] in APOSTROPHES and word[-1] == "s":
            word, poss = word[:-2], True
        elif word.endswith("s") and text[end:end + 1] in APOSTROPHES and not text[end + 1:end + 2].isalnum():
            poss = True  # "Belarus' representative"
        if word[0].isupper() and any(c.islower() for c in word):
            kind = "cap"
        elif "-" in word and word.split("-")[-1][:1].isupper():
            kind = "cap"  # "al-Thani"
        elif len(word) == 1 and word.isupper() and (text[end:end + 1] == "." or word not in "AI" and (
                text[end:end + 1] == " " and text[end + 1:end + 2].isupper() and m.start() > 0
                and text[m.start() - 1] != ".")):
            kind = "initial"  # "T.S. Tirumurti", "S Jaishankar" (never "A", "I" or the "E" of "H.E")
        elif word.isupper() and len(word) > 1:
            kind = "acr"
        elif word.lower() in PARTICLES:
            kind = "particle"
        else:
            kind = "low"
        out.append(Word(m.start(), m.start() + len(word), word, poss, kind))
    return out


def name_runs(text: str, toks: list[Word] | None = None) -> list[list[Word]]:
    """Runs of capitalised words one space apart ("Mr. Ban" too); a possessive ends a run.

    Args:
        text: a sentence.
        toks: its :func:`name_words`, when already made.

    Returns:
        Lists of :class:`Word`, one list a run, in text order; a run never ends with a particle.

    >>> [[w.base for w in run] for run in name_runs("Ursula von der Leyen met Mr. Ban in New York.")]
    [['Ursula', 'von', 'der', 'Leyen'], ['Mr', 'Ban'], ['New', 'York']]
    """
    toks = name_words(text) if toks is None else toks
    runs, run = [], []
    for t in toks:
        if run:
            prev = run[-1]
            gap = text[prev.end:t.start]
            joined = (not prev.poss and t.kind in ("cap", "particle", "initial")
                      and (gap == " " or gap == ". " and prev.base.lower() in _ADDRESS
                           or prev.kind == "initial" and gap in (".", ". ")))
            if joined:
                run.append(t)
                continue
            runs.append(run)
            run = []
        if t.kind in ("cap", "initial"):
            run = [t]
    if run:
        runs.append(run)
    for r in runs:  # a name never ends with "de" or "al"
        while r and r[-1].kind == "particle":
            r.pop()
    return [r for r in runs if r]


def is_title(word: str) -> bool:
    """Whether ``word`` is a word of a title ("Minister", "Permanent", "Mr.").

    Args:
        word: one word.

    Returns:
        True for a role noun or a word that stands in a title.

    >>> is_title("Ambassador"), is_title("Lodhi")
    (True, False)
    """
    return word.lower().rstrip(".") in TITLE_WORDS


def is_role_plural(word: str) -> bool:
    """Whether ``word`` is the plural of a role noun ("Directors", "Secretaries"): a group, no one person.

    Args:
        word: one word.

    Returns:
        True for "Ministers", "Envoys", "Secretaries"; False for a role noun itself or any other word.

    >>> is_role_plural("Directors"), is_role_plural("Director"), is_role_plural("Lodhis")
    (True, False, False)
    """
    low = word.lower()
    return low not in ROLE_NOUNS and low.endswith("s") and (
        low[:-1] in ROLE_NOUNS or low.endswith("ies") and low[:-3] + "y" in ROLE_NOUNS)


def has_role(phrase: str) -> bool:
    """Whether ``phrase`` names a role: it holds a role noun ("minister", "Secretary-General").

    Args:
        phrase: words that may be a title.

    Returns:
        True if one of its words (or the last part of a hyphenated one) is a role noun.

    >>> has_role("Secretary-General of the SCO"), has_role("Regional Organisations")
    (True, False)
    """
    return any(w.lower() in ROLE_NOUNS or w.lower().split("-")[-1] in ROLE_NOUNS
               for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", phrase))


def name_like(t: Word, stop: frozenset = frozenset(), first_in_sentence: bool = False) -> bool:
    """Whether the word ``t`` may be a word of a person's name.

    Args:
        t: a :class:`Word`.
        stop: words that are never names (the stopwords).
        first_in_sentence: whether it opens its sentence ("Noting …" is no name there).

    Returns:
        False for titles, words of institutions, places, days and countries, and lower-case words.

    >>> [name_like(w) for w in name_words("Security Council member Lodhi")]
    [False, False, False, True]
    >>> [name_like(w) for w in name_words("Directors Lodhi")]
    [False, True]
    """
    low = t.base.lower()
    if low.rstrip(".") in TITLE_WORDS:
        return False  # "H.E.", "Amb.": a title, though written like initials
    if t.kind == "initial":
        return True
    if t.kind != "cap":
        return False
    if low in NOT_NAME or low in stop or any(p in NOT_NAME for p in low.split("-")):
        return False
    if is_role_plural(low):
        return False  # "a delegation of IGAD Directors": a group named by its role, no person
    if first_in_sentence and (low.endswith("ly") or low.endswith("ing") and len(low) > 5):
        return False  # "Noting ...", "Thirdly, ...": a sentence's first word, not a name
    return True


# --- organizations ------------------------------------------------------------------------
