"""Every terminal sentence in Chinese, from the learner's side: the real command, run with
`STUDYLOG_LANG=zh-CN` or `--lang zh-CN`, says the Chinese sentence and leaks no English one."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli, write_repo

ZH = {"STUDYLOG_LANG": "zh-CN"}


def english_sentences(text: str) -> list[str]:
    """Runs of three English words outside code, paths and addresses: a sentence that bypassed the catalog."""
    prose = re.sub(r"`[^`\n]*`|https?://\S+|\S*[/\\]\S*|\S+\.(?:yaml|md|json|bak)\b|\[[a-z-]+\]", " ", text)
    return re.findall(r"\b[A-Za-z']{2,}(?: [A-Za-z']{2,}){2,}\b", prose)


def test_the_detector_sees_english_and_lets_code_pass() -> None:
    assert english_sentences("`studylog checkin --reviewed 2026-01-05#1` 复习后记录") == []
    assert english_sentences("plan.yaml:3:1: 错误[invalid-setting]: 例如 https://a.github.io/b c d/") == []
    assert english_sentences("is not between 0 and 72") == ["is not between"]


def test_plan_settings_speak_chinese(tmp_path: Path, fixture_plan: str) -> None:
    plan = fixture_plan.replace(
        "hours_per_day: 2\n",
        "hours_per_day: 2\nday_starts_at: 4点\nreview_intervals: [1, 0.5]\nbackfill_grace_hours: 100\n"
        "reminder_hour: 25\npages_url: http://me.github.io/log/\n",
    )
    write_repo(tmp_path, {"plan.yaml": plan})
    result = run_cli("validate", str(tmp_path), "--today", "2026-01-06", env=ZH)
    assert result.returncode == 1
    out = result.stdout
    assert "`day_starts_at: 4点` 不是一个时刻" in out
    assert '提示：按 `HH:MM` 写，例如 `day_starts_at: "04:00"`（这样凌晨 01:30 仍算前一天）' in out
    assert "`review_intervals` 只能列出 1 到 366 之间的整数天数" in out
    assert "`backfill_grace_hours: 100` 不在 0 到 72 之间" in out and "超过就算补卡" in out
    assert "`reminder_hour: 25` 不是 0 到 23 之间的整点" in out
    assert "`pages_url: http://me.github.io/log/` 不是 https:// 地址" in out
    assert english_sentences(out + result.stderr) == []


def test_checkin_slips_speak_chinese(tmp_path: Path, fixture_plan: str) -> None:
    write_repo(
        tmp_path,
        {
            "plan.yaml": fixture_plan,
            "checkins/2026/2026-01-05.yaml": "date: 2026-01-05\nstatus:\n",
            "checkins/2026/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\ncredit: false\nitems: [w1d2]\n",
            "checkins/2026/2026-01-07.yaml": "date: 2026-01-07\nstatus: done\ncredit: 不算\n",
            "checkins/2026/2026-01-08.yaml": (
                "date: 2026-01-08\nstatus: done\nproblems:\n  - problem: 显存不够\n    solution: 减小 batch\n"
                "reviewed: [2026-01-08#1]\n"
            ),
            "checkins/2026/2026-01-09.yaml": "date: 2026-01-09\nstatus: done\nreviewed: [2026-01-08#2]\n",
        },
    )
    result = run_cli("validate", str(tmp_path), "--today", "2026-01-10", env=ZH)
    out = result.stdout
    assert "`status:` 还空着：提交这次打卡前，先写上今天完成得怎么样" in out
    assert "`credit: false` 表示这次打卡不计入计划进度，但它又列出了 `items`" in out
    assert "`credit` 应该是布尔值 true 或 false，而不是文本" in out
    assert "`2026-01-08#1` 是 2026-01-08 才解决的；复习要放在之后的日子" in out
    assert "`2026-01-08#2` 不是之前打卡里已解决的问题" in out and "那天已解决的问题：`2026-01-08#1`" in out
    assert english_sentences(out + result.stderr) == []
