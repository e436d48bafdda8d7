"""The widgets work where learners use them: JupyterLab and the Voilà app, in headless Chromium.

Each test opens a page as a learner would, runs it, checks that no widget failed to
display ("Error displaying widget") and no cell raised, then changes a control and
checks that the view changed. Screenshots go to ``test-artifacts/``.
"""

import json
import shutil
import urllib.request

import pytest

from browser_support import (ROOT, find_in_notebook, launch_chromium, open_notebook, page_problems,
                             require_chromium, run_all_cells, screenshot, start_app, start_lab)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = launch_chromium(playwright, tmp_path_factory.mktemp("chromium-profile"), executable)
        yield context
        context.close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab serving a copy of the notebooks: nothing it saves reaches the repository."""
    committed = {p: p.read_bytes() for p in (ROOT / "notebooks").glob("*.ipynb")}
    root = tmp_path_factory.mktemp("lab-root")
    shutil.copytree(ROOT / "notebooks", root / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    server = start_lab(root, tmp_path_factory.mktemp("jupyter-home"))
    server.root = root
    yield server
    server.stop()
    changed = [p.name for p, data in committed.items() if p.read_bytes() != data]
    assert not changed, f"JupyterLab wrote into the repository's notebooks: {changed}"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """The dashboard app, started by `make app` on a free loopback port."""
    server = start_app(tmp_path_factory.mktemp("voila-home"))
    yield server
    server.stop()


def _labelled(page, kind, label):
    """The ipywidgets control of class ``widget-<kind>`` whose description is ``label``."""
    return page.locator(f".widget-{kind}").filter(has=page.locator(".widget-label", has_text=label))


def _slide_right(page, slider):
    """Move a slider one step to the right from the keyboard, as a learner can."""
    slider.locator(".noUi-handle").focus()
    page.keyboard.press("ArrowRight")


def _options(select) -> list[str]:
    return select.locator("option").evaluate_all("options => options.map(o => o.textContent)")


def test_ipywidgets_render_and_respond_in_jupyterlab(lab, chromium):
    """The widget front end itself works: a plain slider drives an Output widget."""
    source = ("import ipywidgets as w\nout = w.Output()\ns = w.IntSlider(value=3, max=10, description='n')\n"
              "def show(change=None):\n    out.outputs = ()\n    out.append_stdout(f'value {s.value}')\n"
              "s.observe(show, 'value'); show()\nw.VBox([s, out])")
    nb = {"cells": [{"cell_type": "code", "metadata": {}, "source": source, "outputs": [],
                     "execution_count": None}],
          "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    (lab.root / "plain-widget.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    page = chromium.new_page()
    open_notebook(page, lab, "plain-widget.ipynb")
    run_all_cells(page)
    out = page.locator(".widget-output .jp-RenderedText").first
    out.wait_for()
    assert out.inner_text().strip() == "value 3"
    _slide_right(page, _labelled(page, "slider", "n"))
    page.locator(".widget-output .jp-RenderedText", has_text="value 4").wait_for()
    screenshot(page, "lab-plain-slider")
    assert page_problems(page) == []
    page.close()


def test_frequency_explorer_in_lesson_02(lab, chromium):
    page = chromium.new_page()
    open_notebook(page, lab, "notebooks/02-frequency-analysis.ipynb")
    run_all_cells(page)
    assert page_problems(page) == [], "lesson 02 shows an error in JupyterLab"
    slider = find_in_notebook(page, _labelled(page, "slider", "Top words"))
    words = _labelled(page, "select", "Pick a word").locator("select")
    before = _options(words)
    assert len(before) == 15 and before[0].startswith("cooperation")
    _slide_right(page, slider)
    page.wait_for_function("el => el.options.length === 16", arg=words.element_handle())
    after = _options(words)
    assert after[:15] == before and after[15] not in before
    # Picking a word from the list shows its keyword-in-context lines.
    kwic = page.locator(".widget-html", has=page.locator("mark")).first
    first = kwic.inner_text()
    words.select_option(label=after[2])  # "nations (29)"
    picked = after[2].split()[0]
    page.wait_for_function("([el, before]) => el.innerText !== before", arg=[kwic.element_handle(), first])
    assert _labelled(page, "text", "Word").locator("input").input_value() == picked
    screenshot(page, "lab-02-frequency-explorer")
    assert page_problems(page) == []
    page.close()


def test_speaker_explorer_in_lesson_03(lab, chromium):
    page = chromium.new_page()
    open_notebook(page, lab, "notebooks/03-speakers.ipynb")
    run_all_cells(page)
    assert page_problems(page) == [], "lesson 03 shows an error in JupyterLab"
    pick = find_in_notebook(page, _labelled(page, "dropdown", "Speaker")).locator("select")
    view = page.locator(".widget-html", has_text="Speaks for").first
    assert "Ban Ki-moon" in view.inner_text()
    chart = page.locator(".widget-html", has_text="Words typical of").first
    assert "Words typical of Ban Ki-moon" in chart.inner_text()
    pick.select_option("Maleeha Lodhi")
    page.locator(".widget-html", has_text="Maleeha Lodhi —").wait_for()
    assert view.locator("mark").count() == 5  # her five sentences, as speaker_view says
    page.locator(".widget-html", has_text="Words typical of Maleeha Lodhi").wait_for()
    bars = page.locator(".widget-html", has_text="Words typical of Maleeha Lodhi").first.locator("td div")
    widths = [b.evaluate("el => el.getBoundingClientRect().width") for b in bars.all()]
    assert len(widths) == 8 and widths[0] > 0 and widths == sorted(widths, reverse=True)  # bars, longest on top
    screenshot(page, "lab-03-speaker-explorer")
    assert page_problems(page) == []
    page.close()


def test_dashboard_app_in_voila(app, chromium):
    assert app.listening_addresses() == {"127.0.0.1"}, "make app must listen on the loopback address only"
    with urllib.request.urlopen(app.url + "/", timeout=30) as without_token:
        assert "/login" in without_token.geturl(), "make app must ask for its token"
    page = chromium.new_page()
    page.goto(f"{app.url}/?token={app.token}", wait_until="commit")
    words = _labelled(page, "select", "Pick a word").locator("select")
    words.wait_for()
    assert page_problems(page) == []
    # 1 · Words: one more top word, and a picked word's contexts.
    before = _options(words)
    _slide_right(page, _labelled(page, "slider", "Top words"))
    page.wait_for_function("el => el.options.length === 16", arg=words.element_handle())
    kwic = page.locator(".widget-html", has_text="occurrences of 'cooperation'").first
    kwic.wait_for()
    words.select_option(label=_options(words)[1])  # "united (30)"
    page.locator(".widget-html", has_text="occurrences of 'united'").first.wait_for()
    assert len(before) == 15
    screenshot(page, "app-dashboard-words")
    # 2 · Speakers → 3 · Themes: the picked speaker's row is outlined in the themes table.
    pick = _labelled(page, "dropdown", "Speaker").locator("select")
    pick.select_option("Rashid Alimov")
    page.locator(".widget-html", has_text="Rashid Alimov —").wait_for()
    row = page.locator("tr", has_text="▶ Rashid Alimov")
    row.wait_for()
    assert page.locator("tr", has_text="▶").count() == 1
    assert _labelled(page, "dropdown", "Row").locator("select").input_value() == "Rashid Alimov"
    row.scroll_into_view_if_needed()
    screenshot(page, "app-dashboard-themes")
    assert page_problems(page) == []
    page.close()
