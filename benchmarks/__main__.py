"""``python -m benchmarks [PART ...] [--quick]``: run the benchmarks, print and save the tables."""

import sys

from .run import main

sys.exit(main(sys.argv[1:]))
