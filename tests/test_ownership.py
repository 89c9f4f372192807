"""What `build` and `publish` may touch: only what studylog wrote, never through a symbolic link,
never the learner's edits, untracked files, file modes or links (issue 17, items 1–9)."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
from pathlib import Path

import pytest

from conftest import DATA, copy_repo, run_cli, write_repo

README = "# 我的学习\n\nMine.\n\n<!-- studylog:start -->\n<!-- studylog:end -->\n\nAlso mine.\n"
TODAY = "2026-01-08"


def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "l", "GIT_AUTHOR_EMAIL": "l@l", "GIT_COMMITTER_NAME": "l"}
    env["GIT_COMMITTER_EMAIL"] = "l@l"
    return subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True).stdout


def learner_files(plan: str) -> dict[str, str]:
    return {
        "plan.yaml": plan,
        "README.md": README,
        "docs/notes.md": "# my notes\n",
        "checkins/2026/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\nhours: 2\n",
    }


@pytest.fixture
def learner(tmp_path: Path, fixture_plan: str) -> Path:
    """The learner's repository, not built yet."""
    return write_repo(tmp_path / "repo", learner_files(fixture_plan))


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same repository after its first build (English, an empty cache of its own), made once
    per module; tests get a private copy (`built`)."""
    root = write_repo(tmp_path_factory.mktemp("built") / "repo", learner_files((DATA / "plan.yaml").read_text("utf-8")))
    env = {"STUDYLOG_LANG": "en", "STUDYLOG_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}
    result = run_cli("build", str(root), "--today", TODAY, env=env)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stdout + result.stderr
    return root


@pytest.fixture
def built(built_once: Path, tmp_path: Path) -> Path:
    """A private copy of the built repository: what `learner` is after `build(learner)` succeeded."""
    return copy_repo(built_once, tmp_path / "repo")


def build(root: Path, *args: str) -> tuple[int, str]:
    result = run_cli("build", str(root), "--today", TODAY, *args)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout + result.stderr


def manifest(root: Path) -> dict[str, dict[str, str]]:
    files: dict[str, dict[str, str]] = json.loads((root / "reports/.studylog-manifest.json").read_bytes())["files"]
    return files


# 1 ------------------------------------------------------------------------------------------


def test_an_edited_phase_review_is_the_learners_and_is_refused_loudly(built: Path) -> None:
    learner = built
    review = learner / "reports/phases/p1.md"
    edited = review.read_text(encoding="utf-8") + "\nMy own verdict on this phase.\n"
    review.write_text(edited, encoding="utf-8")
    write_repo(learner, {"checkins/2026/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\nhours: 1\n"})
    code, out = build(learner)
    assert code != 0 and "reports/phases/p1.md: was edited after studylog wrote it" in out
    assert review.read_text(encoding="utf-8") == edited


def test_text_outside_a_weekly_reviews_notes_block_is_not_overwritten(built: Path) -> None:
    learner = built
    review = learner / "reports/weekly/w1.md"
    text = review.read_text(encoding="utf-8").replace("<!-- studylog:notes:end -->", "")  # marker deleted
    review.write_text(text + "\n我的反思：很多。\n", encoding="utf-8")
    code, out = build(learner, "--today", "2026-01-09")
    assert code != 0 and "w1.md: was edited" in out
    assert "我的反思：很多。" in review.read_text(encoding="utf-8")


def test_words_inside_the_notes_block_keep_the_review_studylogs(built: Path) -> None:
    learner = built
    review = learner / "reports/weekly/w1.md"
    text = review.read_text(encoding="utf-8")
    start = "<!-- studylog:notes:start -->"
    review.write_text(text.replace(start, start + "\n本周收获。"), encoding="utf-8")
    code, out = build(learner, "--today", "2026-01-09")
    assert code == 0, out
    assert "本周收获。" in review.read_text(encoding="utf-8")


# 2 ------------------------------------------------------------------------------------------


def test_reports_as_a_symlink_out_of_the_repository_is_refused(learner: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (learner / "reports").symlink_to(elsewhere)
    code, out = build(learner)
    assert code != 0 and "symbolic link" in out
    assert list(elsewhere.iterdir()) == []


def test_a_manifest_entry_through_a_symlink_deletes_nothing(built: Path) -> None:
    learner = built
    (learner / "reports/up").symlink_to("..")
    path = learner / "reports/.studylog-manifest.json"
    data = json.loads(path.read_bytes())
    notes = (learner / "docs/notes.md").read_bytes()
    import hashlib

    data["files"]["reports/up/docs/notes.md"] = {"sha256": hashlib.sha256(notes).hexdigest()}
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out = build(learner, "--today", "2026-01-09")
    assert code == 0, out
    assert (learner / "docs/notes.md").read_bytes() == notes


# 3 ------------------------------------------------------------------------------------------


def test_a_symlinked_readme_stays_a_symlink_and_its_target_is_updated(learner: Path) -> None:
    (learner / "docs/README.md").write_text(README, encoding="utf-8")
    (learner / "README.md").unlink()
    (learner / "README.md").symlink_to("docs/README.md")
    code, out = build(learner)
    assert code == 0, out
    assert (learner / "README.md").is_symlink()
    assert "studylog:start -->\n" in (learner / "docs/README.md").read_text(encoding="utf-8")
    assert "as-of: 2026-01-08" in (learner / "docs/README.md").read_text(encoding="utf-8")


def test_a_readme_symlinked_out_of_the_repository_is_refused(learner: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text(README, encoding="utf-8")
    (learner / "README.md").unlink()
    (learner / "README.md").symlink_to(outside)
    code, out = build(learner)
    assert code != 0 and "outside the repository" in out
    assert outside.read_text(encoding="utf-8") == README


def test_a_hard_linked_readme_keeps_its_link(learner: Path) -> None:
    os.link(learner / "README.md", learner / "docs/copy.md")
    assert build(learner)[0] == 0
    assert os.stat(learner / "README.md").st_ino == os.stat(learner / "docs/copy.md").st_ino
    assert "as-of: 2026-01-08" in (learner / "docs/copy.md").read_text(encoding="utf-8")


# 4 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "quoted",
    [
        "```\n<!-- studylog:start -->\nexample\n<!-- studylog:end -->\n```\n",
        "<!-- an old note:\n<!-- studylog:start -->\nexample\n<!-- studylog:end -->\n-->\n",
    ],
    ids=["fenced-code", "html-comment"],
)
def test_markers_only_quoted_in_code_or_a_comment_are_not_markers(learner: Path, quoted: str) -> None:
    readme = f"# Me\n\nHow to use studylog:\n\n{quoted}\nThe end.\n"
    (learner / "README.md").write_text(readme, encoding="utf-8")
    code, out = build(learner)
    # In the comment case the start marker's `-->` closes the comment, so the end marker is real:
    # either way one marker is missing and nothing is deleted.
    assert code != 0 and ("no studylog markers" in out or "only one marker, `<!-- studylog:end -->` (line 8)" in out)
    assert (learner / "README.md").read_text(encoding="utf-8") == readme


def test_real_markers_after_quoted_ones_are_used(learner: Path) -> None:
    readme = "# Me\n\n```\n<!-- studylog:start -->\n```\n\n" + README
    (learner / "README.md").write_text(readme, encoding="utf-8")
    assert build(learner)[0] == 0
    text = (learner / "README.md").read_text(encoding="utf-8")
    assert text.startswith(
        "# Me\n\n```\n<!-- studylog:start -->\n```\n\n# 我的学习\n\nMine.\n\n<!-- studylog:start -->\n"
    )
    assert text.endswith("<!-- studylog:end -->\n\nAlso mine.\n")


# 5 ------------------------------------------------------------------------------------------


def test_file_modes_are_kept_and_new_files_follow_the_umask(learner: Path) -> None:
    (learner / "README.md").chmod(0o755)
    assert build(learner)[0] == 0
    assert stat.S_IMODE(os.stat(learner / "README.md").st_mode) == 0o755
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(os.stat(learner / "reports/problems.md").st_mode) == 0o666 & ~umask


def test_a_read_only_readme_is_left_alone(learner: Path) -> None:
    (learner / "README.md").chmod(0o444)
    code, out = build(learner)
    assert code != 0 and "read-only" in out
    assert (learner / "README.md").read_text(encoding="utf-8") == README


# 6 ------------------------------------------------------------------------------------------


def test_a_conflicted_manifest_is_rebuilt_from_its_sides(built: Path) -> None:
    learner = built
    path = learner / "reports/.studylog-manifest.json"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if '"as_of"' in line)
    conflicted = [
        *lines[:at],
        "<<<<<<< HEAD\n",
        lines[at],
        "=======\n",
        lines[at].replace("2026-01-08", "2026-01-07"),
        ">>>>>>> origin/main\n",
        *lines[at + 1 :],
    ]
    path.write_text("".join(conflicted), encoding="utf-8")
    write_repo(learner, {"reports/mine.md": "my own file\n"})
    code, out = build(learner, "--today", "2026-01-09")
    assert code == 0, out
    assert json.loads(path.read_bytes())["as_of"] == "2026-01-09"
    assert (learner / "reports/mine.md").read_text(encoding="utf-8") == "my own file\n"


@pytest.mark.parametrize("top", [True, False], ids=["at-the-top", "in-a-larger-repository"])
def test_a_manifest_of_the_wrong_shape_is_recovered_from_git(learner: Path, top: bool) -> None:
    repository = learner if top else learner.parent  # or the study folder sits inside a larger one
    git(repository, "init", "-q", "-b", "main")
    assert build(learner)[0] == 0
    git(repository, "add", "-A")
    git(repository, "commit", "-qm", "built")
    (learner / "reports/.studylog-manifest.json").write_text("[1, 2, 3]\n", encoding="utf-8")
    code, out = build(learner, "--today", "2026-01-09")
    assert code == 0, out
    # The committed manifest says which files are studylog's: none is kept aside as the learner's.
    assert "kept" not in out and list(learner.rglob("*.orig")) == [], out


def test_an_unreadable_manifest_never_lets_a_learners_edit_be_overwritten(built: Path) -> None:
    learner = built
    (learner / "reports/.studylog-manifest.json").write_text("{ not json", encoding="utf-8")
    review = learner / "reports/problems.md"
    review.write_text("my own problem log\n", encoding="utf-8")
    code, out = build(learner, "--today", "2026-01-09")
    assert code == 0 and "kept reports/problems.md → reports/problems.md.orig" in out
    assert (learner / "reports/problems.md.orig").read_text(encoding="utf-8") == "my own problem log\n"
    assert build(learner, "--today", "2026-01-10")[0] == 0  # the manifest is whole again


def test_a_deeply_nested_manifest_is_damaged_not_a_traceback(built: Path) -> None:
    learner = built
    (learner / "reports/.studylog-manifest.json").write_text("[" * 100_000, encoding="utf-8")
    code, out = build(learner, "--today", "2026-01-09")
    assert code == 0 and "Traceback" not in out and "RecursionError" not in out, out


# 8 ------------------------------------------------------------------------------------------


def test_a_lower_case_readme_gets_the_dashboard(learner: Path) -> None:
    (learner / "README.md").rename(learner / "readme.md")
    assert build(learner)[0] == 0
    assert not (learner / "README.md").exists() or os.path.samefile(learner / "README.md", learner / "readme.md")
    assert "as-of: 2026-01-08" in (learner / "readme.md").read_text(encoding="utf-8")
    assert sorted(p.name for p in learner.iterdir() if p.name.lower() == "readme.md") == ["readme.md"]


def test_a_github_folder_readme_is_a_clear_error(learner: Path) -> None:
    write_repo(learner, {".github/README.md": "# shown on GitHub\n"})
    code, out = build(learner)
    assert code != 0 and ".github/README.md is the README GitHub shows" in out
    assert (learner / "README.md").read_text(encoding="utf-8") == README


# A merge in the learner's clone: the workflow rebuilt the dashboard on GitHub while the learner
# built and committed locally; `git merge` leaves the README (and reports/) conflicted.


def merged(
    built: Path,
    *,
    mine: str = "",
    theirs: str = "",
    line: str = "Mine.",
    same_day: bool = False,
    notes: str = "",
    their_notes: str = "",
) -> Path:
    """`built` committed, then changed on two branches (`mine` / `theirs` replace README's `line`,
    when given; each side builds on another day unless `same_day`) and merged: the merge stops with
    conflicts."""
    git(built, "init", "-q", "-b", "main")
    git(built, "add", "-A")
    git(built, "commit", "-qm", "built")
    git(built, "checkout", "-qb", "bot")
    for branch, day, words in (
        ("bot", "2026-01-10", theirs),
        ("main", "2026-01-10" if same_day else "2026-01-09", mine),
    ):
        if branch == "main":
            git(built, "checkout", "-q", "main")
        if words:
            readme = built / "README.md"
            readme.write_text(readme.read_text(encoding="utf-8").replace(line, words), encoding="utf-8")
        assert build(built, "--today", day)[0] == 0
        words = notes if branch == "main" else their_notes  # the learner's words in the week's review
        if words:
            review = built / "reports/weekly/w1.md"
            start = "<!-- studylog:notes:start -->"
            review.write_text(review.read_text(encoding="utf-8").replace(start, f"{start}\n{words}"), encoding="utf-8")
        git(built, "add", "-A")
        git(built, "commit", "-qm", f"dashboard as of {day}")
    merge = subprocess.run(["git", "merge", "-q", "bot"], cwd=built, capture_output=True, text=True, check=False)
    assert merge.returncode != 0 and "<<<<<<< " in (built / "README.md").read_text(encoding="utf-8")
    return built


def test_a_merge_conflict_only_inside_the_section_is_resolved_by_the_build(built: Path) -> None:
    learner = merged(built)
    code, out = build(learner, "--today", "2026-01-10")
    assert code == 0, out
    readme = (learner / "README.md").read_text(encoding="utf-8")
    assert "<<<<<<<" not in readme and ">>>>>>>" not in readme
    assert readme.startswith("# 我的学习\n\nMine.\n\n<!-- studylog:start -->\n") and readme.endswith(
        "<!-- studylog:end -->\n\nAlso mine.\n"
    )
    assert build(learner, "--today", "2026-01-10")[0] == 0 and (learner / "README.md").read_text("utf-8") == readme


@pytest.mark.parametrize(
    ("line", "same_day", "at"),
    [("Mine.", False, 3), ("Also mine.", True, None)],
    ids=["with-the-section", "only-the-learners-text"],
)
def test_a_merge_conflict_in_the_learners_own_text_is_left_to_them(
    built: Path, line: str, same_day: bool, at: int | None
) -> None:
    """Only the learner can choose between their two texts. (With the section: the build said the
    start marker was repeated. Without: it built, and kept git's markers in the learner's text.)"""
    learner = merged(built, mine="我的介绍。", theirs="在 GitHub 网页上改的介绍。", line=line, same_day=same_day)
    before = (learner / "README.md").read_bytes()
    at = at or before.decode("utf-8").splitlines().index("<<<<<<< HEAD") + 1
    code, out = build(learner, "--today", "2026-01-10")
    assert code == 2, out
    assert f"merge conflict (line {at}) that reaches your own text outside the studylog section" in out
    assert (learner / "README.md").read_bytes() == before


def test_a_heading_underlined_with_seven_equals_signs_is_not_a_conflict(learner: Path) -> None:
    readme = "My study\n=======\n\n<!-- studylog:start -->\n<!-- studylog:end -->\n"
    write_repo(learner, {"README.md": readme})
    code, out = build(learner)
    assert code == 0, out
    assert (
        (learner / "README.md").read_text(encoding="utf-8").startswith("My study\n=======\n\n<!-- studylog:start -->\n")
    )


def test_generated_files_git_merged_from_two_builds_are_built_anew(built: Path) -> None:
    """Every generated file conflicts after such a merge; each is two versions studylog wrote, so the
    build writes it anew (they were all kept aside as `….orig`, for the learner to delete)."""
    learner = merged(built)
    conflicted = git(learner, "diff", "--name-only", "--diff-filter=U").split()
    assert "reports/.studylog-manifest.json" in conflicted and len(conflicted) >= 8, conflicted
    code, out = build(learner, "--today", "2026-01-10")
    assert code == 0, out
    assert f"resolved git's merge conflicts in {len(conflicted)} generated files (README.md, reports/" in out
    assert "`git add` them, then commit the merge (or `git rebase --continue`)" in out
    assert not list(learner.rglob("*.orig*"))
    assert not [p for p in (learner / "reports").rglob("*") if p.is_file() and b"<<<<<<<" in p.read_bytes()]
    git(learner, "add", "-A")
    git(learner, "commit", "-qm", "merge")
    assert build(learner, "--check")[0] == 0


def test_a_review_whose_notes_git_merged_cleanly_keeps_the_learners_words(built: Path) -> None:
    """Words in the review's notes on one side: git merges the notes block cleanly, and the new
    review carries them (the review used to be kept aside as `.orig`, its words copied along)."""
    learner = merged(built, notes="本周收获：终于懂了 SVD。")
    code, out = build(learner, "--today", "2026-01-10")
    assert code == 0, out
    review = (learner / "reports/weekly/w1.md").read_text(encoding="utf-8")
    assert "本周收获：终于懂了 SVD。" in review and "<<<<<<<" not in review
    assert not list(learner.rglob("*.orig*"))


def test_a_review_whose_notes_conflict_is_kept_aside_with_both_sides_words(built: Path) -> None:
    """Different words at the same place on each side: only the learner can choose. The merged
    review, both sides' words and git's markers, is kept aside as `.orig`."""
    learner = merged(built, notes="本地写的复盘。", their_notes="在 GitHub 网页上写的复盘。")
    code, out = build(learner, "--today", "2026-01-10")
    assert code == 0, out
    kept = learner / "reports/weekly/w1.md.orig"
    text = kept.read_text(encoding="utf-8")
    assert "本地写的复盘。" in text and "在 GitHub 网页上写的复盘。" in text and "<<<<<<<" in text
    assert "本地写的复盘。" in (learner / "reports/weekly/w1.md").read_text(encoding="utf-8")


EXAMPLE = "```\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> main\n```\n"


def test_conflict_markers_in_a_code_block_are_an_example_not_a_merge(learner: Path) -> None:
    """Only git's index says a file is in a merge conflict: a README that shows git's markers in a
    code block keeps them (the build took them for a conflict and deleted the example's lines)."""
    readme = f"# Mine\n\nHow a conflict looks:\n\n{EXAMPLE}\n<!-- studylog:start -->\n<!-- studylog:end -->\n"
    write_repo(learner, {"README.md": readme})
    git(learner, "init", "-q")
    code, out = build(learner)
    assert code == 0, out
    assert (learner / "README.md").read_text(encoding="utf-8").startswith(readme.split("<!-- studylog:start")[0])
    assert "merge conflicts" not in out


def test_a_readme_partly_resolved_by_hand_is_left_to_the_learner(built: Path) -> None:
    """A line typed into the conflicted README while resolving it is the learner's: the build does
    not take a side over it."""
    learner = merged(built)
    readme = learner / "README.md"
    readme.write_text(
        readme.read_text(encoding="utf-8").replace("Also mine.", "Also mine. And a new thought."), "utf-8"
    )
    before = readme.read_bytes()
    code, out = build(learner, "--today", "2026-01-10")
    assert code == 2 and "that reaches your own text outside the studylog section" in out, out
    assert readme.read_bytes() == before


def test_a_generated_file_partly_resolved_by_hand_is_kept_aside(built: Path) -> None:
    learner = merged(built)
    review = learner / "reports/weekly/w1.md"
    assert "<<<<<<<" in review.read_text(encoding="utf-8")
    review.write_text(review.read_text(encoding="utf-8") + "\nMy own analysis, typed while resolving.\n", "utf-8")
    code, out = build(learner, "--today", "2026-01-10")
    assert code == 0, out
    kept = learner / "reports/weekly/w1.md.orig"
    assert "My own analysis, typed while resolving." in kept.read_text(encoding="utf-8")


def test_a_review_no_longer_generated_is_kept_aside_when_it_holds_the_learners_notes(built: Path) -> None:
    """A plan week renamed: its old review is no longer generated. With the learner's words in its
    notes it is kept (it was deleted, words and all); without, it is removed as before."""
    learner = built
    review = learner / "reports/weekly/w1.md"
    start = "<!-- studylog:notes:start -->"
    review.write_text(review.read_text(encoding="utf-8").replace(start, f"{start}\n本周收获：终于懂了 SVD。"), "utf-8")
    other = learner / "reports/weekly/w2.md"
    plan = learner / "plan.yaml"
    plan.write_text(
        re.sub(r"id: w1$", "id: w1x", re.sub(r"id: w2$", "id: w2x", plan.read_text("utf-8"), flags=re.M), flags=re.M),
        "utf-8",
    )
    code, out = build(learner)
    assert code == 0, out
    assert "kept reports/weekly/w1.md → reports/weekly/w1.md.orig: no longer generated, but it holds your notes" in out
    assert "本周收获：终于懂了 SVD。" in (learner / "reports/weekly/w1.md.orig").read_text(encoding="utf-8")
    assert not review.exists() and not other.exists() and not (learner / "reports/weekly/w2.md.orig").exists()


def test_notes_that_are_not_utf8_are_never_rewritten_garbled(built: Path) -> None:
    learner = built
    review = learner / "reports/weekly/w1.md"
    start = b"<!-- studylog:notes:start -->"
    data = review.read_bytes().replace(start, start + "\n本周收获：终于懂了 SVD。".encode("gbk"))
    review.write_bytes(data)
    code, out = build(learner, "--today", "2026-01-09")
    assert code == 2 and "reports/weekly/w1.md: your notes between the studylog:notes markers are not UTF-8" in out
    assert review.read_bytes() == data


def test_lines_the_learner_deleted_while_resolving_the_readme_stay_deleted(built: Path) -> None:
    learner = merged(built)
    readme = learner / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8").replace("\nAlso mine.\n", "\n"), encoding="utf-8")
    code, out = build(learner, "--today", "2026-01-10")
    assert code == 0, out
    text = readme.read_text(encoding="utf-8")
    assert "Also mine." not in text and "<<<<<<<" not in text


def test_a_windows_checkout_with_crlf_line_ends_builds(built: Path, tmp_path: Path) -> None:
    """Git for Windows checks text out with CRLF (`core.autocrlf=true`, its default): every generated
    file then differed from what the manifest recorded, and each build refused them all as edited
    by the learner. A build there writes what a build on LF writes, the manifest included."""
    git(built, "init", "-q", "-b", "main")
    git(built, "add", "-A")
    git(built, "commit", "-qm", "built")
    windows = tmp_path / "windows"
    subprocess.run(["git", "clone", "-q", "-c", "core.autocrlf=true", str(built), str(windows)], check=True)
    assert b"\r\n" in (windows / "reports/weekly/w1.md").read_bytes()
    for root in (built, windows):
        write_repo(root, {"checkins/2026/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\nhours: 1\n"})
        code, out = build(root, "--today", "2026-01-09")
        assert code == 0, out
        assert build(root, "--check")[0] == 0
    manifest = "reports/.studylog-manifest.json"
    assert (windows / manifest).read_bytes() == (built / manifest).read_bytes()
    for path in ("reports/weekly/w1.md", "reports/problems.md", "reports/charts/burnup.svg"):
        assert (windows / path).read_bytes().replace(b"\r\n", b"\n") == (built / path).read_bytes(), path


def test_a_repository_first_built_on_windows_builds_on_linux(built: Path, tmp_path: Path) -> None:
    """Committed from a Windows checkout, git stores plan.ics (CRLF as written) with LF; a Linux
    clone (GitHub's runner) then refused it as edited, while `--check` said all was current."""
    windows = tmp_path / "windows"
    subprocess.run(["git", "init", "-q", "-b", "main", str(windows)], check=True)
    git(windows, "config", "core.autocrlf", "true")
    for path in ("plan.yaml", "README.md", "checkins/2026/2026-01-05.yaml"):
        write_repo(windows, {path: (built / path).read_text(encoding="utf-8")})
    assert build(windows)[0] == 0 and b"\r\n" in (windows / "reports/plan.ics").read_bytes()
    git(windows, "add", "-A")
    git(windows, "commit", "-qm", "built on Windows")
    linux = tmp_path / "linux"
    subprocess.run(["git", "clone", "-q", "-c", "core.autocrlf=false", str(windows), str(linux)], check=True)
    assert b"\r\n" not in (linux / "reports/plan.ics").read_bytes()
    assert build(linux, "--check")[0] == 0
    code, out = build(linux)
    assert code == 0 and "nothing to commit" in out, out  # what Windows committed is current here too


def test_an_untouched_review_from_another_locale_is_removed_not_kept_aside(built: Path) -> None:
    """A plan switched to English keeps each review's Chinese prompts (they may be the learner's);
    when such a review is no longer generated, prompts alone are not words of the learner's."""
    plan = built / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(
        re.sub(r"^locale: .*$", "locale: en", text, flags=re.M) if "locale:" in text else text + "locale: en\n", "utf-8"
    )
    assert build(built)[0] == 0
    assert "最大的收获" in (built / "reports/weekly/w1.md").read_text(encoding="utf-8")  # the prompts stayed
    plan.write_text(re.sub(r"id: w1$", "id: w1b", plan.read_text("utf-8"), flags=re.M), "utf-8")
    code, out = build(built)
    assert code == 0, out
    assert not (built / "reports/weekly/w1.md").exists() and not list(built.rglob("*.orig*")), out
