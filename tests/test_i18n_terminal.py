"""Every terminal sentence in Chinese, from the learner's side: the real command, run with
`STUDYLOG_LANG=zh-CN` or `--lang zh-CN`, says the Chinese sentence and leaks no English one."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli, write_repo

ZH = {"STUDYLOG_LANG": "zh-CN"}


def english_sentences(text: str) -> list[str]:
    """Runs of three English words outside code, paths and addresses: a sentence that bypassed the catalog."""
    prose = re.sub(
        r"`[^`\n]*`|\bstudylog(?: [a-z-]+){0,2}|https?://\S+|\S*[/\\]\S*|\S+\.(?:yaml|md|json|bak)\b|\[[a-z-]+\]",
        " ",
        text,
    )
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


def test_a_command_run_from_a_subfolder_speaks_the_plans_language(
    tmp_path: Path, fixture_plan: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan says zh-CN and nothing else chooses: from `checkins/2026/` (where the commands find the
    plan by walking up) every command still speaks Chinese. They spoke English there."""
    monkeypatch.delenv("STUDYLOG_LANG")
    for name in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    root = write_repo(
        tmp_path / "study",
        {
            "plan.yaml": fixture_plan,
            "checkins/2026/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\n",
            "checkins/2026/2026-01-06.yaml": "date: 2026-01-06\nstatus: maybe\n",
        },
    )
    assert "locale: zh-CN" in fixture_plan
    for where in (root, root / "checkins/2026"):
        result = run_cli("validate", "--today", "2026-01-06", cwd=where)
        assert result.returncode == 1
        assert "错误[invalid-status]" in result.stdout, (where, result.stdout)
        assert english_sentences(result.stdout + result.stderr) == [], result.stdout + result.stderr
    help_text = run_cli("validate", "--help", cwd=root / "checkins/2026").stdout
    assert "用法" in help_text and "usage:" not in help_text


def test_argparse_own_words_in_chinese() -> None:
    bogus = run_cli("--lang", "zh-CN", "bogus")
    assert bogus.returncode == 2
    assert bogus.stderr.startswith("用法：studylog ")
    assert "studylog：错误：参数 COMMAND：没有这个选项：'bogus'（可选：'validate'" in bogus.stderr
    nope = run_cli("--lang", "zh-CN", "validate", "--nope")
    assert "studylog：错误：无法识别的参数：--nope" in nope.stderr
    required = run_cli("--lang", "zh-CN", "bot", "comment")
    assert "studylog bot comment：错误：缺少必需的参数：--pr" in required.stderr
    missing = run_cli("--lang", "zh-CN", "init", "--template")
    assert "参数 --template：后面需要跟一个值" in missing.stderr
    hours = run_cli("--lang", "zh-CN", "checkin", "--hours", "2h")
    assert "参数 --hours：'2h' 不是 1.5 这样的数字" in hours.stderr
    bare = run_cli("--lang", "zh-CN")
    assert bare.returncode == 2 and bare.stdout.startswith("用法：studylog ") and "\n位置参数：\n" in bare.stdout
    for result in (bogus, nope, required, missing, hours, bare):
        assert english_sentences(result.stdout + result.stderr) == [], result.args
        assert "usage:" not in result.stdout + result.stderr and "error:" not in result.stderr
    english = run_cli("--lang", "en", "bogus")
    assert english.stderr.startswith("usage: studylog ") and "invalid choice: 'bogus'" in english.stderr
    assert "unrecognized arguments: --nope" in run_cli("--lang", "en", "validate", "--nope").stderr


def test_help_of_every_command_in_chinese() -> None:
    expected = {
        ("review",): "复习完用 `studylog checkin --reviewed YYYY-MM-DD#N` 记录",
        ("checkin",): "--solution SOLUTION 紧挨着的前一个 --problem 是怎么解决的",
        ("doctor",): "有东西无法正常工作时退出码为 1",
        ("setup",): "你的 IANA 时区（默认：Asia/Shanghai）",
        ("bot", "checkin-issue"): "事件文件（默认：$GITHUB_EVENT_PATH）",
    }
    for command, sentence in expected.items():
        shown = run_cli("--lang", "zh-CN", *command, "--help")
        assert shown.returncode == 0
        assert (
            shown.stdout.startswith("用法：studylog ")
            and "选项：" in shown.stdout
            and "显示本帮助并退出" in shown.stdout
        )
        assert sentence in shown.stdout or sentence in " ".join(shown.stdout.split()), (command, shown.stdout)
        assert english_sentences(shown.stdout) == [], command
    top = run_cli("--lang", "zh-CN", "--help").stdout
    assert english_sentences(top) == []


def test_checkin_errors_in_chinese(tmp_path: Path, fixture_plan: str) -> None:
    write_repo(tmp_path, {"plan.yaml": fixture_plan})
    lone = run_cli("--lang", "zh-CN", "checkin", str(tmp_path), "--solution", "重启")
    assert lone.returncode == 2 and "studylog checkin：错误：--solution 前面要先写一个 --problem" in lone.stderr
    status = run_cli("checkin", str(tmp_path), "--status", "meh", env=ZH)
    assert status.returncode == 2
    assert status.stderr.strip() == "studylog：错误：--status 'meh'：请用 done、in-progress 或 not-done"


def test_init_new_doctor_and_review_in_chinese(tmp_path: Path) -> None:
    repo = tmp_path / "study"
    init = run_cli("init", str(repo), "--template", "blank", "--start", "2026-01-05", "--timezone", "Asia/Shanghai",
                   "--locale", "zh-CN", env=ZH)  # fmt: skip
    assert init.returncode == 0, init.stderr
    assert "  已创建 plan.yaml" in init.stderr and "  注意：计划从 2026-01-05 开始" in init.stderr
    again = run_cli("init", str(repo), env=ZH)
    assert "  已保留 plan.yaml（你自己的；要重新开始一个计划请加 --force，旧计划会保留在旁边）" in again.stderr
    doctor = run_cli("doctor", str(repo), env=ZH)
    assert "✓ 计划：plan.yaml 和 0 份打卡都没有问题" in doctor.stdout
    assert "✓ README：README.md 里有 studylog 标记" in doctor.stdout
    write_repo(
        repo,
        {
            "checkins/2026/2026-01-05.yaml": (
                "date: 2026-01-05\nstatus: done\nproblems:\n  - problem: 显存不够\n    solution: batch 减半\n"
            )
        },
    )
    review = run_cli("review", str(repo), "--today", "2026-01-08", env=ZH)
    assert review.stdout.splitlines()[0] == "截至 2026-01-08：有 1 个问题该复习了（避坑复习）"
    assert (
        "2026-01-05#1  （已过期 2 天；第 1 次复习；2026-01-05 解决，见 checkins/2026/2026-01-05.yaml）" in review.stdout
    )
    assert "  问题      显存不够\n  解决方法  batch 减半" in review.stdout
    assert "复习完运行：studylog checkin --reviewed 2026-01-05#1 " in review.stdout
    none = run_cli("review", str(repo), "--today", "2026-01-05", env=ZH)
    assert none.stdout == "截至 2026-01-05：没有需要复习的问题；下一次在 2026-01-06\n"
    for result in (init, again, doctor, review, none):
        assert english_sentences(result.stdout + result.stderr) == [], result.args


def test_setup_and_import_errors_in_chinese(tmp_path: Path) -> None:
    zone = run_cli("setup", str(tmp_path), "--timezone", "Mars/Base", env=ZH)
    assert zone.returncode == 2 and "studylog：错误：'Mars/Base' 不是 Asia/Shanghai 这样的 IANA 时区" in zone.stderr
    tracker = tmp_path / "tracker.md"
    tracker.write_bytes("# 学习计划\n| 周次 | 日期 |\n".encode("gbk"))
    gbk = run_cli("import", str(tracker), str(tmp_path / "new"), env=ZH)
    assert (
        gbk.returncode == 2 and "不是 UTF-8 文本（第 7 个字节）；可能是 GBK 编码，请另存为 UTF-8 后再导入" in gbk.stderr
    )
    for result in (zone, gbk):
        assert english_sentences(result.stdout + result.stderr) == [], result.args


SEEDS = Path(__file__).parent / "data" / "seeds"
IMPORTS = Path(__file__).parent / "data" / "import"


def test_import_of_a_chinese_tracker_speaks_chinese_end_to_end(tmp_path: Path) -> None:
    """Seed 004 (a 3-month 打卡汇总表 with `2026-01-XX` placeholder dates): refused without --start, with
    the --start that fits; imported with it: what was recognised, imported, noted and set up, in Chinese."""
    tracker = tmp_path / "打卡汇总.md"
    tracker.write_bytes((SEEDS / "004_e638a575bf0bc2e3.txt").read_bytes())
    refused = run_cli("import", str(tracker), str(tmp_path / "repo"), env=ZH)
    assert refused.returncode != 0
    assert "日期是 2026-01-XX 这样的占位符：请加 `--start YYYY-MM-DD`（计划的第一天）" in refused.stderr
    assert f"{tracker}：日期是" in refused.stderr and "与月份最吻合的是 `--start 2026-01-21`" in refused.stderr
    done = run_cli("import", str(tracker), str(tmp_path / "repo"), "--start", "2026-01-19", env=ZH)
    assert done.returncode == 0, done.stderr
    out = done.stdout + done.stderr
    assert "识别为：打卡汇总表 —— 第 9 行的表格有这些列：周次、日期、完成状态、核心任务" in out
    assert "其中 80 行写明了 `第1周 Day1` 这样的周和天" in out
    assert "✓ 已导入 打卡汇总.md：3 个阶段、80 个学习项、84 份打卡，来自 80 行" in out
    assert "  注意：第 95 行：`## 填写说明`（5 行）不属于计划；未导入" in out
    assert "（第 25、48–53、69–78、80–81 行）的月份与 `--start 2026-01-19` 不符" in out
    assert "✓ 导入的文件没有问题" in out
    # Text written into the learner's files is theirs (and the plan's): the header comment stays as it was.
    assert (tmp_path / "repo" / "plan.yaml").read_text(encoding="utf-8").startswith("# Imported by studylog from ")
    assert english_sentences(refused.stdout + refused.stderr + out) == []


def test_import_notes_and_refusals_of_every_shape_in_chinese(tmp_path: Path) -> None:
    lecture = tmp_path / "tracker.md"
    lecture.write_bytes((SEEDS / "000_716246baffeaae9d.txt").read_bytes())
    seed = run_cli("import", str(lecture), str(tmp_path / "a"), "--dry-run", env=ZH)
    assert seed.returncode == 0, seed.stderr
    said = seed.stdout + seed.stderr
    assert "识别为：讲座进度表 —— 18 个 `####` 讲座标题，带 18 张 `任务 | 状态` 任务表" in said
    assert "概览写的是已完成 0/17 讲座，但任务表里完成了 2/17 讲；以任务表为准" in said
    assert "  （演练：没有写入任何文件）" in said
    days = run_cli("import", str(IMPORTS / "hundred_days/log.md"), str(tmp_path / "b"), "--dry-run", env=ZH)
    days_said = days.stdout + days.stderr
    assert "注意：第 8 行：`February 30, 2016` 不是日历上存在的日子；这一条未导入" in days_said
    assert "`Mood` 在打卡里没有对应的字段；保留在 `notes` 里" in days_said
    prose = run_cli("import", str(IMPORTS / "none/prose.md"), str(tmp_path / "c"), env=ZH)
    assert prose.returncode != 0 and "这个文件不是 studylog 能读的任何一种打卡记录格式；什么都没写" in prose.stderr
    assert "studylog 能读的格式：\n  - 讲座进度表：" in prose.stderr and "      例如：`### Day 12: " in prose.stderr
    boxes = run_cli("import", str(IMPORTS / "task_list/damaged.md"), str(tmp_path / "d"), env=ZH)
    assert "这些行读不出来的原因：\n  第 3 行：" in boxes.stderr and "在所有周或天标题之前；未导入" in boxes.stderr
    for result in (seed, days, prose, boxes):
        assert english_sentences(result.stdout + result.stderr) == [], result.args


def _learner(tmp_path: Path, plan: str) -> Path:
    """A learner's repository on `main` with a `base` branch, and one check-in added since."""
    root = write_repo(
        tmp_path / "repo", {"plan.yaml": plan, "checkins/2026/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\n"}
    )
    git = ["git", "-c", "user.name=l", "-c", "user.email=l@l.invalid"]
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "a"], ["branch", "base"]):
        subprocess.run([*git, *args], cwd=root, check=True, capture_output=True)
    write_repo(root, {"checkins/2026/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\nhours: 2\n"})
    return root


def test_remind_and_the_pull_request_comment_dry_runs_in_chinese(tmp_path: Path, fixture_plan: str) -> None:
    root = _learner(tmp_path, fixture_plan)
    offline = {**ZH, "GITHUB_TOKEN": "", "GH_TOKEN": ""}
    remind = run_cli("remind", str(root), "--today", "2026-01-07", "--dry-run", env=offline)
    assert remind.returncode == 0, remind.stderr
    assert remind.stderr.startswith("✓ 将打开或更新：提醒“") and "2026-01-07" in remind.stderr
    waiting = run_cli("remind", str(root), "--today", "2026-01-07", "--close-only", "--dry-run", env=offline)
    assert waiting.stderr.strip() == "2026-01-07 还没有打卡；提醒（如果有）保持开着"
    closing = run_cli("remind", str(root), "--today", "2026-01-06", "--dry-run", env=offline)
    assert closing.stderr.strip() == "✓ 将关闭：开着的提醒（如果有）"
    args = ("bot", "comment", str(root), "--pr", "7", "--base", "base", "--today", "2026-01-06", "--dry-run")
    comment = run_cli(*args, env=offline)
    assert comment.returncode == 0, comment.stderr
    assert comment.stderr.strip() == "✓ 将创建或更新：#7 里 studylog 的评论"
    assert comment.stdout.startswith("<!-- studylog:")
    for result in (remind, waiting, closing, comment):
        assert english_sentences(result.stdout + result.stderr) == [], (result.args, result.stdout, result.stderr)
    english = run_cli(*args, env={"GITHUB_TOKEN": "", "GH_TOKEN": ""})
    assert english.stderr.strip() == "✓ would have created or updated the studylog comment on #7"
