"""Find the Chromium or Chrome the browser tests drive, and install Debian's when there is none.

The browser tests never use a browser build that Playwright downloads: they drive a
Chromium or Google Chrome that is installed on the machine. This module finds it,
in this order:

1. the ``CHROMIUM`` environment variable, if set (a path to the browser's program);
2. ``chromium``, ``chromium-browser``, ``google-chrome`` and ``google-chrome-stable``
   on ``PATH``;
3. the usual places: ``/usr/bin/…``, ``/snap/bin/chromium``, ``/opt/google/chrome``
   and the macOS app bundles in ``/Applications`` and ``~/Applications``.

A candidate counts only if ``--version`` answers with a Chromium or Chrome version
(Ubuntu's ``chromium-browser`` can be a wrapper that only asks for a snap).

``make test`` runs ``python tests/find_browser.py --install`` first. As root on a
system with ``apt-get`` (Debian and its family) a missing browser is installed from
the distribution: ``apt-get update``, then ``apt-get install -y chromium``. Anywhere
else nothing is installed; the browser tests then fail with the one command that
fixes it (:func:`fix_command`).
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

#: Program names looked up on PATH, in order.
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

#: The usual places, tried after PATH.
PLACES = (
    Path("/usr/bin/chromium"), Path("/usr/bin/chromium-browser"), Path("/usr/bin/google-chrome"),
    Path("/usr/bin/google-chrome-stable"), Path("/snap/bin/chromium"), Path("/opt/google/chrome/chrome"),
    Path("/Applications/Chromium.app/Contents/MacOS/Chromium"),
    Path("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"),
    Path.home() / "Applications/Chromium.app/Contents/MacOS/Chromium",
    Path.home() / "Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
)

#: What ``apt-get`` installs as root when no browser is found.
DEBIAN_PACKAGE = "chromium"


def browser_version(program) -> str | None:
    """The version line ``program --version`` prints, or None if it is not a working Chromium or Chrome.

    Args:
        program: a path to a browser's program.

    Returns:
        The line, such as ``"Chromium 120.0.6099.224 built on Debian"``, or ``None``.

    >>> browser_version("/nonexistent/chromium") is None
    True
    """
    try:
        done = subprocess.run([str(program), "--version"], capture_output=True, text=True, timeout=30,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    line = done.stdout.strip().splitlines()[0] if done.stdout.strip() else ""
    return line if done.returncode == 0 and ("Chromium" in line or "Chrome" in line) else None


def candidates(path: str | None = None, places=PLACES, env=None) -> list[Path]:
    """Every place a browser may be, in the order :func:`find_browser` tries them.

    Args:
        path: the search path (``None``: the ``PATH`` of ``env``).
        places: fixed places to try after the path.
        env: the environment to read ``CHROMIUM`` and ``PATH`` from (``None``: ``os.environ``).

    Returns:
        Paths, each listed once.

    >>> candidates(path="", places=[], env={"CHROMIUM": "/opt/my/chrome"})
    [PosixPath('/opt/my/chrome')]
    """
    env = os.environ if env is None else env
    path = env.get("PATH", os.defpath) if path is None else path
    found = [Path(env["CHROMIUM"])] if env.get("CHROMIUM") else []
    found += [Path(p) for p in (shutil.which(name, path=path) for name in NAMES) if p]
    found += [Path(p) for p in places]
    return list(dict.fromkeys(found))


def find_browser(path: str | None = None, places=PLACES, env=None) -> Path | None:
    """The first installed Chromium or Chrome that answers ``--version``, or None.

    Args:
        path, places, env: as for :func:`candidates`.

    Returns:
        The browser's program, or ``None`` when there is none.

    >>> find_browser(path="", places=[], env={}) is None
    True
    """
    for program in candidates(path, places, env):
        if program.is_file() and os.access(program, os.X_OK) and browser_version(program):
            return program
    return None


def fix_command(system: str | None = None, root: bool | None = None, has_apt: bool | None = None) -> str:
    """The one command that installs a browser the tests can use, for this kind of machine.

    Args:
        system: ``platform.system()`` (``None``: this machine's).
        root: whether the tests run as root (``None``: this process's).
        has_apt: whether ``apt-get`` is there (``None``: look it up).

    Returns:
        A command to type in a terminal.

    >>> fix_command("Linux", root=False, has_apt=True)
    'sudo apt-get install -y chromium'
    >>> fix_command("Darwin", root=False, has_apt=False)
    'brew install --cask google-chrome'
    """
    system = platform.system() if system is None else system
    root = (os.geteuid() == 0 if hasattr(os, "geteuid") else False) if root is None else root
    has_apt = shutil.which("apt-get") is not None if has_apt is None else has_apt
    if system == "Darwin":
        return "brew install --cask google-chrome"
    if has_apt:
        return f"{'' if root else 'sudo '}apt-get install -y {DEBIAN_PACKAGE}"
    for manager, command in (("dnf", "dnf install -y chromium"), ("pacman", "pacman -S --noconfirm chromium"),
                             ("zypper", "zypper install -y chromium")):
        if shutil.which(manager):
            return f"{'' if root else 'sudo '}{command}"
    return "install Chromium or Google Chrome with your system's package manager"


def missing_message() -> str:
    """What the browser tests say when no browser is installed: what is wrong and the command that fixes it.

    Returns:
        One paragraph of text.

    >>> "CHROMIUM=" in missing_message()
    True
    """
    return ("No Chromium or Google Chrome is installed, so the browser tests cannot run (looked for "
            f"{', '.join(NAMES)} on PATH and in the usual places). Fix: {fix_command()} "
            "— then run `make test` again. A browser elsewhere: CHROMIUM=/path/to/it make test.")


def install(path: str | None = None, places=PLACES, env=None, root: bool | None = None) -> Path | None:
    """Find the browser; as root with ``apt-get``, install Debian's ``chromium`` first if there is none.

    Args:
        path, places, env: as for :func:`candidates` (the same ``PATH`` finds ``apt-get``).
        root: whether to act as root (``None``: this process's user decides).

    Returns:
        The browser's program, or ``None`` (nothing could be installed here).

    >>> install(path="", places=[], env={}, root=False) is None
    True
    """
    found = find_browser(path, places, env)
    if found:
        return found
    root = (os.geteuid() == 0 if hasattr(os, "geteuid") else False) if root is None else root
    env = dict(os.environ if env is None else env)
    search = env.get("PATH", os.defpath) if path is None else path
    apt = shutil.which("apt-get", path=search)
    if not (root and apt):
        return None
    env["DEBIAN_FRONTEND"] = "noninteractive"
    if path is not None:
        env["PATH"] = path
    print(f"No Chromium or Chrome found: installing Debian's {DEBIAN_PACKAGE} package for the browser tests.",
          flush=True)
    for step in ([apt, "update", "-qq"], [apt, "install", "-y", "-qq", DEBIAN_PACKAGE]):
        if subprocess.run(step, env=env, stdin=subprocess.DEVNULL).returncode != 0:
            print(f"`{' '.join(step)}` failed.", file=sys.stderr)
            return None
    return find_browser(path, places, env)


def main(argv=None) -> int:
    """``python tests/find_browser.py [--install]``: print the browser found (installing it if asked and able).

    Args:
        argv: the arguments (``None``: ``sys.argv[1:]``).

    Returns:
        0 always: a missing browser fails the browser tests, with the fix, not the whole run.
    """
    argv = sys.argv[1:] if argv is None else argv
    found = install() if "--install" in argv else find_browser()
    if found:
        print(f"Browser for the browser tests: {found} ({browser_version(found)})")
    else:
        print(missing_message(), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
