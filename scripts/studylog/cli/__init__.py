"""The `studylog` command line: argument parsing and the one place errors become exit codes."""

from studylog.cli.main import main, run

__all__ = ["main", "run"]
