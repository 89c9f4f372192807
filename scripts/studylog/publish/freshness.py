"""Whether the committed dashboard has stopped being true, or only its date has moved.

The evening run asks this so the public README never shows figures that have been false for more
than a day, while a learner who checks in every day gets no commit beyond the one per check-in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from studylog.clock import today_in
from studylog.errors import UsageError
from studylog.progress import Snapshot, compute
from studylog.write.build import build_repository


def figures(snapshot: Snapshot) -> tuple[object, ...]:
    """What the dashboard asserts, without the date it was computed on."""
    return (
        round(snapshot.overall_percent, 1),
        round(snapshot.expected_percent, 1),
        snapshot.days_ahead,
        snapshot.streak_current,
        snapshot.streak_longest,
        snapshot.forecast_finish,
        tuple((item.id, item.state) for item in snapshot.items),
        tuple((m.id, m.state) for m in snapshot.milestones),
    )


def why_stale(root: Path, today: dt.date | None = None) -> str | None:
    """Why the dashboard should be rebuilt now, or None when a rebuild would change only its date.

    Today is still open (its check-in may come later in the evening): a snapshot as of a day counts
    that day only once it has a check-in. So the figures compared are those as of the recorded build
    date and as of today: they differ only once a day has passed that changed something — a missed
    day, a broken streak, the schedule moving ahead of the learner.
    """
    try:
        result, report = build_repository(root, None, check=True)
    except UsageError:
        return "the dashboard was never built"
    if report is None or result.repository is None:
        return "the repository has errors"
    if report.stale or report.leftover or report.newer_checkins:
        return "the files changed since the last build"
    repository = result.repository
    today = today or today_in(repository.plan.timezone)
    if today <= report.as_of:
        return None
    if figures(compute(repository, report.as_of)) != figures(compute(repository, today)):
        return f"figures changed between {report.as_of} and {today}"
    return None
