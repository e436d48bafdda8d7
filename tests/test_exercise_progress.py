"""Progress storage: never a lost answer, never a traceback, whatever the progress file is.

Mirrors helpers/exercises/progress.py: tries counted under a lock (two processes at
once lose nothing), atomic writes that keep the file's mode, and a clear message for a
file that is damaged, read-only, a folder or unreadable, which is then never replaced.
"""

import itertools
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import helpers
from helpers import DataFileError, check, progress, progress_table, questions, show_progress
from helpers.exercises import progress_store as storage

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def own_progress_file(tmp_path, monkeypatch):
    """Every test records progress in its own throw-away file."""
    path = tmp_path / "progress" / "progress.json"
    monkeypatch.setenv("HELPERS_PROGRESS", str(path))
    return path


@pytest.fixture(scope="module")
def right():
    """A right answer for each of a few questions of the first exercise notebook."""
    from helpers.exercises.bank import article_for, load_questions

    bank = load_questions()
    return {qid: bank[qid].expected(article_for(bank[qid])) for qid in questions()
            if bank[qid].expected is not None and bank[qid].article is None}


def test_progress_records_done_and_tried(own_progress_file, right):
    qid, answer = next(iter(right.items()))
    assert progress() == {}
    check(qid, "surely not")
    assert progress()[qid]["status"] == "tried"
    check(qid, answer)
    check(qid, "surely not")  # a later slip does not undo a question done
    entry = progress()[qid]
    assert entry["status"] == "done" and entry["tries"] == 3
    data = json.loads(own_progress_file.read_text(encoding="utf-8"))
    assert data["version"] == 1 and set(data["questions"]) == {qid}
    topic = qid.split(".")[0]
    rows = {t: (done, total) for t, done, total, _ in progress_table()}
    assert rows[topic] == (1, len(questions(topic)))
    n = len(questions(topic))
    assert re.search(rf"^{topic} +●{'○' * (n - 1)}  1 of {n} done$", show_progress(), re.MULTILINE)


def test_progress_is_a_copy_not_the_stored_record(right):
    qid, answer = next(iter(right.items()))
    check(qid, answer)
    progress()[qid]["status"] = "tried"
    assert progress()[qid]["status"] == "done"


def test_show_progress_lists_the_questions_left_by_id_and_title(right):
    from helpers.exercises.bank import load_questions

    bank = load_questions()
    qid, answer = next(iter(right.items()))
    check(qid, answer)
    topic = qid.split(".")[0]
    lines = show_progress().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{topic} "))
    block = [lines[start], *itertools.takewhile(lambda line: line.startswith(" "), lines[start + 1:])]
    flat = " ".join(" ".join(block).split())
    for other in questions(topic):
        listed = f"{other} {' '.join(bank[other].title.split())}"
        assert (listed in flat) == (other != qid), (other, flat)
    assert "to do:" in flat


def test_a_topic_all_done_says_so(tmp_path, monkeypatch):
    (tmp_path / "checks").mkdir()
    (tmp_path / "checks" / "mine.py").write_text(
        "from helpers.exercises import Question\n"
        "q1 = Question(title='One', expected=lambda article: 1, explain='ok', hints=['a', 'b'])\n", encoding="utf-8")
    monkeypatch.setenv("HELPERS_EXERCISES", str(tmp_path))
    assert "to do: mine.q1 One" in show_progress()
    check("mine.q1", 1)
    assert show_progress().splitlines()[0].endswith("1 of 1 done ✓") and "to do" not in show_progress()


def test_progress_is_written_atomically(own_progress_file, monkeypatch, right):
    (q1, a1), (q2, a2) = list(right.items())[:2]
    check(q1, a1)
    before = own_progress_file.read_bytes()

    def crash(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    f = check(q2, a2)
    assert f.status == "correct" and "progress not saved" in f.note and "No space left" in f.note
    assert own_progress_file.read_bytes() == before
    assert [p.name for p in own_progress_file.parent.iterdir()] == ["progress.json"], "no temporary or lock file left"


def test_a_new_progress_file_gets_the_usual_mode_and_an_old_one_keeps_its_own(own_progress_file, right):
    qid, answer = next(iter(right.items()))
    old = os.umask(0o022)
    try:
        check(qid, answer)
        assert stat.S_IMODE(own_progress_file.stat().st_mode) == 0o644, "not the 0600 of a temporary file"
        own_progress_file.chmod(0o640)
        check(qid, answer)
        assert stat.S_IMODE(own_progress_file.stat().st_mode) == 0o640
    finally:
        os.umask(old)
    assert progress()[qid]["tries"] == 2


def test_a_damaged_progress_file_is_never_overwritten(own_progress_file, right):
    qid, answer = next(iter(right.items()))
    own_progress_file.parent.mkdir(parents=True)
    own_progress_file.write_text("{ my notes", encoding="utf-8")
    f = check(qid, answer)
    assert f.status == "correct" and "progress not saved" in f.note and "rename it" in f.note
    assert own_progress_file.read_text(encoding="utf-8") == "{ my notes"
    assert "cannot be read" in show_progress()


WRONG_TYPES = {
    "an entry that is a number": ('{"version": 1, "questions": {"QID": 5}}', "the entry for 'QID' is wrong (it is 5"),
    "tries as text": ('{"version": 1, "questions": {"QID": {"status": "done", "tries": "many"}}}',
                      "its number of tries is 'many'"),
    "tries too large for a number": ('{"version": 1, "questions": {"QID": {"status": "tried", "tries": 1e400}}}',
                                     "its number of tries is inf"),
    "tries below zero": ('{"version": 1, "questions": {"QID": {"status": "tried", "tries": -2}}}',
                         "its number of tries is -2"),
    "an unknown status": ('{"version": 1, "questions": {"QID": {"status": "finished", "tries": 1}}}',
                          "its status is 'finished'"),
    "a date that is no text": ('{"version": 1, "questions": {"QID": {"status": "done", "tries": 1, "last": 3}}}',
                               "its time of the last try is 3"),
    "questions as a list": ('{"version": 1, "questions": ["QID"]}', "unexpected layout"),
    "entries without their heading": ('{"QID": 5}', "unexpected layout"),
    "a file that is a list": ('[1, 2]', "unexpected layout"),
    "a version the kit does not know": ('{"version": 7, "questions": {}}', "of version 7"),
}


@pytest.mark.parametrize("case", list(WRONG_TYPES))
def test_wrong_typed_entries_are_damage_the_answer_still_graded_the_file_kept(case, own_progress_file, right):
    qid, answer = next(iter(right.items()))
    text, said = (part.replace("QID", qid) for part in WRONG_TYPES[case])
    own_progress_file.parent.mkdir(parents=True)
    own_progress_file.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        progress()
    assert said in err.value.problem and "rename it" in err.value.fix
    f = check(qid, answer)
    assert f.status == "correct" and f.note.startswith("progress not saved: ") and said in f.note
    assert "Your answer was still checked" in f.note
    assert own_progress_file.read_text(encoding="utf-8") == text, "never overwritten"
    assert f"Your progress file cannot be read: {err.value.problem}" in show_progress()
    assert [row[1] for row in progress_table()] == [0] * len(progress_table()), "damaged counts as no progress"


def test_a_damaged_entry_is_named_with_its_line(own_progress_file, right):
    qid = next(iter(right))
    own_progress_file.parent.mkdir(parents=True)
    own_progress_file.write_text('{\n "version": 1,\n "questions": {\n  "%s": {"status": "done", "tries": "many"}\n }\n}\n'
                                 % qid, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        progress()
    assert err.value.line == 4 and str(err.value).startswith(f"{own_progress_file}, line 4: ")


def test_a_read_only_progress_file_is_not_replaced(own_progress_file, right):
    (q1, a1), (q2, a2) = list(right.items())[:2]
    check(q1, a1)
    own_progress_file.chmod(0o444)
    before = own_progress_file.read_bytes()
    f = check(q2, a2)
    assert f.status == "correct" and "is read-only, and the kit does not replace it" in f.note
    assert f"chmod u+w {own_progress_file}" in f.note
    assert own_progress_file.read_bytes() == before and stat.S_IMODE(own_progress_file.stat().st_mode) == 0o444
    assert progress()[q1]["status"] == "done", "a read-only file is still read"


def test_a_progress_path_that_is_a_folder_is_explained(own_progress_file, right):
    qid, answer = next(iter(right.items()))
    own_progress_file.mkdir(parents=True)
    with pytest.raises(DataFileError, match="this is a folder"):
        progress()
    f = check(qid, answer)
    assert f.status == "correct" and "this is a folder" in f.note and "HELPERS_PROGRESS" in f.note
    assert "this is a folder" in show_progress()
    assert own_progress_file.is_dir() and not any(own_progress_file.iterdir())
    assert sorted(p.name for p in own_progress_file.parent.iterdir()) == ["progress.json"], "no lock file beside"


def test_a_progress_path_inside_a_file_is_explained(tmp_path, monkeypatch, right):
    qid, answer = next(iter(right.items()))
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    monkeypatch.setenv("HELPERS_PROGRESS", str(tmp_path / "notes.txt" / "progress.json"))
    with pytest.raises(DataFileError, match="is a file, not a folder"):
        progress()
    f = check(qid, answer)
    assert f.status == "correct" and "is a file, not a folder" in f.note
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_an_unreadable_progress_file_is_explained(own_progress_file, monkeypatch, right):
    qid, answer = next(iter(right.items()))
    check(qid, answer)
    before = own_progress_file.read_bytes()
    real = Path.read_bytes

    def refuse(self):  # what a file of another user, mode 0600, gives (root may read anything)
        if self == own_progress_file:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(DataFileError, match="cannot be read: permission denied") as err:
        progress()
    assert f"chmod u+rw {own_progress_file}" in err.value.fix
    f = check(qid, answer)
    assert f.status == "correct" and "permission denied" in f.note
    monkeypatch.undo()
    assert own_progress_file.read_bytes() == before


def test_a_symbolic_link_that_loops_is_explained(own_progress_file, right):
    qid, answer = next(iter(right.items()))
    own_progress_file.parent.mkdir(parents=True)
    own_progress_file.symlink_to(own_progress_file)
    with pytest.raises(DataFileError, match="cannot be read"):
        progress()
    f = check(qid, answer)
    assert f.status == "correct" and "progress not saved" in f.note
    assert own_progress_file.is_symlink()


_CHECKER = r'''
import sys
from helpers import check
from helpers.exercises.bank import article_for, load_questions

bank = load_questions()
mine = sorted((q for q in bank.values() if q.expected is not None and q.article is None),
              key=lambda q: q.qid)[int(sys.argv[1])::2][:10]
rights = [(q.qid, q.expected(article_for(q))) for q in mine]
for n in range(int(sys.argv[2])):
    qid, answer = rights[n % len(rights)]
    f = check(qid, answer if n < len(rights) or n % 3 == 0 else "surely not")  # each right once, at least
    assert not f.note, f.note
    f = check("reading.q1", "surely not")  # both processes also write the very same entry
    assert not f.note, f.note
print(len(rights))
'''


def test_two_processes_checking_at_once_lose_nothing(own_progress_file):
    rounds = 100  # each round is two checks: 2 processes x 200 checks
    env = {**os.environ, "HELPERS_PROGRESS": str(own_progress_file)}
    procs = [subprocess.Popen([sys.executable, "-c", _CHECKER, str(k), str(rounds)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for k in (0, 1)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in outs]
    recorded = progress()
    assert sum(entry["tries"] for entry in recorded.values()) == 2 * 2 * rounds, "every try counted"
    assert recorded["reading.q1"]["tries"] >= 2 * rounds
    done = [qid for qid, entry in recorded.items() if entry["status"] == "done"]
    from helpers.exercises.bank import load_questions

    bank = load_questions()
    expected_done = sorted(q.qid for q in bank.values() if q.expected is not None and q.article is None)
    mine = [expected_done[k::2][:10] for k in (0, 1)]
    assert sorted(done) == sorted(mine[0] + mine[1]), "every answer done is kept"
    assert [p.name for p in own_progress_file.parent.iterdir()] == ["progress.json"]


def test_a_lock_held_too_long_is_explained(own_progress_file, monkeypatch, right):
    import fcntl

    qid, answer = next(iter(right.items()))
    own_progress_file.parent.mkdir(parents=True)
    lock = own_progress_file.with_name("progress.json.lock")
    fd = os.open(lock, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        monkeypatch.setattr(storage, "LOCK_WAIT", 0.2)
        f = check(qid, answer)
        assert f.status == "correct" and "another notebook kept the progress file locked" in f.note
    finally:
        os.close(fd)
    assert not own_progress_file.exists()
    assert check(qid, answer).note == "" and progress()[qid]["tries"] == 1


def test_nothing_is_written_into_the_kit_when_progress_is_elsewhere(own_progress_file, right):
    qid, answer = next(iter(right.items()))
    check(qid, answer)
    assert own_progress_file.exists() and storage.progress_path() == own_progress_file
    assert helpers.exercises.progress_path() == own_progress_file


def test_a_progress_file_that_is_a_symbolic_link_is_written_through(own_progress_file, tmp_path, right):
    qid, answer = next(iter(right.items()))
    kept = tmp_path / "synced" / "my-progress.json"
    kept.parent.mkdir()
    kept.write_text('{"version": 1, "questions": {"x.q1": {"status": "tried", "tries": 2}}}\n', encoding="utf-8")
    own_progress_file.parent.mkdir(parents=True)
    own_progress_file.symlink_to(kept)
    f = check(qid, answer)
    assert f.status == "correct" and not f.note
    assert own_progress_file.is_symlink() and own_progress_file.resolve() == kept.resolve()
    stored = json.loads(kept.read_text(encoding="utf-8"))["questions"]
    assert stored[qid]["status"] == "done" and stored["x.q1"]["tries"] == 2
    assert progress()[qid]["tries"] == 1
    assert sorted(p.name for p in kept.parent.iterdir()) == ["my-progress.json"]  # no lock or temporary file left


def test_a_symbolic_link_to_nothing_yet_creates_the_file_it_names(own_progress_file, tmp_path, right):
    qid, answer = next(iter(right.items()))
    kept = tmp_path / "elsewhere.json"
    own_progress_file.parent.mkdir(parents=True)
    own_progress_file.symlink_to(kept)
    assert check(qid, answer).note == ""
    assert own_progress_file.is_symlink() and qid in json.loads(kept.read_text(encoding="utf-8"))["questions"]
