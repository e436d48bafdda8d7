"""Pictures of the analysis, drawn with matplotlib.

Every function takes an optional ``ax`` to draw on, returns the ``ax`` it drew
on, never calls ``plt.show()`` and changes no global style: a figure's look is
set for that figure alone.
"""

from __future__ import annotations

import bisect

from .analysis import analysis_of
from .frequency import dispersion, no_occurrences, rank_frequency, top_words, zipf_line
from .lexicon import as_lexicon
from .speakers.registry import find_speaker
from .speakers.rules import attribute
from .speakers.views import speaker_keywords, speaker_table
from .themes import hits_of, theme_keyness, theme_matrix

__all__ = ["plot_top_words"]

#: Colour-blind-safe colours (Okabe & Ito), used in this order.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


def _plain(text) -> str:
    """Text from the data (a word, a theme, a speaker) as matplotlib shows it, character for character.

    Matplotlib reads text between two ``$`` as a formula, so a theme named ``Aid $^$ money``
    would stop the plot with a mathtext error; every label, title and legend entry a plot
    draws from data goes through this function, which escapes each ``$``.

    >>> _plain("Aid $^$ money")
    'Aid \\\\$^\\\\$ money'
    """
    return str(text).replace("$", r"\$")


def _plain_all(values) -> list[str]:
    """:func:`_plain` of each value, as a list."""
    return [_plain(v) for v in values]


def _axes(ax, size=(7, 4)):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _style(ax, *, title=None, xlabel=None, ylabel=None, grid=None):
    """Give one plot the kit's look, on this ``ax`` only (no rcParams are touched).

    Every plot in the kit ends with ``return _style(ax, title=..., xlabel=...)``:
    a title, axis labels, no top/right frame, light grid lines along ``grid``
    (``"x"``, ``"y"``, ``"both"`` or ``None``) drawn behind the data. Colours
    come from :data:`PALETTE` in order (``PALETTE[0]`` for a single series).

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> ax = _style(ax, title="Counts", xlabel="occurrences", grid="x")
    >>> ax.get_title(), ax.get_xlabel(), ax.spines["top"].get_visible()
    ('Counts', 'occurrences', False)
    >>> plt.close(fig)
    """
    if title is not None:  # y=1: no plot has ticks on top, so matplotlib need not measure them to clear the title
        ax.set_title(title, fontsize="medium", fontweight="bold", y=1)
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    if grid:
        ax.grid(True, axis=grid, color="#dddddd", linewidth=0.8)
        ax.set_axisbelow(True)
    return ax


# --- frequency ---------------------------------------------------------------------------

__all__ += ["plot_zipf", "plot_dispersion"]


def plot_top_words(article, n=15, *, ax=None, **options):
    """Horizontal bars of the ``n`` most frequent words, most frequent on top.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        n: how many words.
        ax: the matplotlib ``Axes`` to draw on; ``None`` makes a new figure.
        options: ``stopwords``, ``stem``, ``phrases``, as for :func:`~helpers.top_words`.

    Returns:
        The matplotlib ``Axes`` drawn on.

    >>> from helpers import load_article
    >>> ax = plot_top_words(load_article(), 5)
    >>> [t.get_text() for t in ax.get_yticklabels()][:2]
    ['cooperation', 'united']
    """

    pairs = top_words(article, n, **options)
    ax = _axes(ax, (7, 0.3 * len(pairs) + 1.2))
    words = [w for w, _ in pairs]
    counts = [c for _, c in pairs]
    ax.barh(range(len(pairs)), counts, color=PALETTE[0])
    ax.set_yticks(range(len(pairs)), _plain_all(words))
    ax.invert_yaxis()
    title = f"The {len(pairs)} most frequent words" + (" (stopwords removed)" if options.get("stopwords", True) else "")
    return _style(ax, title=title, xlabel="occurrences", grid="x")


def plot_zipf(article, *, ax=None, label_top=5, **options):
    """Rank against frequency on log-log axes, with the fitted line and Zipf's slope of -1.

    The note in the corner is the caveat: one article is a small sample.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        ax: the matplotlib ``Axes`` to draw on; ``None`` makes a new figure.
        label_top: how many of the most frequent words to label with their word.
        options: ``stopwords``, ``stem``, ``phrases``, as for :func:`~helpers.zipf_fit`.

    Returns:
        The matplotlib ``Axes`` drawn on.

    >>> from helpers import load_article
    >>> ax = plot_zipf(load_article())
    >>> [line.get_label() for line in ax.get_lines()]
    ['words', 'fitted slope -0.82', "Zipf's law (slope -1)"]
    >>> ax.get_xscale(), ax.get_yscale()
    ('log', 'log')
    """

    table = rank_frequency(article, **options)
    slope, intercept = zipf_line(table)  # zipf_fit(article) would count the words again
    ranks = [r for r, _, _ in table]
    counts = [c for _, _, c in table]
    ax = _axes(ax, (6, 4.5))
    ax.loglog(ranks, counts, linestyle="", marker="o", markersize=3, alpha=0.6,
              color=PALETTE[0], label="words")
    ends = [ranks[0], ranks[-1]]
    ax.loglog(ends, [10 ** intercept * r ** slope for r in ends], color=PALETTE[5],
              linewidth=2, label=f"fitted slope {slope:.2f}")
    ax.loglog(ends, [counts[0] * r ** -1.0 for r in ends], color="gray", linestyle="--",
              linewidth=1, label="Zipf's law (slope -1)")
    for rank, word, count in table[:label_top]:
        ax.annotate(_plain(word), (rank, count), xytext=(4, 2), textcoords="offset points", fontsize="small")
    ax.legend(frameon=False)
    tokens = sum(counts)
    ax.text(0.02, 0.03, f"One article, {tokens:,} words: a small sample.\n"
            f"Most words occur once or twice, so the tail is flat steps.",
            transform=ax.transAxes, fontsize="small", color="dimgray")
    return _style(ax, title=f"Rank and frequency: slope {slope:.2f}, Zipf's law predicts -1",
                  xlabel="rank (1 = most frequent word)",
                  ylabel="occurrences", grid="both")


def plot_dispersion(article, words, *, ax=None, stem=False, phrases=False):
    """Where each word occurs in the article: one row per word, a tick per occurrence.

    Rows read top to bottom in the order the words are given, and each row's
    label is the word whose ticks it shows. A word that never occurs keeps its
    row, which says "no occurrences" and suggests close matches.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        words: a word or phrase, or a list of them.
        ax: the matplotlib ``Axes`` to draw on; ``None`` makes a new figure.
        stem, phrases: as for :func:`~helpers.find_word`.

    Returns:
        The matplotlib ``Axes`` drawn on.

    Raises:
        ValueError: ``words`` is an empty list.

    >>> from helpers import load_article
    >>> ax = plot_dispersion(load_article(), ["terrorism", "shanghai", "sco"])
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['terrorism', 'shanghai', 'sco']
    >>> [(line.get_label(), len(line.get_xdata()), int(max(line.get_ydata()))) for line in ax.get_lines()]
    [('terrorism', 8, 0), ('shanghai', 9, 1), ('sco', 1, 2)]
    """

    places = dispersion(article, words, stem=stem, phrases=phrases)
    if not places:
        raise ValueError("give at least one word to place, e.g. plot_dispersion(article, ['terrorism'])")
    ax = _axes(ax, (8, 0.45 * len(places) + 1.3))
    for row, (word, positions) in enumerate(places.items()):
        if positions:
            ax.plot(positions, [row] * len(positions), linestyle="", marker="|", markersize=14,
                    markeredgewidth=1.5, color=PALETTE[row % len(PALETTE)], label=_plain(word))
        else:
            ax.text(len(article.words) / 2, row, _plain(no_occurrences(article, word)), ha="center",
                    va="center", fontsize="small", color="dimgray")
    ax.set_yticks(range(len(places)), _plain_all(places))
    ax.set_ylim(len(places) - 0.5, -0.5)  # first word on top
    ax.set_xlim(0, len(article.words))
    return _style(ax, title="Where the words occur", grid="x",
                  xlabel=f"position in the article (word number, 0 to {len(article.words):,})")


# --- themes ---

__all__ += ["plot_theme_heatmap", "plot_theme_comparison", "plot_theme_dispersion"]


#: The colour map of theme tables and heatmaps: one hue from near-white (zero) to dark blue,
#: which reads the same to colour-blind eyes and in grey.
HEAT_CMAP = "Blues"


def heat_top(values) -> float:
    """The value the darkest shade of a heat table stands for: its largest, or 1 if none is above 0."""
    return values.max() if values.size and values.max() > 0 else 1


def ink(share: float) -> str:
    """The text colour that reads on a cell shaded ``share`` (0 to 1) of the way along the colour map."""
    return "white" if share > 0.55 else "black"


def plot_theme_heatmap(data, *, by="speaker", normalize=None, themes=None, ax=None, cmap=HEAT_CMAP):
    """A group × theme heatmap, every cell annotated with its value (``·`` for zero).

    Args:
        data: an :class:`~helpers.Article` (the matrix is computed with ``by``,
            ``normalize`` and ``themes``) or a DataFrame from :func:`~helpers.theme_matrix`.
        cmap: a colour map; the default ``"Blues"`` runs from near-white for zero to
            dark blue, and reads the same to colour-blind eyes and in grey.
        ax: the matplotlib ``Axes`` to draw on; ``None`` makes a new figure.

    Returns:
        The matplotlib ``Axes`` drawn on.

    >>> from helpers import load_article
    >>> ax = plot_theme_heatmap(load_article(), by="organization")
    >>> [t.get_text() for t in ax.get_yticklabels()][:3]
    ['UN', 'CSTO', 'SCO']
    """
    matrix = data if hasattr(data, "columns") else theme_matrix(data, by=by, normalize=normalize, themes=themes)
    rows, cols = matrix.shape
    # Room for the column labels, written at 40°, besides the rows: with a height that grows
    # with the rows alone, a table of one or two rows had no room left for them.
    longest = max((len(str(c)) for c in matrix.columns), default=0)
    ax = _axes(ax, (1.0 + 0.62 * cols, 1.2 + 0.048 * longest + 0.4 * max(rows, 1)))
    values = matrix.to_numpy(dtype=float)
    image = ax.imshow(values, cmap=cmap, aspect="auto", vmin=0)
    top = heat_top(values)
    rates = (values % 1 != 0).any()
    for i in range(rows):
        for j in range(cols):
            v = values[i, j]
            label = "·" if v == 0 else (f"{v:.1f}" if rates else f"{int(v)}")
            ax.text(j, i, label, ha="center", va="center", fontsize="small",
                    color=ink(v / top))
    ax.set_xticks(range(cols), _plain_all(matrix.columns), rotation=40, ha="right")
    ax.set_yticks(range(rows), _plain_all(matrix.index))
    ax.figure.colorbar(image, ax=ax, shrink=0.8,
                       label="hits per 1,000 words" if rates or normalize else "hits")
    what = "per 1,000 words" if rates or normalize else "hits"
    _style(ax, title=_plain(f"Themes by {matrix.index.name or 'group'} ({what})"))
    ax.spines[:].set_visible(False)
    return ax


def plot_theme_comparison(data, group_a=None, group_b=None, *, by="speaker", themes=None, ax=None):
    """Grouped bars: each theme's rate per 1,000 words in two groups; ``*`` marks p < 0.05.

    Args:
        data: an :class:`~helpers.Article` (compared with :func:`~helpers.theme_keyness`
            on ``group_a``, ``group_b`` and ``by``) or a DataFrame that function returned.
        ax: the matplotlib ``Axes`` to draw on; ``None`` makes a new figure.

    Returns:
        The matplotlib ``Axes`` drawn on.

    Raises:
        TypeError: ``data`` is an article and a group is missing.

    >>> from helpers import load_article
    >>> ax = plot_theme_comparison(load_article(), ["CSTO", "SCO", "CIS"], "member states", by="organization")
    >>> ax.get_legend_handles_labels()[1]
    ['CSTO + SCO + CIS', 'member states']
    """
    if not hasattr(data, "columns") and (group_a is None or group_b is None):
        raise TypeError("plot_theme_comparison needs the two groups to compare, e.g. "
                        "plot_theme_comparison(article, ['CSTO', 'SCO', 'CIS'], 'member states', by='organization'); "
                        f"the groups by {by!r} are the rows of theme_matrix(article, by={by!r})")
    table = data if hasattr(data, "columns") else theme_keyness(data, group_a, group_b, by=by, themes=themes)
    n = len(table)
    ax = _axes(ax, (7, 0.42 * n + 1.4))
    if not n:  # nothing to compare (a group with no words): the plot says so
        ax.text(0.5, 0.5, _plain(table.attrs.get("note", "nothing to compare")), ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    ys = range(n)
    ax.barh([y - 0.2 for y in ys], table["per_1000_a"], height=0.4, color=PALETTE[0],
            label=_plain(table.attrs.get("group_a", "group A")))
    ax.barh([y + 0.2 for y in ys], table["per_1000_b"], height=0.4, color=PALETTE[1],
            label=_plain(table.attrs.get("group_b", "group B")))
    labels = [_plain(f"{name} *" if p < 0.05 else name) for name, p in zip(table.index, table["p"])]
    ax.set_yticks(list(ys), labels)
    ax.invert_yaxis()
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))  # beside the bars, never over them
    return _style(ax, title="Theme rates in two groups (* p < 0.05)",
                  xlabel="hits per 1,000 words (* on small counts: read the sentences)", grid="x")


def plot_theme_dispersion(article, *, themes=None, ax=None):
    """Where each theme's hits fall along the article: one row per theme, one mark per hit.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        themes: another lexicon (a themes file, or a dict ``{name: terms}``).
        ax: the matplotlib ``Axes`` to draw on; ``None`` makes a new figure.

    Returns:
        The matplotlib ``Axes`` drawn on.

    >>> from helpers import load_article
    >>> ax = plot_theme_dispersion(load_article())
    >>> len(ax.collections[3].get_offsets())   # Territorial integrity: one hit
    1
    """
    owner = analysis_of(article)
    lexicon = owner.themes if themes is None else as_lexicon(themes)
    starts = owner.article.token_columns[1]
    n = max(len(starts), 1)
    ax = _axes(ax, (8, 0.4 * len(lexicon) + 1.4))
    for row, theme in enumerate(lexicon.values()):
        xs = [100 * bisect.bisect_left(starts, h.start) / n for h in hits_of(owner, theme)]
        ax.scatter(xs, [row] * len(xs), marker="|", s=220, linewidths=2, color=PALETTE[0])
    ax.set_yticks(range(len(lexicon)), _plain_all(lexicon))
    ax.set_ylim(len(lexicon) - 0.5, -0.5)
    ax.set_xlim(0, 100)
    return _style(ax, title="Where each theme occurs", xlabel="position in the article (% of its words)",
                  grid="x")


# --- speakers ---

__all__ += ["plot_speaker_words", "plot_speaking_order", "plot_speaker_groups", "plot_speaker_keywords"]


def _group_colours(registry):
    groups = list(dict.fromkeys(s.speaks_for for s in registry))
    return {g: PALETTE[i % len(PALETTE)] for i, g in enumerate(groups)}


def plot_speaker_words(article, *, ax=None, registry=None):
    """Horizontal bars: how many words the article gives each speaker, in speaking order.

    Bars are coloured by the group the speaker speaks for (UN, CSTO, SCO, CIS, member states).

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        ax: the matplotlib ``Axes`` to draw on; ``None`` makes a new figure.
        registry: deprecated: pass ``analyse(article, speakers=…)`` as ``article``.

    Returns:
        The matplotlib ``Axes`` drawn on.

    >>> from helpers import load_article
    >>> ax = plot_speaker_words(load_article())
    >>> ax.get_yticklabels()[0].get_text(), int(ax.patches[0].get_width())
    ('Ban Ki-moon', 385)
    """
    from matplotlib.patches import Patch

    owner = analysis_of(article, registry=registry, caller="plot_speaker_words")
    table = speaker_table(owner)
    colours = _group_colours(owner.speakers)
    ax = _axes(ax, (7, 0.3 * len(table) + 1.4))
    ax.barh(range(len(table)), table["words"], color=[colours[g] for g in table["speaks_for"]])
    ax.set_yticks(range(len(table)), _plain_all(table["speaker"]))
    ax.invert_yaxis()
    shown = list(dict.fromkeys(table["speaks_for"]))
    ax.legend([Patch(color=colours[g]) for g in shown], _plain_all(shown), title="speaks for", frameon=False,
              loc="lower right")
    return _style(ax, title="Words the article gives each speaker", xlabel="words", grid="x")


def plot_speaking_order(article, *, ax=None, registry=None):
    """A timeline: one row per speaker, one mark per sentence the article gives them.

    The grey row at the bottom is the journalist's narration.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        ax: the matplotlib ``Axes`` to draw on; ``None`` makes a new figure.
        registry: deprecated: pass ``analyse(article, speakers=…)`` as ``article``.

    Returns:
        The matplotlib ``Axes`` drawn on.

    >>> from helpers import load_article
    >>> ax = plot_speaking_order(load_article())
    >>> [t.get_text() for t in ax.get_yticklabels()][:2], len(ax.collections[0].get_offsets())
    (['Ban Ki-moon', 'Ukraine'], 11)
    """
    owner = analysis_of(article, registry=registry, caller="plot_speaking_order")
    table = speaker_table(owner)
    colours = _group_colours(owner.speakers)
    rows = list(table["speaker"]) + ["(narration)"]
    ax = _axes(ax, (8, 0.3 * len(rows) + 1.4))
    done = attribute(owner)
    for row, name in enumerate(rows):
        xs = [a.sentence.index for a in done if (name in a.speakers if row < len(table) else not a.speakers)]
        colour = colours[table["speaks_for"][row]] if row < len(table) else "#999999"
        ax.scatter(xs, [row] * len(xs), marker="s", s=36, color=colour)
    ax.set_yticks(range(len(rows)), _plain_all(rows))
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(-1, len(article.sentences))
    from matplotlib.patches import Patch

    shown = list(dict.fromkeys(table["speaks_for"]))
    ax.legend([Patch(color=colours[g]) for g in shown] + [Patch(color="#999999")], _plain_all(shown + ["narration"]),
              title="speaks for", frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    return _style(ax, title="Who speaks when", xlabel="sentence number", grid="x")


def plot_speaker_groups(article, *, ax=None, registry=None):
    """A network picture: each speaker (left) linked to the group they speak for (right).

    Line width grows with the speaker's sentences; a speaker the article gives no
    sentence is left out.

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        ax: the matplotlib ``Axes`` to draw on; ``None`` makes a new figure.
        registry: deprecated: pass ``analyse(article, speakers=…)`` as ``article``.

    Returns:
        The matplotlib ``Axes`` drawn on.

    >>> from helpers import load_article
    >>> ax = plot_speaker_groups(load_article())
    >>> sorted(t.get_text() for t in ax.texts if t.get_position()[0] == 1)
    ['CIS', 'CSTO', 'SCO', 'UN', 'member states']
    """
    owner = analysis_of(article, registry=registry, caller="plot_speaker_groups")
    table = speaker_table(owner)
    colours = _group_colours(owner.speakers)
    groups = list(dict.fromkeys(table["speaks_for"]))
    ax = _axes(ax, (7, 0.3 * len(table) + 1.4))
    left = {name: i / max(len(table) - 1, 1) for i, name in enumerate(table["speaker"])}
    right = {g: (i + 0.5) / len(groups) for i, g in enumerate(groups)}
    for name, group, count in zip(table["speaker"], table["speaks_for"], table["sentences"]):
        ax.plot([0, 1], [left[name], right[group]], color=colours[group], linewidth=0.8 + 0.4 * count,
                alpha=0.7, solid_capstyle="round")
        ax.text(-0.02, left[name], _plain(name), ha="right", va="center", fontsize="small")
    for group, y in right.items():
        ax.text(1, y, _plain(group), ha="left", va="center", fontweight="bold", color=colours[group],
                bbox={"facecolor": "white", "edgecolor": colours[group], "boxstyle": "round"})
    ax.set_xlim(-0.6, 1.35)
    ax.set_ylim(1.05, -0.05)
    ax.axis("off")
    ax.set_title("Who speaks for whom (line width: sentences)", fontsize="medium", fontweight="bold")
    return ax


def plot_speaker_keywords(article, name, n=10, *, ax=None, registry=None):
    """Horizontal bars: the words most typical of one speaker (log-likelihood keyness).

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.
        name, n, registry: as for :func:`~helpers.speaker_keywords`.
        ax: the matplotlib ``Axes`` to draw on; ``None`` makes a new figure.

    Returns:
        The matplotlib ``Axes`` drawn on.

    Raises:
        ValueError: ``name`` is not in the registry.

    >>> from helpers import load_article
    >>> ax = plot_speaker_keywords(load_article(), "Ivanov", 3)
    >>> [t.get_text() for t in ax.get_yticklabels()], ax.get_title()
    (['cis', 'economic', 'serious'], 'Words typical of Sergey Ivanov')
    """
    owner = analysis_of(article, registry=registry, caller="plot_speaker_keywords")
    who = find_speaker(name, owner.speakers).name
    pairs = speaker_keywords(owner, who, n)
    ax = _axes(ax, (6, 0.3 * max(len(pairs), 1) + 1.2))
    ax.barh(range(len(pairs)), [g for _, g in pairs], color=PALETTE[0])
    ax.set_yticks(range(len(pairs)), _plain_all(w for w, _ in pairs))
    ax.invert_yaxis()
    if not pairs:
        ax.text(0.5, 0.5, _plain(f"The article reports nothing {who} said: no words to compare."),
                transform=ax.transAxes, ha="center", va="center", fontsize="small", color="dimgray")
    return _style(ax, title=_plain(f"Words typical of {who}"), xlabel="keyness (log-likelihood G²)", grid="x")
