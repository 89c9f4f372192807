"""What a learner reads in each language: `validate` and `status` in Chinese, the language chosen
the documented way, and generated files free of the other language's punctuation and labels."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_cli, write_repo
from studylog.diagnostics import display_width, excerpt
from studylog.model import Locale
from studylog.render.labels import LABELS

CJK_PUNCTUATION = re.compile(r"[，。：；！？（）【】、“”‘’]")

SLIPS = {
    "checkins/2026/2026-01-05.yaml": "date：2026-01-05\nstatus: done\n",
    "checkins/2026/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\ntask: 开始Lecture 03: Transformer\n",
    "checkins/2026/2026-01-07.yaml": (
        "date: 2026-01-07\nstatus: done\nproblems:\n  - problem: 显存不够\n   solution: 减小 batch\n"
    ),
    "checkins/2026/2026-01-08.yaml": "date: 2026-01-08\nstatus: done\nlinks:\n  - [笔记](/notes/a.md)\n",
    "checkins/2026/2026-01-09.yaml": "date: 2026-01-09\nstatus: done\nhours: 1h30m\n时长: 2\n",
}


def test_validate_in_chinese_shows_each_line_a_caret_and_the_fix(tmp_path: Path, fixture_plan: str) -> None:
    write_repo(tmp_path, {"plan.yaml": fixture_plan, **SLIPS})
    result = run_cli("validate", str(tmp_path), "--today", "2026-01-10", env={"STUDYLOG_LANG": "zh-CN"})
    assert result.returncode == 1
    out = result.stdout
    assert "checkins/2026/2026-01-05.yaml:1:5: 错误[full-width-punctuation]: 这里是中文全角冒号 `：`" in out
    assert " 1 | date：2026-01-05\n   |     ^^\n  提示：把这一行改成：`date: 2026-01-05`" in out
    assert '  提示：把这一行改成：`task: "开始Lecture 03: Transformer"`' in out
    assert "`solution:` 比第 4 行的 `problem:` 少缩进了 1 个空格" in out
    assert "  提示：把这一行改成：`- {url: /notes/a.md, title: 笔记}`" in out
    assert "只写小时数，不带单位：`hours: 1.5`" in out and "把 `时长:` 改成 `hours:`" in out
    assert "✗ 6 个文件中有 6 个错误、0 个警告" in result.stderr


def test_language_comes_from_the_flag_then_the_environment_then_the_plan(tmp_path: Path, fixture_plan: str) -> None:
    write_repo(tmp_path, {"plan.yaml": fixture_plan, "checkins/2026/2026-01-05.yaml": "date：2026-01-05\n"})
    english = run_cli("--lang", "en", "validate", str(tmp_path), env={"STUDYLOG_LANG": "zh-CN"})
    assert "error[full-width-punctuation]: a full-width colon" in english.stdout
    plan_says = run_cli("validate", str(tmp_path), env={"STUDYLOG_LANG": "", "LANG": "en_US.UTF-8"})
    assert "错误[full-width-punctuation]" in plan_says.stdout  # the fixture plan declares zh-CN
    (tmp_path / "plan.yaml").write_text(fixture_plan.replace("locale: zh-CN\n", ""), encoding="utf-8")
    from_lang = run_cli("validate", str(tmp_path), env={"STUDYLOG_LANG": "", "LANG": "zh_CN.UTF-8"})
    assert "错误[full-width-punctuation]" in from_lang.stdout
    json_out = run_cli("validate", str(tmp_path), "--format", "json", env={"STUDYLOG_LANG": "zh-CN"})
    assert '"code": "full-width-punctuation"' in json_out.stdout and '"message": "这里是中文全角冒号' in json_out.stdout
    bad = run_cli("--lang", "fr", "validate", str(tmp_path))
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_status_reads_in_chinese(tmp_path: Path, fixture_plan: str) -> None:
    write_repo(
        tmp_path,
        {"plan.yaml": fixture_plan, "checkins/2026/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\nhours: 2\n"},
    )
    out = run_cli(
        "status", str(tmp_path), "--today", "2026-01-06", env={"STUDYLOG_LANG": "", "LANG": "zh_CN.UTF-8"}
    ).stdout
    assert out.startswith("截至 2026-01-06\n今天       SVD（w1d2） —— 还没有打卡\n")
    assert "连续打卡   1 天（最长 1 天" in out and "学习时长   2 小时，计划 2 小时" in out
    english = run_cli("status", str(tmp_path), "--today", "2026-01-06").stdout
    assert "streak     1 day (longest 1," in english and not CJK_PUNCTUATION.search(english.replace("SVD", ""))


def test_carets_are_width_aware() -> None:
    assert display_width("日期a") == 5
    assert excerpt("task: 开始Lecture 03: Transformer", 3, 19)[2] == "   |                     ^"
    assert excerpt("时长: 2", 7, 1)[2] == "   | ^^^^"
    # a path keeps its spaces and full-width punctuation: the whole link is underlined (it stopped at the space)
    link = '  - "/code/week1/第一天 代码/矩阵 特征值.py#L5"  # 周一'
    assert excerpt(link, 4, 6)[2] == "   |      " + "^" * display_width("/code/week1/第一天 代码/矩阵 特征值.py#L5")
    assert excerpt(link, 4, 5)[2] == "   |     " + "^" * display_width('"/code/week1/第一天 代码/矩阵 特征值.py#L5"')
    anchor = "  - /docs/笔记.md#第一步：安装（cuda、驱动）"
    assert excerpt(anchor, 4, 5)[2] == "   |     " + "^" * display_width("/docs/笔记.md#第一步：安装（cuda、驱动）")
    assert excerpt('  - "docs/x y.md"', 4, 5)[2] == "   |     " + "^" * len('"docs/x y.md"')  # quoted, relative
    assert excerpt("  - docs/第一天 代码.py", 4, 5)[2] == "   |     " + "^" * display_width("docs/第一天 代码.py")
    assert excerpt("links: [/a.md, /b b.md]", 4, 9)[2] == "   |         " + "^" * len("/a.md")
    assert excerpt("links: [/a.md, /b b.md]", 4, 16)[2] == "   |                " + "^" * len("/b b.md")


@pytest.mark.parametrize(("line", "column"), [("a" * 500 + ": " + "[" * 30_000, 503), ("说明: " + "长" * 400, 300)])
def test_a_long_line_is_cut_around_its_column(line: str, column: int) -> None:
    _, shown, carets = excerpt(line, 1, column)
    assert display_width(shown) <= len(" 1 | ") + 100 and shown.startswith(" 1 | ...") and shown.endswith("...")
    under = display_width(carets[: carets.index("^")]) - display_width(" 1 | ")
    marked = shown[len(" 1 | ") :]
    start = next(i for i in range(len(marked)) if display_width(marked[:i]) == under)
    assert marked[start] == line[column - 1]  # the caret is still under the character the column names
    assert 0 < display_width(carets) <= len(" 1 | ") + 100


def _generated_text(root: Path) -> str:
    files = [root / "README.md", *sorted((root / "reports").rglob("*"))]
    text = [p.read_text(encoding="utf-8") for p in files if p.is_file() and p.suffix in (".md", ".html", ".svg")]
    return "\n".join(text)


ENGLISH_CHECKINS = {
    "checkins/2026/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\nhours: 2\ntask: Linear algebra\n"
    "problems:\n  - problem: Rank was wrong\n    solution: Recomputed it\ninsights: [Eigenvalues matter]\n"
    "next: [SVD, Probability]\n",
    "checkins/2026/2026-01-06.yaml": "date: 2026-01-06\nstatus: in-progress\nhours: 1\n",
    "README.md": "# Mine\n\n<!-- studylog:start -->\n<!-- studylog:end -->\n",
}
ENGLISH_PLAN = """\
title: Test plan
start: 2026-01-05
timezone: Asia/Shanghai
locale: en
hours_per_day: 2
rest_days: [sun]
phases:
  - id: p1
    title: Basics
    weeks:
      - id: w1
        title: Week one
        items:
          - {id: w1d1, title: Linear algebra, day: 1}
          - {id: w1d2, title: SVD, day: 2}
          - {id: w1d3, title: Probability, day: 3}
          - {id: w1d6, title: Review, day: 6, kind: review}
milestones:
  - {id: m1, title: Basics done, covers: [p1]}
"""


def test_an_english_build_has_no_chinese_punctuation(tmp_path: Path) -> None:
    write_repo(tmp_path, {"plan.yaml": ENGLISH_PLAN, **ENGLISH_CHECKINS})
    result = run_cli("build", str(tmp_path), "--today", "2026-01-13")
    assert result.returncode == 0, result.stderr
    text = _generated_text(tmp_path)
    assert "What I learned most this week:" in text  # the review prompts are English too
    found = sorted(
        {m.group(0) + repr(text[max(m.start() - 30, 0) : m.end() + 10]) for m in CJK_PUNCTUATION.finditer(text)}
    )
    assert found == []
    assert re.search(r"\b1 days\b|\bmissed 1 days\b", text) is None


def test_a_chinese_build_has_no_stray_english_labels(tmp_path: Path, fixture_plan: str) -> None:
    checkins = {
        "checkins/2026/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\nhours: 2\ntask: 线性代数\n"
        "problems:\n  - problem: 秩算错了\n    solution: 重新计算\n",
        "README.md": "# 我的\n\n<!-- studylog:start -->\n<!-- studylog:end -->\n",
    }
    write_repo(tmp_path, {"plan.yaml": fixture_plan, **checkins})
    result = run_cli("build", str(tmp_path), "--today", "2026-01-13")
    assert result.returncode == 0, result.stderr
    text = re.sub(r"<[^>]+>", " ", _generated_text(tmp_path))  # markup is not read, its text is
    phrases = set()
    for value in LABELS[Locale.EN].values():
        for part in re.split(r"\{[^}]*\}", value):
            phrases |= {p for p in re.findall(r"[A-Za-z][A-Za-z-]+(?: [A-Za-z][A-Za-z-]+)+", part)}
    stray = sorted(p for p in phrases if p in text)
    assert stray == []
