"""The progress snapshot as JSON (a documented, stable shape) and as a compact terminal summary."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from studylog.diagnostics import display_width
from studylog.errors import ProblemsFound
from studylog.i18n import t
from studylog.model import Status
from studylog.progress import ITEM_STATES, Snapshot, snapshot_of
from studylog.review import ReviewState


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def forecast_basis(s: Snapshot) -> str:
    """One short phrase: what the forecast is based on."""
    if s.forecast_basis == "pace" and s.pace is not None:
        return t("basis.pace", n=s.pace_window, pace=f"{s.pace * 100:.0f}")
    if s.forecast_basis in ("plan", "finished"):
        return t(f"basis.{s.forecast_basis}")
    return t("basis.none", n=s.pace_window)


def snapshot_json(s: Snapshot) -> dict[str, Any]:
    items_total = len(s.items)
    return {
        "as_of": s.as_of.isoformat(),
        "overall": {"percent": s.overall_percent, "items_done": s.items_in(Status.DONE), "items_total": items_total},
        "phases": [
            {
                "id": p.id,
                "title": p.title,
                "percent": p.percent,  # weighted done share
                "state": p.state.key,
                "items_done": p.items_done,
                "items_total": p.items_total,
                "hours": p.hours,
            }
            for p in s.phases
        ],
        "weeks": [
            {
                "id": w.id,
                "title": w.title,
                "percent": w.percent,
                "state": w.state.key,
                "items_done": w.items_done,
                "items_total": w.items_total,
            }
            for w in s.weeks
        ],
        "schedule": {
            "expected_percent": s.expected_percent,
            "days_ahead": s.days_ahead,
            "forecast_finish": _date(s.forecast_finish),
            "forecast_range": [_date(d) for d in s.forecast_range] if s.forecast_range else None,
            "pace_vs_plan": s.pace,  # plan days gained per calendar day; 1.0 is the plan's pace
            "pace_window_days": s.pace_window,
            "forecast_basis": s.forecast_basis,
            "forecast_basis_text": forecast_basis(s),
            "plan_end": s.plan_end.isoformat(),
        },
        "streak": {
            "current": s.streak_current,
            "longest": s.streak_longest,
            "never_miss_twice": s.never_miss_twice,
            "habit_strength": s.habit_strength,
            "strict": s.streak_strict,
            "backfills": s.backfills,
        },
        "hours": {
            "total": s.hours_total,
            "target": s.hours_target,
            "recorded_days": s.hours_recorded_days,
            "checkins": len(s.checkins),
            "by_week": [
                {
                    "week": w.id,
                    "number": w.number,
                    "start": w.start.isoformat(),
                    "end": w.end.isoformat(),
                    "hours": w.hours,
                    "target": w.target,
                    "recorded_days": w.recorded_days,
                }
                for w in s.hours_by_week
            ],
            "by_phase": [{"phase": p, "hours": h} for p, h in s.hours_by_phase],
        },
        "items": {
            "total": items_total,
            **{state.key: s.items_in(state) for state in ITEM_STATES},
        },
        "milestones": [
            {
                "id": m.id,
                "title": m.title,
                "due": m.due.isoformat(),
                "units_done": m.done,  # a count of tasks or items, see `unit`
                "units_total": m.total,
                "unit": m.unit,
                "percent": m.percent,  # weighted done share of the covered work
                "state": m.state,
                "projected": _date(m.projected),
            }
            for m in s.milestones
        ],
        "checkins": [
            {
                "date": c.date.isoformat(),
                "path": c.path,
                "status": c.status.value,
                "hours": c.hours,
                "phase": c.phase,
                "phase_percent": c.phase_percent,
                "backfill": c.backfill,
            }
            for c in s.checkins
        ],
        "reviews_due": [review_json(r, s.as_of) for r in s.reviews_due],
        "today": {
            "planned": [{"id": i, "title": t} for i, t in s.today_planned],
            "checked_in": s.today_checked_in,
            "rest_day": s.today_rest_day,
        },
    }


def review_json(r: ReviewState, as_of: dt.date) -> dict[str, Any]:
    return {
        "id": r.id,
        "problem": r.problem,
        "solution": r.solution,
        "solved": r.solved.isoformat(),
        "checkin": r.checkin,
        "reviews": [d.isoformat() for d in r.reviews],
        "due": _date(r.due),
        "overdue_days": r.overdue(as_of) if r.due else None,
    }


def format_reviews_text(s: Snapshot) -> str:
    """What `studylog review` prints: each problem due, its solution, and how to record the review."""
    due = s.reviews_due
    if not due:
        waiting = [r.due for r in s.reviews if r.due]
        upcoming = t("review.next-on", date=min(waiting)) if waiting else ""
        return t("review.none-due", as_of=s.as_of, upcoming=upcoming) + "\n"
    lines = [t("review.due", as_of=s.as_of, n=len(due))]
    for r in due:
        late = r.overdue(s.as_of)
        when = t("review.due-today") if late == 0 else t("review.overdue", n=late)
        lines += [
            "",
            t("review.head", id=r.id, when=when, count=len(r.reviews) + 1, solved=r.solved, checkin=r.checkin),
            "  " + _pad(t("review.problem"), 10) + " ".join(r.problem.split()),
            "  " + _pad(t("review.solution"), 10) + " ".join(r.solution.split()),
        ]
    ids = ", ".join(r.id for r in due)
    lines += ["", t("review.record", flags=" ".join(f"--reviewed {r.id}" for r in due), ids=ids)]
    return "\n".join(lines) + "\n"


def format_status_json(s: Snapshot) -> str:
    return json.dumps(snapshot_json(s), ensure_ascii=False, indent=2) + "\n"


def _bar(percent: float, width: int = 20) -> str:
    filled = round(percent / 100 * width)
    return "█" * filled + "░" * (width - filled)


def _pad(label: str, width: int = 11) -> str:
    """`label` padded to `width` terminal columns (a Chinese character takes two)."""
    return label + " " * max(width - display_width(label), 1)


def format_status_text(s: Snapshot) -> str:
    if s.today_planned:
        today = t("status.list-sep").join(
            t("status.planned", title=title, id=ident) for ident, title in s.today_planned
        )
    else:
        today = t("status.rest-day") if s.today_rest_day else t("status.nothing-planned")
    checked = t("status.checked-in") if s.today_checked_in else t("status.not-checked-in")
    if s.days_ahead > 0:
        schedule = t("status.ahead", n=s.days_ahead)
    elif s.days_ahead < 0:
        schedule = t("status.behind", n=-s.days_ahead)
    else:
        schedule = t("status.on-schedule")
    forecast = t("status.no-forecast")
    if s.forecast_finish:
        low, high = s.forecast_range or (s.forecast_finish, s.forecast_finish)
        forecast = f"{s.forecast_finish}" + (t("status.range", low=low, high=high) if low != high else "")
    hours = (
        t("status.hours-of", hours=f"{s.hours_total:g}", target=f"{s.hours_target:g}")
        if (s.hours_target is not None)
        else t("status.hours", hours=f"{s.hours_total:g}")
    ) + t("status.hours-recorded", n=s.hours_recorded_days, total=len(s.checkins))
    if not s.hours_recorded_days:
        hours = t("status.hours-not-recorded")
    lines = [
        t("status.as-of", date=s.as_of),
        _pad(t("status.today")) + t("status.today-line", today=today, checked=checked),
        _pad(t("status.progress"))
        + t(
            "status.progress-line",
            bar=_bar(s.overall_percent),
            percent=f"{s.overall_percent:.1f}",
            expected=f"{s.expected_percent:.1f}",
        ),
        *(f"  {p.id:<9}{_bar(p.percent)} {p.percent:.1f}%  {p.title}" for p in s.phases),
        _pad(t("status.schedule"))
        + t("status.schedule-line", schedule=schedule, forecast=forecast)
        + t("status.forecast-basis", basis=forecast_basis(s), end=s.plan_end),
        _pad(t("status.streak"))
        + t(
            "status.streak-line",
            n=s.streak_current,
            longest=s.streak_longest,
            twice=s.never_miss_twice,
            strength=f"{s.habit_strength:.1f}",
        ),
        *([_pad("") + t("status.strict-streak", n=s.streak_strict, backfills=s.backfills)] if s.backfills else []),
        _pad(t("status.hours-label")) + hours,
        _pad(t("status.items"))
        + t(
            "status.items-line",
            done=s.items_in(Status.DONE),
            doing=s.items_in(Status.IN_PROGRESS),
            todo=s.items_in(Status.NOT_STARTED),
        )
        + t("status.items-counts-note"),
    ]
    lines += [
        _pad(t("status.milestone"))
        + t(
            "status.milestone-line",
            id=m.id,
            title=m.title,
            percent=f"{m.percent:.1f}",
            done=m.done,
            total=m.total,
            unit=t(f"unit.{m.unit}"),
            due=m.due,
            state=t(f"status.milestone-{m.state}"),
        )
        for m in s.milestones
    ]
    due = s.reviews_due
    if due:
        shown = ", ".join(r.id for r in due[:5]) + (" …" if len(due) > 5 else "")
        lines.append(_pad(t("status.review")) + t("status.review-line", n=len(due), ids=shown))
    lines += [
        _pad(t("status.backfill")) + t("status.backfill-line", date=c.date, path=c.path)
        for c in s.checkins
        if c.backfill
    ][-3:]
    return "\n".join(lines) + "\n"


def status_report(root: Path, today: dt.date | None, fmt: str = "text") -> str:
    """`studylog status`: the snapshot as text or JSON; the problems instead when files have errors."""
    from studylog.check.repository import load_repository

    result = load_repository(root, today)
    snapshot = snapshot_of(result, today)
    if snapshot is None:
        raise ProblemsFound(t("status.has-errors", errors=t("cli.n-errors", n=len(result.errors))), result.errors)
    return format_status_json(snapshot) if fmt == "json" else format_status_text(snapshot)


def review_report(root: Path, today: dt.date | None, fmt: str = "text") -> str:
    """`studylog review`: the problems due for review as text or JSON; the problems instead when files have errors."""
    from studylog.check.repository import load_repository

    result = load_repository(root, today)
    snapshot = snapshot_of(result, today)
    if snapshot is None:
        raise ProblemsFound(t("status.has-errors", errors=t("cli.n-errors", n=len(result.errors))), result.errors)
    if fmt == "json":
        return (
            json.dumps([review_json(r, snapshot.as_of) for r in snapshot.reviews_due], ensure_ascii=False, indent=2)
            + "\n"
        )
    return format_reviews_text(snapshot)
