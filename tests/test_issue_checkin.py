"""Checking in from a phone, end to end: the checkin workflow's steps run the way a runner runs them.

A small local harness (issue 14's shared one had not landed): the job's steps from
.github/workflows/checkin.yml, in order, each `run:` under `bash -e` with the GITHUB_* environment
and a realistic `issues` event payload; `actions/checkout` is a clone of a real local bare
repository, the pip install is replaced by this tree's studylog on PATH, and the GitHub API is a
local fake (tests/test_bot.py's) that PyGithub talks to. What lands in the bare remote and what
the fake received is what a learner would see.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from pytest_httpserver import HTTPServer

import studylog_fork
from conftest import REPO_ROOT, write_repo
from studylog.start.issueform import FIELDS
from test_bot import REPO, FakeGitHub
from test_i18n_terminal import english_sentences

WORKFLOW = REPO_ROOT / ".github/workflows/checkin.yml"
TEMPLATE = REPO_ROOT / ".github/ISSUE_TEMPLATE/checkin.yml"
OWNER = REPO.split("/")[0]


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


@dataclass
class StepRun:
    name: str
    returncode: int
    output: str


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def remote(tmp_path: Path, fixture_plan: str) -> Path:
    bare = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(bare)], check=True)
    seed = write_repo(
        tmp_path / "seed",
        {
            "plan.yaml": fixture_plan,
            "README.md": "# 学习\n\n<!-- studylog:start -->\n<!-- studylog:end -->\n",
            "docs/notes.md": "# 笔记\n\n## SVD 推导\n",
        },
    )
    git(seed, "init", "-q", "-b", "main")
    git(seed, "add", "-A")
    git(seed, "-c", "user.name=l", "-c", "user.email=l@l", "commit", "-qm", "plan")
    git(seed, "remote", "add", "origin", str(bare))
    git(seed, "push", "-q", "origin", "main")
    return bare


@pytest.fixture
def github(httpserver: HTTPServer) -> FakeGitHub:
    return FakeGitHub(httpserver)


def body(**answers: str) -> str:
    """The issue body GitHub writes for the form: `### label`, a blank line, the answer or _No response_."""
    parts = []
    for label, name in FIELDS.items():
        parts.append(f"### {label}\n\n{answers.get(name) or '_No response_'}")
    return "\n\n".join(parts)


def event(number: int, text: str, *, action: str = "opened", author: str = OWNER, association: str = "OWNER") -> Any:
    return {
        "action": action,
        "issue": {
            "number": number,
            "title": "打卡 Check-in",
            "user": {"login": author, "type": "User"},
            "author_association": association,
            "body": text,
            "state": "open",
            "labels": [{"name": "studylog-checkin"}],
            "created_at": "2026-01-06T13:05:00Z",  # 21:05 in Asia/Shanghai
        },
        "repository": {"full_name": REPO, "name": REPO.split("/")[1], "owner": {"login": OWNER, "type": "User"}},
        "sender": {"login": author},
    }


def run_job(
    tmp_path: Path, remote: Path, github: FakeGitHub, payload: Any, *, real_processes: bool = False
) -> list[StepRun]:
    """Run the checkin job's steps like a runner: stop at the first failing step.

    Each `studylog` a step runs is a real process with the step's folder, environment and stdio:
    a fork of an interpreter that has imported the third-party libraries already
    (tests/studylog_fork.py), or with `real_processes` a fresh `python -m studylog` as on a runner.
    """
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    job = workflow["jobs"]["checkin"]
    workspace = tmp_path / "work"
    if workspace.exists():
        subprocess.run(["rm", "-rf", str(workspace)], check=True)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    event_path = tmp_path / "event.json"
    event_path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    summary = tmp_path / "summary.md"
    base_env = {
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "HOME": str(tmp_path),
        "PYTHONPATH": str(REPO_ROOT / "scripts"),
        "STUDYLOG_CACHE_DIR": os.environ["STUDYLOG_CACHE_DIR"],
        "MPLCONFIGDIR": os.environ["MPLCONFIGDIR"],  # conftest: matplotlib's font list, built once
        "GITHUB_ACTIONS": "true",
        "CI": "true",
        "GITHUB_EVENT_NAME": "issues",
        "GITHUB_EVENT_PATH": str(event_path),
        "GITHUB_REPOSITORY": REPO,
        "GITHUB_REPOSITORY_OWNER": OWNER,
        "GITHUB_REF": "refs/heads/main",
        "GITHUB_REF_NAME": "main",
        "GITHUB_WORKSPACE": str(workspace),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_API_URL": github.base,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    shim = bin_dir / "studylog"
    if real_processes:
        shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m studylog "$@"\n', encoding="utf-8")
        shim.chmod(0o755)
    else:
        studylog_fork.write_shim(shim, base_env)
    expressions = {"${{ github.token }}": "ghs_fake_token"}
    outputs: dict[str, dict[str, str]] = {}
    runs: list[StepRun] = []
    for step in job["steps"]:
        name = step.get("name") or step.get("uses", "")
        if "if" in step:  # the one form of condition the job uses: steps.ID.outputs.NAME == 'VALUE'
            condition = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+) == '([^']*)'", step["if"])
            assert condition is not None, step["if"]
            if outputs.get(condition[1], {}).get(condition[2], "") != condition[3]:
                continue
        if "actions/checkout" in step.get("uses", ""):
            assert step["with"]["fetch-depth"] == 0 and step["with"]["persist-credentials"] is False
            subprocess.run(["git", "clone", "-q", str(remote), str(workspace)], check=True)
            continue
        if "uses" in step:  # setup-python: this interpreter is used
            continue
        script = step["run"]
        assert "${{" not in script  # nothing is interpolated into a shell line
        if script.startswith("python -m pip install"):
            continue  # the shim on PATH is this tree's studylog
        output_file = tmp_path / f"output-{len(runs)}"
        output_file.write_text("", encoding="utf-8")
        env = {**base_env, "GITHUB_OUTPUT": str(output_file)}
        for key, value in (step.get("env") or {}).items():
            assert value in expressions, value  # only values the harness knows how to give
            env[key] = expressions[value]
        done = subprocess.run(
            ["bash", "-e", "-c", script], cwd=workspace, env=env, capture_output=True, text=True, timeout=120
        )
        runs.append(StepRun(name, done.returncode, done.stdout + done.stderr))
        lines = output_file.read_text(encoding="utf-8").splitlines()
        outputs[step.get("id", "")] = dict(line.split("=", 1) for line in lines if "=" in line)
        if done.returncode != 0:
            break
    return runs


def remote_head(remote: Path) -> str:
    return git(remote, "rev-parse", "main").strip()


def remote_file(remote: Path, path: str) -> str:
    return git(remote, "show", f"main:{path}")


def test_the_form_and_the_parser_agree() -> None:
    form = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    labels = [field["attributes"]["label"] for field in form["body"]]
    assert labels == list(FIELDS)
    assert [field["id"] for field in form["body"]] == list(FIELDS.values())


def test_the_job_starts_only_for_people_with_write_access() -> None:
    job = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["checkin"]
    assert "github.event.issue.author_association" in job["if"] and '"NONE"' not in job["if"]
    assert "github.event.issue.pull_request == null" in job["if"]


@pytest.mark.git
@pytest.mark.slow
def test_the_owners_issue_becomes_a_committed_checkin_a_comment_and_a_closed_issue(
    tmp_path: Path, remote: Path, github: FakeGitHub
) -> None:
    github.issue(3, "打卡 Check-in", "")
    text = body(
        status="✅ done", hours="1.5", done="w1d2", message="SVD 推导\n写了代码", problem="矩阵不可逆",
        solution="用伪逆", links="docs/notes.md#svd-推导",
    )  # fmt: skip
    runs = run_job(tmp_path, remote, github, event(3, text))
    assert [(r.name, r.returncode) for r in runs] == [
        ("Let git push with the workflow token (read from the environment, never stored)", 0),
        ("Turn the issue into a check-in", 0),
        ("Rebuild the dashboard", 0),
    ], runs[-1].output
    checkin = yaml.safe_load(remote_file(remote, "checkins/2026/2026-01-06.yaml"))
    assert checkin["date"].isoformat() == "2026-01-06"  # the day the issue was opened, in Asia/Shanghai
    assert (checkin["status"], checkin["hours"], checkin["items"]) == ("done", 1.5, ["w1d2"])
    assert checkin["problems"] == [{"problem": "矩阵不可逆", "solution": "用伪逆"}]
    assert checkin["links"] == ["/docs/notes.md#svd-推导"] and checkin["done"] == ["SVD 推导", "写了代码"]
    log = git(remote, "log", "--format=%an|%s", "main")
    assert "github-actions[bot]|check-in 2026-01-06 from #3" in log
    assert "studylog: update dashboard" in log  # the dashboard was rebuilt in the same job
    # Committed now, months after its day: the rebuilt table marks it as a back-fill.
    assert "| 01\u201106 | ✅ 🕰 补卡 |" in remote_file(remote, "README.md")  # MM-DD with a non-breaking hyphen
    (comment,) = github.comments.values()
    assert "✅ 2026-01-06 打卡已记录：`checkins/2026/2026-01-06.yaml`" in comment["body"]
    assert "🔥 连续打卡 1 天" in comment["body"] and "⏭ 下一项：`w1d3` 概率论（2026-01-07）" in comment["body"]
    assert github.issues[3]["state"] == "closed"


@pytest.mark.git
@pytest.mark.slow
def test_an_invalid_issue_gets_located_problems_and_nothing_is_committed_then_an_edit_fixes_it(
    tmp_path: Path, remote: Path, github: FakeGitHub
) -> None:
    github.issue(4, "打卡 Check-in", "")
    before = remote_head(remote)
    runs = run_job(tmp_path, remote, github, event(4, body(status="✅ done", hours="两小时", date="2026-01-06")))
    assert runs[-1].name == "Turn the issue into a check-in" and runs[-1].returncode == 1
    assert remote_head(remote) == before and github.issues[4]["state"] == "open"
    (comment,) = github.comments.values()
    assert (
        "❌ 这次打卡没有保存" in comment["body"]
        and "「学习时长」\\`两小时\\` 不是 0 到 24 之间的数字" in comment["body"]
    )

    runs = run_job(
        tmp_path, remote, github, event(4, body(status="done", done="w9d9", date="2026-01-06"), action="edited")
    )
    assert runs[-1].returncode == 1 and remote_head(remote) == before
    (comment,) = github.comments.values()  # the same comment, edited
    assert "- 「完成的学习项 Items done」 · `unknown-id`：\\`w9d9\\` 不是 plan.yaml 里的学习项或任务" in comment["body"]
    assert english_sentences(comment["body"]) == []

    fixed = body(status="done", done="w1d2", date="2026-01-06", hours="2")
    runs = run_job(tmp_path, remote, github, event(4, fixed, action="edited"))
    assert [r.returncode for r in runs] == [0, 0, 0], runs[-1].output
    assert remote_head(remote) != before and github.issues[4]["state"] == "closed"
    assert len(github.comments) == 1 and "打卡已记录" in next(iter(github.comments.values()))["body"]
    # Editing the closed issue again with nothing new commits nothing more.
    head = remote_head(remote)
    assert [r.returncode for r in run_job(tmp_path, remote, github, event(4, fixed, action="edited"))] == [0, 0, 0]
    assert remote_head(remote) == head


@pytest.mark.git
@pytest.mark.slow
def test_a_second_issue_for_the_same_day_merges_and_loses_nothing(
    tmp_path: Path, remote: Path, github: FakeGitHub
) -> None:
    github.issue(5, "打卡", "")
    github.issue(6, "打卡", "")
    first = body(status="🔄 in-progress", hours="1", done="w1d2", problem="显存不够", solution="batch 减半")
    assert [r.returncode for r in run_job(tmp_path, remote, github, event(5, first))] == [0, 0, 0]
    second = body(status="✅ done", hours="2.5", problem="loss 是 NaN", links="/docs/notes.md")
    assert [r.returncode for r in run_job(tmp_path, remote, github, event(6, second))] == [0, 0, 0]
    merged = yaml.safe_load(remote_file(remote, "checkins/2026/2026-01-06.yaml"))
    assert merged["status"] == "done" and merged["hours"] == 2.5
    assert merged["problems"] == [{"problem": "显存不够", "solution": "batch 减半"}, {"problem": "loss 是 NaN"}]
    comment = next(c["body"] for c in github.comments.values() if c["issue"] == 6)
    assert "（已合并：状态 in-progress → done；时长 1 → 2.5；问题：loss 是 NaN" in comment
    assert english_sentences(comment) == []


@pytest.mark.git
@pytest.mark.slow
@pytest.mark.parametrize(("author", "association"), [("mallory", "NONE"), ("friend", "COLLABORATOR")])
def test_anyone_elses_issue_is_ignored(
    tmp_path: Path, remote: Path, github: FakeGitHub, author: str, association: str
) -> None:
    # Run the steps even though the job's `if` would not start for NONE: the library ignores them too.
    github.issue(7, "打卡", "")
    before = remote_head(remote)
    payload = event(7, body(status="done"), author=author, association=association)
    # One of these runs `python -m studylog` afresh for each command, exactly as a runner does.
    runs = run_job(tmp_path, remote, github, payload, real_processes=association == "NONE")
    assert [r.returncode for r in runs] == [0, 0]  # checked in nothing, so no rebuild either
    assert "已忽略 issue #7：作者不能在这里打卡" in runs[1].output  # the job log speaks the plan's locale (zh-CN)
    assert remote_head(remote) == before and github.writes() == [] and github.issues[7]["state"] == "open"


@pytest.mark.git
@pytest.mark.slow
def test_a_listed_collaborator_may_check_in(tmp_path: Path, remote: Path, github: FakeGitHub) -> None:
    work = tmp_path / "edit"
    git(tmp_path, "clone", "-q", str(remote), str(work))
    (work / "plan.yaml").write_text((work / "plan.yaml").read_text(encoding="utf-8") + "checkin_users: ['@friend']\n")
    git(work, "-c", "user.name=l", "-c", "user.email=l@l", "commit", "-qam", "friend")
    git(work, "push", "-q", "origin", "main")
    github.issue(8, "打卡", "")
    payload = event(8, body(status="done", date="2026-01-06"), author="friend", association="COLLABORATOR")
    assert [r.returncode for r in run_job(tmp_path, remote, github, payload)] == [0, 0, 0]
    assert github.issues[8]["state"] == "closed"
    assert "Co-authored-by: friend" in git(remote, "log", "-1", "--format=%B", "main~1")


@pytest.mark.git
@pytest.mark.slow
def test_a_crafted_body_is_stored_as_text_and_nothing_runs(tmp_path: Path, remote: Path, github: FakeGitHub) -> None:
    canary = tmp_path / "pwned"
    nasty = (
        "${{ github.token }} `touch " + str(canary) + "` $(touch " + str(canary) + ")\n"
        "::set-output name=x::y\n::error file=plan.yaml::boom\n::add-mask::secret\n"
        "'; rm -rf ~; echo '\" && touch " + str(canary) + " #\n@octocat <script>alert(1)</script>"
    )
    github.issue(9, "打卡", "")
    text = body(
        status="done", date="2026-01-06", problem=nasty, solution="$(id) ${{ secrets.GITHUB_TOKEN }}", notes=nasty
    )
    runs = run_job(tmp_path, remote, github, event(9, text))
    assert [r.returncode for r in runs] == [0, 0, 0], runs[-1].output
    assert not canary.exists()
    stored = yaml.safe_load(remote_file(remote, "checkins/2026/2026-01-06.yaml"))
    assert stored["problems"] == [{"problem": nasty, "solution": "$(id) ${{ secrets.GITHUB_TOKEN }}"}]
    assert stored["notes"] == nasty
    for run in runs:  # nothing the issue said reached the job log, where `::` lines are commands
        assert not [line for line in run.output.splitlines() if line.startswith("::")], run.output
        assert "set-output" not in run.output and "octocat" not in run.output
    (comment,) = github.comments.values()
    assert "@octocat" not in comment["body"]  # mentions neutralised


def test_init_gives_a_learner_the_form_and_a_checkin_job_with_zero_findings(tmp_path: Path) -> None:
    from conftest import run_cli

    action = "someone/studylog@0123456789abcdef0123456789abcdef01234567"
    result = run_cli("init", str(tmp_path / "mine"), "--action", action)
    assert result.returncode == 0, result.stderr
    root = tmp_path / "mine"
    assert (root / ".github/ISSUE_TEMPLATE/checkin.yml").read_bytes() == TEMPLATE.read_bytes()
    workflow = yaml.safe_load((root / ".github/workflows/studylog.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["checkin"]
    assert workflow[True]["issues"] == {"types": ["opened", "edited", "reopened"]}
    assert "github.event.issue.author_association" in job["if"]
    assert job["steps"][-1] == {"uses": action, "with": {"command": "checkin-issue"}}
    bin_dir = Path(sys.executable).parent
    lint = subprocess.run(
        [str(bin_dir / "actionlint"), ".github/workflows/studylog.yml"], cwd=root, capture_output=True, text=True
    )
    assert lint.returncode == 0, lint.stdout
    audit = subprocess.run(
        [str(bin_dir / "zizmor"), "--offline", "--persona", "pedantic", ".github/workflows"],
        cwd=root, capture_output=True, text=True,
    )  # fmt: skip
    assert audit.returncode == 0 and "No findings to report" in audit.stdout + audit.stderr, audit.stdout


def test_a_night_owls_issue_counts_for_the_day_before_as_the_plan_says() -> None:
    """At 01:30 with `day_starts_at: "04:00"` it is still the day before: the form's day left blank
    was the calendar day, one after the plan's today, and the check-in was refused as "in the future"."""
    import datetime as dt

    from studylog.model import Locale
    from studylog.start.issueform import update_from

    created = dt.datetime(2026, 1, 6, 17, 30, tzinfo=dt.UTC)  # 01:30 on the 7th in Shanghai
    answers = {"date": "", "status": "done"}
    assert update_from(answers, created, "Asia/Shanghai", Locale.ZH_CN, dt.time(4)).day == dt.date(2026, 1, 6)
    assert update_from(answers, created, "Asia/Shanghai", Locale.ZH_CN).day == dt.date(2026, 1, 7)
