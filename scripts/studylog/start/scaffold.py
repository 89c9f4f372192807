"""Starting a repository (`studylog init`, and the end of `import`) and writing today's check-in (`studylog new`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from studylog.clock import as_of, is_timezone, today_in
from studylog.errors import MarkerError, ProblemsFound, UsageError
from studylog.i18n import t
from studylog.layout import CHECKIN_DIR, ISSUE_FORM, PLAN_FILE, README, SCHEMA_DIR, WORKFLOW, checkin_path, plan_folder
from studylog.load.files import MAX_PLAN_BYTES
from studylog.load.yamlsrc import top_scalars
from studylog.model import Plan, Repository
from studylog.start.actionref import ACTION_FORMAT
from studylog.write.readme import END, START, find_section, near_miss

if TYPE_CHECKING:
    from studylog.diagnostics import Diagnostic

TEMPLATES = ("llm-12-weeks", "cs336", "blank")
LOCALES = ("zh-CN", "en")
EVENING_WORKFLOW = ".github/workflows/studylog-evening.yml"
GITIGNORE_LINES = ("exports/", ".studylog/cache/", "__pycache__/", ".venv/")
REMINDER_HOUR = 21  # local time of the evening reminder
_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def _package_text(*parts: str) -> str:
    return resources.files("studylog").joinpath(*parts).read_text(encoding="utf-8")


def machine_timezone(env: Mapping[str, str] | None = None, localtime: Path = Path("/etc/localtime")) -> str:
    """The machine's IANA timezone: `TZ`, else what /etc/localtime points at, else /etc/timezone, else UTC."""
    env = os.environ if env is None else env
    candidates = [env.get("TZ", "").lstrip(":")]
    try:
        target = str(localtime.resolve()) if localtime.is_symlink() else ""
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    with contextlib.suppress(OSError):
        candidates.append((localtime.parent / "timezone").read_text(encoding="utf-8").strip())
    for name in candidates:
        if name and is_timezone(name):
            return name
    return "UTC"


def machine_locale(env: Mapping[str, str] | None = None) -> str:
    """zh-CN when the environment's language is Chinese (LC_ALL, LC_MESSAGES, LANG), else en."""
    env = os.environ if env is None else env
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "zh-CN" if value.lower().startswith("zh") else "en"
    return "en"


def plan_from_template(
    template: str,
    start: dt.date | None,
    timezone: str | None,
    *,
    locale: str | None = None,
    hours: float | None = None,
) -> str:
    """The template's plan, moved to `start` (every date shifts with it) and to `timezone`."""
    text = _package_text("start", "curricula", f"{template}.yaml")
    original = dt.date.fromisoformat(re.search(r"^start:\s*(\S+)", text, re.M).group(1))  # type: ignore[union-attr]
    shift = (start - original) if start else dt.timedelta(0)
    text = _DATE.sub(lambda m: (dt.date.fromisoformat(m.group(1)) + shift).isoformat(), text)
    if timezone:
        text = re.sub(r"^timezone:.*$", f"timezone: {timezone}", text, count=1, flags=re.M)
    if locale:
        text = re.sub(r"^locale:.*$", f"locale: {locale}", text, count=1, flags=re.M)
    if hours is not None:
        text = re.sub(r"^hours_per_day:.*$", f"hours_per_day: {hours:g}", text, count=1, flags=re.M)
    return f"# yaml-language-server: $schema={SCHEMA_DIR}/plan.schema.json\n{text}"


def reminder_cron(timezone: str, on: dt.date) -> tuple[str, str]:
    """The UTC cron line that fires at REMINDER_HOUR local time (as of `on`), and the workflow file's
    comment saying so (workflow files are written in English, whatever the terminal speaks)."""
    local = dt.datetime.combine(on, dt.time(REMINDER_HOUR), ZoneInfo(timezone))
    utc = local.astimezone(dt.UTC)
    comment = f"{REMINDER_HOUR}:00 in {timezone} is {utc:%H:%M} UTC (cron runs in UTC; check again when DST changes)"
    return f"{utc.minute} {utc.hour} * * *", comment


@dataclass(frozen=True)
class Written:
    created: list[str]
    kept: list[str]  # already there and left alone
    notes: list[str] = field(default_factory=list)  # what else happened, or what the learner should know


def _write_new(root: Path, rel: str, text: str, done: Written) -> None:
    path = root / rel
    if path.exists():
        done.kept.append(rel)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    done.created.append(rel)


def keep_aside(root: Path, rel: str) -> str:
    """Rename `rel` to a free `rel.N.bak` beside it and return that name: replaced, never deleted."""
    for n in range(1, 1000):
        aside = f"{rel}.{n}.bak"
        if not (root / aside).exists():
            (root / rel).rename(root / aside)
            return aside
    raise UsageError(t("keep-aside-full", path=rel))


HOW_TO_CHECK_IN = {
    "zh-CN": (
        "## 如何打卡\n\n"
        "每天在 `checkins/YYYY/YYYY-MM-DD.yaml` 提交一个小文件（`studylog new` 会按计划预填，"
        "也可以在 GitHub 网页上 Add file → Create new file）：\n\n"
        "```yaml\ndate: {date}\nstatus: done\nhours: 2\n```\n\n"
        "推送后 GitHub Actions 会检查它，并更新下面的进度。\n\n"
    ),
    "en": (
        "## How to check in\n\n"
        "Commit one small file a day at `checkins/YYYY/YYYY-MM-DD.yaml` (`studylog new` pre-fills it from "
        "the plan; on GitHub, Add file → Create new file works too):\n\n"
        "```yaml\ndate: {date}\nstatus: done\nhours: 2\n```\n\n"
        "After the push, GitHub Actions checks it and updates the progress below.\n\n"
    ),
}


def readme_text(title: str, locale: str, start: dt.date) -> str:
    """A new README: how to check in (the example is the plan's first day), then the markers."""
    heading = "## 学习进度" if locale == "zh-CN" else "## Progress"
    how = HOW_TO_CHECK_IN.get(locale, HOW_TO_CHECK_IN["en"]).replace("{date}", start.isoformat())
    return f"# {title}\n\n{how}{heading}\n\n{START}\n{END}\n"


def _readme(root: Path, title: str, locale: str, done: Written, start: dt.date) -> None:
    path = root / README
    block = f"{START}\n{END}\n"
    if not path.exists():
        _write_new(root, README, readme_text(title, locale, start), done)
        return
    text = path.read_bytes().decode("utf-8")
    try:
        find_section(text)
        done.kept.append(README)
        return
    except MarkerError as exc:
        near = near_miss(text, START) or near_miss(text, END)
        if START in text or END in text or near:  # a broken pair or a mistyped marker: the learner mends it
            raise UsageError(str(exc)) from None
    newline = "\r\n" if "\r\n" in text else "\n"
    tail = "" if text.endswith(("\n", "\r")) or not text else newline
    heading = "## 学习进度" if locale == "zh-CN" else "## Progress"
    addition = f"{tail}{newline}{heading}{newline}{newline}{block.replace(chr(10), newline)}"
    with path.open("a", encoding="utf-8", newline="") as handle:  # append: every existing byte stays
        handle.write(addition)
    done.created.append(t("setup.readme-markers", path=README))


def _gitignore(root: Path, done: Written) -> None:
    path = root / ".gitignore"
    if not path.exists():
        _write_new(root, ".gitignore", "# studylog: exports and caches\n" + "\n".join(GITIGNORE_LINES) + "\n", done)
        return
    text = path.read_bytes().decode("utf-8", errors="replace")
    have = {line.strip() for line in text.splitlines()}
    missing = [line for line in GITIGNORE_LINES if line not in have]
    if not missing:
        done.kept.append(".gitignore")
        return
    tail = "" if text.endswith("\n") or not text else "\n"
    with path.open("a", encoding="utf-8") as handle:  # append only: the learner's lines stay as they are
        handle.write(tail + "# studylog: exports and caches\n" + "\n".join(missing) + "\n")
    done.created.append(t("setup.gitignore-lines", path=".gitignore"))


def workflow_texts(action: str, timezone: str, on: dt.date) -> dict[str, str]:
    """The two workflow files `init` writes: push/pull request, and the evening schedule apart from it."""
    cron, note = reminder_cron(timezone, on)
    push = _package_text("start", "workflows", "studylog.yml").replace("{ACTION}", action)
    evening = _package_text("start", "workflows", "studylog-evening.yml").replace("{ACTION}", action)
    evening = evening.replace("{CRON}", cron).replace("{CRON_NOTE}", note)
    return {WORKFLOW: push, EVENING_WORKFLOW: evening}


def _git_init(root: Path, done: Written) -> None:
    try:
        inside = subprocess.run(
            ["git", "rev-parse", "--is-inside-work-tree"], cwd=root, capture_output=True, text=True, check=False
        )
        if inside.returncode == 0 and inside.stdout.strip() == "true":
            return
        made = subprocess.run(["git", "init", "--quiet"], cwd=root, capture_output=True, text=True, check=False)
    except OSError:
        done.notes.append(t("setup.no-git"))
        return
    if made.returncode != 0:
        done.notes.append(t("setup.git-init-failed", error=made.stderr.strip()))
    else:
        done.created.append(t("setup.git-init", path=".git"))


@dataclass(frozen=True)
class PlanFacts:
    title: str
    timezone: str
    start: dt.date
    locale: str


def plan_facts(data: bytes) -> PlanFacts:
    """Title, timezone, start and locale of a plan, read leniently: a plan with errors (or none of
    these) still gets them, and `validate` says what is wrong with it."""
    facts = top_scalars(PLAN_FILE, data, MAX_PLAN_BYTES)
    start = facts.get("start")
    zone = str(facts.get("timezone") or "UTC")
    return PlanFacts(
        str(facts.get("title") or "Study log"),
        zone if is_timezone(zone) else "UTC",
        start if isinstance(start, dt.date) else today_in("UTC"),
        "en" if str(facts.get("locale", "zh-CN")) == "en" else "zh-CN",
    )


def complete_setup(root: Path, *, action: str | None = None, git: bool = True) -> Written:
    """Add what a repository with a plan still lacks — schemas, checkins/, the workflows, README markers,
    .gitignore, git — and nothing else: every file already there is kept as it is.

    `init` and `import` both end here, so a repository either made is ready for `build`.
    """
    from studylog.start.actionref import action_reference

    facts = plan_facts((root / PLAN_FILE).read_bytes())
    done = Written([], [])
    if git:
        _git_init(root, done)
    for name in ("plan", "checkin"):
        _write_new(root, f"{SCHEMA_DIR}/{name}.schema.json", _package_text("schemas", f"{name}.schema.json"), done)
    if not (root / CHECKIN_DIR).is_dir():
        _write_new(root, f"{CHECKIN_DIR}/.gitkeep", "", done)
    if action is None:
        try:
            ref = action_reference()
        except LookupError as exc:
            raise UsageError(t("init-no-action", error=exc)) from None
        action = ref.reference
        if not ref.pinned:
            done.notes.append(t("setup.action-unpinned", action=action, source=ref.source))
    elif not ACTION_FORMAT.match(action):
        raise UsageError(t("init-bad-action", action=action))
    for rel, text in workflow_texts(action, facts.timezone, facts.start).items():
        _write_new(root, rel, text, done)
    _write_new(root, ISSUE_FORM, _package_text("start", "workflows", "checkin-form.yml"), done)
    _gitignore(root, done)
    _readme(root, facts.title, facts.locale, done, facts.start)
    return done


def init(
    root: Path,
    template: str,
    start: dt.date | None,
    timezone: str | None,
    *,
    action: str | None = None,
    force: bool = False,
    locale: str | None = None,
    hours: float | None = None,
    git: bool = True,
) -> Written:
    """Set up a study repository. A plan already there is kept and only what is missing is added;
    with `force` a new plan is written and the old one kept beside it as plan.yaml.N.bak."""
    if template not in TEMPLATES:
        raise UsageError(t("init-unknown-template", template=template, choices=", ".join(TEMPLATES)))
    if locale is not None and locale not in LOCALES:
        raise UsageError(t("init-unknown-locale", locale=locale, choices=", ".join(LOCALES)))
    if timezone and not is_timezone(timezone):
        raise UsageError(t("bad-timezone", timezone=timezone))
    if hours is not None and not 0 < hours <= 24:
        raise UsageError(t("init-bad-hours", hours=f"{hours:g}"))
    if root.exists() and not root.is_dir():
        raise UsageError(t("init-not-a-folder", path=root))
    # From code/ or docs/ of a study, the commands find ../plan.yaml already. (The walk stops at a `.git`:
    # a repository of its own inside a study, its root included, is a study of its own.)
    above = plan_folder(root) if not (root / PLAN_FILE).exists() else None
    if above is not None and not force:
        raise UsageError(t("init-inside-study", path=root.resolve(), plan=above / PLAN_FILE))
    root.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    created: list[str] = []
    kept: list[str] = []
    plan_path = root / PLAN_FILE
    empty = plan_path.is_file() and not plan_path.read_bytes().strip()  # nothing to keep: start one
    if plan_path.exists() and not force and not empty:
        kept.append(t("setup.plan-kept", path=PLAN_FILE))
    else:
        zone = timezone or machine_timezone()
        first = start or today_in(zone)
        plan = plan_from_template(template, first, zone, locale=locale or machine_locale(), hours=hours)
        if plan_path.exists() and not empty:
            notes.append(t("setup.previous-plan", path=keep_aside(root, PLAN_FILE)))
        (root / PLAN_FILE).write_text(plan, encoding="utf-8")
        created.append(PLAN_FILE)
        how = "" if start else t("setup.starts-today", timezone=zone)
        notes.insert(0, t("setup.plan-starts", date=first.isoformat(), how=how))
    done = complete_setup(root, action=action, git=git)
    return Written(created + done.created, kept + done.kept, notes + done.notes)


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
        raise UsageError(t("new-exists", path=existing[0] if existing else rel, day=day))
    plan: Plan = repository.plan
    items = plan.items_on(day)
    zh = plan.locale.value == "zh-CN"
    if items:
        planned = t("status.list-sep").join(f"{i.id} {i.title}" for i in items)
        # Left out on purpose: naming a lecture would finish the whole lecture. Without `items` a done
        # check-in earns today's planned share; the comment lists what can be named instead.
        ids = ", ".join(t.id for i in items for t in i.tasks) or ", ".join(i.id for i in items)
        # The stub's comments are in the plan's language, like the dashboard (not the terminal's).
        comment = (
            "完成的任务写在这里；不写则按今天计划的份额计"
            if zh
            else "name what you finished; left out: today's planned share"
        )
        items_line = f"# items: [{ids}]  # {comment}\n"
    else:
        planned = t("status.nothing-planned")
        if plan.is_rest_day(day):
            planned = t("new.rest-day")
        elif day > plan.end:
            planned = t("new.after-end")
        elif day < plan.start:
            planned = t("new.before-start")
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
        raise ProblemsFound(t("new-plan-errors"), result.errors)
    day = as_of(day, result.repository.plan.timezone, result.repository.plan.day_starts_at)
    rel, text, planned = new_checkin(root, result.repository, day)
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
            handle.write(text)
    except FileExistsError:
        raise UsageError(t("new-exists", path=rel, day=day)) from None
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
        raise UsageError(t("new-editor", editor=editor, error=exc)) from None
    return [d for d in load_repository(root, written.day).diagnostics if d.path == written.path]
