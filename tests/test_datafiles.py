"""Every editable data file: one test per kind of mistake a teacher can make in it.

Each test writes a broken copy of one file into a temporary folder and checks that
loading it raises :class:`DataFileError` naming the file, the line and the fix
(and that the kit's own files load cleanly). Nothing here touches ``data/``.
"""

import shutil

import pytest

from helpers import (DataFileError, data_dir, find_mentions, load_abbreviations, load_aliases, 
                     load_article, load_boilerplate, load_phrases, load_stopwords, split_sentences)
from helpers.datafiles import load_countries, read_text, read_wordlist


def write(tmp_path, name, text, *, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def raises(loader, path, line, *words):
    """Call loader(path); check the message names the file, the line and each word given."""
    with pytest.raises(DataFileError) as info:
        loader(path)
    err = info.value
    assert err.path == path and err.line == line, str(err)
    message = str(err)
    assert str(path) in message and (line is None or f"line {line}" in message)
    assert "How to fix:" in message and err.fix
    for word in words:
        assert word in message, message
    return err


# --- the kit's own files are all valid ------------------------------------------------

def test_every_shipped_file_loads():
    assert len(load_stopwords()) > 150
    assert "u.s" in load_abbreviations()
    assert "Photo:" in load_boilerplate()
    assert ("united", "nations") in load_phrases()
    assert set(load_aliases()) >= {"UN", "CSTO", "SCO", "CIS"}
    assert len(load_article().paragraphs) == 47


# --- any file: format and encoding ------------------------------------------------------

def test_missing_file(tmp_path):
    raises(load_stopwords, tmp_path / "stopwords.txt", None, "does not exist")


def test_folder_instead_of_file(tmp_path):
    (tmp_path / "stopwords.txt").mkdir()
    raises(load_stopwords, tmp_path / "stopwords.txt", None, "folder")


def test_windows_1252_bytes_name_the_line(tmp_path):
    path = write(tmp_path, "phrases.txt", "United Nations\nCôte d’Ivoire\n", encoding="cp1252")
    raises(load_phrases, path, 2, "Windows-1252", "UTF-8")


@pytest.mark.parametrize("head, kind", [
    ("\ufeffStaff".encode("utf-16"), "UTF-16"),
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "Word (.docx)"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    (rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}}", "RTF"),
    (b"<!DOCTYPE html>\n<html><body><p>UN Stresses</p>", "HTML"),
    ("Photo:\nUN".encode("utf-16-le"), "NUL bytes"),
])
def test_another_format_saved_as_txt_says_what_it_is(tmp_path, head, kind):
    path = write(tmp_path, "article.txt", head)
    raises(load_article, path, 1, kind, "Plain Text")


def test_bom_and_crlf_are_accepted(tmp_path):
    path = write(tmp_path, "stopwords.txt", b"\xef\xbb\xbf# note\r\nthe\r\nof\r\n")
    assert load_stopwords(path) == {"the", "of"}
    assert read_text(path) == "# note\nthe\nof\n"


# --- countries.txt ---------------------------------------------------------------------

def test_a_country_written_back_to_front(tmp_path):
    raises(load_countries, write(tmp_path, "countries.txt", "# note\nRussia\nKorea, Republic of\n"), 3,
           "'Korea, Republic of'", "comma", "'Republic of Korea'")


def test_countries_keep_their_case_and_their_spaces(tmp_path):
    assert load_countries(write(tmp_path, "countries.txt", "United States\nRussia\nRussia\n")) == {
        "United States", "Russia"}


# --- stopwords.txt ---------------------------------------------------------------------

def test_stopword_with_a_space(tmp_path):
    raises(load_stopwords, write(tmp_path, "stopwords.txt", "# note\nthe\nof the\n"), 3, "'of the'", "space")


def test_stopwords_pasted_with_commas(tmp_path):
    raises(load_stopwords, write(tmp_path, "stopwords.txt", "the\nof,\n"), 2, "comma", "one word per line")


def test_stopwords_pasted_on_one_line_with_a_tab(tmp_path):
    raises(load_stopwords, write(tmp_path, "stopwords.txt", "the\tof\n"), 1, "tab")


def test_stopwords_repeated_or_capitalised_are_merged_quietly(tmp_path):
    path = write(tmp_path, "stopwords.txt", "The\nthe\nof\nthe\n")
    assert load_stopwords(path) == {"the", "of"}


# --- abbreviations.txt -------------------------------------------------------------------

def test_abbreviation_with_its_full_stop(tmp_path):
    err = raises(load_abbreviations, write(tmp_path, "abbreviations.txt", "# note\nmr\nU.S.\n"), 3,
                 "'u.s.'", "full stop")
    assert "'u.s'" in err.fix


def test_abbreviation_with_a_space(tmp_path):
    raises(load_abbreviations, write(tmp_path, "abbreviations.txt", "mr\nu. s\n"), 2, "space")


def test_abbreviations_steer_the_sentence_splitter(tmp_path, monkeypatch):
    text = "He met Amb. Lodhi. She spoke."
    assert len(split_sentences(text)) == 2  # "amb" is in the kit's list
    write(tmp_path, "abbreviations.txt", "mr\n")
    monkeypatch.setenv("HELPERS_DATA", str(tmp_path))
    assert len(split_sentences(text)) == 3


# --- boilerplate.txt ---------------------------------------------------------------------

def test_boilerplate_phrase_too_short(tmp_path):
    raises(load_boilerplate, write(tmp_path, "boilerplate.txt", "Photo:\nThe\n"), 2, "'The'", "too short")


def test_boilerplate_edits_change_what_is_removed(tmp_path, monkeypatch, article):
    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder)
    monkeypatch.setenv("HELPERS_DATA", str(folder))
    (folder / "boilerplate.txt").write_text("# none\nBack To Top\n", encoding="utf-8")
    edited = load_article()
    assert any(p.startswith("Photo:") for p in edited.paragraphs)
    assert not any(p.startswith("Photo:") for p in article.paragraphs)


# --- phrases.txt -------------------------------------------------------------------------

def test_phrase_of_one_word(tmp_path):
    raises(load_phrases, write(tmp_path, "phrases.txt", "United Nations\nSecurity\n"), 2, "single word")


def test_two_phrases_on_one_line(tmp_path):
    raises(load_phrases, write(tmp_path, "phrases.txt", "United Nations, Security Council\n"), 1,
           "more than one phrase")


# --- aliases.txt -------------------------------------------------------------------------

def test_alias_line_without_a_key(tmp_path):
    raises(load_aliases, write(tmp_path, "aliases.txt", "UN: United Nations\nCollective Security Treaty\n"),
           2, "no 'KEY:'")


def test_alias_key_without_names(tmp_path):
    raises(load_aliases, write(tmp_path, "aliases.txt", "# note\nSCO:  ;\n"), 2, "no names")


def test_alias_key_twice(tmp_path):
    raises(load_aliases, write(tmp_path, "aliases.txt", "UN: United Nations\nUN: the UN\n"), 2, "twice")


def test_alias_name_for_two_keys(tmp_path):
    raises(load_aliases, write(tmp_path, "aliases.txt", "UN: United Nations; UN\nUNSC: Security Council; UN\n"),
           2, "both 'UN' and 'UNSC'")


def test_alias_name_twice_on_its_line(tmp_path):
    raises(load_aliases, write(tmp_path, "aliases.txt", "SCO: SCO; Shanghai Cooperation Organization; SCO\n"),
           1, "twice on the line")


def test_alias_names_separated_by_commas(tmp_path):
    err = raises(load_aliases, write(tmp_path, "aliases.txt", "CIS: Commonwealth of Independent States, CIS\n"),
                 1, "comma")
    assert "CIS: Commonwealth of Independent States; CIS" in err.fix


def test_alias_line_with_two_colons(tmp_path):
    raises(load_aliases, write(tmp_path, "aliases.txt", "UN: United Nations: UN\n"), 1, "second ':'")


def test_alias_edits_change_the_mentions(tmp_path):
    path = write(tmp_path, "aliases.txt", "UNGA: General Assembly\n")
    assert [m.key for m in find_mentions("The General Assembly met.", load_aliases(path))] == ["UNGA"]


# --- articles/<name>.txt and <name>.toml -------------------------------------------------

def test_empty_article(tmp_path):
    raises(load_article, write(tmp_path, "a.txt", "\n  \n"), None, "empty")


def test_article_with_only_page_chrome(tmp_path):
    raises(load_article, write(tmp_path, "a.txt", "Photo: UN\nRelated Posts\nBack To Top\n"), None,
           "no paragraph")


def test_metadata_not_toml(tmp_path):
    write(tmp_path, "a.toml", 'title = "A"\nauthor: Jamshed Baruah\n')
    with pytest.raises(DataFileError, match=r"a\.toml, line 2: this is not valid TOML(.|\n)*name = \"value\""):
        load_article(write(tmp_path, "a.txt", "A\nBody.\n"))


def test_metadata_unknown_field(tmp_path):
    write(tmp_path, "a.toml", 'title = "A"\nathor = "Jamshed Baruah"\n')
    with pytest.raises(DataFileError, match=r"a\.toml, line 2: unknown field 'athor'(.|\n)*'author'"):
        load_article(write(tmp_path, "a.txt", "A\nBody.\n"))


def test_metadata_field_not_text(tmp_path):
    write(tmp_path, "a.toml", 'title = "A"\nauthor = 42\n')
    with pytest.raises(DataFileError, match=r"a\.toml, line 2: field 'author' should be text"):
        load_article(write(tmp_path, "a.txt", "A\nBody.\n"))


def test_metadata_bad_date(tmp_path):
    write(tmp_path, "a.toml", 'title = "A"\n\ndate = "31 October 2016"\n')
    with pytest.raises(DataFileError, match=r"a\.toml, line 3: field 'date'(.|\n)*2016-10-31"):
        load_article(write(tmp_path, "a.txt", "A\nBody.\n"))


def test_metadata_in_the_wrong_encoding(tmp_path):
    write(tmp_path, "a.toml", 'title = "Côte d’Ivoire"\n', encoding="cp1252")
    with pytest.raises(DataFileError, match=r"a\.toml, line 1: byte"):
        load_article(write(tmp_path, "a.txt", "A\nBody.\n"))


def test_read_wordlist_keeps_file_order(tmp_path):
    path = write(tmp_path, "list.txt", "b\n# note\na\nb\n")
    assert read_wordlist(path) == ["b", "a"]


# --- NAME.speakers.csv, speakers.cues.txt, themes.txt, blocs.txt, NAME.gold.tsv ----------------
# Each case: the file, a change to the kit's own copy (old → new text), words the
# message must hold and, if the line named is not where the change starts, how far below.

LODHI = "Maleeha Lodhi,Permanent Representative of Pakistan,Pakistan,,national,member states,she,Lodhi"
BAN = "Ban Ki-moon,Secretary-General of the United Nations,,UN,official,UN,he,Ban;Secretary-General Ban Ki-moon"
HEADER = "name,role,country,organization,capacity,speaks_for,pronoun,aliases"
REGISTRY = "articles/idn-2016-10-31-un-regional-bodies.speakers.csv"

SHIPPED_MISTAKES = {
    "speakers: missing column": (REGISTRY, HEADER, HEADER.replace(",pronoun", ""), "no column 'pronoun'"),
    "speakers: a comma too many": (REGISTRY, LODHI, LODHI.replace("Permanent", "Permanent, Ambassador"),
                                   "double quotes"),
    "speakers: empty name": (REGISTRY, LODHI, LODHI.replace("Maleeha Lodhi", ""), "'name' is empty"),
    "speakers: duplicate name": (REGISTRY, LODHI, LODHI.replace("Maleeha Lodhi", "Ban Ki-moon")
                                 .replace(",Lodhi", ","), "already on line"),
    "speakers: unknown capacity": (REGISTRY, LODHI, LODHI.replace("national", "nacional"), "capacity"),
    "speakers: unknown pronoun": (REGISTRY, LODHI, LODHI.replace(",she,", ",her,"), "pronoun 'her'"),
    "speakers: alias of two people": (REGISTRY, LODHI, LODHI.replace(",Lodhi", ",Ban"), "'Ban' names both"),
    "themes: term before a heading": ("themes.txt", "[Terrorism & extremism]", "terror*\n[Terrorism & extremism]",
                                      "before any"),
    "themes: heading not closed": ("themes.txt", "[Drugs & trafficking]", "[Drugs & trafficking", "not a theme heading"),
    "themes: star inside a word": ("themes.txt", "\nterror*\n", "\nter*ror\n", "a * can only end a word"),
    "themes: star alone": ("themes.txt", "\nterror*\n", "\n*\n", "would match every word"),
    "themes: a mark that is no word": ("themes.txt", "\nterror*\n", "\nterror|ism\n", "not part of a word"),
    "themes: theme twice": ("themes.txt", "[Drugs & trafficking]", "[terrorism & EXTREMISM]", "appears twice"),
    "themes: theme with no terms": ("themes.txt", "[Drugs & trafficking]", "[Empty]\n[Drugs & trafficking]",
                                    "has no terms"),
    "blocs: member in two blocs": ("blocs.txt", "[Ukraine and Western-aligned members]",
                                   "[Ukraine and Western-aligned members]\nChina", "is in both", 1),
    "blocs: bloc with no entries": ("blocs.txt", "[Regional secretariats]", "[Nobody]\n[Regional secretariats]",
                                    "has no entries"),
    "cues: two on one line": ("speakers.cues.txt", "\nsaid\n", "\nsaid\tsays\n", "tab"),
}


def _broken_copy(tmp_path, filename, old, new):
    text = (data_dir() / filename).read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in {filename}"
    start = text.index(old) + len(old) - len(old.lstrip("\n"))
    line = text[:start].count("\n") + 1
    path = tmp_path / filename
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, line


@pytest.mark.parametrize("case", SHIPPED_MISTAKES, ids=list(SHIPPED_MISTAKES))
def test_registry_lexicon_blocs_and_cues(tmp_path, case):
    from helpers import load_blocs, load_themes, load_speakers
    from helpers.speakers.grammar import load_cues

    filename, old, new, words, *below = SHIPPED_MISTAKES[case]
    path, line = _broken_copy(tmp_path, filename, old, new)
    loader = {REGISTRY: load_speakers, "themes.txt": load_themes, "blocs.txt": load_blocs,
              "speakers.cues.txt": load_cues}[filename]
    raises(loader, path, line + sum(below), words)


GOLD_LINE = "15\tUkraine; United States\tindirect speech\tThe representatives of Ukraine and\t"

GOLD_MISTAKES = {
    "tabs turned into spaces": (GOLD_LINE, GOLD_LINE.replace("\t", "    "), "columns"),
    "unknown speaker": (GOLD_LINE, GOLD_LINE.replace("United States", "USA"), "'USA' is not in the speaker registry"),
    "unknown kind": (GOLD_LINE, GOLD_LINE.replace("indirect speech", "reported"), "kind 'reported'"),
    "first words of many sentences": (GOLD_LINE, GOLD_LINE.replace("15", "715", 1).replace(
        "The representatives of Ukraine and", "The"), "sentences begin 'The'"),
    "sentence changed": (GOLD_LINE, GOLD_LINE.replace("The representatives", "Representatives"), "begins"),
}


@pytest.mark.parametrize("case", GOLD_MISTAKES, ids=list(GOLD_MISTAKES))
def test_gold_annotation(tmp_path, article, case):
    from helpers import load_gold

    old, new, words = GOLD_MISTAKES[case]
    name = f"articles/{article.name}.gold.tsv"
    path, line = _broken_copy(tmp_path, name, old, new)
    raises(lambda p: load_gold(article, p), path, line, words)


def test_gold_sentence_annotated_twice_with_different_speakers_names_both_lines(tmp_path, article):
    from helpers import load_gold

    twice = GOLD_LINE + "\n" + GOLD_LINE.replace("Ukraine; United States", "Ukraine")
    path, line = _broken_copy(tmp_path, f"articles/{article.name}.gold.tsv", GOLD_LINE, twice)
    err = raises(lambda p: load_gold(article, p), path, line + 1, "sentence 15 is annotated twice",
                 f"lines {line} and {line + 1}", "Ukraine; United States (indirect speech) and Ukraine")
    assert "delete the line that is wrong" in err.fix


def test_empty_gold_file_is_refused_not_scored_100_percent(tmp_path, article):
    from helpers import evaluate_attribution, load_gold

    path = write(tmp_path, "empty.attribution.tsv", "# notes only\nsentence\tspeakers\tkind\tbegins\tnote\n")
    raises(lambda p: load_gold(article, p), path, None, "no annotation")
    ev = evaluate_attribution(article, gold={})
    assert ev.n == 0 and ev.accuracy is None and ev.baseline_accuracy is None and ev.kind_accuracy is None
    assert "gold annotation is empty" in repr(ev) and "%" not in repr(ev)
    assert ev.error_table().empty and ev.error_table(baseline=True).empty


def test_empty_cue_list_is_refused_not_attributed_at_random(tmp_path):
    from helpers.speakers.grammar import load_cues

    path = write(tmp_path, "speakers.cues.txt", "# every cue deleted\n")
    raises(load_cues, path, None, "no speech cue")


# --- operating-system errors: one message for every reader ----------------------------------

from os_faults import make_unreadable, symlink_loop  # noqa: E402  (a fixture and a helper)


def test_a_data_file_that_is_a_symlink_loop_is_explained(tmp_path):
    path = symlink_loop(tmp_path / "stopwords.txt")
    err = raises(load_stopwords, path, None, "symbolic link", "loop")
    assert "ln -sf" in err.fix


def test_an_unreadable_data_file_is_explained(tmp_path, make_unreadable):
    path = make_unreadable(write(tmp_path, "phrases.txt", "United Nations\n"))
    err = raises(load_phrases, path, None, "not allowed to read", "permission denied")
    assert "chmod a+r" in err.fix


def test_an_article_that_is_a_symlink_loop_is_explained_in_a_lesson(data_copy):
    loop = symlink_loop(data_copy / "articles" / "idn-2016-10-31-un-regional-bodies.txt")
    raises(lambda _: load_article(), loop, None, "symbolic link", "loop")
    raises(lambda _: load_article("idn-2016-10-31-un-regional-bodies"), loop, None, "loop")


def test_article_metadata_that_is_unreadable_is_explained_not_ignored(data_copy, make_unreadable):
    meta = make_unreadable(data_copy / "articles" / "idn-2016-10-31-un-regional-bodies.toml")
    raises(lambda _: load_article(), meta, None, "not allowed to read")


def test_metadata_that_is_a_symlink_loop_is_explained_not_ignored(data_copy):
    meta = symlink_loop(data_copy / "articles" / "idn-2016-10-31-un-regional-bodies.toml")
    raises(lambda _: load_article(), meta, None, "loop")


def test_an_unreadable_articles_folder_is_explained_in_a_lesson(data_copy, make_unreadable):
    from helpers import list_articles

    folder = make_unreadable(data_copy / "articles")
    raises(lambda _: list_articles(), folder, None, "not allowed to read this folder")
    with pytest.raises(DataFileError, match="not allowed to read"):
        load_article()


def test_helpers_data_pointing_at_a_symlink_loop_is_explained(tmp_path, monkeypatch):
    loop = symlink_loop(tmp_path / "data")
    monkeypatch.setenv("HELPERS_DATA", str(loop))
    assert data_dir() == loop  # kept as written: reading in it says why it fails
    with pytest.raises(DataFileError, match="symbolic link that leads back to itself"):
        load_article()
    with pytest.raises(DataFileError, match="loop"):
        load_stopwords()


def test_the_headless_report_explains_os_errors_without_a_traceback(tmp_path):
    import subprocess
    import sys

    loop = symlink_loop(tmp_path / "data")
    env = dict(__import__("os").environ, HELPERS_DATA=str(loop))
    out = subprocess.run([sys.executable, "-m", "helpers"], cwd=data_dir().parent, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "symbolic link that leads back to itself" in out.stderr and "How to fix" in out.stderr


# --- only regular files are read: a pipe, a device or a folder gets a message, never a wait ---

def test_a_named_pipe_in_place_of_a_data_file_is_refused_not_waited_on(tmp_path):
    import os

    path = tmp_path / "stopwords.txt"
    os.mkfifo(path)
    err = raises(load_stopwords, path, None, "named pipe", "regular files")
    assert f"rm '{path}'" in err.fix


def test_a_device_in_place_of_a_data_file_is_refused(tmp_path):
    import os

    path = tmp_path / "phrases.txt"
    os.symlink("/dev/zero", path)  # read to the end, it would never end
    raises(load_phrases, path, None, "a device", "regular files")


def test_a_named_pipe_in_place_of_the_article_or_its_metadata_is_refused(data_copy):
    import os

    name = "idn-2016-10-31-un-regional-bodies"
    meta = data_copy / "articles" / f"{name}.toml"
    meta.unlink()
    os.mkfifo(meta)
    raises(lambda _: load_article(), meta, None, "named pipe")
    text = data_copy / "articles" / f"{name}.txt"
    text.unlink()
    os.mkfifo(text)
    raises(lambda _: load_article(name), text, None, "named pipe")


# --- bad arguments: one of the kit's errors, shown as its message alone -------------------------

@pytest.mark.parametrize("call, kind, builtin, words", [
    (lambda a: __import__("helpers").kwic(a, ""), "UsageError", ValueError, "has no letters or digits"),
    (lambda a: __import__("helpers").top_words(a, -1), "UsageError", ValueError, "should be 0 or more, not -1"),
    (lambda a: __import__("helpers").top_words(a, "5"), "WrongType", TypeError, "whole number such as 20"),
    (lambda a: __import__("helpers").theme_hits(a, theme="Terrorism", by="sentence"), "UnknownName", KeyError,
     "there is no theme 'Terrorism'"),
    (lambda a: __import__("helpers").speaker_sentences(a, "Lodi"), "UsageError", ValueError,
     "'Lodi' is not a speaker in the registry."),
])
def test_a_bad_argument_is_one_of_the_kits_errors_shown_as_its_message(article, call, kind, builtin, words):
    from helpers.datafiles import UsageError

    with pytest.raises(UsageError) as info:
        call(article)
    err = info.value
    assert type(err).__name__ == kind and isinstance(err, builtin)  # `except ValueError` still catches it
    assert words in str(err) and str(err) == err.args[0]  # not in quotes, as a KeyError's would be
    assert err._render_traceback_() == [f"{kind}: {err}"]  # a notebook shows the message, no traceback
