"""Data-driven acceptance tests: every file under tests/data/valid loads clean; every file
under tests/data/invalid produces exactly the (line, column, code) its `# expect:` lines name,
and, read in English and in Chinese, says what its `# en:` and `# zh:` lines quote (each must
appear in some diagnostic's message or hint of that file).

A case is a file a learner might commit. Check-in cases are read against tests/data/plan.yaml;
plan cases are the plan itself. `# path:` places a check-in where its name matters.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA, TODAY, write_repo
from studylog.check.repository import load_repository
from studylog.i18n import Lang, using

EXPECT = re.compile(r"# expect: (\d+):(\d+) ([a-z0-9-]+)")
PATH = re.compile(r"# path: (\S+)")
SAYS = {Lang.EN: re.compile(r"^# en: (.+)$", re.MULTILINE), Lang.ZH_CN: re.compile(r"^# zh: (.+)$", re.MULTILINE)}

INVALID_CHECKINS = sorted((DATA / "invalid" / "checkin").glob("*.yaml"))
INVALID_PLANS = sorted((DATA / "invalid" / "plan").glob("*.yaml"))
VALID_CHECKINS = sorted((DATA / "valid" / "checkin").glob("*.yaml"))
VALID_PLANS = sorted((DATA / "valid" / "plan").glob("*.yaml"))


def expectations(text: str) -> set[tuple[int, int, str]]:
    return {(int(m[1]), int(m[2]), m[3]) for m in EXPECT.finditer(text)}


def found(root: Path, rel: str) -> set[tuple[int, int, str]]:
    result = load_repository(root, TODAY)
    return {(d.line, d.column, d.code) for d in result.diagnostics if d.path == rel}


def assert_says(root: Path, rel: str, text: str) -> None:
    """Each `# en:` / `# zh:` quote appears in that language's wording, at the same places."""
    places = found(root, rel)
    for lang, pattern in SAYS.items():
        with using(lang):
            result = load_repository(root, TODAY)
        worded = [f"{d.message} {d.hint}" for d in result.diagnostics if d.path == rel]
        assert {(d.line, d.column, d.code) for d in result.diagnostics if d.path == rel} == places
        for quote in pattern.findall(text):
            assert any(quote in w for w in worded), (lang.value, quote, worded)


def test_every_slip_case_speaks_both_languages() -> None:
    """A case that quotes one language quotes the other: no message is tested in English only."""
    for path in INVALID_CHECKINS + INVALID_PLANS:
        text = path.read_text(encoding="utf-8")
        assert bool(SAYS[Lang.EN].search(text)) == bool(SAYS[Lang.ZH_CN].search(text)), path.name


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
    assert_says(tmp_path, rel, text)


@pytest.mark.parametrize("case", INVALID_PLANS, ids=lambda p: p.stem)
def test_invalid_plan(case: Path, tmp_path: Path) -> None:
    wanted = expectations(case.read_text(encoding="utf-8"))
    assert wanted, f"{case.name} has no `# expect:` line"
    write_repo(tmp_path, {"plan.yaml": case.read_bytes()})
    assert found(tmp_path, "plan.yaml") == wanted
    assert_says(tmp_path, "plan.yaml", case.read_text(encoding="utf-8"))


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
