"""Frequency analysis on the real article: counts, mentions, collocations, KWIC, dispersion, Zipf."""

import html
import math
from collections import Counter

import pytest

from helpers import (Token, collocations, counts_per_paragraph, counts_per_sentence, dispersion, 
                     find_word, hapaxes, kwic, kwic_html, load_stopwords, mention_counts,
                     mentions_vs_words, ngram_counts, no_occurrences, rank_frequency, show_kwic,
                     top_words, vocabulary, word_counts, zipf_fit)


# --- counting words ---------------------------------------------------------------------

def test_top_content_words_are_the_debate_and_no_stopword(article):
    top = top_words(article, 20)
    words = [w for w, _ in top]
    assert {"cooperation", "regional", "security"} <= set(words)
    assert not set(words) & load_stopwords()
    counts = [c for _, c in top]
    assert counts == sorted(counts, reverse=True)


def test_top_words_counts_agree_with_the_tokens(article):
    for word, count in top_words(article, 10):
        assert count == article.words.count(word)


def test_without_stopwords_the_top_is_function_words(article):
    assert [w for w, _ in top_words(article, 3, stopwords=False)] == ["the", "and", "of"]


def test_an_empty_stopword_list_removes_nothing(article):
    assert word_counts(article, stopwords=[]) == word_counts(article, stopwords=False)
    assert word_counts(article, stopwords=[]).N() == len(article.words)


def test_own_stopword_list_is_used_case_insensitively(article):
    counts = word_counts(article, stopwords=["Cooperation", "the"])
    assert "cooperation" not in counts and "the" not in counts and counts["security"] > 0


def test_n_larger_than_the_vocabulary_gives_every_word(article):
    everything = top_words(article, 100_000)
    assert len(everything) == len(word_counts(article))
    assert top_words(article, 0) == []


@pytest.mark.parametrize("bad", ["20", 2.5, None, True])
def test_n_that_is_not_a_whole_number_is_a_type_error(article, bad):
    with pytest.raises(TypeError, match="whole number"):
        top_words(article, bad)


def test_negative_n_is_a_value_error(article):
    with pytest.raises(ValueError, match="0 or more"):
        top_words(article, -1)


def test_stopwords_as_a_single_string_is_refused_with_the_fix(article):
    with pytest.raises(TypeError, match=r"stopwords=\['the'\]"):
        top_words(article, 5, stopwords="the")


def test_stemming_merges_word_forms(article):
    stems = word_counts(article, stem=True)
    words = word_counts(article)
    assert stems["cooper"] == sum(c for w, c in words.items() if w.startswith("cooperat"))


def test_phrases_join_names_into_one_count(article):
    counts = word_counts(article, phrases=True)
    assert counts["united_nations"] == len(find_word(article, "united_nations", phrases=True)) == 24
    # the other four "United Nations" open the longer name "United Nations Charter"
    assert counts["united_nations_charter"] == 4
    assert len(find_word(article, "united nations")) == 24 + 4


def test_phrase_counts_follow_the_phrases_file(article, tmp_path, monkeypatch):
    import shutil

    from helpers import data_dir, tokenize

    assert word_counts(article, stopwords=False, phrases=True) == Counter(tokenize(article.text, phrases=True))
    united = word_counts(article)["united"]
    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder)
    monkeypatch.setenv("HELPERS_DATA", str(folder))
    (folder / "phrases.txt").write_text("# only one name\nunited nations charter\n", encoding="utf-8")
    counts = word_counts(article, phrases=True)
    assert counts["united_nations"] == 0 and counts["united_nations_charter"] == 4
    assert counts["united"] == united - 4  # every other "united" is a word of its own again
    assert len(find_word(article, "united_nations_charter", phrases=True)) == 4


def test_vocabulary_measures(article):
    v = vocabulary(article)
    assert v.tokens == len(article.words)
    assert v.types == len(set(article.words))
    assert v.ttr == pytest.approx(v.types / v.tokens)
    singles = [w for w in set(article.words) if article.words.count(w) == 1]
    assert v.hapaxes == len(singles) and hapaxes(article) == sorted(singles)


def test_counts_per_paragraph_and_sentence_add_up(article):
    per_paragraph = counts_per_paragraph(article, ["security", "terrorism"])
    per_sentence = counts_per_sentence(article, ["security", "terrorism"])
    assert len(per_paragraph) == len(article.paragraphs) and len(per_sentence) == len(article.sentences)
    for word in ("security", "terrorism"):
        assert per_paragraph[word].sum() == per_sentence[word].sum() == article.words.count(word)
    # the first "terrorism" is in sentence 4, paragraph 4 ("... Central Asia on terrorism, violent extremism")
    assert per_sentence["terrorism"].ne(0).idxmax() == 4
    assert "terrorism" in article.sentences[4].text


# --- words versus mentions --------------------------------------------------------------

def test_sco_mentions_equal_the_hand_count(article):
    # Counted by reading data/articles/idn-2016-10-31-un-regional-bodies.txt sentence by sentence:
    #  1 "... Shanghai Cooperation Organization (SCO) and the Commonwealth ..."  (name + acronym: ONE mention)
    #  2 "... as Chairs of the Collective Security Treaty Organization, Shanghai Cooperation Organization, ..."
    #  3 "Rashid Alimov, Secretary-General of the Shanghai Cooperation Organization, said ..."
    #  4 "Speaking on behalf of the Shanghai Cooperation Organization, Kazakhstan's Permanent Representative ..."
    #  5 "The Shanghai Cooperation Organization stood for further strengthening ..."
    #  6 "... noting that the Shanghai Cooperation Organization, in particular, had produced excellent results ..."
    #  7 "As a member of the Shanghai Cooperation Organization, whose membership spanned ..."
    #  8 "... signed a memorandum of understanding with the Shanghai Cooperation Organization, paving the way ..."
    # ("the 'Shanghai spirit'" names no organization.)
    hand_count = 8
    assert mention_counts(article)["SCO"] == hand_count


def test_counting_words_is_not_counting_mentions(article):
    words = word_counts(article, stopwords=False)
    assert words["sco"] == 1          # the acronym alone misses seven mentions
    assert words["shanghai"] == 9     # the city word over-counts: "Shanghai spirit"
    table = mentions_vs_words(article)
    assert table.loc["SCO", "mentions"] == 8
    assert table.loc["SCO", "word total"] == 9  # name and acronym both counted in "... (SCO)"
    assert (table["mentions"] <= table["word total"]).all()


# --- n-grams and collocations -----------------------------------------------------------

def test_bigrams_do_not_cross_sentences(article):
    # sentence 0 ends "... told the Security Council." and sentence 1 starts "That is why"
    assert ngram_counts(article, 2)[("council", "that")] == 0
    assert ngram_counts(article, 2)[("united", "nations")] == 28


def test_bigrams_with_stopwords_drop_pairs_rather_than_words(article):
    pairs = ngram_counts(article, 2, stopwords=True)
    stop = load_stopwords()
    assert pairs and all(not (set(pair) & stop) for pair in pairs)
    # "cooperation with the United Nations": removing words first would invent ("cooperation", "united")
    assert pairs[("cooperation", "united")] == 0


def test_n_gram_length_must_be_positive(article):
    with pytest.raises(ValueError, match="1 or more"):
        ngram_counts(article, 0)


def test_likelihood_ranks_the_names_of_the_debate_first(article):
    best = collocations(article, 5, measure="likelihood", min_freq=2)
    assert (best[0].first, best[0].second) == ("united", "nations")
    assert all(c.count >= 2 for c in best)
    assert [c.score for c in best] == sorted((c.score for c in best), reverse=True)


def test_pmi_misleads_on_rare_pairs(article):
    # With no minimum frequency, PMI's top ten are all pairs seen ONCE, tied at the
    # highest possible score: one sighting of two rare words looks maximally "associated".
    pmi = collocations(article, 10, measure="pmi", min_freq=1)
    assert {c.count for c in pmi} == {1}
    assert len({round(c.score, 9) for c in pmi}) == 1
    # The frequent, meaningful pair "united nations" is nowhere near the PMI top ...
    assert ("united", "nations") not in [(c.first, c.second) for c in pmi]
    # ... while likelihood puts it first, and a minimum frequency brings PMI back to sense.
    assert collocations(article, 1, measure="likelihood", min_freq=1)[0][:2] == ("united", "nations")
    sensible = collocations(article, 10, measure="pmi", min_freq=3)
    assert all(c.count >= 3 for c in sensible)
    assert ("united", "nations") in [(c.first, c.second) for c in sensible]


def test_unknown_measure_is_refused(article):
    with pytest.raises(ValueError, match="'likelihood' or 'pmi'"):
        collocations(article, measure="chi")


# --- finding words: KWIC ------------------------------------------------------------------

def test_every_terrorism_line_points_at_the_keyword(article):
    lines = kwic(article, "terrorism")
    assert len(lines) == 8
    for line in lines:
        assert "terrorism" in article.text[line.start:line.end].lower()
        assert article.text[line.start:line.end] == line.keyword
        s = article.sentences[line.sentence]
        assert s.start <= line.start and line.end <= s.end


def test_kwic_matches_tokens_not_substrings(article):
    # "counter-terrorism" is one token, so it is not an occurrence of "terrorism"
    assert "counter-terrorism" in article.text
    assert all(article.text[line.start - 1] != "-" for line in kwic(article, "terrorism"))
    assert len(kwic(article, "counter-terrorism")) == article.words.count("counter-terrorism")


def test_kwic_context_has_the_width_asked_for(article):
    for line in kwic(article, "security", width=25):
        assert len(line.left) <= 25 and len(line.right) <= 25
        assert article.text[line.start - len(line.left):line.start].replace("\n", " ") == line.left


def test_kwic_finds_phrases_and_joined_phrases(article):
    spaced = kwic(article, "united nations")
    assert len(spaced) == 28 and spaced == kwic(article, "United_Nations")
    assert all(line.keyword.lower() == "united nations" for line in spaced)


def test_kwic_with_stems_finds_every_form(article):
    forms = {line.keyword.lower() for line in kwic(article, "cooperate", stem=True)}
    assert {"cooperation", "cooperating", "cooperate"} <= forms


def test_missing_word_gives_no_rows_and_a_message_with_suggestions(article, capsys):
    assert kwic(article, "terorism") == []
    message = no_occurrences(article, "terorism")
    assert message.startswith("no occurrences of 'terorism'") and "'terrorism'" in message
    show_kwic(article, "terorism")
    assert capsys.readouterr().out.strip() == message
    assert html.escape(message) in kwic_html(article, "terorism")


def test_suggestions_are_only_words_and_phrases_the_article_contains(article, tmp_path):
    from helpers import load_article, load_phrases

    short = tmp_path / "opening.txt"  # the title and first three paragraphs: no "General Assembly" in them
    short.write_text("\n\n".join([article.title, *article.paragraphs[:3]]) + "\n", encoding="utf-8")
    opening = load_article(short)
    assert opening.paragraphs == article.paragraphs[:3]
    missing = [" ".join(p) for p in load_phrases() if not find_word(opening, " ".join(p))]
    assert "general assembly" in missing and "security council" not in missing
    for phrase in missing:
        typo = phrase[:-2] + phrase[-1]  # "general assembly" -> "general assemby"
        message = no_occurrences(opening, typo)
        assert repr(phrase) not in message, message
        said = message.split("Did you mean ")[1:]
        for suggestion in said[0].rstrip("?").replace(" or ", ", ").split(", ") if said else []:
            assert find_word(opening, suggestion.strip("'")), (typo, suggestion)
    assert "'general assembly'" in no_occurrences(article, "general assemby"), "the whole article has it"
    assert no_occurrences(opening, "security councel").endswith("Did you mean 'security council'?")


@pytest.mark.parametrize("bad", [None, 3, ["terrorism"]])
def test_a_word_that_is_not_a_string_is_a_type_error(article, bad):
    with pytest.raises(TypeError, match="should be a string"):
        kwic(article, bad)


def test_a_word_with_no_letters_is_a_value_error(article):
    with pytest.raises(ValueError, match="no letters or digits"):
        kwic(article, "?!")


def test_kwic_html_escapes_everything_and_marks_the_keyword(article):
    page = kwic_html(article, "colour revolutions", width=30)
    assert page.count("<mark>colour revolutions</mark>") == 1
    assert "&#x27;" in page and "<script" not in page
    hostile = kwic_html(article, "<script>alert(1)</script>")
    assert "<script>" not in hostile and "&lt;script&gt;" in hostile


def test_show_kwic_aligns_the_keywords(article, capsys):
    show_kwic(article, "terrorism", width=30)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "8 occurrences of 'terrorism'"
    assert all(line[30:39].lower() == "terrorism" for line in lines[1:])


# --- dispersion and Zipf ----------------------------------------------------------------

def test_dispersion_positions_are_the_word_numbers(article):
    places = dispersion(article, ["security", "nowhere-word"])
    assert list(places) == ["security", "nowhere-word"] and places["nowhere-word"] == []
    assert [article.words[i] for i in places["security"]] == ["security"] * article.words.count("security")


def test_find_word_returns_tokens_as_written(article):
    hit = find_word(article, "csto")[0]
    assert isinstance(hit, Token) and hit.word == "CSTO" == article.text[hit.start:hit.end]


def test_rank_frequency_and_zipf_slope(article):
    table = rank_frequency(article)
    assert [r for r, _, _ in table] == list(range(1, len(table) + 1))
    assert sum(c for _, _, c in table) == len(article.words)
    slope, intercept = zipf_fit(article)
    # Zipf predicts about -1; one 2,100-word article gives a flatter line
    assert -1.1 < slope < -0.7
    assert math.isclose(10 ** intercept, table[0][2], rel_tol=1.0)


# --- words with "_", odd limits, long phrases -----------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@pytest.fixture(scope="module")
def underscored(tmp_path_factory):
    from helpers import load_article

    path = tmp_path_factory.mktemp("underscore") / "underscore.txt"
    path.write_text("Title\nThe UN_News desk said so. Later un_news reported it, and UN News agreed.\n",
                    encoding="utf-8")
    return load_article(path)


def test_words_with_underscores_are_found_as_they_are_counted(underscored):
    from helpers import frequency_view

    counts = dict(top_words(underscored, 20, stopwords=False))
    assert counts["un"] == counts["news"] == 3 and not [w for w in counts if "_" in w]
    hits = find_word(underscored, "un_news")
    assert [h.word for h in hits] == ["UN_News", "un_news", "UN News"]
    assert [line.keyword for line in kwic(underscored, "UN_NEWS")] == ["UN_News", "un_news", "UN News"]
    assert dispersion(underscored, "un_news") == {"un_news": [1, 7, 12]} and dispersion(underscored, "un news") == {"un news": [1, 7, 12]}
    assert frequency_view(underscored, 5, word="un_news").message == "3 occurrences of 'un_news'"
    for word in set(underscored.words):  # every word counted is found as often
        assert len(find_word(underscored, word)) == underscored.words.count(word), word


def test_kwic_html_refuses_a_negative_limit_and_says_when_none_is_shown(article):
    with pytest.raises(ValueError, match="limit should be 0 or more, not -1"):
        kwic_html(article, "terrorism", limit=-1)
    with pytest.raises(TypeError, match="limit should be a whole number"):
        kwic_html(article, "terrorism", limit=2.5)
    assert "8 occurrences of &#x27;terrorism&#x27;; none is shown" in kwic_html(article, "terrorism", limit=0)
    assert "the first 3 are shown" in kwic_html(article, "terrorism", limit=3)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from("ab"), max_size=30), st.lists(st.sampled_from("ab"), min_size=1, max_size=5))
def test_a_phrase_is_found_at_every_place_it_starts_overlaps_too(words, key):
    from helpers.frequency import _runs_of

    expected = [i for i in range(len(words) - len(key) + 1) if tuple(words[i:i + len(key)]) == tuple(key)]
    assert _runs_of(tuple(words), tuple(key)) == expected
    assert _runs_of(tuple(words), tuple(key), first_only=True) == expected[:1]


def test_a_long_phrase_of_one_repeated_word_is_searched_in_one_pass():
    from helpers.frequency import _runs_of

    words = ("the",) * 50_000
    # 50,000 places, each checked word by word, would be 1.25e9 comparisons: the search reads
    # the words once (Knuth-Morris-Pratt) and finds every overlapping place
    assert _runs_of(words, ("the",) * 25_000) == list(range(25_001))


def test_mentions_vs_words_with_an_alias_list_of_notes_only_is_a_labelled_empty_table(tmp_path, monkeypatch):
    import shutil

    import helpers
    from helpers import load_article

    data = tmp_path / "data"
    shutil.copytree(helpers.datafiles.data_dir(), data)
    notes = [line for line in (data / "aliases.txt").read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    (data / "aliases.txt").write_text("\n".join(notes) + "\n", encoding="utf-8")
    monkeypatch.setenv("HELPERS_DATA", str(data))
    versus = helpers.frequency.mentions_vs_words(load_article())
    assert versus.empty and list(versus.columns) == ["mentions", "word total", "as words"]
    assert "no organization to count" in repr(versus) and "no organization to count" in versus._repr_html_()


def test_collocations_of_a_text_too_repetitive_to_score_say_so(tmp_path):
    from helpers import collocations, load_article
    from helpers.datafiles import UsageError

    path = tmp_path / "peace.txt"
    path.write_text("Peace peace peace.\n", encoding="utf-8")
    with pytest.raises(UsageError, match="cannot be computed on this text"):
        collocations(load_article(path), 5)
