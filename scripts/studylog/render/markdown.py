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


# A bare URL GitHub turns into a link by itself (GFM's extended autolinks). Inside one a backslash
# escape is not an escape: it lands in the href (`Adam%5C_(optimizer)`), so URLs are left as written.
_AUTOLINK = re.compile(r"(?<![\w/.@])(?:https?://|www\.)[^\s<]+", re.IGNORECASE)
_TRAILING = "?!.,:*_~"
# A character right after a bare URL cannot take a backslash escape: GitHub would make the
# backslash part of the URL. A named entity is never part of one (GFM's trailing-entity rule).
_AFTER_URL = {
    "*": "&ast;",
    "_": "&lowbar;",
    "~": "&tilde;",
    "$": "&dollar;",
    "|": "&verbar;",
    "`": "&grave;",
    "[": "&lsqb;",
    "]": "&rsqb;",
    "\\": "&bsol;",
}
# Inside a URL these would still mean something to Markdown (links, code, tables, math,
# escapes): percent-encoded, they mean the same to the web server and nothing to Markdown.
_URL_ENCODED = {c: f"%{ord(c):02X}" for c in "[]`|$\\>"}


def _autolink_end(url: str) -> str:
    """GFM's trailing-punctuation rule: what follows a bare URL but is not part of it."""
    while url:
        if url[-1] in _TRAILING or (url[-1] == ")" and url.count(")") > url.count("(")):
            url = url[:-1]
        elif entity := re.search(r"&[A-Za-z0-9]+;$", url):
            url = url[: entity.start()]
        else:
            return url
    return url


def _plain(value: str) -> str:
    return html.escape(_SPECIAL.sub(r"\\\1", value), quote=False)


def _plain_after_url(value: str, after_url: bool) -> str:
    if after_url and value and value[0] in _AFTER_URL:
        return _AFTER_URL[value[0]] + _plain(value[1:])
    return _plain(value)


@functools.lru_cache(maxsize=65536)
def text(value: str) -> str:
    """Inline Markdown for one line of learner text; bare URLs stay clickable as written (remembered:
    a build shows the same titles and notes on the README, the dashboard and the weekly reviews)."""
    one_line = " ".join(value.split())
    parts, position = [], 0
    for match in _AUTOLINK.finditer(one_line):
        url = _autolink_end(match.group(0))
        if "." not in url.split("//", 1)[-1]:
            continue  # no domain: GitHub does not link it, so it is plain text
        parts.append(_plain_after_url(one_line[position : match.start()], position > 0))
        parts.append("".join(_URL_ENCODED.get(c, c) for c in url))
        position = match.start() + len(url)
    parts.append(_plain_after_url(one_line[position:], position > 0))
    escaped = "".join(parts)
    # `- x` becomes `\- x`; `1. x` becomes `1\. x` (a backslash before a digit escapes nothing).
    return _LINE_START.sub(
        lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2).isdigit() else "\\" + m.group(2)), escaped
    )


def code(value: str, *, in_table: bool = False) -> str:
    """A code span holding `value` literally, whatever backticks it contains; in a table cell the
    pipes are escaped too (GFM reads `\\|` as a pipe even inside code)."""
    one_line = " ".join(value.split()) or " "
    longest = max((len(run) for run in re.findall(r"`+", one_line)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if one_line.startswith("`") or one_line.endswith("`") else ""
    body = one_line.replace("|", "\\|") if in_table else one_line
    return f"{fence}{pad}{body}{pad}{fence}"


def code_cell(value: str) -> str:
    return code(value, in_table=True)


_MENTION = re.compile(r"(?<![\w&])([@#])(?=[A-Za-z0-9])")


def no_mentions(markdown_text: str) -> str:
    """Markdown for a pull-request comment: `@name` and `#1` in it notify nobody and link nothing
    (a zero-width space after `@`/`#`, as dependency bots do; it works inside code spans too)."""
    return _MENTION.sub("\\1\u200b", markdown_text)


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
