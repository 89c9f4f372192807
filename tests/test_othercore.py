"""Reading and checking on the other core during a cold load: the same answers as one core.

A cold `validate`, `status` or `build` with many check-ins to read forks a child as soon as the files
are read (`check.repository._Ahead`): it reads check-ins from the last while the parent reads from the
first until they meet and, when links are checked, checks every link (the parent sending the links it
read). Whatever the child does — how many it reads, dying
before it sends anything, reading with a timezone the plan turns out not to have — the command must
print exactly what a load that never forks prints, and no child may outlive it. Forking runs in a
process of its own: one with other threads running (a test worker) never forks.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import FORK_COUNTING, REPO_ROOT, write_repo
from studylog import othercore
from studylog.check import repository

pytestmark = [pytest.mark.git]

PLAN = """\
title: 两个核心
start: 2026-01-05
timezone: Asia/Shanghai
phases:
  - id: p1
    title: 第一阶段
    weeks:
      - id: w1
        items:
          - {id: w1d1, title: Day 1, day: 1}
          - {id: w1d2, title: Day 2, day: 2}
"""

DAYS = 48
BROKEN = (11, 23)  # a YAML syntax error, an unknown key

_RUN = (
    FORK_COUNTING
    + """
import json, sys, time
from pathlib import Path
from studylog import othercore
from studylog.check import links, repository
from studylog.cli import main

parent = os.getpid()
checked_here = []

def broken(*args, **kwargs):
    raise MemoryError

def break_child():  # the child dies before it sends anything: the parent does its work
    repository.read_checkin = broken

if sys.argv[2] == "fails":
    in_child.append(break_child)
if sys.argv[2] == "misguesses":  # the child reads with another timezone than the plan's: its reading is not used
    repository.guess_context = lambda plan: ("UTC", __import__("datetime").time(0))

check = links.LinkChecker.check
read = repository.read_checkin
read_here = []

def reading(path, *args):
    if os.getpid() == parent:
        read_here.append(path)
    return read(path, *args)

def counted(self, link, source):
    if os.getpid() == parent:
        checked_here.append(link)
    return check(self, link, source)

# This process reads nothing until the child has claimed a check-in, so every forked run shares the
# reading (else on a busy machine this process could read all 48 before the child starts).
claimed = []
made = repository._Claims.__init__
def recorded(self, count):
    made(self, count)
    claimed.append(self)
context = repository.CheckinContext
def after_the_child_claims(*args):
    while claimed:
        claims, deadline = claimed.pop(), time.monotonic() + 60
        while claims._counters[1] == claims.count and time.monotonic() < deadline:
            time.sleep(0.001)
    return context(*args)

if sys.argv[2] != "never":
    repository._Claims.__init__ = recorded
    repository.CheckinContext = after_the_child_claims
repository.SPLIT_FROM = 4
repository.LINKS_BATCH = 5  # the links read here go over in several batches
othercore.spare_core = lambda: True  # however busy the test machine is
links.LinkChecker.check = counted
repository.read_checkin = reading
if sys.argv[2] == "never":
    othercore.can_fork = lambda: False
cache = Path(os.environ["STUDYLOG_CACHE_DIR"])
codes = []
runs = [
    ["validate", "--format", "json", sys.argv[1]],
    ["status", "--format", "json", sys.argv[1]],
    ["status", "--format", "json", sys.argv[3]],  # without the two broken files: the whole report
    ["validate", sys.argv[1]],
]
for argv in runs:
    for folder in cache.glob("repos/*/*.json"):  # every run cold, as a runner without a restored cache
        folder.unlink()
    codes.append(main([*argv, "--today", "2026-03-01"]))
anchors = [json.loads(f.read_text("utf-8"))["entries"] for f in cache.glob("repos/*/anchors.json")]
codes.append(main(["validate", sys.argv[1], "--today", "2026-03-01"]))  # warm: reads from the cache, never forks
# A cache that is not empty, but holds none of these check-ins as read in Chinese: a share is read there.
codes.append(main(["--lang", "zh-CN", "validate", sys.argv[1], "--today", "2026-03-01"]))
summary = {
    "codes": codes,
    "forks": len(forks),
    "reaped": len(reaped()),
    "anchors": anchors,
    "here": len(checked_here),
    "read_here": len(read_here),
}
print(json.dumps(summary))
"""
)


def _links(day: int) -> list[str]:
    links = [
        f"/docs/n{day % 6}.md#heading-{day % 4}",  # n0…n5 have headings 0…2: every fourth is missing
        f"../../code/x.py#L{day}",  # x.py has 30 lines
        f"https://example.com/{day % 3}",
        "/docs/N1.md" if day % 9 == 0 else "/docs/n1.md#Heading-1",  # wrong case, each way
    ]
    if day % 7 == 0:
        links.append(f"/docs/missing-{day}.md")
    return links


# A check-in written at 04:00 in Shanghai, 20:00 the day before in UTC: read with the wrong timezone
# it would be dated the day before its file's name (and duplicate that day's check-in).
LATE = 44


def _checkin(day: int) -> str:
    date = dt.date(2026, 1, 5) + dt.timedelta(days=day)
    if day == LATE:
        return f"date: {date - dt.timedelta(days=1)}T20:00:00+00:00\nstatus: done\nhours: 1\n"
    if day == BROKEN[0]:
        return f"date: {date}\nstatus: done\nlinks: [/docs/n1.md#a\n"  # a YAML syntax error
    if day == BROKEN[1]:
        return f"date: {date}\nstatus: done\ntsak: typo\n"
    links = _links(day)
    imported = "imported: 'tracker.md row 3'\n" if day % 10 == 5 else ""
    items = "items: [w1d1]\n" if day < 2 else ""
    listed = "\n".join(f'  - "{link}"' for link in links)
    status = "done" if day % 5 else "in-progress"
    return f"date: {date}\nstatus: {status}\nhours: 2\n{items}{imported}links:\n{listed}\n"


@pytest.fixture(scope="module")
def learner(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files: dict[str, str | bytes] = {"plan.yaml": PLAN, "code/x.py": "".join(f"line {n}\n" for n in range(30))}
    for n in range(6):
        files[f"docs/n{n}.md"] = "# Title\n\n" + "".join(f"## Heading {h}\n\ntext\n\n" for h in range(3))
    for day in range(DAYS):
        files[_path(day)] = _checkin(day)
    return _committed(write_repo(tmp_path_factory.mktemp("two-cores"), files))


@pytest.fixture(scope="module")
def clean(learner: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same learner without the two check-ins that cannot be read: `status` reports in full."""
    root = tmp_path_factory.mktemp("two-cores-clean") / "repo"
    shutil.copytree(learner, root, ignore=shutil.ignore_patterns(".git"))
    for day in BROKEN:
        (root / _path(day)).unlink()
    return _committed(root)


def _committed(root: Path) -> Path:
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "all"], cwd=root, check=True)
    return root


def _path(day: int) -> str:
    date = dt.date(2026, 1, 5) + dt.timedelta(days=day)
    return f"checkins/{date.year}/{date}.yaml"


def _run(root: Path, clean: Path, mode: str, cache: Path) -> tuple[str, dict[str, object]]:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT / "scripts"),
        "STUDYLOG_CACHE_DIR": str(cache),
        "STUDYLOG_LANG": "en",
    }
    result = subprocess.run(
        [sys.executable, "-c", _RUN, str(root), mode, str(clean)],
        capture_output=True, text=True, encoding="utf-8", check=False, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    *printed, summary = result.stdout.splitlines()
    return "\n".join(printed) + "\n" + result.stderr, json.loads(summary)


@pytest.fixture(scope="module")
def one_core(learner: Path, clean: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, object]]:
    """What the commands print when nothing is ever forked."""
    return _run(learner, clean, "never", tmp_path_factory.mktemp("alone"))


@pytest.mark.parametrize("child", ["works", "fails", "misguesses"])
def test_work_on_the_other_core_prints_what_one_core_prints(
    learner: Path, clean: Path, tmp_path: Path, child: str, one_core: tuple[str, dict[str, object]]
) -> None:
    alone, alone_summary = one_core
    forked, forked_summary = _run(learner, clean, child, tmp_path / "forked")
    assert alone_summary["forks"] == 0
    # One child per run with check-ins to read (validate: a share of them and the links; status: a
    # share of them; a warm validate needs none), and none left running after the command.
    assert forked_summary["forks"] == forked_summary["reaped"] == 5
    assert forked == alone
    assert forked_summary["codes"] == alone_summary["codes"] == [1, 1, 0, 1, 1, 1]  # problems: status exits 1 too
    assert forked_summary["anchors"] == alone_summary["anchors"]  # the child's anchor entries were saved
    # The links were checked where expected: in the child of a cold validate, else here (the warm
    # validate and the one in Chinese, whose anchors are cached; every one when the child failed).
    cited = sum(len(_links(day)) - 1 for day in range(DAYS) if day not in (*BROKEN, LATE))  # by each validate
    assert alone_summary["here"] == 4 * cited
    assert forked_summary["here"] == (4 * cited if child == "fails" else 2 * cited)
    # Check-ins read here: each one in every run that reads, but for those the child read (at least
    # one in each of the five runs that forked; both may read the one where they meet).
    every = 4 * DAYS + (DAYS - len(BROKEN))
    assert alone_summary["read_here"] == every
    read_here = forked_summary["read_here"]
    assert isinstance(read_here, int)
    if child == "works":
        assert read_here <= every - 5
    else:  # the child died, or read with a timezone the plan does not have: all of it read here
        assert read_here == every
    found, _ = json.JSONDecoder().raw_decode(forked)
    codes = {d["code"] for d in found["diagnostics"]}
    assert {"yaml-syntax", "unknown-key", "link-missing-anchor", "link-bad-line", "link-wrong-case"} <= codes
    assert {"link-missing-file", "link-not-yet"} <= codes


_SMALL_PIPES = """
import fcntl, io, contextlib, json, sys
from studylog import othercore
from studylog.check import repository
from studylog.cli import main

def narrow(fd):  # where a pipe cannot be widened (over Linux's per-user limit, macOS): a page
    fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 4096)

othercore._widen = narrow
othercore.spare_core = lambda: True
repository.SPLIT_FROM = 4
repository.LINKS_BATCH = 64  # all the links read here in one message, larger than the pipe
if sys.argv[2] == "never":
    othercore.can_fork = lambda: False
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(["validate", "--format", "json", sys.argv[1], "--today", "2026-03-01"])
print(json.dumps({"code": code, "out": out.getvalue()}))
"""


def test_links_sent_in_pieces_through_a_small_pipe_neither_side_waits_for_the_other(
    learner: Path, tmp_path: Path
) -> None:
    """The parent sends its batches of links without waiting, so a batch larger than the pipe crosses
    in pieces, the rest following with the parent's next batch. The child must not sit waiting for
    the rest of a batch while the parent waits for the child's check-ins (it hung until the child's
    patience ran out, then for good)."""
    answers = []
    for mode in ("never", "fork"):
        env = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "scripts"), "STUDYLOG_CACHE_DIR": str(tmp_path / mode)}
        result = subprocess.run(
            [sys.executable, "-c", _SMALL_PIPES, str(learner), mode],
            capture_output=True, text=True, encoding="utf-8", check=False, env=env, timeout=60,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        answers.append(json.loads(result.stdout))
    assert answers[0] == answers[1] and answers[0]["code"] == 1


# -- the fork itself -------------------------------------------------------------------------------


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    # A test worker may run threads of its own; these children touch no lock (no import, no I/O but the pipe).
    monkeypatch.setattr(othercore, "can_fork", lambda: True)


def _raises() -> int:
    raise ValueError("in the child")


def _one(function: Callable[[], object]) -> othercore.Part[object] | None:
    """A part whose child sends one value, `function()`."""
    return othercore.Part.each(lambda _inbox: iter((function(),)))


@pytest.mark.usefixtures("forking")
def test_a_part_sends_back_what_the_child_computed() -> None:
    big = list(range(200_000))  # more than a pipe holds: the child blocks until the parent reads
    part = _one(lambda: (os.getpid(), sum(big), big[-3:]))
    assert part is not None
    found = part.next()
    assert isinstance(found, tuple)
    pid, total, tail = found
    assert pid != os.getpid() and total == sum(big) and tail == big[-3:]
    assert part.next() is None  # it sent its one value and ended
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped


@pytest.mark.usefixtures("forking")
@pytest.mark.parametrize("work", [_raises, lambda: lambda: None], ids=["raises", "does-not-pickle"])
def test_a_child_that_fails_gives_none_and_is_reaped(work: Callable[[], object]) -> None:
    part = _one(work)
    assert part is not None
    assert part.next() is None
    with pytest.raises(ChildProcessError):
        os.waitpid(part._pid, os.WNOHANG)
    assert part._pid not in othercore._LIVE


@pytest.mark.usefixtures("forking")
def test_a_stuck_child_is_stopped_and_the_work_done_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(othercore, "PATIENCE", 0.5)
    part = _one(lambda: time.sleep(60))
    assert part is not None
    started = time.monotonic()
    assert part.next() is None
    assert time.monotonic() - started < 10
    with pytest.raises(ChildProcessError):
        os.waitpid(part._pid, os.WNOHANG)


@pytest.mark.usefixtures("forking")
def test_closing_stops_a_child_still_at_work() -> None:
    part = _one(lambda: time.sleep(60))
    assert part is not None
    started = time.monotonic()
    part.close()
    assert time.monotonic() - started < 10
    assert part.next() is None


def test_no_fork_while_other_threads_run() -> None:
    done = threading.Event()
    thread = threading.Thread(target=done.wait)
    thread.start()
    try:
        assert not othercore.can_fork()
        assert _one(lambda: 1) is None
    finally:
        done.set()
        thread.join()


def test_work_is_split_only_with_a_core_to_spare(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(othercore, "_cores", lambda: 2)
    monkeypatch.setattr(othercore, "_LIVE", set())  # whatever other tests in this worker left running
    monkeypatch.setattr(othercore, "_running", lambda: 1)  # this process alone
    assert othercore.spare_core()
    monkeypatch.setattr(othercore, "_running", lambda: 2)  # something else is running too
    assert not othercore.spare_core()
    monkeypatch.setattr(othercore, "_LIVE", {12345})  # … a child of ours: not someone else's load
    assert othercore.spare_core()
    monkeypatch.setattr(othercore, "_LIVE", set())
    monkeypatch.setattr(othercore, "_running", lambda: None)  # no /proc: the last minute's load average
    monkeypatch.setattr(os, "getloadavg", lambda: (1.2, 2.0, 3.0))
    assert othercore.spare_core()
    monkeypatch.setattr(os, "getloadavg", lambda: (1.6, 0.1, 0.1))
    assert not othercore.spare_core()
    monkeypatch.setattr(othercore, "_cores", lambda: 1)
    monkeypatch.setattr(othercore, "_running", lambda: 1)
    assert not othercore.spare_core()


def test_the_running_count_is_read_on_linux() -> None:
    if not Path("/proc/loadavg").exists():
        pytest.skip("no /proc/loadavg on this system: the load average stands in (tested above)")
    running = othercore._running()
    assert running is not None and running >= 0  # (some sandboxes report 0 even for the reader)


@pytest.mark.usefixtures("forking")
def test_a_child_sends_each_value_as_it_is_made_and_reads_what_the_parent_sends() -> None:
    def work(inbox: othercore.Inbox) -> Iterator[object]:
        yield "first"
        yield list(range(300_000))  # more than a pipe holds
        yield ("echo", inbox.get(), inbox.get())

    part = othercore.Part.each(work, inbox=True)
    assert part is not None
    assert part.next() == "first"
    assert part.next() == list(range(300_000))  # taken before sending more than a pipe holds back
    assert part.send({"links": ["a", "b"]}) and part.send(list(range(200_000)))
    assert part.next() == ("echo", {"links": ["a", "b"]}, list(range(200_000)))
    assert part.next() is None  # it sent them all, ended and was reaped
    with pytest.raises(ChildProcessError):
        os.waitpid(part._pid, os.WNOHANG)


@pytest.mark.usefixtures("forking")
def test_what_a_child_sent_before_it_failed_is_kept() -> None:
    def work(inbox: othercore.Inbox) -> Iterator[object]:
        yield 1
        raise ValueError("after the first value")

    part = othercore.Part.each(work)
    assert part is not None
    assert not part.send("x")  # it was given no inbox
    assert part.next() == 1
    assert part.next() is None
    assert part._pid not in othercore._LIVE


@pytest.mark.usefixtures("forking")
def test_closing_stops_a_child_waiting_for_its_inbox_and_then_nothing_more_is_sent() -> None:
    part = othercore.Part.each(lambda inbox: iter((inbox.get(),)), inbox=True)
    assert part is not None
    started = time.monotonic()
    part.close()
    assert time.monotonic() - started < 10 and part.next() is None
    assert not part.send("late") and not part.flush()
    with pytest.raises(ChildProcessError):
        os.waitpid(part._pid, os.WNOHANG)


@pytest.mark.usefixtures("forking")
def test_a_child_whose_parent_closes_its_inbox_ends_by_itself() -> None:
    def work(inbox: othercore.Inbox) -> Iterator[object]:
        yield "waiting"
        yield inbox.get() is None

    part = othercore.Part.each(work, inbox=True)
    assert part is not None
    assert part.next() == "waiting"
    os.close(part._to_child)  # as when the parent is gone
    part._to_child = -1
    assert part.next() is True  # the child saw the end of its inbox, and said so
    part.close()  # reaped: no zombie, and no child of this worker left counted as running
    assert part._pid not in othercore._LIVE


@pytest.mark.usefixtures("forking")
def test_sending_without_waiting_never_blocks_and_loses_nothing() -> None:
    """A parent that has not yet taken what its child writes must not wait for the child to read."""

    def work(inbox: othercore.Inbox) -> Iterator[object]:
        yield list(range(400_000))  # more than the pipe holds: the child waits until the parent takes it
        got = []
        while (message := inbox.get()) is not None:
            got.append(message)
            if message == "last":
                break
        yield got

    part = othercore.Part.each(work, inbox=True)
    assert part is not None
    chunks = [bytes([n]) * 300_000 for n in range(10)]  # 3 MB: more than the inbox holds
    started = time.monotonic()
    for chunk in chunks:
        assert part.send(chunk, wait=False)
    assert time.monotonic() - started < 10  # did not wait for a child that is not reading
    assert part.next() == list(range(400_000))
    assert part.send("last")  # waits, and takes what was left over along
    assert part.next() == [*chunks, "last"]
    part.close()


def test_the_two_sides_meet_and_leave_no_check_in_unread() -> None:
    claims = repository._Claims(10)
    assert [claims.there(i) for i in (9, 8, 7)] == [True, True, True]  # the child, while the plan is parsed here
    assert [claims.here(i) for i in range(7)] == [True] * 7
    assert not claims.there(6)  # the child finds 6 read here: it stops
    assert not claims.here(7)  # … and 7 is the child's
    fresh = repository._Claims(4)
    assert all(fresh.here(i) for i in range(4))  # a child that never started: all read here
    assert not fresh.there(3)
    late = repository._Claims(5)
    late.stop()  # this process reads the rest itself (the plan has another timezone): the child takes nothing
    assert not late.there(4)


def test_without_memory_to_share_nothing_is_forked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import mmap

    from studylog.load import cache as loadcache

    def refused(*args: object) -> None:
        raise OSError(errno.ENOMEM, "Cannot allocate memory")

    monkeypatch.setattr(mmap, "mmap", refused)
    monkeypatch.setattr(othercore, "can_fork", lambda: True)
    files = [(_path(day), _checkin(day).encode()) for day in range(repository.SPLIT_FROM)]
    hint = repository._Hint("Asia/Shanghai", dt.time(0), "Asia/Shanghai", None)
    asked: list[bool] = []

    def fork_with_pipes(*, inbox: bool) -> None:  # a fork would be asked for here: none is made
        asked.append(inbox)

    monkeypatch.setattr(othercore, "fork_with_pipes", fork_with_pipes)
    assert repository._Ahead.start(tmp_path, files, loadcache.LoadCache(tmp_path), hint, links=True) is None
    assert asked == []  # it gave up before asking for a child


def test_a_value_that_came_in_part_is_not_ready() -> None:
    import pickle

    read, write = os.pipe()
    try:
        inbox = othercore.Inbox(read)
        payload = pickle.dumps(list(range(1000)))
        whole = othercore._LENGTH.pack(len(payload)) + payload
        assert not inbox.ready()  # nothing yet
        os.write(write, whole[:5])  # part of the length
        assert not inbox.ready()
        os.write(write, whole[5:100])  # the length and part of the value
        assert not inbox.ready()  # get() would wait for the rest: the caller goes on with its own work
        os.write(write, whole[100:] + whole)  # the rest, and a second value whole
        assert inbox.ready() and inbox.get() == list(range(1000))
        assert inbox.ready() and inbox.get() == list(range(1000))
        assert not inbox.ready()
        os.close(write)
        write = -1
        assert inbox.ready() and inbox.get() is None  # the end
    finally:
        os.close(read)
        if write >= 0:
            os.close(write)


@pytest.mark.usefixtures("forking")
def test_a_child_that_takes_nothing_is_not_waited_for_without_end(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(othercore, "PATIENCE", 0.5)

    def work(inbox: othercore.Inbox) -> Iterator[object]:
        time.sleep(60)  # never reads its inbox
        yield None

    part = othercore.Part.each(work, inbox=True)
    assert part is not None
    started = time.monotonic()
    assert part.send(b"x" * 3_000_000, wait=False)  # more than the pipe holds (1 MB at most): the rest waits here
    assert not part.flush()  # … for PATIENCE, then the child is stopped
    assert time.monotonic() - started < 10
    assert part.next() is None
    with pytest.raises(ChildProcessError):
        os.waitpid(part._pid, os.WNOHANG)
