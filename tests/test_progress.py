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


# The planned curve P(t) of PLAN, t = k at the end of day k (day 1 = Mon 01-05):
#   P(1)=1/6 (a)  P(2)=2/6 (b)  P(3)=4/6 (c)  P(4)=5/6 (d)  P(5..7)=5/6 (Fri, Sat, Sun: flat)
#   P(8..14) = 5/6 + (k−7)/42 (the lecture's 1/6 spread over its 7 days); the plan ends at t = 14 (01-18).


def test_first_week_figures(tmp_path: Path) -> None:
    s = snapshot(tmp_path, WEEK_ONE, "2026-01-08")
    # 01-05 names nothing: day credit for a (1 day, no tasks) → a done; 01-06 in progress earns nothing;
    # c has c1 (1 of 4 task weight) done → 1/6 + 2/6 · 1/4 = 0.25
    assert s.overall_percent == 25.0
    assert [(p.id, p.percent, p.state) for p in s.phases] == [
        ("p1", 30.0, Status.IN_PROGRESS),
        ("p2", 0.0, Status.NOT_STARTED),
    ]
    assert (s.items_in(Status.DONE), s.items_in(Status.IN_PROGRESS), s.items_in(Status.NOT_STARTED)) == (1, 2, 2)
    with pytest.raises(TypeError, match="items_in"):  # the old name is an error, not tuple.count's 0
        s.count(Status.DONE)
    # Thursday has no check-in yet, so it is not expected: t = 3, P(3) = 4/6
    assert s.expected_percent == 66.7
    # 0.25 sits on day 2's slope: t = 1 + (0.25 − 1/6) / (1/6) = 1.5 → 1.5 − 3 = −1.5 → rounds to −1
    assert s.days_ahead == -1
    # pace since the start (3 days): 1.5 plan days / 3 = 0.5; finish at t = 3 + (14 − 1.5) / 0.5 = 28 → 02-01
    assert (s.pace, s.pace_window, s.forecast_basis) == (0.5, 3, "pace")
    assert s.forecast_finish == d("2026-02-01") and s.forecast_range == (d("2026-02-01"), d("2026-02-01"))
    # Thursday has no check-in yet: the streak ends Wednesday (Mon, Tue, Wed)
    assert (s.streak_current, s.streak_longest, s.never_miss_twice) == (3, 3, 3)
    assert s.habit_strength == 14.8  # 1 − 0.5^(3/13)
    assert (s.hours_total, s.hours_target, s.hours_recorded_days) == (5.0, 6.0, 3)
    (week,) = s.hours_by_week
    assert (week.id, week.number, week.start, week.end, week.hours, week.target) == (
        "w1",
        1,
        d("2026-01-05"),
        d("2026-01-11"),
        5.0,
        6.0,
    )
    # 阶段进度 after each check-in: a → 1/5; b in progress adds nothing; c1 → + 2/5 · 1/4
    assert [(r.date, r.phase, r.phase_percent) for r in s.checkins] == [
        (d("2026-01-05"), "p1", 20.0),
        (d("2026-01-06"), "p1", 20.0),
        (d("2026-01-07"), "p1", 30.0),
    ]
    (m1,) = s.milestones
    # units: a, b, d and c's two tasks (mixed → "items"); done: a and c1. Weighted: 0.25 of p1's 5/6 = 30%.
    # Its point on the plan is the end of d (t = 4): 3 + (4 − 1.5) / 0.5 = 8 → 01-12, after the 01-09 due date
    assert (m1.done, m1.total, m1.unit, m1.percent) == (2, 5, "items", 30.0)
    assert (m1.state, m1.projected) == ("at_risk", d("2026-01-12"))
    assert s.today_planned == (("d", "D"),) and not s.today_checked_in and not s.today_rest_day


def test_the_first_morning_is_on_schedule(tmp_path: Path) -> None:
    s = snapshot(tmp_path, {}, "2026-01-05")
    # nothing is due before the first day ends: expected 0, on schedule, the plan's own pace
    assert (s.expected_percent, s.days_ahead, s.forecast_basis) == (0.0, 0, "plan")
    assert s.forecast_finish == d("2026-01-18")  # the plan's last day
    # m1's point is t = 4 (end of d): reached on 01-08 at the plan's pace, before the 01-09 due date
    assert (s.milestones[0].state, s.milestones[0].projected) == ("on_track", d("2026-01-08"))


def test_on_plan_across_a_flat_stretch_is_neither_ahead_nor_behind(tmp_path: Path) -> None:
    files = {
        "checkins/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\n",
        "checkins/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\n",
        "checkins/2026-01-07.yaml": "date: 2026-01-07\nstatus: done\nitems: [c]\n",
        "checkins/2026-01-08.yaml": "date: 2026-01-08\nstatus: done\n",
    }
    # Saturday 01-10 morning: t = 5, done 5/6. P = 5/6 on [4, 7]; the point nearest t = 5 is 5 → 0 days ahead
    # (taking the flat stretch's far end, t = 7, would say 2 days ahead).
    s = snapshot(tmp_path, files, "2026-01-10")
    assert (s.overall_percent, s.expected_percent, s.days_ahead) == (83.3, 83.3, 0)
    # pace: (5 − 0) / 5 = 1 → finish at t = 5 + (14 − 5) / 1 = 14: the plan's end
    assert (s.pace, s.forecast_finish) == (1.0, d("2026-01-18"))
    assert s.milestones[0].state == "met"


def test_a_checkin_naming_nothing_earns_the_days_share_never_the_whole_item(tmp_path: Path) -> None:
    files = {"checkins/2026-01-12.yaml": "date: 2026-01-12\nstatus: done\n"}
    s = snapshot(tmp_path, files, "2026-01-12")
    # the lecture spans 7 days: one day earns 1/7 of its 1/6 → 1/42 = 2.4%
    (lecture,) = [i for i in s.items if i.id == "l"]
    assert (lecture.state, round(lecture.fraction, 4), s.overall_percent) == (Status.IN_PROGRESS, 0.1429, 2.4)
    # c has tasks and one day: day credit stops a day short (0 of 1 days), so naming nothing on 01-07 earns 0
    s = snapshot(tmp_path / "c", {"checkins/2026-01-07.yaml": "date: 2026-01-07\nstatus: done\n"}, "2026-01-07")
    assert [(i.state, i.fraction) for i in s.items if i.id == "c"] == [(Status.NOT_STARTED, 0.0)]


LECTURES = """\
title: L
start: 2026-01-07
phases:
  - id: p1
    title: P1
    weeks:
      - id: w1
        items:
          - id: l1
            title: Lecture 1
            tasks: [{id: t1, title: T1}, {id: t2, title: T2}]
"""


def test_day_credit_never_finishes_a_lecture_with_tasks(tmp_path: Path) -> None:
    days = [f"2026-01-{n:02d}" for n in range(7, 14)]
    files = {f"checkins/{day}.yaml": f"date: {day}\nstatus: done\n" for day in days}
    write_repo(tmp_path, {"plan.yaml": LECTURES, **files})
    repository = load_repository(tmp_path, d("2026-01-13")).repository
    assert repository is not None
    # 7 days naming nothing: 7/7 of the lecture's days, capped at 6/7 (one day short) → 85.7%, in progress
    s = compute(repository, d("2026-01-13"))
    assert (s.overall_percent, s.items_in(Status.DONE), s.items[0].state) == (85.7, 0, Status.IN_PROGRESS)
    # naming both tasks on the last day finishes it, and the tasks carry that day as their date
    write_repo(tmp_path, {"checkins/2026-01-13.yaml": "date: 2026-01-13\nstatus: done\nitems: [t1, t2]\n"})
    repository = load_repository(tmp_path, d("2026-01-13")).repository
    assert repository is not None
    s = compute(repository, d("2026-01-13"))
    assert (s.overall_percent, s.items[0].state, s.items[0].done_date) == (100.0, Status.DONE, d("2026-01-13"))
    assert [(t.id, t.state, t.done_date) for t in s.items[0].tasks] == [
        ("t1", Status.DONE, d("2026-01-13")),
        ("t2", Status.DONE, d("2026-01-13")),
    ]


def test_credit_false_earns_nothing_but_is_a_checkin_day(tmp_path: Path) -> None:
    files = {"checkins/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\ncredit: false\nnotes: 读了一篇论文\n"}
    s = snapshot(tmp_path, files, "2026-01-05")
    # a journal entry: no plan credit, but the learner studied, so the streak counts it
    assert (s.overall_percent, s.items_in(Status.DONE), s.streak_current) == (0.0, 0, 1)
    # the as-of day has a check-in, so it is expected: P(1) = 1/6, and 0 done sits at t = 0 → 1 day behind
    assert (s.expected_percent, s.days_ahead) == (16.7, -1)


def test_reopened_item_rest_day_and_missing_twice(tmp_path: Path) -> None:
    files = {
        **WEEK_ONE,
        # Thursday: a is reopened (the latest check-in naming it decides)
        "checkins/2026-01-08.yaml": "date: 2026-01-08\nstatus: in-progress\nhours: 1\nitems:\n"
        "  - {id: a, status: in-progress}\n",
        "checkins/2026-01-12.yaml": "date: 2026-01-12\nstatus: in-progress\nhours: 2\n",  # l started
        # 13th and 14th (planned lecture days) missed; on the 15th a day of l is done
        "checkins/2026-01-15.yaml": "date: 2026-01-15\nstatus: done\nhours: 3\n",
    }
    s = snapshot(tmp_path, files, "2026-01-16")
    # a 0 (reopened), c 1/4, l 1/7 (one day of seven) → 2/6 · 1/4 + 1/6 · 1/7 = 9/84 = 10.7%
    assert s.overall_percent == 10.7
    assert [(p.id, p.percent, p.state) for p in s.phases] == [
        ("p1", 10.0, Status.IN_PROGRESS),
        ("p2", 14.3, Status.IN_PROGRESS),
    ]
    assert {i.id: i.state for i in s.items} == {
        "a": Status.IN_PROGRESS,
        "b": Status.IN_PROGRESS,
        "c": Status.IN_PROGRESS,
        "d": Status.NOT_STARTED,
        "l": Status.IN_PROGRESS,
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
    # t = 5 and nothing done: position 0, pace 0 over 5 days → no forecast
    assert s.forecast_finish is None and s.forecast_range is None and s.forecast_basis == "none"
    assert s.days_ahead == -5
    assert s.milestones[0].state == "missed"
    assert (s.streak_current, s.streak_longest, s.never_miss_twice) == (0, 0, 0)


def test_everything_done_early(tmp_path: Path) -> None:
    files = {"checkins/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\nitems: [a, b, c, d, l]\n"}
    s = snapshot(tmp_path, files, "2026-01-07")
    assert s.overall_percent == 100.0 and s.milestones[0].state == "met"
    # the morning of the 7th is t = 2; everything done is the plan's end, t = 14 → 12 days ahead
    assert s.days_ahead == 12
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
