"""Shared helpers: build a learner's repository in a temporary folder, run the CLI.

`run_cli` calls `studylog.cli.main` in this process (about a hundred times faster than starting
Python), with the arguments, folder, environment and output streams a real run would have;
`run_cli_process` starts `python -m studylog` for the few tests about the process itself (exit
status, `--help` start-up, racing publishers). Both return a `CompletedProcess`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import itertools
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

DATA = Path(__file__).parent / "data"
REPO_ROOT = Path(__file__).parent.parent
# The start of a `python -c` script that runs studylog and counts the children it forks: `forks`
# (their pids), `in_child` (callables each child runs right after the fork), `reaped()` (those
# already waited for: none left running, none a zombie).
FORK_COUNTING = """
import os
forks = []
in_child = []
_fork = os.fork

def _counted_fork():
    pid = _fork()
    if pid:
        forks.append(pid)
    else:
        for call in in_child:
            call()
    return pid

os.fork = _counted_fork

def reaped():
    gone = []
    for pid in forks:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            gone.append(pid)
    return gone
"""
TODAY = dt.date(2026, 3, 1)  # the as-of date every data-driven case is checked on
# GitHub Actions sets these for every step; a test says so explicitly when it wants them.
_ACTIONS_ONLY = ("GITHUB_ACTIONS",)
# Headless Chromium as every browser test runs it: no sandbox (containers), no GPU, and nothing
# fetched in the background (a test's page reaches only the files it opens).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def write_repo(root: Path, files: Mapping[str, str | bytes]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@contextlib.contextmanager
def _environment(changes: dict[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    try:
        for name in _ACTIONS_ONLY:
            os.environ.pop(name, None)
        os.environ.update(changes)
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextlib.contextmanager
def _directory(cwd: Path | None) -> Iterator[None]:
    before = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        yield
    finally:
        os.chdir(before)


def _stream() -> io.TextIOWrapper:
    # A text stream over bytes, like a pipe: code that writes to `.buffer` is captured too.
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\n", write_through=True)


def _read(stream: io.TextIOWrapper) -> str:
    stream.flush()
    raw = stream.buffer.getvalue()  # type: ignore[attr-defined]
    # Decode as `subprocess.run(text=True)` does, universal newlines included.
    return io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8").read()


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The `studylog` command run in this process: its exit code, stdout and stderr.

    The working folder and environment are set for the call and restored afterwards; a
    `SystemExit` (argparse's `--help`, `--version` and usage errors) becomes the exit code.
    """
    from studylog.cli import main

    out, err = _stream(), _stream()
    with _environment(env or {}), _directory(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as stop:
            if stop.code is None or isinstance(stop.code, int):
                code = stop.code or 0
            else:
                print(stop.code, file=sys.stderr)
                code = 1
    return subprocess.CompletedProcess(["studylog", *args], code, _read(out), _read(err))


def run_cli_process(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """The installed command, as a learner runs it: a new Python process."""
    full_env = {k: v for k, v in os.environ.items() if k not in _ACTIONS_ONLY}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "studylog", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=timeout,
    )


def copy_repo(source: Path, destination: Path) -> Path:
    """A private copy of a shared repository, for a test that writes to it."""
    shutil.copytree(source, destination, symlinks=True)
    return destination


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked `slow` first, otherwise in file order (a stable sort).

    pytest-xdist hands tests to its workers in this order, so the long ones (whole workflows,
    racing publishers, Chromium, fuzzers; 3–10 s each) start at once, spread over the workers, and
    the two thousand short ones fill the gaps at the end. In file order the workflow tests came
    last and one worker ran them while the other sat idle.
    """
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture
def fixture_plan() -> str:
    return (DATA / "plan.yaml").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process commands read English unless a test asks otherwise (the fixture plan says zh-CN)."""
    monkeypatch.setenv("STUDYLOG_LANG", "en")


@pytest.fixture(autouse=True, scope="session")
def _matplotlib_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One matplotlib config and cache folder per test worker, for every process it starts.

    The workflow harnesses give each job a fresh HOME, as a runner does, so each `studylog` process
    that draws charts would first rebuild matplotlib's font list (half a second, over every system
    font) into that HOME. That list is matplotlib's, not studylog's, and the charts are the same
    either way: it is built once here and kept out of the developer's own ~/.config/matplotlib.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MPLCONFIGDIR", str(tmp_path_factory.mktemp("matplotlib")))
        yield


_CACHES = itertools.count()


@pytest.fixture(scope="session")
def _caches(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("caches")


@pytest.fixture(autouse=True)
def _own_cache(_caches: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets a cache folder of its own, not there yet (studylog makes it when it first
    writes, as on a learner's first run): nothing leaks between tests or from the learner's own.
    Named by a counter rather than made by `mktemp`, which cost each of the ~3,500 tests ~0.5 ms."""
    monkeypatch.setenv("STUDYLOG_CACHE_DIR", str(_caches / str(next(_CACHES))))


class ChartMemo:
    """`charts.render_chart` for the test session: each distinct chart is drawn once and its bytes kept.

    A chart is a pure function of the code that draws it and its `ChartData` (tests/test_charts.py
    and the `draws` tests check that the bytes are reproducible), yet the suite asked for the same
    chart about 180 times in 440 (13 s of CPU in 29 s of drawing): every test that builds the
    shared fixture repository draws its charts again. Here a chart already drawn in this session, by
    any worker, is read back from a folder shared by the workers, keyed by the drawing code, the
    chart's name, its theme and the data's repr; any other is drawn for real and kept. Tests marked
    `draws` (the chart tests, the reproducibility tests) always draw.
    """

    def __init__(self, folder: Path) -> None:
        from studylog.render import charts

        self.folder = folder
        self.draw = charts.render_chart
        self.code = Path(charts.__file__).read_bytes()
        self.active = True

    def __call__(self, name: str, data: object, theme: object = None) -> bytes:
        from studylog.render import charts

        theme = charts.LIGHT if theme is None else theme
        if not self.active:
            return self.draw(name, data, theme)  # type: ignore[arg-type]
        digest = hashlib.sha256(self.code + repr((name, theme, data)).encode("utf-8")).hexdigest()
        kept = self.folder / f"{digest}.svg"
        with contextlib.suppress(FileNotFoundError):
            return kept.read_bytes()
        drawn = self.draw(name, data, theme)  # type: ignore[arg-type]
        partial = kept.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(drawn)
        os.replace(partial, kept)  # another worker may write the same bytes at the same time
        return drawn


@pytest.fixture(autouse=True, scope="session")
def _chart_memo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChartMemo]:
    from studylog.render import charts

    # One folder for the whole run: the workers' base folders share a parent made for this run.
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "chart-memo"
    folder.mkdir(exist_ok=True)
    memo = ChartMemo(folder)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(charts, "render_chart", memo)
        yield memo


@pytest.fixture(autouse=True)
def _real_draws(request: pytest.FixtureRequest, _chart_memo: ChartMemo) -> Iterator[None]:
    """A test marked `draws` draws every chart it asks for."""
    _chart_memo.active = request.node.get_closest_marker("draws") is None
    try:
        yield
    finally:
        _chart_memo.active = True


def need_browser() -> str:
    """Chromium's path (and poppler for PDFs). Missing on a developer's machine: skip, saying why.
    Missing in CI (CI=true): fail — .ci/run installs them, so a skip there would hide a broken run."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    missing = [name for name, found in (("chromium", chromium), ("pdftotext", shutil.which("pdftotext"))) if not found]
    if not missing and chromium:
        return chromium
    reason = f"{' and '.join(missing)} not installed (Debian/Ubuntu: apt-get install chromium poppler-utils)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; in CI a skipped browser test fails the run", pytrace=False)
    pytest.skip(f"browser test skipped: {reason}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium per test worker, launched when a test first asks for it.

    Starting Chromium takes a second or more of CPU; the browser tests share this one and each opens
    its own page (a fresh browser context: no cookies, storage or scripts carried between tests) and
    closes it. Playwright and the browser are stopped at the end of the session.
    """
    chromium = need_browser()  # skips outside CI with the reason, fails in CI
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")
    playwright = sync_api.sync_playwright().start()
    try:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()
    finally:
        playwright.stop()
