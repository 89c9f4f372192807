"""`studylog build`: validate, compute, render, write — or, with `check`, compare without writing.

Writing is the only place that touches output files. It writes atomically and only what
changed, only inside `reports/` and between the README markers, and keeps a manifest of what
it generated, so stale generated files can be removed while a learner's own files never are.
Charts whose inputs did not change are not drawn again (their key is in the manifest).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import stat
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from studylog import __version__, safepath
from studylog.cache import code_fingerprint
from studylog.clock import as_of as decide_as_of
from studylog.diagnostics import Span
from studylog.errors import MarkerError, UnsafePath, UsageError
from studylog.i18n import t
from studylog.layout import MANIFEST, README, REPORTS
from studylog.safepath import as_committed as _lf
from studylog.write.conflicts import Stages, conflict_line, merge_stages
from studylog.write.conflicts import marker_line as _conflict_marker
from studylog.write.conflicts import sides as conflict_sides
from studylog.write.readme import locate_readme, new_readme, resolve_merge, splice

if TYPE_CHECKING:
    from collections.abc import Callable

    from studylog.check.repository import LoadResult
    from studylog.render.pages import Rendered
    from studylog.write.ahead import Drawer


class Manifest(NamedTuple):
    as_of: dt.date | None
    files: dict[str, dict[str, str]]  # path → {"sha256": …, "key": …}
    inputs: str | None = None  # the key of everything the outputs were built from
    section: str | None = None  # sha256 of the README section as written
    damaged: bool = False  # the file is there but unreadable: its entries came from elsewhere, if at all
    readme: str | None = None  # sha256 of the whole README as written: unchanged, so is its section
    sources: str | None = None  # `sources_key` of the files read: unchanged, the next build likely draws nothing

    @classmethod
    def parse(cls, text: str) -> Manifest | None:
        try:
            raw = json.loads(text)
            as_of = dt.date.fromisoformat(raw["as_of"])
            files = {
                str(path): {k: str(v) for k, v in entry.items()}
                for path, entry in raw["files"].items()
                if isinstance(entry, dict) and _inside_reports(str(path)) and str(path) != MANIFEST
            }
            inputs, section, readme = raw.get("inputs"), raw.get("section"), raw.get("readme")
            sources = raw.get("sources")
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None
        return cls(
            as_of,
            files,
            inputs if isinstance(inputs, str) else None,
            section if isinstance(section, str) else None,
            readme=readme if isinstance(readme, str) else None,
            sources=sources if isinstance(sources, str) else None,
        )

    @classmethod
    def read(cls, root: Path) -> Manifest:
        data = _read(root, MANIFEST)
        if data is None:
            return cls(None, {})
        text = data.decode("utf-8", "replace")
        parsed = cls.parse(text)
        return parsed if parsed is not None else _recover(root, text)

    def dump(self) -> bytes:
        payload = {
            "generator": f"studylog {__version__}",
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "inputs": self.inputs,
            "section": self.section,
            "readme": self.readme,
            "sources": self.sources,
            "files": {path: self.files[path] for path in sorted(self.files)},
        }
        return (json.dumps(payload, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


class Outputs:
    """What a build makes, before any of it is written."""

    __slots__ = ("carried", "files", "keys", "redrawn")

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.keys: dict[str, str] = {}  # a chart's drawing key
        self.redrawn = 0
        self.carried: set[str] = set()  # reviews whose notes a new review carries on


NOTES_START = "<!-- studylog:notes:start -->"
NOTES_END = "<!-- studylog:notes:end -->"
_NOTES = re.compile(re.escape(NOTES_START) + r".*?" + re.escape(NOTES_END), re.DOTALL)
_NOTES_BYTES = re.compile(re.escape(NOTES_START.encode()) + rb".*?" + re.escape(NOTES_END.encode()), re.DOTALL)


def _sha(data: bytes) -> str:
    """The hash that says "studylog wrote this": of the bytes with line ends as LF (as git commits
    them: a Windows checkout has CRLF, and `plan.ics`, CRLF as written, is LF in a repository a
    Windows build committed) and the learner's notes blocks left out, so writing in a review's notes
    block keeps the file studylog's and any other edit does not."""
    return _blank_sha(_lf(data))


def _blank_sha(data: bytes) -> str:
    """`data`'s hash with its notes blocks left out (a manifest before LF recorded this of the bytes)."""
    return hashlib.sha256(_NOTES_BYTES.sub(NOTES_START.encode() + NOTES_END.encode(), data)).hexdigest()


def _wrote(data: bytes, entry: dict[str, str]) -> bool:
    """Whether `data` is what the manifest entry says studylog wrote, in either line ending: by the
    hash `_sha`, or by the hashes older manifests recorded (of the bytes as written, notes-blind or
    plain), so an upgrade does not disown files."""
    recorded = entry.get("sha256")
    if recorded is None or recorded == _sha(data):
        return recorded is not None
    return (b"\r\n" in data and recorded == _blank_sha(data)) or recorded == hashlib.sha256(data).hexdigest()


def _read(root: Path, path: str) -> bytes | None:
    try:
        return safepath.read_if_present(root, path)
    except UnsafePath as exc:
        raise UsageError(str(exc)) from None


def _conflict_sides(text: str) -> list[str]:
    """Both sides of a file with git's merge-conflict markers (the text itself when it has none or
    they do not pair up)."""
    try:
        return list(conflict_sides(text))
    except MarkerError:
        return [text]


def _git_versions(root: Path) -> list[str]:
    """The manifest as committed, and both sides of a conflicted merge, as far as git has them."""
    found: list[str] = []
    for spec in (f"HEAD:./{MANIFEST}", f":2:./{MANIFEST}", f":3:./{MANIFEST}"):  # ./: from the study folder
        try:
            shown = subprocess.run(["git", "show", spec], cwd=root, capture_output=True, check=False, timeout=60)
        except (OSError, subprocess.SubprocessError):
            return found
        if shown.returncode == 0:
            found.append(shown.stdout.decode("utf-8", "replace"))
    return found


def _recover(root: Path, damaged: str) -> Manifest:
    """An unreadable manifest (a merge conflict, a bad edit): rebuild what studylog owns from every
    readable version — both conflict sides and git's copies — trusting an entry only where the file
    on disk still has the recorded bytes, or is git's merge of two versions studylog wrote
    (`_both_ours`). Everything else stays the learner's."""
    versions = [m for m in (Manifest.parse(t) for t in [*_conflict_sides(damaged), *_git_versions(root)]) if m]
    merged = merge_stages(root, REPORTS) if conflict_line(damaged) is not None else {}
    files: dict[str, dict[str, str]] = {}
    for version in versions:
        for path, entry in version.files.items():
            if path in files:
                continue
            try:
                current = _read(root, path)
            except UsageError:
                continue
            if current is None:
                continue
            if _wrote(current, entry):
                files[path] = entry
            elif path in merged and _both_ours(current, merged[path], [v.files.get(path, {}) for v in versions]):
                files[path] = {"sha256": _sha(current)}  # no chart key: a conflicted drawing is drawn again
    return Manifest(None, files, damaged=True)


def _both_ours(current: bytes, stages: Stages, entries: list[dict[str, str]]) -> bool:
    """Whether `current`, a file git left conflicted, is only the merge of two versions studylog
    wrote (nothing typed into it since), and the learner's notes (a weekly review's) came through
    the merge whole: one block, which git merged cleanly (no conflict inside it). The build then
    writes the file anew around those notes (`keep_learner_notes`), so the learner's words from
    both sides are kept as git merged them, and nothing is chosen for them."""
    if not stages.made(current):
        return False
    if not all(any(_wrote(side, entry) for entry in entries) for side in (stages.ours, stages.theirs)):
        return False
    if NOTES_START.encode() not in stages.ours + stages.theirs:
        return NOTES_START.encode() not in current
    blocks = _NOTES_BYTES.findall(current)
    return len(blocks) == 1 and not any(_conflict_marker(line) for line in blocks[0].split(b"\n"))


def keep_learner_notes(existing: bytes | None, new: bytes) -> bytes:
    """Carry the learner's own lines (between the notes markers of a review) into the new version,
    byte for byte. Raises UnicodeDecodeError when they are not UTF-8 (an editor that saved GBK):
    the caller refuses, rather than write them garbled."""
    if existing is None:
        return new
    old = _NOTES_BYTES.search(existing)
    if old is None or _NOTES_BYTES.search(new) is None:
        return new
    words = _lf(old.group(0))  # LF, as every file studylog writes
    words.decode("utf-8")  # strict: the learner's words are never replaced by U+FFFD
    return _NOTES_BYTES.sub(lambda _: words, new, count=1)


def _earlier_notes(root: Path, paths: tuple[str, ...]) -> bytes | None:
    """The learner's notes from a review's earlier file(s), joined, when any were written. Raises
    UsageError naming the file whose notes are not UTF-8."""
    blocks = []
    for path in paths:
        found = _NOTES_BYTES.search(_read(root, path) or b"")
        if found is not None:
            block = _lf(found.group(0))
            try:
                block.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise UsageError(t("build-notes-not-utf8", path=path, byte=exc.start)) from None
            blocks.append(block[len(NOTES_START) : -len(NOTES_END)].strip(b"\n"))
    if not blocks:
        return None
    return NOTES_START.encode() + b"\n" + b"\n".join(blocks) + b"\n" + NOTES_END.encode()


def _with_notes(root: Path, path: str, data: bytes, earlier: tuple[str, ...], out: Outputs) -> bytes:
    """`data`, a freshly rendered file, with the learner's notes from the file there now, or from
    the files it replaces (then noted in `out.carried`: their words live on here)."""
    existing = _read(root, path)
    if existing is None and earlier:
        existing = _earlier_notes(root, earlier)
        out.carried.update(earlier if existing is not None else ())
    try:
        return keep_learner_notes(existing, data)
    except UnicodeDecodeError as exc:
        raise UsageError(t("build-notes-not-utf8", path=path, byte=exc.start)) from None


def _blank_notes(path: str, rendered: bytes, written: bytes, previous: Manifest) -> str | None:
    """The hash of a review's notes block with no words of the learner's in it: the block as just
    rendered, or the block written before if it still is that one (an untouched block from another
    locale or an older studylog's prompts stays "no words"). None for a file without notes."""
    fresh = _NOTES_BYTES.search(rendered)
    if fresh is None:
        return None
    carried = _NOTES_BYTES.search(written)
    earlier = previous.files.get(path, {}).get("notes")
    if carried is not None and earlier is not None and hashlib.sha256(_lf(carried.group(0))).hexdigest() == earlier:
        return earlier
    return hashlib.sha256(fresh.group(0)).hexdigest()


def _learner_words(current: bytes, entry: dict[str, str]) -> bool:
    """Whether a generated file's notes block holds words of the learner's: anything but the block
    studylog wrote (recorded as `notes`; a manifest from before that records none, so any block
    counts). Such a file is never deleted."""
    found = _NOTES_BYTES.search(current)
    return found is not None and hashlib.sha256(_lf(found.group(0))).hexdigest() != entry.get("notes")


def _current(root: Path, path: str, key: str, previous: Manifest) -> bytes | None:
    """A chart's file as committed, if it was drawn from the same key and nobody changed it."""
    entry = previous.files.get(path, {})
    if entry.get("key") != key:
        return None
    existing = _read(root, path)
    if existing is None or not path.endswith(".svg"):  # the calendar (CRLF by its RFC) is cheap: always made
        return None
    return _lf(existing) if _wrote(existing, entry) else None  # a drawing is LF, whatever the checkout's


def collect(
    root: Path,
    rendered: Rendered,
    as_of: dt.date,
    previous: Manifest,
    readme: tuple[str, bytes | None],
    inputs: str | None = None,
    kept: dict[str, bytes] | None = None,
    ahead: dict[str, bytes] | None = None,
    sources: str | None = None,
) -> Outputs:
    """Every generated file's bytes; a chart is redrawn only when its key or its file changed
    (`kept`: the charts found current, when the caller has looked already; `ahead`: charts already
    drawn, by path; `readme`: the README's name and bytes, None when there is none yet)."""
    out = Outputs()
    for path, data in rendered.files.items():
        out.files[path] = _with_notes(root, path, data, rendered.earlier.get(path, ()), out)
    for chart in rendered.charts:
        existing = kept.get(chart.path) if kept is not None else _current(root, chart.path, chart.key, previous)
        if existing is not None:
            out.files[chart.path] = existing
        else:
            drawn = (ahead or {}).get(chart.path)
            out.files[chart.path] = drawn if drawn is not None else chart.draw()
            out.redrawn += 1
        out.keys[chart.path] = chart.key
    readme_name, readme_bytes = readme
    out.files[readme_name] = _spliced(root, readme_name, readme_bytes, rendered.readme_section)
    # The notes block as studylog writes it, before the learner's words: what "no words" looks like.
    blank = {
        path: notes
        for path, data in rendered.files.items()
        if (notes := _blank_notes(path, data, out.files[path], previous)) is not None
    }
    manifest = Manifest(
        as_of,
        {
            path: {
                "sha256": _sha(data),
                **({"key": out.keys[path]} if path in out.keys else {}),
                **({"notes": blank[path]} if path in blank else {}),
            }
            for path, data in out.files.items()
            if path != readme_name
        },
        inputs,
        _section_sha(out.files[readme_name]),
        readme=hashlib.sha256(_lf(out.files[readme_name])).hexdigest(),  # the same from a CRLF checkout
        sources=sources,
    )
    out.files[MANIFEST] = manifest.dump()
    return out


def _spliced(root: Path, name: str, readme: bytes | None, section: str) -> bytes:
    try:
        if readme is None:
            return new_readme(root.resolve().name, section).encode("utf-8")
        text = readme.decode("utf-8")
        line = conflict_line(text)
        if line is not None and (stages := merge_stages(root, name).get(name)) is not None:  # git says: a conflict
            if not stages.made(readme):  # partly resolved by hand: the learner finishes it
                raise MarkerError(t("readme-conflict-outside", line=line))
            text = resolve_merge(text)
        return splice(text, section).encode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(t("build-readme-not-utf8", path=name, byte=exc.start)) from None
    except MarkerError as exc:
        raise UsageError(str(exc).replace(README, name)) from None


def _readme(root: Path) -> str:
    try:
        return locate_readme(root)
    except MarkerError as exc:
        raise UsageError(str(exc)) from None


def _section_sha(readme: bytes | None) -> str | None:
    from studylog.write.readme import current_section

    if readme is None:
        return None
    try:
        return _sha(_lf(current_section(readme.decode("utf-8")).encode("utf-8")))
    except (UnicodeDecodeError, MarkerError):
        return None


def sources_key(sources: str, as_of: dt.date) -> str:
    """The files as read (`LoadResult.sources`), the as-of date and studylog's code: when the manifest
    holds the same key, what a build will find is very likely what the last one wrote."""
    return hashlib.sha256(f"{code_fingerprint()}\0sources\0{sources}\0{as_of.isoformat()}".encode()).hexdigest()


def inputs_key(digest: str, as_of: dt.date) -> str:
    """What the generated files depend on: the learner's files, the as-of date and studylog's code."""
    return hashlib.sha256(f"{code_fingerprint()}\0{digest}\0{as_of.isoformat()}".encode()).hexdigest()


# Larger than any file studylog writes: a generated file grown past it was not left as written.
MAX_OUTPUT_BYTES = 64 * 1024 * 1024


def up_to_date(root: Path, previous: Manifest, key: str, readme: bytes | None) -> bool:
    """The committed outputs were built from exactly these inputs and nobody changed them since.

    Anything unusual on the way (a file gone, a link, something unreadable) answers no: the full
    build then says what it is."""
    if previous.inputs != key or previous.section is None:
        return False
    with safepath.Reader(root) as reader:
        for path, entry in previous.files.items():
            try:
                found = reader.read_plain(path, MAX_OUTPUT_BYTES)
            except (UnsafePath, OSError):
                return False
            if found is None:  # a link, gone, …: the full build reads it as it writes, and says
                return False
            data, info = found
            writable = info.st_mode & stat.S_IWUSR  # a read-only file the build must refuse to rewrite
            # as written, in either line ending (a Windows checkout has CRLF)
            if not writable or info.st_size > MAX_OUTPUT_BYTES or not _wrote(data, entry):
                return False
    if (
        readme is not None
        and previous.readme is not None
        and hashlib.sha256(_lf(readme)).hexdigest() == previous.readme
    ):
        return True  # the whole file as written, so its section too (without parsing the Markdown)
    return _section_sha(readme) == previous.section


def _inside_reports(path: str) -> bool:
    parts = path.split("/")
    return path.startswith(f"{REPORTS}/") and not {"..", ".", ""} & set(parts[1:])


def _is_readme(path: str) -> bool:
    return "/" not in path and path.casefold() in ("readme.md", "readme.markdown")


class WriteResult(NamedTuple):
    written: list[str]
    removed: list[str]
    unchanged: int
    preserved: list[str]  # the learner's copies, kept under a new name
    resolved: list[str]  # written over git's merge-conflict markers
    aside: list[str]  # no longer generated, kept for the learner's notes


def stale(root: Path, outputs: Outputs, previous: Manifest) -> tuple[list[str], list[str]]:
    """(files whose bytes differ from what would be written, generated files that would be removed)."""
    differing = [
        p
        for p, data in sorted(outputs.files.items())
        if p != MANIFEST and ((found := _read(root, p)) is None or _lf(found) != _lf(data))
    ]
    leftover = sorted(p for p in previous.files if p not in outputs.files and _read(root, p) is not None)
    return differing, leftover


def _not_ours(root: Path, outputs: Outputs, previous: Manifest) -> list[tuple[str, str]]:
    """Output paths holding something studylog did not write (or that was edited since): the learner's,
    each with the sentence that says why."""
    found = []
    for path, data in sorted(outputs.files.items()):
        if _is_readme(path) or path == MANIFEST:
            continue
        existing = _read(root, path)
        if existing is None or existing == data:
            continue
        entry = previous.files.get(path)
        if entry is None:
            found.append((path, t("build-not-generated", path=path)))
        elif not _wrote(existing, entry):
            found.append((path, t("build-edited", path=path)))
    return found


def _not_ours_refused(root: Path, outputs: Outputs, previous: Manifest) -> None:
    learners = _not_ours(root, outputs, previous)
    if learners:
        listed = "; ".join(why for _, why in learners[:5]) + (" …" if len(learners) > 5 else "")
        raise UsageError(t("build-yours", paths=listed))


def write(root: Path, outputs: Outputs, previous: Manifest) -> WriteResult:
    for path in outputs.files:
        if not (_inside_reports(path) or _is_readme(path)):  # a programming error; never write outside our places
            raise RuntimeError(f"refusing to write {path}: outside {REPORTS}/ and the README section")
    try:
        for path in outputs.files:
            safepath.check_writable(root, path)
    except UnsafePath as exc:
        raise UsageError(t("build-unsafe", error=str(exc))) from None
    preserved = _preserve(root, outputs, previous) if previous.damaged else []
    _not_ours_refused(root, outputs, previous)
    written: list[str] = []
    marked: list[str] = []  # written over what looked like git's conflict markers
    unchanged = 0
    for path, data in sorted(outputs.files.items()):
        existing = _read(root, path)
        if existing == data:
            unchanged += 1
            continue
        if existing is not None and conflict_line(existing.decode("utf-8", "replace")) is not None:
            marked.append(path)
        safepath.write(root, path, data)
        written.append(path)
    resolved = sorted(set(marked) & set(merge_stages(root, *marked))) if marked else []  # git's own conflicts
    removed: list[str] = []
    aside: list[str] = []  # "old → new": no longer generated, but holding the learner's notes
    for path in sorted(previous.files):
        if path in outputs.files or not _inside_reports(path):
            continue
        try:
            current = _read(root, path)
        except UsageError:
            continue  # behind a symbolic link or not a plain file: not ours to touch
        if current is not None and _wrote(current, previous.files[path]):  # else edited: the learner's
            if path not in outputs.carried and _learner_words(current, previous.files[path]):  # with their words
                aside.append(_keep_aside(root, path))
                continue
            safepath.delete(root, path)
            removed.append(path)
            _prune_empty(root, path)
    return WriteResult(written, removed, unchanged, preserved, resolved, aside)


def _preserve(root: Path, outputs: Outputs, previous: Manifest) -> list[str]:
    """With a damaged manifest nobody can tell a learner's edit from an old build: keep each such
    file under a new name (`….orig`) instead of refusing every build until someone cleans up."""
    return [_keep_aside(root, path) for path, _ in _not_ours(root, outputs, previous)]


def _keep_aside(root: Path, path: str) -> str:
    """Move `path` to a free `….orig` name beside it; "old → new"."""
    new, n = f"{path}.orig", 1
    while os.path.lexists(root / new):
        new, n = f"{path}.orig{n}", n + 1
    os.rename(root / path, root / new)
    return f"{path} → {new}"


def _prune_empty(root: Path, path: str) -> None:
    parts = path.split("/")[:-1]
    while len(parts) > 1:  # never reports/ itself
        folder = root.joinpath(*parts)
        if folder.is_symlink() or not folder.is_dir() or any(folder.iterdir()):
            return
        folder.rmdir()
        parts.pop()


# Plain named tuples, not dataclasses: importing `dataclasses` (it imports `inspect`) cost every
# build ~10 ms, and `build` with nothing to do, the one CI runs most, is measured in tens of them.
class BuildReport(NamedTuple):
    as_of: dt.date
    written: list[str]
    removed: list[str]
    unchanged: int
    redrawn: int
    stale: list[str]  # --check: generated files that differ from a fresh build
    leftover: list[str]  # --check: generated files a fresh build would remove
    newer_checkins: list[str]  # --check: check-ins dated after the recorded as-of date
    preserved: tuple[str, ...] | list[str] = ()  # "old → new": files kept aside (damaged manifest)
    resolved: tuple[str, ...] | list[str] = ()  # written over git's merge-conflict markers: to `git add`
    aside: tuple[str, ...] | list[str] = ()  # "old → new": no longer generated, kept for the learner's notes
    section_edited: bool = False  # text typed between the README's markers was written over: say so


def _warm() -> None:
    """In the drawing child: the charts module and matplotlib imported (here, an unchanged build needs neither)."""
    from studylog.render.charts import warm

    warm()


def build_repository(
    root: Path, today: dt.date | None, *, check: bool = False, dry_run: bool = False
) -> tuple[LoadResult, BuildReport | None]:
    """Validate (links too), then render and write — or with `check`, compare with what is committed;
    with `dry_run`, build as of `today` but only report what would change (`stale`, `leftover`).

    Returns the validation result, and no report when validation found errors: nothing is written then.
    """
    from studylog.write.ahead import Drawer

    drawers: list[Drawer] = []

    def read(sources: str, plan: bytes) -> None:
        # Imports matplotlib on the other core while this one loads, unless the files are those the
        # last build was made from (it would be all waste, and take a core from the load); never for
        # `--check`, which in CI nearly always finds nothing changed. A drawing found needed after
        # all is then made here. (The load's own helper, forked after this child, holds copies of
        # this child's pipe ends; it is stopped and reaped when the load returns, before any job is
        # sent here, so the drawing child sees the end of its job when the job is sent.)
        if not check and not _likely_unchanged(root, sources, plan, today):
            drawer = Drawer.start(root, _warm)
            drawers.extend([drawer] if drawer is not None else [])

    try:
        return _build(root, today, check=check, dry_run=dry_run, drawers=drawers, read=read)
    finally:
        for drawer in drawers:
            drawer.close()


def _likely_unchanged(root: Path, sources: str, plan: bytes, today: dt.date | None) -> bool:
    """Whether the manifest says the last build was made from these files, on the day this build
    would be as of, by this code: a guess (whether to start drawing ahead), so it never raises and
    never repairs anything — the build itself reads the manifest, and says what is wrong with it."""
    from studylog.load.files import guess_context

    try:
        data = safepath.read_if_present(root, MANIFEST)
        previous = Manifest.parse(data.decode("utf-8")) if data is not None else None
        if previous is None or previous.sources is None:
            return False
        return previous.sources == sources_key(sources, decide_as_of(today, *guess_context(plan)))
    except Exception:  # an unknown timezone, an unreadable manifest, …: the build will say
        return False


def _build(
    root: Path,
    today: dt.date | None,
    *,
    check: bool,
    dry_run: bool,
    drawers: list[Drawer],
    read: Callable[[str, bytes], None],
) -> tuple[LoadResult, BuildReport | None]:
    from studylog.check.repository import load_repository

    result = load_repository(root, today, links=True, on_read=read)
    drawer = drawers[0] if drawers else None
    if result.errors or result.repository is None:
        return result, None
    repository = result.repository
    previous = Manifest.read(root)
    if check:
        if previous.as_of is None:
            raise UsageError(t("build-no-manifest", path=MANIFEST))
        as_of = previous.as_of
    else:
        as_of = decide_as_of(today, repository.plan.timezone, repository.plan.day_starts_at)
    # Imported links to files not committed yet are drawn differently: committing the file changes the output.
    missing = frozenset(Span(d.path, d.line, d.column) for d in result.diagnostics if d.code == "link-not-yet")
    key = inputs_key(result.digest + "".join(f"\0{s}" for s in sorted(missing)), as_of)
    readme_name = _readme(root)
    readme = readme_name, _read(root, readme_name)  # read once: compared here, spliced by `collect`
    if up_to_date(root, previous, key, readme[1]):  # nothing to render: the fast path on an unchanged repo
        newer = [c.path for c in repository.checkins if c.date > as_of] if check else []
        return result, BuildReport(as_of, [], [], len(previous.files) + 1, 0, [], [], newer)
    _spliced(root, *readme, "")  # a README that cannot be spliced stops the build before any drawing
    from studylog.progress import compute
    from studylog.render.pages import draw_all, prepare, render_pages

    prepared = prepare(repository, compute(repository, as_of), missing)
    kept = {c.path: data for c in prepared.charts if (data := _current(root, c.path, c.key, previous)) is not None}
    wanted = [(c.path, c.name, c.dark) for c in prepared.charts if c.path not in kept]
    if drawer is not None and wanted:
        drawer.send(draw_all, prepared.ctx["chart_data"], repository.plan, wanted)
    rendered = render_pages(prepared)
    ahead = drawer.result() if drawer is not None else None
    outputs = collect(root, rendered, as_of, previous, readme, key, kept, ahead, sources_key(result.sources, as_of))
    if check or dry_run:
        if dry_run and not check:
            _not_ours_refused(root, outputs, previous)
        differing, leftover = stale(root, outputs, previous)
        newer = [c.path for c in repository.checkins if c.date > as_of]
        return result, BuildReport(as_of, [], [], 0, outputs.redrawn, differing, leftover, newer)
    # The section as found is not the one the last build wrote, nor the one this build writes: typed
    # by hand (on GitHub's editor, often), and about to be written over.
    found = _section_sha(readme[1]) if previous.section is not None else None
    edited = found is not None and found not in (previous.section, _section_sha(outputs.files[readme_name]))
    done = write(root, outputs, previous)
    return result, BuildReport(
        as_of,
        done.written,
        done.removed,
        done.unchanged,
        outputs.redrawn,
        [],
        [],
        [],
        done.preserved,
        done.resolved,
        done.aside,
        edited and readme_name in done.written,
    )
