"""The progress engine: a plan, its check-ins and an as-of date in; a snapshot of figures out.

Pure: no I/O and no clock. Check-ins dated after the as-of date are ignored, so a snapshot for
any past day is what the learner would have seen on that day.

How the figures are defined (the README's "Progress" section says the same for learners):

- Every item gets an absolute *share* of the plan: phase share × week share × item share. A
  weight given in plan.yaml is a share among siblings; a phase or week without one weighs the
  sum of its children. A group whose weights are all 0 splits equally *within* itself (so its
  own progress still reads 0–100%) but adds nothing to its parent. Every percentage of a phase,
  week, milestone or the plan is such a weighted done share; counts of items are only counts.
- Credit only for work done. A check-in naming items or tasks sets their status (the latest
  check-in decides; a task itself beats its item on the same day); naming an item done completes
  its tasks. A `done` check-in that names nothing earns the work planned *for its day*: 1/days of
  each item planned that day (a lecture spanning a week earns 1/7 a day). Day credit never
  finishes an item with tasks: it stops one day short, the rest comes from the tasks or from
  naming the item. `credit: false` check-ins earn nothing.
- The planned curve P(t): t counts plan days from the start of the plan's first day (t = k at
  the end of day k); each item's share is spread evenly over its days, linearly within a day.
- The as-of day is expected only once it has a check-in: the first morning is on schedule.
- Position on the plan: the point t where P(t) equals the done share. Where the curve is flat
  (rest days, weeks that weigh nothing) many points qualify; the one nearest the expected point
  is taken, so a learner exactly on plan is never "ahead" across a flat stretch.
- Days ahead: position minus the expected point, rounded to whole days.
- Pace: plan days gained per calendar day over the last 14 days (7 and 28 for the range), from
  the positions then and now; a window reaches back no further than the plan's start. Forecast
  finish: where that pace reaches the plan's last planned work. On plan → the plan's end date;
  half the pace → twice the remaining planned time. Before any day has passed the plan's own
  pace is assumed; no forecast when the pace is zero. Milestone projections use the same model.
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
- Hours: only check-ins that recorded hours count; the snapshot says how many did.
- Weeks are the plan's weeks (dates from plan.yaml); days outside every plan week fall back to
  ISO calendar weeks.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, NamedTuple

from studylog.clock import as_of as decide_as_of
from studylog.model import CheckIn, Item, Milestone, Plan, Repository, Status, Week
from studylog.review import ReviewState
from studylog.review import schedule as review_schedule

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


class Shares(NamedTuple):
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


class TaskState(NamedTuple):
    id: str
    title: str
    state: Status  # DONE, IN_PROGRESS or NOT_STARTED
    done_date: dt.date | None
    note: str


class ItemState(NamedTuple):
    id: str
    title: str
    state: Status  # DONE, IN_PROGRESS or NOT_STARTED
    fraction: float  # done share of the item, 0–1 (tasks and day credit give partial credit)
    last_date: dt.date | None  # the latest check-in that named it or one of its tasks, or credited it
    done_date: dt.date | None = None  # the day it was finished
    tasks: tuple[TaskState, ...] = ()


class GroupProgress(NamedTuple):
    id: str
    title: str
    percent: float  # weighted done share
    state: Status  # DONE, IN_PROGRESS or NOT_STARTED
    items_done: int  # a count, never a percentage
    items_total: int
    hours: float


class MilestoneProgress(NamedTuple):
    id: str
    title: str
    due: dt.date
    done: int  # a count of units: tasks of covered items that have tasks, otherwise the items themselves
    total: int
    percent: float  # weighted done share of the covered work, like every other percentage
    state: str  # "met" | "on_track" | "at_risk" | "missed"
    projected: dt.date | None
    unit: str = "items"  # "tasks" when every unit counted is a task


class CheckinRow(NamedTuple):
    """One check-in as the summary table shows it, with its phase's progress that evening."""

    date: dt.date
    path: str
    status: Status
    hours: float | None
    phase: str | None
    phase_percent: float | None
    backfill: bool = False  # 补卡: first committed well after its day


class WeekHours(NamedTuple):
    id: str  # the plan week's id, or an ISO week (2026-W02) for days outside every plan week
    number: int | None  # the plan week's number (第1周); None for an ISO week
    start: dt.date
    end: dt.date
    hours: float
    target: float | None
    recorded_days: int  # check-ins of the week that recorded hours


class Snapshot(NamedTuple):
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
    pace: float | None  # plan days per calendar day over the forecast window (1.0: the plan's pace)
    pace_window: int  # days the pace is measured over (14, or fewer near the start); 0: none yet
    forecast_basis: str  # "pace" | "plan" (no day has passed yet) | "finished" | "none" (no progress)
    streak_current: int
    streak_longest: int
    never_miss_twice: int
    habit_strength: float
    hours_total: float
    hours_target: float | None
    hours_recorded_days: int  # check-ins that recorded hours; the others are unknown, not zero
    hours_by_week: tuple[WeekHours, ...]
    hours_by_phase: tuple[tuple[str, float], ...]
    checkins: tuple[CheckinRow, ...]
    today_planned: tuple[tuple[str, str], ...]  # (id, title)
    today_checked_in: bool
    today_rest_day: bool
    plan_end: dt.date
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
    def this_week(self) -> WeekHours | None:
        """The plan week (or, outside the plan's weeks, the ISO week) that holds the as-of date."""
        return next((w for w in self.hours_by_week if w.start <= self.as_of <= w.end), None)

    @property
    def hours_this_week(self) -> float:
        week = self.this_week
        return week.hours if week else 0.0

    def items_in(self, state: Status) -> int:
        return sum(item.state == state for item in self.items)

    def count(self, value: object) -> int:
        """Not `tuple.count`, which would silently answer 0: this was the items in a state before
        the snapshot became a named tuple, so a caller that still asks gets an error naming the new
        method."""
        raise TypeError("Snapshot.count is gone: the items in a state are Snapshot.items_in(state)")


# ---------------------------------------------------------------------------------------------
# item and task statuses, replayed in date order


class _Replay:
    """Applies check-ins one by one and keeps every item's done fraction current."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.items = {item.id: item for item in plan.items}
        self.task_item = {task.id: item.id for item in plan.items for task in item.tasks}
        self.item_mark: dict[str, tuple[dt.date, Status]] = {}
        self.task_mark: dict[str, tuple[dt.date, Status]] = {}
        self.credit_days: dict[str, set[dt.date]] = defaultdict(set)  # day credit from check-ins naming nothing
        self.started: dict[str, dt.date] = {}  # in-progress check-ins naming nothing: the item is started
        self.fraction: dict[str, float] = dict.fromkeys(self.items, 0.0)
        self.done_date: dict[str, dt.date] = {}

    def apply(self, checkin: CheckIn) -> dict[str, float]:
        """Record one check-in; the change in done fraction of each item it touched."""
        touched: set[str] = set()
        if not checkin.credit:
            return {}
        if not checkin.items_given:
            for item in self.plan.items_on(checkin.date):
                if checkin.status is Status.DONE:
                    self.credit_days[item.id].add(checkin.date)
                    touched.add(item.id)
                elif checkin.status is Status.IN_PROGRESS:
                    self.started[item.id] = checkin.date
        for worked in checkin.items:
            if worked.id in self.items:
                self.item_mark[worked.id] = (checkin.date, worked.status)
                self.credit_days.pop(worked.id, None)  # an explicit status replaces day credit
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
            if self.fraction[item_id] >= 1 - EPSILON:
                self.done_date.setdefault(item_id, checkin.date)
            else:
                self.done_date.pop(item_id, None)
        return deltas

    def task_mark_of(self, item: Item, task_id: str) -> tuple[dt.date, Status] | None:
        own, parent = self.task_mark.get(task_id), self.item_mark.get(item.id)
        if own is None or (parent is not None and parent[0] > own[0]):
            return parent
        return own

    def task_status(self, item: Item, task_id: str) -> Status | None:
        mark = self.task_mark_of(item, task_id)
        return mark[1] if mark else None

    def _fraction(self, item: Item) -> float:
        credit = len(self.credit_days.get(item.id, ())) / item.days
        if not item.tasks:
            mark = self.item_mark.get(item.id)
            return 1.0 if mark and mark[1] is Status.DONE else min(credit, 1.0)
        shares = _normalise([t.weight for t in item.tasks])
        by_tasks = sum(
            s for t, s in zip(item.tasks, shares, strict=True) if self.task_status(item, t.id) is Status.DONE
        )
        # Day credit stops a day short: an item with tasks is finished by its tasks or by naming it.
        return max(by_tasks, min(credit, (item.days - 1) / item.days))

    def state(self, item: Item) -> Status:
        if self.fraction[item.id] >= 1 - EPSILON:
            return Status.DONE
        statuses = [self.item_mark.get(item.id, (None, None))[1]]
        statuses += [self.task_status(item, t.id) for t in item.tasks]
        if self.fraction[item.id] > EPSILON or Status.IN_PROGRESS in statuses or item.id in self.started:
            return Status.IN_PROGRESS
        return Status.NOT_STARTED

    def last_date(self, item: Item) -> dt.date | None:
        dates = [m[0] for m in [self.item_mark.get(item.id)] + [self.task_mark.get(t.id) for t in item.tasks] if m]
        dates += list(self.credit_days.get(item.id, ()))
        if item.id in self.started:
            dates.append(self.started[item.id])
        return max(dates, default=None)

    def item_state(self, item: Item) -> ItemState:
        tasks = []
        for task in item.tasks:
            mark = self.task_mark_of(item, task.id)
            state = mark[1] if mark and mark[1] in (Status.DONE, Status.IN_PROGRESS) else Status.NOT_STARTED
            tasks.append(
                TaskState(task.id, task.title, state, mark[0] if mark and state is Status.DONE else None, task.note)
            )
        return ItemState(
            item.id,
            item.title,
            self.state(item),
            self.fraction[item.id],
            self.last_date(item),
            self.done_date.get(item.id),
            tuple(tasks),
        )


# ---------------------------------------------------------------------------------------------
# the planned curve and positions on it


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


class Curve:
    """P(t): the planned share at plan time t (t = k at the end of the plan's day k), linear within a day."""

    def __init__(self, plan: Plan, shares: Shares) -> None:
        by_day = planned_curve(plan, shares)
        self.start = plan.start
        self.cum = [by_day[day] for day in _days(plan.start - ONE_DAY, plan.end)]  # cum[k]: end of day k
        self.length = len(self.cum) - 1
        self.total = self.cum[-1]
        # Where the plan's last planned work ends: the finish line of a forecast.
        self.finish = self.lowest(self.total)

    def t_of(self, day: dt.date, *, end: bool) -> int:
        """Plan time at the start (or the end) of a calendar day; may fall outside the plan."""
        return (day - self.start).days + (1 if end else 0)

    def date_of(self, t: float) -> dt.date:
        """The calendar day during which plan time t is reached (t = k: the end of day k)."""
        return self.start + dt.timedelta(days=max(math.ceil(t - EPSILON), 1) - 1)

    def at(self, t: float) -> float:
        if t <= 0:
            return 0.0
        if t >= self.length:
            return self.total
        k = math.floor(t)
        return self.cum[k] + (self.cum[min(k + 1, self.length)] - self.cum[k]) * (t - k)

    def lowest(self, share: float) -> float:
        """The first t where the plan reaches `share`."""
        for k, value in enumerate(self.cum):
            if value >= share - EPSILON:
                if k == 0:
                    return 0.0
                step = value - self.cum[k - 1]
                return k - 1 + min(max((share - self.cum[k - 1]) / step, 0.0), 1.0)
        return float(self.length)

    def highest(self, share: float) -> float:
        """The last t where the plan has not gone past `share` (infinite once everything is done)."""
        if share >= self.total - EPSILON:
            return math.inf
        for k in range(self.length, -1, -1):
            if self.cum[k] <= share + EPSILON:
                step = self.cum[k + 1] - self.cum[k]
                return k + min(max((share - self.cum[k]) / step, 0.0), 1.0)
        return 0.0

    def position(self, share: float, near: float) -> float:
        """Where on the plan a done share sits: of all points with that planned share, the one nearest `near`."""
        return min(max(near, self.lowest(share)), self.highest(share))


# ---------------------------------------------------------------------------------------------
# the snapshot


class _Schedule(NamedTuple):
    expected: float
    days_ahead: int
    pace: float | None
    window: int
    forecast: dt.date | None
    forecast_range: tuple[dt.date, dt.date] | None
    basis: str
    position: float
    t_now: int


def _schedule(
    curve: Curve,
    actual: float,
    as_of: dt.date,
    counted: bool,
    done_at: Callable[[dt.date], float],
    finished_on: dt.date | None,
) -> _Schedule:
    t_now = curve.t_of(as_of, end=counted)
    expected = curve.at(t_now)
    position = curve.position(actual, t_now)
    ahead = position - t_now
    days_ahead = 0 if math.isinf(ahead) else math.floor(ahead + 0.5 + EPSILON)
    if actual >= curve.total - EPSILON and finished_on is not None:
        days_ahead = max(days_ahead, 0)
        return _Schedule(
            expected, days_ahead, None, 0, finished_on, (finished_on, finished_on), "finished", position, t_now
        )
    paces: dict[int, float] = {}
    windows: dict[int, int] = {}
    for w in PACE_WINDOWS:
        t_then = max(t_now - w, 0)
        span = t_now - t_then
        if span <= 0:
            continue
        then_share = done_at(curve.start + dt.timedelta(days=t_then - 1)) if t_then > 0 else 0.0
        then = curve.position(then_share, t_then)
        paces[w] = (position - then) / span
        windows[w] = span
    if 14 not in paces:  # no day has passed yet: assume the plan's own pace
        return _Schedule(expected, days_ahead, 1.0, 0, curve.date_of(curve.finish), None, "plan", position, t_now)
    dates = {w: curve.date_of(t_now + max(curve.finish - position, 0.0) / p) for w, p in paces.items() if p > EPSILON}
    if 14 not in dates:
        return _Schedule(expected, days_ahead, paces[14], windows[14], None, None, "none", position, t_now)
    rng = (min(dates.values()), max(dates.values()))
    return _Schedule(expected, days_ahead, paces[14], windows[14], dates[14], rng, "pace", position, t_now)


def compute(repository: Repository, as_of: dt.date) -> Snapshot:
    plan = repository.plan
    shares = Shares.of(plan)
    index = _cover_index(plan)
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

    items = tuple(replay.item_state(i) for i in plan.items)
    state_of = {s.id: s for s in items}
    hours_phase = _hours_by_phase(checkins, plan, shares)
    phases = tuple(
        _group(p.id, p.title, p.items, shares.in_phase, state_of, hours_phase.get(p.id, 0.0)) for p in plan.phases
    )
    weeks = tuple(_group(w.id, w.title, w.items, shares.in_week, state_of, 0.0) for w in plan.weeks)

    curve = Curve(plan, shares)
    done_at = _history(done_share_on)
    actual = done_at(as_of)
    checked_today = any(c.date == as_of for c in checkins)
    finished_on = min((d for d, v in done_share_on.items() if v >= curve.total - EPSILON), default=None)
    schedule = _schedule(curve, actual, as_of, checked_today, done_at, finished_on if actual > EPSILON else None)
    checkin_days = {c.date for c in checkins if c.status is not Status.NOT_DONE}
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
        milestones=tuple(_milestone(m, plan, shares, replay, as_of, curve, schedule, index) for m in plan.milestones),
        expected_percent=percent(schedule.expected),
        days_ahead=schedule.days_ahead,
        forecast_finish=schedule.forecast,
        forecast_range=schedule.forecast_range,
        pace=None if schedule.pace is None else round(schedule.pace, 2),
        pace_window=schedule.window,
        forecast_basis=schedule.basis,
        streak_current=current,
        streak_longest=longest,
        never_miss_twice=_never_miss_twice(planned_days, checkin_days),
        habit_strength=percent(_habit(planned_days, checkin_days)),
        hours_total=sum(c.hours or 0.0 for c in checkins),
        hours_target=hours_target,
        hours_recorded_days=sum(c.hours is not None for c in checkins),
        hours_by_week=_hours_by_week(plan, checkins, planned_days),
        hours_by_phase=tuple(sorted(hours_phase.items())),
        checkins=tuple(rows),
        today_planned=tuple((i.id, i.title) for i in plan.items_on(as_of)),
        today_checked_in=checked_today,
        today_rest_day=plan.is_rest_day(as_of),
        plan_end=plan.end,
        planned_curve=tuple((d, round(v * 100, 2)) for d, v in sorted(planned_curve(plan, shares).items())),
        actual_curve=tuple((d, round(v * 100, 2)) for d, v in sorted(done_share_on.items())),
        streak_strict=strict,
        backfills=sum(c.path in repository.backfills for c in checkins),
        reviews=review_schedule(checkins, plan.review_intervals, as_of),
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


def _streaks(plan: Plan, checkin_days: set[dt.date], as_of: dt.date) -> tuple[int, int]:
    if not checkin_days:
        return 0, 0
    longest = run = 0
    first = min(checkin_days)  # once: in the loop's test below it made a long current streak quadratic
    for day in _days(first, as_of):
        if plan.is_rest_day(day):
            continue
        run = run + 1 if day in checkin_days else 0
        longest = max(longest, run)
    current = 0
    day = as_of if as_of in checkin_days else as_of - ONE_DAY
    while day >= first:
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


def _cover_index(plan: Plan) -> dict[str, list[int]]:
    """Each phase, week, item and task id → the positions in `plan.items` of the items it names."""
    index: dict[str, list[int]] = defaultdict(list)
    position = 0
    for phase in plan.phases:
        for week in phase.weeks:
            for item in week.items:
                for ident in dict.fromkeys([phase.id, week.id, item.id, *(t.id for t in item.tasks)]):
                    index[ident].append(position)
                position += 1
    return index


def _milestone(
    milestone: Milestone,
    plan: Plan,
    shares: Shares,
    replay: _Replay,
    as_of: dt.date,
    curve: Curve,
    sched: _Schedule,
    index: dict[str, list[int]],
) -> MilestoneProgress:
    covers = set(milestone.covers)
    # The items a milestone covers, in plan order: found through the index, not by scanning the plan
    # once per milestone (a plan with 1,000 milestones spent half a second here).
    positions = sorted({n for ident in covers for n in index.get(ident, ())})
    covered: dict[str, Item] = {plan.items[n].id: plan.items[n] for n in positions}
    done = total = 0
    units: set[str] = set()
    weight_done = weight_total = 0.0
    for item in covered.values():
        named = {t.id for t in item.tasks} & covers
        whole = item.id in covers or not named
        tasks = [t for t in item.tasks if whole or t.id in named]
        if tasks:
            units.add("tasks")
            total += len(tasks)
            done += sum(replay.task_status(item, t.id) is Status.DONE for t in tasks)
        else:
            units.add("items")
            total += 1
            done += replay.fraction[item.id] >= 1 - EPSILON
        # The weighted share: a whole item counts with its done fraction, named tasks with their shares.
        item_share = shares.in_plan[item.id] or EPSILON  # zero-weight items still count, equally
        if whole:
            weight_total += item_share
            weight_done += item_share * replay.fraction[item.id]
        else:
            task_shares = dict(zip((t.id for t in item.tasks), _normalise([t.weight for t in item.tasks]), strict=True))
            for task in tasks:
                weight_total += item_share * task_shares[task.id]
                if replay.task_status(item, task.id) is Status.DONE:
                    weight_done += item_share * task_shares[task.id]
    met = total > 0 and done == total
    projected = None
    if met:
        projected = max((replay.last_date(i) or as_of for i in covered.values()), default=as_of)
    elif sched.pace is not None and sched.pace > EPSILON:
        # Same model as the forecast: the milestone's point on the plan, reached at the current pace.
        last_end = max((i.end for i in covered.values()), default=milestone.due)
        target = curve.t_of(last_end, end=True)
        projected = curve.date_of(sched.t_now + max(target - sched.position, 0.0) / sched.pace)
        projected = max(projected, as_of)
    if met:
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
        percent(weight_done / weight_total) if weight_total > 0 else 0.0,
        state,
        projected,
        "tasks" if units == {"tasks"} else "items",
    )


def _hours_by_phase(checkins: Sequence[CheckIn], plan: Plan, shares: Shares) -> dict[str, float]:
    result: dict[str, float] = defaultdict(float)
    for checkin in checkins:
        phase = _phase_of_checkin(checkin, plan, shares)
        result[phase or "unplanned"] += checkin.hours or 0.0
    return dict(result)


def week_key(plan: Plan, day: dt.date) -> tuple[str, int | None, dt.date, dt.date]:
    """(id, number, first day, last day) of the plan week holding `day`, else of its ISO calendar week."""
    week: Week | None = plan.week_of(day)
    if week is not None:
        return week.id, week.number, week.start, week.end
    monday = day - dt.timedelta(days=day.weekday())
    return iso_week(day), None, monday, monday + 6 * ONE_DAY


def _hours_by_week(plan: Plan, checkins: Sequence[CheckIn], planned_days: Sequence[dt.date]) -> tuple[WeekHours, ...]:
    hours: dict[tuple[str, int | None, dt.date, dt.date], float] = defaultdict(float)
    recorded: dict[tuple[str, int | None, dt.date, dt.date], int] = defaultdict(int)
    target: dict[tuple[str, int | None, dt.date, dt.date], float] = defaultdict(float)
    for checkin in checkins:
        key = week_key(plan, checkin.date)
        hours[key] += checkin.hours or 0.0
        recorded[key] += checkin.hours is not None
    for day in planned_days:
        target[week_key(plan, day)] += plan.hours_per_day or 0.0
    keys = sorted(set(hours) | set(target), key=lambda k: (k[2], k[0]))
    return tuple(
        WeekHours(
            k[0],
            k[1],
            k[2],
            k[3],
            hours.get(k, 0.0),
            target.get(k, 0.0) if plan.hours_per_day else None,
            recorded.get(k, 0),
        )
        for k in keys
    )


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
    return compute(repository, decide_as_of(today, repository.plan.timezone, repository.plan.day_starts_at))


def without_checkins(repository: Repository, paths: Iterable[str], as_of: dt.date) -> Snapshot:
    """The snapshot as it was before these check-ins: the "before" of a pull request that adds them."""
    dropped = set(paths)
    return compute(repository._replace(checkins=tuple(c for c in repository.checkins if c.path not in dropped)), as_of)
