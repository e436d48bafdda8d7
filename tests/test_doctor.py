"""``python -m helpers doctor``: exit 0 on the kit's data, non-zero with the fix on a broken copy."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import check_data_files, data_dir, doctor
from helpers.doctor import DATA_FILES

ROOT = Path(__file__).resolve().parent.parent


def run_doctor(data=None):
    env = dict(os.environ)
    env.pop("HELPERS_DATA", None)
    if data is not None:
        env["HELPERS_DATA"] = str(data)
    return subprocess.run([sys.executable, "-m", "helpers", "doctor"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def broken(tmp_path):
    """A copy of the data folder, to break."""
    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder)
    return folder


def test_all_is_well_on_the_kits_data():
    result = run_doctor()
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "All is well." in out and "✗" not in out
    for name in ("Python", "widgets", "matplotlib", "NLTK"):
        assert f"✓ {name}:" in out
    for filename, *_ in DATA_FILES:
        assert f"✓ {filename}:" in out
    assert "✓ articles/idn-2016-10-31-un-regional-bodies.txt: 47 paragraphs" in out


def test_broken_copy_names_each_file_line_and_fix(broken):
    with open(broken / "abbreviations.txt", "a", encoding="utf-8") as f:
        f.write("U.K.\n")
    (broken / "aliases.txt").write_text("UN: United Nations, UN\n", encoding="utf-8")
    (broken / "articles" / "notes.toml").write_text('title = "x"\n', encoding="utf-8")
    result = run_doctor(broken)
    assert result.returncode == 1
    out = result.stdout
    assert f"Data files in {broken}" in out
    line = len((broken / "abbreviations.txt").read_text(encoding="utf-8").splitlines())
    assert f"✗ abbreviations.txt: abbreviations.txt, line {line}: 'u.k.' ends with a full stop" in out
    assert "fix: drop the final full stop: write 'u.k'" in out
    assert "✗ aliases.txt: aliases.txt, line 1:" in out and "not ','" in out
    assert "✗ articles/notes.toml: metadata with no article" in out
    assert "✓ stopwords.txt:" in out  # the files that are fine still say so
    assert "problems to fix" in out


def test_a_file_in_another_format(broken):
    (broken / "phrases.txt").write_bytes("United Nations\n".encode("utf-16"))
    result = run_doctor(broken)
    assert result.returncode == 1
    assert "✗ phrases.txt: phrases.txt, line 1: this is a UTF-16 file" in result.stdout
    assert "fix: open it in its program and save" in result.stdout


def test_missing_data_folder(tmp_path):
    result = run_doctor(tmp_path / "nowhere")
    assert result.returncode == 1
    assert "✗ data folder: there is no folder" in result.stdout and "HELPERS_DATA" in result.stdout


def test_repeated_entries_are_a_note_not_a_failure(broken, monkeypatch):
    with open(broken / "stopwords.txt", "a", encoding="utf-8") as f:
        f.write("The\n")
    monkeypatch.setenv("HELPERS_DATA", str(broken))
    check = next(c for c in check_data_files() if c.name == "stopwords.txt")
    assert check.ok and "repeated (harmless" in check.found and "'The' on lines" in check.found


def test_windows_double_extension_and_missing_articles(broken, monkeypatch):
    src = broken / "articles" / "idn-2016-10-31-un-regional-bodies.txt"
    src.rename(src.with_name("mine.txt.txt"))
    monkeypatch.setenv("HELPERS_DATA", str(broken))
    bad = {c.name: c for c in check_data_files() if not c.ok}
    assert "rename it to mine.txt" in bad["articles/mine.txt.txt"].fix
    for path in (broken / "articles").iterdir():
        path.unlink()
    bad = {c.name: c for c in check_data_files() if not c.ok}
    assert "no article (.txt file)" in bad["articles/"].found


def test_a_missing_file_is_a_failure(broken, monkeypatch):
    (broken / "stopwords.txt").unlink()
    monkeypatch.setenv("HELPERS_DATA", str(broken))
    bad = [c for c in doctor() if not c.ok]
    assert [c.name for c in bad] == ["stopwords.txt"]
    assert "does not exist" in bad[0].found and "restore" in bad[0].fix


def test_help_mentions_doctor():
    result = subprocess.run([sys.executable, "-m", "helpers", "--help"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "python -m helpers doctor" in result.stdout


def test_make_doctor_runs_the_cli():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ndoctor:", 1)[1].split("\n\n", 1)[0]
    assert "-m helpers doctor" in recipe


def test_a_bloc_member_with_a_typo(broken, monkeypatch):
    blocs = broken / "blocs.txt"
    text = blocs.read_text(encoding="utf-8")
    assert "\nKazakhstan\n" in text
    blocs.write_text(text.replace("\nKazakhstan\n", "\nKazakstan\n"), encoding="utf-8")
    line = text.split("\n").index("Kazakhstan") + 1
    monkeypatch.setenv("HELPERS_DATA", str(broken))
    bad = [c for c in check_data_files() if not c.ok]
    assert len(bad) == 1 and bad[0].name == "blocs.txt"
    assert bad[0].found.startswith(f"line {line}: 'Kazakstan' in [")
    assert "did you mean 'Kazakhstan'?" in bad[0].fix


KIT = "idn-2016-10-31-un-regional-bodies"


def test_gold_annotation_with_an_unknown_speaker(broken, monkeypatch):
    gold = broken / "articles" / f"{KIT}.gold.tsv"
    text = gold.read_text(encoding="utf-8")
    assert "\tUkraine; United States\t" in text
    gold.write_text(text.replace("\tUkraine; United States\t", "\tUkraine; USA\t"), encoding="utf-8")
    monkeypatch.setenv("HELPERS_DATA", str(broken))
    bad = [c for c in check_data_files() if not c.ok]
    assert [c.name for c in bad] == [f"articles/{gold.name}"]
    assert "'USA' is not in the speaker registry" in bad[0].found and "speakers.csv" in bad[0].fix


def test_a_speaks_for_group_nothing_knows_is_named_with_its_line(broken, monkeypatch):
    registry = broken / "articles" / f"{KIT}.speakers.csv"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace(",official,CSTO,", ",official,CTSO,", 1), encoding="utf-8")
    line = next(n for n, l in enumerate(registry.read_text(encoding="utf-8").split("\n"), 1) if ",CTSO," in l)
    monkeypatch.setenv("HELPERS_DATA", str(broken))
    bad = [c for c in check_data_files() if not c.ok]
    assert [c.name for c in bad] == [f"articles/{registry.name}"]
    assert bad[0].found.startswith(f"line {line}: speaks_for 'CTSO'") and "organizations = [" in bad[0].fix


def test_a_speaker_the_article_never_names_is_reported(broken, monkeypatch):
    registry = broken / "articles" / f"{KIT}.speakers.csv"
    with open(registry, "a", encoding="utf-8") as f:
        f.write("Jane Roe,Representative of Utopia,Utopia,,national,member states,she,\n")
    monkeypatch.setenv("HELPERS_DATA", str(broken))
    bad = [c for c in check_data_files() if not c.ok]
    assert [c.name for c in bad] == [f"articles/{registry.name}"]
    assert "'Jane Roe' never occurs in the article" in bad[0].found and "delete the row" in bad[0].fix


def test_bundle_files_with_no_article_and_an_article_with_no_speakers(broken, monkeypatch):
    articles = broken / "articles"
    (articles / f"{KIT}.speakers.csv").rename(articles / "typo.speakers.csv")
    monkeypatch.setenv("HELPERS_DATA", str(broken))
    bad = {c.name: c for c in check_data_files() if not c.ok}
    assert "speaker list with no article of the same name" in bad["articles/typo.speakers.csv"].found
    assert "no speaker list" in bad[f"articles/{KIT}.speakers.csv"].found
    assert "new-article" in bad[f"articles/{KIT}.speakers.csv"].fix


def test_the_older_layout_still_works_and_says_how_to_move(broken, monkeypatch):
    from helpers import attribute, evaluate_attribution, load_article

    articles = broken / "articles"
    (articles / f"{KIT}.speakers.csv").rename(broken / "speakers.csv")
    (broken / "gold").mkdir(exist_ok=True)
    (articles / f"{KIT}.gold.tsv").rename(broken / "gold" / f"{KIT}.attribution.tsv")
    monkeypatch.setenv("HELPERS_DATA", str(broken))
    checks = {c.name: c for c in check_data_files()}
    assert checks["speakers.csv"].ok and "copy the lines" in checks["speakers.csv"].found
    assert checks[f"gold/{KIT}.attribution.tsv"].ok and f"articles/{KIT}.gold.tsv" in checks[f"gold/{KIT}.attribution.tsv"].found
    article = load_article(KIT)
    assert attribute(article)[15].speakers == ("Ukraine", "United States")
    assert evaluate_attribution(article).n == 71


def test_speech_cues_are_read_as_the_rules_read_them(broken, monkeypatch):
    from helpers.speakers.grammar import load_cues

    with open(broken / "speakers.cues.txt", "a", encoding="utf-8") as f:
        f.write("SAID\n")
    monkeypatch.setenv("HELPERS_DATA", str(broken))
    check = next(c for c in check_data_files() if c.name == "speakers.cues.txt")
    assert check.ok and check.found.startswith(f"{len(load_cues(broken / 'speakers.cues.txt'))} speech cues;")
    assert "'SAID' on lines" in check.found


# --- the doctor never crashes, and fails on what makes the kit wrong ---------------------------

from os_faults import make_unreadable, symlink_loop  # noqa: E402  (a fixture and a helper)


def test_an_exception_in_one_check_is_a_line_not_a_crash(broken, monkeypatch):
    doctor_module = sys.modules["helpers.doctor"]  # helpers.doctor is also the function's name

    def boom(*args):
        raise RuntimeError("the widget registry is broken")

    monkeypatch.setattr(doctor_module, "_check_widgets", boom)
    monkeypatch.setattr(doctor_module, "_check_articles", boom)
    monkeypatch.setenv("HELPERS_DATA", str(broken))
    checks = doctor()
    bad = {c.name: c for c in checks if not c.ok}
    assert set(bad) == {"widgets", "articles/"}
    assert "RuntimeError: the widget registry is broken" in bad["widgets"].found
    assert {"Python", "NLTK", "themes.txt", "speakers.cues.txt"} <= {c.name for c in checks if c.ok}


def test_the_doctor_survives_an_unreadable_articles_folder(broken, monkeypatch, make_unreadable):
    monkeypatch.setenv("HELPERS_DATA", str(broken))
    make_unreadable(broken / "articles")
    bad = {c.name: c for c in check_data_files() if not c.ok}
    assert "articles/" in bad and "not allowed to read this folder" in bad["articles/"].found
    assert "chmod" in bad["articles/"].fix


def test_the_doctor_explains_an_unreadable_data_file(broken, monkeypatch, make_unreadable):
    monkeypatch.setenv("HELPERS_DATA", str(broken))
    make_unreadable(broken / "aliases.txt")
    bad = [c for c in check_data_files() if not c.ok]
    assert bad and bad[0].name == "aliases.txt" and "permission denied" in bad[0].found


def test_the_doctor_explains_helpers_data_pointing_at_a_symlink_loop(tmp_path):
    result = run_doctor(symlink_loop(tmp_path / "data"))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "✗ data folder:" in result.stdout and "symbolic link that leads back to itself" in result.stdout


def test_an_empty_cue_list_fails_the_doctor(broken):
    (broken / "speakers.cues.txt").write_text("# all cues deleted\n", encoding="utf-8")
    result = run_doctor(broken)
    assert result.returncode == 1
    assert "✗ speakers.cues.txt: speakers.cues.txt: the file lists no speech cue" in result.stdout


def test_an_empty_theme_lexicon_fails_the_doctor(broken, monkeypatch):
    (broken / "themes.txt").write_text("# no theme yet\n", encoding="utf-8")
    monkeypatch.setenv("HELPERS_DATA", str(broken))
    bad = [c for c in check_data_files() if not c.ok]
    assert [c.name for c in bad] == ["themes.txt"] and "holds no themes" in bad[0].found


def test_an_empty_or_self_contradicting_gold_file_fails_the_doctor(broken, monkeypatch):
    gold = broken / "articles" / f"{KIT}.gold.tsv"
    text = gold.read_text(encoding="utf-8")
    line = "15\tUkraine; United States\tindirect speech\tThe representatives of Ukraine and\t"
    assert line in text
    gold.write_text(text.replace(line, line + "\n" + line.replace("Ukraine; ", "")), encoding="utf-8")
    monkeypatch.setenv("HELPERS_DATA", str(broken))
    bad = [c for c in check_data_files() if not c.ok]
    assert [c.name for c in bad] == [f"articles/{gold.name}"] and "annotated twice" in bad[0].found
    gold.write_text("sentence\tspeakers\tkind\tbegins\tnote\n", encoding="utf-8")
    bad = [c for c in check_data_files() if not c.ok]
    assert [c.name for c in bad] == [f"articles/{gold.name}"] and "no annotation" in bad[0].found


def test_a_term_shared_by_two_themes_is_not_called_a_repeat(broken, monkeypatch):
    themes = broken / "themes.txt"
    text = themes.read_text(encoding="utf-8")
    assert "\n[Drugs & trafficking]\n" in text and "\nterror*\n" in text
    # terror* is a term of its own theme; writing it under another theme too is allowed
    themes.write_text(text.replace("\n[Drugs & trafficking]\n", "\n[Drugs & trafficking]\nterror*\n"),
                      encoding="utf-8")
    monkeypatch.setenv("HELPERS_DATA", str(broken))
    check = next(c for c in check_data_files() if c.name == "themes.txt")
    assert check.ok and "repeat" not in check.found
    # the same term twice under one theme is a repeat
    themes.write_text(text.replace("\n[Drugs & trafficking]\n", "\n[Drugs & trafficking]\nopium\nopium\n"),
                      encoding="utf-8")
    check = next(c for c in check_data_files() if c.name == "themes.txt")
    assert check.ok and "repeated (harmless" in check.found and "under [Drugs & trafficking]" in check.found


def test_the_doctor_refuses_a_chrome_pattern_that_cannot_finish_on_the_text(broken):
    toml = broken / "articles" / f"{KIT}.toml"
    pattern = "(.*)" * 8 + "x"  # finishes on each line, not on the whole text
    toml.write_text(toml.read_text(encoding="utf-8") + f"\n[chrome]\npatterns = ['{pattern}']\n", encoding="utf-8")
    result = run_doctor(broken)
    assert result.returncode == 1, result.stdout
    assert f"✗ articles/{KIT}.toml: {KIT}.toml, line" in result.stdout
    assert f"the [chrome] pattern '{pattern}' took more than 1 s" in result.stdout
    assert "fix: write the pattern without nested repeats" in result.stdout


# --- the doctor sees what the lessons see ---------------------------------------------------

def _bad(folder, monkeypatch):
    monkeypatch.setenv("HELPERS_DATA", str(folder))
    return {c.name: c for c in check_data_files() if not c.ok}


@pytest.mark.parametrize("settings, line, words", [
    ('articel = "idn-2016-10-31-un-regional-bodies"\n', 1, ("'articel' is not one the kit knows", "did you mean 'article'")),
    ('Article = "idn-2016-10-31-un-regional-bodies"\n', 1, ("'Article'", "did you mean 'article'")),
    ('[course]\narticle = "unnews-2017-07-19-un-au-cooperation"\n', 1, ("[course]", "delete the line [course]")),
    ('article = "idn-2016-10-31-un-regional-bodies"\ncolour = "blue"\n', 2, ("'colour'", "the only setting")),
    ("article = 5\n", 1, ("not 5",)),
    ('article = "idn-2016\n', 1, ("not valid TOML",)),
])
def test_a_course_toml_the_lessons_cannot_use_fails_the_doctor(broken, settings, line, words):
    (broken / "course.toml").write_text(settings, encoding="utf-8")
    result = run_doctor(broken)
    assert result.returncode == 1, result.stdout
    assert f"✗ course.toml: course.toml, line {line}:" in result.stdout
    for word in words:
        assert word in result.stdout


def test_a_course_toml_naming_no_article_or_that_is_a_folder_fails_the_doctor(broken, monkeypatch):
    (broken / "course.toml").write_text('article = "idn-2016-10-13-un-regional-bodies"\n', encoding="utf-8")
    bad = _bad(broken, monkeypatch)
    assert "there is no article called so" in bad["course.toml"].found
    assert "did you mean 'idn-2016-10-31-un-regional-bodies'" in bad["course.toml"].fix
    (broken / "course.toml").unlink()
    (broken / "course.toml").mkdir()
    assert "this is a folder, not a file" in _bad(broken, monkeypatch)["course.toml"].found


def test_unknown_settings_in_course_toml_stop_the_lesson_with_a_message(broken, monkeypatch):
    from helpers import DataFileError, current_article

    monkeypatch.setenv("HELPERS_DATA", str(broken))
    monkeypatch.delenv("HELPERS_ARTICLE", raising=False)
    (broken / "course.toml").write_text('articel = "unnews-2017-07-19-un-au-cooperation"\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="did you mean 'article'"):
        current_article()


def test_articles_files_the_kit_cannot_use_are_named(broken, monkeypatch):
    articles = broken / "articles"
    (articles / f"{KIT}.txt").rename(articles / "Report.TXT")
    (articles / "my report.txt").write_text("A title\n\nThe Council met.\n", encoding="utf-8")
    bad = _bad(broken, monkeypatch)
    assert "case matters" in bad["articles/Report.TXT"].found and bad["articles/Report.TXT"].fix == "rename it to Report.txt"
    assert "has a space in it" in bad["articles/my report.txt"].found and "my-report.txt" in bad["articles/my report.txt"].fix


def test_an_alias_list_with_no_entry_fails_the_doctor(broken, monkeypatch):
    (broken / "aliases.txt").write_text("# organizations, one a line\n", encoding="utf-8")
    bad = _bad(broken, monkeypatch)
    assert "holds no organizations" in bad["aliases.txt"].found


@pytest.mark.parametrize("kind", ["speakers.csv", "gold.tsv"])
@pytest.mark.parametrize("fault", ["folder", "loop"])
def test_a_speaker_list_or_gold_that_is_a_folder_or_a_loop_fails_the_doctor(broken, monkeypatch, kind, fault):
    path = broken / "articles" / f"{KIT}.{kind}"
    if fault == "folder":
        path.unlink()
        path.mkdir()
    else:
        symlink_loop(path)
    bad = _bad(broken, monkeypatch)
    assert ("folder, not a file" if fault == "folder" else "loop") in bad[f"articles/{path.name}"].found


def test_a_speaker_list_that_is_a_folder_stops_the_lesson_with_a_message(broken, monkeypatch):
    from helpers import DataFileError, load_article
    from helpers.speakers import load_speakers

    path = broken / "articles" / f"{KIT}.speakers.csv"
    path.unlink()
    path.mkdir()
    monkeypatch.setenv("HELPERS_DATA", str(broken))
    with pytest.raises(DataFileError, match="folder, not a file"):
        load_speakers(load_article())


def test_a_gold_with_lines_missing_fails_the_doctor_unless_partial(broken, monkeypatch):
    gold = broken / "articles" / f"{KIT}.gold.tsv"
    lines = gold.read_text(encoding="utf-8").split("\n")
    first = next(i for i, l in enumerate(lines) if l[:1].isdigit())
    kept = lines[:first + 19] + [""]  # the first 19 sentences only
    gold.write_text("\n".join(kept), encoding="utf-8")
    bad = _bad(broken, monkeypatch)
    assert bad[f"articles/{gold.name}"].found.startswith("19 of 71 sentences annotated: sentences 19, 20")
    assert "# partial" in bad[f"articles/{gold.name}"].fix
    gold.write_text("# partial: the first 19 sentences\n" + "\n".join(kept), encoding="utf-8")
    assert f"articles/{gold.name}" not in _bad(broken, monkeypatch)


def test_a_gold_line_cut_short_fails_the_doctor(broken, monkeypatch):
    gold = broken / "articles" / f"{KIT}.gold.tsv"
    text = gold.read_text(encoding="utf-8")
    line = "15\tUkraine; United States\tindirect speech\tThe representatives of Ukraine and\t"
    cut = "15\tUkraine; United States\tindirect speech\tThe representatives of Ukr"
    gold.write_text(text.replace(line, cut), encoding="utf-8")
    bad = _bad(broken, monkeypatch)
    assert "4 columns, not 5: the line looks cut short" in bad[f"articles/{gold.name}"].found


# --- a gold file that would flatter the rules -------------------------------------------------

REPORT_FOR_DRAFT = ROOT / "tests" / "reports" / "dev" / "xinhua-2019-03-07-osce-briefing.txt"


def _drafted(broken, monkeypatch):
    from helpers.scaffold import new_article

    monkeypatch.setenv("HELPERS_DATA", str(broken))
    result = new_article(REPORT_FOR_DRAFT, "drafted-osce", data=broken)
    return result, broken / "articles" / "drafted-osce.gold.tsv"


def test_the_doctor_fails_on_new_articles_unedited_draft_gold(broken, monkeypatch):
    result, gold = _drafted(broken, monkeypatch)
    assert "drafted-osce.gold.tsv" in result.written
    run = run_doctor(broken)
    assert run.returncode == 1, run.stdout
    assert "drafted-osce.gold.tsv" in run.stdout and "still the kit's draft" in run.stdout
    assert "delete the 'guess:' notes" in run.stdout
    # the header deleted but the lines left as the kit guessed them: still a draft
    lines = [l for l in gold.read_text(encoding="utf-8").split("\n") if not l.startswith("# DRAFT")
             and not l.startswith("# speaker list") and not l.startswith("# and kind")]
    gold.write_text("\n".join(lines), encoding="utf-8")
    bad = _bad(broken, monkeypatch)
    assert "still the kit's draft" in bad["articles/drafted-osce.gold.tsv"].found


def test_evaluate_attribution_refuses_a_draft_gold(broken, monkeypatch):
    from helpers import DataFileError, evaluate_attribution, load_article

    _drafted(broken, monkeypatch)
    with pytest.raises(DataFileError, match="the kit's draft, not an annotation made by reading"):
        evaluate_attribution(load_article("drafted-osce"))


def test_every_bad_gold_line_is_listed_and_a_gone_sentence_is_to_be_deleted(broken, monkeypatch):
    from helpers import DataFileError, load_article, load_gold

    gold = broken / "articles" / f"{KIT}.gold.tsv"
    lines = gold.read_text(encoding="utf-8").split("\n")
    numbers = [i for i, l in enumerate(lines) if l[:1].isdigit()]
    for i in numbers[3], numbers[7]:
        cells = lines[i].split("\t")
        lines[i] = "\t".join(cells[:3] + ["Photo: the page's caption, removed as clutter"] + cells[4:])
    gold.write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.setenv("HELPERS_DATA", str(broken))
    with pytest.raises(DataFileError) as err:
        load_gold(load_article())
    message = str(err.value)
    assert "2 lines are wrong" in message
    assert f"line {numbers[3] + 1}:" in message and f"line {numbers[7] + 1}:" in message
    assert message.count("delete this line") == 2
