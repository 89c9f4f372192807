"""The load cache gives exactly what reading the files gives, and notices every change."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from conftest import DATA, REPO_ROOT, TODAY, write_repo
from studylog import cache as cache_module
from studylog.cache import repository_cache_dir
from studylog.check.repository import load_repository
from studylog.load import cache as loadcache
from studylog.load.files import guess_context, parse_plan, read_checkin
from studylog.model import Status

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


def test_day_credit_follows_a_changed_plan_on_a_warm_cache(tmp_path: Path, fixture_plan: str) -> None:
    from studylog.progress import compute

    root = write_repo(tmp_path, {"plan.yaml": fixture_plan, "checkins/a.yaml": "date: 2026-01-05\nstatus: done\n"})
    load_repository(root, TODAY)
    write_repo(root, {"plan.yaml": fixture_plan.replace("w1d1", "w1d1x")})
    found = load_repository(root, TODAY)
    assert found.repository is not None
    done = {i.id for i in compute(found.repository, TODAY).items if i.state is Status.DONE}
    assert done == {"w1d1x"}


def _checkins(count: int) -> dict[str, str]:
    days = [dt.date(2026, 1, 5) + dt.timedelta(days=n) for n in range(count)]
    return {f"checkins/{d}.yaml": f"date: {d}\nstatus: done\n" for d in days}


def test_each_repository_has_its_own_cache_and_reads_no_other(tmp_path: Path, fixture_plan: str) -> None:
    first = write_repo(tmp_path / "first", {"plan.yaml": fixture_plan, **_checkins(2)})
    second = write_repo(tmp_path / "second", {"plan.yaml": fixture_plan, **_checkins(3)})
    load_repository(first, TODAY)
    load_repository(second, TODAY)
    folders = {repository_cache_dir(first), repository_cache_dir(second)}
    assert len(folders) == 2 and all((f / "loaded.json").is_file() for f in folders)
    assert repository_cache_dir(first / "." / "checkins" / "..") == repository_cache_dir(first)
    # Another repository's cache file is never opened: make it unreadable garbage and load again.
    (repository_cache_dir(second) / "loaded.json").write_bytes(b"\xff not json")
    opened: list[str] = []
    real_read_bytes = Path.read_bytes

    def spy(self: Path) -> bytes:
        opened.append(str(self))
        return real_read_bytes(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Path, "read_bytes", spy)
        again = load_repository(first, TODAY)
    assert again.diagnostics == [] and again.repository is not None and len(again.repository.checkins) == 2
    assert [p for p in opened if p.endswith(".json")] == [str(repository_cache_dir(first) / "loaded.json")]


def test_a_cache_file_keeps_the_most_recently_used_entries(
    tmp_path: Path, fixture_plan: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 4)
    root = write_repo(tmp_path, {"plan.yaml": fixture_plan, **_checkins(3)})
    load_repository(root, TODAY)  # the plan and 3 check-ins: 4 entries
    write_repo(root, {"checkins/2026-01-05.yaml": "date: 2026-01-05\nstatus: 🔄\n"})
    load_repository(root, TODAY)  # one new entry: the old version of the edited file goes
    stored = json.loads((repository_cache_dir(root) / "loaded.json").read_text(encoding="utf-8"))["entries"]
    assert len(stored) == 4
    data = (root / "checkins/2026-01-05.yaml").read_bytes()
    assert loadcache.key("checkins/2026-01-05.yaml", data, "Asia/Shanghai") in stored


def test_the_cache_folder_keeps_a_bounded_number_of_repositories(
    tmp_path: Path, fixture_plan: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "MAX_REPOSITORIES", 3)
    legacy = cache_module.cache_dir() / "loaded.json"
    legacy.parent.mkdir(parents=True, exist_ok=True)
    legacy.write_text("{}", encoding="utf-8")  # one file for every repository, from an older studylog
    roots = [write_repo(tmp_path / f"r{n}", {"plan.yaml": fixture_plan, **_checkins(1)}) for n in range(5)]
    for n, root in enumerate(roots):
        load_repository(root, TODAY)
        os.utime(repository_cache_dir(root), (1_000_000 + n, 1_000_000 + n))
    kept = sorted(p.name for p in (cache_module.cache_dir() / "repos").iterdir())
    assert kept == sorted(repository_cache_dir(r).name for r in roots[2:])
    assert not legacy.exists()


@pytest.mark.parametrize(
    ("plan", "expected"),
    [
        ("title: x\ntimezone: Asia/Shanghai\n", ("Asia/Shanghai", dt.time(0))),
        ("timezone: 'America/New_York'  # home\nday_starts_at: \"04:30\"\n", ("America/New_York", dt.time(4, 30))),
        ("day_starts_at: 4:05\ntimezone: Etc/GMT-8\n", ("Etc/GMT-8", dt.time(4, 5))),
        ("title: no timezone\n  timezone: Asia/Tokyo\n", ("UTC", dt.time(0))),  # indented: not the plan's
        ("timezone: {name: Asia/Tokyo}\nday_starts_at: 25:00\n", ("UTC", dt.time(0))),
    ],
    ids=["plain", "quoted", "odd", "nested", "not-a-name"],
)
def test_the_context_guessed_from_a_plans_text(plan: str, expected: tuple[str, dt.time]) -> None:
    assert guess_context(plan.encode()) == expected


def test_the_context_of_a_cached_plan_is_read_without_restoring_it(fixture_plan: str) -> None:
    plan, problems = parse_plan("plan.yaml", fixture_plan.encode())
    assert plan is not None
    entry = json.loads(json.dumps(loadcache.dump_plan(plan, problems)))
    assert loadcache.cached_context(entry) == (plan.timezone, plan.day_starts_at)
    broken: object
    for broken in (
        None,
        [],
        {"plan": None},
        {"plan": {"timezone": 8}},
        {"plan": {"timezone": "UTC", "day_starts_at": "x"}},
    ):
        assert loadcache.cached_context(broken) is None
