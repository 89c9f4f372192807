"""Links a check-in cites, checked end to end in real temporary git repositories.

Each case is a check-in a learner could commit; the test runs `studylog validate --format json`
and asserts the file, line, column, code and suggestion of what it reports.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import REPO_ROOT, run_cli, write_repo

# Links resolve against what git tracks: nearly every test commits a real repository.
pytestmark = [pytest.mark.git]

PLAN = """\
title: Links
start: 2026-01-05
timezone: Asia/Shanghai
phases:
  - id: p1
    title: Phase 1
    weeks:
      - id: w1
        items:
          - {id: w1d1, title: Day 1, day: 1}
"""

NOTES = """\
---
title: front matter is not a heading
---
# 阶段1 笔记

## Day3 极大似然vs贝叶斯

## 第一步：安装（CUDA、驱动）

## Mixed 中文 and English

## 🚀 Launch day

## Repeat

## Repeat

## The `torch.compile` and [Triton](https://triton-lang.org) way

Setext heading
--------------

<a name="custom-anchor"></a>
<div id="box">text</div>

```markdown
## Not a heading, inside a fence
```
"""

CODE = "import torch\n\n\ndef main():\n    return 1\n"  # 5 lines


def git(root: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A committed learner repository with notes, code, an ignored file and an untracked one."""
    write_repo(
        tmp_path,
        {
            "plan.yaml": PLAN,
            "docs/phase1-notes.md": NOTES,
            "docs/笔记 一.md": "# 你好\n",
            "code/week1/day1/matrix_eigen.py": CODE,
            "code/README.txt": "plain text\n",
            ".gitignore": "*.log\n",
        },
    )
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "start")
    write_repo(tmp_path, {"code/draft.py": "x = 1\n", "code/train.log": "loss 1.0\n"})
    return tmp_path


def validate(root: Path, *links: str) -> list[tuple[int, int, str, str, str]]:
    """Commit a check-in citing `links`, one per line from line 4; return (line, col, code, msg, hint)."""
    lines = "".join(f"  - {json.dumps(link, ensure_ascii=False)}\n" for link in links)
    write_repo(root, {"checkins/2026/2026-01-05.yaml": f"date: 2026-01-05\nstatus: done\nlinks:\n{lines}"})
    result = run_cli("validate", str(root), "--format", "json", "--today", "2026-01-05")
    assert "Traceback" not in result.stderr
    found = json.loads(result.stdout)["diagnostics"]
    assert result.returncode == (1 if any(d["severity"] == "error" for d in found) else 0)
    assert all(d["path"] == "checkins/2026/2026-01-05.yaml" for d in found)
    return [(d["line"], d["column"], d["code"], d["message"], d["hint"]) for d in found]


def test_links_that_github_resolves_pass(repo: Path) -> None:
    assert (
        validate(
            repo,
            "/code/week1/day1/matrix_eigen.py",
            "../../code/week1/day1/matrix_eigen.py",  # relative to checkins/2026/
            "./../../docs/phase1-notes.md",
            "/docs/%E7%AC%94%E8%AE%B0%20%E4%B8%80.md",  # percent-encoded
            "/docs/笔记 一.md#你好",  # raw Unicode
            "/code",  # a folder with tracked files
            "/code/",
            "/",
            "/docs/phase1-notes.md#day3-极大似然vs贝叶斯",
            "/docs/phase1-notes.md#day3-%E6%9E%81%E5%A4%A7%E4%BC%BC%E7%84%B6vs%E8%B4%9D%E5%8F%B6%E6%96%AF",
            "/docs/phase1-notes.md#第一步安装cuda驱动",
            "/docs/phase1-notes.md#mixed-中文-and-english",
            "/docs/phase1-notes.md#-launch-day",
            "/docs/phase1-notes.md#repeat",
            "/docs/phase1-notes.md#repeat-1",
            "/docs/phase1-notes.md#the-torchcompile-and-triton-way",
            "/docs/phase1-notes.md#setext-heading",
            "/docs/phase1-notes.md#custom-anchor",
            "/docs/phase1-notes.md#box",
            "/code/week1/day1/matrix_eigen.py#L5",
            "/code/week1/day1/matrix_eigen.py#L2-L4",
            "/code/week1/day1/matrix_eigen.py?plain=1#L1",
            "https://example.com/not-checked-without-external",
        )
        == []
    )


@pytest.mark.parametrize(
    ("link", "code", "message", "hint"),
    [
        (
            "/code/week1/day1/matrix_eigne.py",
            "link-missing-file",
            "`/code/week1/day1/matrix_eigne.py` does not exist in the repository",
            "did you mean `/code/week1/day1/matrix_eigen.py`?",
        ),
        (
            "/week1/day1/matrix_eigen.py",
            "link-missing-file",
            "`/week1/day1/matrix_eigen.py` does not exist in the repository",
            "did you mean `/code/week1/day1/matrix_eigen.py`?",
        ),
        (  # relative: it said "`code/…` does not exist", and the file does, from the root
            "code/week1/day1/matrix_eigen.py",
            "link-missing-file",
            "`code/week1/day1/matrix_eigen.py` does not exist: a link without a leading `/` starts at the"
            " check-in's folder, so it points to /checkins/2026/code/week1/day1/matrix_eigen.py",
            "did you mean `/code/week1/day1/matrix_eigen.py`?",
        ),
        (
            "/Code/week1/day1/matrix_eigen.py",
            "link-wrong-case",
            "`/Code/week1/day1/matrix_eigen.py` is not in the repository, but `/code/week1/day1/matrix_eigen.py` "
            "is: GitHub treats letter case as different",
            "did you mean `/code/week1/day1/matrix_eigen.py`?",
        ),
        (
            "/code/draft.py",
            "link-untracked",
            "`/code/draft.py` is on your disk but not committed, so it is missing on GitHub",
            "commit it: `git add code/draft.py`",
        ),
        (
            "/code/train.log",
            "link-untracked",
            "`/code/train.log` is ignored by git (.gitignore:1:*.log), so it is missing on GitHub",
            "remove the rule that ignores it, or link to a committed file",
        ),
        (
            "../../../secrets.txt",
            "link-outside-repo",
            "`../../../secrets.txt` leads outside the repository",
            "links must stay inside the repository; `/` is its root",
        ),
        (
            "/../etc/passwd",
            "link-outside-repo",
            "`/../etc/passwd` leads outside the repository",
            "links must stay inside the repository; `/` is its root",
        ),
        (
            "code\\week1\\day1\\matrix_eigen.py",
            "link-outside-repo",
            "`code\\week1\\day1\\matrix_eigen.py` contains a backslash",
            "write paths with `/`, as GitHub does",
        ),
        (
            "C:/Users/me/notes.md",
            "link-outside-repo",
            "`C:/Users/me/notes.md` points at a file on your computer, which nobody on GitHub can open",
            "link to the file's path inside the repository, e.g. `/code/week1/day1/task.py`",
        ),
        (
            "file:///home/me/notes.md",
            "link-outside-repo",
            "`file:///home/me/notes.md` points at a file on your computer, which nobody on GitHub can open",
            "link to the file's path inside the repository, e.g. `/code/week1/day1/task.py`",
        ),
        (
            "/home/me/study/code/a.py",
            "link-outside-repo",
            "`/home/me/study/code/a.py` looks like a path on your computer; on GitHub `/` is the repository root",
            "link to the file's path inside the repository, e.g. `/code/week1/day1/task.py`",
        ),
        (
            "javascript:alert(1)",
            "link-bad-scheme",
            "`javascript:` links are not allowed; only http(s) links and paths in the repository",
            "use an https:// address or a path such as `/docs/notes.md#heading`",
        ),
        (
            "//example.com/x",
            "link-bad-scheme",
            "`//example.com/x` has no scheme",
            "write it as `https://example.com/x`",
        ),
        (
            "/docs/phase1-notes.md#day3-极大似然-vs-贝叶斯",
            "link-missing-anchor",
            "`#day3-极大似然-vs-贝叶斯` is not a heading in /docs/phase1-notes.md",
            "did you mean `#day3-极大似然vs贝叶斯`?",
        ),
        (
            "/docs/phase1-notes.md#Repeat",
            "link-missing-anchor",
            "`#Repeat` differs only in letter case from a heading in /docs/phase1-notes.md",
            "GitHub's heading anchors are lower-case: use `#repeat`",
        ),
        (
            "/docs/phase1-notes.md#not-a-heading-inside-a-fence",
            "link-missing-anchor",
            "`#not-a-heading-inside-a-fence` is not a heading in /docs/phase1-notes.md",
            "its anchors are `#阶段1-笔记`, `#day3-极大似然vs贝叶斯`, `#第一步安装cuda驱动`, "
            "`#mixed-中文-and-english`, `#-launch-day`…",
        ),
        (
            "/docs/phase1-notes.md#title-front-matter-is-not-a-heading",
            "link-missing-anchor",
            "`#title-front-matter-is-not-a-heading` is not a heading in /docs/phase1-notes.md",
            "its anchors are `#阶段1-笔记`, `#day3-极大似然vs贝叶斯`, `#第一步安装cuda驱动`, "
            "`#mixed-中文-and-english`, `#-launch-day`…",
        ),
        (
            "/code/week1/day1/matrix_eigen.py#L6",
            "link-bad-line",
            "`#L6` is past the end of /code/week1/day1/matrix_eigen.py, which has 5 lines",
            "update the line numbers to where the code is now",
        ),
        (
            "/code/week1/day1/matrix_eigen.py#L4-L2",
            "link-bad-line",
            "`#L4-L2` is not a line range",
            "write `#L10` or `#L10-L20`",
        ),
        (
            "/code/week1/day1/matrix_eigen.py#main",
            "link-bad-fragment",
            "`#main`: /code/week1/day1/matrix_eigen.py has no headings; GitHub shows it as code",
            "a code file's only anchors are lines, like `#L10` or `#L10-L20`",
        ),
        (
            "#today",
            "link-bad-fragment",
            "`#today`: /checkins/2026/2026-01-05.yaml has no headings; GitHub shows it as code",
            "a code file's only anchors are lines, like `#L10` or `#L10-L20`",
        ),
    ],
)
def test_each_kind_of_broken_link(repo: Path, link: str, code: str, message: str, hint: str) -> None:
    assert validate(repo, "/code/week1/day1/matrix_eigen.py", link) == [(5, 5, code, message, hint)]


def test_a_link_written_as_a_mapping_is_located_at_its_url(repo: Path) -> None:
    write_repo(
        repo,
        {
            "checkins/2026/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\nlinks:\n"
            "  - title: 特征值\n    url: /code/week1/day1/nope.py\n"
        },
    )
    result = run_cli("validate", str(repo), "--today", "2026-01-05")
    assert result.returncode == 1
    assert result.stdout.startswith(
        "checkins/2026/2026-01-05.yaml:5:10: error[link-missing-file]: `/code/week1/day1/nope.py` does not exist"
    )


def test_a_symlink_pointing_out_of_the_repository(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.md").write_text("# secret\n", encoding="utf-8")
    (repo / "shared").symlink_to(outside, target_is_directory=True)
    (repo / "notes-link.md").symlink_to(outside / "secret.md")
    git(repo, "add", "shared", "notes-link.md")
    git(repo, "commit", "-q", "-m", "links")
    found = validate(repo, "/notes-link.md", "/shared/secret.md")
    assert [(line, code) for line, _, code, _, _ in found] == [(4, "link-outside-repo"), (5, "link-outside-repo")]
    assert "symbolic link that points outside" in found[0][3]


def test_a_folder_holding_only_untracked_files(repo: Path) -> None:
    write_repo(repo, {"drafts/idea.md": "# idea\n"})
    assert [c for _, _, c, _, _ in validate(repo, "/drafts")] == ["link-untracked"]


def test_outside_git_links_are_checked_against_the_disk(tmp_path: Path) -> None:
    write_repo(tmp_path, {"plan.yaml": PLAN, "code/a.py": "x\n"})
    assert validate(tmp_path, "/code/a.py") == []
    assert [c for _, _, c, _, _ in validate(tmp_path, "/code/b.py")] == ["link-missing-file"]


def test_a_case_only_difference_fails_even_on_a_case_insensitive_disk(repo: Path) -> None:
    # The tracked list decides, not the file system: simulate macOS by making the other spelling exist.
    (repo / "code/Week1").symlink_to(repo / "code/week1", target_is_directory=True)
    found = validate(repo, "/code/Week1/day1/matrix_eigen.py")
    assert [c for _, _, c, _, _ in found] == ["link-wrong-case"]


def test_github_annotations_point_at_the_link(repo: Path) -> None:
    write_repo(
        repo, {"checkins/2026/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\nlinks: [/docs/phase1-notes.md#nope]\n"}
    )
    result = run_cli("validate", str(repo), "--format", "github", "--today", "2026-01-05")
    assert result.stdout.startswith(
        "::error file=checkins/2026/2026-01-05.yaml,line=3,col=9,title=studylog link-missing-anchor::"
        "`#nope` is not a heading in /docs/phase1-notes.md"
    )


def test_the_repositorys_own_links_resolve() -> None:
    result = run_cli("validate", "--format", "json", "--today", "2026-01-18", cwd=REPO_ROOT)
    assert result.returncode == 0 and json.loads(result.stdout)["diagnostics"] == []
    cited = sum(
        p.read_text(encoding="utf-8").count("/docs/phase1-notes.md#") for p in (REPO_ROOT / "checkins").rglob("*.yaml")
    )
    assert cited >= 3  # the repo really cites headings, so the check above means something
