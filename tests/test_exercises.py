"""Exercises: the notebooks, the question bank, grading and hints, on the real article.

The tests follow whatever exercise notebooks and check files exist: a topic an
instructor adds (exercises/source/NN-topic.ipynb with exercises/checks/topic.py) is
tested like the kit's own. Progress storage and the notebook builder have their own
files (test_exercise_progress.py, test_exercise_builder.py).
"""

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import helpers
from helpers import check, grade, hints, next_hint, progress, questions, show_hints
from helpers import exercises as ex
from helpers.exercises import bank as bank_module
from helpers.exercises.compare import kind, plain, same
from helpers.exercises.grading import _fill
from helpers.exercises.mistakes import mistake_hint

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = ROOT / "exercises"
SOURCES = sorted((EXERCISES / "source").glob("*.ipynb"))
BANK = ex.load_questions()
KIT = helpers.DEFAULT_ARTICLE
FOR_ONE_ARTICLE = [qid for qid, q in BANK.items() if q.article is not None]


@pytest.fixture(autouse=True)
def own_progress_file(tmp_path, monkeypatch):
    """Every test records progress in its own throw-away file."""
    path = tmp_path / "progress" / "progress.json"
    monkeypatch.setenv("HELPERS_PROGRESS", str(path))
    return path


def _topic(path: Path) -> str:
    return path.stem.split("-", 1)[1]


def _run_cells(path: Path) -> list:
    """Run a notebook's code cells in one namespace; return every Feedback a cell gave."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    results, ns = [], {}
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        code = "".join(cell["source"])
        exec(compile(code, str(path), "exec"), ns)  # noqa: S102 - the kit's own notebooks
        if "check" in ns and not getattr(ns["check"], "recording", False):
            real = ns["check"]

            def recording(qid, answer=..., _real=real):
                results.append(_real(qid, answer))
                return results[-1]

            recording.recording = True
            ns["check"] = recording
    return results


def _cell_before_check(source: Path, qid: str) -> str:
    """The markdown cell just before the code cell that checks ``qid``: the question's text."""
    cells = json.loads(source.read_text(encoding="utf-8"))["cells"]
    for i, cell in enumerate(cells):
        if cell["cell_type"] == "code" and f'check("{qid}"' in "".join(cell["source"]):
            return "".join(cells[i - 1]["source"]) if i and cells[i - 1]["cell_type"] == "markdown" else ""
    raise AssertionError(f"no cell of {source.name} checks {qid}")


# --- the notebooks, whatever topics exist ------------------------------------------------

def test_every_exercise_notebook_has_a_check_file_and_every_check_file_a_notebook():
    assert SOURCES, "no exercise notebook in exercises/source/"
    notebooks = [_topic(p) for p in SOURCES]
    check_files = sorted(p.stem for p in (EXERCISES / "checks").glob("*.py") if not p.name.startswith("_"))
    assert sorted(notebooks) == check_files
    assert [p.name[:2] for p in SOURCES] == sorted(p.name[:2] for p in SOURCES) and all(
        p.name[:2].isdigit() for p in SOURCES), "sources are numbered NN-topic.ipynb"
    for topic in notebooks:
        assert questions(topic), f"exercises/checks/{topic}.py defines no question"


def test_committed_student_notebooks_equal_freshly_generated_ones(tmp_path):
    shutil.copytree(EXERCISES / "source", tmp_path / "source")
    (tmp_path / "source" / ex.MANIFEST).unlink()
    report = ex.build(tmp_path)
    assert [action for _, action in report] == ["written"] * len(SOURCES)
    for src in SOURCES:
        fresh = (tmp_path / src.name).read_bytes()
        assert (EXERCISES / src.name).read_bytes() == fresh, f"run `make exercises`: {src.name} is stale"
    committed = json.loads((EXERCISES / "source" / ex.MANIFEST).read_text())
    fresh = json.loads((tmp_path / "source" / ex.MANIFEST).read_text())
    # what the record says of each student notebook; an entry for an old NAME.new.ipynb is no concern here
    assert {src.name: committed.get(src.name) for src in SOURCES} == fresh


def test_building_the_kit_again_changes_nothing():
    assert ex.build(dry_run=True) == [(p.name, "up to date") for p in SOURCES]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_every_solution_passes_every_check(source):
    results = _run_cells(source)
    assert [f.qid for f in results] == questions(_topic(source)), "each question checked once, in order"
    assert [f.status for f in results] == ["correct"] * len(results), [str(f) for f in results if not f]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_every_student_notebook_runs_unanswered(source, own_progress_file):
    student = EXERCISES / source.name
    results = _run_cells(student)
    assert [f.qid for f in results] == questions(_topic(source))
    for f in results:
        assert f.status == "unanswered" and ex.NOT_ANSWERED in f.message, str(f)
    assert not own_progress_file.exists(), "an unanswered check records nothing"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_student_copies_hold_no_solution(source):
    nb = json.loads(source.read_text(encoding="utf-8"))
    student = (EXERCISES / source.name).read_text(encoding="utf-8")
    assert ex.BEGIN not in student and ex.END not in student
    for cell in nb["cells"]:
        code = "".join(cell["source"])
        inside = False
        for line in code.split("\n"):
            if line.strip() in (ex.BEGIN, ex.END):
                inside = line.strip() == ex.BEGIN
            elif inside and line.strip():
                assert json.dumps(line)[1:-1] not in student, f"{source.name} leaks {line!r}"


@pytest.mark.parametrize("qid", FOR_ONE_ARTICLE)
def test_a_question_for_one_article_says_so_in_its_text(qid):
    question = BANK[qid]
    source = next(p for p in SOURCES if _topic(p) == question.topic)
    text = _cell_before_check(source, qid)
    said = "the kit's article" if question.article == KIT else helpers.load_article(question.article).title
    assert said in text, f"{source.name}: the text of {qid} should say it is about {said}"


def test_the_kits_questions_say_which_belong_to_its_article():
    # some of the kit's questions are about its own article, and the others work on any article
    assert FOR_ONE_ARTICLE and len(FOR_ONE_ARTICLE) < len(BANK)
    assert {BANK[q].article for q in FOR_ONE_ARTICLE} == {KIT}


# --- on another article -------------------------------------------------------------------

#: The articles other than the kit's that data/articles/ bundles: the exercises run on each.
OTHER_ARTICLES = [name for name in helpers.list_articles() if name != KIT]


def test_there_are_other_articles_to_run_the_exercises_on():
    assert OTHER_ARTICLES, "data/articles/ bundles no article but the kit's"


@pytest.fixture(params=OTHER_ARTICLES)
def another_article(request, monkeypatch):
    """The course switched to an article other than the kit's (HELPERS_ARTICLE), by name."""
    monkeypatch.setenv("HELPERS_ARTICLE", request.param)
    assert helpers.current_article() == request.param and helpers.load_article().name == request.param
    return request.param


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_every_exercise_notebook_runs_on_another_article(source, another_article, own_progress_file):
    results = _run_cells(source)
    assert [f.qid for f in results] == questions(_topic(source))
    for f in results:
        question = BANK[f.qid]
        if question.article is not None:
            assert f.status == "not judged" and "cannot judge your answer" in f.message, str(f)
            assert f'the current article is "{helpers.load_article().title}"' in f.message
        elif f.status == "not judged":  # only when its right answer, or a good one, cannot be computed here
            with pytest.raises(helpers.DataFileError):
                if question.expected is not None:
                    bank_module.call(question, "expected answer", question.expected)
                else:
                    bank_module.call(question, "example", question.example)
        else:
            assert f.status == "correct", str(f)
    recorded = progress()
    assert not set(recorded) & set(FOR_ONE_ARTICLE), "nothing recorded for a question that was not judged"
    assert all(entry["status"] == "done" for entry in recorded.values())
    for f in _run_cells(EXERCISES / source.name):
        assert f.status == "unanswered", str(f)


def test_a_question_for_the_kits_article_is_not_judged_on_another(another_article, own_progress_file):
    qid = FOR_ONE_ARTICLE[0]
    kit_answer = BANK[qid].expected(helpers.load_article(KIT)) if BANK[qid].expected else 1
    for answer in (kit_answer, "surely wrong", None):
        f = check(qid, answer)
        assert f.status == "not judged" and not f and str(f).startswith("○ ")
        assert f'written for the kit\'s article "{helpers.load_article(KIT).title}"' in f.message
        assert f"HELPERS_ARTICLE={KIT}" in f.message
    assert not own_progress_file.exists(), "nothing recorded, neither right nor wrong"
    assert "(for another article)" in ex.show_progress()


def test_the_checks_are_valid_on_the_kits_article_and_only_noted_on_another(another_article):
    notes = [note for q in BANK.values() for note in ex.validate_question(q)]
    assert all(note.startswith(f"on the article {another_article!r}, ") for note in notes)


# --- hints for wrong answers ------------------------------------------------------------

WRONGS = [(qid, n, w) for qid, q in BANK.items() for n, w in enumerate(q.wrong, start=1) if not q.is_code]
WRONG_FUNCTIONS = [(qid, n, w) for qid, q in BANK.items() for n, w in enumerate(q.wrong, start=1) if q.is_code]


@pytest.mark.parametrize("qid,n,wrong", WRONG_FUNCTIONS, ids=[f"{q}-wrong{n}" for q, n, _ in WRONG_FUNCTIONS])
def test_each_common_wrong_function_gets_its_own_hint(qid, n, wrong):
    feedback = grade(qid, wrong.function)
    assert feedback.status == "wrong" and feedback.message.startswith("on the case ")
    assert feedback.message.endswith(wrong.hint), feedback.message


@pytest.mark.parametrize("qid,n,wrong", WRONGS, ids=[f"{q}-wrong{n}" for q, n, _ in WRONGS])
def test_each_common_wrong_answer_gets_its_own_hint(qid, n, wrong):
    question = BANK[qid]
    value = bank_module.wrong_value(question, wrong)
    feedback = grade(qid, value)
    assert feedback.status == "wrong"
    assert feedback.message == _fill(question, wrong.hint, value, None if question.accept else
                                     question.expected(helpers.load_article()))


@pytest.mark.parametrize("qid", list(BANK))
def test_every_question_is_valid_and_its_answer_computes(qid):
    q = BANK[qid]
    assert ex.validate_question(q) == []  # what `make exercises` runs first: every function called
    if q.is_code:
        assert grade(qid, q.solution).status == "correct"
    elif q.expected is not None:
        value = q.expected(bank_module.article_for(q))
        assert value is not None and grade(qid, value).status == "correct"
    else:
        assert grade(qid, bank_module.call(q, "example", q.example)).status == "correct"


def test_a_question_with_fewer_than_two_hints_is_refused_by_make_exercises(tmp_path, monkeypatch, capsys):
    _checks(tmp_path, monkeypatch, 'q1 = Question(\n    expected=lambda article: len(article.paragraphs),\n'
                                   '    explain="ok",\n    hints=["only one"],\n)\n')
    with pytest.raises(helpers.DataFileError, match="has 1 hint"):
        ex.validate_question(ex.load_questions()["mine.q1"])
    assert ex.main(["build", "--dry-run"]) == 1 and "at least 2" in capsys.readouterr().err


def test_the_typical_mistakes_named_in_the_brief(article):
    sco_acronym_only = sum("SCO" in s.text for s in article.sentences)
    assert "but not those that write 'Shanghai Cooperation Organization'" in grade("reading.q5", sco_acronym_only).message
    assert "forgot to lowercase" in grade("reading.q3", len(set(helpers.tokenize(article.text, lower=False)))).message
    assert "counted stopwords" in grade("frequency.q2", helpers.top_words(article, 5, stopwords=False)).message


# --- near misses ------------------------------------------------------------------------

def _question(**fields):
    fields.setdefault("explain", "ok")
    return ex.Question(**fields)


def test_a_full_name_where_the_key_is_asked_is_a_near_miss():
    # every organization of data/aliases.txt, by each of its other names
    q = _question(expected=lambda article: "", compare="text")
    aliases = helpers.load_aliases()
    for key, names in aliases.items():
        for name in names:
            if name.casefold() != key.casefold():
                said = mistake_hint(q, name, key)
                assert said.startswith(f"right organization, by another of its names ({name!r})"), (key, said)
                assert "its key" in said
    assert "right organization" not in mistake_hint(q, aliases["SCO"][0], "CIS"), "another organization"
    f = grade("frequency.q5", "Commonwealth of Independent States")
    assert f.status == "wrong" and "right organization" in f.message
    assert "right organization" in grade("frequency.q5", "the Commonwealth").message


def test_a_part_of_the_right_name_is_a_near_miss(article):
    first = helpers.attribute(article)[0].speakers[0]
    for part in first.replace("-", " ").split():
        f = grade("speakers.q2", part)
        assert f.status == "wrong" and f.message == f"{part!r} is part of the right answer, not all of it: give it in full."
    q = _question(expected=lambda article: "", compare="text")
    assert mistake_hint(q, "of", "Commonwealth of Independent States") == "not yet.", "a stopword alone is no near miss"
    assert "part of a name of the right organization" in mistake_hint(q, "Independent States", "CIS")
    assert "holds the right answer and more" in mistake_hint(q, f"{first}, the first speaker", first)


def test_another_name_of_the_same_speaker_is_a_near_miss():
    q = _question(expected=lambda article: "", compare="text")
    tried = 0
    for speaker in helpers.speakers():
        for alias in speaker.aliases:
            said = mistake_hint(q, alias, speaker.name)
            if set(alias.casefold().replace("-", " ").split()) <= set(speaker.name.casefold().replace("-", " ").split()):
                assert said.startswith(f"{alias!r} is part of the right answer"), (alias, said)
            else:
                assert said.startswith(f"right speaker, by another name ({alias!r})"), (alias, said)
            tried += 1
    assert tried, "the registry gives some speakers other names"


def test_capital_letters_where_lower_case_tokens_are_asked(article):
    top = helpers.top_words(article, 5)
    f = grade("frequency.q2", [(word.capitalize(), count) for word, count in top])
    assert f.message == "the right words, but with capital letters: the kit's words are lower-cased."
    q = _question(expected=lambda article: "")
    assert "lower-cased" in mistake_hint(q, "Cooperation", "cooperation")
    assert "lower-cased" not in mistake_hint(q, "cis", "CIS"), "the answer here is not lower-cased"
    # an open question: the answer would pass in small letters
    hyphenated = next(w for w in article.words if "-" in w)
    open_q = _question(accept=lambda answer, article: answer in article.words, example="the", hints=["a", "b"])
    assert mistake_hint(open_q, hyphenated.upper(), None) == \
        "that would be right in small letters: the kit's words are lower-cased."


OPEN = [qid for qid, q in BANK.items() if q.accept is not None]
OPEN_TYPES = [(qid, answer) for qid in OPEN for answer in (1, True, "a word", ["a", "list"])
              if kind(plain(answer)) != kind(plain(bank_module.call(BANK[qid], "example", BANK[qid].example)))]


@pytest.mark.parametrize("qid,answer", OPEN_TYPES, ids=[f"{q}-{a!r}" for q, a in OPEN_TYPES])
def test_an_open_question_answered_with_another_type_gets_the_type_explained(qid, answer):
    wanted = kind(plain(bank_module.call(BANK[qid], "example", BANK[qid].example)))
    f = grade(qid, answer)
    assert f.status == "wrong"
    if f.message in {w.hint for w in BANK[qid].wrong}:
        return  # the check file's own hint for this mistake comes first
    assert f.message.startswith(f"your answer is {kind(plain(answer))}") and wanted in f.message, f.message


def test_nan_is_not_a_number_not_too_low():
    for qid in ("reading.q1", "frequency.q5", "speakers.q6"):
        f = check(qid, float("nan"))
        assert f.status == "wrong" and f.message.startswith("your answer is nan ('not a number')"), str(f)
        assert "too low" not in f.message and "too high" not in f.message
    assert "infinite" in check("reading.q1", float("inf")).message


def test_a_function_not_called_is_explained(article):
    assert grade("reading.q2", len).message == "your answer is a function, not its result: call it, with ( ) after its name."
    assert "call it" in grade("frequency.q2", helpers.top_words).message


# --- feedback never raises, never hangs -------------------------------------------------------

def test_not_answered_yet():
    f = check("reading.q1", ...)
    assert f.status == "unanswered" and str(f).startswith("… reading.q1: not answered yet")
    assert check("reading.q1").status == "unanswered"


def test_none_wrong_type_unknown_ids():
    assert "None" in check("reading.q1", None).message
    assert check("reading.q1", "47").message == "your answer is the text '47'; give the number itself, without quotes."
    assert check("reading.q1", [47]).message == \
        "your answer is a list, but this question wants a number: count it with len(...)."
    assert check("frequency.q7", 3).message == "your answer is a number, but this question wants a pair, (first, second)."
    assert check("reading.q99", 1).status == "error" and "questions are reading.q1 to reading.q8" in check("reading.q99", 1).message
    assert "Did you mean 'reading.q1'" in check("reding.q1", 1).message
    assert "reading.q1, frequency.q1" in check("q1", 1).message
    assert "text in quotes" in check(1, 1).message
    assert check(None, 1).status == "error"


def test_strange_answer_objects_do_not_raise():
    class Awkward:
        def __eq__(self, other):
            raise RuntimeError("no comparing me")

    f = check("reading.q1", Awkward())
    assert f.status == "wrong" and "a Awkward, a kind of object the check does not compare" in f.message
    assert check("frequency.q8", object()).status == "wrong"
    looped = []
    looped.append(looped)
    assert "too deeply" in check("frequency.q2", looped).message


_HANGS = r'''
import json, time
from helpers import check, load_article
from helpers.exercises import grading
from helpers.exercises.grading import Feedback

class Stubborn:
    def __eq__(self, other):
        while True:
            pass
    __hash__ = object.__hash__

class StubbornInt(int):
    def __eq__(self, other):
        while True:
            pass
    __hash__ = int.__hash__

class StubbornText(str):
    def __eq__(self, other):
        while True:
            pass
    __hash__ = str.__hash__

article = load_article()
out = {}
start = time.monotonic()
out["eq"] = str(check("reading.q1", Stubborn()))
out["in a list"] = str(check("frequency.q2", [Stubborn()]))
out["int subclass"] = str(check("reading.q1", StubbornInt(len(article.paragraphs))))
out["text subclass"] = str(check("reading.q6", StubbornText("counter-terrorism")))
out["safe seconds"] = time.monotonic() - start
grading.TIME_LIMIT = 0.5
start = time.monotonic()
# hidden inside an object of the kit itself, which is compared as it is: the time limit stops it
s = next(s for s in article.sentences if "Afghanistan" in s.text)
out["timed"] = str(check("reading.q4", type(s)(s.index, s.paragraph, s.start, s.end, Stubborn())))
out["timed seconds"] = time.monotonic() - start
print(json.dumps(out))
'''


def test_an_answer_whose_comparison_never_returns_cannot_hang_the_kernel(tmp_path):
    # run apart, so that a regression fails this test instead of hanging the suite
    done = subprocess.run([sys.executable, "-c", _HANGS], capture_output=True, text=True, timeout=120,
                          cwd=ROOT, env={**__import__("os").environ, "HELPERS_PROGRESS": str(tmp_path / "p.json")})
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["eq"].startswith("✗ reading.q1: your answer is (or holds) a Stubborn")
    assert out["in a list"].startswith("✗ frequency.q2: your answer is (or holds) a Stubborn")
    assert out["int subclass"].startswith("✓ reading.q1"), "a subclass of int is read as the number it holds"
    assert out["text subclass"].startswith("✓ reading.q6")
    assert out["safe seconds"] < 30
    assert "took longer than 0.5 seconds" in out["timed"] and out["timed"].startswith("✗ reading.q4")
    assert out["timed seconds"] < 30


def test_the_time_limit_leaves_no_timer_behind():
    import signal

    from helpers.exercises.grading import time_limit

    before = signal.getsignal(signal.SIGALRM)
    with time_limit(5):
        pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) and signal.getsignal(signal.SIGALRM) is before


def test_equivalent_forms_of_a_right_answer_are_accepted(article):
    import numpy as np

    assert check("reading.q1", np.int64(len(article.paragraphs)))
    assert check("frequency.q2", tuple(tuple(p) for p in helpers.top_words(article, 5)))
    assert check("frequency.q7", ["united", "nations"])
    assert check("frequency.q5", "cis")  # compare = "text" ignores case
    assert not check("reading.q1", True)


def test_generic_hints_for_order_length_and_size(article):
    top = helpers.top_words(article, 5)
    assert grade("frequency.q2", top[::-1]).message == "the right items, but not in the right order."
    assert grade("frequency.q2", top[:4]).message == "your list has 4 items; the answer has 5."
    assert grade("reading.q1", len(article.paragraphs) - 1).message == "not quite: your number is too low."
    assert grade("reading.q1", len(article.paragraphs) + 1).message == "not quite: your number is too high."


def test_feedback_shows_as_text_and_html():
    f = check("reading.q1", 3)
    assert bool(f) is False and str(f).startswith("✗ reading.q1:")
    assert "reading.q1" in f._repr_html_() and "#D55E00" in f._repr_html_()


def test_counter_answers_compare_as_dicts():
    # a learner's Counter equals the FreqDist-derived answer when their items agree
    assert same(Counter({"a": 1}), {"a": 1}, "exact", 0)
    assert not same(Counter({"a": 1}), {"a": 2}, "exact", 0)


# --- check files --------------------------------------------------------------------------

def _checks(tmp_path, monkeypatch, body: str) -> Path:
    """A check file mine.py in a temporary exercises folder the kit uses."""
    (tmp_path / "checks").mkdir(exist_ok=True)
    path = tmp_path / "checks" / "mine.py"
    path.write_text("from helpers import top_words\nfrom helpers.exercises import Case, Question, Wrong\n\n" + body,
                    encoding="utf-8")
    monkeypatch.setenv("HELPERS_EXERCISES", str(tmp_path))
    return path


def test_the_check_files_are_python_modules_the_kit_imports():
    assert all(p.suffix == ".py" for p in (EXERCISES / "checks").iterdir()), "no __pycache__ beside the checks"
    q = BANK["reading.q1"]
    assert q.path == EXERCISES / "checks" / "reading.py" and q.key == "q1" and q.topic == "reading"
    assert q.source().startswith("q1 = Question(\n") and "expected=lambda article: len(article.paragraphs)" in q.source()
    assert repr(q) == f"<Question reading.q1: 'Paragraphs' (reading.py, line {q.line})>"


def test_a_question_written_in_a_new_check_file_works(tmp_path, monkeypatch, article):
    _checks(tmp_path, monkeypatch, 'top = Question(\n    expected=lambda article: top_words(article, 3),\n'
                                   '    compare="unordered",\n    explain="Right: {expected}.",\n'
                                   '    hints=["Use top_words.", "Three of them."],\n'
                                   '    wrong=[Wrong(when=lambda answer, article: answer == top_words(article, 2),\n'
                                   '                 example=lambda article: top_words(article, 2),\n'
                                   '                 hint="Three, not two.")],\n)\n'
                                   '_helper = Question(accept=lambda answer: True, example=1, explain="not a question")\n')
    assert ex.questions() == ["mine.top"], "names starting with _ are not questions"
    top = helpers.top_words(article, 3)
    assert check("mine.top", top[::-1]).message == f"Right: {top}.", "order does not matter"
    assert check("mine.top", helpers.top_words(article, 2)).message == "Three, not two."
    assert hints("mine.top") == ["Use top_words.", "Three of them."]
    assert ex.main(["build", "--dry-run"]) == 0


def test_a_check_file_can_mark_all_its_questions_for_one_article(tmp_path, monkeypatch):
    _checks(tmp_path, monkeypatch, f'article = "{KIT}"\n\n'
                                   'q1 = Question(expected=lambda article: 1, explain="ok", hints=["a", "b"])\n'
                                   'q2 = Question(expected=lambda article: 1, explain="ok", hints=["a", "b"], article="*")\n')
    bank = ex.load_questions()
    assert bank["mine.q1"].article == KIT and bank["mine.q2"].article is None


BROKEN = [
    ('q1 = Question(\n    expected=lambda article: len(article.paragraphs,\n    explain="ok",\n)\n',
     r"mine\.py, line \d: this is not valid Python", "closes its brackets"),
    ('q1 = Question(\n    expect=lambda article: 1,\n    explain="ok",\n)\n',
     r"mine\.py, line 4: question q1: Question\(\.\.\.\) has an unknown field 'expect'", "did you mean 'expected'?"),
    ('q1 = Question(\n    expected=lambda article: 1,\n    explain="ok",\n    wrong=[Wrong(answer=lambda article: 2, hnt="x")],\n)\n',
     r"mine\.py, line 7: question q1: Wrong\(\.\.\.\) has an unknown field 'hnt'", "did you mean 'hint'?"),
    ('q1 = Question(\n    expected=len(article.paragraphs),\n    explain="ok",\n)\n',
     r"mine\.py, line 5: question q1: the file stops with NameError: name 'article' is not defined",
     "lambda article"),
    ('q1 = Question(\n    expected=47,\n    explain="ok",\n)\n',
     r"mine\.py, line 4: question q1: expected=47 is a value, not a function", "expected=lambda article: ..."),
    ('q1 = Question(\n    expected=lambda a: len(a.paragraphs),\n    explain="ok",\n)\n',
     r"parameter named 'a'", "expected=lambda article: ..."),
    ('q1 = Question(\n    accept=lambda answer: True,\n    example=1,\n    explain="ok",\n    wrong=[Wrong(when=lambda answer: True, hint="x")],\n)\n',
     r"mine\.py, line 8: question q1: a wrong answer with when= has no example=", "add  example="),
    ('q1 = Question(\n    title="no answer",\n    explain="ok",\n)\n',
     r"needs exactly one of expected=, accept= or solution=", "accept=lambda answer"),
    ('q1 = Question(\n    solution=len,\n    cases=[Case("one", "a")],\n    explain="ok",\n)\n',
     r"mine\.py, line 4: question q1: a code question has 1 case\(s\)", 'Case("empty text", "")'),
    ('q1 = Question(\n    solution="len",\n    cases=[Case("a", "a"), Case("b", "b")],\n    explain="ok",\n)\n',
     r"question q1: solution='len' is a value, not a function", "solution=words_of"),
    ('q1 = Question(\n    expected=lambda article: 1,\n    cases=[Case("a", "a"), Case("b", "b")],\n    explain="ok",\n)\n',
     r"question q1: cases= belongs to code questions", "solution="),
    ('q1 = Question(\n    solution=len,\n    cases=[Case("a", "a"), Case("a", "b")],\n    explain="ok",\n)\n',
     r"question q1: two cases are named 'a'", "its own name"),
    ('q1 = Question(\n    solution=len,\n    cases=[Case("", "a"), Case("b", "b")],\n    explain="ok",\n)\n',
     r"question q1: a case's name '' is not a few words of text", 'Case("empty text"'),
    ('q1 = Question(\n    expected=lambda article: 1,\n    explain="ok",\n    wrong=[Wrong(function=len, hint="x")],\n)\n',
     r"question q1: a wrong answer gives function=, which belongs to code questions", "Wrong(answer="),
    ('q1 = Question(\n    accept=lambda answer: answer == 1,\n    explain="ok",\n)\n',
     r"mine\.py, line 4: question q1: an open question \(accept=\) has no example=", "one good answer"),
    ('q1 = Question(\n    expected=lambda article: 1,\n    explain="ok",\n    article=2016,\n)\n',
     r"question q1: article=2016 is not an article's name", 'article="idn-2016'),
    ('article = ["idn"]\n', r"mine\.py, line 4: the file's line  article =\['idn'\] is not an article's name",
     "without \".txt\""),
    ('from helpers import no_such_function\n', r"mine\.py, line 4: the file stops with ImportError", "from helpers import"),
]


@pytest.mark.parametrize("body,where,fix", BROKEN, ids=range(len(BROKEN)))
def test_a_broken_check_file_gives_its_line_and_fix_not_a_traceback(tmp_path, monkeypatch, body, where, fix):
    _checks(tmp_path, monkeypatch, body)
    with pytest.raises(helpers.DataFileError, match=where) as err:
        ex.load_questions()
    assert fix in err.value.fix
    f = check("mine.q1", 47)
    assert f.status == "error" and "mine.py" in f.message and fix in f.message
    assert check("reading.q1", 47).status == "error", "no question is checked against a broken bank"
    assert ex.main(["build", "--dry-run"]) == 1
    assert "cannot be read" in ex.show_progress()
    assert not (tmp_path / "checks" / "__pycache__").exists()


def test_a_function_that_fails_when_called_is_reported_with_its_line(tmp_path, monkeypatch, capsys):
    _checks(tmp_path, monkeypatch,
            'q1 = Question(\n    explain="ok",\n    expected=lambda article: len(article.paragraph),\n'
            '    hints=["a", "b"],\n)\n')
    f = check("mine.q1", 47)
    assert f.status == "error" and "this question's check is broken" in f.message
    assert "mine.py, line 6: the expected answer of question q1 failed: AttributeError" in f.message
    assert ex.main(["build", "--dry-run"]) == 1 and "line 6" in capsys.readouterr().err


def test_a_question_for_an_article_the_data_folder_lacks_is_reported(tmp_path, monkeypatch):
    _checks(tmp_path, monkeypatch, 'q1 = Question(expected=lambda article: 1, explain="ok", hints=["a", "b"],\n'
                                   f'              article="{KIT}x")\n')
    with pytest.raises(helpers.DataFileError, match=f"written for the article '{KIT}x', which is not in"):
        ex.validate_question(ex.load_questions()["mine.q1"])


@pytest.mark.parametrize("wrong,problem", [
    ('Wrong(answer=lambda article: len(article.paragraphs), hint="x")', "would be accepted as right"),
    ('Wrong(when=lambda answer: answer == 1, example=2, hint="x")', "does not pass its own when test"),
    ('Wrong(when=lambda answer: answer.upper() == "X", example=2, hint="x")',
     "when test of wrong answer 1 of question q1 failed: AttributeError"),
])
def test_make_exercises_calls_every_function_first(tmp_path, monkeypatch, capsys, wrong, problem):
    _checks(tmp_path, monkeypatch, f'q1 = Question(\n    expected=lambda article: len(article.paragraphs),\n'
                                   f'    explain="ok",\n    hints=["a", "b"],\n    wrong=[{wrong}],\n)\n')
    with pytest.raises(helpers.DataFileError, match=problem):
        ex.validate_question(ex.load_questions()["mine.q1"])
    assert ex.main(["build"]) == 1 and problem in capsys.readouterr().err
    assert not (tmp_path / "01-mine.ipynb").exists()


def test_an_open_questions_example_must_be_accepted(tmp_path, monkeypatch):
    _checks(tmp_path, monkeypatch, 'q1 = Question(accept=lambda answer: answer == 1, example=2, explain="ok",\n'
                                   '              hints=["a", "b"])\n')
    with pytest.raises(helpers.DataFileError, match=r"its example \(2\) is not accepted"):
        ex.validate_question(ex.load_questions()["mine.q1"])


# --- progressive hints -----------------------------------------------------------------

def test_next_hint_reveals_one_more_each_time():
    all_hints = hints("reading.q7")
    assert len(all_hints) == 3
    shown, text = next_hint("reading.q7", 0)
    assert shown == 1 and text == f"Hint 1: {all_hints[0]}"
    shown, text = next_hint("reading.q7", shown)
    assert shown == 2 and text.split("\n") == [f"Hint 1: {all_hints[0]}", f"Hint 2: {all_hints[1]}"]
    shown, text = next_hint("reading.q7", shown)
    assert shown == 3 and text.endswith("That was the last hint.")
    assert next_hint("reading.q7", shown)[0] == 3
    assert "no question" in next_hint("nope.q1", 0)[1]


def test_hint_button_reveals_hints_in_turn():
    box = show_hints("reading.q1")
    button, text = box.children
    assert button.description == "Show a hint" and text.value == ""
    box.reveal()
    assert hints("reading.q1")[0] in text.value and button.description == "Show hint 2 of 2"
    box.reveal()
    assert hints("reading.q1")[1] in text.value and button.disabled and button.description == "No more hints"


@pytest.mark.parametrize("qid,says", [
    ("reading.q99", "this notebook's questions are reading.q1 to reading.q8"),
    ("readng.q1", "Did you mean 'reading.q1'?"),
    ("q1", "Write the full id: reading.q1, frequency.q1"),
    ("nope", "The ids are reading.q1 to reading.q8; frequency.q1 to "),
    (3, 'should be text in quotes, like "reading.q1", not 3'),
    (None, "The ids are reading.q1 to reading.q8;"),
])
def test_hints_for_an_id_that_is_no_question_say_what_is_wrong(qid, says):
    said = hints(qid)
    assert said == [str(check(qid, 1))], "the same line check() gives, not an empty list"
    assert said[0].startswith(f"? {qid}: ") and says in said[0]


@pytest.mark.parametrize("qid", ["reading.q99", "nope", 3])
def test_hint_button_for_an_id_that_is_no_question_explains_itself(qid):
    button, text = show_hints(qid).children
    problem = check(qid, 1).message
    assert button.disabled and button.description == "No hints"
    assert text.value == problem.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert text.value  # never a silent, disabled button


def test_a_wrong_answer_shows_the_hint_button_in_a_notebook(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: shown.extend(objs))
    grade("reading.q1", 3)._ipython_display_()
    assert shown[0]["text/plain"].startswith("✗ reading.q1") and shown[1].children[0].description == "Show a hint"
    shown.clear()
    grade("reading.q1", helpers.load_article().paragraphs.__len__())._ipython_display_()
    assert len(shown) == 1, "no hint button under a right answer"


# --- the package's faces -------------------------------------------------------------------

def test_every_public_name_is_where_it_was():
    import helpers.exercises as package

    for name in package.__all__:
        assert getattr(helpers, name) is getattr(package, name)
    for name in ("build", "main", "strip_solutions", "student_notebook", "exercises_dir", "progress_path",
                 "MANIFEST", "BEGIN", "END", "NOT_ANSWERED", "SourceError", "CheckError"):
        assert hasattr(package, name), name
    modules = {getattr(package, name).__module__ for name in package.__all__}
    assert modules == {"helpers.exercises.bank", "helpers.exercises.grading", "helpers.exercises.hinting",
                       "helpers.exercises.progress_store"}


# --- any answer at all -----------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

ANSWERS = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8)


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(qid=st.sampled_from(list(BANK)), answer=ANSWERS)
def test_any_answer_gets_feedback_never_a_traceback(qid, answer):
    feedback = grade(qid, answer)
    assert feedback.status in ("correct", "wrong") and feedback.message
    assert str(feedback).startswith(("✓", "✗"))


# --- code questions: the learner's function, run apart on named cases --------------------------

CODE_QUESTIONS = [qid for qid, q in BANK.items() if q.is_code]


#: The kit's own exercise notebooks (an instructor's new topic may ask for no code).
KIT_TOPICS = ("reading", "frequency", "speakers", "themes")


def test_every_exercise_notebook_asks_for_at_least_two_functions():
    for source in SOURCES:
        topic = _topic(source)
        if topic not in KIT_TOPICS:
            continue
        asked = [qid for qid in CODE_QUESTIONS if BANK[qid].topic == topic]
        assert len(asked) >= 2, f"{source.name} asks for {len(asked)} function(s)"
        for qid in asked:
            assert "*(your code)*" in _cell_before_check(source, qid), f"{source.name}: {qid} says it asks for code"


@pytest.mark.parametrize("qid", CODE_QUESTIONS)
def test_a_code_question_tries_small_cases_and_the_article(qid):
    question = BANK[qid]
    assert any(c.uses_article for c in question.cases), "one case runs on the article"
    small = [c for c in question.cases if not c.uses_article]
    assert len(small) >= 2 and all(c.hint for c in small), "small named cases, each with a hint aimed at a mistake"


def _words_of_right(text):
    import re
    return re.findall(r"\w+", text.lower())


def _words_of_kept_capitals(text):
    import re
    return re.findall(r"\w+", text)


def _words_of_raises(text):
    return text.split()[0].lower()  # IndexError on an empty text, and a string, not a list


def _words_of_never_returns(text):
    while True:
        pass


def _words_of_prints(text):
    import re
    print(re.findall(r"\w+", text.lower()))


def test_check_accepts_a_right_function_and_records_it(own_progress_file):
    f = check("reading.q7", _words_of_right)
    assert f.status == "correct" and f.message.startswith("Right: your tokenizer")
    assert "passes all 5 cases: capitals, punctuation, numbers, empty text, the article's first paragraph." in f.message
    assert progress()["reading.q7"]["status"] == "done"


def test_a_wrong_function_gets_the_failing_case_named_with_what_came_back_and_a_hint():
    f = check("reading.q7", _words_of_kept_capitals)
    assert f.status == "wrong"
    assert f.message.startswith("on the case 'capitals', _words_of_kept_capitals('The UN and the un') returned "
                                "['The', 'UN', 'and', 'the', 'un']; the right result is ['the', 'un', 'and', 'the', 'un'].")
    assert f.message.endswith("You counted 'The' and 'the' apart: lower-case first, text.lower().")
    # the case's own hint when no listed wrong function returns the same
    f = check("reading.q8", lambda words: len(set(w.lower() for w in words)) + (not words))
    assert f.message == "on the case 'no words', your function returned 1; the right result is 0. " \
                        "An empty list has 0 different words."


def test_a_function_that_raises_gets_the_case_and_the_one_line_message_no_traceback():
    f = check("reading.q7", _words_of_raises)
    assert f.status == "wrong"
    assert f.message.startswith("on the case 'capitals', _words_of_raises('The UN and the un') returned a piece of text")
    f = check("reading.q7", lambda text: text.split()[0])
    assert f.status == "wrong" and "Traceback" not in f.message
    f = check("frequency.q10", lambda words, keyword, width: [words[words.index(keyword) + 99]])
    assert f.message == "on the case 'in the middle', your function raised IndexError: list index out of range."
    # raising on a later case, after passing the first ones: that case's hint too
    f = check("reading.q8", lambda words: len({w.lower() for w in words}) if words else words[0])
    assert f.message == ("on the case 'no words', your function raised IndexError: list index out of range. "
                         "An empty list has 0 different words.")


def test_a_function_that_never_returns_is_stopped_within_the_time_limit(monkeypatch):
    import time

    from helpers.exercises import grading

    monkeypatch.setattr(grading, "TIME_LIMIT", 1.0)
    start = time.monotonic()
    f = check("reading.q7", _words_of_never_returns)
    assert time.monotonic() - start < 4
    assert f.status == "wrong" and f.message.startswith(
        "on the case 'capitals', your function was still running after 1 second, so the check stopped it.")
    assert "Does a loop never end?" in f.message


def test_a_function_that_prints_instead_of_returning_is_told_to_use_return():
    f = check("reading.q7", _words_of_prints)
    assert f.status == "wrong"
    assert f.message == ("on the case 'capitals', _words_of_prints('The UN and the un') printed "
                         "\"['the', 'un', 'and', 'the', 'un']\" and gave back None: use return, not print(), so that "
                         "the value comes back to whoever called the function.")


def test_what_a_learners_function_does_stays_in_its_own_process(capsys):
    seen = []

    def meddles(text):
        seen.append(text)
        print("noise")
        return _words_of_right(text)

    assert check("reading.q7", meddles)
    assert seen == [] and "noise" not in capsys.readouterr().out, "no change and no output reach the kernel"


@pytest.mark.parametrize("answer,says", [
    (lambda text: ..., "not answered yet: write your function's body in place of the ..."),
    (None, "your answer is None: this question checks your function itself. Define it with def, then give its name "
           'without brackets: check("reading.q7", words_of).'),
    (["the", "un"], 'your answer is a list; this question checks a function you write.'),
    (lambda: [], "your function takes (), but this question calls it with 1 argument, as in words_of(text): "
                 "give it 1 parameter."),
    (lambda text: map(str.lower, text.split()), "returned a map, which hands out its items one at a time: "
                                                "return a list of them, list(...)."),
    (lambda text: exit(), "called exit(), which ends a whole program: a function gives its result back with return."),
    (lambda text: __import__("os")._exit(3), "your function stopped the check's process: it ended the process itself "
                                             "(exit code 3)"),
    (lambda text: {"the": 2}, "returned a dictionary (or Counter), {'the': 2}; it should return a list"),
])
def test_every_other_kind_of_answer_to_a_code_question_gets_a_line(answer, says, own_progress_file):
    f = check("reading.q7", answer)
    assert says in f.message and "Traceback" not in f.message
    assert f.status == ("unanswered" if answer is not None and "not answered" in says else "wrong")


def test_the_result_on_the_article_is_given_when_small_cases_pass(article):
    f = grade("reading.q8", lambda words: len({w.lower() for w in words}) if len(words) < 10 else 0)
    assert f.message.startswith(f"on the case \"the article's words\", your function returned 0; "
                                f"the right result is {len(set(article.words))}.")


def test_a_code_question_on_an_article_that_cannot_give_its_cases_is_not_judged(monkeypatch, tmp_path):
    _checks(tmp_path, monkeypatch, 'def first(words):\n    return words[0]\n\n'
                                   'q1 = Question(\n    solution=first,\n'
                                   '    cases=[Case("one", ["a"], hint="x"), Case("none", lambda article: [])],\n'
                                   '    explain="ok",\n    hints=["a", "b"],\n)\n')
    f = grade("mine.q1", lambda words: words[0])
    assert f.status in ("error", "not judged") and "the solution, on case 'none', of question q1 failed" in f.message


def test_a_wrong_function_that_passes_every_case_is_refused_by_make_exercises(tmp_path, monkeypatch):
    _checks(tmp_path, monkeypatch, 'q1 = Question(\n    solution=len,\n'
                                   '    cases=[Case("one", "a", hint="x"), Case("two", "ab", hint="y")],\n'
                                   '    explain="ok",\n    hints=["a", "b"],\n'
                                   '    wrong=[Wrong(function=lambda text: len(text), hint="z")],\n)\n')
    with pytest.raises(helpers.DataFileError, match="wrong answer 1 returns the solution's result on every case"):
        ex.validate_question(ex.load_questions()["mine.q1"])


# --- the findings of a walk through the exercises ----------------------------------------------

def test_a_sentence_with_its_full_stop_missing_is_told_what_differs(article):
    sentence = BANK["reading.q4"].expected(helpers.load_article(KIT))
    f = grade("reading.q4", sentence[:-1])
    assert f.message == ("right words, but the punctuation differs: at the end, the answer has '.' where yours has "
                         "nothing. Give the text exactly, marks and all.")


def test_a_theme_of_ones_own_takes_terms_as_lesson_04_writes_them(article):
    word = helpers.top_words(article, 1)[0][0]
    assert check("themes.q5", {"Mine": f"{word}; nothing-like-this*"})
    assert check("themes.q5", {"Mine": [word]})
    assert "check the value after the colon" in check("themes.q5", {"Mine": 3}).message


def test_the_pair_question_asks_for_a_pair_and_says_so(article):
    best = helpers.collocations(article, 1)[0]
    assert check("frequency.q7", (best.first, best.second))
    assert "that is the whole Collocation" in check("frequency.q7", best).message
    assert check("frequency.q7", f"{best.first} {best.second}").message.endswith("wants a pair, (first, second).")
    assert "(first, second)" in _cell_before_check(EXERCISES / "source" / "02-frequency.ipynb", "frequency.q7")


def test_every_file_a_hint_or_explanation_names_exists():
    import re

    from helpers.datafiles import data_dir

    for qid, q in BANK.items():
        for text in (*q.hints, q.explain, *(w.hint for w in q.wrong)):
            for path in re.findall(r"\bdata/[\w./-]*\w", text):
                if "NAME" not in path:
                    assert (data_dir().parent / path).exists(), f"{qid} names {path}, which does not exist"
            for name in re.findall(r"[\w-]+\.speakers\.csv", text):
                if name != "NAME.speakers.csv":
                    assert (data_dir() / "articles" / name).exists(), f"{qid} names {name}"
    assert "speakers.csv" in " ".join(BANK["speakers.q1"].hints)


def test_the_exercises_use_only_what_the_lessons_before_them_teach():
    # reading.q5 used find_mentions, which no lesson uses: exercise 01 asks for nothing lesson 01 does not show
    source = (EXERCISES / "source" / "01-reading.ipynb").read_text(encoding="utf-8")
    checks = (EXERCISES / "checks" / "reading.py").read_text(encoding="utf-8")
    assert "find_mentions" not in source and "find_mentions" not in checks


# --- any answer object: the time limit holds whatever it does ----------------------------------

_SWALLOWS = r'''
import json, sys, time
from collections import Counter
from helpers import check, load_article
from helpers.exercises import grading

grading.TIME_LIMIT = float(sys.argv[1])

class Swallows:
    """An answer whose __eq__ catches every exception, a timer's too, and goes on."""
    def __eq__(self, other):
        while True:
            try:
                while True:
                    pass
            except BaseException:
                pass
    __hash__ = object.__hash__

import numpy as np
article = load_article()
s = next(s for s in article.sentences if "Afghanistan" in s.text)
hidden = type(s)(s.index, s.paragraph, s.start, s.end, Swallows())
out = {}
for name, answer, qid in [("inside a kit object", hidden, "reading.q4"),
                          ("in a list, inside a kit object", [hidden], "frequency.q2"),
                          ("in a NumPy array", np.array(Swallows(), dtype=object), "reading.q1")]:
    start = time.monotonic()
    out[name] = [str(check(qid, answer)), time.monotonic() - start]
def swallowing_function(text):
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass
start = time.monotonic()
out["a function"] = [str(check("reading.q7", swallowing_function)), time.monotonic() - start]
print(json.dumps(out))
'''


def test_the_time_limit_holds_whatever_the_answer_object_does(tmp_path):
    limit = 2.0
    done = subprocess.run([sys.executable, "-c", _SWALLOWS, str(limit)], capture_output=True, text=True, timeout=120,
                          cwd=ROOT, env={**__import__("os").environ, "HELPERS_PROGRESS": str(tmp_path / "p.json")})
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    for name, (feedback, seconds) in out.items():
        assert seconds < limit + 2, f"{name}: {seconds:.1f} s for a limit of {limit} s"
        assert feedback.startswith("✗ ") and "Traceback" not in feedback, (name, feedback)
    assert "took longer than 2 seconds" in out["inside a kit object"][0]
    assert "took longer than 2 seconds" in out["in a NumPy array"][0]
    assert "still running after 2 seconds" in out["a function"][0]


_HOSTILE_CALLABLE = r'''
import json, sys, time
from helpers import check
from helpers.exercises import grading

grading.TIME_LIMIT = 1.0

def forever(self):
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass

class Hostile:
    """Callable, and any question about it (its signature, its name, its class) never ends."""
    __call__ = lambda self, text: []
    __signature__ = property(forever)
    __name__ = property(forever)
    __class__ = property(forever)

class NotCallable:
    __class__ = property(forever)

out = {}
for name, answer in [("hostile function", Hostile()), ("hostile value", NotCallable())]:
    start = time.monotonic()
    out[name] = [str(check("reading.q7", answer)), time.monotonic() - start]
print(json.dumps(out))
'''


def test_asking_what_a_code_answer_is_happens_apart_too(tmp_path):
    done = subprocess.run([sys.executable, "-c", _HOSTILE_CALLABLE], capture_output=True, text=True, timeout=120,
                          cwd=ROOT, env={**__import__("os").environ, "HELPERS_PROGRESS": str(tmp_path / "p.json")})
    assert done.returncode == 0, done.stderr
    for name, (feedback, seconds) in json.loads(done.stdout).items():
        assert seconds < 4 and feedback.startswith("✗ reading.q7: "), (name, feedback, seconds)
