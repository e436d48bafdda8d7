"""Who said what, for whom: the speaker registry and rule-based attribution.

The speakers of an article are listed in an editable file beside it,
``data/articles/NAME.speakers.csv`` (name, role, country, organization, capacity,
the group they speak for, their pronoun and other names): its *registry*. Every
function that groups sentences by speaker takes ``registry=`` and, when it is not
given, uses the article's own. :func:`attribute` then reads the article sentence by
sentence and decides, with a handful of rules from the grammar of reporting that a
learner can follow, who is speaking: a speaker *named*, *described* ("the Pakistani
envoy", resolved through the registry's role, organization and country) or given by
their *country* as the subject of a speech cue ("Ban noted", "Pakistan has called
for"), a pronoun *pointing* to the nearest speaker it fits ("he said"), or a sentence
with no cue that *continues* the speech around it. The cues are the reporting verbs of
English, listed in ``data/speakers.cues.txt``. Every decision carries its evidence, and
:func:`evaluate_attribution` checks the rules against a gold annotation made by hand
(``NAME.gold.tsv`` beside the article), next to a naive "last name seen" rule;
:func:`evaluate_reports` does so on a set of real reports, one row each.
"""

from . import evaluation as _evaluation, registry as _registry_module, rules as _rules_module, views as _views
from .evaluation import *  # noqa: F401,F403
from .registry import *  # noqa: F401,F403
from .registry import LEGACY_REGISTRY, _registry  # noqa: F401  (the other modules' one way to a registry)
from .rules import *  # noqa: F401,F403
from .rules import _cue_list, _cues  # noqa: F401  (the doctor checks the cue list as the rules read it)
from .views import *  # noqa: F401,F403
from .views import _find_speaker  # noqa: F401  (the plots and explorers name speakers as the views do)

__all__ = [name for module in (_registry_module, _rules_module, _evaluation, _views) for name in module.__all__]
