"""Which check-ins are back-fills (补卡), from git history.

The evidence is the committer time of the first commit that added each check-in file (git's
`--diff-filter=A`, following no renames). A check-in is a back-fill when that time, in the plan's
timezone, is later than the end of its day plus the plan's `backfill_grace_hours` (6 by default,
so a check-in committed at 1 a.m. after a late evening still counts as on time).

Not back-fills, by design: a file not committed yet (no evidence), a repository git cannot read
or a shallow clone (no trustworthy evidence: CI must fetch the full history, `fetch-depth: 0`),
and imported history — every check-in first added in the same commit that first added plan.yaml
(`studylog import` or `init` followed by one first commit). Rewriting history changes the
evidence; that is the learner's business.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

from studylog.layout import CHECKIN_DIR, PLAN_FILE
from studylog.load.tracked import in_git
from studylog.model import CheckIn, Plan

_COMMIT = "\x1e"  # starts each commit's line in the log, so paths cannot be mistaken for it


class FirstCommits(NamedTuple):
    """Each path's first-add commit: (commit id, committer time, aware)."""

    added: Mapping[str, tuple[str, dt.datetime]]

    @property
    def plan_commit(self) -> str | None:
        found = self.added.get(PLAN_FILE)
        return found[0] if found else None


def first_commits(root: Path) -> FirstCommits:
    """When plan.yaml and each check-in were first committed; empty when git cannot say for sure."""
    return Asked(root).answer()


class Asked:
    """`first_commits` asked of git at once and answered later: a year of daily commits takes git a
    moment to walk, and the check-ins can be read meanwhile."""

    def __init__(self, root: Path) -> None:
        self._running: list[subprocess.Popen[str]] = []
        if not in_git(root):  # no repository, no evidence: not two git processes that can only fail
            return
        try:
            for command in (
                ["git", "rev-parse", "--is-shallow-repository"],
                ["git", "-c", "core.quotepath=false", "log", "--reverse", "--diff-filter=A", "--no-renames",
                 "--relative", f"--format={_COMMIT}%H %ct", "--name-only", "--", PLAN_FILE, CHECKIN_DIR],
            ):  # fmt: skip
                self._running.append(
                    subprocess.Popen(
                        command,
                        cwd=root,
                        stdout=subprocess.PIPE,
                        stderr=subprocess.DEVNULL,
                        stdin=subprocess.DEVNULL,
                        text=True,
                        encoding="utf-8",
                        errors="surrogateescape",  # a file name that is not UTF-8 matches no check-in
                    )
                )
        except OSError:  # no git at all
            self.close()

    def answer(self) -> FirstCommits:
        if len(self._running) != 2:
            return FirstCommits({})
        shallow, log = self._running
        shallow_out, _ = shallow.communicate()
        log_out, _ = log.communicate()  # read whole either way, so git never waits on a full pipe
        self._running = []
        if shallow.returncode != 0 or shallow_out.strip() != "false" or log.returncode != 0:
            return FirstCommits({})
        return _parse(log_out)

    def close(self) -> None:
        """Stop what was asked and not answered (the load failed first)."""
        for process in self._running:
            if process.poll() is None:
                process.kill()
            process.communicate()
        self._running = []


def _parse(log: str) -> FirstCommits:
    added: dict[str, tuple[str, dt.datetime]] = {}
    commit, when = "", dt.datetime.min.replace(tzinfo=dt.UTC)
    for line in log.split("\n"):  # not splitlines(): it splits at the \x1e marker too
        if line.startswith(_COMMIT):
            commit, seconds = line[1:].split(" ", 1)
            when = dt.datetime.fromtimestamp(int(seconds), dt.UTC)
        elif line.strip() and line not in added:  # --reverse: the first time a path appears is its first add
            added[line] = (commit, when)
    return FirstCommits(added)


def is_backfill(checkin: CheckIn, committed: dt.datetime, plan: Plan) -> bool:
    """First committed after the end of its local day plus the grace period."""
    zone = ZoneInfo(plan.timezone)
    day_end = dt.datetime.combine(checkin.date + dt.timedelta(days=1), dt.time(), zone)
    return committed.astimezone(zone) > day_end + dt.timedelta(hours=plan.backfill_grace_hours)


def backfills(checkins: Iterable[CheckIn], plan: Plan, history: FirstCommits) -> frozenset[str]:
    """Paths of the check-ins that are back-fills."""
    imported = history.plan_commit
    found = set()
    for checkin in checkins:
        first = history.added.get(checkin.path)
        if first is None or first[0] == imported:
            continue
        if is_backfill(checkin, first[1], plan):
            found.add(checkin.path)
    return frozenset(found)
