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
              "       python -m helpers doctor    check the installation and every data file\n"
              "       python -m helpers new-article PATH.txt [--name NAME]\n"
              "                                   add a text to the data folder and draft its bundle")
        return 0
    if args and args[0] == "doctor":
        from .doctor import main as doctor

        return doctor(args[1:])
    if args and args[0] == "new-article":
        return new_article_command(args[1:])
    try:
        print(report(args[0] if args else None))
    except (OSError, ValueError, TypeError) as err:  # DataFileError is a ValueError
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


NEW_ARTICLE_USAGE = ("usage: python -m helpers new-article PATH.txt [--name NAME]\n"
                     "  copies the text into the data folder's articles/ as NAME.txt and drafts NAME.toml,\n"
                     "  NAME.speakers.csv and NAME.gold.tsv beside it; it never writes over a file.\n"
                     "  NAME: lower-case letters, digits and hyphens (default: the file's name, so written).")


def new_article_command(args) -> int:
    """``python -m helpers new-article PATH.txt [--name NAME]``: 0 when the bundle passes the doctor."""
    from .datafiles import DataFileError
    from .scaffold import new_article

    try:
        sys.stdout.reconfigure(errors="replace")  # a console that cannot print ✓ still gets the report
    except (AttributeError, ValueError):
        pass
    if any(a in ("-h", "--help") for a in args):
        print(NEW_ARTICLE_USAGE)
        return 0
    path, name, rest = None, None, list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--name":
            if not rest:
                print("error: --name needs a value, e.g. --name xinhua-2019-03-07-osce-briefing\n"
                      + NEW_ARTICLE_USAGE, file=sys.stderr)
                return 1
            name = rest.pop(0)
        elif arg.startswith("--name="):
            name = arg.split("=", 1)[1]
        elif arg.startswith("-") and arg != "-":
            print(f"error: unknown option {arg!r}\n" + NEW_ARTICLE_USAGE, file=sys.stderr)
            return 1
        elif path is None:
            path = arg
        else:
            print(f"error: one text at a time: {path!r} and {arg!r}\n" + NEW_ARTICLE_USAGE, file=sys.stderr)
            return 1
    if path is None:
        print("error: give the text file to add\n" + NEW_ARTICLE_USAGE, file=sys.stderr)
        return 1
    try:
        result = new_article(path, name)
    except (DataFileError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
