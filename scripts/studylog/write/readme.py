"""The generated section of README.md: found between two marker lines, replaced, nothing else touched.

Markers are found the way a Markdown renderer sees them — as HTML blocks of their own at the top
level — so a marker quoted in a code block, inside an HTML comment or in a block quote is text.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

from studylog.errors import MarkerError
from studylog.i18n import t
from studylog.write.conflicts import conflict_line, conflict_lines, sides

START = "<!-- studylog:start -->"
END = "<!-- studylog:end -->"
# CommonMark's line ends: a Markdown parser counts lines by these, so offsets must too.
_LINE_END = re.compile(r"\r\n|\r|\n")
_MARKDOWN_README = ("readme.md", "readme.markdown")


def _how_to() -> str:
    return t("readme-how-to", start=START, end=END)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _without_bom(text: str) -> str:
    """The text as a Markdown parser should see it: a BOM (Windows Notepad's) hid a marker on line 1.
    It is one character on the first line, so lines and the offsets of later lines are unchanged."""
    return " " + text[1:] if text.startswith("\ufeff") else text


@functools.cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # Markers are blocks: the inline pass (emphasis, links, … in every table row) is never needed,
    # and skipping it makes finding them ~15× faster on a three-year README.
    return MarkdownIt("commonmark").disable(["inline", "text_join"])


class _Marker:
    """A marker as an HTML block: where its line starts and where the next line starts."""

    def __init__(self, begin: int, after: int) -> None:
        self.begin, self.after = begin, after

    def start(self) -> int:
        return self.begin


def _markers(text: str) -> list[tuple[str, _Marker]]:
    line_starts = [0] + [m.end() for m in _LINE_END.finditer(text)]
    line_starts.append(len(text))
    found = []
    for token in _parser().parse(_without_bom(text)):
        if token.type != "html_block" or token.level != 0 or token.map is None:
            continue
        kind = token.content.strip()
        if kind in (START, END):
            first, last = token.map
            found.append((kind, _Marker(line_starts[first], line_starts[min(last, len(line_starts) - 1)])))
    return found


def _conflict_outside_code(text: str) -> int | None:
    """The line of the first `<<<<<<<` that is not inside a code block (where it is an example)."""
    starts = conflict_lines(text)
    if not starts:
        return None
    code = [
        t.map for t in _parser().parse(_without_bom(text)) if t.type in ("fence", "code_block") and t.map is not None
    ]
    return next((n for n in starts if not any(first < n <= last for first, last in code)), None)


def resolve_merge(current: str) -> str:
    """A README that git's index lists as conflicted (`current`, as the merge and the learner left
    it): its text with every conflict resolved to our side, when every conflict lies inside the
    generated section (the section was rebuilt on both sides: by the workflow on GitHub, by a build
    in the learner's clone), so the build can write the section anew. Everything outside the
    section is `current`'s own, edits made while resolving included. When a conflict reaches the
    learner's own text, MarkerError with its line: only the learner can choose there."""
    line = conflict_line(current) or 1
    try:
        ours, theirs = sides(current)
        (a_begin, a_end), (b_begin, b_end) = find_section(ours), find_section(theirs)
    except MarkerError:
        raise MarkerError(t("readme-conflict-outside", line=line)) from None
    if ours[:a_begin] + ours[a_end:] != theirs[:b_begin] + theirs[b_end:]:
        raise MarkerError(t("readme-conflict-outside", line=line))
    return ours


def _squeezed(comment: str) -> str:
    """A comment as a near miss of a marker compares: no spaces, letter case or full-width forms."""
    return "".join(unicodedata.normalize("NFKC", comment).split()).casefold()


def near_miss(text: str, marker: str) -> MarkerError | None:
    """A comment on a line of its own that is `marker` but for spaces, letter case or full-width
    forms (`<!-- studylog: end -->`, `<!-- studylog：end -->`): the line to fix, and how."""
    lines = _without_bom(text).split("\n")
    for token in _parser().parse(_without_bom(text)):
        if token.type != "html_block" or token.map is None or token.content.strip() == marker:
            continue
        if _squeezed(token.content.strip()) == _squeezed(marker):
            line = token.map[0] + 1
            return MarkerError(t("readme-marker-near-miss", line=line, written=lines[line - 1].strip(), marker=marker))
    return None


def find_section(text: str) -> tuple[int, int]:
    """The span strictly between the end of the start marker line and the start of the end marker."""
    found = _markers(text)
    starts = [m for kind, m in found if kind == START]
    ends = [m for kind, m in found if kind == END]
    for marker, matches in ((START, starts), (END, ends)):
        if not matches and (near := near_miss(text, marker)) is not None:
            raise near
    if not starts and not ends:
        raise MarkerError(t("readme-no-markers", how_to=_how_to()))
    for name, matches in ((START, starts), (END, ends)):
        if len(matches) > 1 and (conflicted := _conflict_outside_code(text)) is not None:
            raise MarkerError(t("readme-conflict", line=conflicted))
        if len(matches) > 1:
            lines = ", ".join(str(_line(text, m.start())) for m in matches)
            raise MarkerError(t("readme-marker-repeated", marker=name, lines=lines))
        if not matches:  # (not `studylog init`: it leaves a broken pair for the learner to mend)
            other, present = (starts[0], START) if starts else (ends[0], END)
            where = t("readme-one-marker.below" if present == START else "readme-one-marker.above")
            line = _line(text, other.start())
            raise MarkerError(t("readme-one-marker", found=present, line=line, marker=name, where=where))
    start, end = starts[0], ends[0]
    if end.start() < start.start():
        raise MarkerError(
            t(
                "readme-marker-order",
                end=END,
                end_line=_line(text, end.start()),
                start=START,
                start_line=_line(text, start.start()),
            )
        )
    return start.after, end.start()


def splice(text: str, section: str) -> str:
    """`text` with the generated section replaced by `section`; every other byte is kept."""
    begin, finish = find_section(text)
    newline = "\r\n" if text[:begin].endswith("\r\n") else "\r" if text[:begin].endswith("\r") else "\n"
    body = section if section.endswith("\n") else section + "\n"
    if newline != "\n":
        body = body.replace("\n", newline)
    return text[:begin] + body + text[finish:]


def new_readme(title: str, section: str) -> str:
    return f"# {title}\n\n{START}\n{section.rstrip(chr(10))}\n{END}\n"


def current_section(text: str) -> str:
    begin, finish = find_section(text)
    return text[begin:finish]


def locate_readme(root: Path) -> str:
    """The README GitHub shows on the repository page, if studylog can keep it: a Markdown README
    at the root in any letter case (README.md when there is none). Raises MarkerError when GitHub
    would show another file, where the dashboard would never appear."""
    github = root / ".github"
    if github.is_dir() and not github.is_symlink():
        shown = sorted(n for n in os.listdir(github) if n.casefold().split(".")[0] == "readme")
        if shown:
            raise MarkerError(t("readme-shadowed", path=f".github/{shown[0]}"))
    names = sorted(os.listdir(root))
    if "README.md" in names:
        return "README.md"
    markdown = [n for n in names if n.casefold() in _MARKDOWN_README]
    if markdown:
        return markdown[0]
    other = [n for n in names if n.casefold().split(".")[0] == "readme"]
    if other:
        raise MarkerError(t("readme-not-markdown", path=other[0]))
    return "README.md"
