"""避坑复习: solved problems come back after 1, 3, 7, 14 and 30 days; hand-worked due dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import run_cli, write_repo
from studylog.check.repository import load_repository
from studylog.progress import compute
from studylog.render.labels import LABELS
from studylog.render.reply import review_reminder
from studylog.review import next_due

D = dt.date


def test_next_due_by_hand() -> None:
    intervals = (1, 3, 7, 14, 30)
    solved = D(2026, 1, 5)
    assert next_due(solved, (), intervals) == D(2026, 1, 6)  # 1 day after solving
    assert next_due(solved, (D(2026, 1, 6),), intervals) == D(2026, 1, 9)  # 3 days after that review
    # Reviewed late on the 12th (due the 9th): the next one is 7 days after the 12th, not after the 9th.
    assert next_due(solved, (D(2026, 1, 6), D(2026, 1, 12)), intervals) == D(2026, 1, 19)
    four = (D(2026, 1, 6), D(2026, 1, 9), D(2026, 1, 16), D(2026, 1, 30))
    assert next_due(solved, four, intervals) == D(2026, 3, 1)  # 30 days after 01-30
    assert next_due(solved, (*four, D(2026, 3, 1)), intervals) is None  # graduated


CHECKINS = {
    "checkins/2026/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\nhours: 2\nproblems:\n"
    "  - problem: CUDA OOM\n    solution: batch 减半\n  - problem: loss 不降\n",
    "checkins/2026/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\nhours: 2\nreviewed: ['2026-01-05#1']\n",
    # the open problem of the 5th, solved on the 7th: its schedule starts on the 7th
    "checkins/2026/2026-01-07.yaml": "date: 2026-01-07\nstatus: done\nhours: 2\nproblems:\n"
    "  - problem: loss 不降\n    solution: 学习率调小\n",
    "checkins/2026/2026-01-12.yaml": "date: 2026-01-12\nstatus: done\nreviewed: ['2026-01-05#1', '2026-01-05#1']\n",
}


@pytest.fixture
def repo(tmp_path: Path, fixture_plan: str) -> Path:
    return write_repo(tmp_path / "repo", {"plan.yaml": fixture_plan, **CHECKINS})


def states(root: Path, as_of: dt.date) -> dict[str, tuple[tuple[dt.date, ...], dt.date | None]]:
    result = load_repository(root, D(2026, 1, 31))  # every check-in has happened; the snapshot looks back
    assert result.errors == [] and result.repository is not None
    return {r.id: (r.reviews, r.due) for r in compute(result.repository, as_of).reviews}


def test_due_dates_and_what_a_review_moves(repo: Path) -> None:
    assert states(repo, D(2026, 1, 5)) == {"2026-01-05#1": ((), D(2026, 1, 6))}  # the open one is not reviewed
    assert states(repo, D(2026, 1, 6)) == {"2026-01-05#1": ((D(2026, 1, 6),), D(2026, 1, 9))}
    on_the_10th = states(repo, D(2026, 1, 10))
    assert on_the_10th == {
        "2026-01-05#1": ((D(2026, 1, 6),), D(2026, 1, 9)),  # overdue by one day
        "2026-01-07#1": ((), D(2026, 1, 8)),
    }
    # Listed twice on the 12th: one review. Late, so the next is 7 days after the 12th.
    assert states(repo, D(2026, 1, 12))["2026-01-05#1"] == ((D(2026, 1, 6), D(2026, 1, 12)), D(2026, 1, 19))


def test_intervals_come_from_the_plan(repo: Path) -> None:
    plan = (repo / "plan.yaml").read_text(encoding="utf-8") + "review_intervals: [2, 5]\n"
    (repo / "plan.yaml").write_text(plan, encoding="utf-8")
    assert states(repo, D(2026, 1, 6))["2026-01-05#1"] == ((D(2026, 1, 6),), D(2026, 1, 11))
    assert states(repo, D(2026, 1, 12))["2026-01-05#1"] == ((D(2026, 1, 6), D(2026, 1, 12)), None)  # graduated


def test_review_command_lists_what_is_due_with_its_solution(repo: Path) -> None:
    (repo / "checkins/2026/2026-01-12.yaml").unlink()
    result = run_cli("review", str(repo), "--today", "2026-01-10")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "as of 2026-01-10: 2 problems due for review (避坑复习)"
    assert (
        "2026-01-07#1  (2 days overdue; review 1, solved 2026-01-07 in checkins/2026/2026-01-07.yaml)" in result.stdout
    )
    assert "  solution  学习率调小" in result.stdout and "  solution  batch 减半" in result.stdout
    data = json.loads(run_cli("review", str(repo), "--today", "2026-01-10", "--format", "json").stdout)
    assert [(r["id"], r["due"], r["overdue_days"]) for r in data] == [
        ("2026-01-07#1", "2026-01-08", 2),
        ("2026-01-05#1", "2026-01-09", 1),
    ]
    status = run_cli("status", str(repo), "--today", "2026-01-10").stdout
    assert "review     2 problems due: 2026-01-07#1, 2026-01-05#1 — `studylog review`" in status
    # The command it suggests records every problem it listed (it named only the first).
    suggested = result.stdout.splitlines()[-1]
    assert suggested == (
        "after reviewing: studylog checkin --reviewed 2026-01-07#1 --reviewed 2026-01-05#1"
        "   (or add `reviewed: [2026-01-07#1, 2026-01-05#1]`)"
    )
    command = suggested.removeprefix("after reviewing: studylog ").split("   (")[0].split()
    assert run_cli(*command, str(repo), "--date", "2026-01-10").returncode == 0
    assert "no problem is due for review" in run_cli("review", str(repo), "--today", "2026-01-10").stdout


def test_a_checkin_records_the_review_and_it_moves_on(repo: Path) -> None:
    (repo / "checkins/2026/2026-01-12.yaml").unlink()
    result = run_cli("checkin", str(repo), "--date", "2026-01-10", "--reviewed", "2026-01-07#1", "--hours", "1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "reviewed: [2026-01-07#1]" in (repo / "checkins/2026/2026-01-10.yaml").read_text(encoding="utf-8")
    assert states(repo, D(2026, 1, 10))["2026-01-07#1"] == ((D(2026, 1, 10),), D(2026, 1, 13))
    due = run_cli("review", str(repo), "--today", "2026-01-10").stdout
    assert "2026-01-07#1" not in due and "2026-01-05#1" in due


def test_reviewing_what_is_not_a_solved_earlier_problem_is_a_located_error(repo: Path) -> None:
    write_repo(repo, {"checkins/2026/2026-01-08.yaml": "date: 2026-01-08\nstatus: done\nreviewed:\n  - 2026-01-05#2\n"})
    write_repo(repo, {"checkins/2026/2026-01-09.yaml": "date: 2026-01-09\nstatus: done\nreviewed: ['2026-01-09#1']\n"})
    result = run_cli("validate", str(repo), "--today", "2026-01-12")
    assert result.returncode == 1
    assert (
        "checkins/2026/2026-01-08.yaml:4:3: error[unknown-problem]: `2026-01-05#2` is not a solved problem of an "
        "earlier check-in" in result.stdout
    )
    assert "hint: that day's solved problems: `2026-01-05#1`" in result.stdout
    assert "checkins/2026/2026-01-09.yaml:3:11: error[unknown-problem]" in result.stdout


def test_the_evening_reminder_lists_due_reviews(repo: Path) -> None:
    result = load_repository(repo, D(2026, 1, 31))
    assert result.repository is not None
    body = review_reminder(compute(result.repository, D(2026, 1, 10)), LABELS[result.repository.plan.locale])
    assert "### 🔁 今天该复习的问题（避坑复习）" in body
    assert "- `2026-01-07#1` loss 不降 → 学习率调小" in body and "`studylog checkin --reviewed ID`" in body


def test_the_problem_log_shows_each_problems_review_history(repo: Path) -> None:
    write_repo(repo, {"README.md": "<!-- studylog:start -->\n<!-- studylog:end -->\n"})
    assert run_cli("build", str(repo), "--today", "2026-01-12").returncode == 0
    log = (repo / "reports/problems.md").read_text(encoding="utf-8")
    assert "`2026-01-05#1` · 🔁 复习：01-06 ✓, 01-12 ✓ · 下次 2026-01-19" in log
    assert "`2026-01-07#1` · 🔁 复习：尚未复习 · 下次 2026-01-08 **该复习了**" in log
