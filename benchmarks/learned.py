"""Would a learned layer earn its place? A model over the rules' weakest decision, cross-validated.

The rules' weakest decision is the last one: a sentence with no cue continues the speech going
on (``attribute()``'s evidence "continuation …"). This part trains a logistic regression on
readable features of those sentences (a quotation mark at the start, a modal verb, a year, how
many sentences since the last cue …), labelled by the development gold (the speech goes on,
or it is narration), and compares it with the rule, which always continues, in 5-fold
cross-validation grouped by report and then by outlet: no report, and then no outlet, is in
both the training and the test folds. The kit adopts a model only if it beats the rule here
by enough to be worth a weight table a learner must trust instead of a rule they can read.
"""

from __future__ import annotations

import random
import re

from .report import Table

TITLE = "Learned check: a model over the rules' continuation decisions, cross-validated"
COLUMNS = ["folds grouped by", "decisions", "rule: always continue", "model", "difference"]
_QUOTES = "“”\""


def features(attribution, since_cue: int, last: bool) -> set[str]:
    """The readable features of one "continuation" decision."""
    text = attribution.sentence.text.strip()
    outside = re.sub(r"“[^”]*”|\"[^\"]*\"", " ", text)
    words = [w.lower() for w in re.findall(r"[A-Za-z’']+", outside)]
    first = words[0] if words else ""
    found = {
        "same paragraph": attribution.evidence.startswith("continuation of a speech paragraph"),
        "starts with a quotation mark": text[:1] in _QUOTES,
        "has a quotation": any(c in text for c in _QUOTES),
        "first person outside quotes": bool(set(words) & {"we", "our", "us", "i", "my"}),
        "modal verb": bool(set(words) & {"would", "should", "must", "could", "might", "need", "needs"}),
        "a year": bool(re.search(r"\b(?:19|20)\d\d\b", text)),
        "past perfect": bool(re.search(r"\bhad\s+\w+(?:ed|en)\b", outside)),
        "opens with It/This/That": first in ("it", "this", "that", "these", "those"),
        "opens with The": first == "the",
        "opens with a connective": first in ("but", "however", "meanwhile", "also", "moreover", "in", "on",
                                             "with", "since", "over", "despite", "after"),
        "under 12 words": len(words) < 12,
        "over 30 words": len(words) > 30,
        "2+ sentences since the cue": since_cue >= 2,
        "4+ sentences since the cue": since_cue >= 4,
        "the article's last sentence": last,
        "is/are/has/have": bool(set(words) & {"is", "are", "has", "have"}),
        "was/were": bool(set(words) & {"was", "were"}),
    }
    return {name for name, on in found.items() if on}


def decisions() -> list[tuple[str, str, set, int]]:
    """(report, outlet, features, label) for every "continuation" decision on a development
    report whose gold gives the sentence to the same speakers (1) or to nobody (0)."""
    import tomllib

    from helpers import analyse, load_article
    from helpers.article import DEFAULT_ARTICLE
    from helpers.speakers.evaluation import evaluation_reports, load_gold
    from helpers.speakers.rules import attribute

    out = []
    splits = ("development", "held-out", "fresh development")
    paths = [DEFAULT_ARTICLE, *(p for s in splits for p in evaluation_reports(s))]
    for path in paths:
        article = load_article(path)
        owner = analyse(article)
        gold = load_gold(owner)
        toml = article.path.with_suffix(".toml")
        outlet = tomllib.loads(toml.read_text(encoding="utf-8")).get("publisher", article.name) if toml.exists() \
            else article.name
        said = attribute(owner)
        since = 9
        for k, a in enumerate(said):
            since = 0 if a.cue is not None else since + 1
            index = a.sentence.index
            if not a.evidence.startswith("continuation") or index not in gold:
                continue
            names = set(gold[index][0])
            if names and names != set(a.speakers):
                continue  # another speaker: neither answer is right
            out.append((article.name, outlet, features(a, since, k == len(said) - 1), int(bool(names))))
    return out


def _fit(rows, names, steps: int = 3000, rate: float = 0.1, l2: float = 1.0):
    import numpy as np

    x = np.array([[1.0, *(1.0 if n in f else 0.0 for n in names)] for f, _ in rows])
    y = np.array([label for _, label in rows], float)
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        w -= rate * (x.T @ (p - y) + l2 * np.r_[0.0, w[1:]]) / len(y)
    return w


def _predict(w, names, feats) -> int:
    score = w[0] + sum(w[1 + i] for i, n in enumerate(names) if n in feats)
    return int(score > 0)


def bench(folds: int = 5, seed: int = 0) -> Table:
    """Cross-validated accuracy of the rule and of the model on the continuation decisions.

    Args:
        folds: how many folds; each holds out whole reports (or whole outlets).
        seed: the shuffle of the groups into folds.

    Returns:
        A :class:`~benchmarks.report.Table` with one row per grouping.
    """
    data = decisions()
    names = sorted({n for _, _, f, _ in data for n in f})
    table = Table(TITLE, COLUMNS)
    for key, label in ((0, "report"), (1, "outlet")):
        groups = sorted({d[key] for d in data})
        random.Random(seed).shuffle(groups)
        model_right = 0
        for k in range(folds):
            held = set(groups[k::folds])
            w = _fit([(d[2], d[3]) for d in data if d[key] not in held], names)
            model_right += sum(_predict(w, names, d[2]) == d[3] for d in data if d[key] in held)
        rule_right = sum(d[3] for d in data)
        table.add(label, len(data), rule_right, model_right, f"{model_right - rule_right:+d}")
    table.notes += [
        f"{len(data)} decisions of the development reports (the kit's article among them) where the rules continue "
        "the speech going on, labelled by the gold: the same speakers (the rule is right) or narration.",
        f"model: logistic regression on {len(names)} readable features, trained on the other folds' reports.",
        "The kit keeps the rule unless the model's gain is worth a weight table in place of a readable rule.",
    ]
    return table
