"""Comparing themes across speakers, organizations and blocs with an editable lexicon."""

from __future__ import annotations

__all__: list[str] = []
