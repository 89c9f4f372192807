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
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from studylog import __version__
from studylog.cache import code_fingerprint, write_atomic
from studylog.clock import as_of as decide_as_of
from studylog.diagnostics import Span
from studylog.errors import MarkerError, UsageError
from studylog.i18n import t
from studylog.layout import MANIFEST, README, REPORTS, is_generated_path
from studylog.write.readme import new_readme, splice

if TYPE_CHECKING:
    from studylog.check.repository import LoadResult
    from studylog.render.pages import Rendered


@dataclass(frozen=True)
class Manifest:
    as_of: dt.date | None
    files: dict[str, dict[str, str]]  # path → {"sha256": …, "key": …}
    inputs: str | None = None  # the key of everything the outputs were built from
    section: str | None = None  # sha256 of the README section as written

    @classmethod
    def read(cls, root: Path) -> Manifest:
        try:
            raw = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
            as_of = dt.date.fromisoformat(raw["as_of"])
            files = {
                str(path): {k: str(v) for k, v in entry.items()}
                for path, entry in raw["files"].items()
                if isinstance(entry, dict)
            }
            inputs, section = raw.get("inputs"), raw.get("section")
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls(None, {})
        return cls(
            as_of, files, inputs if isinstance(inputs, str) else None, section if isinstance(section, str) else None
        )

    def dump(self) -> bytes:
        payload = {
            "generator": f"studylog {__version__}",
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "inputs": self.inputs,
            "section": self.section,
            "files": {path: self.files[path] for path in sorted(self.files)},
        }
        return (json.dumps(payload, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


@dataclass
class Outputs:
    files: dict[str, bytes] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    redrawn: int = 0


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


NOTES_START = "<!-- studylog:notes:start -->"
NOTES_END = "<!-- studylog:notes:end -->"
_NOTES = re.compile(re.escape(NOTES_START) + r".*?" + re.escape(NOTES_END), re.DOTALL)


def keep_learner_notes(existing: bytes | None, new: bytes) -> bytes:
    """Carry the learner's own lines (between the notes markers of a review) into the new version."""
    if existing is None:
        return new
    old = _NOTES.search(existing.decode("utf-8", "replace"))
    text = new.decode("utf-8")
    if old is None or _NOTES.search(text) is None:
        return new
    return _NOTES.sub(lambda _: old.group(0), text, count=1).encode("utf-8")


def _earlier_notes(root: Path, paths: tuple[str, ...]) -> bytes | None:
    """The learner's notes from a review's earlier file(s), joined, when any were written."""
    blocks = []
    for path in paths:
        found = _NOTES.search((_read(root / path) or b"").decode("utf-8", "replace"))
        if found is not None:
            blocks.append(found.group(0)[len(NOTES_START) : -len(NOTES_END)].strip("\n"))
    if not blocks:
        return None
    return (f"{NOTES_START}\n" + "\n".join(blocks) + f"\n{NOTES_END}").encode("utf-8")


def collect(root: Path, rendered: Rendered, as_of: dt.date, previous: Manifest, inputs: str | None = None) -> Outputs:
    """Every generated file's bytes; a chart is redrawn only when its key or its file changed."""
    out = Outputs(
        {
            path: keep_learner_notes(_read(root / path) or _earlier_notes(root, rendered.earlier.get(path, ())), data)
            for path, data in rendered.files.items()
        }
    )
    for chart in rendered.charts:
        entry = previous.files.get(chart.path, {})
        existing = _read(root / chart.path)
        if entry.get("key") == chart.key and existing is not None and _sha(existing) == entry.get("sha256"):
            out.files[chart.path] = existing
        else:
            out.files[chart.path] = chart.draw()
            out.redrawn += 1
        out.keys[chart.path] = chart.key
    readme = _read(root / README)
    text = rendered.readme_section
    try:
        if readme is None:
            title = root.resolve().name
            out.files[README] = new_readme(title, text).encode("utf-8")
        else:
            out.files[README] = splice(readme.decode("utf-8"), text).encode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(t("build-readme-not-utf8", path=README, byte=exc.start)) from None
    manifest = Manifest(
        as_of,
        {
            path: {"sha256": _sha(data), **({"key": out.keys[path]} if path in out.keys else {})}
            for path, data in out.files.items()
            if path != README
        },
        inputs,
        _section_sha(out.files[README]),
    )
    out.files[MANIFEST] = manifest.dump()
    return out


def _section_sha(readme: bytes | None) -> str | None:
    from studylog.write.readme import current_section

    if readme is None:
        return None
    try:
        return _sha(current_section(readme.decode("utf-8")).encode("utf-8"))
    except (UnicodeDecodeError, MarkerError):
        return None


def inputs_key(digest: str, as_of: dt.date) -> str:
    """What the generated files depend on: the learner's files, the as-of date and studylog's code."""
    return hashlib.sha256(f"{code_fingerprint()}\0{digest}\0{as_of.isoformat()}".encode()).hexdigest()


def up_to_date(root: Path, previous: Manifest, key: str) -> bool:
    """The committed outputs were built from exactly these inputs and nobody changed them since."""
    if previous.inputs != key or previous.section is None:
        return False
    for path, entry in previous.files.items():
        data = _read(root / path)
        if data is None or _sha(data) != entry.get("sha256"):
            return False
    return _section_sha(_read(root / README)) == previous.section


@dataclass(frozen=True)
class WriteResult:
    written: list[str]
    removed: list[str]
    unchanged: int


def stale(root: Path, outputs: Outputs, previous: Manifest) -> tuple[list[str], list[str]]:
    """(files whose bytes differ from what would be written, generated files that would be removed)."""
    differing = [p for p, data in sorted(outputs.files.items()) if p != MANIFEST and _read(root / p) != data]
    leftover = sorted(p for p in previous.files if p not in outputs.files and (root / p).exists())
    return differing, leftover


def write(root: Path, outputs: Outputs, previous: Manifest) -> WriteResult:
    for path in outputs.files:
        if not is_generated_path(path):  # a programming error; never write outside our places
            raise RuntimeError(f"refusing to write {path}: outside {REPORTS}/ and the README section")
    clobbered = [
        p
        for p, data in sorted(outputs.files.items())
        if p not in (README, MANIFEST)
        and p not in previous.files
        and (existing := _read(root / p)) is not None
        and existing != data
    ]
    if clobbered:
        listed = ", ".join(clobbered[:5]) + (" …" if len(clobbered) > 5 else "")
        raise UsageError(t("build-clobber", paths=listed))
    written = []
    unchanged = 0
    for path, data in sorted(outputs.files.items()):
        if _read(root / path) == data:
            unchanged += 1
            continue
        write_atomic(root / path, data)
        written.append(path)
    removed = []
    for path in sorted(previous.files):
        if path in outputs.files or not is_generated_path(path) or path == README:
            continue
        target = root / path
        current = _read(target)
        if current is not None and _sha(current) == previous.files[path].get(
            "sha256"
        ):  # edited files are the learner's
            target.unlink()
            removed.append(path)
            _prune_empty(target.parent, root / REPORTS)
    return WriteResult(written, removed, unchanged)


def _prune_empty(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


@dataclass(frozen=True)
class BuildReport:
    as_of: dt.date
    written: list[str]
    removed: list[str]
    unchanged: int
    redrawn: int
    stale: list[str]  # --check: generated files that differ from a fresh build
    leftover: list[str]  # --check: generated files a fresh build would remove
    newer_checkins: list[str]  # --check: check-ins dated after the recorded as-of date


def build_repository(
    root: Path, today: dt.date | None, *, check: bool = False
) -> tuple[LoadResult, BuildReport | None]:
    """Validate (links too), then render and write — or with `check`, compare with what is committed.

    Returns the validation result, and no report when validation found errors: nothing is written then.
    """
    from studylog.check.repository import load_repository

    result = load_repository(root, today, links=True)
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
    if up_to_date(root, previous, key):  # nothing to render: the fast path of a build on an unchanged repo
        newer = [c.path for c in repository.checkins if c.date > as_of] if check else []
        return result, BuildReport(as_of, [], [], len(previous.files) + 1, 0, [], [], newer)
    from studylog.progress import compute
    from studylog.render.pages import render_all

    outputs = collect(root, render_all(repository, compute(repository, as_of), missing), as_of, previous, key)
    if check:
        differing, leftover = stale(root, outputs, previous)
        newer = [c.path for c in repository.checkins if c.date > as_of]
        return result, BuildReport(as_of, [], [], 0, outputs.redrawn, differing, leftover, newer)
    done = write(root, outputs, previous)
    return result, BuildReport(as_of, done.written, done.removed, done.unchanged, outputs.redrawn, [], [], [])
