"""Every notebook runs top to bottom in a fresh kernel, and is committed clean."""

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(
    p for folder in ("notebooks", "exercises", "docs") for p in (ROOT / folder).rglob("*.ipynb")
    if ".ipynb_checkpoints" not in p.parts
)


#: Every article bundled in data/articles/: the lessons and the student exercises run on each.
ARTICLES = sorted(p.stem for p in (ROOT / "data" / "articles").glob("*.txt"))
#: The notebooks that read a collection of reports (load_collection()), not the course's article:
#: they show the same reports whatever the article, so they run once, not once per article.
ON_THE_COLLECTION = ("06-comparing-reports.ipynb", "05-collection.ipynb")
#: The notebooks a learner runs on the course's current article, whatever it is.
ON_EVERY_ARTICLE = [p for p in NOTEBOOKS if p.parent.name in ("notebooks", "exercises") and p.name not in ON_THE_COLLECTION]


def _id(path):
    return str(path.relative_to(ROOT))


def test_there_are_lesson_notebooks():
    names = [p.name for p in NOTEBOOKS]
    assert "00-start-here.ipynb" in names and "01-reading-the-article.ipynb" in names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_id)
def test_committed_clean(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{_id(path)} cell {i} has outputs: clear them before committing"
            assert cell.get("execution_count") is None, f"{_id(path)} cell {i} has an execution count"
        assert not cell.get("metadata", {}).get("execution"), f"{_id(path)} cell {i} has timing metadata"
    assert "widgets" not in nb.get("metadata", {}), f"{_id(path)} keeps saved widget state"


def test_there_are_several_articles_to_run_the_lessons_on():
    assert "idn-2016-10-31-un-regional-bodies" in ARTICLES and len(ARTICLES) >= 4


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=_id)
def test_runs_top_to_bottom_in_a_fresh_kernel(path, tmp_path):
    _check_plain_equals_kit(path, _execute(path))


@pytest.mark.notebook
@pytest.mark.parametrize("article", [a for a in ARTICLES if a != "idn-2016-10-31-un-regional-bodies"])
@pytest.mark.parametrize("path", ON_EVERY_ARTICLE, ids=_id)
def test_runs_on_every_bundled_article(path, article, monkeypatch):
    """The course's switch set to another article: the notebook runs top to bottom on it."""
    monkeypatch.setenv("HELPERS_ARTICLE", article)  # the kernel inherits it, as from `HELPERS_ARTICLE=NAME make lab`
    _check_plain_equals_kit(path, _execute(path))


def _execute(path):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    env_dir = Path(os.environ["NLTK_DATA"])
    assert env_dir.is_dir() and not any(env_dir.iterdir()), "NLTK_DATA must be an empty folder"
    client = NotebookClient(nb, timeout=180, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    return nb


#: The lessons where the learner writes the plain version before meeting the kit's function.
PLAIN_FIRST = ("01-", "02-", "03-", "04-", "06-")
#: Example pickers the lessons show how to pick (or call as helpers.examples.X), never by bare name.
PICKERS = ("content_words", "example_phrase", "misspelling", "most_miscounted", "largest_cell",
           "keyness_groups", "who_raised", "most_quoted", "top_theme", "longest_term_theme",
           "speech_chain", "pronoun_window", "example_sentence", "stem_family", "dispersion_words",
           "sentences_with_inner_stops", "stray_quote_sentences")


def _text_of(output) -> str:
    if output.output_type == "stream":
        return output.text
    return output.get("data", {}).get("text/plain", "")


def _check_plain_equals_kit(path, nb):
    """In lessons 01-04, at least three cells show the plain version equal to the kit's, and none unequal."""
    if path.parent.name != "notebooks" or not path.name.startswith(PLAIN_FIRST):
        return
    shown = [(i, _text_of(o).strip()) for i, c in enumerate(nb.cells) if c.cell_type == "code" for o in c.outputs]
    false = [(i, text) for i, text in shown
             if text == "False" or any(line.rstrip().endswith(": False") for line in text.splitlines())]
    assert not false, f"{path.name}: a plain-vs-kit check printed False: {false}"
    equal = {i for i, text in shown if text == "True" or any(line.rstrip().endswith(": True") for line in text.splitlines())}
    assert len(equal) >= 3, f"{path.name}: only {len(equal)} cells show a plain version equal to the kit's"


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.parent.name == "notebooks"], ids=_id)
def test_lessons_pick_their_examples_in_the_open(path):
    """A lesson shows how it picks an example, or calls the picker as helpers.examples.X."""
    import re

    nb = json.loads(path.read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    bare = [name for name in PICKERS if re.search(rf"(?<![\w.]){name}\(", code)]
    assert not bare, f"{_id(path)} calls example pickers by bare name: {bare}"
