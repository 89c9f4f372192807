"""The engine both table shapes share: rows that each name a week and a day (or a range of days)
become plan items, and the rows that say they were done become check-ins.

A shape module finds the rows (one `周次` cell like `第1周 Day1`, or separate 周 and 天 columns,
or per-week tables under `### W1 …` headings); this module decides dates, weights, ids and
check-ins, and reports every row it could not use with its line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from studylog.errors import ImportRefused
from studylog.i18n import t
from studylog.load.nodes import REST_WORDS
from studylog.model import ItemKind, Status
from studylog.start.importers.assemble import PlanBuilder, monday_before
from studylog.start.importers.common import (
    ONE_DAY,
    DateFound,
    Imported,
    MonthHint,
    Note,
    Options,
    Table,
    document_title,
    find_date,
    find_month_hint,
    leftovers,
    links_in,
    one_line,
    status_of,
    strip_markup,
)

COLUMNS: dict[str, tuple[str, ...]] = {
    "week": ("周次", "周", "week", "week/day", "周次/天", "周次/日", "wk"),
    "day": ("天", "日", "day", "第几天", "天数", "days"),
    "date": ("日期", "date", "打卡日期", "时间"),
    "status": ("完成状态", "状态", "status", "打卡", "完成", "done", "进度状态"),
    "task": ("核心任务", "任务", "task", "core task", "学习内容", "内容", "tasks", "todo"),
    "problem": ("遇到的问题", "问题", "problem", "problems", "难点"),
    "solution": ("解决方法", "解决", "solution", "solutions", "解决方案"),
    "links": (
        "代码/笔记链接",
        "链接",
        "代码链接",
        "笔记链接",
        "links",
        "link",
        "code/notes",
        "提交记录",
        "commit",
        "commits",
    ),
    "progress": ("阶段进度", "进度", "progress", "phase progress"),
    "hours": ("时长", "用时", "学习时长", "耗时", "小时", "hours", "time", "time spent"),
}
_HOURS_CELL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(h|hrs?|hours?|小时|个小时|min|mins|minutes|分钟)?\s*$", re.I)
_PROGRESS = re.compile(r"(?:阶段\s*(\d+)\s*[：:]\s*)?(\d+(?:\.\d+)?)\s*%")
_PHASE_LINE = re.compile(r"^\s*[-*]\s*阶段\s*(\d+)\s*[（(]第\s*(\d+)\s*[-–~]\s*(\d+)\s*周[)）]\s*[：:]\s*(.+)$")
_HOURS = re.compile(r"每[日天]\s*(\d+(?:\.\d+)?)\s*(?:个)?小时|(\d+(?:\.\d+)?)\s*h(?:ours?)?\s*(?:/|per|a)\s*day", re.I)
_RANGE = re.compile(
    r"^\s*(?:Day|D|第)?\s*(\d+)\s*(?:天|日)?\s*(?:[-–~至到]\s*(?:Day|D|第)?\s*(\d+)\s*(?:天|日)?)?\s*$", re.I
)


@dataclass
class PhaseMark:
    line: int
    number: int | None
    title: str


@dataclass
class Row:
    line: int
    week: int
    day: int
    last: int
    cells: dict[str, str]  # column → text
    extras: list[tuple[str, str]] = field(default_factory=list)  # columns with no place, as (name, text)
    week_title: str = ""
    week_key: str = ""  # rows of one per-week table share a key even when the week column is absent


def day_range(text: str) -> tuple[int, int] | None:
    """`3`, `Day3`, `第3天`, `4-7`, `Day3-7`, `3~5` → (first, last)."""
    match = _RANGE.match(strip_markup(text))
    if not match:
        return None
    return int(match.group(1)), int(match.group(2) or match.group(1))


def declared_phases(lines: list[str]) -> dict[int, re.Match[str]]:
    return {int(m.group(1)): m for line in lines if (m := _PHASE_LINE.match(line))}


def hours_per_day(text: str) -> float | None:
    match = _HOURS.search(text)
    return float(match.group(1) or match.group(2)) if match else None


def _is_rest(text: str) -> bool:
    """A tracker's cell that says the day was a day off: `休息`, `休息日`, `Rest`, `Day off`, `😴 休息`."""
    words = re.sub(r"[^\w\s-]", " ", strip_markup(text)).split()
    return bool(words) and " ".join(words).casefold() in REST_WORDS


def _kind(task: str) -> str | None:
    if "验收" in task or re.search(r"\bacceptance\b", task, re.I):
        return ItemKind.ACCEPTANCE.value
    if "复盘" in task or re.search(r"\b(review|retro)\b", task, re.I):
        return ItemKind.REVIEW.value
    return None


@dataclass
class _Dated:
    row: Row
    date: dt.date | None
    found: DateFound | None
    hint: MonthHint | None


# The titles a plan made from a table gets where the tracker names none, by the plan's locale.
_MADE_UP = {
    "en": {"phase": "Phase {0}", "week": "Week {0}", "day": "Week {0}, day {1}", "done": "{0} done"},
    "zh-CN": {"phase": "阶段{0}", "week": "第{0}周", "day": "第{0}周 第{1}天", "done": "{0} 完成"},
}


class DayTable:
    """Collects rows in document order, then builds the plan and check-ins."""

    def __init__(self, shape: str, text: str, options: Options, today: dt.date, locale: str = "zh-CN") -> None:
        self.builder = PlanBuilder(shape, document_title(text.splitlines()))
        self.locale = locale  # the plan's: the words it makes up (week titles, milestones) are in it
        self.options = options
        self.today = today
        self.lines = text.splitlines()
        self.declared = declared_phases(self.lines)
        self.events: list[PhaseMark | Row] = []
        self.notes: list[Note] = []
        self.header_extras: list[str] = []
        self._said: set[int] = set()  # tables whose unmapped columns were reported

    def note(self, line: int, message: str) -> None:
        self.notes.append(Note(line, message))

    def unmapped(self, table: Table, columns: dict[str, int]) -> list[tuple[int, str]]:
        """The table's columns with no place in a check-in (each row's text of them goes into `notes`),
        said once per table."""
        found = [(i, h) for i, h in enumerate(table.header) if i not in columns.values() and h]
        if found and table.line not in self._said:
            self._said.add(table.line)
            self.note(table.line, t("import.unmapped-columns", columns=t("word.list-comma").join(h for _, h in found)))
        return found

    def fits(self, cells: list[str], table: Table, line: int, *, quoted: bool = True) -> bool:
        """Whether a row has a cell for each column; if not it is reported (an unescaped `|` in a cell)."""
        if len(cells) == len(table.header):
            return True
        got, wanted = len(cells), len(table.header)
        if quoted:
            self.note(line, t("import.cells-mismatch-row", cells=got, columns=wanted, row=" | ".join(cells)[:80]))
        else:
            self.note(line, t("import.cells-mismatch", cells=got, columns=wanted))
        return False

    # -- dates ---------------------------------------------------------------------------------

    def _dates(self, rows: list[Row]) -> tuple[list[_Dated], dt.date | None]:
        """Each row's date: as written, else from --start and its week and day, else unknown."""
        previous = self.options.start  # a date written without a year follows the row above
        dated: list[_Dated] = []
        for row in rows:
            text = row.cells.get("date", "")
            found = find_date(text, after=previous)
            if found and found.date:
                previous = found.date
            dated.append(_Dated(row, found.date if found else None, found, find_month_hint(text)))
        start = self.options.start
        if start is None:
            # the first written date and its week and day tell where the plan starts
            anchor = next(((d.row, d.date) for d in dated if d.date is not None), None)
            if anchor is not None:
                row, when = anchor
                start = when - ((row.week - 1) * 7 + row.day - 1) * ONE_DAY
        if start is None and dated and not any(d.hint for d in dated):
            raise ImportRefused(
                t("import.day.no-date-column" if "date" not in dated[0].row.cells else "import.day.no-row-date")
            )
        for entry in dated:
            if entry.date is None and start is not None:
                entry.date = start + ((entry.row.week - 1) * 7 + entry.row.day - 1) * ONE_DAY
        return dated, start

    def _month_hints(self, dated: list[_Dated], start: dt.date | None) -> None:
        hinted = [d for d in dated if d.hint is not None]
        if not hinted:
            return
        if start is None:
            raise ImportRefused(t("import.day.placeholders", hint=hinted[0].hint, best=_best_start_hint(hinted)))
        wrong = [d for d in hinted if d.date is not None and d.hint is not None and not d.hint.holds(d.date)]
        if wrong:
            first = wrong[0]
            lines = _ranges([d.row.line for d in wrong])
            self.note(
                first.row.line,
                t(
                    "import.day.month-hints-disagree",
                    wrong=len(wrong),
                    hinted=len(hinted),
                    lines=lines,
                    start=start,
                    text=first.found.text if first.found else first.hint,
                    date=first.date,
                    best=_best_start_hint(hinted),
                ),
            )

    # -- building ------------------------------------------------------------------------------

    def build(self, hours: float | None, reason: str, used: set[int] | None = None) -> Imported:
        rows = [e for e in self.events if isinstance(e, Row)]
        dated, start = self._dates(rows)
        self._month_hints(dated, start)
        by_row = {id(d.row): d for d in dated}
        builder = self.builder
        weeks: dict[tuple[int, str], dict[str, Any]] = {}
        progress_seen: dict[int, float] = defaultdict(float)
        item_dates: dict[str, dt.date] = {}
        rest_days: list[dt.date] = []
        for event in self.events:
            if isinstance(event, PhaseMark):
                phase_no = event.number or len(builder.phases) + 1
                declared = self.declared.get(phase_no)
                title = event.title.strip() or (
                    declared.group(4).strip() if declared else self._words("phase", phase_no)
                )
                goal = ""
                if declared and (goal_match := re.search(r"[（(](.+)[)）]\s*$", declared.group(4))):
                    goal = goal_match.group(1)
                builder.phase(title, goal)
                continue
            row = event
            entry = by_row[id(row)]
            builder.current_phase()
            key = (len(builder.phases), row.week_key or str(row.week))
            week = weeks.get(key)
            if week is None:
                written = entry.found.date if entry.found else None  # a date the row itself states
                week_start = written - (row.day - 1) * ONE_DAY if written else None
                week = builder.week(f"w{row.week}", row.week_title or self._words("week", row.week), week_start)
                weeks[key] = week
            task = one_line(row.cells.get("task", ""))
            if _is_rest(task) or (not task and _is_rest(row.cells.get("status", ""))):
                # A day off the tracker lists: a rest day of the plan, not a planned day shown as missed.
                builder.rows += 1
                if entry.date is None:
                    self.note(row.line, t("import.rest-no-date"))
                    continue
                days = [entry.date + n * ONE_DAY for n in range(row.last - row.day + 1)]
                rest_days += days
                self.note(row.line, t("import.rest-day", date=entry.date))
                continue
            item = builder.item(
                week,
                f"w{row.week}d{row.day}",
                task or self._words("day", row.week, row.day),
                day=row.day if "start" not in week else None,
                date=entry.date if "start" in week and entry.date else None,
                days=row.last - row.day + 1,
                kind=_kind(task),
            )
            if "start" in week and entry.date is None:
                item["day"] = row.day
            progress = _PROGRESS.search(row.cells.get("progress", ""))
            if progress:
                value = float(progress.group(2))
                item["weight"] = round(max(value - progress_seen[len(builder.phases)], 0.0), 4)
                progress_seen[len(builder.phases)] = max(progress_seen[len(builder.phases)], value)
            builder.rows += 1
            if entry.date is None:
                self.note(row.line, t("import.day.no-date", date=row.cells.get("date", "")))
                continue
            item_dates[item["id"]] = entry.date
            self._checkin(row, entry.date, item["id"])
        if not builder.phases or builder.rows == 0:
            return Imported(builder.shape, {}, {}, sorted(self.notes), 0, reason)
        # --start is the plan's first day; without it, the earliest day the rows give
        plan_start = self.options.start or min([*([start] if start else []), *item_dates.values()])
        for phase in builder.phases:  # phases weigh by their weeks, as seed 004's statistics do
            weeks_of = phase.pop("weeks")
            phase["weight"] = len([w for w in weeks_of if w["items"]])
            phase["weeks"] = weeks_of
        result = builder.finish(
            plan_start,
            hours=hours,
            milestones=self._milestones(item_dates),
            reason=reason,
            locale=self.locale,
            rest_days=[d for d in rest_days if d >= plan_start],
        )
        result.notes = sorted([*result.notes, *self.notes, *(leftovers(self.lines, used) if used is not None else [])])
        return result

    def _words(self, what: str, *values: object) -> str:
        """The titles the plan makes up where the tracker has none, in the plan's language."""
        return _MADE_UP["en" if self.locale == "en" else "zh-CN"][what].format(*values)

    def _checkin(self, row: Row, date: dt.date, item_id: str) -> None:
        raw = row.cells.get("status", "").strip()
        status = status_of(raw) if raw else None
        if status is None:
            if raw:
                self.note(row.line, t("import.status-unknown-planned", status=raw))
            return  # a planned day not checked in yet
        if status is Status.NOT_DONE and (
            strip_markup(raw) in ("☐", "□", "⬜", "⚪", "未开始", "[ ]") or date >= self.today
        ):
            return  # an empty box: planned, not done yet
        problem, solution = one_line(row.cells.get("problem", "")), one_line(row.cells.get("solution", ""))
        fields: dict[str, Any] = {}
        if problem:
            fields["problems"] = [{"problem": problem, **({"solution": solution} if solution else {})}]
        notes = [] if problem or not solution else [solution]
        notes += [f"{name}: {value}" for name, value in row.extras if value]
        if notes:
            fields["notes"] = "\n".join(notes)
        spent = row.cells.get("hours", "").strip()
        if spent and (hours := _hours(spent)) is not None:
            fields["hours"] = hours
        elif spent:
            self.note(row.line, t("import.day.hours", spent=spent))
            notes.append(f"{spent}")
            fields["notes"] = "\n".join(notes)
        links = links_in(row.cells.get("links", ""))
        if links:
            fields["links"] = links
        elif row.cells.get("links", "").strip() and one_line(row.cells["links"]) not in ("-", "—", "/", "无"):
            fields["notes"] = "\n".join(x for x in (fields.get("notes", ""), one_line(row.cells["links"])) if x)
        self.builder.checkin_days(date, row.last - row.day + 1, row.line, status, item_id, **fields)

    def _milestones(self, item_dates: dict[str, dt.date]) -> list[dict[str, Any]]:
        milestones = []
        for index, phase in enumerate(self.builder.phases, 1):
            items = [i for w in phase["weeks"] for i in w["items"]]
            if not items:
                continue
            acceptance = next((i for i in items if i.get("kind") == "acceptance"), None)
            chosen = acceptance or items[-1]
            due = item_dates.get(chosen["id"])
            milestones.append(
                {
                    "id": f"m{index}",
                    "title": acceptance["title"] if acceptance else self._words("done", phase["title"]),
                    "covers": [phase["id"]],
                    **({"due": due} if due else {}),
                }
            )
        return milestones


def _hours(text: str) -> float | None:
    """`2`, `1.5h`, `2小时`, `90min`: hours the row recorded (a blank cell records none)."""
    match = _HOURS_CELL.match(one_line(text))
    if match is None:
        return None
    value = float(match.group(1))
    unit = (match.group(2) or "h").lower()
    return round(value / 60, 2) if unit.startswith("min") or unit == "分钟" else value


def _ranges(lines: list[int]) -> str:
    parts: list[str] = []
    run: list[int] = []
    for number in lines:
        if run and number != run[-1] + 1:
            parts.append(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]))
            run = []
        run.append(number)
    if run:
        parts.append(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]))
    return t("word.list-comma").join(parts)


def _best_start_hint(hinted: list[_Dated]) -> str:
    """The --start that agrees with the most month hints, searched around the first hint's month."""
    first = hinted[0].hint
    assert first is not None
    base = dt.date(first.year, first.month, 1) - 40 * ONE_DAY
    best: tuple[int, dt.date] | None = None
    for offset in range(80):
        start = base + offset * ONE_DAY
        agree = sum(
            1 for d in hinted if d.hint and d.hint.holds(start + ((d.row.week - 1) * 7 + d.row.day - 1) * ONE_DAY)
        )
        if best is None or agree > best[0]:
            best = (agree, start)
    assert best is not None
    monday = monday_before(best[1]) if best[1].weekday() else best[1]
    agree_monday = sum(
        1 for d in hinted if d.hint and d.hint.holds(monday + ((d.row.week - 1) * 7 + d.row.day - 1) * ONE_DAY)
    )
    if monday == best[1]:
        return t("import.day.best-start", start=best[1], agree=best[0], total=len(hinted))
    return t(
        "import.day.best-start-monday",
        start=best[1],
        agree=best[0],
        total=len(hinted),
        monday=monday,
        monday_agree=agree_monday,
    )
