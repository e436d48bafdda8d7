"""A collection of reports: one debate through several outlets, and themes across organizations.

:func:`load_collection` reads every bundle of ``data/articles/`` and ``data/collection/`` (or
a folder of bundles, or a list of names) into a :class:`Collection`: a metadata table (name,
outlet, date, organizations, event, sentences, words, speakers) and, one by one, each report's
:class:`~helpers.Analysis`, read with its own speaker list. A bundle's ``.toml`` says which
meeting it reports (``event = "UNSC 2016-10-28 CSTO SCO CIS"``) and which organizations it is
about (``about = ["CSTO", "SCO", "CIS"]``).

Each report is read once: the collection keeps a small summary of it (its clean text, its
counts and the sentences of every theme hit), never the whole analysis, so that a collection
of thousands of reports fits in memory. On that summary stand the comparisons:

- text reuse: :func:`shared_passages` (word n-gram *shingles* two texts share, joined into
  passages with their character offsets in both), :func:`show_shared` (side by side, marked),
  :func:`reuse_pairs` and :func:`reuse_matrix` (one index from shingle to reports, so the work
  grows with the collection, not with its number of pairs);
- who gets a voice: :func:`voices` (the lede, the shares of UN officials, regional
  organizations and member states, she / he / unknown, direct vs indirect speech);
- themes: :func:`theme_rates` (by organization, year, outlet or event, with the counts behind
  each rate and small counts flagged), :func:`theme_sentences` (the sentences behind one
  cell), :func:`collection_keyness` and :func:`tf_idf`;
- :func:`collection_explorer`: two reports side by side, and a theme's rates by organization.
"""

from __future__ import annotations

import difflib
import html
from array import array
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

from .analysis import SHARED_FILES, analysis_of
from .article import DEFAULT_ARTICLE, load_article
from .datafiles import DataFileError, UnknownName, UsageError, WrongType, data_dir, file_stamp, list_folder
from .display import table as _table
from .frequency import log_likelihood, word_counts
from .speakers.evaluation import gold_path, load_gold
from .speakers.registry import registry_path
from .speakers.rules import attribute
from .themes import hits_of

__all__ = ["Collection", "load_collection", "COLLECTION_FOLDERS", "shared_passages", "show_shared", "reuse_pairs",
           "reuse_matrix", "voices", "voice_shares", "theme_rates", "theme_sentences", "collection_keyness",
           "tf_idf", "collection_view", "collection_explorer", "SMALL_COUNT", "NO_EVENT"]

#: The folders (inside ``data/``) that :func:`load_collection` reads when given nothing.
COLLECTION_FOLDERS = ("articles", "collection")
#: A count below this is flagged "small count": one sentence more or less moves the rate a lot.
SMALL_COUNT = 5
#: What the metadata table shows for a report whose ``.toml`` names no event.
NO_EVENT = "(no event: add  event = \"...\"  to its .toml)"
#: A word, as the reuse functions read it: letters and digits, with inner hyphens and apostrophes.
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


# --- the collection -------------------------------------------------------------------

def _bundles(folder: Path) -> list[Path]:
    return [p for p in list_folder(folder, ".txt") if not p.name.startswith(".") and p.with_suffix(".toml").is_file()]


class Collection:
    """Reports read with their own settings, and a metadata table over them.

    Make one with :func:`load_collection`. ``len(c)``, ``c.names``, ``c["NAME"]`` (that
    report's :class:`~helpers.Analysis`), ``for analysis in c`` (each report in turn, read
    with its own speaker list), ``c.table`` (the metadata, one row per report),
    ``c.event("UNSC 2016-10-28 CSTO SCO CIS")`` (the reports of one meeting) and
    ``c.notes`` (what was left out or is missing, in words).
    """

    def __init__(self, paths, notes=()):
        self.paths = {Path(p).stem: Path(p) for p in paths}
        self.notes = list(notes)
        self._summaries: dict = {}

    @property
    def names(self) -> list[str]:
        return list(self.paths)

    def __len__(self) -> int:
        return len(self.paths)

    def __iter__(self):
        for name in self.paths:
            yield self[name]

    def __contains__(self, name) -> bool:
        return name in self.paths

    def __getitem__(self, name):
        if name not in self.paths:
            close = difflib.get_close_matches(str(name), self.names, n=1)
            raise UnknownName(f"the collection has no report {name!r}" + (f"; did you mean {close[0]!r}?" if close else "")
                              + f" Its reports: {', '.join(self.names)}")
        return analysis_of(load_article(self.paths[name]))

    def __repr__(self) -> str:
        return f"<Collection of {len(self)} reports, {len(set(self.table['event']))} events>"

    def summary(self, name) -> dict:
        """What the collection keeps of one report (read once, again after an edit of its files).

        Args:
            name: a report's name.

        Returns:
            A dict: ``row`` (its line of the metadata table), ``text`` (its clean text),
            ``spans`` (where each sentence starts and ends in it, one after the other), ``words`` (how many), ``hits`` (theme → the sentence
            number of each hit, with the course's lexicon).
        """
        path = self.paths[name]
        files = [path, path.with_suffix(".toml"), path.with_name(f"{path.stem}.speakers.csv"),
                 *(data_dir() / f for f in SHARED_FILES)]
        key = tuple(file_stamp(p) for p in files)  # the files' versions: no need to read the report again
        kept = self._summaries.get(name)
        if kept is not None and kept[0] == key:
            return kept[1]
        article = load_article(path)
        owner = analysis_of(article)
        words = len(article.words)
        row = {"name": name, "outlet": article.publisher or "(no publisher)", "date": article.date,
               "organizations": ", ".join(article.about) or "(none given)", "event": article.event or NO_EVENT,
               "sentences": len(article.sentences), "words": words, "speakers": len(owner.speakers)}
        hits = {t.name: tuple(h.sentence for h in hits_of(owner, t)) for t in owner.themes.values()}
        spans = array("l", (x for sentence in article.sentences for x in (sentence.start, sentence.end)))
        summary = {"row": row, "text": article.text, "spans": spans,
                   "words": words, "about": tuple(article.about), "hits": hits}
        self._summaries[name] = (key, summary)
        return summary

    @property
    def table(self):
        """The metadata table: one row per report, indexed by name."""
        rows = [self.summary(n)["row"] for n in self.paths]
        columns = ["name", "outlet", "date", "organizations", "event", "sentences", "words", "speakers"]
        return _table(rows, columns=columns, index="name")

    def texts(self) -> dict:
        """Each report's clean text, by name."""
        return {n: self.summary(n)["text"] for n in self.paths}

    def events(self) -> Counter:
        """How many reports each event has, most first."""
        return Counter(self.summary(n)["row"]["event"] for n in self.paths)

    def event(self, event: str) -> "Collection":
        """The reports of one event, as a collection of their own.

        Args:
            event: an event as the ``.toml`` files write it, e.g. ``"UNSC 2016-10-28 CSTO SCO CIS"``.

        Returns:
            A :class:`Collection`; an :class:`~helpers.datafiles.UnknownName` lists the events there are.
        """
        names = [n for n in self.paths if self.summary(n)["row"]["event"] == event]
        if not names:
            known = list(self.events())
            close = difflib.get_close_matches(str(event), known, n=1)
            raise UnknownName(f"no report of the event {event!r}" + (f"; did you mean {close[0]!r}?" if close else "")
                              + f" Events: {', '.join(map(repr, known))}")
        sub = Collection([self.paths[n] for n in names])
        sub._summaries = {n: self._summaries[n] for n in names if n in self._summaries}
        return sub


def load_collection(names_or_folder=None) -> Collection:
    """A collection of reports: every bundle of ``data/articles/`` and ``data/collection/``, a folder, or names.

    Args:
        names_or_folder: ``None`` for the kit's collection; a folder of bundles (a path); or a
            list of report names (from those folders) or paths to ``.txt`` files.

    Returns:
        A :class:`Collection`. A bundle that cannot be read is left out and said so in
        ``notes``, as is a report whose ``.toml`` names no event (it stays in, under
        :data:`NO_EVENT`).

    Raises:
        DataFileError: a folder with no bundle in it (a ``NAME.txt`` with its ``NAME.toml``).

    >>> c = load_collection()
    >>> len(c) >= 15, "idn-2016-10-31-un-regional-bodies" in c.names
    (True, True)
    >>> c.events()["UNSC 2016-10-28 CSTO SCO CIS"] >= 6
    True
    """
    if names_or_folder is None:
        seen, paths = set(), []
        for sub in COLLECTION_FOLDERS:
            for p in _bundles(data_dir() / sub):
                if p.stem not in seen:
                    seen.add(p.stem)
                    paths.append(p)
        folder = data_dir()
    elif isinstance(names_or_folder, (str, Path)) and Path(names_or_folder).is_dir():
        folder = Path(names_or_folder)
        paths = _bundles(folder)
    elif isinstance(names_or_folder, (list, tuple)):
        everything = load_collection().paths
        paths = []
        for n in names_or_folder:
            if not isinstance(n, (str, Path)):
                raise WrongType(f"load_collection takes names or paths, not {type(n).__name__}: {n!r}")
            if str(n) in everything:
                paths.append(everything[str(n)])
            elif Path(n).suffix == ".txt" and Path(n).is_file():
                paths.append(Path(n))
            else:
                close = difflib.get_close_matches(str(n), list(everything), n=1)
                raise UnknownName(f"no report called {str(n)!r}" + (f"; did you mean {close[0]!r}?" if close else "")
                                  + "; give names from load_collection().names, or paths to .txt files")
        folder = None
    else:
        raise UsageError(f"load_collection takes nothing, a folder of bundles or a list of names, not {names_or_folder!r}"
                         + (" (there is no such folder)" if isinstance(names_or_folder, (str, Path)) else ""))
    if not paths:
        raise DataFileError(folder or ".", "no report bundle here: a bundle is NAME.txt with its NAME.toml beside it",
                            "point load_collection at a folder of bundles (such as data/collection), "
                            "or give a list of names")
    collection, notes = Collection(paths), []
    for p in paths:  # each report is read here, once: its summary is what the collection keeps
        try:
            row = collection.summary(p.stem)["row"]
        except (DataFileError, OSError, ValueError) as err:
            notes.append(f"{p.stem}: left out, it cannot be read: {err}")
            del collection.paths[p.stem]
            continue
        if row["event"] == NO_EVENT:
            notes.append(f"{p.stem}: its .toml names no event; add a line such as  event = \"UNSC YYYY-MM-DD ORG\"")
    if not collection.paths:
        raise DataFileError(folder or ".", "no bundle here can be read", "; ".join(notes))
    collection.notes = notes
    return collection


# --- text reuse -----------------------------------------------------------------------

def _text_of(x) -> str:
    if isinstance(x, str):
        return x
    text = getattr(x, "text", None)
    if isinstance(text, str):
        return text
    raise WrongType(f"give a text, an article or an analysis, not {type(x).__name__}")


def _words(text: str):
    """(word, start, end) for each word, lower-cased, with ’ read as '."""
    return [(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _WORD.finditer(text)]


def _check_min(min_words) -> int:
    if isinstance(min_words, bool) or not isinstance(min_words, int) or min_words < 1:
        raise UsageError(f"min_words should be a whole number of words, 1 or more, such as 8, not {min_words!r}")
    return min_words


def shared_passages(a, b, min_words: int = 8):
    """The passages two texts share: runs of at least ``min_words`` words, in the same order, in both.

    Every run of ``min_words`` words (a *shingle*) of ``b`` goes in an index; each shingle of
    ``a`` found there is a match, and matches that follow each other in both texts are joined
    into one passage. Case, punctuation and spacing are ignored; a word that differs ends a passage.

    Args:
        a, b: two texts, articles or analyses.
        min_words: the shortest passage counted, in words.

    Returns:
        A Table, one row per passage, longest first: ``words``, ``a_start``, ``a_end``,
        ``b_start``, ``b_end`` (``a.text[a_start:a_end]`` is the passage in ``a``) and ``text``
        (as ``a`` writes it). With nothing shared, no row, and the table's corner says so.

    >>> c = load_collection()
    >>> p = shared_passages(c["idn-2016-10-31-un-regional-bodies"], c["unpress-2016-10-28-un-csto-sco-cis-cooperation"])
    >>> any("concept note prepared for the meeting" in t for t in p["text"])
    True
    >>> shared_passages("", "the Council").index.name
    'no passage of 8 words or more is shared'
    """
    n = _check_min(min_words)
    ta, tb = _text_of(a), _text_of(b)
    wa, wb = _words(ta), _words(tb)
    ka, kb = [w for w, _, _ in wa], [w for w, _, _ in wb]
    index = defaultdict(list)
    for j in range(len(kb) - n + 1):
        index[tuple(kb[j:j + n])].append(j)
    runs = {}  # (diagonal, first i) -> last i
    last_on = {}  # diagonal -> (first i, last i) of the run going on
    for i in range(len(ka) - n + 1):
        for j in index.get(tuple(ka[i:i + n]), ()):
            d = i - j
            run = last_on.get(d)
            if run and run[1] == i - 1:
                last_on[d] = (run[0], i)
            else:
                last_on[d] = (i, i)
            runs[(d, last_on[d][0])] = i
    rows = []
    for (d, first), last in runs.items():
        i_end, j0 = last + n - 1, first - d
        j_end = j0 + (i_end - first)
        rows.append({"words": i_end - first + 1, "a_start": wa[first][1], "a_end": wa[i_end][2],
                     "b_start": wb[j0][1], "b_end": wb[j_end][2], "text": ta[wa[first][1]:wa[i_end][2]]})
    rows.sort(key=lambda r: (-r["words"], r["a_start"]))
    out = _table(rows, columns=["words", "a_start", "a_end", "b_start", "b_end", "text"])
    if not rows:
        out.index.name = f"no passage of {n} words or more is shared"
    out.attrs.update(min_words=n, words_a=len(wa), words_b=len(wb))
    return out


def _marked(text: str, spans) -> str:
    out, at = [], 0
    for s, e in sorted(spans):
        if s < at:
            s = at
        if e <= s:
            continue
        out.append(html.escape(text[at:s]))
        out.append(f"<mark>{html.escape(text[s:e])}</mark>")
        at = e
    out.append(html.escape(text[at:]))
    return "".join(out).replace("\n\n", "<br><br>")


def shared_html(a, b, min_words: int = 8, names=("A", "B")) -> str:
    """The two texts side by side as HTML, each shared passage marked (the texts escaped)."""
    p = shared_passages(a, b, min_words)
    ta, tb = _text_of(a), _text_of(b)
    share_a = sum(1 for _ in p.itertuples())
    head = (f"<p>{share_a} shared passage{'s' * (share_a != 1)} of {p.attrs['min_words']} words or more</p>"
            if share_a else f"<p>{html.escape(p.index.name)}</p>")
    cell = "<td style='vertical-align:top;width:50%;padding:6px'><b>{}</b><br>{}</td>"
    return (head + "<table style='table-layout:fixed;width:100%'><tr>"
            + cell.format(html.escape(str(names[0])), _marked(ta, zip(p["a_start"], p["a_end"])))
            + cell.format(html.escape(str(names[1])), _marked(tb, zip(p["b_start"], p["b_end"])))
            + "</tr></table>")


def show_shared(a, b, min_words: int = 8) -> None:
    """Show two texts side by side with the passages they share marked.

    Args:
        a, b: two texts, articles or analyses (a report's name in the collection works too).
        min_words: the shortest passage marked, in words.

    Returns:
        None; the view is displayed (a notebook shows it as HTML).

    >>> show_shared("the Council met today in New York", "the Council met today in New York", 4)  # doctest: +ELLIPSIS
    <IPython.core.display.HTML object>
    """
    from IPython.display import HTML, display

    def name(x):
        return getattr(x, "name", None) or ("text" if isinstance(x, str) else type(x).__name__)
    display(HTML(shared_html(a, b, min_words, (name(a), name(b)))))


def _texts(collection) -> dict:
    if isinstance(collection, Collection):
        return collection.texts()
    if isinstance(collection, dict):
        return {str(k): _text_of(v) for k, v in collection.items()}
    raise WrongType(f"give a collection from load_collection() or a dict {{name: text}}, not {type(collection).__name__}")


def reuse_pairs(collection, min_words: int = 8, common: int = 50):
    """How many words of each report are found in each other report, for every pair that shares any.

    One index from shingle (a run of ``min_words`` words, hashed) to the reports that hold it is
    built over the whole collection; only shingles found in two reports or more make pairs, so
    the work grows with the collection's words and its shared shingles, not with its number
    of pairs. A shingle found in more than ``common`` reports is a formula ("the Security
    Council of the United Nations"), not reuse, and is left out.

    Args:
        collection: a :class:`Collection`, or a dict ``{name: text}``.
        min_words: the shingle's length, in words.
        common: a shingle in more reports than this is left out.

    Returns:
        A Table, one row per (report, other) pair that shares words: ``report``, ``other``,
        ``shared_words`` (words of ``report`` inside a shingle also in ``other``), ``words``
        and ``share`` (``shared_words / words``). No row when nothing is shared.

    >>> r = reuse_pairs(load_collection())
    >>> row = r[(r.report == "idn-2016-10-31-un-regional-bodies") & (r.other == "unpress-2016-10-28-un-csto-sco-cis-cooperation")]
    >>> int(row.shared_words.iloc[0]) > 100
    True
    """
    import numpy as np

    n = _check_min(min_words)
    texts = _texts(collection)
    names = list(texts)
    columns = ["report", "other", "shared_words", "words", "share"]
    # 1. each report's shingles, hashed into one array H; offsets[d] is where report d's begin
    vocab: dict = {}
    sizes, blocks = [], []
    for name in names:
        ids = np.fromiter((vocab.setdefault(w, len(vocab)) for w in _WORD.findall(texts[name].lower().replace("’", "'"))),
                          dtype=np.uint64)
        sizes.append(len(ids))
        m = max(len(ids) - n + 1, 0)
        h = np.zeros(m, dtype=np.uint64)
        for k in range(n):  # a polynomial hash of the n word ids; uint64 arithmetic wraps around
            h *= np.uint64(1_000_003)
            h += ids[k:k + m] + np.uint64(1)
        blocks.append(h)
    counts = np.array([len(h) for h in blocks], dtype=np.int64)
    offsets = np.concatenate(([0], np.cumsum(counts)))
    if not offsets[-1]:
        return _empty(columns, "no report has enough words for one shingle")
    H = np.concatenate(blocks)
    del blocks
    # 2. the index: shingles sorted by hash; only those seen more than once are looked at again
    order = np.argsort(H, kind="stable")
    H = H[order]
    twice = np.zeros(len(H), dtype=bool)
    twice[1:] = H[1:] == H[:-1]
    twice[:-1] |= twice[1:].copy()
    at = order[twice]
    Hs = H[twice]
    del H, order, twice
    if not len(at):
        return _empty(columns, f"no passage of {n} words or more is shared")
    D = np.searchsorted(offsets, at, side="right") - 1
    P = at - offsets[D]
    # 3. groups of one hash: the reports that hold it (a stable sort kept them in report order)
    new_hash = np.empty(len(Hs), dtype=bool)
    new_hash[0] = True
    new_hash[1:] = Hs[1:] != Hs[:-1]
    new_doc = new_hash.copy()
    new_doc[1:] |= D[1:] != D[:-1]
    starts = np.flatnonzero(new_hash)
    ndocs = np.add.reduceat(new_doc.astype(np.int32), starts)
    keep = (ndocs >= 2) & (ndocs <= common)
    ends = np.append(starts[1:], len(Hs))
    A, B, Q = [], [], []
    for s, e in zip(starts[keep].tolist(), ends[keep].tolist()):
        d, p = D[s:e].tolist(), P[s:e].tolist()
        present = set(d)
        for doc, pos in zip(d, p):
            for other in present:
                if other != doc:
                    A.append(doc)
                    B.append(other)
                    Q.append(pos)
    if not A:
        return _empty(columns, f"no passage of {n} words or more is shared")
    # 4. for each (report, other) pair, the words of the report its shared shingles cover
    A, B, Q = np.array(A, dtype=np.int64), np.array(B, dtype=np.int64), np.array(Q, dtype=np.int64)
    order = np.lexsort((Q, B, A))
    A, B, Q = A[order], B[order], Q[order]
    same = (A[1:] == A[:-1]) & (B[1:] == B[:-1])
    step = np.where(same, np.minimum(Q[1:] - Q[:-1], n), n)  # words a shingle adds before the next one
    covered = np.append(step, n)
    first = np.flatnonzero(np.concatenate(([True], ~same)))
    shared = np.add.reduceat(covered, first)
    words = np.array(sizes)[A[first]]
    rows = {"report": [names[i] for i in A[first]], "other": [names[i] for i in B[first]],
            "shared_words": shared, "words": words, "share": np.round(shared / np.maximum(words, 1), 3)}
    import pandas as pd
    out = _table(pd.DataFrame(rows).sort_values("share", ascending=False, kind="stable").reset_index(drop=True),
                 decimals={"share": 3})
    out.attrs.update(min_words=n, reports=len(names))
    return out


def _empty(columns, label):
    out = _table([], columns=columns)
    out.index.name = label
    return out


def reuse_matrix(collection, min_words: int = 8, common: int = 50):
    """How much of each report (row) is found in each other report (column): the share of its words.

    Args:
        collection: a :class:`Collection`, or a dict ``{name: text}``.
        min_words, common: as for :func:`reuse_pairs`, which this arranges as a square.

    Returns:
        A Table, reports × reports, of shares from 0 to 1 (the diagonal is empty: a text is all
        its own). Read a row: ``0.4`` under a column is "40% of this report's words stand in
        passages of ``min_words`` words or more that the other report has too".

    >>> m = reuse_matrix(load_collection())
    >>> bool(m.loc["idn-2016-10-31-un-regional-bodies", "unpress-2016-10-28-un-csto-sco-cis-cooperation"] > 0.05)
    True
    """
    import numpy as np
    import pandas as pd

    names = list(_texts(collection))
    pairs = reuse_pairs(collection, min_words, common)
    values = np.zeros((len(names), len(names)))
    if len(pairs):
        pos = {n: i for i, n in enumerate(names)}
        values[[pos[r] for r in pairs["report"]], [pos[o] for o in pairs["other"]]] = pairs["share"].to_numpy()
    np.fill_diagonal(values, np.nan)
    out = _table(pd.DataFrame(values, index=names, columns=names), decimals=2)
    out.index.name = "share of the row's words found in the column"
    return out


# --- who gets a voice -----------------------------------------------------------------

_UN = {"UN", "United Nations"}


def _voice_group(speaker) -> str:
    if speaker.speaks_for in _UN or speaker.organization in _UN and speaker.capacity == "official":
        return "UN"
    if speaker.capacity in ("official", "chair"):
        return "regional organization"
    return "member state"


def _iter(collection):
    if isinstance(collection, Collection):
        return list(collection)
    if isinstance(collection, (list, tuple)):
        return [analysis_of(x) for x in collection]
    return [analysis_of(collection)]


def voices(collection, source: str = "rules"):
    """Who gets a voice in each report: the lede, and the shares of sentences by who speaks and how.

    A sentence counts for a group when one of its speakers belongs to it (``speaks_for`` and
    ``capacity`` of the report's speaker list): the UN's officials; a regional organization's
    officials and chairs; member states (national delegates and those speaking on behalf of a group).

    Args:
        collection: a :class:`Collection`, an article or analysis, or a list of them.
        source: ``"rules"`` (who :func:`~helpers.attribute` finds) or ``"gold"`` (who a person
            found by reading: the report's ``NAME.gold.tsv``).

    Returns:
        A Table indexed by report: ``outlet``, ``sentences``, ``lede`` (the first speaker
        given a sentence, and who they speak for), the shares of sentences ``UN``,
        ``regional organization``, ``member state``, ``narration``; by the speaker's pronoun
        ``she``, ``he``, ``unknown``; and by how speech is reported, ``direct`` (a quotation,
        whole or mixed) and ``indirect``. Shares are of all the report's sentences.

    >>> v = voices(load_collection().event("UNSC 2016-10-28 CSTO SCO CIS"), source="gold")
    >>> v.loc["unpress-2016-10-28-un-csto-sco-cis-cooperation", "lede"]
    'Ban Ki-moon (UN)'
    """
    if source not in ("rules", "gold"):
        raise UsageError(f"source should be 'rules' or 'gold', not {source!r}")
    rows, no_gold = [], []
    for owner in _iter(collection):
        if source == "gold" and not (gold_path(owner.article) and registry_path(owner.article)):
            no_gold.append(owner.article.name)  # nobody read it, or its names have no list: left out, and said so
            continue
        registry = {s.name: s for s in owner.speakers}
        counts, lede = Counter(), "(nobody: narration only)"
        if source == "rules":
            attributions = [(at.speakers, at.kind) for at in attribute(owner)]
        else:
            gold = load_gold(owner)
            attributions = [gold.get(i, ((), "narration")) for i in range(len(owner.article.sentences))]
        for speakers, kind in attributions:
            people = [registry[n] for n in speakers if n in registry]
            if people and lede.startswith("(nobody"):
                first = people[0]
                lede = f"{first.name} ({first.country if first.capacity == 'national' and first.country else first.speaks_for})"
            groups = {_voice_group(p) for p in people} or {"narration"}
            pronouns = {p.pronoun or "unknown" for p in people}
            counts.update(groups)
            if people:
                counts.update(pronouns)
            if kind in ("direct quote", "mixed"):
                counts["direct"] += 1
            elif kind == "indirect speech":
                counts["indirect"] += 1
        total = max(len(attributions), 1)
        row = {"report": owner.article.name, "outlet": owner.article.publisher, "sentences": len(attributions),
               "lede": lede}
        for key in ("UN", "regional organization", "member state", "narration", "she", "he", "unknown",
                    "direct", "indirect"):
            row[key] = round(counts[key] / total, 3)
        rows.append(row)
    out = _table(rows, index="report", decimals=2)
    if no_gold:
        out.attrs["note"] = f"left out, with no gold annotation or no speaker list to read it with: {', '.join(no_gold)}"
    return out


def voice_shares(collection, by: str = "outlet", source: str = "rules"):
    """Who gets a voice, summed over reports by outlet (or event): shares of their sentences together.

    Args:
        collection: a :class:`Collection` (or what :func:`voices` takes).
        by: ``"outlet"`` or ``"event"``.
        source: ``"rules"`` or ``"gold"``, as for :func:`voices`.

    Returns:
        A Table indexed by outlet (or event): ``reports``, ``sentences`` and the shares of
        :func:`voices`, weighted by each report's sentences.

    >>> s = voice_shares(load_collection())
    >>> float(s.loc["Security Council Report", "narration"])
    1.0
    """
    if by not in ("outlet", "event"):
        raise UsageError(f"by should be 'outlet' or 'event', not {by!r}")
    v = voices(collection, source)
    if by == "event":
        v["event"] = [collection.summary(n)["row"]["event"] for n in v.index] \
            if isinstance(collection, Collection) else [NO_EVENT] * len(v)
    shares = [c for c in v.columns if c not in ("outlet", "sentences", "lede", "event")]
    weighted = v[shares].mul(v["sentences"], axis=0)
    weighted[by] = v[by]
    summed = weighted.groupby(by).sum()
    sizes = v.groupby(by)["sentences"].sum()
    out = summed.div(sizes.clip(lower=1), axis=0).round(3)
    out.insert(0, "sentences", sizes)
    out.insert(0, "reports", v.groupby(by).size())
    return _table(out, decimals=2)


# --- themes across reports ------------------------------------------------------------

_BY = ("organization", "year", "outlet", "event", "report")


def _groups_of(summary, by):
    row = summary["row"]
    if by == "organization":
        return summary["about"] or ("(none given)",)
    if by == "year":
        return (row["date"].year if row["date"] else "(no date)",)
    if by == "outlet":
        return (row["outlet"],)
    if by == "event":
        return (row["event"],)
    return (row["name"],)


def _check_by(by):
    if by not in _BY:
        close = difflib.get_close_matches(str(by), _BY, n=1)
        raise UnknownName(f"by should be one of {', '.join(map(repr, _BY))}, not {by!r}"
                          + (f"; did you mean {close[0]!r}?" if close else ""))


def _as_collection(collection) -> Collection:
    if not isinstance(collection, Collection):
        raise WrongType(f"give a collection from load_collection(), not {type(collection).__name__}")
    return collection


def theme_rates(collection, by: str = "organization", theme=None):
    """How often each theme is spoken of, per 1,000 words, by organization, year, outlet or event.

    A report about several organizations counts for each of them (``about`` in its ``.toml``).
    Each report is counted as :func:`~helpers.theme_hits` counts it (no word of an
    organization's name is a hit), with the course's lexicon.

    Args:
        collection: a :class:`Collection`.
        by: ``"organization"``, ``"year"``, ``"outlet"``, ``"event"`` or ``"report"``.
        theme: one theme's name (or a list), or ``None`` for every theme.

    Returns:
        A Table, one row per group and theme: ``reports``, ``words``, ``hits`` (the counts
        behind the rate), ``per_1000`` and ``note`` ("small count" when fewer than
        :data:`SMALL_COUNT` hits: a sentence more or less moves the rate a lot).

    >>> r = theme_rates(load_collection(), "organization", "Terrorism & extremism")
    >>> int(r.loc[("CSTO", "Terrorism & extremism"), "hits"]) > 0
    True
    """
    import pandas as pd

    c = _as_collection(collection)
    _check_by(by)
    summaries = [c.summary(n) for n in c.names]
    lexicon = list(summaries[0]["hits"]) if summaries else []
    wanted = lexicon if theme is None else ([theme] if isinstance(theme, str) else list(theme))
    for t in wanted:
        if t not in lexicon:
            close = difflib.get_close_matches(str(t), lexicon, n=1)
            raise UnknownName(f"there is no theme {t!r}" + (f"; did you mean {close[0]!r}?" if close else "")
                              + f" Themes: {', '.join(lexicon)}")
    words, reports, hits = Counter(), Counter(), Counter()
    for s in summaries:
        for g in _groups_of(s, by):
            words[g] += s["words"]
            reports[g] += 1
            for t in wanted:
                hits[(g, t)] += len(s["hits"].get(t, ()))
    rows = []
    for g in sorted(words, key=str):
        for t in wanted:
            h = hits[(g, t)]
            rows.append((g, t, reports[g], words[g], h, round(1000 * h / words[g], 2) if words[g] else float("nan"),
                         "small count" if h < SMALL_COUNT else ""))
    frame = pd.DataFrame(rows, columns=[by, "theme", "reports", "words", "hits", "per_1000", "note"])
    return _table(frame.set_index([by, "theme"]), decimals={"per_1000": 2})


def theme_sentences(collection, theme: str, group, by: str = "organization"):
    """The sentences behind one cell of :func:`theme_rates`: each hit's sentence, report by report.

    Args:
        collection: a :class:`Collection`.
        theme: a theme's name.
        group: the group (an organization, a year, an outlet, an event or a report).
        by: the grouping, as for :func:`theme_rates`.

    Returns:
        A Table with ``report``, ``sentence`` (its number) and ``text``, one row per sentence
        with a hit (a sentence with two hits shows once); no row for a cell of 0 hits.

    >>> s = theme_sentences(load_collection(), "Terrorism & extremism", "EU")
    >>> s.values.tolist()[0][:2]
    ['unpress-2015-03-09-un-eu-cooperation', 4]
    """
    c = _as_collection(collection)
    _check_by(by)
    rows, seen_group = [], False
    for n in c.names:
        s = c.summary(n)
        if group not in _groups_of(s, by):
            continue
        seen_group = True
        if theme not in s["hits"]:
            raise UnknownName(f"there is no theme {theme!r}; themes: {', '.join(s['hits'])}")
        for i in sorted(set(s["hits"][theme])):
            rows.append({"report": n, "sentence": i, "text": s["text"][s["spans"][2 * i]:s["spans"][2 * i + 1]]})
    if not seen_group:
        groups = sorted({g for n in c.names for g in _groups_of(c.summary(n), by)}, key=str)
        raise UnknownName(f"no group {group!r} when grouping by {by!r}; groups: {', '.join(map(str, groups))}")
    out = _table(rows, columns=["report", "sentence", "text"])
    if not rows:
        out.index.name = f"no sentence of {group} speaks of {theme}"
    return out


def _counts(owner) -> Counter:
    return owner.memo(("collection word counts",), lambda: Counter(word_counts(owner)))


def collection_keyness(collection, reports, n: int = 15):
    """The words one set of reports (a debate, an organization's) uses more than the rest of the collection.

    Args:
        collection: a :class:`Collection`.
        reports: an event (``"UNSC 2016-10-28 CSTO SCO CIS"``) or a list of report names.
        n: how many words.

    Returns:
        A Table, strongest first, of words more frequent in ``reports``: ``count``, ``other``
        (its count in the rest), ``per_1000``, ``other_per_1000``, ``G2`` (log-likelihood, as
        :func:`~helpers.theme_keyness`), ``log_ratio`` and ``note`` ("small count" when the
        expected count is below :data:`SMALL_COUNT`). Stopwords are left out.

    >>> k = collection_keyness(load_collection(), "UNSC 2016-10-28 CSTO SCO CIS")
    >>> k.index[0], int(k.loc["disputes", "other"])
    ('disputes', 0)
    """
    import pandas as pd

    c = _as_collection(collection)
    chosen = set(c.event(reports).names) if isinstance(reports, str) else set(reports)
    unknown = chosen - set(c.names)
    if unknown:
        raise UnknownName(f"no report {sorted(unknown)[0]!r} in the collection")
    if not chosen or chosen == set(c.names):
        raise UsageError("keyness compares some reports with the rest: choose some, not none or all")
    a, b = Counter(), Counter()
    for owner in c:
        (a if owner.article.name in chosen else b).update(_counts(owner))
    size_a, size_b = sum(a.values()), sum(b.values())
    rows = []
    for w, k in a.items():
        g2, expected, ratio = log_likelihood(k, b[w], size_a, size_b)
        if k / size_a > b[w] / size_b:
            rows.append((w, k, b[w], round(1000 * k / size_a, 2), round(1000 * b[w] / size_b, 2), round(g2, 2),
                         round(ratio, 2), "small count" if expected < SMALL_COUNT else ""))
    rows.sort(key=lambda r: (-r[5], r[0]))
    frame = pd.DataFrame(rows[:n], columns=["word", "count", "other", "per_1000", "other_per_1000", "G2",
                                            "log_ratio", "note"])
    return _table(frame.set_index("word"), decimals={"per_1000": 2, "other_per_1000": 2, "G2": 2, "log_ratio": 2})


def tf_idf(collection, n: int = 5):
    """Each report's most distinctive words: term frequency × inverse document frequency.

    ``tf`` is the word's count over the report's words (stopwords left out); ``idf`` is
    ``log(N / df)``, with ``N`` reports of which ``df`` hold the word. A word in every report
    scores 0, however often it comes.

    Args:
        collection: a :class:`Collection`.
        n: how many words per report.

    Returns:
        A Table with ``report``, ``word``, ``count``, ``df``, ``tf``, ``idf`` and ``tf_idf``,
        ``n`` rows per report, highest first (ties alphabetical).

    >>> t = tf_idf(load_collection())
    >>> t[t.report == "xinhua-2019-03-07-osce-briefing"].word.iloc[0]
    'osce'
    """
    import pandas as pd

    c = _as_collection(collection)
    counts = {owner.article.name: _counts(owner) for owner in c}
    df = Counter(w for cnt in counts.values() for w in cnt)
    total = len(counts)
    rows = []
    for name, cnt in counts.items():
        size = sum(cnt.values()) or 1
        scored = sorted(((cnt[w] / size) * math.log(total / df[w]), w) for w in cnt)
        scored.sort(key=lambda sw: (-sw[0], sw[1]))
        for score, w in scored[:n]:
            rows.append((name, w, cnt[w], df[w], round(cnt[w] / size, 4), round(math.log(total / df[w]), 3),
                         round(score, 4)))
    return _table(pd.DataFrame(rows, columns=["report", "word", "count", "df", "tf", "idf", "tf_idf"]),
                  decimals={"tf": 4, "idf": 3, "tf_idf": 4})


# --- the explorer ---------------------------------------------------------------------

def collection_view(collection, a: str, b: str, theme: str, min_words: int = 8, group=None) -> dict:
    """What the collection explorer shows for its choices: the explorer's update, with no widget.

    Args:
        collection: a :class:`Collection`.
        a, b: two reports' names.
        theme: a theme's name.
        min_words: the shortest shared passage.
        group: an organization whose sentences to show, or ``None`` for the one with most hits.

    Returns:
        A dict: ``passages`` (:func:`shared_passages` of the two), ``html`` (the two side by
        side, marked), ``rates`` (:func:`theme_rates` by organization for the theme),
        ``group`` (the organization shown) and ``sentences`` (:func:`theme_sentences` of it).

    >>> v = collection_view(load_collection(), "idn-2016-10-31-un-regional-bodies",
    ...                     "unpress-2016-10-28-un-csto-sco-cis-cooperation", "Terrorism & extremism")
    >>> len(v["passages"]) > 0, "<mark>" in v["html"]
    (True, True)
    """
    c = _as_collection(collection)
    ta, tb = c.summary(c[a].article.name)["text"], c.summary(c[b].article.name)["text"]
    passages = shared_passages(ta, tb, min_words)
    rates = theme_rates(c, "organization", theme)
    if group is None:
        hits = rates["hits"].droplevel("theme")
        group = hits.idxmax() if len(hits) else None
    sentences = theme_sentences(c, theme, group) if group is not None else _empty(["report", "sentence", "text"], "no group")
    return {"passages": passages, "html": shared_html(ta, tb, min_words, (a, b)), "rates": rates, "group": group,
            "sentences": sentences}


def collection_explorer(collection=None):
    """Pick two reports: their shared passages marked; pick a theme: its rates by organization.

    Args:
        collection: a :class:`Collection`, or ``None`` for :func:`load_collection`.

    Returns:
        An ipywidgets box (a notebook shows it). Its update is :func:`collection_view`.

    >>> box = collection_explorer()
    >>> type(box).__name__
    'VBox'
    """
    import ipywidgets as w

    c = load_collection() if collection is None else _as_collection(collection)
    names = c.names
    themes = list(c.summary(names[0])["hits"])
    first = DEFAULT_ARTICLE if DEFAULT_ARTICLE in names else names[0]
    second = next((n for n in names if n != first and c.summary(n)["row"]["event"] == c.summary(first)["row"]["event"]),
                  names[1] if len(names) > 1 else names[0])
    pick_a = w.Dropdown(options=names, value=first, description="report A")
    pick_b = w.Dropdown(options=names, value=second, description="report B")
    size = w.IntSlider(value=8, min=3, max=30, description="min words")
    pick_theme = w.Dropdown(options=themes, value=themes[0], description="theme")
    groups = sorted({g for n in names for g in c.summary(n)["about"]})
    pick_group = w.Dropdown(options=["(most hits)", *groups], value="(most hits)", description="organization")
    out = w.HTML()

    def update(_=None):
        group = None if pick_group.value == "(most hits)" else pick_group.value
        view = collection_view(c, pick_a.value, pick_b.value, pick_theme.value, size.value, group)
        out.value = (view["html"] + view["rates"]._repr_html_()
                     + f"<p><b>The sentences behind {html.escape(str(view['group']))}:</b></p>"
                     + view["sentences"]._repr_html_())

    for control in (pick_a, pick_b, size, pick_theme, pick_group):
        control.observe(update, names="value")
    update()
    return w.VBox([w.HBox([pick_a, pick_b, size]), w.HBox([pick_theme, pick_group]), out])
