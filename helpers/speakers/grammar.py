"""The grammar of reporting that the speaker rules read: the speech cues.

The cues are the reporting verbs of English ("said", "noted", "called for" …), one a line
in the editable ``data/speakers.cues.txt``; each kind is documented there. This module owns
reading and checking that list (:func:`load_cues`). It does not attribute sentences (that is
:mod:`helpers.speakers.rules`) and never writes a file.
"""

from __future__ import annotations

from functools import lru_cache

from ..datafiles import DataFileError, data_file, file_stamp, read_wordlist

__all__ = ["load_cues"]


@lru_cache(maxsize=4)
def _cues(path: str, stamp) -> tuple[str, ...]:
    cues = tuple(read_wordlist(path, lower=True))
    if not cues:  # with no cue every sentence would look like speech: refuse, do not guess
        raise DataFileError(path, "the file lists no speech cue, so no sentence can be attributed",
                            "restore the kit's speakers.cues.txt, or write one cue a line (said, noted, "
                            "called for …)")
    return cues


def load_cues(path=None) -> tuple[str, ...]:
    """The speech cues of ``data/speakers.cues.txt`` (or ``path``), lower-cased, repeats dropped.

    Args:
        path: another cue file, one cue a line; ``None`` for the kit's.

    Returns:
        A tuple of cues in file order. The file is read again only when it changes.

    Raises:
        DataFileError: the file lists no cue, or cannot be read.

    >>> cues = load_cues()
    >>> "said" in cues, "called for" in cues
    (True, True)
    """
    path = data_file("speakers.cues.txt", path)
    return _cues(str(path), file_stamp(path))
