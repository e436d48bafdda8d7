"""The benchmark code on tiny inputs (no timing is asserted), and the faster tokenizer path.

``make bench`` measures speed; these tests check that what it measures and
reports is right: the corpus generator, the agreement measure, the statistics
and the tables. They also check that the faster tokenizer path gives exactly
the tokens of the reference path (NLTK's RegexpTokenizer reading WORD_PATTERN).
"""

import json

import pytest
from hypothesis import given, settings, strategies as st

from benchmarks import corpus, report, scale, tokenizer
from helpers import Token, load_article, token_columns, tokenize, tokenize_spans
from helpers import tokens as tokens_module


# --- statistics and tables ----------------------------------------------------------

def test_median_and_percentiles():
    values = [5.0, 1.0, 3.0, 2.0, 4.0]
    assert report.median(values) == 3.0
    assert report.percentile(values, 50) == 3.0
    assert report.percentile(values, 0) == 1.0 and report.percentile(values, 100) == 5.0
    assert report.percentile(values, 95) == pytest.approx(4.8)
    with pytest.raises(ValueError):
        report.percentile([], 50)


def test_timed_runs_the_function_each_time():
    calls = []
    times = report.timed(lambda: calls.append(1), 4)
    assert len(calls) == 4 and len(times) == 4 and all(t >= 0 for t in times)


def test_verdict_both_ways():
    assert report.verdict(0.2, 0.3) == "ok" and report.verdict(0.4, 0.3) == "SHORT"
    assert report.verdict(25, 20, lower_is_better=False) == "ok"
    assert report.verdict(19.9, 20, lower_is_better=False) == "SHORT"


def test_table_markdown_and_cell_formats():
    t = report.Table("Demo", ["name", "value"])
    t.add("a|b", 0.123456)
    t.add("big", 12345.6)
    t.notes.append("a note")
    text = t.markdown()
    assert text.splitlines()[:4] == ["### Demo", "", "| name | value |", "| --- | --- |"]
    assert "| a\\|b | 0.12 |" in text and "| big | 12,346 |" in text and text.endswith("- a note\n")
    with pytest.raises(ValueError, match="3 cells for 2 columns"):
        t.add(1, 2, 3)


def test_unavailable_part_says_so():
    assert "not available yet: helpers.some_explorer" in report.unavailable("X", "helpers.some_explorer").markdown()


def test_save_writes_dated_latest_and_json(tmp_path):
    t = report.Table("Demo", ["n"])
    t.add(1)
    path = report.save([t], tmp_path / "out", started="2026-01-02 03:04:05", seconds=1.5)
    assert path.name == "bench-20260102-030405.md"
    assert (tmp_path / "out" / "latest.md").read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
    data = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert data["tables"][0]["rows"] == [[1]] and "Python" in data["machine"]


# --- the tokenizer comparison ---------------------------------------------------------

def test_word_tokens_keep_letters_and_digits_only():
    assert tokenizer.word_tokens(["The", ",", "S/2016/867", "’s", "``", "--", "1993"]) == \
        ["the", "s/2016/867", "'s", "1993"]


def test_agreement_is_a_multiset_measure():
    score, only_ours, only_theirs = tokenizer.agreement(["a", "b", "b", "."], ["a", "b", "c"])
    # word tokens: ours a b b, theirs a b c; common a b → 2·2 / (3 + 3)
    assert score == pytest.approx(4 / 6)
    assert only_ours == {"b": 1} and only_theirs == {"c": 1}
    assert tokenizer.agreement(["x"], ["X"])[0] == 1.0


def test_offline_word_tokenize_needs_no_data():
    word_tokenize = tokenizer.nltk_word_tokenize()
    assert word_tokenize("Russia’s note. It isn't.") == ["Russia", "’", "s", "note", ".", "It", "is", "n't", "."]


def test_large_text_reaches_the_size_asked():
    text = tokenizer.large_text("one two three", 10)
    assert text.split() == ["one", "two", "three"] * 4


# --- the generated corpus ---------------------------------------------------------------

def test_variant_rotates_body_paragraphs_only():
    raw = f"{'Photo credit ' * 8}\n\nTitle\n\nBy Someone\n\n" + "\n\n".join(
        f"{'x' * 80} {i}" for i in range(3)) + "\n\nFooter"
    out = corpus.variant(raw, 1).split("\n\n")
    assert out[:3] == raw.split("\n\n")[:3] and out[-1] == "Footer"
    assert [p[-1] for p in out[3:-1]] == ["1", "2", "0"]
    assert corpus.variant(raw, 3) == raw


def test_corpus_is_written_outside_data_and_loads(tmp_path):
    from helpers import data_dir, list_articles

    before = sorted(p.name for p in (data_dir() / "articles").iterdir())
    names = corpus.make_corpus(tmp_path / "c", 3)
    assert names == ["doc-0", "doc-1", "doc-2"]
    with corpus.data_folder(tmp_path / "c"):
        assert list_articles() == names
        docs = [load_article(n) for n in names]
    assert len({d.text for d in docs}) == 3
    assert all(sorted(d.words) == sorted(load_article().words) for d in docs)  # same words, other order
    assert sorted(p.name for p in (data_dir() / "articles").iterdir()) == before


def test_pipeline_runs_every_stage_on_a_tiny_corpus(tmp_path):
    names = corpus.make_corpus(tmp_path / "c", 2)
    with corpus.data_folder(tmp_path / "c"):
        steps = scale.stages()
        spent = scale.run_pipeline(names, steps)
    assert list(spent) == list(steps) and steps and all(v >= 0 for v in spent.values())


# --- the faster tokenizer path gives the reference tokens -----------------------------------

def _reference(text, lower, punct):
    return [tokens_module.Token(tokens_module._normalize(text[s:e], lower), s, e)
            for s, e in tokens_module._span_tokenize(text)
            if punct or tokens_module._is_word(text[s:e])]


@pytest.mark.parametrize("lower", [True, False])
@pytest.mark.parametrize("punct", [True, False])
def test_fast_path_equals_reference_on_the_article(article, lower, punct):
    expected = _reference(article.text, lower, punct)
    assert tokens_module._fast_spans(article.text, lower, punct) == expected  # the fast path is taken
    assert tokenize_spans(article.text, lower=lower, punct=punct) == expected
    assert tokenize(article.text, lower=lower, punct=punct) == [t.word for t in expected]


def _assert_tokens_are_the_reference(text, lower, punct):
    expected = _reference(text, lower, punct)
    assert tokenize_spans(text, lower=lower, punct=punct) == expected
    assert tokenize(text, lower=lower, punct=punct) == [t.word for t in expected]
    if lower and not punct:  # the columns the analysis reads: the same tokens
        words, starts, ends = token_columns(text)
        assert list(zip(words, starts, ends)) == [tuple(t) for t in expected]


_PIECES = list("abnstAZS/'’.,-‐‑_ \n\t2%:éİΣ²\u0301\u203f\x1c“”") + [
    "n't", "’s", "'re", "U.S.", "e.g.", "don’t", "S/2016/867", "A/RES/70/1", "co-op", "1,000.5"]


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join), st.booleans(), st.booleans())
def test_fast_path_equals_reference_on_random_text(text, lower, punct):
    _assert_tokens_are_the_reference(text, lower, punct)


_SCRIPTS = list("абвЖЯёΣσςαβ联合国，。、「」：；！？٣٤ßǅİﬁ\u3000\u00a0\u0301\u0300²①ⅫＡａ１") + [
    "Совет", "ООН", "Безопасности", "联合国安全理事会", "Καλημέρα", "مرحبا", "שלום", "नमस्ते", "สวัสดี",
    "안녕하세요", "Ⅻ", "n't", "’s", "U.S.", "co-op", "1,000.5", " ", "\t", "\n", ".", "-", "'", "’"]


@settings(max_examples=600, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(_SCRIPTS), max_size=30).map("".join), st.booleans(), st.booleans())
def test_fast_path_equals_reference_on_text_in_other_scripts(text, lower, punct):
    """Cyrillic, Chinese, Greek, Arabic … take the faster path too, wherever the two engines agree."""
    _assert_tokens_are_the_reference(text, lower, punct)


def test_cyrillic_and_chinese_take_the_faster_path():
    for text in ("Совет Безопасности ООН обсудил сотрудничество", "联合国安全理事会今天举行会议，各国代表发言。"):
        assert tokens_module._fast_columns(text, True, False) is not None


def test_article_columns_tokens_and_words_are_one_tokenization(article):
    words, starts, ends = article.token_columns
    assert list(article.tokens) == tokenize_spans(article.text) == [Token(*t) for t in zip(words, starts, ends)]
    assert article.words == words and list(words) == tokenize(article.text)
    assert all(article.text[s:e].lower().replace("’", "'") == w for w, s, e in zip(words, starts, ends))


def test_columns_keep_no_object_per_token(article):
    import gc

    words, starts, ends = article.token_columns
    assert len(starts) == len(ends) == len(words) == 2136
    # offsets are machine integers in (read-only views of) arrays: no Python object per offset
    assert starts.format == ends.format == "q" and starts.readonly and ends.readonly
    assert [type(r) for r in gc.get_referents(starts.obj) + gc.get_referents(ends.obj)] == [type, type]
    assert len(gc.get_referents(words)) == 2136 and not any(map(gc.is_tracked, words))
    # every repeat of a word is one string (interned): a corpus holds each word once, whatever its length
    assert len({id(w) for w in words}) == len(set(words)) == 679


def test_text_the_engines_read_apart_takes_the_reference_path():
    # a combining accent is a word character for NLTK's engine, not for Python's re
    assert tokens_module._fast_words("cafe\u0301 ok", True, False) is None
    assert tokenize("cafe\u0301 ok") == ["cafe\u0301", "ok"]


# --- hostile input: the rows make bench prints ---------------------------------------------------

def test_hostile_texts_are_the_size_asked_and_end_in_a_letter():
    from benchmarks import limits

    texts = limits.hostile_texts(10_001)
    assert set(texts) == {"a.a.…a", "a/a/…a", "the article"}
    assert all(abs(len(t) - 10_001) <= 1 for t in texts.values())
    assert texts["a.a.…a"].endswith(".a") and texts["a/a/…a"].endswith("/a")


def test_widget_payloads_measure_every_html_value_and_option_list(article):
    from benchmarks import limits
    from helpers import speaker_explorer

    box = speaker_explorer(article)
    sizes = list(limits.widget_payloads(box))
    options = sum(len(label.encode()) for label in box.speaker._options_labels)
    assert sorted(sizes) == sorted([("Dropdown Speaker options", options), ("HTML", len(box.sentences.value.encode())),
                                    ("HTML", len(box.chart.value.encode()))])


def test_the_hostile_input_part_runs_on_small_inputs():
    from benchmarks import limits

    table = limits.bench(size=5_000, repeat=1, big=200_000)
    rows = {(r[0], r[1]): r for r in table.rows}
    for function in ("tokenize", "token_columns (what load_article reads)", "Word box (frequency_view)"):
        for text in ("a.a.…a", "a/a/…a"):
            assert rows[function, text][5] == "< 3×" and rows[function, text][6] in ("ok", "SHORT")
        assert rows[function, "the article"][4] == 1.0
    peak = next(r for r in table.rows if r[0].startswith("peak memory"))
    html = next(r for r in table.rows if r[0].startswith("largest widget HTML"))
    assert peak[3] >= 0 and 0 < html[3] <= limits.HTML_GOAL and html[6] == "ok"
    assert not [n for n in table.notes if "failed" in n]


def test_the_hostile_articles_are_timed_against_as_much_of_the_article():
    from benchmarks import limits

    rows = limits.hostile_article_rows(size=3_000, repeat=1)
    assert [r[1] for r in rows] == [name for name, *_ in limits.HOSTILE_ARTICLES]
    assert {r[0] for r in rows} == {"attribute", "load_article", "load_article + words"}
    assert all(r[3] > 0 and r[4] > 0 and r[5] == "< 3×" and r[6] in ("ok", "SHORT") for r in rows)
    assert rows[3][2] == "0.05 MB" and rows[5][2] == "0.01 MB"  # 16 MB and 5 MB at full size
    tiny = limits.tiny_paragraphs(6_000)
    assert tiny["paragraphs"] == tiny["words"] == 1_500 and tiny["peak_mb"] >= 0


def test_the_learned_check_compares_the_rule_and_the_model_on_the_same_decisions():
    from benchmarks import learned

    data = learned.decisions()
    assert len(data) > 150 and {label for *_, label in data} == {0, 1}
    table = learned.bench()
    rows = {row[0]: row for row in table.rows}
    assert set(rows) == {"report", "outlet"}
    for _, n, rule, model, diff in rows.values():
        assert n == len(data) and rule == sum(label for *_, label in data)
        assert 0 <= model <= n and diff == f"{model - rule:+d}"
