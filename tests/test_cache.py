"""The cache folder can never serve a stale or a broken result: entries follow the code that made them,
and an entry of another shape is read afresh and rewritten, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import write_repo
from studylog import cache
from studylog.check.repository import load_repository
from studylog.cli import main

CHECKIN = "date: 2026-01-05\nstatus: done\nhours: 25\n"  # 25 hours: an error the cache remembers


@pytest.fixture
def learner(tmp_path: Path, fixture_plan: str) -> Path:
    return write_repo(tmp_path / "study", {"plan.yaml": fixture_plan, "checkins/2026-01-05.yaml": CHECKIN})


def _cache_file(root: Path) -> Path:
    """The repository's own cache file (each repository has its own folder)."""
    return cache.repository_cache_dir(root) / "loaded.json"


def _doctor_messages(root: Path, text: str) -> None:
    """Rewrite every remembered diagnostic message, as an older studylog with other wording would have."""
    raw = json.loads(_cache_file(root).read_text(encoding="utf-8"))
    for entry in raw["entries"].values():
        for diagnostic in entry["diagnostics"]:
            diagnostic[5] = text
    _cache_file(root).write_text(json.dumps(raw), encoding="utf-8")


def _messages(root: Path) -> list[str]:
    return [d.message for d in load_repository(root, None).diagnostics]


def test_an_entry_of_the_same_code_is_used(learner: Path) -> None:
    """The control: without it the next test would pass for a cache that is never read."""
    fresh = _messages(learner)
    assert fresh and _cache_file(learner).is_file()
    _doctor_messages(learner, "REMEMBERED")
    assert _messages(learner) == ["REMEMBERED"] * len(fresh)


def test_an_entry_written_by_another_version_is_not_used(learner: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = _messages(learner)
    with monkeypatch.context() as other_version:
        other_version.setattr(cache, "code_fingerprint", lambda: "another studylog")
        _cache_file(learner).unlink()
        assert _messages(learner) == fresh  # the other version fills the cache…
        _doctor_messages(learner, "STALE WORDING")
        assert _messages(learner) == ["STALE WORDING"] * len(fresh)  # …and reads its own entries back
    assert _messages(learner) == fresh  # this version does not trust them
    assert json.loads(_cache_file(learner).read_text(encoding="utf-8"))["code"] == cache.code_fingerprint()  # rewritten


def test_the_fingerprint_follows_the_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "studylog"
    write_repo(package, {"load/files.py": "MESSAGE = 'one'\n", "render/templates/a.j2": "{{ x }}\n"})
    monkeypatch.setattr(cache, "_PACKAGE", package)
    cache.code_fingerprint.cache_clear()
    try:
        first = cache.code_fingerprint()
        cache.code_fingerprint.cache_clear()
        (package / "load/files.py").write_text("MESSAGE = 'two'\n", encoding="utf-8")
        second = cache.code_fingerprint()
        cache.code_fingerprint.cache_clear()
        (package / "render/templates/a.j2").write_text("{{ y }}\n", encoding="utf-8")
        third = cache.code_fingerprint()
    finally:
        cache.code_fingerprint.cache_clear()
    assert len({first, second, third}) == 3


MALFORMED_ENTRIES = {
    "a list": [],
    "a string": "x",
    "diagnostics of another shape": {"diagnostics": [[1]]},
    "a check-in without fields": {"diagnostics": [], "checkin": {"date": "2026-01-05"}},
    "a date that is a number": {"diagnostics": [], "checkin": {"date": 5}},
    "a status that does not exist": {"diagnostics": [], "checkin": {"status": "???"}},
}


@pytest.mark.parametrize("entry", MALFORMED_ENTRIES.values(), ids=MALFORMED_ENTRIES.keys())
def test_an_entry_of_another_shape_is_read_afresh(
    learner: Path, entry: object, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = main(["validate", str(learner), "--today", "2026-01-06"]), capsys.readouterr()
    raw = json.loads(_cache_file(learner).read_text(encoding="utf-8"))
    raw["entries"] = dict.fromkeys(raw["entries"], entry)
    _cache_file(learner).write_text(json.dumps(raw), encoding="utf-8")
    assert (main(["validate", str(learner), "--today", "2026-01-06"]), capsys.readouterr()) == expected
    rewritten = json.loads(_cache_file(learner).read_text(encoding="utf-8"))["entries"]
    assert entry not in rewritten.values()


@pytest.mark.parametrize(
    "content",
    ["[1, 2, 3]", "{not json", '{"code": 1, "entries": 2}', "[" * 100_000 + "]" * 100_000, ""],
    ids=["not a dict", "not json", "wrong types", "deeply nested", "empty"],
)
def test_a_broken_cache_file_is_ignored_and_rewritten(
    learner: Path, content: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("loaded", "anchors"):
        path = _cache_file(learner).with_name(f"{name}.json")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    assert main(["validate", str(learner), "--today", "2026-01-06"]) == 1
    assert "error[hours-out-of-range]: `hours: 25` is not between 0 and 24" in capsys.readouterr().out
    assert json.loads(_cache_file(learner).read_text(encoding="utf-8"))["code"] == cache.code_fingerprint()


def test_entries_put_with_their_json_text_are_saved_as_that_text(tmp_path: Path) -> None:
    """A child on the other core sends a check-in's JSON text with it: saving writes it as given, and the
    file reads back as if every value had been encoded here."""
    store = cache.JsonCache("loaded", tmp_path)
    value = {"checkin": {"summary": '第一天 "quoted" \\ ✅', "hours": 2.5, "items": [["w1d1", "done", [4, 9]]]}}
    store.put("made-here", value)
    store.put("made-there", value, cache.encode(value))
    store.put("replaced", value, '{"stale":"text"}')
    store.put("replaced", {"fresh": True})  # put again without text: the old text is not written
    store.save()
    written = (cache.repository_cache_dir(tmp_path) / "loaded.json").read_bytes()
    expected = {
        "code": cache.code_fingerprint(),
        "entries": {"made-here": value, "made-there": value, "replaced": {"fresh": True}},
    }
    assert written == json.dumps(expected, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    reread = cache.JsonCache("loaded", tmp_path)
    assert reread.has("made-there") and not reread.has("absent") and reread.get("made-there") == value


def test_an_atomic_write_leaves_no_temporary_file_and_only_the_owner_may_read_it(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "file.json"
    cache.write_atomic(target, b"one")
    cache.write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["file.json"]
    assert target.stat().st_mode & 0o777 == 0o600
