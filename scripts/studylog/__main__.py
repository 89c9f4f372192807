"""`python -m studylog` runs the same CLI as the `studylog` console script."""

import sys

from studylog.cli import main

sys.exit(main())
