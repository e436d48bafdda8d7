"""Tables made for reading: the kit's tables show every text whole, names not tuples, no NaN,
one number of decimals per column, and scroll sideways in their own box; their values are
those of the DataFrame they are."""

import html
import pickle
import re
import subprocess
import sys
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd
import pytest

from helpers import (evaluate_attribution, mentions_vs_words, speaker_table, table, theme_dispersion, 
                     theme_matrix, theme_table, zipf_fit)
from helpers.display import Table, format_cell


def _cells(t) -> list[str]:
    """The text of every body cell (td) of a table's HTML, in order."""
    return [html.unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<td[^>]*>(.*?)</td>", t._repr_html_())]


def test_a_table_is_a_dataframe_and_stays_one_when_sliced():
    t = table(pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", "z"]}), empty="nobody", decimals={"a": 0})
    assert isinstance(t, pd.DataFrame) and isinstance(t, Table)
    for part in (t.head(2), t[["b"]], t.sort_values("a", ascending=False), t[t["a"] > 1]):
        assert isinstance(part, Table) and part.empty_label == "nobody" and part.decimals == {"a": 0}
    assert t.loc[1, "b"] == "y" and t["a"].sum() == 6
    assert not t.empty  # pandas' own .empty is untouched


def test_long_text_is_never_cut_and_the_table_scrolls_in_its_own_box():
    long = "a reason that is much longer than the fifty characters pandas shows by default, to the end"
    page = table([{"line": 1, "reason": long}])._repr_html_()
    assert long in page and "..." not in page and "…" not in page
    assert page.startswith("<div class='helpers-table' style='overflow-x:auto;max-width:100%'>")
    assert "white-space:normal" in page  # a long text wraps in its cell
    with pd.option_context("display.max_colwidth", 10):  # a learner's own setting does not cut it either
        assert long in table([{"reason": long}])._repr_html_()


def test_names_instead_of_tuples_and_a_word_for_nobody():
    t = table([{"gold": ("Ukraine", "United States"), "predicted": ()}], empty="narration")
    assert _cells(t) == ["Ukraine, United States", "narration"]
    assert "(" not in repr(t) and "narration" in repr(t)


def test_no_nan_shown_and_one_number_of_decimals_per_column():
    t = table(pd.DataFrame({"rate": [2.6, 10.39, float("nan")], "n": [1, 2000, 3]}))
    assert _cells(t) == ["2.60", "1", "10.39", "2,000", "—", "3"]
    assert table(pd.DataFrame({"p": [1.0, 0.857142857]}))._repr_html_().count("0.857") == 1
    assert _cells(table(pd.DataFrame({"p": [1.0, 0.857142857]}), decimals=2)) == ["1.00", "0.86"]


def test_format_cell():
    assert format_cell(pd.NA) == format_cell(None) == format_cell(float("nan")) == "—"
    assert format_cell(frozenset({"b", "a"})) == "a, b" and format_cell(3.14159, decimals=3) == "3.142"


def test_rows_from_records_namedtuples_and_dataclasses():
    @dataclass
    class Row:
        line: int
        text: str

    class Pair(NamedTuple):
        first: str
        count: int

    assert list(table([Row(1, "a")]).columns) == ["line", "text"]
    assert table([Pair("united", 28)]).loc[0, "count"] == 28
    assert list(table([(1, "a")], columns=["n", "s"]).columns) == ["n", "s"]
    assert table([{"a": 1, "b": 2}], columns=["b"]).columns.tolist() == ["b"]
    assert table([]).shape == (0, 0)


def test_a_long_table_says_how_many_rows_it_leaves_out():
    t = table(pd.DataFrame({"n": range(100)}))
    page = t._repr_html_()
    assert "90 more rows" in page and "100 rows × 1 columns" in page
    with pd.option_context("display.max_rows", None):
        assert "more rows" not in t._repr_html_()


def test_a_table_pickles():
    t = table([{"a": (1, 2)}], empty="x")
    again = pickle.loads(pickle.dumps(t))
    assert isinstance(again, Table) and again.empty_label == "x" and again.loc[0, "a"] == (1, 2)


def test_importing_the_kit_does_not_load_pandas():
    code = "import sys, helpers; print('pandas' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


# --- the kit's tables -----------------------------------------------------------------------

def test_mentions_vs_words_shows_every_name_and_count(article):
    t = mentions_vs_words(article)
    assert isinstance(t, Table)
    assert t.loc["CIS", "as words"] in _cells(t)  # whole: the counts behind CIS 11 against 17
    assert t.loc["CIS", "as words"].count(":") == len(t.loc["CIS", "as words"].split(", "))


def test_what_cleaning_removed_shows_every_reason_whole(article):
    t = table(article.removed)
    reasons = [r.reason for r in article.removed]
    assert all(r in _cells(t) for r in reasons) and max(map(len, reasons)) > 50


def test_theme_table_shows_each_note_and_its_terms_whole():
    t = theme_table()
    cells = _cells(t)
    from helpers import load_themes

    for theme in load_themes().values():
        assert theme.note in cells
        assert t.loc[theme.name, "terms"] == "; ".join(theme.terms)


def test_rates_have_two_decimals_everywhere(article):
    cells = _cells(theme_matrix(article, by="organization", normalize="per_1000"))
    assert all(re.fullmatch(r"\d+\.\d\d|—", c) for c in cells), cells[:5]
    assert "10.39" in cells and "2.60" in cells


def test_keyness_and_dispersion_show_no_nan(article):
    from helpers import theme_keyness

    k = theme_keyness(article, ["CSTO", "SCO", "CIS"], "member states", by="organization")
    assert "nan" not in k._repr_html_().lower()
    d = theme_dispersion(article, themes={"Nuclear": "nuclear", "Terror": "terror*"})
    assert _cells(d)[:5] == ["0", "0", "—", "—", "—"]  # a theme with no hits: no first, no last, no DP
    assert d["first"].dtype == "Int64" and int(d.loc["Terror", "first"]) == 4


def test_the_evaluation_names_speakers_and_says_narration():
    ev = evaluate_attribution()
    wrong = ev.error_table(baseline=True)
    cells = _cells(wrong[["gold", "predicted"]])
    assert "Ukraine, United States" in cells and "narration" in cells
    assert not [c for c in cells if c.startswith("(")]
    assert wrong.loc[0, "gold"] == ()  # the values are the evaluation's own
    from helpers import load_article, naive_attribution

    naive = evaluate_attribution(predictions=naive_attribution(load_article()))  # precisions below 1
    per = _cells(naive.per_speaker[["precision", "recall"]])
    assert len(per) > 10
    assert all(re.fullmatch(r"\d\.\d\d|—", c) for c in per), per  # two decimals, a dash for none
    assert any(c not in ("1.00", "0.00", "—") for c in per)


def test_speaker_table_of_everyone_shows_a_dash_for_no_first_sentence(article):
    t = speaker_table(article, everyone=True)
    assert t["first_sentence"].isna().any()
    assert "—" in _cells(t) and "<NA>" not in t._repr_html_()


def test_zipf_fit_explains_itself_and_still_unpacks(article):
    fit = zipf_fit(article)
    slope, intercept = fit
    assert (slope, intercept) == (fit.slope, fit.intercept) and isinstance(fit, tuple)
    assert fit.top_count == pytest.approx(10 ** intercept)
    assert fit.count_at(10) == pytest.approx(10 ** (intercept + slope))
    text = repr(fit)
    assert text.startswith(f"ZipfFit(slope={slope:.2f}, intercept={intercept:.2f})")
    assert f"{fit.top_count:,.0f}" in text and "-1" in text


def test_a_table_or_kwic_wider_than_its_box_says_it_scrolls(article):
    import helpers
    from helpers import table, theme_matrix, top_words

    sign = "scroll sideways"
    assert sign in table(theme_matrix(article, by="organization"))._repr_html_()  # twelve themes
    assert sign not in table(top_words(article, 5))._repr_html_()  # two short columns
    assert sign in helpers.frequency.kwic_html(article, "terrorism", width=60)
    assert sign not in helpers.frequency.kwic_html(article, "terrorism", width=20)
    assert sign in helpers.explore.theme_explorer_view(article)["table_html"]
    assert sign not in helpers.explore.theme_explorer_view(article, selected=["Terrorism & extremism"])["table_html"]
