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
