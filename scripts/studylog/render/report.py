"""The progress snapshot as JSON (a documented, stable shape) and as a compact terminal summary."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from studylog.errors import ProblemsFound
from studylog.model import Status
from studylog.progress import ITEM_STATES, Snapshot, snapshot_of


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def forecast_basis(s: Snapshot) -> str:
    """One short phrase: what the forecast is based on."""
    if s.forecast_basis == "pace" and s.pace is not None:
        return f"at the pace of the last {s.pace_window} days ({s.pace * 100:.0f}% of the plan's pace)"
    if s.forecast_basis == "plan":
        return "no day has passed yet: at the plan's own pace"
    if s.forecast_basis == "finished":
        return "everything is done"
    return f"no progress in the last {s.pace_window} days"


def snapshot_json(s: Snapshot) -> dict[str, Any]:
    items_total = len(s.items)
    return {
        "as_of": s.as_of.isoformat(),
        "overall": {"percent": s.overall_percent, "items_done": s.count(Status.DONE), "items_total": items_total},
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
            **{state.key: s.count(state) for state in ITEM_STATES},
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
            }
            for c in s.checkins
        ],
        "today": {
            "planned": [{"id": i, "title": t} for i, t in s.today_planned],
            "checked_in": s.today_checked_in,
            "rest_day": s.today_rest_day,
        },
    }


def format_status_json(s: Snapshot) -> str:
    return json.dumps(snapshot_json(s), ensure_ascii=False, indent=2) + "\n"


def _bar(percent: float, width: int = 20) -> str:
    filled = round(percent / 100 * width)
    return "█" * filled + "░" * (width - filled)


def format_status_text(s: Snapshot) -> str:
    if s.today_planned:
        today = "; ".join(f"{title} ({ident})" for ident, title in s.today_planned)
    else:
        today = "rest day" if s.today_rest_day else "nothing planned"
    checked = "✅ checked in" if s.today_checked_in else "not checked in yet"
    if s.days_ahead > 0:
        schedule = f"{s.days_ahead} day{'s' * (s.days_ahead != 1)} ahead"
    elif s.days_ahead < 0:
        schedule = f"{-s.days_ahead} day{'s' * (s.days_ahead != -1)} behind"
    else:
        schedule = "on schedule"
    forecast = "none"
    if s.forecast_finish:
        low, high = s.forecast_range or (s.forecast_finish, s.forecast_finish)
        forecast = f"{s.forecast_finish}" + (f" (range {low} … {high})" if low != high else "")
    target = f" of {s.hours_target:g} planned" if s.hours_target is not None else ""
    hours = f"{s.hours_total:g}{target} ({s.hours_recorded_days} of {len(s.checkins)} check-ins recorded hours)"
    if not s.hours_recorded_days:
        hours = "not recorded"
    lines = [
        f"as of {s.as_of}",
        f"today      {today} — {checked}",
        f"progress   {_bar(s.overall_percent)} {s.overall_percent:.1f}% (plan expects {s.expected_percent:.1f}%)",
        *(f"  {p.id:<9}{_bar(p.percent)} {p.percent:.1f}%  {p.title}" for p in s.phases),
        f"schedule   {schedule}; forecast finish {forecast} — {forecast_basis(s)}; plan ends {s.plan_end}",
        f"streak     {s.streak_current} day{'s' * (s.streak_current != 1)} (longest {s.streak_longest}, "
        f"never missed twice for {s.never_miss_twice}, habit strength {s.habit_strength:.1f}%)",
        f"hours      {hours}",
        f"items      {s.count(Status.DONE)} done, {s.count(Status.IN_PROGRESS)} in progress, "
        f"{s.count(Status.NOT_STARTED)} not started (counts; percentages above are weighted shares)",
    ]
    lines += [
        f"milestone  {m.id} {m.title}: {m.percent:.1f}% ({m.done}/{m.total} {m.unit}), due {m.due}, "
        f"{m.state.replace('_', ' ')}"
        for m in s.milestones
    ]
    return "\n".join(lines) + "\n"


def status_report(root: Path, today: dt.date | None, fmt: str = "text") -> str:
    """`studylog status`: the snapshot as text or JSON; the problems instead when files have errors."""
    from studylog.check.repository import load_repository

    result = load_repository(root, today)
    snapshot = snapshot_of(result, today)
    if snapshot is None:
        raise ProblemsFound(
            f"{len(result.errors)} error(s): fix them (see `studylog validate`) to see progress", result.errors
        )
    return format_status_json(snapshot) if fmt == "json" else format_status_text(snapshot)
