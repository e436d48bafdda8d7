"""The instructor guide's recipes, followed with files only, pass: a new article, and an exercise.

Adding an article: the guide's five steps on a real report that is not among the kit's
articles (docs/examples/second-article/: Atalayar, 19 January 2021, on the Security Council
and the League of Arab States, as received, with the bundle an instructor finished from the
drafts). The test runs `python -m helpers new-article` on the report in a copy of data/,
replaces the drafts with the finished files (what the instructor does in an editor), runs
the doctor, and runs every lesson in a fresh kernel with only the switch, HELPERS_ARTICLE,
changed.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "docs" / "examples" / "second-article"
NAME = "atalayar-2021-01-19-un-las-cooperation"
LESSONS = sorted((ROOT / "notebooks").glob("0[0-5]-*.ipynb"))
FINISHED = ("toml", "speakers.csv", "gold.tsv")


def _run(*args, data):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HELPERS_")}
    env["HELPERS_DATA"] = str(data)
    return subprocess.run([sys.executable, "-m", "helpers", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A copy of data/ where the guide's five steps were followed on the sample report."""
    data = tmp_path_factory.mktemp("course") / "data"
    shutil.copytree(ROOT / "data", data)
    before = {p.relative_to(data): p.read_bytes() for p in data.rglob("*") if p.is_file()}
    drafted = _run("new-article", str(SAMPLE / f"{NAME}.txt"), data=data)          # step 1
    for kind in FINISHED:                                                           # steps 2-4
        shutil.copy(SAMPLE / f"{NAME}.{kind}", data / "articles" / f"{NAME}.{kind}")
    doctor = _run("doctor", data=data)                                              # step 5
    return data, before, drafted, doctor


def test_the_guide_gives_the_command_the_test_runs():
    guide = (ROOT / "docs" / "instructor-guide.md").read_text(encoding="utf-8")
    section = guide[guide.index("## 1. Add an article"):guide.index("## 2. Add a theme")]
    assert re.search(r"\.venv/bin/python -m helpers new-article \S+\.txt --name ", section)
    assert "make new-article TEXT=" in section and "HELPERS_ARTICLE=" in section
    assert 'article = "' in section and "data/course.toml" in section
    for kind in ("txt", *FINISHED):
        assert f"NAME.{kind}" in section, kind
    assert "docs/examples/second-article" in section
    assert (SAMPLE / f"{NAME}.txt").is_file()


def test_step_1_drafts_the_bundle_with_the_reports_speaker(course):
    data, before, drafted, _ = course
    assert drafted.returncode == 0, drafted.stdout + drafted.stderr
    copied = data / "articles" / f"{NAME}.txt"
    assert copied.read_bytes() == (SAMPLE / f"{NAME}.txt").read_bytes(), "the text is copied unchanged"
    for kind in FINISHED:
        assert f"{NAME}.{kind}" in drafted.stdout, f"the draft of NAME.{kind} is named"


def test_the_draft_finds_the_main_speaker(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    assert _run("new-article", str(SAMPLE / f"{NAME}.txt"), data=data).returncode == 0
    drafted = (data / "articles" / f"{NAME}.speakers.csv").read_text(encoding="utf-8")
    assert "Anwar Gargash" in drafted


def test_step_5_the_doctor_passes_and_nothing_else_changed(course):
    data, before, _, doctor = course
    assert doctor.returncode == 0, doctor.stdout
    assert f"✓ articles/{NAME}.gold.tsv" in doctor.stdout
    after = {p.relative_to(data): p.read_bytes() for p in data.rglob("*") if p.is_file()}
    assert {str(p) for p in set(after) - set(before)} == {f"articles/{NAME}.{k}" for k in ("txt", *FINISHED)}
    assert all(after[p] == content for p, content in before.items()), "no file of the course was changed"


def test_the_finished_bundle_loads_as_the_report_reads(course, monkeypatch):
    from helpers import evaluate_attribution, load_article, mention_counts, load_speakers

    data, *_ = course
    monkeypatch.setenv("HELPERS_DATA", str(data))
    a = load_article(NAME)
    assert a.title == "Emirates urges Arab League and Security Council to unify positions"
    assert a.publisher == "Atalayar" and a.date.isoformat() == "2021-01-19"
    assert any("[chrome] prefixes" in r.reason for r in a.removed), "the page's own chrome is dropped"
    assert [s.name for s in load_speakers(a)] == ["Anwar Gargash"]
    assert mention_counts(a)["LAS"] >= 2, "the Arab League, named in the report's own organizations"
    assert evaluate_attribution(a).n == len(a.sentences)


@pytest.mark.notebook
@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.name)
def test_every_lesson_runs_with_only_the_switch_changed(lesson, course, monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    data, *_ = course
    monkeypatch.setenv("HELPERS_DATA", str(data))
    monkeypatch.setenv("HELPERS_ARTICLE", NAME)  # the kernel inherits both, as from the terminal
    nb = nbformat.read(lesson, as_version=4)
    NotebookClient(nb, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(lesson.parent)}}).execute()
    shown = "".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", ""))
                    for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert not [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    if lesson.name.startswith("01"):
        assert "Emirates urges Arab League" in shown, "lesson 01 shows the report's own title"


_NOT_COPIED = {".venv", ".git", "__pycache__", ".pytest_cache", ".hypothesis", ".progress", "test-artifacts",
               "bench-results", "helpers.egg-info", ".ipynb_checkpoints"}
RECIPE_TEST = "tests/test_instructor.py::test_the_guides_recipe_for_an_exercise_passes_its_own_check_step"


def _guide_section(title: str) -> str:
    """The section of the instructor guide under ``## title``, up to the next heading of its level."""
    lines = (ROOT / "docs" / "instructor-guide.md").read_text(encoding="utf-8").split("\n")
    start = lines.index(f"## {title}")
    fenced, out = False, [lines[start]]
    for line in lines[start + 1:]:
        fenced ^= line.startswith("```")
        if not fenced and line.startswith("## "):
            break
        out.append(line)
    return "\n".join(out)


def _blocks(text: str) -> list[tuple[str, str]]:
    """The fenced blocks of a piece of Markdown: ``(language, body)``."""
    return re.findall(r"^```(\w*)\n(.*?)^```$", text, re.MULTILINE | re.DOTALL)


def test_the_guides_recipe_for_an_exercise_passes_its_own_check_step(tmp_path):
    import os
    import subprocess
    import sys

    import nbformat

    section = _guide_section("4. Add an exercise with its checks")
    steps = re.split(r"\*\*Step \d: ", section)
    assert len(steps) == 5, "the recipe has four steps: checks, source, build, check"
    checks = [body for lang, body in _blocks(steps[1]) if lang == "python"]
    cells = [(lang, body) for lang, body in _blocks(steps[2]) if lang in ("python", "markdown")]
    build = [body for lang, body in _blocks(steps[3])] or re.findall(r"`(\.venv/bin/python -m [^`]+)`", steps[3])
    check_step = [body.strip() for lang, body in _blocks(steps[4]) if lang == "bash"]
    assert len(checks) == 1 and cells and build and len(check_step) == 1
    check_file = re.search(r"`(exercises/checks/\w+\.py)`", steps[1]).group(1)
    source = re.search(r"`(exercises/source/[\w-]+\.ipynb)`", steps[2]).group(1)

    kit = tmp_path / "kit"
    shutil.copytree(ROOT, kit, ignore=lambda folder, names: [n for n in names if n in _NOT_COPIED])
    (kit / check_file).write_text(checks[0], encoding="utf-8")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(body.rstrip("\n")) if lang == "python"
                else nbformat.v4.new_markdown_cell(body.rstrip("\n")) for lang, body in cells]
    nbformat.write(nb, kit / source)

    env = {k: v for k, v in os.environ.items() if not k.startswith("HELPERS_") and k != "PYTEST_XDIST_WORKER"}
    python = sys.executable
    where = subprocess.run([python, "-c", "import helpers; print(helpers.__file__)"], cwd=kit, env=env,
                           capture_output=True, text=True, timeout=120)
    assert where.stdout.strip() == str(kit / "helpers" / "__init__.py"), "the copy runs its own kit"
    built = subprocess.run([python, "-m", "helpers.exercises", "build"], cwd=kit, env=env,
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    student = Path(source).name
    assert f"{student:<28}written" in built.stdout and (kit / "exercises" / student).exists()

    command = check_step[0].split()
    assert command[:3] == [".venv/bin/python", "-m", "pytest"]
    ran = subprocess.run([python, *command[1:], "-vv", "-n", "0", "-p", "no:cacheprovider", "--deselect", RECIPE_TEST],
                         cwd=kit, env=env, capture_output=True, text=True, timeout=900)
    failed = [line for line in ran.stdout.splitlines() if "FAILED" in line or "ERROR" in line]
    assert ran.returncode == 0, "\n".join(failed) + ran.stdout[-4000:] + ran.stderr[-2000:]
    # the new notebook went through the same tests as the kit's own
    for test in ("test_every_solution_passes_every_check", "test_every_student_notebook_runs_unanswered",
                 "test_every_exercise_notebook_runs_on_another_article"):
        assert re.search(rf"{test}\[[^]]*{re.escape(Path(source).name)}\] PASSED", ran.stdout), test
    # and its code question went through the tests of the kit's own code questions
    topic = Path(check_file).stem
    for test in ("test_a_code_question_tries_small_cases_and_the_article", "test_every_question_is_valid_and_its_answer_computes"):
        assert re.search(rf"{test}\[{topic}\.q2\] PASSED", ran.stdout), test
    assert re.search(rf"test_each_common_wrong_function_gets_its_own_hint\[{topic}\.q2-wrong1\] PASSED", ran.stdout)


def test_the_guides_code_question_checks_a_learners_function(tmp_path, monkeypatch):
    """The guide's code question, as written in its recipe: a right, a wrong and an unwritten function."""
    import json

    from helpers import grade
    from helpers.exercises import builder

    section = _guide_section("4. Add an exercise with its checks")
    steps = re.split(r"\*\*Step \d: ", section)
    checks = next(body for lang, body in _blocks(steps[1]) if lang == "python")
    assert "solution=" in checks and "Case(" in checks and "Wrong(function=" in checks
    (tmp_path / "checks").mkdir()
    (tmp_path / "checks" / "topic.py").write_text(checks, encoding="utf-8")
    monkeypatch.setenv("HELPERS_EXERCISES", str(tmp_path))

    cell = next(body for lang, body in _blocks(steps[2]) if lang == "python" and "def count_word" in body)
    solved, student = {}, {}
    exec(compile(cell.replace('check("topic.q2", count_word)', ""), "solution", "exec"), solved)  # noqa: S102
    exec(compile(builder.strip_solutions(cell).replace('check("topic.q2", count_word)', ""), "student", "exec"),  # noqa: S102
         student)
    right = grade("topic.q2", solved["count_word"])
    assert right.status == "correct" and "passes all 4 cases" in right.message
    assert grade("topic.q2", student["count_word"]).status == "unanswered"
    wrong = grade("topic.q2", lambda words, word: words.count(word))
    assert wrong.message.startswith("on the case 'capitals', your function returned 1; the right result is 2.")
    assert "'Peace' is missed" in wrong.message
    assert "return ..." in json.dumps(builder.strip_solutions(cell))
