"""Support for the browser tests: servers on free loopback ports and headless Chromium.

The browser tests drive an installed Chromium or Chrome through Playwright
(``executable_path``; Playwright's own browser download is never used), found by
:mod:`find_browser` (``make test`` installs Debian's ``chromium`` first as root). Each
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

from find_browser import find_browser, missing_message

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
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


def require_chromium() -> Path:
    """The installed Chromium or Chrome; fail (never skip) when there is none, saying how to install one."""
    found = find_browser()
    if found is None:
        pytest.fail(missing_message(), pytrace=False)
    return found


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

    def __init__(self, cmd: list[str], *, url: str, port: int, env: dict[str, str], cwd: Path,
                 log: Path, ready_url: str | None = None):
        self.url, self.port, self.log = url, port, log
        self._log_file = open(log, "w", encoding="utf-8")  # noqa: SIM115 (closed in stop)
        self.proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=self._log_file,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        self._wait(ready_url)

    def _wait(self, ready_url: str | None) -> None:
        """Wait until ``ready_url`` answers 200 (or, without one, until the port accepts)."""
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.stop()
                pytest.fail(f"the server stopped at start (exit {self.proc.returncode}):\n{self.tail()}",
                            pytrace=False)
            try:
                if ready_url is None:
                    socket.create_connection((HOST, self.port), timeout=5).close()
                    return
                with urllib.request.urlopen(ready_url, timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        self.stop()
        pytest.fail(f"the server did not answer on port {self.port} within {START_TIMEOUT} s:\n{self.tail()}",
                    pytrace=False)

    def listening_addresses(self) -> set[str]:
        """The IP addresses this server's port listens on, read from ``/proc/net/tcp*``."""
        found = set()
        for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
            for line in Path(table).read_text().splitlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                address, port = local.split(":")
                if state == "0A" and int(port, 16) == self.port:  # 0A: LISTEN
                    raw = bytes.fromhex(address)
                    # The kernel prints each 32-bit word of the address in host byte order.
                    words = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))
                    found.add(socket.inet_ntop(socket.AF_INET if width == 8 else socket.AF_INET6, words))
        return found

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
        if not self._log_file.closed:
            self._log_file.close()
            ARTIFACTS.mkdir(exist_ok=True)
            shutil.copy(self.log, ARTIFACTS / self.log.name)


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
    # Draw every cell of a notebook, not only those near the visible part ("windowing"):
    # the tests are about widgets, and a widget further down is then in the page to find.
    tracker = home / "user-settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True, exist_ok=True)
    tracker.write_text('{"windowingMode": "none"}', encoding="utf-8")
    base = f"http://{HOST}:{port}"
    server = Server(cmd, url=base, port=port, ready_url=f"{base}/api/status?token={token}",
                    env=server_env(home), cwd=root_dir, log=home / f"jupyterlab-{port}.log")
    server.token = token
    return server


def start_app(home: Path) -> Server:
    """The dashboard app exactly as ``make app`` serves it, on a free loopback port.

    ``make -o`` marks the set-up stamps as done, so the test never reinstalls
    anything; what runs is the Makefile's own ``app`` recipe.
    """
    port, token = free_port(), secrets.token_hex(16)
    venv = Path(sys.prefix)
    cmd = ["make", "--no-print-directory", "-o", str(venv / ".installed"), "-o",
           str(venv / ".installed-test"), "app", f"PORT={port}", f"VENV={venv}"]
    base = f"http://{HOST}:{port}"
    env = server_env(home)
    env["APP_TOKEN"] = token  # the Makefile's way to choose the token
    # Readiness is an open port: a page request would run the notebook in an extra kernel.
    server = Server(cmd, url=base, port=port, env=env, cwd=ROOT, log=home / f"voila-{port}.log")
    server.token = token
    return server


def launch_chromium(playwright, profile_dir: Path, executable: Path):
    """Headless Chromium (or Chrome) with a fresh profile, as one Playwright browser context."""
    context = playwright.chromium.launch_persistent_context(
        str(profile_dir), executable_path=str(executable), headless=True, args=CHROMIUM_ARGS,
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
    page.goto(f"{server.url}/lab/tree/{path}?reset&token={server.token}")  # reset: no tabs restored
    page.locator(".jp-Notebook .jp-Cell").first.wait_for()
    page.locator("#jp-main-statusbar").get_by_text("Idle").wait_for()


def run_all_cells(page) -> None:
    """Run All Cells from the Run menu and wait until every code cell has run."""
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    # Done when every code cell has its number, or as soon as one raised (Run All stops there).
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')];
            const raised = [...document.querySelectorAll('.jp-RenderedText')]
                .some(o => o.innerText.includes('Traceback (most recent call last)'));
            return raised || (prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent)));
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


def find_in_notebook(page, locator):
    """Scroll the notebook to ``locator`` (the first match) and return it."""
    locator.first.wait_for()
    locator.first.scroll_into_view_if_needed()
    return locator.first
