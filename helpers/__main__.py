"""``python -m helpers [ARTICLE]``: a short report on an article, with no notebook."""

from __future__ import annotations

import sys


def report(name=None) -> str:
    """The headless report: title, date, paragraphs, sentences, tokens, types, top words.

    >>> print(report())  # doctest: +ELLIPSIS
    UN Stresses Importance of Cooperation with Regional Bodies
    by Jamshed Baruah, IDN-InDepthNews, 2016-10-31
    paragraphs  47
    sentences   71
    tokens      2,...
    """
    from . import load_article, top_words

    a = load_article(name)
    lines = [a.title or a.name,
             f"by {a.author or 'unknown author'}, {a.publisher or 'unknown publisher'}, "
             f"{a.date.isoformat() if a.date else 'no date'}",
             f"paragraphs  {len(a.paragraphs)}",
             f"sentences   {len(a.sentences)}",
             f"tokens      {len(a.words):,}",
             f"types       {len(set(a.words)):,}",
             "top 10 content words:"]
    lines += [f"  {word:<16}{count:>4}" for word, count in top_words(a, 10)]
    return "\n".join(lines)


def main(argv=None) -> int:
    """``python -m helpers``: print the report, the help (``-h``) or the doctor's checks; 0 on success."""
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in ("-h", "--help"):
        print("usage: python -m helpers [ARTICLE-NAME-OR-PATH]\n"
              "       python -m helpers doctor    check the installation and every data file")
        return 0
    if args and args[0] == "doctor":
        from .doctor import main as doctor

        return doctor(args[1:])
    try:
        print(report(args[0] if args else None))
    except (OSError, ValueError, TypeError) as err:  # DataFileError is a ValueError
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
