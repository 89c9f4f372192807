"""Each workflow job's install + run, as a fresh GitHub runner does it, with pip and with uv.

    python benchmarks/install.py [--runs 1] [--jobs check,publish,remind] [--installers pip,uv]

For each job: a fresh virtual environment (its creation is not timed: setup-python hands the
runner a ready Python), then the job's install commands from the workflows — its requirement set
and studylog itself (`--no-deps .`, built in isolation as on a runner) — then the job's command on
a copy of this repository with an empty studylog cache. Every wheel is downloaded once into a
local wheelhouse first and both installers install from it with their caches off: the figures
are the installers' own work (unpacking, writing, building studylog), not this machine's network,
which is far slower and noisier than a GitHub runner's path to PyPI.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
UV = "uv==0.13.8"  # the pin the workflows install
AS_OF = "2026-01-18"  # the repository's committed as-of date

JOBS = {  # job → (requirement set, the command it runs)
    "check": ("check.txt", ["validate", "--today", AS_OF]),
    "publish": ("runtime.txt", ["build", "--today", AS_OF]),
    "remind": ("bot.txt", ["remind", "--dry-run", "--today", AS_OF]),
}


@dataclass(frozen=True)
class JobFigure:
    job: str
    installer: str
    install: float
    run: float

    @property
    def total(self) -> float:
        return self.install + self.run


def clean_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a runner: no pip configuration or local wheels of this machine."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "UV_", "PYTHON", "VIRTUAL_ENV"))}
    env["PIP_CONFIG_FILE"] = os.devnull
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env.update(extra or {})
    return env


def timed(argv: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):  # 1: the repository's own data may have warnings-as-problems
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return seconds


def wheelhouse(folder: Path) -> Path:
    """Every wheel any job installs, plus uv and the build backend, downloaded once (not timed)."""
    wheels = Path(os.environ.get("STUDYLOG_BENCH_WHEELS", folder / "wheels"))
    if not wheels.exists():
        download = [sys.executable, "-m", "pip", "download", "--quiet", "--only-binary", ":all:", "-d", str(wheels)]
        backend = "uv_build>=0.13.6,<0.14"  # pyproject.toml's build-system
        subprocess.run([*download, "-r", str(REPO / "requirements" / "runtime.txt"), UV, backend], check=True)
    return wheels


def install_commands(installer: str, python: Path, requirements: Path, wheels: Path) -> list[list[str]]:
    local = ["--no-index", "--find-links", str(wheels)]
    pip = [str(python), "-m", "pip", "install", "--quiet", "--no-cache-dir", "--no-compile", *local]
    if installer == "pip":
        return [[*pip, "-r", str(requirements)], [*pip, "--no-deps", str(REPO)]]
    uv = [str(python.parent / "uv"), "pip", "install", "--quiet", "--no-cache", "--python", str(python), *local]
    return [[*pip, UV], [*uv, "-r", str(requirements)], [*uv, "--no-deps", str(REPO)]]


def one(job: str, installer: str, scratch: Path) -> JobFigure:
    requirements, command = JOBS[job]
    venv = scratch / "venv"
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    env = clean_env()
    steps = install_commands(installer, python, REPO / "requirements" / requirements, wheelhouse(scratch))
    install = sum(timed(argv, scratch, env) for argv in steps)
    work = scratch / "repo"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(REPO, work, ignore=shutil.ignore_patterns(".git", ".ci", "__pycache__", "*.egg-info", "build"))
    subprocess.run(["git", "init", "-q"], cwd=work, check=True)
    subprocess.run(["git", "add", "-A"], cwd=work, check=True)
    if job == "publish":
        shutil.rmtree(work / "reports", ignore_errors=True)
    run_env = clean_env({"STUDYLOG_CACHE_DIR": str(scratch / "cache"), "GITHUB_REPOSITORY": "learner/studylog"})
    shutil.rmtree(scratch / "cache", ignore_errors=True)
    run = timed([str(venv / "bin" / "studylog"), *command], work, run_env)
    return JobFigure(job, installer, install, run)


def measure(jobs: list[str], installers: list[str], runs: int) -> list[JobFigure]:
    """Median install and run per job and installer; each row is printed as soon as it is measured."""
    figures = []
    print("\nper job: install (fresh venv, local wheelhouse, installer caches off) + run (empty studylog cache)\n")
    print(f"| {'job':<8} | {'installer':<9} | {'install s':>9} | {'run s':>6} | {'total s':>7} |")
    print(f"|{'-' * 10}|{'-' * 11}|{'-' * 10}:|{'-' * 7}:|{'-' * 8}:|", flush=True)
    with tempfile.TemporaryDirectory(prefix="studylog-install-") as folder:
        for job in jobs:
            for installer in installers:
                trials = [one(job, installer, Path(folder)) for _ in range(runs)]
                f = JobFigure(
                    job,
                    installer,
                    statistics.median(t.install for t in trials),
                    statistics.median(t.run for t in trials),
                )
                print(
                    f"| {f.job:<8} | {f.installer:<9} | {f.install:>9.2f} | {f.run:>6.2f} | {f.total:>7.2f} |",
                    flush=True,
                )
                figures.append(f)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--jobs", default="check,publish,remind")
    parser.add_argument("--installers", default="pip,uv")
    args = parser.parse_args()
    measure(args.jobs.split(","), args.installers.split(","), args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
