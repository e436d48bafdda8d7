"""Tables made for reading: every text shown whole, wide tables scrolling in their own box.

The kit's functions that return tables return a :class:`Table`: a pandas
``DataFrame`` in every way (index, ``.loc``, sorting, the same values), that only
shows itself differently in a notebook:

- text is never cut to "…": a long note or list wraps inside its cell;
- a table wider than the page scrolls sideways inside its own box;
- a tuple of names shows as the names (``Ukraine, United States``), an empty one
  as the table's word for nothing (such as "narration");
- a missing value shows as "—", never as ``NaN``;
- each column of decimals shows the same number of decimals ("2.60" above "10.39").

:func:`table` makes one from rows you have (a list of records, dicts or tuples).
pandas' own display options are left as they are: nothing is set on import.
"""

from __future__ import annotations

import html
import math
import numbers
from functools import lru_cache

__all__ = ["table", "shown", "clip"]

#: The class of the ``<div>`` that holds a table in the page (it scrolls sideways when needed).
TABLE_CSS_CLASS = "helpers-table"
#: Text longer than this many characters wraps in its cell (between 14em and 40em wide).
_LONG_TEXT = 30
#: At most this many decimals when a column does not say.
_MAX_DECIMALS = 3
_MISSING = "—"
#: About as many characters of monospace text as a notebook's output area shows in one line;
#: a table or a line estimated wider says that it scrolls sideways.
WIDE_CHARS = 100
#: The sign above a table or lines wider than their box.
SCROLL_NOTE = ("<p class='helpers-scrolls' style='margin:2px 0;color:#666;font-size:90%'>↔ wider than the "
               "box: scroll sideways to see the rest</p>")


def _is_missing(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    kind = type(value).__name__
    return kind in ("NAType", "NaTType")


def _decimals(values) -> int:
    """How many decimals a column of floats needs: the most any value has, up to :data:`_MAX_DECIMALS`."""
    most = 0
    for v in values:
        if isinstance(v, float) and math.isfinite(v):
            text = f"{round(v, _MAX_DECIMALS):.{_MAX_DECIMALS}f}".rstrip("0")
            most = max(most, len(text.split(".")[1]) if "." in text else 0)
    return most


def format_cell(value, *, decimals: int = 2, empty: str = _MISSING) -> str:
    """One cell as text, the way a :class:`Table` shows it.

    Args:
        value: the cell's value.
        decimals: decimals for a float.
        empty: what an empty tuple or list shows as.

    Returns:
        The text: names joined by ", ", "—" for a missing value, numbers with
        thousands separators and ``decimals`` decimals.

    >>> format_cell(("Ukraine", "United States")), format_cell((), empty="narration")
    ('Ukraine, United States', 'narration')
    >>> format_cell(2.6), format_cell(1234567), format_cell(float("nan")), format_cell(True)
    ('2.60', '1,234,567', '—', 'True')
    """
    if isinstance(value, (tuple, list, frozenset, set)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        return ", ".join(format_cell(v, decimals=decimals) for v in items) if items else empty
    if _is_missing(value):
        return _MISSING
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        return str(value)
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}"
    if isinstance(value, numbers.Real):
        return f"{float(value):,.{decimals}f}"
    return str(value)


def _label(value) -> str:
    return format_cell(value) if not isinstance(value, str) else value


def _cell_style(text: str, numeric: bool) -> str:
    if numeric:
        return "text-align:right;white-space:nowrap"
    if len(text) > _LONG_TEXT:
        return "text-align:left;white-space:normal;min-width:14em;max-width:40em"
    return "text-align:left;white-space:nowrap"


def _places(frame, decimals) -> dict:
    """The decimals each column of ``frame`` shows: as ``decimals`` says, else as its values need."""
    import pandas as pd

    out = {}
    for c in frame.columns:
        fixed = decimals if isinstance(decimals, int) else decimals.get(c)
        out[c] = fixed if fixed is not None else (
            _decimals(frame[c].tolist()) if pd.api.types.is_float_dtype(frame[c]) else 2)
    return out


def _estimated_width(frame, places, empty) -> int:
    """About how many characters wide a table is drawn: a header wraps at 9em, a long text
    at 40em (:data:`_LONG_TEXT`), a number or a short text is as wide as it is."""
    width = max((len(_label(v)) for v in frame.index), default=0) + 2
    for c in frame.columns:
        texts = [format_cell(v, decimals=places[c], empty=empty) for v in frame[c]]
        widest = max((len(t) for t in texts), default=0)
        width += max(min(len(_label(c)), 9), widest if widest <= _LONG_TEXT else min(widest, 40)) + 2
    return width


def _html(frame, *, empty: str, decimals) -> str:
    """The markup of a :class:`Table`: a scrolling ``<div>`` around a plain HTML table."""
    import pandas as pd

    if isinstance(frame.columns, pd.MultiIndex) or isinstance(frame.index, pd.MultiIndex):
        with pd.option_context("display.max_colwidth", None):
            inner = pd.DataFrame(frame).to_html(na_rep=_MISSING)
        return f"<div class='{TABLE_CSS_CLASS}' style='overflow-x:auto;max-width:100%'>{inner}</div>"
    rows = len(frame)
    limit, keep = pd.get_option("display.max_rows"), pd.get_option("display.min_rows") or 10
    cut = limit is not None and rows > limit
    shown = pd.concat([frame.iloc[: keep // 2], frame.iloc[rows - keep // 2:]]) if cut else frame
    places = _places(frame, decimals)
    numeric = {c: pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
               for c in frame.columns}
    corner = html.escape(_label(frame.index.name)) if frame.index.name is not None else ""
    head = "".join(f"<th style='text-align:{'right' if numeric[c] else 'left'};white-space:normal;"
                   f"max-width:9em;vertical-align:bottom'>{html.escape(_label(c))}</th>" for c in frame.columns)
    body = []
    index_numeric = pd.api.types.is_numeric_dtype(frame.index)
    for n, (label, values) in enumerate(zip(shown.index, shown.itertuples(index=False, name=None))):
        if cut and n == keep // 2:
            body.append(f"<tr><th>⋮</th><td colspan='{len(frame.columns)}' style='text-align:left'>"
                        f"{rows - 2 * (keep // 2):,} more rows</td></tr>")
        cells = []
        for c, v in zip(frame.columns, values):
            text = format_cell(v, decimals=places[c], empty=empty)
            cells.append(f"<td style='{_cell_style(text, numeric[c])}'>{html.escape(text)}</td>")
        body.append(f"<tr><th style='text-align:{'right' if index_numeric else 'left'};white-space:nowrap'>"
                    f"{html.escape(_label(label))}</th>{''.join(cells)}</tr>")
    size = f"<p style='margin:2px 0;color:#666'>{rows:,} rows × {len(frame.columns):,} columns</p>" if cut else ""
    return ((SCROLL_NOTE if _estimated_width(shown, places, empty) > WIDE_CHARS else "")
            + f"<div class='{TABLE_CSS_CLASS}' style='overflow-x:auto;max-width:100%'>"
            f"<table class='dataframe'><thead><tr><th style='text-align:left'>{corner}</th>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>{size}</div>")


@lru_cache(maxsize=1)
def _table_class():
    """The :class:`Table` class, made on first use so that ``import helpers`` does not load pandas."""
    import pandas as pd

    class Table(pd.DataFrame):
        """A pandas ``DataFrame`` that shows every text whole and scrolls sideways in its own box.

        ``empty_label`` is what an empty tuple of names shows as; ``decimals`` maps a
        column to its number of decimals (others: as many as the column's values
        have, at most three); an int sets every column. Both survive slicing, sorting and ``.head()``.
        """

        _metadata = ["empty_label", "decimals"]

        @property
        def _constructor(self):
            return Table


        def _repr_html_(self):
            note = self.attrs.get("note") if self.empty else None  # an empty table says why it is empty
            return ((f"<p style='margin:2px 0;color:#666'>{html.escape(str(note))}</p>" if note else "")
                    + _html(self, empty=getattr(self, "empty_label", None) or _MISSING,
                            decimals=getattr(self, "decimals", None) or {}))

        def __repr__(self):
            shown = pd.DataFrame(self)
            if not isinstance(self.columns, pd.MultiIndex) and self.columns.is_unique:
                empty = getattr(self, "empty_label", None) or _MISSING
                decimals = getattr(self, "decimals", None) or {}
                shown = pd.DataFrame({c: [format_cell(v, decimals=p, empty=empty) for v in self[c]]
                                      for c, p in _places(self, decimals).items()}, index=self.index)
            with pd.option_context("display.max_colwidth", None, "display.max_columns", None,
                                   "display.expand_frame_repr", False):
                note = self.attrs.get("note") if self.empty else None
                return repr(shown) + (f"\n({note})" if note else "")

    Table.__module__, Table.__qualname__ = __name__, "Table"
    return Table


_table_class.keep_on_clear = True  # one Table class for the whole session: isinstance must hold


def __getattr__(name):
    if name == "Table":  # ``from helpers.display import Table``, and unpickling, make the class
        return _table_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def table(data=None, *, columns=None, index=None, empty: str = _MISSING, decimals=None):
    """A :class:`Table` from a DataFrame or from rows (records, dicts, tuples), ready to read.

    Args:
        data: a DataFrame, or rows such as ``article.removed`` or ``collocations(article)``.
        columns: the columns to keep, in order (or the names, for plain tuples).
        index: a column to use as the index.
        empty: what an empty tuple of names shows as (e.g. ``"narration"``).
        decimals: the number of decimals of every float column, or ``{column: decimals}``;
            a column not named shows as many as its values have (at most three).

    Returns:
        A :class:`Table` (a pandas DataFrame) holding the same values.

    >>> from helpers import load_article, collocations
    >>> t = table(collocations(load_article(), 2))
    >>> list(t.columns), t.loc[0, "first"]
    (['first', 'second', 'count', 'score'], 'united')
    >>> "…" in t._repr_html_() or "overflow-x:auto" not in t._repr_html_()
    False
    >>> list(table([], columns=["sentence", "gold"]).columns)
    ['sentence', 'gold']
    """
    import dataclasses

    import pandas as pd

    Table = _table_class()
    if isinstance(data, pd.DataFrame):
        # Table(frame) below is already a new frame over the same values (copied when either changes)
        frame = data if columns is None else data[list(columns)]
    else:
        rows = list(data) if data is not None else []
        if rows and dataclasses.is_dataclass(rows[0]) and not isinstance(rows[0], type):
            rows = [dataclasses.asdict(r) for r in rows]
        if rows and hasattr(rows[0], "_asdict"):
            rows = [r._asdict() for r in rows]
        frame = pd.DataFrame(rows)
        if columns is not None and not rows:  # no row: the columns still say what a row would hold
            frame = pd.DataFrame(columns=list(columns))
        elif columns is not None:
            frame = frame[list(columns)] if set(columns) <= set(frame.columns) else frame.set_axis(list(columns), axis=1)
    if index is not None:
        frame = frame.set_index(index)
    out = Table(frame)
    out.attrs.update(getattr(data, "attrs", {}) or {})
    out.empty_label = empty
    out.decimals = decimals if isinstance(decimals, int) else dict(decimals or {})
    return out


def shown(value, most: int = 80) -> str:
    """``repr(value)``, cut short when it is long: a message about a pasted page stays one line.

    Args:
        value: what to show (a word, a term, a line of a file).
        most: the most characters shown before it is cut.

    Returns:
        The ``repr``, or its first characters, "…" and the length.

    >>> shown("terrorism"), shown("a." * 100)
    ("'terrorism'", "'a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.'… (200 characters)")
    """
    if not isinstance(value, str) or len(value) <= most:
        return repr(value)
    return f"{value[:most - 20]!r}… ({len(value):,} characters)"


def clip(text: str, most: int) -> str:
    """``text``, or its two ends and how much is left out between them.

    Args:
        text: the text to show.
        most: the most characters to keep (about; the note of what is left out adds some).

    Returns:
        The text as it is when it is short enough, else its ends around a note.

    >>> clip("The Security Council met in New York to debate cooperation.", 48)
    'The Secu … [43 characters left out] … eration.'
    """
    if len(text) <= most:
        return text
    keep = max(most - 32, 2) // 2
    return f"{text[:keep]} … [{len(text) - 2 * keep:,} characters left out] … {text[len(text) - keep:]}"
