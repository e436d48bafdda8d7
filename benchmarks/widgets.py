"""Widget latency: how long each explorer takes to answer a change of each control.

Two paths are timed, in-process, with no browser:

- **plain**: the explorer's update function called directly (``frequency_view``,
  ``theme_explorer_view``, ``speaker_view``) with the control's new value;
- **widget**: the control's ``.value`` set on a built explorer. ipywidgets calls
  the observers synchronously, so when the assignment returns the explorer has
  redrawn (its HTML: text, tables and charts); that is the time measured.

Each control is changed ``repeat`` times, cycling through a few values; the first
change of each control is reported apart (it may import or fill caches).
"""

from __future__ import annotations

import itertools
import time

from .report import Table, percentile, verdict

TITLE = "Widget latency (in-process)"


def _cycle_values(control, count: int) -> list:
    """``count`` successive new values for a control, each different from the one before."""
    kind = type(control).__name__
    current = control.value
    if kind == "Checkbox":
        values = [not current, current]
    elif kind == "IntSlider":
        values = [v for v in (5, 10, 20, 30, 40) if control.min <= v <= control.max] + [current]
    elif kind == "SelectMultiple":
        options = [o if isinstance(o, str) else o[1] for o in control.options]
        values = [tuple(options[: max(1, len(options) // 2)]), tuple(options)]
    elif kind in ("Dropdown", "Select", "ToggleButtons", "RadioButtons"):
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
    elif kind == "Textarea":
        values = [current + "\nregional*", current]
    elif kind == "Text":
        values = ["terrorism", "sco", "security", "afghanistan", "cooperation"]
    else:
        raise TypeError(f"no values to try for a {kind}")
    out, previous = [], current
    for value in itertools.cycle(values):
        if len(out) == count:
            break
        if value != previous:
            out.append(value)
            previous = value
        elif len(set(map(repr, values))) < 2:
            raise ValueError(f"the {kind} has only one value to set")
    return out


def time_control(control, count: int) -> tuple[float, list[float]]:
    """Seconds for the first change of ``control`` and for each of ``count`` more."""
    values = _cycle_values(control, count + 1)
    times = []
    for value in values:
        start = time.perf_counter()
        control.value = value
        times.append(time.perf_counter() - start)
    return times[0], times[1:]


def time_plain(fn, values, count: int) -> tuple[float, list[float]]:
    """Seconds of ``fn(value)`` for the first value and for ``count`` more, cycling."""
    times = []
    for value in itertools.islice(itertools.cycle(values), count + 1):
        start = time.perf_counter()
        fn(value)
        times.append(time.perf_counter() - start)
    return times[0], times[1:]


def explorers(article) -> list[tuple[str, object, dict]]:
    """``(name, build, {control: (plain function of the value, values)})`` for each explorer."""
    import helpers

    out = []
    if hasattr(helpers, "frequency_explorer"):
        fv = helpers.frequency_view
        words = ["terrorism", "sco", "security", "afghanistan", "cooperation"]
        out.append(("frequency_explorer", lambda: helpers.frequency_explorer(article), {
            "slider": (lambda v: fv(article, v), [5, 10, 20, 30, 40]),
            "stopwords": (lambda v: fv(article, stopwords=v), [False, True]),
            "stem": (lambda v: fv(article, stem=v), [True, False]),
            "phrases": (lambda v: fv(article, phrases=v), [True, False]),
            "word_box": (lambda v: fv(article, word=v), words),
            "word_list": (lambda v: fv(article, word=v), words),
        }))
    if hasattr(helpers, "theme_explorer"):
        tv = helpers.theme_explorer_view
        names = list(helpers.load_themes())
        groupings = [g for g in helpers.GROUPINGS if g != "sentence"]
        first = names[0]
        edited = helpers.theme_terms_text(helpers.load_themes()[first]) + "\nregional*"
        out.append(("theme_explorer", lambda: helpers.theme_explorer(article), {
            "themes": (lambda v: tv(article, selected=v), [names[: len(names) // 2], names]),
            "grouping": (lambda v: tv(article, by=v), groupings),
            "normalize": (lambda v: tv(article, normalize=v), [None, "per_1000"]),
            "edit_theme": None,  # fills the terms box only; no view is computed
            "terms": (lambda v: tv(article, edits=v), [{first: edited}, {}]),
            "group_pick": (lambda v: tv(article, group=v, theme=first),
                           list(helpers.theme_groups(article, "speaker"))),
            "theme_pick": (lambda v: tv(article, theme=v), names),
        }))
    if hasattr(helpers, "speaker_explorer"):
        table = helpers.speaker_table(article)
        spoke = list(table["speaker"])
        out.append(("speaker_explorer", lambda: helpers.speaker_explorer(article), {
            "speaker": (lambda v: helpers.speaker_view(article, v), spoke),
        }))
    return out


def bench(repeat: int = 30) -> Table:
    """p50 / p95 latency of every control of every explorer, plain and through the widget."""
    import helpers

    article = helpers.load_article()
    found = explorers(article)
    table = Table(TITLE, ["explorer", "control", "plain p50 ms", "plain p95 ms", "widget first ms",
                          "widget p50 ms", "widget p95 ms", "goal", "verdict"])
    if not found:
        table.notes.append("not available yet: no explorer in helpers.explore")
        return table
    for name, build, controls in found:
        box = build()
        for control_name, plain in controls.items():
            control = getattr(box, control_name, None)
            if control is None:
                table.add(name, control_name, "-", "-", "-", "-", "-", "-", "not available yet")
                continue
            if plain is not None:
                _, p_times = time_plain(plain[0], plain[1], repeat)
                p50, p95 = percentile(p_times, 50) * 1e3, percentile(p_times, 95) * 1e3
            else:
                p50 = p95 = "-"
            first, w_times = time_control(control, repeat)
            w50, w95 = percentile(w_times, 50) * 1e3, percentile(w_times, 95) * 1e3
            table.add(name, control_name, p50, p95, first * 1e3, w50, w95, "p95 ≤ 50 ms", verdict(w95, 50))
    table.notes.append(f"{repeat} changes per control after a first one (reported apart), cycling through "
                       "a few values; p50/p95 by linear interpolation.")
    table.notes.append("plain: the explorer's view function alone; widget: setting the control's .value "
                       "on a built explorer, which returns once every observer has redrawn "
                       "(text, tables and charts, all HTML).")
    return table
