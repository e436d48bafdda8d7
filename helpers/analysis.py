"""One analysis of one article: the article read with its settings, and what is computed from it.

An :class:`Analysis` owns "this article, read with these speakers, organizations, phrases,
lexicon, blocs, stopwords and speech cues". Each setting is resolved once, when the
analysis is made (or made again, see below); what the kit computes from them — who speaks
in each sentence, the sentence groups, the theme hits, each sentence's words — is kept on
the analysis, made on first use, and dies with it, as NLTK's ``Text`` keeps its
concordance index. The lessons' functions (``theme_matrix(article, by=…)``,
``speaker_table(article)`` …) are its face: given an :class:`~helpers.Article` they use the
article's own analysis (the kit's data files), given an analysis they use it::

    article = load_article()
    mine = analyse(article, speakers="my-speakers.csv")
    theme_matrix(mine, by="organization")      # grouped with my speaker list

The analysis keeps a key over every data file it read (:func:`data_key`): when one of them is
edited, the next result is computed anew from the file as it is now. This module reads the
settings and holds what others compute; it computes no analysis itself, draws nothing and
never writes a file. :func:`clear_caches` empties every cache of the kit.
"""

from __future__ import annotations

import os
import sys
import warnings
from functools import lru_cache
from pathlib import Path

from .article import Article, load_article
from .blocs import load_blocs
from .datafiles import data_dir, data_file, file_stamp, load_countries, load_stopwords
from .frequency import article_aliases, article_phrases
from .lexicon import as_lexicon
from .speakers.grammar import BELIEF, cue_kinds, load_cues
from .speakers.registry import LEGACY_REGISTRY, load_speakers

__all__ = ["Analysis", "analyse", "analysis_of", "data_key", "clear_caches", "SHARED_FILES"]

#: The shared data files every analysis reads (besides the article's own bundle).
SHARED_FILES = ("abbreviations.txt", "boilerplate.txt", "phrases.txt", "aliases.txt", "speakers.cues.txt",
                "stopwords.txt", "themes.txt", "blocs.txt", "countries.txt")


def data_key(article, *paths) -> tuple:
    """The version of every data file an analysis of ``article`` reads: part of every cache key.

    Args:
        article: an :class:`~helpers.Article`.
        paths: more files to include (a speaker list, a lexicon or a blocs file of one's own).

    Returns:
        A tuple of ``(modification time, size)`` pairs (``None`` for a file that is not
        there): the article's text, its ``.toml`` and speaker list (and the older layout's
        shared speaker list), the shared files of :data:`SHARED_FILES` and ``paths``. Editing
        any of them changes the key.

    >>> a = load_article()
    >>> data_key(a) == data_key(a)
    True
    """
    return tuple(map(file_stamp, _files_read(str(article.path), str(data_dir()), tuple(map(str, paths)))))


@lru_cache(maxsize=256)
def _files_read(text: str, folder: str, paths: tuple) -> tuple[str, ...]:
    """The files :func:`data_key` stamps, as strings (made once: every call of every view checks them)."""
    base = text[:-len(".txt")] if text.endswith(".txt") else text
    return (text, base + ".toml", base + ".speakers.csv", os.path.join(folder, LEGACY_REGISTRY),
            *(os.path.join(folder, name) for name in SHARED_FILES), *paths)


#: The analyses whose data files were checked in the call of the kit now running (see
#: :func:`one_check`), or ``None`` when no such call runs.
_checked: set | None = None


class _OneCheck:
    """The ``with`` block of :func:`one_check`."""

    def __enter__(self):
        global _checked
        self.outermost = _checked is None
        if self.outermost:
            _checked = set()

    def __exit__(self, *exc):
        global _checked
        if self.outermost:
            _checked = None


def one_check() -> _OneCheck:
    """A ``with`` block in which every analysis checks the version of its data files once.

    A function of the kit that calls others (``theme_matrix`` → ``sentence_groups`` →
    ``attribute``) would have each of them stamp every data file again (:func:`data_key`:
    a dozen ``os.stat``). Inside ``with one_check():``, an analysis checked once is current
    until the outermost such block ends; the next call checks again, so an edit of a data
    file made between two calls is seen by the second.

    Returns:
        A context manager.
    """
    return _OneCheck()


def _as_path(value):
    return Path(value) if isinstance(value, (str, Path)) else None


class Analysis:
    """An article read with its settings; what is computed from them is kept here.

    Make one with :func:`analyse`. Attributes (each read once, when first asked for, and
    again after an edit of any data file the analysis reads; a broken file fails only what
    needs it):

    Attributes:
        article: the :class:`~helpers.Article`.
        speakers: the speaker list, a tuple of :class:`~helpers.Speaker`.
        themes: the lexicon, a dict from theme name to :class:`~helpers.Theme`.
        blocs: the blocs, a dict from bloc name to :class:`~helpers.Bloc`; ``blocs_file`` its file.
        aliases: the organizations counted, ``{key: names}`` (``data/aliases.txt`` and the
            article's own).
        phrases: the multi-word names joined, as word tuples.
        stopwords: the stopword set; ``cues`` the speech cues; ``countries`` the country names
            (``data/countries.txt``).

    What the kit computes from these (attributions, sentence groups, theme hits …) is kept in
    :meth:`memo` under a name, made on first use.
    """

    def __init__(self, article: Article, *, speakers=None, themes=None, blocs=None):
        self.article = article
        self._given = {"speakers": speakers, "themes": themes, "blocs": blocs}
        self._resolve()

    def _files(self):
        given = self._given
        own = [p for p in (_as_path(given["speakers"]), _as_path(given["themes"]), _as_path(given["blocs"])) if p]
        return data_key(self.article, *own)

    def _resolve(self) -> None:
        """Forget every setting and result: each is read again, from the files as they are now, when asked."""
        self.key = self._files()
        self._settings: dict = {}
        self._memo: dict = {}
        if _checked is not None:
            _checked.add(self)

    def _setting(self, name, read):
        try:
            return self._settings[name]
        except KeyError:
            value = self._settings[name] = read()
            return value

    @property
    def speakers(self) -> tuple:
        def read():
            spec = self._given["speakers"]
            if spec is None:
                return tuple(load_speakers(self.article))
            return tuple(load_speakers(spec)) if isinstance(spec, (str, Path)) else tuple(spec)
        return self._setting("speakers", read)

    @property
    def themes(self) -> dict:
        return self._setting("themes", lambda: as_lexicon(self._given["themes"]))

    @property
    def blocs_file(self) -> Path:
        return data_file("blocs.txt", self._given["blocs"])

    @property
    def blocs(self) -> dict:
        return self._setting("blocs", lambda: load_blocs(self.blocs_file))

    @property
    def aliases(self) -> dict:
        return self._setting("aliases", lambda: article_aliases(self.article))

    @property
    def alias_key(self) -> tuple:
        return self._setting("alias_key", lambda: tuple(self.aliases.items()))

    @property
    def phrases(self) -> tuple:
        return self._setting("phrases", lambda: article_phrases(self.article))

    @property
    def stopwords(self) -> frozenset:
        return self._setting("stopwords", load_stopwords)

    @property
    def cues(self) -> tuple:
        return self._setting("cues", load_cues)

    @property
    def countries(self) -> frozenset:
        return self._setting("countries", load_countries)

    @property
    def belief_cues(self) -> frozenset:
        """The cues that report what a speaker holds ("believed", "agreed"), not what they said."""
        return self._setting("belief_cues", lambda: frozenset(c for c, kind in cue_kinds().items() if kind == BELIEF))

    def current(self) -> "Analysis":
        """This analysis, with its settings read again first if a data file it read was edited.

        Returns:
            ``self``.
        """
        if _checked is not None and self in _checked:
            return self  # checked already in the call of the kit now running
        if self._files() != self.key:
            self._resolve()
        elif _checked is not None:
            _checked.add(self)
        return self

    def memo(self, name, compute):
        """What is kept under ``name``: ``compute()`` the first time, the same object after.

        Args:
            name: a hashable name (a string, or a tuple of a name and its arguments).
            compute: a function of no argument that computes it.

        Returns:
            The kept value. The kit's modules keep their results here, so a result lives
            as long as the analysis and is made again after an edit of a data file.
        """
        try:
            return self._memo[name]
        except KeyError:
            value = self._memo[name] = compute()
            return value

    def __getattr__(self, name):
        # what the article has (text, sentences, tokens …) the analysis has too, so that every
        # function that reads an article reads an analysis of it
        if name.startswith("__") or name in ("article", "_given", "_memo", "_settings", "key"):
            raise AttributeError(name)
        return getattr(self.article, name)

    def __repr__(self) -> str:
        own = ", ".join(f"{k}={v!r}" if isinstance(v, (str, Path)) else f"{k}=<{len(v)} given>"
                        for k, v in self._given.items() if v is not None)
        return (f"<Analysis of {self.article.name!r}: {len(self.speakers)} speakers, {len(self.themes)} themes, "
                f"{len(self.blocs)} blocs{'; ' + own if own else ''}>")


def analyse(article=None, *, speakers=None, themes=None, blocs=None) -> Analysis:
    """An analysis of ``article`` with settings of one's own: pass it where a lesson passes the article.

    Args:
        article: an :class:`~helpers.Article`, an article's name or path, or ``None`` for the
            course's current article (:func:`~helpers.load_article`).
        speakers: a speaker list: a file written like ``NAME.speakers.csv``, or a list of
            :class:`~helpers.Speaker`; ``None`` for the article's own.
        themes: a lexicon: a themes file, a dict ``{name: terms}`` or Theme objects; ``None`` for
            ``data/themes.txt``.
        blocs: a blocs file; ``None`` for ``data/blocs.txt``.

    Returns:
        An :class:`Analysis`. Every analysis, plot and explorer given it groups, counts and
        attributes with these settings.

    >>> a = analyse(load_article(), themes={"Peace": "peace*"})
    >>> list(a.themes), len(a.speakers)
    (['Peace'], 27)
    """
    if not isinstance(article, Article):
        article = load_article(article)
    return Analysis(article, speakers=speakers, themes=themes, blocs=blocs)


_OWN = "_analysis"  # where an article keeps its own analysis, in its __dict__


def analysis_of(source, *, registry=None, blocs=None, caller: str | None = None) -> Analysis:
    """The analysis a function works on: ``source`` itself, or its article's own analysis.

    This is how every function of the kit that takes ``article`` reads its settings.

    Args:
        source: an :class:`Analysis`, an :class:`~helpers.Article`, or ``None`` (the course's article).
        registry, blocs: settings given the old way, as keywords of a function; they still
            work, with a ``FutureWarning`` that says to use :func:`analyse`.
        caller: the function's name, for that warning.

    Returns:
        An :class:`Analysis`, current with the data files.

    >>> a = load_article()
    >>> analysis_of(a) is analysis_of(a)
    True
    """
    given = {k: v for k, v in (("speakers", registry), ("blocs", blocs)) if v is not None}
    if given:
        old = ", ".join("registry=" if k == "speakers" else f"{k}=" for k in given)
        new = ", ".join(f"{k}=…" for k in given)
        warnings.warn(f"{caller or 'this function'}({old}…) is deprecated and will be removed: make an analysis "
                      f"with analyse(article, {new}) and pass it instead of the article", FutureWarning, stacklevel=3)
    if isinstance(source, Analysis):
        if not given:
            return source.current()
        merged = {**source._given, **given}
        return Analysis(source.article, **merged)
    article = source if source is not None else load_article()
    if not isinstance(article, Article):
        raise TypeError(f"{caller or 'this function'} needs an article from load_article() or an analysis from "
                        f"analyse(), not {type(article).__name__}")
    if given:  # the old way: one analysis per article and settings, kept with the article
        try:
            key = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(given.items()))
            hash(key)
        except TypeError:
            return Analysis(article, **given)
        kept = article.__dict__.setdefault(_OWN + "_given", {})
        if key not in kept:
            kept[key] = Analysis(article, **given)
        return kept[key].current()
    own = article.__dict__.get(_OWN)
    if own is None:
        own = article.__dict__[_OWN] = Analysis(article)
        return own
    return own.current()


def clear_caches() -> None:
    """Empty every cache of the kit: the next result reads every file again.

    Editing a data file is seen without this (each cache's key holds the file's version);
    it is for measuring, or for freeing memory. A cache marked ``keep_on_clear`` (the class of
    the kit's tables, which ``isinstance`` checks rely on) is kept.

    Returns:
        None.

    >>> clear_caches()
    """
    for name, module in list(sys.modules.items()):
        if name == "helpers" or name.startswith("helpers."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)) and not getattr(value, "keep_on_clear", False):
                    value.cache_clear()
