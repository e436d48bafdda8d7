"""The lessons and the app as learners see them: JupyterLab and Voilà, in a real headless Chromium.

``make lab`` opens lesson 00. Every lesson runs with Run All; no widget fails to display
("Error displaying widget") and no cell raises; nothing runs off the right edge of the page
at 1,400 × 900 with the file browser open; the text columns a lesson talks about are never
cut to "…"; each explorer answers a typed word, a pick, an edit. The app shows no text
meant for JupyterLab and no link that leads nowhere. No page asks any host but 127.0.0.1.
Screenshots of every lesson and of the app, and the request logs, go to ``test-artifacts/``.
"""

import json
import shutil
import urllib.request

import pytest

from browser_support import (HOST, ROOT, find_in_notebook, lab_url_printed, launch_chromium, layout_problems,
                             open_file_browser, open_notebook, page_problems, require_chromium, run_all_cells,
                             screenshot, screenshot_scrolling, start_app, start_lab, truncated_cells)

#: The lesson notebooks, 00 to 05.
LESSONS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
#: Text columns a lesson talks about: never cut to "…".
NAMED_COLUMNS = {
    "01-reading-the-article": ["reason"],           # "what cleaning removed, and why"
    "02-frequency-analysis": ["as words"],          # mentions vs words: the counts behind CIS 11 vs 17
    "04-comparing-themes": ["note", "terms"],       # "the note that explains each choice"
}
#: What the rerun note of an explorer says (see helpers.explore.RERUN_NOTE).
RERUN = "bring it back to life"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = launch_chromium(playwright, tmp_path_factory.mktemp("chromium-profile"), executable)
        yield context
        context.close()
    context.requests.check("all-pages-of-one-worker")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab started by `make lab`, fresh Jupyter folders, serving a copy of the notebooks.

    Nothing it saves reaches the repository.
    """
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


def test_make_lab_opens_lesson_00(lab, chromium):
    """The address `make lab` prints opens 00-start-here, not the Launcher, with a fresh configuration."""
    since = chromium.requests.mark()
    url = lab_url_printed(lab)
    assert url.split("?")[0].endswith("/lab/tree/notebooks/00-start-here.ipynb"), url
    page = chromium.new_page()
    page.goto(url)
    _assert_lesson_00_open(page)
    screenshot(page, "lab-opens-lesson-00", full_page=False)
    page.close()
    chromium.requests.check("lab-opens-lesson-00", since)


def _assert_lesson_00_open(page):
    tab = page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current")
    tab.filter(has_text="00-start-here.ipynb").wait_for()
    page.locator(".jp-Notebook .jp-MarkdownOutput h1", has_text="00 · Start here").first.wait_for()
    assert page.locator("#jp-main-dock-panel .lm-TabBar-tab", has_text="Launcher").count() == 0


def test_make_lab_opens_lesson_00_whatever_the_user_configures(tmp_path_factory, chromium):
    """A user's own default_url (JupyterLab's, or the server's) does not change where `make lab` opens."""
    root = tmp_path_factory.mktemp("lab-root-configured")
    shutil.copytree(ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    mine = {"ServerApp": {"default_url": "/tree"}, "LabApp": {"default_url": "/lab"}}
    server = start_lab(root, tmp_path_factory.mktemp("jupyter-home-configured"), server_config=mine)
    try:
        url = lab_url_printed(server)
        assert url.split("?")[0].endswith("/lab/tree/notebooks/00-start-here.ipynb"), url
        with urllib.request.urlopen(f"{server.url}/?token={server.token}", timeout=30) as home:
            assert home.geturl().split("?")[0].endswith("/lab/tree/notebooks/00-start-here.ipynb")
        since = chromium.requests.mark()
        page = chromium.new_page()
        page.goto(url)
        _assert_lesson_00_open(page)
        page.close()
        chromium.requests.check("lab-opens-lesson-00-configured", since)
    finally:
        server.stop()


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


def _check_frequency_explorer(page, lab, path):
    """Lesson 02: the slider adds a word, a pick shows its lines, and typing answers with no Enter."""
    slider = find_in_notebook(page, _labelled(page, "slider", "Top words"))
    words = _labelled(page, "select", "Pick a word").locator("select")
    before = _options(words)
    assert len(before) == 15 and before[0].startswith("cooperation")
    _slide_right(page, slider)
    page.wait_for_function("el => el.options.length === 16", arg=words.element_handle())
    after = _options(words)
    assert after[:15] == before and after[15] not in before
    kwic = page.locator(".widget-html", has=page.locator("mark")).first
    first = kwic.inner_text()
    words.select_option(label=after[2])  # "nations (29)"
    picked = after[2].split()[0]
    page.wait_for_function("([el, before]) => el.innerText !== before", arg=[kwic.element_handle(), first])
    box = _labelled(page, "text", "Word").locator("input")
    assert box.input_value() == picked
    _type_over(page, box, "sco")  # no Enter, no click elsewhere
    page.locator(".widget-html", has_text="1 occurrence of 'sco'").first.wait_for()
    screenshot(page, "lab-02-frequency-explorer", full_page=False)


def _type_over(page, box, text):
    """Click into a text box, select what is there and type ``text`` key by key, as a learner does."""
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text, delay=60)


def _first_mark_is_in_view(view) -> bool:
    """Whether the first marked sentence is visible inside the scrolling article box."""
    return view.evaluate("""el => {
        const box = el.querySelector("div[style*='overflow']");
        const mark = box && box.querySelector('mark');
        if (!mark) return false;
        const b = box.getBoundingClientRect(), m = mark.getBoundingClientRect();
        return m.top >= b.top - 1 && m.top < b.bottom && m.height > 0;
    }""")


def _check_speaker_explorer(page, lab, path):
    """Lesson 03: a pick marks the speaker's sentences and opens the article box at the first of them."""
    pick = find_in_notebook(page, _labelled(page, "dropdown", "Speaker")).locator("select")
    view = page.locator(".widget-html", has_text="Speaks for").first
    assert "Ban Ki-moon" in view.inner_text()
    chart = page.locator(".widget-html", has_text="Words typical of").first
    assert "Words typical of Ban Ki-moon" in chart.inner_text()
    pick.select_option("Tanmaya Lal")
    page.locator(".widget-html", has_text="Tanmaya Lal —").wait_for()
    assert view.locator("mark").count() == 4
    view.scroll_into_view_if_needed()
    assert _first_mark_is_in_view(view), "the article box does not show Tanmaya Lal's first sentence"
    assert "paragraphs above" in view.inner_text()
    pick.select_option("Maleeha Lodhi")
    page.locator(".widget-html", has_text="Maleeha Lodhi —").wait_for()
    assert view.locator("mark").count() == 5  # her five sentences, as speaker_view says
    assert _first_mark_is_in_view(view)
    page.locator(".widget-html", has_text="Words typical of Maleeha Lodhi").wait_for()
    bars = page.locator(".widget-html", has_text="Words typical of Maleeha Lodhi").first.locator("td div")
    widths = [b.evaluate("el => el.getBoundingClientRect().width") for b in bars.all()]
    assert len(widths) == 8 and widths[0] > 0 and widths == sorted(widths, reverse=True)  # bars, longest on top
    screenshot(page, "lab-03-speaker-explorer", full_page=False)


def _check_theme_explorer(page, lab, path):
    """Lesson 04: a term typed into the Terms box changes the table, with no click elsewhere."""
    edit = find_in_notebook(page, _labelled(page, "dropdown", "Edit theme")).locator("select")
    edit.select_option("Territorial integrity")
    terms = _labelled(page, "textarea", "Terms").locator("textarea")
    page.wait_for_function("el => el.value.startsWith('territorial integrity')", arg=terms.element_handle())
    table = page.locator(".widget-html", has=page.locator("table")).filter(has_text="Territorial").first
    before = table.inner_text()
    terms.click()
    page.keyboard.press("Control+End")
    page.keyboard.type("\nprinciple*", delay=60)
    page.wait_for_function("([el, before]) => el.innerText !== before", arg=[table.element_handle(), before])
    screenshot(page, "lab-04-theme-explorer", full_page=False)


def _check_saved_notebook_reopens(page, lab, path):
    """Saved, closed and reopened with a new kernel, the explorer shows its last state and says how to rerun."""
    page.locator(".jp-Notebook").first.click()
    page.keyboard.press("Control+s")
    saved = lab.root / path
    page.wait_for_function("() => !document.querySelector('.jp-mod-dirty')")
    deadline = 30
    import time

    end = time.monotonic() + deadline
    while "widgets" not in json.loads(saved.read_text(encoding="utf-8")).get("metadata", {}):
        assert time.monotonic() < end, "saving the notebook kept no widget state"
        time.sleep(0.3)
    page.close()
    for session in _api(lab, "sessions"):  # a reopened notebook gets a new kernel, without the explorers
        _api(lab, f"sessions/{session['id']}", method="DELETE")
    again = page.context.new_page()
    open_notebook(again, lab, path)
    find_in_notebook(again, again.get_by_text(RERUN))
    assert page_problems(again) == [], "a reopened notebook shows a widget error"
    assert _labelled(again, "slider", "Top words").count() == 1  # the explorer as it was saved
    screenshot(again, "lab-02-reopened", full_page=False)
    again.close()


def _api(server, path, method="GET"):
    request = urllib.request.Request(f"{server.url}/api/{path}?token={server.token}", method=method)
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read()
    return json.loads(body) if body else None


#: What each lesson's explorer must do once the lesson has run.
EXPLORER_CHECKS = {
    "02-frequency-analysis": [_check_frequency_explorer, _check_saved_notebook_reopens],
    "03-speakers": [_check_speaker_explorer],
    "04-comparing-themes": [_check_theme_explorer],
}


@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_in_jupyterlab(lesson, lab, chromium):
    """Run All: no error, nothing off the edge, no named text column cut; screenshots of it all."""
    since = chromium.requests.mark()
    page = chromium.new_page()
    path = f"notebooks/{lesson}.ipynb"
    open_notebook(page, lab, path)
    open_file_browser(page)
    run_all_cells(page)
    assert page_problems(page) == [], f"lesson {lesson} shows an error in JupyterLab"
    page.wait_for_timeout(500)  # images and widgets take their size
    screenshot_scrolling(page, f"lab-{lesson}")
    assert layout_problems(page) == [], f"lesson {lesson}: something runs off the right edge"
    for column, cut in truncated_cells(page, NAMED_COLUMNS.get(lesson, [])).items():
        assert cut is not None, f"lesson {lesson} shows no table with the column {column!r}"
        assert cut == [], f"lesson {lesson}: the column {column!r} is cut short: {cut[:3]}"
    for check in EXPLORER_CHECKS.get(lesson, []):
        check(page, lab, path)
    if not page.is_closed():
        page.close()
    chromium.requests.check(f"lab-{lesson}", since)


def test_dashboard_app_in_voila(app, chromium):
    assert app.listening_addresses() == {HOST}, "make app must listen on the loopback address only"
    with urllib.request.urlopen(app.url + "/", timeout=30) as without_token:
        assert "/login" in without_token.geturl(), "make app must ask for its token"
    since = chromium.requests.mark()
    page = chromium.new_page()
    page.goto(f"{app.url}/?token={app.token}", wait_until="commit")
    words = _labelled(page, "select", "Pick a word").locator("select")
    words.wait_for()
    assert page_problems(page) == []
    # Only what makes sense in the app: no text about JupyterLab, no link that leads nowhere.
    text = page.locator("body").inner_text()
    for lab_only in ("make app", "first cell loads", "Prerequisites", "Run All Cells", RERUN):
        assert lab_only not in text, f"the app shows JupyterLab's text {lab_only!r}"
    links = page.locator("a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert not [h for h in links if ".ipynb" in h or "exercises" in h], f"links that lead nowhere: {links}"
    # 1 · Words: one more top word, a picked word's contexts, a typed word with no Enter.
    before = _options(words)
    _slide_right(page, _labelled(page, "slider", "Top words"))
    page.wait_for_function("el => el.options.length === 16", arg=words.element_handle())
    kwic = page.locator(".widget-html", has_text="occurrences of 'cooperation'").first
    kwic.wait_for()
    words.select_option(label=_options(words)[1])  # "united (30)"
    page.locator(".widget-html", has_text="occurrences of 'united'").first.wait_for()
    assert len(before) == 15
    _type_over(page, _labelled(page, "text", "Word").locator("input"), "terrorism")
    page.locator(".widget-html", has_text="8 occurrences of 'terrorism'").first.wait_for()
    screenshot(page, "app-dashboard-words", full_page=False)
    # 2 · Speakers → 3 · Themes: the picked speaker's row is outlined in the themes table.
    pick = _labelled(page, "dropdown", "Speaker").locator("select")
    pick.select_option("Rashid Alimov")
    page.locator(".widget-html", has_text="Rashid Alimov —").wait_for()
    view = page.locator(".widget-html", has_text="Speaks for").first
    assert _first_mark_is_in_view(view), "the article box does not show Rashid Alimov's first sentence"
    row = page.locator("tr", has_text="▶ Rashid Alimov")
    row.wait_for()
    assert page.locator("tr", has_text="▶").count() == 1
    assert _labelled(page, "dropdown", "Row").locator("select").input_value() == "Rashid Alimov"
    assert layout_problems(page, "body") == [], "the app: something runs off the right edge"
    row.scroll_into_view_if_needed()
    screenshot(page, "app-dashboard-themes", full_page=False)
    screenshot_scrolling(page, "app", scroller=None)
    assert page_problems(page) == []
    page.close()
    chromium.requests.check("app", since)


def test_the_request_log_stops_and_reports_another_host(chromium):
    """The guard itself: a page asking another host is stopped, and the check fails on it."""
    since = chromium.requests.mark()
    page = chromium.new_page()
    page.route("http://127.0.0.1:9/", lambda route: route.fulfill(
        body="<link rel='stylesheet' href='https://cdn.example.org/style.css'><p>page</p>", content_type="text/html"))
    page.goto("http://127.0.0.1:9/")
    page.wait_for_timeout(300)
    page.close()
    assert chromium.requests.outside[since[1]:] == ["https://cdn.example.org/style.css"]
    with pytest.raises(AssertionError, match="cdn.example.org"):
        chromium.requests.check("the-guard-itself", since)
    del chromium.requests.outside[since[1]:]  # stopped on purpose: not held against the other tests
