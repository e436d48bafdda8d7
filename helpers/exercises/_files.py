"""Writing a file so that a reader sees the old one or the new one, never half, with a normal mode.

The progress file and the generated student notebooks are written through
:func:`write_atomically`: the text goes to a temporary file in the same folder, which
then replaces the target with ``os.replace``. The temporary file is created the way
``open(path, "w")`` creates a file, so the user's umask applies (0644 under umask 022,
not the 0600 of ``tempfile.mkstemp``), and a file that already exists keeps its mode.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and ``os.replace``.

    Raises:
        OSError: the folder cannot be made or written, or the disk is full; the target
            is then unchanged and no temporary file is left behind.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    for _ in range(100):
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
            break
        except FileExistsError:
            continue
    else:  # pragma: no cover - a hundred random names all taken
        raise FileExistsError(f"no free temporary name beside {path}")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def is_read_only(path: Path) -> bool:
    """True when ``path`` exists and nobody may write it (no write bit), or this user may not.

    The mode bits are read as well as ``os.access``, so that a file made read-only with
    ``chmod 444`` counts as read-only even for the superuser, who may write anything.
    """
    try:
        mode = Path(path).stat().st_mode
    except OSError:
        return False
    return not mode & 0o222 or not os.access(path, os.W_OK)
