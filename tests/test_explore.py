"""Explorers: their plain update functions and their controls, without a browser."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# --- themes ---

def test_theme_explorer_view_shows_the_theme_matrix(article):
    from helpers import theme_explorer_view, theme_matrix

    view = theme_explorer_view(article, by="organization", normalize="per_1000")
    assert view["matrix"].equals(theme_matrix(article, by="organization", normalize="per_1000"))
    assert view["groups"] == ["UN", "CSTO", "SCO", "CIS", "member states", "(narration)"]
    assert "<table" in view["table_html"] and "Terrorism &amp; extremism" in view["table_html"]


def test_theme_explorer_edited_terms_change_the_matrix_in_memory_only(article):
    from helpers import data_dir, theme_explorer_view
    from helpers.datafiles import file_stamp

    before = file_stamp(data_dir() / "themes.txt")
    name = "Territorial integrity"
    plain = theme_explorer_view(article, selected=[name], by="organization")["matrix"]
    edited = theme_explorer_view(article, selected=[name], by="organization",
                                 edits={name: "territorial integrity\nprinciple*"})["matrix"]
    assert plain[name].sum() == 1 and edited[name].sum() > plain[name].sum()
    assert file_stamp(data_dir() / "themes.txt") == before


def test_theme_explorer_bad_terms_give_an_escaped_message_and_keep_counting(article):
    from helpers import theme_explorer_view

    name = "Territorial integrity"
    view = theme_explorer_view(article, selected=[name], edits={name: "<b>ter*ror</b>"})
    assert "can only end a word" in view["message_html"]
    assert "<b>" not in view["message_html"] and "&lt;b&gt;" in view["message_html"]
    assert view["matrix"][name].sum() == 2        # the file's terms: Ukraine and the United States


def test_theme_explorer_zero_match_hint_is_visible(article):
    from helpers import theme_explorer_view

    name = "Security Council reform"
    view = theme_explorer_view(article, selected=[name], edits={name: "veto"})
    assert view["matrix"][name].sum() == 0
    assert "No term of the theme" in view["message_html"] and "veto" in view["message_html"]


def test_theme_explorer_cell_shows_its_sentences_escaped(article):
    from helpers import theme_explorer_view, theme_hits

    view = theme_explorer_view(article, by="speaker", group="Sergey Ivanov",
                               theme="Sovereignty & non-interference")
    hits = theme_hits(article, "Sovereignty & non-interference", "Sergey Ivanov", by="speaker")
    assert view["sentences_html"].count("<mark") == len(hits) == 3
    assert "External <mark title='interference'>interference</mark> and the export" in view["sentences_html"]
    assert "<h4>Sovereignty &amp; non-interference · Sergey Ivanov</h4>" in view["sentences_html"]
    odd = theme_explorer_view(article, by="speaker", group="Sergey Ivanov", theme="<i>T</i>",
                              themes={"<i>T</i>": "terror*"})
    assert "<i>" not in odd["sentences_html"] + odd["table_html"]
    assert "&lt;i&gt;T&lt;/i&gt;" in odd["sentences_html"] and "&lt;i&gt;T&lt;/i&gt;" in odd["table_html"]


def test_theme_explorer_widgets_drive_the_view(article):
    from helpers import theme_explorer, theme_matrix

    box = theme_explorer(article)
    assert (box.themes.description, box.grouping.description, box.normalize.description,
            box.terms.description, box.group_pick.description, box.theme_pick.description) == (
        "Themes", "Group by", "Show", "Terms", "Row", "Theme")
    box.grouping.value = "bloc"
    assert list(box.group_pick.options) == list(theme_matrix(article, by="bloc").index)
    box.themes.value = ("Territorial integrity",)
    assert list(box.view["matrix"].columns) == ["Territorial integrity"]
    assert list(box.theme_pick.options) == ["Territorial integrity"]
    box.edit_theme.value = "Territorial integrity"
    box.terms.value = "territorial integrity\nprinciple*"
    assert box.edits == {"Territorial integrity": "territorial integrity\nprinciple*"}
    assert box.view["matrix"]["Territorial integrity"].sum() > 1
    box.reset.click()
    assert box.edits == {} and box.view["matrix"]["Territorial integrity"].sum() == 1
    box.group_pick.value = "Ukraine and Western-aligned members"
    assert "<mark" in box.sentences.value and "Ukraine" in box.sentences.value
    box.normalize.value = "per_1000"
    assert box.view["matrix"].loc["Ukraine and Western-aligned members", "Territorial integrity"] > 1



def test_theme_explorer_shows_the_view_of_its_controls_after_rows_and_themes_change(article):
    from helpers import theme_explorer, theme_explorer_view

    box = theme_explorer(article)

    def view_of_controls():
        return theme_explorer_view(article, selected=list(box.themes.value), by=box.grouping.value,
                                   normalize=box.normalize.value, group=box.group_pick.value,
                                   theme=box.theme_pick.value)

    box.group_pick.value = "Sergey Ivanov"
    first = box.theme_pick.value
    box.themes.value = ("Sovereignty & non-interference", "Territorial integrity")
    assert first not in box.themes.value  # the old pick left the list: the first one left is picked
    assert box.theme_pick.value == list(box.theme_pick.options)[0] == "Territorial integrity"
    box.theme_pick.value = "Sovereignty & non-interference"
    assert box.sentences.value == view_of_controls()["sentences_html"] and "<mark" in box.sentences.value
    box.grouping.value = "organization"  # "Sergey Ivanov" is no row now: the first row is picked
    assert box.group_pick.value == "UN"
    assert box.sentences.value == view_of_controls()["sentences_html"] and "· UN</h4>" in box.sentences.value
    assert box.table.value == view_of_controls()["table_html"]


# --- frequency ---

import pytest  # noqa: E402

from helpers import frequency_explorer, frequency_view, load_stopwords  # noqa: E402


def test_frequency_view_starts_on_the_most_frequent_word(article):
    v = frequency_view(article, 10)
    assert len(v.top) == 10 and v.top[0] == ("cooperation", 33) and v.word == "cooperation"
    assert len(v.rows) == 33 and v.html.count("<mark>") == 33
    assert v.message == "33 occurrences of 'cooperation'"
    assert [article.words[i] for i in v.positions] == ["cooperation"] * 33


@pytest.mark.parametrize("word, options", [("cooperation", {}), ("cooper", {"stem": True}),
                                            ("united_nations", {"phrases": True}), ("terorism", {})])
def test_frequency_view_shows_what_kwic_html_and_dispersion_give(article, word, options):
    from helpers import dispersion, kwic_html

    v = frequency_view(article, 5, word=word, width=30, **options)
    assert v.html == kwic_html(article, word, 30, heading=False, **options)
    assert v.positions == dispersion(article, word, **options)[word]


def test_frequency_view_missing_word_says_so_and_suggests(article):
    v = frequency_view(article, 10, word="terorism")
    assert v.rows == [] and v.positions == []
    assert v.message.startswith("no occurrences of 'terorism'") and "'terrorism'" in v.message
    assert "<mark>" not in v.html and "no occurrences of &#x27;terorism&#x27;" in v.html


def test_frequency_view_empty_and_odd_words(article):
    assert frequency_view(article, 5, word="  ").message.startswith("Type a word")
    assert "no letters or digits" in frequency_view(article, 5, word="?!").message
    with pytest.raises(TypeError, match="should be a string"):
        frequency_view(article, 5, word=42)


def test_frequency_view_n_larger_than_the_vocabulary(article):
    v = frequency_view(article, 100_000, word="")
    assert len(v.top) == len({w for w in article.words if w not in load_stopwords()})


def test_frequency_explorer_controls_have_human_descriptions(article):
    ex = frequency_explorer(article)
    assert ex.slider.description == "Top words"
    assert (ex.stopwords.description, ex.stem.description, ex.phrases.description) == (
        "Remove stopwords", "Stem words", "Join phrases")
    assert ex.word_box.description == "Word" and ex.word_list.description == "Pick a word"


def test_frequency_explorer_slider_sets_the_length_of_the_list(article):
    ex = frequency_explorer(article, 15)
    assert len(ex.word_list.options) == 15
    ex.slider.value = 4
    assert [label for label, _ in ex.word_list.options] == [
        "cooperation (33)", "united (30)", "nations (29)", "regional (28)"]
    assert ex.word_list.value == "cooperation"  # the chosen word is still in the list


def test_frequency_explorer_stopwords_toggle(article):
    ex = frequency_explorer(article, 5)
    assert "the" not in dict(ex.word_list.options).values()
    ex.stopwords.value = False
    assert [w for _, w in ex.word_list.options][:3] == ["the", "and", "of"]
    assert ex.word_list.value is None  # "cooperation" left the top 5, but stays chosen
    assert ex.view.word == "cooperation" and "33 occurrences" in ex.message.value


def test_frequency_explorer_stem_toggle(article):
    ex = frequency_explorer(article, 5)
    ex.stem.value = True
    assert "cooper" in [w for _, w in ex.word_list.options]
    # the word "cooperation" is now matched by its stem: every form of cooperate
    forms = {row.keyword.lower() for row in ex.view.rows}
    assert {"cooperation", "cooperating"} <= forms and "(by stem)" in ex.message.value
    ex.word_list.value = "cooper"
    assert ex.word_box.value == "cooper"
    assert len(ex.view.rows) == dict(ex.view.top)["cooper"]


def test_frequency_explorer_phrases_toggle_and_picking_from_the_list(article):
    ex = frequency_explorer(article, 10)
    ex.phrases.value = True
    options = dict(ex.word_list.options)
    assert "united_nations (24)" in options
    ex.word_list.value = "united_nations"
    assert ex.word_box.value == "united_nations"
    assert len(ex.view.rows) == 24  # the contexts agree with the count in the list
    assert ex.kwic.value.count("<mark>United Nations</mark>") == 24


def test_frequency_explorer_word_box_shows_contexts_and_dispersion(article):
    ex = frequency_explorer(article)
    ex.word_box.value = "terrorism"
    assert ex.view.message == "8 occurrences of 'terrorism'" and "8 occurrences" in ex.message.value
    assert ex.kwic.value.count("<mark>terrorism</mark>") == 8
    assert ex.chart.value == ex.view.chart and "Where &#x27;terrorism&#x27; occurs" in ex.chart.value
    assert ex.chart.value.count("<line") == 8 + 1  # a tick per occurrence, and the axis


def test_frequency_explorer_word_box_with_a_missing_word(article):
    ex = frequency_explorer(article)
    ex.word_box.value = "terorism"
    assert "no occurrences of &#x27;terorism&#x27;" in ex.message.value
    assert "&#x27;terrorism&#x27;" in ex.message.value
    assert "<mark>" not in ex.kwic.value
    assert ex.chart.value == ""  # nothing to place


def test_dispersion_strip_places_each_occurrence(article):
    import re

    v = frequency_view(article, word="shanghai")
    xs = [int(x) for x in re.findall(r"<line x1='(\d+)' x2='\d+' y1='4'", v.chart)]
    assert xs == [round(1000 * p / len(article.words)) for p in v.positions] and len(xs) == 9
    assert "0 to 2,136" in v.chart and "<span>2,136</span>" in v.chart


def test_dispersion_strip_stays_small_for_a_word_everywhere():
    strip = sys.modules["helpers.explore"]._dispersion_strip("the", list(range(0, 200_000, 3)), 200_000)
    assert strip.count("<line") <= 1001 + 1 and "&#x27;the&#x27;" in strip


# --- speakers ---

from helpers import analyse, load_speakers, speaker_explorer, speaker_view  # noqa: E402


def test_speaker_view_marks_their_sentences(article):
    v = speaker_view(article, "Tanmaya Lal")
    assert v.speaker == "Tanmaya Lal" and v.sentences == [62, 63, 64, 65]
    assert v.html.count("<mark") == 4 and "Speaks for <b>member states</b>" in v.html
    assert v.keywords and v.keywords[0][1] > 0


def test_speaker_view_escapes_html(tmp_path):
    from helpers import load_article

    path = tmp_path / "tags.txt"
    path.write_text("A report\n\nBan said <script>alert(1)</script> & more.\n", encoding="utf-8")
    v = speaker_view(analyse(load_article(path), speakers=load_speakers(load_article())), "Ban Ki-moon")
    assert v.sentences == [0]
    assert "<script>" not in v.html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more." in v.html


def test_speaker_view_for_a_listed_only_delegation(article):
    v = speaker_view(article, "Uruguay")
    assert v.sentences == [] and "reports nothing" in v.html and "<mark" not in v.html


def test_speaker_explorer_controls(article):
    ex = speaker_explorer(article)
    assert ex.speaker.description == "Speaker"
    assert ex.speaker.value == "Ban Ki-moon" and ex.view.sentences[:2] == [0, 1]
    ex.speaker.value = "Maleeha Lodhi"
    assert ex.view.speaker == "Maleeha Lodhi" and ex.sentences.value == ex.view.html
    assert ex.chart.value == ex.view.chart and "Words typical of Maleeha Lodhi" in ex.chart.value
    ex.speaker.value = "Uruguay"  # listed as speaking, but nothing they said is reported
    assert ex.view.sentences == [] and ex.chart.value == ""  # no sentences, no chart


def test_speaker_chart_shows_the_keywords_as_bars(article):
    import re

    v = speaker_view(article, "Rashid Alimov")
    words = re.findall(r"white-space:nowrap'>([^<]*)</td>", v.chart)
    widths = [float(x) for x in re.findall(r"width:([\d.]+)%", v.chart)]
    assert words == [w for w, _ in v.keywords] and len(widths) == len(v.keywords)
    assert widths[0] == 100.0 and widths == sorted(widths, reverse=True)  # most typical first, longest
    top = v.keywords[0][1]
    assert all(abs(w - 100 * g / top) < 0.06 for w, (_, g) in zip(widths, v.keywords))


def test_speaker_chart_escapes_html():
    # names come from data/speakers.csv, which instructors edit
    chart = sys.modules["helpers.explore"]._keyword_chart("<script>x</script>", [("<b>", 2.0), ("ok", 1.0)])
    assert "<script>" not in chart and "&lt;script&gt;x&lt;/script&gt;" in chart
    assert "<b>" not in chart.replace("<b>Words typical", "") and "&lt;b&gt;" in chart


def test_speaker_view_themes_match_the_theme_matrix(article):
    from helpers import theme_matrix

    row = theme_matrix(article, by="speaker").loc["Ban Ki-moon"]
    assert speaker_view(article, "Ban").themes == {t: int(v) for t, v in row.items() if v}


def test_theme_explorer_loads_the_kit_s_article_when_given_none(article):
    from helpers import theme_explorer

    box = theme_explorer()
    assert box.table.value == theme_explorer(article).table.value


# --- what no lexicon, no title or a huge text must not break ----------------------------------

import shutil  # noqa: E402

import pytest  # noqa: E402

#: The most HTML one widget may send the browser (bytes).
MAX_WIDGET_HTML = 2_000_000


def widget_html(box):
    """``(where, bytes)`` of every HTML value and option list under a widget."""
    from benchmarks.limits import widget_payloads

    return list(widget_payloads(box))


def test_an_empty_theme_lexicon_gives_a_message_not_an_index_error(article, tmp_path):
    from helpers import theme_explorer, theme_explorer_view

    empty = tmp_path / "themes.txt"
    empty.write_text("# every theme deleted\n", encoding="utf-8")
    view = theme_explorer_view(article, themes=empty)
    assert view["matrix"] is None and "There is no theme to explore" in view["table_html"]
    assert str(empty) in view["table_html"] and "[Theme name]" in view["table_html"]
    box = theme_explorer(article, themes=empty)
    assert "There is no theme to explore" in box.children[0].value and box.table is None


def test_the_dashboard_works_with_an_empty_theme_lexicon(article, tmp_path, monkeypatch):
    from helpers import dashboard, data_dir

    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder)
    (folder / "themes.txt").write_text("", encoding="utf-8")
    monkeypatch.setenv("HELPERS_DATA", str(folder))
    app = dashboard(article)
    assert "There is no theme to explore" in app.themes.children[0].value
    app.speakers.speaker.value = "Liu Jieyi"  # the link to the theme table has nothing to mark
    assert app.speakers.view.speaker == "Liu Jieyi"


def test_the_dashboard_works_on_an_article_with_no_title(tmp_path):
    from helpers import dashboard, load_article

    path = tmp_path / "one-line.txt"  # one line: no title line, and no metadata file
    path.write_text("Ambassador Maleeha Lodhi said that terrorism must end.\n", encoding="utf-8")
    untitled = load_article(path)
    assert untitled.title is None
    app = dashboard(untitled)
    assert "one-line" in app.children[0].value


@pytest.fixture(scope="module")
def one_line_article(article, tmp_path_factory):
    """The kit's paragraphs joined into one line, repeated to 3 MB: one paragraph, no title."""
    from helpers import load_article

    line = " ".join(article.paragraphs)
    path = tmp_path_factory.mktemp("one-line") / "one-line.txt"
    path.write_text(" ".join([line] * (3_000_000 // len(line) + 1)) + "\n", encoding="utf-8")
    shutil.copy(article.bundle_file("speakers.csv"), path.with_name("one-line.speakers.csv"))  # its speakers
    return load_article(path)


def test_speaker_view_on_a_long_one_line_article_is_bounded_and_says_what_it_left_out(one_line_article):
    from helpers import speaker_view

    view = speaker_view(one_line_article, "Lodhi")
    assert len(one_line_article.paragraphs) == 1 and len(view.sentences) > 100
    assert len(view.html.encode()) < MAX_WIDGET_HTML  # the whole paragraph is 3 MB of text
    assert "long paragraph (over 50,000 characters) shows only this speaker's sentences" in view.html
    assert view.html.count("<mark") == len(view.sentences)  # every sentence of theirs is there


def test_no_widget_of_the_dashboard_sends_more_than_2_mb_on_a_long_article(one_line_article):
    from helpers import dashboard

    app = dashboard(one_line_article)
    app.themes.grouping.value = "paragraph"  # one row: the whole article
    app.themes.theme_pick.value = "Terrorism & extremism"
    sizes = widget_html(app)
    assert len(sizes) > 10 and max(n for _, n in sizes) < MAX_WIDGET_HTML, max(sizes, key=lambda kv: kv[1])
    assert "(the first 200 are shown)" in app.themes.sentences.value


def test_a_huge_sentence_shows_the_text_around_its_hits(tmp_path):
    from helpers import load_article, theme_explorer_view

    path = tmp_path / "one-sentence.txt"  # a 3 MB paragraph with no full stop: one sentence
    path.write_text("Title\n" + "terrorism and cooperation with care " * 90_000 + "\n", encoding="utf-8")
    huge = load_article(path)
    assert len(huge.sentences) == 1 and len(huge.text) > 3_000_000
    view = theme_explorer_view(huge, by="paragraph", group=0, theme="Terrorism & extremism")
    assert len(view["sentences_html"].encode()) < 20_000
    assert view["sentences_html"].count("<mark") == 20 and "more characters left out" in view["sentences_html"]


def test_a_huge_typed_word_gets_a_short_message(article):
    from helpers import frequency_view

    word = "a." * 500_000 + "a"
    view = frequency_view(article, 5, word=word)
    assert len(view.message) < 300 and "(1,000,001 characters)" in view.message
    assert len(view.html) < 2_000


# --- typing, the article box, reopened notebooks, numbering ---

def test_typing_answers_once_it_pauses(article):
    """In a running kernel each key press waits for the next: the view is drawn once, with the last word."""
    import asyncio

    from helpers import explore, frequency_explorer

    async def typing():
        ex = frequency_explorer(article, 5)
        for typed in ("s", "sc", "sco"):
            ex.word_box.value = typed
            await asyncio.sleep(explore.TYPING_PAUSE / 10)
        assert ex.view.word == "cooperation"  # still typing: nothing drawn yet
        await asyncio.sleep(explore.TYPING_PAUSE * 2)
        return ex

    ex = asyncio.run(typing())
    assert ex.view.word == "sco" and ex.view.message == "1 occurrence of 'sco'"


def test_a_pick_from_the_list_shows_at_once_even_while_typing_waits(article):
    import asyncio

    from helpers import frequency_explorer

    async def pick():
        ex = frequency_explorer(article, 5)
        ex.word_list.value = "united"
        return ex.view.word

    assert asyncio.run(pick()) == "united"


def test_terms_typed_for_a_theme_stay_with_that_theme(article):
    """Switching the theme to edit before the redraw does not move the typed terms to the other theme."""
    import asyncio

    from helpers import explore, theme_explorer

    async def edit():
        box = theme_explorer(article)
        box.edit_theme.value = "Territorial integrity"
        box.terms.value = box.terms.value + "\nprinciple*"
        box.edit_theme.value = "Sovereignty & non-interference"
        await asyncio.sleep(explore.TYPING_PAUSE * 2)
        return box

    box = asyncio.run(edit())
    assert box.edits == {"Territorial integrity": "territorial integrity\nannex*\noccupied\noccupation\nprinciple*"}
    assert "principle*" not in box.terms.value
    assert int(box.view["matrix"]["Territorial integrity"].sum()) > 2  # the file's terms give 2 hits


def test_the_debounce_runs_once_after_the_last_call():
    import asyncio

    from helpers.explore import _Debounced

    calls = []
    later = _Debounced(lambda: calls.append(len(calls)), pause=0.05)

    async def burst():
        for _ in range(5):
            later()
            await asyncio.sleep(0.01)
        assert calls == []
        await asyncio.sleep(0.15)

    asyncio.run(burst())
    assert calls == [0]


def test_the_article_box_opens_at_the_speaker_s_first_paragraph(article):
    v = speaker_view(article, "Tanmaya Lal")
    first = article.sentences[62].paragraph
    fold, rest = v.html.split("</details>")
    assert f"{first} paragraphs above" in fold and "<mark" not in fold
    assert sum(1 for s in article.sentences if s.paragraph < first) == int(
        fold.split("paragraphs above (")[1].split(" sentences")[0])
    assert rest.index(f"data-paragraph='{first}'") < rest.index("<mark")
    assert rest.count("data-paragraph=") == len(article.paragraphs) - first
    assert "<details" not in speaker_view(article, "Ban Ki-moon").html  # he opens the article


def test_labels_count_sentences_and_paragraphs_from_0_as_python_does(article):
    import re

    from helpers import theme_explorer_view

    view = theme_explorer_view(article, group="Sergey Ivanov", theme="Sovereignty & non-interference")
    labels = re.findall(r"<b>sentence (\d+)</b> · paragraph (\d+):", view["sentences_html"])
    assert labels and all(article.sentences[int(s)].paragraph == int(p) for s, p in labels)
    v = speaker_view(article, "Tanmaya Lal")
    assert "<b>sentence 62</b>" in v.html
    assert f"paragraph {article.sentences[62].paragraph} · " in v.html


def test_explorers_say_how_to_bring_them_back_except_in_the_app(article, monkeypatch):
    from helpers import frequency_explorer, theme_explorer
    from helpers.explore import RERUN_NOTE

    def texts(box):
        found, todo = [], [box]
        while todo:
            w = todo.pop()
            todo += list(getattr(w, "children", ()))
            found.append(getattr(w, "value", None))
        return found

    assert RERUN_NOTE in texts(frequency_explorer(article)) and RERUN_NOTE in texts(theme_explorer(article))
    assert "Run All Cells" in RERUN_NOTE
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5.13")  # what Voilà sets for its kernels
    assert RERUN_NOTE not in texts(frequency_explorer(article))


def test_the_theme_table_scrolls_in_a_box_of_its_own(article):
    from helpers import theme_explorer

    box = theme_explorer(article)
    holder = next(c for c in box.children if getattr(c, "children", None) == (box.table,))
    assert holder.layout.overflow == "auto" and holder.layout.width == "100%"


def test_theme_explorer_folds_the_no_hits_explanations_into_one_line(article):
    from helpers.explore import theme_explorer_view

    view = theme_explorer_view(article, edits={"Territorial integrity": "zzzq", "Security Council reform": "qqqz"})
    message = view["message_html"]
    assert message.count("<details>") == 1 and message.startswith("<details><summary>")
    summary = message.split("</summary>")[0]
    assert "No term of the theme" not in summary and "click to see why" in summary
    assert "No term of the theme" in message  # the explanations are all there, folded


@pytest.mark.parametrize("name", sorted(p.stem for p in (ROOT / "data" / "articles").glob("*.txt")))
def test_theme_explorer_and_dashboard_open_on_a_cell_with_hits(name):
    from helpers import dashboard, load_article, theme_explorer

    article = load_article(name)
    box = theme_explorer(article)
    matrix = box.view["matrix"]
    assert matrix.loc[box.group_pick.value, box.theme_pick.value] == matrix.drop("(narration)", errors="ignore").to_numpy().max() > 0
    assert "<mark" in box.sentences.value
    app = dashboard(article)
    themes = app.themes
    assert themes.view["matrix"].loc[themes.group_pick.value, themes.theme_pick.value] > 0
    assert app.speakers.speaker.value == themes.group_pick.value and "<mark" in themes.sentences.value
