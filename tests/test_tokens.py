"""tokenize(), phrases, aliases and mentions on the real article's hard cases."""

import pytest

from helpers import DataFileError, find_mentions, load_aliases, load_phrases, tokenize, tokenize_spans


def test_the_hard_cases_of_one_sentence():
    words = tokenize("Russia’s counter-terrorism note S/2016/867")
    assert "counter-terrorism" in words and "s/2016/867" in words
    assert words == ["russia", "'s", "counter-terrorism", "note", "s/2016/867"]


def test_document_symbols_stay_whole_in_any_case():
    assert tokenize("S/2016/867 and s/2016/867 and A/RES/70/1") == ["s/2016/867", "and", "s/2016/867", "and", "a/res/70/1"]
    assert tokenize("and/or the km/h") == ["and", "or", "the", "km", "h"]  # no number: not a symbol


def test_curly_and_straight_apostrophes_are_alike():
    assert tokenize("Russia’s presidency") == tokenize("Russia's presidency") == ["russia", "'s", "presidency"]
    assert tokenize("don’t") == tokenize("don't") == ["do", "n't"]


@pytest.mark.parametrize("word", [
    "counter-terrorism", "good-neighbourly", "secretary-general", "ki-moon", "co-operation",
    "afghan-pakistani", "trans-border", "information-sharing", "s/2016/867", "1993",
])
def test_article_hard_cases_stay_whole(article, word):
    assert word in article.words


def test_no_token_is_punctuation_unless_asked(article):
    assert all(w[0].isalnum() or w[0] == "'" for w in article.words)
    with_punct = tokenize("security, “Shanghai spirit” — and peace.", punct=True)
    assert with_punct == ["security", ",", "“", "shanghai", "spirit", "”", "—", "and", "peace", "."]


def test_lower_false_keeps_case():
    assert tokenize("The UN and the CIS", lower=False) == ["The", "UN", "and", "the", "CIS"]


def test_offsets_point_into_the_text(article):
    for t in article.tokens:
        written = article.text[t.start:t.end]
        assert written.lower().replace("’", "'") == t.word


def test_phrases_join_multi_word_names(article):
    words = tokenize(article.text, phrases=True)
    assert "united_nations" in words and "security_council" in words
    assert "shanghai_cooperation_organization" in words
    # the longest phrase wins
    assert "united_nations_charter" in words
    spans = tokenize_spans("in the United Nations Charter.", phrases=True)
    assert spans[-1].word == "united_nations_charter" and spans[-1].start == 7 and spans[-1].end == 29


def test_custom_phrases():
    assert tokenize("peace and security matters", phrases=["security matters"]) == ["peace", "and", "security_matters"]


def test_phrase_file_validation(tmp_path):
    path = tmp_path / "phrases.txt"
    path.write_text("# notes\nUnited Nations\nSecurity\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"phrases\.txt, line 3: 'Security' is a single word"):
        load_phrases(path)
    assert ("united", "nations") in load_phrases()


def test_mentions_count_things_not_words(article):
    sco = [m for m in find_mentions(article.text) if m.key == "SCO"]
    # "Shanghai Cooperation Organization (SCO)" in paragraph 4 is one mention, not two
    assert not any(m.name == "SCO" for m in sco)
    assert all(article.text[m.start:m.end] == m.name for m in sco)


def test_the_commonwealth_is_the_cis(article):
    cis = [m for m in find_mentions(article.text) if m.key == "CIS"]
    assert {m.name for m in cis} == {"Commonwealth of Independent States", "CIS", "the Commonwealth", "The Commonwealth"}


def test_alias_file_validation(tmp_path):
    cases = {
        "UN United Nations\n": r"line 1: 'UN United Nations' has no 'KEY:'",
        "UN: United Nations\nUN: UN\n": r"line 2: the key 'UN' appears twice",
        "UN:  ; \n": r"line 1: 'UN' has no names",
        "UN: United Nations\nUNO: United Nations\n": r"line 2: the name 'United Nations' is listed for both",
    }
    for i, (content, message) in enumerate(cases.items()):
        path = tmp_path / f"aliases{i}.txt"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(DataFileError, match=message):
            load_aliases(path)


def test_tokenize_rejects_non_text_with_a_fix():
    with pytest.raises(TypeError, match="pass article.text"):
        tokenize(None)
