"""A learner's repository on disk: find the plan and check-ins, load them, check across files."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studylog import othercore
from studylog.check.history import Asked, backfills
from studylog.clock import as_of
from studylog.diagnostics import Diagnostic, Severity, Span, sort_diagnostics
from studylog.errors import UsageError
from studylog.i18n import t
from studylog.layout import PLAN_FILE
from studylog.load import cache as loadcache
from studylog.load.files import (
    MAX_PLAN_BYTES,
    CheckinContext,
    complete_checkin,
    iter_checkin_files,
    parse_plan,
    read_checkin,
    read_links,
    read_source,
)
from studylog.model import CheckIn, Plan, Repository, problem_id
from studylog.othercore import Part

if TYPE_CHECKING:
    from studylog.check.links import Checked
    from studylog.check.weblinks import WebOptions


@dataclass(frozen=True)
class LoadResult:
    repository: Repository | None  # None when the plan itself could not be loaded
    diagnostics: list[Diagnostic]
    files: int
    web_links: dict[str, list[Span]] = field(default_factory=dict)  # url → where it is cited
    digest: str = ""  # hash of the plan's and every check-in's path and bytes: what outputs depend on

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]


def find_root(path: Path) -> Path:
    """The folder that holds plan.yaml: `path` or the nearest parent that has one, as git finds `.git`.

    The walk stops at the first folder with `.git` (a repository's root: a plan above it belongs
    to another repository) or at the filesystem's root.
    """
    if not path.exists():
        raise UsageError(t("cli.no-such-directory", path=path))
    if not path.is_dir():
        raise UsageError(t("cli.not-a-directory", path=path))
    here = path.resolve()
    for folder in (here, *here.parents):
        if (folder / PLAN_FILE).is_file():
            return path if folder == here else folder
        if (folder / ".git").exists():
            break
    raise UsageError(t("cli.no-plan-above", plan=PLAN_FILE, path=here))


def load_repository(
    root: Path, today: dt.date | None = None, *, links: bool = False, history: bool = True
) -> LoadResult:
    """Load and check everything; `today` defaults to the current date in the plan's timezone.

    With `history` (the default), git history says which check-ins are back-fills (补卡); commands
    that only validate skip it.

    With `links`, the links check-ins cite are checked too (repository paths and anchors only;
    web links are collected in `LoadResult.web_links` for `weblinks` to check when asked).

    The cyclic garbage collector is paused while loading and the loaded objects are then frozen
    (`gc.freeze`): they live as long as the command, and at ten years of check-ins the collector
    otherwise walks them again and again (validate ~40% slower) for nothing it could free.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        result = _load_repository(root, today, links=links, history=history)
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    return result


def _load_repository(root: Path, today: dt.date | None, *, links: bool, history: bool) -> LoadResult:
    root = find_root(root)
    cache = loadcache.LoadCache(root)
    plan_bytes, diagnostics = read_source(root, PLAN_FILE, MAX_PLAN_BYTES)
    spare = othercore.spare_core()  # asked before this run starts helpers of its own (git, a child)
    asked = Asked(root) if history and plan_bytes is not None else None  # git walks its log meanwhile
    ahead = None
    try:
        listing: list[Diagnostic] = []  # check-in files that cannot be read, and why
        files = list(iter_checkin_files(root, listing))
        ahead = _links_ahead(root, files, cache) if spare and links and plan_bytes is not None else None
        return _load(root, today, cache, plan_bytes, diagnostics, listing, files, ahead, asked, spare, links=links)
    finally:
        if ahead is not None:
            ahead.close()  # when its result was not wanted after all (no plan, an exception): stopped and reaped
        if asked is not None:
            asked.close()


def _load(
    root: Path,
    today: dt.date | None,
    cache: loadcache.LoadCache,
    plan_bytes: bytes | None,
    diagnostics: list[Diagnostic],
    listing: list[Diagnostic],
    files: list[tuple[str, bytes]],
    ahead: Part[tuple[Checked, dict[str, Any]]] | None,
    asked: Asked | None,
    spare: bool,
    *,
    links: bool,
) -> LoadResult:
    digest = hashlib.sha256(plan_bytes or b"")
    plan_key = loadcache.plan_key(PLAN_FILE, plan_bytes or b"")
    cached_plan = loadcache.restore_plan_entry(PLAN_FILE, cache.get(plan_key)) if plan_bytes is not None else None
    plan: Plan | None = None
    if plan_bytes is None:
        pass  # refused or too large: the diagnostic says why
    elif cached_plan is not None:
        plan, diagnostics = cached_plan
    else:
        plan, diagnostics = parse_plan(PLAN_FILE, plan_bytes)
        cache.put(plan_key, loadcache.dump_plan(plan, diagnostics))
    diagnostics = [*diagnostics, *listing]
    context = CheckinContext(plan.timezone if plan else "UTC", plan, plan.day_starts_at if plan else dt.time(0))
    # A check-in's local date depends on the hour the day starts too (kept out of the key at midnight).
    zone = context.timezone if context.day_starts_at == dt.time(0) else f"{context.timezone}@{context.day_starts_at}"
    keyed = [(path, data, loadcache.key(path, data, zone)) for path, data in files]
    found = {path: loadcache.restore_checkin(path, cache.get(key)) for path, _, key in keyed}
    # Without a link-checking child, a cold run reads half of what is not cached on the other core.
    half = _HalfRead([(path, data) for path, data, _ in keyed if found[path] is None], context, spare and not ahead)
    checkins: list[CheckIn] = []
    try:
        for path, data, entry_key in keyed:
            digest.update(b"\0%s\0%d\0" % (path.encode("utf-8"), len(data)) + data)
            cached = found[path] or half.restored(path, cache, entry_key)
            if cached is not None:
                checkin, problems = cached
            else:
                checkin, problems = read_checkin(path, data, context.timezone, context.day_starts_at)
                cache.put(entry_key, loadcache.dump(checkin, problems))
            diagnostics.extend(problems)
            if checkin is not None:
                checkin, more = complete_checkin(checkin, context)
                diagnostics.extend(more)
                checkins.append(checkin)
    finally:
        half.close()
    cache.save()
    checkins.sort(key=lambda c: (c.date, c.path))
    diagnostics.extend(check_checkins(checkins, as_of(today, context.timezone, context.day_starts_at)))
    repository = None
    if plan is not None:
        late = backfills(checkins, plan, asked.answer()) if checkins and asked is not None else frozenset()
        digest.update(b"\0backfills\0" + "\0".join(sorted(late)).encode("utf-8"))  # outputs show them
        repository = Repository(str(root), plan, tuple(checkins), late)
    web_links: dict[str, list[Span]] = {}
    if links and repository is not None:
        from studylog.check.links import check_links

        known, anchors = (ahead.result() if ahead is not None else None) or ({}, {})
        link_problems, web_links = check_links(repository, root, known, anchors)
        diagnostics.extend(link_problems)
    return LoadResult(repository, sort_diagnostics(diagnostics), 1 + len(files), web_links, digest.hexdigest())


# Check-in files a cold run must read before checking their links on the other core pays.
SPLIT_FROM = 200


def _links_ahead(
    root: Path, files: list[tuple[str, bytes]], cache: loadcache.LoadCache
) -> Part[tuple[Checked, dict[str, Any]]] | None:
    """Check the links of the check-ins in a forked child, while the plan and check-ins are read here.

    A cold run's two largest costs are reading the plan and check-ins, and reading the notes their
    links point into (to find the headings). They are independent, so on two cores they overlap: the
    child reads only the `links` of each file (as `read_checkin` reads them) and checks them, and
    sends back the results and the anchor cache entries it used, for `check_links` to use instead of
    checking again. A run with its check-ins in the cache (warm) reads them in milliseconds and
    checks links from cached anchors: it does not fork.
    """
    if len(files) < SPLIT_FROM or not cache.empty():
        return None

    def work() -> tuple[Checked, dict[str, Any]]:
        from studylog.check.links import LinkChecker, check_each

        with contextlib.closing(LinkChecker(root)) as checker:
            cited = [(path, read_links(path, data)) for path, data in files]
            return check_each(checker, cited), checker.cache.touched()

    return Part.start(work)


class _HalfRead:
    """The second half of the check-ins a cold run must read, read by a forked child meanwhile and sent
    back as cache entries (plain values, restored here in a fifth of the time reading takes)."""

    def __init__(self, unread: list[tuple[str, bytes]], context: CheckinContext, wanted: bool) -> None:
        self._part: Part[dict[str, Any]] | None = None
        self._theirs: dict[str, Any] | None = None
        rest = unread[len(unread) // 2 :]
        self._paths = {path for path, _ in rest}
        if wanted and len(unread) >= SPLIT_FROM:

            def work() -> dict[str, Any]:
                tz, start = context.timezone, context.day_starts_at
                return {path: loadcache.dump(*read_checkin(path, data, tz, start)) for path, data in rest}

            self._part = Part.start(work)

    def restored(
        self, path: str, cache: loadcache.LoadCache, key: str
    ) -> tuple[CheckIn | None, list[Diagnostic]] | None:
        """The child's reading of `path` (also put in the cache), or None: read it here."""
        if self._part is None or path not in self._paths:
            return None
        if self._theirs is None:  # the first file of the child's half: this process has read all of its own
            self._theirs = self._part.result() or {}
        value = self._theirs.get(path)
        found = loadcache.restore_checkin(path, value)
        if found is not None:
            cache.put(key, value)
        return found

    def close(self) -> None:
        if self._part is not None:
            self._part.close()


def check_checkins(checkins: list[CheckIn], today: dt.date) -> list[Diagnostic]:
    """What no single file shows: two check-ins for one day, check-ins from the future."""
    problems: list[Diagnostic] = []
    by_day: dict[dt.date, list[CheckIn]] = defaultdict(list)
    for checkin in checkins:
        by_day[checkin.date].append(checkin)
        if checkin.date > today:
            problems.append(
                Diagnostic.at(
                    checkin.spans["date"],
                    "future-date",
                    t("future-date", date=checkin.date, today=today),
                    t("hint.future-date"),
                )
            )
    problems.extend(_check_reviewed(checkins))
    for day, same in by_day.items():
        for later in same[1:]:
            problems.append(
                Diagnostic.at(
                    later.spans["date"],
                    "duplicate-checkin",
                    t("duplicate-checkin", day=day, path=same[0].path),
                    t("hint.duplicate-checkin"),
                )
            )
    return problems


def validate(root: Path, today: dt.date | None = None, *, web: WebOptions | None = None) -> LoadResult:
    """`studylog validate`: everything load_repository checks, links included; with `web`, also every
    http(s) link a check-in cites, over the network."""
    result = load_repository(root, today, links=True, history=False)  # back-fills do not matter here
    if web is not None and result.web_links:
        from studylog.check.weblinks import check_web_links

        found = check_web_links(result.web_links, web)
        result = replace(result, diagnostics=sort_diagnostics([*result.diagnostics, *found]))
    return result


def _check_reviewed(checkins: list[CheckIn]) -> list[Diagnostic]:
    """`reviewed:` names solved problems of earlier check-ins, by their YYYY-MM-DD#N id."""
    solved = {problem_id(c.date, n): c.date for c in checkins for n, p in enumerate(c.problems, start=1) if p.solution}
    problems: list[Diagnostic] = []
    for checkin in checkins:
        for ident in checkin.reviewed:
            when = solved.get(ident)
            if when is not None and when < checkin.date:
                continue
            if when is not None:
                message = t("reviewed-too-early", ident=ident, when=when)
            else:
                message = t("reviewed-unknown", ident=ident)
            hint = t("hint.reviewed-id")
            near = sorted(i for i, d in solved.items() if d < checkin.date and i.split("#")[0] == ident.split("#")[0])
            if near:
                hint = t("hint.reviewed-near", ids=", ".join(f"`{i}`" for i in near))
            problems.append(Diagnostic.at(checkin.spans["reviewed"], "unknown-problem", message, hint))
    return problems
