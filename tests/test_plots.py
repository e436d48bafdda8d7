"""Plots, tested headless on what the returned ax holds."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# --- frequency ---

from helpers import (dispersion, plot_dispersion, plot_top_words, plot_zipf, top_words, # noqa: E402
                     zipf_fit)


def test_frequency_top_words_bars_hold_the_counts(article):
    ax = plot_top_words(article, 8)
    pairs = top_words(article, 8)
    assert [round(bar.get_width()) for bar in ax.patches] == [c for _, c in pairs]
    assert [t.get_text() for t in ax.get_yticklabels()] == [w for w, _ in pairs]
    assert ax.yaxis_inverted()  # the most frequent word on top
    assert "stopwords removed" in ax.get_title()


def test_frequency_top_words_follow_the_options(article):
    ax = plot_top_words(article, 3, stopwords=False)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["the", "and", "of"]
    assert "stopwords removed" not in ax.get_title()


def test_frequency_plots_draw_on_the_ax_given_and_leave_global_style_alone(article):
    before = dict(matplotlib.rcParams)
    fig, axes = plt.subplots(1, 3)
    assert plot_top_words(article, 5, ax=axes[0]) is axes[0]
    assert plot_zipf(article, ax=axes[1]) is axes[1]
    assert plot_dispersion(article, ["security"], ax=axes[2]) is axes[2]
    assert len(fig.axes) == 3
    assert dict(matplotlib.rcParams) == before


def test_frequency_zipf_has_points_and_the_fitted_line(article):
    ax = plot_zipf(article)
    slope, intercept = zipf_fit(article)
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert set(lines) == {"words", f"fitted slope {slope:.2f}", "Zipf's law (slope -1)"}
    assert ax.get_xscale() == ax.get_yscale() == "log"
    points = lines["words"]
    assert len(points.get_xdata()) == len(set(article.words))
    fitted = lines[f"fitted slope {slope:.2f}"]
    x, y = np.log10(fitted.get_xdata()), np.log10(fitted.get_ydata())
    assert (y[1] - y[0]) / (x[1] - x[0]) == pytest.approx(slope)
    assert any("small sample" in t.get_text() for t in ax.texts)
    assert [t.get_text() for t in ax.texts if t.get_text() in ("the", "and", "of")] == ["the", "and", "of"]


def test_frequency_dispersion_labels_each_row_with_its_own_word(article):
    words = ["sco", "terrorism", "shanghai", "security"]  # deliberately not alphabetical
    ax = plot_dispersion(article, words)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == words
    ticks = list(ax.get_yticks())
    places = dispersion(article, words)
    for line in ax.get_lines():
        word = line.get_label()
        assert set(line.get_ydata()) == {ticks[labels.index(word)]}
        assert list(line.get_xdata()) == places[word]
    # the first word is drawn at the top of the plot
    bottom, top = ax.get_ylim()
    assert top < bottom and ticks[0] == 0


def test_frequency_dispersion_says_when_a_word_never_occurs(article):
    ax = plot_dispersion(article, ["terrorism", "terorism"])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["terrorism", "terorism"]
    assert [line.get_label() for line in ax.get_lines()] == ["terrorism"]
    notes = [t.get_text() for t in ax.texts]
    assert len(notes) == 1 and notes[0].startswith("no occurrences of 'terorism'") and "'terrorism'" in notes[0]


def test_frequency_dispersion_bad_input(article):
    with pytest.raises(ValueError, match="at least one word"):
        plot_dispersion(article, [])
    with pytest.raises(TypeError, match="a word or a list of words"):
        plot_dispersion(article, 5)
    with pytest.raises(TypeError, match="should be a string"):
        plot_dispersion(article, ["security", None])


# --- text from the data is drawn as written --------------------------------------------------

def test_every_plot_escapes_dollar_signs_drawn_from_the_data(article, tmp_path):
    from helpers import (plot_speaker_groups, plot_speaker_keywords, plot_speaker_words, 
                         plot_speaking_order, plot_theme_comparison, plot_theme_dispersion,
                         plot_theme_heatmap, load_speakers)

    themes = {"Aid $^$ money": ["terror*"], "Cost in $": ["cooperation"]}
    registry = tmp_path / "speakers.csv"
    source = article.bundle_file("speakers.csv").read_text(encoding="utf-8")
    registry.write_text(source.replace(",member states,", ",member $^$ states,")
                        .replace("Maleeha Lodhi,", "Maleeha $Lodhi$,"), encoding="utf-8")
    reg = load_speakers(registry)
    axes = [plot_theme_heatmap(article, by="organization", themes=themes),
            plot_theme_dispersion(article, themes=themes),
            plot_theme_comparison(article, ["CSTO", "SCO", "CIS"], "member states", themes=themes, by="organization"),
            plot_dispersion(article, ["terrorism", "$^$ money"]),
            plot_speaker_words(article, registry=reg), plot_speaking_order(article, registry=reg),
            plot_speaker_groups(article, registry=reg), plot_speaker_keywords(article, "Lodhi", registry=reg)]
    for ax in axes:
        ax.figure.canvas.draw()  # matplotlib would read "$^$" as a formula, and stop
    labels = [t.get_text() for ax in axes for t in ax.get_yticklabels() + ax.get_xticklabels() + ax.texts]
    labels += [t.get_text() for ax in axes if ax.get_legend() for t in ax.get_legend().get_texts()]
    labels += [ax.get_title() for ax in axes]
    assert r"Aid \$^\$ money" in labels and r"Cost in \$" in labels and r"member \$^\$ states" in labels
    assert r"Maleeha \$Lodhi\$" in labels and r"Words typical of Maleeha \$Lodhi\$" in labels
    assert not [t for t in labels if re.search(r"(?<!\\)\$", t)], "an unescaped $ reached matplotlib"


import re  # noqa: E402


# --- readable on short articles ---

def _pixels(artist, fig):
    return artist.get_window_extent(fig.canvas.get_renderer())


def test_theme_heatmap_rows_stay_readable_with_one_or_two_rows(article):
    import warnings

    from helpers import plot_theme_heatmap, theme_matrix
    matrix = theme_matrix(article, by="organization").iloc[:2]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "constrained_layout not applied" would fail here
        ax = plot_theme_heatmap(matrix)
        ax.figure.canvas.draw()
    row = _pixels(ax, ax.figure).height / 2
    assert row >= 0.3 * ax.figure.dpi, f"a row is {row:.0f} px high"


def test_theme_comparison_legend_covers_no_bar(article):
    from helpers import plot_theme_comparison, theme_keyness
    ax = plot_theme_comparison(theme_keyness(article, ["CSTO", "SCO", "CIS"], "member states", by="organization"))
    ax.figure.canvas.draw()
    legend = _pixels(ax.get_legend(), ax.figure)
    assert not any(legend.overlaps(_pixels(bar, ax.figure)) for bar in ax.patches if bar.get_width() > 0)
