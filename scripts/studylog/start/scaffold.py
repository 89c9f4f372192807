"""Starting a repository (`studylog init`) and writing today's check-in (`studylog new`)."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from studylog.clock import as_of
from studylog.errors import MarkerError, ProblemsFound, UsageError
from studylog.layout import CHECKIN_DIR, PLAN_FILE, README, SCHEMA_DIR, WORKFLOW, checkin_path
from studylog.model import Plan, Repository
from studylog.write.readme import END, START, find_section

if TYPE_CHECKING:
    from studylog.diagnostics import Diagnostic

TEMPLATES = ("llm-12-weeks", "cs336", "blank")
ACTION_PLACEHOLDER = "OWNER/studylog@FULL_COMMIT_SHA"
REMINDER_HOUR = 21  # local time of the evening reminder
_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def _package_text(*parts: str) -> str:
    return resources.files("studylog").joinpath(*parts).read_text(encoding="utf-8")


def plan_from_template(template: str, start: dt.date | None, timezone: str | None) -> str:
    """The template's plan, moved to `start` (every date shifts with it) and to `timezone`."""
    text = _package_text("start", "curricula", f"{template}.yaml")
    original = dt.date.fromisoformat(re.search(r"^start:\s*(\S+)", text, re.M).group(1))  # type: ignore[union-attr]
    shift = (start - original) if start else dt.timedelta(0)
    text = _DATE.sub(lambda m: (dt.date.fromisoformat(m.group(1)) + shift).isoformat(), text)
    if timezone:
        text = re.sub(r"^timezone:.*$", f"timezone: {timezone}", text, count=1, flags=re.M)
    return f"# yaml-language-server: $schema={SCHEMA_DIR}/plan.schema.json\n{text}"


def reminder_cron(timezone: str, on: dt.date) -> tuple[str, str]:
    """The UTC cron line that fires at REMINDER_HOUR local time (as of `on`), and a note saying so."""
    local = dt.datetime.combine(on, dt.time(REMINDER_HOUR), ZoneInfo(timezone))
    utc = local.astimezone(dt.UTC)
    note = f"{REMINDER_HOUR}:00 in {timezone} is {utc:%H:%M} UTC (cron runs in UTC; check again when DST changes)"
    return f"{utc.minute} {utc.hour} * * *", note


@dataclass(frozen=True)
class Written:
    created: list[str]
    kept: list[str]  # already there and left alone


def _write_new(root: Path, rel: str, text: str, done: Written, *, force: bool = False) -> None:
    path = root / rel
    if path.exists() and not force:
        done.kept.append(rel)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    done.created.append(rel)


def _readme(root: Path, title: str, done: Written) -> None:
    path = root / README
    block = f"{START}\n{END}\n"
    if not path.exists():
        _write_new(root, README, f"# {title}\n\n{block}", done)
        return
    text = path.read_bytes().decode("utf-8")
    try:
        find_section(text)
        done.kept.append(README)
        return
    except MarkerError as exc:
        if START in text or END in text:  # a broken pair: the learner must decide, not us
            raise UsageError(f"README.md: {exc}") from None
    newline = "\r\n" if "\r\n" in text else "\n"
    tail = "" if text.endswith(("\n", "\r")) or not text else newline
    addition = f"{tail}{newline}## 学习进度{newline}{newline}{block.replace(chr(10), newline)}"
    with path.open("a", encoding="utf-8", newline="") as handle:  # append: every existing byte stays
        handle.write(addition)
    done.created.append("README.md (markers appended)")


def init(
    root: Path,
    template: str,
    start: dt.date | None,
    timezone: str | None,
    *,
    action: str | None = None,
    force: bool = False,
) -> Written:
    if template not in TEMPLATES:
        raise UsageError(f"unknown template {template!r}; choose one of {', '.join(TEMPLATES)}")
    if timezone:
        try:
            ZoneInfo(timezone)
        except (KeyError, ValueError):
            raise UsageError(f"{timezone!r} is not an IANA timezone like Asia/Shanghai") from None
    if (root / PLAN_FILE).exists() and not force:
        raise UsageError(
            f"{root / PLAN_FILE} already exists, so nothing was changed; pass --force to replace the plan "
            "(check-ins, README text and other files are never touched)"
        )
    plan = plan_from_template(template, start, timezone)
    zone = re.search(r"^timezone:\s*(\S+)", plan, re.M).group(1)  # type: ignore[union-attr]
    first = dt.date.fromisoformat(re.search(r"^start:\s*(\S+)", plan, re.M).group(1))  # type: ignore[union-attr]
    title = re.search(r"^title:\s*(.+)$", plan, re.M).group(1).strip().strip("\"'")  # type: ignore[union-attr]
    done = Written([], [])
    root.mkdir(parents=True, exist_ok=True)
    _write_new(root, PLAN_FILE, plan, done, force=force)
    for name in ("plan", "checkin"):
        _write_new(root, f"{SCHEMA_DIR}/{name}.schema.json", _package_text("schemas", f"{name}.schema.json"), done)
    _write_new(root, f"{CHECKIN_DIR}/.gitkeep", "", done)
    cron, note = reminder_cron(zone, first)
    workflow = _package_text("start", "workflows", "studylog.yml")
    workflow = workflow.replace("{ACTION}", action or ACTION_PLACEHOLDER).replace("{CRON}", cron)
    _write_new(root, WORKFLOW, workflow.replace("{CRON_NOTE}", note), done)
    _readme(root, title, done)
    return done


# ---------------------------------------------------------------------------------------------
# studylog new


def _schema_line(root: Path, rel: str) -> str:
    for schema in (f"{SCHEMA_DIR}/checkin.schema.json", "scripts/studylog/schemas/checkin.schema.json"):
        if (root / schema).is_file():
            relative = os.path.relpath(root / schema, (root / rel).parent).replace(os.sep, "/")
            return f"# yaml-language-server: $schema={relative}\n"
    return ""


def new_checkin(root: Path, repository: Repository, day: dt.date) -> tuple[str, str, str]:
    """(path, text, what the plan has that day) for the check-in of `day`; refuses a second one."""
    rel = checkin_path(day)
    existing = [c.path for c in repository.checkins if c.date == day]
    if (root / rel).exists() or existing:
        raise UsageError(f"{existing[0] if existing else rel} already holds the check-in for {day}; edit it instead")
    plan: Plan = repository.plan
    items = plan.items_on(day)
    zh = plan.locale.value == "zh-CN"
    if items:
        planned = "；".join(f"{i.id} {i.title}" for i in items)
        # Left out on purpose: naming a lecture would finish the whole lecture. Without `items` a done
        # check-in earns today's planned share; the comment lists what can be named instead.
        ids = ", ".join(t.id for i in items for t in i.tasks) or ", ".join(i.id for i in items)
        hint = (
            "完成的任务写在这里；不写则按今天计划的份额计"
            if zh
            else "name what you finished; left out: today's planned share"
        )
        items_line = f"# items: [{ids}]  # {hint}\n"
    else:
        planned = "nothing planned"
        if plan.is_rest_day(day):
            planned = "a rest day"
        elif day > plan.end:
            planned = "after the plan's end"
        elif day < plan.start:
            planned = "before the plan's start"
        items_line = "items: []  # " + ("计划中今天没有任务" if zh else "nothing planned today") + "\n"
    hours = f"hours: {plan.hours_per_day:g}\n" if plan.hours_per_day else ""
    # `status` is left empty: a stub committed untouched fails validation (status-not-chosen)
    # instead of counting as a done day.
    choose = (
        "status:   # 必填，选一个：done ✅ / in-progress 🔄 / not-done ❌（留空不能提交）\n"
        if zh
        else "status:   # required, choose one: done ✅ / in-progress 🔄 / not-done ❌ (empty cannot be committed)\n"
    )
    lines = [
        _schema_line(root, rel),
        f"date: {day.isoformat()}\n",
        choose,
        hours,
        items_line,
        'task: ""  # 核心任务，留空则用计划的标题\n' if zh else 'task: ""  # leave empty to use the plan\'s title\n',
        "problems: []  # - problem: 遇到的问题\n" if zh else "problems: []  # - problem: what went wrong\n",
        "              #   solution: 解决方法\n" if zh else "              #   solution: how you solved it\n",
        "links: []  # - /code/week1/day1/example.py   或  /docs/notes.md#标题\n"
        if zh
        else "links: []  # - /code/week1/day1/example.py   or  /docs/notes.md#heading\n",
    ]
    return rel, "".join(lines), planned


@dataclass(frozen=True)
class NewCheckin:
    path: str  # repository-relative
    day: dt.date
    planned: str  # what the plan has that day, for the learner to read


def write_checkin(root: Path, day: dt.date | None) -> NewCheckin:
    """`studylog new`: write the check-in of `day` (default: today in the plan's timezone). Never
    overwrites: a day that already has a check-in, in any file, is refused."""
    from studylog.check.repository import find_root, load_repository

    root = find_root(root)
    result = load_repository(root, day)
    if result.repository is None:
        raise ProblemsFound("plan.yaml has errors: fix them first", result.errors)
    day = as_of(day, result.repository.plan.timezone, result.repository.plan.day_starts_at)
    rel, text, planned = new_checkin(root, result.repository, day)
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
            handle.write(text)
    except FileExistsError:
        raise UsageError(f"{rel} already holds the check-in for {day}; edit it instead") from None
    return NewCheckin(rel, day, planned)


def edit_checkin(root: Path, written: NewCheckin) -> list[Diagnostic]:
    """Open the new check-in in $VISUAL or $EDITOR (else vi), wait, and return its problems."""
    import shlex
    import subprocess

    from studylog.check.repository import load_repository

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        subprocess.run([*shlex.split(editor), str(root / written.path)], check=False)
    except OSError as exc:
        raise UsageError(f"cannot start the editor {editor!r}: {exc}") from None
    return [d for d in load_repository(root, written.day).diagnostics if d.path == written.path]
