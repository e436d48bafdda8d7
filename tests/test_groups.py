"""Which sentences belong to which group: one registry reaches every analysis that groups by speaker."""

import pytest

from helpers import (NARRATION, OTHER, Speaker, attribute, bloc_of, list_articles, load_article, sentence_groups, 
                     sentences_by_group, speaker_sentences, speaker_table, speaker_view, load_speakers, theme_explorer_view,
                     theme_hits, theme_matrix)


def _registry_without(article, *names):
    return [s for s in load_speakers(article) if s.name not in names]


def test_a_registry_of_ones_own_gives_the_same_sentences_to_every_view(article):
    # Without Bordyuzha's line, the "he said" after his name goes to the Russian delegate before
    # him: every view must agree on that.
    reg = _registry_without(article, "Ban Ki-moon", "Nikolai Bordyuzha")
    groups = sentence_groups(article, "speaker", registry=reg)
    assert "Ban Ki-moon" not in groups and groups != sentence_groups(article, "speaker")
    assert len(groups["Russian Federation"]) > len(sentence_groups(article, "speaker")["Russian Federation"])
    for name in ("Russian Federation", "Rashid Alimov", "Maleeha Lodhi"):
        view = speaker_view(article, name, registry=reg)
        assert view.sentences == list(groups[name])
        assert [a.sentence.index for a in speaker_sentences(article, name, reg)] == list(groups[name])
    matrix = theme_matrix(article, by="speaker", registry=reg)
    assert list(matrix.index) == list(groups)
    hits = theme_hits(article, by="speaker", registry=reg)
    for group, rows in hits.groupby("group"):
        assert set(rows["sentence"]) <= set(groups[group])
        assert matrix.loc[group].sum() == len(rows)
    table = speaker_table(article, reg).set_index("speaker")
    assert {name: table.loc[name, "sentences"] for name in table.index} == \
        {name: len(idx) for name, idx in groups.items() if name != NARRATION}
    view = theme_explorer_view(article, registry=reg)
    assert view["groups"] == list(groups)


def test_the_default_registry_is_the_articles_own(article):
    other = load_article("unpress-2015-03-09-un-eu-cooperation")
    assert [s.name for s in load_speakers(other)] != [s.name for s in load_speakers(article)]
    assert set(sentence_groups(other, "speaker")) <= {s.name for s in load_speakers(other)} | {NARRATION}
    assert sentence_groups(other, "speaker") == sentence_groups(other, "speaker", registry=load_speakers(other))


@pytest.mark.parametrize("name", list_articles())
def test_every_sentence_is_in_a_group_for_every_grouping(name):
    a = load_article(name)
    for by in ("speaker", "organization", "bloc", "paragraph", "sentence"):
        groups = sentence_groups(a, by)
        assert set(sentences_by_group(groups)) == {s.index for s in a.sentences}, by
    said = {x.sentence.index for x in attribute(a) if x.speakers}
    assert set(sentence_groups(a, "speaker").get(NARRATION, ())) == {s.index for s in a.sentences} - said


def test_an_official_in_no_bloc_counts_for_the_group_they_speak_for(article):
    mogherini = Speaker("Federica Mogherini", "High Representative of the European Union", None, "EU",
                        "official", "EU")
    delegate = Speaker("Utopia", "Representative of Utopia", "Utopia", None, "national", "member states")
    assert bloc_of(mogherini) == "EU" and bloc_of(delegate) == OTHER
    eu = load_article("unpress-2015-03-09-un-eu-cooperation")
    groups = sentence_groups(eu, "bloc")
    assert "EU" in groups and OTHER not in groups, "the High Representative is counted for the EU"
