"""Progressive hints: a question's hints, mildest first, and the "Show a hint" button that reveals them.

``hints`` and ``next_hint`` are plain functions; ``show_hints`` is a thin widget over
``next_hint``, so a test can press its button without a browser. Like ``check``, none
of them raises: an id that is no question gets the line ``check`` would give.
"""

from __future__ import annotations

from .bank import find_question
from .grading import Feedback

__all__ = ["hints", "next_hint", "show_hints"]


def hints(qid: str) -> list[str]:
    """The hints of a question, mildest first.

    Args:
        qid: the question id, e.g. ``"reading.q1"``.

    Returns:
        A list of hint texts; empty for a question with no hints. Like :func:`check`
        it never raises: for an id that is not a question, the list holds the one line
        ``check`` would give, saying what is wrong and which ids exist.

    >>> hints("reading.q1")[0]
    'The article object has an attribute holding its paragraphs: try article. and the Tab key.'
    >>> hints("reading.q99")
    ["? reading.q99: there is no question 'reading.q99': this notebook's questions are reading.q1 to reading.q8."]
    """
    question, problem = find_question(qid)
    return list(question.hints) if question else [str(Feedback(str(qid), "error", problem))]


def next_hint(qid: str, shown: int) -> tuple[int, str]:
    """Reveal one more hint: the logic behind the "Show a hint" button.

    Args:
        qid: the question id.
        shown: how many hints are shown now.

    Returns:
        ``(shown, text)``: the new number of hints shown and the text to show
        (hints numbered, one per line; a note when there are no more).

    >>> next_hint("reading.q1", 0)[0]
    1
    >>> print(next_hint("reading.q1", 1)[1])  # doctest: +ELLIPSIS
    Hint 1: The article object has an attribute ...
    Hint 2: ...
    """
    question, problem = find_question(qid)
    if question is None:
        return 0, problem
    total = len(question.hints)
    if total == 0:
        return 0, "This question has no hints."
    shown = max(0, min(int(shown) + 1, total))
    lines = [f"Hint {i}: {h}" for i, h in enumerate(question.hints[:shown], start=1)]
    if shown == total:
        lines.append("That was the last hint.")
    return shown, "\n".join(lines)


def show_hints(qid: str):
    """A "Show a hint" button that reveals the question's hints one at a time.

    Args:
        qid: the question id, e.g. ``"reading.q1"``.

    Returns:
        An ipywidgets ``VBox`` (button and hint text); its logic is :func:`next_hint`.
        For an id that is not a question, or a question without hints, the button is
        off and the text says why.

    >>> show_hints("reading.q1").children[0].description
    'Show a hint'
    >>> show_hints("reading.q99").children[1].value
    "there is no question 'reading.q99': this notebook's questions are reading.q1 to reading.q8."
    """
    import html

    import ipywidgets as w

    def as_html(lines: str) -> str:
        return "<br>".join(html.escape(line, quote=False) for line in lines.split("\n"))

    question, problem = find_question(qid)
    total = len(question.hints) if question else 0
    button = w.Button(description="Show a hint", icon="lightbulb-o", disabled=total == 0,
                      tooltip=f"{total} hint(s) for {qid}")
    text = w.HTML()
    if total == 0:
        button.description = "No hints"
        text.value = as_html(next_hint(qid, 0)[1])  # what is wrong: no such question, or no hints
    state = {"shown": 0}

    def reveal(_=None):
        state["shown"], shown_text = next_hint(qid, state["shown"])
        text.value = as_html(shown_text)
        if state["shown"] >= total:
            button.disabled, button.description = True, "No more hints"
        else:
            button.description = f"Show hint {state['shown'] + 1} of {total}"

    button.on_click(reveal)
    box = w.VBox([button, text])
    box.reveal = reveal  # so a test can press the button without a browser
    return box
