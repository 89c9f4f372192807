"""Synthetic learners on three plan shapes, at the plan's pace, half of it and double it.

A learner at rate r finishes, by the end of calendar day c, every unit the plan finishes by plan
day r·c: an item without tasks at the end of its last day, task j of n of an item spread evenly
over its days (a lecture's week). Each learner checks in every day, naming what it finished.

The expected figures below come from the plan's shape alone, worked out by hand:

- On plan (r = 1): 0 days ahead, the forecast is the plan's last day.
- Half pace at day c = 2k: the learner is where the plan was at day k → k − c = −k days ahead;
  14 days of pace cover 7 plan days (0.5), so the remaining T − k plan days take 2(T − k)
  calendar days: finish at c + 2(T − k) = 2T, i.e. plan start + 2T − 1 days.
- Double pace at day c: at plan day 2c → +c days ahead; pace 2 → finish at c + (T − 2c)/2 = T/2.

Dates are chosen where those hand figures hold exactly: week ends for the lecture plan (a lecture's
tasks finish through its week), and away from points where a fast or slow learner's done share
sits at the start of a flat stretch of the plan (there the nearest point of the stretch is taken).
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import DATA, REPO_ROOT, write_repo
from studylog.check.repository import load_repository
from studylog.load.files import parse_plan
from studylog.model import Plan, Repository
from studylog.progress import Snapshot, compute

PLANS = {
    "repo": REPO_ROOT / "plan.yaml",  # 84 days, no rest days, week 10 (days 64–70) weighs nothing
    "cs336": REPO_ROOT / "examples/cs336/plan.yaml",  # 84 days, one or two lectures with tasks a week
    "wednesday": DATA / "plans/wednesday.yaml",  # 28 days from a Wednesday, Sundays rest, w3 weighs 0
}
RATES = {"on_plan": 1.0, "half": 0.5, "double": 2.0}


def units(plan: Plan) -> list[tuple[float, str]]:
    """(plan day by whose end it is finished, id) for every item without tasks and every task."""
    found = []
    for item in plan.items:
        first = (item.start - plan.start).days
        if item.tasks:
            found += [(first + (j + 1) * item.days / len(item.tasks), t.id) for j, t in enumerate(item.tasks)]
        else:
            found.append((first + item.days, item.id))
    return found


def learner(plan: Plan, rate: float, days: int) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    named: set[str] = set()
    todo = units(plan)
    for c in range(1, days + 1):
        day = plan.start + dt.timedelta(days=c - 1)
        due = [ident for point, ident in todo if point <= rate * c + 1e-9 and ident not in named]
        named.update(due)
        files[f"checkins/{day.year}/{day}.yaml"] = f"date: {day}\nstatus: done\nhours: 2\nitems: [{', '.join(due)}]\n"
    return files


_LOADED: dict[tuple[str, str], Repository] = {}


def repository(tmp_path_factory: pytest.TempPathFactory, shape: str, pace: str) -> Repository:
    if (shape, pace) not in _LOADED:
        text = PLANS[shape].read_text(encoding="utf-8")
        plan, problems = parse_plan("plan.yaml", text.encode("utf-8"))
        assert plan is not None and not problems
        root = write_repo(tmp_path_factory.mktemp(f"{shape}-{pace}"), {"plan.yaml": text})
        write_repo(root, learner(plan, RATES[pace], (plan.end - plan.start).days + 1))
        result = load_repository(root, plan.end)
        assert result.errors == [] and result.repository is not None
        _LOADED[shape, pace] = result.repository
    return _LOADED[shape, pace]


def at(repo: Repository, c: int) -> Snapshot:
    """The snapshot on the evening of calendar day c; c = 0 is the first morning (no check-in yet)."""
    if c == 0:
        return compute(repo._replace(checkins=()), repo.plan.start)
    return compute(repo, repo.plan.start + dt.timedelta(days=c - 1))


def day(shape: str, n: int) -> dt.date:
    """Plan start + n − 1 days: the date of calendar day n."""
    plan, _ = parse_plan("plan.yaml", PLANS[shape].read_bytes())
    assert plan is not None
    return plan.start + dt.timedelta(days=n - 1)


# (shape, pace, calendar day, days ahead, forecast as calendar day n, milestone states)
CASES = [
    # This repository's plan: T = 84; m1 due day 28, m2 day 70, m3 day 84.
    ("repo", "on_plan", 0, 0, 84, {"m1": "on_track", "m2": "on_track", "m3": "on_track"}),
    ("repo", "on_plan", 1, 0, 84, {"m1": "on_track", "m2": "on_track", "m3": "on_track"}),
    ("repo", "on_plan", 14, 0, 84, {"m1": "on_track", "m2": "on_track", "m3": "on_track"}),
    ("repo", "on_plan", 28, 0, 84, {"m1": "met", "m2": "on_track", "m3": "on_track"}),
    ("repo", "on_plan", 66, 0, 84, {"m1": "met", "m2": "on_track", "m3": "on_track"}),  # inside the 0-weight week
    ("repo", "on_plan", 70, 0, 84, {"m1": "met", "m2": "met", "m3": "on_track"}),
    ("repo", "on_plan", 77, 0, 84, {"m1": "met", "m2": "met", "m3": "on_track"}),
    ("repo", "half", 14, -7, 168, {"m1": "at_risk", "m2": "at_risk", "m3": "at_risk"}),
    ("repo", "half", 28, -14, 168, {"m1": "at_risk", "m2": "at_risk", "m3": "at_risk"}),
    ("repo", "half", 56, -28, 168, {"m1": "met", "m2": "at_risk", "m3": "at_risk"}),
    ("repo", "double", 7, 7, 42, {"m1": "on_track", "m2": "on_track", "m3": "on_track"}),
    ("repo", "double", 14, 14, 42, {"m1": "met", "m2": "on_track", "m3": "on_track"}),
    ("repo", "double", 30, 30, 42, {"m1": "met", "m2": "on_track", "m3": "on_track"}),
    # CS336: T = 84, lectures span their weeks; m1 … m6 due days 14, 28, 42, 56, 70, 84.
    ("cs336", "on_plan", 0, 0, 84, {"m1": "on_track", "m2": "on_track", "m6": "on_track"}),
    ("cs336", "on_plan", 7, 0, 84, {"m1": "on_track", "m2": "on_track", "m6": "on_track"}),
    ("cs336", "on_plan", 14, 0, 84, {"m1": "met", "m2": "on_track", "m6": "on_track"}),
    ("cs336", "on_plan", 42, 0, 84, {"m3": "met", "m4": "on_track", "m6": "on_track"}),
    ("cs336", "half", 14, -7, 168, {"m1": "at_risk", "m2": "at_risk", "m6": "at_risk"}),
    ("cs336", "half", 28, -14, 168, {"m1": "met", "m2": "at_risk", "m6": "at_risk"}),
    ("cs336", "half", 56, -28, 168, {"m2": "met", "m3": "missed", "m4": "at_risk"}),
    ("cs336", "double", 7, 7, 42, {"m1": "met", "m2": "on_track", "m6": "on_track"}),
    ("cs336", "double", 14, 14, 42, {"m2": "met", "m3": "on_track", "m6": "on_track"}),
    ("cs336", "double", 21, 21, 42, {"m3": "met", "m4": "on_track", "m6": "on_track"}),
    # Wednesday plan: T = 28; Sundays (days 5, 12, 19, 26) rest; w3 (days 15–21) weighs 0; m1 due day 14.
    ("wednesday", "on_plan", 0, 0, 28, {"m1": "on_track", "m2": "on_track"}),
    ("wednesday", "on_plan", 3, 0, 28, {"m1": "on_track", "m2": "on_track"}),
    ("wednesday", "on_plan", 5, 0, 28, {"m1": "on_track", "m2": "on_track"}),  # a rest day
    ("wednesday", "on_plan", 14, 0, 28, {"m1": "met", "m2": "on_track"}),
    ("wednesday", "on_plan", 17, 0, 28, {"m1": "met", "m2": "on_track"}),  # inside the 0-weight week
    ("wednesday", "on_plan", 21, 0, 28, {"m1": "met", "m2": "on_track"}),
    ("wednesday", "on_plan", 28, 0, 28, {"m1": "met", "m2": "met"}),
    ("wednesday", "half", 6, -3, 56, {"m1": "at_risk", "m2": "at_risk"}),
    ("wednesday", "half", 12, -6, 56, {"m1": "at_risk", "m2": "at_risk"}),
    ("wednesday", "half", 20, -10, 56, {"m1": "missed", "m2": "at_risk"}),
    ("wednesday", "double", 2, 2, 14, {"m1": "on_track", "m2": "on_track"}),
    ("wednesday", "double", 3, 3, 14, {"m1": "on_track", "m2": "on_track"}),
    ("wednesday", "double", 5, 5, 14, {"m1": "on_track", "m2": "on_track"}),
    ("wednesday", "double", 7, 7, 14, {"m1": "met", "m2": "on_track"}),
]


@pytest.mark.parametrize(
    ("shape", "pace", "c", "ahead", "finish", "milestones"),
    CASES,
    ids=[f"{shape}-{pace}-day{c}" for shape, pace, c, *_ in CASES],
)
def test_synthetic_learner(
    tmp_path_factory: pytest.TempPathFactory,
    shape: str,
    pace: str,
    c: int,
    ahead: int,
    finish: int,
    milestones: dict[str, str],
) -> None:
    s = at(repository(tmp_path_factory, shape, pace), c)
    assert s.days_ahead == ahead
    assert s.forecast_finish is not None
    assert abs((s.forecast_finish - day(shape, finish)).days) <= 1, (s.forecast_finish, day(shape, finish))
    assert {m.id: m.state for m in s.milestones if m.id in milestones} == milestones
    if pace == "on_plan":
        # exactly on plan: the plan expects what is done, and the forecast is the plan's own last day
        assert s.overall_percent == s.expected_percent
        assert s.forecast_finish == s.plan_end
