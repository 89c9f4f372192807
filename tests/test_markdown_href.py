"""Repository links in generated pages: relative to the page's folder, exactly as relpath makes them."""

from __future__ import annotations

import itertools
import posixpath

from studylog.render.markdown import href

PATHS = [
    "",
    "README.md",
    "docs/note.md",
    "docs/deep/a b.md",
    "reports",
    "reports/weeks",
    "reports/weeks/2026-W02.md",
    "reports/charts/burnup.svg",
    "code/week1/day1/task.py",
    "docs/../code/x.py",
    "docs/./x.md",
    "docs/",
    "a//b.md",
    "..",
]
FOLDERS = ["", ".", "reports", "reports/weeks", "docs", "docs/deep", "code/week1/day1", "reports/weeks/2026-W02.md"]


def test_each_link_is_what_relpath_gives_from_each_page_folder() -> None:
    for path, folder in itertools.product(PATHS, FOLDERS):
        expected = posixpath.relpath(path or ".", folder or ".")
        expected = "./" if path == "" or expected == "." else expected
        got = href(path + "#frag", web=False, from_dir=folder)
        assert got.rsplit("#", 1)[0] == href_encoded(expected), (path, folder)


def href_encoded(relative: str) -> str:
    # href percent-encodes what a URL cannot carry (here only the space)
    return relative.replace(" ", "%20")
