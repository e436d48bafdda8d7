"""Checking the set-up: the preflight cell of the first lesson and ``python -m helpers doctor``.

Each check returns a :class:`Check` with a plain-language result and, when
something is off, the exact command or step that fixes it. Nothing is changed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple

from .analysis import analyse
from .article import DEFAULT_ARTICLE, SETTINGS_FILE, closest_name, load_article, read_metadata, read_settings
from .blocs import bloc_keys, load_blocs
from .datafiles import data_dir, DataFileError, file_stamp, folder_problem, list_folder, read_lines, read_text
from .frequency import article_aliases
from .speakers import LEGACY_REGISTRY, load_speakers
from .speakers.evaluation import GOLD_COLUMNS, draft_gold, gold_lines, load_gold

__all__ = ["Check", "preflight", "show_preflight", "check_data_files", "doctor"]


class Check(NamedTuple):
    """One check: what was checked, whether it passed, what was found and the fix."""

    name: str
    ok: bool
    found: str
    fix: str = ""


def _version(dist: str) -> str | None:
    from importlib import metadata  # here, not at the top: `import helpers` stays quick

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def _check_python() -> Check:
    v = sys.version_info
    found = f"Python {v.major}.{v.minor}.{v.micro}"
    return Check("Python", v >= (3, 11), found,
                 "" if v >= (3, 11) else "install Python 3.11 or newer, then run `make clean lab`")


def _check_widgets() -> Check:
    ipyw, labw = _version("ipywidgets"), _version("jupyterlab_widgets")
    if ipyw is None or labw is None:
        missing = "ipywidgets" if ipyw is None else "jupyterlab_widgets"
        return Check("widgets", False, f"{missing} is not installed",
                     "run `make clean lab` in a terminal to reinstall the kit")
    from importlib import metadata

    from packaging.requirements import Requirement

    wanted = next((Requirement(r) for r in metadata.requires("ipywidgets") or []
                   if Requirement(r).name.replace("-", "_") == "jupyterlab_widgets"), None)
    ok = wanted is None or wanted.specifier.contains(labw, prereleases=True)
    found = f"ipywidgets {ipyw} with jupyterlab_widgets {labw}"
    fix = "" if ok else (f"ipywidgets {ipyw} needs jupyterlab_widgets{wanted.specifier}: run "
                         f"`.venv/bin/pip install 'jupyterlab_widgets{wanted.specifier}'`, then restart JupyterLab")
    return Check("widgets", ok, found, fix)


def _in_kernel() -> bool:
    """Whether this code runs in a Jupyter kernel (not merely in a process that imported ipykernel)."""
    if "ipykernel" not in sys.modules or "IPython" not in sys.modules:
        return False
    from IPython import get_ipython

    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def _check_backend() -> Check:
    import matplotlib

    backend = matplotlib.get_backend()
    ok = (not _in_kernel()) or "inline" in backend.lower() or "ipympl" in backend.lower() or "widget" in backend.lower()
    fix = "" if ok else "run `%matplotlib inline` in a cell, then run the plotting cell again"
    return Check("matplotlib", ok, f"matplotlib {matplotlib.__version__}, backend {backend!r}", fix)


def _check_nltk() -> Check:
    v = _version("nltk")
    ok = v is not None and tuple(int(x) for x in v.split(".")[:2]) >= (3, 9)
    return Check("NLTK", ok, f"nltk {v} (no downloaded data needed)" if v else "nltk is not installed",
                 "" if ok else "run `make clean lab` in a terminal to reinstall the kit")


def _check_article() -> Check:

    try:
        a = load_article()
    except Exception as err:  # the message already says what to fix
        return Check("article", False, type(err).__name__, str(err))
    return Check("article", True, f"{a.name}: {len(a.paragraphs)} paragraphs, {len(a.sentences)} sentences")


def _install_checks() -> list[Check]:
    return [c for name, check in (("Python", _check_python), ("widgets", _check_widgets),
                                  ("matplotlib", _check_backend), ("NLTK", _check_nltk))
            for c in _guarded(name, check)]


def _guarded(name: str, check, *args) -> list[Check]:
    """Run one check (a function returning a :class:`Check` or a list of them) on its own:
    whatever it raises becomes a ✗ line with the message, so the other checks still run."""
    try:
        found = check(*args)
    except Exception as err:  # every failure becomes a line of the report
        return [_failed(name, err)]
    return found if isinstance(found, list) else [found]


def preflight() -> list[Check]:
    """Run every environment check and return the results.

    Returns:
        A list of :class:`Check`: Python, widgets, matplotlib, NLTK and the kit's article.

    >>> all(c.ok for c in preflight())
    True
    """
    return _install_checks() + [_check_article()]


def show_preflight() -> bool:
    """Print one line per check (✓ or ✗ with the fix); return True when all passed.

    Returns:
        ``True`` when every check of :func:`preflight` passed, else ``False``;
        it prints one line per check, and the fix under each ✗.

    >>> show_preflight()
    ✓ Python      Python 3...
    ✓ article     idn-2016-10-31-un-regional-bodies: 47 paragraphs, 71 sentences
    All set: carry on with the next cell.
    True
    """
    checks = preflight()
    for c in checks:
        print(f"{'✓' if c.ok else '✗'} {c.name:<11} {c.found}" + ("" if c.ok else f"\n    fix: {c.fix}"))
    ok = all(c.ok for c in checks)
    print("All set: carry on with the next cell." if ok else "Fix the ✗ lines above, then run this cell again.")
    return ok


# --- data files ---------------------------------------------------------------------

#: The editable files of ``data/``, what they hold, and the function that reads
#: (and validates) each; ``lower`` says whether case is ignored, for spotting repeats.
DATA_FILES = [
    ("stopwords.txt", "stopwords", "helpers.datafiles:load_stopwords", True),
    ("abbreviations.txt", "abbreviations", "helpers.tokens:load_abbreviations", True),
    ("boilerplate.txt", "page-chrome phrases", "helpers.article:load_boilerplate", False),
    ("phrases.txt", "phrases", "helpers.tokens:load_phrases", True),
    ("aliases.txt", "organizations", "helpers.tokens:load_aliases", False),
    ("speakers.cues.txt", "speech cues", "helpers.speakers.grammar:load_cues", True),
    ("themes.txt", "themes", "helpers.lexicon:load_themes", False),
    ("blocs.txt", "blocs", "helpers.blocs:load_blocs", False),
    ("countries.txt", "countries", "helpers.datafiles:load_countries", False),
]


def _check_course(folder) -> Check:
    """``course.toml`` as the lessons read it: valid TOML, known settings, an article that is there."""

    path = folder / SETTINGS_FILE
    settings = read_settings(str(path), file_stamp(path))  # a DataFileError is a ✗ line (_guarded)
    chosen = settings.get("article")
    if chosen is None:
        return Check("course.toml", True, f"no article chosen: the lessons load the kit's own, {DEFAULT_ARTICLE}"
                     if os.path.lexists(path) else f"no course.toml: the lessons load the kit's own, {DEFAULT_ARTICLE}")
    names = [p.stem for p in list_folder(folder / "articles", ".txt")]
    if chosen not in names:
        close = closest_name(chosen, names)
        hint = f"did you mean {close!r}? " if close else ""
        return Check("course.toml", False, f"article = {chosen!r}, but there is no article called so in "
                                           f"{folder / 'articles'}",
                     f'{hint}write  article = "NAME"  with a name from list_articles(): '
                     f"{', '.join(names) or 'there is none yet'}")
    return Check("course.toml", True, f"the lessons load {chosen}")


def _check_bloc_members(folder) -> list[Check]:
    """A bloc entry that names no speaker, alias or country of any article's registry counts nobody."""
    import difflib


    try:
        blocs = load_blocs(folder / "blocs.txt")
        registries = [load_speakers(p) for p in _speaker_files(folder)]
    except Exception:  # already reported by the file's own check
        return []
    known = {k.lower(): k for registry in registries for s in registry for k in bloc_keys(s)}
    lines = read_lines(folder / "blocs.txt")
    out = []
    for bloc in blocs.values():
        for member in bloc.members:
            if member.lower() not in known:
                line = next((n for n, text in lines if text == member and n > (bloc.line or 0)), None)
                close = difflib.get_close_matches(member.lower(), known, n=1)
                hint = f"did you mean {known[close[0]]!r}? " if close else ""
                out.append(Check("blocs.txt", False,
                                 f"line {line}: {member!r} in [{bloc.name}] is no speaker, alias or country "
                                 "of any article's speaker list, so it counts nobody",
                                 f"{hint}write a name as an article's .speakers.csv spells it, or delete the line"))
    return out


def _speaker_files(folder) -> list:
    """Every speaker list of the data folder: each article's own, and one of the older layout."""

    files = list_folder(folder / "articles", ".speakers.csv")
    legacy = folder / LEGACY_REGISTRY
    return files + ([legacy] if legacy.is_file() else [])


def _loader(spec: str):
    import importlib

    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


#: Files made of ``[Section]`` headings: an entry may stand in two sections (a term shared by
#: two themes counts for both), so only an entry written twice in one section is a repeat.
_SECTIONED = ("themes.txt", "blocs.txt")
#: Files the kit cannot work without an entry in, and what to do when they have none.
_NOT_EMPTY = {
    "themes.txt": "restore the kit's themes.txt, or add a theme: a [Theme name] line, then one term a line",
    "aliases.txt": "restore the kit's aliases.txt, or add an organization a line, e.g.  UN: United Nations; UN",
}


def _repeats(path, lower: bool) -> list[str]:
    """Entries written twice: harmless (the kit reads each once), listed so the file can be tidied.

    In a file of ``[Section]`` headings (themes, blocs) only an entry written twice under the
    same heading is a repeat; the same term under two themes belongs to both.
    """

    sectioned = Path(path).name in _SECTIONED
    first, out, section = {}, [], None
    for number, text in read_lines(path):
        if sectioned and text.startswith("["):
            first, section = {}, text
            continue
        if sectioned and text.lower().startswith("note:"):
            continue
        key = text.lower() if lower else text
        if key in first:
            out.append(f"{text!r} on lines {first[key]} and {number}" + (f" under {section}" if section else ""))
        else:
            first[key] = number
    return out


def _failed(name: str, err: Exception) -> Check:

    if isinstance(err, DataFileError):
        where = f"{err.path.name}" + (f", line {err.line}" if err.line else "")
        return Check(name, False, f"{where}: {err.problem}", err.fix)
    return Check(name, False, f"{type(err).__name__}: {err}",
                 "this is unexpected: restore the file from the kit, or ask your instructor")


def _check_file(filename: str, what: str, spec: str, lower: bool, folder) -> Check:
    path = folder / filename
    try:
        entries = _loader(spec)(path)
        repeats = _repeats(path, lower)
    except Exception as err:  # every failure becomes a line of the report
        return _failed(filename, err)
    if not entries and filename in _NOT_EMPTY:
        return Check(filename, False, f"the file holds no {what}, so the kit has none to use", _NOT_EMPTY[filename])
    found = f"{len(entries)} {what}"
    if repeats:
        found += f"; repeated (harmless, delete one to tidy): {', '.join(repeats[:3])}"
        found += f" and {len(repeats) - 3} more" if len(repeats) > 3 else ""
    return Check(filename, True, found)


#: The files of an article's bundle besides its text, and what each holds.
BUNDLE_FILES = {".toml": "metadata", ".speakers.csv": "speaker list", ".gold.tsv": "gold annotation"}


def _check_articles(folder) -> list[Check]:
    """Every article's bundle: its text and metadata, its speaker list and its gold annotation."""

    articles = folder / "articles"
    if not os.path.lexists(articles):
        return [Check("articles/", False, f"there is no folder {articles}",
                      "restore the kit's data/articles folder, or put your articles' .txt files in it")]
    checks, names = [], set()
    listed = list_folder(articles)  # a folder that cannot be read raises DataFileError
    for path in listed:
        name = f"articles/{path.name}"
        if path.suffix == ".txt":
            if path.stem.endswith(".txt"):
                checks.append(Check(name, False, "the name ends in .txt.txt",
                                    f"rename it to {path.stem} (your computer hid the first .txt)"))
                continue
            names.add(path.stem)
            checks += _check_bundle(path, folder)
    checks += _unusable_names(listed, names)
    for path in listed:
        kind = next((k for k in BUNDLE_FILES if path.name.endswith(k)), None)
        if kind and path.name[:-len(kind)] not in names:
            checks.append(Check(f"articles/{path.name}", False,
                                f"{BUNDLE_FILES[kind]} with no article of the same name beside it",
                                f"rename it to match its article's .txt file, NAME{kind} (it is ignored until then)"))
    if not names:
        checks.append(Check("articles/", False, f"no article (.txt file) in {articles}",
                            "put an article's text in a .txt file there, saved as UTF-8, or run "
                            "`.venv/bin/python -m helpers new-article PATH.txt`"))
    checks += _check_legacy(folder, names)
    return checks


def _unusable_names(listed, names) -> list[Check]:
    """Files of ``articles/`` the kit lists under no article: a suffix in capitals, a space in a name."""
    out = []
    for path in listed:
        lower = path.name.lower()
        kind = next((k for k in (".txt", *BUNDLE_FILES) if lower.endswith(k)), None)
        if kind is None or path.name.startswith("."):
            continue
        stem = path.name[:-len(kind)]
        if not path.name.endswith(kind):
            out.append(Check(f"articles/{path.name}", False,
                             f"the name ends in {path.name[-len(kind):]}, which the kit does not read as {kind} "
                             "(case matters)", f"rename it to {stem}{kind}"))
        elif kind == ".txt" and stem != stem.strip() or kind == ".txt" and " " in stem:
            better = "-".join(stem.split())
            out.append(Check(f"articles/{path.name}", False,
                             "the article's name has a space in it, which a command line "
                             "(HELPERS_ARTICLE=NAME make lab) splits in two",
                             f"rename it, and the files of its bundle, to {better}{kind}, {better}.toml …"))
    return out


def _check_bundle(path, folder) -> list[Check]:
    """One article's text and metadata, speaker list and gold annotation."""

    name = f"articles/{path.name}"
    try:
        article = load_article(path)
    except Exception as err:  # every failure becomes a line of the report
        return [_failed(name, err)]
    meta = "with metadata" if path.with_suffix(".toml").is_file() else "no metadata file (title from line 1)"
    slow = _guarded(f"articles/{path.with_suffix('.toml').name}", _check_chrome_patterns, article)
    if slow:
        return slow
    out = [Check(name, True, f"{len(article.paragraphs)} paragraphs, {len(article.sentences)} sentences; {meta}")]
    own = article.bundle_file("speakers.csv")
    listed = f"articles/{own.name}"
    if not os.path.lexists(own):  # a folder or a link that loops is read, and explained
        if not (folder / LEGACY_REGISTRY).is_file():
            out.append(Check(listed, False, "the article has no speaker list, so no sentence gets a speaker",
                             f"write {own.name} beside the article (`python -m helpers new-article` "
                             "drafts one), with the header of the kit's article's list"))
        return out
    try:
        registry = load_speakers(own)
    except Exception as err:  # every failure becomes a line of the report
        return out + [_failed(listed, err)]
    out.append(_check_speaker_rows(article, registry, own, folder))
    gold = article.bundle_file("gold.tsv")
    if os.path.lexists(gold):  # a folder or a link that loops is read, and explained
        out += _guarded(f"articles/{gold.name}", _check_gold, article, gold, registry)
    return out


def _check_gold(article, gold, registry) -> Check:
    """A gold annotation: it loads, no line is cut short, and it covers every body sentence
    (unless a note line says ``# partial``)."""

    owner = analyse(article, speakers=registry)
    annotated = load_gold(owner, gold)
    name = f"articles/{gold.name}"
    why = draft_gold(gold, owner)
    if why:
        return Check(name, False, f"still the kit's draft, not a gold annotation: {why}, so measuring the rules "
                                  "on it would score them against their own guesses",
                     "read every sentence, correct its speakers and kind, delete the 'guess:' notes and the "
                     "DRAFT lines at the top (docs/instructor-guide.md, step 4)")
    lines = gold_lines(gold)
    header = [line for line in read_text(gold).split("\n") if line.strip() and not line.startswith("#")][:1]
    width = 4 if header and [w.lower() for w in header[0].split()] == list(GOLD_COLUMNS[:4]) else len(GOLD_COLUMNS)
    short = [(n, line) for n, line in lines if len(line.split("\t")) < width]
    if short:
        number, line = short[0]
        more = f" (and {len(short) - 1} more)" if len(short) > 1 else ""
        return Check(name, False, f"line {number}: {len(line.split(chr(9)))} columns, not {width}: the line looks "
                                  f"cut short, ending {line[-30:]!r}{more}",
                     f"restore the line's columns ({', '.join(GOLD_COLUMNS[:width])}, one tab between "
                     "each, the note may be empty), e.g. from the kit's copy of the file")
    total = len(article.sentences)
    partial = any(line.strip().lstrip("#").strip().lower().startswith("partial")
                  for line in read_text(gold).split("\n") if line.startswith("#"))
    if len(annotated) < total and not partial:
        missing = [s.index for s in article.sentences if s.index not in annotated]
        listed = ", ".join(map(str, missing[:8])) + (" …" if len(missing) > 8 else "")
        return Check(name, False, f"{len(annotated)} of {total} sentences annotated: sentences {listed} have "
                                  "no line, so the rules would be scored on part of the article",
                     "add a line for each sentence listed (narration too: leave its speakers empty), or, "
                     "if the gold is partial on purpose, add the note line  # partial  at the top")
    return Check(name, True, f"{len(annotated)} of {total} sentences annotated" + (" (partial)" if partial and len(annotated) < total else ""))


def _check_chrome_patterns(article) -> list[Check]:
    """Each ``[chrome]`` pattern of the article's ``.toml`` run on the whole text with its time limit.

    Loading ran each pattern on each line; here each also runs on the whole text at once, as
    one long line, so that a pattern that would take forever on a longer paragraph is refused
    now (a :class:`~helpers.DataFileError` naming the pattern, turned into a ✗ line by
    :func:`_guarded`) rather than when the article grows.
    """

    toml = article.bundle_file("toml")
    for pattern in read_metadata(toml).get("chrome", {}).get("patterns", ()):
        pattern.search(article.raw)
        pattern.fullmatch(" ".join(article.raw.split()))
    return []


def _check_speaker_rows(article, registry, path, folder) -> Check:
    """A speaker list: its size, and rows whose name never occurs or whose group nothing knows."""

    problems = []
    for s in registry:
        surname = s.name.split()[-1]
        if not any(form in article.text for form in (s.name, surname, *s.aliases, s.country or s.name)):
            problems.append((s.name, f"{s.name!r} never occurs in the article, by name, surname, alias "
                                     "or country", "delete the row, or add the name the article uses "
                                                   "to its aliases"))
    try:
        groups = {*article_aliases(article), *load_blocs(folder / "blocs.txt"), "member states"}
    except Exception:  # reported by the file's own check
        groups = None
    for s in registry if groups is not None else ():
        if s.speaks_for not in groups:
            problems.append((s.name, f"speaks_for {s.speaks_for!r} of {s.name!r} is no organization of "
                                     "aliases.txt or of the article's metadata, no bloc, and not 'member states'",
                             f"write an organization's key (e.g. UN, {', '.join(sorted(groups)[:3])}), "
                             "'member states', or add the organization to the article's .toml "
                             "(organizations = [\"KEY: full name; KEY\"])"))
    if not problems:
        return Check(f"articles/{path.name}", True, f"{len(registry)} speaker{'s' if len(registry) != 1 else ''}")
    lines = read_text(path).split("\n")
    name, problem, fix = problems[0]
    line = next((i for i, l in enumerate(lines, 1) if l.startswith(name + ",") or l.startswith(f'"{name}"')), None)
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return Check(f"articles/{path.name}", False, f"line {line}: {problem}{more}", fix)


def _check_legacy(folder, names) -> list[Check]:
    """Files of the older layout (one speakers.csv, a gold/ folder): they still work; say how to move them."""

    out = []
    if (folder / LEGACY_REGISTRY).is_file():
        out.append(Check("speakers.csv", True,
                         "the older layout: articles with no NAME.speakers.csv of their own use it; to move "
                         "it, copy the lines of each article's speakers into articles/NAME.speakers.csv "
                         "(same header), then delete speakers.csv"))
    gold = folder / "gold"
    for path in list_folder(gold, ".attribution.tsv"):
        article = path.name.removesuffix(".attribution.tsv")
        if article not in names:
            out.append(Check(f"gold/{path.name}", False, f"there is no article {article}.txt for it",
                             f"rename it to NAME.gold.tsv and put it beside its article in articles/, "
                             "or delete it"))
        else:
            out.append(Check(f"gold/{path.name}", True,
                             f"the older layout: move it to articles/{article}.gold.tsv, where the kit "
                             "looks first"))
    return out


def check_data_files() -> list[Check]:
    """Read and validate every editable file in the data folder; one :class:`Check` each.

    The folder is ``data/`` or ``$HELPERS_DATA``. Nothing is changed.

    Returns:
        A list of :class:`Check`: one per shared data file, one per bloc member that
        names nobody, then, for each article, its text and metadata, its speaker list
        and its gold annotation (a single failed check if the folder does not exist).

    >>> [c.name for c in check_data_files() if not c.ok]
    []
    """

    try:
        folder = data_dir()
    except Exception as err:  # HELPERS_DATA that cannot be made a path
        return [_failed("data folder", err)]
    if not os.path.lexists(folder):
        return [Check("data folder", False, f"there is no folder {folder}",
                      "unset HELPERS_DATA, or point it at a folder holding the kit's data files")]
    problem = folder_problem(folder)
    if problem is not None:  # a symbolic link that loops, a folder that may not be read
        return [Check("data folder", False, f"{folder}: {problem.problem}",
                      f"{problem.fix}; or unset HELPERS_DATA to use the kit's own data folder")]
    checks = _guarded("course.toml", _check_course, folder)
    checks += [c for entry in DATA_FILES for c in _guarded(entry[0], _check_file, *entry, folder)]
    for name, check in (("blocs.txt", _check_bloc_members), ("articles/", _check_articles)):
        checks += _guarded(name, check, folder)
    return checks


def doctor() -> list[Check]:
    """Every check: the installation, then every data file.

    Returns:
        A list of :class:`Check`: the checks of :func:`preflight` but the article,
        then those of :func:`check_data_files`.

    >>> all(c.ok for c in doctor())
    True
    """
    return _install_checks() + check_data_files()


def main(argv=None) -> int:
    """``python -m helpers doctor``: print every check and what to fix; 0 when all is well."""

    try:
        sys.stdout.reconfigure(errors="replace")  # a console that cannot print ✓ still gets the report
    except (AttributeError, ValueError):
        pass
    checks, data = _install_checks(), check_data_files()
    try:
        where = f"Data files in {data_dir()}"
    except Exception:  # already a ✗ line of check_data_files()
        where = "Data files"
    for title, group in (("Installation", checks), (where, data)):
        print(title)
        for c in group:
            print(f"  {'✓' if c.ok else '✗'} {c.name}: {c.found}" + ("" if c.ok else f"\n      fix: {c.fix}"))
    bad = [c for c in checks + data if not c.ok]
    print("All is well." if not bad else f"{len(bad)} problem{'s' if len(bad) > 1 else ''} to fix: see the ✗ lines above.")
    return 1 if bad else 0
