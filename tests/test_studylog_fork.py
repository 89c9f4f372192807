"""The `studylog` the workflow tests put on PATH (tests/studylog_fork.py) behaves as `python -m studylog`:
the same exit status, output and errors, and where a fork could differ it runs exactly that."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import studylog_fork
from conftest import DATA, REPO_ROOT, write_repo


def both(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], ...]:
    real = [sys.executable, "-m", "studylog"]
    return tuple(
        subprocess.run([*prefix, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=60)
        for prefix in (real, studylog_fork.command(env))
    )


@pytest.fixture
def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO_ROOT / "scripts")}


def test_status_output_and_errors_are_those_of_python_m_studylog(tmp_path: Path, env: dict[str, str]) -> None:
    learner = write_repo(
        tmp_path / "learner",
        {"plan.yaml": (DATA / "plan.yaml").read_text(encoding="utf-8"), "checkins/2026/2026-01-06.yaml": "date: 13\n"},
    )
    for args in (["--version"], ["validate", ".", "--today", "2026-01-07"], ["status", "missing"], ["no-such"]):
        real, forked = both(args, learner, env)
        assert (forked.returncode, forked.stdout, forked.stderr) == (real.returncode, real.stdout, real.stderr), args
    assert real.returncode == 2 and forked.returncode == 2  # the last one: a usage error


def test_a_module_on_pythonpath_that_shadows_a_preloaded_one_is_imported_as_a_fresh_python_would(
    tmp_path: Path, env: dict[str, str]
) -> None:
    shadow = write_repo(tmp_path / "shadow", {"yaml/__init__.py": "raise ImportError('the yaml on PYTHONPATH')\n"})
    write_repo(tmp_path, {"plan.yaml": (DATA / "plan.yaml").read_text(encoding="utf-8")})  # validating reads YAML
    env["PYTHONPATH"] = f"{shadow}{os.pathsep}{env['PYTHONPATH']}"
    real, forked = both(["validate", str(tmp_path)], tmp_path, env)
    assert "the yaml on PYTHONPATH" in real.stderr and real.returncode == 70  # studylog: an internal error
    assert (forked.returncode, forked.stderr) == (real.returncode, real.stderr)


def test_python_c_runs_as_a_fresh_interpreter_runs_it(tmp_path: Path, env: dict[str, str]) -> None:
    code = "import sys, __main__; print(sys.argv, sys.path[0] == '', __main__.__dict__.get('client')); sys.exit(3)"
    real, forked = (
        subprocess.run([*prefix, "-c", code, "a b"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
        for prefix in ([sys.executable], studylog_fork.python(env))
    )
    assert (
        (forked.returncode, forked.stdout, forked.stderr)
        == (real.returncode, real.stdout, real.stderr)
        == (
            3,
            "['-c', 'a b'] True None\n",
            "",
        )
    )
