"""helpers: load, clean, tokenize and analyse a news article in Jupyter, offline.

Start a lesson with::

    from helpers import *
    article = load_article()

Every public name of the kit's modules is available from here. Importing is
fast: NLTK, pandas, matplotlib and ipywidgets load only when a function needs them.
"""

from . import article as _m1, datafiles as _m2, doctor as _m3, exercises as _m4, explore as _m5
from . import frequency as _m6, groups as _m11, plots as _m7, speakers as _m8, themes as _m9, tokens as _m10
from . import display as _m14, examples as _m12, scaffold as _m13
from .article import *  # noqa: F401,F403
from .datafiles import *  # noqa: F401,F403
from .display import *  # noqa: F401,F403
from .doctor import *  # noqa: F401,F403
from .examples import *  # noqa: F401,F403
from .exercises import *  # noqa: F401,F403
from .explore import *  # noqa: F401,F403
from .frequency import *  # noqa: F401,F403
from .groups import *  # noqa: F401,F403
from .plots import *  # noqa: F401,F403
from .scaffold import *  # noqa: F401,F403
from .speakers import *  # noqa: F401,F403
from .themes import *  # noqa: F401,F403
from .tokens import *  # noqa: F401,F403

__all__ = [name for module in (_m2, _m14, _m10, _m1, _m6, _m8, _m11, _m9, _m7, _m5, _m4, _m3, _m12, _m13)
           for name in module.__all__]
__version__ = "0.1.0"
