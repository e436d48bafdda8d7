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

__all__ = [
    "Speaker", "Attribution", "Evaluation", "speakers", "attribute", "naive_attribution",
    "load_gold", "evaluate_attribution", "speaker_table", "speaker_sentences", "show_speaker",
    "show_attribution", "speaker_keywords", "CAPACITIES", "KINDS",
]

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
#: Words one of which a "many speakers" sentence holds (see _fold): a quick test before _GROUP.
_GROUP_HINTS = ("speakers", "delegat", "members")
_PRONOUN_SUBJECT = r"\b(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey)\s+(?:also\s+|then\s+|had\s+|has\s+)?"
_AUX = r"\s*(?:has\s+|had\s+|also\s+|then\s+)*"


@lru_cache(maxsize=4)
def _cues(path: str, stamp) -> tuple[str, ...]:
    return tuple(read_wordlist(path, lower=True))


def _fold(text: str) -> str:
    """``text`` in lower case, where every character that ``re.IGNORECASE`` equates with an
    ASCII letter is that letter ("İ", "ı" → "i"; "ſ" → "s"; "K" → "k").

    A regular expression with ``re.IGNORECASE`` can match a run of ASCII letters only
    where ``_fold(text)`` holds them in lower case, so ``word in _fold(text)`` is a quick,
    exact test that lets most sentences skip the slower search.
    """
    return text.lower().replace("ı", "i").replace("ſ", "s").replace("\u0307", "")


def _cue_list(path=None) -> tuple[str, ...]:
    """The speech cues of ``data/speakers.cues.txt`` (or ``path``), lower-cased, repeats dropped."""
    path = Path(path) if path is not None else data_dir() / "speakers.cues.txt"
    return _cues(str(path), file_stamp(path))


class _Rules:
    """The registry and cue list compiled into regular expressions, once."""

    def __init__(self, registry: tuple[Speaker, ...], cues: tuple[str, ...]):
        self.registry = {s.name: s for s in registry}
        cue_alt = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(cues, key=len, reverse=True))
        self.cue = re.compile(rf"\b(?:{cue_alt})\b", re.IGNORECASE)
        # NAME, an appositive between commas, CUE ("Rashid Alimov, Secretary-General of …, said")
        self.bound_after = re.compile(rf"(?:\s*,[^,.;]{{1,160}},|\s*,)?{_AUX}(?P<cue>{cue_alt})\b", re.IGNORECASE)
        # CUE NAME, the inverted order ("…, said Ambassador Lodhi"), with any cue of the list
        self.bound_before = re.compile(rf"\b(?P<cue>{cue_alt})\s+(?:the\s+)?$", re.IGNORECASE)
        self.pronoun = re.compile(rf"{_PRONOUN_SUBJECT}(?P<cue>{cue_alt})\b")
        # Every match of `cue` or `pronoun` holds the first word of a cue: when none is in the
        # folded sentence, neither can match. None (search every sentence) when a cue is not
        # plain ASCII or there are no cues, where that test would not be exact.
        hints = tuple(dict.fromkeys(c.split(" ")[0].lower() for c in cues))
        self.cue_hints = hints if hints and all(h and h.isascii() for h in hints) else None
        forms = {}
        for s in registry:
            for form in (s.name, *s.aliases):
                forms[form] = s.name
        self.forms = forms
        self.name = re.compile(_word_alternatives(sorted(forms, key=len, reverse=True))) if forms else None
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
        if self.introducer is not None and "epresentative" in text:  # both forms need the word
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
        folded = _fold(text)
        may_cue = rules.cue_hints is None or any(h in folded for h in rules.cue_hints)
        group = _GROUP.search(text) if any(h in folded for h in _GROUP_HINTS) else None
        if group:
            evidence = f"about speakers in general ({group.group()!r}): the journalist's summary"
            current = ()
        elif bound:
            names = tuple(dict.fromkeys(n for _, who, _ in bound for n in who))
            cue = bound[0][2]
            evidence = "named in the sentence"
            current = names
            history.append(names)
        elif may_cue and (pron := rules.pronoun.search(text)):
            names, evidence = _pronoun_target(pron.group("pronoun").lower(), current, history, rules.registry)
            cue = pron.group("cue")
            if names:
                current = names
            else:
                evidence = f"'{pron.group()}' but no speaker has been named yet"
        elif any(intro for *_, intro in mentions):
            evidence = "names speakers but reports nothing they said (no speech cue)"
            current = ()
        elif may_cue and (found := rules.cue.search(text)):
            cue_text = found.group()
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


# --- the naive baseline ---------------------------------------------------------------

def naive_attribution(article, registry=None) -> list[Attribution]:
    """The naive rule: every sentence belongs to the last speaker's name seen so far.

    It knows the registry's names and aliases but nothing about cues, pronouns or
    narration: it is what the rules of :func:`attribute` are measured against.

    Args:
        article: an :class:`~helpers.Article`.
        registry: a list of :class:`Speaker`; ``None`` for :func:`speakers`.

    Returns:
        One :class:`Attribution` per sentence, in order; ``cue`` is always
        ``None`` and ``speakers`` holds at most one name.

    >>> from helpers import load_article
    >>> naive = naive_attribution(load_article())
    >>> naive[15].speakers, naive[13].speakers
    (('Ukraine',), ('Russian Federation',))
    """
    if registry is None:
        registry = speakers()
    rules = _rules(tuple(registry), _cue_list())
    out, last = [], ()
    for sent in article.sentences:
        found = list(rules.name.finditer(sent.text)) if rules.name is not None else []
        if found:
            last = (rules.forms[found[-1].group()],)
        out.append(Attribution(sent, last, None, _kind(sent.text, bool(last)),
                               "the last speaker's name seen so far" if last else "no name seen yet"))
    return out


# --- the gold annotation and the evaluation ---------------------------------------------

_GOLD_COLUMNS = ("sentence", "speakers", "kind", "begins", "note")


def _gold_path(article, path=None) -> Path:
    return Path(path) if path is not None else data_dir() / "gold" / f"{article.name}.attribution.tsv"


def _gold_lines(path: Path) -> list[tuple[int, str]]:
    """The annotation lines of a gold file, numbered: notes, blank lines and the header left out.

    The header is recognised by its column names (tabs or spaces between them, any case),
    so a file whose header was deleted keeps its first annotation.
    """
    lines = [(n, line) for n, line in enumerate(read_text(path).split("\n"), start=1)
             if line.strip() and not line.startswith("#")]
    if not lines:
        return []
    number, first = lines[0]
    names = [word.lower() for word in first.split()]
    if names in (list(_GOLD_COLUMNS), list(_GOLD_COLUMNS[:4])):
        return lines[1:]
    if not names[0].isdigit():
        lead = first.split("\t")[0].strip()[:40]
        raise DataFileError(path, f"the first line is neither the header nor an annotation: it begins "
                                  f"{lead!r}, not a sentence index",
                            f"write the header as the kit's file has it, the names {', '.join(_GOLD_COLUMNS)} "
                            "with one tab between them, or start the line with the index of a sentence",
                            line=number)
    return lines  # no header: the first line is an annotation like the others


def load_gold(article=None, path=None, registry=None) -> dict[int, tuple[tuple[str, ...], str]]:
    """The hand-made gold annotation of ``article``: sentence index → (speakers, kind).

    Args:
        article: the article (``None`` for the kit's article).
        path: the gold file; by default ``data/gold/<article name>.attribution.tsv``.
        registry: speakers the names must come from (``None`` for :func:`speakers`).

    Returns:
        A dict from sentence index to ``(speakers, kind)``: a tuple of registry
        names (empty for narration) and one of :data:`KINDS`.

    Raises:
        DataFileError: a line with the wrong number of columns, an unknown speaker or
            kind, a sentence that does not exist, or whose first words do not match;
            a first line that is neither the header nor an annotation. (The header line,
            ``sentence  speakers  kind  begins  note``, may be left out.)

    >>> gold = load_gold()
    >>> len(gold), gold[15]
    (71, (('Ukraine', 'United States'), 'indirect speech'))
    """
    if article is None:
        from .article import load_article

        article = load_article()
    path = _gold_path(article, path)
    known = {s.name for s in (speakers() if registry is None else registry)}
    gold = {}
    for number, line in _gold_lines(path):
        cells = line.split("\t")
        if len(cells) < 4:
            raise DataFileError(path, f"this line has {len(cells)} columns, not {len(_GOLD_COLUMNS)}",
                                "separate sentence, speakers, kind, begins and note with one tab each "
                                "(an editor may have turned tabs into spaces)", line=number)
        index, names, kind, begins = (c.strip() for c in cells[:4])
        if not index.isdigit() or int(index) >= len(article.sentences):
            raise DataFileError(path, f"{index!r} is not a sentence of {article.name!r}",
                                f"use an index from 0 to {len(article.sentences) - 1}", line=number)
        sent = article.sentences[int(index)]
        if not sent.text.startswith(begins):
            raise DataFileError(path, f"sentence {index} begins {sent.text[:40]!r}, not {begins!r}",
                                "the sentences have changed: annotate the new sentence again", line=number)
        names = tuple(n.strip() for n in names.split(";") if n.strip())
        for name in names:
            if name not in known:
                raise DataFileError(path, f"{name!r} is not in the speaker registry",
                                    "use a name from data/speakers.csv, or add the speaker there", line=number)
        if kind not in KINDS:
            raise DataFileError(path, f"kind {kind!r} is unknown", f"write one of: {', '.join(KINDS)}",
                                line=number)
        gold[int(index)] = (names, kind)
    return gold


@dataclass(frozen=True)
class Evaluation:
    """How well attribution agrees with the gold annotation.

    Attributes:
        accuracy: share of gold sentences whose set of speakers is exactly right.
        baseline_accuracy: the same for the naive "last name seen" rule.
        kind_accuracy: share of sentences whose kind is right.
        per_speaker: a DataFrame: speaker, gold, predicted, correct, precision, recall.
        errors: one dict per wrong sentence (sentence, gold, predicted, evidence, text).
        baseline_errors: the same for the naive rule.
        n: the number of gold sentences.
    """

    accuracy: float
    baseline_accuracy: float
    kind_accuracy: float
    per_speaker: object
    errors: list
    baseline_errors: list
    n: int

    def error_table(self, baseline: bool = False):
        """The sentences the rules (or, with ``baseline=True``, the naive rule) got wrong, as a table.

        Args:
            baseline: the naive rule's errors instead of the rules'.

        Returns:
            A Table (a DataFrame): sentence, gold, predicted, evidence, text; speakers by
            name, and "narration" where nobody speaks.

        >>> evaluate_attribution().error_table(baseline=True).loc[0, "gold"]
        ()
        """
        from .display import table

        rows = self.baseline_errors if baseline else self.errors
        return table(rows, columns=["sentence", "gold", "predicted", "evidence", "text"], empty="narration")

    def __repr__(self) -> str:
        return (f"<Evaluation on {self.n} sentences: rules {self.accuracy:.1%} "
                f"({len(self.errors)} error{'s' if len(self.errors) != 1 else ''}), naive 'last name seen' "
                f"{self.baseline_accuracy:.1%} ({len(self.baseline_errors)} "
                f"error{'s' if len(self.baseline_errors) != 1 else ''}), kind {self.kind_accuracy:.1%}>")


def _errors(article, gold, predicted, evidence) -> list[dict]:
    return [{"sentence": i, "gold": gold[i][0], "predicted": predicted[i], "evidence": evidence[i],
             "text": article.sentences[i].text}
            for i in sorted(gold) if set(gold[i][0]) != set(predicted[i])]


def evaluate_attribution(article=None, gold=None, predictions=None) -> Evaluation:
    """Compare attribution with the hand-made gold annotation, and the naive rule too.

    Args:
        article: the article (``None`` for the kit's article).
        gold: a gold dict as from :func:`load_gold` (``None`` to read the file).
        predictions: a list of :class:`Attribution` to judge (``None`` for :func:`attribute`).

    Returns:
        An :class:`Evaluation`: accuracy, per-speaker precision and recall, the errors,
        and the naive rule's accuracy and errors on the same gold.

    >>> ev = evaluate_attribution()
    >>> ev.accuracy > ev.baseline_accuracy
    True
    """
    import pandas as pd

    from .display import table as _table

    if article is None:
        from .article import load_article

        article = load_article()
    gold = load_gold(article) if gold is None else gold
    predictions = attribute(article) if predictions is None else predictions
    naive = naive_attribution(article)
    predicted = {a.sentence.index: a.speakers for a in predictions}
    kinds = {a.sentence.index: a.kind for a in predictions}
    for i in gold:
        predicted.setdefault(i, ())
    errors = _errors(article, gold, predicted, {a.sentence.index: a.evidence for a in predictions})
    baseline_errors = _errors(article, gold, {a.sentence.index: a.speakers for a in naive},
                              {a.sentence.index: a.evidence for a in naive})
    rows = []
    names = dict.fromkeys([n for g, _ in gold.values() for n in g] + [n for i in gold for n in predicted[i]])
    for name in [*names, "(narration)"]:
        def has(who):
            return not who if name == "(narration)" else name in who
        g = {i for i in gold if has(gold[i][0])}
        p = {i for i in gold if has(predicted[i])}
        rows.append({"speaker": name, "gold": len(g), "predicted": len(p), "correct": len(g & p),
                     "precision": len(g & p) / len(p) if p else float("nan"),
                     "recall": len(g & p) / len(g) if g else float("nan")})
    n = len(gold) or 1
    return Evaluation(
        accuracy=1 - len(errors) / n, baseline_accuracy=1 - len(baseline_errors) / n,
        kind_accuracy=sum(kinds.get(i) == gold[i][1] for i in gold) / n,
        per_speaker=_table(pd.DataFrame(rows), decimals=2), errors=errors, baseline_errors=baseline_errors, n=len(gold))


# --- views of each speaker ----------------------------------------------------------------

def _find_speaker(name: str, registry) -> Speaker:
    import difflib

    by_name = {s.name: s for s in registry}
    for s in registry:
        if name == s.name or name in s.aliases:
            return s
    close = difflib.get_close_matches(name, list(by_name), n=1, cutoff=0.5)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise ValueError(f"{name!r} is not a speaker in the registry.{hint} "
                     f"Speakers: {', '.join(by_name)}.")


def speaker_sentences(article, name: str, registry=None) -> list[Attribution]:
    """The sentences :func:`attribute` gives to one speaker (a name or an alias).

    Args:
        article: an :class:`~helpers.Article`.
        name: a speaker's name or alias, as in ``data/speakers.csv``.
        registry: a list of :class:`Speaker`; ``None`` for :func:`speakers`.

    Returns:
        A list of :class:`Attribution`, in text order; a sentence shared with
        another speaker is included.

    Raises:
        ValueError: ``name`` is not in the registry (the message suggests a close name).

    >>> from helpers import load_article
    >>> [a.sentence.index for a in speaker_sentences(load_article(), "Lodhi")]
    [66, 67, 68, 69, 70]
    """
    registry = speakers() if registry is None else registry
    who = _find_speaker(name, registry).name
    return [a for a in attribute(article, registry) if who in a.speakers]


def speaker_table(article, registry=None, *, everyone: bool = False):
    """A table of the speakers in speaking order: role, group, sentences and words.

    Args:
        article: an :class:`~helpers.Article`.
        registry: a list of :class:`Speaker` (``None`` for :func:`speakers`).
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

    from .display import table as _table
    from .tokens import tokenize

    registry = speakers() if registry is None else registry
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
    registry = speakers() if registry is None else registry
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
        registry: a list of :class:`Speaker`; ``None`` for :func:`speakers`.

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
        registry: a list of :class:`Speaker`; ``None`` for :func:`speakers`.

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

    from .datafiles import load_stopwords
    from .tokens import tokenize

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
