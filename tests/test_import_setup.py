"""`import` completes the setup like `init`: both seed trackers, imported into a folder that has only
a README, build with no other step — and no hint leads to losing a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli, write_repo

SEEDS = Path(__file__).parent / "data/seeds"


@pytest.mark.parametrize("seed", ["000_716246baffeaae9d.txt", "004_e638a575bf0bc2e3.txt"])
def test_a_seed_imported_next_to_a_readme_builds_at_once(tmp_path: Path, seed: str) -> None:
    root = write_repo(tmp_path / "study", {"README.md": "# 我的学习\n\n自己写的介绍。\n"})
    source = write_repo(tmp_path, {"tracker.md": (SEEDS / seed).read_text(encoding="utf-8")}) / "tracker.md"
    imported = run_cli("import", str(source), str(root), "--start", "2025-11-03")
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "README.md (markers appended)" in imported.stderr
    built = run_cli("build", str(root), "--today", "2026-04-30")
    assert built.returncode == 0, built.stdout + built.stderr
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# 我的学习\n\n自己写的介绍。\n") and "<!-- studylog:end -->" in readme
    assert (root / ".github/workflows/studylog.yml").is_file() and (
        root / ".studylog/schemas/plan.schema.json"
    ).is_file()


def test_importing_again_with_force_keeps_every_replaced_file(tmp_path: Path) -> None:
    root = tmp_path / "study"
    source = write_repo(tmp_path, {"t.md": (SEEDS / "004_e638a575bf0bc2e3.txt").read_text(encoding="utf-8")}) / "t.md"
    assert run_cli("import", str(source), str(root), "--start", "2026-01-05").returncode == 0
    (root / "plan.yaml").write_text((root / "plan.yaml").read_text(encoding="utf-8") + "# my edit\n", encoding="utf-8")
    refused = run_cli("import", str(source), str(root), "--start", "2026-01-05")
    assert refused.returncode == 2 and "keeping a backup" in refused.stderr
    forced = run_cli("import", str(source), str(root), "--start", "2026-01-05", "--force")
    assert forced.returncode in (0, 1), forced.stderr
    backups = list((root / ".studylog/backup").rglob("plan.yaml"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8").endswith("# my edit\n")
    # init on the imported repository adds nothing and replaces nothing: no --force needed, none offered.
    again = run_cli("init", str(root))
    assert again.returncode == 0 and "created plan.yaml" not in again.stderr


@pytest.mark.parametrize("zone", ["Mars/Base", "../../etc/passwd", "CST", "America", "x" * 300, ""])
def test_a_timezone_that_is_not_one_is_refused_before_anything_is_written(tmp_path: Path, zone: str) -> None:
    """(`Mars/Base` stopped the import with "internal error" before.) An empty --timezone means none given."""
    root = tmp_path / "study"
    source = write_repo(tmp_path, {"t.md": (SEEDS / "004_e638a575bf0bc2e3.txt").read_text(encoding="utf-8")}) / "t.md"
    result = run_cli("import", str(source), str(root), "--start", "2026-01-05", "--timezone", zone)
    if not zone:
        assert result.returncode == 0, result.stderr
        return
    assert result.returncode == 2, result.stderr
    assert f"{zone!r} is not an IANA timezone like Asia/Shanghai" in result.stderr, result.stderr
    assert not root.exists()
