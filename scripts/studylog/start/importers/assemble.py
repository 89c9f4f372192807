"""Assemble an imported plan and its check-ins the same way for every shape.

Shapes call `phase`, `week`, `item` and `checkin` in document order; the builder keeps ids
unique, spreads a row that covers several days (`Day3-7`, `4-7`) over every one of them, merges
two rows that fall on one day (and says so), and never invents hours nobody recorded.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from studylog.i18n import t
from studylog.model import Status
from studylog.start.importers.common import ONE_DAY, Imported, Note

# A trackers' titles are Chinese or English; both seed trackers keep China's timezone.
DEFAULT_TIMEZONE = "Asia/Shanghai"


def _merged_status(statuses: list[str]) -> str:
    if all(s == Status.DONE.value for s in statuses):
        return Status.DONE.value
    if all(s == Status.NOT_DONE.value for s in statuses):
        return Status.NOT_DONE.value
    return Status.IN_PROGRESS.value


class PlanBuilder:
    def __init__(self, shape: str, title: str) -> None:
        self.shape = shape
        self.title = title or "Imported plan"
        self.phases: list[dict[str, Any]] = []
        self.checkins: dict[dt.date, dict[str, Any]] = {}
        self.checkin_lines: dict[dt.date, int] = {}
        self.notes: list[Note] = []
        self.rows = 0
        self._ids: set[str] = set()

    # -- the plan ------------------------------------------------------------------------------

    def unique(self, wanted: str) -> str:
        base = re.sub(r"[^A-Za-z0-9_.-]+", "-", wanted).strip("-") or "x"
        ident, n = base, 1
        while ident in self._ids:
            n += 1
            ident = f"{base}-{n}"
        self._ids.add(ident)
        return ident

    def phase(self, title: str, goal: str = "", ident: str | None = None) -> dict[str, Any]:
        phase: dict[str, Any] = {"id": self.unique(ident or f"p{len(self.phases) + 1}"), "title": title.strip()}
        if goal:
            phase["goal"] = goal
        phase["weeks"] = []
        self.phases.append(phase)
        return phase

    def current_phase(self) -> dict[str, Any]:
        return self.phases[-1] if self.phases else self.phase(self.title)

    def week(self, ident: str, title: str, start: dt.date | None = None) -> dict[str, Any]:
        week: dict[str, Any] = {"id": self.unique(ident), "title": title.strip()}
        if start is not None:
            week["start"] = start
        week["items"] = []
        self.current_phase()["weeks"].append(week)
        return week

    def item(self, week: dict[str, Any], ident: str, title: str, **extra: Any) -> dict[str, Any]:
        item: dict[str, Any] = {"id": self.unique(ident), "title": " ".join(title.split()) or ident}
        for key, value in extra.items():
            if value is None or value == "" or value == [] or (key == "days" and value == 1):
                continue
            item[key] = value
        week["items"].append(item)
        return item

    # -- check-ins -----------------------------------------------------------------------------

    def checkin(self, date: dt.date, line: int, status: Status, **fields: Any) -> None:
        """One day's check-in; a second row on the same day is merged into the first."""
        entry: dict[str, Any] = {"date": date, "status": status.value}
        entry.update({k: v for k, v in fields.items() if v})
        existing = self.checkins.get(date)
        if existing is None:
            self.checkins[date] = entry
            self.checkin_lines[date] = line
            return
        self.notes.append(Note(line, t("import.merged-rows", date=date, line=self.checkin_lines[date])))
        existing["status"] = _merged_status([existing["status"], entry["status"]])
        for key, value in entry.items():
            if key in ("date", "status"):
                continue
            if key in ("task", "notes"):
                sep = "；" if key == "task" else "\n"
                existing[key] = sep.join(x for x in (existing.get(key, ""), value) if x)
            else:
                existing[key] = [*existing.get(key, []), *value]

    def checkin_days(self, first: dt.date, days: int, line: int, status: Status, item_id: str, **fields: Any) -> None:
        """A row that covers several days: the first day carries the row's text, each later day is
        checked in too, so a `Day3-7 ✅` row leaves no day of it looking missed."""
        self.checkin(first, line, status, items=[{"id": item_id, "status": status.value}], **fields)
        for offset in range(1, days):
            self.checkin(first + offset * ONE_DAY, line, status, items=[{"id": item_id, "status": status.value}])

    # -- the result ----------------------------------------------------------------------------

    def finish(
        self,
        start: dt.date,
        *,
        hours: float | None = None,
        milestones: list[dict[str, Any]] | None = None,
        locale: str = "zh-CN",
        reason: str = "",
        rest_days: list[dt.date] | None = None,
    ) -> Imported:
        for phase in self.phases:
            phase["weeks"] = [w for w in phase["weeks"] if w["items"]]
        self.phases = [p for p in self.phases if p["weeks"]]
        plan: dict[str, Any] = {
            "title": self.title,
            "start": start,
            "timezone": DEFAULT_TIMEZONE if locale == "zh-CN" else "UTC",
            "locale": locale,
            **({"hours_per_day": hours} if hours else {}),
            **({"rest_days": sorted(set(rest_days))} if rest_days else {}),
            "phases": self.phases,
            **({"milestones": milestones} if milestones else {}),
        }
        return Imported(self.shape, plan, dict(sorted(self.checkins.items())), sorted(self.notes), self.rows, reason)


def monday_before(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())
