"""The progress engine on a small plan whose every figure is worked out by hand in the comments."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import write_repo
from studylog.check.repository import load_repository
from studylog.model import Status
from studylog.progress import Snapshot, compute

# Week 1 (Mon 2026-01-05 …): a, b, c (weight 2; tasks c1 ×1, c2 ×3), d on Mon–Thu; Sunday is rest.
# Week 2: lecture l spans 2026-01-12 … 01-18. Item weights a1 b1 c2 d1 → p1 weighs 5, p2 weighs 1:
# shares of the plan a=b=d=l=1/6, c=2/6; shares of p1 a=b=d=1/5, c=2/5.
PLAN = """\
title: T
start: 2026-01-05
timezone: Asia/Shanghai
hours_per_day: 2
rest_days: [sun]
phases:
  - id: p1
    title: P1
    weeks:
      - id: w1
        items:
          - {id: a, title: A, day: 1}
          - {id: b, title: B, day: 2}
          - id: c
            title: C
            day: 3
            weight: 2
            tasks:
              - {id: c1, title: C1}
              - {id: c2, title: C2, weight: 3}
          - {id: d, title: D, day: 4}
  - id: p2
    title: P2
    weeks:
      - id: w2
        items:
          - {id: l, title: Lecture}
milestones:
  - {id: m1, title: M1, due: 2026-01-09, covers: [p1]}
"""

WEEK_ONE = {
    "checkins/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\nhours: 2\n",  # a (the plan's item)
    "checkins/2026-01-06.yaml": "date: 2026-01-06\nstatus: in-progress\nhours: 1\n",  # b
    "checkins/2026-01-07.yaml": "date: 2026-01-07\nstatus: done\nhours: 2\nitems: [c1]\n",
}


def snapshot(tmp_path: Path, files: dict[str, str], as_of: str) -> Snapshot:
    write_repo(tmp_path, {"plan.yaml": PLAN, **files})
    result = load_repository(tmp_path, dt.date.fromisoformat(as_of))
    assert result.diagnostics == [], result.diagnostics
    assert result.repository is not None
    return compute(result.repository, dt.date.fromisoformat(as_of))


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_first_week_figures(tmp_path: Path) -> None:
    s = snapshot(tmp_path, WEEK_ONE, "2026-01-08")
    # a done; c has c1 (1 of 4 task weight) done → 1/6 + 2/6 · 1/4 = 0.25
    assert s.overall_percent == 25.0
    assert [(p.id, p.percent, p.state) for p in s.phases] == [
        ("p1", 30.0, Status.IN_PROGRESS),
        ("p2", 0.0, Status.NOT_STARTED),
    ]
    assert (s.count(Status.DONE), s.count(Status.IN_PROGRESS), s.count(Status.NOT_STARTED)) == (1, 2, 2)
    # a b c d are all planned by the end of Thursday: 5/6
    assert s.expected_percent == 83.3
    # planned progress ≤ 0.25 last on Monday (1/6); Tuesday is already 2/6 → 3 days behind
    assert s.days_ahead == -3
    # pace over the 4 days since the start: 0.25 / 4 = 0.0625 a day → 0.75 more takes 12 days
    assert s.forecast_finish == d("2026-01-20") and s.forecast_range == (d("2026-01-20"), d("2026-01-20"))
    # Thursday has no check-in yet: the streak ends Wednesday (Mon, Tue, Wed)
    assert (s.streak_current, s.streak_longest, s.never_miss_twice) == (3, 3, 3)
    assert s.habit_strength == 14.8  # 1 − 0.5^(3/13)
    assert (s.hours_total, s.hours_target) == (5.0, 6.0)
    assert s.hours_by_week == (("2026-W02", 5.0, 6.0),)
    # 阶段进度 after each check-in: a → 1/5; b in progress adds nothing; c1 → + 2/5 · 1/4
    assert [(r.date, r.phase, r.phase_percent) for r in s.checkins] == [
        (d("2026-01-05"), "p1", 20.0),
        (d("2026-01-06"), "p1", 20.0),
        (d("2026-01-07"), "p1", 30.0),
    ]
    (m1,) = s.milestones
    # units: a, b, d and c's two tasks; done: a and c1. Remaining share before 01-08's end:
    # b 1/6 + c 2/6·3/4 + d 1/6 = 7/12 at 1/16 a day → 9.33 → 10 days → 01-18, after the due date
    assert (m1.done, m1.total, m1.state, m1.projected) == (2, 5, "at_risk", d("2026-01-18"))
    assert s.today_planned == (("d", "D"),) and not s.today_checked_in and not s.today_rest_day


def test_reopened_item_rest_day_and_missing_twice(tmp_path: Path) -> None:
    files = {
        **WEEK_ONE,
        # Thursday: a is reopened (the latest check-in naming it decides)
        "checkins/2026-01-08.yaml": "date: 2026-01-08\nstatus: in-progress\nhours: 1\nitems:\n"
        "  - {id: a, status: in-progress}\n",
        "checkins/2026-01-12.yaml": "date: 2026-01-12\nstatus: in-progress\nhours: 2\n",  # l
        # 13th and 14th (planned lecture days) missed; 15th l is done
        "checkins/2026-01-15.yaml": "date: 2026-01-15\nstatus: done\nhours: 3\n",
    }
    s = snapshot(tmp_path, files, "2026-01-16")
    # a 0 (reopened), c 1/4, l 1 → 2/6 · 1/4 + 1/6 = 0.25
    assert s.overall_percent == 25.0
    assert [(p.id, p.percent, p.state) for p in s.phases] == [
        ("p1", 10.0, Status.IN_PROGRESS),
        ("p2", 100.0, Status.DONE),
    ]
    assert {i.id: i.state for i in s.items} == {
        "a": Status.IN_PROGRESS,
        "b": Status.IN_PROGRESS,
        "c": Status.IN_PROGRESS,
        "d": Status.NOT_STARTED,
        "l": Status.DONE,
    }
    # Friday 9th and Saturday 10th are not rest days and have no check-in: they break the streak.
    # Current: the 16th has none yet → from the 15th; the 14th was missed → 1. Longest: 5th–8th → 4.
    assert (s.streak_current, s.streak_longest) == (1, 4)
    # planned days up to the 15th: 5 6 7 8 12 13 14 15; 13 and 14 missed in a row → run since = 1
    assert s.never_miss_twice == 1


def test_rest_days_neither_break_nor_extend(tmp_path: Path) -> None:
    files = {
        f"checkins/2026-01-{n:02d}.yaml": f"date: 2026-01-{n:02d}\nstatus: done\nhours: 1\nitems: [l]\n"
        for n in (9, 10, 12)
    }  # Fri, Sat, (Sun 11th is rest), Mon
    s = snapshot(tmp_path, files, "2026-01-12")
    assert (s.streak_current, s.streak_longest) == (3, 3)


def test_task_beats_its_item_on_the_same_day(tmp_path: Path) -> None:
    files = {
        "checkins/2026-01-07.yaml": "date: 2026-01-07\nstatus: done\nitems:\n  - c\n  - {id: c1, status: in-progress}\n"
    }
    s = snapshot(tmp_path, files, "2026-01-07")
    (c,) = [i for i in s.items if i.id == "c"]
    assert (c.state, c.fraction) == (Status.IN_PROGRESS, 0.75)  # c2 (3 of 4) done via c; c1 in progress


def test_item_done_after_its_task_was_reported_earlier(tmp_path: Path) -> None:
    files = {
        "checkins/2026-01-07.yaml": "date: 2026-01-07\nstatus: in-progress\nitems: [c1]\n",
        "checkins/2026-01-08.yaml": "date: 2026-01-08\nstatus: done\nitems: [c]\n",
    }
    s = snapshot(tmp_path, files, "2026-01-08")
    assert [i.fraction for i in s.items if i.id == "c"] == [1.0]


def test_checkin_after_midnight_counts_for_the_local_day(tmp_path: Path) -> None:
    # 16:30 UTC on the 5th is 00:30 on the 6th in Shanghai: b (planned on the 6th) is done, a is not.
    files = {"checkins/late.yaml": "date: 2026-01-05T16:30:00Z\nstatus: done\nhours: 2\n"}
    s = snapshot(tmp_path, files, "2026-01-06")
    assert {i.id for i in s.items if i.state is Status.DONE} == {"b"}
    assert s.today_checked_in and s.streak_current == 1


def test_checkins_after_the_as_of_date_are_ignored(tmp_path: Path) -> None:
    write_repo(tmp_path, {"plan.yaml": PLAN, **WEEK_ONE})
    result = load_repository(tmp_path, d("2026-01-08"))
    assert result.repository is not None
    s = compute(result.repository, d("2026-01-06"))
    assert s.overall_percent == 16.7 and len(s.checkins) == 2


def test_no_progress_means_no_forecast_and_milestone_missed(tmp_path: Path) -> None:
    s = snapshot(tmp_path, {}, "2026-01-10")
    assert s.forecast_finish is None and s.forecast_range is None
    assert s.milestones[0].state == "missed"
    assert (s.streak_current, s.streak_longest, s.never_miss_twice) == (0, 0, 0)


def test_everything_done_early(tmp_path: Path) -> None:
    files = {"checkins/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\nitems: [a, b, c, d, l]\n"}
    s = snapshot(tmp_path, files, "2026-01-07")
    assert s.overall_percent == 100.0 and s.milestones[0].state == "met"
    assert s.days_ahead == 11  # the plan ends Sunday the 18th
    assert s.forecast_finish == d("2026-01-06")
    later = load_repository(tmp_path, d("2026-02-01")).repository
    assert later is not None
    after = compute(later, d("2026-02-01"))
    assert after.days_ahead == 0  # finished, and the plan is over: neither ahead nor behind


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0.0005, 0.1), (0.00049, 0.0), (1 / 3, 33.3), (2 / 3, 66.7), (0.1235, 12.4), (1.2, 100.0), (-0.1, 0.0)],
)
def test_percent_rounds_half_up_to_one_decimal(value: float, expected: float) -> None:
    from studylog.progress import percent

    assert percent(value) == expected
