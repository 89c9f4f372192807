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
                f"{len(result.errors)} error(s) in plan.yaml and the check-ins",
                "run `studylog validate` to see each one with its line",
            )
        )
    else:
        checkins = len(result.repository.checkins) if result.repository else 0
        findings.append(Finding(OK, "plan", f"plan.yaml and {checkins} check-in(s) are valid"))
    plan = result.repository.plan if result.repository else None
    return plan.timezone if plan else None


def _readme(root: Path, findings: list[Finding]) -> None:
    from studylog.errors import MarkerError
    from studylog.write.readme import find_section

    path = root / README
    if not path.is_file():
        findings.append(Finding(PROBLEM, "README", "there is no README.md", "run `studylog init` to write one"))
        return
    try:
        find_section(path.read_bytes().decode("utf-8", errors="replace"))
    except MarkerError as exc:
        findings.append(Finding(PROBLEM, "README", str(exc).split(";")[0], "run `studylog init` to add the markers"))
        return
    findings.append(Finding(OK, "README", "README.md has the studylog markers"))


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
        findings.append(
            Finding(PROBLEM, "workflow", "no workflow runs studylog on GitHub", "run `studylog init` to write them")
        )
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
                        f"{rel}: `uses: {ref}` is not a studylog action GitHub can find",
                        "delete the file and run `studylog init` (it writes the reference from the installed "
                        "studylog), or write OWNER/studylog@<commit SHA> yourself",
                    )
                )
        for hard in ("refs/heads/main", "refs/heads/master", "branches: [main]", "branches: [master]"):
            if hard in text and (branch is None or hard.rsplit("/", 1)[-1].strip("[]").split()[-1] != branch):
                findings.append(
                    Finding(
                        PROBLEM,
                        "workflow",
                        f"{rel} publishes only on `{hard}`, but your default branch is {branch or 'unknown'}",
                        "use `github.event.repository.default_branch` (run `studylog init` on a fresh copy to see how)",
                    )
                )
    if not any(f.topic == "workflow" for f in findings):
        listed = ", ".join(p.relative_to(root).as_posix() for p in ours)
        findings.append(Finding(OK, "workflow", f"{listed} run studylog and follow the default branch"))
    return texts


def _reminder(texts: list[str], timezone: str | None, findings: list[Finding]) -> None:
    crons = [c.strip() for text in texts for c in _CRON.findall(text)]
    if not crons:
        findings.append(Finding(NOTE, "reminder", "no evening schedule: nobody reminds you of a missing check-in"))
        return
    minute, hour = crons[0].split()[:2]
    if not (minute.isdigit() and hour.isdigit()) or timezone is None:
        findings.append(Finding(NOTE, "reminder", f"the evening run's schedule is `{crons[0]}` (UTC)"))
        return
    utc = dt.datetime.combine(today_in("UTC"), dt.time(int(hour), int(minute)), dt.UTC)
    local = utc.astimezone(ZoneInfo(timezone))
    level = OK if 17 <= local.hour <= 23 else NOTE
    findings.append(
        Finding(
            level,
            "reminder",
            f"the evening run fires at {local:%H:%M} in {timezone} ({utc:%H:%M} UTC)",
            "" if level == OK else "edit `cron:` in the evening workflow: cron is in UTC",
        )
    )


def _timezone(timezone: str | None, findings: list[Finding]) -> None:
    from studylog.start.scaffold import machine_timezone

    here = machine_timezone()
    if timezone is None:
        return
    noon = dt.datetime.combine(today_in("UTC"), dt.time(12))
    if ZoneInfo(here).utcoffset(noon) == ZoneInfo(timezone).utcoffset(noon):
        findings.append(Finding(OK, "timezone", f"the plan's day follows {timezone}, as this machine's clock does"))
    else:
        findings.append(
            Finding(
                NOTE,
                "timezone",
                f"the plan's day follows {timezone}, but this machine is in {here}: "
                f"`studylog new` writes the file for today in {timezone}",
                "if you moved, change `timezone:` in plan.yaml",
            )
        )


def _git_remote(root: Path, findings: list[Finding]) -> None:
    if _git(root, "rev-parse", "--is-inside-work-tree") != "true":
        findings.append(Finding(PROBLEM, "git", "this folder is not a git repository", "run `git init`"))
        return
    remote = _git(root, "remote", "get-url", "origin")
    if remote:
        findings.append(Finding(OK, "git", f"pushes go to {remote}"))
    else:
        findings.append(
            Finding(
                NOTE,
                "git",
                "no remote yet, so GitHub cannot check or publish anything",
                "create an empty repository on GitHub, then `git remote add origin URL` and `git push -u origin HEAD`",
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
                "no Chinese font found: `studylog export --pdf` would print boxes for Chinese text",
                "install one, e.g. `apt install fonts-noto-cjk`",
            )
        )
    elif not (shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")):
        findings.append(
            Finding(
                NOTE, "pdf", "Chromium is not installed: `studylog export --pdf` needs it", "`apt install chromium`"
            )
        )
    else:
        findings.append(Finding(OK, "pdf", "Chromium and a Chinese font are here for `studylog export --pdf`"))


def diagnose(root: Path) -> list[Finding]:
    from studylog.check.repository import find_root
    from studylog.errors import UsageError

    findings: list[Finding] = []
    try:
        root = find_root(root)
    except UsageError as exc:
        return [Finding(PROBLEM, "plan", str(exc), "run `studylog init` here")]
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
        lines.append(f"{marks[f.level]} {f.topic}: {f.message}")
        if f.fix:
            lines.append(f"    → {f.fix}")
    problems = sum(f.level == PROBLEM for f in findings)
    lines.append(f"{problems} problem(s)" if problems else "no problems: commit, push, and check in every day")
    return "\n".join(lines) + "\n"
