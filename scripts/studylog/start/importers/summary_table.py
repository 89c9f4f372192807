"""Seed 004's shape: one summary table, a `周次` cell naming week and day (`第1周 Day1`,
`第10周 Day3-7`), bold phase rows between the days, and a 阶段进度 column whose steps become
the items' weights, so the imported plan reproduces the tracker's own phase progress."""

from __future__ import annotations

import datetime as dt
import re

from studylog.i18n import t
from studylog.start.importers.common import (
    Detection,
    Imported,
    Options,
    Table,
    column_names,
    find_columns,
    one_line,
    tables,
)
from studylog.start.importers.daytable import COLUMNS, DayTable, PhaseMark, Row, hours_per_day

name = "summary-table"
example = " | ".join(
    (
        "| 第1周 Day1",
        "2026-01-XX",
        "✅",
        "线性代数：矩阵运算",
        "特征值几何意义模糊",
        "看3Blue1Brown",
        "/code/week1/day1.py",
        "阶段1：3% |",
    )
)

_WEEK_DAY = re.compile(
    r"(?:第\s*(\d+)\s*周|W(?:eek)?\s*(\d+))\s*[,，/ ]*\s*(?:Day|D|第)?\s*(\d+)(?:\s*[-–~]\s*(\d+))?\s*(?:天)?", re.I
)
_PHASE_LIST = re.compile(r"^\s*(?:[-*]\s*阶段\s*\d+|\*\*阶段划分\*\*)")
_PHASE_ROW = re.compile(r"^\*\*(?:(?:阶段|Phase)\s*(\d+)\s*[:：]?\s*)?(.+?)\*\*$", re.I)


def _table(text: str) -> tuple[Table, dict[str, int]] | None:
    """The first table whose `周次`-like column names a week and day, with three known columns or more."""
    for table in tables(text):
        columns = find_columns(table.header, COLUMNS)
        if "week" in columns and "day" not in columns and len(columns) >= 3:
            return table, columns
    return None


def detect(text: str) -> Detection:
    found = _table(text)
    if found is None:
        near = [(t, find_columns(t.header, COLUMNS)) for t in tables(text)]
        near = [(t, c) for t, c in near if c]
        if not near:
            return Detection(0.0, t("import.summary.none"))
        table, columns = max(near, key=lambda tc: len(tc[1]))
        missing = [c for c in ("week", "task", "status") if c not in columns]
        comma = t("word.list-comma")
        return Detection(
            min(0.2 + 0.1 * len(columns), 0.6),  # a near miss, however many columns match, is never recognised
            t(
                "import.summary.near",
                line=table.line,
                columns=comma.join(table.header[i] for i in columns.values()),
                missing=comma.join(COLUMNS[m][0] for m in missing) or t("import.summary.week-day-column"),
            ),
        )
    table, columns = found
    readable = sum(
        1
        for r in table.rows
        if r.cells and _WEEK_DAY.search(r.cells[columns["week"]] if len(r.cells) > columns["week"] else "")
    )
    if readable == 0:
        return Detection(0.5, t("import.summary.no-week-day", line=table.line, column=table.header[columns["week"]]))
    listed = column_names(table, columns)
    return Detection(0.9, t("import.summary.found", line=table.line, columns=listed, n=readable))


def read(text: str, options: Options, today: dt.date) -> Imported:
    found = _table(text)
    lines = text.splitlines()
    reader = DayTable(name, text, options, today)
    if found is None:
        return Imported(name, {}, {}, [], 0)
    table, columns = found
    unmapped = reader.unmapped(table, columns)
    if "progress" not in columns:
        reader.note(table.line, t("import.summary.no-progress"))
    for row in table.rows:
        cells = row.cells
        first = cells[0] if cells else ""
        marker = _PHASE_ROW.match(first.strip())
        if marker and not any(c.strip() for c in cells[1:]):
            reader.events.append(
                PhaseMark(row.line, int(marker.group(1)) if marker.group(1) else None, marker.group(2))
            )
            continue
        if not any(c.strip() for c in cells):
            continue
        if not reader.fits(cells, table, row.line):
            continue
        cell = {key: cells[i] for key, i in columns.items()}
        position = _WEEK_DAY.search(one_line(cell["week"]))
        if position is None:
            reader.note(row.line, t("import.summary.not-week-day", cell=cell["week"]))
            continue
        week = int(position.group(1) or position.group(2))
        day, last = int(position.group(3)), int(position.group(4) or position.group(3))
        if not 1 <= day <= last <= 7:
            reader.note(row.line, t("import.day-outside-week", first=day, last=last))
            continue
        extras = [(h, one_line(cells[i])) for i, h in unmapped]
        reader.events.append(Row(row.line, week, day, last, cell, extras))
    return reader.build(hours_per_day(text), detect(text).reason, _used(lines, table))


def _used(lines: list[str], table: Table) -> set[int]:
    """The lines the plan came from: the title, the phase list, the daily hours, the table."""
    used = set(range(table.line, table.line + len(table.rows) + 2))
    for number, line in enumerate(lines, 1):
        if line.startswith("# ") or _PHASE_LIST.match(line) or hours_per_day(line) is not None:
            used.add(number)
    return used
