"""How `make lab` and `make app` are set up: the page each opens, what the app leaves out,
and that neither asks any host but 127.0.0.1. The browser tests check the same in a real page."""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LESSON_05 = ROOT / "notebooks" / "05-explorer.ipynb"
TEMPLATE = ROOT / "jupyter" / "voila" / "templates" / "kit"


def _dry_run(target: str, **variables) -> str:
    venv = Path(sys.prefix)
    cmd = ["make", "--no-print-directory", "-n", "-o", str(venv / ".installed"), "-o",
           str(venv / ".installed-test"), "-o", str(venv / "share/jupyter/lab/settings/overrides.json"),
           target, f"VENV={venv}", *(f"{k}={v}" for k, v in variables.items())]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=60, check=True).stdout


def test_make_lab_sets_jupyterlab_s_own_default_url_to_lesson_00():
    """ServerApp.default_url is overridden by LabApp's (/lab, the Launcher): the lesson goes on LabApp."""
    command = _dry_run("lab")
    url = re.search(r"--LabApp\.default_url=(\S+)", command).group(1)
    assert url == "/lab/tree/notebooks/00-start-here.ipynb" and (ROOT / url.removeprefix("/lab/tree/")).is_file()
    assert "--ServerApp.ip=127.0.0.1" in command and "ServerApp.default_url" not in command
    assert "--no-browser --x" in _dry_run("lab", LAB_ARGS="--no-browser --x")


def test_jupyterlab_saves_widget_state_and_make_copies_the_settings():
    settings = json.loads((ROOT / "jupyter" / "overrides.json").read_text(encoding="utf-8"))
    assert settings["@jupyter-widgets/jupyterlab-manager:plugin"] == {"saveState": True}
    rule = re.search(r"^\$\(SETTINGS\): (.*)\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(), re.MULTILINE)
    assert rule and "jupyter/overrides.json" in rule.group(1) and "cp jupyter/overrides.json $@" in rule.group(2)
    for target in ("lab", "test"):
        assert re.search(rf"^{target}:.*\$\(SETTINGS\)", (ROOT / "Makefile").read_text(), re.MULTILINE)


def test_make_app_uses_the_kit_s_template_and_leaves_lab_only_cells_out():
    command = _dry_run("app")
    assert "--template=kit" in command and "--TagRemovePreprocessor.remove_cell_tags=lab-only" in command
    assert f'JUPYTER_PATH="{ROOT}/jupyter' in command
    assert json.loads((TEMPLATE / "conf.json").read_text(encoding="utf-8")) == {"base_template": "lab"}


def test_the_kit_s_template_leaves_out_exactly_the_cdn_links_of_voila_s():
    """If Voilà changes its links, this fails before a learner's page asks a CDN (the browser test would too)."""
    from jupyter_core.paths import jupyter_path

    theirs = next(Path(p) / "lab" / "index.html.j2" for p in jupyter_path("voila", "templates")
                  if (Path(p) / "lab" / "index.html.j2").is_file()).read_text(encoding="utf-8")
    links = re.findall(r'<link rel="stylesheet" href="https?://[^"]+" type="text/css" />', theirs)
    ours = (TEMPLATE / "index.html.j2").read_text(encoding="utf-8")
    assert links and all(f"replace('{link}', '')" in ours for link in links)
    rest = theirs
    for link in links:
        rest = rest.replace(link, "")
    assert not re.findall(r"(?:src|href)=[\"']https?://", rest)  # nothing else in it asks another host


def _cells():
    return json.loads(LESSON_05.read_text(encoding="utf-8"))["cells"]


def test_lesson_05_tags_what_makes_no_sense_in_the_app():
    """Links to notebooks or exercises (403 in Voilà) and text about JupyterLab are in cells tagged lab-only."""
    lab_only = re.compile(r"\]\([^)]*(?:\.ipynb|exercises/)|make app|first cell|Shift \+ Enter|JupyterLab")
    for i, cell in enumerate(_cells()):
        tags = cell.get("metadata", {}).get("tags", [])
        text = "".join(cell["source"])
        if cell["cell_type"] == "code":
            assert "lab-only" not in tags, f"cell {i} is code: the app must run it"
        elif lab_only.search(text):
            assert "lab-only" in tags, f"cell {i} makes no sense in the app; tag it lab-only: {text[:60]!r}"
    shown = [c for c in _cells() if c["cell_type"] == "markdown" and "lab-only" not in c["metadata"].get("tags", [])]
    assert shown and any("How the views are linked" in "".join(c["source"]) for c in shown)


# --- the app answers only requests addressed to this computer ------------------------------------

def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _status(port: int, path: str, host: str) -> int:
    """The status of a GET sent to 127.0.0.1:port with this Host header (the body is not read)."""
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.putrequest("GET", path, skip_host=True)
        conn.putheader("Host", host)
        conn.endheaders()
        return conn.getresponse().status
    finally:
        conn.close()


def test_make_app_refuses_a_foreign_host_as_jupyterlab_does():
    """DNS rebinding: a page of evil.com whose name now leads to 127.0.0.1 sends `Host: evil.com`."""
    import os
    import signal
    import socket
    import time

    venv, port, token = Path(sys.prefix), _free_port(), "kit-test-token"
    cmd = ["make", "--no-print-directory", "-o", str(venv / ".installed"), "-o", str(venv / ".installed-test"),
           "app", f"VENV={venv}", f"PORT={port}", f"APP_TOKEN={token}"]
    app = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert app.poll() is None and time.monotonic() < deadline, app.stderr.read().decode()[-2000:]
                time.sleep(0.3)
        kernel = "/api/kernels/00000000-0000-0000-0000-000000000000"
        for host in ("evil.com", "localhost.evil.com", f"evil.com:{port}", f"localhost.evil.com:{port}"):
            assert _status(port, f"/?token={token}", host) == 403, host  # before any kernel starts
            assert _status(port, f"{kernel}?token={token}", host) == 403, host
        assert _status(port, f"{kernel}?token={token}", f"localhost:{port}") == 404  # no such kernel: let in
        assert _status(port, f"/?token={token}", f"127.0.0.1:{port}") == 200
    finally:
        os.killpg(app.pid, signal.SIGTERM)
        try:
            app.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(app.pid, signal.SIGKILL)
            app.wait()


def test_the_app_s_host_check_is_voila_s_setting():
    settings = json.loads((ROOT / "jupyter" / "voila.json").read_text(encoding="utf-8"))
    assert settings["Voila"]["tornado_settings"]["allow_remote_access"] is False
    assert f'--Voila.config_file_paths="{ROOT}/jupyter"' in _dry_run("app")
