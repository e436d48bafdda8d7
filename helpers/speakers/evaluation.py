"""Measuring attribution: the gold annotations made by reading, and the rules against them.

An article's ``NAME.gold.tsv`` says who speaks in each sentence; :func:`evaluate_attribution`
compares the rules and the naive rule with it on the same sentences, and
:func:`evaluate_reports` does so over a set of real reports, one row each.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..analysis import analysis_of
from ..article import DEFAULT_ARTICLE, load_article
from ..datafiles import DataFileError, data_dir, read_text
from ..display import table
from .grammar import family_name
from .registry import registry_path
from .rules import KINDS, attribute, naive_attribution

__all__ = ["Evaluation", "gold_path", "load_gold", "draft_gold", "evaluation_summary", "errors_to_read", "evaluate_attribution", "evaluate_reports", "zero_touch",
           "evaluation_reports", "REPORT_SPLITS"]


# --- the gold annotation and the evaluation ---------------------------------------------

GOLD_COLUMNS = ("sentence", "speakers", "kind", "begins", "note")


def gold_path(article) -> Path | None:
    """The gold annotation of an article: ``NAME.gold.tsv`` beside it.

    A file of the older layout, ``data/gold/NAME.attribution.tsv``, is used when the
    article has none of its own (``python -m helpers doctor`` says how to move it).

    Args:
        article: an :class:`~helpers.Article`, or an :class:`~helpers.Analysis` of one.

    Returns:
        The path, or ``None`` when the article has no gold annotation.

    >>> from helpers import load_article
    >>> gold_path(load_article()).name
    'idn-2016-10-31-un-regional-bodies.gold.tsv'
    """
    own = article.bundle_file("gold.tsv")
    if own.is_file() or os.path.lexists(own):  # a folder or a loop is read, and explained
        return own
    legacy = data_dir() / "gold" / f"{article.name}.attribution.tsv"
    return legacy if legacy.is_file() else None


def _gold_path(article, path=None) -> Path:
    if path is not None:
        return Path(path)
    found = gold_path(article)
    if found is None:
        raise DataFileError(article.bundle_file("gold.tsv"), "the article has no gold annotation",
                            "write one (python -m helpers new-article drafts it), or measure the rules "
                            "on an article that has one (list_articles())")
    return found


def gold_lines(path: Path) -> list[tuple[int, str]]:
    """The annotation lines of a gold file, numbered: notes, blank lines and the header left out.

    The header is recognised by its column names (tabs or spaces between them, any case),
    so a file whose header was deleted keeps its first annotation.
    """
    lines = [(n, line) for n, line in enumerate(read_text(path).split("\n"), start=1)
             if line.strip() and not line.startswith("#")]
    if not lines:
        return []
    number, first = lines[0]
    names = [word.lower() for word in first.split()]
    if names in (list(GOLD_COLUMNS), list(GOLD_COLUMNS[:4])):
        return lines[1:]
    if not names[0].isdigit():
        lead = first.split("\t")[0].strip()[:40]
        raise DataFileError(path, f"the first line is neither the header nor an annotation: it begins "
                                  f"{lead!r}, not a sentence index",
                            f"write the header as the kit's file has it, the names {', '.join(GOLD_COLUMNS)} "
                            "with one tab between them, or start the line with the index of a sentence",
                            line=number)
    return lines  # no header: the first line is an annotation like the others


def load_gold(article=None, path=None, registry=None) -> dict[int, tuple[tuple[str, ...], str]]:
    """The hand-made gold annotation of ``article``: sentence index → (speakers, kind).

    Args:
        article: the article (``None`` for the kit's article).
        path: the gold file; by default the article's ``NAME.gold.tsv`` (see :func:`gold_path`).
        registry: deprecated: pass ``analyse(article, speakers=…)`` as ``article``.

    Returns:
        A dict from sentence index to ``(speakers, kind)``: a tuple of registry
        names (empty for narration) and one of :data:`KINDS`.

    Raises:
        DataFileError: a line with the wrong number of columns, an unknown speaker or
            kind, first words (``begins``) that begin no sentence or several, a sentence
            annotated twice (both lines are named), a file with no annotation, a first line that is neither the
            header nor an annotation. (The header line, ``sentence  speakers  kind  begins
            note``, may be left out.) The ``begins`` column says which sentence a line is
            about; the ``sentence`` index beside it is there for a reader.

    >>> gold = load_gold()
    >>> len(gold), gold[15]
    (71, (('Ukraine', 'United States'), 'indirect speech'))
    """
    owner = analysis_of(article, registry=registry, caller="load_gold")
    article = owner.article
    path = _gold_path(article, path)
    known = {s.name for s in owner.speakers}
    gold, seen, bad = {}, {}, []
    for number, line in gold_lines(path):
        try:
            _gold_line(article, path, number, line, known, gold, seen)
        except DataFileError as err:
            bad.append(err)
    if len(bad) == 1:
        raise bad[0]
    if bad:
        listed = "; ".join(f"line {e.line}: {e.problem} ({e.fix})" for e in bad)
        raise DataFileError(path, f"{len(bad)} lines are wrong: {listed}",
                            "fix or delete each line listed, then run the check again", line=bad[0].line)
    if not gold:
        raise DataFileError(path, "the file holds no annotation: there is nothing to check the rules against",
                            "write one line per body sentence: its index, speakers, kind and first words, "
                            "separated by tabs (python -m helpers new-article drafts them), or delete the file")
    return gold


#: The first words of the note the scaffold writes at the top of a drafted gold file.
DRAFT_MARK = "# DRAFT of guesses"


def draft_gold(path, owner=None) -> str | None:
    """Why a gold file is still the kit's draft, not an annotation made by reading; or ``None``.

    A draft is marked so by ``python -m helpers new-article`` (its first note line begins
    "# DRAFT of guesses"), or its notes are still the rules' evidence ("guess: …"), or,
    given the analysis ``owner``, every line's note is word for word what :func:`attribute`
    gives as evidence for that sentence: scoring the rules on it would score them against
    their own guesses.

    Args:
        path: the gold file.
        owner: the :class:`~helpers.Analysis` of its article, to compare the notes with the rules.

    Returns:
        A sentence saying why the file is a draft, or ``None`` when it is not one.

    >>> from helpers import load_article
    >>> draft_gold(gold_path(load_article())) is None
    True
    """
    text = read_text(path)
    if any(line.startswith(DRAFT_MARK) for line in text.split("\n")):
        return "it still begins with the note 'DRAFT of guesses' that new-article wrote"
    lines = gold_lines(path)
    notes = [line.split("\t")[4].strip() if len(line.split("\t")) > 4 else "" for _, line in lines]
    if notes and all(n.startswith("guess:") for n in notes):
        return "every line's note is still the kit's 'guess:'"
    if owner is not None and notes and all(notes):
        evidence = [" ".join(a.evidence.split()) for a in attribute(owner)]
        if set(notes) <= set(evidence):
            return "every line's note is the rules' own evidence: the lines are the kit's guesses"
    return None


def _gold_line(article, path, number, line, known, gold, seen) -> None:
    """Read one annotation line into ``gold`` (``seen``: sentence index → its line and reading)."""
    cells = line.split("\t")
    if len(cells) < 4:
        raise DataFileError(path, f"this line has {len(cells)} columns, not {len(GOLD_COLUMNS)}",
                            "separate sentence, speakers, kind, begins and note with one tab each "
                            "(an editor may have turned tabs into spaces)", line=number)
    index, names, kind, begins = (c.strip() for c in cells[:4])
    sent = _gold_sentence(article, begins, index, path, number)
    names = tuple(n.strip() for n in names.split(";") if n.strip())
    for name in names:
        if name not in known:
            raise DataFileError(path, f"{name!r} is not in the speaker registry",
                                f"use a name from {article.name}.speakers.csv, or add the speaker there",
                                line=number)
    if kind not in KINDS:
        raise DataFileError(path, f"kind {kind!r} is unknown", f"write one of: {', '.join(KINDS)}",
                            line=number)
    if sent.index in seen:  # a sentence annotated twice: which line is right cannot be guessed
        earlier, first = seen[sent.index]

        def said(who, how):
            return f"{'; '.join(who) or 'narration'} ({how})"

        raise DataFileError(path, f"sentence {sent.index} is annotated twice, on lines {earlier} and {number}"
                                  + (" (the same way)" if first == (names, kind) else
                                     f", with different speakers or kinds: {said(*first)} and "
                                     f"{said(names, kind)}"),
                            "keep one line for each sentence: delete the line that is wrong", line=number)
    seen[sent.index] = (number, (names, kind))
    gold[sent.index] = (names, kind)


def _gold_sentence(article, begins: str, index: str, path, number):
    """The sentence of ``article`` that starts with ``begins``, or a DataFileError that says why not.

    Where several sentences begin so (a quotation said twice), the ``index`` says which.
    """
    if not begins:
        raise DataFileError(path, "the column 'begins' is empty",
                            "copy the first words of the sentence into it: they say which sentence it is",
                            line=number)
    found = [s for s in article.sentences if s.text.startswith(begins)]
    if len(found) == 1:
        return found[0]
    chosen = [s for s in found if str(s.index) == index]
    if chosen:
        return chosen[0]
    if found:
        listed = ", ".join(str(s.index) for s in found[:5])
        raise DataFileError(path, f"{len(found)} sentences begin {begins!r} (sentences {listed})",
                            "write more of the sentence's first words, until only one sentence begins so, "
                            "or write the index of the one you mean in the column 'sentence'",
                            line=number)
    import difflib

    starts = {s.text[:len(begins)]: s for s in article.sentences}
    close = difflib.get_close_matches(begins, list(starts), n=1, cutoff=0.6)
    hint = (f"sentence {starts[close[0]].index} begins {close[0]!r}: copy its first words exactly"
            if close else "delete this line: its sentence is no longer in the article (page clutter the "
                          "[chrome] patterns removed, or text that was edited out)")
    raise DataFileError(path, f"no sentence of {article.name!r} begins {begins!r}", hint, line=number)


@dataclass(frozen=True)
class Evaluation:
    """How well attribution agrees with the gold annotation.

    Attributes:
        accuracy: share of gold sentences whose set of speakers is exactly right.
        baseline_accuracy: the same for the naive "last name seen" rule.
        kind_accuracy: share of sentences whose kind is right.
        per_speaker: a DataFrame: speaker, gold, predicted, correct, precision, recall.
        errors: one dict per wrong sentence (sentence, gold, predicted, evidence, text).
        baseline_errors: the same for the naive rule.
        n: the number of gold sentences.

    With an empty gold annotation (``n == 0``) there is nothing to score: the three
    accuracies are ``None``, the tables are empty, and the evaluation says so when shown.
    """

    accuracy: float | None
    baseline_accuracy: float | None
    kind_accuracy: float | None
    per_speaker: object
    errors: list
    baseline_errors: list
    n: int

    def error_table(self, baseline: bool = False):
        """The sentences the rules (or, with ``baseline=True``, the naive rule) got wrong, as a table.

        Args:
            baseline: the naive rule's errors instead of the rules'.

        Returns:
            A Table (a DataFrame): sentence, gold, predicted, evidence, text; speakers by
            name, and "narration" where nobody speaks.

        >>> evaluate_attribution().error_table(baseline=True).loc[0, "gold"]
        ()
        """

        rows = self.baseline_errors if baseline else self.errors
        return table(rows, columns=["sentence", "gold", "predicted", "evidence", "text"], empty="narration")

    def __repr__(self) -> str:
        if not self.n:
            return ("<Evaluation on 0 sentences: the gold annotation is empty, so the rules are not scored "
                    "(no accuracy). Score them on an article with a gold file: list_articles() names them>")
        return (f"<Evaluation on {self.n} sentences: rules {self.accuracy:.1%} "
                f"({len(self.errors)} error{'s' if len(self.errors) != 1 else ''}), naive 'last name seen' "
                f"{self.baseline_accuracy:.1%} ({len(self.baseline_errors)} "
                f"error{'s' if len(self.baseline_errors) != 1 else ''}), kind {self.kind_accuracy:.1%}>")


def _errors(article, gold, predicted, evidence) -> list[dict]:
    return [{"sentence": i, "gold": gold[i][0], "predicted": predicted[i], "evidence": evidence[i],
             "text": article.sentences[i].text}
            for i in sorted(gold) if set(gold[i][0]) != set(predicted[i])]


def evaluate_attribution(article=None, gold=None, predictions=None) -> Evaluation:
    """Compare attribution with the hand-made gold annotation, and the naive rule too.

    Args:
        article: the article (``None`` for the course's article); or a list of articles
            (or their paths), to measure each and all of them: see :func:`evaluate_reports`.
        gold: a gold dict as from :func:`load_gold` (``None`` to read the file).
        predictions: a list of :class:`Attribution` to judge (``None`` for :func:`attribute`).

    Returns:
        An :class:`Evaluation`: accuracy, per-speaker precision and recall, the errors,
        and the naive rule's accuracy and errors on the same gold. For a list, the table
        of :func:`evaluate_reports`.

    An empty gold annotation (``gold={}``) scores nothing: the evaluation's accuracies are
    ``None``, its tables empty, and it says so when shown (never 100% on no sentence).

    >>> ev = evaluate_attribution()
    >>> ev.accuracy > ev.baseline_accuracy
    True
    >>> evaluate_attribution(gold={}).accuracy is None
    True
    """
    import pandas as pd


    if isinstance(article, (list, tuple)):
        if gold is not None or predictions is not None:
            raise ValueError("give gold= and predictions= for one article at a time; for a list of "
                             "articles each one's own gold file is read")
        return evaluate_reports(article)
    owner = analysis_of(article)
    article = owner.article
    if gold is None:
        path = _gold_path(article)
        why = draft_gold(path, owner)
        if why:
            raise DataFileError(path, f"this gold file is the kit's draft, not an annotation made by reading: {why}; "
                                      "scoring the rules on it would score them against their own guesses",
                                "read every sentence, correct its speakers and kind, delete the 'guess:' notes "
                                "and the DRAFT lines at the top, then measure again")
        gold = load_gold(owner)
    predictions = attribute(owner) if predictions is None else predictions
    naive = naive_attribution(owner)
    predicted = {a.sentence.index: a.speakers for a in predictions}
    kinds = {a.sentence.index: a.kind for a in predictions}
    for i in gold:
        predicted.setdefault(i, ())
    errors = _errors(article, gold, predicted, {a.sentence.index: a.evidence for a in predictions})
    baseline_errors = _errors(article, gold, {a.sentence.index: a.speakers for a in naive},
                              {a.sentence.index: a.evidence for a in naive})
    rows = []
    names = dict.fromkeys([n for g, _ in gold.values() for n in g] + [n for i in gold for n in predicted[i]])
    for name in [*names, "(narration)"]:
        def has(who):
            return not who if name == "(narration)" else name in who
        g = {i for i in gold if has(gold[i][0])}
        p = {i for i in gold if has(predicted[i])}
        rows.append({"speaker": name, "gold": len(g), "predicted": len(p), "correct": len(g & p),
                     "precision": len(g & p) / len(p) if p else float("nan"),
                     "recall": len(g & p) / len(g) if g else float("nan")})
    n = len(gold)
    return Evaluation(
        accuracy=1 - len(errors) / n if n else None, baseline_accuracy=1 - len(baseline_errors) / n if n else None,
        kind_accuracy=sum(kinds.get(i) == gold[i][1] for i in gold) / n if n else None,
        per_speaker=table(pd.DataFrame(rows), decimals=2), errors=errors, baseline_errors=baseline_errors, n=len(gold))


#: The sets of real reports with a gold annotation that the rules are measured on.
REPORT_SPLITS = ("development", "held-out", "fresh development", "held-back", "your articles")
_KIT = Path(__file__).resolve().parents[2]  # the kit's folder, above helpers/
_REPORTS = _KIT / "tests" / "reports"
#: The instructor guide's worked example: a real report, finished as a bundle, in the development set too.
_GUIDE_EXAMPLE = _KIT / "docs" / "examples" / "second-article"
#: The articles the kit bundles in data/articles/ that the rules were written with (development);
#: any other article there with a gold file is an instructor's own ("your articles").
_BUNDLED_DEVELOPMENT = ("belta-2022-02-17-un-csto-cooperation", "unnews-2017-07-19-un-au-cooperation",
                        "unpress-2015-03-09-un-eu-cooperation")
#: Each split of reports kept with the kit, and the folders it reads.
_SPLIT_FOLDERS = {"development": (_REPORTS / "dev", _GUIDE_EXAMPLE), "held-out": (_REPORTS / "heldout",),
                  "fresh development": (_REPORTS / "fresh" / "development",),
                  "held-back": (_REPORTS / "fresh" / "held-back",)}


def evaluation_reports(split: str = "development") -> list[Path]:
    """The real reports, each with its gold annotation, that the rules are measured on.

    Args:
        split: "development": the three reports the kit bundles beside its own article
            (``data/articles/``), the reports in ``tests/reports/dev/`` and the instructor
            guide's worked example (``docs/examples/second-article/``), and "fresh
            development": the 288 reports of ``tests/reports/fresh/development/`` (a bundle of
            ``data/articles/`` counts when it has a gold file and a speaker list); the rules
            were tuned with both in view. "held-out": the reports in ``tests/reports/heldout/``,
            and "held-back": the 15 of ``tests/reports/fresh/held-back/``, drawn at random
            from reports annotated by reading, with no output of the rules in view; each set is
            measured once, when the rules are done, and then joins the development reports.
            "your articles": the articles of ``data/articles/`` that have a gold file,
            except the kit's own article and the reports it bundles for development: an
            instructor's bundles, which no rule was written with.

    Returns:
        The paths of the reports' ``.txt`` files, sorted by name.

    Raises:
        ValueError: an unknown split (the message lists the splits).

    >>> [p.stem for p in evaluation_reports()][:2]
    ['atalayar-2021-01-19-un-las-cooperation', 'baohoabinh-2020-01-31-asean-un-cooperation']
    >>> len(evaluation_reports("fresh development"))
    288
    """

    if split not in REPORT_SPLITS:
        raise ValueError(f"there is no split {split!r}: choose one of {', '.join(map(repr, REPORT_SPLITS))}")
    bundled = [p for p in (data_dir() / "articles").glob("*.txt")
               if p.stem != DEFAULT_ARTICLE and p.with_suffix(".gold.tsv").is_file()
               and p.with_suffix(".speakers.csv").is_file()]  # a gold with no speaker list names nobody it knows
    if split == "your articles":
        return sorted((p for p in bundled if p.stem not in _BUNDLED_DEVELOPMENT), key=lambda p: p.stem)
    own = [p for p in bundled if p.stem in _BUNDLED_DEVELOPMENT] if split == "development" else []
    return sorted(own + [p for folder in _SPLIT_FOLDERS[split] for p in folder.glob("*.txt")
                         if p.with_suffix(".gold.tsv").is_file()], key=lambda p: p.stem)


def evaluate_reports(reports=None):
    """The rules and the naive rule on several articles: one row each, and all of them together.

    Both rules are judged on the same sentences: every sentence of each article's gold
    annotation. The last row adds the sentences up over all articles (so a long article
    counts for more than a short one).

    Args:
        reports: articles, their paths or names (each with its ``.gold.tsv`` beside it), or
            a split of :func:`evaluation_reports` ("development", "fresh development", …); ``None``
            for the development set.

    Returns:
        A pandas DataFrame with columns article, sentences, rules right, rules %,
        naive right, naive %; its last row is "all N articles".

    Raises:
        DataFileError: an article has no gold annotation, or a line of it is wrong (the
            message names the file, the line and the fix).

    >>> table = evaluate_reports()
    >>> list(table.columns)
    ['article', 'sentences', 'rules right', 'rules %', 'naive right', 'naive %']
    >>> int(table.iloc[-1]["sentences"]) == int(table.iloc[:-1]["sentences"].sum())
    True
    """
    import pandas as pd


    if reports is None or isinstance(reports, str) and reports in REPORT_SPLITS:
        reports = evaluation_reports(reports or "development")
    rows = []
    for report in reports:
        article = report if hasattr(report, "sentences") else load_article(report)
        ev = evaluate_attribution(article)
        rows.append({"article": article.name, "sentences": ev.n, "rules right": ev.n - len(ev.errors),
                     "naive right": ev.n - len(ev.baseline_errors)})
    total = {"article": f"all {len(rows)} article{'s' if len(rows) != 1 else ''}",
             "sentences": sum(r["sentences"] for r in rows),
             "rules right": sum(r["rules right"] for r in rows), "naive right": sum(r["naive right"] for r in rows)}
    table = pd.DataFrame(rows + [total], columns=["article", "sentences", "rules right", "naive right"])
    for rule in ("rules", "naive"):
        share = table[f"{rule} right"] / table["sentences"].where(table["sentences"] > 0)
        table.insert(table.columns.get_loc(f"{rule} right") + 1, f"{rule} %", (100 * share).round(1))
    return table


def _same_speaker(drafted, speaker) -> bool:
    """Whether a drafted speaker is the registry's ``speaker``: the same name, an alias of it,
    the same family name, or the delegation of the same country."""
    def forms(s):
        return {s.name.lower(), *(a.lower() for a in s.aliases)}

    if forms(drafted) & forms(speaker):
        return True
    if drafted.name == drafted.country or speaker.name == speaker.country:  # a delegation
        return bool(drafted.country) and drafted.country == speaker.country and (
            drafted.name == drafted.country) == (speaker.name == speaker.country)
    return family_name(drafted.name).lower() == family_name(speaker.name).lower()


def zero_touch(reports) -> tuple[int, int]:
    """The rules with the scaffold's drafted speaker list, not edited, against the gold.

    Each article is read with the speakers :func:`~helpers.scaffold.suggest_speakers`
    drafts; a drafted speaker counts as the gold's speaker it is (the same name or alias,
    the same family name, or the delegation of the same country), and a drafted phrase that
    is no gold speaker counts as a wrong speaker.

    Args:
        reports: articles or their paths, each with its ``.gold.tsv``; or a split of
            :func:`evaluation_reports`.

    Returns:
        ``(right, sentences)`` over all the gold sentences of the reports.

    >>> right, n = zero_touch("development")
    >>> n, right <= n
    (65, True)
    """
    from ..analysis import analyse
    from ..article import load_article
    from ..scaffold import suggest_speakers

    if isinstance(reports, str):
        reports = evaluation_reports(reports)
    right = total = 0
    for report in reports:
        article = report if hasattr(report, "sentences") else load_article(report)
        owner = analysis_of(article)
        gold = load_gold(owner)
        registry = owner.speakers
        drafted = suggest_speakers(article)
        meaning = {}
        for d in drafted:
            match = [s.name for s in registry if _same_speaker(d, s)]
            meaning[d.name] = match[0] if len(match) == 1 else f"(drafted) {d.name}"
        said = {a.sentence.index: {meaning[n] for n in a.speakers}
                for a in attribute(analyse(article, speakers=drafted))}
        right += sum(said.get(i, set()) == set(names) for i, (names, _) in gold.items())
        total += len(gold)
    return right, total


#: The sets of :func:`evaluation_summary`, each with what it is: (label, splits).
SUMMARY_SETS = (("the kit's article", ()),
                ("development (tuned on)", ("development", "held-out", "fresh development")),
                ("held-back (measured once)", ("held-back",)),
                ("your articles", ("your articles",)))


def evaluation_summary():
    """The rules and the naive rule on every set of reports the kit keeps, one row a set.

    The kit's own article; the development reports (the 10 the rules were first written with,
    3 of them held out in an earlier round and read since, and 288 fresh ones, which they were
    then tuned on: their figures flatter the rules); the held-back reports (15 drawn at random,
    annotated by reading with no output of the rules in view, and measured once, when the rules
    were done); and "your articles", the bundles with a gold file that you added (the row is
    left out when there are none).

    Returns:
        A pandas DataFrame: set, reports, sentences, rules right, rules %, naive right, naive %.

    >>> table = evaluation_summary()
    >>> list(table["set"])[:3]
    ["the kit's article", 'development (tuned on)', 'held-back (measured once)']
    """
    import pandas as pd

    from ..article import DEFAULT_ARTICLE

    rows = []
    for label, splits in SUMMARY_SETS:
        paths = [p for split in splits for p in evaluation_reports(split)] if splits else [DEFAULT_ARTICLE]
        if not paths:
            continue
        table = evaluate_reports(paths)
        total = table.iloc[-1]
        rows.append({"set": label, "reports": len(paths), "sentences": int(total["sentences"]),
                     "rules right": int(total["rules right"]), "rules %": total["rules %"],
                     "naive right": int(total["naive right"]), "naive %": total["naive %"]})
    return pd.DataFrame(rows)


def errors_to_read(article=None):
    """The rules' errors on ``article`` with their evidence; when it has none (or no gold), those on the development reports.

    The rules are always wrong somewhere: an article on which they make no error still has
    errors to learn from in the reports they were tuned on.

    Args:
        article: the article (``None`` for the course's article).

    Returns:
        A Table (a DataFrame): article, sentence, gold, predicted, evidence, text.

    >>> table = errors_to_read()
    >>> len(table) > 0 and list(table.columns)[:2] == ["article", "sentence"]
    True
    """
    owner = analysis_of(article)
    rows = ([{"article": owner.article.name, **e} for e in evaluate_attribution(owner).errors]
            if gold_path(owner.article) and registry_path(owner.article) else [])  # no gold, or no list: nothing to score
    if not rows:
        for path in evaluation_reports("fresh development"):
            report = load_article(path)
            rows += [{"article": report.name, **e} for e in evaluate_attribution(report).errors]
    return table(rows, columns=["article", "sentence", "gold", "predicted", "evidence", "text"], empty="narration")
