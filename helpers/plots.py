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
    ax.set_xlabel("occurrences")
    ax.set_title(f"The {len(pairs)} most frequent words" + (" (stopwords removed)" if options.get("stopwords", True) else ""))
    ax.spines[["top", "right"]].set_visible(False)
    return ax
