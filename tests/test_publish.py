"""`studylog publish` against a real local bare repository, with publishers racing each other."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import studylog_fork
from conftest import run_cli, write_repo
from studylog.errors import GitError
from studylog.layout import is_generated_path
from studylog.publish.git import BOT_NAME, PublishOptions, changed_checkins, publish

pytestmark = [pytest.mark.git, pytest.mark.slow]

TODAY = "2026-01-10"


def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "learner", "GIT_AUTHOR_EMAIL": "l@example.com"}
    env |= {"GIT_COMMITTER_NAME": "learner", "GIT_COMMITTER_EMAIL": "l@example.com"}
    done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def remote(tmp_path: Path, fixture_plan: str) -> Path:
    """A bare repository whose main branch holds a plan, a README with markers and one check-in."""
    bare = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(bare)], check=True)
    seed = write_repo(
        tmp_path / "seed",
        {
            "plan.yaml": fixture_plan,
            "README.md": "# 学习\n\n<!-- studylog:start -->\n<!-- studylog:end -->\n",
            "checkins/2026/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\nhours: 2\n",
        },
    )
    git(seed, "init", "-q", "-b", "main")
    git(seed, "add", "-A")
    git(seed, "commit", "-qm", "start")
    git(seed, "remote", "add", "origin", str(bare))
    git(seed, "push", "-q", "origin", "main")
    return bare


def clone(remote: Path, where: Path) -> Path:
    subprocess.run(["git", "clone", "-q", str(remote), str(where)], check=True)
    return where


def add_checkin(root: Path, day: int, who: str) -> None:
    write_repo(root, {f"checkins/2026/2026-01-{day:02d}.yaml": f"date: 2026-01-{day:02d}\nstatus: done\nhours: 2\n"})
    git(root, "add", "-A")
    git(root, "commit", "-qm", f"check-in by {who}")


def publish_cli(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_cli("publish", str(root), "--today", TODAY, *extra, cwd=root)


def publish_process(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Racing publishers are real processes, each with its own working folder: forks of one
    interpreter that has the libraries imported (tests/studylog_fork.py), running at the same time."""
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}  # as conftest.run_cli_process
    return subprocess.run(
        [*studylog_fork.command(env), "publish", str(root), "--today", TODAY, *extra],
        cwd=root, env=env, capture_output=True, text=True, encoding="utf-8", check=False, timeout=300,
    )  # fmt: skip


def test_racing_publishers_lose_nothing(remote: Path, tmp_path: Path) -> None:
    learners = [clone(remote, tmp_path / f"learner{day}") for day in (6, 7, 8, 9)]
    for day, root in zip((6, 7, 8, 9), learners, strict=True):
        add_checkin(root, day, f"learner{day}")
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda r: publish_process(r, "--attempts", "10", "--backoff", "0.05"), learners))
    assert [r.returncode for r in results] == [0, 0, 0, 0], [r.stderr for r in results]
    assert any("attempt 1)" not in r.stderr for r in results)  # at least one publisher had to retry
    final = clone(remote, tmp_path / "final")
    names = set(git(final, "ls-files", "checkins").split())
    assert names == {f"checkins/2026/2026-01-{d:02d}.yaml" for d in (5, 6, 7, 8, 9)}
    log = git(final, "log", "--format=%an|%s")
    assert all(f"learner|check-in by learner{day}" in log for day in (6, 7, 8, 9))
    assert f"{BOT_NAME}|studylog: update dashboard (as of {TODAY})" in log
    readme = (final / "README.md").read_text(encoding="utf-8")
    for day in (5, 6, 7, 8, 9):  # MM-DD (a non-breaking hyphen), status as its emoji
        # committed today for January days: 6–9 are back-fills (补卡); the 5th came with plan.yaml
        assert f"| 01\u2011{day:02d} | ✅{' 🕰 补卡' if day > 5 else ''} |" in readme
    assert run_cli("build", str(final), "--check").returncode == 0  # the README reflects every check-in


def test_retries_are_bounded_when_the_remote_keeps_moving(remote: Path, tmp_path: Path) -> None:
    mine, other = clone(remote, tmp_path / "mine"), clone(remote, tmp_path / "other")
    add_checkin(mine, 6, "me")
    pushes = []

    def someone_pushes_first(attempt: int) -> None:
        add_checkin(other, 10 + attempt, "other")
        git(other, "push", "-q", "origin", "main")
        pushes.append(attempt)

    with pytest.raises(GitError, match="gave up after 3 attempts: origin/main kept moving"):
        publish(mine, PublishOptions(attempts=3, backoff=0.0, today=None), before_push=someone_pushes_first)
    assert pushes == [1, 2, 3]
    assert "check-in by me" in git(mine, "log", "--format=%s")  # the learner's commit is still there


@pytest.mark.parametrize(
    ("hook_says", "expected"),
    [
        ("Permission to learner/study.git denied to github-actions[bot].", "Workflow permissions"),
        ("error: GH006: Protected branch update failed for refs/heads/main.", "--via-branch"),
    ],
    ids=["403", "protected-branch"],
)
def test_a_refused_push_says_what_to_change(remote: Path, tmp_path: Path, hook_says: str, expected: str) -> None:
    hook = remote / "hooks/pre-receive"
    hook.write_text(f"#!/bin/sh\necho '{hook_says}' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    mine = clone(remote, tmp_path / "mine")
    add_checkin(mine, 6, "me")
    result = publish_cli(mine)
    assert result.returncode == 3 and expected in result.stderr and "Traceback" not in result.stderr  # GitError


def test_outside_a_git_repository_publish_says_so(tmp_path: Path, fixture_plan: str) -> None:
    """(It exited 3 with git's own "fatal: not a git repository" and the git command line.)"""
    root = write_repo(tmp_path / "study", {"plan.yaml": fixture_plan})
    # git must not find a repository above the temporary folder either
    result = run_cli("publish", str(root), "--today", TODAY, env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert result.returncode == 2, result.stderr
    assert f"publish commits and pushes with git, but {root} is not in a git repository" in result.stderr
    assert not (root / "reports").exists()  # nothing built either


def test_dry_run_nothing_to_publish_and_detached_head(
    remote: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = clone(remote, tmp_path / "mine")
    result = publish_cli(mine, "--dry-run")
    assert result.returncode == 0 and "would commit and push to origin/main" in result.stderr
    assert "README.md" in result.stderr and "reports/index.html" in result.stderr
    assert git(mine, "status", "--porcelain", "--untracked-files=all") == ""  # a dry run writes nothing
    assert publish_cli(mine).returncode == 0
    again = publish_cli(mine)
    assert again.returncode == 0 and "nothing new to publish" in again.stderr
    git(mine, "checkout", "-q", "--detach")
    for name in [k for k in os.environ if k.startswith("GITHUB_")]:  # no GITHUB_REF_NAME to fall back on
        monkeypatch.delenv(name)
    detached = run_cli("publish", str(mine), "--today", TODAY)
    assert detached.returncode == 2 and "HEAD is detached and no branch was given" in detached.stderr
    assert publish_cli(mine, "--branch", "main").returncode == 0


def test_uncommitted_work_of_the_learner_is_never_touched(remote: Path, tmp_path: Path) -> None:
    mine = clone(remote, tmp_path / "mine")
    (mine / "plan.yaml").write_text((mine / "plan.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = publish_cli(mine)
    assert result.returncode == 2 and "uncommitted changes to plan.yaml: commit or stash them first" in result.stderr


def test_an_untracked_file_under_reports_is_never_committed(remote: Path, tmp_path: Path) -> None:
    mine = clone(remote, tmp_path / "mine")
    add_checkin(mine, 6, "me")
    write_repo(mine, {"reports/private-draft.md": "not for the world\n"})
    result = publish_cli(mine)
    assert result.returncode == 0, result.stderr
    final = clone(remote, tmp_path / "final")
    assert "reports/private-draft.md" not in git(final, "ls-files", "reports")
    assert "reports/index.html" in git(final, "ls-files", "reports")
    assert (mine / "reports/private-draft.md").read_text(encoding="utf-8") == "not for the world\n"


def test_a_study_folder_inside_a_larger_repository_builds_then_publishes(tmp_path: Path, fixture_plan: str) -> None:
    """The action's `path:` may name a folder inside a larger repository (git names files from the
    top of it): a local build and then publish commit only that folder's generated files, and an
    edit elsewhere in the repository is named from the study folder and stops the publish."""
    bare = tmp_path / "notes.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(bare)], check=True)
    seed = write_repo(
        tmp_path / "seed",
        {
            "README.md": "# All my notes\n",  # the larger repository's own README: never touched
            "reports/q3.md": "a report of the learner's, not studylog's\n",
            "courses/cs336/plan.yaml": fixture_plan,
            "courses/cs336/README.md": "# CS336\n\n<!-- studylog:start -->\n<!-- studylog:end -->\n",
            "courses/cs336/checkins/2026/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\nhours: 2\n",
        },
    )
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["commit", "-qm", "start"],
        ["push", "-q", str(bare), "main"],
    ):
        git(seed, *args)
    mine = clone(bare, tmp_path / "mine")
    study = mine / "courses/cs336"
    add_checkin(study, 6, "me")
    assert run_cli("build", str(study), "--today", TODAY).returncode == 0  # README and reports now uncommitted
    (mine / "reports/q3.md").write_text("edited, not committed\n", encoding="utf-8")
    refused = publish_cli(study)
    assert refused.returncode == 2 and "../../reports/q3.md" in refused.stderr, refused.stderr
    git(mine, "checkout", "--", "reports/q3.md")
    result = publish_cli(study)
    assert result.returncode == 0, result.stderr
    final = clone(bare, tmp_path / "final")
    published = git(final, "show", "--name-only", "--format=", "HEAD").split()
    assert "courses/cs336/README.md" in published and "courses/cs336/reports/index.html" in published
    assert all(name.startswith("courses/cs336/") for name in published), published
    assert (final / "README.md").read_text(encoding="utf-8") == "# All my notes\n"
    assert "| 01\u201106 | ✅" in (final / "courses/cs336/README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["2026/2026-01-06.yaml", "第一周/周二 «notes».yaml"])
def test_a_pull_request_in_a_study_folder_names_its_checkins_from_that_folder(
    tmp_path: Path, fixture_plan: str, name: str
) -> None:
    """The check-ins a pull request adds, as studylog names them: from the study folder, and with the
    learner's own file names (git quotes and escapes non-ASCII names unless told not to)."""
    repo = write_repo(
        tmp_path / "notes",
        {
            "courses/cs336/plan.yaml": fixture_plan,
            "checkins/elsewhere.yaml": "not the study's\n",  # a folder of the same name outside it
        },
    )
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "start"], ["checkout", "-qb", "pr"]):
        git(repo, *args)
    study = repo / "courses/cs336"
    write_repo(study, {f"checkins/{name}": "date: 2026-01-06\nstatus: done\nhours: 2\n"})
    write_repo(repo, {"checkins/elsewhere.yaml": "changed too\n"})
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "a check-in, and a file elsewhere")
    assert changed_checkins(study, "main") == {f"checkins/{name}"}


def test_which_paths_are_studylogs_own() -> None:
    assert is_generated_path("README.md") and is_generated_path("reports/weekly/w1.md")
    assert is_generated_path("readme.md", "readme.md") and not is_generated_path("readme.md")
    assert not is_generated_path("README.md", "readme.md")  # only the README it writes
    for path in ("../../reports/q3.md", "reports/../plan.yaml", "reports//x", "reports", "checkins/x.yaml"):
        assert not is_generated_path(path), path


def test_a_lower_case_readme_built_locally_is_published(remote: Path, tmp_path: Path) -> None:
    """`readme.md` is the README GitHub shows, so studylog writes its section there: after a local
    build, publish commits it instead of calling it someone's uncommitted change."""
    mine = clone(remote, tmp_path / "mine")
    git(mine, "mv", "README.md", "readme.md")
    git(mine, "commit", "-qm", "lower case")
    add_checkin(mine, 6, "me")
    assert run_cli("build", str(mine), "--today", TODAY).returncode == 0
    result = publish_cli(mine)
    assert result.returncode == 0, result.stderr
    final = clone(remote, tmp_path / "final")
    assert "| 01\u201106 | ✅" in (final / "readme.md").read_text(encoding="utf-8")
    assert not (final / "README.md").exists()


def test_an_uncommitted_edit_to_a_review_is_never_destroyed(remote: Path, tmp_path: Path) -> None:
    mine = clone(remote, tmp_path / "mine")
    assert publish_cli(mine).returncode == 0
    review = mine / "reports/phases/p1.md"
    edited = review.read_text(encoding="utf-8") + "\nmy verdict\n"
    review.write_text(edited, encoding="utf-8")
    add_checkin(mine, 6, "me")
    result = publish_cli(mine)
    assert result.returncode != 0 and "reports/phases/p1.md: was edited" in result.stderr
    assert review.read_text(encoding="utf-8") == edited
    assert "studylog: update" not in git(mine, "log", "-1", "--format=%s")


def test_a_race_against_a_remote_whose_name_holds_403_is_retried(remote: Path, tmp_path: Path) -> None:
    named = tmp_path / "cs6403-notes.git"
    remote.rename(named)
    mine, other = clone(named, tmp_path / "mine"), clone(named, tmp_path / "other")
    add_checkin(mine, 6, "me")

    def someone_pushes_first(attempt: int) -> None:
        if attempt == 1:
            add_checkin(other, 9, "other")
            git(other, "push", "-q", "origin", "main")

    done = publish(mine, PublishOptions(attempts=3, backoff=0.0), before_push=someone_pushes_first)
    assert done.attempts == 2


@pytest.mark.parametrize(
    ("stdout", "stderr", "expected"),
    [
        (
            "To /x/cs6403-notes.git\n!\tHEAD:refs/heads/main\t[rejected] (fetch first)\nDone\n",
            "hint: Updates were rejected because the remote contains work\n",
            "race",
        ),
        (
            "To x\n!\tHEAD:refs/heads/main\t[remote rejected] (cannot lock ref 'refs/heads/main': is at "
            "4031a2b but expected 403ff00)\nDone\n",
            "",
            "race",
        ),
        (
            "",
            "remote: Permission to me/cs6403.git denied to github-actions[bot].\nfatal: unable to access "
            "'https://github.com/me/cs6403.git/': The requested URL returned error: 403\n",
            "permission",
        ),
        (
            "To x\n!\tHEAD:refs/heads/main\t[remote rejected] (protected branch hook declined)\nDone\n",
            "remote: error: GH006: Protected branch update failed for refs/heads/main.\n",
            "protected",
        ),
        ("", "fatal: '403' does not appear to be a git repository\n", "other"),
    ],
    ids=["race-with-403-in-name", "lock-race-with-403-in-sha", "permission", "protected", "other"],
)
def test_push_failures_are_classified_from_structured_output(stdout: str, stderr: str, expected: str) -> None:
    from studylog.publish.git import classify_push_failure

    assert classify_push_failure(1 if stdout else 128, stdout, stderr) == expected


@pytest.mark.parametrize(
    "event",
    [
        {"GITHUB_EVENT_NAME": "pull_request", "GITHUB_HEAD_REF": "feature", "GITHUB_REF_NAME": "7/merge"},
        {"GITHUB_EVENT_NAME": "push", "GITHUB_REF_TYPE": "tag", "GITHUB_REF_NAME": "v1.0"},
        {"GITHUB_EVENT_NAME": "push", "GITHUB_REF_TYPE": "branch", "GITHUB_REF_NAME": "not-on-remote"},
    ],
    ids=["pull-request", "tag", "unknown-branch"],
)
def test_a_detached_head_never_pushes_to_a_new_branch(remote: Path, tmp_path: Path, event: dict[str, str]) -> None:
    mine = clone(remote, tmp_path / "mine")
    add_checkin(mine, 6, "me")
    git(mine, "checkout", "-q", "--detach")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")} | event
    result = subprocess.run(
        [sys.executable, "-m", "studylog", "publish", str(mine), "--today", TODAY],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert result.returncode != 0 and "--branch NAME" in result.stderr
    assert git(mine, "ls-remote", "--heads", "origin").count("refs/heads/") == 1
