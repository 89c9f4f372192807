"""studylog: a study check-in tracker that lives in a learner's Git repository."""

from __future__ import annotations

import os
import re
from pathlib import Path


def _version() -> str:
    """pyproject.toml's version: the one source, read through the package metadata once installed.

    Run from a checkout (PYTHONPATH=scripts), the checkout's own pyproject.toml wins, so a stale
    installed copy of the metadata never names the wrong version.
    """
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    try:
        text = pyproject.read_text(encoding="utf-8")
    except OSError:
        text = ""
    found = re.search(r'^name\s*=\s*"studylog"\s*\nversion\s*=\s*"([^"]+)"', text, re.M)
    if found:
        return found.group(1)
    # Installed: the metadata folder next to the package is named for the version (what
    # importlib.metadata would read, without importing it: ~40 ms on every command).
    try:
        names = os.listdir(Path(__file__).resolve().parents[1])
    except OSError:
        names = []
    installed = [m.group(1) for n in names if (m := re.fullmatch(r"studylog-([^-]+)\.dist-info", n))]
    if len(installed) == 1:
        return installed[0]
    from importlib import metadata

    try:
        return metadata.version("studylog")
    except metadata.PackageNotFoundError:
        return "0+unknown"


__version__ = _version()
