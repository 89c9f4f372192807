"""Deterministic synthetic study repositories for the benchmarks.

    python benchmarks/generate.py NAME OUT_DIR   # NAME: year | three-years | ten-years | thirty-years | milestones

Each is a real git repository with everything committed that `studylog validate` passes: a plan
covering every day, one check-in a day with 3 links each (a heading anchor, a code file — every
fourth with a line anchor — and a note), 150 notes of 40 headings in Chinese and English, and
code files. Same NAME, same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from studylog.check.slug import Slugger

SIZES = {"year": 365, "three-years": 1095, "ten-years": 3650, "thirty-years": 10950, "milestones": 365}
MILESTONES = {"milestones": 1000}  # a year whose plan has 1,000 milestones; the others have one per phase
NOTES = 150
HEADINGS = 40
CODE_FILES = 200
START = dt.date(2024, 1, 1)  # a Monday
TOPICS = ("极大似然 vs 贝叶斯", "Attention (Q/K/V)", "梯度下降：学习率", "LoRA 低秩适配", "KV cache 与分页注意力")


def heading(note: int, index: int) -> str:
    return f"Day{index} 第{note}篇：{TOPICS[(note + index) % len(TOPICS)]} #{index}"


def plan_text(days: int, milestones: int = 0) -> str:
    weeks = (days + 6) // 7
    phases = 3
    per_phase = (weeks + phases - 1) // phases
    lines = [
        "title: 合成学习计划 Synthetic plan",
        f"start: {START.isoformat()}",
        "timezone: Asia/Shanghai",
        "locale: zh-CN",
        "hours_per_day: 2",
        "phases:",
    ]
    week = 0
    for phase in range(phases):
        lines += [f"  - id: p{phase + 1}", f"    title: 阶段{phase + 1}", "    weeks:"]
        for _ in range(per_phase):
            if week >= weeks:
                break
            week += 1
            lines += [f"      - id: w{week}", "        items:"]
            for day in range(1, 8):
                if (week - 1) * 7 + day > days:
                    break
                title = f"第{week}周 Day{day}：{TOPICS[(week + day) % len(TOPICS)]}"
                lines.append(f'          - {{id: w{week}d{day}, title: "{title}", day: {day}}}')
    lines += ["milestones:"]
    lines += [f"  - {{id: m{p + 1}, title: 阶段{p + 1}验收, covers: [p{p + 1}]}}" for p in range(phases)]
    for m in range(milestones):  # each covers one day's item, cycling through the plan
        n = m % days
        lines.append(f"  - {{id: x{m + 1}, title: 检查点{m + 1}, covers: [w{n // 7 + 1}d{n % 7 + 1}]}}")
    return "\n".join(lines) + "\n"


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def generate(name: str, root: Path) -> None:
    days = SIZES[name]
    if root.exists() and any(root.iterdir()):
        raise SystemExit(f"{root} is not empty")
    slugs: list[list[str]] = []
    for note in range(NOTES):
        slugger = Slugger()
        titles = [heading(note, i) for i in range(HEADINGS)]
        slugs.append([slugger.slug(t) for t in titles])
        body = "\n\n".join(f"## {t}\n\n正文 body text {i}: 公式、代码和结论。" for i, t in enumerate(titles))
        write(root, f"docs/notes/note-{note:03d}.md", f"# 笔记 Notes {note}\n\n{body}\n")
    for code in range(CODE_FILES):
        write(root, f"code/task_{code:03d}.py", "".join(f"x{i} = {i}\n" for i in range(40)))
    write(root, "plan.yaml", plan_text(days, MILESTONES.get(name, 0)))
    write(root, "README.md", "# 合成学习计划\n\n<!-- studylog:start -->\n<!-- studylog:end -->\n")
    for n in range(days):
        day = START + dt.timedelta(days=n)
        week, weekday = n // 7 + 1, n % 7 + 1
        note = (n * 7) % NOTES
        code_link = f"/code/task_{n % CODE_FILES:03d}.py" + (f"#L{1 + n % 40}" if n % 4 == 0 else "")
        links = [f"/docs/notes/note-{note:03d}.md#{slugs[note][n % HEADINGS]}", code_link]
        links.append(f"../../docs/notes/note-{(n * 3) % NOTES:03d}.md")
        text = (
            f"date: {day.isoformat()}\nstatus: {'in-progress' if n % 10 == 9 else 'done'}\nhours: {1 + n % 3}\n"
            f"items: [w{week}d{weekday}]\n"
            f'problems:\n  - problem: "第{n}天的问题：{TOPICS[n % len(TOPICS)]} 不清楚"\n'
            f'    solution: "读论文并手算一个例子 (day {n})"\n'
            "links:\n" + "".join(f'  - "{link}"\n' for link in links)
        )
        write(root, f"checkins/{day.year}/{day.isoformat()}.yaml", text)
    env = {**os.environ, "GIT_AUTHOR_DATE": "2024-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2024-01-01T00:00:00Z"}
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-qm", "synthetic study"],
    ):
        subprocess.run(["git", *args], cwd=root, check=True, env=env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("name", choices=sorted(SIZES))
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    generate(args.name, args.out)
    print(f"{args.name}: {SIZES[args.name]} check-ins in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
