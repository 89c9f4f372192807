"""补卡 made visible: a real git history whose commits are dated with GIT_COMMITTER_DATE."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import run_cli, write_repo

README = "<!-- studylog:start -->\n<!-- studylog:end -->\n"


def commit(root: Path, files: dict[str, str], when: str) -> None:
    """Commit `files` with author and committer time `when` (ISO 8601 with an offset)."""
    write_repo(root, files)
    env = {**os.environ, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_DATE": when}
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run(
        ["git", "-c", "user.name=l", "-c", "user.email=l@l", "commit", "-qm", f"at {when}"],
        cwd=root, check=True, env=env,
    )  # fmt: skip


def day(date: str) -> dict[str, str]:
    return {f"checkins/2026/{date}.yaml": f"date: {date}\nstatus: done\nhours: 2\n"}


@pytest.fixture
def history(tmp_path: Path, fixture_plan: str) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    # Imported history: committed with plan.yaml, days after its date, still not a back-fill.
    commit(root, {"plan.yaml": fixture_plan, "README.md": README, **day("2026-01-05")}, "2026-01-07T12:00:00+08:00")
    commit(root, day("2026-01-06"), "2026-01-06T22:00:00+08:00")  # on the day
    commit(root, day("2026-01-07"), "2026-01-08T05:30:00+08:00")  # after midnight, within the 6 h grace
    commit(root, day("2026-01-08"), "2026-01-10T09:00:00+08:00")  # two days late: 补卡
    # 23:00 UTC on the 9th is 07:00 on the 10th in Shanghai: 7 h after the day ended there, so 补卡.
    commit(root, day("2026-01-09"), "2026-01-09T23:00:00+00:00")
    # Editing an on-time check-in later does not make it a back-fill: the first commit is the evidence.
    commit(
        root,
        {"checkins/2026/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\nhours: 3\n"},
        "2026-01-12T10:00:00+08:00",
    )
    return root


def status(root: Path, *extra: str) -> dict[str, object]:
    result = run_cli("status", str(root), "--today", "2026-01-10", "--format", "json", *extra)
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_late_first_commits_are_backfills_and_do_not_extend_the_strict_streak(history: Path) -> None:
    data = status(history)
    rows = data["checkins"]
    assert isinstance(rows, list)
    assert [(r["date"], r["backfill"]) for r in rows] == [
        ("2026-01-05", False), ("2026-01-06", False), ("2026-01-07", False),
        ("2026-01-08", True), ("2026-01-09", True),
    ]  # fmt: skip
    streak = data["streak"]
    assert isinstance(streak, dict)
    # 05–09 all count for the streak; the strict one stops at the back-filled 9th.
    assert (streak["current"], streak["strict"], streak["backfills"]) == (5, 0, 2)
    text = run_cli("status", str(history), "--today", "2026-01-10").stdout
    assert "strict streak 0 days (back-fills do not extend it; 2 back-fills so far)" in text
    assert "back-fill  2026-01-08 (checkins/2026/2026-01-08.yaml) was committed after its day" in text


def test_backfills_count_toward_progress(history: Path) -> None:
    # The 8th's item has tasks, so a bare `done` earns it nothing (credit only for work done): name it.
    late = history / "checkins/2026/2026-01-08.yaml"
    late.write_text(late.read_text(encoding="utf-8") + "items: [w1d4]\n", encoding="utf-8")
    with_all = status(history)["overall"]
    (history / "checkins/2026/2026-01-08.yaml").unlink()
    without = status(history)["overall"]
    assert isinstance(with_all, dict) and isinstance(without, dict)
    assert with_all["percent"] > without["percent"]


def test_the_grace_period_comes_from_the_plan(history: Path) -> None:
    plan = (history / "plan.yaml").read_text(encoding="utf-8") + "backfill_grace_hours: 0\n"
    (history / "plan.yaml").write_text(plan, encoding="utf-8")
    rows = status(history)["checkins"]
    assert isinstance(rows, list)
    assert [r["date"] for r in rows if r["backfill"]] == ["2026-01-07", "2026-01-08", "2026-01-09"]


def test_the_summary_table_and_calendar_mark_backfills(history: Path) -> None:
    result = run_cli("build", str(history), "--today", "2026-01-10")
    assert result.returncode == 0, result.stderr
    readme = (history / "README.md").read_text(encoding="utf-8")
    marked = [line for line in readme.splitlines() if "🕰 补卡" in line]
    assert [line.split(" | ")[0] for line in marked] == ["| 01\u201108", "| 01\u201109"]
    weekly = (history / "reports/weekly/w1.md").read_text(encoding="utf-8")
    assert [line.split(" | ")[1] for line in weekly.splitlines() if "🕰 补卡" in line] == ["2026-01-08", "2026-01-09"]
    calendar = (history / "reports/charts/calendar.svg").read_text(encoding="utf-8")
    assert "<pattern" in calendar and "补卡" in calendar  # the hatch pattern and its legend entry
    index = (history / "reports/index.html").read_text(encoding="utf-8")
    assert index.count("✅ 🕰 补卡</td>") == 2


def test_a_shallow_clone_claims_no_backfills(history: Path, tmp_path: Path) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", history.as_uri(), str(clone)], check=True)
    streak = status(clone)["streak"]
    assert isinstance(streak, dict) and streak["backfills"] == 0  # no trustworthy evidence, no marks


def test_outside_git_nothing_is_a_backfill(tmp_path: Path, fixture_plan: str, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_repo(tmp_path / "plain", {"plan.yaml": fixture_plan, **day("2026-01-05")})
    started: list[object] = []
    popen = subprocess.Popen

    def counted(*args: Any, **kwargs: Any) -> Any:
        started.append(args[0])
        return popen(*args, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", counted)
    streak = status(root)["streak"]
    assert isinstance(streak, dict) and streak["backfills"] == 0
    assert [cmd for cmd in started if "git" in str(cmd)] == []  # no repository: git is not asked at all


def test_a_study_folder_inside_a_larger_repository_has_its_history(tmp_path: Path, fixture_plan: str) -> None:
    """git finds the repository above the study folder, and so does studylog: the backfill is seen."""
    outer = tmp_path / "notes"
    outer.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=outer, check=True)
    study = outer / "courses" / "cs336"
    commit(study, {"plan.yaml": fixture_plan, **day("2026-01-05")}, "2026-01-05T20:00:00+08:00")
    commit(study, day("2026-01-08"), "2026-01-10T09:00:00+08:00")  # two days late: 补卡
    streak = status(study)["streak"]
    assert isinstance(streak, dict) and streak["backfills"] == 1
