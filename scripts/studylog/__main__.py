"""`python -m studylog` runs the same CLI as the `studylog` console script."""

from studylog.cli.main import run

run()
