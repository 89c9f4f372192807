"""Shared helpers: build a learner's repository in a temporary folder, run the real CLI."""

from __future__ import annotations

import datetime as dt
import os
import shutil
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
    full_env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
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
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets an empty cache folder: nothing leaks between tests or from the learner's own."""
    monkeypatch.setenv("STUDYLOG_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


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
