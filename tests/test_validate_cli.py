"""`studylog validate` as a learner and as GitHub Actions run it: exit codes, formats, hints."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, REPO_ROOT, TODAY, run_cli, run_cli_process, write_repo
from studylog.check.repository import load_repository
from studylog.diagnostics import Diagnostic, Severity, format_github
from studylog.model import Status

MINIMAL = "date: 2026-01-05\nstatus: done\nhours: 2\n"


def codes(root: Path) -> list[tuple[str, int, int, str]]:
    return [(d.path, d.line, d.column, d.code) for d in load_repository(root, TODAY).diagnostics]


def test_the_repositorys_own_data_is_valid() -> None:
    result = run_cli("validate", "--today", "2026-01-18", cwd=REPO_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "14 check-ins are valid" in result.stderr


def test_the_cs336_example_is_valid() -> None:
    result = run_cli("validate", "examples/cs336", "--today", "2025-11-23", cwd=REPO_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_repositorys_plan_holds_every_row_of_seed_004() -> None:
    plan = load_repository(REPO_ROOT, TODAY).repository
    assert plan is not None
    items = plan.plan.items
    assert len(items) == 80  # 12 weeks; week 10's "Day3-7" is one five-day item
    assert [p.title for p in plan.plan.phases] == ["基础夯实", "训练技术深入", "推理优化+项目落地"]
    assert items[0].start.isoformat() == "2026-01-05" and items[-1].end.isoformat() == "2026-03-29"
    assert sum(i.kind.value == "review" for i in items) == 10  # 9 weekly 复盘 + 阶段2复盘
    assert sum(i.kind.value == "acceptance" for i in items) == 2


def test_duplicate_checkin_for_one_day(tmp_path: Path, fixture_plan: str) -> None:
    write_repo(
        tmp_path,
        {
            "plan.yaml": fixture_plan,
            "checkins/a/2026-01-05.yaml": MINIMAL,
            "checkins/b/day1.yaml": MINIMAL,
        },
    )
    assert codes(tmp_path) == [("checkins/b/day1.yaml", 1, 7, "duplicate-checkin")]


def test_a_file_meant_as_a_checkin_but_not_read_for_its_name_is_pointed_at(tmp_path: Path, fixture_plan: str) -> None:
    """Windows Notepad saves `2026-01-06.yaml.txt`: the day went missing with "all valid" and a ⚠️
    in the README. Notes kept beside the check-ins, hidden files, editors' and merges' leftovers are
    left alone, and so is a name whose rename would replace a check-in."""
    write_repo(
        tmp_path,
        {
            "plan.yaml": fixture_plan,
            "checkins/2026/2026-01-05.yaml": MINIMAL,
            "checkins/2026/2026-01-06.yaml.txt": MINIMAL.replace("05", "06"),
            "checkins/2026/2026-01-07.txt": "\ufeff# 周三\n\n日期：2026-01-07\nstatus: done\n",
            "checkins/2026/2026-01-08": "date: 2026-01-08\nstatus: done\n",
            "checkins/2026/第二周 打卡.YML.txt": "anything",
            # not check-ins, or not to be renamed
            "checkins/README": "# 打卡\n\n每个文件第一行写 date: 2026-01-05\n",
            "checkins/2026/笔记.txt": "今天的想法\n日期：2026年1月6日\n",
            "checkins/2026/notes.txt": "今天的想法\n",
            "checkins/2026/.2026-01-05.yaml.swp": "date: 2026-01-05\n",
            "checkins/2026/2026-01-05.yaml~": MINIMAL,
            "checkins/2026/2026-01-05.yaml.bak": MINIMAL,
            "checkins/2026/2026-01-05.yaml.orig": MINIMAL,
            "checkins/2026/2026-01-05.txt": MINIMAL,  # 2026-01-05.yaml is there: renaming would replace it
            "checkins/2026/2026-01-05.yaml.txt": MINIMAL,
        },
    )
    os.mkfifo(tmp_path / "checkins/2026/2026-01-09.txt")  # never opened: it would block the read
    (tmp_path / "checkins/2026/2026-01-10.txt").symlink_to(tmp_path / "checkins/2026/2026-01-05.yaml")
    assert codes(tmp_path) == [
        ("checkins/2026/2026-01-06.yaml.txt", 0, 0, "checkin-not-read"),
        ("checkins/2026/2026-01-07.txt", 0, 0, "checkin-not-read"),
        ("checkins/2026/2026-01-08", 0, 0, "checkin-not-read"),
        ("checkins/2026/第二周 打卡.YML.txt", 0, 0, "checkin-not-read"),
    ]
    result = run_cli("validate", str(tmp_path), "--today", "2026-01-08", env={"STUDYLOG_LANG": "zh-CN"})
    assert result.returncode == 0  # a warning: the files that are read are valid
    assert "checkins/2026/2026-01-06.yaml.txt: 警告[checkin-not-read]: 这个文件没有被读取" in result.stdout
    assert "把它改名为 `2026-01-06.yaml`（Windows 记事本会自动加上 `.txt`" in result.stdout
    assert "改名为 `2026-01-07.yaml`（Windows" in result.stdout and "改名为 `2026-01-08.yaml`\n" in result.stdout
    assert "改名为 `第二周 打卡.YML`" in result.stdout


def test_a_checkin_at_half_past_midnight_is_that_local_day(tmp_path: Path, fixture_plan: str) -> None:
    # 16:30 UTC on the 5th is 00:30 on the 6th in Asia/Shanghai: the file named for the 6th is right.
    write_repo(
        tmp_path,
        {
            "plan.yaml": fixture_plan,
            "checkins/2026/2026-01-06.yaml": "date: 2026-01-05T16:30:00Z\nstatus: done\n",
        },
    )
    result = load_repository(tmp_path, TODAY)
    assert result.diagnostics == []
    assert result.repository is not None
    assert result.repository.checkins[0].date.isoformat() == "2026-01-06"
    from studylog.progress import compute

    done = [i.id for i in compute(result.repository, TODAY).items if i.state is Status.DONE]
    assert done == ["w1d2"]  # the day credit goes to the plan's item that day


@pytest.mark.parametrize(
    ("data", "line", "column", "code"),
    [
        (b"date: 2026-01-05\nstatus: \xe5\xae\x8c\xff\n", 2, 10, "not-utf8"),
        (b"date: 2026-01-05\nstatus: done\ntask: \x07bell\n", 3, 7, "yaml-syntax"),
        (b"", 1, 1, "empty-checkin"),
        (b"date: 2026-01-05\nstatus: done\nnotes: " + b"x" * 300_000 + b"\n", 0, 0, "file-too-large"),
    ],
    ids=["invalid-utf8", "control-character", "empty-file", "too-large"],
)
def test_bytes_a_text_editor_would_not_show(
    tmp_path: Path, fixture_plan: str, data: bytes, line: int, column: int, code: str
) -> None:
    write_repo(tmp_path, {"plan.yaml": fixture_plan, "checkins/x.yaml": data})
    assert codes(tmp_path) == [("checkins/x.yaml", line, column, code)]


def test_billion_laughs_is_refused_quickly(tmp_path: Path, fixture_plan: str) -> None:
    lines = ["a0: &a0 [w1d1, w1d1, w1d1, w1d1, w1d1, w1d1, w1d1, w1d1, w1d1, w1d1]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    write_repo(tmp_path, {"plan.yaml": fixture_plan, "checkins/x.yaml": "\n".join(lines) + "\n"})
    assert codes(tmp_path) == [("checkins/x.yaml", 1, 1, "yaml-too-complex")]


def test_plan_with_syntax_error_still_checks_checkins(tmp_path: Path) -> None:
    write_repo(tmp_path, {"plan.yaml": "title: [\n", "checkins/x.yaml": "date: 2026-01-05\nstatus: 好\n"})
    assert [c for _, _, _, c in codes(tmp_path)] == ["invalid-status", "yaml-syntax"]


def test_hints_suggest_the_closest_id_and_key(tmp_path: Path, fixture_plan: str) -> None:
    write_repo(
        tmp_path,
        {"plan.yaml": fixture_plan, "checkins/x.yaml": "date: 2026-01-05\nstatus: done\nhour: 2\nitems: [w1d5-adam]\n"},
    )
    hints = {d.code: d.hint for d in load_repository(tmp_path, TODAY).diagnostics}
    assert hints["unknown-key"] == "did you mean `hours`?"
    assert hints["unknown-id"] == "did you mean `w1d4-adam`?"


@pytest.mark.parametrize(
    ("line", "hint"),
    [
        ("hours: １.５", "type the number with half-width (ASCII) digits: `hours: 1.5`"),  # a Chinese input method
        ("hours: １．５", "type the number with half-width (ASCII) digits: `hours: 1.5`"),
        ('hours: "１.５"', "type the number with half-width (ASCII) digits: `hours: 1.5`"),
        ('hours: "1.5"', "remove the quotes: `hours: 1.5`"),
        ("status: yes", "write `status: done`"),
        ("status: true", "write `status: done`"),
        ("status: no", "write `status: not-done`"),
        ("status: off", ""),
    ],
)
def test_a_hint_is_one_that_fixes_the_line(tmp_path: Path, fixture_plan: str, line: str, hint: str) -> None:
    """Each hint, followed, gives a valid line. `hours: １.５` (full-width digits) was told to "remove the
    quotes" it did not have; `status: yes` to quote it, which is still not a status."""
    base = {"hours": "hours: 2", "status": "status: done"}
    key = line.split(":")[0]
    body = "date: 2026-01-05\n" + "\n".join(line if k == key else v for k, v in base.items()) + "\n"
    write_repo(tmp_path, {"plan.yaml": fixture_plan, "checkins/x.yaml": body})
    found = [d for d in load_repository(tmp_path, TODAY).diagnostics if d.is_error]
    assert len(found) == 1 and found[0].hint == hint, found
    if hint:
        fixed = body.replace(line, hint.split("`")[1])
        (tmp_path / "checkins/x.yaml").write_text(fixed, encoding="utf-8")
        assert load_repository(tmp_path, TODAY).diagnostics == [], fixed


@pytest.mark.parametrize("written", ["✅完成", "✔️已完成", "❌未完成", "🔄进行中", "✅️完成", "✅️"])
def test_a_status_symbol_typed_without_a_space_is_read(tmp_path: Path, fixture_plan: str, written: str) -> None:
    """`✅ 完成` was read and `✅完成` refused with no hint."""
    write_repo(tmp_path, {"plan.yaml": fixture_plan, "checkins/x.yaml": f"date: 2026-01-05\nstatus: {written}\n"})
    result = load_repository(tmp_path, TODAY)
    assert result.diagnostics == [] and result.repository is not None
    assert (
        result.repository.checkins[0].status.value
        == {"✅": "done", "✔": "done", "❌": "not-done", "🔄": "in-progress"}[written[0]]
    )


@pytest.mark.parametrize("written", ["休息", "rest", "休息日", "day off"])
def test_a_rest_day_written_as_a_status_is_told_where_rest_days_go(
    tmp_path: Path, fixture_plan: str, written: str
) -> None:
    write_repo(tmp_path, {"plan.yaml": fixture_plan, "checkins/x.yaml": f"date: 2026-01-05\nstatus: {written}\n"})
    (problem,) = load_repository(tmp_path, TODAY).diagnostics
    assert problem.code == "invalid-status"
    assert problem.hint.startswith("a rest day needs no check-in: list it under `rest_days:` in plan.yaml")


def test_chinese_keys_are_one_error_each_said_as_a_learner_reads_it(tmp_path: Path, fixture_plan: str) -> None:
    """`日期:` / `状态:` gave "`check-in` 里有未知的键" (an English word), plus "no `date`" and "no
    `status`" at 1:1, listed first, for the same slips."""
    body = "日期: 2026-01-05\n状态: 完成\n时长: 2\n"
    write_repo(tmp_path, {"plan.yaml": fixture_plan, "checkins/2026/2026-01-05.yaml": body})
    result = run_cli("validate", str(tmp_path), "--today", "2026-01-06", env={"STUDYLOG_LANG": "zh-CN"})
    assert result.returncode == 1
    assert "错误[missing-key]" not in result.stdout and result.stdout.count("错误[unknown-key]") == 3
    assert "checkins/2026/2026-01-05.yaml:1:1: 错误[unknown-key]: 打卡文件里有未知的键 `日期`" in result.stdout
    assert "提示：键名要用英文：把 `日期:` 改成 `date:`" in result.stdout
    english = run_cli("validate", str(tmp_path), "--today", "2026-01-06").stdout
    assert "unknown key `日期` in the check-in" in english


def test_text_output_and_exit_code_1(tmp_path: Path, fixture_plan: str) -> None:
    write_repo(tmp_path, {"plan.yaml": fixture_plan, "checkins/2026/2026-01-05.yaml": "date: 2026-01-05\nstatus: 好\n"})
    result = run_cli("validate", str(tmp_path), "--today", "2026-03-01")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "checkins/2026/2026-01-05.yaml:2:9: error[invalid-status]: `status: 好` is not one of "
        "done, in-progress, not-done, ✅ 🔄 ❌, 完成 / 进行中 / 未完成"
    )
    assert "✗ 1 error" in result.stderr
    assert "Traceback" not in result.stderr


def test_json_output(tmp_path: Path, fixture_plan: str) -> None:
    write_repo(tmp_path, {"plan.yaml": fixture_plan, "checkins/x.yaml": "date: 2026-01-05\nstatus: done\nhours: 30\n"})
    result = run_cli("validate", str(tmp_path), "--format", "json", "--today", "2026-03-01")
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["errors"] == 1
    assert payload["diagnostics"][0] | {"message": ""} == {
        "path": "checkins/x.yaml",
        "line": 3,
        "column": 8,
        "code": "hours-out-of-range",
        "severity": "error",
        "message": "",
        "hint": "the hours you studied that day, 0 to 24",
    }


def test_github_format_is_chosen_in_actions_and_escaped(tmp_path: Path, fixture_plan: str) -> None:
    write_repo(tmp_path, {"plan.yaml": fixture_plan, "checkins/a,b: 100%.yaml": "date: 2026-01-05\nstatus: ok?\n"})
    result = run_cli("validate", str(tmp_path), "--today", "2026-03-01", env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert result.stdout.startswith(
        "::error file=checkins/a%2Cb%3A 100%25.yaml,line=2,col=9,title=studylog invalid-status::`status: ok?`"
    )


def test_github_escaping_of_message_and_hint() -> None:
    d = Diagnostic("p:1,2.yaml", 3, 4, "unknown-key", Severity.WARNING, "50% done\r\nnext", "quote: it")
    assert format_github([d]) == (
        "::warning file=p%3A1%2C2.yaml,line=3,col=4,title=studylog unknown-key::"
        "50%25 done%0D%0Anext%0Ahint: quote: it\n"
    )


def test_an_unregistered_code_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unregistered"):
        Diagnostic("a.yaml", 1, 1, "made-up", Severity.ERROR, "m")


def test_warnings_alone_exit_0(tmp_path: Path, fixture_plan: str) -> None:
    write_repo(tmp_path, {"plan.yaml": fixture_plan, "checkins/x.yaml": "date: 2025-12-01\nstatus: done\n"})
    result = run_cli("validate", str(tmp_path), "--today", "2026-03-01")
    assert result.returncode == 0
    assert "warning[before-plan-start]" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validate", "does-not-exist"], "no such directory"),
        (["validate", "--today", "2026-13-01"], "is not a date"),
        # a day's arithmetic overflows near the calendar's ends (9999-12-31 stopped status and build
        # with "internal error"); a year outside the plan's range is a slip
        (["status", "--today", "9999-12-31"], "9999-12-31 is outside the years studylog works with (1900–2999)"),
        (["build", "--today", "9999-12-31"], "outside the years studylog works with"),
        (["new", "--date", "0226-01-05"], "0226-01-05 is outside the years"),
        (["validate", "--format", "xml"], "invalid choice"),
        ([], "usage: studylog"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_no_plan_is_a_configuration_error(tmp_path: Path) -> None:
    result = run_cli("validate", cwd=tmp_path)
    assert result.returncode == 2
    assert "no plan.yaml" in result.stderr and "studylog init" in result.stderr


def test_python_dash_m_and_version() -> None:
    result = run_cli_process("--version")
    assert result.returncode == 0 and result.stdout.startswith("studylog ")


def test_an_installed_copy_reads_its_version_from_its_metadata_folder(tmp_path: Path) -> None:
    """Installed (no pyproject.toml above the package), the version is the one in the name of the
    `.dist-info` folder beside it, found without importing importlib.metadata."""
    site = tmp_path / "lib" / "site-packages"
    (site / "studylog").mkdir(parents=True)
    shutil.copy(REPO_ROOT / "scripts/studylog/__init__.py", site / "studylog/__init__.py")
    (site / "studylog-9.8.7.dist-info").mkdir()
    (site / "studylog_helper-1.0.dist-info").mkdir()  # another project's metadata is not ours
    probe = "import studylog, sys; print(studylog.__version__, 'importlib.metadata' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-S", "-c", probe], cwd=tmp_path, env={"PYTHONPATH": str(site)},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stdout) == (0, "9.8.7 False\n"), result.stderr


@pytest.mark.parametrize(
    ("case", "hint"),
    [
        ("syntax_tab_indent", "YAML does not allow tabs for indentation; use spaces"),
        ("syntax_unclosed_quote", "the quote opened on line 4 is never closed"),
        ("unknown_item_chinese", "name items by id: `线性代数` is in the title of `w1d1`"),
        ("next_colon_in_text", "a `: ` (colon and space) inside text starts a new key; put the whole text in quotes"),
        ("task_bool_no", 'put it in quotes: `task: "no"`'),
        ("date_placeholder", "replace the `XX` placeholder with the real day"),
    ],
)
def test_hints_a_learner_can_act_on(tmp_path: Path, fixture_plan: str, case: str, hint: str) -> None:
    data = (DATA / "invalid" / "checkin" / f"{case}.yaml").read_bytes()
    write_repo(tmp_path, {"plan.yaml": fixture_plan, "checkins/x.yaml": data})
    assert [d.hint for d in load_repository(tmp_path, TODAY).diagnostics] == [hint]


def test_status_on_the_repositorys_own_data() -> None:
    # Hand-checked against seed 004: after two weeks every day is ✅ and 阶段进度 reads 3% … 40%.
    result = run_cli("status", "--today", "2026-01-18", "--format", "json", cwd=REPO_ROOT)
    assert result.returncode == 0, result.stderr
    s = json.loads(result.stdout)
    assert s["as_of"] == "2026-01-18"
    assert [c["phase_percent"] for c in s["checkins"]] == [3, 6, 9, 12, 15, 18, 20, 23, 26, 29, 32, 35, 38, 40]
    assert [(p["id"], p["percent"]) for p in s["phases"]] == [("p1", 40.0), ("p2", 0.0), ("p3", 0.0)]
    assert s["overall"]["percent"] == 13.3  # phase 1 is 4 of the plan's 12 weeks: 40% / 3
    assert s["schedule"]["expected_percent"] == 13.3 and s["schedule"]["days_ahead"] == 0
    # The demo check-ins were committed with plan.yaml (imported history): none is a back-fill.
    assert s["streak"] == {
        "current": 14,
        "longest": 14,
        "never_miss_twice": 14,
        "habit_strength": 52.6,
        "strict": 14,
        "backfills": 0,
    }
    assert s["hours"]["total"] == 28 and s["hours"]["target"] == 28
    assert s["items"] | {"total": 0} == {"total": 0, "done": 14, "in_progress": 0, "not_started": 66}
    assert [(m["id"], m["units_done"], m["units_total"], m["percent"], m["state"]) for m in s["milestones"]] == [
        ("m1", 14, 28, 40.0, "on_track"),
        ("m2", 0, 38, 0.0, "on_track"),
        ("m3", 0, 14, 0.0, "on_track"),
    ]
    # 14 of 14 days on plan: the forecast is the plan's own last day, at 100% of the plan's pace
    assert (s["schedule"]["forecast_finish"], s["schedule"]["plan_end"]) == ("2026-03-29", "2026-03-29")
    assert (s["schedule"]["pace_vs_plan"], s["schedule"]["forecast_basis"]) == (1.0, "pace")
    assert s["today"] == {
        "planned": [{"id": "w2d7", "title": "第2周复盘：Transformer核心知识点整理"}],
        "checked_in": True,
        "rest_day": False,
    }


def test_status_text(tmp_path: Path) -> None:
    result = run_cli("status", "--today", "2026-01-18", cwd=REPO_ROOT)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[1] == "today      第2周复盘：Transformer核心知识点整理 (w2d7) — ✅ checked in"
    assert "13.3% (plan expects 13.3%)" in lines[2]
    assert (
        "schedule   on schedule; forecast finish 2026-03-29 — at the pace of the last 14 days "
        "(100% of the plan's pace); plan ends 2026-03-29"
    ) in result.stdout


def test_status_refuses_figures_from_broken_files(tmp_path: Path, fixture_plan: str) -> None:
    write_repo(tmp_path, {"plan.yaml": fixture_plan, "checkins/x.yaml": "date: 2026-01-05\nstatus: 好\n"})
    result = run_cli("status", str(tmp_path), "--today", "2026-03-01")
    assert result.returncode == 1
    assert "invalid-status" in result.stderr and result.stdout == ""
