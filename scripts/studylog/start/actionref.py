"""Which studylog action a learner's workflow uses: one answer, from the package's own metadata.

The repository comes from the package's `Repository` project URL (pyproject.toml); the revision
from, in order: the commit pip recorded for a git-URL install, the commit a release build baked in
(`RELEASE_COMMIT`, written by release.yml), the commit of the studylog checkout being run (when
it is a clone of studylog, not a learner's copy of the template), and
last the major version tag that release.yml moves (`v0`). A full commit SHA is preferred: it
cannot move under the learner, and zizmor accepts only that for third-party actions.
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import tomllib
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from studylog import __version__
from studylog.i18n import t

DISTRIBUTION = "studylog"
RELEASE_COMMIT_FILE = "RELEASE_COMMIT"  # inside the package; release.yml writes the tag's commit
_GITHUB = re.compile(r"^https://github\.com/([\w.-]+/[\w.-]+?)(?:\.git)?/?$")
_SHA = re.compile(r"^[0-9a-f]{40}$")
ACTION_FORMAT = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@(?:[0-9a-f]{40}|v\d+(?:\.\d+){0,2})$")


@dataclass(frozen=True)
class ActionRef:
    reference: str  # what `uses:` gets, e.g. owner/studylog@<sha>
    source: str  # where the revision came from, in words for `init` to print

    @property
    def pinned(self) -> bool:
        return bool(_SHA.match(self.reference.rsplit("@", 1)[-1]))


def _source_tree() -> Path | None:
    """The studylog checkout this code runs from (scripts/studylog → the repository root), if any."""
    root = Path(__file__).resolve().parents[3]
    return root if (root / "pyproject.toml").is_file() and (root / "action.yml").is_file() else None


def repository_slug() -> str:
    """OWNER/NAME of studylog on GitHub, from the installed metadata or the checkout's pyproject.toml."""
    urls: list[str] = []
    with contextlib.suppress(metadata.PackageNotFoundError):
        urls = [u.split(",", 1)[1].strip() for u in metadata.metadata(DISTRIBUTION).get_all("Project-URL") or []]
    tree = _source_tree()
    if tree is not None:
        project = tomllib.loads((tree / "pyproject.toml").read_text(encoding="utf-8"))["project"]
        urls = [project.get("urls", {}).get("Repository", ""), *urls]
    for url in urls:
        found = _GITHUB.match(url)
        if found:
            return found.group(1)
    raise LookupError(t("actionref.no-repository"))


def _git_url_commit() -> str | None:
    try:
        raw = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if not raw:
        return None
    commit = json.loads(raw).get("vcs_info", {}).get("commit_id", "")
    return commit if _SHA.match(commit) else None


def _release_commit() -> str | None:
    try:
        text = resources.files("studylog").joinpath(RELEASE_COMMIT_FILE).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, OSError):
        return None
    return text if _SHA.match(text) else None


def _checkout_commit(slug: str) -> str | None:
    """HEAD of the studylog checkout being run — unless its remotes show it is another repository
    (a learner's copy of the template): that commit does not exist in studylog's."""
    tree = _source_tree()
    if tree is None:
        return None
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=tree, capture_output=True, text=True, check=False)
    commit = head.stdout.strip()
    if head.returncode != 0 or not _SHA.match(commit):
        return None
    remotes = subprocess.run(["git", "remote", "-v"], cwd=tree, capture_output=True, text=True, check=False).stdout
    if remotes.strip() and slug.lower() not in remotes.lower():
        return None
    return commit


def action_reference() -> ActionRef:
    slug = repository_slug()
    for commit, source in (
        (_git_url_commit(), t("actionref.pip-commit")),
        (_release_commit(), t("actionref.release-commit", version=__version__)),
        (_checkout_commit(slug), t("actionref.checkout-commit")),
    ):
        if commit:
            return ActionRef(f"{slug}@{commit}", source)
    major = __version__.split(".", 1)[0]
    return ActionRef(f"{slug}@v{major}", t("actionref.major-tag", major=major))
