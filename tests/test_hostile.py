"""Degenerate articles (tests/hostile/cases.toml): every lesson runs on each with no error output."""

import os
import shutil
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "hostile"
CASES = tomllib.loads((HOSTILE / "cases.toml").read_text(encoding="utf-8"))
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def make_case(name: str, data: Path) -> None:
    """Put the degenerate article ``name`` into the data folder ``data`` (a copy of the kit's)."""
    case = CASES[name]
    articles = data / "articles"
    if "text" in case:
        shutil.copy(HOSTILE / case["text"], articles / f"{name}.txt")
        return
    source = case["from"]
    for path in articles.glob(f"{source}.*"):
        kind = path.name[len(source) + 1:]
        if kind not in case.get("drop", []):
            shutil.copy(path, articles / f"{name}.{kind}")


def data_with(name: str, folder: Path) -> Path:
    """A copy of data/ in ``folder`` with the degenerate article ``name`` beside the bundled ones."""
    data = folder / "data"
    if not data.exists():
        shutil.copytree(ROOT / "data", data)
        make_case(name, data)
    return data


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory):
    """One copy of data/ per degenerate article, made once: ``hostile_data(name)`` gives its folder."""
    root = tmp_path_factory.mktemp("hostile")
    return lambda name: data_with(name, root / name)


def test_every_case_says_what_it_must_show():
    assert {"no-gold", "no-speakers", "one-sentence", "all-capitals", "quotes-only", "numbers-only"} <= set(CASES)
    for name, case in CASES.items():
        assert case["must"] and ("text" in case) != ("from" in case), name


def test_the_cases_are_what_they_say(hostile_data, monkeypatch):
    from helpers import load_article

    def load(name):
        monkeypatch.setenv("HELPERS_DATA", str(hostile_data(name)))
        return load_article(name)

    assert not load("no-gold").bundle_file("gold.tsv").exists()
    assert not load("no-speakers").bundle_file("speakers.csv").exists()
    assert len(load("one-sentence").sentences) == 1
    assert load("all-capitals").text.isupper()
    assert all(p.startswith("“") and p.endswith("”") for p in load("quotes-only").paragraphs)
    assert all(w.replace(" ", "").isdigit() for w in load("numbers-only").words)


def errors_of(nb) -> list[str]:
    """Every error, and every text written to stderr, in an executed notebook, with its cell."""
    found = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                found.append(f"cell {i}: {out.ename}: {out.evalue}\n{cell.source}")
            elif out.output_type == "stream" and out.name == "stderr":
                found.append(f"cell {i} wrote to stderr: {out.text[:300]}\n{cell.source}")
    return found


def run_lesson(path: Path, data: Path, article: str):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    env = {"HELPERS_DATA": str(data), "HELPERS_ARTICLE": article}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)  # the kernel inherits them, as from `HELPERS_ARTICLE=NAME make lab`
    try:
        NotebookClient(nb, timeout=180, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return nb


@pytest.mark.notebook
@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_runs_on_a_degenerate_article(path, case, hostile_data):
    errors = errors_of(run_lesson(path, hostile_data(case), case))
    assert not errors, f"{path.name} on {case} ({CASES[case]['must']}):\n\n" + "\n\n".join(errors)
