"""Widget explorers: thin ipywidgets layers over the lessons' own functions.

Each explorer's update logic is a plain function that a test can call without
a browser; ipywidgets is imported only when an explorer is built.
"""

from __future__ import annotations

__all__: list[str] = []
