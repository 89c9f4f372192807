"""`studylog setup`: turn a copy of the studylog template repository into the learner's own.

Runs from the `setup` workflow (Actions → setup → Run workflow) after "Use this template", so no
local Python is needed. The demo data — the files "Use this template" copied that are still exactly
as copied — are replaced with the learner's plan, an empty checkins/ and a README with markers and
a short "how to check in". A file the learner added or changed is never deleted: running setup a
second time keeps every check-in and keeps the previous plan beside the new one.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from studylog.clock import is_timezone, today_in
from studylog.errors import UsageError
from studylog.i18n import t
from studylog.layout import CHECKIN_DIR, PLAN_FILE, README, REPORTS, SCHEMA_DIR
from studylog.start.scaffold import (
    TEMPLATES,
    Written,
    _gitignore,
    _package_text,
    _readme,
    _write_new,
    keep_aside,
    plan_from_template,
    readme_text,
)

DEMO = (PLAN_FILE, README, CHECKIN_DIR, REPORTS, "code", "docs", "examples")


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise UsageError(f"`git {' '.join(args)}` failed: {done.stderr.strip()}")
    return done.stdout


def demo_files(root: Path) -> set[str]:
    """Files under DEMO that are byte-for-byte as the template's first commit left them."""
    first = _git(root, "rev-list", "--max-parents=0", "HEAD").split()[0]
    listed = _git(root, "ls-tree", "-r", "-z", first, "--", *DEMO).split("\0")
    unchanged = set()
    for entry in filter(None, listed):
        meta, path = entry.split("\t", 1)
        blob = meta.split()[2]
        if (root / path).is_file() and _git(root, "hash-object", "--", path).strip() == blob:
            unchanged.add(path)
    return unchanged


def template_setup(
    root: Path, template: str, start: dt.date | None, timezone: str, locale: str, hours: float | None
) -> Written:
    if template not in TEMPLATES:
        raise UsageError(t("init-unknown-template", template=template, choices=", ".join(TEMPLATES)))
    if not is_timezone(timezone):
        raise UsageError(t("bad-timezone", timezone=timezone))
    if hours is not None and not 0 < hours <= 24:
        raise UsageError(t("init-bad-hours", hours=f"{hours:g}"))
    demo = demo_files(root)
    done = Written([], [])
    for rel in sorted(demo):
        if rel != PLAN_FILE:
            (root / rel).unlink()
            done.created.append(t("setup.demo-removed", path=rel))
    first = start or today_in(timezone)
    plan = plan_from_template(template, first, timezone, locale=locale, hours=hours)
    if (root / PLAN_FILE).exists() and PLAN_FILE not in demo:
        done.notes.append(t("setup.previous-plan", path=keep_aside(root, PLAN_FILE)))
    (root / PLAN_FILE).write_text(plan, encoding="utf-8")
    done.created.append(PLAN_FILE)
    for name in ("plan", "checkin"):
        _write_new(root, f"{SCHEMA_DIR}/{name}.schema.json", _package_text("schemas", f"{name}.schema.json"), done)
    checkins = root / CHECKIN_DIR
    if not checkins.is_dir() or not any(checkins.iterdir()):
        _write_new(root, f"{CHECKIN_DIR}/.gitkeep", "", done)
    title = next(line.split(":", 1)[1].strip() for line in plan.splitlines() if line.startswith("title:"))
    if (root / README).exists():
        _readme(root, title, locale, done, first)
    else:
        _write_new(root, README, readme_text(title, locale, first), done)
    _gitignore(root, done)
    done.notes.append(t("setup.plan-starts-in", date=first.isoformat(), timezone=timezone))
    return done
