"""Choosing a lesson's examples from the article's content.

A lesson written for one article names its examples: a speaker, a theme, two groups to
compare. Loaded with another article, those names may not exist. The functions here
choose the example from what the article loaded holds (the theme with the most hits,
the largest cell of a table, the groups it has), so that every lesson runs on every
article; where there is nothing to show, they say so in words.
"""

from __future__ import annotations

__all__ = []
