"""`studylog export --pdf`: a compact PDF with the learner's own words, or a clear refusal."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import need_browser, run_cli, write_repo

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MY_REVIEW = "本周最大的收获：终于把 SVD 的几何意义想通了"


def learner(root: Path, plan: str) -> Path:
    return write_repo(
        root,
        {
            "plan.yaml": plan,
            "checkins/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\nhours: 2\n"
            "insights: [特征值分解的几何意义是拉伸方向]\nnext: [明天手推 SVD]\nnotes: 今天状态很好\n"
            "problems:\n  - problem: U/V 顺序混淆\n    solution: 手算验证\n",
        },
    )


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_the_pdf_keeps_the_learners_words_and_stays_out_of_reports(tmp_path: Path, fixture_plan: str) -> None:
    need_browser()
    root = learner(tmp_path / "repo", fixture_plan)
    assert run_cli("build", str(root), "--today", "2026-01-08").returncode == 0
    review = root / "reports/weekly/w1.md"
    text = review.read_text(encoding="utf-8")
    review.write_text(text.replace("- 本周最大的收获：\n", f"- {MY_REVIEW}\n"), encoding="utf-8")
    result = run_cli("export", str(root), "--pdf", "--today", "2026-01-08")
    assert result.returncode == 0, result.stderr
    pdf = root / "exports/journey-2026-01-08.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and not list((root / "reports").glob("*.pdf"))
    text = pdf_text(pdf)
    for expected in (
        "测试计划 Test plan",
        "打卡汇总表",
        "特征值分解的几何意义是拉伸方向",  # insights
        "明天手推 SVD",  # next
        "今天状态很好",  # notes
        "U/V 顺序混淆 → 手算验证",
        "我的复盘",
        MY_REVIEW,  # the learner's weekly review, from between the notes markers
        "接下来",  # the future, as a summary
    ):
        assert expected in text, expected
    assert "本周最难的问题" not in text  # an unanswered prompt is not the learner's words
    assert pages(pdf) <= 3  # compact: two weeks of a plan fit on a few pages


@pytest.fixture
def nothing_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    """A refusal for what the machine lacks comes before the pages are loaded and drawn (seconds)."""

    def too_late(*args: object) -> str:
        raise AssertionError("the pages were rendered before the refusal")

    monkeypatch.setattr("studylog.render.pages.render_print", too_late)


def test_without_a_chinese_font_the_export_refuses_and_names_the_package(
    tmp_path: Path, fixture_plan: str, nothing_drawn: None
) -> None:
    root = learner(tmp_path / "repo", fixture_plan)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "fc-list"  # fontconfig on a machine with no CJK font answers with nothing
    fake.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    fake.chmod(0o755)
    env = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    result = run_cli("export", str(root), "--pdf", "--today", "2026-01-08", env=env)
    assert result.returncode == 2
    assert "fonts-noto-cjk" in result.stderr and "Traceback" not in result.stderr
    assert not (root / "exports").exists()


def test_without_a_browser_the_error_says_what_to_install(
    tmp_path: Path, fixture_plan: str, nothing_drawn: None
) -> None:
    root = learner(tmp_path / "repo", fixture_plan)
    result = run_cli(
        "export", str(root), "--pdf", "--today", "2026-01-08", env={"STUDYLOG_CHROMIUM": str(tmp_path / "none")}
    )
    assert result.returncode == 2
    assert "could not print the PDF: No such file or directory" in result.stderr and "Traceback" not in result.stderr
    not_runnable = tmp_path / "chromium.txt"  # there, but not a program
    not_runnable.write_text("", encoding="utf-8")
    result = run_cli(
        "export", str(root), "--pdf", "--today", "2026-01-08", env={"STUDYLOG_CHROMIUM": str(not_runnable)}
    )
    assert result.returncode == 2 and "could not print the PDF: Permission denied" in result.stderr
    empty_path = tmp_path / "empty"
    empty_path.mkdir()
    result = run_cli("export", str(root), "--pdf", "--today", "2026-01-08", env={"PATH": str(empty_path)})
    assert result.returncode == 2 and "needs Chromium or Chrome" in result.stderr
