"""Self-paced exercises: instant feedback with ``check``, hints, progress."""

from __future__ import annotations

__all__: list[str] = []
