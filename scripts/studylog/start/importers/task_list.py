"""Task-list plans: `- [x]` / `- [ ]` items under week or day headings.

    ## 第1周 基础语法            (or `## Week 1: Basics`)
    ### Day 1 (2025-12-01)       (or `### 12月1日`, `### Day 2`)
    - [x] 安装 Python 3.12
    - [ ] 列表推导式

A day heading becomes a plan item with its boxes as tasks; boxes straight under a week heading
become items of that week. A ticked box becomes part of a check-in on the day it names (its day
heading's date, a date in the line itself, or --start and the day number); a ticked box with no
day at all is reported, never dated by guess.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from studylog.errors import ImportRefused
from studylog.i18n import t
from studylog.model import Status
from studylog.start.importers.assemble import PlanBuilder
from studylog.start.importers.common import (
    ONE_DAY,
    Detection,
    Imported,
    Note,
    Options,
    document_title,
    find_date,
    leftovers,
    links_in,
    one_line,
    tracker_locale,
)

name = "task-list"
example = "## Week 1: Basics  ➜  ### Day 1 (2025-12-01)  ➜  - [x] Install Python 3.12"

_BOX = re.compile(r"^\s*[-*+]\s+\[([ xX✓✔~\-/])\]\s+(.+)$")
_WEEK = re.compile(r"^(#{1,6})\s+(?:第\s*(\d+)\s*周|Week\s*(\d+)|W(\d+))\b\s*[:：\-–—]?\s*(.*)$", re.I)
_DAY = re.compile(r"^(#{1,6})\s+(?:Day\s*(\d+)|第\s*(\d+)\s*天|D(\d+))\b\s*[:：\-–—]?\s*(.*)$", re.I)
_DATE_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_PHASE = re.compile(r"^(#{1,6})\s+.*?(?:阶段|Phase|Stage)\s*(\d+)\s*[:：\s]*(.*)$", re.I)


@dataclass
class _Day:
    line: int
    number: int | None
    title: str
    date: dt.date | None
    boxes: list[tuple[int, bool | None, str]] = field(default_factory=list)  # (line, ticked, text)


@dataclass
class _Week:
    line: int
    number: int
    title: str
    loose: list[tuple[int, bool | None, str]] = field(default_factory=list)
    days: list[_Day] = field(default_factory=list)
    phase: str = ""


def _ticked(mark: str) -> bool | None:
    if mark in "xX✓✔":
        return True
    if mark in "~-/":
        return None  # half-done: in progress
    return False


def detect(text: str) -> Detection:
    boxes = sum(1 for line in text.splitlines() if _BOX.match(line))
    weeks = sum(1 for line in text.splitlines() if _WEEK.match(line) or _DAY.match(line))
    if boxes and weeks:
        return Detection(0.8, t("import.tasks.found", boxes=boxes, headings=weeks))
    if boxes:
        return Detection(0.35, t("import.tasks.boxes-only", n=boxes))
    return Detection(0.0, t("import.tasks.none"))


def _outline(text: str, builder: PlanBuilder) -> list[_Week]:
    weeks: list[_Week] = []
    day: _Day | None = None
    phase = ""
    previous: dt.date | None = None  # a date written without a year follows the day above
    for number, line in enumerate(text.splitlines(), 1):
        if (match := _PHASE.match(line)) and not _WEEK.match(line) and not _DAY.match(line):
            phase = line.lstrip("#").strip()
            day = None
            continue
        if match := _WEEK.match(line):
            weeks.append(
                _Week(
                    number,
                    int(match.group(2) or match.group(3) or match.group(4)),
                    one_line(match.group(5)),
                    phase=phase,
                )
            )
            day = None
            continue
        if (match := _DAY.match(line)) or (
            (heading := _DATE_HEADING.match(line)) and find_date(heading.group(2), after=previous)
        ):
            rest = line.lstrip("#").strip()
            found = find_date(rest, after=previous)
            if found and found.date:
                previous = found.date
            if not weeks:
                weeks.append(_Week(number, 1, "", phase=phase))
            number_of_day = int(match.group(2) or match.group(3) or match.group(4)) if match else None
            day = _Day(number, number_of_day, one_line(rest), found.date if found else None)
            weeks[-1].days.append(day)
            continue
        if line.startswith("#"):
            day = None if not _BOX.match(line) else day
            continue
        if box := _BOX.match(line):
            entry = (number, _ticked(box.group(1)), box.group(2).strip())
            if day is not None:
                day.boxes.append(entry)
            elif weeks:
                weeks[-1].loose.append(entry)
            else:
                builder.notes.append(Note(number, t("import.tasks.above-headings", text=entry[2][:40])))
    return weeks


def _status(ticks: list[bool | None]) -> Status:
    if ticks and all(t is True for t in ticks):
        return Status.DONE
    if any(t is not False for t in ticks):
        return Status.IN_PROGRESS
    return Status.NOT_DONE


def read(text: str, options: Options, today: dt.date) -> Imported:
    lines = text.splitlines()
    doc_title = document_title(lines)
    builder = PlanBuilder(name, doc_title)
    weeks = _outline(text, builder)
    if not any(w.days or w.loose for w in weeks):
        return Imported(name, {}, {}, sorted(builder.notes), 0)
    start = options.start
    if start is None:
        anchor = next(((w, d, d.date) for w in weeks for d in w.days if d.date), None)
        if anchor is not None:
            week, day, when = anchor
            offset = (week.number - 1) * 7 + ((day.number or week.days.index(day) + 1) - 1)
            start = when - offset * ONE_DAY
    if start is None:
        raise ImportRefused(t("import.tasks.no-start"))
    phase_title = ""
    for week in weeks:
        if week.phase != phase_title or not builder.phases:
            phase_title = week.phase
            builder.phase(phase_title or builder.title)
        week_start = start + (week.number - 1) * 7 * ONE_DAY
        dated = [(d, d.date) for d in week.days if d.date]
        if dated:
            first, when = dated[0]
            position = first.number or week.days.index(first) + 1
            week_start = min(week_start, when - (position - 1) * ONE_DAY) if first.number else when
        plan_week = builder.week(f"w{week.number}", week.title or f"第{week.number}周", week_start)
        for index, day in enumerate(week.days, 1):
            date = day.date or week_start + ((day.number if day.number and day.number <= 7 else index) - 1) * ONE_DAY
            if day.number and day.number > 7 and not day.date:
                date = start + (day.number - 1) * ONE_DAY
            # The day's boxes are its task: the README's table shows one row per day.
            boxes = "；".join(one_line(t) for _, _, t in day.boxes)
            title = "：".join(x for x in (day.title, boxes) if x) or str(date)
            item = builder.item(plan_week, f"w{week.number}d{index}", title, date=date)
            if day.boxes:
                item["tasks"] = [
                    {"id": builder.unique(f"{item['id']}-t{n}"), "title": one_line(text_)}
                    for n, (_, _, text_) in enumerate(day.boxes, 1)
                ]
            builder.rows += len(day.boxes) or 1
            _day_checkin(builder, day, item, date, today)
        for number, ticked, text_ in week.loose:
            item = builder.item(plan_week, f"w{week.number}-{len(plan_week['items']) + 1}", one_line(text_))
            builder.rows += 1
            found = find_date(text_, start.year)
            if ticked is False:
                continue
            if found is None or found.date is None:
                builder.notes.append(Note(number, t("import.tasks.no-day", text=one_line(text_)[:50])))
                continue
            status = Status.DONE if ticked else Status.IN_PROGRESS
            builder.checkin(
                found.date, number, status, items=[{"id": item["id"], "status": status.value}], links=links_in(text_)
            )
    used = {n for n, line in enumerate(lines, 1) if line.startswith("#") or _BOX.match(line)}
    builder.notes += leftovers(lines, used)
    return builder.finish(start, locale=tracker_locale(text), reason=detect(text).reason)


def _day_checkin(builder: PlanBuilder, day: _Day, item: dict[str, Any], date: dt.date, today: dt.date) -> None:
    ticks = [t for _, t, _ in day.boxes]
    status = _status(ticks)
    if status is Status.NOT_DONE:
        return
    if date > today:
        builder.notes.append(Note(day.line, t("import.tasks.future", title=day.title, date=date)))
        return
    worked: list[dict[str, str]] = []
    for task, tick in zip(item.get("tasks", []), ticks, strict=True):
        if tick is True:
            worked.append({"id": task["id"], "status": Status.DONE.value})
        elif tick is None:
            worked.append({"id": task["id"], "status": Status.IN_PROGRESS.value})
    if not item.get("tasks"):
        worked = [{"id": item["id"], "status": status.value}]
    links = [link for _, _, text_ in day.boxes for link in links_in(text_) if "://" in str(link) or "/" in str(link)]
    done = [one_line(t) for _, tick, t in day.boxes if tick is True]
    builder.checkin(date, day.line, status, items=worked, done=done, links=links)
