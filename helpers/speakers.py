"""Who said what, for whom: the speaker registry and rule-based attribution."""

from __future__ import annotations

__all__: list[str] = []
