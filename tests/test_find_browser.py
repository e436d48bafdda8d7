"""The browser for the browser tests: found where it is installed, installed by `make test` where it can be.

The lookup runs on a fake PATH of small scripts standing in for browsers and for
``apt-get``, so that these tests say the same on every machine.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import find_browser
from find_browser import candidates, find_browser as find, fix_command, install

ROOT = Path(__file__).resolve().parent.parent


def _program(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def _browser(folder: Path, name: str, version="Chromium 120.0.6099.224") -> Path:
    return _program(folder, name, f'echo "{version}"')


def test_a_browser_on_path_is_found_by_each_of_its_names(tmp_path):
    for name in find_browser.NAMES:
        folder = tmp_path / name
        folder.mkdir()
        program = _browser(folder, name, "Google Chrome 121.0" if "chrome" in name else "Chromium 120.0")
        assert find(path=str(folder), places=[], env={}) == program


def test_chromium_before_chrome_then_path_order_then_the_usual_places(tmp_path):
    first, second, place = (tmp_path / d for d in ("first", "second", "place"))
    for d in (first, second, place):
        d.mkdir()
    chrome = _browser(first, "google-chrome", "Google Chrome 121.0")
    fixed = _browser(place, "chrome")
    path = os.pathsep.join([str(first), str(second)])
    assert find(path=path, places=[fixed], env={}) == chrome
    later = _browser(second, "chromium")
    assert find(path=path, places=[fixed], env={}) == later  # Chromium first, wherever it is on PATH
    earlier = _browser(first, "chromium")
    assert find(path=path, places=[fixed], env={}) == earlier  # one name: the first folder of PATH
    assert find(path=str(tmp_path / "empty"), places=[place / "missing", fixed], env={}) == fixed


def test_a_wrapper_that_is_no_browser_is_passed_over(tmp_path):
    """Ubuntu's chromium-browser can be a script that only asks for a snap: it must not count."""
    _program(tmp_path, "chromium-browser", 'echo "Command requires the chromium snap to be installed" >&2; exit 1')
    _program(tmp_path, "chromium", 'echo "something else"')
    real = _browser(tmp_path, "google-chrome-stable", "Google Chrome 122.0")
    assert find(path=str(tmp_path), places=[], env={}) == real
    real.unlink()
    assert find(path=str(tmp_path), places=[], env={}) is None


def test_the_chromium_variable_comes_first(tmp_path):
    mine = _browser(tmp_path, "my-chrome")
    _browser(tmp_path, "chromium")
    assert candidates(path=str(tmp_path), places=[], env={"CHROMIUM": str(mine)})[0] == mine
    assert find(path=str(tmp_path), places=[], env={"CHROMIUM": str(mine)}) == mine


def test_the_usual_places_include_debian_snap_and_macos():
    places = [str(p) for p in find_browser.PLACES]
    assert "/usr/bin/chromium" in places and "/snap/bin/chromium" in places
    assert "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" in places


def test_as_root_with_apt_get_a_missing_browser_is_installed_from_debian(tmp_path):
    """apt-get update, then a non-interactive install of the chromium package; then it is found."""
    record = tmp_path / "apt.log"
    _program(tmp_path, "apt-get",
             f'echo "$DEBIAN_FRONTEND $*" >> {record}\n'
             f'case "$*" in *install*) printf \'#!/bin/sh\\necho Chromium 120.0\\n\' > {tmp_path}/chromium;'
             f' /bin/chmod 755 {tmp_path}/chromium;; esac')
    found = install(path=str(tmp_path), places=[], env={}, root=True)
    assert found == tmp_path / "chromium"
    calls = record.read_text().splitlines()
    assert [c.split()[:2] for c in calls] == [["noninteractive", "update"], ["noninteractive", "install"]]
    assert "-y" in calls[1].split() and calls[1].split()[-1] == "chromium"


def test_nothing_is_installed_without_root_or_without_apt_get(tmp_path):
    record = tmp_path / "apt.log"
    _program(tmp_path, "apt-get", f'echo "$*" >> {record}')
    assert install(path=str(tmp_path), places=[], env={}, root=False) is None
    assert not record.exists()
    assert install(path=str(tmp_path / "no-apt"), places=[], env={}, root=True) is None


def test_a_failing_install_says_so_and_finds_nothing(tmp_path, capsys):
    _program(tmp_path, "apt-get", "exit 100")
    assert install(path=str(tmp_path), places=[], env={}, root=True) is None
    assert "failed" in capsys.readouterr().err


def test_the_fix_is_one_command_for_each_kind_of_machine():
    assert fix_command("Linux", root=True, has_apt=True) == "apt-get install -y chromium"
    assert fix_command("Linux", root=False, has_apt=True) == "sudo apt-get install -y chromium"
    assert fix_command("Darwin", root=False, has_apt=False).startswith("brew install")
    message = find_browser.missing_message()
    assert fix_command() in message and "make test" in message


def test_the_script_never_stops_make_test(tmp_path):
    """With no browser anywhere it prints the fix and exits 0: the other tests still run."""
    env = {"PATH": str(tmp_path), "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "find_browser.py")], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert "No Chromium or Google Chrome" in done.stderr or "Browser for the browser tests" in done.stdout


def _make_dry_run(target: str) -> list[str]:
    venv = Path(sys.prefix)
    done = subprocess.run(["make", "--no-print-directory", "-n", "-o", str(venv / ".installed"), "-o",
                           str(venv / ".installed-test"), target, f"VENV={venv}"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    return done.stdout.splitlines()


def test_make_test_provides_the_browser_before_running_the_tests():
    """The Makefile's test recipe runs the installer, with --install, before pytest."""
    lines = _make_dry_run("test")
    provide = next(i for i, line in enumerate(lines) if "tests/find_browser.py --install" in line)
    run = next(i for i, line in enumerate(lines) if "-m pytest" in line)
    assert provide < run
    recipe = re.search(r"^test:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(), re.MULTILINE)
    assert recipe and "find_browser.py --install" in recipe.group(1)


def test_ci_runs_make_test_and_nothing_else():
    lines = [l.strip() for l in (ROOT / ".ci" / "run").read_text().splitlines()
             if l.strip() and not l.strip().startswith("#")]
    assert lines == ['set -euo pipefail', 'cd "$(dirname "$0")/.."', "make test"]
    assert "playwright install" not in (ROOT / "Makefile").read_text()
