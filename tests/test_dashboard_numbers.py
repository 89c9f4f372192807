"""What the learner reads in the README and reports: plan weeks, recent check-ins, hours, the lecture view."""

from __future__ import annotations

import json
import re
from pathlib import Path

import cmarkgfm
from cmarkgfm.cmark import Options

from conftest import DATA, REPO_ROOT, run_cli, write_repo

WEDNESDAY = (DATA / "plans/wednesday.yaml").read_text(encoding="utf-8")


def build(root: Path, today: str) -> str:
    result = run_cli("build", str(root), "--today", today)
    assert result.returncode == 0, result.stdout + result.stderr
    return (root / "README.md").read_text(encoding="utf-8")


def status(root: Path, today: str) -> dict:  # type: ignore[type-arg]
    result = run_cli("status", str(root), "--format", "json", "--today", today)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_a_wednesday_plan_is_reviewed_by_its_own_weeks(tmp_path: Path) -> None:
    # Week 1 runs Wed 01-07 … Tue 01-13, so ISO weeks would split it at Monday 01-12.
    checkins = {
        f"checkins/2026/2026-01-{n:02d}.yaml": f"date: 2026-01-{n:02d}\nstatus: done\nhours: 1\n" for n in range(7, 16)
    }
    root = write_repo(tmp_path, {"plan.yaml": WEDNESDAY, **checkins})
    readme = build(root, "2026-01-15")
    assert sorted(p.name for p in (root / "reports/weekly").iterdir()) == ["w1.md", "w2.md"]
    week_one = (root / "reports/weekly/w1.md").read_text(encoding="utf-8")
    assert week_one.splitlines()[1] == "# Weekly review: Week 1"
    assert "2026-01-07 to 2026-01-13" in week_one
    # Day 1 … Day 7 of week 1 (Sunday, day 5, is rest and has no planned item but a check-in)
    assert re.findall(r"^\| (W1 D\d) \|", week_one, re.M) == [f"W1 D{n}" for n in range(1, 8)]
    assert "W2 D" not in week_one
    assert "[Week 1](reports/weekly/w1.md) · [Week 2](reports/weekly/w2.md)" in readme
    weeks = status(root, "2026-01-15")["hours"]["by_week"]
    assert [(w["week"], w["number"], w["start"], w["end"], w["hours"]) for w in weeks] == [
        ("w1", 1, "2026-01-07", "2026-01-13", 7.0),
        ("w2", 2, "2026-01-14", "2026-01-20", 2.0),
    ]


def test_recent_checkins_are_the_latest_with_status_and_hours(tmp_path: Path) -> None:
    checkins = {
        "checkins/2026/2026-01-07.yaml": "date: 2026-01-07\nstatus: done\nhours: 2\nnotes: wrote a lot\n",
        "checkins/2026/2026-01-08.yaml": "date: 2026-01-08\nstatus: in-progress\nhours: 1.5\n",
        "checkins/2026/2026-01-09.yaml": "date: 2026-01-09\nstatus: done\n",
    }
    root = write_repo(tmp_path, {"plan.yaml": WEDNESDAY, **checkins})
    readme = build(root, "2026-01-09")
    journal = readme.split("### 📝 Recent check-ins")[1].split("###")[0]
    # newest first, text or not, each with its status and hours when recorded
    assert re.findall(r"^\*\*(\S+)\*\* · (.*?) · (?:⏱ ([\d.]+) h · )?", journal, re.M) == [
        ("2026-01-09", "✅ done", ""),
        ("2026-01-08", "🔄 in progress", "1.5"),
        ("2026-01-07", "✅ done", "2"),
    ]
    # one of three check-ins did not record hours: the headline says so instead of counting it as zero
    assert "⏱ 3.5 / 6 h (2 of 3 check-ins recorded hours)" in readme


def test_hours_never_recorded_are_not_zero_and_draw_no_chart(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path,
        {"plan.yaml": WEDNESDAY, "checkins/2026/2026-01-07.yaml": "date: 2026-01-07\nstatus: done\n"},
    )
    readme = build(root, "2026-01-07")
    assert "hours not recorded" in readme and "charts/hours" not in readme
    assert not list((root / "reports/charts").glob("hours*.svg"))
    assert status(root, "2026-01-07")["hours"]["recorded_days"] == 0
    assert "hours      not recorded" in run_cli("status", str(root), "--today", "2026-01-07").stdout


def test_a_lecture_plan_looks_like_seed_000(tmp_path: Path) -> None:
    plan = (REPO_ROOT / "examples/cs336/plan.yaml").read_text(encoding="utf-8")
    root = write_repo(
        tmp_path,
        {
            "plan.yaml": plan,
            "checkins/2025/2025-11-04.yaml": "date: 2025-11-04\nstatus: done\nhours: 2\nitems: [l01-t1, l01-t3]\n",
        },
    )
    readme = build(root, "2025-11-05")
    html = cmarkgfm.github_flavored_markdown_to_html(readme, options=Options.CMARK_OPT_UNSAFE)
    # one block per week, each lecture with its task table (任务 | 状态 | 完成日期 | 备注); no day table
    assert "打卡汇总表" not in readme and "核心任务" not in readme
    assert "<summary><b>第1周: 课程入门与基础概念</b> · 🟡 进行中 · 2025-11-04 – 2025-11-10</summary>" in readme
    assert html.count("<th>任务</th>") == 18  # 17 lectures and the project
    lecture = html.split("Lecture 01: Introduction")[1].split("</table>")[0]
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", lecture, re.S)
    assert rows[:3] == [
        ("课程介绍和历史背景", "✅ 已完成", "2025-11-04"),
        ("Tokenization原理与实践", "⚪ 未开始", ""),
        ("&quot;Bitter Lesson&quot;理念理解", "✅ 已完成", "2025-11-04"),
    ]
    # seed 000's statistics count lectures; milestones show a weighted % and a count of tasks
    assert re.search(r"^\| 讲\W*座 \| 0/18 \| 1/18 \| 17/18 \|$", readme, re.M)
    assert re.search(r"^\| 1 \| 🏁 基础里程碑 \|.*\| [\d.]+% \| 2/20\W*任\W*务 \|$", readme, re.M)
    # plan.yaml can ask for the day table instead
    (root / "plan.yaml").write_text(plan.replace("hours_per_day: 2\n", "hours_per_day: 2\nview: days\n"), "utf-8")
    readme = build(root, "2025-11-05")
    assert "打卡汇总表" in readme and "<th>任务</th>" not in readme


def test_a_day_plan_keeps_the_day_table() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert "### 🗓 打卡汇总表" in readme and "| 任务 | 状态 | 完成日期 | 备注 |" not in readme
