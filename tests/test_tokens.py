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


# --- "_" separates words; letters joined by marks are read once ---------------------------------

import re  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from helpers import tokens as tokens_module  # noqa: E402

#: The word pattern as it was before "_" separated words and before dead runs were read as
#: other marks: the oracle that the tokens are unchanged wherever no "_" is involved.
OLD_WORD_PATTERN = r"""
    [A-Za-z]+(?:/[A-Za-z]+)*(?:/\d+)+
  | (?:[A-Za-z]\.){2,}(?![A-Za-z])
  | \w+(?=n['’]t\b)
  | n['’]t\b
  | ['’](?:s|re|ve|ll|d|m)\b
  | \d+(?:[.,:]\d+)*%?
  | \w+(?:[-‐‑]\w+|['’](?!(?:s|re|ve|ll|d|m|t)\b)\w+)*
  | [^\w\s]
"""


def old_word_spans(text):
    """The word tokens (start, end) the kit's tokenizer gave before, read by NLTK's engine."""
    import regex

    pattern = regex.compile(OLD_WORD_PATTERN, regex.VERBOSE)
    return [m.span() for m in pattern.finditer(text)
            if m.group()[0].isalnum() or m.group()[0] in "_'’" and len(m.group()) > 1]


def test_underscore_separates_words_so_what_is_counted_can_be_found():
    assert tokenize("UN_News and un_news") == ["un", "news", "and", "un", "news"]
    assert tokenize("un_news", punct=True) == ["un", "_", "news"]
    assert tokenize("__init__ x_") == ["init", "x"]


_JOINED_PIECES = ["a", "b", "ab", "U", "S", "x1", "7", "2016", "don", "'t", "'s", "n't", "co", "-", "‑",
                  "’", "'", ".", "/", "_", "__", ":", ",", " ", "\n", "é", "%"]


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(_JOINED_PIECES), max_size=40).map("".join))
def test_underscore_reads_as_a_space_and_nothing_else_changed(text):
    spans = [(t.start, t.end) for t in tokenize_spans(text)]
    assert spans == [(t.start, t.end) for t in tokenize_spans(text.replace("_", " "))]
    assert spans == old_word_spans(text.replace("_", " "))


#: Letters joined by runs of marks, the shapes a backtracking pattern reads slowly.
_RUN_PIECES = ["a", "b", "Z", "ab", "a.", "b.", "a/", "b/", "1", "/1", "/2016", ".", "/", "-", "'", "’", "_", " "]


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(_RUN_PIECES), max_size=60).map("".join), st.booleans())
def test_long_runs_of_marks_between_letters_give_the_tokens_they_always_gave(text, punct):
    words = tokenize_spans(text, punct=punct)
    assert [(t.start, t.end) for t in tokenize_spans(text)] == old_word_spans(text.replace("_", " "))
    # the fast path and NLTK's engine agree, and so does tokenize()
    reference = [tokens_module.Token(tokens_module._normalize(text[s:e], True), s, e)
                 for s, e in tokens_module._span_tokenize(text) if punct or tokens_module._is_word(text[s:e])]
    assert words == reference and tokenize(text, punct=punct) == [t.word for t in reference]


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(_RUN_PIECES), max_size=60).map("".join))
def test_no_run_is_left_for_the_patterns_to_read_from_each_letter(text):
    read = tokens_module._without_dead_runs(text)
    assert len(read) == len(text)
    # what the patterns read holds no run of "x." pairs before a letter (no abbreviation), and no
    # letters joined by slashes but a document symbol: nothing one of them reads again from every letter
    assert not re.search(r"(?<![A-Za-z]\.)(?:[A-Za-z]\.){2,}+(?=[A-Za-z])", read)
    for m in re.finditer(r"(?<![A-Za-z/])[A-Za-z]+(?:/[A-Za-z]+)+", read):
        assert re.match(r"/\d", read[m.end():]), read


@pytest.mark.parametrize("joined", [".", "/"])
def test_letters_joined_by_dots_or_slashes_and_ending_in_a_letter_are_read_whole(joined):
    text = f"a{joined}" * 100_000 + "a"  # a backtracking pattern read this from each letter again
    assert tokenize(text) == ["a"] * 100_001
    words, starts, ends = tokens_module.token_columns(text)
    assert len(words) == 100_001 and starts[-1] == 200_000 and ends[-1] == 200_001
    assert tokenize(text, punct=True) == ["a", joined] * 100_000 + ["a"]


def test_a_word_is_one_string_in_this_text_and_the_next_whichever_way_it_is_read():
    # the quick path (plain text) and the reference path (a combining accent) hold the same string
    first = tokens_module.token_columns("The Council met. The council spoke.")[0]
    second = tokens_module.token_columns("cafe\u0301 and the council")[0]
    assert first == ("the", "council", "met", "the", "council", "spoke") and second[-2:] == ("the", "council")
    assert first[0] is first[3] is second[-2] and first[1] is first[4] is second[-1]


# --- long input is read in bounded pieces, with the same tokens and sentences ----------------------

_CUT_PIECES = ["a", "Ab", "word", "U.S.", "S/2016/867", "don’t", "co-op", "1,000.5", "40%", "，", "。", "联合国",
               "Совет", "“", "”", "(", ")", "!", "?", ";", " ", "  ", "\t", "\n", ".", ",", ":", "/", "-", "'", "_"]


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(_CUT_PIECES), max_size=60).map("".join), st.integers(1, 12))
def test_text_read_in_small_pieces_has_the_tokens_of_the_whole(text, size):
    from unittest import mock

    whole = [(s, e) for s, e in tokens_module._regexp_tokenizer().span_tokenize(
        tokens_module._without_dead_runs(text))]
    with mock.patch.object(tokens_module, "_PIECE", size), mock.patch.object(tokens_module, "_COLUMN_PIECE", size):
        assert list(tokens_module._span_tokenize(text)) == whole
        words, starts, ends = tokens_module.token_columns(text)
    assert list(zip(starts, ends)) == [(s, e) for s, e in whole if tokens_module._is_word(text[s:e])]


def _abbrev_key():
    from helpers.datafiles import data_dir, file_stamp

    path = data_dir() / "abbreviations.txt"
    return str(path), file_stamp(path)


@pytest.mark.parametrize("size", [40, 64, 100, 300])  # windows longer than two words
def test_sentences_read_in_small_windows_are_punkts_on_the_whole_paragraph(article, size):
    """A window with no sentence end in it moves on at a safe point: the same sentences as Punkt's on the whole."""
    from unittest import mock

    punkt = tokens_module._punkt(*_abbrev_key())
    with mock.patch.object(tokens_module, "_PIECE", size):
        for start, end in article.paragraph_spans:
            paragraph = article.text[start:end]
            assert list(tokens_module._punkt_spans(punkt, paragraph)) == list(punkt.span_tokenize(paragraph))


def test_abbreviation_stops_read_as_letters_give_punkts_sentences(article):
    """Punkt is not asked about the full stop of Mr. or U.S. before a plain word: the same sentences."""
    abbreviations = tokens_module.load_abbreviations()
    punkt = tokens_module._punkt(*_abbrev_key())
    texts = [article.text[s:e] for s, e in article.paragraph_spans] + [
        "Mr. Smith met Dr. Jones. Gen. “Yes.” he said. The U.S. Mission spoke. Mr. Mr. Mr. x.",
        "He met Mr. (Smith). Mr.\tJones left. U.S. officials. Ms. Lee? No. 5 was it. e.g. this.",
    ]
    for text in texts:
        read = tokens_module._without_abbreviation_stops(text, abbreviations)
        assert len(read) == len(text)
        assert list(punkt.span_tokenize(read)) == list(punkt.span_tokenize(text)), text[:80]
    assert tokens_module._without_abbreviation_stops("Mr. Smith", abbreviations) == "Mr\ue000 Smith"


@pytest.mark.parametrize("text", [
    "Mr. " * 250_000,                                    # 1 MB of abbreviations: no sentence ends
    "联合国安全理事会今天举行会议讨论合作问题，各国代表发言。" * 40_000,  # no space at all
    "\t".join(["Совет", "Безопасности", "ООН", "обсудил"] * 40_000),  # words separated by tabs
])
def test_hostile_paragraphs_are_split_and_tokenized_without_nltk_s_time_limit(text):
    from helpers import split_sentences

    spans = split_sentences(text)  # NLTK raised TimeoutError on the first (the whole rest in one window)
    assert spans and spans[0][0] == 0 and spans[-1][1] == len(text.rstrip())
    assert all(s < e <= s2 for (s, e), (s2, _) in zip(spans, spans[1:]))
    assert tokenize(text[:300_000])


@pytest.mark.parametrize("text", [
    "联合国安全理事会今天举行会议讨论合作问题，各国代表发言。" * 20_000,    # no space at all
    "\t".join(["Совет", "Безопасности", "ООН", "обсудил"] * 20_000),  # words separated by tabs
])
def test_the_reference_tokenizer_hands_nltk_bounded_pieces_of_text_with_no_space(text, monkeypatch):
    """16 MB of either made NLTK's engine pass its 5 s limit: it was handed the whole text at once."""
    tokenizer = tokens_module._regexp_tokenizer()
    seen = []

    class Recording:
        def span_tokenize(self, piece):
            seen.append(len(piece))
            return tokenizer.span_tokenize(piece)

    monkeypatch.setattr(tokens_module, "_regexp_tokenizer", lambda: Recording())
    spans = list(tokens_module._span_tokenize(text))
    assert spans == list(tokenizer.span_tokenize(text))
    assert len(seen) > 1 and max(seen) <= tokens_module._PIECE + 64
