"""打卡 tables with separate week and day columns (`| 周 | 天 | 任务 | 状态 | … |`, `W1`, `4-7`),
or one table per week under `### W1 基础夯实` headings (then the day or date column alone),
with statuses like `☐ ✅ ☑` and dates like `2025.12.1`, `2025年12月29日`, `12月1日`."""

from __future__ import annotations

import datetime as dt
import re

from studylog.i18n import t
from studylog.start.importers.common import (
    Detection,
    Imported,
    Options,
    Table,
    find_columns,
    one_line,
    tables,
)
from studylog.start.importers.daytable import COLUMNS, DayTable, PhaseMark, Row, day_range, hours_per_day

name = "week-day-table"
example = "| W1 | 4-7 | 每天刷 5 道 LeetCode 简单题 | ☐ | 能独立写出双指针 | |"

_WEEK = re.compile(r"^(?:第\s*(\d+)\s*周|W(?:eek)?\s*(\d+)|(\d+))\b", re.I)
_PHASE_HEADING = re.compile(r"^#{1,3}\s+.*?(?:阶段|Phase|Stage)\s*(\d+)\s*[:：\s]*(.*)$", re.I)


def _week_number(text: str) -> int | None:
    match = _WEEK.match(one_line(text))
    return int(match.group(1) or match.group(2) or match.group(3)) if match else None


def _usable(table: Table) -> tuple[dict[str, int], int | None] | None:
    """The table's columns, and the week its heading names when it has no week column."""
    columns = find_columns(table.header, COLUMNS)
    if "task" not in columns or not ({"day", "date"} & set(columns)):
        return None
    if "week" in columns and "day" in columns:
        return columns, None
    heading_week = _week_number(table.heading)
    if "week" not in columns and heading_week is not None:
        return columns, heading_week
    return None


def _tables(text: str) -> list[tuple[Table, dict[str, int], int | None]]:
    return [(t, *u) for t in tables(text) if (u := _usable(t)) is not None]


def detect(text: str) -> Detection:
    found = _tables(text)
    if not found:
        headed = [t for t in tables(text) if _week_number(t.heading) is not None]
        if headed:
            return Detection(0.4, t("import.week-day.headed", line=headed[0].line, heading=headed[0].heading))
        return Detection(0.0, t("import.week-day.none"))
    per_week = sum(1 for _, _, w in found if w is not None)
    rows = sum(len(t.rows) for t, _, _ in found)
    if per_week:
        return Detection(0.85, t("import.week-day.per-week", n=per_week, heading=found[0][0].heading, rows=rows))
    table, columns, _ = found[0]
    week, day = table.header[columns["week"]], table.header[columns["day"]]
    return Detection(0.9, t("import.week-day.found", line=table.line, week=week, day=day, rows=rows))


def read(text: str, options: Options, today: dt.date) -> Imported:
    lines = text.splitlines()
    reader = DayTable(name, text, options, today)
    found = _tables(text)
    phase_headings = [(n, m) for n, line in enumerate(lines, 1) if (m := _PHASE_HEADING.match(line))]
    heading_at = 0
    for table, columns, heading_week in found:
        while heading_at < len(phase_headings) and phase_headings[heading_at][0] < table.line:
            number, match = phase_headings[heading_at]
            reader.events.append(PhaseMark(number, int(match.group(1)), match.group(2).strip(" ：:-—")))
            heading_at += 1
        unmapped = reader.unmapped(table, columns)
        previous_day = 0
        for row in table.rows:
            cells = row.cells
            if not any(c.strip() for c in cells):
                continue
            if not reader.fits(cells, table, row.line, quoted=False):
                continue
            cell = {key: cells[i] for key, i in columns.items()}
            week = heading_week if heading_week is not None else _week_number(cell.get("week", ""))
            if week is None:
                reader.note(row.line, t("import.week-day.not-week", cell=cell.get("week", "")))
                continue
            if "day" in cell:
                span = day_range(cell["day"])
                if span is None:
                    reader.note(row.line, t("import.week-day.not-day", cell=cell["day"]))
                    continue
            else:
                span = (previous_day + 1, previous_day + 1)  # per-week tables without a day column: in order
            if not 1 <= span[0] <= span[1] <= 7:
                reader.note(row.line, t("import.day-outside-week", first=span[0], last=span[1]))
                continue
            previous_day = span[1]
            extras = [(h, one_line(cells[i])) for i, h in unmapped]
            week_title = table.heading if heading_week is not None else f"第{week}周"
            reader.events.append(
                Row(
                    row.line,
                    week,
                    span[0],
                    span[1],
                    cell,
                    extras,
                    week_title,
                    f"{table.line}" if heading_week is not None else "",
                )
            )
    used = {n for n, line in enumerate(lines, 1) if line.startswith("# ") or hours_per_day(line) is not None}
    used |= {n for n, _ in phase_headings}
    for table, _, heading_week in found:
        used |= set(range(table.line, table.line + len(table.rows) + 2))
        if heading_week is not None:
            used.add(table.heading_line)
    return reader.build(hours_per_day(text), detect(text).reason, used)
