"""The load cache gives exactly what reading the files gives, and notices every change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import DATA, REPO_ROOT, TODAY, write_repo
from studylog.check.repository import load_repository
from studylog.load import cache as loadcache
from studylog.load.files import parse_plan, read_checkin

PLANS = [REPO_ROOT / "plan.yaml", REPO_ROOT / "examples/cs336/plan.yaml", DATA / "plan.yaml"]
PLANS += sorted((DATA / "valid/plan").glob("*.yaml")) + sorted((DATA / "invalid/plan").glob("*.yaml"))
CHECKINS = sorted((REPO_ROOT / "checkins").rglob("*.yaml")) + sorted((DATA / "valid/checkin").glob("*.yaml"))
CHECKINS += sorted((DATA / "invalid/checkin").glob("*.yaml"))


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_a_plan_round_trips(path: Path) -> None:
    plan, problems = parse_plan("plan.yaml", path.read_bytes())
    restored, restored_problems = loadcache.restore_plan("plan.yaml", loadcache.dump_plan(plan, problems))
    assert (restored, restored_problems) == (plan, problems)
    if plan is not None and restored is not None:
        assert restored.spans == plan.spans
        assert restored.items == plan.items and restored.end == plan.end


@pytest.mark.parametrize("path", CHECKINS, ids=lambda p: p.name)
def test_a_checkin_round_trips(path: Path) -> None:
    checkin, problems = read_checkin("checkins/x.yaml", path.read_bytes(), "Asia/Shanghai")
    restored, restored_problems = loadcache.restore("checkins/x.yaml", loadcache.dump(checkin, problems))
    assert (restored, restored_problems) == (checkin, problems)
    if checkin is not None and restored is not None:
        assert restored.spans == checkin.spans


def test_a_warm_load_equals_a_cold_one_and_sees_edits(tmp_path: Path, fixture_plan: str) -> None:
    root = write_repo(
        tmp_path,
        {
            "plan.yaml": fixture_plan,
            "checkins/a.yaml": "date: 2026-01-05\nstatus: done\nitems: [w1d1, nope]\n",
            "checkins/2026-01-06.yaml": "date: 2026-01-06T00:30:00+08:00\nstatus: 🔄\nhours: 1.5\n",
        },
    )
    cold = load_repository(root, TODAY)
    warm = load_repository(root, TODAY)
    assert warm == cold and [d.code for d in warm.diagnostics] == ["unknown-id"]
    write_repo(root, {"checkins/a.yaml": "date: 2026-01-05\nstatus: done\nitems: [w1d1]\n"})
    assert load_repository(root, TODAY).diagnostics == []
    write_repo(root, {"plan.yaml": fixture_plan.replace("Asia/Shanghai", "America/New_York")})
    shifted = load_repository(root, TODAY).repository
    assert shifted is not None  # the same datetime is the 5th in New York: the cache keyed on the timezone
    assert [c.date for c in shifted.checkins] == [dt.date(2026, 1, 5), dt.date(2026, 1, 5)]


def test_default_items_follow_a_changed_plan_on_a_warm_cache(tmp_path: Path, fixture_plan: str) -> None:
    root = write_repo(tmp_path, {"plan.yaml": fixture_plan, "checkins/a.yaml": "date: 2026-01-05\nstatus: done\n"})
    load_repository(root, TODAY)
    write_repo(root, {"plan.yaml": fixture_plan.replace("w1d1", "w1d1x")})
    found = load_repository(root, TODAY)
    assert found.repository is not None and found.repository.checkins[0].items[0].id == "w1d1x"
