"""Hostile input: the tokenizer stays linear, memory and widget HTML stay bounded.

Three measurements:

- **tokenizer on hostile text**: ``helpers.tokenize`` and ``token_columns`` on 1 MB of
  ``a.a.…a`` and 1 MB of ``a/a/…a`` (letters joined by dots or slashes and ending in a
  letter, which a backtracking pattern reads in quadratic time), side by side with 1 MB
  of the article; the ratio to the article must stay under 3. The explorer's Word box
  reads what is typed with the same tokenizer and searches the article for it, so
  ``frequency_view`` on each text is timed too.
- **hostile articles** (:data:`HOSTILE_ARTICLES`): what once hung, passed NLTK's time limit
  or took minutes (a sentence full of quotations, names and cues with no full stop, "Mr. Mr. …",
  16 MB of Chinese, Cyrillic words between tabs, 1.25 M one-word paragraphs for 5 MB), each
  timed as a lesson meets it, side by side with as many characters of the article; the ratio
  must stay under 3. The one-word paragraphs' peak memory is measured in a fresh process.
- **a 50 MB article**, in a fresh process: the article's paragraphs joined into one
  line and repeated (one paragraph, no title, no metadata), loaded and analysed as a
  lesson does, then every explorer built on it. Reported: the growth of the process's
  peak resident memory, and the largest HTML (or list of labels) any widget holds.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .report import Table, median, peak_mb, timed, verdict

TITLE = "Hostile input: linear tokenizer, bounded memory and widget HTML"
ROOT = Path(__file__).resolve().parent.parent

#: The goals: hostile text at most this many times slower than the article, per megabyte;
#: peak memory on the big article, in MB; the most HTML a widget may hold, in bytes.
RATIO_GOAL = 3
PEAK_GOAL_MB = 1500
HTML_GOAL = 2_000_000


def hostile_texts(size: int) -> dict[str, str]:
    """``{name: text}``: ``size`` characters of ``a.a.…a``, of ``a/a/…a`` and of the article."""
    import helpers

    article = helpers.load_article().text
    half = size // 2
    return {"a.a.…a": "a." * half + "a", "a/a/…a": "a/" * half + "a",
            "the article": (article * (size // len(article) + 1))[:size]}


#: What is timed on each text: ``(name, function of the text, whether the ratio has a goal)``.
#: ``tokenize_spans(punct=True)`` makes one Token object for each word and each mark, and the
#: hostile texts hold seven times as many tokens a megabyte as the article: its ratio is
#: shown, without a goal, to say what that costs.
def _functions(article):
    import helpers

    return [("tokenize", helpers.tokenize, True),
            ("token_columns (what load_article reads)", helpers.token_columns, True),
            ("Word box (frequency_view)", lambda t: helpers.frequency_view(article, 5, word=t), True),
            ("tokenize_spans(punct=True)", lambda t: helpers.tokenize_spans(t, punct=True), False)]


def tokenizer_rows(size: int, repeat: int) -> list[list]:
    """One row per function and text: median seconds and the ratio to as much of the article."""
    import helpers

    texts = hostile_texts(size)
    article = helpers.load_article()
    rows = []
    for fname, fn, has_goal in _functions(article):
        seconds = {}
        fn(texts["the article"][:1000])  # a first call may compile patterns
        for _ in range(repeat):  # interleaved, so that load on the machine hits all alike
            for tname, text in texts.items():
                seconds.setdefault(tname, []).extend(timed(lambda: fn(text), 1))
        base = median(seconds["the article"])
        for tname in texts:
            t = median(seconds[tname])
            ratio = t / base if base else float("nan")
            judged = has_goal and tname != "the article"
            rows.append([fname, tname, f"{len(texts[tname]) / 1e6:.1f} MB", t, ratio,
                         f"< {RATIO_GOAL}×" if judged else "-",
                         ("ok" if ratio < RATIO_GOAL else "SHORT") if judged else "-"])
    return rows


# --- hostile articles: what once hung, passed NLTK's time limit or took minutes -------------------

#: What each hostile article is made of, how long it is, and what is timed on it: ``(name, size
#: as a multiple of the size asked, how to make it, what to time)``. The article itself, cut or
#: repeated to as many characters, is timed the same way; the ratio of the two must stay under 3.
HOSTILE_ARTICLES = [
    ("quote-heavy sentence", 1, lambda n: "Ms. Lodhi said " + _fill("“we must act,” she said, “and now” ", n),
     "attribute"),
    ("names and cues, no full stop", 1,
     lambda n: _fill("Ambassador Maleeha Lodhi of Pakistan said that the CSTO told Churkin ", n), "attribute"),
    ("“Mr. Mr. …”, one paragraph", 1, lambda n: _fill("Mr. ", n), "load_article"),
    ("Chinese, no space", 16, lambda n: _fill("联合国安全理事会今天举行会议讨论与区域组织的合作问题，各国代表发言支持加强合作。", n),
     "load_article + words"),
    ("Cyrillic words, tabs between", 1,
     lambda n: _fill("Совет\tБезопасности\tООН\tобсудил\tсотрудничество\tс\tрегиональными\tорганизациями\t", n),
     "load_article + words"),
    ("tiny one-word paragraphs", 5, lambda n: _fill("war\n", n), "load_article + words"),  # 1.25 M for 5 MB
]


def _fill(unit: str, size: int) -> str:
    """``unit`` repeated to ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def _as_article(folder: Path, name: str, body: str) -> Path:
    """``body`` as the article ``name`` in ``folder``, with the kit's article's speakers beside it."""
    import helpers

    path = folder / f"{name}.txt"
    path.write_text("A title\n\n" + body + "\n", encoding="utf-8")
    shutil.copy(helpers.load_article().bundle_file("speakers.csv"), folder / f"{name}.speakers.csv")
    return path


def _run_once(what: str, path: Path) -> float:
    """Seconds taken by ``what`` on the article at ``path``, read afresh (its caches empty)."""
    import helpers
    from helpers.article import _load

    _load.cache_clear()
    if what == "attribute":  # on a newly loaded article: attribute() keeps its result per article
        article = helpers.load_article(path)
        start = time.perf_counter()
        helpers.attribute(article)
        return time.perf_counter() - start
    start = time.perf_counter()
    article = helpers.load_article(path)
    if what != "load_article":
        article.words
    return time.perf_counter() - start


def hostile_article_rows(size: int, repeat: int) -> list[list]:
    """One row per hostile article: median seconds of what is timed on it, and the ratio to the article's."""
    import helpers

    source = "\n\n".join(helpers.load_article().paragraphs)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        for k, (name, times, make, what) in enumerate(HOSTILE_ARTICLES):
            n = size * times
            hostile = _as_article(Path(tmp), f"hostile{k}", make(n))
            base = _as_article(Path(tmp), f"base{k}", _fill(source + "\n\n", n))
            seconds = {"hostile": [], "base": []}
            for _ in range(repeat):  # interleaved, so that load on the machine hits both alike
                seconds["hostile"].append(_run_once(what, hostile))
                seconds["base"].append(_run_once(what, base))
            t, b = median(seconds["hostile"]), median(seconds["base"])
            ratio = t / b if b else float("nan")
            rows.append([what, name, f"{n / 1e6:.2f} MB" if n >= 10_000 else f"{n:,} chars", t, ratio,
                         f"< {RATIO_GOAL}×", "ok" if ratio < RATIO_GOAL else "SHORT"])
    return rows


def tiny_paragraphs(size: int) -> dict:
    """Load an article of one-word paragraphs, ``size`` characters, and read its words; peak memory."""
    import helpers

    helpers.load_article()  # imports, the kit's lists: outside the measurement
    with tempfile.TemporaryDirectory(prefix="bench-tiny-") as tmp:
        path = _as_article(Path(tmp), "tiny", _fill("war\n", size))  # one paragraph a line
        before = peak_mb()
        start = time.perf_counter()
        article = helpers.load_article(path)
        words = len(article.words)
        spent = time.perf_counter() - start
        return {"bytes": path.stat().st_size, "paragraphs": len(article.paragraphs), "words": words,
                "seconds": spent, "peak_mb": peak_mb() - before}


# --- the big article, in a fresh process ---------------------------------------------------

def widget_payloads(widget, seen=None):
    """``(description, size in bytes)`` of every HTML value and option list under ``widget``."""
    seen = set() if seen is None else seen
    if id(widget) in seen:
        return
    seen.add(id(widget))
    value = getattr(widget, "value", None)
    if type(widget).__name__ in ("HTML", "HTMLMath", "Textarea", "Text", "Label") and isinstance(value, str):
        yield f"{type(widget).__name__} {getattr(widget, 'description', '') or ''}".strip(), len(value.encode())
    labels = getattr(widget, "_options_labels", None)
    if labels:
        yield f"{type(widget).__name__} {getattr(widget, 'description', '')} options", \
            sum(len(str(label).encode()) for label in labels)
    for child in getattr(widget, "children", ()):
        yield from widget_payloads(child, seen)


def big_article(size: int) -> dict:
    """Load and analyse a one-line article of ``size`` bytes; peak memory and the largest widget HTML."""
    import helpers

    source = helpers.load_article()
    line = " ".join(source.paragraphs)
    with tempfile.TemporaryDirectory(prefix="bench-big-") as tmp:
        path = Path(tmp) / "big.txt"
        speakers = source.bundle_file("speakers.csv")  # the kit article's speakers, beside it as a bundle's
        if speakers.is_file():
            shutil.copy(speakers, path.with_name("big.speakers.csv"))
        copies = size // (len(line.encode()) + 1) + 1
        with path.open("w", encoding="utf-8") as f:
            for _ in range(copies):
                f.write(line + " ")
            f.write("\n")
        helpers.load_article()  # imports, the kit's lists: outside the measurement
        helpers.top_words(source, 5)
        before = peak_mb()
        spent, html, peaks = {}, {}, {}

        def step(name, fn):
            start = time.perf_counter()
            out = fn()
            spent[name] = time.perf_counter() - start
            peaks[name] = peak_mb() - before
            return out

        a = step("load", lambda: helpers.load_article(path))
        step("words", lambda: a.words)
        step("top_words", lambda: helpers.top_words(a, 20))
        step("kwic", lambda: helpers.kwic(a, "terrorism"))
        step("attribute", lambda: helpers.attribute(a))
        step("theme_matrix", lambda: helpers.theme_matrix(a, by="speaker"))
        view = step("frequency_view", lambda: helpers.frequency_view(a, 15, word="terrorism"))
        html["frequency_view"] = len(view.html.encode()) + len(view.chart.encode())
        view = step("speaker_view", lambda: helpers.speaker_view(a, "Lodhi"))
        html["speaker_view"] = len(view.html.encode()) + len(view.chart.encode())
        view = step("theme_explorer_view", lambda: helpers.theme_explorer_view(
            a, by="paragraph", group=0, theme="Terrorism & extremism"))
        html["theme_explorer_view"] = sum(len(view[k].encode()) for k in ("table_html", "message_html",
                                                                          "sentences_html"))
        failed = {}
        for name in ("frequency_explorer", "speaker_explorer", "theme_explorer", "dashboard"):
            try:
                box = step(name, lambda: getattr(helpers, name)(a))
            except Exception as err:  # reported in the table, not raised
                failed[name] = f"{type(err).__name__}: {str(err)[:100]}"
                continue
            for what, n in widget_payloads(box):
                key = f"{name}: {what}"
                html[key] = max(html.get(key, 0), n)
        return {"bytes": path.stat().st_size, "peak_mb": peak_mb() - before, "seconds": spent,
                "html": html, "tokens": len(a.words), "failed": failed, "peaks": peaks}


def measure_in_fresh_process(size: int, what: str = "big") -> dict:
    """:func:`big_article` (or, with ``what="tiny"``, :func:`tiny_paragraphs`) in a new Python
    process, so that its peak memory is its own."""
    out = subprocess.run([sys.executable, "-m", "benchmarks.limits", str(size), what], cwd=ROOT,
                         capture_output=True, text=True)
    if out.returncode:
        raise RuntimeError(f"the run on a {size:,}-byte article failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench(size: int = 1_000_000, repeat: int = 3, big: int = 50_000_000) -> Table:
    """The tokenizer rows, then the big article's peak memory and largest widget HTML."""
    table = Table(TITLE, ["what", "input", "size", "median s", "× the article", "goal", "verdict"])
    for row in tokenizer_rows(size, repeat):
        table.add(*row)
    for row in hostile_article_rows(size, repeat):
        table.add(*row)
    tiny = measure_in_fresh_process(5 * size, "tiny")
    tiny_goal = PEAK_GOAL_MB * tiny["bytes"] / 50e6  # the goal of the big article, per byte
    table.add("peak memory (MB), load_article + words", "tiny one-word paragraphs",
              f"{tiny['bytes'] / 1e6:.2f} MB", tiny["peak_mb"], "-", f"≤ {tiny_goal:,.0f} MB",
              verdict(tiny["peak_mb"], tiny_goal))
    result = measure_in_fresh_process(big)
    mb = result["bytes"] / 1e6
    goal_mb = PEAK_GOAL_MB * mb / 50  # the goal scales with the text: 1.5 GB for 50 MB
    table.add("peak memory (MB), load to dashboard", "one-line article", f"{mb:.0f} MB",
              result["peak_mb"], "-", f"≤ {goal_mb:,.0f} MB", verdict(result["peak_mb"], goal_mb))
    largest = max(result["html"].items(), key=lambda kv: kv[1])
    table.add(f"largest widget HTML (bytes): {largest[0]}", "one-line article", f"{mb:.0f} MB",
              float(largest[1]), "-", f"≤ {HTML_GOAL:,}", verdict(largest[1], HTML_GOAL))
    table.notes.append(f"Tokenizer rows: median of {repeat} runs, interleaved; '× the article' is the time "
                       "on the hostile text ÷ the time on as many characters of the article.")
    table.notes.append("Hostile articles: each is a file of its own (with the kit's article's speakers), and "
                       "so is as many characters of the article, cut or repeated; 'load_article' reads "
                       "the file afresh each time (cache cleared), 'attribute' runs on the loaded article. "
                       f"Tiny paragraphs: {tiny['paragraphs']:,} of them, loaded in a fresh process in "
                       f"{tiny['seconds']:.1f} s; the memory goal is the big article's per byte.")
    table.notes.append("tokenize_spans(punct=True) returns one Token object for every word and every mark, "
                       "and the hostile texts hold about seven times as many of them a megabyte as the "
                       "article: its time follows the size of what it returns (shown, with no goal).")
    table.notes.append(f"Big article: {result['tokens']:,} tokens, in a fresh process; peak = growth of the "
                       "peak resident memory over the steps (VmHWM). Seconds: "
                       + ", ".join(f"{k} {v:.1f}" for k, v in result["seconds"].items()) + ".")
    for name, why in result.get("failed", {}).items():
        table.notes.append(f"{name} on the big article failed: {why}")
    table.notes.append("Widget HTML (bytes, largest of each): "
                       + ", ".join(f"{k} {v:,}" for k, v in sorted(result["html"].items(), key=lambda kv: -kv[1])[:6])
                       + ".")
    return table


if __name__ == "__main__":
    measure = tiny_paragraphs if sys.argv[2:] == ["tiny"] else big_article
    print(json.dumps(measure(int(sys.argv[1]))))
