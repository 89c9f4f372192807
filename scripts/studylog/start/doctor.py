"""`studylog doctor`: check the setup end to end and say what to fix, in the learner's words."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from studylog.clock import today_in
from studylog.i18n import t
from studylog.layout import README
from studylog.start.actionref import ACTION_FORMAT

OK, NOTE, PROBLEM = "ok", "note", "problem"
_USES = re.compile(r"^\s*-?\s*uses:\s*(\S+)", re.M)
_CRON = re.compile(r"cron:\s*[\"']?([^\"'#\n]+?)[\"']?\s*(?:#.*)?$", re.M)


@dataclass(frozen=True)
class Finding:
    level: str  # OK, NOTE (worth knowing, nothing broken) or PROBLEM (something will not work)
    topic: str
    message: str
    fix: str = ""


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _plan(root: Path, findings: list[Finding]) -> str | None:
    from studylog.check.repository import load_repository

    result = load_repository(root, links=True)
    if result.errors:
        findings.append(
            Finding(
                PROBLEM,
                "plan",
                t("doctor.plan-errors", errors=t("cli.n-errors", n=len(result.errors))),
                t("doctor.fix-validate"),
            )
        )
    else:
        checkins = len(result.repository.checkins) if result.repository else 0
        findings.append(Finding(OK, "plan", t("doctor.plan-valid", checkins=t("cli.n-checkins", n=checkins))))
    plan = result.repository.plan if result.repository else None
    return plan.timezone if plan else None


def _readme(root: Path, findings: list[Finding]) -> None:
    from studylog.errors import MarkerError
    from studylog.write.readme import find_section

    path = root / README
    if not path.is_file():
        findings.append(Finding(PROBLEM, "README", t("doctor.no-readme"), t("doctor.fix-init-readme")))
        return
    try:
        find_section(path.read_bytes().decode("utf-8", errors="replace"))
    except MarkerError as exc:
        findings.append(Finding(PROBLEM, "README", str(exc).split(";")[0], t("doctor.fix-init-markers")))
        return
    findings.append(Finding(OK, "README", t("doctor.readme-ok")))


def default_branch(root: Path) -> str | None:
    remote_head = _git(root, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD")
    if remote_head:
        return remote_head.split("/", 1)[1]
    return _git(root, "symbolic-ref", "--quiet", "--short", "HEAD")


def _workflows(root: Path, branch: str | None, findings: list[Finding]) -> list[str]:
    folder = root / ".github/workflows"
    files = sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")]) if folder.is_dir() else []
    ours = [f for f in files if "studylog" in f.read_text(encoding="utf-8", errors="replace")]
    if not ours:
        findings.append(Finding(PROBLEM, "workflow", t("doctor.no-workflow"), t("doctor.fix-init-workflows")))
        return []
    texts = []
    for path in ours:
        text = path.read_text(encoding="utf-8", errors="replace")
        texts.append(text)
        rel = path.relative_to(root).as_posix()
        for ref in _USES.findall(text):
            if "studylog" not in ref.split("@")[0].lower():
                continue
            if "OWNER" in ref or not ACTION_FORMAT.match(ref):
                findings.append(
                    Finding(
                        PROBLEM,
                        "workflow",
                        t("doctor.bad-action", path=rel, ref=ref),
                        t("doctor.fix-action"),
                    )
                )
        for hard in ("refs/heads/main", "refs/heads/master", "branches: [main]", "branches: [master]"):
            if hard in text and (branch is None or hard.rsplit("/", 1)[-1].strip("[]").split()[-1] != branch):
                findings.append(
                    Finding(
                        PROBLEM,
                        "workflow",
                        t("doctor.hard-branch", path=rel, hard=hard, branch=branch or t("doctor.unknown-branch")),
                        t("doctor.fix-branch"),
                    )
                )
    if not any(f.topic == "workflow" for f in findings):
        listed = ", ".join(p.relative_to(root).as_posix() for p in ours)
        findings.append(Finding(OK, "workflow", t("doctor.workflows-ok", files=listed)))
    return texts


def _reminder(texts: list[str], timezone: str | None, findings: list[Finding]) -> None:
    crons = [c.strip() for text in texts for c in _CRON.findall(text)]
    if not crons:
        findings.append(Finding(NOTE, "reminder", t("doctor.no-reminder")))
        return
    minute, hour = crons[0].split()[:2]
    if not (minute.isdigit() and hour.isdigit()) or timezone is None:
        findings.append(Finding(NOTE, "reminder", t("doctor.reminder-cron", cron=crons[0])))
        return
    utc = dt.datetime.combine(today_in("UTC"), dt.time(int(hour), int(minute)), dt.UTC)
    local = utc.astimezone(ZoneInfo(timezone))
    level = OK if 17 <= local.hour <= 23 else NOTE
    findings.append(
        Finding(
            level,
            "reminder",
            t("doctor.reminder-at", local=f"{local:%H:%M}", timezone=timezone, utc=f"{utc:%H:%M}"),
            "" if level == OK else t("doctor.fix-cron"),
        )
    )


def _timezone(timezone: str | None, findings: list[Finding]) -> None:
    from studylog.start.scaffold import machine_timezone

    here = machine_timezone()
    if timezone is None:
        return
    noon = dt.datetime.combine(today_in("UTC"), dt.time(12))
    if ZoneInfo(here).utcoffset(noon) == ZoneInfo(timezone).utcoffset(noon):
        findings.append(Finding(OK, "timezone", t("doctor.timezone-ok", timezone=timezone)))
    else:
        findings.append(
            Finding(
                NOTE,
                "timezone",
                t("doctor.timezone-differs", timezone=timezone, here=here),
                t("doctor.fix-timezone"),
            )
        )


def _git_remote(root: Path, findings: list[Finding]) -> None:
    if _git(root, "rev-parse", "--is-inside-work-tree") != "true":
        findings.append(Finding(PROBLEM, "git", t("doctor.no-git"), t("doctor.fix-git-init")))
        return
    remote = _git(root, "remote", "get-url", "origin")
    if remote:
        findings.append(Finding(OK, "git", t("doctor.remote", remote=remote)))
    else:
        findings.append(
            Finding(
                NOTE,
                "git",
                t("doctor.no-remote"),
                t("doctor.fix-remote"),
            )
        )


def _pdf(findings: list[Finding]) -> None:
    fonts = ""
    if shutil.which("fc-list"):
        fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False).stdout
    if not fonts.strip():
        findings.append(
            Finding(
                NOTE,
                "pdf",
                t("doctor.no-cjk-font"),
                t("doctor.fix-cjk-font"),
            )
        )
    elif not (shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")):
        findings.append(Finding(NOTE, "pdf", t("doctor.no-chromium"), t("doctor.fix-chromium")))
    else:
        findings.append(Finding(OK, "pdf", t("doctor.pdf-ok")))


def diagnose(root: Path) -> list[Finding]:
    from studylog.check.repository import find_root
    from studylog.errors import UsageError

    findings: list[Finding] = []
    try:
        root = find_root(root)
    except UsageError as exc:
        return [Finding(PROBLEM, "plan", str(exc), t("doctor.fix-init-here"))]
    timezone = _plan(root, findings)
    _readme(root, findings)
    _git_remote(root, findings)
    texts = _workflows(root, default_branch(root), findings)
    _reminder(texts, timezone, findings)
    _timezone(timezone, findings)
    _pdf(findings)
    return findings


def format_findings(findings: list[Finding]) -> str:
    marks = {OK: "✓", NOTE: "•", PROBLEM: "✗"}
    lines = []
    for f in findings:
        lines.append(t("doctor.line", mark=marks[f.level], topic=t(f"doctor.topic.{f.topic}"), message=f.message))
        if f.fix:
            lines.append(f"    → {f.fix}")
    problems = sum(f.level == PROBLEM for f in findings)
    lines.append(t("doctor.n-problems", n=problems) if problems else t("doctor.no-problems"))
    return "\n".join(lines) + "\n"
