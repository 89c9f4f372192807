"""A learner's repository on disk: find the plan and check-ins, load them, check across files."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from studylog import othercore
from studylog.cache import code_fingerprint, encode
from studylog.check.history import Asked, backfills
from studylog.clock import as_of
from studylog.diagnostics import Diagnostic, Severity, Span, sort_diagnostics
from studylog.errors import UsageError
from studylog.i18n import t
from studylog.layout import PLAN_FILE, plan_folder
from studylog.load import cache as loadcache
from studylog.load.files import (
    MAX_PLAN_BYTES,
    CheckinContext,
    complete_checkin,
    guess_context,
    iter_checkin_files,
    parse_plan,
    read_checkin,
    read_source,
)
from studylog.model import CheckIn, Link, Plan, Repository, problem_id
from studylog.othercore import Inbox, Part
from studylog.safepath import as_committed as _lf

if TYPE_CHECKING:
    from studylog.check.links import Checked
    from studylog.check.weblinks import WebOptions


class LoadResult(NamedTuple):
    repository: Repository | None  # None when the plan itself could not be loaded
    diagnostics: list[Diagnostic]
    files: int
    web_links: dict[str, list[Span]]  # url → where it is cited
    digest: str = ""  # hash of `sources` and the back-fills git history shows: what outputs depend on
    sources: str = ""  # hash of the plan's and every check-in's path and bytes, as read

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
    folder = plan_folder(path)
    if folder is None:
        raise UsageError(t("cli.no-plan-above", plan=PLAN_FILE, path=path.resolve()))
    return path if folder == path.resolve() else folder


def load_repository(
    root: Path,
    today: dt.date | None = None,
    *,
    links: bool = False,
    history: bool = True,
    on_read: Callable[[str, bytes], object] | None = None,
) -> LoadResult:
    """Load and check everything; `today` defaults to the current date in the plan's timezone.

    With `history` (the default), git history says which check-ins are back-fills (补卡); commands
    that only validate skip it.

    With `links`, the links check-ins cite are checked too (repository paths and anchors only;
    web links are collected in `LoadResult.web_links` for `weblinks` to check when asked).

    `on_read(sources, plan)` is called once the plan and check-in files are read, before any is
    parsed: with their hash (`LoadResult.sources`) and the plan's bytes (a build decides there whether
    it will likely draw anything).

    The cyclic garbage collector is paused while loading and the loaded objects are then frozen
    (`gc.freeze`): they live as long as the command, and at ten years of check-ins the collector
    otherwise walks them again and again (validate ~40% slower) for nothing it could free.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        result = _load_repository(root, today, links=links, history=history, on_read=on_read)
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    return result


def _load_repository(
    root: Path, today: dt.date | None, *, links: bool, history: bool, on_read: Callable[[str, bytes], object] | None
) -> LoadResult:
    root = find_root(root)
    cache = loadcache.LoadCache(root)
    plan_bytes, diagnostics = read_source(root, PLAN_FILE, MAX_PLAN_BYTES)
    spare = othercore.spare_core()  # asked before this run starts helpers of its own (git, a child)
    asked = Asked(root) if history and plan_bytes is not None else None  # git walks its log meanwhile
    ahead = None
    try:
        listing: list[Diagnostic] = []  # check-in files that cannot be read, and why
        files = list(iter_checkin_files(root, listing))
        sources = _sources(plan_bytes, files)
        if on_read is not None and plan_bytes is not None:
            on_read(sources, plan_bytes)
        hint = _Hint.of(cache, plan_bytes, files) if plan_bytes is not None else None
        ahead = _Ahead.start(root, files, cache, hint, links=links) if spare and hint is not None else None
        if ahead is not None:
            code_fingerprint()  # saving the cache needs it: made while the child works, not after it is done
        loaded = _load(root, today, cache, plan_bytes, diagnostics, listing, files, hint, ahead, asked, links=links)
        return loaded._replace(sources=sources, digest=_digest(sources, loaded))
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
    hint: _Hint | None,
    ahead: _Ahead | None,
    asked: Asked | None,
    *,
    links: bool,
) -> LoadResult:
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
    zone = _zone(context.timezone, context.day_starts_at)
    keys = hint.keys if hint is not None and hint.zone == zone and hint.keys is not None else None
    keyed = [(path, data, keys[i] if keys else loadcache.key(path, data, zone)) for i, (path, data) in enumerate(files)]
    found = {path: loadcache.restore_checkin(path, cache.get(key)) for path, _, key in keyed}
    checkins: list[CheckIn] = []
    for path, data, entry_key in keyed:
        cached = found[path] or (ahead.restored(path, zone, cache, entry_key) if ahead is not None else None)
        if cached is not None:
            checkin, problems = cached
        else:
            checkin, problems = read_checkin(path, data, context.timezone, context.day_starts_at)
            value = loadcache.dump(checkin, problems)
            cache.put(entry_key, value, encode(value))  # encoded now, not all at once when the cache is saved
            if ahead is not None:
                ahead.read_here(path, checkin)
        diagnostics.extend(problems)
        if checkin is not None:
            checkin, more = complete_checkin(checkin, context)
            diagnostics.extend(more)
            checkins.append(checkin)
    cache.save()
    checkins.sort(key=lambda c: (c.date, c.path))
    diagnostics.extend(
        check_checkins(checkins, as_of(today, context.timezone, context.day_starts_at), context.day_starts_at)
    )
    repository = None
    if plan is not None:
        late = backfills(checkins, plan, asked.answer()) if checkins and asked is not None else frozenset()
        repository = Repository(str(root), plan, tuple(checkins), late)
    web_links: dict[str, list[Span]] = {}
    if links and repository is not None:
        from studylog.check.links import check_links

        known, anchors = (ahead.links() if ahead is not None else None) or ({}, {})
        link_problems, web_links = check_links(repository, root, known, anchors)
        diagnostics.extend(link_problems)
    return LoadResult(repository, sort_diagnostics(diagnostics), 1 + len(files), web_links)


def _sources(plan: bytes | None, files: list[tuple[str, bytes]]) -> str:
    """One hash of the plan and check-ins as read, line ends as LF: a Windows checkout (CRLF) of the
    same commit gives the same hash, so builds there record what builds elsewhere record."""
    digest = hashlib.sha256(_lf(plan or b""))
    for path, data in files:
        data = _lf(data)
        digest.update(b"\0%s\0%d\0" % (path.encode("utf-8"), len(data)) + data)
    return digest.hexdigest()


def _digest(sources: str, loaded: LoadResult) -> str:
    late = sorted(loaded.repository.backfills) if loaded.repository is not None else []
    return hashlib.sha256(f"{sources}\0backfills\0{chr(0).join(late)}".encode()).hexdigest()  # outputs show them


def _zone(timezone: str, day_start: dt.time) -> str:
    """What reading a check-in depends on besides its bytes: the plan's timezone, and the hour the day
    starts (a check-in's local date depends on it; left out of the cache key when it is midnight)."""
    return timezone if day_start == dt.time(0) else f"{timezone}@{day_start}"


# Check-in files a cold run must read before sharing the work with the other core pays.
SPLIT_FROM = 200


class _Hint(NamedTuple):
    """What reading the check-ins most likely depends on, before the plan is parsed: the cached plan's
    timezone and day start (when the plan has not changed) or a guess from its text; with a cache to
    look in, each file's cache key for that zone (used if the parsed plan says the same)."""

    timezone: str
    day_start: dt.time
    zone: str
    keys: list[str] | None  # None: nothing cached, no key needed yet

    @classmethod
    def of(cls, cache: loadcache.LoadCache, plan: bytes, files: list[tuple[str, bytes]]) -> _Hint:
        cold = cache.empty()
        cached = None if cold else loadcache.cached_context(cache.get(loadcache.plan_key(PLAN_FILE, plan)))
        timezone, day_start = cached or guess_context(plan)
        zone = _zone(timezone, day_start)
        keys = None if cold else [loadcache.key(path, data, zone) for path, data in files]
        return cls(timezone, day_start, zone, keys)


class _Claims:
    """Which unread check-ins each side reads: this process from the first, the child from the last,
    until they meet. Two counters in memory both processes share (an anonymous shared map made before
    the fork): `front`, how many this process has claimed, and `back`, the last the child has claimed.
    This process writes `front` before it looks at `back`; the child looks at `front` first and writes
    `back` only for a check-in it then reads. So the one check-in they may both be about to claim is
    read by one of them or, when each has not yet seen the other's write, by both (this process's
    reading is used) — never by neither. Where they meet adapts to whatever else each side has to do
    (here: parsing the plan, completing and caching every check-in; there: checking all the links),
    on any plan, any notes and any machine, with no measured share to go stale."""

    def __init__(self, count: int) -> None:
        import mmap

        self._map = mmap.mmap(-1, 16)  # MAP_SHARED | MAP_ANONYMOUS: what the child writes, the parent reads
        self._counters = memoryview(self._map).cast("q")
        self._counters[0], self._counters[1] = 0, count
        self.count = count

    def here(self, index: int) -> bool:
        """Whether this process reads unread check-in `index` (claimed in increasing order)."""
        self._counters[0] = index + 1
        return index < self._counters[1]

    def there(self, index: int) -> bool:
        """In the child: whether it reads unread check-in `index` (claimed in decreasing order)."""
        if index < self._counters[0]:
            return False
        self._counters[1] = index
        return True

    def stop(self) -> None:
        """This process reads the rest itself: the child claims no more."""
        self._counters[0] = self.count


# Links read here go to the child in batches of this many check-ins, without waiting for the pipe.
LINKS_BATCH = 32


class _Ahead:
    """Part of a cold load, done on the other core from the moment the files are read.

    A cold run's largest costs are reading the plan and check-ins, and reading the notes their links
    point into (to find the headings). The check-ins not cached are split as they are read (`_Claims`):
    this process reads from the first (after parsing the plan) and the child from the last, until they
    meet. When links are checked and nothing is cached, the child checks all of them, so that each note
    is rendered once: those of each check-in it reads, as it reads it, and those of the check-ins read
    here, which this process sends it in batches and it takes between two of its own files — so where
    the two meet accounts for all the link work too, whatever the plan, the notes and the machine.
    The child reads with the timezone and day start the plan's text suggests (`guess_context`: the
    plan is parsed here meanwhile) or the cached plan's (when the plan has not changed), and sends its
    check-ins back as cache entries (plain values and their JSON text), used only if the parsed plan
    says the same; then the link results and the anchor cache entries it used, for `check_links` to
    use instead of checking again. A warm run reads its check-ins in milliseconds and checks links
    from cached anchors: it does not fork.
    """

    def __init__(self, part: Part[Any], zone: str, claims: _Claims, index: dict[str, int], links: bool) -> None:
        self._part, self._zone, self._claims, self._index, self._links = part, zone, claims, index, links
        self._theirs: dict[str, Any] | None = None
        self._mine: list[tuple[str, tuple[Link, ...]]] | None = [] if links else None  # links read here, to send

    @classmethod
    def start(
        cls, root: Path, files: list[tuple[str, bytes]], cache: loadcache.LoadCache, hint: _Hint, *, links: bool
    ) -> _Ahead | None:
        timezone, day_start, zone = hint.timezone, hint.day_start, hint.zone
        keys = hint.keys
        cold = keys is None
        unread = files if keys is None else [f for f, key in zip(files, keys, strict=True) if not cache.has(key)]
        if len(unread) < SPLIT_FROM:
            return None
        links = links and cold
        try:
            claims = _Claims(len(unread))
        except OSError:  # no memory to share (ENOMEM): this process reads them all, as without a spare core
            return None

        def work(inbox: Inbox) -> Iterator[Any]:
            entries: dict[str, Any] = {}
            checked: Checked = {}
            last = not links

            def take(wait: bool) -> None:
                """Check the links of check-ins read there: every batch until the last, or (not waiting)
                one batch if one has come, so that this side keeps claiming check-ins as it goes."""
                nonlocal last
                while not last and (wait or inbox.ready()):
                    message = inbox.get()
                    theirs, last = message if message is not None else ((), True)
                    checked.update(check_each(checker, theirs))
                    if not wait:
                        break

            if links:
                from studylog.check.links import LinkChecker, check_each

                checker = LinkChecker(root)
            index = len(unread) - 1
            while index >= 0 and claims.there(index):
                path, data = unread[index]
                checkin, problems = read_checkin(path, data, timezone, day_start)
                value = loadcache.dump(checkin, problems)
                entries[path] = value, encode(value)  # its JSON text too: saving the cache there costs less
                if links:
                    checked.update(check_each(checker, [(path, checkin.links if checkin is not None else ())]))
                    take(wait=False)
                index -= 1
            yield entries
            if links:
                with contextlib.closing(checker):
                    take(wait=True)
                    yield checked, checker.cache.touched()

        part = Part.each(work, inbox=links)
        if part is None:
            return None
        return cls(part, zone, claims, {path: n for n, (path, _) in enumerate(unread)}, links)

    def restored(
        self, path: str, zone: str, cache: loadcache.LoadCache, key: str
    ) -> tuple[CheckIn | None, list[Diagnostic]] | None:
        """The child's reading of `path` (also put in the cache), or None: read it here."""
        index = self._index.get(path)
        if index is None:
            return None
        if zone != self._zone:  # the child read with another timezone: nothing it read is used
            self._claims.stop()
            return None
        if self._claims.here(index):
            return None
        value, encoded = self._entries().get(path, (None, None))
        found = loadcache.restore_checkin(path, value)
        if found is not None:
            cache.put(key, value, encoded)
        return found

    def read_here(self, path: str, checkin: CheckIn | None) -> None:
        """`path` was read here: its links go to the child (which checks them), a batch at a time."""
        if self._mine is not None:
            self._mine.append((path, checkin.links if checkin is not None else ()))
            if len(self._mine) >= LINKS_BATCH:
                self._part.send((self._mine, False), wait=False)
                self._mine = []

    def links(self) -> tuple[Checked, dict[str, Any]] | None:
        """The child's link results and anchor cache entries, or None: check them here."""
        if not self._links:
            return None
        self._entries()
        # Only now wait for the child to take what its inbox could not hold: its reading has been
        # taken (it may have been waiting to write it), so it reads its inbox whatever this process
        # does — neither waits on the other.
        self._part.flush()
        found: tuple[Checked, dict[str, Any]] | None = self._part.next()
        return found

    def _entries(self) -> dict[str, Any]:
        """The child's check-ins as read; from here on this process reads nothing more (but what the
        child's reading lacks), so the child takes no more, and its last links are sent."""
        if self._theirs is None:
            self._claims.stop()
            if self._mine is not None:
                self._part.send((self._mine, True), wait=False)
                self._mine = None
            self._theirs = self._part.next() or {}
        return self._theirs

    def close(self) -> None:
        self._claims.stop()
        self._part.close()


def check_checkins(checkins: list[CheckIn], today: dt.date, day_starts_at: dt.time = dt.time(0)) -> list[Diagnostic]:
    """What no single file shows: two check-ins for one day, check-ins from the future (`today` by the
    plan's clock: before its `day_starts_at`, still the day before)."""
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
                    t("hint.future-date")
                    if day_starts_at == dt.time(0)
                    else t("hint.future-date-night", start=day_starts_at.strftime("%H:%M")),
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
        result = result._replace(diagnostics=sort_diagnostics([*result.diagnostics, *found]))
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
