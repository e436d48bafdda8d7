"""Support for the browser tests: servers on free loopback ports and headless Chromium.

The browser tests drive an installed Chromium or Chrome through Playwright
(``executable_path``; Playwright's own browser download is never used), found by
:mod:`find_browser` (``make test`` installs Debian's ``chromium`` first as root). Each
test module starts its own JupyterLab or Voilà server on a free port on
127.0.0.1, with its own configuration, data, runtime and settings folders, so that
two test workers (``pytest -n 2``) never share one, and JupyterLab works on a copy
of the notebooks: nothing in the repository is ever saved over. Both servers are
started by the Makefile's own recipes (``make lab``, ``make app``).

Every request the pages make is logged (:class:`RequestLog`, kept in
``test-artifacts/``); a request to any host but 127.0.0.1 is stopped and fails the test.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
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
#: The page size of every screenshot: a laptop screen, with JupyterLab's file browser open.
VIEWPORT = {"width": 1400, "height": 900}


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
    env.pop("JUPYTER_PATH", None)
    for var, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                     ("JUPYTER_RUNTIME_DIR", "runtime"), ("IPYTHONDIR", "ipython")):
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


def _make(*args: str) -> list[str]:
    """``make`` with the set-up stamps marked as done, so that a test never installs anything."""
    venv = Path(sys.prefix)
    return ["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "-o", str(venv / ".installed"),
            "-o", str(venv / ".installed-test"), "-o", str(SETTINGS), *args, f"VENV={venv}"]


#: Where ``make`` puts the kit's JupyterLab settings (jupyter/overrides.json) in the environment.
SETTINGS = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def lab_url_printed(server: "Server") -> str:
    """The address JupyterLab printed for the learner to open (the last one, with its token)."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        # JupyterLab prints a token it was given as "..."; a learner's own is printed in full.
        found = re.findall(r"http://127\.0\.0\.1:\d+/\S*\?token=(?:\w+|\.\.\.)", server.tail(200))
        if found:
            return found[-1].replace("token=...", f"token={server.token}")
        time.sleep(0.3)
    pytest.fail(f"JupyterLab printed no address to open:\n{server.tail()}", pytrace=False)


def start_lab(root_dir: Path, home: Path, *, server_config: dict | None = None) -> Server:
    """JupyterLab started by ``make lab`` on a free loopback port, with a token, serving ``root_dir``.

    ``home`` holds fresh Jupyter folders (configuration, data, workspaces, settings);
    ``server_config`` is written there as the user's ``jupyter_server_config.json``.
    The only settings added to the Makefile's are ``--no-browser``, the port and the
    token, and one user setting: every cell of a notebook is drawn, not only those
    near the visible part ("windowing"), so that a widget further down is in the page.
    """
    import json

    venv = Path(sys.prefix)
    make_settings = subprocess.run(["make", "--no-print-directory", "-o", str(venv / ".installed"),
                                    str(SETTINGS), f"VENV={venv}"], cwd=ROOT, capture_output=True, text=True)
    if make_settings.returncode != 0 or SETTINGS.read_bytes() != (ROOT / "jupyter" / "overrides.json").read_bytes():
        pytest.fail(f"make could not copy jupyter/overrides.json into {SETTINGS}:\n{make_settings.stderr}",
                    pytrace=False)
    port, token = free_port(), secrets.token_hex(16)
    env = server_env(home)
    config = Path(env["JUPYTER_CONFIG_DIR"])
    tracker = config / "lab" / "user-settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True, exist_ok=True)
    tracker.write_text('{"windowingMode": "none"}', encoding="utf-8")
    if server_config is not None:
        (config / "jupyter_server_config.json").write_text(json.dumps(server_config), encoding="utf-8")
    extra = f"--no-browser --ServerApp.port_retries=0 --IdentityProvider.token={token}"
    cmd = [*_make("lab", f"PORT={port}", f"LAB_ARGS={extra}")]
    base = f"http://{HOST}:{port}"
    server = Server(cmd, url=base, port=port, ready_url=f"{base}/api/status?token={token}",
                    env=env, cwd=root_dir, log=home / f"jupyterlab-{port}.log")
    server.token = token
    return server


def start_app(home: Path) -> Server:
    """The dashboard app exactly as ``make app`` serves it, on a free loopback port.

    ``make -o`` marks the set-up stamps as done, so the test never reinstalls
    anything; what runs is the Makefile's own ``app`` recipe.
    """
    port, token = free_port(), secrets.token_hex(16)
    cmd = _make("app", f"PORT={port}")
    base = f"http://{HOST}:{port}"
    env = server_env(home)
    env["APP_TOKEN"] = token  # the Makefile's way to choose the token
    # Readiness is an open port: a page request would run the notebook in an extra kernel.
    server = Server(cmd, url=base, port=port, env=env, cwd=ROOT, log=home / f"voila-{port}.log")
    server.token = token
    return server


def launch_chromium(playwright, profile_dir: Path, executable: Path):
    """Headless Chromium (or Chrome) with a fresh profile, as one Playwright browser context.

    The context carries a :class:`RequestLog` as ``.requests``.
    """
    context = playwright.chromium.launch_persistent_context(
        str(profile_dir), executable_path=str(executable), headless=True, args=CHROMIUM_ARGS,
        viewport=VIEWPORT)
    context.set_default_timeout(STEP_TIMEOUT)
    context.requests = RequestLog(context)
    return context


def _host(url: str) -> str | None:
    """The host a URL asks, or None for one that asks no host (data:, blob:, about:)."""
    parts = urllib.parse.urlsplit(url)
    return parts.hostname if parts.scheme in ("http", "https", "ws", "wss") else None


class RequestLog:
    """Every request the pages of one browser context make, and those to other hosts, stopped.

    A request to a host other than 127.0.0.1 is aborted (the machine may have no network,
    and a page must not wait for one) and recorded; :meth:`check` fails the test on it.
    """

    def __init__(self, context):
        self.lines: list[str] = []
        self.outside: list[str] = []
        context.on("request", self._seen)
        context.route(lambda url: _host(url) not in (None, HOST), self._stop)
        context.on("page", lambda page: page.on("websocket", lambda ws: self.lines.append(f"WEBSOCKET {ws.url}")))

    def _seen(self, request):
        self.lines.append(f"{request.method} {request.resource_type} {request.url}")

    def _stop(self, route):
        self.outside.append(route.request.url)
        route.abort()

    def mark(self) -> int:
        """Where the log stands now, to check only what comes after."""
        return len(self.lines), len(self.outside)

    def check(self, name: str, since=(0, 0)) -> Path:
        """Write the requests since ``since`` to ``test-artifacts/requests-<name>.txt``; fail on another host."""
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"requests-{name}.txt"
        lines, outside = self.lines[since[0]:], self.outside[since[1]:]
        hosts = sorted({_host(line.split()[-1]) or "-" for line in lines})
        path.write_text(f"{len(lines)} requests; hosts: {', '.join(hosts)}\n"
                        + "".join(f"STOPPED (another host) {u}\n" for u in outside)
                        + "\n".join(lines) + "\n", encoding="utf-8")
        assert not outside, (f"the page asked other hosts than {HOST} (see {path.name}): "
                             + ", ".join(sorted(set(outside))[:5]))
        assert lines, "no request was logged: the log does not see the page"
        return path


def screenshot(page, name: str, *, full_page: bool = True) -> Path:
    """Save a screenshot as ``test-artifacts/<name>.png`` (the whole page, or what the window shows)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


#: The notebook's scrolling area in JupyterLab 4.
NOTEBOOK_SCROLLER = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer"

#: Marks the element that scrolls the page: of those that scroll, the tallest (Voilà may scroll an element).
_MARK_SCROLLER_JS = """() => {
    const root = document.scrollingElement;
    let best = root, height = root.scrollHeight > root.clientHeight + 10 ? root.clientHeight : 0;
    for (const el of document.querySelectorAll('body *')) {
        const o = getComputedStyle(el).overflowY;
        if ((o === 'auto' || o === 'scroll') && el.scrollHeight > el.clientHeight + 10 && el.clientHeight > height) {
            best = el; height = el.clientHeight;
        }
    }
    best.setAttribute('data-test-scroller', '1');
}"""


def screenshot_scrolling(page, name: str, scroller: str | None = NOTEBOOK_SCROLLER, limit: int = 40) -> list[Path]:
    """Screenshots of a whole notebook or page, one window at a time from the top: ``<name>-01.png`` …

    JupyterLab (and Voilà) scroll inside the page, so one page screenshot shows only the
    window; this scrolls ``scroller`` (``None``: whatever scrolls most) by most of a window
    between shots.
    """
    if scroller is None:
        page.evaluate(_MARK_SCROLLER_JS)
        scroller = "[data-test-scroller]"
    box = page.locator(scroller).first
    box.evaluate("el => { el.scrollTop = 0; }")
    shots = []
    for k in range(1, limit + 1):
        page.wait_for_timeout(150)
        shots.append(screenshot(page, f"{name}-{k:02d}", full_page=False))
        moved = box.evaluate("""el => { const before = el.scrollTop;
            el.scrollTop = before + Math.floor(el.clientHeight * 0.85); return el.scrollTop > before; }""")
        if not moved:
            break
    return shots


def open_file_browser(page) -> None:
    """Make sure JupyterLab's file browser is open in the left side bar (as a learner has it)."""
    browser = page.locator("#filebrowser")
    if not browser.is_visible():
        page.locator(".jp-SideBar.jp-mod-left [data-id='filebrowser']").first.click()
    browser.wait_for(state="visible")


#: In the page: outputs (and widgets) whose content runs past the right edge of their cell, and
#: tables wider than their box that scroll with a box much taller than they are (the scroll bar far below).
_LAYOUT_JS = r"""(scope) => {
    const problems = [];
    const roots = [...document.querySelectorAll(scope)];
    const clipper = (el, stop) => {
        for (let a = el.parentElement; a && a !== stop; a = a.parentElement) {
            const o = getComputedStyle(a).overflowX;
            if (o === 'auto' || o === 'scroll' || o === 'hidden') return a;
        }
        return null;
    };
    const name = el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
        ? '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.') : '');
    for (const root of roots) {
        const edge = root.getBoundingClientRect().right + 1;
        for (const el of root.querySelectorAll('table, pre, img, svg, canvas, .widget-box, .widget-html, .jp-OutputArea-output')) {
            const box = el.getBoundingClientRect();
            if (box.width === 0) continue;
            const clip = clipper(el, root);
            const where = (root.closest('.jp-Cell') ? 'cell ' + [...document.querySelectorAll('.jp-Cell')].indexOf(root.closest('.jp-Cell')) : 'page');
            if (!clip) {
                if (box.right > edge) problems.push(`${where}: ${name(el)} runs ${Math.round(box.right - edge)} px past the right edge`);
                continue;
            }
            const c = clip.getBoundingClientRect();
            if (c.right > edge) problems.push(`${where}: the box around ${name(el)} runs ${Math.round(c.right - edge)} px past the right edge`);
            if (el.tagName === 'TABLE' && box.right > c.right + 1 && c.height > box.height + 80)
                problems.push(`${where}: a wide table scrolls with a box ${Math.round(c.height - box.height)} px taller than it (its scroll bar is far below it)`);
        }
    }
    return problems;
}"""


def layout_problems(page, scope: str = ".jp-Notebook .jp-Cell") -> list[str]:
    """What runs off the right edge in the page: see :data:`_LAYOUT_JS`."""
    return page.evaluate(_LAYOUT_JS, scope)


_TRUNCATED_JS = """(columns) => {
    const found = [];
    for (const table of document.querySelectorAll('table')) {
        const headRow = table.querySelector('thead tr') || table.querySelector('tr');
        if (!headRow) continue;
        const head = [...headRow.children].map(th => th.innerText.trim());
        for (const column of columns) {
            const k = head.indexOf(column);
            if (k < 0) continue;
            found.push({column, cut: [], rows: 0});
            const entry = found[found.length - 1];
            for (const row of table.querySelectorAll('tr')) {
                if (row === headRow || row.parentElement.tagName === 'THEAD') continue;
                const cell = row.children[k];
                if (!cell) continue;
                entry.rows += 1;
                const text = cell.innerText.trim();
                if (text === '…' || text === '...' || text.endsWith('...') || text.endsWith('…')) entry.cut.push(text);
            }
        }
    }
    return found;
}"""


def truncated_cells(page, columns: list[str]) -> dict[str, list[str]]:
    """For each column named, the cells cut to "…" in the page's tables (a column not found: missing)."""
    found = page.evaluate(_TRUNCATED_JS, columns)
    out = {c: None for c in columns}
    for entry in found:
        if entry["rows"]:
            out[entry["column"]] = (out[entry["column"]] or []) + entry["cut"]
    return out


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
