"""Every error studylog raises, each carrying the exit code the CLI turns it into.

Exit codes: 0 clean; 1 problems found in the learner's files; 2 usage or configuration error;
3 a git push or other git operation failed; 4 a GitHub API call failed; 70 a bug in studylog.
No other module defines an exception class (a test checks this).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_GIT = 3
EXIT_API = 4
EXIT_BUG = 70


class StudylogError(Exception):
    """An error with a message for the learner; nothing half-done was left behind."""

    exit_code = EXIT_PROBLEMS


class ProblemsFound(StudylogError):
    """The learner's files have problems (already reported as diagnostics)."""

    exit_code = EXIT_PROBLEMS


class UsageError(StudylogError):
    """The command line, the environment or the repository's setup is not usable as given."""

    exit_code = EXIT_USAGE


class GitError(StudylogError):
    """A git operation (usually a push) failed."""

    exit_code = EXIT_GIT


class ApiError(StudylogError):
    """A GitHub API call failed."""

    exit_code = EXIT_API
