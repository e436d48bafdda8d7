"""Widget explorers: thin ipywidgets layers over the lessons' own functions.

Each explorer's update logic is a plain function that a test can call without
a browser; ipywidgets is imported only when an explorer is built.

Text boxes answer as the learner types: each key press waits a moment
(:data:`TYPING_PAUSE`) for the next, and the view is drawn once typing pauses.
Sentences and paragraphs are numbered from 0, as ``article.sentences[i]`` and
``article.paragraphs[i]`` are, and labelled "sentence 4" and "paragraph 3" everywhere.
"""

from __future__ import annotations

import html
import itertools
import os
from dataclasses import dataclass, field

from .analysis import analysis_of
from .datafiles import data_dir
from .examples import largest_cell
from .display import SCROLL_NOTE, WIDE_CHARS, clip, shown
from .frequency import kwic, kwic_lines_html, no_kwic_html, no_occurrences, top_words, word_numbers
from .groups import GROUPINGS
from .lexicon import as_lexicon, make_theme
from .plots import HEAT_CMAP, PALETTE, heat_top, ink
from .speakers.registry import find_speaker
from .speakers.views import speaker_keywords, speaker_sentences, speaker_table
from .themes import theme_hits, theme_matrix

__all__: list[str] = []

# --- bounded pages ---
# An explorer never sends the browser more than about _HTML_BUDGET characters in one widget,
# whatever the article: a long sentence shows its two ends (or the text around its hits), a
# long label is cut, and what does not fit is counted in a line that says it was left out.

#: The most characters of text (before markup) an explorer puts in one widget.
_HTML_BUDGET = 1_000_000
#: A sentence longer than this shows its two ends, or the text around its hits.
_SENTENCE_CHARS = 2_000
#: The most characters of a label: a theme, a group, a word, a message line.
_LABEL_CHARS = 80
#: The most characters of a message (a hint, an error in edited terms).
_MESSAGE_CHARS = 2_000


def _label(value) -> str:
    """A label (theme, group, word) as HTML: escaped, and cut when it is long."""
    return html.escape(clip(str(value), _LABEL_CHARS))



#: Seconds a text box waits after a key press before the view is drawn again.
TYPING_PAUSE = 0.3


class _Debounced:
    """Call ``action`` once typing pauses: each call waits :data:`TYPING_PAUSE` s for the next.

    In a running kernel (JupyterLab, Voilà) the wait is a timer on the kernel's event
    loop, so the call happens in the kernel's own thread. Without a running event loop
    (a script, a test, a doctest) there is nobody to wait for: the action runs at once.

    >>> calls = []
    >>> later = _Debounced(lambda: calls.append(1))
    >>> later(); later(); calls
    [1, 1]
    """

    def __init__(self, action, pause: float | None = None):
        self.action, self.pause, self._timer = action, pause, None

    def __call__(self, *_):
        import asyncio

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.now()
            return
        self.cancel()
        self._timer = loop.call_later(TYPING_PAUSE if self.pause is None else self.pause, self.now)

    def cancel(self):
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def now(self, *_):
        """Run the action at once, dropping any call still waiting."""
        self.cancel()
        self.action()


def _in_app() -> bool:
    """Whether the kernel was started by Voilà (``make app``), which sets ``SERVER_SOFTWARE``."""
    return os.environ.get("SERVER_SOFTWARE", "").startswith("voila")


#: Shown under an explorer in JupyterLab: a saved notebook keeps a picture of it, not the live one.
RERUN_NOTE = ("<p style='color:#666;font-size:90%;margin:4px 0'>This explorer runs in the notebook's kernel. "
              "After reopening the notebook, or restarting the kernel, it only shows how it last looked: "
              "run the notebook's cells again (menu Run ▸ Run All Cells) to bring it back to life.</p>")


def _note(w):
    """The rerun note as a widget, or an empty one in the app (where a page reload reruns)."""
    return w.HTML("" if _in_app() else RERUN_NOTE)


# --- themes ---

__all__ += ["theme_explorer", "theme_explorer_view", "theme_terms_text"]


def theme_terms_text(theme) -> str:
    """A theme's terms as the text box shows them: one term a line, ``not:`` lines last.

    Args:
        theme: a :class:`~helpers.Theme`.

    Returns:
        The terms as text, one per line, in the order of the theme.

    >>> from helpers import load_themes
    >>> print(theme_terms_text(load_themes()["Territorial integrity"]))
    territorial integrity
    annex*
    occupied
    occupation
    """
    return "\n".join(list(theme.terms) + [f"not: {t}" for t in theme.exclude])


def _theme_from_text(theme, text: str):
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    keep = [l for l in lines if not l.lower().startswith("not:")]
    drop = [l.split(":", 1)[1].strip() for l in lines if l.lower().startswith("not:")]
    return make_theme(theme.name, keep, note=theme.note, exclude=[d for d in drop if d])


#: The most rows (groups, or sentences of a cell) the theme explorer draws; the rest are counted.
_MAX_ROWS = 200


def _matrix_html(matrix) -> str:
    import numpy as np
    from matplotlib import colormaps, colors

    cmap, values = colormaps[HEAT_CMAP], matrix.to_numpy(dtype=float)
    top = heat_top(values)
    rates = bool((values[~np.isnan(values)] % 1 != 0).any()) if values.size else False
    head = "".join(f"<th style='padding:2px 6px;min-width:4.5em;max-width:8em;white-space:normal'>"
                   f"{_label(c)}</th>" for c in matrix.columns)
    rows = []
    for label, row in zip(matrix.index[:_MAX_ROWS], values[:_MAX_ROWS]):
        cells = []
        for v in row:
            if v != v:  # NaN: a group with no words has no rate
                cells.append("<td style='text-align:center;padding:2px 6px'>—</td>")
                continue
            text = "·" if v == 0 else (f"{v:.1f}" if rates else f"{int(v)}")  # one decimal, as the heatmap
            cells.append(f"<td style='background:{colors.to_hex(cmap(v / top))};color:{ink(v / top)};"
                         f"text-align:center;padding:2px 6px'>{html.escape(text)}</td>")
        rows.append(f"<tr><th style='text-align:left;padding:2px 6px;white-space:nowrap'>{_label(label)}</th>"
                    + "".join(cells) + "</tr>")
    hidden = len(matrix.index) - len(rows)
    more = f"<p><i>{hidden:,} more rows are not shown; pick a row below to read it.</i></p>" if hidden > 0 else ""
    # about as wide as its row labels and a column of 8em or so per theme: say when that outgrows the box
    width = max((len(str(label)) for label in matrix.index[:_MAX_ROWS]), default=0) + 9 * len(matrix.columns)
    return ((SCROLL_NOTE if width > WIDE_CHARS else "")
            + f"<table style='border-collapse:collapse;font-size:90%'><tr><th></th>{head}</tr>"
            + "".join(rows) + "</table>" + more)


#: Characters of context either side of a hit in a sentence too long to show whole.
_AROUND = 160


def _marked_sentence(text: str, start: int, end: int, spans) -> str:
    """``text[start:end]`` as HTML with ``spans`` (``(start, end, term)``, in order) marked.

    A sentence longer than :data:`_SENTENCE_CHARS` shows only the text around its hits
    (the first 20 of them), with what is left out between them counted.
    """
    long = end - start > _SENTENCE_CHARS
    pieces, pos = [], start
    for k, (s, e, term) in enumerate(spans):
        if s < pos:
            continue
        if long and k == 20:
            break
        gap = text[pos:s]
        if long:
            gap = clip(gap, 2 * _AROUND) if pos > start else ("… " + gap[-_AROUND:] if len(gap) > _AROUND else gap)
        pieces.append(html.escape(gap))
        pieces.append(f"<mark title='{html.escape(clip(term, _LABEL_CHARS))}'>"
                      f"{html.escape(clip(text[s:e], _LABEL_CHARS))}</mark>")
        pos = e
    rest = text[pos:end]
    if long and len(rest) > _AROUND:
        rest = rest[:_AROUND] + f" … [{len(rest) - _AROUND:,} more characters left out]"
    pieces.append(html.escape(rest))
    return "".join(pieces)


def _sentences_html(article, hits) -> str:
    if hits.empty:
        return "<p><i>No hits in this cell: pick another row or theme.</i></p>"
    parts, total, used = [], hits["sentence"].nunique(), 0
    for sentence, rows in itertools.islice(hits.groupby("sentence", sort=True), _MAX_ROWS):
        s = article.sentences[int(sentence)]
        spans = [(r.start, r.end, r.term) for r in rows.sort_values("start").itertuples()]
        part = (f"<li><b>sentence {s.index}</b> · paragraph {s.paragraph}: "
                f"{_marked_sentence(article.text, s.start, s.end, spans)}</li>")
        used += len(part)
        if used > _HTML_BUDGET and parts:
            break
        parts.append(part)
    shown = f" (the first {len(parts):,} are shown)" if total > len(parts) else ""
    return (f"<p>{len(hits):,} hit(s) in {total:,} sentence(s){shown}:</p>"
            "<ul style='list-style:none;padding-left:0'>" + "".join(parts) + "</ul>")


def _no_themes_html(themes=None) -> str:
    """What the theme views show when the lexicon holds no theme."""
    from pathlib import Path


    where = themes if isinstance(themes, (str, Path)) else data_dir() / "themes.txt" if themes is None else None
    source = f"the themes file {html.escape(str(where))}" if where is not None else "the themes given"
    return (f"<p><i>There is no theme to explore: {source} holds none.</i> Add one to the file: a line "
            "<code>[Theme name]</code>, then one term a line (<code>terror*</code>, <code>drug trafficking</code>); "
            "or restore the kit's <code>data/themes.txt</code>. <code>python -m helpers doctor</code> checks it.</p>")


def theme_explorer_view(article, *, selected=None, by="speaker", normalize=None, edits=None,
                        group=None, theme=None, themes=None, registry=None) -> dict:
    """Everything the theme explorer shows, computed without widgets.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        selected: theme names to show (``None`` for all).
        by: the grouping (see :func:`~helpers.theme_groups`).
        normalize: ``None`` or ``"per_1000"``.
        edits: ``{theme name: text}`` of edited terms (one per line, ``not:`` lines
            allowed), used instead of the file's terms; nothing is written to disk.
        group, theme: the picked cell.
        themes: another lexicon file.
        registry: deprecated: pass ``analyse(article, speakers=…)`` as ``article``.

    Returns:
        A dict: ``lexicon`` (the themes used), ``matrix``, ``table_html``,
        ``groups`` (the rows), ``message_html`` (errors in edited terms and hints
        for themes that match nothing) and ``sentences_html`` (the picked cell's
        sentences with the hits marked, everything HTML-escaped).

    >>> from helpers import load_article
    >>> view = theme_explorer_view(load_article(), selected=["Territorial integrity"],
    ...                            edits={"Territorial integrity": "territorial integrity\\nintegrity"},
    ...                            group="Ukraine", theme="Territorial integrity")
    >>> int(view["matrix"].loc["Ukraine", "Territorial integrity"]), "<mark" in view["sentences_html"]
    (1, True)
    """
    owner = analysis_of(article, registry=registry, caller="theme_explorer_view")
    base = owner.themes if themes is None else as_lexicon(themes)
    lexicon, messages = {}, []
    for name, t in base.items():
        if selected is not None and name not in selected:
            continue
        if edits and name in edits:
            try:
                t = _theme_from_text(t, edits[name])
            except ValueError as err:
                messages.append(f"<span style='color:#D55E00'>{html.escape(clip(str(err), _MESSAGE_CHARS))} "
                                f"(counting with the file's terms meanwhile)</span>")
        lexicon[name] = t
    if not lexicon:
        table = _no_themes_html(themes) if not base else "<p><i>Pick at least one theme.</i></p>"
        return {"lexicon": {}, "matrix": None, "table_html": table,
                "groups": [], "message_html": "", "sentences_html": ""}
    matrix = theme_matrix(owner, by=by, normalize=normalize, themes=lexicon)
    left, hints = _HTML_BUDGET, []
    for hint in matrix.attrs["hints"].values():
        message = f"<pre style='margin:2px 0'>{html.escape(clip(hint, _MESSAGE_CHARS))}</pre>"
        left -= len(message)
        if left < 0:
            hints.append(f"<p><i>{len(matrix.attrs['hints']) - len(hints):,} more hints are left out.</i></p>")
            break
        hints.append(message)
    if hints:  # one line between the table and the controls; the explanations open on a click
        names = list(matrix.attrs["hints"])
        listed = ", ".join(html.escape(clip(str(n), 40)) for n in names[:4]) + (", …" if len(names) > 4 else "")
        messages.append(f"<details><summary>{len(names):,} theme{'s' if len(names) != 1 else ''} with no hits "
                        f"here ({listed}): click to see why</summary>{''.join(hints)}</details>")
    sentences_html = ""
    if group is not None and theme in lexicon and group in matrix.index:
        hits = theme_hits(owner, theme, group, by=by, themes=lexicon)
        sentences_html = (f"<h4>{_label(theme)} · {_label(group)}</h4>"
                          + _sentences_html(owner.article, hits))
    return {"lexicon": lexicon, "matrix": matrix, "table_html": _matrix_html(matrix),
            "groups": list(matrix.index), "message_html": "".join(messages),
            "sentences_html": sentences_html}


def theme_explorer(article=None, *, themes=None, registry=None):
    """Pick themes, a grouping and counts or rates; edit a theme's terms; click into a cell.

    The controls are attributes of the returned box (``themes``, ``grouping``,
    ``normalize``, ``edit_theme``, ``terms``, ``reset``, ``group_pick``,
    ``theme_pick``, ``table``, ``message``, ``sentences``); ``refresh()`` redraws.
    Edited terms live in ``edits`` and in memory only: ``data/themes.txt`` is never written.

    Args:
        article: an :class:`~helpers.Article`; ``None`` loads the course's current article.
        themes: another lexicon (a themes file, or a dict ``{name: terms}``).
        registry: deprecated: pass ``analyse(article, speakers=…)`` as ``article``.

    Returns:
        An ipywidgets ``VBox``; show it by making it the last line of a cell.

    >>> from helpers import load_article
    >>> box = theme_explorer(load_article())
    >>> box.grouping.value = "organization"
    >>> list(box.group_pick.options)[:2]
    ['UN', 'CSTO']
    """
    import ipywidgets as w

    owner = article = analysis_of(article, registry=registry, caller="theme_explorer")
    base = owner.themes if themes is None else as_lexicon(themes)
    names = list(base)
    if not names:  # nothing to pick from: say why, and how to add a theme
        box = w.VBox([w.HTML(_no_themes_html(themes))])
        for part in ("themes", "grouping", "normalize", "edit_theme", "terms", "reset", "group_pick",
                     "theme_pick", "table", "message", "sentences"):
            setattr(box, part, None)
        box.edits, box.refresh, box.view = {}, lambda *_: None, None
        return box
    wide = w.Layout(width="auto")
    pick = w.SelectMultiple(options=names, value=tuple(names), rows=min(12, len(names)),
                            description="Themes", layout=w.Layout(width="420px"))
    grouping = w.Dropdown(options=[g for g in GROUPINGS if g != "sentence"], value="speaker",
                          description="Group by")
    normalize = w.ToggleButtons(options=[("counts", None), ("per 1,000 words", "per_1000")],
                                value=None, description="Show")
    edit_theme = w.Dropdown(options=names, value=names[0], description="Edit theme")
    terms = w.Textarea(value=theme_terms_text(base[names[0]]), description="Terms",
                       placeholder="one term a line; the table follows as you type",
                       rows=8, layout=w.Layout(width="420px"), continuous_update=True)
    terms_help = w.HTML("<span style='color:#666;font-size:90%'>The table follows as you type "
                        "(nothing is saved to the file).</span>")
    reset = w.Button(description="Reset terms", tooltip="go back to the terms in the themes file")
    group_pick = w.Dropdown(options=[], description="Row")
    theme_pick = w.Dropdown(options=names, value=names[0], description="Theme")
    table, message, sentences = w.HTML(), w.HTML(), w.HTML()
    edits: dict[str, str] = {}
    busy = []

    def refresh(*_):
        if busy:
            return
        busy.append(1)
        try:
            chosen = [n for n in names if n in pick.value]
            if list(theme_pick.options) != chosen:
                old = theme_pick.value
                theme_pick.options = chosen
                theme_pick.value = old if old in chosen else (chosen or [None])[0]

            def view_of(group):
                return theme_explorer_view(article, selected=chosen, by=grouping.value,
                                           normalize=normalize.value, edits=edits,
                                           group=group, theme=theme_pick.value, themes=base)

            view = view_of(group_pick.value)
            if list(group_pick.options) != view["groups"]:  # the rows do not depend on the picked cell
                old = group_pick.value
                group_pick.options = view["groups"]
                group_pick.value = old if old in view["groups"] else (view["groups"] or [None])[0]
                if group_pick.value != old:
                    view = view_of(group_pick.value)
            table.value, message.value = view["table_html"], view["message_html"]
            sentences.value = view["sentences_html"]
            box.view = view
        finally:
            busy.clear()

    def on_edit_theme(change):
        terms.value = edits.get(change["new"], theme_terms_text(base[change["new"]]))

    redraw = _Debounced(refresh)

    def on_terms(change):  # the edit is kept at once, for the theme it was typed for; the redraw waits
        name = edit_theme.value
        if change["new"] == theme_terms_text(base[name]):
            edits.pop(name, None)
        else:
            edits[name] = change["new"]
        redraw()

    def on_reset(_):
        edits.pop(edit_theme.value, None)
        terms.value = theme_terms_text(base[edit_theme.value])
        redraw.now()

    # The explorer opens on a cell that has hits: the largest of the table, narration aside.
    opening = theme_matrix(owner, by=grouping.value, themes=base)
    if len(opening.index):
        first_group, first_theme = largest_cell(opening)
        group_pick.options, group_pick.value = list(opening.index), first_group
        theme_pick.value = first_theme
    for control in (pick, grouping, normalize, group_pick, theme_pick):
        control.observe(refresh, names="value")
    edit_theme.observe(on_edit_theme, names="value")
    terms.observe(on_terms, names="value")
    reset.on_click(on_reset)
    # The table scrolls sideways in a box of its own, its scroll bar right below it.
    table_box = w.Box([table], layout=w.Layout(overflow="auto", width="100%"))
    box = w.VBox([
        w.HBox([pick, w.VBox([grouping, normalize])]),
        table_box, message,
        w.HBox([w.VBox([edit_theme, terms, terms_help, reset]), w.VBox([group_pick, theme_pick])]),
        sentences, _note(w),
    ], layout=wide)
    box.themes, box.grouping, box.normalize = pick, grouping, normalize
    box.edit_theme, box.terms, box.reset = edit_theme, terms, reset
    box.group_pick, box.theme_pick = group_pick, theme_pick
    box.table, box.message, box.sentences = table, message, sentences
    box.edits, box.refresh = edits, refresh
    refresh()
    return box


# --- frequency ---------------------------------------------------------------------------

__all__ += ["FrequencyView", "frequency_view", "frequency_explorer"]


@dataclass(frozen=True)
class FrequencyView:
    """What the frequency explorer shows for one setting of its controls.

    Attributes:
        top: the top words as ``(word, count)`` pairs.
        word: the word whose contexts are shown (``""`` for none).
        rows: its :class:`~helpers.KwicLine` s (empty if it never occurs).
        html: the KWIC lines as HTML (or the message, as HTML).
        positions: where the word occurs, as word numbers (for the dispersion plot).
        message: one line for the learner: how many occurrences, or what went wrong.
        chart: where the word occurs, as a strip of ticks in HTML (``""`` when it does not).
    """

    top: list = field(default_factory=list)
    word: str = ""
    rows: list = field(default_factory=list)
    html: str = ""
    positions: list = field(default_factory=list)
    message: str = ""
    chart: str = ""


def _dispersion_strip(word: str, positions, total: int) -> str:
    """Where ``word`` occurs, as one row of ticks across the article, in HTML with an SVG.

    The explorer shows this rather than a matplotlib figure: it answers in a few
    milliseconds, however busy the machine. Ticks closer than a thousandth of the
    article are drawn once, so even a word that occurs everywhere makes a small page.
    :func:`~helpers.plot_dispersion` draws the same with matplotlib.

    >>> strip = _dispersion_strip("sco", [169], 2136)
    >>> strip.count("<line"), "x1='79'" in strip
    (2, True)
    """
    if not positions:
        return ""
    total = max(total, 1)
    xs = sorted({round(1000 * p / total) for p in positions})
    ticks = "".join(f"<line x1='{x}' x2='{x}' y1='4' y2='30' stroke='{PALETTE[0]}' stroke-width='2' "
                    f"vector-effect='non-scaling-stroke'/>" for x in xs)
    marks = "".join(f"<span>{k * total // 4:,}</span>" for k in range(5))
    return (f"<div style='margin-top:6px'><b>Where {html.escape(shown(word))} occurs</b> "
            f"(word number, 0 to {total:,})"
            f"<svg viewBox='0 0 1000 34' preserveAspectRatio='none' width='100%' height='34' role='img' "
            f"aria-label='{len(positions):,} occurrences, each a tick'>"
            f"<line x1='0' x2='1000' y1='33' y2='33' stroke='#999' vector-effect='non-scaling-stroke'/>{ticks}</svg>"
            f"<div style='display:flex;justify-content:space-between;color:#666;font-size:85%'>{marks}</div></div>")


def frequency_view(article, n=15, *, stopwords=True, stem=False, phrases=False, word=None,
                   width=50) -> FrequencyView:
    """Everything the frequency explorer shows, computed without any widget.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        n, stopwords, stem, phrases: as for :func:`~helpers.top_words`.
        word: the word to show in context; ``None`` picks the first top word,
            ``""`` shows none. Stemming and phrases, if on, apply to it too, so
            the contexts shown always match the count in the top list.
        width: characters of context on each side of the keyword.

    Returns:
        A :class:`FrequencyView`.

    >>> from helpers import load_article
    >>> v = frequency_view(load_article(), 3, word="terrorism")
    >>> v.top, len(v.rows), v.message
    ([('cooperation', 33), ('united', 30), ('nations', 29)], 8, "8 occurrences of 'terrorism'")
    >>> frequency_view(load_article(), 3, word="terorism").message[:34]
    "no occurrences of 'terorism' in th"
    """
    top = top_words(article, n, stopwords=stopwords, stem=stem, phrases=phrases)
    if word is None:
        word = top[0][0] if top else ""
    if not isinstance(word, str):
        raise TypeError(f"word should be a string such as 'terrorism', not {type(word).__name__} {word!r}")
    word = word.strip()
    if not word:
        return FrequencyView(top, "", message="Type a word, or pick one from the list, to see it in context.")
    try:
        rows = kwic(article, word, width, stem=stem, phrases=phrases)
    except ValueError as err:
        return FrequencyView(top, word, message=str(err))
    if not rows:
        message = no_occurrences(article, word)
        return FrequencyView(top, word, html=no_kwic_html(message), message=message)
    message = f"{len(rows)} occurrence{'s' if len(rows) != 1 else ''} of {shown(word)}" + (" (by stem)" if stem else "")
    # kwic_html and dispersion would search the article again for the rows found above
    positions = word_numbers(article, rows)
    return FrequencyView(top, word, rows, kwic_lines_html(word, rows, heading=False),  # the message says how many
                         positions, message, _dispersion_strip(word, positions, len(article.words)))


def frequency_explorer(article=None, n=15, *, word=None):
    """A linked explorer: top words, then the chosen word in context and where it occurs.

    Controls: a **Top words** slider, **Remove stopwords** / **Stem words** /
    **Join phrases** checkboxes, a **Word** box, and a **Pick a word** list
    filled with the current top words. The widget's ``.slider``, ``.stopwords``,
    ``.stem``, ``.phrases``, ``.word_box``, ``.word_list``, ``.message``,
    ``.kwic`` (HTML), ``.chart`` (HTML: where the word occurs) and ``.view`` (the last
    :class:`FrequencyView`) are there for you (and for tests) to read or set.

    Args:
        article: an :class:`~helpers.Article`; ``None`` loads the course's current article.
        n: how many top words to start with.
        word: the word to start with (``None``: the most frequent one).

    Returns:
        An ipywidgets ``VBox``; show it by making it the last line of a cell.

    >>> from helpers import load_article
    >>> ex = frequency_explorer(load_article(), 5)
    >>> ex.word_box.value, ex.view.message
    ('cooperation', "33 occurrences of 'cooperation'")
    >>> ex.word_box.value = "sco"
    >>> ex.view.message, ex.view.positions
    ("1 occurrence of 'sco'", [169])
    """
    import ipywidgets as w

    article = analysis_of(article)
    wide = {"description_width": "initial"}
    slider = w.IntSlider(value=n, min=1, max=50, description="Top words", style=wide,
                         continuous_update=False)
    stopwords = w.Checkbox(value=True, description="Remove stopwords", indent=False)
    stem = w.Checkbox(value=False, description="Stem words", indent=False)
    phrases = w.Checkbox(value=False, description="Join phrases", indent=False)
    word_box = w.Text(description="Word", placeholder="type a word, e.g. terrorism: the view follows",
                      continuous_update=True, style=wide)
    word_list = w.Select(description="Pick a word", rows=12, style=wide, layout=w.Layout(width="260px"))
    message = w.HTML()
    kwic_view = w.HTML(layout=w.Layout(max_height="320px", overflow="auto"))
    chart = w.HTML()
    box = w.VBox([
        w.HBox([slider, stopwords, stem, phrases]),
        w.HBox([w.VBox([word_box, word_list]), w.VBox([message, kwic_view], layout=w.Layout(flex="1"))]),
        chart, _note(w),
    ])
    busy = []  # set while the list is refilled, so that refilling does not count as a pick

    def render(_change=None):
        view = frequency_view(article, slider.value, stopwords=stopwords.value, stem=stem.value,
                              phrases=phrases.value, word=word_box.value)
        busy.append(True)
        try:
            word_list.options = [(f"{clip(word, _LABEL_CHARS)} ({count})", word) for word, count in view.top]
            word_list.value = view.word if view.word in dict(view.top) else None
        finally:
            busy.pop()
        message.value = f"<b>{html.escape(view.message)}</b>"
        kwic_view.value = view.html if view.rows else ""  # the message already says why there is none
        chart.value = view.chart
        box.view = view

    typed = _Debounced(render)  # the word box follows typing once it pauses

    def pick(change):
        if not busy and change["new"]:
            word_box.value = change["new"]
            typed.now()  # a pick is no typing: it shows at once

    for control in (slider, stopwords, stem, phrases):
        control.observe(render, "value")
    word_box.observe(typed, "value")
    word_list.observe(pick, "value")
    box.slider, box.stopwords, box.stem, box.phrases = slider, stopwords, stem, phrases
    box.word_box, box.word_list, box.message, box.kwic, box.chart = word_box, word_list, message, kwic_view, chart
    first = word if word is not None else frequency_view(article, n, word=None).word
    word_box.value = first
    typed.now()
    return box


# --- speakers ---

__all__ += ["SpeakerView", "speaker_view", "speaker_explorer"]

#: Longer articles show only the speaker's paragraphs, at most this many, so the page stays quick.
_MAX_PARAGRAPHS = 200
#: A paragraph longer than this (in characters) shows only the speaker's sentences.
_LONG_PARAGRAPH = 50_000


@dataclass(frozen=True)
class SpeakerView:
    """What the speaker explorer shows for one speaker.

    Attributes:
        speaker: the registry name.
        sentences: the sentence indexes the rules give them.
        keywords: ``(word, G²)`` pairs, most typical first.
        themes: ``{theme: hits}`` for the themes they touch (empty if themes are unavailable).
        html: a heading and the article with their sentences marked, all HTML-escaped.
        chart: the typical words as a bar chart in HTML (``""`` when there are none).
    """

    speaker: str
    sentences: list
    keywords: list
    themes: dict
    html: str
    chart: str = ""


def _keyword_chart(name: str, pairs) -> str:
    """Words and their keyness as horizontal bars in HTML, longest on top; all text escaped.

    The explorer shows this rather than a matplotlib figure: it answers a new pick in
    a few milliseconds, however busy the machine, where drawing a figure into a PNG
    takes tens of milliseconds. :func:`~helpers.plot_speaker_keywords` draws the same
    chart with matplotlib.

    >>> print(_keyword_chart("A & B", [("cis", 9.0), ("economic", 4.5)]).count("width:50.0%"))
    1
    """

    if not pairs:
        return ""
    top = max(g for _, g in pairs)
    rows = "".join(
        f"<tr><td style='text-align:right;padding:1px 6px 1px 0;white-space:nowrap'>{_label(w)}</td>"
        f"<td style='width:12em;padding:1px 0'><div style='background:{PALETTE[0]};height:0.9em;"
        f"width:{100 * max(g, 0) / top if top > 0 else 0:.1f}%'></div></td>"
        f"<td style='padding-left:6px;text-align:right;color:#555'>{g:.1f}</td></tr>"
        for w, g in pairs)
    return (f"<div style='margin-left:12px'><b>Words typical of {_label(name)}</b>"
            f"<table style='border-collapse:collapse;margin:4px 0'>{rows}</table>"
            "<div style='color:#666;font-size:90%'>keyness (log-likelihood G²): "
            "the longer the bar, the more typical the word</div></div>")


def speaker_view(article, name, *, n=8, registry=None) -> SpeakerView:
    """Everything the speaker explorer shows for ``name``, computed without any widget.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        name: a speaker's name or alias (see :func:`~helpers.speakers`).
        n: how many typical words.
        registry: deprecated: pass ``analyse(article, speakers=…)`` as ``article``.

    Returns:
        A :class:`SpeakerView`.

    >>> from helpers import load_article
    >>> v = speaker_view(load_article(), "Lodhi")
    >>> v.speaker, v.sentences, v.html.count("<mark")
    ('Maleeha Lodhi', [66, 67, 68, 69, 70], 5)
    """
    owner = analysis_of(article, registry=registry, caller="speaker_view")
    article = owner.article
    who = find_speaker(name, owner.speakers)
    said = {a.sentence.index: a for a in speaker_sentences(owner, who.name)}
    try:
        row = theme_matrix(owner, by="speaker")
        themes = {t: int(v) for t, v in row.loc[who.name].items() if v} if who.name in row.index else {}
    except (KeyError, ValueError):  # a broken theme file must not hide the speaker
        themes = {}
    by_paragraph: dict[int, list] = {}
    for s in article.sentences:
        by_paragraph.setdefault(s.paragraph, []).append(s)
    shown = range(len(article.paragraphs))
    if len(shown) > _MAX_PARAGRAPHS:  # a long text: only the speaker's own paragraphs, and not all
        shown = sorted({article.sentences[i].paragraph for i in said})[:_MAX_PARAGRAPHS]
    paragraphs, used, marked, full = [], 0, 0, False
    trimmed = []  # paragraphs too long to show whole: only the speaker's sentences are shown
    for number in shown:
        sentences = by_paragraph.get(number, ())
        long = sum(len(s.text) for s in sentences) > _LONG_PARAGRAPH
        if long:
            trimmed.append(number)
        pieces, skipped = [f"<span style='color:#999;font-size:85%'>paragraph {number} · </span>"], False
        for s in sentences:
            if long and s.index not in said:
                skipped = True
                continue
            if skipped and len(pieces) > 1:
                pieces.append("<span style='color:#777'>…</span>")
            skipped = False
            text = html.escape(clip(s.text, _SENTENCE_CHARS))
            if s.index in said:
                a = said[s.index]
                tip = html.escape(clip(f"{a.kind}; cue: {a.cue or 'none'}; {a.evidence}", _MESSAGE_CHARS))
                text = f"<mark title='{tip}'><b>sentence {s.index}</b> {text}</mark>"
                marked += 1
            else:
                text = f"<span style='color:#777'>{text}</span>"
            pieces.append(text)
            used += len(text)
            if used > _HTML_BUDGET:
                full = True
                break
        if article.cut and number == len(article.paragraphs) - 1 and not full:  # the last words are not the report's
            pieces.append("<span style='color:#a33'>[the text stops here, in the middle of a sentence: "
                          "this copy of the report is cut]</span>")
        paragraphs.append(f"<p style='margin:4px 0' data-paragraph='{number}'>" + " ".join(pieces) + "</p>")
        if full:
            break
    # The box opens at the speaker's first paragraph: no script can scroll a widget's HTML,
    # so the paragraphs before it are folded into one line that opens them.
    drawn = list(shown)[:len(paragraphs)]
    first = next((k for k, number in enumerate(drawn)
                  if any(s.index in said for s in by_paragraph.get(number, ()))), 0)
    if first > 0:
        above = sum(len(by_paragraph.get(number, ())) for number in drawn[:first])
        fold = (f"<details style='margin:2px 0 6px'><summary style='color:#666;cursor:pointer'>⋯ "
                f"{first:,} paragraph{'s' if first != 1 else ''} above ({above:,} sentence{'s' if above != 1 else ''}): "
                "click to show them</summary>" + "".join(paragraphs[:first]) + "</details>")
        paragraphs = [fold] + paragraphs[first:]
    count = len(said)
    listed = ", ".join(f"{t} ({v})" for t, v in themes.items())
    head = (f"<h4 style='margin:4px 0'>{_label(who.name)} — {html.escape(clip(who.role, _MESSAGE_CHARS))}</h4>"
            f"<p>Speaks for <b>{_label(who.speaks_for)}</b> · capacity: {_label(who.capacity)} · "
            f"{count} sentence{'s' if count != 1 else ''} (marked below; hover for the evidence)"
            + (" · themes: " + html.escape(clip(listed, _MESSAGE_CHARS)) if themes else "")
            + "</p>")
    if not count:
        head += "<p><i>The article reports nothing this speaker said: it only lists them as speaking.</i></p>"
    if len(shown) < len(article.paragraphs):
        head += (f"<p><i>A long text: {len(shown):,} of its {len(article.paragraphs):,} paragraphs are "
                 f"shown (the first {_MAX_PARAGRAPHS:,} where this speaker speaks).</i></p>")
    if trimmed:
        head += (f"<p><i>{len(trimmed):,} long paragraph{'s' if len(trimmed) != 1 else ''} "
                 f"(over {_LONG_PARAGRAPH:,} characters) show{'s' if len(trimmed) == 1 else ''} only this "
                 "speaker's sentences; … marks what is left out.</i></p>")
    if full:
        head += (f"<p><i>The page is full: {marked:,} of this speaker's {count:,} sentences are shown; "
                 "the rest of the text is left out to keep the page quick.</i></p>")
    body = ("<div style='max-height:360px;overflow:auto;border:1px solid #ddd;padding:4px 8px'>"
            + "".join(paragraphs) + "</div>")
    keywords = speaker_keywords(owner, who.name, n)
    return SpeakerView(who.name, sorted(said), keywords, themes, head + body, _keyword_chart(who.name, keywords))


def speaker_explorer(article=None, *, speaker=None, registry=None):
    """Pick a speaker: their sentences marked in the article, and the words typical of them.

    The widget's ``.speaker`` (Dropdown), ``.sentences`` (HTML), ``.chart`` (HTML: the
    typical words as bars) and ``.view`` (the last :class:`SpeakerView`) are there for you
    (and for tests) to read or set.

    Args:
        article: an :class:`~helpers.Article`; ``None`` loads the course's current article.
        speaker: the speaker to start with (``None``: the first to speak).
        registry: deprecated: pass ``analyse(article, speakers=…)`` as ``article``.

    Returns:
        An ipywidgets ``VBox``; show it by making it the last line of a cell.

    >>> from helpers import load_article
    >>> ex = speaker_explorer(load_article())
    >>> ex.speaker.value, ex.view.sentences[:3]
    ('Ban Ki-moon', [0, 1, 2])
    >>> ex.speaker.value = "Tanmaya Lal"
    >>> ex.view.sentences
    [62, 63, 64, 65]
    """
    import ipywidgets as w

    owner = analysis_of(article, registry=registry, caller="speaker_explorer")
    spoke = list(speaker_table(owner)["speaker"])
    silent = [s.name for s in owner.speakers if s.name not in spoke]
    options = [(name, name) for name in spoke] + [(f"{name} (listed only)", name) for name in silent]
    pick = w.Dropdown(options=options, value=speaker or (spoke[0] if spoke else None),
                      description="Speaker", style={"description_width": "initial"})
    sentences = w.HTML()
    chart = w.HTML()
    box = w.VBox([pick, w.HBox([w.VBox([sentences], layout=w.Layout(flex="2")), chart])])

    def render(_change=None):
        if pick.value is None:
            sentences.value, chart.value, box.view = "<p><i>No speaker in this article.</i></p>", "", None
            return
        view = speaker_view(owner, pick.value)
        sentences.value, chart.value, box.view = view.html, view.chart, view

    pick.observe(render, "value")
    box.speaker, box.sentences, box.chart = pick, sentences, chart
    render()
    return box


# --- dashboard ---
# The dashboard only lays the explorers out and links their controls. Explorers show
# everything through HTML widgets and never capture output with ``with out:`` while being
# built: under Voilà 0.5 (``make app``) a page whose notebook captures output that way can
# stay on its loading spinner (voila-dashboards/voila#1428).

__all__ += ["dashboard", "highlight_row"]


def highlight_row(table_html: str, label) -> str:
    """Mark the row called ``label`` in a table drawn by the theme explorer.

    Args:
        table_html: the HTML of a table whose rows start with a ``<th>`` label.
        label: the row to mark; ``None``, or a label not in the table, changes nothing.

    Returns:
        The same HTML, with that row outlined and its label marked with ▶.

    >>> html = "<table><tr><th>Ukraine</th><td>1</td></tr><tr><th>China</th><td>0</td></tr></table>"
    >>> highlight_row(html, "China")
    "<table><tr><th>Ukraine</th><td>1</td></tr><tr style='outline:3px solid #E69F00'><th>▶ China</th><td>0</td></tr></table>"
    """
    import re

    if label is None:
        return table_html
    pattern = re.compile(r"<tr>(<th[^>]*>)" + re.escape(_label(label)) + "</th>")
    return pattern.sub(lambda m: f"<tr style='outline:3px solid #E69F00'>{m.group(1)}▶ "
                                 f"{_label(label)}</th>", table_html, count=1)


def dashboard(article=None, *, registry=None):
    """The three explorers on one page, linked: words, speakers and themes.

    Picking a word (in the list or the box) shows it in context; picking a
    speaker also picks their row in the theme table (outlined there, with their
    sentences for the chosen theme below it); picking a speaker's row in the
    theme view picks that speaker. The parts are there for you (and for tests)
    as ``.frequency``, ``.speakers`` and ``.themes`` (see
    :func:`frequency_explorer`, :func:`speaker_explorer`, :func:`theme_explorer`).

    Args:
        article: an :class:`~helpers.Article`; ``None`` loads the course's current article.
        registry: deprecated: pass ``analyse(article, speakers=…)`` as ``article``.

    Returns:
        An ipywidgets ``VBox``; show it by making it the last line of a cell
        (``make app`` serves it as a web page with ``notebooks/05-explorer.ipynb``).

    >>> from helpers import load_article
    >>> app = dashboard(load_article())
    >>> app.speakers.speaker.value = "Liu Jieyi"
    >>> app.themes.group_pick.value
    'Liu Jieyi'
    >>> "▶ Liu Jieyi" in app.themes.table.value
    True
    >>> app.themes.group_pick.value = "Ukraine"
    >>> app.speakers.speaker.value, app.themes.table.value.count("▶"), "▶ Ukraine" in app.themes.table.value
    ('Ukraine', 1, True)
    """
    import ipywidgets as w

    article = analysis_of(article, registry=registry, caller="dashboard")
    words = frequency_explorer(article)
    people = speaker_explorer(article)
    themes = theme_explorer(article)

    def speaker_to_row(change):
        if change["new"] in themes.group_pick.options:
            themes.group_pick.value = change["new"]  # the theme view redraws if this is a change
        else:
            themes.refresh()  # rows are not speakers (another grouping): drop the old outline
        mark()

    def row_to_speaker(change):
        if change["new"] in [value for _, value in people.speaker.options]:
            people.speaker.value = change["new"]

    drawn = {"plain": themes.table.value if themes.table is not None else "", "marked": None}  # its table, and ours

    def mark(_change=None):
        if themes.table.value != drawn["marked"]:  # the theme view redrew its table
            drawn["plain"] = themes.table.value
        drawn["marked"] = highlight_row(drawn["plain"], people.speaker.value)
        themes.table.value = drawn["marked"]  # a change calls mark() once more, which changes nothing

    linked = themes.table is not None  # an empty theme lexicon: the theme view only says so
    if linked:
        people.speaker.observe(speaker_to_row, "value")
        themes.group_pick.observe(row_to_speaker, "value")
        themes.table.observe(mark, "value")

    def section(title, note, body):
        return w.VBox([w.HTML(f"<h3 style='margin:12px 0 2px'>{title}</h3><p style='margin:0 0 6px'>{note}</p>"),
                       body])

    app = w.VBox([
        w.HTML(f"<h2 style='margin:4px 0'>{_label(article.title or article.name)}</h2>"
               "<p>Three linked views of one article. Pick a word to read it in context; "
               "pick a speaker to read what they said and to find their row in the themes table.</p>"),
        section("1 · Words", "The most frequent words; pick one to see every sentence it is in.", words),
        section("2 · Speakers", "Who said what: pick a speaker, their sentences are marked in the article.",
                people),
        section("3 · Themes", "How often each speaker touches each theme; the speaker picked above is outlined. "
                "Pick a row and a theme to read the sentences behind a number.", themes),
    ], layout=w.Layout(max_width="1200px"))
    app.frequency, app.speakers, app.themes = words, people, themes
    if linked:
        # The page opens on a cell with hits: the speaker of the theme table's largest cell, if the
        # speaker view lists them; else the speaker view's own, on the theme they touch most.
        if themes.group_pick.value in [value for _, value in people.speaker.options]:
            people.speaker.value = themes.group_pick.value
        speaker_to_row({"new": people.speaker.value})
        _pick_a_theme_with_hits(themes)
    return app


def _pick_a_theme_with_hits(box) -> None:
    """In a theme explorer, pick the theme with most hits in the picked row if the picked cell has none."""
    matrix, group = (box.view or {}).get("matrix"), box.group_pick.value
    if matrix is None or group not in matrix.index or box.theme_pick.value not in matrix.columns:
        return
    row = matrix.loc[group]
    if row[box.theme_pick.value] == 0 and row.max() > 0:
        box.theme_pick.value = row.idxmax()
