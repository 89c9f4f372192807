"""The progress engine: a plan, its check-ins and an as-of date in; a snapshot of figures out.

Pure: no I/O and no clock. Check-ins dated after the as-of date are ignored, so a snapshot for
any past day is what the learner would have seen that evening.

How the figures are defined (the README's "Progress" section says the same for learners):

- Every item gets an absolute *share* of the plan: phase share × week share × item share. A
  weight given in plan.yaml is a share among siblings; a phase or week without one weighs the
  sum of its children. A group whose weights are all 0 splits equally *within* itself (so its
  own progress still reads 0–100%) but adds nothing to its parent.
- An item's status is decided by the latest check-in that names it; a task's by the latest
  check-in naming the task or its item (the task itself wins on the same day). An item with
  tasks earns the done share of its tasks' weights. Only done work counts toward percentages.
- Planned progress at a date: each item's share spread evenly over its planned days.
- Days ahead (positive) or behind: the latest date whose planned progress the learner has
  already completed, minus the as-of date (0 once everything is done on or after the plan end).
- Forecast: done share per day over the last 14 days extrapolated to 100%; the range uses the
  7- and 28-day windows too. No forecast when the 14-day pace is zero.
- A check-in day is a day with a check-in whose status is done or in progress. Streaks count
  consecutive check-in days; declared rest days are skipped over (neither break nor extend).
  The current streak ends at the as-of date, or the day before when the as-of date has no
  check-in yet. The strict streak is the same count where back-filled check-ins (补卡: first
  committed well after their day, see `check.history`) do not count as check-in days; back-fills
  still count toward progress and hours.
- Never miss twice: planned days (non-rest days with planned items) since the last time two
  planned days in a row were missed; the as-of date counts only once checked in.
- Habit strength, after Loop Habit Tracker: over planned days, s ← s·m + x·(1 − m) with
  x = 1 on a check-in day else 0 and m = 0.5^(1/13) (a daily habit's multiplier in Loop), so a
  single miss costs about 5 points and strength halves after 13 straight misses.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from studylog.clock import as_of as decide_as_of
from studylog.model import CheckIn, Item, Milestone, Plan, Repository, Status
from studylog.review import ReviewState, schedule

if TYPE_CHECKING:
    from studylog.check.repository import LoadResult

ONE_DAY = dt.timedelta(days=1)
EPSILON = 1e-9
HABIT_MULTIPLIER = 0.5 ** (1 / 13)
PACE_WINDOWS = (7, 14, 28)
ITEM_STATES = (Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED)  # what an item or a phase can be


def percent(fraction: float) -> float:
    """0–100, rounded half up to one decimal (Python's round() would round half to even)."""
    clamped = min(max(fraction, 0.0), 1.0) * 100
    return float(Decimal(repr(round(clamped, 9))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _normalise(weights: Sequence[float]) -> list[float]:
    total = sum(weights)
    if total > EPSILON:
        return [w / total for w in weights]
    return [1 / len(weights)] * len(weights) if weights else []


@dataclass(frozen=True)
class Shares:
    """Each item's share of its week, of its phase and of the whole plan."""

    in_week: dict[str, float]
    in_phase: dict[str, float]
    in_plan: dict[str, float]
    phase_of: dict[str, str]  # item or task id → phase id

    @classmethod
    def of(cls, plan: Plan) -> Shares:
        in_week: dict[str, float] = {}
        in_phase: dict[str, float] = {}
        in_plan: dict[str, float] = {}
        phase_of: dict[str, str] = {}
        phase_weights = []
        for phase in plan.phases:
            week_weights = []
            for week in phase.weeks:
                items = _normalise([i.weight for i in week.items])
                for item, share in zip(week.items, items, strict=True):
                    in_week[item.id] = share
                    phase_of[item.id] = phase.id
                    phase_of.update(dict.fromkeys((t.id for t in item.tasks), phase.id))
                week_weights.append(week.weight if week.weight is not None else sum(i.weight for i in week.items))
            for week, share in zip(phase.weeks, _normalise(week_weights), strict=True):
                for item in week.items:
                    in_phase[item.id] = share * in_week[item.id]
            phase_weights.append(phase.weight if phase.weight is not None else sum(week_weights))
        for phase, share in zip(plan.phases, _normalise(phase_weights), strict=True):
            for item in phase.items:
                in_plan[item.id] = share * in_phase[item.id]
        return cls(in_week, in_phase, in_plan, phase_of)


# ---------------------------------------------------------------------------------------------
# snapshot types


@dataclass(frozen=True)
class ItemState:
    id: str
    title: str
    state: Status  # DONE, IN_PROGRESS or NOT_STARTED
    fraction: float  # done share of the item, 0–1 (tasks give partial credit)
    last_date: dt.date | None  # the latest check-in that named it or one of its tasks


@dataclass(frozen=True)
class GroupProgress:
    id: str
    title: str
    percent: float
    state: Status  # DONE, IN_PROGRESS or NOT_STARTED
    items_done: int
    items_total: int
    hours: float


@dataclass(frozen=True)
class MilestoneProgress:
    id: str
    title: str
    due: dt.date
    done: int  # units: tasks of covered items that have tasks, otherwise the items themselves
    total: int
    percent: float
    state: str  # "met" | "on_track" | "at_risk" | "missed"
    projected: dt.date | None


@dataclass(frozen=True)
class CheckinRow:
    """One check-in as the summary table shows it, with its phase's progress that evening."""

    date: dt.date
    path: str
    status: Status
    hours: float | None
    phase: str | None
    phase_percent: float | None
    backfill: bool = False  # 补卡: first committed well after its day


@dataclass(frozen=True)
class Snapshot:
    as_of: dt.date
    overall_percent: float
    phases: tuple[GroupProgress, ...]
    weeks: tuple[GroupProgress, ...]
    items: tuple[ItemState, ...]
    milestones: tuple[MilestoneProgress, ...]
    expected_percent: float
    days_ahead: int
    forecast_finish: dt.date | None
    forecast_range: tuple[dt.date, dt.date] | None
    pace_per_day: float  # percent of the plan per day over the last 14 days
    streak_current: int
    streak_longest: int
    never_miss_twice: int
    habit_strength: float
    hours_total: float
    hours_target: float | None
    hours_by_week: tuple[tuple[str, float, float | None], ...]  # (ISO week, hours, target)
    hours_by_phase: tuple[tuple[str, float], ...]
    checkins: tuple[CheckinRow, ...]
    today_planned: tuple[tuple[str, str], ...]  # (id, title)
    today_checked_in: bool
    today_rest_day: bool
    # For charts: percent of the plan planned by the end of each plan day, and done after each check-in day.
    planned_curve: tuple[tuple[dt.date, float], ...] = ()
    actual_curve: tuple[tuple[dt.date, float], ...] = ()
    streak_strict: int = 0  # the current streak without back-filled days
    backfills: int = 0  # back-filled check-ins up to the as-of date
    reviews: tuple[ReviewState, ...] = ()  # every solved problem and its review schedule

    @property
    def reviews_due(self) -> tuple[ReviewState, ...]:
        """Solved problems due for review on the as-of date, overdue first."""
        return tuple(sorted((r for r in self.reviews if r.due and r.due <= self.as_of), key=lambda r: (r.due, r.id)))

    @property
    def hours_this_week(self) -> float:
        week = iso_week(self.as_of)
        return next((h for w, h, _ in self.hours_by_week if w == week), 0.0)

    def count(self, state: Status) -> int:
        return sum(item.state == state for item in self.items)


# ---------------------------------------------------------------------------------------------
# item and task statuses, replayed in date order


class _Replay:
    """Applies check-ins one by one and keeps every item's done fraction current."""

    def __init__(self, plan: Plan) -> None:
        self.items = {item.id: item for item in plan.items}
        self.task_item = {task.id: item.id for item in plan.items for task in item.tasks}
        self.item_mark: dict[str, tuple[dt.date, Status]] = {}
        self.task_mark: dict[str, tuple[dt.date, Status]] = {}
        self.fraction: dict[str, float] = dict.fromkeys(self.items, 0.0)

    def apply(self, checkin: CheckIn) -> dict[str, float]:
        """Record one check-in; the change in done fraction of each item it touched."""
        touched: set[str] = set()
        for worked in checkin.items:
            if worked.id in self.items:
                self.item_mark[worked.id] = (checkin.date, worked.status)
                touched.add(worked.id)
        for worked in checkin.items:  # tasks after items: the task itself wins on the same day
            if worked.id in self.task_item:
                self.task_mark[worked.id] = (checkin.date, worked.status)
                touched.add(self.task_item[worked.id])
        deltas: dict[str, float] = {}
        for item_id in touched:
            before = self.fraction[item_id]
            self.fraction[item_id] = self._fraction(self.items[item_id])
            deltas[item_id] = self.fraction[item_id] - before
        return deltas

    def task_status(self, item: Item, task_id: str) -> Status | None:
        own, parent = self.task_mark.get(task_id), self.item_mark.get(item.id)
        if own is None or (parent is not None and parent[0] > own[0]):
            return parent[1] if parent else None
        return own[1]

    def _fraction(self, item: Item) -> float:
        if not item.tasks:
            mark = self.item_mark.get(item.id)
            return 1.0 if mark and mark[1] is Status.DONE else 0.0
        shares = _normalise([t.weight for t in item.tasks])
        return sum(s for t, s in zip(item.tasks, shares, strict=True) if self.task_status(item, t.id) is Status.DONE)

    def state(self, item: Item) -> Status:
        if self.fraction[item.id] >= 1 - EPSILON:
            return Status.DONE
        statuses = [self.item_mark.get(item.id, (None, None))[1]]
        statuses += [self.task_status(item, t.id) for t in item.tasks]
        if self.fraction[item.id] > EPSILON or Status.IN_PROGRESS in statuses:
            return Status.IN_PROGRESS
        return Status.NOT_STARTED

    def last_date(self, item: Item) -> dt.date | None:
        dates = [m[0] for m in [self.item_mark.get(item.id)] + [self.task_mark.get(t.id) for t in item.tasks] if m]
        return max(dates, default=None)


# ---------------------------------------------------------------------------------------------
# the snapshot


def _days(start: dt.date, end: dt.date) -> Iterable[dt.date]:
    day = start
    while day <= end:
        yield day
        day += ONE_DAY


def planned_curve(plan: Plan, shares: Shares) -> dict[dt.date, float]:
    """Cumulative planned share of the whole plan at the end of each day of the plan."""
    per_day: dict[dt.date, float] = defaultdict(float)
    for item in plan.items:
        for day in _days(item.start, item.end):
            per_day[day] += shares.in_plan[item.id] / item.days
    curve, total = {}, 0.0
    for day in _days(plan.start - ONE_DAY, plan.end):
        total += per_day.get(day, 0.0)
        curve[day] = total
    return curve


def compute(repository: Repository, as_of: dt.date) -> Snapshot:
    plan = repository.plan
    shares = Shares.of(plan)
    checkins = sorted((c for c in repository.checkins if c.date <= as_of), key=lambda c: (c.date, c.path))
    replay = _Replay(plan)
    done_share_on: dict[dt.date, float] = {}
    phase_done: dict[str, float] = defaultdict(float)
    rows: list[CheckinRow] = []
    overall = 0.0
    for checkin in checkins:
        for item_id, delta in replay.apply(checkin).items():
            overall += delta * shares.in_plan[item_id]
            phase_done[shares.phase_of[item_id]] += delta * shares.in_phase[item_id]
        done_share_on[checkin.date] = overall
        phase = _phase_of_checkin(checkin, plan, shares)
        rows.append(
            CheckinRow(
                checkin.date,
                checkin.path,
                checkin.status,
                checkin.hours,
                phase,
                percent(phase_done[phase]) if phase else None,
                checkin.path in repository.backfills,
            )
        )

    items = tuple(
        ItemState(i.id, i.title, replay.state(i), replay.fraction[i.id], replay.last_date(i)) for i in plan.items
    )
    state_of = {s.id: s for s in items}
    hours_phase = _hours_by_phase(checkins, plan, shares)
    phases = tuple(
        _group(p.id, p.title, p.items, shares.in_phase, state_of, hours_phase.get(p.id, 0.0)) for p in plan.phases
    )
    weeks = tuple(_group(w.id, w.title, w.items, shares.in_week, state_of, 0.0) for w in plan.weeks)

    curve = planned_curve(plan, shares)
    done_at = _history(done_share_on)
    actual = done_at(as_of)
    expected = curve[min(max(as_of, plan.start - ONE_DAY), plan.end)]
    elapsed = max((as_of - plan.start).days + 1, 1)  # a window reaches back no further than the start
    paces = {w: (actual - done_at(as_of - dt.timedelta(days=min(w, elapsed)))) / min(w, elapsed) for w in PACE_WINDOWS}
    forecast, forecast_range = _forecast(actual, paces, as_of, done_share_on)
    checkin_days = {c.date for c in checkins if c.status is not Status.NOT_DONE}
    checked_today = any(c.date == as_of for c in checkins)
    current, longest = _streaks(plan, checkin_days, as_of)
    on_time_days = {c.date for c in checkins if c.status is not Status.NOT_DONE and c.path not in repository.backfills}
    strict, _ = _streaks(plan, on_time_days, as_of)
    planned_days = [
        d
        for d in _days(plan.start, min(plan.end, as_of))
        if not plan.is_rest_day(d) and plan.items_on(d) and (d < as_of or d in checkin_days)
    ]
    hours_target = plan.hours_per_day * len(planned_days) if plan.hours_per_day else None
    return Snapshot(
        as_of=as_of,
        overall_percent=percent(actual),
        phases=phases,
        weeks=weeks,
        items=items,
        milestones=tuple(_milestone(m, plan, shares, replay, as_of, paces[14]) for m in plan.milestones),
        expected_percent=percent(expected),
        days_ahead=_days_ahead(curve, actual, as_of),
        forecast_finish=forecast,
        forecast_range=forecast_range,
        pace_per_day=round(max(paces[14], 0.0) * 100, 2),
        streak_current=current,
        streak_longest=longest,
        never_miss_twice=_never_miss_twice(planned_days, checkin_days),
        habit_strength=percent(_habit(planned_days, checkin_days)),
        hours_total=sum(c.hours or 0.0 for c in checkins),
        hours_target=hours_target,
        hours_by_week=_hours_by_week(plan, checkins, planned_days),
        hours_by_phase=tuple(sorted(hours_phase.items())),
        checkins=tuple(rows),
        today_planned=tuple((i.id, i.title) for i in plan.items_on(as_of)),
        today_checked_in=checked_today,
        today_rest_day=plan.is_rest_day(as_of),
        planned_curve=tuple((d, round(v * 100, 2)) for d, v in sorted(curve.items())),
        actual_curve=tuple((d, round(v * 100, 2)) for d, v in sorted(done_share_on.items())),
        streak_strict=strict,
        backfills=sum(c.path in repository.backfills for c in checkins),
        reviews=schedule(checkins, plan.review_intervals, as_of),
    )


def _phase_of_checkin(checkin: CheckIn, plan: Plan, shares: Shares) -> str | None:
    """The phase of the first item or task it names, else the phase planned on its date."""
    for worked in checkin.items:
        if worked.id in shares.phase_of:
            return shares.phase_of[worked.id]
    planned = plan.items_on(checkin.date)
    return shares.phase_of[planned[0].id] if planned else None


def _group(
    ident: str, title: str, items: Sequence[Item], share: dict[str, float], state_of: dict[str, ItemState], hours: float
) -> GroupProgress:
    local = _normalise([share[i.id] for i in items])
    done_fraction = sum(s * state_of[i.id].fraction for i, s in zip(items, local, strict=True))
    states = {state_of[i.id].state for i in items}
    if items and states == {Status.DONE}:
        state = Status.DONE
    elif states - {Status.NOT_STARTED}:
        state = Status.IN_PROGRESS
    else:
        state = Status.NOT_STARTED
    return GroupProgress(
        ident,
        title,
        percent(done_fraction),
        state,
        sum(state_of[i.id].state is Status.DONE for i in items),
        len(items),
        hours,
    )


def _history(points: dict[dt.date, float]) -> Callable[[dt.date], float]:
    """done share at the end of any day: the value of the latest check-in on or before it."""
    ordered = sorted(points.items())

    def at(day: dt.date) -> float:
        value = 0.0
        for date, share in ordered:
            if date > day:
                break
            value = share
        return value

    return at


def _forecast(
    actual: float, paces: dict[int, float], as_of: dt.date, done_share_on: dict[dt.date, float]
) -> tuple[dt.date | None, tuple[dt.date, dt.date] | None]:
    if actual >= 1 - EPSILON:
        finished = min((d for d, s in done_share_on.items() if s >= 1 - EPSILON), default=as_of)
        return finished, (finished, finished)
    dates = {
        w: as_of + dt.timedelta(days=math.ceil((1 - actual) / pace - EPSILON))
        for w, pace in paces.items()
        if pace > EPSILON
    }
    if 14 not in dates:
        return None, None
    return dates[14], (min(dates.values()), max(dates.values()))


def _days_ahead(curve: dict[dt.date, float], actual: float, as_of: dt.date) -> int:
    reached = max(day for day, planned in curve.items() if planned <= actual + EPSILON)
    ahead = (reached - as_of).days
    return max(ahead, 0) if actual >= 1 - EPSILON else ahead


def _streaks(plan: Plan, checkin_days: set[dt.date], as_of: dt.date) -> tuple[int, int]:
    if not checkin_days:
        return 0, 0
    longest = run = 0
    for day in _days(min(checkin_days), as_of):
        if plan.is_rest_day(day):
            continue
        run = run + 1 if day in checkin_days else 0
        longest = max(longest, run)
    current = 0
    day = as_of if as_of in checkin_days else as_of - ONE_DAY
    while day >= min(checkin_days):
        if plan.is_rest_day(day):
            day -= ONE_DAY
            continue
        if day not in checkin_days:
            break
        current += 1
        day -= ONE_DAY
    return current, longest


def _never_miss_twice(planned_days: list[dt.date], checkin_days: set[dt.date]) -> int:
    run = 0
    previous_missed = False
    for day in planned_days:
        missed = day not in checkin_days
        run = 0 if missed and previous_missed else run + 1
        previous_missed = missed
    return run


def _habit(planned_days: list[dt.date], checkin_days: set[dt.date]) -> float:
    score = 0.0
    for day in planned_days:
        score = score * HABIT_MULTIPLIER + (1.0 if day in checkin_days else 0.0) * (1 - HABIT_MULTIPLIER)
    return score


def _milestone(
    milestone: Milestone, plan: Plan, shares: Shares, replay: _Replay, as_of: dt.date, pace: float
) -> MilestoneProgress:
    covered: dict[str, Item] = {}
    for phase in plan.phases:
        for week in phase.weeks:
            for item in week.items:
                ids = {phase.id, week.id, item.id} | {t.id for t in item.tasks}
                if ids & set(milestone.covers):
                    covered[item.id] = item
    done = total = 0
    for item in covered.values():
        tasks = [
            t
            for t in item.tasks
            if {t.id, item.id} & set(milestone.covers) or not ({t.id for t in item.tasks} & set(milestone.covers))
        ]
        if tasks:
            total += len(tasks)
            done += sum(replay.task_status(item, t.id) is Status.DONE for t in tasks)
        else:
            total += 1
            done += replay.fraction[item.id] >= 1 - EPSILON
    last_end = max((i.end for i in covered.values()), default=milestone.due)
    remaining = sum(shares.in_plan[i.id] * (1 - replay.fraction[i.id]) for i in plan.items if i.end <= last_end)
    projected = None
    if done == total:
        projected = max((replay.last_date(i) or as_of for i in covered.values()), default=as_of)
    elif pace > EPSILON:
        projected = as_of + dt.timedelta(days=math.ceil(remaining / pace - EPSILON))
    if done == total:
        state = "met"
    elif as_of > milestone.due:
        state = "missed"
    elif projected is None or projected > milestone.due:
        state = "at_risk"
    else:
        state = "on_track"
    return MilestoneProgress(
        milestone.id,
        milestone.title,
        milestone.due,
        done,
        total,
        percent(done / total) if total else 0.0,
        state,
        projected,
    )


def _hours_by_phase(checkins: Sequence[CheckIn], plan: Plan, shares: Shares) -> dict[str, float]:
    result: dict[str, float] = defaultdict(float)
    for checkin in checkins:
        phase = _phase_of_checkin(checkin, plan, shares)
        result[phase or "unplanned"] += checkin.hours or 0.0
    return dict(result)


def _hours_by_week(
    plan: Plan, checkins: Sequence[CheckIn], planned_days: Sequence[dt.date]
) -> tuple[tuple[str, float, float | None], ...]:
    hours: dict[str, float] = defaultdict(float)
    target: dict[str, float] = defaultdict(float)
    for checkin in checkins:
        hours[iso_week(checkin.date)] += checkin.hours or 0.0
    for day in planned_days:
        target[iso_week(day)] += plan.hours_per_day or 0.0
    weeks = sorted(set(hours) | set(target))
    return tuple((w, hours.get(w, 0.0), target.get(w, 0.0) if plan.hours_per_day else None) for w in weeks)


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def snapshot_of(result: LoadResult, today: dt.date | None) -> Snapshot | None:
    """The loaded repository's snapshot as of `today` (default: today in the plan's timezone).

    None when the files have errors: figures computed from them would mislead.
    """
    if result.errors or result.repository is None:
        return None
    repository = result.repository
    return compute(repository, decide_as_of(today, repository.plan.timezone))


def without_checkins(repository: Repository, paths: Iterable[str], as_of: dt.date) -> Snapshot:
    """The snapshot as it was before these check-ins: the "before" of a pull request that adds them."""
    dropped = set(paths)
    return compute(replace(repository, checkins=tuple(c for c in repository.checkins if c.path not in dropped)), as_of)
