"""Validate an import in memory, then write it — or, with a dry run, only say what would be written.

Nothing touches the disk until the plan and every check-in have been parsed and checked as
`studylog validate` would check them; existing files are replaced only with `force`, and then
their old bytes are kept in a backup folder first.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studylog.cache import temporary_beside
from studylog.check.links import check_links
from studylog.check.repository import check_checkins
from studylog.clock import is_timezone, today_in
from studylog.diagnostics import Diagnostic, Severity
from studylog.errors import ImportRefused, UsageError
from studylog.i18n import t
from studylog.layout import PLAN_FILE
from studylog.linkpath import is_web
from studylog.load.files import CheckinContext, parse_checkin, parse_plan
from studylog.model import CheckIn, Repository
from studylog.start.importers import read_tracker
from studylog.start.importers.common import Imported, Options

BACKUP_DIR = ".studylog/backup"


@dataclass(frozen=True)
class ImportOutcome:
    source: str
    imported: Imported
    files: dict[str, str]  # root-relative path → text
    warnings: list[Diagnostic]
    dry_run: bool
    replaced: list[str] = field(default_factory=list)
    backup: str = ""

    def summary(self) -> list[str]:
        """What the learner reads after an import: the verdict, the counts, and every note."""
        imp = self.imported
        checkins = len(self.files) - 1
        phases = len(imp.plan["phases"])
        counts = t("import.counts", phases=phases, items=imp.items, checkins=checkins, rows=imp.rows)
        lines = [
            t("import.recognised", shape=t(f"import.shape-name.{imp.shape}"), reason=imp.reason),
            t("import.would" if self.dry_run else "import.done", source=self.source, counts=counts),
        ]
        if self.dry_run:
            lines += [t("import.would-write", path=path) for path in self.files]
            lines.append(t("import.dry-run"))
        elif self.replaced:
            lines.append(t("import.replaced", n=len(self.replaced), backup=self.backup))
        lines += [t("cli.note", note=note) for note in imp.notes]
        not_yet = [d for d in self.warnings if d.code == "link-not-yet"]
        if not_yet:
            lines.append(t("cli.note", note=t("import.links-not-yet", n=len(not_yet))))
        others = [d for d in self.warnings if d.code != "link-not-yet"]
        lines += [t("import.warning", path=d.path, line=d.line, message=d.message) for d in others]
        return lines


def _dump(data: dict[str, Any], header: str) -> str:
    import yaml

    class Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            return True  # a date shared by an item and a milestone is written twice, not as `&id001`

    body = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100_000, default_flow_style=False)
    return header + body


def plan_files(imported: Imported, source: str, base: str = "") -> dict[str, str]:
    """Relative path → text for plan.yaml and every check-in; each check-in says where it came from.

    `base`: the tracker's folder inside the repository. A relative link in the tracker meant a file
    next to the tracker; written into checkins/YYYY/ it would mean another, so it becomes `/base/…`."""
    header = f"# Imported by studylog from {source}.\n"
    files = {PLAN_FILE: _dump(imported.plan, header)}
    for date, checkin in sorted(imported.checkins.items()):
        entry = {**checkin, "imported": source}
        if "links" in entry:
            entry["links"] = [_rooted(link, source, base) for link in entry["links"]]
        files[f"checkins/{date.year}/{date.isoformat()}.yaml"] = _dump(entry, header)
    return files


def _rooted(link: dict[str, str] | str, source: str, base: str) -> dict[str, str] | str:
    target = link["url"] if isinstance(link, dict) else link
    if is_web(target) or target.startswith("/") or "://" in target or ":" in target.split("/", 1)[0]:
        return link
    path, _, fragment = target.partition("#")
    joined = posixpath.normpath(posixpath.join(base, path)) if path else posixpath.join(base, source)
    if joined == ".." or joined.startswith("../"):
        return link  # leads outside the repository: left as written, for validation to report
    rooted = "/" + joined + (f"#{fragment}" if fragment else "")
    return {**link, "url": rooted} if isinstance(link, dict) else rooted


def validate(root: Path, files: dict[str, str], today: dt.date) -> list[Diagnostic]:
    """Everything `studylog validate` would report on these files, without writing them."""
    plan, diagnostics = parse_plan(PLAN_FILE, files[PLAN_FILE].encode("utf-8"))
    if plan is None:
        return diagnostics
    context = CheckinContext(plan.timezone, plan)
    checkins: list[CheckIn] = []
    for path, text in files.items():
        if path == PLAN_FILE:
            continue
        checkin, problems = parse_checkin(path, text.encode("utf-8"), context)
        diagnostics += problems
        if checkin is not None:
            checkins.append(checkin)
    checkins.sort(key=lambda c: (c.date, c.path))
    diagnostics += check_checkins(checkins, today)
    found, _ = check_links(Repository(str(root), plan, tuple(checkins)), root)
    diagnostics += found
    return sorted(diagnostics)


def import_file(
    source: Path,
    root: Path,
    options: Options,
    *,
    force: bool = False,
    dry_run: bool = False,
    today: dt.date | None = None,
) -> ImportOutcome:
    """Read `source`, check the result in memory, and write plan.yaml and the check-ins under `root`."""
    try:
        text = source.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(t("import.not-utf8", source=source, byte=exc.start + 1)) from None
    if options.timezone and not is_timezone(options.timezone):
        raise UsageError(t("bad-timezone", timezone=options.timezone))
    day = today or today_in(options.timezone or "Asia/Shanghai")
    try:
        imported = read_tracker(text, options, day)
    except ImportRefused as exc:
        raise ImportRefused(t("import.refused", source=source, error=exc)) from None
    if options.timezone:
        imported.plan["timezone"] = options.timezone
    files = plan_files(imported, source.name, _folder_in(root, source))
    diagnostics = validate(root, files, day)
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    if errors:
        raise ImportRefused(
            t("import.invalid", source=source),
            errors,
        )
    warnings = [d for d in diagnostics if d.severity is not Severity.ERROR]
    existing = [rel for rel in files if (root / rel).exists()]
    if existing and not force:
        listed = ", ".join(existing[:5]) + (" …" if len(existing) > 5 else "")
        raise UsageError(t("import.exists", files=listed))
    if dry_run:
        return ImportOutcome(source.name, imported, files, warnings, True)
    backup = _backup(root, existing) if existing else ""
    _write_all(root, files)
    return ImportOutcome(source.name, imported, files, warnings, False, existing, backup)


def _folder_in(root: Path, source: Path) -> str:
    """The tracker's folder relative to the repository root ("" when it lives elsewhere)."""
    try:
        folder = source.resolve().parent.relative_to(root.resolve()).as_posix()
    except ValueError:
        return ""
    return "" if folder == "." else folder


def _backup(root: Path, paths: list[str]) -> str:
    """Copy the files about to be replaced into a new folder under .studylog/backup/."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = f"{BACKUP_DIR}/import-{stamp}"
    n = 1
    while (root / folder).exists():
        n += 1
        folder = f"{BACKUP_DIR}/import-{stamp}-{n}"
    for rel in paths:
        target = root / folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((root / rel).read_bytes())
    return folder


def _write_all(root: Path, files: dict[str, str]) -> None:
    """Stage every file next to its target first, then rename them all: a full disk or a bad
    folder stops the import before any file is replaced."""
    staged: list[tuple[Path, Path]] = []
    try:
        for rel, text in files.items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = temporary_beside(target)
            with os.fdopen(fd, "wb") as handle:
                handle.write(text.encode("utf-8"))
            staged.append((tmp, target))
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, target in staged:
        os.replace(tmp, target)
