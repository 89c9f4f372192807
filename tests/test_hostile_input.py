"""Ordinary and hostile input that used to crash, hang or leak (issue 17, items 10, 15, 17–21, 23):
each now gets a located diagnostic and a non-zero exit, never a traceback, a hang or a leak."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli, write_repo

SECRET = "ghp_SECRETTOKEN1234567890"


@pytest.fixture
def learner(tmp_path: Path, fixture_plan: str) -> Path:
    return write_repo(
        tmp_path / "repo",
        {
            "plan.yaml": fixture_plan,
            "README.md": "# me\n\n<!-- studylog:start -->\n<!-- studylog:end -->\n",
            "checkins/2026/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\nhours: 2\n",
        },
    )


def validate(root: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`studylog validate` in a new process: for input that could crash the interpreter (deep
    nesting overflowing the C stack), exhaust its memory or block it (a FIFO), where the test is
    that the real process ends with the right exit status."""
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    result = subprocess.run(
        [sys.executable, "-m", "studylog", "validate", str(root), "--today", "2026-03-01", *args],
        capture_output=True, text=True, encoding="utf-8", errors="replace", check=False, timeout=timeout, env=env,
    )  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr
    return result


def validate_here(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`studylog validate` in this process (`run_cli`): for the path and date cases, where what
    matters is what the command reads and says, not how the process ends."""
    result = run_cli("validate", str(root), "--today", "2026-03-01", *args)
    assert "Traceback" not in result.stderr, result.stderr
    return result


# 10 -----------------------------------------------------------------------------------------


def test_a_checkin_symlinked_out_of_the_repository_is_not_read(learner: Path, tmp_path: Path) -> None:
    secret = tmp_path / "token.yaml"
    secret.write_text(f"{SECRET}: [\n", encoding="utf-8")
    (learner / "checkins/2026/2026-01-06.yaml").symlink_to(secret)
    result = validate_here(learner, "--format", "github")
    assert result.returncode == 1 and "unsafe-path" in result.stdout
    assert SECRET not in result.stdout + result.stderr


def test_one_process_validating_two_repositories_from_their_own_folders(tmp_path: Path, fixture_plan: str) -> None:
    """The real path of a repository is remembered for speed; it must never be another folder's (a
    bot or a test runner validates many repositories in one process), nor survive the folder's
    replacement by a link."""
    files = {"plan.yaml": fixture_plan, "checkins/2026/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\n"}
    first = write_repo(tmp_path / "a", files)
    second = write_repo(tmp_path / "b", {**files, "checkins/2026/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\n"})
    for folder in (first, second, first):
        result = run_cli("validate", ".", "--today", "2026-03-01", cwd=folder)
        assert result.returncode == 0, result.stdout
    assert run_cli("validate", str(first), "--today", "2026-03-01").returncode == 0
    elsewhere = write_repo(tmp_path / "elsewhere", {**files, "checkins/2026/2026-01-07.yaml": "date: [\n"})
    first.rename(tmp_path / "a-old")
    first.symlink_to(elsewhere)  # the same path, now a link to another repository: read as that one
    result = run_cli("validate", str(first), "--today", "2026-03-01")
    assert result.returncode == 1 and "2026-01-07.yaml:2:1: error[yaml-syntax]" in result.stdout
    assert "unsafe-path" not in result.stdout


def test_a_plan_symlinked_out_of_the_repository_is_not_read(learner: Path, tmp_path: Path) -> None:
    secret = tmp_path / "plan.yaml"
    secret.write_text(f"{SECRET}\n", encoding="utf-8")
    (learner / "plan.yaml").unlink()
    (learner / "plan.yaml").symlink_to(secret)
    result = validate_here(learner)
    assert result.returncode == 1 and "outside the repository" in result.stdout
    assert SECRET not in result.stdout + result.stderr


# 15 -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body", [b"date: " + b"[" * 25_000, b"notes: " + b"{a: " * 20_000, b"- " * 20_000 + b"x"], ids=["[", "{", "-"]
)
def test_deep_nesting_is_a_diagnostic_not_a_crash(learner: Path, body: bytes) -> None:
    (learner / "checkins/2026/2026-01-06.yaml").write_bytes(body)
    result = validate(learner)
    assert result.returncode == 1, (result.returncode, result.stderr[-500:])
    assert "checkins/2026/2026-01-06.yaml:1:" in result.stdout
    assert "yaml-too-complex" in result.stdout or "yaml-syntax" in result.stdout


def _block_nesting(levels: int) -> bytes:
    lines = [f"{'  ' * i}k{i}:" for i in range(levels)]
    return ("date: 2026-01-06\nnotes:\n" + "\n".join("  " + line for line in lines) + " x\n").encode()


@pytest.mark.parametrize(
    ("body", "line"),
    [
        (_block_nesting(80), 66),  # below the composer's danger zone: composed, then measured on the nodes
        (b"date: 2026-01-06\nnotes: " + b"[" * 70 + b"]" * 70 + b"\n", 2),
        (b"date: 2026-01-06\nnotes: &a\n" + b"".join(b"  - k%d: *a\n" % i for i in range(40)), None),
    ],
    ids=["block-80", "flow-70", "recursive-alias"],
)
def test_moderate_nesting_past_the_limit_is_located(learner: Path, body: bytes, line: int | None) -> None:
    (learner / "checkins/2026/2026-01-06.yaml").write_bytes(body)
    result = validate(learner)
    assert result.returncode == 1, (result.returncode, result.stderr[-500:])
    assert "yaml-too-complex" in result.stdout, result.stdout
    if line is not None:
        assert f"checkins/2026/2026-01-06.yaml:{line}:" in result.stdout, result.stdout


def test_nesting_at_the_limit_is_accepted_as_yaml(learner: Path) -> None:
    (learner / "checkins/2026/2026-01-06.yaml").write_bytes(_block_nesting(60))
    result = validate(learner)
    assert "yaml-too-complex" not in result.stdout, result.stdout


# 17 -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "content"),
    [
        ("checkins/2026/2026-01-06.yaml", "date: 9999-12-31T23:30:00-12:00\nstatus: done\n"),
        ("checkins/2026/2026-01-06.yaml", "date: 0001-01-01\nstatus: done\n"),
        ("plan.yaml", None),
        ("plan-days", None),
    ],
    ids=["datetime-at-the-end", "year-one-checkin", "plan-starts-in-year-one", "item-at-the-end"],
)
def test_dates_at_the_ends_of_the_calendar(learner: Path, fixture_plan: str, path: str, content: str | None) -> None:
    if path == "plan.yaml":
        write_repo(learner, {"plan.yaml": fixture_plan.replace("start: 2026-01-05", "start: 0001-01-01")})
    elif path == "plan-days":
        plan = fixture_plan.replace("day: 1}", "date: 9999-12-30, days: 366}", 1)
        assert plan != fixture_plan
        write_repo(learner, {"plan.yaml": plan})
    else:
        write_repo(learner, {path: content or ""})
    result = validate_here(learner)
    assert result.returncode == 1 and "invalid-date" in result.stdout, result.stdout + result.stderr
    assert "outside the years studylog works with" in result.stdout


# 18 -----------------------------------------------------------------------------------------


def test_a_checkin_name_that_is_not_utf8(learner: Path) -> None:
    name = os.fsencode(learner / "checkins/2026") + b"/2026-01-06-\xff.yaml"
    with open(name, "wb") as handle:
        handle.write(b"date: 2026-01-06\nstatus: done\n")
    result = validate_here(learner)
    assert result.returncode == 1 and "not-utf8" in result.stdout and "2026-01-06-\ufffd.yaml" in result.stdout


# 19 -----------------------------------------------------------------------------------------


def test_a_huge_sparse_checkin_is_not_read_whole(learner: Path) -> None:
    path = learner / "checkins/2026/2026-01-06.yaml"
    with open(path, "wb") as handle:
        handle.truncate(3 * 1024**3)  # 3 GB of holes: takes no disk, but reading it would take 3 GB of memory
    code = (
        "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3));"
        "from studylog.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "validate", str(learner), "--today", "2026-03-01"],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1 and "file-too-large" in result.stdout, result.stderr[-800:]
    assert "3,221,225,472 bytes" in result.stdout


# 20 -----------------------------------------------------------------------------------------


def test_a_fifo_as_a_linked_file_does_not_hang(learner: Path) -> None:
    os.mkfifo(learner / "notes.md")
    write_repo(learner, {"checkins/2026/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\nlinks: [/notes.md#x]\n"})
    result = validate(learner, timeout=30)
    assert result.returncode == 1 and "not a regular file" in result.stdout


def test_a_fifo_as_a_checkin_does_not_hang(learner: Path) -> None:
    os.mkfifo(learner / "checkins/2026/2026-01-06.yaml")
    result = validate(learner, timeout=30)
    assert result.returncode == 0  # not a file: not a check-in, and nothing waits for it


def test_a_fifo_as_readme_does_not_hang_build(learner: Path) -> None:
    (learner / "README.md").unlink()
    os.mkfifo(learner / "README.md")
    result = subprocess.run(
        [sys.executable, "-m", "studylog", "build", str(learner), "--today", "2026-01-08"],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode != 0 and "not a regular file" in result.stderr and "Traceback" not in result.stderr


# 21 -----------------------------------------------------------------------------------------


def test_checkins_in_a_symlinked_folder_inside_the_repository_are_read(learner: Path) -> None:
    write_repo(learner, {"archive/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\nitems: [no-such-item]\n"})
    (learner / "checkins/old").symlink_to("../archive")
    result = validate_here(learner)
    assert result.returncode == 1 and "checkins/old/2026-01-06.yaml:3:" in result.stdout, result.stdout


def test_checkins_in_a_folder_symlinked_out_of_the_repository_are_reported(learner: Path, tmp_path: Path) -> None:
    outside = write_repo(tmp_path / "outside", {"2026-01-06.yaml": "date: 2026-01-06\nstatus: done\n"})
    (learner / "checkins/old").symlink_to(outside)
    result = validate_here(learner)
    assert result.returncode == 1 and "checkins/old is a symbolic link to a folder outside" in result.stdout


# 23 -----------------------------------------------------------------------------------------


def test_a_deeply_nested_cache_file_is_ignored(learner: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    for name in ("loaded.json", "anchors.json", "links.json"):
        (cache / name).write_text("[" * 100_000, encoding="utf-8")
    result = run_cli("validate", str(learner), "--today", "2026-03-01", env={"STUDYLOG_CACHE_DIR": str(cache)})
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-500:]


def test_an_escaped_control_character_in_text_is_a_diagnostic(learner: Path) -> None:
    # Found by the hostile-repository property test: "\x14" got past YAML into an SVG chart,
    # which then was not well-formed XML.
    write_repo(learner, {"checkins/2026/2026-01-06.yaml": 'date: 2026-01-06\nstatus: done\ntask: "a\\x14b"\n'})
    result = validate_here(learner)
    assert result.returncode == 1 and "checkins/2026/2026-01-06.yaml:3:7: error[yaml-syntax]" in result.stdout
    assert "U+0014" in result.stdout
