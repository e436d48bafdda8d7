"""The examples a lesson shows are chosen from the article's content, on every bundled article."""

import pytest

from helpers import list_articles, load_article

#: Every article bundled in data/articles/: the lessons run on each, so their examples must exist in each.
ARTICLES = list_articles()


@pytest.fixture(scope="module", params=ARTICLES)
def any_article(request):
    return load_article(request.param)


# --- lessons 01 and 02: sentences and words ----------------------------------------------------

import re  # noqa: E402

from helpers import (content_words, dispersion, dispersion_words, example_phrase,  # noqa: E402
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
