"""Every path and file name studylog knows, and the one test of "is this a file studylog generates"."""

from __future__ import annotations

PLAN_FILE = "plan.yaml"
CHECKIN_DIR = "checkins"
REPORTS = "reports"  # where `studylog build` writes; everything else is the learner's
README = "README.md"
MANIFEST = f"{REPORTS}/.studylog-manifest.json"
CHART_DIR = f"{REPORTS}/charts"
SCHEMA_DIR = ".studylog/schemas"
WORKFLOW = ".github/workflows/studylog.yml"


def is_generated_path(path: str) -> bool:
    """Whether a repository-relative POSIX path is one `build` may write: README.md or under reports/."""
    return path in (README, REPORTS) or path.startswith(f"{REPORTS}/")
