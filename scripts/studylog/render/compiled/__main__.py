"""`python -m studylog.render.compiled`: compile the templates again (after editing one)."""

from studylog.render.compiled import main

main()
