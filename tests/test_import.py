"""`studylog import` on the two seed trackers, complete and deliberately damaged."""

from __future__ import annotations

import json
import re
from pathlib import Path

import cmarkgfm
from cmarkgfm.cmark import Options

from conftest import run_cli, write_repo

SEEDS = Path(__file__).parent / "data/seeds"  # byte-for-byte copies of the two documents the user started from
TABLE = (SEEDS / "004_e638a575bf0bc2e3.txt").read_text(encoding="utf-8")
TRACKER = (SEEDS / "000_716246baffeaae9d.txt").read_text(encoding="utf-8")
ROW = re.compile(r"^\| (第\d+周 Day[\d-]+) \| \S+ \| ✅ \| (.+?) \| (.+?) \| (.+?) \| (\S+) \| 阶段\d：\d+% \|$", re.M)


def import_into(root: Path, text: str, *args: str) -> tuple[int, str]:
    source = write_repo(root.parent, {f"{root.name}-tracker.md": text}) / f"{root.name}-tracker.md"
    result = run_cli("import", str(source), str(root), *args)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout + result.stderr


def status(root: Path, today: str) -> dict:  # type: ignore[type-arg]
    result = run_cli("status", str(root), "--format", "json", "--today", today)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def notes_for_links(root: Path) -> None:
    """The files and headings the seed's rows link to, so the links stay links."""
    for target in sorted({m.group(5) for m in ROW.finditer(TABLE)}):
        path, _, anchor = target.lstrip("/").partition("#")
        file = root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        existing = file.read_text(encoding="utf-8") if file.exists() else "# notes\n"
        file.write_text(existing + (f"\n## {anchor}\n" if anchor else ""), encoding="utf-8")


def test_seed_004_imports_every_row_and_builds(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    notes_for_links(root)
    code, out = import_into(root, TABLE, "--start", "2026-01-05")
    assert code == 0, out
    assert "3 phases, 80 items, 80 check-ins from 80 rows" in out
    report = status(root, "2026-03-29")
    assert [p["percent"] for p in report["phases"]] == [100.0, 100.0, 100.0]
    assert report["checkins"][0]["phase_percent"] == 3.0 and report["checkins"][13]["phase_percent"] == 40.0
    (root / "README.md").write_text("<!-- studylog:start -->\n<!-- studylog:end -->\n", encoding="utf-8")
    built = run_cli("build", str(root), "--today", "2026-03-29")
    assert built.returncode == 0, built.stderr
    html = cmarkgfm.github_flavored_markdown_to_html(
        (root / "README.md").read_text(encoding="utf-8"), options=Options.CMARK_OPT_UNSAFE
    )
    rows = [re.findall(r"<td>(.*?)</td>", r, re.S) for r in re.findall(r"<tr>(.*?)</tr>", html, re.S)]
    by_week = {r[0]: r for r in rows if len(r) == 8}
    seed_rows = list(ROW.finditer(TABLE))
    assert len(seed_rows) == 80
    for row in seed_rows:
        week = row.group(1).split("-")[0]  # "第10周 Day3-7" is shown on its first day, 第10周 Day3
        cells = by_week[week]
        assert cells[2] == "✅ 已完成"
        for expected, got in zip(row.group(2, 3, 4), cells[3:6], strict=True):
            assert got == expected.replace("&", "&amp;"), (week, expected, got)
        assert row.group(5) in cells[6], (week, cells[6])


def test_seed_000_imports_lectures_tasks_milestones_and_journal(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    code, out = import_into(root, TRACKER)
    assert code == 0, out
    assert "6 phases, 18 items, 3 check-ins from 81 rows" in out
    assert "2025-11-06: 3 journal entries merged into one check-in" in out
    plan = (root / "plan.yaml").read_text(encoding="utf-8")
    assert plan.count("title: 'Lecture ") + plan.count("title: Lecture ") == 17
    report = status(root, "2025-11-06")
    # The seed's own statistics: lectures 2/17 done; phases 0 done, 1 in progress, 5 not started.
    assert report["items"]["done"] == 2
    assert [p["state"] for p in report["phases"]] == ["in_progress"] + ["not_started"] * 5
    first = report["milestones"][0]
    assert (first["done"], first["due"]) == (12, "2025-11-17")  # the seed says 12/13: its 13 is not its rows' 20
    assert [m["due"] for m in report["milestones"]] == [
        "2025-11-17", "2025-12-01", "2025-12-15", "2025-12-29", "2026-01-12", "2026-01-26",
    ]  # fmt: skip
    day = (root / "checkins/2025/2025-11-04.yaml").read_text(encoding="utf-8")
    assert "- 分析了完整的课程结构" in day and "- 课程结构非常系统，从基础到高级循序渐进" in day
    assert "- id: l01-t1\n  status: done" in day
    later = (root / "checkins/2025/2025-11-06.yaml").read_text(encoding="utf-8")
    assert "resources:" in later and "bpe_core.py" in later and "关键技术洞察：" in later


def damaged(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def test_a_table_without_the_progress_column(tmp_path: Path) -> None:
    lines = [re.sub(r" [^|]*\|$", "", line) if line.startswith("|") else line for line in TABLE.splitlines()]
    code, out = import_into(tmp_path / "repo", "\n".join(lines), "--start", "2026-01-05")
    assert code == 0, out
    assert "no 阶段进度 column: every item of a phase gets the same weight" in out


def test_an_extra_column_goes_into_notes(tmp_path: Path) -> None:
    lines = []
    for line in TABLE.splitlines():
        if line.startswith("| 周次"):
            line += " 备注 |"
        elif line.startswith("|---"):
            line += "------|"
        elif line.startswith("| 第1周 Day1"):
            line += " 状态很好 |"
        elif line.startswith("|"):
            line += "  |"
        lines.append(line)
    root = tmp_path / "repo"
    code, out = import_into(root, "\n".join(lines), "--start", "2026-01-05")
    assert code == 0, out
    assert "columns 备注 have no place in a check-in" in out
    assert "备注: 状态很好" in (root / "checkins/2026/2026-01-05.yaml").read_text(encoding="utf-8")


def test_malformed_rows_are_reported_not_dropped(tmp_path: Path) -> None:
    text = damaged(TABLE, "| 第1周 Day2 |", "| 第X周 |")
    text = damaged(text, "| 第1周 Day3 | 2026-01-XX | ✅ | 概率论：极大似然估计、贝叶斯定理 |",
                   "| 第1周 Day3 | 2026-01-XX | ✅ | 概率论：极大似然估计 | 贝叶斯定理 |")  # fmt: skip
    text = damaged(text, "| 第1周 Day4 | 2026-01-XX | ✅ | 概率论：正态/二项分布期望方差计算 |",
                   "| 第1周 Day4 | 2026-01-XX | ✅ | 概率论：正态\\|二项分布期望方差计算 |")  # fmt: skip
    root = tmp_path / "repo"
    code, out = import_into(root, text, "--start", "2026-01-05")
    assert code == 0, out
    assert "line 13: `第X周` is not a week and day like 第1周 Day1; row not imported" in out
    assert "line 14: 9 cells for 8 columns, so it was not imported — escape a `|` inside a cell as `\\|`" in out
    assert "3 phases, 78 items, 78 check-ins from 78 rows" in out
    assert "正态|二项分布" in (root / "plan.yaml").read_text(encoding="utf-8")


def test_a_table_without_a_week_column_is_refused(tmp_path: Path) -> None:
    text = TABLE.replace("| 周次 |", "| 序号 |", 1)
    code, out = import_into(tmp_path / "repo", text, "--start", "2026-01-05")
    assert code == 1 and "the table has no 周次 (week/day) column" in out
    assert not (tmp_path / "repo/plan.yaml").exists()


def test_placeholder_dates_need_a_start(tmp_path: Path) -> None:
    code, out = import_into(tmp_path / "repo", TABLE)
    assert code == 1 and "pass --start YYYY-MM-DD" in out


def test_existing_files_are_never_overwritten_without_force(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    assert import_into(root, TABLE, "--start", "2026-01-05")[0] == 0
    (root / "plan.yaml").write_text("# mine\n", encoding="utf-8")
    code, out = import_into(root, TABLE, "--start", "2026-01-05")
    assert code == 2 and "plan.yaml" in out and "nothing was written" in out
    assert (root / "plan.yaml").read_text(encoding="utf-8") == "# mine\n"
    assert import_into(root, TABLE, "--start", "2026-01-05", "--force")[0] == 0


def test_a_file_that_is_no_tracker(tmp_path: Path) -> None:
    code, out = import_into(tmp_path / "repo", "# Notes\n\nJust prose.\n")
    assert code == 1 and "no table with columns like 周次" in out
