"""Every error studylog raises, each carrying the exit code the CLI turns it into.

Exit codes: 0 clean; 1 problems found in the learner's files; 2 usage or configuration error;
3 a git push or other git operation failed; 4 a GitHub API call failed; 70 a bug in studylog.
`cli.main` is the one place that turns these into a message and an exit code; library code raises
them and never prints. No other module defines an exception class (tests/test_architecture.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studylog.diagnostics import Diagnostic

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_GIT = 3
EXIT_API = 4
EXIT_BUG = 70
EXIT_INTERRUPTED = 130  # the shell's convention for Ctrl-C

ISSUES_URL = "https://github.com/studylog/studylog/issues"


class StudylogError(Exception):
    """An error with a message for the learner; nothing half-done was left behind.

    `diagnostics` are the located problems behind it (the CLI prints them before the message).
    """

    exit_code = EXIT_PROBLEMS

    def __init__(self, message: str, diagnostics: Sequence[Diagnostic] = ()) -> None:
        super().__init__(message)
        self.diagnostics = tuple(diagnostics)


class ProblemsFound(StudylogError):
    """The learner's files have problems: a plan or check-in with errors, a tracker studylog cannot read."""

    exit_code = EXIT_PROBLEMS


class UsageError(StudylogError):
    """The command line, the environment or the repository's setup is not usable as given.

    Examples: no plan.yaml, a missing GITHUB_TOKEN, a detached HEAD without --branch, no Chromium,
    a file that already exists.
    """

    exit_code = EXIT_USAGE


class MarkerError(UsageError):
    """README.md's studylog markers are missing, duplicated or out of order: nothing was written."""


class GitError(StudylogError):
    """A git operation (usually a push) failed; the message says what to change."""

    exit_code = EXIT_GIT


class ApiError(StudylogError):
    """A GitHub API call failed; the message says what to change."""

    exit_code = EXIT_API


class ImportRefused(ProblemsFound):
    """`studylog import` could not read the tracker (or its result would not be valid): nothing was written."""


class UnsafePath(StudylogError):
    """A path studylog would read, write or delete leaves the repository through a symbolic link,
    is not a regular file, or is the learner's (read-only): nothing was done to it."""

    exit_code = EXIT_PROBLEMS


class CheckinRefused(ProblemsFound):
    """A check-in could not be written or merged; the learner's file was left as it was."""

    def __init__(self, message: str, diagnostics: Sequence[Diagnostic] = (), candidate: str = "") -> None:
        super().__init__(message, diagnostics)
        self.candidate = candidate  # the refused text, whose lines the diagnostics point at
