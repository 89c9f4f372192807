"""The README is a promise: its examples must validate and its tables must name what the code does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO_ROOT, TODAY, run_cli, write_repo
from studylog.check.repository import load_repository
from studylog.diagnostics import CODES

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
YAML_BLOCKS = re.findall(r"```yaml\n(.*?)```", README, re.S)


def test_readme_examples_validate(tmp_path: Path) -> None:
    plan, minimal, full = YAML_BLOCKS
    for name, checkin in (("minimal", minimal), ("full", full)):
        root = write_repo(tmp_path / name, {"plan.yaml": plan, "checkins/example.yaml": checkin})
        assert load_repository(root, TODAY).diagnostics == [], name


def test_every_diagnostic_code_is_documented() -> None:
    documented = set(re.findall(r"`([a-z]+(?:-[a-z0-9]+)+)`", README.split("### What is checked")[1]))
    assert CODES - documented == set()


def test_every_diagnostic_code_is_exercised_by_a_test() -> None:
    tests = "\n".join(p.read_text(encoding="utf-8") for p in (REPO_ROOT / "tests").rglob("*.py"))
    cases = "\n".join(p.read_text(encoding="utf-8") for p in (REPO_ROOT / "tests/data").rglob("*.yaml"))
    assert {code for code in CODES if code not in tests and f" {code}\n" not in cases} == set()


COMMANDS = [
    "init", "setup", "new", "checkin", "review", "import", "validate", "status", "build", "export", "publish", "remind",
    "bot comment", "bot checkin-issue",
]  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_option_is_documented(command: str) -> None:
    # `doctor` takes no options; its row is checked by test_every_command_has_a_row.
    help_text = run_cli(*command.split(), "--help").stdout
    row = next(line for line in README.splitlines() if line.startswith(f"| `studylog {command} "))
    options = set(re.findall(r"(--[a-z-]+)", help_text)) - {"--help"}
    assert options and all(option in row for option in options), (options, row)


def test_every_exit_code_is_documented() -> None:
    from studylog import errors

    codes = {v for k, v in vars(errors).items() if k.startswith("EXIT_") and k != "EXIT_INTERRUPTED"}
    table = README.split("Exit codes, the same for every command:")[1].split("\n\n")[1]
    assert {int(c) for c in re.findall(r"^\| \*\*(\d+)\*\* \|", table, re.M)} == codes
    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, Exception)]
    assert all(issubclass(c, errors.StudylogError) for c in classes)  # each carries its exit code
    assert {c.exit_code for c in classes if issubclass(c, errors.StudylogError)} <= codes


def test_every_command_has_a_row() -> None:
    help_text = run_cli("--help").stdout
    listed = set(re.findall(r"^    ([a-z]+) ", help_text, re.M))
    rows = {c for c in listed if any(line.startswith(f"| `studylog {c}") for line in README.splitlines())}
    assert listed and listed == rows, listed - rows
