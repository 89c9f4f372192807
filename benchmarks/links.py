"""Link checking on a big repository: 3,000 links into 300 notes of 40 headings each.

    python benchmarks/links.py [--links 3000] [--notes 300] [--repeat 5]

Builds a real git repository in a temporary folder (everything committed), loads it, then times
`check_links` alone: `git ls-files` once, each cited note parsed once — with an empty anchor cache,
then with the anchors cached. Prints the medians.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from studylog.cache import cache_dir
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
                    (cache_dir() / "anchors.json").unlink(missing_ok=True)
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
