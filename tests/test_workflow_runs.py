"""The workflows, run as a runner would (tests/workflow_harness.py) against a real bare remote:
the template setup form, a push with a check-in, a pull request, the evening with and without a
check-in. Each test asserts what lands on the remote (and what the fake GitHub API received)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from pytest_httpserver import HTTPServer

from conftest import REPO_ROOT, run_cli
from studylog.clock import today_in
from test_bot import FakeGitHub
from workflow_harness import BOT, Runner, git, push_commit

pytestmark = [pytest.mark.git, pytest.mark.slow]  # each runs whole workflows: clones, pushes, `studylog` processes

SHA = "0123456789abcdef0123456789abcdef01234567"
TODAY = today_in("UTC")
CHECKIN = "date: {day}\nstatus: done\nhours: 2\n"


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


def remote_file(remote: Path, branch: str, rel: str) -> str | None:
    shown = subprocess.run(["git", "show", f"{branch}:{rel}"], cwd=remote, capture_output=True, text=True, check=False)
    return shown.stdout if shown.returncode == 0 else None


def log(remote: Path, branch: str) -> list[tuple[str, str]]:
    """(author, subject) of each commit on the remote branch, newest first."""
    out = git(remote, "log", "--format=%an%x09%s", branch)
    return [tuple(line.split("\t", 1)) for line in out.splitlines()]  # type: ignore[misc]


@pytest.fixture
def study(tmp_path: Path) -> tuple[Runner, Path]:
    """A learner's repository made with `studylog init`, pushed to a bare remote whose default branch is master."""
    local = tmp_path / "local"
    start = (TODAY - dt.timedelta(days=3)).isoformat()
    made = run_cli("init", str(local), "--template", "llm-12-weeks", "--start", start, "--timezone", "UTC",
                   "--locale", "en", "--action", f"studylog/studylog@{SHA}")  # fmt: skip
    assert made.returncode == 0, made.stderr
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", "--initial-branch=master", str(remote))
    git(local, "checkout", "--quiet", "-B", "master")
    git(local, "add", "-A")
    git(local, "-c", "user.name=learner", "-c", "user.email=l@example.invalid", "commit", "--quiet", "-m", "start")
    git(local, "push", "--quiet", str(remote), "master")
    runner = Runner(remote, tmp_path / "runner", default_branch="master")
    runner.scratch.mkdir()
    return runner, local


def push_event(runner: Runner, branch: str) -> dict[str, object]:
    return {"ref": f"refs/heads/{branch}", "after": git(runner.remote, "rev-parse", branch).strip()}


def test_a_pushed_checkin_is_validated_and_published_on_the_default_branch(study: tuple[Runner, Path]) -> None:
    runner, local = study
    workflow = local / ".github/workflows/studylog.yml"
    push_commit(
        runner.remote,
        runner.scratch,
        "master",
        {f"checkins/{TODAY.year}/{TODAY}.yaml": CHECKIN.format(day=TODAY)},
        "打卡",
    )
    jobs = runner.run(workflow, "push", push_event(runner, "master"), "refs/heads/master")
    assert jobs["check"].ok and jobs["publish"].ran and jobs["publish"].ok, jobs["publish"].log
    assert "✅" in jobs["check"].summary or "studylog" in jobs["check"].summary.lower()
    assert log(runner.remote, "master")[0] == (BOT[0], f"studylog: update dashboard (as of {TODAY})")
    readme = remote_file(runner.remote, "master", "README.md") or ""
    assert str(TODAY) in readme and remote_file(runner.remote, "master", "reports/index.html")
    # Another push with nothing new: the dashboard is current, so no second bot commit.
    before = log(runner.remote, "master")
    again = runner.run(workflow, "push", push_event(runner, "master"), "refs/heads/master", actor="learner")
    assert again["publish"].ok and log(runner.remote, "master") == before


def test_a_push_to_another_branch_is_checked_but_never_published(study: tuple[Runner, Path]) -> None:
    runner, local = study
    git(runner.remote, "branch", "feature", "master")
    push_commit(
        runner.remote,
        runner.scratch,
        "feature",
        {f"checkins/{TODAY.year}/{TODAY}.yaml": CHECKIN.format(day=TODAY)},
        "wip",
    )
    head = git(runner.remote, "rev-parse", "feature").strip()
    jobs = runner.run(
        local / ".github/workflows/studylog.yml", "push", push_event(runner, "feature"), "refs/heads/feature"
    )
    assert jobs["check"].ok and not jobs["publish"].ran
    assert git(runner.remote, "rev-parse", "feature").strip() == head


def test_a_pull_request_with_a_broken_checkin_fails_the_check_and_lands_nothing(study: tuple[Runner, Path]) -> None:
    runner, local = study
    git(runner.remote, "branch", "pr", "master")
    head = push_commit(
        runner.remote,
        runner.scratch,
        "pr",
        {f"checkins/{TODAY.year}/{TODAY}.yaml": "date: 2026-13-01\nstatus: done\n"},
        "bad",
    )
    refs = {r: git(runner.remote, "rev-parse", r).strip() for r in ("master", "pr")}
    runner.real_processes = True  # this one runs `python -m studylog` afresh for each command, as a runner does
    pull = {"number": 7, "head": {"ref": "pr", "sha": head, "repo": {"full_name": runner.repository}}}
    payload = {"number": 7, "pull_request": {**pull, "base": {"ref": "master"}}}
    jobs = runner.run(local / ".github/workflows/studylog.yml", "pull_request", payload, "refs/pull/7/merge")
    assert jobs["check"].ran and not jobs["check"].ok
    assert "::error file=checkins/" in jobs["check"].log  # an annotation on the exact file
    assert not jobs["publish"].ran
    assert {r: git(runner.remote, "rev-parse", r).strip() for r in ("master", "pr")} == refs


def _published_as_of(runner: Runner, local: Path, day: dt.date, files: dict[str, str]) -> None:
    """The learner's state as a publish on `day` left it: check-ins pushed, the dashboard built as of `day`."""
    push_commit(runner.remote, runner.scratch, "master", files, "check-ins")
    clone = runner.scratch / "publisher"
    git(runner.scratch, "clone", "--quiet", str(runner.remote), str(clone))
    done = run_cli("publish", str(clone), "--today", day.isoformat())
    assert done.returncode == 0, done.stderr


@pytest.fixture
def github(httpserver: HTTPServer) -> FakeGitHub:
    return FakeGitHub(httpserver)


def evening(runner: Runner, local: Path, github: FakeGitHub) -> dict[str, object]:
    runner.repository = "learner/study"
    runner.api_url = github.base
    return runner.run(
        local / ".github/workflows/studylog-evening.yml", "schedule", {"schedule": "0 21 * * *"}, "refs/heads/master"
    )  # type: ignore[return-value]


def test_the_evening_with_todays_checkin_adds_no_commit_and_opens_no_reminder(
    study: tuple[Runner, Path], github: FakeGitHub
) -> None:
    runner, local = study
    days = [TODAY - dt.timedelta(days=n) for n in range(3, -1, -1)]
    _published_as_of(runner, local, TODAY, {f"checkins/{d.year}/{d}.yaml": CHECKIN.format(day=d) for d in days})
    before = log(runner.remote, "master")
    jobs = evening(runner, local, github)
    assert all(job.ok for job in jobs.values()), [job.log for job in jobs.values()]  # type: ignore[attr-defined]
    assert log(runner.remote, "master") == before  # one bot commit per check-in, none more
    assert not [w for w in github.writes() if w[0] == "POST"]


def test_the_evening_without_todays_checkin_reminds_but_commits_only_the_date_nothing(
    study: tuple[Runner, Path], github: FakeGitHub
) -> None:
    runner, local = study
    days = [TODAY - dt.timedelta(days=n) for n in range(3, 0, -1)]  # up to yesterday; today still open
    _published_as_of(
        runner,
        local,
        TODAY - dt.timedelta(days=1),
        {f"checkins/{d.year}/{d}.yaml": CHECKIN.format(day=d) for d in days},
    )
    before = log(runner.remote, "master")
    jobs = evening(runner, local, github)
    assert all(job.ok for job in jobs.values()), [job.log for job in jobs.values()]  # type: ignore[attr-defined]
    assert log(runner.remote, "master") == before  # only the date would change: the README stays
    assert ("POST", "/repos/learner/study/issues") in github.writes()  # the reminder
    assert str(TODAY) in next(iter(github.issues.values()))["title"]


def test_the_evening_after_a_missed_day_publishes_the_broken_streak(
    study: tuple[Runner, Path], github: FakeGitHub
) -> None:
    runner, local = study
    days = [TODAY - dt.timedelta(days=n) for n in (3, 2)]  # yesterday was missed
    _published_as_of(
        runner,
        local,
        TODAY - dt.timedelta(days=2),
        {f"checkins/{d.year}/{d}.yaml": CHECKIN.format(day=d) for d in days},
    )
    jobs = evening(runner, local, github)
    assert jobs["refresh"].ok, jobs["refresh"].log  # type: ignore[attr-defined]
    assert log(runner.remote, "master")[0] == (BOT[0], f"studylog: update dashboard (as of {TODAY})")


# --------------------------------------------------------------------------------------------
# the template: "Use this template", then Actions → setup → Run workflow


def _template_files() -> list[str]:
    """The repository's files: git's list in a clone, else (an unpacked source archive) the tree."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO_ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if listed.returncode == 0:
        return listed.stdout.split("\0")
    skip = {
        ".git",
        ".venv",
        "__pycache__",
        ".pytest_cache",
        ".mypy_cache",
        ".ruff_cache",
        ".hypothesis",
        "build",
        "dist",
    }
    return [
        p.relative_to(REPO_ROOT).as_posix()
        for p in REPO_ROOT.rglob("*")
        if p.is_file()
        and not any(part in skip or part.endswith(".egg-info") for part in p.relative_to(REPO_ROOT).parts)
    ]


@pytest.fixture
def template_copy(tmp_path: Path) -> Runner:
    """A repository as "Use this template" makes it: this repository's files in one first commit."""
    work = tmp_path / "copy"
    files = _template_files()
    for rel in filter(None, files):
        if (REPO_ROOT / rel).is_file():
            (work / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO_ROOT / rel, work / rel)
    git(tmp_path, "init", "--quiet", "--initial-branch=trunk", str(work))
    git(work, "add", "-A")
    git(
        work,
        "-c",
        "user.name=GitHub",
        "-c",
        "user.email=noreply@github.com",
        "commit",
        "--quiet",
        "-m",
        "Initial commit",
    )
    remote = tmp_path / "remote.git"
    git(tmp_path, "clone", "--quiet", "--bare", str(work), str(remote))
    runner = Runner(remote, tmp_path / "runner", default_branch="trunk")
    runner.scratch.mkdir()
    return runner


def dispatch(runner: Runner, **inputs: str) -> dict[str, object]:
    form = {"start": "", "timezone": "Europe/Berlin", "curriculum": "blank", "locale": "en", "hours": "1.5", **inputs}
    return runner.run(
        REPO_ROOT / ".github/workflows/setup.yml", "workflow_dispatch", {"inputs": form}, "refs/heads/trunk"
    )  # type: ignore[return-value]


def test_the_setup_form_replaces_the_demo_and_running_it_again_keeps_checkins(template_copy: Runner) -> None:
    runner = template_copy
    jobs = dispatch(runner, start=TODAY.isoformat())
    assert jobs["setup"].ok, jobs["setup"].log  # type: ignore[attr-defined]
    assert log(runner.remote, "trunk")[0][0] == BOT[0]
    plan = yaml.safe_load(remote_file(runner.remote, "trunk", "plan.yaml") or "")
    assert (plan["start"], plan["timezone"], plan["locale"], plan["hours_per_day"]) == (
        TODAY,
        "Europe/Berlin",
        "en",
        1.5,
    )
    listed = git(runner.remote, "ls-tree", "-r", "--name-only", "trunk").splitlines()
    assert not [p for p in listed if p.startswith("checkins/") and p.endswith(".yaml")]  # the demo's are gone
    assert "scripts/studylog/cli/main.py" in listed and ".github/workflows/publish.yml" in listed  # the tool stays
    readme = remote_file(runner.remote, "trunk", "README.md") or ""
    assert "## How to check in" in readme and "<!-- studylog:start -->" in readme and "studylog:end" in readme
    assert "reports/index.html" in listed  # built: the dashboard is there at once
    # The learner checks in, then runs setup again with another start: the check-in stays.
    mine = {f"checkins/{TODAY.year}/{TODAY}.yaml": f"date: {TODAY}\nstatus: done\nhours: 1\n"}
    push_commit(runner.remote, runner.scratch, "trunk", mine, "first check-in")
    again = dispatch(runner, start=TODAY.isoformat(), curriculum="cs336")
    assert again["setup"].ok, again["setup"].log  # type: ignore[attr-defined]
    assert remote_file(runner.remote, "trunk", f"checkins/{TODAY.year}/{TODAY}.yaml") == next(iter(mine.values()))
    assert "title: 我的学习计划" in (remote_file(runner.remote, "trunk", "plan.yaml.1.bak") or "")
    assert "## How to check in" in (remote_file(runner.remote, "trunk", "README.md") or "")


def test_setup_does_nothing_in_the_template_itself(template_copy: Runner) -> None:
    runner = template_copy
    before = log(runner.remote, "trunk")
    template = {"full_name": "studylog/studylog", "default_branch": "trunk", "is_template": True}
    payload = {"inputs": {}, "repository": template}
    jobs = runner.run(REPO_ROOT / ".github/workflows/setup.yml", "workflow_dispatch", payload, "refs/heads/trunk")
    assert not jobs["setup"].ran and log(runner.remote, "trunk") == before


def test_after_setup_the_templates_own_workflows_check_publish_and_comment(
    template_copy: Runner, github: FakeGitHub
) -> None:
    """What setup leaves works: check.yml on a pull request (annotations, one comment), publish.yml
    after a push to the default branch, remind.yml's evening refresh — all installing from scripts/."""
    runner = template_copy
    runner.api_url = github.base
    assert dispatch(runner, start=(TODAY - dt.timedelta(days=1)).isoformat(), timezone="UTC")["setup"].ok  # type: ignore[attr-defined]
    workflows = REPO_ROOT / ".github/workflows"
    # A pull request from a branch of this repository: validated, and one comment with its progress.
    git(runner.remote, "branch", "pr", "trunk")
    day = TODAY - dt.timedelta(days=1)
    head = push_commit(
        runner.remote, runner.scratch, "pr", {f"checkins/{day.year}/{day}.yaml": CHECKIN.format(day=day)}, "pr"
    )
    git(runner.remote, "update-ref", "refs/pull/3/head", head)
    pull = {"number": 3, "head": {"ref": "pr", "sha": head, "repo": {"full_name": runner.repository}}}
    github.issue(3, "pr", "", pull=True)
    checked = runner.run(
        workflows / "check.yml",
        "pull_request",
        {"number": 3, "pull_request": {**pull, "base": {"ref": "trunk"}}},
        "refs/pull/3/merge",
    )
    assert checked["validate"].ok and checked["comment"].ran and checked["comment"].ok, checked["comment"].log
    assert [c["issue"] for c in github.comments.values()] == [3]
    # The push to the default branch: published by publish.yml.
    git(runner.remote, "update-ref", "refs/heads/trunk", head)
    published = runner.run(workflows / "publish.yml", "push", push_event(runner, "trunk"), "refs/heads/trunk")
    assert published["publish"].ok, published["publish"].log
    assert log(runner.remote, "trunk")[0] == (BOT[0], f"studylog: update dashboard (as of {TODAY})")
    # That evening: nothing but the date would change, so remind.yml's refresh commits nothing.
    before = log(runner.remote, "trunk")
    evening_run = runner.run(workflows / "remind.yml", "schedule", {"schedule": "0 13 * * *"}, "refs/heads/trunk")
    assert evening_run["refresh"].ok and evening_run["remind"].ok, (
        evening_run["refresh"].log + evening_run["remind"].log
    )
    assert log(runner.remote, "trunk") == before
