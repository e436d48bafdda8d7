"""The notebook builder (make exercises): all or nothing, never a learner's work lost, normal file modes.

Mirrors helpers/exercises/builder.py. Every test builds in a temporary exercises folder.
"""

import json
import os
import stat

import pytest

from helpers import exercises as ex
from helpers.exercises import builder


def _source(folder, answer_line, title="# Q", name="01-mine.ipynb", marker_end="### END SOLUTION\n"):
    cells = [{"cell_type": "markdown", "metadata": {}, "source": [f"{title}\n", "### BEGIN SOLUTION\n",
                                                                  "Because.\n", "### END SOLUTION"]},
             {"cell_type": "code", "metadata": {}, "execution_count": 3, "outputs": [{"output_type": "stream",
                                                                                       "name": "stdout", "text": "x"}],
              "source": ["### BEGIN SOLUTION\n", f"{answer_line}\n", marker_end, "check('reading.q1', n)"]}]
    (folder / "source").mkdir(exist_ok=True)
    (folder / "source" / name).write_text(json.dumps({"cells": cells, "metadata": {},
                                                      "nbformat": 4, "nbformat_minor": 4}))


def _checks_for_reading(folder, monkeypatch):
    """The exercises folder the kit uses, with a check file for the question the sources check."""
    monkeypatch.setenv("HELPERS_EXERCISES", str(folder))
    (folder / "checks").mkdir()
    (folder / "checks" / "reading.py").write_text(
        "from helpers.exercises import Question\n"
        "q1 = Question(expected=lambda article: 1, explain='ok', hints=['a', 'b'])\n")


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
    with pytest.raises(ex.SourceError, match="line 1: ### BEGIN SOLUTION is never closed"):
        ex.strip_solutions("### BEGIN SOLUTION\nx = 1")
    with pytest.raises(ex.SourceError, match=r"cell 2, line 1: ### END SOLUTION without"):
        ex.student_notebook({"cells": [{"cell_type": "markdown", "source": "hi"},
                                       {"cell_type": "code", "source": "### END SOLUTION"}]})
    with pytest.raises(ex.SourceError, match=r"line 3: a second ### BEGIN SOLUTION before the ### END SOLUTION "
                                             r"of the one on line 1"):
        ex.strip_solutions("### BEGIN SOLUTION\nx = 1\n### BEGIN SOLUTION\n")


def test_a_block_assigning_nothing_used_later_becomes_an_ellipsis():
    code = "### BEGIN SOLUTION\nimport math\ncounts = Counter()\n### END SOLUTION\nprint('done')"
    assert ex.strip_solutions(code) == "...\nprint('done')"
    indented = "if True:\n    ### BEGIN SOLUTION\n    x = 2\n    ### END SOLUTION\n    check('reading.q1', x)"
    assert ex.strip_solutions(indented) == "if True:\n    x = ...\n    check('reading.q1', x)"


# --- all or nothing ---------------------------------------------------------------------------

def test_an_unclosed_solution_stops_the_build_before_anything_is_written(tmp_path):
    _source(tmp_path, "n = 1", name="01-first.ipynb")
    _source(tmp_path, "n = 2", name="02-second.ipynb")
    assert [a for _, a in ex.build(tmp_path)] == ["written", "written"]
    record = (tmp_path / "source" / ex.MANIFEST).read_bytes()
    first = (tmp_path / "01-first.ipynb").read_bytes()
    # the instructor changes the first notebook, and leaves a solution unclosed in the second
    _source(tmp_path, "n = 1", title="# Q, reworded", name="01-first.ipynb")
    _source(tmp_path, "n = 2", name="02-second.ipynb", marker_end="\n")
    with pytest.raises(ex.SourceError) as err:
        ex.build(tmp_path)
    said = str(err.value)
    assert f"{tmp_path / 'source' / '02-second.ipynb'}: cell 2, line 1: ### BEGIN SOLUTION is never closed" in said
    assert "How to fix: add a line ### END SOLUTION after the solution" in said
    assert (tmp_path / "01-first.ipynb").read_bytes() == first, "nothing written, not even the good notebook"
    assert (tmp_path / "source" / ex.MANIFEST).read_bytes() == record
    # fixed, and changed once more: the kit's own copies are replaced, not kept as a learner's
    _source(tmp_path, "n = 1", title="# Q, reworded twice", name="01-first.ipynb")
    _source(tmp_path, "n = 2", title="# Q2", name="02-second.ipynb")
    assert [a for _, a in ex.build(tmp_path)] == ["written", "written"]
    assert not list(tmp_path.glob("*.new.ipynb"))


def test_every_broken_source_is_named_at_once(tmp_path):
    _source(tmp_path, "n = 1", name="01-first.ipynb", marker_end="\n")
    (tmp_path / "source" / "02-second.ipynb").write_text("{ not json")
    (tmp_path / "source" / "03-third.ipynb").write_text("[]")
    with pytest.raises(ex.SourceError) as err:
        ex.build(tmp_path)
    said = str(err.value)
    assert "01-first.ipynb: cell 2, line 1: ### BEGIN SOLUTION is never closed" in said
    assert "02-second.ipynb: not a readable notebook" in said and "03-third.ipynb: this is not a notebook" in said
    assert not list(tmp_path.glob("*.ipynb")) and not (tmp_path / "source" / ex.MANIFEST).exists()


def test_a_build_stopped_while_writing_knows_its_own_copies_next_time(tmp_path, monkeypatch):
    for name in ("01-first.ipynb", "02-second.ipynb"):
        _source(tmp_path, "n = 1", name=name)
    ex.build(tmp_path)
    for name in ("01-first.ipynb", "02-second.ipynb"):
        _source(tmp_path, "n = 1", title="# Q, reworded", name=name)
    real, calls = builder.write_atomically, []

    def full_disk(path, text):
        calls.append(path.name)
        if path.name == "02-second.ipynb":
            raise OSError(28, "No space left on device")
        real(path, text)

    monkeypatch.setattr(builder, "write_atomically", full_disk)
    with pytest.raises(OSError):
        ex.build(tmp_path)
    assert "01-first.ipynb" in calls
    monkeypatch.setattr(builder, "write_atomically", real)
    for name in ("01-first.ipynb", "02-second.ipynb"):
        _source(tmp_path, "n = 1", title="# Q, reworded twice", name=name)
    assert [a for _, a in ex.build(tmp_path)] == ["written", "written"]
    assert not list(tmp_path.glob("*.new.ipynb"))


def test_the_command_says_what_to_fix_when_the_disk_is_full(tmp_path, monkeypatch, capsys):
    _checks_for_reading(tmp_path, monkeypatch)
    _source(tmp_path, "n = 1")

    def full_disk(path, text):
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(builder, "write_atomically", full_disk)
    assert ex.main(["build"]) == 1
    err = capsys.readouterr().err
    assert "could not be written (No space left on device)" in err and "How to fix: free some disk space" in err


# --- modes -----------------------------------------------------------------------------------

def test_rebuilt_notebooks_and_the_record_keep_normal_modes(tmp_path):
    old = os.umask(0o022)
    try:
        _source(tmp_path, "n = 1")
        ex.build(tmp_path)
        student, record = tmp_path / "01-mine.ipynb", tmp_path / "source" / ex.MANIFEST
        assert stat.S_IMODE(student.stat().st_mode) == 0o644, "not the 0600 of tempfile.mkstemp"
        assert stat.S_IMODE(record.stat().st_mode) == 0o644
        student.chmod(0o664)
        _source(tmp_path, "n = 1", title="# Q2")
        assert ex.build(tmp_path)[0][1] == "written"
        assert stat.S_IMODE(student.stat().st_mode) == 0o664, "a file keeps the mode it had"
    finally:
        os.umask(old)
    assert not [p for p in tmp_path.rglob("*.tmp")]


# --- the build's record, generated.json ---------------------------------------------------------

@pytest.mark.parametrize("text,said", [
    ("{ not json", "the build's record is damaged, not JSON"),
    ("[1, 2]", "should map notebook names to digests, but it holds list"),
    ('{"01-mine.ipynb": 5}', "the entry for '01-mine.ipynb' is 5, not a digest"),
    ('{"01-mine.ipynb": "abc"}', "the entry for '01-mine.ipynb' is 'abc', not a digest"),
])
def test_a_corrupt_record_gives_a_clear_message(tmp_path, monkeypatch, capsys, text, said):
    _source(tmp_path, "n = 1")
    (tmp_path / "source" / ex.MANIFEST).write_text(text)
    with pytest.raises(ex.SourceError, match=said):
        ex.build(tmp_path)
    _checks_for_reading(tmp_path, monkeypatch)
    assert ex.main(["build"]) == 1
    err = capsys.readouterr().err
    assert said in err and f"How to fix: delete {tmp_path / 'source' / ex.MANIFEST}" in err
    assert "Traceback" not in err and not (tmp_path / "01-mine.ipynb").exists()
    assert (tmp_path / "source" / ex.MANIFEST).read_text() == text


def test_without_its_record_the_build_keeps_every_notebook_that_differs(tmp_path):
    _source(tmp_path, "n = 1")
    ex.build(tmp_path)
    (tmp_path / "source" / ex.MANIFEST).unlink()
    assert ex.build(tmp_path)[0][1] == "up to date"
    _source(tmp_path, "n = 1", title="# Q2")
    (tmp_path / "source" / ex.MANIFEST).unlink()
    assert ex.build(tmp_path)[0][1] == "kept your edited copy; new version in 01-mine.new.ipynb"


def test_a_stale_new_notebook_entry_fails_neither_a_build_nor_a_test(tmp_path):
    _source(tmp_path, "n = 1")
    ex.build(tmp_path)
    record = tmp_path / "source" / ex.MANIFEST
    data = json.loads(record.read_text())
    data["01-mine.new.ipynb"] = "0" * 64  # its notebook was deleted long ago
    record.write_text(json.dumps(data))
    assert ex.build(tmp_path, dry_run=True) == [("01-mine.ipynb", "up to date")]
    assert ex.build(tmp_path) == [("01-mine.ipynb", "up to date")]
    assert set(json.loads(record.read_text())) == {"01-mine.ipynb"}, "the stale entry is dropped"


def test_a_dry_run_writes_nothing(tmp_path):
    _source(tmp_path, "n = 1")
    assert ex.build(tmp_path, dry_run=True) == [("01-mine.ipynb", "written")]
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["01-mine.ipynb"]  # only the source


# --- the command ------------------------------------------------------------------------------

def test_command_line(capsys):
    assert ex.main(["build", "--dry-run"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert ex.main([]) == 2 and "usage" in capsys.readouterr().out
    assert ex.main(["--help"]) == 0


def test_a_check_of_a_question_no_check_file_defines_stops_the_build(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HELPERS_EXERCISES", str(tmp_path))
    (tmp_path / "checks").mkdir()
    (tmp_path / "checks" / "mine.py").write_text(
        "from helpers.exercises import Question\n"
        "q1 = Question(expected=lambda article: 1, explain='ok', hints=['a', 'b'])\n")
    _source(tmp_path, "n = 1")  # it checks 'reading.q1', which this folder's checks do not define
    assert ex.main(["build"]) == 1
    err = capsys.readouterr().err
    assert "01-mine.ipynb: cell 2: check('reading.q1', ...) names no question" in err
    assert "exercises/checks/reading.py" in err and not (tmp_path / "01-mine.ipynb").exists()
