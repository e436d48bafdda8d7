"""Who said what: the rules and the naive rule on every report with a gold annotation.

One row per article: the kit's article, the development sets (the reports the rules were
written and tuned with in view: "development", "fresh development"), the held-back reports
(annotated first, then not looked at until the rules were done, and measured once then:
"held-out", "held-back"), then a row for each set as a whole. Both rules are judged on the
same sentences, every sentence of each gold file; "zero-touch" is the rules with the
scaffold's drafted speaker list, not edited (``helpers.speakers.evaluation.zero_touch``).
The time is what ``attribute()`` takes on the article, cold (its caches emptied), the median
of ``repeat`` runs.
"""

from __future__ import annotations

from .report import Table, median, timed

TITLE = "Attribution: the rules and the naive rule against the gold annotations"
COLUMNS = ["set", "article", "sentences", "rules right", "rules %", "naive right", "naive %", "zero-touch %", "ms"]
#: What each set is, printed in its total row.
LABELS = {"development": "tuned on", "fresh development": "tuned on",
          "held-out": "measured once in an earlier round, read since", "held-back": "measured once"}


def _sets(splits):
    from helpers import evaluation_reports, load_article
    from helpers.article import DEFAULT_ARTICLE

    out = []
    for split in splits:
        if split == "kit":
            out.append(("kit's article", [load_article(DEFAULT_ARTICLE)]))
        else:
            out.append((split, [load_article(p) for p in evaluation_reports(split)]))
    return out


def _cold_attribution(article) -> None:
    """``attribute(article)`` with its caches emptied: the rules compiled again, every sentence read."""
    from helpers import analyse, attribute
    from helpers.analysis import clear_caches

    clear_caches()  # the rules compiled again
    attribute(analyse(article))  # a new analysis: every sentence read again


def bench(repeat: int = 5, splits=("kit", "development", "fresh development", "held-out", "held-back")) -> Table:
    """The accuracy table, per article and per set, with the time of a cold attribution.

    Args:
        repeat: how many cold runs of ``attribute()`` each time is the median of.
        splits: which sets to measure: "kit" (the kit's article), "development", "fresh
            development", "held-out", "held-back".

    Returns:
        A :class:`~benchmarks.report.Table` with one row per article and one per set.
    """
    from helpers import evaluate_attribution
    from helpers.speakers.evaluation import zero_touch

    table = Table(TITLE, COLUMNS)
    for name, articles in _sets(splits):
        total = [0, 0, 0, 0, 0.0]
        for article in articles:
            ev = evaluate_attribution(article)
            rules, naive = ev.n - len(ev.errors), ev.n - len(ev.baseline_errors)
            drafted, _ = zero_touch([article])
            ms = 1000 * median(timed(lambda: _cold_attribution(article), repeat))
            table.add(name, article.name, ev.n, rules, _pct(rules, ev.n), naive, _pct(naive, ev.n),
                      _pct(drafted, ev.n), ms)
            total = [total[0] + ev.n, total[1] + rules, total[2] + naive, total[3] + drafted, total[4] + ms]
        if len(articles) > 1:
            n, rules, naive, drafted, ms = total
            label = f"all {len(articles)} articles" + (f" ({LABELS[name]})" if name in LABELS else "")
            table.add(name, label, n, rules, _pct(rules, n), naive, _pct(naive, n), _pct(drafted, n), ms)
    table.notes += [
        "rules: helpers.attribute(); naive: the last registry name seen so far (helpers.naive_attribution()); "
        "a sentence is right when its set of speakers is the gold's.",
        "development, fresh development: the reports the rules were written and tuned with in view "
        "(helpers.evaluation_reports()), so their figures flatter the rules; held-back: annotated by reading, "
        "drawn at random, not looked at until the rules were done, and measured once then; held-out: measured once "
        "in an earlier round, its misses read since (tests/reports/fresh/README.md).",
        "zero-touch: the rules with the speaker list the scaffold drafts (suggest_speakers), not edited; a drafted "
        "speaker counts as the gold's when it has the same name, alias or family name, or is the same country's "
        "delegation.",
        f"ms: attribute() on the article with its caches emptied, median of {repeat} run{'s' if repeat != 1 else ''}.",
    ]
    return table


def _pct(right: int, n: int) -> str:
    return f"{100 * right / n:.1f}%" if n else "-"
