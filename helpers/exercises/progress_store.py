"""Progress storage: which questions a learner has done, in one small JSON file outside the notebooks.

The file is ``.progress/progress.json`` at the top of the kit, or the one named by
``$HELPERS_PROGRESS``::

    {"version": 1, "questions": {"reading.q1": {"status": "done", "tries": 3, "last": "2026-…"}}}

Each ``check`` adds its try under a lock (``fcntl.flock`` on ``progress.json.lock``
beside the file, there only while a try is written), so that two notebooks checking at
once lose nothing: the file is read, changed and written back while the other waits. It is written to a temporary
file in the same folder that then replaces it (``os.replace``), keeping its mode, so
that a reader sees the old file or the new one, never half. A file that is damaged
(not JSON, or an entry of the wrong type), read-only, a folder or unreadable is never
replaced: the answer is still checked, and the feedback says what is wrong, where,
and how to fix it. A progress file that is a symbolic link (to keep progress in a synced
folder, say) is written through: the file it points to gets the new text, under a lock
beside that file, and the link stays a link.
"""

from __future__ import annotations

import contextlib
import json
import os
import textwrap
import time
from datetime import datetime, timezone
from pathlib import Path

from ..datafiles import DataFileError
from ._files import is_read_only, write_atomically
from .bank import KIT_ROOT, load_questions, topic_order

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows without WSL: no locking, as before
    fcntl = None

__all__ = ["progress", "progress_table", "show_progress"]

VERSION = 1
STATUSES = ("done", "tried")
#: Seconds a check waits for another notebook to finish writing the progress file.
LOCK_WAIT = 10.0
_KEEP = "rename it (to keep it) or delete it; a new one starts with your next check"


def progress_path() -> Path:
    """Where progress is kept: ``$HELPERS_PROGRESS`` if set, else ``.progress/progress.json``."""
    env = os.environ.get("HELPERS_PROGRESS")
    return Path(env).expanduser() if env else KIT_ROOT / ".progress" / "progress.json"


def _line_of(text: str, qid: str) -> int | None:
    at = text.find(json.dumps(qid))
    return text.count("\n", 0, at) + 1 if at >= 0 else None


def _entry_problem(entry) -> str:
    """What is wrong with one question's entry; ``""`` when it is fine."""
    if not isinstance(entry, dict):
        return f"it is {entry!r}, not a record such as {{\"status\": \"done\", \"tries\": 1}}"
    status, tries = entry.get("status"), entry.get("tries", 0)
    if status not in STATUSES:
        return f"its status is {status!r}, not \"done\" or \"tried\""
    if isinstance(tries, bool) or not isinstance(tries, int) or tries < 0:
        return f"its number of tries is {tries!r}, not a whole number of 0 or more"
    if not isinstance(entry.get("last", ""), str):
        return f"its time of the last try is {entry['last']!r}, not a date as text"
    return ""


def _read(path: Path) -> dict[str, dict]:
    """The questions recorded in the progress file; ``{}`` when there is none yet.

    Raises:
        DataFileError: the file is damaged, a folder, or cannot be read.
    """
    fix_path = "set HELPERS_PROGRESS to a file of your own, e.g. HELPERS_PROGRESS=~/progress.json"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except IsADirectoryError:
        raise DataFileError(path, "this is a folder, so progress cannot be kept in it",
                            f"move or rename the folder, or {fix_path}") from None
    except NotADirectoryError:
        raise DataFileError(path, "a part of this path is a file, not a folder, so progress cannot be kept here",
                            f"rename that file, or {fix_path}") from None
    except PermissionError:
        raise DataFileError(path, "the progress file cannot be read: permission denied",
                            f"let yourself read and write it (chmod u+rw {path}), or {fix_path}") from None
    except OSError as err:  # a symbolic link that loops, a disk error …
        raise DataFileError(path, f"the progress file cannot be read ({err.strerror or err})",
                            f"replace it with a plain file, or {fix_path}") from None
    try:
        text = raw.decode("utf-8")
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise DataFileError(path, f"the progress file is damaged ({err})", _KEEP) from None
    if not isinstance(data, dict) or not isinstance(data.get("questions", {}), dict) \
            or set(data) - {"version", "questions"}:
        raise DataFileError(path, "the progress file has an unexpected layout (it should hold "
                                  "{\"version\": 1, \"questions\": {...}})", _KEEP)
    if data.get("version", VERSION) != VERSION:
        raise DataFileError(path, f"the progress file is of version {data.get('version')!r}, which this kit "
                                  f"does not know (it writes version {VERSION})", _KEEP)
    questions = data.get("questions", {})
    for qid, entry in questions.items():
        problem = _entry_problem(entry)
        if problem:
            raise DataFileError(path, f"the progress file is damaged: the entry for {qid!r} is wrong ({problem})",
                                _KEEP, line=_line_of(text, qid))
    return questions


def progress() -> dict[str, dict]:
    """Your progress so far: for each question tried, its status and number of tries.

    Returns:
        ``{qid: {"status": "done" | "tried", "tries": n, "last": iso-time}}``;
        empty if nothing is recorded yet. The dicts are copies: changing them
        changes nothing in the file.

    Raises:
        DataFileError: the progress file is damaged, a folder, or unreadable (it is
            never overwritten then).

    >>> isinstance(progress(), dict)
    True
    """
    return {qid: dict(entry) for qid, entry in _read(progress_path()).items()}


@contextlib.contextmanager
def _locked(path: Path):
    """Hold the lock file beside ``path`` while the block reads and writes the progress file.

    Raises:
        OSError: the folder cannot be made, or the lock file cannot be opened.
        TimeoutError: another notebook held the lock for longer than :data:`LOCK_WAIT`.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = path.with_name(path.name + ".lock")
    if fcntl is None:
        yield
        return
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() > deadline:
                raise TimeoutError("another notebook kept the progress file locked") from None
            time.sleep(0.005)
            continue
        try:
            held = os.stat(lock).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            held = False
        if held:
            break
        os.close(fd)  # the holder before us removed this lock file: take the new one
    try:
        yield
    finally:
        # The lock file is removed while it is still held, so the folder keeps only the progress
        # file; a process that was waiting on it sees that it is gone and takes a fresh one.
        try:
            os.unlink(lock)
        finally:
            os.close(fd)


def record(qid: str, correct: bool) -> str:
    """Add one checked answer to the progress file, under its lock.

    Args:
        qid: the question id.
        correct: whether the answer was right (a question done stays done).

    Returns:
        ``""`` when the try was saved; else a note for the learner saying why it was
        not (the answer itself was still checked).
    """
    path = progress_path()
    try:
        _read(path)  # a folder, a damaged or unreadable file, a loop: said before any lock file is made beside it
        # A symbolic link is written through: its target is locked and replaced, the link stays.
        path = Path(os.path.realpath(path))
        with _locked(path):
            done = _read(path)
            if is_read_only(path):
                return (f"progress not saved: {path} is read-only, and the kit does not replace it. "
                        f"Your answer was still checked. To record progress again: chmod u+w {path}")
            entry = dict(done.get(qid, {}))
            entry["tries"] = entry.get("tries", 0) + 1
            entry["status"] = "done" if correct or entry.get("status") == "done" else "tried"
            entry["last"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
            done[qid] = entry
            write_atomically(path, json.dumps({"version": VERSION, "questions": done}, indent=1,
                                              sort_keys=True) + "\n")
    except DataFileError as err:
        return f"progress not saved: {err.problem}; {err.fix}. Your answer was still checked."
    except TimeoutError as err:
        return f"progress not saved: {err}; run the check again in a moment."
    except OSError as err:
        return (f"progress not saved to {path}: {err.strerror or err}. Your answer was still checked; "
                "to record progress, set HELPERS_PROGRESS to a file in a folder you can write.")
    return ""


def progress_table() -> list[tuple[str, int, int, list[str]]]:
    """Progress per exercise notebook: ``(topic, done, total, ids still to do)``.

    Returns:
        A list with one tuple per topic, in the order of the exercise notebooks.
        A damaged progress file counts as no progress.

    >>> [row[0] for row in progress_table()][:2]
    ['reading', 'frequency']
    """
    try:
        done = progress()
    except DataFileError:
        done = {}
    topics: dict[str, list[str]] = {}
    for qid in load_questions():
        topics.setdefault(qid.split(".")[0], []).append(qid)
    rank = topic_order()
    order = sorted(topics, key=lambda t: rank.get(t, 99))
    return [(t, sum(done.get(q, {}).get("status") == "done" for q in topics[t]), len(topics[t]),
             [q for q in topics[t] if done.get(q, {}).get("status") != "done"]) for t in order]


def show_progress():
    """Your progress: questions done per exercise notebook, and which are left.

    Returns:
        Text with one line per exercise notebook, then the questions still to do
        (id and title), then where the file is kept.

    >>> show_progress().splitlines()[0].split()[0]
    'reading'
    """
    from .grading import not_for_this_article

    try:
        bank = load_questions()
    except DataFileError as err:
        return _Text(f"Progress cannot be shown: the checks cannot be read: {err}")
    rows = progress_table()
    try:
        progress()
        note = f"Kept in {progress_path()} (only on this computer)."
    except DataFileError as err:
        note = f"Your progress file cannot be read: {err.problem}. {err.fix}."
    width = max([len(topic) for topic, *_ in rows] + [10]) + 2
    lines = []
    for topic, d, n, left in rows:
        lines.append(f"{topic:<{width}}{'●' * d}{'○' * (n - d)}  {d} of {n} done" + (" ✓" if not left else ""))
        if left:
            items = [f"{qid} {bank[qid].title}" + (" (for another article)" if not_for_this_article(bank[qid])
                                                   else "") for qid in left]
            # no break inside an item: its spaces are no-break spaces while the lines are wrapped
            wrapped = textwrap.wrap("to do: " + " · ".join(i.replace(" ", "\u00a0") for i in items), width=96,
                                    initial_indent=" " * width, subsequent_indent=" " * (width + 7),
                                    break_on_hyphens=False, break_long_words=False)
            lines += [line.replace("\u00a0", " ") for line in wrapped]
    return _Text("\n".join(lines + [note]))


class _Text(str):
    """Text that Jupyter shows as it is (not as a quoted string)."""

    def __repr__(self) -> str:
        return str(self)
