"""The plan and the check-ins as read, remembered across runs: a year of files loads in milliseconds.

An entry is keyed by the hash of the file's bytes and path (and for a check-in the plan's
timezone) — all that reading it depends on — so an edited or moved file is simply read again.
Values are plain JSON, never code. The plan-dependent checks always run afresh.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

from studylog.cache import JsonCache
from studylog.diagnostics import Diagnostic, Severity, Span
from studylog.i18n import current
from studylog.model import (
    CheckIn,
    Item,
    ItemKind,
    Link,
    Locale,
    Milestone,
    Phase,
    Plan,
    Problem,
    Status,
    Task,
    Week,
    WorkedOn,
)


def key(path: str, data: bytes, timezone: str) -> str:
    # Diagnostics are kept as worded, so the language they were worded in is part of the key.
    parts = (path.encode("utf-8"), timezone.encode("utf-8"), current().value.encode("ascii"), data)
    return hashlib.sha256(b"\0".join(parts)).hexdigest()


def _span(span: Span) -> list[Any]:
    return [span.line, span.column] if span.path else []


def _unspan(path: str, value: list[Any]) -> Span:
    # tuple.__new__ straight away: a warm run restores a dozen spans per check-in, and Span's own
    # __new__ (a NamedTuple's, in Python) doubles the cost of each.
    return _tuple_new(Span, (path, value[0], value[1]) if value else (path, 0, 0))


_tuple_new = tuple.__new__
_STATUS = {status.value: status for status in Status}  # a dict lookup; calling the Enum is slower


def _dump_diagnostics(diagnostics: list[Diagnostic]) -> list[list[Any]]:
    return [[d.path, d.line, d.column, d.code, d.severity.value, d.message, d.hint] for d in diagnostics]


def _restore_diagnostics(value: list[list[Any]]) -> list[Diagnostic]:
    return [Diagnostic(p, line, col, code, Severity(sev), msg, hint) for p, line, col, code, sev, msg, hint in value]


def dump(checkin: CheckIn | None, diagnostics: list[Diagnostic]) -> dict[str, Any]:
    found = _dump_diagnostics(diagnostics)
    if checkin is None:
        return {"diagnostics": found}
    c = checkin
    return {
        "diagnostics": found,
        "checkin": {
            "date": c.date.isoformat(),
            "status": c.status.value,
            "hours": c.hours,
            "items": [[w.id, w.status.value, _span(w.span)] for w in c.items],
            "items_given": c.items_given,
            "credit": c.credit,
            "summary": c.summary,
            "problems": [[p.problem, p.solution, _span(p.span)] for p in c.problems],
            "links": [[link.target, link.title, _span(link.span)] for link in c.links],
            "done": list(c.done),
            "insights": list(c.insights),
            "next": list(c.next),
            "resources": list(c.resources),
            "notes": c.notes,
            "imported": c.imported,
            "spans": {k: _span(v) for k, v in c.spans.items()},
            "reviewed": list(c.reviewed),
        },
    }


def restore(path: str, value: dict[str, Any]) -> tuple[CheckIn | None, list[Diagnostic]]:
    diagnostics = [
        Diagnostic(p, line, col, code, Severity(sev), msg, hint)
        for p, line, col, code, sev, msg, hint in value["diagnostics"]
    ]
    raw = value.get("checkin")
    if raw is None:
        return None, diagnostics
    checkin = CheckIn(
        path=path,
        date=dt.date.fromisoformat(raw["date"]),
        status=_STATUS[raw["status"]],
        hours=raw["hours"],
        items=tuple(WorkedOn(i, _STATUS[s], _unspan(path, sp)) for i, s, sp in raw["items"]),
        items_given=raw["items_given"],
        credit=raw["credit"],
        summary=raw["summary"],
        problems=tuple(Problem(p, s, _unspan(path, sp)) for p, s, sp in raw["problems"]),
        links=tuple(Link(t, title, _unspan(path, sp)) for t, title, sp in raw["links"]),
        done=tuple(raw["done"]),
        insights=tuple(raw["insights"]),
        next=tuple(raw["next"]),
        resources=tuple(raw["resources"]),
        notes=raw["notes"],
        span=Span(path, 1, 1),
        spans={k: _unspan(path, v) for k, v in raw["spans"].items()},
        imported=raw.get("imported", ""),
        reviewed=tuple(raw.get("reviewed", ())),
    )
    return checkin, diagnostics


def plan_key(path: str, data: bytes) -> str:
    return hashlib.sha256(
        b"\0".join((b"plan", path.encode("utf-8"), current().value.encode("ascii"), data))
    ).hexdigest()


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _undate(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def dump_plan(plan: Plan | None, diagnostics: list[Diagnostic]) -> dict[str, Any]:
    found = _dump_diagnostics(diagnostics)
    if plan is None:
        return {"diagnostics": found}

    def item(i: Item) -> list[Any]:
        tasks = [[t.id, t.title, t.weight, _span(t.span), t.note] for t in i.tasks]
        return [i.id, i.title, i.start.isoformat(), i.days, i.weight, i.kind.value, tasks, _span(i.span), i.note]

    def week(w: Week) -> list[Any]:
        return [
            w.id,
            w.number,
            w.title,
            _date(w.start),
            _date(w.end),
            w.weight,
            [item(i) for i in w.items],
            _span(w.span),
        ]

    return {
        "diagnostics": found,
        "plan": {
            "title": plan.title,
            "learner": plan.learner,
            "start": plan.start.isoformat(),
            "timezone": plan.timezone,
            "locale": plan.locale.value,
            "hours_per_day": plan.hours_per_day,
            "rest_weekdays": sorted(plan.rest_weekdays),
            "rest_dates": sorted(d.isoformat() for d in plan.rest_dates),
            "phases": [
                [p.id, p.title, p.weight, [week(w) for w in p.weeks], _span(p.span), p.goal] for p in plan.phases
            ],
            "milestones": [[m.id, m.title, m.due.isoformat(), list(m.covers), _span(m.span)] for m in plan.milestones],
            "spans": {k: _span(v) for k, v in plan.spans.items()},
            "review_intervals": list(plan.review_intervals),
            "backfill_grace_hours": plan.backfill_grace_hours,
            "reminder_hour": plan.reminder_hour,
            "checkin_users": list(plan.checkin_users),
            "pages_url": plan.pages_url,
            "day_starts_at": plan.day_starts_at.isoformat(),
            "view": plan.view,
        },
    }


def restore_plan(path: str, value: dict[str, Any]) -> tuple[Plan | None, list[Diagnostic]]:
    diagnostics = _restore_diagnostics(value["diagnostics"])
    raw = value.get("plan")
    if raw is None:
        return None, diagnostics

    def item(v: list[Any]) -> Item:
        ident, title, start, days, weight, kind, tasks, span, note = v
        return Item(
            ident,
            title,
            dt.date.fromisoformat(start),
            days,
            weight,
            ItemKind(kind),
            tuple(Task(t[0], t[1], t[2], _unspan(path, t[3]), t[4]) for t in tasks),
            _unspan(path, span),
            note,
        )

    def week(v: list[Any]) -> Week:
        ident, number, title, start, end, weight, items, span = v
        start_date, end_date = _undate(start), _undate(end)
        assert start_date is not None and end_date is not None
        return Week(
            ident, number, title, start_date, end_date, weight, tuple(item(i) for i in items), _unspan(path, span)
        )

    plan = Plan(
        title=raw["title"],
        learner=raw["learner"],
        start=dt.date.fromisoformat(raw["start"]),
        timezone=raw["timezone"],
        locale=Locale(raw["locale"]),
        hours_per_day=raw["hours_per_day"],
        rest_weekdays=frozenset(raw["rest_weekdays"]),
        rest_dates=frozenset(dt.date.fromisoformat(d) for d in raw["rest_dates"]),
        phases=tuple(
            Phase(p[0], p[1], p[2], tuple(week(w) for w in p[3]), _unspan(path, p[4]), p[5]) for p in raw["phases"]
        ),
        milestones=tuple(
            Milestone(m[0], m[1], dt.date.fromisoformat(m[2]), tuple(m[3]), _unspan(path, m[4]))
            for m in raw["milestones"]
        ),
        path=path,
        spans={k: _unspan(path, v) for k, v in raw["spans"].items()},
        review_intervals=tuple(raw["review_intervals"]),
        backfill_grace_hours=raw["backfill_grace_hours"],
        reminder_hour=raw["reminder_hour"],
        checkin_users=tuple(raw["checkin_users"]),
        pages_url=raw["pages_url"],
        day_starts_at=dt.time.fromisoformat(raw["day_starts_at"]),
        view=raw["view"],
    )
    return plan, diagnostics


# What restoring an entry of another shape raises; such an entry is a miss, read afresh and rewritten.
_MALFORMED = (KeyError, IndexError, TypeError, ValueError, AttributeError, RecursionError)


def restore_checkin(path: str, value: Any) -> tuple[CheckIn | None, list[Diagnostic]] | None:
    """The cached check-in, or None when there is no usable entry (missing or of another shape)."""
    if not isinstance(value, dict):
        return None
    try:
        found = restore(path, value)
    except _MALFORMED:
        return None
    return found if _plausible(*found) else None


def cached_context(value: Any) -> tuple[str, dt.time] | None:
    """The timezone and day start of a cached plan entry (without restoring the plan), or None."""
    raw = value.get("plan") if isinstance(value, dict) else None
    if not isinstance(raw, dict):
        return None
    timezone, day_start = raw.get("timezone"), raw.get("day_starts_at")
    if not (isinstance(timezone, str) and isinstance(day_start, str)):
        return None
    try:
        return timezone, dt.time.fromisoformat(day_start)
    except ValueError:
        return None


def restore_plan_entry(path: str, value: Any) -> tuple[Plan | None, list[Diagnostic]] | None:
    """The cached plan, or None when there is no usable entry (missing or of another shape)."""
    if not isinstance(value, dict):
        return None
    try:
        found = restore_plan(path, value)
    except _MALFORMED:
        return None
    return found if _plausible(*found) else None


def _plausible(value: object, diagnostics: list[Diagnostic]) -> bool:
    """A file that could not be read always has an error that says why; an entry without both is not ours."""
    return value is not None or any(d.severity is Severity.ERROR for d in diagnostics)


class LoadCache(JsonCache):
    """The plan and check-ins of the repository at `root` as read, by content."""

    def __init__(self, root: Path) -> None:
        super().__init__("loaded", root)
