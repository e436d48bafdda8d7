"""One object owns an analysis: a speaker list of one's own reaches every view, and an edit of any
data file makes the next result new."""

import warnings

import matplotlib
import pytest

matplotlib.use("Agg")

import helpers  # noqa: E402
from helpers import analyse, attribute, load_article, load_speakers, sentence_groups  # noqa: E402
from helpers.analysis import Analysis, analysis_of, data_key  # noqa: E402
from helpers.datafiles import data_dir  # noqa: E402
from helpers.groups import NARRATION  # noqa: E402
from helpers.scaffold import suggest_speakers  # noqa: E402

KIT = "idn-2016-10-31-un-regional-bodies"


@pytest.fixture
def mine(article):
    """The kit's article with a speaker list of one's own: Ban Ki-moon and Bordyuzha left out.

    Without Bordyuzha's line, the "he said" after his name goes to the Russian delegate before him.
    """
    return analyse(article, speakers=[s for s in load_speakers(article)
                                      if s.name not in ("Ban Ki-moon", "Nikolai Bordyuzha")])


def test_an_analysis_is_made_once_per_article_and_keeps_what_it_computes(article):
    own = analysis_of(article)
    assert isinstance(own, Analysis) and analysis_of(article) is own and analysis_of(own) is own
    assert attribute(article) == attribute(own)
    assert own.memo("attributions", lambda: pytest.fail("computed again")) is not None


def test_every_view_that_groups_sentences_agrees_with_the_analysis_it_is_given(mine, article):
    groups = sentence_groups(mine, "speaker")
    assert "Ban Ki-moon" not in groups and groups != sentence_groups(article, "speaker")
    assert len(groups["Russian Federation"]) > len(sentence_groups(article, "speaker")["Russian Federation"])
    said = {name: list(idx) for name, idx in groups.items() if name != NARRATION}
    # the speaker views
    assert {name: [a.sentence.index for a in helpers.speaker_sentences(mine, name)] for name in said} == said
    table = helpers.speaker_table(mine).set_index("speaker")
    assert {name: int(table.loc[name, "sentences"]) for name in table.index} == {n: len(i) for n, i in said.items()}
    assert [a.sentence.index for a in attribute(mine) if not a.speakers] == list(groups[NARRATION])
    for name in ("Russian Federation", "Maleeha Lodhi"):
        assert helpers.speaker_view(mine, name).sentences == said[name]
        assert helpers.speaker_keywords(mine, name, 3) == helpers.speaker_keywords(mine, name, 3)
    # the theme views
    matrix = helpers.theme_matrix(mine, by="speaker")
    assert list(matrix.index) == list(groups)
    hits = helpers.theme_hits(mine, by="speaker")
    for group, rows in hits.groupby("group"):
        assert set(rows["sentence"]) <= set(groups[group]) and matrix.loc[group].sum() == len(rows)
    assert helpers.theme_explorer_view(mine)["groups"] == list(groups)
    by_org = sentence_groups(mine, "organization")
    keyness = helpers.theme_keyness(mine, "SCO", "member states", by="organization")
    assert keyness.attrs["tokens_a"] == helpers.theme_matrix(mine, by="organization").attrs["tokens"]["SCO"]
    assert "UN" not in by_org and "UN" in sentence_groups(article, "organization")


def test_show_and_plot_functions_read_the_analysis_they_are_given(mine, capsys):
    groups = sentence_groups(mine, "speaker")
    theme = next(t for t in helpers.load_themes()
                 if len(helpers.theme_hits(mine, t, "Russian Federation", by="speaker")))
    helpers.show_theme_hits(mine, theme, "Russian Federation", by="speaker")
    shown = capsys.readouterr().out
    rows = helpers.theme_hits(mine, theme, "Russian Federation", by="speaker")
    assert f"— {len(rows)} hit(s)" in shown and all(f"sentence {i:<3}" in shown for i in rows["sentence"])
    ax = helpers.plot_theme_heatmap(mine, by="speaker")
    assert [t.get_text() for t in ax.get_yticklabels()] == list(groups)
    ax = helpers.plot_theme_comparison(mine, "SCO", "member states", by="organization")
    table = helpers.theme_keyness(mine, "SCO", "member states", by="organization")
    assert [round(p.get_width(), 2) for p in ax.patches[:len(table)]] == list(table["per_1000_a"])
    ax = helpers.plot_speaker_words(mine)
    assert "Ban Ki-moon" not in [t.get_text() for t in ax.get_yticklabels()]
    ax = helpers.plot_speaking_order(mine)
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == NARRATION
    assert "Ban Ki-moon" not in [t.get_text() for t in helpers.plot_speaker_groups(mine).texts]
    box = helpers.speaker_explorer(mine)
    assert "Ban Ki-moon" not in [value for _, value in box.speaker.options]
    assert helpers.dashboard(mine) is not None


def test_the_old_keyword_still_works_and_says_the_new_way(article, mine):
    reg = list(mine.speakers)
    with pytest.warns(FutureWarning, match=r"analyse\(article, speakers="):
        old = sentence_groups(article, "speaker", registry=reg)
    assert old == sentence_groups(mine, "speaker")
    with pytest.warns(FutureWarning, match="load_speakers"):
        assert len(helpers.speakers(article)) == len(load_speakers(article))


def test_one_function_sees_one_article_never_the_course_default(tmp_path, monkeypatch):
    other = load_article("unpress-2015-03-09-un-eu-cooperation")
    assert {s.name for s in analysis_of(other).speakers} == {s.name for s in load_speakers(other)}
    with pytest.raises(TypeError, match="load_speakers needs an article"):
        load_speakers(None)


EDITS = {
    # file: (what to append or change, a function of the article whose result must change)
    "abbreviations.txt": ("\nsaid\n", lambda a: len(a.sentences)),
    "boilerplate.txt": ("\nNEW YORK (IDN)\n", lambda a: a.paragraphs[0][:20]),
    "phrases.txt": ("\nregional organizations\n", lambda a: helpers.top_words(a, 5, phrases=True)),
    "aliases.txt": ("\nCHARTER: Charter; United Nations Charter\n", lambda a: dict(helpers.mention_counts(a))),
    "speakers.cues.txt": (None, lambda a: [x.speakers for x in attribute(a)]),
    "stopwords.txt": ("\nregional\nsecurity\n", lambda a: helpers.top_words(a, 5)),
    "themes.txt": ("\n[Charter]\nnote: the UN Charter\ncharter\n", lambda a: list(helpers.theme_matrix(a).columns)),
    "blocs.txt": (None, lambda a: {g: len(i) for g, i in sentence_groups(a, "bloc").items()}),
    # "Ban said …" opens a sentence: with "Ban" a country, the speaker finder drafts its delegation
    "countries.txt": ("\nBan\n", lambda a: [s.name for s in suggest_speakers(a)]),
}


@pytest.mark.parametrize("name", [*EDITS, "article .toml", "article speakers"])
def test_editing_any_data_file_makes_the_next_result_new(data_copy, name):
    """In one process: a result, an edit of one file, the same call again (on a fresh load)."""
    bundle = data_copy / "articles" / KIT
    if name == "article .toml":
        path, result = bundle.with_suffix(".toml"), lambda a: helpers.mention_counts(a).get("HEART")
        edit = '\norganizations = ["HEART: Heart of Asia-Istanbul Process"]\n'
    elif name == "article speakers":
        path, result = bundle.with_name(bundle.name + ".speakers.csv"), lambda a: len(load_speakers(a))
        edit = '\nNobody,Nobody in particular,Utopia,,national,member states,,\n'
    else:
        path, (edit, result) = data_copy / name, EDITS[name]
    before = result(load_article(KIT))
    text = path.read_text(encoding="utf-8")
    if name == "speakers.cues.txt":  # take the commonest cue out
        path.write_text("\n".join(l for l in text.split("\n") if l.strip() != "said"), encoding="utf-8")
    elif name == "blocs.txt":  # Japan leaves its bloc, for the group of delegations in no bloc
        path.write_text("\n".join(l for l in text.split("\n") if l.strip() != "Japan"), encoding="utf-8")
    elif name == "article .toml":  # the organizations line goes before any [table]
        head, sep, rest = text.partition("\n[")
        path.write_text(head + edit + sep + rest, encoding="utf-8")
    else:
        path.write_text(text + edit, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)
        after = result(load_article(KIT))
    assert after != before, f"editing {name} did not change the next result"


def test_the_key_covers_every_file_an_analysis_reads(article):
    from helpers.datafiles import file_stamp

    files = [article.path, article.bundle_file("toml"), article.bundle_file("speakers.csv"),
             *(data_dir() / name for name in helpers.analysis.SHARED_FILES)]
    assert set(map(file_stamp, files)) <= set(data_key(article))
    assert len(data_key(article)) == len(files) + 1  # and the older layout's shared speaker list, if any


def test_one_call_checks_the_data_files_once_and_the_next_call_again(data_copy, monkeypatch):
    """theme_matrix reads sentence_groups, which reads attribute: one stamp of every file for the three."""
    article = load_article(KIT)
    helpers.theme_matrix(article)  # the analysis made, and everything it computes
    stamped = []
    real = helpers.analysis.data_key
    monkeypatch.setattr(helpers.analysis, "data_key", lambda *a: stamped.append(a) or real(*a))
    before = helpers.theme_matrix(article, by="bloc")
    assert len(stamped) == 1
    blocs = data_copy / "blocs.txt"  # an edit between two calls is seen by the second
    blocs.write_text("\n".join(l for l in blocs.read_text(encoding="utf-8").split("\n") if l.strip() != "Japan"),
                     encoding="utf-8")
    after = helpers.theme_matrix(article, by="bloc")
    assert len(stamped) >= 2 and list(after.index) != list(before.index)
