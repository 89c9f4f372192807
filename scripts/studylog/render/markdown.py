"""Writing learner text into Markdown and HTML safely: nothing they type can break a table,
start a list, run a script or turn into a link they did not write."""

from __future__ import annotations

import functools
import html
import posixpath
import re

# ASCII punctuation that opens or closes inline Markdown anywhere in a line: code, emphasis,
# links and images (`(` and `!` only matter next to a bracket), GFM tables (`|`), strikethrough
# (`~`) and GitHub's math (`$`). A backslash makes each one literal.
_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")
# What only matters at the start of a line: lists, headings, block quotes, setext underlines.
_LINE_START = re.compile(r"^(\s*)([-+#=>]|\d+(?=[.)]))")
# Characters a URL may carry as they are; everything else ASCII is percent-encoded.
_URL_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/!$&'*+,;=:@")


@functools.lru_cache(maxsize=65536)
def text(value: str) -> str:
    """Inline Markdown for one line of learner text (remembered: a build shows the same titles
    and notes on the README, the dashboard and the weekly reviews)."""
    one_line = " ".join(value.split())
    escaped = _SPECIAL.sub(r"\\\1", one_line)
    escaped = html.escape(escaped, quote=False)
    # `- x` becomes `\- x`; `1. x` becomes `1\. x` (a backslash before a digit escapes nothing).
    return _LINE_START.sub(
        lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2).isdigit() else "\\" + m.group(2)), escaped
    )


def cell(value: str) -> str:
    """A GFM table cell: lines become `<br>`, so a newline cannot end the row."""
    return "<br>".join(text(line) for line in value.splitlines() if line.strip())


@functools.cache
def _needs_encoding(keep: str) -> re.Pattern[str]:
    """ASCII characters outside `_URL_SAFE` and `keep`: a part without any is returned as it is."""
    safe = "".join(sorted(_URL_SAFE | set(keep)))
    return re.compile(f"[^{re.escape(safe)}\\x80-\\U0010ffff]")


@functools.lru_cache(maxsize=65536)
def _encode(part: str, keep: str = "") -> str:
    if _needs_encoding(keep).search(part) is None:
        return part
    out = []
    for char in part:
        if char in _URL_SAFE or char in keep or ord(char) > 127:
            out.append(char)
        else:
            out.extend(f"%{byte:02X}" for byte in char.encode("utf-8"))
    return "".join(out)


@functools.lru_cache(maxsize=4096)
def _relative_folder(folder: str, from_dir: str) -> str:
    return posixpath.relpath(folder or ".", from_dir or ".")


def _relative(path: str, from_dir: str) -> str:
    """`posixpath.relpath(path, from_dir)`, computed once per pair of folders: a build makes tens
    of thousands of links from a handful of output folders into a handful of repository folders."""
    folder, name = posixpath.split(path)
    plain = name not in ("", ".", "..") and "/./" not in f"/{folder}/" and "/../" not in f"/{folder}/"
    inside = from_dir == path or from_dir.startswith(path + "/")  # the path is from_dir or above it
    if not plain or inside or "//" in path:
        return posixpath.relpath(path or ".", from_dir or ".")
    prefix = _relative_folder(folder, from_dir)
    return name if prefix == "." else f"{prefix}/{name}"


@functools.lru_cache(maxsize=65536)
def href(target: str, web: bool, from_dir: str = "") -> str:
    """A link destination: a URL as it is (encoded where unsafe), or a repository path made
    relative to the folder of the page that shows it."""
    if web:
        return _encode(target, keep="?#%")  # the query, fragment and the learner's own %-escapes stay
    path, _, fragment = target.partition("#")
    relative = _relative(path, from_dir)
    if path == "" or relative == ".":
        relative = "./"
    encoded = _encode(relative)
    return encoded + (f"#{_encode(fragment)}" if fragment else "")


def link(label: str, target: str, web: bool, from_dir: str = "") -> str:
    return f"[{text(label)}](<{href(target, web, from_dir)}>)"


def html_text(value: str) -> str:
    return html.escape(value, quote=True)


_WIDE = re.compile(r"(?<=[\u2e80-\u9fff\uff00-\uffef])(?=[\u2e80-\u9fff\uff00-\uffef])")


def nobreak(value: str) -> str:
    """Short text that must stay on one line in a squeezed table column (a date, a status, a count):
    hyphens become non-breaking hyphens, spaces no-break spaces, and a word joiner holds Chinese together."""
    return _WIDE.sub("\u2060", value.replace("-", "\u2011").replace(" ", "\u00a0"))
