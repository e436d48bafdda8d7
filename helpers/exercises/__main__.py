"""``python -m helpers.exercises build``: generate the student exercise notebooks."""

import sys

from . import main

sys.exit(main())
