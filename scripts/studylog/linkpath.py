"""How GitHub resolves a link written in a file of the repository: pure, no disk, no git.

`/x` is the repository root and `x`, `../x` are relative to the file that holds the link;
nothing may resolve outside the repository. Used by check (are the links right?), render (where
does a link point from a generated page?) and start (which imported links can be kept?).
"""

from __future__ import annotations

import posixpath
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from studylog.diagnostics import Severity
from studylog.i18n import t

WEB_SCHEMES = frozenset({"http", "https"})


class Problem(NamedTuple):
    code: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR


class Target(NamedTuple):
    """A link resolved inside the repository: a root-relative POSIX path ('' is the root)."""

    path: str
    fragment: str  # percent-decoded, without '#'
    raw_fragment: str
    same_file: bool = False  # a bare `#anchor`: the file holding the link, which surely exists


def _plain_path(target: str) -> bool:
    """True when `target` has no scheme, no host and nothing urlsplit would strip: the common case
    (`/docs/x.md#h`, `../code/y.py`), split by hand because urlsplit is most of the cost."""
    return ":" not in target and not target.startswith("//") and target.isprintable() and target == target.strip()


def is_web(target: str) -> bool:
    return not _plain_path(target) and urlsplit(target).scheme.lower() in WEB_SCHEMES


def resolve(target: str, source: str) -> Target | Problem:
    """Resolve `target` as written in the file `source` (root-relative), without touching disk."""
    if "\\" in target:
        return Problem("link-outside-repo", t("link-backslash", target=target), t("hint.link-backslash"))
    if _plain_path(target):
        rest, _, raw_fragment = target.partition("#")
        return _resolved(target, source, rest.partition("?")[0], raw_fragment)
    parts = urlsplit(target)
    scheme = parts.scheme.lower()
    if len(scheme) == 1 or scheme == "file" or target.startswith("~"):
        return Problem(
            "link-outside-repo",
            t("link-local-file", target=target),
            t("hint.link-in-repo"),
        )
    if scheme:
        return Problem(
            "link-bad-scheme",
            t("link-scheme", scheme=scheme),
            t("hint.link-scheme"),
        )
    if parts.netloc:
        return Problem("link-bad-scheme", t("link-no-scheme", target=target), t("hint.link-no-scheme", target=target))
    return _resolved(target, source, parts.path, parts.fragment)


def _resolved(target: str, source: str, raw_path: str, raw_fragment: str) -> Target | Problem:
    path = unquote(raw_path)
    base = "" if path.startswith("/") else posixpath.dirname(source)
    if ".." in path and _escapes(base, path):
        return Problem(
            "link-outside-repo",
            t("link-outside", target=target),
            t("hint.link-outside"),
        )
    return Target(_joined(base, path, source), unquote(raw_fragment), raw_fragment, same_file=not path)


def _joined(base: str, path: str, source: str) -> str:
    """`path` (as written in a file in folder `base`) as a root-relative path, normalised."""
    if not path:
        return source
    plain = f"{base}/{path}" if base else path.lstrip("/")
    # Already normal (no `.` or `..` part, no empty part, no trailing slash): the common case, and
    # what normpath would return unchanged; a part merely starting with a dot takes the long way.
    if "/." not in plain and "//" not in plain and not plain.startswith(".") and not plain.endswith("/"):
        return plain
    return posixpath.normpath(posixpath.join("/", base, path.lstrip("/"))).lstrip("/")


def _escapes(base: str, path: str) -> bool:
    depth = 0
    for part in [*(base.split("/") if base and not path.startswith("/") else []), *path.split("/")]:
        if part == "..":
            depth -= 1
            if depth < 0:
                return True
        elif part not in ("", "."):
            depth += 1
    return False


def folders(path: str) -> list[str]:
    """`a/b/c.md` → [`a/b`, `a`]."""
    parts = path.split("/")
    return ["/".join(parts[:end]) for end in range(len(parts) - 1, 0, -1)]
