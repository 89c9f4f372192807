"""The one gate to the learner's disk, read in bulk: `safepath.read_each` answers as `read_bytes`."""

from __future__ import annotations

import os
from pathlib import Path
from unittest.mock import ANY

import pytest


def test_reading_many_files_answers_as_reading_each(tmp_path: Path) -> None:
    """`read_each` opens folders once and files relative to them; for every kind of path a hostile
    repository may hold, its answer (bytes and size, or the refusal and its words) is `read_bytes`'s."""
    from studylog import safepath
    from studylog.errors import UnsafePath

    root, outside = tmp_path / "repo", tmp_path / "outside"
    (root / "checkins/2026").mkdir(parents=True)
    (root / "docs").mkdir()
    outside.mkdir()
    (outside / "secret.yaml").write_text("date: 2026-01-01\n", "utf-8")
    (root / "checkins/2026/plain.yaml").write_text("date: 2026-01-05\nstatus: done\n", "utf-8")
    (root / "checkins/2026/empty.yaml").write_bytes(b"")
    (root / "checkins/2026/big.yaml").write_bytes(b"x" * 5000)
    (root / "checkins/2026/中文 名字.yaml").write_text("date: 2026-01-06\n", "utf-8")
    (root / "docs/note.md").write_text("# note\n", "utf-8")
    (root / "checkins/2026/inside-link.yaml").symlink_to(root / "docs/note.md")
    (root / "checkins/2026/outside-link.yaml").symlink_to(outside / "secret.yaml")
    (root / "checkins/2026/dangling.yaml").symlink_to(root / "nowhere.yaml")
    (root / "checkins/linked-folder").symlink_to(root / "docs")
    (root / "checkins/out-folder").symlink_to(outside)
    (root / "checkins/2026/folder.yaml").mkdir()
    os.mkfifo(root / "checkins/2026/fifo.yaml")
    rels = [
        "checkins/2026/plain.yaml",
        "checkins/2026/empty.yaml",
        "checkins/2026/big.yaml",
        "checkins/2026/中文 名字.yaml",
        "checkins/2026/inside-link.yaml",
        "checkins/2026/outside-link.yaml",
        "checkins/2026/dangling.yaml",
        "checkins/linked-folder/note.md",
        "checkins/out-folder/secret.yaml",
        "checkins/2026/folder.yaml",
        "checkins/2026/fifo.yaml",
        "checkins/2026/missing.yaml",
        "checkins/../docs/note.md",
        "checkins/2026/../2026/plain.yaml",
        "/docs/note.md",  # absolute: not a path inside the repository
        "checkins//2026/plain.yaml",
        "",
    ]

    def answer(outcome: object) -> object:
        if isinstance(outcome, BaseException):
            return (type(outcome).__name__, str(outcome) if isinstance(outcome, UnsafePath) else "")
        return outcome

    def one(rel: str) -> object:
        try:
            return answer(safepath.read_bytes(root, rel, 1000))
        except (UnsafePath, OSError) as exc:
            return answer(exc)

    each = {rel: answer(outcome) for rel, outcome in safepath.read_each(root, rels, 1000)}
    assert each == {rel: one(rel) for rel in rels}
    assert each["checkins/2026/plain.yaml"] == (b"date: 2026-01-05\nstatus: done\n", 30)
    assert each["checkins/2026/big.yaml"] == (b"x" * 1001, 5000)  # one byte past the limit, and the real size
    assert each["checkins/linked-folder/note.md"] == (b"# note\n", 7)  # a link that stays inside is followed
    refused = ("checkins/2026/outside-link.yaml", "checkins/out-folder/secret.yaml", "checkins/2026/fifo.yaml")
    assert [each[rel] for rel in refused] == [("UnsafePath", ANY)] * 3


def test_a_reader_never_opens_what_is_not_a_regular_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a device can act (a serial line, a watchdog) and a FIFO can block: what is not a
    regular file is refused from its status alone, before any `open`."""
    from studylog import safepath
    from studylog.errors import UnsafePath

    (tmp_path / "checkins").mkdir()
    os.mkfifo(tmp_path / "checkins/fifo.yaml")
    (tmp_path / "checkins/folder.yaml").mkdir()
    opened: list[str] = []
    real_open = os.open

    def recording_open(path: str, *args: object, **kwargs: object) -> int:
        opened.append(os.fspath(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", recording_open)
    with safepath.Reader(tmp_path) as reader:
        for name in ("fifo.yaml", "folder.yaml"):
            with pytest.raises(UnsafePath):
                reader.read(f"checkins/{name}", 100)
    assert not any(path.endswith(("fifo.yaml", "folder.yaml")) for path in opened)


def test_a_reader_of_files_in_many_folders_keeps_few_open(tmp_path: Path) -> None:
    from studylog import safepath

    rels = [f"notes/{n:03}/note.md" for n in range(150)]
    for rel in rels:
        (tmp_path / rel).parent.mkdir(parents=True)
        (tmp_path / rel).write_text(f"# {rel}\n", "utf-8")

    def ours() -> int:  # descriptors open on this test's folders (other threads may open files too)
        return sum(
            os.path.realpath(f"/proc/self/fd/{fd}").startswith(str(tmp_path)) for fd in os.listdir("/proc/self/fd")
        )

    with safepath.Reader(tmp_path) as reader:
        assert [reader.read(rel, 100)[0] for rel in rels] == [f"# {rel}\n".encode() for rel in rels]
        assert 0 < ours() <= safepath._OPEN_FOLDERS
    assert ours() == 0  # all closed
