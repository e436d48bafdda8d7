"""One grammar of reporting: the scaffold that finds speakers and the rules that attribute
sentences read one cue list, one vocabulary of titles and roles, one name recogniser."""

import ast
from pathlib import Path

import pytest

from helpers import analyse, attribute, load_article, load_speakers
from helpers.scaffold import _found, suggest_speakers
from helpers.speakers import grammar

ROOT = Path(__file__).resolve().parent.parent
READERS = [ROOT / "helpers" / "scaffold.py", ROOT / "helpers" / "speakers" / "rules.py"]
#: The grammar's vocabulary: constants of ``grammar`` (upper-case names) and its functions.
VOCABULARY = {n for n in vars(grammar) if n.isupper()} | set(grammar.__all__)


def module_names(path: Path) -> set[str]:
    """Names a module binds at its top level, a leading underscore dropped."""
    names = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        for t in targets:
            if isinstance(t, ast.Name):
                names.add(t.id.lstrip("_"))
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name.lstrip("_"))
    return names


@pytest.mark.parametrize("path", READERS, ids=lambda p: p.name)
def test_neither_reader_keeps_a_grammar_of_its_own(path):
    own = module_names(path) & VOCABULARY
    assert not own, f"{path.name} defines {sorted(own)} again: import them from helpers.speakers.grammar"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    reads = {getattr(n.func, "id", getattr(n.func, "attr", None)) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    assert not reads & {"read_wordlist", "load_cues"}, f"{path.name} reads the cue file itself"
    imported = {a.name for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("grammar") for a in node.names}
    assert imported, f"{path.name} does not read the grammar"


def test_the_check_finds_a_vocabulary_defined_again(tmp_path):
    planted = tmp_path / "reader.py"
    planted.write_text('_HONORIFICS = ("Mr.", "Ms.")\nBETWEEN_WORDS = "also"\n', encoding="utf-8")
    assert module_names(planted) & VOCABULARY == {"HONORIFICS", "BETWEEN_WORDS"}


@pytest.fixture
def cues_without_said(data_copy):
    path = data_copy / "speakers.cues.txt"
    path.write_text("\n".join(l for l in path.read_text(encoding="utf-8").split("\n") if l.strip() != "said"),
                    encoding="utf-8")
    return path


def test_one_cue_file_reaches_the_finder_and_the_rules(article, cues_without_said):
    """Take "said" out of the cue list: the scaffold stops finding the speakers it found by "X said",
    and the rules stop attributing "Ban said …"."""
    after = load_article(article.path)
    evidence = {s.name: how for s, how, _ in _found(after)}
    # "Rashid Alimov, Secretary-General of the SCO, said": no longer his evidence (a later "he" may be)
    assert not any("'said'" in why for _, why in evidence.get("Rashid Alimov", ()))
    ban_said = [a for a in attribute(after) if a.sentence.text.startswith("Ban said")]
    assert ban_said and ban_said[0].cue != "said"


def test_the_finder_with_the_kits_cues_finds_them(article):
    found = {s.name for s in suggest_speakers(article)}
    assert {"Rashid Alimov", "Maleeha Lodhi"} <= found
    ban_said = [a for a in attribute(article) if a.sentence.text.startswith("Ban said")]
    assert ban_said[0].cue == "said" and ban_said[0].speakers == ("Ban Ki-moon",)


def test_a_subject_the_list_lacks_is_named_by_the_name_recogniser(article):
    """The kit's article with Ban Ki-moon left out of its speaker list: the rules say who the
    subject is and that the list lacks them, rather than giving his words to someone else."""
    own = analyse(article, speakers=[s for s in load_speakers(article) if s.name != "Ban Ki-moon"])
    lede = attribute(own)[0]
    assert "Secretary-General Ban Ki-moon has told" in lede.sentence.text
    assert lede.speakers == () and "'Ban Ki-moon', a name not in the speaker list" in lede.evidence


def test_a_weekday_may_stand_between_a_subject_and_its_cue():
    """"A Chinese envoy Tuesday called on …" (Xinhua's style): the weekday is no subject."""
    import re

    between = re.compile(rf"envoy(?:\s+(?:{grammar.BETWEEN_WORDS}))*\s+called")
    assert between.search("A Chinese envoy Tuesday called on the Council")
    assert between.search("the envoy on Tuesday also called")
    assert not between.search("the envoy Council called")


def test_the_cue_file_says_which_cues_report_a_belief():
    kinds = grammar.cue_kinds()
    assert kinds["believed"] == grammar.BELIEF and kinds["said"] != grammar.BELIEF


def test_what_a_group_believes_inside_a_speech_is_the_speakers_account(article):
    """"Members of the organization believed …" inside Rashid Alimov's paragraph is his account of
    them; "UN diplomats said" is the group's own voice (tests/test_fresh_reports.py)."""
    members = attribute(article)[30]
    assert members.sentence.text.startswith("Members of the organization believed")
    assert members.speakers == ("Rashid Alimov",) and "'believed' says what the speaker reports" in members.evidence


def test_a_bare_initial_starts_a_name_but_never_an_article():
    """"External Affairs Minister, S Jaishankar told …" (India News Network, 2021)."""
    runs = [[w.base for w in run] for run in grammar.name_runs("Minister, S Jaishankar told A Chinese envoy")]
    assert ["S", "Jaishankar"] in runs and ["A", "Chinese"] not in runs
    assert [[w.base for w in r] for r in grammar.name_runs("H.E Mahamoud Ali Youssouf")][-1][-3:] == \
        ["Mahamoud", "Ali", "Youssouf"]


def test_the_finder_finds_a_speaker_named_with_a_bare_initial():
    report = load_article(ROOT / "tests" / "reports" / "heldout"
                          / "indianewsnetwork-2021-04-20-jaishankar-regional-organizations.txt")
    assert any(s.name.endswith("Jaishankar") for s in suggest_speakers(report))


def test_an_introducer_reaches_a_name_over_title_words_only():
    from helpers.speakers.rules import _rules

    rules = _rules(tuple(load_speakers(load_article())), grammar.load_cues())
    assert rules.introduced.search("Briefing by the Chairperson-in-Office ")
    assert rules.introduced.search("In a statement by UN Secretary-General ")
    assert not rules.introduced.search("In a briefing by several junior officials ")


def test_the_finder_reads_the_words_between_a_name_and_its_cue_as_the_rules_do(article):
    """Only lower-case words stand between ("today", "strongly"): "Italy" is no adverb."""
    from helpers.scaffold import _Finder

    after = _Finder(article).after
    assert after.match(" today strongly said so") and after.match(" on Tuesday said so")
    assert not after.match(" Italy said so")
