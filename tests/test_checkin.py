"""`studylog checkin`: today's file written or merged from options, comments and order kept."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli, write_repo

COMMENTED = """\
# 周二，在火车上
date: 2026-01-06
status: in-progress  # 还没写完
hours: 1
items:
  - w1d2   # SVD
problems:
  - problem: 矩阵不可逆
done: 看了推导

notes: |
  第一行
  第二行
"""


@pytest.fixture
def repo(tmp_path: Path, fixture_plan: str) -> Path:
    root = write_repo(tmp_path / "repo", {"plan.yaml": fixture_plan, "docs/notes.md": "# 笔记\n\n## SVD 推导\n"})
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run(["git", "-c", "user.name=l", "-c", "user.email=l@l", "commit", "-qm", "plan"], cwd=root, check=True)
    return root


def checkin(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("checkin", str(root), "--date", "2026-01-06", *args)


def test_a_new_checkin_from_options_only(repo: Path) -> None:
    write_repo(repo, {"code/svd.py": "import numpy\n"})
    result = checkin(
        repo, "--done", "w1d2", "--hours", "1.5", "-m", "SVD: 推导 + 代码", "--problem", "`pinv` 和 $(inv)?",
        "--solution", "用 np.linalg.pinv", "--link", "docs/notes.md#svd-推导", "--link", "code/svd.py",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    text = (repo / "checkins/2026/2026-01-06.yaml").read_text(encoding="utf-8")
    assert "hours: 1.5\n" in text and "\nitems: [w1d2]\n" in text
    # code written today and not committed yet: kept, with the reminder to commit it together
    assert "error[link-untracked]" in result.stdout
    assert '  - problem: "`pinv` 和 $(inv)?"\n    solution: 用 np.linalg.pinv\n' in text
    assert "links: [/docs/notes.md#svd-推导, /code/svd.py]" in text and '  - "SVD: 推导 + 代码"\n' in text
    assert "✅ 2026-01-06 打卡已记录：checkins/2026/2026-01-06.yaml（新建：" in result.stdout  # plain text here
    assert "⏭ 下一项：w1d3 概率论（2026-01-07）" in result.stdout
    assert run_cli("validate", str(repo), "--today", "2026-01-06").returncode == 1  # the file is not committed
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    assert run_cli("validate", str(repo), "--today", "2026-01-06").returncode == 0


def test_merging_keeps_comments_order_and_everything_written(repo: Path) -> None:
    write_repo(repo, {"checkins/2026/2026-01-06.yaml": COMMENTED})
    result = checkin(
        repo, "--status", "done", "--done", "w1d2", "--hours", "2", "--problem", "矩阵不可逆", "--solution", "伪逆",
        "--problem", "新问题", "-m", "写了代码", "--note", "第三行",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        (repo / "checkins/2026/2026-01-06.yaml").read_text(encoding="utf-8")
        == """\
# 周二，在火车上
date: 2026-01-06
status: done  # 还没写完
hours: 2
items:
  - {id: w1d2, status: done}   # SVD
problems:
  - problem: 矩阵不可逆
    solution: 伪逆
  - problem: 新问题
done: [看了推导, 写了代码]

notes: "第一行\\n第二行\\n\\n第三行"
"""
    )
    # the plan is zh-CN: what changed is said in Chinese, with Chinese punctuation
    assert "（已合并：状态 in-progress → done；时长 1 → 2；w1d2 → 完成；" in result.stdout
    again = checkin(repo, "--status", "done", "--done", "w1d2", "--hours", "2", "--problem", "新问题", "-m", "写了代码")
    assert again.returncode == 0 and "已合并" not in again.stdout and "内容没有变化" in again.stdout


def test_an_update_that_would_break_the_file_changes_nothing(repo: Path) -> None:
    write_repo(repo, {"checkins/2026/2026-01-06.yaml": COMMENTED})
    result = checkin(repo, "--done", "w9d9", "--hours", "3")
    assert result.returncode == 1
    assert "checkins/2026/2026-01-06.yaml:7:9: error[unknown-id]: `w9d9` is not an item or task" in result.stderr
    assert "studylog: error: checkins/2026/2026-01-06.yaml would have 1 error; nothing was changed" in result.stderr
    assert (repo / "checkins/2026/2026-01-06.yaml").read_text(encoding="utf-8") == COMMENTED
    fresh = run_cli("checkin", str(repo), "--date", "2026-01-07", "--reviewed", "2026-01-01#1")
    assert fresh.returncode == 1 and not (repo / "checkins/2026/2026-01-07.yaml").exists()
    # the excerpt shows the refused line, which is not on disk (it showed an empty line, or the old file's)
    assert "reviewed: [2026-01-01#1]" in fresh.stderr.split("error[unknown-problem]")[1].split("hint")[0]
    assert " | date: 2026-01-06\n" not in result.stderr and " |   - w1d2   # SVD, w9d9" not in result.stderr
    assert "w9d9" in result.stderr.split("error[unknown-id]")[1].split("hint")[0]


def test_a_day_still_to_come_is_refused_and_nothing_is_written(repo: Path) -> None:
    """It was written with "✅ … 打卡已记录" and exit 0, and `validate` failed on it right after."""
    from studylog.clock import today_in

    later = (today_in("Asia/Shanghai") + dt.timedelta(days=3)).isoformat()
    result = run_cli("checkin", str(repo), "--date", later, "-m", "提前写好")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "error[future-date]" in result.stderr and "nothing was changed" in result.stderr
    assert not (repo / f"checkins/{later[:4]}/{later}.yaml").exists()


def test_recording_only_a_review_does_not_mark_the_day_done(repo: Path) -> None:
    """`studylog review` says "after reviewing: studylog checkin --reviewed ID". On a day with no
    check-in yet that made one with `status: done`, and the day's planned item earned its share."""
    write_repo(repo, {"checkins/2026/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\nproblems:\n"
                      "  - problem: 显存不够\n    solution: 减小 batch\n"})  # fmt: skip

    def units_done() -> object:
        status = run_cli("status", str(repo), "--today", "2026-01-07", "--format", "json")
        return json.loads(status.stdout)["overall"]

    before = units_done()
    result = run_cli("checkin", str(repo), "--date", "2026-01-07", "--reviewed", "2026-01-06#1", "--hours", "0.5")
    assert result.returncode == 0, result.stdout + result.stderr
    text = (repo / "checkins/2026/2026-01-07.yaml").read_text(encoding="utf-8")
    assert "status: in-progress\n" in text and "reviewed: [2026-01-06#1]" in text
    assert units_done() == before
    # anything more than a review is the day's work, done unless --status says otherwise
    done = run_cli("checkin", str(repo), "--date", "2026-01-08", "--reviewed", "2026-01-06#1", "-m", "学完了")
    assert done.returncode == 0 and "status: done\n" in (repo / "checkins/2026/2026-01-08.yaml").read_text("utf-8")


def test_a_windows_file_keeps_its_bom_and_crlf_line_ends(repo: Path) -> None:
    """Saved by Windows Notepad (BOM, CRLF): the merge wrote it back without the BOM, and with LF-only
    lines added among the CRLF ones."""
    original = "\ufeffdate: 2026-01-06\r\nstatus: in-progress  # 还没写完\r\nhours: 1\r\n"
    (repo / "checkins/2026").mkdir(parents=True)
    (repo / "checkins/2026/2026-01-06.yaml").write_bytes(original.encode("utf-8"))
    result = checkin(repo, "-m", "写完了", "--hours", "2", "--status", "done")
    assert result.returncode == 0, result.stdout + result.stderr
    data = (repo / "checkins/2026/2026-01-06.yaml").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfdate: 2026-01-06\r\n")
    assert data.count(b"\n") == data.count(b"\r\n") > 3
    text = data.decode("utf-8-sig").replace("\r\n", "\n")
    assert "status: done  # 还没写完\n" in text and "hours: 2\n" in text and "写完了" in text


def test_a_link_typed_in_a_subfolder_starts_there(repo: Path) -> None:
    """`--link notes.md` typed in docs/ (as the shell completes it) became `/notes.md`, an error; and
    `./notes.md` was read from the check-in's folder."""
    write_repo(repo, {"code/svd.py": "x = 1\n"})
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    result = run_cli(
        "checkin", "--date", "2026-01-06", "--link", "notes.md#svd-推导", "--link", "./notes.md",
        "--link", "..\\code\\svd.py#L1", "--link", "/docs/notes.md", cwd=repo / "docs",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    text = (repo / "checkins/2026/2026-01-06.yaml").read_text(encoding="utf-8")
    assert "links: [/docs/notes.md#svd-推导, /docs/notes.md, /code/svd.py#L1]" in text  # the same link once
    # at the root, a path written from the check-in's folder still works: it would climb out from here
    kept = run_cli("checkin", str(repo), "--date", "2026-01-06", "--link", "../../code/svd.py")
    assert kept.returncode == 0, kept.stdout + kept.stderr
    assert "../../code/svd.py" in (repo / "checkins/2026/2026-01-06.yaml").read_text(encoding="utf-8")


def test_without_items_the_plans_items_are_kept_when_one_is_added(repo: Path) -> None:
    write_repo(repo, {"checkins/2026/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\n"})
    assert checkin(repo, "--done", "w1d3").returncode == 0
    text = (repo / "checkins/2026/2026-01-06.yaml").read_text(encoding="utf-8")
    assert text == "date: 2026-01-06\nstatus: done\nitems: [w1d2, w1d3]\n"


def test_bad_options_are_usage_errors(repo: Path) -> None:
    assert checkin(repo, "--status", "maybe").returncode == 2
    result = checkin(repo, "--solution", "x")
    assert result.returncode == 2 and "--solution needs a --problem just before it" in result.stderr
