"""`python -m studylog` runs the same CLI as the `studylog` console script."""

import sys

from studylog.cli.main import main

sys.exit(main())
