"""One place turns errors into exit codes: what a learner sees when something goes wrong."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, run_cli, run_cli_process, write_repo
from studylog import __version__
from studylog.cli import main
from studylog.errors import EXIT_BUG, EXIT_USAGE, ISSUES_URL

CHECKIN = "date: 2026-01-05\nstatus: done\nhours: 2\n"


@pytest.fixture
def learner(tmp_path: Path) -> Path:
    plan = (DATA / "plan.yaml").read_text(encoding="utf-8")
    return write_repo(tmp_path / "study", {"plan.yaml": plan, "checkins/2026-01-05.yaml": CHECKIN})


def _explode(*args: object, **kwargs: object) -> str:
    raise KeyError("boom")


def test_an_unexpected_error_is_a_short_bug_report_without_traceback(
    learner: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("studylog.render.report.status_report", _explode)
    assert main(["status", str(learner), "--today", "2026-01-06"]) == EXIT_BUG
    err = capsys.readouterr().err
    assert f"This is a bug in studylog {__version__}" in err and ISSUES_URL in err and "--debug" in err
    assert "KeyError" in err and "Traceback" not in err


def test_debug_adds_the_traceback(
    learner: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("studylog.render.report.status_report", _explode)
    assert main(["--debug", "status", str(learner), "--today", "2026-01-06"]) == EXIT_BUG
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "_explode" in err and "bug in studylog" in err


def test_a_missing_plan_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["status"], ["validate"], ["build"], ["new"], ["remind", "--dry-run"]):
        assert main([*command, str(tmp_path)]) == EXIT_USAGE, command
        assert "no plan.yaml in" in capsys.readouterr().err


def test_problems_found_print_their_diagnostics_then_the_message(
    learner: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (learner / "checkins/2026-01-05.yaml").write_text("date: 2026-01-05\nstatus: maybe\n", encoding="utf-8")
    assert main(["status", str(learner), "--today", "2026-01-06"]) == 1
    out, err = capsys.readouterr()
    assert out == ""  # stdout stays clean for --format json
    assert "checkins/2026-01-05.yaml:2:9: error[invalid-status]" in err
    assert err.rstrip().endswith("studylog: error: 1 error: fix them (see `studylog validate`) to see progress")


def test_the_exit_code_survives_a_real_process(tmp_path: Path) -> None:
    result = run_cli_process("status", str(tmp_path))
    assert result.returncode == EXIT_USAGE and "Traceback" not in result.stderr
    assert "no plan.yaml in" in result.stderr


def test_problems_exit_1_from_a_real_process(learner: Path) -> None:
    (learner / "checkins/2026-01-05.yaml").write_text("date: 2026-01-05\nstatus: maybe\n", encoding="utf-8")
    result = run_cli_process("validate", str(learner), "--today", "2026-01-06")
    assert result.returncode == 1 and "error[invalid-status]" in result.stdout and "Traceback" not in result.stderr


# stdout buffered, as on a learner's machine, or not (PYTHONUNBUFFERED, as this one may set): the
# failed write then surfaces at the final flush or inside the command — one message either way.
BUFFERING = {"buffered": None, "unbuffered": "1"}


def _buffering(how: str, lang: str = "en") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env["STUDYLOG_LANG"] = lang
    if BUFFERING[how] is not None:
        env["PYTHONUNBUFFERED"] = "1"
    return env


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("how", sorted(BUFFERING))
@pytest.mark.parametrize("command", ["status", "validate"])
def test_output_to_a_full_disk_is_one_error_line_not_a_silent_success(learner: Path, how: str, command: str) -> None:
    """stdout on a full disk: exit 2 and one line that says so, never 0, never a traceback, never the
    same error twice (validate flushes its problems as it goes; its success line goes to stderr)."""
    if command == "validate":
        (learner / "checkins/2026-01-05.yaml").write_text("date: 2026-01-05\nstatus: maybe\n", encoding="utf-8")
    for lang, said in (
        ("en", "studylog: error: No space left on device"),
        ("zh-CN", "studylog：错误：No space left on device"),
    ):
        with open("/dev/full", "w", encoding="utf-8") as full:
            result = subprocess.run(
                [sys.executable, "-m", "studylog", command, str(learner), "--today", "2026-01-06"],
                stdout=full, stderr=subprocess.PIPE, text=True, encoding="utf-8", check=False, timeout=120,
                env=_buffering(how, lang),
            )  # fmt: skip
        assert result.returncode == EXIT_USAGE, result.stderr
        assert result.stderr.strip().splitlines()[-1] == said and result.stderr.count(said) == 1, result.stderr


@pytest.mark.parametrize("how", sorted(BUFFERING))
def test_output_to_a_reader_that_went_away_is_an_error_without_traceback(learner: Path, how: str) -> None:
    """`studylog status | head -1` where head is gone: exit 2, one line, not the interpreter's
    "Exception ignored … BrokenPipeError" at exit."""
    process = subprocess.Popen(
        [sys.executable, "-m", "studylog", "status", str(learner), "--today", "2026-01-06", "--format", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_buffering(how),
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=120) == EXIT_USAGE, err
    assert err.strip() == "studylog: error: Broken pipe"


def test_threads_a_command_started_are_waited_for(learner: Path) -> None:
    """A normal exit waits for threads that are not daemons; `run` ends the process without the
    interpreter's teardown, and must wait for them too."""
    code = (
        "import threading, time; from studylog.cli import run\n"
        "threading.Thread(target=lambda: (time.sleep(0.3), print('thread finished'))).start()\n"
        "run()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "status", str(learner), "--today", "2026-01-06"],
        capture_output=True, text=True, encoding="utf-8", check=False, timeout=120, env=_buffering("buffered"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith("thread finished")


@pytest.mark.parametrize("closed", ["stdout", "stderr"])
def test_a_closed_output_is_written_nowhere_and_the_exit_code_still_says_how_it_went(
    learner: Path, closed: str
) -> None:
    """`studylog validate >&-`: Python starts with no sys.stdout. It exited 70, "a bug in studylog"."""
    fd = {"stdout": 1, "stderr": 2}[closed]
    for checkin, expected in (("date: 2026-01-05\nstatus: done\n", 0), ("date: 2026-01-05\nstatus: maybe\n", 1)):
        (learner / "checkins/2026-01-05.yaml").write_text(checkin, encoding="utf-8")
        command = f'exec "$0" -m studylog validate "$1" --today 2026-01-06 {fd}>&-'
        result = subprocess.run(
            ["sh", "-c", command, sys.executable, str(learner)],
            capture_output=True, text=True, encoding="utf-8", check=False, timeout=120,
        )  # fmt: skip
        assert result.returncode == expected, (closed, checkin, result.stderr)
        assert "bug in studylog" not in result.stderr and "Traceback" not in result.stderr


def test_a_command_exits_with_its_code_its_whole_output_and_its_exit_handlers_run(learner: Path) -> None:
    """The console script and `python -m studylog` end without the interpreter's teardown (`run`):
    what the command printed is all there, the exit handlers still run, the exit code is main's."""
    code = "import atexit; from studylog.cli import run; atexit.register(lambda: print('exit handlers ran')); run()"
    # Output buffered as on a learner's machine (this one may set PYTHONUNBUFFERED): lost unless flushed.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    (learner / "checkins/2026-01-06.yaml").write_text("date: 2026-01-06\nstatus: maybe\n", encoding="utf-8")
    for command, expected in ((["status", "--format", "json"], 1), (["validate"], 1)):
        result = subprocess.run(
            [sys.executable, "-c", code, *command, str(learner), "--today", "2026-01-06"],
            capture_output=True, text=True, encoding="utf-8", check=False, timeout=120, env=env,
        )  # fmt: skip
        assert result.returncode == expected, result.stderr
        assert "Traceback" not in result.stderr
        assert (result.stdout + result.stderr).count("exit handlers ran") == 1
    (learner / "checkins/2026-01-06.yaml").unlink()
    result = subprocess.run(
        [sys.executable, "-c", code, "status", str(learner), "--today", "2026-01-06", "--format", "json"],
        capture_output=True, text=True, encoding="utf-8", check=False, timeout=120, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report, handler = result.stdout.rsplit("\n", 2)[0], result.stdout.rsplit("\n", 2)[1]
    assert json.loads(report)["as_of"] == "2026-01-06" and handler == "exit handlers ran"


def _heavy_imported(call: str, heavy: tuple[str, ...]) -> str:
    """Which of `heavy` a fresh interpreter has imported after `call` (Python statements that run
    the CLI, its output swallowed): their names, space-separated."""
    probe = (
        "import sys, contextlib, io\n"
        "from studylog.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        + "".join(f"    {line}\n" for line in call.splitlines())
        + f"print(' '.join(sorted(m for m in {heavy!r} if m in sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_help_starts_without_the_heavy_libraries() -> None:
    # `studylog --help` must answer at once: the libraries that take most of a start-up
    # (charts, templates, YAML, the GitHub client) are imported only by the command that needs them.
    call = "try:\n    main(['--help'])\nexcept SystemExit as stop:\n    assert stop.code == 0, stop.code"
    assert _heavy_imported(call, ("matplotlib", "jinja2", "yaml", "github", "markdown_it")) == ""
    help_text = run_cli_process("--help")
    assert help_text.returncode == 0 and help_text.stdout.startswith("usage: studylog")


@pytest.mark.parametrize("command", ["validate", "status"])
def test_validate_and_status_start_without_codegen_libraries(learner: Path, command: str) -> None:
    # A frozen dataclass costs about a millisecond to define (its methods are generated with exec)
    # and `dataclasses` brings in `inspect`: ~30 ms of a 0.2 s warm start at one year. The values
    # these commands load and compute are named tuples; the drawing and writing stages may use more.
    call = f"assert main([{command!r}, {str(learner)!r}, '--today', '2026-01-20']) == 0"
    assert _heavy_imported(call, ("dataclasses", "inspect", "matplotlib", "jinja2", "github")) == ""


def test_a_build_with_nothing_to_do_starts_without_codegen_or_drawing_libraries(learner: Path) -> None:
    # `build` with nothing changed is what CI runs most (`build --check` on every push): it compares
    # hashes and stops, so it needs neither `dataclasses` (~10 ms with `inspect`) nor the renderers.
    assert run_cli("build", str(learner), "--today", "2026-01-20").returncode == 0
    for argv in (["build"], ["build", "--check"]):
        call = f"assert main([*{argv!r}, {str(learner)!r}, '--today', '2026-01-20']) == 0"
        assert _heavy_imported(call, ("dataclasses", "inspect", "matplotlib", "jinja2", "github")) == ""
