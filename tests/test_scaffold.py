"""`studylog init` and `studylog new`: starting in minutes, checking in in seconds."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from conftest import REPO_ROOT, run_cli, write_repo
from studylog.clock import today_in
from studylog.start.scaffold import plan_from_template, reminder_cron


@pytest.mark.parametrize("template", ["llm-12-weeks", "cs336", "blank"])
def test_init_then_new_gives_a_valid_repository(tmp_path: Path, template: str) -> None:
    root = tmp_path / "study"
    result = run_cli("init", str(root), "--template", template, "--start", "2026-03-02", "--timezone", "Europe/Berlin")
    assert result.returncode == 0, result.stderr
    for path in ("plan.yaml", "checkins/.gitkeep", ".studylog/schemas/checkin.schema.json", "README.md"):
        assert (root / path).exists(), path
    plan = (root / "plan.yaml").read_text(encoding="utf-8")
    assert "start: 2026-03-02" in plan and "timezone: Europe/Berlin" in plan
    assert plan.startswith("# yaml-language-server: $schema=.studylog/schemas/plan.schema.json\n")
    new = run_cli("new", str(root), "--date", "2026-03-02")
    assert new.returncode == 0, new.stderr
    checkin = (root / "checkins/2026/2026-03-02.yaml").read_text(encoding="utf-8")
    assert checkin.startswith("# yaml-language-server: $schema=../../.studylog/schemas/checkin.schema.json\n")
    # The untouched stub cannot count as a done day: its status is empty and validation says so.
    stub = run_cli("validate", str(root), "--today", "2026-03-02")
    assert stub.returncode == 1 and "status-not-chosen" in stub.stdout + stub.stderr
    assert "`status:` is empty" in stub.stdout + stub.stderr
    path = root / "checkins/2026/2026-03-02.yaml"
    path.write_text(checkin.replace("status:   #", "status: done  #", 1), encoding="utf-8")
    checked = run_cli("validate", str(root), "--today", "2026-03-02")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert run_cli("build", str(root), "--today", "2026-03-02").returncode == 0


def test_the_llm_template_is_the_repositorys_own_plan() -> None:
    own = (REPO_ROOT / "plan.yaml").read_text(encoding="utf-8").split("\n", 1)[1]
    assert plan_from_template("llm-12-weeks", dt.date(2026, 1, 5), "Asia/Shanghai").split("\n", 1)[1] == own


def test_every_date_moves_with_the_start() -> None:
    moved = yaml.safe_load(plan_from_template("llm-12-weeks", dt.date(2026, 1, 12), None))
    assert moved["start"] == dt.date(2026, 1, 12)
    assert [m["due"] for m in moved["milestones"]] == [dt.date(2026, 2, 8), dt.date(2026, 3, 22), dt.date(2026, 4, 5)]


def test_init_never_touches_an_existing_plan(tmp_path: Path) -> None:
    root = write_repo(tmp_path, {"plan.yaml": "title: mine\n", "README.md": "# Mine\n\nMy words."})
    result = run_cli("init", str(root))
    assert result.returncode == 2 and "already exists, so nothing was changed" in result.stderr
    assert (root / "plan.yaml").read_text(encoding="utf-8") == "title: mine\n"
    assert (root / "README.md").read_text(encoding="utf-8") == "# Mine\n\nMy words."
    forced = run_cli("init", str(root), "--force", "--template", "blank")
    assert forced.returncode == 0, forced.stderr
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Mine\n\nMy words.\n") and readme.endswith(
        "<!-- studylog:start -->\n<!-- studylog:end -->\n"
    )


def test_the_workflow_reminds_at_nine_in_the_evening_local_time(tmp_path: Path) -> None:
    assert reminder_cron("Asia/Shanghai", dt.date(2026, 1, 5))[0] == "0 13 * * *"
    assert reminder_cron("America/New_York", dt.date(2026, 1, 5))[0] == "0 2 * * *"
    assert reminder_cron("Asia/Kolkata", dt.date(2026, 1, 5))[0] == "30 15 * * *"
    root = tmp_path / "study"
    run_cli("init", str(root), "--action", "me/studylog@" + "a" * 40)
    workflow = yaml.safe_load((root / ".github/workflows/studylog.yml").read_text(encoding="utf-8"))
    assert workflow[True]["schedule"] == [{"cron": "0 13 * * *"}]
    uses = {step["uses"] for job in workflow["jobs"].values() for step in job["steps"]}
    assert "me/studylog@" + "a" * 40 in uses


@pytest.fixture
def study(tmp_path: Path) -> Path:
    root = tmp_path / "study"
    assert run_cli("init", str(root), "--template", "blank", "--start", "2026-01-05").returncode == 0
    plan = (root / "plan.yaml").read_text(encoding="utf-8").replace("rest_days: []", "rest_days: [sat]")
    (root / "plan.yaml").write_text(plan, encoding="utf-8")
    return root


def test_new_is_prefilled_from_the_plan(study: Path) -> None:
    result = run_cli("new", str(study), "--date", "2026-01-06")
    assert result.returncode == 0 and "w1d2 第二天的学习任务" in result.stderr
    text = (study / "checkins/2026/2026-01-06.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    # status is for the learner to choose; items are only suggested in a comment, so saying `done`
    # earns the day's planned share and never finishes more than was planned for the day
    assert data == {"date": dt.date(2026, 1, 6), "status": None, "hours": 2, "task": "", "problems": [], "links": []}
    assert "# items: [w1d2]" in text and "done ✅ / in-progress 🔄 / not-done ❌" in text


@pytest.mark.parametrize(
    ("day", "said"),
    [("2026-01-10", "a rest day"), ("2026-02-20", "after the plan's end"), ("2026-01-08", "nothing planned")],
)
def test_new_on_a_day_without_plan_still_writes_a_valid_file(study: Path, day: str, said: str) -> None:
    result = run_cli("new", str(study), "--date", day)
    assert result.returncode == 0 and said in result.stderr
    checked = run_cli("validate", str(study), "--today", "2026-03-01")
    # the only problem is the status the learner has not chosen yet
    assert checked.returncode == 1 and checked.stdout.count("error[") == 1, checked.stdout
    assert "status-not-chosen" in checked.stdout


def test_new_refuses_a_second_checkin_for_the_day(study: Path) -> None:
    write_repo(study, {"checkins/elsewhere/monday.yaml": "date: 2026-01-05\nstatus: done\n"})
    result = run_cli("new", str(study), "--date", "2026-01-05")
    assert (
        result.returncode == 2
        and "checkins/elsewhere/monday.yaml already holds the check-in for 2026-01-05" in result.stderr
    )
    assert not (study / "checkins/2026/2026-01-05.yaml").exists()


def test_new_defaults_to_today_in_the_plans_timezone(study: Path) -> None:
    before = today_in("Asia/Shanghai")
    result = run_cli("new", str(study))
    after = today_in("Asia/Shanghai")
    assert result.returncode == 0, result.stderr
    written = {p.name for p in (study / "checkins").rglob("*.yaml")}
    assert written & {f"{before}.yaml", f"{after}.yaml"}


def test_the_day_changes_at_local_midnight_not_utc() -> None:
    late_utc = dt.datetime(2026, 1, 5, 16, 30, tzinfo=dt.UTC)  # 00:30 on the 6th in Shanghai
    assert today_in("Asia/Shanghai", late_utc) == dt.date(2026, 1, 6)
    assert today_in("America/New_York", late_utc) == dt.date(2026, 1, 5)
    assert today_in("UTC", dt.datetime(2026, 1, 5, 23, 59, tzinfo=ZoneInfo("Asia/Shanghai"))) == dt.date(2026, 1, 5)


def test_a_night_owls_day_starts_at_four() -> None:
    # 01:30 on the 6th in Shanghai, with the day starting at 04:00: still the 5th
    night = dt.datetime(2026, 1, 5, 17, 30, tzinfo=dt.UTC)
    assert today_in("Asia/Shanghai", night, dt.time(4)) == dt.date(2026, 1, 5)
    assert today_in("Asia/Shanghai", night + dt.timedelta(hours=3), dt.time(4)) == dt.date(2026, 1, 6)  # 04:30


def test_a_checkin_at_half_past_one_counts_for_the_day_before(tmp_path: Path) -> None:
    from studylog.check.repository import load_repository
    from studylog.progress import compute

    plan = (
        (REPO_ROOT / "plan.yaml")
        .read_text(encoding="utf-8")
        .replace("hours_per_day: 2\n", 'hours_per_day: 2\nday_starts_at: "04:00"\n')
    )
    root = write_repo(
        tmp_path,
        {
            "plan.yaml": plan,
            "checkins/a.yaml": "date: 2026-01-05\nstatus: done\n",
            "checkins/b.yaml": "date: 2026-01-07T01:30:00+08:00\nstatus: done\n",  # the night of the 6th
        },
    )
    # as of the 6th: the 01:30 check-in is not "in the future", it is the 6th's; the streak is 2
    result = load_repository(root, dt.date(2026, 1, 6))
    assert result.diagnostics == [] and result.repository is not None
    assert [c.date for c in result.repository.checkins] == [dt.date(2026, 1, 5), dt.date(2026, 1, 6)]
    s = compute(result.repository, dt.date(2026, 1, 6))
    assert (s.streak_current, s.today_checked_in) == (2, True)


def test_new_edit_opens_the_editor_then_checks_the_file(study: Path, tmp_path: Path) -> None:
    editor = tmp_path / "editor.py"
    editor.write_text("import sys\nopen(sys.argv[1], 'a', encoding='utf-8').write('hours: 3\\n')\n", encoding="utf-8")
    result = run_cli("new", str(study), "--date", "2026-01-05", "--edit", env={"EDITOR": f"{sys.executable} {editor}"})
    assert result.returncode == 1  # the editor added a second `hours:` key
    assert "duplicate-key" in result.stdout
