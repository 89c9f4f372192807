"""What the generated pages show, shaped for templates: day rows, journal, problems, reviews.

Pure: the repository and its progress snapshot in, plain values out. Figures come from the
snapshot; this module only arranges them by day, week and phase, and resolves link targets.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from studylog.diagnostics import Span
from studylog.linkpath import Target, is_web, resolve
from studylog.model import CheckIn, Item, Locale, Plan, Repository, Status, Week, problem_id
from studylog.progress import ItemState, MilestoneProgress, Snapshot, week_key

ONE_DAY = dt.timedelta(days=1)
JOURNAL_ENTRIES = 5


@dataclass(frozen=True)
class LinkView:
    text: str
    target: str  # a URL, or a root-relative path with its `#fragment`
    web: bool
    missing: bool = False  # an imported link to a file or heading not in the repository yet


@dataclass(frozen=True)
class ProblemView:
    date: dt.date
    problem: str
    solution: str
    checkin: str
    phase: str | None
    id: str = ""  # YYYY-MM-DD#N, what `reviewed:` names
    reviews: tuple[dt.date, ...] = ()  # 避坑复习 so far
    due: dt.date | None = None  # the next review; None when open or graduated

    @property
    def is_open(self) -> bool:
        return not self.solution

    @property
    def graduated(self) -> bool:
        return bool(self.solution) and self.due is None


@dataclass(frozen=True)
class DayRow:
    date: dt.date
    week: int | None  # plan week number; None for an unplanned day
    day: int | None  # day of that week, 1–7
    status: Status  # the check-in's, else MISSED, REST or UPCOMING
    task: str
    problems: tuple[str, ...]
    solutions: tuple[str, ...]
    links: tuple[LinkView, ...]
    phase: str | None
    phase_percent: float | None
    hours: float | None
    checkin: str | None
    backfill: bool = False  # 补卡: first committed well after its day


@dataclass(frozen=True)
class PhaseRows:
    id: str
    title: str
    percent: float
    rows: tuple[DayRow, ...]
    current: bool


@dataclass(frozen=True)
class WeekReview:
    id: str  # the plan week's id (also the file name), or an ISO week (2026-W02) outside the plan's weeks
    number: int | None  # 第1周; None for an ISO week
    start: dt.date
    end: dt.date
    rows: tuple[DayRow, ...]
    checked_in: int
    missed: int
    hours: float
    target: float | None
    problems: tuple[ProblemView, ...]
    links: tuple[LinkView, ...]
    carry_over: tuple[tuple[str, str], ...]  # (id, title)


@dataclass(frozen=True)
class PhaseReview:
    id: str
    title: str
    goal: str
    percent: float
    items: tuple[tuple[str, str, Status], ...]  # (id, title, state)
    items_done: int
    items_total: int
    hours: float
    milestones: tuple[MilestoneProgress, ...]
    problems: tuple[ProblemView, ...]
    start: dt.date
    end: dt.date


def link_views(checkin: CheckIn, missing: frozenset[Span] = frozenset()) -> tuple[LinkView, ...]:
    views = []
    for link in checkin.links:
        if is_web(link.target):
            views.append(LinkView(link.title or link.target, link.target, True))
            continue
        target = resolve(link.target, checkin.path)
        if isinstance(target, Target):  # a link that does not resolve never passed validation
            fragment = f"#{target.fragment}" if target.raw_fragment else ""
            views.append(LinkView(link.title or link.target, target.path + fragment, False, link.span in missing))
    return tuple(views)


def _status(checkin: CheckIn | None, day: dt.date, plan: Plan, as_of: dt.date, planned: bool) -> Status:
    if checkin is not None:
        return checkin.status
    if not planned or plan.is_rest_day(day):
        return Status.REST
    return Status.MISSED if day < as_of else Status.UPCOMING


class _Index:
    """Lookups the row builders share: item → week and phase, check-ins by day."""

    def __init__(self, repository: Repository, snapshot: Snapshot, missing: frozenset[Span] = frozenset()) -> None:
        plan = repository.plan
        self.missing = missing
        self.week_of: dict[str, Week] = {i.id: w for w in plan.weeks for i in w.items}
        self.phase_of: dict[str, str] = {i.id: p.id for p in plan.phases for i in p.items}
        self.by_day: dict[dt.date, list[CheckIn]] = defaultdict(list)
        for checkin in repository.checkins:
            if checkin.date <= snapshot.as_of:
                self.by_day[checkin.date].append(checkin)
        self.row_of = {r.path: r for r in snapshot.checkins}


def _row(
    day: dt.date, items: Sequence[Item], checkin: CheckIn | None, index: _Index, snap: Snapshot, plan: Plan
) -> DayRow:
    week = index.week_of[items[0].id] if items else plan.week_of(day)  # a rest day is still in its week
    row = index.row_of.get(checkin.path) if checkin else None
    phase = index.phase_of[items[0].id] if items else (row.phase if row else None)
    sep = "；" if plan.locale is Locale.ZH_CN else "; "
    task = (checkin.summary if checkin and checkin.summary else "") or sep.join(i.title for i in items)
    if checkin and not task:
        task = sep.join(checkin.done)
    return DayRow(
        date=day,
        week=week.number if week else None,
        day=(day - week.start).days + 1 if week else None,
        status=_status(checkin, day, plan, snap.as_of, bool(items)),
        task=task,
        problems=tuple(p.problem for p in checkin.problems) if checkin else (),
        solutions=tuple(p.solution for p in checkin.problems) if checkin else (),
        links=link_views(checkin, index.missing) if checkin else (),
        phase=phase,
        phase_percent=row.phase_percent if row else None,
        hours=checkin.hours if checkin else None,
        checkin=checkin.path if checkin else None,
        backfill=bool(row and row.backfill),
    )


def day_rows(repository: Repository, snapshot: Snapshot, missing: frozenset[Span] = frozenset()) -> list[DayRow]:
    """One row per planned day (missed and upcoming ones too), and one per check-in on any other day.

    `missing`: where imported links point at files not in the repository yet (shown as such)."""
    plan = repository.plan
    index = _Index(repository, snapshot, missing)
    days = {plan.start + ONE_DAY * n for n in range((plan.end - plan.start).days + 1)} | set(index.by_day)
    rows: list[DayRow] = []
    for day in sorted(days):
        items = plan.items_on(day)
        checkins = index.by_day.get(day, [])
        if not items and not checkins:
            continue
        each: list[CheckIn | None] = [*checkins] or [None]  # a planned day without a check-in is a row too
        rows.extend(_row(day, items, checkin, index, snapshot, plan) for checkin in each)
    return rows


def phase_tables(repository: Repository, snapshot: Snapshot, rows: Sequence[DayRow]) -> list[PhaseRows]:
    """The summary table split by phase; rows with no phase join the phase they fall in by date."""
    plan = repository.plan
    progress = {p.id: p for p in snapshot.phases}
    spans = {p.id: (min(i.start for i in p.items), max(i.end for i in p.items)) for p in plan.phases if p.items}

    def phase_for(row: DayRow) -> str:
        if row.phase:
            return row.phase
        started = [pid for pid, (first, _) in spans.items() if first <= row.date]  # in plan order
        return started[-1] if started else plan.phases[0].id

    grouped: dict[str, list[DayRow]] = defaultdict(list)
    for row in rows:
        grouped[phase_for(row)].append(row)
    current = next(
        (pid for pid, (a, b) in spans.items() if a <= snapshot.as_of <= b),
        max((pid for pid, (a, _) in spans.items() if a <= snapshot.as_of), key=lambda p: spans[p][0], default=None),
    )
    return [
        PhaseRows(p.id, p.title, progress[p.id].percent, tuple(grouped.get(p.id, ())), p.id == current)
        for p in plan.phases
    ]


def problems(repository: Repository, snapshot: Snapshot, rows: Sequence[DayRow]) -> list[ProblemView]:
    phase_of_checkin = {r.checkin: r.phase for r in rows if r.checkin}
    schedule = {r.id: r for r in snapshot.reviews}
    found = []
    for c in repository.checkins:
        if c.date > snapshot.as_of:
            continue
        for number, p in enumerate(c.problems, start=1):
            ident = problem_id(c.date, number)
            state = schedule.get(ident)
            found.append(
                ProblemView(
                    c.date, p.problem, p.solution, c.path, phase_of_checkin.get(c.path), ident,
                    state.reviews if state else (), state.due if state else None,
                )
            )  # fmt: skip
    return sorted(found, key=lambda p: (not p.is_open, p.date, p.checkin))


def journal(repository: Repository, snapshot: Snapshot, count: int = JOURNAL_ENTRIES) -> list[CheckIn]:
    """The latest check-ins, newest first, whether or not they wrote anything down."""
    latest = [c for c in repository.checkins if c.date <= snapshot.as_of]
    return sorted(latest, key=lambda c: (c.date, c.path), reverse=True)[:count]


def week_reviews(
    repository: Repository, snapshot: Snapshot, rows: Sequence[DayRow], found: Sequence[ProblemView]
) -> list[WeekReview]:
    """One review per plan week that has started (第1周 …); days outside the plan's weeks by ISO week."""
    plan = repository.plan
    by_week: dict[tuple[str, int | None, dt.date, dt.date], list[DayRow]] = defaultdict(list)
    for row in rows:
        if row.date <= snapshot.as_of:
            by_week[week_key(plan, row.date)].append(row)
    hours = {w.id: (w.hours, w.target) for w in snapshot.hours_by_week}
    state = {i.id: i.state for i in snapshot.items}
    # Items and problems grouped by their (plan) week once, not scanned again for each week.
    due: dict[str, list[Item]] = defaultdict(list)
    for item in plan.items:
        if item.end <= snapshot.as_of:
            due[week_key(plan, item.end)[0]].append(item)
    problems: dict[str, list[ProblemView]] = defaultdict(list)
    for problem in found:
        problems[week_key(plan, problem.date)[0]].append(problem)
    reviews = []
    for key in sorted(by_week, key=lambda k: (k[2], k[0])):
        ident, number, first, last = key
        week_rows = by_week[key]
        planned = due.get(ident, [])
        worked, target = hours.get(ident, (sum(r.hours or 0 for r in week_rows), None))
        reviews.append(
            WeekReview(
                id=ident,
                number=number,
                start=first,
                end=last,
                rows=tuple(week_rows),
                checked_in=sum(r.checkin is not None and r.status is not Status.NOT_DONE for r in week_rows),
                missed=sum(r.status is Status.MISSED for r in week_rows),
                hours=worked,
                target=target,
                problems=tuple(problems.get(ident, ())),
                links=tuple(link for r in week_rows for link in r.links),
                carry_over=tuple((i.id, i.title) for i in planned if state.get(i.id) is not Status.DONE),
            )
        )
    return reviews


@dataclass(frozen=True)
class LectureBlock:
    """Seed 000's shape: one block per plan week, each lecture with its task table."""

    phase: str
    phase_state: Status
    week_number: int
    title: str
    state: Status
    start: dt.date
    end: dt.date
    lectures: tuple[ItemState, ...]


def lecture_blocks(repository: Repository, snapshot: Snapshot) -> list[LectureBlock]:
    plan = repository.plan
    states = {i.id: i for i in snapshot.items}
    weeks = {w.id: w for w in snapshot.weeks}
    phases = {p.id: p for p in snapshot.phases}
    blocks = []
    for phase in plan.phases:
        for week in phase.weeks:
            blocks.append(
                LectureBlock(
                    phase=phase.title,
                    phase_state=phases[phase.id].state,
                    week_number=week.number,
                    title=week.title,
                    state=weeks[week.id].state,
                    start=min((i.start for i in week.items), default=week.start),
                    end=max((i.end for i in week.items), default=week.end),
                    lectures=tuple(states[i.id] for i in week.items),
                )
            )
    return blocks


def phase_reviews(repository: Repository, snapshot: Snapshot, found: Sequence[ProblemView]) -> list[PhaseReview]:
    """One review per phase that has started."""
    plan = repository.plan
    progress = {p.id: p for p in snapshot.phases}
    state = {i.id: i.state for i in snapshot.items}
    hours = dict(snapshot.hours_by_phase)
    reviews = []
    for phase in plan.phases:
        if not phase.items or min(i.start for i in phase.items) > snapshot.as_of:
            continue
        ids = {phase.id} | {w.id for w in phase.weeks} | {i.id for i in phase.items}
        ids |= {t.id for i in phase.items for t in i.tasks}
        covering = {m.id for m in plan.milestones if ids & set(m.covers)}
        reviews.append(
            PhaseReview(
                id=phase.id,
                title=phase.title,
                goal=phase.goal,
                percent=progress[phase.id].percent,
                items=tuple((i.id, i.title, state[i.id]) for i in phase.items),
                items_done=progress[phase.id].items_done,
                items_total=progress[phase.id].items_total,
                hours=hours.get(phase.id, 0.0),
                milestones=tuple(m for m in snapshot.milestones if m.id in covering),
                problems=tuple(p for p in found if p.phase == phase.id),
                start=min(i.start for i in phase.items),
                end=max(i.end for i in phase.items),
            )
        )
    return reviews


def grouped_problems(repository: Repository, found: Iterable[ProblemView]) -> list[tuple[str, list[ProblemView]]]:
    """The problem log: by phase in plan order, open problems first within each."""
    titles = {p.id: p.title for p in repository.plan.phases}
    groups: dict[str | None, list[ProblemView]] = defaultdict(list)
    for problem in found:
        groups[problem.phase].append(problem)
    ordered = [(titles[pid], groups[pid]) for pid in titles if groups.get(pid)]
    if groups.get(None):
        ordered.append(("—", groups[None]))
    return ordered


@dataclass(frozen=True)
class FoldedPhase:
    """A phase's rows cut where a reader's attention is: weeks before this one, this week, weeks after."""

    table: PhaseRows
    start: dt.date | None
    end: dt.date | None
    earlier: tuple[DayRow, ...]
    this_week: tuple[DayRow, ...]
    later: tuple[DayRow, ...]


def week_span(rows: Sequence[DayRow], as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The plan week holding the as-of date (the ISO week when no planned day falls on it)."""
    week = next((r.week for r in rows if r.date == as_of and r.week is not None), None)
    days = [r.date for r in rows if week is not None and r.week == week]
    if days:
        return min(days), max(days)
    monday = as_of - dt.timedelta(days=as_of.weekday())
    return monday, monday + 6 * ONE_DAY


def fold(tables: Sequence[PhaseRows], rows: Sequence[DayRow], as_of: dt.date) -> list[FoldedPhase]:
    first, last = week_span(rows, as_of)
    folded = []
    for table in tables:
        dates = [r.date for r in table.rows]
        folded.append(
            FoldedPhase(
                table,
                min(dates, default=None),
                max(dates, default=None),
                tuple(r for r in table.rows if r.date < first),
                tuple(r for r in table.rows if first <= r.date <= last),
                tuple(r for r in table.rows if r.date > last),
            )
        )
    return folded
