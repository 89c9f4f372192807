"""Git's merge-conflict markers in a file studylog writes into: where a conflict starts, and the
text as each side of the merge had it."""

from __future__ import annotations

import re

from studylog.errors import MarkerError
from studylog.i18n import t

# The lines git writes around a conflict: `<<<<<<< ours`, `||||||| base` (diff3), `=======`,
# `>>>>>>> theirs`, each at the start of a line. Only `<<<<<<<` starts one: `=======` alone is a
# Markdown heading's underline.
_MARKER = re.compile(r"^(<{7}|\|{7}|={7}|>{7})(?=[ \t\r\n]|$)")
_START = re.compile(r"^<{7}(?=[ \t\r\n]|$)", re.M)
# marker → (the part it may follow, the part it starts)
_PARTS = {
    "<" * 7: ("both", "ours"),
    "|" * 7: ("ours", "base"),
    "=" * 7: ("ours", "theirs"),
    ">" * 7: ("theirs", "both"),
}


def conflict_line(text: str) -> int | None:
    """The line where git's first merge conflict starts in `text` (`<<<<<<<`), if there is one."""
    found = _START.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else None


def sides(text: str) -> tuple[str, str]:
    """The text as each side of a merge had it: `<<<<<<<` … `=======` ours, `=======` … `>>>>>>>`
    theirs, a diff3 base dropped; `text` twice when it has no conflict. Raises MarkerError (the
    README's words) at markers that do not pair up."""
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
