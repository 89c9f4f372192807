"""A table with a date on every row and no week or day column: how Notion, a spreadsheet and most
hand-kept trackers list their days.

    | Date            | Task                        | Status      | Notes        |
    | January 5, 2026 | Linear algebra: eigenvalues | Done        | 3b1b videos  |
    | 2026-01-06      | Probability basics          | In progress |              |

Weeks are counted from --start, or from the first date: week 1 is its first seven days. A date
written without a year follows the row above (`1月1日` after `12月31日` is in the next year)."""

from __future__ import annotations

import datetime as dt

from studylog.i18n import t
from studylog.start.importers.common import (
    Detection,
    Imported,
    Options,
    Table,
    column_names,
    find_columns,
    find_date,
    one_line,
    tables,
    tracker_locale,
)
from studylog.start.importers.daytable import COLUMNS, DayTable, Row, hours_per_day

name = "dated-table"
example = "| 2026-01-05 | Linear algebra: eigenvalues | Done | 3b1b videos |"

# What such a table calls its task: Notion's first column is `Name`.
_COLUMNS = {**COLUMNS, "task": (*COLUMNS["task"], "name", "title", "topic", "主题", "标题", "学习任务")}


def _table(text: str) -> tuple[Table, dict[str, int]] | None:
    """The first table with a date and a task column and no week or day column (the shapes that
    have those read it)."""
    for table in tables(text):
        columns = find_columns(table.header, _COLUMNS)
        if "date" in columns and "task" in columns and "week" not in columns and "day" not in columns:
            return table, columns
    return None


def _date_cell(cells: list[str], columns: dict[str, int]) -> str:
    return cells[columns["date"]] if len(cells) > columns["date"] else ""


def detect(text: str) -> Detection:
    found = _table(text)
    if found is None:
        return Detection(0.0, t("import.dated.none"))
    table, columns = found
    dated = sum(1 for row in table.rows if find_date(_date_cell(row.cells, columns)))
    if dated == 0:
        return Detection(0.4, t("import.dated.no-dates", line=table.line, column=table.header[columns["date"]]))
    listed = column_names(table, columns)
    return Detection(0.8, t("import.dated.found", line=table.line, columns=listed, n=dated))


def read(text: str, options: Options, today: dt.date) -> Imported:
    found = _table(text)
    lines = text.splitlines()
    reader = DayTable(name, text, options, today, tracker_locale(text))  # an English tracker, an English plan
    if found is None:
        return Imported(name, {}, {}, [], 0)
    table, columns = found
    unmapped = reader.unmapped(table, columns)
    start = options.start
    previous = start
    for row in table.rows:
        cells = row.cells
        if not any(c.strip() for c in cells):
            continue
        if not reader.fits(cells, table, row.line):
            continue
        written = one_line(_date_cell(cells, columns))
        when = find_date(written, after=previous)
        if when is None or when.date is None:
            no_year = when is not None and when.month_day is not None  # and no row above or --start gives one
            reader.note(row.line, t("import.dated.no-year" if no_year else "import.dated.not-a-date", cell=written))
            continue
        if previous is not None and when.date < previous:
            reader.note(row.line, t("import.dated.before", date=when.date, previous=previous))
            continue
        start = start or when.date
        previous = when.date
        offset = (when.date - start).days
        cell = {key: cells[i] for key, i in columns.items()}
        extras = [(h, one_line(cells[i])) for i, h in unmapped]
        reader.events.append(Row(row.line, offset // 7 + 1, offset % 7 + 1, offset % 7 + 1, cell, extras))
    used = set(range(table.line, table.line + len(table.rows) + 2))
    used |= {number for number, line in enumerate(lines, 1) if line.startswith("# ") or hours_per_day(line) is not None}
    return reader.build(hours_per_day(text), detect(text).reason, used)
