"""The widgets work where learners use them: JupyterLab and the Voilà app, in headless Chromium."""

import json
import shutil

import pytest

from browser_support import (ROOT, launch_chromium, open_notebook, output_state, page_problems,
                             require_chromium, run_all_cells, screenshot, start_app, start_lab)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = launch_chromium(playwright, tmp_path_factory.mktemp("chromium-profile"))
        yield context
        context.close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab serving a copy of the notebooks: nothing it saves reaches the repository."""
    root = tmp_path_factory.mktemp("lab-root")
    shutil.copytree(ROOT / "notebooks", root / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    server = start_lab(root, tmp_path_factory.mktemp("jupyter-home"))
    server.root = root
    yield server
    server.stop()


def test_a_plain_slider_renders_and_responds(lab, chromium):
    cells = [
        "import ipywidgets as w\nout = w.Output()\ns = w.IntSlider(value=3, max=10)\n"
        "def show(change=None):\n    out.clear_output()\n    with out:\n        print('value', s.value)\n"
        "s.observe(show, 'value'); show()\nw.VBox([s, out])",
    ]
    nb = {"cells": [{"cell_type": "code", "metadata": {}, "source": c, "outputs": [], "execution_count": None}
                    for c in cells],
          "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    (lab.root / "plain.ipynb").write_text(json.dumps(nb))
    page = chromium.new_page()
    open_notebook(page, lab, "plain.ipynb")
    run_all_cells(page)
    out = page.locator(".widget-output .jp-RenderedText").first
    out.wait_for()
    assert "value 3" in out.inner_text()
    handle = page.locator(".noUi-handle").first
    handle.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.widget-output .jp-RenderedText').innerText.includes('value 4')")
    screenshot(page, "lab-plain-slider")
    assert page_problems(page) == []
    page.close()
