"""Pictures of the analysis, drawn with matplotlib.

Every function takes an optional ``ax`` to draw on, returns the ``ax`` it drew
on, never calls ``plt.show()`` and changes no global style: a figure's look is
set for that figure alone.
"""

from __future__ import annotations

__all__ = ["plot_top_words"]

#: Colour-blind-safe colours (Okabe & Ito), used in this order.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


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
    if title is not None:
        ax.set_title(title, fontsize="medium", fontweight="bold")
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

    ``options`` go to :func:`~helpers.top_words` (``stopwords``, ``stem``, ``phrases``).

    >>> from helpers import load_article
    >>> ax = plot_top_words(load_article(), 5)
    >>> [t.get_text() for t in ax.get_yticklabels()][:2]
    ['cooperation', 'united']
    """
    from .frequency import top_words

    pairs = top_words(article, n, **options)
    ax = _axes(ax, (7, 0.3 * len(pairs) + 1.2))
    words = [w for w, _ in pairs]
    counts = [c for _, c in pairs]
    ax.barh(range(len(pairs)), counts, color=PALETTE[0])
    ax.set_yticks(range(len(pairs)), words)
    ax.invert_yaxis()
    title = f"The {len(pairs)} most frequent words" + (" (stopwords removed)" if options.get("stopwords", True) else "")
    return _style(ax, title=title, xlabel="occurrences", grid="x")


def plot_zipf(article, *, ax=None, label_top=5, **options):
    """Rank against frequency on log-log axes, with the fitted line and Zipf's slope of -1.

    ``options`` go to :func:`~helpers.zipf_fit` (``stopwords``, ``stem``, ``phrases``).
    The note in the corner is the caveat: one article is a small sample.

    >>> from helpers import load_article
    >>> ax = plot_zipf(load_article())
    >>> [line.get_label() for line in ax.get_lines()]
    ['words', 'fitted slope -0.82', "Zipf's law (slope -1)"]
    >>> ax.get_xscale(), ax.get_yscale()
    ('log', 'log')
    """
    from .frequency import rank_frequency, zipf_fit

    table = rank_frequency(article, **options)
    slope, intercept = zipf_fit(article, **options)
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
        ax.annotate(word, (rank, count), xytext=(4, 2), textcoords="offset points", fontsize="small")
    ax.legend(frameon=False)
    tokens = sum(counts)
    ax.text(0.02, 0.03, f"One article, {tokens:,} words: a small sample.\n"
            f"Most words occur once or twice, so the tail is flat steps.",
            transform=ax.transAxes, fontsize="small", color="dimgray")
    return _style(ax, title="Rank and frequency (Zipf)", xlabel="rank (1 = most frequent word)",
                  ylabel="occurrences", grid="both")


def plot_dispersion(article, words, *, ax=None, stem=False):
    """Where each word occurs in the article: one row per word, a tick per occurrence.

    Rows read top to bottom in the order the words are given, and each row's
    label is the word whose ticks it shows. A word that never occurs keeps its
    row, which says "no occurrences" and suggests close matches.

    >>> from helpers import load_article
    >>> ax = plot_dispersion(load_article(), ["terrorism", "shanghai", "sco"])
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['terrorism', 'shanghai', 'sco']
    >>> [(line.get_label(), len(line.get_xdata()), int(max(line.get_ydata()))) for line in ax.get_lines()]
    [('terrorism', 8, 0), ('shanghai', 9, 1), ('sco', 1, 2)]
    """
    from .frequency import dispersion, no_occurrences

    places = dispersion(article, words, stem=stem)
    if not places:
        raise ValueError("give at least one word to place, e.g. plot_dispersion(article, ['terrorism'])")
    ax = _axes(ax, (8, 0.45 * len(places) + 1.3))
    for row, (word, positions) in enumerate(places.items()):
        if positions:
            ax.plot(positions, [row] * len(positions), linestyle="", marker="|", markersize=14,
                    markeredgewidth=1.5, color=PALETTE[row % len(PALETTE)], label=word)
        else:
            ax.text(len(article.tokens) / 2, row, no_occurrences(article, word), ha="center",
                    va="center", fontsize="small", color="dimgray")
    ax.set_yticks(range(len(places)), list(places))
    ax.set_ylim(len(places) - 0.5, -0.5)  # first word on top
    ax.set_xlim(0, len(article.tokens))
    return _style(ax, title="Where the words occur", grid="x",
                  xlabel=f"position in the article (word number, 0 to {len(article.tokens):,})")
