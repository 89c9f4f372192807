"""Every path and file name studylog knows, and the one test of "is this a file studylog generates"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

PLAN_FILE = "plan.yaml"
CHECKIN_DIR = "checkins"
REPORTS = "reports"  # where `studylog build` writes; everything else is the learner's
README = "README.md"
MANIFEST = f"{REPORTS}/.studylog-manifest.json"
CHART_DIR = f"{REPORTS}/charts"
SCHEMA_DIR = ".studylog/schemas"
WORKFLOW = ".github/workflows/studylog.yml"
ISSUE_FORM = ".github/ISSUE_TEMPLATE/checkin.yml"  # the 打卡 form: checking in from a phone


def checkin_path(day: dt.date) -> str:
    """Where `studylog new` and `studylog import` put the check-in of `day` (any path under checkins/ is read)."""
    return f"{CHECKIN_DIR}/{day.year}/{day.isoformat()}.yaml"


def is_generated_path(path: str, readme: str = README) -> bool:
    """Whether a repository-relative POSIX path is one studylog may write, remove or commit.

    The README it writes (only its section is ours; `readme`: its name when it is not README.md,
    such as `readme.md`) and files under reports/; a path with `..`, `.` or empty segments is never
    one of ours, whatever it starts with.
    """
    if path == readme:
        return True
    parts = path.split("/")
    return len(parts) > 1 and parts[0] == REPORTS and all(part not in ("", ".", "..") for part in parts)


def plan_folder(path: Path) -> Path | None:
    """The folder that holds plan.yaml: `path` (resolved) or its nearest parent that has one, as git
    finds `.git`. The walk stops at the first folder with `.git` (a plan above a repository's root
    belongs to another repository) or at the filesystem's root: None then."""
    here = path.resolve()
    for folder in (here, *here.parents):
        if (folder / PLAN_FILE).is_file():
            return folder
        if (folder / ".git").exists():
            return None
    return None
