"""Generated corpora: article-sized documents written into a temporary data folder.

Each document is a variant of a kit article: the raw file with its body
paragraphs rotated, so that every document is different but has the article's
size, vocabulary and page chrome, and the article's speaker list beside it. The shared
data files (stopwords, phrases, aliases, cues, themes …) are copied into the folder, and ``HELPERS_DATA`` pointed at the
folder makes ``helpers.data_dir()`` read it. Nothing is written into ``data/``.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path


def variant(raw: str, k: int) -> str:
    """The raw article with its body paragraphs rotated by ``k``.

    Body paragraphs are the lines of 80+ characters after the byline (the first
    line starting with "By "), or after the first line if there is no byline.
    Everything else (photo credit, title, byline, footer) stays where it is.
    """
    lines = raw.split("\n")
    first = next((i for i, line in enumerate(lines) if line.startswith("By ")), 0) + 1
    body = [i for i, line in enumerate(lines) if i >= first and len(line.strip()) >= 80]
    if not body:
        return raw
    k %= len(body)
    moved = [lines[i] for i in body]
    moved = moved[k:] + moved[:k]
    for i, line in zip(body, moved):
        lines[i] = line
    return "\n".join(lines)


def make_corpus(folder, n: int, *, source_dir=None, article: str | None = None) -> list[str]:
    """Write a data folder holding ``n`` article variants; return their names, in order.

    Args:
        folder: an empty or new folder (it is created).
        n: the number of documents.
        source_dir: the data folder to copy lists from (default: the kit's ``data/``).
        article: the article to vary (default: the kit's article).
    """
    from helpers.article import DEFAULT_ARTICLE
    from helpers.datafiles import _DEFAULT_DATA

    source = Path(source_dir) if source_dir is not None else _DEFAULT_DATA
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        if item.name in ("articles", "gold"):
            continue
        if item.is_dir():
            shutil.copytree(item, folder / item.name, dirs_exist_ok=True)
        else:
            shutil.copy2(item, folder / item.name)
    name = article or DEFAULT_ARTICLE
    raw = (source / "articles" / f"{name}.txt").read_text(encoding="utf-8")
    meta = source / "articles" / f"{name}.toml"
    registry = source / "articles" / f"{name}.speakers.csv"
    out = folder / "articles"
    out.mkdir(exist_ok=True)
    width = len(str(n))
    names = []
    for k in range(n):
        doc = f"doc-{k:0{width}d}"
        (out / f"{doc}.txt").write_text(variant(raw, k * 7), encoding="utf-8")
        for kind, path in (("toml", meta), ("speakers.csv", registry)):
            if path.is_file():
                shutil.copy2(path, out / f"{doc}.{kind}")
        names.append(doc)
    return names


@contextmanager
def data_folder(folder):
    """Point ``HELPERS_DATA`` at ``folder`` for the duration of a ``with`` block."""
    old = os.environ.get("HELPERS_DATA")
    os.environ["HELPERS_DATA"] = str(folder)
    try:
        yield Path(folder)
    finally:
        if old is None:
            os.environ.pop("HELPERS_DATA", None)
        else:
            os.environ["HELPERS_DATA"] = old
