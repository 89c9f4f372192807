"""How GitHub resolves a link written in a file, checked against the plain definition."""

from __future__ import annotations

import posixpath

from hypothesis import assume, given
from hypothesis import strategies as st

from studylog.linkpath import Problem, Target, resolve

PARTS = st.sampled_from(["", ".", "..", "docs", "a b", ".github", "笔记", "x.md", "%E7%AC%94.md", "..x", "x.."])


def _expected(target: str, source: str) -> tuple[str, bool] | None:
    """The definition: join to the source's folder (or the root for `/…`), normalise, refuse above the root."""
    path = target.partition("#")[0].partition("?")[0]
    from urllib.parse import unquote

    path = unquote(path)
    if not path:
        return source, True
    base = "" if path.startswith("/") else posixpath.dirname(source)
    depth = 0
    for part in [*(base.split("/") if base else []), *path.lstrip("/").split("/")]:
        depth += -1 if part == ".." else 0 if part in ("", ".") else 1
        if depth < 0:
            return None
    return posixpath.normpath(posixpath.join("/", base, path.lstrip("/"))).lstrip("/"), False


@given(
    st.lists(PARTS, max_size=5),
    st.booleans(),
    st.lists(PARTS.filter(lambda p: p not in ("", ".", "..")), min_size=1, max_size=3),
    st.sampled_from(["", "#h", "#第一步", "?x=1#L3"]),
)
def test_a_link_resolves_as_its_definition_says(parts: list[str], absolute: bool, folder: list[str], tail: str) -> None:
    target = ("/" if absolute else "") + "/".join(parts) + tail
    assume(not target.startswith("//"))  # a network-path reference (`//host/x`): a web link, not a path
    source = "/".join(folder) + "/2026-01-05.yaml"
    found = resolve(target, source)
    expected = _expected(target, source)
    if expected is None:
        assert isinstance(found, Problem) and found.code == "link-outside-repo"
    else:
        assert isinstance(found, Target), found
        assert (found.path, found.same_file) == expected
