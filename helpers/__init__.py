"""helpers: load, clean, tokenize and analyse a news article in Jupyter, offline.

Start a lesson with::

    from helpers import *
    article = load_article()

``from helpers import *`` gives the names the lessons and exercises use (``__all__`` below);
every other public name stays where it lives, ``helpers.<module>.<name>``
(``helpers.frequency.vocabulary``), documented in its module, and ``from helpers import X``
finds it too. The modules, bottom up: ``datafiles`` (reading the data files), ``tokens``,
``article``, ``frequency``, ``lexicon``, ``blocs``, ``speakers.registry`` and
``speakers.grammar`` (the settings); ``analysis`` (the owner of one analysis); then
``speakers.rules``, ``groups``, ``themes``, ``speakers.views``, ``speakers.evaluation``,
``plots``, ``explore``, ``collection`` (many reports); around them ``display``, ``examples``,
``doctor``, ``scaffold`` and ``exercises``. ``docs/architecture.md`` draws the flow. Importing is fast: NLTK, pandas,
matplotlib and ipywidgets load only when a function needs them.
"""

from . import analysis, article, blocs, collection, datafiles, display, doctor, examples, exercises, explore  # noqa: F401
from . import frequency, groups, lexicon, plots, scaffold, speakers, themes, tokens  # noqa: F401
from .analysis import *  # noqa: F401,F403
from .article import *  # noqa: F401,F403
from .blocs import *  # noqa: F401,F403
from .collection import *  # noqa: F401,F403
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

#: What ``from helpers import *`` gives a learner: the names the lessons and exercises use.
__all__ = [
    # an article, the lists it is read with, and an analysis with lists of one's own
    "load_article", "load_speakers", "load_stopwords", "load_themes", "load_gold", "analyse",
    # tables and words
    "table", "tokenize", "top_words", "word_counts", "hapaxes", "kwic", "show_kwic", "collocations",
    "mention_counts", "plot_top_words", "plot_dispersion", "plot_zipf",
    # who speaks
    "attribute", "show_attribution", "show_speaker", "speaker_table", "speaker_keywords",
    "evaluate_attribution", "plot_speaking_order", "plot_speaker_words", "plot_speaker_groups",
    # themes
    "theme_matrix", "theme_hits", "show_theme_hits", "plot_theme_heatmap", "plot_theme_comparison",
    "plot_theme_dispersion",
    # explorers
    "frequency_explorer", "speaker_explorer", "theme_explorer", "dashboard",
    # a collection of reports
    "load_collection",
    # exercises
    "check", "show_progress",
]
__version__ = "0.1.0"
