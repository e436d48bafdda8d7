"""Operating-system faults on data files, made for real where the system allows it.

The fixture ``make_unreadable`` takes away the right to read a file or a folder: with
``chmod 000`` for a user who is not root; for root, whom permissions do not stop, by
making the calls that read it raise the ``PermissionError`` the system would raise.
``symlink_loop(path)`` replaces ``path`` with a symbolic link that leads back to itself.
Import the fixture into a test module with ``from os_faults import make_unreadable``.
"""

from __future__ import annotations

import errno
import os
import pathlib
import shutil

import pytest


def _denied(path):
    return PermissionError(errno.EACCES, "Permission denied", os.fspath(path))


def _fake_unreadable(path: pathlib.Path, monkeypatch) -> None:
    """What the system does for a user without the right to read ``path``, for root."""
    target = str(path)
    if path.is_dir():
        inside = target + os.sep
        real_scandir, real_stat, real_listdir = os.scandir, os.stat, os.listdir

        def scandir(p="."):
            if os.fspath(p).rstrip(os.sep) == target:
                raise _denied(p)
            return real_scandir(p)

        def listdir(p="."):
            if os.fspath(p).rstrip(os.sep) == target:
                raise _denied(p)
            return real_listdir(p)

        def stat(p, *args, **kwargs):  # a folder without x: nothing inside it can be looked at
            if isinstance(p, (str, os.PathLike)) and os.fspath(p).startswith(inside):
                raise _denied(p)
            return real_stat(p, *args, **kwargs)

        monkeypatch.setattr(os, "scandir", scandir)
        monkeypatch.setattr(os, "listdir", listdir)
        monkeypatch.setattr(os, "stat", stat)
    else:
        real_read = pathlib.Path.read_bytes

        def read_bytes(self):
            if str(self) == target:
                raise _denied(self)
            return real_read(self)

        monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)


@pytest.fixture
def make_unreadable(monkeypatch):
    """``make_unreadable(path)``: ``path`` may not be read until the test ends."""
    changed = []

    def make(path):
        path = pathlib.Path(path)
        if os.geteuid() != 0:
            changed.append((path, path.stat().st_mode))
            os.chmod(path, 0)
        else:
            _fake_unreadable(path, monkeypatch)
        return path

    yield make
    for path, mode in reversed(changed):
        os.chmod(path, mode)


def symlink_loop(path) -> pathlib.Path:
    """Replace ``path`` (removed if it is there) by a symbolic link that leads back to itself."""
    path = pathlib.Path(path)
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
    twin = path.with_name(path.name + ".loop")
    os.symlink(twin.name, path)
    os.symlink(path.name, twin)
    return path
