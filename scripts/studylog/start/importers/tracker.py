"""Seed 000's shape: a lecture tracker — `## 阶段N：… (第a-b周)`, `### 第N周: …`, `#### Lecture NN: …`
with a task table (任务 | 状态 | 完成日期 | 备注), a milestone table, the tracker's own statistics,
and dated journal sections (`### 2025-11-06 (…)` with 今日完成 / 学习感悟 / 明日计划 / 创建的资源 …)."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from studylog.errors import ImportRefused
from studylog.i18n import t
from studylog.model import ItemKind, Status
from studylog.start.importers.assemble import PlanBuilder
from studylog.start.importers.common import (
    Detection,
    Imported,
    Note,
    Options,
    document_title,
    find_date,
    is_separator,
    one_line,
    split_row,
    status_of,
)

name = "lecture-tracker"
example = (
    "#### Lecture 01: Introduction & Tokenization  ➜  | 课程介绍和历史背景 | ✅ 已完成 | 2025-11-04 | 笔记已生成 |"
)

_PHASE_HEADING = re.compile(r"^##\s+\S*\s*阶段\s*(\d+)\s*[：:]\s*(.+?)\s*[（(]第\s*(\d+)\s*[-–~]\s*(\d+)\s*周[)）]")
_WEEK_HEADING = re.compile(r"^###\s+第\s*(\d+)\s*周\s*[：:]\s*(.+)$")
_ITEM_HEADING = re.compile(r"^####\s+(.+)$")
_LECTURE = re.compile(r"Lecture\s*(\d+)", re.I)
_FIELD = re.compile(r"^\*\*(.+?)\*\*\s*[：:]\s*(.+)$")
_JOURNAL_HEADING = re.compile(r"^###\s+(\d{4}-\d{2}-\d{2})\s*(?:[（(](.+)[)）])?\s*$")
_JOURNAL_KEY = re.compile(r"^-\s+\*\*(.+?)\*\*\s*[：:]\s*(.*)$")
_STAT = re.compile(r"^-\s*(?:✅|🟡|⚪)?\s*(已完成|进行中|未开始)\s*[：:]\s*(\d+)\s*/\s*(\d+)")
_TASK_HEADER = re.compile(r"^\|\s*任务\s*\|\s*状态\s*\|", re.M)
JOURNAL_KEYS = {
    "今日完成": "done",
    "学习感悟": "insights",
    "技术收获": "insights",
    "明日计划": "next",
    "下一步计划": "next",
    "创建的资源": "resources",
}
_STATE_WORDS = {"已完成": "done", "进行中": "in_progress", "未开始": "not_started"}


def detect(text: str) -> Detection:
    lectures = len(re.findall(r"^####\s+", text, re.M))
    task_tables = len(_TASK_HEADER.findall(text))
    if lectures and task_tables:
        return Detection(1.0, t("import.tracker.found", lectures=lectures, tables=task_tables))
    if task_tables:
        return Detection(0.4, t("import.tracker.tables-only", n=task_tables))
    if lectures:
        return Detection(0.3, t("import.tracker.headings-only", n=lectures))
    return Detection(0.0, t("import.tracker.none"))


@dataclass
class _Journal:
    line: int
    date: dt.date
    title: str
    body: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class _Pending:
    """A task marked done or in progress without a completion date."""

    line: int
    task_id: str
    title: str
    status: Status


def read(text: str, options: Options, today: dt.date) -> Imported:
    lines = text.splitlines()
    doc_title = document_title(lines)
    builder = PlanBuilder(name, doc_title)
    fields = {m.group(1).strip(): m.group(2).strip() for line in lines if (m := _FIELD.match(line.strip()))}
    found_start = find_date(fields.get("开始日期", ""))
    plan_start = options.start or (found_start.date if found_start else None)
    if plan_start is None:
        raise ImportRefused(t("import.tracker.no-start"))
    week: dict[str, Any] | None = None
    item: dict[str, Any] | None = None
    in_tasks = False
    section = ""
    milestones_raw: list[tuple[int, list[str]]] = []
    journal: list[_Journal] = []
    worked: dict[dt.date, list[dict[str, Any]]] = defaultdict(list)
    pending: list[_Pending] = []
    task_states: dict[str, list[Status]] = defaultdict(list)  # item id → its tasks' statuses
    stated: dict[str, tuple[int, int]] = {}
    in_milestones = False
    in_lecture_stats = False
    dates_seen: list[dt.date] = []
    projects = 0
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip()
        if line.startswith("## "):
            section = line
            week, item, in_milestones = None, None, False
            if match := _PHASE_HEADING.match(line):
                builder.phase(match.group(2).strip(), ident=f"p{match.group(1)}")
            continue
        if line.startswith("### "):
            in_lecture_stats = "讲座完成情况" in line
        if in_lecture_stats and (stat := _STAT.match(line.strip())):
            stated[_STATE_WORDS[stat.group(1)]] = (int(stat.group(2)), int(stat.group(3)))
            continue
        if match := _WEEK_HEADING.match(line):
            if not builder.phases:
                builder.notes.append(Note(number, t("import.tracker.week-before-phase")))
                continue
            week = builder.week(f"w{match.group(1)}", match.group(2).strip())
            item = None
            continue
        if "学习心得" in section and (match := _JOURNAL_HEADING.match(line)):
            when = find_date(match.group(1))
            if when is None or when.date is None:
                builder.notes.append(Note(number, t("import.tracker.journal-date", text=match.group(1))))
                continue
            journal.append(_Journal(number, when.date, (match.group(2) or "").strip()))
            dates_seen.append(when.date)
            continue
        if journal and "学习心得" in section:
            journal[-1].body.append((number, line))
            continue
        if (match := _ITEM_HEADING.match(line)) and week is not None:
            heading = match.group(1).strip()
            lecture = _LECTURE.search(heading)
            if lecture:
                ident, kind = f"l{int(lecture.group(1)):02d}", None
            else:
                projects += 1
                ident, kind = f"project{projects}", ItemKind.PROJECT.value
            item_title = re.sub(r"^[^\w\"“(（]+", "", heading).strip()
            item = builder.item(week, ident, item_title, kind=kind)
            item["tasks"] = []
            in_tasks = False
            continue
        if line.startswith("#"):
            in_milestones = False
        if line.lstrip().startswith("|"):
            cells = split_row(line)
            if cells and one_line(cells[0]) == "里程碑":
                in_milestones = True
                continue
            if in_milestones:
                if not is_separator(cells):
                    milestones_raw.append((number, cells))
                continue
            if "更新日志" in section:
                if (when := find_date(cells[0])) and when.date:
                    dates_seen.append(when.date)
                continue
            if item is None:
                if not is_separator(cells):
                    builder.notes.append(Note(number, t("import.tracker.row-outside")))
                continue
            if cells[:2] == ["任务", "状态"] or is_separator(cells):
                in_tasks = True
                continue
            if not in_tasks:
                continue
            if len(cells) < 2:
                builder.notes.append(Note(number, t("import.tracker.short-row", n=len(cells))))
                continue
            task_title = one_line(cells[0])
            task_id = f"{item['id']}-t{len(item['tasks']) + 1}"
            note = one_line(cells[3]) if len(cells) > 3 else ""
            item["tasks"].append({"id": task_id, "title": task_title, **({"note": note} if note else {})})
            builder.rows += 1
            status = status_of(cells[1]) if cells[1].strip() else Status.NOT_DONE
            if status is None:
                builder.notes.append(Note(number, t("import.tracker.status-unknown", status=cells[1])))
                status = Status.NOT_DONE
            task_states[item["id"]].append(status)
            if status is Status.NOT_DONE:
                continue
            done_on = find_date(cells[2]) if len(cells) > 2 else None
            if done_on is None or done_on.date is None:
                pending.append(_Pending(number, task_id, task_title, status))
                continue
            dates_seen.append(done_on.date)
            worked[done_on.date].append({"id": task_id, "status": status.value})
            continue
        field_match = _FIELD.match(line.strip())
        if field_match and week is not None and field_match.group(1) in ("预计开始", "开始日期"):
            when = find_date(field_match.group(2))
            if when is not None and when.date is not None:
                week["start"] = when.date
    _place_pending(builder, pending, worked, dates_seen)
    for phase in builder.phases:
        for w in phase["weeks"]:
            for it in w["items"]:
                if not it.get("tasks"):
                    it.pop("tasks", None)
    milestones = _milestones(builder, milestones_raw)
    _compare_statistics(builder, stated, task_states)
    _compare_overview(builder, lines, task_states)
    _journal_checkins(builder, journal, worked)
    for number, line in enumerate(lines, 1):
        if line.startswith("## ") and "更新日志" in line:
            builder.notes.append(Note(number, t("import.tracker.update-log")))
        elif line.startswith("## ") and "相关资源链接" in line:
            builder.notes.append(Note(number, t("import.tracker.resources")))
    return builder.finish(plan_start, milestones=milestones, reason=detect(text).reason)


def _place_pending(
    builder: PlanBuilder, pending: list[_Pending], worked: dict[dt.date, list[dict[str, Any]]], seen: list[dt.date]
) -> None:
    """Tasks marked done or in progress with no date go on the tracker's latest date, and say so."""
    if not pending:
        return
    if not seen:
        for task in pending:
            builder.notes.append(
                Note(task.line, t("import.tracker.no-date-at-all", title=task.title, status=task.status.value))
            )
        return
    latest = max(seen)
    for task in pending:
        worked[latest].append({"id": task.task_id, "status": task.status.value})
        builder.notes.append(
            Note(task.line, t("import.tracker.no-done-date", title=task.title, status=task.status.value, date=latest))
        )


def _milestones(builder: PlanBuilder, raw: list[tuple[int, list[str]]]) -> list[dict[str, Any]]:
    milestones = []
    for index, (number, cells) in enumerate(raw):
        found = find_date(cells[1]) if len(cells) > 1 else None
        due = found.date if found else None
        if index >= len(builder.phases) or due is None:
            builder.notes.append(Note(number, t("import.tracker.milestone-lost", title=cells[0])))
            continue
        milestones.append(
            {"id": f"m{index + 1}", "title": cells[0].strip(), "due": due, "covers": [builder.phases[index]["id"]]}
        )
        if len(cells) > 3 and cells[3]:
            builder.notes.append(
                Note(number, t("import.tracker.milestone-count", title=cells[0].strip(), count=cells[3]))
            )
    return milestones


def lecture_states(task_states: dict[str, list[Status]], lectures: list[str]) -> dict[str, int]:
    counts = dict.fromkeys(("done", "in_progress", "not_started"), 0)
    for ident in lectures:
        states = task_states.get(ident, [])
        if states and all(s is Status.DONE for s in states):
            counts["done"] += 1
        elif any(s is not Status.NOT_DONE for s in states):
            counts["in_progress"] += 1
        else:
            counts["not_started"] += 1
    return counts


def _compare_statistics(
    builder: PlanBuilder, stated: dict[str, tuple[int, int]], task_states: dict[str, list[Status]]
) -> None:
    """The tracker's own 讲座完成情况, checked against its task tables: a learner should know when they differ."""
    if not stated:
        return
    lectures = [i["id"] for p in builder.phases for w in p["weeks"] for i in w["items"] if i["id"].startswith("l")]
    counts = lecture_states(task_states, lectures)
    words = {"done": "已完成", "in_progress": "进行中", "not_started": "未开始"}
    differ = [
        t(
            "import.tracker.stat",
            word=words[k],
            stated=f"{stated[k][0]}/{stated[k][1]}",
            counted=f"{counts[k]}/{len(lectures)}",
        )
        for k in stated
        if (stated[k][0], stated[k][1]) != (counts[k], len(lectures))
    ]
    summary = t("word.list-comma").join(f"{words[k]} {counts[k]}/{len(lectures)}" for k in counts)
    if differ:
        builder.notes.append(Note(0, t("import.tracker.stats-differ", differ=t("word.list-semicolon").join(differ))))
    else:
        builder.notes.append(Note(0, t("import.tracker.stats-agree", summary=summary)))


_OVERVIEW = re.compile(r"^\*\*已完成\*\*\s*[：:]\s*(\d+)\s*/\s*(\d+)\s*讲座")


def _compare_overview(builder: PlanBuilder, lines: list[str], task_states: dict[str, list[Status]]) -> None:
    """The overview at the top (`**已完成**: 0/17 讲座`) is often forgotten when a learner updates the rest."""
    found = next(((n, m) for n, line in enumerate(lines, 1) if (m := _OVERVIEW.match(line.strip()))), None)
    if found is None:
        return
    number, match = found
    lectures = [i["id"] for p in builder.phases for w in p["weeks"] for i in w["items"] if i["id"].startswith("l")]
    done = lecture_states(task_states, lectures)["done"]
    if (int(match.group(1)), int(match.group(2))) != (done, len(lectures)):
        builder.notes.append(
            Note(
                number,
                t(
                    "import.tracker.overview-differs",
                    stated=match.group(1),
                    total=match.group(2),
                    done=done,
                    lectures=len(lectures),
                ),
            )
        )


def _journal_checkins(
    builder: PlanBuilder, journal: list[_Journal], worked: dict[dt.date, list[dict[str, Any]]]
) -> None:
    by_day: dict[dt.date, list[_Journal]] = defaultdict(list)
    for entry in journal:
        by_day[entry.date].append(entry)
    for date in sorted(set(by_day) | set(worked)):
        entries = by_day.get(date, [])
        fields: dict[str, Any] = {}
        titles = [e.title for e in entries if e.title]
        if titles:
            fields["task"] = "；".join(titles)
        lists: dict[str, list[str]] = defaultdict(list)
        notes: list[str] = []
        for entry in entries:
            key: str | None = None
            unknown = ""
            for number, line in entry.body:
                if match := _JOURNAL_KEY.match(line):  # a field starts the line; indented bold is an entry
                    label = match.group(1).strip()
                    key = JOURNAL_KEYS.get(label)
                    unknown = "" if key else label
                    if unknown:
                        notes.append(f"{label}：")
                        builder.notes.append(Note(number, t("import.tracker.journal-heading", label=label)))
                    continue
                bullet = re.match(r"^\s+[-*]\s+(.+)$", line)
                if bullet is None:
                    continue
                entry_text = one_line(bullet.group(1))
                if key:
                    lists[key].append(entry_text)
                elif unknown:
                    notes.append(f"- {entry_text}")
        for key in ("done", "insights", "next", "resources"):
            if lists.get(key):
                fields[key] = lists[key]
        if notes:
            fields["notes"] = "\n".join(notes)
        if len(entries) > 1:
            builder.notes.append(Note(entries[1].line, t("import.tracker.journal-merged", date=date, n=len(entries))))
        # A journal day with no task finished earns no plan credit: `items: []` says so explicitly.
        fields["items"] = worked.get(date, [])
        builder.checkins[date] = {
            "date": date,
            "status": Status.DONE.value,
            **{k: v for k, v in fields.items() if v or k == "items"},
        }
        builder.checkin_lines[date] = entries[0].line if entries else 0
