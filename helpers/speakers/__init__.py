"""Who said what, for whom: the speaker registry, the grammar of reporting, the rules and their measure.

The speakers of an article are listed in an editable file beside it,
``data/articles/NAME.speakers.csv`` (name, role, country, organization, capacity,
the group they speak for, their pronoun and other names): its *registry*, read by
:func:`~helpers.speakers.registry.load_speakers`. :func:`~helpers.speakers.rules.attribute`
reads the article sentence by sentence and decides, with a handful of rules from the
grammar of reporting that a learner can follow, who is speaking: a speaker *named*,
*described* ("the Pakistani envoy", resolved through the registry's role, organization and
country) or given by their *country* as the subject of a speech cue ("Ban noted",
"Pakistan has called for"), a pronoun *pointing* to the nearest speaker it fits ("he said"),
or a sentence with no cue that *continues* the speech around it. The cues are the reporting
verbs of English, listed in ``data/speakers.cues.txt`` (:mod:`~helpers.speakers.grammar`).
Every decision carries its evidence, and :mod:`~helpers.speakers.evaluation` checks the
rules against a gold annotation made by hand (``NAME.gold.tsv`` beside the article), next to
a naive "last name seen" rule; :mod:`~helpers.speakers.views` shows each speaker.

The modules, bottom up: ``registry`` and ``grammar`` (the data), ``rules``, ``views`` and
``evaluation``. This package's own face is the data layer; the kit's package
(``helpers``) gives the rest. Calling the package as a function, ``speakers(article)``,
is the older name of :func:`load_speakers`.
"""

import sys
import types
import warnings

from ..article import load_article
from .grammar import *  # noqa: F401,F403
from .registry import *  # noqa: F401,F403
from . import grammar as _grammar, registry as _registry_module

__all__ = [*_registry_module.__all__, *_grammar.__all__]


class _CallableModule(types.ModuleType):
    """This package, callable as the function ``speakers()`` it once was (with a FutureWarning)."""

    def __call__(self, source=None):
        warnings.warn("speakers() is now load_speakers(article): give it the article (from load_article()) "
                      "or the path of a speaker file", FutureWarning, stacklevel=2)
        return load_speakers(load_article() if source is None else source)


sys.modules[__name__].__class__ = _CallableModule
