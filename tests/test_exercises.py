"""Exercises: checks, hints, progress and the student-notebook generator, on the real article."""

import json
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

import helpers
from helpers import check, grade, hints, next_hint, progress, progress_table, questions, show_hints, show_progress
from helpers import exercises as ex

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = ROOT / "exercises"
SOURCES = sorted((EXERCISES / "source").glob("*.ipynb"))
BANK = ex.load_questions()


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


# --- the notebooks --------------------------------------------------------------------

def test_there_is_an_exercise_notebook_per_lesson():
    assert [_topic(p) for p in SOURCES] == ["reading", "frequency", "speakers", "themes"]
    for src in SOURCES:
        assert 4 <= len(questions(_topic(src))) <= 8, src.name


def test_committed_student_notebooks_equal_freshly_generated_ones(tmp_path):
    shutil.copytree(EXERCISES / "source", tmp_path / "source")
    (tmp_path / "source" / ex.MANIFEST).unlink()
    report = ex.build(tmp_path)
    assert [action for _, action in report] == ["written"] * len(SOURCES)
    for src in SOURCES:
        fresh = (tmp_path / src.name).read_bytes()
        assert (EXERCISES / src.name).read_bytes() == fresh, f"run `make exercises`: {src.name} is stale"
    assert json.loads((tmp_path / "source" / ex.MANIFEST).read_text()) == \
        json.loads((EXERCISES / "source" / ex.MANIFEST).read_text())


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


# --- hints for wrong answers ------------------------------------------------------------

WRONGS = [(qid, n, w) for qid, q in BANK.items() for n, w in enumerate(q.wrong, start=1)]


@pytest.mark.parametrize("qid,n,wrong", WRONGS, ids=[f"{q}-wrong{n}" for q, n, _ in WRONGS])
def test_each_common_wrong_answer_gets_its_own_hint(qid, n, wrong):
    question = BANK[qid]
    value = ex._wrong_value(question, wrong)
    feedback = grade(qid, value)
    assert feedback.status == "wrong"
    assert feedback.message == ex._fill(question, wrong.hint, value, None if question.accept else
                                        question.expected(helpers.load_article()))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_each_notebook_has_hints_for_at_least_two_distinct_wrong_answers(source):
    wrong_hints = {w.hint for qid in questions(_topic(source)) for w in BANK[qid].wrong}
    assert len(wrong_hints) >= 2


@pytest.mark.parametrize("qid", list(BANK))
def test_every_question_has_hints_and_its_answer_computes(qid):
    q = BANK[qid]
    assert len(q.hints) >= 2
    if q.expected is not None:
        value = q.expected(helpers.load_article())
        assert value is not None and grade(qid, value).status == "correct"
    ex.validate_question(q)  # what `make exercises` runs first: every function called on the article


def test_the_typical_mistakes_named_in_the_brief(article):
    sco_acronym_only = article.text.count("SCO")
    assert "but not 'Shanghai Cooperation Organization'" in grade("reading.q5", sco_acronym_only).message
    assert "forgot to lowercase" in grade("reading.q3", len(set(helpers.tokenize(article.text, lower=False)))).message
    assert "counted stopwords" in grade("frequency.q2", helpers.top_words(article, 5, stopwords=False)).message


# --- feedback never raises ----------------------------------------------------------------

def test_not_answered_yet():
    f = check("reading.q1", ...)
    assert f.status == "unanswered" and str(f).startswith("… reading.q1: not answered yet")
    assert check("reading.q1").status == "unanswered"


def test_none_wrong_type_unknown_ids():
    assert "None" in check("reading.q1", None).message
    assert check("reading.q1", "47").message == "your answer is the text '47'; give the number itself, without quotes."
    assert check("reading.q1", [47]).message == \
        "your answer is a list, but this question wants a number: count it with len(...)."
    assert check("frequency.q7", 3).message == "your answer is a number, but this question wants a list."
    assert check("reading.q99", 1).status == "error" and "questions are reading.q1 to reading.q6" in check("reading.q99", 1).message
    assert "Did you mean 'reading.q1'" in check("reding.q1", 1).message
    assert "reading.q1, frequency.q1" in check("q1", 1).message
    assert "text in quotes" in check(1, 1).message
    assert check(None, 1).status == "error"


def test_strange_answer_objects_do_not_raise():
    class Awkward:
        def __eq__(self, other):
            raise RuntimeError("no comparing me")

    assert check("reading.q1", Awkward()).status == "wrong"
    assert check("frequency.q8", object()).status == "wrong"


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


def _checks(tmp_path, monkeypatch, body: str) -> Path:
    """A check file mine.py in a temporary exercises folder the kit uses."""
    (tmp_path / "checks").mkdir(exist_ok=True)
    path = tmp_path / "checks" / "mine.py"
    path.write_text("from helpers import top_words\nfrom helpers.exercises import Question, Wrong\n\n" + body,
                    encoding="utf-8")
    monkeypatch.setenv("HELPERS_EXERCISES", str(tmp_path))
    return path


def test_the_check_files_are_python_modules_the_kit_imports():
    assert sorted(p.name for p in (EXERCISES / "checks").iterdir()) == \
        ["frequency.py", "reading.py", "speakers.py", "themes.py"], "no __pycache__ written beside the checks"
    q = BANK["reading.q1"]
    assert q.path == EXERCISES / "checks" / "reading.py" and q.key == "q1"
    assert q.source().startswith("q1 = Question(\n") and "expected=lambda article: len(article.paragraphs)" in q.source()
    assert repr(q) == f"<Question reading.q1: 'Paragraphs' (reading.py, line {q.line})>"


def test_a_question_written_in_a_new_check_file_works(tmp_path, monkeypatch, article):
    _checks(tmp_path, monkeypatch, 'top = Question(\n    expected=lambda article: top_words(article, 3),\n'
                                   '    compare="unordered",\n    explain="Right: {expected}.",\n'
                                   '    hints="Use top_words.",\n'
                                   '    wrong=[Wrong(when=lambda answer, article: answer == top_words(article, 2),\n'
                                   '                 example=lambda article: top_words(article, 2),\n'
                                   '                 hint="Three, not two.")],\n)\n'
                                   '_helper = Question(accept=lambda answer: True, explain="not a question")\n')
    assert ex.questions() == ["mine.top"], "names starting with _ are not questions"
    top = helpers.top_words(article, 3)
    assert check("mine.top", top[::-1]).message == f"Right: {top}.", "order does not matter"
    assert check("mine.top", helpers.top_words(article, 2)).message == "Three, not two."
    assert hints("mine.top") == ["Use top_words."]
    assert ex.main(["build", "--dry-run"]) == 0


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
    ('q1 = Question(\n    accept=lambda answer: True,\n    explain="ok",\n    wrong=[Wrong(when=lambda answer: True, hint="x")],\n)\n',
     r"mine\.py, line 7: question q1: a wrong answer with when= has no example=", "add  example="),
    ('q1 = Question(\n    title="no answer",\n    explain="ok",\n)\n',
     r"needs exactly one of expected= or accept=", "accept=lambda answer"),
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
    assert not (tmp_path / "checks" / "__pycache__").exists()


def test_a_function_that_fails_when_called_is_reported_with_its_line(tmp_path, monkeypatch, capsys):
    _checks(tmp_path, monkeypatch,
            'q1 = Question(\n    explain="ok",\n    expected=lambda article: len(article.paragraph),\n)\n')
    f = check("mine.q1", 47)
    assert f.status == "error" and "this question's check is broken" in f.message
    assert "mine.py, line 6: the expected answer of question q1 failed: AttributeError" in f.message
    assert ex.main(["build", "--dry-run"]) == 1 and "line 6" in capsys.readouterr().err


@pytest.mark.parametrize("wrong,problem", [
    ('Wrong(answer=lambda article: len(article.paragraphs), hint="x")', "would be accepted as right"),
    ('Wrong(when=lambda answer: answer == 1, example=2, hint="x")', "does not pass its own when test"),
    ('Wrong(when=lambda answer: answer.upper() == "X", example=2, hint="x")',
     "when test of wrong answer 1 of question q1 failed: AttributeError"),
])
def test_make_exercises_calls_every_function_first(tmp_path, monkeypatch, capsys, wrong, problem):
    _checks(tmp_path, monkeypatch, f'q1 = Question(\n    expected=lambda article: len(article.paragraphs),\n'
                                   f'    explain="ok",\n    wrong=[{wrong}],\n)\n')
    with pytest.raises(helpers.DataFileError, match=problem):
        ex.validate_question(ex.load_questions()["mine.q1"])
    assert ex.main(["build"]) == 1 and problem in capsys.readouterr().err
    assert not (tmp_path / "01-mine.ipynb").exists()


# --- progressive hints -----------------------------------------------------------------

def test_next_hint_reveals_one_more_each_time():
    all_hints = hints("reading.q5")
    assert len(all_hints) == 3
    shown, text = next_hint("reading.q5", 0)
    assert shown == 1 and text == f"Hint 1: {all_hints[0]}"
    shown, text = next_hint("reading.q5", shown)
    assert shown == 2 and text.split("\n") == [f"Hint 1: {all_hints[0]}", f"Hint 2: {all_hints[1]}"]
    shown, text = next_hint("reading.q5", shown)
    assert shown == 3 and text.endswith("That was the last hint.")
    assert next_hint("reading.q5", shown)[0] == 3
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
    ("reading.q99", "this notebook's questions are reading.q1 to reading.q6"),
    ("readng.q1", "Did you mean 'reading.q1'?"),
    ("q1", "Write the full id: reading.q1, frequency.q1"),
    ("nope", "The ids are reading.q1 to reading.q6; frequency.q1 to "),
    (3, 'should be text in quotes, like "reading.q1", not 3'),
    (None, "The ids are reading.q1 to reading.q6;"),
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


# --- progress ----------------------------------------------------------------------------

def test_progress_records_done_and_tried(own_progress_file, article):
    assert progress() == {}
    check("reading.q1", 1)
    assert progress()["reading.q1"]["status"] == "tried"
    check("reading.q1", len(article.paragraphs))
    check("reading.q1", 1)  # a later slip does not undo a question done
    entry = progress()["reading.q1"]
    assert entry["status"] == "done" and entry["tries"] == 3
    data = json.loads(own_progress_file.read_text(encoding="utf-8"))
    assert data["version"] == 1 and set(data["questions"]) == {"reading.q1"}
    rows = {topic: (done, total) for topic, done, total, _ in progress_table()}
    assert rows["reading"] == (1, len(questions("reading")))
    assert "reading     ●○○○○○  1 of 6 done" in show_progress()


def test_progress_is_written_atomically(own_progress_file, monkeypatch, article):
    check("reading.q1", len(article.paragraphs))
    before = own_progress_file.read_bytes()

    def crash(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    f = check("reading.q2", len(article.words))
    assert f.status == "correct" and "progress not saved" in f.note and "No space left" in f.note
    assert own_progress_file.read_bytes() == before
    assert [p.name for p in own_progress_file.parent.iterdir()] == ["progress.json"], "no temporary file left"


def test_a_damaged_progress_file_is_never_overwritten(own_progress_file, article):
    own_progress_file.parent.mkdir(parents=True)
    own_progress_file.write_text("{ my notes", encoding="utf-8")
    f = check("reading.q1", len(article.paragraphs))
    assert f.status == "correct" and "progress not saved" in f.note and "rename it" in f.note
    assert own_progress_file.read_text(encoding="utf-8") == "{ my notes"
    assert "cannot be read" in show_progress()


# --- the generator never loses a learner's work ---------------------------------------------

def _source(tmp_path, answer_line, title="# Q"):
    cells = [{"cell_type": "markdown", "metadata": {}, "source": [f"{title}\n", "### BEGIN SOLUTION\n",
                                                                  "Because.\n", "### END SOLUTION"]},
             {"cell_type": "code", "metadata": {}, "execution_count": 3, "outputs": [{"output_type": "stream",
                                                                                       "name": "stdout", "text": "x"}],
              "source": ["### BEGIN SOLUTION\n", f"{answer_line}\n", "### END SOLUTION\n", "check('reading.q1', n)"]}]
    (tmp_path / "source").mkdir(exist_ok=True)
    (tmp_path / "source" / "01-mine.ipynb").write_text(json.dumps({"cells": cells, "metadata": {},
                                                                   "nbformat": 4, "nbformat_minor": 4}))


def test_regenerating_never_overwrites_a_learners_edits(tmp_path):
    _source(tmp_path, "n = len(article.paragraphs)")
    assert ex.build(tmp_path) == [("01-mine.ipynb", "written")]
    student = tmp_path / "01-mine.ipynb"
    nb = json.loads(student.read_text())
    assert nb["cells"][1]["source"] == ["n = ...\n", "check('reading.q1', n)"]
    assert nb["cells"][1]["outputs"] == [] and nb["cells"][1]["execution_count"] is None
    assert nb["cells"][0]["source"] == ["# Q\n", "*Write your answer here.*"]

    _source(tmp_path, "n = 47", title="# Question 1")
    assert ex.build(tmp_path) == [("01-mine.ipynb", "written")], "an untouched copy is ours to replace"

    nb["cells"][1]["source"] = ["n = 12  # my own try\n", "check('reading.q1', n)"]
    student.write_text(json.dumps(nb))
    learner = student.read_bytes()
    _source(tmp_path, "n = 47", title="# Question 1, reworded")
    report = ex.build(tmp_path)
    assert report == [("01-mine.ipynb", "kept your edited copy; new version in 01-mine.new.ipynb")]
    assert student.read_bytes() == learner
    assert (tmp_path / "01-mine.new.ipynb").exists()
    assert ex.build(tmp_path)[0][1] == "kept your edited copy; the new version is already beside it"

    (tmp_path / "01-mine.new.ipynb").write_text("{}")  # the learner worked in the new copy too
    _source(tmp_path, "n = 47", title="# Question 1, reworded again")
    assert ex.build(tmp_path)[0][1] == "kept your edited copy; new version in 01-mine.new-2.ipynb"
    assert (tmp_path / "01-mine.new.ipynb").read_text() == "{}" and student.read_bytes() == learner


def test_a_copy_the_build_did_not_write_is_kept(tmp_path):
    _source(tmp_path, "n = 1")
    (tmp_path / "01-mine.ipynb").write_text("learner's own notebook")
    assert ex.build(tmp_path)[0][1] == "kept your edited copy; new version in 01-mine.new.ipynb"
    assert (tmp_path / "01-mine.ipynb").read_text() == "learner's own notebook"


def test_unbalanced_markers_are_reported_with_cell_and_line(tmp_path):
    with pytest.raises(ex.SourceError, match="never closed"):
        ex.strip_solutions("### BEGIN SOLUTION\nx = 1")
    with pytest.raises(ex.SourceError, match=r"cell 2, line 1: ### END SOLUTION without"):
        ex.student_notebook({"cells": [{"cell_type": "markdown", "source": "hi"},
                                       {"cell_type": "code", "source": "### END SOLUTION"}]})


def test_a_block_assigning_nothing_used_later_becomes_an_ellipsis():
    code = "### BEGIN SOLUTION\nimport math\ncounts = Counter()\n### END SOLUTION\nprint('done')"
    assert ex.strip_solutions(code) == "...\nprint('done')"
    indented = "if True:\n    ### BEGIN SOLUTION\n    x = 2\n    ### END SOLUTION\n    check('reading.q1', x)"
    assert ex.strip_solutions(indented) == "if True:\n    x = ...\n    check('reading.q1', x)"


def test_command_line(capsys):
    assert ex.main(["build", "--dry-run"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert ex.main([]) == 2 and "usage" in capsys.readouterr().out
    assert ex.main(["--help"]) == 0


def test_counter_answers_compare_as_dicts(article):
    # a learner's Counter equals the FreqDist-derived answer when their items agree
    assert ex._same(Counter({"a": 1}), {"a": 1}, "exact", 0)
    assert not ex._same(Counter({"a": 1}), {"a": 2}, "exact", 0)


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


def test_a_wrong_answer_shows_the_hint_button_in_a_notebook(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: shown.extend(objs))
    grade("reading.q1", 3)._ipython_display_()
    assert shown[0]["text/plain"].startswith("✗ reading.q1") and shown[1].children[0].description == "Show a hint"
    shown.clear()
    grade("reading.q1", helpers.load_article().paragraphs.__len__())._ipython_display_()
    assert len(shown) == 1, "no hint button under a right answer"
