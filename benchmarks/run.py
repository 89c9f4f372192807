"""Time studylog as whole processes on synthetic repositories, against a floor and against peers.

    python benchmarks/run.py three-years                  # commands, cold and warm, with targets
    python benchmarks/run.py year --runs 1                # what .ci/run does: a smoke test, not judged
    python benchmarks/run.py --section years              # build per 1,000 check-ins at 1, 3, 10, 30 years
    python benchmarks/run.py --section asof               # build over as-of dates across a year past the plan's end
    python benchmarks/run.py --section caches             # warm validate with 1 and with 30 repositories' caches
    python benchmarks/run.py --section milestones         # build of a plan with 1,000 milestones
    python benchmarks/run.py --section links              # links alone: studylog vs lychee vs remark (links.py)
    python benchmarks/run.py --section install            # per-job install + run, pip vs uv (install.py)
    python benchmarks/run.py --section all                # everything above
    ... --src DIR                                         # time another studylog tree (DIR/scripts), e.g. a "before"

Each figure is the median wall time of --runs runs after one uncounted warm-up, and the largest
peak memory (max RSS) seen. "Cold" empties studylog's cache (`STUDYLOG_CACHE_DIR`, a folder of
this run's own) before every run, as a GitHub runner without a restored cache starts; "warm"
keeps it. The floor is a plain Python process that reads every check-in and note and parses the
check-ins with PyYAML's C loader: what any tool must at least do. Python files are byte-compiled
first (as `pip install` does), and every child process may write bytecode. Exits 1 when a
target is missed (three-years, and the sections that have targets).
"""

from __future__ import annotations

import argparse
import datetime as dt
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

from generate import SIZES, START, generate

HERE = Path(__file__).resolve().parent
FLOOR = """
import sys, pathlib, yaml
root = pathlib.Path(sys.argv[1])
for path in sorted((root / "checkins").rglob("*.yaml")):
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
for path in sorted((root / "docs").rglob("*.md")):
    path.read_text(encoding="utf-8")
"""
IMPORT_YAML = "import yaml"


@dataclass(frozen=True)
class Figure:
    name: str
    seconds: float
    peak_mb: float
    cpu: float = 0.0  # user + system seconds: less disturbed than wall time when the machine is shared
    rounds: tuple[float, ...] = ()  # wall seconds of each counted run, when runs were interleaved


@dataclass(frozen=True)
class Case:
    name: str
    argv: list[str]
    before: Callable[[], None] | None = None


class Runner:
    """Runs studylog from one source tree with its own cache folder."""

    def __init__(self, src: Path, cache: Path) -> None:
        self.src = src
        self.cache = cache
        scripts = src / "scripts"
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(scripts)], check=True, stdout=subprocess.DEVNULL)
        self.env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "GITHUB_ACTIONS")}
        self.env["PYTHONPATH"] = str(scripts)
        self.env["STUDYLOG_CACHE_DIR"] = str(cache)
        self.studylog = [sys.executable, "-m", "studylog"]

    def clear_cache(self) -> None:
        shutil.rmtree(self.cache, ignore_errors=True)

    def measure(self, argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, float]:
        """Wall seconds, peak RSS (MB) and CPU seconds of one process; fails loudly if it fails."""
        start = time.perf_counter()
        process = subprocess.Popen(
            argv, cwd=cwd, env=env or self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
        if code != 0:
            raise SystemExit(f"{' '.join(argv)} failed ({code}):\n{stderr}")
        return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime  # ru_maxrss: KiB on Linux

    def bench(
        self, name: str, runs: int, cwd: Path, argv: list[str], before: Callable[[], None] | None = None
    ) -> Figure:
        times, peaks, cpus = [], [], []
        for attempt in range(runs + 1):  # the first run warms the page cache and is not counted
            if before:
                before()
            seconds, peak, cpu = self.measure(argv, cwd)
            if attempt:
                times.append(seconds)
                peaks.append(peak)
                cpus.append(cpu)
        return Figure(name, statistics.median(times), max(peaks), statistics.median(cpus))

    def rounds(self, cases: list[Case], runs: int, cwd: Path) -> list[Figure]:
        """Each case once per round, the rounds one after another: a machine whose speed drifts
        (seen here: the same floor 0.14–0.35 s within a minute) slows every case of a round alike,
        so ratios taken within a round (`ratio`) hold where ratios of separate blocks would not."""
        seen: dict[str, list[tuple[float, float, float]]] = {case.name: [] for case in cases}
        for attempt in range(runs + 1):  # the first round warms the page cache and is not counted
            for case in cases:
                if case.before:
                    case.before()
                measured = self.measure(case.argv, cwd)
                if attempt:
                    seen[case.name].append(measured)
        return [
            Figure(
                name,
                statistics.median(m[0] for m in found),
                max(m[1] for m in found),
                statistics.median(m[2] for m in found),
                tuple(m[0] for m in found),
            )
            for name, found in seen.items()
        ]

    def command(self, *args: str) -> list[str]:
        return [*self.studylog, *args]


def reset_outputs(root: Path) -> None:
    shutil.rmtree(root / "reports", ignore_errors=True)
    (root / "README.md").write_text("# 合成学习计划\n\n<!-- studylog:start -->\n<!-- studylog:end -->\n", "utf-8")


class NewCheckin:
    """Before each run: one more check-in than last time (the day after the last one)."""

    def __init__(self, root: Path, days: int) -> None:
        self.root = root
        self.next = days

    def __call__(self) -> None:
        day = START + dt.timedelta(days=self.next)
        self.next += 1
        path = self.root / "checkins" / str(day.year) / f"{day.isoformat()}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"date: {day.isoformat()}\nstatus: done\nhours: 2\n", encoding="utf-8")


def then(*steps: Callable[[], None]) -> Callable[[], None]:
    def run() -> None:
        for step in steps:
            step()

    return run


# Targets for three-years on this machine (2 cores): (limit, kind) — "x": × floor, "y": × `import yaml`, "s": seconds
TARGETS = {
    "studylog --help": (2.0, "y"),
    "validate, cold": (2.0, "x"),
    "validate, warm": (1.5, "x"),
    "status, cold": (2.0, "x"),
    "status, warm": (1.5, "x"),
    "build from clean, cold": (9.0, "x"),
    "build, nothing changed, cold": (2.0, "x"),
}
PEAK_LIMIT_MB = 200.0


def ratio(figure: Figure, base: Figure) -> float:
    """`figure` in units of `base`: the median of the ratios within each round, when both were timed
    in the same rounds; else the ratio of the medians."""
    if figure.rounds and len(figure.rounds) == len(base.rounds):
        return statistics.median(a / b for a, b in zip(figure.rounds, base.rounds, strict=True))
    return figure.seconds / base.seconds


def commands(runner: Runner, name: str, runs: int, folder: Path) -> list[str]:
    days = SIZES[name]
    today = (START + dt.timedelta(days=days + runs + 2)).isoformat()
    cold = runner.clear_cache
    validate = runner.command("validate", "--today", today)
    status = runner.command("status", "--today", today)
    build = runner.command("build", "--today", today)
    # In this order each round: a case's `before` sets what it needs, and the builds leave the
    # outputs current for "nothing changed"; "one new check-in" adds a check-in each round (the
    # floor of the next round reads it too).
    cases = [
        Case("floor (read + parse)", [sys.executable, "-c", FLOOR, str(folder)]),
        Case("python -c 'import yaml'", [sys.executable, "-c", IMPORT_YAML]),
        Case("studylog --help", runner.command("--help")),
        Case("validate, cold", validate, cold),
        Case("validate, warm", validate),
        Case("status, cold", status, cold),
        Case("status, warm", status),
        Case("build from clean, cold", build, then(cold, lambda: reset_outputs(folder))),
        Case("build, nothing changed, cold", build, cold),
        Case("build, nothing changed, warm", build),
        Case("build, one new check-in, warm", build, NewCheckin(folder, days)),
    ]
    figures = runner.rounds(cases, runs, folder)
    return report(name, figures, figures[0], figures[1], judged=name == "three-years")


def report(name: str, figures: list[Figure], floor: Figure, bare: Figure, judged: bool) -> list[str]:
    print(
        f"\n{name}: {SIZES[name]} check-ins; {len(floor.rounds)} round{'s' if len(floor.rounds) != 1 else ''}"
        " after a warm-up, each case once per round;"
        f"\nseconds are medians, × floor the median of the ratios within each round; floor = {floor.seconds:.3f} s\n"
    )
    header = ("command", "seconds", "× floor", "cpu s", "cpu ×", "peak MB", "target")
    print("| {:<32} | {:>8} | {:>7} | {:>6} | {:>5} | {:>7} | {:<22} |".format(*header))
    print(f"|{'-' * 34}|{'-' * 9}:|{'-' * 8}:|{'-' * 7}:|{'-' * 6}:|{'-' * 8}:|{'-' * 24}|")
    missed = []
    for figure in figures:
        x = ratio(figure, floor)
        target = TARGETS.get(figure.name)
        verdict = ""
        if target and judged:
            limit, kind = target
            found = {"x": x, "y": ratio(figure, bare), "s": figure.seconds}[kind]
            ok = found <= limit
            unit = {"x": "× floor", "y": "× import yaml", "s": " s"}[kind]
            verdict = f"≤ {limit:g}{unit} {'✓' if ok else '✗'}"
            if kind == "y":
                verdict = f"{found:.2f}{unit}: {verdict}"
            if not ok:
                missed.append(figure.name)
        if figure.peak_mb > PEAK_LIMIT_MB and judged:
            missed.append(f"{figure.name} (memory)")
            verdict += " memory ✗"
        cpu_ratio = figure.cpu / floor.cpu if floor.cpu else 0.0
        print(
            f"| {figure.name:<32} | {figure.seconds:>8.3f} | {x:>7.2f} | {figure.cpu:>6.3f} | {cpu_ratio:>5.2f} "
            f"| {figure.peak_mb:>7.1f} | {verdict:<22} |"
        )
    if judged:
        print(f"\npeak memory target: ≤ {PEAK_LIMIT_MB:g} MB for every command")
        print("all targets met" if not missed else f"missed: {', '.join(missed)}")
    return missed


def repository(name: str, scratch: Path) -> Path:
    folder = scratch / name
    if not (folder / "plan.yaml").exists():
        folder.mkdir(parents=True, exist_ok=True)
        generate(name, folder)
    return folder


def years(runner: Runner, runs: int, scratch: Path) -> list[str]:
    """Build from clean (cold cache) at 1, 3, 10 and 30 years: seconds per 1,000 check-ins should stay flat."""
    print("\nbuild from clean, cold, by size (the as-of date is the day after the last check-in)\n")
    print(
        f"| {'repository':<13} | {'check-ins':>9} | {'seconds':>8} | {'s per 1,000':>11} "
        f"| {'cpu s':>6} | {'cpu per 1,000':>13} | {'marginal cpu per 1,000':>22} | {'peak MB':>7} |"
    )
    print(f"|{'-' * 15}|{'-' * 10}:|{'-' * 9}:|{'-' * 12}:|{'-' * 7}:|{'-' * 14}:|{'-' * 23}:|{'-' * 8}:|")
    missed = []
    previous: tuple[int, float] | None = None  # (check-ins, cpu s) of the size before
    for name in ("year", "three-years", "ten-years", "thirty-years"):
        folder = repository(name, scratch)
        days = SIZES[name]
        today = (START + dt.timedelta(days=days)).isoformat()
        big = days > 2000
        figure = runner.bench(
            name,
            1 if big else runs,
            folder,
            runner.command("build", "--today", today),
            then(runner.clear_cache, lambda folder=folder: reset_outputs(folder)),  # type: ignore[misc]
        )
        per = figure.seconds / days * 1000
        cpu_per = figure.cpu / days * 1000
        # The cost of each further 1,000 check-ins, without the fixed start-up (imports, templates):
        # flat when nothing grows faster than the check-ins do.
        marginal = "" if previous is None else f"{(figure.cpu - previous[1]) / (days - previous[0]) * 1000:.3f}"
        previous = (days, figure.cpu)
        print(
            f"| {name:<13} | {days:>9,} | {figure.seconds:>8.2f} | {per:>11.3f} "
            f"| {figure.cpu:>6.2f} | {cpu_per:>13.3f} | {marginal:>22} | {figure.peak_mb:>7.1f} |"
        )
        if name == "ten-years" and (figure.seconds > 4.0 or figure.peak_mb > 150):
            missed.append("ten-years build ≤ 4 s and ≤ 150 MB")
        if big:
            shutil.rmtree(folder, ignore_errors=True)
    print(
        "\ntarget: ten-years ≤ 4 s and ≤ 150 MB; seconds per 1,000 check-ins flat from 1 to 30 years"
        "\n(cpu counts the drawing child too; peak MB is the larger of the two processes)"
    )
    return missed


def asof(runner: Runner, scratch: Path, step: int) -> list[str]:
    """Build (cold, from clean) of the year repository at as-of dates from its plan's end to a year after."""
    folder = repository("year", scratch)
    end = START + dt.timedelta(days=SIZES["year"] - 1)
    rows = []
    for offset in range(1, 366, step):
        today = (end + dt.timedelta(days=offset)).isoformat()
        argv = runner.command("build", "--today", today)
        runner.clear_cache()
        reset_outputs(folder)
        seconds, peak, cpu = runner.measure(argv, folder)
        rows.append((offset, today, seconds, peak, cpu))
    median = statistics.median(r[2] for r in rows)
    print(f"\nbuild from clean of `year` (plan ends {end}) at as-of dates after its end; median {median:.2f} s\n")
    cpu_median = statistics.median(r[4] for r in rows)
    print(f"| {'days past end':>13} | {'as of':<10} | {'seconds':>7} | {'× median':>8} | {'cpu s':>5} | {'cpu ×':>5} |")
    print(f"|{'-' * 14}:|{'-' * 12}|{'-' * 8}:|{'-' * 9}:|{'-' * 6}:|{'-' * 6}:|")
    for offset, today, seconds, _, cpu in rows:
        print(
            f"| {offset:>13} | {today:<10} | {seconds:>7.2f} | {seconds / median:>8.2f} "
            f"| {cpu:>5.2f} | {cpu / cpu_median:>5.2f} |"
        )
    worst = max(rows, key=lambda r: r[2])
    print(f"\nslowest: {worst[1]} at {worst[2]:.2f} s = {worst[2] / median:.2f}× the median (no spike: ≤ 1.5×)")
    return [] if worst[2] <= 1.5 * median else [f"as-of spike at {worst[1]}"]


def caches(runner: Runner, runs: int, scratch: Path, count: int = 30) -> list[str]:
    """Warm validate of one repository with only its own cache, then with `count` repositories' caches
    (copies whose check-ins differ by a comment line, as different learners' files differ)."""
    first = repository("year", scratch)
    today = (START + dt.timedelta(days=SIZES["year"])).isoformat()
    validate = runner.command("validate", "--today", today)
    runner.clear_cache()
    alone = runner.bench("warm validate, 1 repository's cache", runs, first, validate)
    copies = []
    for n in range(1, count):
        copy = scratch / f"year-copy-{n:02d}"
        if not copy.exists():
            shutil.copytree(first, copy, symlinks=True)
            # Another learner's repository: other bytes in every check-in, so other cache entries.
            for path in copy.glob("checkins/*/*.yaml"):
                with path.open("a", encoding="utf-8") as handle:
                    handle.write(f"# learner {n}\n")
        copies.append(copy)
        runner.measure(validate, copy)  # fills this copy's cache
    shared = runner.bench(f"warm validate, {count} repositories' caches", runs, first, validate)
    size = sum(p.stat().st_size for p in runner.cache.rglob("*") if p.is_file()) / 1024 / 1024
    print(f"\nwarm validate of `year` ({SIZES['year']} check-ins); the cache folder holds {size:.1f} MB at the end\n")
    print(f"| {'caches on the machine':<42} | {'seconds':>8} | {'peak MB':>7} |")
    print(f"|{'-' * 44}|{'-' * 9}:|{'-' * 8}:|")
    for figure in (alone, shared):
        print(f"| {figure.name:<42} | {figure.seconds:>8.3f} | {figure.peak_mb:>7.1f} |")
    ratio = shared.seconds / alone.seconds
    print(f"\n{count} vs 1: {ratio:.2f}× (equal within noise: ≤ 1.2×)")
    for copy in copies:
        shutil.rmtree(copy, ignore_errors=True)
    return [] if ratio <= 1.2 else [f"{count} repositories' caches slow validate by {ratio:.2f}×"]


def milestones(runner: Runner, runs: int, scratch: Path) -> list[str]:
    folder = repository("milestones", scratch)
    today = (START + dt.timedelta(days=SIZES["milestones"])).isoformat()
    figure = runner.bench(
        "build from clean, cold, 1,000 milestones",
        runs,
        folder,
        runner.command("build", "--today", today),
        then(runner.clear_cache, lambda: reset_outputs(folder)),
    )
    print(f"\n{figure.name}: {figure.seconds:.2f} s ({figure.cpu:.2f} s CPU), {figure.peak_mb:.1f} MB (target < 2 s)")
    return [] if figure.seconds < 2.0 else ["1,000 milestones build < 2 s"]


SECTIONS = ("commands", "years", "asof", "caches", "milestones", "links", "install")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("name", nargs="?", default="three-years", choices=sorted(SIZES))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--section", default="commands", choices=[*SECTIONS, "all"])
    parser.add_argument("--src", type=Path, default=HERE.parent, help="the studylog tree to time (default: this one)")
    parser.add_argument("--keep", type=Path, help="generate repositories into this folder and keep them")
    parser.add_argument("--step", type=int, default=7, help="asof: days between as-of dates")
    args = parser.parse_args()
    scratch = args.keep or Path(tempfile.mkdtemp(prefix="studylog-bench-"))
    cache = Path(tempfile.mkdtemp(prefix="studylog-bench-cache-"))
    runner = Runner(args.src.resolve(), cache)
    sections = SECTIONS if args.section == "all" else (args.section,)
    missed: list[str] = []
    try:
        for section in sections:
            if section == "commands":
                missed += commands(runner, args.name, args.runs, repository(args.name, scratch))
            elif section == "years":
                missed += years(runner, args.runs, scratch)
            elif section == "asof":
                missed += asof(runner, scratch, args.step)
            elif section == "caches":
                missed += caches(runner, args.runs, scratch)
            elif section == "milestones":
                missed += milestones(runner, args.runs, scratch)
            elif section == "links":
                import links

                missed += links.compare(runner.env, args.runs, FLOOR)
            elif section == "install":
                import install

                install.measure(list(install.JOBS), ["pip", "uv"], 1)
    finally:
        if args.keep is None:
            shutil.rmtree(scratch, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
    if missed:
        print(f"\nmissed: {'; '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
