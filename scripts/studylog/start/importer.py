"""`studylog import`: turn a hand-kept Markdown tracker into `plan.yaml` and check-in files.

Two shapes are understood, the two the seed documents show:

- the *summary table* (seed 004): phase header rows, then one row per day with week/day, date
  (`2026-01-XX` placeholders are resolved from `--start` and the row's week and day), status,
  task, problem, solution, links and the phase's progress — whose steps become the items' weights;
- the *tracker* (seed 000): phase → week → lecture headings with task tables (status, completion
  date, note), a milestone table, and dated journal sections (今日完成 / 学习感悟 / 明日计划 /
  创建的资源 …).

Nothing is dropped silently: whatever cannot be mapped is reported with its line number.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studylog.errors import ProblemsFound, UsageError
from studylog.layout import PLAN_FILE, checkin_path
from studylog.model import ItemKind, Status, parse_status

if TYPE_CHECKING:
    from studylog.diagnostics import Diagnostic

ONE_DAY = dt.timedelta(days=1)


@dataclass
class Imported:
    plan: dict[str, Any]
    checkins: dict[dt.date, dict[str, Any]]
    report: list[str] = field(default_factory=list)  # what could not be mapped, and other notes
    rows: int = 0  # rows or tasks read


# ---------------------------------------------------------------------------------------------
# Markdown table rows


def split_row(line: str) -> list[str]:
    """The cells of a GFM table row; `\\|` is a pipe inside a cell."""
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    cells, current, escaped = [], [], False
    for char in body:
        if escaped:
            current.append(char if char == "|" else "\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    cells.append("".join(current).strip() + ("\\" if escaped else ""))
    return cells


def _is_separator(cells: list[str]) -> bool:
    return bool(cells) and all(re.fullmatch(r":?-{2,}:?", c.replace(" ", "")) for c in cells if c)


def _plain(text: str) -> str:
    """Cell text without bold/italic markers and HTML line breaks."""
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    return text.strip()


# ---------------------------------------------------------------------------------------------
# the summary table (seed 004)

COLUMNS: dict[str, tuple[str, ...]] = {
    "week": ("周次", "week", "week/day", "周次/天"),
    "date": ("日期", "date"),
    "status": ("完成状态", "状态", "status"),
    "task": ("核心任务", "任务", "task", "core task"),
    "problem": ("遇到的问题", "问题", "problem", "problems"),
    "solution": ("解决方法", "解决", "solution", "solutions"),
    "links": ("代码/笔记链接", "链接", "代码链接", "links", "link", "code/notes"),
    "progress": ("阶段进度", "进度", "progress", "phase progress"),
}
_WEEK_DAY = re.compile(r"(?:第\s*(\d+)\s*周|W(?:eek)?\s*(\d+))\s*(?:Day|D|第)?\s*(\d+)(?:\s*[-–~]\s*(\d+))?", re.I)
_PROGRESS = re.compile(r"(?:阶段\s*(\d+)\s*[：:]\s*)?(\d+(?:\.\d+)?)\s*%")
_PHASE_LINE = re.compile(r"^\s*[-*]\s*阶段\s*(\d+)\s*[（(]第\s*(\d+)\s*[-–~]\s*(\d+)\s*周[)）]\s*[：:]\s*(.+)$")
_PHASE_ROW = re.compile(r"^\*\*(?:阶段\s*(\d+)\s*)?(.+?)\*\*$")
_HOURS = re.compile(r"每[日天]\s*(\d+(?:\.\d+)?)\s*小时")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)|(https?://\S+|/?[\w./~%#:\-\u4e00-\u9fff]+\.[\w]+(?:#[^\s,，、]+)?)")


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        key = _plain(name).lower()
        for column, names in COLUMNS.items():
            if key in names and column not in found:
                found[column] = index
    return found


def _links(cell: str) -> list[dict[str, str] | str]:
    out: list[dict[str, str] | str] = []
    for match in _LINK.finditer(_plain(cell)):
        if match.group(2):
            out.append({"url": match.group(2), "title": match.group(1)} if match.group(1) else match.group(2))
        elif match.group(3):
            out.append(match.group(3))
    return out


def _table_lines(lines: list[str]) -> Iterator[tuple[int, list[str]]]:
    for number, line in enumerate(lines, 1):
        if line.lstrip().startswith("|"):
            yield number, split_row(line)


def import_table(text: str, start: dt.date | None) -> Imported:
    lines = text.splitlines()
    title = next((line[2:].strip() for line in lines if line.startswith("# ")), "Imported plan")
    hours = _HOURS.search(text)
    declared = {int(m.group(1)): m for line in lines if (m := _PHASE_LINE.match(line))}
    rows = list(_table_lines(lines))
    header_at = next((i for i, (_, cells) in enumerate(rows) if len(_columns(cells)) >= 3), None)
    if header_at is None:
        raise ProblemsFound("no table with columns like 周次, 日期, 完成状态, 核心任务 was found")
    header = rows[header_at][1]
    columns = _columns(header)
    result = Imported({}, {}, rows=0)
    report = result.report
    unmapped = [name for i, name in enumerate(header) if i not in columns.values() and name]
    if unmapped:
        report.append(f"columns {', '.join(unmapped)} have no place in a check-in: their text goes into `notes`")
    for needed in ("week", "task"):
        if needed not in columns:
            name = {"week": "周次 (week/day)", "task": "核心任务 (task)"}[needed]
            raise ProblemsFound(f"the table has no {name} column; it has: {', '.join(header)}")
    if "progress" not in columns:
        report.append("no 阶段进度 column: every item of a phase gets the same weight")

    phases: list[dict[str, Any]] = []
    weeks: dict[tuple[int, int], dict[str, Any]] = {}
    progress_seen: dict[int, float] = defaultdict(float)
    dates: dict[str, dt.date] = {}

    def phase_for(number: int | None, name: str) -> dict[str, Any]:
        index = number or len(phases) + 1
        declared_line = declared.get(index)
        title_text = name.strip() or (declared_line.group(4).strip() if declared_line else f"阶段{index}")
        goal = ""
        if declared_line and (goal_match := re.search(r"[（(](.+)[)）]\s*$", declared_line.group(4))):
            goal = goal_match.group(1)
        phase: dict[str, Any] = {"id": f"p{index}", "title": title_text, **({"goal": goal} if goal else {})}
        phase["weeks"] = []
        phases.append(phase)
        return phase

    for number, cells in rows[header_at + 1 :]:
        if _is_separator(cells):
            continue
        first = cells[0] if cells else ""
        if (marker := _PHASE_ROW.match(first)) and not any(c for c in cells[1:]):
            phase_for(int(marker.group(1)) if marker.group(1) else None, marker.group(2))
            continue
        if len(cells) != len(header):
            report.append(
                f"line {number}: {len(cells)} cells for {len(header)} columns, so it was not imported — "
                f"escape a `|` inside a cell as `\\|`: {' | '.join(cells)[:80]}"
            )
            continue
        cell = {key: cells[i] for key, i in columns.items()}
        position = _WEEK_DAY.search(cell["week"])
        if position is None:
            report.append(f"line {number}: `{cell['week']}` is not a week and day like 第1周 Day1; row not imported")
            continue
        week_no = int(position.group(1) or position.group(2))
        day, last = int(position.group(3)), int(position.group(4) or position.group(3))
        if not 1 <= day <= last <= 7:
            report.append(f"line {number}: day {day}–{last} is not within a week; row not imported")
            continue
        phase = phases[-1] if phases else phase_for(None, "")
        week = weeks.get((len(phases), week_no))
        if week is None:
            week = {"id": f"w{week_no}", "title": f"第{week_no}周", "items": []}
            weeks[(len(phases), week_no)] = week
            phase["weeks"].append(week)
        task = _plain(cell["task"]).replace("\n", " ")
        item_id = f"w{week_no}d{day}"
        kind = ItemKind.ACCEPTANCE if "验收" in task else ItemKind.REVIEW if "复盘" in task else ItemKind.STUDY
        item: dict[str, Any] = {"id": item_id, "title": task, "day": day}
        if last > day:
            item["days"] = last - day + 1
        if kind is not ItemKind.STUDY:
            item["kind"] = kind.value
        progress = _PROGRESS.search(cell.get("progress", ""))
        phase_no = len(phases)
        if progress:
            value = float(progress.group(2))
            item["weight"] = round(max(value - progress_seen[phase_no], 0.0), 4)
            progress_seen[phase_no] = max(progress_seen[phase_no], value)
        week["items"].append(item)
        result.rows += 1
        date = _row_date(cell.get("date", ""), start, week_no, day)
        if date is None:
            report.append(
                f"line {number}: no usable date (`{cell.get('date', '')}`) and no --start; check-in not written"
            )
            continue
        dates[item_id] = date
        status = parse_status(_plain(cell.get("status", ""))) if cell.get("status", "").strip() else None
        if status is None:
            if cell.get("status", "").strip():
                report.append(
                    f"line {number}: status `{cell['status']}` is not one studylog knows; no check-in written"
                )
            continue  # a planned day not checked in yet
        checkin: dict[str, Any] = {"date": date, "status": status.value, "items": [item_id]}
        problem, solution = _plain(cell.get("problem", "")), _plain(cell.get("solution", ""))
        if problem:
            checkin["problems"] = [{"problem": problem, **({"solution": solution} if solution else {})}]
        elif solution:
            checkin["notes"] = solution
        links = _links(cell.get("links", ""))
        if links:
            checkin["links"] = links
        extra = [f"{header[i]}: {_plain(cells[i])}" for i in range(len(header)) if header[i] in unmapped and cells[i]]
        if extra:
            checkin["notes"] = "\n".join([checkin.get("notes", ""), *extra]).strip()
        result.checkins[date] = checkin

    if not phases:
        raise ProblemsFound("the table has no rows studylog could read")
    first_date = min(dates.values(), default=start)
    plan_start = start or (first_date and first_date - dt.timedelta(days=first_date.weekday()))
    if plan_start is None:
        raise ProblemsFound(
            "the dates are placeholders like 2026-01-XX: pass --start YYYY-MM-DD (the plan's first day)"
        )
    weights = {p["id"]: sum(1 for _ in p["weeks"]) for p in phases}
    for phase in phases:
        phase["weight"] = weights[phase["id"]]  # phases weigh by their weeks, as the seed's statistics do
    milestones = []
    for phase in phases:
        items = [i for w in phase["weeks"] for i in w["items"]]
        acceptance = next((i for i in items if i.get("kind") == "acceptance"), None)
        final_item = items[-1] if items else None
        if final_item is not None:
            due = dates.get((acceptance or final_item)["id"])
            milestones.append(
                {
                    "id": f"m{phase['id'][1:]}",
                    "title": (acceptance or {"title": f"{phase['title']} 完成"})["title"],
                    "covers": [phase["id"]],
                    **({"due": due} if due else {}),
                }
            )
    result.plan = _plan(title, plan_start, phases, milestones, float(hours.group(1)) if hours else None)
    return result


def _plan(
    title: str, start: dt.date, phases: list[dict[str, Any]], milestones: list[dict[str, Any]], hours: float | None
) -> dict[str, Any]:
    """The plan as written to plan.yaml; both trackers are Chinese, kept in China's timezone by default."""
    return {
        "title": title,
        "start": start,
        "timezone": "Asia/Shanghai",
        "locale": "zh-CN",
        **({"hours_per_day": hours} if hours else {}),
        "phases": phases,
        **({"milestones": milestones} if milestones else {}),
    }


def _row_date(text: str, start: dt.date | None, week: int, day: int) -> dt.date | None:
    value = _plain(text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    if start is None:
        return None
    return start + dt.timedelta(days=(week - 1) * 7 + day - 1)


# ---------------------------------------------------------------------------------------------
# the tracker (seed 000)

_PHASE_HEADING = re.compile(r"^##\s+\S*\s*阶段\s*(\d+)\s*[：:]\s*(.+?)\s*[（(]第\s*(\d+)\s*[-–~]\s*(\d+)\s*周[)）]")
_WEEK_HEADING = re.compile(r"^###\s+第\s*(\d+)\s*周\s*[：:]\s*(.+)$")
_ITEM_HEADING = re.compile(r"^####\s+(.+)$")
_LECTURE = re.compile(r"Lecture\s*(\d+)", re.I)
_FIELD = re.compile(r"^\*\*(.+?)\*\*\s*[：:]\s*(.+)$")
_JOURNAL_HEADING = re.compile(r"^###\s+(\d{4}-\d{2}-\d{2})\s*(?:[（(](.+)[)）])?\s*$")
_JOURNAL_KEY = re.compile(r"^-\s+\*\*(.+?)\*\*\s*[：:]\s*(.*)$")
JOURNAL_KEYS = {
    "今日完成": "done",
    "学习感悟": "insights",
    "技术收获": "insights",
    "明日计划": "next",
    "下一步计划": "next",
    "创建的资源": "resources",
}


def _date_in(text: str) -> dt.date | None:
    match = re.search(r"\d{4}-\d{2}-\d{2}", text)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(0))
    except ValueError:
        return None


def import_tracker(text: str, start: dt.date | None) -> Imported:
    lines = text.splitlines()
    result = Imported({}, {}, rows=0)
    report = result.report
    title = next((line[2:].strip() for line in lines if line.startswith("# ")), "Imported plan")
    fields = {m.group(1).strip(): m.group(2).strip() for line in lines if (m := _FIELD.match(line.strip()))}
    plan_start = start or _date_in(fields.get("开始日期", ""))
    if plan_start is None:
        raise ProblemsFound("no **开始日期** in the file: pass --start YYYY-MM-DD")
    phases: list[dict[str, Any]] = []
    week: dict[str, Any] | None = None
    item: dict[str, Any] | None = None
    in_tasks = False
    worked: dict[dt.date, list[dict[str, Any]]] = defaultdict(list)
    section = ""
    milestones_raw: list[list[str]] = []
    journal: list[tuple[int, dt.date, str, list[str]]] = []
    project_count = 0
    in_milestones = False
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip()
        if line.startswith("## "):
            section = line
            week, item, in_milestones = None, None, False
            if match := _PHASE_HEADING.match(line):
                phases.append({"id": f"p{match.group(1)}", "title": match.group(2).strip(), "weeks": []})
            continue
        if match := _WEEK_HEADING.match(line):
            if not phases:
                report.append(f"line {number}: a week before any phase heading; not imported")
                continue
            week = {"id": f"w{match.group(1)}", "title": match.group(2).strip(), "items": []}
            phases[-1]["weeks"].append(week)
            item = None
            continue
        if "学习心得" in section and (match := _JOURNAL_HEADING.match(line)):
            journal.append((number, dt.date.fromisoformat(match.group(1)), (match.group(2) or "").strip(), []))
            continue
        if journal and "学习心得" in section:
            journal[-1][3].append(line)
            continue
        if (match := _ITEM_HEADING.match(line)) and week is not None:
            heading = match.group(1).strip()
            lecture = _LECTURE.search(heading)
            if lecture:
                ident = f"l{int(lecture.group(1)):02d}"
                kind = None
            else:
                project_count += 1
                ident = f"project{project_count}"
                kind = ItemKind.PROJECT.value
            title_text = re.sub(r"^[^\w\"“(（]+", "", heading).strip()
            item = {"id": ident, "title": title_text, **({"kind": kind} if kind else {}), "tasks": []}
            week["items"].append(item)
            in_tasks = False
            continue
        if line.startswith("#"):
            in_milestones = False
        if line.lstrip().startswith("|"):
            cells = split_row(line)
            if cells and _plain(cells[0]) == "里程碑":
                in_milestones = True
                continue
            if in_milestones:
                if not _is_separator(cells):
                    milestones_raw.append(cells)
                continue
            if item is None:
                if "更新日志" not in section and not _is_separator(cells):
                    report.append(f"line {number}: a table row outside any lecture; not imported")
                continue
            if cells[:2] == ["任务", "状态"] or _is_separator(cells):
                in_tasks = True
                continue
            if not in_tasks:
                continue
            if len(cells) < 2:
                report.append(f"line {number}: a task row with {len(cells)} cell(s); not imported")
                continue
            task_title = _plain(cells[0])
            task_id = f"{item['id']}-t{len(item['tasks']) + 1}"
            note = _plain(cells[3]) if len(cells) > 3 else ""
            item["tasks"].append({"id": task_id, "title": task_title, **({"note": note} if note else {})})
            result.rows += 1
            status = parse_status(_plain(cells[1])) if cells[1].strip() else Status.NOT_DONE
            if status is None:
                report.append(f"line {number}: status `{cells[1]}` is not one studylog knows; task kept as not started")
                continue
            done_on = _date_in(cells[2]) if len(cells) > 2 else None
            if status is not Status.NOT_DONE:
                if done_on is None:
                    report.append(
                        f"line {number}: `{task_title}` is {status.value} but has no date; no check-in for it"
                    )
                    continue
                worked[done_on].append({"id": task_id, "status": status.value})
            continue
        field_match = _FIELD.match(line.strip())
        if field_match and week is not None and field_match.group(1) in ("预计开始", "开始日期"):
            when = _date_in(field_match.group(2))
            if when is not None:
                week["start"] = when

    for phase in phases:
        for w in phase["weeks"]:
            for it in w["items"]:
                if not it["tasks"]:
                    del it["tasks"]
    milestones = []
    for index, cells in enumerate(milestones_raw):
        due = _date_in(cells[1]) if len(cells) > 1 else None
        if index >= len(phases) or due is None:
            report.append(f"milestone `{cells[0]}` has no phase or date to attach to; not imported")
            continue
        milestones.append(
            {"id": f"m{index + 1}", "title": cells[0].strip(), "due": due, "covers": [phases[index]["id"]]}
        )
        if len(cells) > 3 and cells[3]:
            report.append(
                f"milestone `{cells[0].strip()}`: the tracker's own count `{cells[3]}` is recomputed from the tasks"
            )
    result.plan = _plan(title, plan_start, phases, milestones, None)
    _journal_checkins(result, journal, worked)
    if any("更新日志" in line for line in lines):
        report.append("the update log (更新日志) records edits of the tracker itself; not imported")
    if any("相关资源链接" in line for line in lines):
        report.append("the 相关资源链接 section is not a check-in; not imported")
    return result


def _journal_checkins(
    result: Imported, journal: list[tuple[int, dt.date, str, list[str]]], worked: dict[dt.date, list[dict[str, Any]]]
) -> None:
    by_day: dict[dt.date, list[tuple[int, str, list[str]]]] = defaultdict(list)
    for number, date, title, body in journal:
        by_day[date].append((number, title, body))
    for date in sorted(set(by_day) | set(worked)):
        checkin: dict[str, Any] = {"date": date, "status": Status.DONE.value}
        titles = [t for _, t, _ in by_day.get(date, []) if t]
        if titles:
            checkin["task"] = "；".join(titles)
        if worked.get(date):
            checkin["items"] = worked[date]
        lists: dict[str, list[str]] = defaultdict(list)
        notes: list[str] = []
        for number, _, body in by_day.get(date, []):
            key: str | None = None
            unknown = ""
            for line in body:
                if match := _JOURNAL_KEY.match(line):  # a field starts the line; indented bold is an entry
                    name = match.group(1).strip()
                    key = JOURNAL_KEYS.get(name)
                    unknown = "" if key else name
                    if unknown:
                        notes.append(f"{name}：")
                        result.report.append(f"line {number}: journal heading `{name}` has no field; kept in `notes`")
                    continue
                entry = re.match(r"^\s+[-*]\s+(.+)$", line)
                if entry is None:
                    continue
                text = _plain(entry.group(1))
                if key:
                    lists[key].append(text)
                elif unknown:
                    notes.append(f"- {text}")
        for name in ("done", "insights", "next", "resources"):
            if lists.get(name):
                checkin[name] = lists[name]
        if notes:
            checkin["notes"] = "\n".join(notes)
        if len(by_day.get(date, [])) > 1:
            result.report.append(f"{date}: {len(by_day[date])} journal entries merged into one check-in")
        result.checkins[date] = checkin


def detect_and_import(text: str, start: dt.date | None) -> Imported:
    if re.search(r"^####\s+", text, re.M) and re.search(r"\|\s*任务\s*\|\s*状态\s*\|", text):
        return import_tracker(text, start)
    return import_table(text, start)


# ---------------------------------------------------------------------------------------------
# writing the files


def _dump(data: dict[str, Any], header: str) -> str:
    import yaml

    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100_000, default_flow_style=False)
    return header + body


def keep_resolvable_links(root: Path, imported: Imported) -> None:
    """Links to files the repository does not have would fail validation: keep them as resources."""
    from studylog.linkpath import Target, is_web, resolve
    from studylog.load.tracked import TrackedFiles

    tracked = TrackedFiles(root)
    moved = 0
    for date, checkin in imported.checkins.items():
        path = checkin_path(date)
        kept, resources = [], list(checkin.get("resources", []))
        for link in checkin.get("links", []):
            target = link["url"] if isinstance(link, dict) else link
            resolved = resolve(target, path)
            if is_web(target) or (isinstance(resolved, Target) and tracked.exists(resolved.path)):
                kept.append(link)
            else:
                resources.append(target)
                moved += 1
        if kept:
            checkin["links"] = kept
        else:
            checkin.pop("links", None)
        if resources:
            checkin["resources"] = resources
    if moved:
        imported.report.append(
            f"{moved} link(s) point to files this repository does not have (yet): kept under `resources`; "
            "add the files and move them back to `links` to have them checked"
        )


def plan_files(imported: Imported, source: str) -> dict[str, str]:
    """Relative path → text for plan.yaml and every check-in."""
    header = f"# Imported by studylog from {source}.\n"
    files = {PLAN_FILE: _dump(imported.plan, header)}
    for date, checkin in sorted(imported.checkins.items()):
        files[checkin_path(date)] = _dump(checkin, header)
    return files


@dataclass(frozen=True)
class ImportOutcome:
    summary: str  # what was imported, in one line
    notes: list[str]  # what could not be mapped as it was
    errors: list[Diagnostic]  # what `validate` finds in the written files


def import_file(
    source: Path, root: Path, start: dt.date | None, timezone: str | None = None, *, force: bool = False
) -> ImportOutcome:
    """`studylog import`: read a Markdown tracker, write plan.yaml and one check-in per day into
    `root`, and check what was written. Writes nothing when any file already exists, unless `force`."""
    from studylog.check.repository import load_repository

    try:
        text = source.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{source} is not UTF-8 text (byte {exc.start})") from None
    try:
        imported = detect_and_import(text, start)
    except ProblemsFound as exc:
        raise ProblemsFound(f"{source}: {exc}") from None
    if timezone:
        imported.plan["timezone"] = timezone
    root.mkdir(parents=True, exist_ok=True)
    keep_resolvable_links(root, imported)
    files = plan_files(imported, source.name)
    existing = [rel for rel in files if (root / rel).exists()]
    if existing and not force:
        listed = ", ".join(existing[:5]) + (" …" if len(existing) > 5 else "")
        raise UsageError(f"{listed} already exist; nothing was written (pass --force)")
    for rel, content in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    items = sum(len(w["items"]) for p in imported.plan["phases"] for w in p["weeks"])
    summary = (
        f"imported {source}: {len(imported.plan['phases'])} phases, {items} items, "
        f"{len(imported.checkins)} check-ins from {imported.rows} rows"
    )
    return ImportOutcome(summary, list(imported.report), load_repository(root, None, links=True).errors)
