"""Tokenizer throughput and agreement: helpers.tokenize vs NLTK's word_tokenize path vs str.split.

``nltk.word_tokenize`` needs downloaded Punkt data, so it is rebuilt here exactly
as NLTK runs it, without data: sentences from an untrained
``PunktSentenceTokenizer()``, then ``NLTKWordTokenizer`` on each sentence.

Agreement is measured on **word tokens**: tokens holding at least one letter or
digit, lower-cased, with ’ read as '. Punctuation is left out because
``helpers.tokenize`` drops it by design. The two lists of word tokens are
compared as multisets (bags): agreement = 2·|common| / (|ours| + |theirs|), so
that one token split differently counts against both sides and order does not
matter.
"""

from __future__ import annotations

from collections import Counter

from .report import Table, median, timed, verdict

TITLE = "Tokenizer throughput"


def nltk_word_tokenize():
    """A function doing what ``nltk.word_tokenize`` does, with no downloaded data."""
    from nltk.tokenize.destructive import NLTKWordTokenizer
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    sentences, words = PunktSentenceTokenizer(), NLTKWordTokenizer()

    def word_tokenize(text: str) -> list[str]:
        return [token for sentence in sentences.tokenize(text) for token in words.tokenize(sentence)]

    return word_tokenize


def is_word_token(token: str) -> bool:
    """True for a token holding at least one letter or digit."""
    return any(c.isalnum() for c in token)


def word_tokens(tokens) -> list[str]:
    """The word tokens of a token list, lower-cased, with ’ read as '."""
    return [t.replace("’", "'").lower() for t in tokens if is_word_token(t)]


def agreement(ours, theirs) -> tuple[float, Counter, Counter]:
    """Multiset agreement of two word-token lists, and what each has that the other lacks.

    Returns ``(score, only_ours, only_theirs)`` with score = 2·|common| / (|ours| + |theirs|).
    """
    a, b = Counter(word_tokens(ours)), Counter(word_tokens(theirs))
    total = sum(a.values()) + sum(b.values())
    common = sum((a & b).values())
    return (2 * common / total if total else 1.0), a - b, b - a


def large_text(text: str, tokens: int) -> str:
    """``text`` repeated (paragraph-separated) until it holds about ``tokens`` whitespace tokens."""
    per_copy = max(1, len(text.split()))
    copies = max(1, -(-tokens // per_copy))
    return "\n\n".join([text] * copies)


def _top(counter: Counter, n: int = 6) -> str:
    return ", ".join(f"{w!r}×{c}" for w, c in counter.most_common(n)) or "none"


def bench(target_tokens: int = 1_000_000, repeat: int = 5, nltk_repeat: int = 3) -> Table:
    """Throughput of each tokenizer on the article repeated to ``target_tokens`` tokens."""
    import helpers

    article = helpers.load_article()
    text = large_text(article.text, target_tokens)
    word_tokenize = nltk_word_tokenize()
    methods = [
        ("helpers.tokenize", lambda: helpers.tokenize(text), repeat),
        ("helpers.tokenize_spans (with offsets)", lambda: helpers.tokenize_spans(text), repeat),
        ("helpers.token_columns (offsets in arrays)", lambda: helpers.token_columns(text), repeat),
        ("NLTK word_tokenize path (Punkt + NLTKWordTokenizer)", lambda: word_tokenize(text), nltk_repeat),
        ("str.split (the floor)", lambda: text.split(), repeat),
    ]
    outputs, times, errors = {}, {}, {}
    rounds = max(r for _, _, r in methods)
    for i in range(rounds):  # interleaved, so that load on the machine hits all alike
        for name, fn, r in methods:
            if i >= r or name in errors:
                continue
            try:
                [seconds] = timed(lambda: outputs.__setitem__(name, fn()), 1)
            except Exception as err:  # reported in the table, not raised
                errors[name] = f"{type(err).__name__}: {str(err)[:80]}"
                continue
            times.setdefault(name, []).append(seconds)
    nltk_name = next(name for name, _, _ in methods if name.startswith("NLTK"))
    table = Table(TITLE, ["tokenizer", "tokens out", "median s", "M tokens/s", "× word_tokenize",
                          "word-token agreement", "goal", "verdict"])
    base = median(times[nltk_name]) if nltk_name in times else None
    for name, _, _ in methods:
        if name in errors:
            table.add(name, "-", "-", "-", "-", "-", "-", f"failed: {errors[name]}")
            continue
        out = outputs[name]
        if isinstance(out, tuple):  # token_columns: (words, starts, ends)
            out = out[0]
        elif not isinstance(out[0], str):
            out = [t.word for t in out]
        t = median(times[name])
        speed = base / t if base else float("nan")
        agree = agreement(out, outputs[nltk_name])[0] if nltk_name in outputs else float("nan")
        goal, ok = "-", "-"
        if name == "helpers.tokenize":
            goal = "≥ 20× at ≥ 98%"
            ok = "ok" if verdict(speed, 20, lower_is_better=False) == "ok" and agree >= 0.98 else "SHORT"
        table.add(name, f"{len(out):,}", t, len(out) / t / 1e6, speed, f"{agree:.2%}", goal, ok)
    table.notes.append(f"Text: the article repeated {text.count(article.text[:60])} times "
                       f"({len(text.split()):,} whitespace tokens, {len(text) / 1e6:.1f} M characters); "
                       f"median of {repeat} runs ({nltk_repeat} for NLTK), interleaved.")
    table.notes.append("Tokens/s counts each tokenizer's own output (NLTK's includes punctuation); "
                       "'× word_tokenize' is the ratio of times on the same text.")
    if "helpers.tokenize" in outputs and nltk_name in outputs:
        score, ours, theirs = agreement(helpers.tokenize(article.text),
                                        word_tokenize(article.text))
        table.notes.append("Agreement: word tokens (holding a letter or digit; lower-cased; ’ = ') "
                           "compared as multisets, 2·common / (ours + theirs).")
        table.notes.append(f"On one copy of the article: {score:.2%}. Only in helpers.tokenize: "
                           f"{_top(ours)}. Only in NLTK: {_top(theirs)}.")
    return table
