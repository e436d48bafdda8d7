"""load_article(): metadata, cleaning, paragraphs, sentences and bad input, on the real article."""

import datetime
import os
from pathlib import Path

import pytest

from helpers import DataFileError, list_articles, load_article
from helpers.datafiles import data_dir

SEED = Path(__file__).resolve().parent.parent / "data" / "articles" / "idn-2016-10-31-un-regional-bodies.txt"


def test_metadata(article):
    assert article.title == "UN Stresses Importance of Cooperation with Regional Bodies"
    assert article.author == "Jamshed Baruah"
    assert article.publisher == "IDN-InDepthNews"
    assert article.date == datetime.date(2016, 10, 31)
    assert article.dateline == "NEW YORK"


def test_47_body_paragraphs_from_dateline_to_lodhis_closing_quote(article):
    assert len(article.paragraphs) == 47
    assert article.paragraphs[0].startswith("NEW YORK (IDN) – Despite differing strategies")
    assert article.paragraphs[-1].startswith("“The United Nations provides the umbrella")
    assert article.paragraphs[-1].endswith("in an interdependent world.")


@pytest.mark.parametrize("chrome", [
    "Photo:", "McIlwaine", "Related Posts", "Begin typing your search term", "Back To Top",
    "IDN is flagship agency", "[IDN-InDepthNews", "By Jamshed Baruah",
    "UN Stresses Importance of Cooperation with Regional Bodies", "\u00a0",
])
def test_no_page_chrome_left_in_text(article, chrome):
    assert chrome not in article.text


def test_cleaning_says_what_it_removed_and_why(article):
    reasons = {r.text: r.reason for r in article.removed}
    assert "Related Posts" in reasons and "boilerplate" in reasons["Related Posts"]
    assert "title" in reasons[article.title]
    assert reasons["[IDN-InDepthNews – 31 October 2016]"].startswith("the agency's closing tag")
    # every removed piece really is in the raw file, at the line it names
    raw_lines = article.raw.split("\n")
    for r in article.removed:
        assert r.text in raw_lines[r.line - 1]


def test_curly_quotes_stay_and_text_is_the_paragraphs(article):
    assert "“Shanghai spirit”" in article.text
    assert article.text == "\n\n".join(article.paragraphs)
    for (start, end), para in zip(article.paragraph_spans, article.paragraphs):
        assert article.text[start:end] == para


def test_sentences_know_their_paragraph_and_offsets(article):
    assert len(article.sentences) == 71
    for i, s in enumerate(article.sentences):
        assert s.index == i
        assert article.text[s.start:s.end] == s.text == str(s)
        p_start, p_end = article.paragraph_spans[s.paragraph]
        assert p_start <= s.start < s.end <= p_end
    # every paragraph is covered by its sentences, in order
    assert sorted({s.paragraph for s in article.sentences}) == list(range(47))


def _sentence_with(article, needle):
    found = [s.text for s in article.sentences if needle in s.text]
    assert len(found) == 1, (needle, found)
    return found[0]


def test_sentence_hard_cases(article):
    # a document symbol with slashes does not end a sentence
    assert _sentence_with(article, "S/2016/867").startswith("Before the Council was a concept note")
    # an acronym in brackets does not end one either
    assert _sentence_with(article, "Collective Security Treaty Organization (CSTO), gave").startswith("Nikolai Bordyuzha")
    # the quote closed with an OPENING mark stays one sentence with its cue
    s = _sentence_with(article, "threats, “ he emphasized")
    assert s.startswith("“That is why") and s.endswith("he emphasized.")
    # a sentence ending inside a quote ends after the closing mark
    assert _sentence_with(article, "our world”").endswith("our world”.")
    assert _sentence_with(article, "honest brokers").endswith("Ban noted.")


def test_abbreviations_do_not_split_sentences():
    from helpers import split_sentences

    text = "The U.S. representative spoke first. Then Dr. Lal replied."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "The U.S. representative spoke first.", "Then Dr. Lal replied."]


def test_loading_is_cached_and_writes_nothing(article):
    before = {p: p.stat().st_mtime_ns for p in data_dir().rglob("*")}
    # The first load of this test, not the session's article: other tests on the same worker
    # load many articles, and the cache keeps the 32 most recent.
    first = load_article()
    assert first.raw == article.raw
    assert load_article() is first
    assert load_article("idn-2016-10-31-un-regional-bodies") is first
    assert load_article(SEED) is first
    assert {p: p.stat().st_mtime_ns for p in data_dir().rglob("*")} == before


def test_raw_article_is_kept_unchanged(article):
    seed = Path(__file__).resolve().parents[2] / "shared" / "seed" / SEED.name
    if seed.exists():  # beside a checkout the seed is shared/; the copy must equal it byte for byte
        assert SEED.read_bytes() == seed.read_bytes()
    assert article.raw.startswith("Photo: A wide view of the Security Council.")


def test_list_articles():
    assert "idn-2016-10-31-un-regional-bodies" in list_articles()


# --- bad input -------------------------------------------------------------------------

def test_missing_article_names_the_ones_that_exist():
    with pytest.raises(FileNotFoundError) as err:
        load_article("missing")
    assert "'missing'" in str(err.value)
    assert "idn-2016-10-31-un-regional-bodies" in str(err.value)


def test_typo_in_name_suggests_the_right_one():
    with pytest.raises(FileNotFoundError, match="Did you mean 'idn-2016-10-31-un-regional-bodies'"):
        load_article("idn-2016-10-31-un-regional-body")


def test_wrong_type_says_what_to_pass():
    with pytest.raises(TypeError, match="article name or a file path"):
        load_article(47)


def _write(tmp_path, name, data: bytes, meta: str | None = None):
    path = tmp_path / name
    path.write_bytes(data)
    if meta is not None:
        path.with_suffix(".toml").write_text(meta, encoding="utf-8")
    return path


def test_bad_date_in_metadata_names_file_field_and_line(tmp_path):
    path = _write(tmp_path, "a.txt", b"Title\n\nBody text here.\n",
                  'title = "T"\nauthor = "A"\ndate = "31/10/2016"\n')
    with pytest.raises(DataFileError) as err:
        load_article(path)
    msg = str(err.value)
    assert "a.toml" in msg and "line 3" in msg and "'date'" in msg and "31/10/2016" in msg
    assert "2016-10-31" in msg  # the fix shows the right form


def test_unknown_metadata_field_suggests_the_right_one(tmp_path):
    path = _write(tmp_path, "a.txt", b"Title\n\nBody.\n", 'auther = "A"\n')
    with pytest.raises(DataFileError, match=r"line 1: unknown field 'auther'[\s\S]*did you mean 'author'"):
        load_article(path)


def test_broken_toml_names_the_line(tmp_path):
    path = _write(tmp_path, "a.txt", b"Title\n\nBody.\n", 'title = "T"\nauthor = A B\n')
    with pytest.raises(DataFileError, match=r"a\.toml, line 2: this is not valid TOML"):
        load_article(path)


def test_empty_file_says_what_to_do(tmp_path):
    path = _write(tmp_path, "empty.txt", b"  \n\n")
    with pytest.raises(DataFileError, match=r"empty\.txt: the file is empty[\s\S]*paste the article"):
        load_article(path)


def test_cp1252_file_says_how_to_resave(tmp_path):
    path = _write(tmp_path, "word.txt", "Title\n\nIt said \u201cpeace\u201d.\n".encode("cp1252"))
    with pytest.raises(DataFileError) as err:
        load_article(path)
    msg = str(err.value)
    assert "word.txt, line 3" in msg and "Windows-1252" in msg and "UTF-8" in msg


def test_bom_and_crlf_load_like_the_plain_file(tmp_path, article):
    plain = SEED.read_bytes()
    path = _write(tmp_path, "bom-crlf.txt", b"\xef\xbb\xbf" + plain.replace(b"\n", b"\r\n"),
                  SEED.with_suffix(".toml").read_text(encoding="utf-8"))
    other = load_article(path)
    assert other.paragraphs == article.paragraphs
    assert other.text == article.text


def test_any_txt_file_loads_with_title_from_first_line(tmp_path):
    path = _write(tmp_path, "note.txt", b"A Short Note\n\nFirst paragraph. It has two sentences.\n\nSecond one.\n")
    a = load_article(path)
    assert a.title == "A Short Note" and a.date is None
    assert a.paragraphs == ("First paragraph. It has two sentences.", "Second one.")
    assert [s.text for s in a.sentences] == ["First paragraph.", "It has two sentences.", "Second one."]


def test_an_edited_file_is_read_again(tmp_path):
    path = _write(tmp_path, "n.txt", b"T\n\nOne.\n")
    assert load_article(path).paragraphs == ("One.",)
    path.write_bytes(b"T\n\nOne.\n\nTwo more.\n")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000_000))
    assert load_article(path).paragraphs == ("One.", "Two more.")


# --- the course's switch: which article load_article() loads ------------------------------

def test_the_switch_is_the_environment_then_the_settings_file(tmp_path, monkeypatch):
    import shutil

    from helpers import current_article, data_dir

    monkeypatch.delenv("HELPERS_ARTICLE", raising=False)
    assert current_article() == "idn-2016-10-31-un-regional-bodies"
    data = tmp_path / "data"
    shutil.copytree(data_dir(), data)
    (data / "course.toml").write_text('article = "belta-2022-02-17-un-csto-cooperation"\n', encoding="utf-8")
    monkeypatch.setenv("HELPERS_DATA", str(data))
    assert current_article() == "belta-2022-02-17-un-csto-cooperation"
    assert load_article().publisher == "BelTA"
    monkeypatch.setenv("HELPERS_ARTICLE", "unnews-2017-07-19-un-au-cooperation")
    assert load_article().name == "unnews-2017-07-19-un-au-cooperation", "the environment wins for a session"
    (data / "course.toml").unlink()
    monkeypatch.delenv("HELPERS_ARTICLE")
    assert load_article().name == "idn-2016-10-31-un-regional-bodies", "no setting: the kit's article"


def test_an_unknown_name_in_the_switch_says_where_it_was_set(tmp_path, monkeypatch):
    import shutil

    from helpers import NoSuchArticle, data_dir

    monkeypatch.setenv("HELPERS_ARTICLE", "unnews-2017-au")
    with pytest.raises(NoSuchArticle, match="from the environment variable HELPERS_ARTICLE") as err:
        load_article()
    assert "Did you mean 'unnews-2017-07-19-un-au-cooperation'?" in str(err.value)
    assert "belta-2022-02-17-un-csto-cooperation" in str(err.value), "the message lists the articles"
    data = tmp_path / "data"
    shutil.copytree(data_dir(), data)
    (data / "course.toml").write_text('article = "idn-2061"\n', encoding="utf-8")
    monkeypatch.setenv("HELPERS_DATA", str(data))
    monkeypatch.delenv("HELPERS_ARTICLE")
    with pytest.raises(NoSuchArticle, match=r"course\.toml, but there is no article") as err:
        load_article()
    assert "Did you mean 'idn-2016-10-31-un-regional-bodies'?" in str(err.value)
    (data / "course.toml").write_text("article = 2016\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"course\.toml, line 1: 'article' should be an article's name"):
        load_article()


@pytest.mark.notebook
def test_a_lesson_shows_the_message_not_a_traceback(monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("HELPERS_ARTICLE", "no-such-report")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("from helpers import *\narticle = load_article()")])
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True).execute()
    (error,) = nb.cells[0].outputs
    shown = "\n".join(error["traceback"])
    assert shown.startswith("NoSuchArticle: The course's article is 'no-such-report'")
    assert "Traceback" not in shown and "File " not in shown and "How to fix:" in shown


# --- a learner's mutation changes no later result ------------------------------------------------

def test_an_article_s_words_tokens_and_offsets_cannot_be_changed(article):
    from helpers import collocations, kwic

    with pytest.raises(AttributeError):
        article.words.reverse()
    with pytest.raises(AttributeError):
        article.tokens.append(article.tokens[0])
    words, starts, ends = article.token_columns
    with pytest.raises(TypeError):
        starts[0] = 5
    with pytest.raises(TypeError):
        ends[-1] = 0
    with pytest.raises(TypeError):
        words[0] = "terrorism"
    assert kwic(article, "terrorism")[0].keyword == "terrorism"
    assert (collocations(article, 1)[0].first, collocations(article, 1)[0].second) == ("united", "nations")


def test_load_article_after_a_try_at_changing_it_gives_the_clean_article(article):
    fresh = load_article()
    try:
        fresh.words.sort()
    except AttributeError:
        pass
    from helpers import tokenize

    again = load_article()
    assert again.words[:3] == ("new", "york", "idn") and list(again.words) == tokenize(again.text)
    assert again.text[again.token_columns[1][0]:again.token_columns[2][0]] == "NEW"


# --- a bundle's own chrome, organizations and phrases -----------------------------------------

def _bundle(tmp_path, toml: str, text: str = "A title\n521\nShare this: x\n\nThe Council met. Peace matters.\n1,204 views\n"):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    path.with_suffix(".toml").write_text(toml, encoding="utf-8")
    return path


def test_a_bundle_drops_its_own_chrome_lines_and_says_which_rule_did(tmp_path):
    path = _bundle(tmp_path, 'title = "A title"\n[chrome]\nlines = ["521"]\nprefixes = ["Share this"]\n'
                             "patterns = ['[\\d,]+ views']\n")
    a = load_article(path)
    assert a.paragraphs == ("The Council met. Peace matters.",)
    reasons = {r.text: r.reason for r in a.removed}
    assert "[chrome] lines" in reasons["521"] and "[chrome] prefixes" in reasons["Share this: x"]
    assert "[chrome] patterns" in reasons["1,204 views"] and "report.toml" in reasons["521"]


def test_an_exact_chrome_line_applies_to_its_article_only(tmp_path):
    path = _bundle(tmp_path, 'title = "A title"\n[chrome]\nlines = ["521"]\n')
    other = tmp_path / "other.txt"
    other.write_text("Another title\n\n521\n\nThe Council met.\n", encoding="utf-8")
    assert "521" not in load_article(path).text and "521" in load_article(other).paragraphs


@pytest.mark.parametrize("toml, line, words", [
    ('[chrome]\nline = ["521"]\n', 2, "[chrome] has no kind 'line'"),
    ('[chrome]\npatterns = ["(views"]\n', 2, "is not a regular expression"),
    ('[chrome]\nlines = "521"\nprefixes = [1]\n', 3, "should be a list of text entries"),
    ('chrome = "521"\n', 1, "should be a table"),
    ('organizations = ["ASEAN Association of Southeast Asian Nations"]\n', 1, "has no 'KEY:'"),
    ('phrases = ["Lim"]\n', 1, "is a single word"),
])
def test_a_malformed_bundle_toml_names_the_line_and_the_fix(tmp_path, toml, line, words):
    path = _bundle(tmp_path, toml)
    with pytest.raises(DataFileError) as err:
        load_article(path)
    assert err.value.path.name == "report.toml" and err.value.line == line and err.value.fix
    assert words in err.value.problem


def test_a_bundles_organizations_and_phrases_add_to_the_shared_lists(tmp_path):
    from helpers import article_aliases, article_phrases, load_aliases, mention_counts, top_words

    text = "A title\n\nLim Jock Hoi said ASEAN and the Association of Southeast Asian Nations (ASEAN) met the AU.\n"
    path = _bundle(tmp_path, 'title = "A title"\norganizations = ["NEWORG: New Organization; NEWORG", '
                             '"AU: Union africaine"]\nphrases = ["Lim Jock Hoi"]\n', text)
    a = load_article(path)
    aliases = article_aliases(a)
    assert aliases["NEWORG"] == ("New Organization", "NEWORG") and "NEWORG" not in load_aliases()
    assert aliases["AU"] == (*load_aliases()["AU"], "Union africaine"), "a known key gets the names added"
    assert ("lim", "jock", "hoi") in article_phrases(a)
    assert "lim_jock_hoi" in dict(top_words(a, 10, phrases=True))
    assert mention_counts(a)["ASEAN"] == 2, "the full name with its acronym in brackets is one mention"


# --- a bundle's [chrome] patterns run with a time limit ------------------------------------------

def _with_chrome_pattern(folder, pattern: str):
    """The kit's article, in a copy of the data folder, with one more [chrome] pattern in its .toml."""
    toml = folder / "articles" / "idn-2016-10-31-un-regional-bodies.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + f"\n[chrome]\npatterns = ['{pattern}']\n", encoding="utf-8")
    return toml


@pytest.mark.parametrize("pattern", [r"(\w+\s?)+$", r"(.*a){20}"])
def test_a_catastrophic_chrome_pattern_does_not_hang_the_lesson(tmp_path, pattern):
    import shutil
    import subprocess
    import sys

    from helpers import data_dir

    shutil.copytree(data_dir(), tmp_path / "data")
    _with_chrome_pattern(tmp_path / "data", pattern)
    env = dict(__import__("os").environ, HELPERS_DATA=str(tmp_path / "data"))
    code = "from helpers import load_article; print(len(load_article().paragraphs))"
    out = subprocess.run([sys.executable, "-c", code], cwd=data_dir().parent, env=env,
                         capture_output=True, text=True, timeout=60)  # Python's re: past an hour
    assert out.returncode == 0 and out.stdout.strip() == "47", out.stderr


def test_a_chrome_pattern_past_its_time_limit_names_the_file_the_pattern_and_the_fix(tmp_path, monkeypatch):
    import shutil

    import helpers.article
    from helpers import data_dir

    shutil.copytree(data_dir(), tmp_path / "data")
    monkeypatch.setenv("HELPERS_DATA", str(tmp_path / "data"))
    pattern = "(.*)" * 12 + "x"
    toml = _with_chrome_pattern(tmp_path / "data", pattern)
    monkeypatch.setattr(helpers.article, "CHROME_TIME_LIMIT", 0.001)
    with pytest.raises(DataFileError) as err:
        load_article()
    assert err.value.path == toml and err.value.line == toml.read_text().count("\n")
    assert pattern in err.value.problem and "took more than" in err.value.problem
    assert "without nested repeats" in err.value.fix and "lines = [...]" in err.value.fix


def test_sentences_made_quickly_are_sentences(article):
    from helpers.article import Sentence, _sentence

    for s in article.sentences[:5]:
        made = Sentence(s.index, s.paragraph, s.start, s.end, s.text)
        assert type(s) is Sentence and s == made and hash(s) == hash(made) and repr(s) == repr(made)
    with pytest.raises(AttributeError):  # still frozen
        article.sentences[0].text = "changed"
    assert _sentence(0, 0, 0, 3, "war") == Sentence(0, 0, 0, 3, "war")


def test_inline_chrome_patterns_cut_residue_that_shares_a_line(tmp_path):
    # a crawler's date and an agency's tag before the first words, as stored copies of pages have them
    from helpers import load_article

    (tmp_path / "residue.txt").write_text(
        "Arab League chief urges Council to act\n\n"
        " date 2025-07-24 NEW YORK, July 23 (MENAFN- Kuwait News Agency) The head of the Arab League urged "
        "the Council to act.\n", encoding="utf-8")
    (tmp_path / "residue.toml").write_text(
        "title = \"Arab League chief urges Council to act\"\n[chrome]\n"
        "inline = ['^date \\d{4}-\\d{2}-\\d{2} ', '\\(MENAFN- ?[^)]*\\) ?']\n", encoding="utf-8")
    article = load_article(tmp_path / "residue.txt")
    assert article.sentences[0].text == "NEW YORK, July 23 The head of the Arab League urged the Council to act."
    assert [r.text for r in article.removed][1:] == ["date 2025-07-24", "(MENAFN- Kuwait News Agency)"]


def test_a_text_that_stops_mid_word_is_flagged_as_cut(article, tmp_path):
    from helpers import load_article

    assert not article.cut and "cut" not in repr(article)
    stored = load_article("unpress-2015-03-09-un-eu-cooperation")
    assert stored.text.endswith("United Na") and stored.cut
    assert "the text is cut" in repr(stored)
    for text, cut in (("It ended.", False), ("He said: “It ended.”", False), ("It stopped in the midd", True),
                      ("A list of 3", True)):
        path = tmp_path / f"t{len(text)}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        assert load_article(path).cut is cut, text


def test_the_speaker_explorer_says_where_a_cut_text_stops(article):
    import helpers

    stored = helpers.load_article("unpress-2015-03-09-un-eu-cooperation")
    cut = helpers.explore.speaker_view(stored, "Federica Mogherini").html
    assert "the text stops here, in the middle of a sentence" in cut
    assert "the text stops here" not in helpers.explore.speaker_view(article, "Ban Ki-moon").html


def test_sentences_and_paragraphs_are_kept_as_offsets_and_read_like_tuples(article):
    from helpers import Sentence, split_sentences

    spans = split_sentences(article.text)
    made = tuple(Sentence(i, next(k for k, (ps, pe) in enumerate(article.paragraph_spans) if ps <= s < pe), s, e,
                          article.text[s:e]) for i, (s, e) in enumerate(spans))
    assert article.sentences == made and tuple(article.sentences) == made and len(article.sentences) == len(made)
    assert article.sentences[-1] == made[-1] and article.sentences[3:6] == made[3:6] and made[4] in article.sentences
    assert hash(article.sentences[2]) == hash(made[2])
    assert list(article.paragraphs) == article.text.split("\n\n")
    assert article.paragraph_spans[0] == (0, len(article.paragraphs[0]))
    with pytest.raises(IndexError, match="out of range"):
        article.sentences[len(made)]
    with pytest.raises(TypeError):
        article.sentences["1"]
    assert repr(article.sentences).startswith(f"<{len(made)} sentences: Sentence(index=0")


def test_a_million_short_paragraphs_hold_no_object_each(tmp_path):
    import tracemalloc

    from helpers import load_article

    path = tmp_path / "tiny.txt"
    path.write_text("A title\n\n" + "war\n" * 100_000, encoding="utf-8")
    tracemalloc.start()
    tiny = load_article(path)
    kept, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(tiny.paragraphs) == len(tiny.sentences) == 100_000
    assert tiny.sentences[12_345].text == "war" and tiny.sentences[12_345].paragraph == 12_345
    # five offsets of 8 bytes and the text, raw and clean: about 60 bytes a paragraph (as objects, over 600)
    assert kept < 80 * 100_000, kept


def test_sentences_are_made_once_a_loop_has_read_them_all(tmp_path):
    from helpers import load_article

    path = tmp_path / "three.txt"
    path.write_text("A title\n\nOne. Two.\n\nThree.\n", encoding="utf-8")
    article = load_article(path)
    assert article.sentences[1] == article.sentences[1] and article.sentences[1] is not article.sentences[1]
    first = list(article.sentences)
    assert all(a is b for a, b in zip(first, article.sentences)) and article.sentences[2] is first[2]
    assert [s.text for s in first] == ["One.", "Two.", "Three."] and first[2].paragraph == 1
