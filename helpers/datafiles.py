"""Reading the kit's editable data files, with errors a learner can act on.

Everything a teacher may want to change — stopwords, multi-word phrases,
organization aliases, abbreviations, page boilerplate — is a plain text file in
``data/``. This module finds that folder, reads the files line by line and, when
something is wrong, raises :class:`DataFileError` naming the file, the line, the
value and the fix. Nothing here ever writes a file.
"""

from __future__ import annotations

import errno
import os
import stat
from functools import lru_cache
from pathlib import Path

__all__ = ["DataFileError", "UsageError", "UnknownName", "WrongType", "data_dir", "data_file", "read_lines",
           "read_wordlist", "read_sections", "load_stopwords", "load_countries", "os_problem", "list_folder"]

#: The folder the kit reads when no other is given: ``data/`` beside ``helpers/``,
#: or the folder named by the environment variable ``HELPERS_DATA``.
_DEFAULT_DATA = Path(__file__).resolve().parent.parent / "data"


def message_only(error: Exception) -> list[str]:
    """What a notebook shows for one of the kit's errors: its message alone, with no traceback.

    IPython asks an exception for ``_render_traceback_()``; the kit's errors answer with this.

    >>> message_only(ValueError("no such theme"))
    ['ValueError: no such theme']
    """
    return [f"{type(error).__name__}: {error}"]


class DataFileError(ValueError):
    """A data file the kit cannot use, with where the problem is and how to fix it.

    Attributes:
        path: the file.
        line: the 1-based line number, or ``None`` for the whole file.
        problem: what is wrong.
        fix: what to do about it.
    """

    def __init__(self, path, problem, fix, line=None):
        self.path, self.line, self.problem, self.fix = Path(path), line, problem, fix
        where = f"{self.path}" + (f", line {line}" if line else "")
        super().__init__(f"{where}: {problem}\n  How to fix: {fix}")

    def _render_traceback_(self):
        return message_only(self)


class UsageError(ValueError):
    """A kit function called with an argument it cannot use; the message says what to give instead.

    A notebook shows it as its message alone, with no traceback, like :class:`DataFileError`.
    It is a ``ValueError``, so ``except ValueError`` still catches it.

    >>> from helpers import kwic, load_article
    >>> kwic(load_article(), "")
    Traceback (most recent call last):
    ...
    helpers.datafiles.UsageError: '' has no letters or digits to look for; give a word such as 'terrorism'
    """

    def _render_traceback_(self):
        return message_only(self)


class UnknownName(UsageError, KeyError):
    """A name (a theme, a speaker, a group) that the article or the data files do not have.

    Also a ``KeyError``, as a missing key of a dict is, and shown as its message alone.
    """

    def __str__(self) -> str:  # a KeyError would show its message in quotes
        return str(self.args[0]) if self.args else ""


class WrongType(UsageError, TypeError):
    """An argument of the wrong type (a number where a word is wanted …); also a ``TypeError``."""


def data_dir() -> Path:
    """The data folder: ``$HELPERS_DATA`` if set, else the kit's ``data/``.

    Returns:
        The folder as an absolute ``Path``; it is not checked that it exists.

    >>> (data_dir() / "stopwords.txt").exists()
    True
    """
    env = os.environ.get("HELPERS_DATA")
    return _folder(env, os.getcwd()) if env else _DEFAULT_DATA


@lru_cache(maxsize=8)
def _folder(env: str, cwd: str) -> Path:
    """``env`` as an absolute folder, resolved once for each working folder it is read from.

    A path that cannot be resolved (a symbolic link that loops, a folder that may not
    be read) is kept as written, made absolute: reading a file in it then raises a
    :class:`DataFileError` that says why.
    """
    path = Path(env).expanduser()
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        return Path(os.path.abspath(path))


def data_file(name: str, path=None) -> Path:
    """The data file a loader reads: ``path`` when one is given, else ``name`` in :func:`data_dir`.

    Args:
        name: the file's name in the data folder (``"themes.txt"``).
        path: another file to read instead, or ``None``.

    Returns:
        A ``Path``; it is not checked that the file exists.

    >>> data_file("blocs.txt").name, data_file("blocs.txt", "my-blocs.txt").name
    ('blocs.txt', 'my-blocs.txt')
    """
    return Path(path) if path is not None else data_dir() / name


def os_problem(path, err: OSError, *, folder: bool = False) -> DataFileError:
    """The :class:`DataFileError` for an operating-system error met reading a data file or folder.

    Every reader of the kit turns an ``OSError`` into a message through this one function:
    what happened, in words, and what to do about it.

    Args:
        path: the file or folder that was read (the error's own file name is used if it has one).
        err: the ``OSError`` raised (``PermissionError``, ``FileNotFoundError``, a symlink loop …).
        folder: ``True`` when ``path`` is a folder the kit lists, not a file it reads.

    Returns:
        A :class:`DataFileError` to raise.

    >>> import errno
    >>> err = os_problem("data/themes.txt", OSError(errno.ELOOP, "Too many levels of symbolic links"))
    >>> err.problem
    'it, or a folder on its path, is a symbolic link that leads back to itself (a loop), so there is nothing to read'
    """
    path = Path(err.filename) if getattr(err, "filename", None) else Path(path)
    what = "folder" if folder else "file"
    code = err.errno
    if isinstance(err, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return DataFileError(path, f"you are not allowed to read this {what} (permission denied)",
                             f"ask its owner to make it readable (chmod a+r{'x' if folder else ''} '{path}'), "
                             "or copy it into a folder of your own and point HELPERS_DATA there")
    if code == errno.ELOOP:
        return DataFileError(path, "it, or a folder on its path, is a symbolic link that leads back to "
                                   "itself (a loop), so there is nothing to read",
                             "delete the link and put the real file (or folder) there, or point the link "
                             "at it with ln -sf TARGET LINK")
    if isinstance(err, FileNotFoundError) or code == errno.ENOENT:
        return DataFileError(path, f"the {what} does not exist",
                             "check the name, or restore the file from the kit")
    if isinstance(err, IsADirectoryError) or code == errno.EISDIR:
        return DataFileError(path, "this is a folder, not a file", "name a .txt file inside it")
    if isinstance(err, NotADirectoryError) or code == errno.ENOTDIR:
        return DataFileError(path, "a part of this path is a file, not a folder",
                             "check the path: every part but the last must be a folder")
    reason = err.strerror or str(err) or type(err).__name__
    return DataFileError(path, f"the system could not read this {what} ({reason})",
                         "check that the disk or network folder holding it is there and readable, "
                         "then try again; or restore the file from the kit")


def list_folder(folder, suffix: str = "") -> list[Path]:
    """The entries of a data folder whose names end with ``suffix``, sorted by name.

    Args:
        folder: the folder to list.
        suffix: keep only names ending with it (``".txt"``); ``""`` keeps every entry.

    Returns:
        A sorted list of paths; an empty list if the folder does not exist.

    Raises:
        DataFileError: the folder cannot be read (permission denied, a symbolic link
            that loops, a file where a folder should be …); see :func:`os_problem`.

    >>> "idn-2016-10-31-un-regional-bodies.toml" in [p.name for p in list_folder(data_dir() / "articles", ".toml")]
    True
    """
    try:
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if e.name.endswith(suffix))
    except FileNotFoundError:
        return []
    except OSError as err:
        raise os_problem(folder, err, folder=True) from None
    return [Path(folder) / name for name in names]


def folder_problem(folder) -> DataFileError | None:
    """Why a data folder cannot be used, or ``None`` when it can be listed.

    Used by the doctor to say, e.g., that ``HELPERS_DATA`` names a symbolic link that
    loops rather than "there is no folder".

    Args:
        folder: the folder to look at.

    Returns:
        A :class:`DataFileError` saying what is wrong and how to fix it, or ``None``.

    >>> folder_problem(data_dir()) is None
    True
    """
    try:
        os.stat(folder)
        with os.scandir(folder):
            return None
    except FileNotFoundError:
        return DataFileError(folder, "there is no such folder",
                             "unset HELPERS_DATA, or point it at a folder holding the kit's data files")
    except OSError as err:
        return os_problem(folder, err, folder=True)


def not_a_file(path, mode: int) -> DataFileError:
    """The :class:`DataFileError` for a data file's place taken by something that is not a regular file.

    A folder, a named pipe (which would make the kit wait forever for a writer), a device
    or a socket: the kit reads none of them.

    Args:
        path: where the data file belongs.
        mode: ``os.stat(path).st_mode``.

    Returns:
        A :class:`DataFileError` to raise.

    >>> import stat
    >>> not_a_file("data/themes.txt", stat.S_IFIFO).problem
    'this is a named pipe (a FIFO), not a file: the kit reads only regular files'
    """
    if stat.S_ISDIR(mode):
        return DataFileError(path, "this is a folder, not a file", "name a .txt file inside it, or "
                             "delete the folder and put the file there")
    kind = ("a named pipe (a FIFO)" if stat.S_ISFIFO(mode) else
            "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else
            "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
    what = kind if kind.startswith("not") else f"{kind}, not a file"
    return DataFileError(path, f"this is {what}: the kit reads only regular files",
                         f"delete it (rm '{path}') and put the real file there, e.g. restore it from the kit")


def read_text(path) -> str:
    """Read a UTF-8 text file; a byte-order mark and CRLF line ends are accepted.

    Raises:
        DataFileError: the file is missing, cannot be read (permission denied, a
            symbolic link that loops: see :func:`os_problem`), is not a regular file (a folder,
            a named pipe, a device: see :func:`not_a_file`; a pipe is never opened), is another format renamed or saved
            as ``.txt`` (Word, PDF, RTF, UTF-16, a web page's HTML), or is not
            UTF-8 (the message says which byte and how to re-save the file).
    """
    path = Path(path)
    try:
        info = os.stat(path)  # before opening: a named pipe is never opened (that would wait forever)
        if not stat.S_ISREG(info.st_mode):
            raise not_a_file(path, info.st_mode)
        raw = path.read_bytes()
    except OSError as err:  # missing, a folder, unreadable, a symbolic link that loops …
        raise os_problem(path, err) from None
    kind = _wrong_format(raw)
    if kind:
        raise DataFileError(path, f"this is {kind}, not plain text",
                            "open it in its program and save or export it as 'Plain Text (.txt)' "
                            "with the encoding 'UTF-8' (or copy the text into a new file in a text editor)",
                            line=1)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        bad = raw[err.start: err.start + 1]
        try:
            guess = bad.decode("cp1252")
            raw.decode("cp1252")
            hint = f" (it looks like Windows-1252, e.g. from Word or Notepad, where it is {guess!r})"
        except UnicodeDecodeError:
            hint = ""
        raise DataFileError(
            path, f"byte {bad!r} is not UTF-8 text{hint}",
            "open the file in a text editor and save it again with the encoding 'UTF-8'",
            line=line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


#: How other formats begin: a file saved by the wrong program, or renamed to ``.txt``.
_SIGNATURES = (
    (b"\xff\xfe", "a UTF-16 file (what Notepad calls 'Unicode')"),
    (b"\xfe\xff", "a UTF-16 file (what Notepad calls 'Unicode big endian')"),
    (b"PK\x03\x04", "a zip file, e.g. a Word (.docx) or LibreOffice (.odt) document"),
    (b"%PDF-", "a PDF document"),
    (b"{\\rtf", "an RTF document (from WordPad or TextEdit)"),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) document"),
)


def _wrong_format(raw: bytes) -> str | None:
    """What a file really is when it is not plain text; ``None`` when it may be."""
    for magic, kind in _SIGNATURES:
        if raw.startswith(magic):
            return kind
    head = raw[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "the HTML source of a web page (copy the text shown in the browser instead)"
    if b"\x00" in raw[:1024]:
        return "a binary file, or UTF-16 text without its byte-order mark (it holds NUL bytes)"
    return None


def read_lines(path) -> list[tuple[int, str]]:
    """The non-empty, non-comment lines of a data file as ``(line_number, text)``.

    Lines are stripped; lines starting with ``#`` are notes and skipped.

    Args:
        path: the file to read (a ``str`` or ``Path``).

    Returns:
        A list of ``(line_number, text)`` pairs; line numbers count from 1 and
        include the skipped lines, so they match what an editor shows.

    Raises:
        DataFileError: the file is missing or is not UTF-8 plain text.

    >>> read_lines(data_dir() / "aliases.txt")[0][1]
    'UN: United Nations; UN; United Nations Organization; United Nations Organisation; UNO'
    """
    out = []
    for number, line in enumerate(read_text(path).split("\n"), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            out.append((number, line))
    return out


def read_wordlist(path, *, lower=False) -> list[str]:
    """The entries of a one-per-line list, in file order, duplicates removed.

    A repeated entry changes nothing, so it is dropped quietly rather than
    stopping a lesson; ``python -m helpers doctor`` lists repeats so that the
    file can be tidied.

    Args:
        path: the file to read (a ``str`` or ``Path``).
        lower: lower-case every entry first, so that "The" and "the" are one entry.

    Returns:
        A list of the entries as text, each once, in the order they first appear.

    Raises:
        DataFileError: the file is missing or not UTF-8 plain text, or an entry
            contains a tab (usually two entries pasted on one line).

    >>> read_wordlist(data_dir() / "boilerplate.txt")[:2]
    ['Photo:', 'Related Posts']
    >>> read_wordlist(data_dir() / "abbreviations.txt", lower=True)[:3]
    ['u.s', 'u.k', 'u.n']
    """
    seen = {}
    for number, line in read_lines(path):
        if "\t" in line:
            raise DataFileError(path, f"{line!r} contains a tab",
                                "write one entry per line", line=number)
        seen.setdefault(line.lower() if lower else line, None)
    return list(seen)


def read_sections(path, kind: str, *, exclude_key: str | None = None, check=None) -> dict[str, dict]:
    """Read a file of ``[Name]`` headings, each with a ``note:`` line and one entry a line.

    Args:
        path: the file (``data/themes.txt``, ``data/blocs.txt`` …).
        kind: what a section is, in words, for messages ("theme", "bloc").
        exclude_key: a key (``"not"``) whose lines list entries to leave out, or ``None``.
        check: a function that raises ``ValueError(problem, fix)`` for an entry the file
            may not hold, or ``None``.

    Returns:
        A dict from each section's name (in file order) to ``{"line", "note", "items",
        "exclude"}``; an entry written twice in one section is kept once.

    Raises:
        DataFileError: an entry before any heading, a heading that is not ``[Name]``,
            a name used twice, a section with no entries, or an entry ``check`` refuses.

    >>> read_sections(data_dir() / "blocs.txt", "bloc")["UN Secretariat"]["items"]
    ['Ban Ki-moon']
    """
    path = Path(path)
    sections: dict[str, dict] = {}
    current = None
    what = "term" if kind == "theme" else "entry"
    for number, line in read_lines(path):
        if line.startswith("["):
            if not line.endswith("]") or not line[1:-1].strip():
                raise DataFileError(path, f"{line!r} is not a {kind} heading",
                                    f"write the {kind}'s name in square brackets, e.g. [My {kind}]",
                                    line=number)
            name = " ".join(line[1:-1].split())
            twin = next((n for n in sections if n.lower() == name.lower()), None)
            if twin is not None:
                raise DataFileError(path, f"the {kind} {name!r} appears twice (first on line "
                                    f"{sections[twin]['line']})",
                                    f"give it another name, or merge the two lists under one [{twin}]",
                                    line=number)
            current = sections[name] = {"line": number, "note": "", "items": [], "exclude": []}
            seen = set()
            continue
        if current is None:
            raise DataFileError(path, f"{line!r} comes before any [{kind.title()} name] heading",
                                f"put a heading such as [My {kind}] above the first {what}", line=number)
        key, sep, rest = line.partition(":")
        if sep and key.strip().lower() == "note":
            current["note"] = rest.strip()
            continue
        if exclude_key and sep and key.strip().lower() == exclude_key:
            which, line = "exclude", rest.strip()
        else:
            which = "items"
        if check is not None:
            try:
                check(line)
            except ValueError as err:
                problem, fix = err.args
                raise DataFileError(path, problem, fix, line=number) from None
        if (which, line.lower()) not in seen:  # a set: each line looked up once
            seen.add((which, line.lower()))
            current[which].append(line)
    for name, s in sections.items():
        if not s["items"]:
            raise DataFileError(path, f"the {kind} [{name}] has no {'terms' if kind == 'theme' else 'entries'}",
                                f"add one {what} per line under [{name}], or delete the heading",
                                line=s["line"])
    return sections


#: The marks a one-per-line entry may be told it holds, by name.
_MARKS = {" ": "a space", ",": "a comma", ";": "a semicolon"}


def _entries_without(path, marks: str, fix: str, *, lower: bool) -> frozenset[str]:
    """The entries of a one-per-line list (:func:`read_wordlist`), none holding one of ``marks``:
    the first that does (in file order, the marks tried in their order) raises a
    :class:`DataFileError` naming its line, with ``fix``."""
    entries = read_wordlist(path, lower=lower)
    for entry in entries:
        mark = next((m for m in marks if m in entry), None)
        if mark is not None:
            line = next(n for n, l in read_lines(path) if (l.lower() if lower else l) == entry)
            raise DataFileError(path, f"{entry!r} has {_MARKS[mark]} in it", fix, line=line)
    return frozenset(entries)


@lru_cache(maxsize=16)
def _stopwords(path: str, stamp) -> frozenset[str]:
    return _entries_without(path, " ,;", "write one word per line, with nothing else on the line", lower=True)


def load_stopwords(path=None) -> frozenset[str]:
    """The stopword list from ``data/stopwords.txt`` (or ``path``), lower-cased.

    Args:
        path: another stopword file, one word per line; ``None`` for the kit's.

    Returns:
        A ``frozenset`` of lower-case words. The file is read again only when it changes.

    Raises:
        DataFileError: an entry holds a space, a comma or a semicolon (more than
            one word on the line); the message names the line.

    >>> sw = load_stopwords()
    >>> "the" in sw, "cooperation" in sw
    (True, False)
    """
    path = data_file("stopwords.txt", path)
    return _stopwords(str(path), file_stamp(path))


@lru_cache(maxsize=16)
def _countries(path: str, stamp) -> frozenset[str]:
    return _entries_without(path, ",;", "write one country a line, its name as reports write it: 'Republic of "
                                        "Korea', not 'Korea, Republic of'", lower=False)


def load_countries(path=None) -> frozenset[str]:
    """The country names of ``data/countries.txt`` (or ``path``), as reports write them.

    Args:
        path: another country list, one name a line; ``None`` for the kit's.

    Returns:
        A ``frozenset`` of names, case kept ("Russia", "United States"). The file is read
        again only when it changes.

    Raises:
        DataFileError: a line holds a comma or a semicolon (a name written back to front,
            or two names on one line); the message names the line.

    >>> countries = load_countries()
    >>> "Russian Federation" in countries, "Moscow" in countries, "He" in countries
    (True, False, False)
    """
    path = data_file("countries.txt", path)
    return _countries(str(path), file_stamp(path))


def file_stamp(path) -> tuple[int, int] | None:
    """A file's modification time and size: part of a cache key, so that edits are seen."""
    try:
        st = os.stat(path)
        return (st.st_mtime_ns, st.st_size)
    except OSError:
        return None
