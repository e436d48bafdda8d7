"""The faster ways of computing give exactly what the plain ways give.

Each test below pits a sped-up step against the straightforward code it replaced,
on the real article, on generated variants of it and on random text built from
the characters that make those steps hard.
"""

import bisect
import re
import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import helpers
from helpers.groups import sentence_groups
from helpers import load_article, load_speakers, word_counts
from helpers.speakers.grammar import load_cues
from helpers.analysis import clear_caches
from helpers.lexicon import load_themes, make_theme
from helpers.themes import hits_of

article_module = sys.modules["helpers.article"]
speakers_module = sys.modules["helpers.speakers.rules"]  # the rules, where attribution is decided
themes_module = sys.modules["helpers.themes"]


# --- article: blanks collapsed without a regular expression ---------------------------------

@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text(alphabet=" \t\u00a0\u2003\u200a\u200b\u202f\u3000\nab.", max_size=40))
def test_collapse_spaces_equals_the_pattern(text):
    assert article_module._collapse_spaces(text) == article_module._SPACES.sub(" ", text)


def test_other_spaces_are_the_pattern_s_characters():
    blanks = {chr(c) for c in range(0x3100) if article_module._SPACES.fullmatch(chr(c))}
    assert blanks == {" ", *article_module._OTHER_SPACES}


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text(alphabet="ab \n\t\x00\x07\x0b\x1f\x7f\u00ad\u200b\u200d\u2060\ufeff\u2019", max_size=40))
def test_drop_invisible_equals_the_pattern(text):
    assert article_module._drop_invisible(text) == article_module._INVISIBLE.sub("", text)


def test_invisible_characters_are_the_pattern_s_characters():
    found = {chr(c) for c in range(0x10000) if article_module._INVISIBLE.fullmatch(chr(c))}
    assert found == set(article_module._INVISIBLE_CHARS)


# --- sentences: only the full stops before a word are looked at ------------------------------

_WORD_STOP = re.compile(r"(?<!\S)([^\s.?!]+(?:\.[^\s.?!]+)*)\.(?=\s+(\S+))")


def _abbreviation_stops_by_one_pattern(text, abbreviations):
    """The plain way: every word of the text that ends with a full stop, by one regular expression."""
    ends = re.compile(r"[.?!]")
    read = list(text)
    for m in _WORD_STOP.finditer(text):
        if m.group(1).lower() in abbreviations:
            after = m.group(2)
            if not ends.search(after) or (after.endswith(".") and not ends.search(after[:-1])
                                          and after[:-1].lower() in abbreviations):
                read[m.end() - 1] = "\ue000"
    return "".join(read)


@settings(max_examples=500, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(["Mr", "mr", "U.S", "u.s", "Gen", "e.g", "No", "İ", "Dr", "x", "Smith", ".", "..",
                                 "?", "!", "“", "Yes", " ", " ", "\n", "\t", "\u2003", "\x1c", "(", ")", "5"]),
                max_size=20).map("".join))
@example("Mr. Smith met Dr. Jones. Gen. “Yes.” he said. The U.S. Mission spoke. Mr. Mr. Mr. x.")
@example("He met Mr. (Smith). Mr.\tJones left. U.S. officials. Ms. Lee? No. 5 was it. e.g. this.")
def test_abbreviation_stops_equal_one_pattern_over_every_word(text):
    tokens = sys.modules["helpers.tokens"]
    abbreviations = tokens.load_abbreviations()
    assert tokens._without_abbreviation_stops(text, abbreviations) == _abbreviation_stops_by_one_pattern(
        text, abbreviations)


def test_the_characters_lowered_to_an_ascii_one_are_those_the_pattern_reads():
    tokens = sys.modules["helpers.tokens"]
    found = {}
    for c in map(chr, range(sys.maxunicode + 1)):
        if len(c.lower()) == 1 and c.lower() in tokens._LOWERED_FROM:
            found.setdefault(c.lower(), set()).add(c)
    assert found == {k: set(v) for k, v in tokens._LOWERED_FROM.items()}


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(["kg", "KG", "\u212ag", "Kg", "mr", "Mr", "u.s", "U.S", "éd", "ÉD", "x", "?", ".",
                                 " ", "\n", "\u2003", "“", "İ", "i"]), max_size=16).map("".join),
       st.sampled_from([frozenset({"kg", "mr", "u.s"}), frozenset({"kg", "éd", "mr"}), frozenset({"Mr", "x?y"}),
                        frozenset()]))
def test_abbreviation_stops_of_any_list_equal_one_pattern_over_every_word(text, abbreviations):
    tokens = sys.modules["helpers.tokens"]
    assert tokens._without_abbreviation_stops(text, abbreviations) == _abbreviation_stops_by_one_pattern(
        text, abbreviations)


def test_abbreviation_stops_on_the_reports_equal_one_pattern_over_every_word(article):
    tokens = sys.modules["helpers.tokens"]
    abbreviations = tokens.load_abbreviations()
    for doc in [article, *_reports()]:
        assert tokens._without_abbreviation_stops(doc.text, abbreviations) == _abbreviation_stops_by_one_pattern(
            doc.text, abbreviations)


def _plain_punkt():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    tokens = sys.modules["helpers.tokens"]
    params = PunktParameters()
    params.abbrev_types = set(tokens.load_abbreviations())
    return tokens, PunktSentenceTokenizer(params)


_CONTEXT_PIECES = ["said", "Mr", "mr", "U.S", "No", "no", "Gen", "A", "x", "5", "3.5", "xx-mr", "Ünal", "É", ".", "..",
                   "?", "!", " ", "  ", "\n", "\n\n", "\t", "\u2003", "\x1c", "“", "”", "‘", "\"", "'", "(", ")",
                   "[", ",", ":", "-", "The", "the", "«", "»", "*", "@"]


@settings(max_examples=600, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(_CONTEXT_PIECES), min_size=1, max_size=8).map("".join))
@example("said. The")
@example("mr. Smith")
@example("said?\n“Yes")
@example("counter-terrorism. They")
@example("xx-mr. Smith")
@example("ex-Gen. Smith")
@example("U-S. The")
@example("a-b? (The")
def test_punkt_s_quick_answer_for_a_plain_sentence_end_is_nltk_s(context):
    tokens, plain = _plain_punkt()
    assert _our_punkt(tokens).text_contains_sentbreak(context) == plain.text_contains_sentbreak(context)


def _our_punkt(tokens):
    path = tokens.data_dir() / "abbreviations.txt"
    return tokens._punkt(str(path), tokens.file_stamp(path))


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(_CONTEXT_PIECES), max_size=30).map("".join))
@example("He said. The U.S. Mission spoke? No. 5 was it! “Yes.” A. Smith left.")
def test_punkt_with_quick_answers_gives_nltk_s_sentences(text):
    tokens, plain = _plain_punkt()
    assert list(_our_punkt(tokens).span_tokenize(text)) == list(plain.span_tokenize(text))


def test_punkt_with_quick_answers_gives_nltk_s_sentences_on_the_reports(article):
    tokens, plain = _plain_punkt()
    ours = _our_punkt(tokens)
    for doc in [article, *_reports()]:
        for start, end in doc.paragraph_spans:
            paragraph = doc.text[start:end]
            assert list(ours.span_tokenize(paragraph)) == list(plain.span_tokenize(paragraph))


def _sentences_by_asking_punkt_of_every_block(text):
    """The plain way: NLTK's Punkt on every block of lines, with the same-length readings of
    abbreviations and stray quotes that the splitter makes."""
    tokens, plain = _plain_punkt()
    out = []
    for block in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        piece = tokens._without_abbreviation_stops(block.group(), tokens.load_abbreviations())
        piece = tokens.STRAY_OPEN_QUOTE.sub(" ”", piece)
        out += [(block.start() + s, block.start() + e) for s, e in plain.span_tokenize(piece)]
    return out


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(_CONTEXT_PIECES + ["\u2028", "\x0b", "said.\n\n", "?\n"]), max_size=30).map("".join))
@example("He said. \n\nThe U.S. Mission spoke?\nNo. 5 was it!\x1c\n\nMr. Smith left. \x1c")
def test_sentences_of_one_mark_blocks_and_quick_answers_are_punkt_s(text):
    assert list(sys.modules["helpers.tokens"].sentence_spans(text)) == _sentences_by_asking_punkt_of_every_block(text)


def test_sentences_of_the_reports_are_punkt_s(article):
    for doc in [article, *_reports()]:
        spans = list(sys.modules["helpers.tokens"].sentence_spans(doc.text))
        assert spans == _sentences_by_asking_punkt_of_every_block(doc.text)


# --- speakers: quick tests before the slow searches -----------------------------------------

def test_fold_gives_the_ascii_letter_ignorecase_matches():
    # every character that re.IGNORECASE equates with an ASCII letter folds to that letter
    letters = {c: re.compile(c, re.IGNORECASE) for c in "abcdefghijklmnopqrstuvwxyz"}
    matched = [chr(x) for x in range(0x30000) if re.fullmatch("[a-z]", chr(x), re.IGNORECASE)]
    assert {"\u0130", "\u0131", "\u017f", "\u212a"} <= set(matched)  # İ ı ſ K (Kelvin)
    for ch in matched:
        for letter, pattern in letters.items():
            if pattern.fullmatch(ch):
                assert speakers_module._fold(ch) == letter, (ch, letter)


@settings(max_examples=500, derandomize=True, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZz{`@[ é’“”\"-_İıſ\u0307\u212a\n\t\ud800\U0001f600"), max_size=30))
@example("Ban Ki-moon’s “İt” ſaid \u212aey")
def test_words_are_the_letter_runs_of_the_folded_text(text):
    folded = speakers_module._fold(text)
    assert speakers_module._words(folded) == set(speakers_module._LETTERS.findall(folded))
    assert folded == text.lower().replace("ı", "i").replace("ſ", "s").replace("\u0307", "")


_PLAIN_PRONOUN = r"(?P<pronoun>[Hh](?<![\w-][Hh])e|[Ss](?<![\w-][Ss])he|[Tt](?<![\w-][Tt])hey)(?![\w-])"


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(["he", "He", "HE", "she", "She", "they", "They", "the", "-", "_", " ", "x", "é",
                                 "said", " said", "s", "t", "h", "e", "y", ",", "\n"]), max_size=12).map("".join))
@example("She said; they said, he-said, The he said")
def test_pronoun_pattern_finds_what_one_class_per_letter_finds(text):
    rules = speakers_module._rules(tuple(load_speakers(load_article())), load_cues())
    for fast, plain in ((rules.pronoun, rules.pronoun.pattern.replace(speakers_module._PRONOUN, _PLAIN_PRONOUN)),
                        (rules.subject_pronoun, rules.subject_pronoun.pattern.replace(speakers_module._PRONOUN,
                                                                                      _PLAIN_PRONOUN))):
        assert plain != fast.pattern
        plain = re.compile(plain)
        assert [m.groupdict() | {"span": m.span()} for m in fast.finditer(text)] == \
               [m.groupdict() | {"span": m.span()} for m in plain.finditer(text)]


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=10), st.integers(-2, 32))
def test_spans_hold_a_position_as_any_span_does(spans, at):
    for given_as in (spans, tuple(spans), iter(spans)):
        assert (at in speakers_module._Spans(given_as)) == any(s <= at < e for s, e in spans)


def test_a_letter_class_matches_what_the_letter_matches_ignoring_case():
    # _starting_with's look-ahead ([s] under re.IGNORECASE) lets through every character the letter matches
    letters = "".join(sorted(set("msoa" + "wchopti" + "wcibsdmefl")))
    for ch in map(chr, range(0x30000)):
        for x in letters:
            assert bool(re.fullmatch(f"[{x}]", ch, re.IGNORECASE)) == bool(re.fullmatch(x, ch, re.IGNORECASE)), (x, ch)


def _same_matches(fast, plain, text, pos=0, endpos=None):
    endpos = len(text) if endpos is None else endpos
    return [(m.span(), m.groupdict()) for m in fast.finditer(text, pos, endpos)] == \
           [(m.span(), m.groupdict()) for m in plain.finditer(text, pos, endpos)]


_SCENE_PIECES = ["was", "Was", "were", " ", "  ", "established", "held", "chaired", "co-chaired", "the", "The", "This",
                 "meeting", "meetings", "Its", "debate", "also", "member", "states", "are", "ſtates", "İts", "made",
                 "up", "of", "is", "Many", "speakers", "some", "delegates", "He", "met", "x", ",", "-", "\n",
                 "Established", "in", "2001", "became", "members", "two", "sides", "signed", "a", "treaty", "said"]


@settings(max_examples=500, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(_SCENE_PIECES), max_size=14).map(" ".join), st.integers(0, 5))
@example("The meeting was held in Cairo. It was established in 1992. Many speakers said so.", 0)
@example("He met with them; the two sides made the appeal at the summit. SADC member states are 16.", 3)
def test_patterns_tried_where_they_can_start_match_as_everywhere(text, pos):
    for name in ("_GROUP", "_SCENE", "_HISTORY", "_DID"):
        fast, plain = getattr(speakers_module, name), getattr(speakers_module, name + "_ANYWHERE")
        assert fast.pattern != plain.pattern and fast.flags == plain.flags
        assert _same_matches(fast, plain, text), name
        assert _same_matches(fast, plain, text, pos), name


_INTRODUCER_PIECES = ["the", "The", "representative", "Representative", "representatives", "of", "Pakistan",
                      "Russian Federation", "United States", "Ukraine", "’s", "'s", "Permanent", "and", ",", " ",
                      "said", "“", ":", "—", "Ambassador", "Lodhi", "x", "-"]


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(_INTRODUCER_PIECES), max_size=14).map(" ".join), st.integers(0, 40))
@example("The representatives of Ukraine and the United States said, Pakistan’s Permanent Representative", 10)
@example("…, said Ambassador Lodhi: said the Russian Federation's representative", 0)
def test_rules_tried_where_they_can_start_match_as_everywhere(text, cut):
    rules = speakers_module._rules(tuple(load_speakers(load_article())), load_cues())
    assert set(rules.anywhere) == {"introducer", "bound_before"}
    for name, plain in rules.anywhere.items():
        fast, plain = getattr(rules, name), re.compile(plain)
        assert fast.pattern != plain.pattern
        assert _same_matches(fast, plain, text), name
        assert _same_matches(fast, plain, text, max(0, len(text) - cut - 30), len(text) - min(cut, len(text))), name


def _plain_name_pattern(forms):
    alt = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")


_NAME_PIECES = ["Ban", "Ban Ki-moon", "Lal", "-", "_", " ", "\n", "x", "Banx", "(", "é", "Ki-moon", "K"]


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=12).map("".join))
def test_name_pattern_finds_what_the_plain_pattern_finds(text):
    forms = ["Ban Ki-moon", "Ki-moon", "Ban", "Lal", "K"]
    fast = re.compile(speakers_module._word_alternatives(forms))
    plain = _plain_name_pattern(forms)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def _attribute_searching_everything(sentences, rules, monkeypatch):
    monkeypatch.setattr(speakers_module, "_GROUP_HINTS", ("",))
    monkeypatch.setattr(rules, "cue_hints", None)
    monkeypatch.setattr(rules, "name_hints", None)
    monkeypatch.setattr(rules, "country_hints", None)
    for hints in ("_DID_HINTS", "_HISTORY_HINTS", "_SCENE_HINTS"):
        monkeypatch.setattr(speakers_module, hints, None)
    forms = sorted(rules.forms, key=len, reverse=True)
    monkeypatch.setattr(rules, "name", _plain_name_pattern(forms))
    return speakers_module._attribute(sentences, rules)


class _Sentence:
    def __init__(self, index, text):
        self.index, self.paragraph, self.text = index, index, text


_TRICKY = ["Many SPEAKERS stressed the point.", "Some delegations ſaid nothing.", "HE SAİD so.",
           "He ſaid so.", "They also warned of it.", "The presidency explained it.", "She said it.",
           "Nothing was said.", "The representatives of Ukraine and the United States said so.",
           "a number of  members agreed", "Ban Ki-moon noted it.", "Ban-Ki said it.", "Mr. Lal said so.", "Mr. Jieyi said so.", "Mr Ban Ki-Moon said so.", "Ms Abdrakhmanov said so.",
           "Pakistan's envoy said so.", "Ukraine agreed.", "UKRAINE said so.", "He met with them.",
           "This came during the visit.", "The meeting was held in Cairo.", "SADC member states are 16.",
           "It was ESTABLISHED in 1992.", "The two sides are exploring it.", "She is the Under-Secretary-General."]


@pytest.mark.parametrize("sentences", ["article", "tricky"])
def test_attribution_with_quick_tests_equals_searching_everything(article, sentences, monkeypatch):
    rules = speakers_module._rules(tuple(load_speakers(load_article())), load_cues())
    sents = article.sentences if sentences == "article" else [_Sentence(i, t) for i, t in enumerate(_TRICKY)]
    fast = speakers_module._attribute(sents, rules)
    with monkeypatch.context() as m:
        plain = _attribute_searching_everything(sents, rules, m)
    assert [(a.speakers, a.cue, a.kind, a.evidence) for a in fast] == \
           [(a.speakers, a.cue, a.kind, a.evidence) for a in plain]
    assert any(a.speakers for a in fast)


# --- frequency: counted in C ----------------------------------------------------------------

@pytest.mark.parametrize("stem", [False, True])
def test_word_counts_equal_counting_word_by_word(article, stem):
    from nltk import FreqDist

    counts = word_counts(article, stem=stem)
    drop = helpers.load_stopwords()
    words = [w for w in article.words if w not in drop]
    expected = FreqDist([frequency_stem(w) for w in words] if stem else words)
    assert counts == expected and list(counts) == list(expected) and counts.N() == expected.N()


def frequency_stem(word):
    return sys.modules["helpers.frequency"].stem_word(word)


# --- themes: token counts by bisection, one-word terms without re-checking -------------------

def _group_tokens_token_by_token(article, groups):
    per_sentence = [0] * len(article.sentences)
    starts = [s.start for s in article.sentences]
    for t in article.tokens:
        per_sentence[bisect.bisect_right(starts, t.start) - 1] += 1
    return {g: sum(per_sentence[i] for i in idx) for g, idx in groups.items()}


def _hits_checking_every_word(article, theme):
    tokens, words = article.tokens, article.words
    starts = [s.start for s in article.sentences]
    mentions = helpers.find_mentions(article.text, helpers.article_aliases(article))
    # a token inside an organization's name is no theme word: checked against every mention
    named = {k for k, t in enumerate(tokens) if any(m.start <= t.start and t.end <= m.end for m in mentions)}

    def sentence_of(k):
        return bisect.bisect_right(starts, tokens[k].start) - 1

    candidates = [(p, term, False) for p, term in zip(theme.patterns, theme.terms)]
    candidates += [(p, term, True) for p, term in zip(theme.exclude_patterns, theme.exclude)]
    candidates.sort(key=lambda c: (-len(c[0]), not c[2]))
    out, i = [], 0
    for at in range(len(words)):
        if at < i:
            continue
        i = at
        for pattern, term, excluded in candidates:
            j = i + len(pattern)
            if j <= len(tokens) and all(themes_module._word_matches(p, words[k]) for p, k in zip(pattern, range(i, j))) \
                    and sentence_of(i) == sentence_of(j - 1) and not named & set(range(i, j)):
                if not excluded:
                    s = article.sentences[sentence_of(i)]
                    out.append(themes_module.Hit(theme.name, term, s.index, s.paragraph,
                                                 tokens[i].start, tokens[j - 1].end))
                i = j
                break
    return tuple(out)


@pytest.fixture(scope="module")
def variants(tmp_path_factory):
    from benchmarks.corpus import data_folder, make_corpus

    folder = tmp_path_factory.mktemp("variants")
    names = make_corpus(folder, 3)
    with data_folder(folder):
        yield [load_article(n) for n in names]


def _reports():
    from pathlib import Path

    root = Path(__file__).parent
    return [load_article(p) for p in sorted((root.parent / "data" / "articles").glob("*.txt"))
            + sorted((root / "reports" / "dev").glob("*.txt"))]


def test_theme_hits_and_token_counts_equal_the_plain_way(article, variants):
    for doc in [article, *variants, *_reports()]:
        for by in ("speaker", "paragraph", "sentence"):
            groups = sentence_groups(doc, by)
            assert themes_module._group_tokens(doc, groups) == _group_tokens_token_by_token(doc, groups)
        for theme in load_themes().values():
            assert hits_of(doc, theme) == _hits_checking_every_word(doc, theme)
        assert sum(len(hits_of(doc, t)) for t in load_themes().values()) > 0


def test_theme_hits_equal_the_plain_way_when_the_numbering_of_words_fills_up(article, variants, monkeypatch):
    # every article's words are numbered in one numbering for the session; when it is full, the next
    # article starts a new one, and articles numbered in the old one keep their hits
    monkeypatch.setattr(themes_module, "_MOST_WORDS", 700)  # the kit's article alone has some 680 words
    clear_caches()
    docs = [article, *variants, *_reports()[:6]]
    themes = list(load_themes().values()) + [make_theme("Peace", ["peace*", "peace talks"], exclude=["peace of mind"])]
    numberings = []
    for doc in docs:
        numberings.append(themes_module._vocabulary(doc)[0])
        for theme in themes:
            assert hits_of(doc, theme) == _hits_checking_every_word(doc, theme)
    assert len({id(n) for n in numberings}) > 2
    themes_module._theme_hits.cache_clear()  # the hits found again, the first articles' numbering replaced since
    for doc in docs[:3]:
        assert themes_module._vocabulary(doc)[0] is numberings[0] is not themes_module._numbering()[0]
        for theme in themes:
            assert hits_of(doc, theme) == _hits_checking_every_word(doc, theme)
    clear_caches()


# --- themes: organizations' names found with str.find, their tokens by bisection ------------

class _Text:
    """Just what ``_in_names`` reads of an article: its text and token columns."""

    def __init__(self, text):
        self.text, self.token_columns = text, helpers.token_columns(text)


_NAME_TEXT_PIECES = ["Shanghai Cooperation Organisation", "Shanghai Cooperation Organization", "SCO", "(", ")",
                     "UN-AU", "African Union", "AU", "Co-operation", "cooperation", "-led", "_", "'s", "é",
                     " ", " ", "\n", "\t", "the Commonwealth", "The Commonwealth", "Commonwealth of Independent States",
                     "Organization for Security and Cooperation in Europe", "in Europe", "Organization for",
                     "x", ",", ".", "United Nations", "UN", " Office on Drugs and Crime", "UNODC", "2",
                     "(SCO)", " (SCO)", ",(SCO)", "\n(AU)", "(AU"]


def _plain_tokens_inside(text, mentions):
    words, starts, ends = helpers.token_columns(text)
    return {k for k in range(len(words)) if any(m.start <= starts[k] and ends[k] <= m.end for m in mentions)}


def _mentions_by_pattern(text, aliases):
    """The plain way: one regular expression per name, no letter or digit touching it."""
    variants = {}
    for key, names in aliases.items():
        for name in names:
            variants[name] = key
            if name[0].islower():
                variants[name[0].upper() + name[1:]] = key
    found = [helpers.tokens.Mention(key, m.group(), m.start(), m.end()) for name, key in variants.items()
             for m in re.finditer(rf"(?<![^\W_]){re.escape(name)}(?![^\W_])", text)]
    taken, kept = bytearray(len(text)), []
    for m in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        if not any(taken[m.start:m.end]):
            taken[m.start:m.end] = b"\1" * (m.end - m.start)
            kept.append(m)
    out = []
    for m in sorted(kept, key=lambda m: m.start):
        if out and out[-1].key == m.key and re.fullmatch(r"\s*\(", text[out[-1].end:m.start]) \
                and text[m.end:m.end + 1] == ")":
            continue
        out.append(m)
    return out


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(_NAME_TEXT_PIECES), max_size=14).map("".join))
@example("The Shanghai Cooperation Organization,(SCO) and the African Union \t(AU) met; the AU (AU).")
@example("The Shanghai Cooperation Organization ( SCO) and the African Union (\tAU).")
def test_names_found_with_find_are_those_of_one_pattern_per_name(text):
    aliases = helpers.load_aliases()
    mentions = helpers.find_mentions(text, aliases)
    assert mentions == _mentions_by_pattern(text, aliases)
    inside, found = themes_module._in_names(_Text(text), tuple(aliases.items()))
    assert set(inside.nonzero()[0]) == _plain_tokens_inside(text, mentions) and list(found) == mentions


def test_names_on_the_reports_are_those_of_one_pattern_per_name(article, variants):
    for doc in [article, *variants, *_reports()]:
        aliases = helpers.article_aliases(doc)
        mentions = helpers.find_mentions(doc.text, aliases)
        assert mentions == _mentions_by_pattern(doc.text, aliases)
        inside = themes_module._in_names(doc, tuple(aliases.items()))[0]
        assert set(inside.nonzero()[0]) == _plain_tokens_inside(doc.text, mentions)
    assert len(mentions) > 0


# --- article: paragraphs by running sums, sentences' paragraphs by bisection ------------------

def _sentences_one_by_one(doc):
    """The plain way: each sentence of sentence_spans, its paragraph the first that ends after its start."""
    ends, number, out = [e for _, e in doc.paragraph_spans], 0, []
    for s, e in sys.modules["helpers.tokens"].sentence_spans(doc.text):
        while s >= ends[number]:
            number += 1
        out.append((s, e, number))
    return out


@pytest.mark.parametrize("body", ["war\nand peace\n\n  more war \t\nend", "Mr. Smith spoke.\nNo. He did not?\n“Yes!” he said"])
def test_an_article_s_sentences_are_sentence_spans_with_their_paragraphs(article, tmp_path, body):
    path = tmp_path / "plain.txt"
    path.write_text(f"A title\n{body}\n", encoding="utf-8")
    for doc in [article, load_article(path), *_reports()]:
        starts = [0]
        for p in doc.paragraphs[:-1]:
            starts.append(starts[-1] + len(p) + 2)  # a blank line between two paragraphs
        assert list(doc.paragraph_spans) == [(s, s + len(p)) for s, p in zip(starts, doc.paragraphs)]
        assert [(s.start, s.end, s.paragraph) for s in doc.sentences] == _sentences_one_by_one(doc)


def test_words_of_the_reports_are_the_letter_runs(article, variants):
    for a in (article, *variants, *_reports()):
        for sentence in a.sentences:
            folded = speakers_module._fold(sentence.text)
            assert speakers_module._words(folded) == set(speakers_module._LETTERS.findall(folded))


def test_patterns_tried_where_they_can_start_match_as_everywhere_on_the_reports(article, variants):
    rules = speakers_module._rules(tuple(load_speakers(article)), load_cues())
    for a in (article, *variants, *_reports()):
        for sentence in a.sentences:
            text = sentence.text
            for name in ("_GROUP", "_SCENE", "_HISTORY", "_DID"):
                assert _same_matches(getattr(speakers_module, name), getattr(speakers_module, name + "_ANYWHERE"), text)
            for name, plain in rules.anywhere.items():
                assert _same_matches(getattr(rules, name), re.compile(plain), text)
                assert _same_matches(getattr(rules, name), re.compile(plain), text, len(text) // 3, 2 * len(text) // 3)
