"""helpers: load, clean, tokenize and analyse a news article in Jupyter, offline.

Start a lesson with::

    from helpers import *
    article = load_article()

``from helpers import *`` gives every module's public names, each documented in its module
(``helpers.<module>.<name>``, e.g. ``helpers.frequency.hapaxes``). The modules, bottom up: ``datafiles`` (reading the data files), ``tokens``,
``article``, ``frequency``, ``lexicon``, ``blocs``, ``speakers.registry`` and
``speakers.grammar`` (the settings); ``analysis`` (the owner of one analysis); then
``speakers.rules``, ``groups``, ``themes``, ``speakers.views``, ``speakers.evaluation``,
``plots``, ``explore``; around them ``display``, ``examples``, ``doctor``, ``scaffold`` and
``exercises``. ``docs/architecture.md`` draws the flow. Importing is fast: NLTK, pandas,
matplotlib and ipywidgets load only when a function needs them.
"""

import sys as _sys

from . import analysis, article, blocs, datafiles, display, doctor, examples, exercises, explore  # noqa: F401
from . import frequency, groups, lexicon, plots, scaffold, speakers, themes, tokens  # noqa: F401
from .analysis import *  # noqa: F401,F403
from .article import *  # noqa: F401,F403
from .blocs import *  # noqa: F401,F403
from .datafiles import *  # noqa: F401,F403
from .display import *  # noqa: F401,F403
from .doctor import *  # noqa: F401,F403
from .examples import *  # noqa: F401,F403
from .exercises import *  # noqa: F401,F403
from .explore import *  # noqa: F401,F403
from .frequency import *  # noqa: F401,F403
from .groups import *  # noqa: F401,F403
from .lexicon import *  # noqa: F401,F403
from .plots import *  # noqa: F401,F403
from .scaffold import *  # noqa: F401,F403
from .speakers import *  # noqa: F401,F403
from .speakers.evaluation import *  # noqa: F401,F403
from .speakers.rules import *  # noqa: F401,F403
from .speakers.views import *  # noqa: F401,F403
from .themes import *  # noqa: F401,F403
from .tokens import *  # noqa: F401,F403

#: What ``from helpers import *`` gives: every module's public names.
__all__ = list(dict.fromkeys(
    name for module in ("datafiles", "display", "tokens", "article", "frequency", "lexicon", "blocs", "speakers",
                        "speakers.rules", "speakers.views", "speakers.evaluation", "analysis", "groups", "themes",
                        "plots", "explore", "exercises", "doctor", "examples", "scaffold")
    for name in _sys.modules[f"{__name__}.{module}"].__all__))
__version__ = "0.1.0"
