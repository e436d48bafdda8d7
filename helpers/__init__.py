"""helpers: load, clean, tokenize and analyse a news article in Jupyter, offline.

Start a lesson with::

    from helpers import *
    article = load_article()

Every public name of the kit's modules is available from here. Importing is
fast: NLTK, pandas, matplotlib and ipywidgets load only when a function needs them.
"""

from . import article as _article, datafiles as _datafiles, doctor as _doctor, frequency as _frequency
from . import plots as _plots, tokens as _tokens
from .article import *  # noqa: F401,F403
from .datafiles import *  # noqa: F401,F403
from .doctor import *  # noqa: F401,F403
from .frequency import *  # noqa: F401,F403
from .plots import *  # noqa: F401,F403
from .tokens import *  # noqa: F401,F403

__all__ = [name for module in (_datafiles, _tokens, _article, _frequency, _plots, _doctor) for name in module.__all__]
__version__ = "0.1.0"
