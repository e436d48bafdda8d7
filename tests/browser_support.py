"""Support for the browser tests: servers on free loopback ports and headless Chromium.

The browser tests drive Debian's ``/usr/bin/chromium`` through Playwright
(``executable_path``; Playwright's own browser download is never used). Each
test module starts its own JupyterLab or Voilà server on a free port on
127.0.0.1, with its own configuration, runtime and settings folders, so that two
test workers (``pytest -n 2``) never share one, and JupyterLab works on a copy
of the notebooks: nothing in the repository is ever saved over.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
HOST = "127.0.0.1"

#: Flags for a quiet, self-contained headless Chromium (the machine has no network).
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]

#: Generous limits: the CI machine has two cores shared by two test workers.
START_TIMEOUT = 90  # seconds for a server to answer
STEP_TIMEOUT = 60_000  # milliseconds for one step in the page (a kernel start, a run of all cells)


def require_chromium() -> None:
    """Fail (never skip) when Debian's Chromium is missing, saying how to install it."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing, so the browser tests cannot run. Install it with "
                    "`apt-get install chromium` (as root; .ci/run does this in CI), then run the tests again.",
                    pytrace=False)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def server_env(home: Path) -> dict[str, str]:
    """Environment for a server and its kernels: private Jupyter folders under ``home``.

    The test process sets ``MPLBACKEND=Agg`` for headless plots; a kernel in the
    browser must draw inline as it does for a learner, so that variable is dropped.
    """
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)
    for var, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_RUNTIME_DIR", "runtime"),
                     ("IPYTHONDIR", "ipython")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / sub)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


class Server:
    """A server process in its own process group, with its output in a log file."""

    def __init__(self, cmd: list[str], *, url: str, ready_url: str, env: dict[str, str],
                 cwd: Path, log: Path):
        self.url, self.log = url, log
        self._log_file = open(log, "w", encoding="utf-8")  # noqa: SIM115 (closed in stop)
        self.proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=self._log_file,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        self._wait(ready_url)

    def _wait(self, ready_url: str) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.stop()
                pytest.fail(f"the server stopped at start (exit {self.proc.returncode}):\n{self.tail()}",
                            pytrace=False)
            try:
                with urllib.request.urlopen(ready_url, timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        self.stop()
        pytest.fail(f"the server did not answer {ready_url} within {START_TIMEOUT} s:\n{self.tail()}",
                    pytrace=False)

    def tail(self, lines: int = 40) -> str:
        """The last lines the server printed."""
        self._log_file.flush()
        return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        """Stop the server and every process it started (its kernels too)."""
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
            except ProcessLookupError:
                pass
        self._log_file.close()


def start_lab(root_dir: Path, home: Path) -> Server:
    """JupyterLab on a free loopback port, with a token, serving ``root_dir``."""
    port, token = free_port(), secrets.token_hex(16)
    cmd = [str(BIN / "jupyter"), "lab", "--no-browser", f"--ServerApp.ip={HOST}",
           f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root_dir}",
           "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
           f"--LabApp.user_settings_dir={home / 'user-settings'}",
           f"--LabApp.workspaces_dir={home / 'workspaces'}"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    base = f"http://{HOST}:{port}"
    server = Server(cmd, url=base, ready_url=f"{base}/api/status?token={token}",
                    env=server_env(home), cwd=root_dir, log=home / "jupyterlab.log")
    server.token = token
    return server


def start_app(home: Path) -> Server:
    """The dashboard app exactly as ``make app`` serves it, on a free loopback port.

    ``make -o`` marks the set-up stamps as done, so the test never reinstalls
    anything; what runs is the Makefile's own ``app`` recipe.
    """
    port = free_port()
    venv = Path(sys.prefix)
    cmd = ["make", "--no-print-directory", "-o", str(venv / ".installed"), "-o",
           str(venv / ".installed-test"), "app", f"PORT={port}", f"VENV={venv}"]
    base = f"http://{HOST}:{port}"
    return Server(cmd, url=base, ready_url=f"{base}/", env=server_env(home), cwd=ROOT,
                  log=home / "voila.log")


def launch_chromium(playwright, profile_dir: Path):
    """Headless Debian Chromium with a fresh profile, as one Playwright browser context."""
    context = playwright.chromium.launch_persistent_context(
        str(profile_dir), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
        viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(STEP_TIMEOUT)
    return context


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot as ``test-artifacts/<name>.png``."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# --- JupyterLab pages ---

def open_notebook(page, server: Server, path: str) -> None:
    """Open ``path`` (relative to the server's root) and wait for its kernel to be idle.

    The status bar's "Idle" is the signal: the toolbar's indicator can say idle
    while the kernel is still connecting.
    """
    page.goto(f"{server.url}/lab/tree/{path}?token={server.token}")
    page.locator(".jp-Notebook .jp-Cell").first.wait_for()
    page.locator("#jp-main-statusbar").get_by_text("Idle").wait_for()


def run_all_cells(page) -> None:
    """Run All Cells from the Run menu and wait until every code cell has run."""
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')];
            return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""", timeout=STEP_TIMEOUT * 2)
    page.locator("#jp-main-statusbar").get_by_text("Idle").wait_for()


def page_problems(page) -> list[str]:
    """Widget display errors and tracebacks visible in the page."""
    problems = []
    for text in ("Error displaying widget", "Traceback (most recent call last)", "model not found"):
        n = page.get_by_text(text).count()
        if n:
            problems.append(f"{n} × {text!r}")
    return problems


def output_state(locator) -> str:
    """What an output area shows: its text and the sources of its images."""
    return locator.evaluate(
        """el => el.innerText + '\\n' +
            [...el.querySelectorAll('img')].map(i => i.src.slice(-200)).join('\\n')""")
