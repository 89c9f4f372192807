"""Time studylog's commands as whole processes on a synthetic repository, against a floor.

    python benchmarks/run.py NAME [--runs 5] [--keep DIR]     # NAME: year | three-years

Generates the repository (benchmarks/generate.py), then for each command takes the median wall
time of --runs runs after one warm-up, and the largest peak memory (max RSS) seen. The floor is a
plain Python process that reads every check-in and note and parses the check-ins with PyYAML's C
loader: what any tool must at least do. Prints a table with each figure, its ratio to the floor
and the target it is held to (three-years only), and exits 1 when a target is missed.
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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import SIZES, generate

FLOOR = """
import sys, pathlib, yaml
root = pathlib.Path(sys.argv[1])
for path in sorted((root / "checkins").rglob("*.yaml")):
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
for path in sorted((root / "docs").rglob("*.md")):
    path.read_text(encoding="utf-8")
"""
MB = 1024 * 1024


@dataclass(frozen=True)
class Figure:
    name: str
    seconds: float
    peak_mb: float


def studylog_command() -> list[str]:
    script = Path(sys.executable).with_name("studylog")
    return [str(script)] if script.exists() else [sys.executable, "-m", "studylog"]


def measure(argv: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one process; fails loudly if it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({process.returncode}):\n{stderr}")
    return seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def bench(name: str, runs: int, cwd: Path, argv: list[str], before: Callable[[], None] | None = None) -> Figure:
    times, peaks = [], []
    for attempt in range(runs + 1):  # the first run warms the page cache and is not counted
        if before:
            before()
        seconds, peak = measure(argv, cwd)
        if attempt:
            times.append(seconds)
            peaks.append(peak)
    return Figure(name, statistics.median(times), max(peaks))


def reset_outputs(root: Path) -> None:
    shutil.rmtree(root / "reports", ignore_errors=True)
    (root / "README.md").write_text("# 合成学习计划\n\n<!-- studylog:start -->\n<!-- studylog:end -->\n", "utf-8")


class NewCheckin:
    """Before each run: one more check-in than last time (the day after the last one)."""

    def __init__(self, root: Path, days: int) -> None:
        self.root = root
        self.next = days
        self.written: list[Path] = []

    def __call__(self) -> None:
        import datetime as dt

        from generate import START

        day = START + dt.timedelta(days=self.next)
        self.next += 1
        path = self.root / "checkins" / str(day.year) / f"{day.isoformat()}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"date: {day.isoformat()}\nstatus: done\nhours: 2\n", encoding="utf-8")
        self.written.append(path)


TARGETS = {  # three-years, on this machine (2 cores): (limit, kind)
    "studylog --help": (0.2, "s"),
    "validate": (2.0, "x"),
    "status": (2.5, "x"),
    "build (clean)": (5.0, "s"),
    "build (nothing changed)": (3.0, "x"),
}
PEAK_LIMIT_MB = 200.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("name", choices=sorted(SIZES))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix=f"studylog-bench-{args.name}-"))
    try:
        if not (folder / "plan.yaml").exists():
            generate(args.name, folder)
        studylog = studylog_command()
        days = SIZES[args.name]
        import datetime as dt

        from generate import START

        today = (START + dt.timedelta(days=days + args.runs + 2)).isoformat()
        runs = args.runs
        floor = bench("floor (read + parse)", runs, folder, [sys.executable, "-c", FLOOR, str(folder)])
        figures = [
            floor,
            bench("studylog --help", runs, folder, [*studylog, "--help"]),
            bench("validate", runs, folder, [*studylog, "validate", "--today", today]),
            bench("status", runs, folder, [*studylog, "status", "--today", today]),
            bench("build (clean)", runs, folder, [*studylog, "build", "--today", today], lambda: reset_outputs(folder)),
            bench("build (nothing changed)", runs, folder, [*studylog, "build", "--today", today]),
            bench(
                "build (one new check-in)",
                runs,
                folder,
                [*studylog, "build", "--today", today],
                NewCheckin(folder, days),
            ),
        ]
        missed = report(args.name, figures, floor)
        return 1 if missed and args.name == "three-years" else 0
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def report(name: str, figures: list[Figure], floor: Figure) -> list[str]:
    print(f"\n{name}: {SIZES[name]} check-ins; median of runs after a warm-up; floor = {floor.seconds:.3f} s\n")
    print(f"| {'command':<26} | {'seconds':>8} | {'× floor':>7} | {'peak MB':>7} | {'target':<14} |")
    print(f"|{'-' * 28}|{'-' * 10}:|{'-' * 9}:|{'-' * 9}:|{'-' * 16}|")
    missed = []
    for figure in figures:
        ratio = figure.seconds / floor.seconds
        target = TARGETS.get(figure.name)
        verdict = ""
        if target and name == "three-years":
            limit, kind = target
            ok = figure.seconds <= limit if kind == "s" else ratio <= limit
            verdict = f"{'≤ ' + format(limit, 'g') + (' s' if kind == 's' else '× floor')} {'✓' if ok else '✗'}"
            if not ok:
                missed.append(figure.name)
        if figure.peak_mb > PEAK_LIMIT_MB and name == "three-years":
            missed.append(f"{figure.name} (memory)")
            verdict += " memory ✗"
        print(
            f"| {figure.name:<26} | {figure.seconds:>8.3f} | {ratio:>7.2f} | {figure.peak_mb:>7.1f} | {verdict:<14} |"
        )
    if name == "three-years":
        print(f"\npeak memory target: ≤ {PEAK_LIMIT_MB:g} MB for every command")
        print("all targets met" if not missed else f"missed: {', '.join(missed)}")
    return missed


if __name__ == "__main__":
    raise SystemExit(main())
