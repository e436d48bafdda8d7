"""Widget explorers: thin ipywidgets layers over the lessons' own functions.

Each explorer's update logic is a plain function that a test can call without
a browser; ipywidgets is imported only when an explorer is built.
"""

from __future__ import annotations

__all__: list[str] = []


# --- themes ---

__all__ += ["theme_explorer", "theme_explorer_view", "theme_terms_text"]


def theme_terms_text(theme) -> str:
    """A theme's terms as the text box shows them: one term a line, ``not:`` lines last.

    >>> from helpers import load_themes
    >>> print(theme_terms_text(load_themes()["Territorial integrity"]))
    territorial integrity
    annex*
    occupied
    occupation
    """
    return "\n".join(list(theme.terms) + [f"not: {t}" for t in theme.exclude])


def _theme_from_text(theme, text: str):
    from .themes import make_theme

    lines = [line.strip() for line in text.splitlines() if line.strip()]
    keep = [l for l in lines if not l.lower().startswith("not:")]
    drop = [l.split(":", 1)[1].strip() for l in lines if l.lower().startswith("not:")]
    return make_theme(theme.name, keep, note=theme.note, exclude=[d for d in drop if d])


def _matrix_html(matrix) -> str:
    import html

    from matplotlib import colormaps, colors

    cmap, values = colormaps["cividis"], matrix.to_numpy(dtype=float)
    top = values.max() if values.size and values.max() > 0 else 1
    head = "".join(f"<th style='padding:2px 6px'>{html.escape(str(c))}</th>" for c in matrix.columns)
    rows = []
    for label, row in zip(matrix.index, values):
        cells = []
        for v in row:
            shade = cmap(v / top)
            ink = "black" if v / top > 0.55 else "white"
            text = "·" if v == 0 else (f"{v:g}")
            cells.append(f"<td style='background:{colors.to_hex(shade)};color:{ink};"
                         f"text-align:center;padding:2px 6px'>{html.escape(text)}</td>")
        rows.append(f"<tr><th style='text-align:left;padding:2px 6px'>{html.escape(str(label))}</th>"
                    + "".join(cells) + "</tr>")
    return (f"<table style='border-collapse:collapse;font-size:90%'><tr><th></th>{head}</tr>"
            + "".join(rows) + "</table>")


def _sentences_html(article, hits) -> str:
    import html

    if hits.empty:
        return "<p><i>No hits in this cell: pick another row or theme.</i></p>"
    parts = []
    for sentence, rows in hits.groupby("sentence", sort=True):
        s = article.sentences[int(sentence)]
        pieces, pos = [], s.start
        for r in rows.sort_values("start").itertuples():
            if r.start >= pos:
                pieces.append(html.escape(article.text[pos:r.start]))
                pieces.append(f"<mark title='{html.escape(r.term)}'>{html.escape(article.text[r.start:r.end])}</mark>")
                pos = r.end
        pieces.append(html.escape(article.text[pos:s.end]))
        parts.append(f"<li><b>s{s.index}</b> (paragraph {s.paragraph}): {''.join(pieces)}</li>")
    return f"<p>{len(hits)} hit(s) in {len(parts)} sentence(s):</p><ol>" + "".join(parts) + "</ol>"


def theme_explorer_view(article, *, selected=None, by="speaker", normalize=None, edits=None,
                        group=None, theme=None, themes=None) -> dict:
    """Everything the theme explorer shows, computed without widgets.

    Args:
        article: an :class:`~helpers.Article`.
        selected: theme names to show (``None`` for all).
        by: the grouping (see :func:`~helpers.theme_groups`).
        normalize: ``None`` or ``"per_1000"``.
        edits: ``{theme name: text}`` of edited terms (one per line, ``not:`` lines
            allowed), used instead of the file's terms; nothing is written to disk.
        group, theme: the picked cell.
        themes: another lexicon file.

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
    import html

    from .themes import _lexicon, theme_hits, theme_matrix

    base = _lexicon(themes)
    lexicon, messages = {}, []
    for name, t in base.items():
        if selected is not None and name not in selected:
            continue
        if edits and name in edits:
            try:
                t = _theme_from_text(t, edits[name])
            except ValueError as err:
                messages.append(f"<span style='color:#D55E00'>{html.escape(str(err))} "
                                f"(counting with the file's terms meanwhile)</span>")
        lexicon[name] = t
    if not lexicon:
        return {"lexicon": {}, "matrix": None, "table_html": "<p><i>Pick at least one theme.</i></p>",
                "groups": [], "message_html": "", "sentences_html": ""}
    matrix = theme_matrix(article, by=by, normalize=normalize, themes=lexicon)
    for hint in matrix.attrs["hints"].values():
        messages.append(f"<pre style='margin:2px 0'>{html.escape(hint)}</pre>")
    sentences_html = ""
    if group is not None and theme in lexicon and group in matrix.index:
        hits = theme_hits(article, theme, group, by=by, themes=lexicon)
        sentences_html = (f"<h4>{html.escape(str(theme))} · {html.escape(str(group))}</h4>"
                          + _sentences_html(article, hits))
    return {"lexicon": lexicon, "matrix": matrix, "table_html": _matrix_html(matrix),
            "groups": list(matrix.index), "message_html": "".join(messages),
            "sentences_html": sentences_html}


def theme_explorer(article, *, themes=None):
    """Pick themes, a grouping and counts or rates; edit a theme's terms; click into a cell.

    The controls are attributes of the returned box (``themes``, ``grouping``,
    ``normalize``, ``edit_theme``, ``terms``, ``reset``, ``group_pick``,
    ``theme_pick``, ``table``, ``message``, ``sentences``); ``refresh()`` redraws.
    Edited terms live in ``edits`` and in memory only: ``data/themes.txt`` is never written.

    >>> from helpers import load_article
    >>> box = theme_explorer(load_article())
    >>> box.grouping.value = "organization"
    >>> list(box.group_pick.options)[:2]
    ['UN', 'CSTO']
    """
    import ipywidgets as w

    from .themes import GROUPINGS, _lexicon

    base = _lexicon(themes)
    names = list(base)
    wide = w.Layout(width="auto")
    pick = w.SelectMultiple(options=names, value=tuple(names), rows=min(12, len(names)),
                            description="Themes", layout=w.Layout(width="420px"))
    grouping = w.Dropdown(options=[g for g in GROUPINGS if g != "sentence"], value="speaker",
                          description="Group by")
    normalize = w.ToggleButtons(options=[("counts", None), ("per 1,000 words", "per_1000")],
                                value=None, description="Show")
    edit_theme = w.Dropdown(options=names, value=names[0], description="Edit theme")
    terms = w.Textarea(value=theme_terms_text(base[names[0]]), description="Terms",
                       rows=8, layout=w.Layout(width="420px"), continuous_update=False)
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
            view = theme_explorer_view(article, selected=chosen, by=grouping.value,
                                       normalize=normalize.value, edits=edits,
                                       group=group_pick.value, theme=theme_pick.value, themes=base)
            if list(group_pick.options) != view["groups"]:
                old = group_pick.value
                group_pick.options = view["groups"]
                group_pick.value = old if old in view["groups"] else (view["groups"] or [None])[0]
                view = theme_explorer_view(article, selected=chosen, by=grouping.value,
                                           normalize=normalize.value, edits=edits,
                                           group=group_pick.value, theme=theme_pick.value, themes=base)
            if list(theme_pick.options) != chosen:
                old = theme_pick.value
                theme_pick.options = chosen
                theme_pick.value = old if old in chosen else (chosen or [None])[0]
                view = theme_explorer_view(article, selected=chosen, by=grouping.value,
                                           normalize=normalize.value, edits=edits,
                                           group=group_pick.value, theme=theme_pick.value, themes=base)
            table.value, message.value = view["table_html"], view["message_html"]
            sentences.value = view["sentences_html"]
            box.view = view
        finally:
            busy.clear()

    def on_edit_theme(change):
        terms.value = edits.get(change["new"], theme_terms_text(base[change["new"]]))

    def on_terms(change):
        name = edit_theme.value
        if change["new"] == theme_terms_text(base[name]):
            edits.pop(name, None)
        else:
            edits[name] = change["new"]
        refresh()

    def on_reset(_):
        edits.pop(edit_theme.value, None)
        terms.value = theme_terms_text(base[edit_theme.value])
        refresh()

    for control in (pick, grouping, normalize, group_pick, theme_pick):
        control.observe(refresh, names="value")
    edit_theme.observe(on_edit_theme, names="value")
    terms.observe(on_terms, names="value")
    reset.on_click(on_reset)
    box = w.VBox([
        w.HBox([pick, w.VBox([grouping, normalize])]),
        table, message,
        w.HBox([w.VBox([edit_theme, terms, reset]), w.VBox([group_pick, theme_pick])]),
        sentences,
    ], layout=wide)
    box.themes, box.grouping, box.normalize = pick, grouping, normalize
    box.edit_theme, box.terms, box.reset = edit_theme, terms, reset
    box.group_pick, box.theme_pick = group_pick, theme_pick
    box.table, box.message, box.sentences = table, message, sentences
    box.edits, box.refresh = edits, refresh
    refresh()
    return box
