"""`studylog export --pdf`: a PDF whose pages carry the Chinese text, checked with poppler."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import run_cli, write_repo

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def learner(root: Path, plan: str) -> Path:
    return write_repo(
        root,
        {
            "plan.yaml": plan,
            "checkins/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\nhours: 2\n"
            "insights: [特征值分解的几何意义是拉伸方向]\n"
            "problems:\n  - problem: U/V 顺序混淆\n    solution: 手算验证\n",
        },
    )


def test_the_pdf_has_every_part_and_chinese_text(tmp_path: Path, fixture_plan: str) -> None:
    root = learner(tmp_path / "repo", fixture_plan)
    result = run_cli("export", str(root), "--pdf", "--today", "2026-01-08")
    assert result.returncode == 0, result.stderr
    pdf = root / "reports/journey-2026-01-08.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for expected in (
        "测试计划 Test plan",
        "打卡汇总表",
        "特征值分解的几何意义是拉伸方向",
        "U/V 顺序混淆 → 手算验证",
        "周复盘",
    ):
        assert expected in text, expected
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:"))) >= 3
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    [png] = tmp_path.glob("page-*.png")
    assert png.stat().st_size > 2000


def test_without_a_browser_the_error_says_what_to_install(tmp_path: Path, fixture_plan: str) -> None:
    root = learner(tmp_path / "repo", fixture_plan)
    result = run_cli(
        "export", str(root), "--pdf", "--today", "2026-01-08", env={"STUDYLOG_CHROMIUM": str(tmp_path / "none")}
    )
    assert result.returncode == 2
    assert "could not print the PDF" in result.stderr and "Traceback" not in result.stderr
