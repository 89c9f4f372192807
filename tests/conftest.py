"""Shared helpers: build a learner's repository in a temporary folder, run the real CLI."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
REPO_ROOT = Path(__file__).parent.parent
TODAY = dt.date(2026, 3, 1)  # the as-of date every data-driven case is checked on


def write_repo(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The installed command, as a learner runs it (a new process each time)."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "STUDYLOG_LANG")}
    # Tests read English unless they ask for another language (the fixture plan says zh-CN).
    full_env["STUDYLOG_LANG"] = "en"
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "studylog", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )


@pytest.fixture
def fixture_plan() -> str:
    return (DATA / "plan.yaml").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process commands read English unless a test asks otherwise (the fixture plan says zh-CN)."""
    monkeypatch.setenv("STUDYLOG_LANG", "en")


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets an empty cache folder: nothing leaks between tests or from the learner's own."""
    monkeypatch.setenv("STUDYLOG_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
