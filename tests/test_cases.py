"""Data-driven acceptance tests: every file under tests/data/valid loads clean; every file
under tests/data/invalid produces exactly the (line, column, code) its `# expect:` lines name.

A case is a file a learner might commit. Check-in cases are read against tests/data/plan.yaml;
plan cases are the plan itself. `# path:` places a check-in where its name matters.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA, TODAY, write_repo
from studylog.check.repository import load_repository

EXPECT = re.compile(r"# expect: (\d+):(\d+) ([a-z0-9-]+)")
PATH = re.compile(r"# path: (\S+)")

INVALID_CHECKINS = sorted((DATA / "invalid" / "checkin").glob("*.yaml"))
INVALID_PLANS = sorted((DATA / "invalid" / "plan").glob("*.yaml"))
VALID_CHECKINS = sorted((DATA / "valid" / "checkin").glob("*.yaml"))
VALID_PLANS = sorted((DATA / "valid" / "plan").glob("*.yaml"))


def expectations(text: str) -> set[tuple[int, int, str]]:
    return {(int(m[1]), int(m[2]), m[3]) for m in EXPECT.finditer(text)}


def found(root: Path, rel: str) -> set[tuple[int, int, str]]:
    result = load_repository(root, TODAY)
    return {(d.line, d.column, d.code) for d in result.diagnostics if d.path == rel}


def test_there_are_enough_distinct_invalid_cases() -> None:
    codes = {
        code
        for path in INVALID_CHECKINS + INVALID_PLANS
        for _, _, code in expectations(path.read_text(encoding="utf-8"))
    }
    assert len(INVALID_CHECKINS) + len(INVALID_PLANS) >= 40
    assert len(codes) >= 25, sorted(codes)


@pytest.mark.parametrize("case", INVALID_CHECKINS, ids=lambda p: p.stem)
def test_invalid_checkin(case: Path, tmp_path: Path, fixture_plan: str) -> None:
    text = case.read_text(encoding="utf-8")
    wanted = expectations(text)
    assert wanted, f"{case.name} has no `# expect:` line"
    match = PATH.search(text)
    rel = match[1] if match else f"checkins/{case.name}"
    write_repo(tmp_path, {"plan.yaml": fixture_plan, rel: case.read_bytes()})
    assert found(tmp_path, rel) == wanted


@pytest.mark.parametrize("case", INVALID_PLANS, ids=lambda p: p.stem)
def test_invalid_plan(case: Path, tmp_path: Path) -> None:
    wanted = expectations(case.read_text(encoding="utf-8"))
    assert wanted, f"{case.name} has no `# expect:` line"
    write_repo(tmp_path, {"plan.yaml": case.read_bytes()})
    assert found(tmp_path, "plan.yaml") == wanted


@pytest.mark.parametrize("case", VALID_CHECKINS, ids=lambda p: p.stem)
def test_valid_checkin(case: Path, tmp_path: Path, fixture_plan: str) -> None:
    write_repo(tmp_path, {"plan.yaml": fixture_plan, f"checkins/{case.name}": case.read_bytes()})
    result = load_repository(tmp_path, TODAY)
    assert result.diagnostics == []
    assert result.repository is not None and len(result.repository.checkins) == 1


@pytest.mark.parametrize("case", VALID_PLANS, ids=lambda p: p.stem)
def test_valid_plan(case: Path, tmp_path: Path) -> None:
    write_repo(tmp_path, {"plan.yaml": case.read_bytes()})
    result = load_repository(tmp_path, TODAY)
    assert result.diagnostics == []
    assert result.repository is not None
