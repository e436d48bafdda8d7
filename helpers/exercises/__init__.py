"""Self-paced exercises: instant feedback with ``check``, progressive hints, progress.

Every exercise notebook in ``exercises/`` asks questions about the article; the
learner writes an answer and runs ``check("reading.q1", answer)``, which says ✓ and
why, or gives a hint aimed at the mistake — never a traceback, never a hang. A code
question takes the learner's function instead, ``check("reading.q7", words_of)``, and
runs it on the article and on small named cases. The
package has one module per concept:

- :mod:`~helpers.exercises.bank` — the question bank: ``Question``, ``Wrong`` and, for
  code questions, ``Case``, read from the check files ``exercises/checks/<topic>.py``;
- :mod:`~helpers.exercises.compare` — answers made safe and compared in a plain form;
- :mod:`~helpers.exercises.mistakes` — feedback for the kinds of mistake no check file
  lists (near misses, wrong types, order, size);
- :mod:`~helpers.exercises.grading` — ``check`` and ``grade``, and their ``Feedback``;
- :mod:`~helpers.exercises.cases` — code questions: the learner's function run on named cases;
- :mod:`~helpers.exercises.apart` — the learner's code run in a child process with a time limit;
- :mod:`~helpers.exercises.hinting` — ``hints``, ``next_hint`` and the "Show a hint" button;
- :mod:`~helpers.exercises.progress_store` — the progress file (``.progress/progress.json``,
  or ``$HELPERS_PROGRESS``): locked, atomic, never lost;
- :mod:`~helpers.exercises.builder` — ``python -m helpers.exercises build``
  (``make exercises``): the student notebooks from the instructor sources.

This module only gathers their public names.
"""

from .bank import (ANY_ARTICLE, Case, CheckError, Question, Wrong, exercises_dir, load_questions, questions,
                   validate_question)
from .builder import BEGIN, END, MANIFEST, SourceError, build, main, strip_solutions, student_notebook
from .grading import NOT_ANSWERED, Feedback, check, grade
from .hinting import hints, next_hint, show_hints
from .progress_store import progress, progress_path, progress_table, show_progress

__all__ = [
    "Feedback", "Question", "Wrong", "check", "grade", "hints", "next_hint", "show_hints",
    "questions", "load_questions", "validate_question", "progress", "progress_table", "show_progress",
]
