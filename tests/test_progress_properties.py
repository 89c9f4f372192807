"""Invariants of the progress engine over arbitrary check-in histories (hypothesis)."""

from __future__ import annotations

import datetime as dt
from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA
from studylog.diagnostics import Span
from studylog.load.files import parse_plan
from studylog.model import CheckIn, Plan, Repository, Status, WorkedOn
from studylog.progress import Snapshot, compute


def _fixture_plan() -> Plan:
    plan, problems = parse_plan("plan.yaml", (DATA / "plan.yaml").read_bytes())
    assert plan is not None and problems == []
    return plan


PLAN = _fixture_plan()
IDS = [i.id for i in PLAN.items] + [t.id for i in PLAN.items for t in i.tasks]
START = PLAN.start
AS_OF = START + dt.timedelta(days=30)

pytestmark = [pytest.mark.slow]  # hundreds of histories each


def checkin(offset: int, status: Status, ids: list[str]) -> CheckIn:
    day = START + dt.timedelta(days=offset)
    span = Span(f"checkins/{day}.yaml", 1, 1)
    return CheckIn(
        path=span.path,
        date=day,
        status=status,
        hours=1.0,
        items=tuple(WorkedOn(i, status, span) for i in ids),
        items_given=True,
        summary="",
        problems=(),
        links=(),
        done=(),
        insights=(),
        next=(),
        resources=(),
        notes="",
        span=span,
        spans={"date": span},
    )


histories = st.dictionaries(
    st.integers(-3, 30),
    st.tuples(st.sampled_from(list(Status)), st.lists(st.sampled_from(IDS), max_size=3)),
    max_size=20,
).map(lambda days: [checkin(o, s, ids) for o, (s, ids) in sorted(days.items())])


def snap(checkins: list[CheckIn], as_of: dt.date = AS_OF) -> Snapshot:
    return compute(Repository(".", PLAN, tuple(checkins)), as_of)


@settings(max_examples=200, deadline=None)
@given(histories)
def test_percentages_are_within_0_and_100(checkins: list[CheckIn]) -> None:
    s = snap(checkins)
    values = [s.overall_percent, s.expected_percent, s.habit_strength]
    values += [p.percent for p in s.phases] + [w.percent for w in s.weeks] + [m.percent for m in s.milestones]
    values += [r.phase_percent for r in s.checkins if r.phase_percent is not None]
    assert all(0.0 <= v <= 100.0 for v in values)
    assert s.streak_current <= s.streak_longest
    assert s.items_in(Status.DONE) + s.items_in(Status.IN_PROGRESS) + s.items_in(Status.NOT_STARTED) == len(PLAN.items)


@settings(max_examples=200, deadline=None)
@given(st.sets(st.sampled_from(IDS)), st.sets(st.sampled_from(IDS)))
def test_more_completed_work_never_lowers_progress(some: set[str], more: set[str]) -> None:
    fewer = [checkin(n, Status.DONE, [i]) for n, i in enumerate(sorted(some))]
    extra = [checkin(n, Status.DONE, [i]) for n, i in enumerate(sorted(some | more))]
    a, b = snap(fewer), snap(extra)
    assert a.overall_percent <= b.overall_percent
    assert all(p.percent <= q.percent for p, q in zip(a.phases, b.phases, strict=True))
    assert a.days_ahead <= b.days_ahead


@settings(max_examples=200, deadline=None)
@given(histories, st.integers(-3, 30), st.sampled_from([Status.DONE, Status.IN_PROGRESS]))
def test_adding_a_checkin_never_lowers_the_longest_streak(checkins: list[CheckIn], offset: int, status: Status) -> None:
    day = START + dt.timedelta(days=offset)
    others = [c for c in checkins if c.date != day]
    assert snap(others).streak_longest <= snap([*others, checkin(offset, status, [])]).streak_longest


@settings(max_examples=100, deadline=None)
@given(histories, st.randoms(use_true_random=False))
def test_order_of_files_does_not_matter(checkins: list[CheckIn], random: Random) -> None:
    shuffled = list(checkins)
    random.shuffle(shuffled)
    assert snap(checkins) == snap(shuffled)
