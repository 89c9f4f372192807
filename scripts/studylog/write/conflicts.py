"""Files `git merge` left conflicted: where a conflict starts, each side's text of a file that has
git's markers (the manifest's recovery), and each side exactly as git's index holds it (stages 1, 2
and 3), which says whether a conflicted file holds only what the merge wrote."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import NamedTuple

from studylog.errors import MarkerError
from studylog.i18n import t

# The lines git writes around a conflict: `<<<<<<< ours`, `||||||| base` (diff3), `=======`,
# `>>>>>>> theirs`, each at the start of a line. Only `<<<<<<<` starts one: `=======` alone is a
# Markdown heading's underline.
_MARKER = re.compile(r"^(<{7}|\|{7}|={7}|>{7})(?=[ \t\r\n]|$)")
_MARKER_LINE = re.compile(rb"^(?:<{7}|\|{7}|={7}|>{7})(?:[ \t].*)?\r?$")
_START = re.compile(r"^<{7}(?=[ \t\r\n]|$)", re.M)
# marker → (the part it may follow, the part it starts)
_PARTS = {
    "<" * 7: ("both", "ours"),
    "|" * 7: ("ours", "base"),
    "=" * 7: ("ours", "theirs"),
    ">" * 7: ("theirs", "both"),
}


def marker_line(line: bytes) -> bool:
    """Whether `line` is one of git's conflict marker lines."""
    return _MARKER_LINE.match(line) is not None


def conflict_line(text: str) -> int | None:
    """The first line that looks like the start of git's merge conflict (`<<<<<<<`), if any. (Only
    git's index says whether it is one: see `merge_stages`.)"""
    found = _START.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else None


def conflict_lines(text: str) -> list[int]:
    """Every line that looks like the start of a conflict, as `conflict_line` finds the first."""
    return [text.count("\n", 0, found.start()) + 1 for found in _START.finditer(text)]


def sides(text: str) -> tuple[str, str]:
    """The text as each side of a merge had it: `<<<<<<<` … `=======` ours, `=======` … `>>>>>>>`
    theirs, a diff3 base dropped; `text` twice when it has no conflict. Raises MarkerError at
    markers that do not pair up."""
    ours: list[str] = []
    theirs: list[str] = []
    state = "both"
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        marker = _MARKER.match(line)
        if marker and (state != "both" or marker.group(1) == "<" * 7):
            before, after = _PARTS[marker.group(1)]
            if state != before and not (marker.group(1) == "=" * 7 and state == "base"):
                raise MarkerError(t("readme-conflict-broken", line=number))
            state = after
            continue
        if state in ("both", "ours"):
            ours.append(line)
        if state in ("both", "theirs"):
            theirs.append(line)
    if state != "both":
        raise MarkerError(t("readme-conflict-broken", line=text.count("\n") + 1))
    return "".join(ours), "".join(theirs)


class Stages(NamedTuple):
    """A file git left unmerged, as its index holds each version."""

    base: bytes  # stage 1, the common ancestor's (empty when the file is new on both sides)
    ours: bytes  # stage 2
    theirs: bytes  # stage 3

    def made(self, current: bytes) -> bool:
        """Whether `current` holds only what the merge wrote: every line is one of the three
        versions' lines or one of git's marker lines. A line the learner typed while resolving makes
        it theirs. (Line ends are compared without `\\r`: a checkout may have turned LF into CRLF.)"""
        known = {line.rstrip(b"\r") for blob in (self.base, self.ours, self.theirs) for line in blob.split(b"\n")}
        return all(line.rstrip(b"\r") in known or marker_line(line) for line in current.split(b"\n"))


def merge_stages(root: Path, *paths: str) -> dict[str, Stages]:
    """The files under `paths` (relative to `root`) that git lists as unmerged with both our and
    their version: path → Stages. Empty when there are none, or git cannot say (no repository)."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--unmerged", "-z", "--", *paths], cwd=root, capture_output=True, timeout=60
        )
        if listed.returncode != 0:
            return {}
        stages: dict[str, dict[bytes, bytes]] = {}
        for record in listed.stdout.split(b"\0"):
            meta, _, name = record.partition(b"\t")
            if len(fields := meta.split()) == 3:  # mode, object, stage; the name is relative to `root`
                stages.setdefault(name.decode("utf-8", "surrogateescape"), {})[fields[2]] = fields[1]
        wanted = {path: found for path, found in stages.items() if b"2" in found and b"3" in found}
        if not wanted:
            return {}
        objects = b"".join(sha + b"\n" for found in wanted.values() for sha in found.values())
        shown = subprocess.run(["git", "cat-file", "--batch"], cwd=root, input=objects, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return {}
    blobs = _blobs(shown.stdout)
    return {
        path: Stages(blobs.get(found.get(b"1", b""), b""), blobs[found[b"2"]], blobs[found[b"3"]])
        for path, found in wanted.items()
        if found[b"2"] in blobs and found[b"3"] in blobs
    }


def _blobs(out: bytes) -> dict[bytes, bytes]:
    """`git cat-file --batch`'s answer: `SHA blob SIZE`, the bytes, a newline, for each object."""
    blobs: dict[bytes, bytes] = {}
    at = 0
    try:
        while at < len(out):
            header_end = out.index(b"\n", at)
            sha, kind, size = out[at:header_end].split()
            if kind != b"blob":
                return {}
            blobs[sha] = out[header_end + 1 : header_end + 1 + int(size)]
            at = header_end + 1 + int(size) + 1
    except ValueError:  # `SHA missing`, or not what git writes: trust nothing
        return {}
    return blobs
