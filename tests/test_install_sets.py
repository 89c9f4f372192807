"""Each job installs only what it runs: validating needs neither matplotlib, Jinja2 nor PyGithub."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import REPO_ROOT, write_repo

REQUIREMENTS = REPO_ROOT / "requirements"
HEAVY = ("matplotlib", "jinja2", "github", "numpy", "PIL", "markdown_it")
BLOCKER = f"""
import importlib.abc, sys

class Blocked(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {HEAVY!r}:
            raise ModuleNotFoundError(f"{{name}} is not installed in this job", name=name)
        return None

sys.meta_path.insert(0, Blocked())
"""


def pins(name: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in (REQUIREMENTS / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            found.update(pins(line[3:].strip()))
        elif line:
            package, _, version = line.partition("==")
            assert version, f"{name}: `{line}` is not pinned"
            found[re.sub(r"[-_.]+", "-", package).lower()] = version
    return found


def test_each_jobs_set_is_pinned_exactly_as_the_whole_tool() -> None:
    runtime = pins("runtime.txt")
    for job in ("check.txt", "bot.txt"):
        subset = pins(job)
        assert subset and {k: runtime.get(k) for k in subset} == subset, job
    assert not set(pins("check.txt")) & {"matplotlib", "jinja2", "pygithub"}
    assert not set(pins("bot.txt")) & {"matplotlib", "jinja2"}
    declared = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    for requirement in declared:  # `pip install studylog` is still the whole tool
        name = re.split(r"[<>=!~ \[]", requirement, maxsplit=1)[0]
        assert re.sub(r"[-_.]+", "-", name).lower() in runtime, requirement
    ci = pins("ci.txt")
    assert {k: ci.get(k) for k in runtime} == runtime  # CI tests the versions the jobs install


@pytest.fixture
def blocked_env(tmp_path: Path) -> dict[str, str]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    env["PYTHONPATH"] = os.pathsep.join([str(site), str(REPO_ROOT / "scripts"), env.get("PYTHONPATH", "")])
    return env


def test_validate_and_status_run_without_the_heavy_libraries(
    tmp_path: Path, fixture_plan: str, blocked_env: dict[str, str]
) -> None:
    root = write_repo(
        tmp_path / "repo",
        {
            "plan.yaml": fixture_plan,
            "docs/notes.md": "# 笔记\n\n## Day1 极大似然\n",
            "checkins/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\nlinks: ['/docs/notes.md#day1-极大似然']\n",
            "checkins/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\nlinks: ['/docs/notes.md#day2']\n",
        },
    )
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "studylog", *args, "--today", "2026-01-07"],
            cwd=root,
            env=blocked_env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )

    proof = subprocess.run(
        [sys.executable, "-c", "import matplotlib"], env=blocked_env, capture_output=True, text=True, check=False
    )
    assert "is not installed in this job" in proof.stderr  # the blocker really blocks
    validate = run("validate")
    assert validate.returncode == 1, validate.stderr
    assert "link-missing-anchor" in validate.stdout and "Traceback" not in validate.stderr
    status = run("status")
    assert status.returncode == 0 and "Traceback" not in status.stderr, status.stderr


def test_the_bot_jobs_need_pygithub_but_neither_matplotlib_nor_jinja2(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(BLOCKER.replace(repr(HEAVY), repr(("matplotlib", "jinja2"))), "utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(REPO_ROOT / "scripts")])}
    modules = "studylog.publish.bot, studylog.render.summary, studylog.progress, studylog.check.repository"
    code = f"import {modules}; import github; import matplotlib"
    found = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    assert "matplotlib is not installed in this job" in found.stderr  # everything before it imported
