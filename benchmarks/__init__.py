"""Benchmarks for the kit: ``make bench`` (or ``python -m benchmarks``).

Six parts, each a module returning a :class:`~benchmarks.report.Table`:

- ``notebooks``: each lesson notebook's execution time ÷ an empty notebook's;
- ``widgets``: p50 / p95 latency of each explorer's update, for each control;
- ``tokenizer``: ``helpers.tokenize`` vs NLTK's ``word_tokenize`` path vs ``str.split``,
  with the agreement of word tokens;
- ``scale``: the whole pipeline on generated corpora of 1 … 1,000 documents;
- ``coldstart``: ``import helpers`` and the first ``load_article()`` in a fresh process;
- ``limits``: the tokenizer on 1 MB of ``a.a.…a`` and ``a/a/…a`` beside 1 MB of the article
  (hostile text a backtracking pattern reads in quadratic time), and a 50 MB one-line
  article's peak memory and the largest HTML any explorer widget holds.

Every figure is a median over repeated runs, and every ratio compares two things
measured side by side in the same run. Results are printed and written to
``bench-results/``. Nothing here writes into ``data/``.
"""
