"""The learner's data as frozen values: a plan and its check-ins, each carrying source spans.

Nothing downstream of the loader reads YAML again; everything works on these types.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import NamedTuple

from studylog.diagnostics import Span


class Status(enum.Enum):
    """Every state studylog shows, in one vocabulary, from the check-in file to the generated page.

    A check-in records DONE, IN_PROGRESS or NOT_DONE (CHECKIN_STATUSES); progress gives items and
    phases DONE, IN_PROGRESS or NOT_STARTED; a day of the plan without a check-in is MISSED, REST
    or UPCOMING. The value is how a check-in spells it; `key` names it in JSON, labels and charts.
    """

    DONE = "done"
    IN_PROGRESS = "in-progress"
    NOT_DONE = "not-done"
    NOT_STARTED = "not-started"
    MISSED = "missed"
    REST = "rest"
    UPCOMING = "upcoming"

    @property
    def key(self) -> str:
        """`in_progress`: the name used in JSON output, label keys (`status_in_progress`) and chart colours."""
        return self.name.lower()


CHECKIN_STATUSES = (Status.DONE, Status.IN_PROGRESS, Status.NOT_DONE)


# Every spelling a learner might use, seen in the seed trackers and beyond; keys are casefolded.
STATUS_WORDS: Mapping[str, Status] = {
    # canonical and English
    "done": Status.DONE,
    "complete": Status.DONE,
    "completed": Status.DONE,
    "finished": Status.DONE,
    "ok": Status.DONE,
    "in-progress": Status.IN_PROGRESS,
    "in progress": Status.IN_PROGRESS,
    "in_progress": Status.IN_PROGRESS,
    "inprogress": Status.IN_PROGRESS,
    "doing": Status.IN_PROGRESS,
    "wip": Status.IN_PROGRESS,
    "partial": Status.IN_PROGRESS,
    "started": Status.IN_PROGRESS,
    "ongoing": Status.IN_PROGRESS,
    "not-done": Status.NOT_DONE,
    "not done": Status.NOT_DONE,
    "not_done": Status.NOT_DONE,
    "notdone": Status.NOT_DONE,
    "todo": Status.NOT_DONE,
    "missed": Status.NOT_DONE,
    "skipped": Status.NOT_DONE,
    "not started": Status.NOT_DONE,
    "not-started": Status.NOT_DONE,
    "not_started": Status.NOT_DONE,
    "undone": Status.NOT_DONE,
    # Chinese (seed 004 and seed 000)
    "完成": Status.DONE,
    "已完成": Status.DONE,
    "完成了": Status.DONE,
    "进行中": Status.IN_PROGRESS,
    "部分完成": Status.IN_PROGRESS,
    "未完成": Status.NOT_DONE,
    "未开始": Status.NOT_DONE,
    "没完成": Status.NOT_DONE,
    "跳过": Status.NOT_DONE,
    # symbols: seed 004 ✅ 🔄 ❌, seed 000 ✅ 🟡 ⚪
    "✅": Status.DONE,
    "✔": Status.DONE,
    "✔️": Status.DONE,
    "☑": Status.DONE,
    "☑️": Status.DONE,
    "🔄": Status.IN_PROGRESS,
    "🟡": Status.IN_PROGRESS,
    "⏳": Status.IN_PROGRESS,
    "🚧": Status.IN_PROGRESS,
    "❌": Status.NOT_DONE,
    "⚪": Status.NOT_DONE,
    "✖": Status.NOT_DONE,
    "✖️": Status.NOT_DONE,
    "⬜": Status.NOT_DONE,
    # tick boxes of 打卡 tables
    "☐": Status.NOT_DONE,
    "✓": Status.DONE,
    "√": Status.DONE,
    "✗": Status.NOT_DONE,
    "✘": Status.NOT_DONE,
}


_SYMBOLS = sorted(
    (w for w in STATUS_WORDS if not w.isascii() and len(w) <= 2 and not w[0].isalpha()), key=len, reverse=True
)


def parse_status(text: str) -> Status | None:
    """The status a learner meant, or None. "✅ 已完成" (symbol then word) is accepted when both agree."""
    key = " ".join(text.replace("\ufe0f", "").split()).casefold()  # `✅️` (with the emoji selector) is `✅`
    if key in STATUS_WORDS:
        return STATUS_WORDS[key]
    parts = key.split(" ", 1)
    if len(parts) == 1:  # "✅完成": the symbol and the word typed without a space
        symbol = next((s for s in _SYMBOLS if key.startswith(s) and len(key) > len(s)), None)
        parts = [symbol, key[len(symbol) :]] if symbol is not None else parts
    if len(parts) == 2:
        first, rest = STATUS_WORDS.get(parts[0]), STATUS_WORDS.get(parts[1])
        if first is not None and first is rest:
            return first
    return None


class ItemKind(enum.Enum):
    STUDY = "study"
    REVIEW = "review"  # 周复盘
    ACCEPTANCE = "acceptance"  # 阶段验收
    PROJECT = "project"


class Locale(enum.Enum):
    ZH_CN = "zh-CN"
    EN = "en"


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Task(NamedTuple):
    id: str
    title: str
    weight: float
    span: Span
    note: str = ""


class Item(NamedTuple):
    """A day or a lecture: what a check-in says it worked on."""

    id: str
    title: str
    start: dt.date  # first planned day
    days: int  # planned length in days (seed 004's "Day3-7" is 5)
    weight: float
    kind: ItemKind
    tasks: tuple[Task, ...]
    span: Span
    note: str = ""

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=self.days - 1)

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


class Week(NamedTuple):
    id: str
    number: int  # 1-based across the whole plan
    title: str
    start: dt.date
    end: dt.date
    weight: float | None  # None: the sum of its items' weights
    items: tuple[Item, ...]
    span: Span


class Phase(NamedTuple):
    id: str
    title: str
    weight: float | None  # None: the sum of its weeks' weights
    weeks: tuple[Week, ...]
    span: Span
    goal: str = ""

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for week in self.weeks for item in week.items)


class Milestone(NamedTuple):
    id: str
    title: str
    due: dt.date
    covers: tuple[str, ...]  # ids of phases, weeks, items or tasks
    span: Span


class _PlanValues(NamedTuple):
    title: str
    learner: str
    start: dt.date
    timezone: str
    locale: Locale
    hours_per_day: float | None  # the daily target; None: no target
    rest_weekdays: frozenset[int]  # 0 = Monday
    rest_dates: frozenset[dt.date]
    phases: tuple[Phase, ...]
    milestones: tuple[Milestone, ...]
    path: str
    spans: Mapping[str, Span]  # where each top-level key was written
    # Days after which a solved problem comes back for review (避坑复习), counted from the last review.
    review_intervals: tuple[int, ...] = (1, 3, 7, 14, 30)
    # A check-in first committed later than this many hours after its day ended is a back-fill (补卡).
    backfill_grace_hours: float = 6.0
    reminder_hour: int | None = None  # local hour of the calendar feed's alarms; None: no alarms
    checkin_users: tuple[str, ...] = ()  # besides the owner, who may check in through an issue
    pages_url: str = ""  # where GitHub Pages serves reports/, when it is on
    # A night owl's 01:30 belongs to the day before when the day starts at 04:00.
    day_starts_at: dt.time = dt.time(0)
    view: str = "auto"  # the README's plan view: "auto" (chosen by the plan's shape), "days" or "lectures"


class Plan(_PlanValues):
    """A plan as loaded. Its values are the named tuple's fields; the views below are computed once
    per plan and kept in the instance's `__dict__` (a subclass without `__slots__` has one)."""

    # Cached: the progress engine asks for these once per calendar day.
    @cached_property
    def weeks(self) -> tuple[Week, ...]:
        return tuple(week for phase in self.phases for week in phase.weeks)

    @cached_property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for phase in self.phases for item in phase.items)

    @cached_property
    def end(self) -> dt.date:
        ends = [item.end for item in self.items] + [week.end for week in self.weeks]
        return max(ends, default=self.start)

    @cached_property
    def is_lecture_plan(self) -> bool:
        """Seed 000's shape: items that span days and carry tasks (lectures), not one item per day."""
        if self.view != "auto":
            return self.view == "lectures"
        items = self.items
        return bool(items) and sum(i.days > 1 and bool(i.tasks) for i in items) * 2 > len(items)

    def week_of(self, day: dt.date) -> Week | None:
        """The plan week whose dates hold `day`, if any (the first such week, in plan order)."""
        return self._week_by_day.get(day)

    @cached_property
    def _week_by_day(self) -> dict[dt.date, Week]:
        # Looked up for every check-in and planned day: a scan of the weeks each time made a
        # thirty-year build quadratic (4.5 of its 25 CPU seconds).
        by_day: dict[dt.date, Week] = {}
        for week in self.weeks:
            day = week.start
            while day <= week.end:
                by_day.setdefault(day, week)
                day += dt.timedelta(days=1)
        return by_day

    def is_rest_day(self, day: dt.date) -> bool:
        return day in self.rest_dates or day.weekday() in self.rest_weekdays

    @cached_property
    def _items_by_day(self) -> dict[dt.date, tuple[Item, ...]]:
        by_day: dict[dt.date, list[Item]] = {}
        for item in self.items:
            for offset in range(item.days):
                by_day.setdefault(item.start + dt.timedelta(days=offset), []).append(item)
        return {day: tuple(items) for day, items in by_day.items()}

    def items_on(self, day: dt.date) -> tuple[Item, ...]:
        return self._items_by_day.get(day, ())

    @cached_property
    def id_kinds(self) -> dict[str, str]:
        """id → "phase" | "week" | "item" | "task", built once: every check-in looks its ids up."""
        return dict(self.ids())

    def ids(self) -> Iterator[tuple[str, str]]:
        """Every (id, kind) a check-in or milestone may refer to."""
        for phase in self.phases:
            yield phase.id, "phase"
            for week in phase.weeks:
                yield week.id, "week"
                for item in week.items:
                    yield item.id, "item"
                    for task in item.tasks:
                        yield task.id, "task"


class WorkedOn(NamedTuple):
    """One plan item or task a check-in names, with the status it reached that day."""

    id: str
    status: Status
    span: Span


class Problem(NamedTuple):
    problem: str
    solution: str  # "" while the problem is still open
    span: Span

    @property
    def is_open(self) -> bool:
        return not self.solution


class Link(NamedTuple):
    target: str
    title: str
    span: Span


class CheckIn(NamedTuple):
    path: str
    date: dt.date  # the learner's local day, in the plan's timezone
    status: Status
    hours: float | None
    items: tuple[WorkedOn, ...]
    items_given: bool  # False: `items` was left out: a done check-in earns the day's planned share
    summary: str  # 核心任务 in the learner's words, when it differs from the plan's title
    problems: tuple[Problem, ...]
    links: tuple[Link, ...]
    done: tuple[str, ...]  # 今日完成
    insights: tuple[str, ...]  # 学习感悟 / 技术收获
    next: tuple[str, ...]  # 明日计划 / 下一步计划
    resources: tuple[str, ...]  # 创建的资源
    notes: str
    span: Span
    spans: Mapping[str, Span]  # where each key was written
    # `imported: tracker.md`: moved in by `studylog import`; its links to files the repository
    # does not have yet are the learner's own record, shown as not-yet-there rather than errors.
    imported: str = ""
    reviewed: tuple[str, ...] = ()  # ids (YYYY-MM-DD#N) of earlier problems reviewed that day
    credit: bool = True  # False (`credit: false`): a journal entry or extra study, no plan credit


def problem_id(day: dt.date, number: int) -> str:
    """The id a later check-in uses to say it reviewed a problem: its check-in's date and its 1-based place."""
    return f"{day.isoformat()}#{number}"


class Repository(NamedTuple):
    """A plan and its check-ins, as loaded: the input of every later stage."""

    root: str
    plan: Plan
    checkins: tuple[CheckIn, ...]  # sorted by date, then path
    # Paths of check-ins first committed well after their day (补卡), from git history; see check.history.
    backfills: frozenset[str] = frozenset()
