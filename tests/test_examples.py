"""The examples a lesson shows are chosen from the article's content, on every bundled article."""

import pytest

from helpers import list_articles, load_article

#: Every article bundled in data/articles/: the lessons run on each, so their examples must exist in each.
ARTICLES = list_articles()


@pytest.fixture(scope="module", params=ARTICLES)
def any_article(request):
    return load_article(request.param)


# --- lessons 00 and 04: themes ------------------------------------------------------------

from helpers import (NARRATION, keyness_groups, largest_cell, longest_term_theme, sentence_groups, # noqa: E402
                     theme_dispersion, theme_hits, theme_keyness, theme_matrix, top_theme, who_raised)

PRINCIPLES = ["Territorial integrity", "Sovereignty & non-interference"]


def test_top_theme_has_as_many_hits_as_any_other(any_article):
    hits = theme_dispersion(any_article)["hits"]  # counted by another function
    name = top_theme(any_article)
    assert hits[name] == hits.max()
    assert name == next(n for n in hits.index if hits[n] == hits.max())  # a tie goes to the first listed


def test_top_theme_of_a_lexicon_of_ones_own(article):
    assert top_theme(article, themes={"Nuclear": "nuclear", "Cooperation": "cooperat*"}) == "Cooperation"
    # nothing matches: the first theme, whose (empty) hits a lesson can still show
    assert top_theme(article, themes={"Nuclear": "nuclear", "Atoms": "atom*"}) == "Nuclear"


@pytest.mark.parametrize("by", ["speaker", "organization", "bloc"])
def test_largest_cell_is_the_largest_count_outside_the_narration(any_article, by):
    m = theme_matrix(any_article, by=by)
    group, theme = largest_cell(m)
    speakers = m.drop(NARRATION, errors="ignore")
    assert group in speakers.index and m.loc[group, theme] == speakers.to_numpy().max()
    rows = theme_hits(any_article, theme, group, by=by)  # the cell can be traced to as many hits
    assert len(rows) == m.loc[group, theme]


def test_largest_cell_ties_and_a_table_of_narration_only(article):
    import pandas as pd

    m = pd.DataFrame([[1, 2], [2, 0], [9, 9]], index=["A", "B", NARRATION], columns=["x", "y"])
    assert largest_cell(m) == ("A", "y")  # 2 in A comes before 2 in B; the narration's 9 is passed over
    assert largest_cell(m, skip=()) == (NARRATION, "x")
    only = pd.DataFrame([[0, 3]], index=[NARRATION], columns=["x", "y"])
    assert largest_cell(only) == (NARRATION, "y")
    assert largest_cell(only * 0) == (NARRATION, "x")


def test_longest_term_theme_is_where_a_longer_term_won(article):
    name = longest_term_theme(article)
    terms = set(theme_hits(article, name, by="sentence")["term"])
    # in the kit's article, "illicit drug trafficking" is one hit although drug* matches inside it
    assert name == "Drugs & trafficking" and "illicit drug trafficking" in terms
    own = {"Council": "council", "Security": "security; security council"}
    assert longest_term_theme(article, themes=own) == "Security"
    # no term inside another: the theme with the most hits
    assert longest_term_theme(article, themes={"A": "nuclear", "B": "cooperat*"}) == "B"


def test_longest_term_theme_on_every_article(any_article):
    name = longest_term_theme(any_article)
    rows = theme_hits(any_article, by="sentence")
    several = rows[rows["term"].str.contains(" ")]
    assert name in set(rows["theme"]) | {top_theme(any_article)}
    if several.empty:
        assert name == top_theme(any_article)


def test_keyness_groups_on_the_kits_article(article):
    pair = keyness_groups(article, by="organization")
    assert pair == {"group_a": ["CSTO", "SCO", "CIS"], "group_b": "member states", "by": "organization"}
    assert theme_keyness(article, **pair).loc["Terrorism & extremism", "more_in"] == "CSTO + SCO + CIS"


def _names(group):
    return group if isinstance(group, list) else [group]


@pytest.mark.parametrize("by", ["organization", "bloc", "speaker"])
def test_keyness_groups_exist_and_can_be_compared_on_every_article(any_article, by):
    pair = keyness_groups(any_article, by=by)
    groups = sentence_groups(any_article, pair["by"])
    a, b = _names(pair["group_a"]), _names(pair["group_b"])
    assert set(a) <= set(groups) and set(b) <= set(groups) and not set(a) & set(b)
    mine = sentence_groups(any_article, by)
    if pair["by"] != by:  # one group only: the article's halves
        assert len(mine) == 1 and pair["by"] in ("paragraph", "sentence") and a + b == list(groups)
    elif not (by == "organization" and b == ["member states"]):  # the two largest, the narration last
        sizes = sorted((len(v) for g, v in mine.items() if g != NARRATION), reverse=True)
        if len(sizes) >= 2:
            assert NARRATION not in a + b and sorted([len(mine[a[0]]), len(mine[b[0]])], reverse=True) == sizes[:2]
        else:
            assert b == [NARRATION]
    k = theme_keyness(any_article, **pair)
    assert k.attrs["tokens_a"] > 0 and k.attrs["tokens_b"] > 0


def test_keyness_groups_of_two_organizations_without_member_states():
    article = load_article("unpress-2015-03-09-un-eu-cooperation")
    pair = keyness_groups(article, by="organization")
    speaking = [g for g in sentence_groups(article, "organization") if g != NARRATION]
    assert "member states" not in speaking and len(speaking) == 2
    assert {pair["group_a"], pair["group_b"]} == set(speaking)


def test_keyness_groups_with_one_group_compares_the_halves_of_the_article(article):
    pair = keyness_groups(article, registry=[], by="organization")  # no speaker: every sentence is narration
    paragraphs = list(sentence_groups(article, "paragraph"))
    assert pair["by"] == "paragraph" and pair["group_a"] + pair["group_b"] == paragraphs
    assert len(pair["group_a"]) - len(pair["group_b"]) in (0, 1)


def test_keyness_groups_of_a_single_sentence_says_there_is_nothing_to_compare(article):
    from helpers import analyse, plot_theme_comparison, theme_keyness
    from dataclasses import replace

    one = replace(article, sentences=article.sentences[:1], paragraphs=article.paragraphs[:1],
                  paragraph_spans=article.paragraph_spans[:1])
    groups = keyness_groups(one, registry=[], by="organization")
    assert groups["group_b"] == [] and groups["by"] == "sentence"
    keyness = theme_keyness(analyse(one, speakers=[]), **groups)
    assert keyness.empty and keyness.attrs["note"] == "nothing to compare: the group '(no sentence)' has no words"
    ax = plot_theme_comparison(keyness)
    assert ax.texts[0].get_text() == keyness.attrs["note"]


def test_who_raised_agrees_with_the_theme_table(any_article):
    text = who_raised(any_article, PRINCIPLES)
    m = theme_matrix(any_article, by="speaker")
    lines = text.split("\n")
    for name, line in zip(PRINCIPLES, lines):
        column = m[name][m[name] > 0]
        assert line.startswith(name + ": ")
        if column.empty:
            assert line.endswith("nobody in this article")
        else:
            assert line == f"{name}: " + ", ".join(f"{g} ({n})" for g, n in column.items())
    raised = [n for n in PRINCIPLES if m[n].sum() > 0]
    assert len(lines) == len(PRINCIPLES) + (len(raised) == 2)


def test_who_raised_in_the_kits_article(article):
    text = who_raised(article, PRINCIPLES)
    assert text.split("\n")[0] == "Territorial integrity: Ukraine (1), United States (1)"
    assert "Sergey Ivanov" in text.split("\n")[1] and text.endswith("No group raised both.")
    # the groups that raised more than one theme are named
    both = who_raised(article, ["Terrorism & extremism", "Drugs & trafficking"], by="organization")
    assert both.split("\n")[-1].startswith("Raised both: ") and "CSTO" in both.split("\n")[-1]


# --- lessons 01 and 02: sentences and words ----------------------------------------------------

import re  # noqa: E402

from helpers import (content_words, dispersion, dispersion_words, example_phrase, # noqa: E402
                     example_sentence, find_word, load_stopwords, mention_counts, mentions_vs_words,
                     misspelling, most_miscounted, no_occurrences, sentences_with_inner_stops,
                     split_sentences, stem_family, stray_quote_sentences, top_words, word_counts)
from helpers import article_aliases  # noqa: E402


def test_the_example_sentence_is_the_first_that_shares_its_paragraph(any_article):
    s = example_sentence(any_article)
    assert s in any_article.sentences and any_article.text[s.start:s.end] == s.text
    before = any_article.sentences[:s.index]
    shared = [t for t, u in zip(any_article.sentences, any_article.sentences[1:]) if t.paragraph == u.paragraph]
    if shared:  # it shares its paragraph with the sentence before it, and no earlier one does
        assert before and before[-1].paragraph == s.paragraph
        assert all(t.paragraph != u.paragraph for t, u in zip(before, before[1:]))
    else:
        assert s.index == min(1, len(any_article.sentences) - 1)


def test_the_sentences_with_a_full_stop_inside_are_all_of_them_and_only_them(any_article):
    found = sentences_with_inner_stops(any_article)
    inside = [s for s in any_article.sentences if ". " in s.text.rstrip() or ".\n" in s.text.rstrip()]
    assert list(found) == inside
    for s in found:  # splitting at ". " would have cut each of them; the kit's splitter did not
        assert len(s.text.rstrip().split(". ")) > 1 or ".\n" in s.text
        assert [s.text[a:b] for a, b in split_sentences(s.text)] == [s.text]


def test_an_abbreviation_inside_a_sentence_is_found():
    article = load_article("unnews-2017-07-19-un-au-cooperation")
    found = sentences_with_inner_stops(article)
    assert [s.index for s in found] == [4, 7, 8] and all("Mr. Guterres" in s.text for s in found)


def test_the_stray_quote_marks_are_the_ones_the_splitter_reads_as_closing(any_article):
    for s in stray_quote_sentences(any_article):
        assert re.search(r"[,.;:!?] “ [a-z]", s.text)
        assert [s.text[a:b] for a, b in split_sentences(s.text)] == [s.text]  # quote and speaker together
    others = set(any_article.sentences) - set(stray_quote_sentences(any_article))
    assert not any(re.search(r"[,.;:!?] “ [a-z]", s.text) for s in others)


def test_the_kits_article_has_its_stray_quote_in_paragraph_6(article):
    assert [(s.index, s.paragraph) for s in stray_quote_sentences(article)] == [(9, 6)]
    assert "threats, “ he emphasized" in stray_quote_sentences(article)[0].text


def test_content_words_are_frequent_lower_case_words_and_no_stopword(any_article):
    words = content_words(any_article, 5)
    assert 1 <= len(words) <= 5 and len(set(words)) == len(words)
    counts = word_counts(any_article, stopwords=False)
    assert [counts[w] for w in words] == sorted((counts[w] for w in words), reverse=True)
    assert not set(words) & load_stopwords()
    for w in words:  # written in lower case at least as often as capitalised
        as_written = [any_article.text[t.start:t.end] for t in find_word(any_article, w)]
        assert 2 * sum(x == w for x in as_written) >= len(as_written) > 0
    # no word left out is more frequent than the last one chosen, unless it is mostly a name
    top = [w for w, c in top_words(any_article, 50) if c > counts[words[-1]]]
    for w in set(top) - set(words):
        as_written = [any_article.text[t.start:t.end] for t in find_word(any_article, w)]
        assert 2 * sum(x == w for x in as_written) < len(as_written) or not any(ch.isalpha() for ch in w)


def test_content_words_leave_out_names_written_with_capitals(article):
    words = content_words(article, 20)
    assert "cooperation" in words and not {"united", "nations", "shanghai", "csto"} & set(words)


def test_content_words_need_a_whole_number(article):
    with pytest.raises(ValueError, match="whole number"):
        content_words(article, 0)


def test_the_misspelling_is_not_in_the_article_and_points_back_to_the_word(any_article):
    word = content_words(any_article, 1)[0]
    wrong = misspelling(any_article, word)
    assert wrong not in any_article.words and not find_word(any_article, wrong)
    dropped = [word[:i] + word[i + 1:] for i in range(len(word))]
    swapped = [word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)]
    assert wrong in dropped + swapped and wrong != word  # one slip of the keyboard away
    assert f"Did you mean {word!r}" in no_occurrences(any_article, wrong)


def test_a_word_too_short_to_misspell_gets_a_clear_message(article):
    with pytest.raises(ValueError, match="longer word"):
        misspelling(article, "un")
    with pytest.raises(ValueError, match="give a word"):
        misspelling(article, "")


def test_the_example_phrase_occurs_and_is_two_content_words(any_article):
    phrase = example_phrase(any_article)
    first, second = phrase.split(" ")
    assert find_word(any_article, phrase)
    assert not {first, second} & load_stopwords()


def test_the_stem_family_holds_words_of_the_article_with_one_stem(any_article):
    from nltk.stem.snowball import SnowballStemmer

    stem, words = stem_family(any_article)
    stemmer = SnowballStemmer("english")
    assert words == sorted(words) and len(words) >= 1
    assert all(stemmer.stem(w) == stem and w in any_article.words for w in words)
    # no other stem joins more different words
    others = {}
    for w in set(word_counts(any_article)):
        others.setdefault(stemmer.stem(w), set()).add(w)
    assert len(words) == max(len(v) for v in others.values())


def test_the_most_miscounted_organization_has_the_largest_gap(any_article):
    key = most_miscounted(any_article)
    table = mentions_vs_words(any_article)
    gaps = (table["mentions"] - table["word total"]).abs()
    assert gaps[key] == gaps.max()
    assert table.loc[key, "mentions"] == mention_counts(any_article)[key]


def test_the_kits_article_miscounts_the_cis_most(article):
    table = mentions_vs_words(article)
    assert most_miscounted(article) == "CIS" and table.loc["CIS", "word total"] > table.loc["CIS", "mentions"]


def test_dispersion_words_each_occur_and_start_with_the_most_mentioned(any_article):
    words = dispersion_words(any_article)
    assert 1 <= len(words) <= 5 and len(set(words)) == len(words)
    assert all(dispersion(any_article, words).values())  # every row of the plot has a tick
    table = mentions_vs_words(any_article)
    first = table.index[0]  # the most mentioned organization: its name comes first
    if table.loc[first, "mentions"]:
        assert words[0] in [n.lower() for n in article_aliases(any_article)[first]]
    assert set(words) - set(content_words(any_article, 10)) <= {
        n.lower() for names in article_aliases(any_article).values() for n in names}
    assert dispersion_words(any_article, 2) == words[:2]


# --- lesson 03 ---------------------------------------------------------------------------------

def test_speech_chain_is_one_speaker_named_then_carried_then_continued(article):
    from helpers import attribute, speech_chain

    results = attribute(article)
    named, pronoun, continued = (results[i] for i in speech_chain(results))
    assert named.speakers == pronoun.speakers == continued.speakers
    assert named.evidence.startswith(("named", "described")) and named.cue
    assert pronoun.evidence.startswith("pronoun") and continued.evidence.startswith("continuation")
    assert named.sentence.index < pronoun.sentence.index < continued.sentence.index


def test_speech_chain_pronoun_window_and_most_quoted_on_every_article(any_article):
    from helpers import attribute, most_quoted, pronoun_window, show_attribution, speaker_table, speech_chain

    results = attribute(any_article)
    chain = speech_chain(results)
    assert chain == sorted(chain) and len(set(chain)) == len(chain) <= 3
    assert all(results[i].speakers for i in chain), "every sentence of the chain has a speaker"
    start, stop = pronoun_window(results)
    assert 0 <= start < stop <= len(results)
    show_attribution(any_article, start, stop)
    top = most_quoted(any_article)
    table = speaker_table(any_article)
    if len(table):
        assert table.set_index("speaker").loc[top, "sentences"] == table["sentences"].max()
    else:
        assert top is None


def test_most_quoted_is_none_when_nobody_speaks(tmp_path):
    from helpers import most_quoted

    path = tmp_path / "plain.txt"
    path.write_text("A title\n\nThe Council met. Nothing was said.\n", encoding="utf-8")
    assert most_quoted(load_article(path)) is None
