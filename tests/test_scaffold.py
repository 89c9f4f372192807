"""`studylog init` and `studylog new`: starting in minutes, checking in in seconds."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from conftest import REPO_ROOT, run_cli, write_repo
from studylog.clock import today_in
from studylog.start.actionref import action_reference
from studylog.start.scaffold import machine_locale, machine_timezone, plan_from_template, reminder_cron


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
    stub_path = root / "checkins/2026/2026-03-02.yaml"
    stub_path.write_text(checkin.replace("status:   #", "status: done  #", 1), encoding="utf-8")
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


def test_init_on_an_existing_plan_adds_only_what_is_missing(tmp_path: Path) -> None:
    root = write_repo(tmp_path, {"plan.yaml": "title: mine\n", "README.md": "# Mine\n\nMy words."})
    result = run_cli("init", str(root))
    assert result.returncode == 0, result.stderr
    assert (root / "plan.yaml").read_text(encoding="utf-8") == "title: mine\n"
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Mine\n\nMy words.\n") and readme.endswith(
        "<!-- studylog:start -->\n<!-- studylog:end -->\n"
    )
    for rel in (".github/workflows/studylog.yml", ".studylog/schemas/plan.schema.json", ".gitignore"):
        assert (root / rel).is_file(), rel
    assert "kept    plan.yaml" in result.stderr


@pytest.mark.parametrize(
    "plan",
    [
        "title: 我的计划\ntimezone: Asia/Shanghai\nstart: 2026-02-30\n",  # no such day
        "title: 我的计划\ntimezone: Asia/Shanghai\nphases: " + "[" * 30_000 + "\n",  # deeper than any parser's stack
        "title: 我的计划\ntimezone: Asia/Shanghai\nphases: [\n",  # not YAML
        "- title: 我的计划\n",  # not a mapping
        "title: 我的计划\ntimezone: Asia/Shanghai\nstart: 2026-02-30\nlocale: !!bool maybe\n",  # a tag's bad value
        "title: Study log\ntimezone: Europe\n",  # a folder of the timezone database, not a zone
    ],
    ids=["no-such-day", "nested-30000-deep", "unclosed", "a-list", "bad-tag", "zone-folder"],
)
def test_init_keeps_a_plan_it_cannot_read_and_validate_says_why(tmp_path: Path, plan: str) -> None:
    """`init` in a folder whose plan has errors sets up the rest (it reads the few facts it needs
    leniently: the title and timezone where it can) and leaves the errors to `validate`. (The first
    two stopped `init` with "internal error" before.)"""
    root = write_repo(tmp_path, {"plan.yaml": plan})
    result = run_cli("init", str(root))
    assert result.returncode == 0 and "internal error" not in result.stderr, result.stderr
    assert (root / "plan.yaml").read_text(encoding="utf-8") == plan
    readme = (root / "README.md").read_text(encoding="utf-8")
    workflow = (root / ".github/workflows/studylog-evening.yml").read_text(encoding="utf-8")
    if "2026-02-30" in plan:  # a YAML mapping: what can be read of it is used
        assert readme.startswith("# 我的计划\n"), readme[:40]
        assert 'cron: "0 13 * * *"' in workflow  # nine in the evening in Shanghai, as UTC
    else:  # nothing can be: the defaults
        assert readme.startswith("# Study log\n") and 'cron: "0 21 * * *"' in workflow, readme[:40]
    checked = run_cli("validate", str(root))
    assert checked.returncode == 1 and "plan.yaml:" in checked.stdout, checked.stdout[:300]


def test_an_empty_plan_is_started_as_its_hint_says(tmp_path: Path) -> None:
    root = write_repo(tmp_path, {"plan.yaml": "\n"})
    assert "run `studylog init`" in run_cli("validate", str(root)).stdout
    assert run_cli("init", str(root), "--template", "blank", "--timezone", "UTC").returncode == 0
    assert run_cli("validate", str(root)).returncode == 0


def test_force_never_deletes_a_plan_it_keeps_it_beside(tmp_path: Path) -> None:
    root = write_repo(tmp_path, {"plan.yaml": "title: mine\n"})
    for n in (1, 2):
        forced = run_cli("init", str(root), "--force", "--template", "blank", "--timezone", "UTC")
        assert forced.returncode == 0, forced.stderr
        assert f"kept as plan.yaml.{n}.bak" in forced.stderr
    assert (root / "plan.yaml.1.bak").read_text(encoding="utf-8") == "title: mine\n"
    assert "title: 我的学习计划" in (root / "plan.yaml.2.bak").read_text(encoding="utf-8")


def test_init_from_an_empty_folder_fits_the_machine_and_doctor_finds_no_problem(tmp_path: Path) -> None:
    root = tmp_path / "study"
    root.mkdir()
    machine = {"TZ": "Europe/Berlin", "LANG": "de_DE.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    result = run_cli("init", cwd=root, env=machine)
    assert result.returncode == 0, result.stderr
    today = today_in("Europe/Berlin")
    assert f"the plan starts {today}" in result.stderr and "--start YYYY-MM-DD" in result.stderr
    plan = yaml.safe_load((root / "plan.yaml").read_text(encoding="utf-8"))
    assert (plan["start"], plan["timezone"], plan["locale"]) == (today, "Europe/Berlin", "en")
    assert (root / ".git").is_dir() and "exports/" in (root / ".gitignore").read_text(encoding="utf-8")
    new = run_cli("new", cwd=root, env=machine)
    assert new.returncode == 0, new.stderr
    checkin = root / f"checkins/{today.year}/{today}.yaml"
    checkin.write_text(
        checkin.read_text(encoding="utf-8")
        .replace('task: ""', 'task: "read chapter 1"')
        .replace("status:   #", "status: done  #", 1),
        encoding="utf-8",
    )
    built = run_cli("build", cwd=root / "checkins", env=machine)  # from a subfolder: the plan is found above
    assert built.returncode == 0, built.stdout + built.stderr
    doctor = run_cli("doctor", cwd=root, env=machine)
    assert doctor.returncode == 0 and "no problems" in doctor.stdout, doctor.stdout


@pytest.mark.parametrize(
    ("env", "expected"), [({"LANG": "zh_CN.UTF-8"}, "zh-CN"), ({"LANG": "en_US.UTF-8"}, "en"), ({}, "en")]
)
def test_the_locale_follows_lang(env: dict[str, str], expected: str) -> None:
    assert machine_locale(env) == expected


def test_the_timezone_comes_from_tz_or_etc_localtime(tmp_path: Path) -> None:
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/America/New_York")
    assert machine_timezone({"TZ": "Asia/Tokyo"}, link) == "Asia/Tokyo"
    assert machine_timezone({}, link) == "America/New_York"
    assert machine_timezone({"TZ": "nonsense"}, tmp_path / "missing") == "UTC"


def test_commands_find_the_plan_from_a_subfolder(tmp_path: Path) -> None:
    root = tmp_path / "study"
    assert (
        run_cli("init", str(root), "--template", "blank", "--start", "2026-01-05", "--timezone", "UTC").returncode == 0
    )
    (root / "checkins/2026").mkdir(parents=True)
    result = run_cli("validate", "--today", "2026-01-06", cwd=root / "checkins/2026")
    assert result.returncode == 0, result.stderr
    outside = run_cli("validate", cwd=tmp_path)
    assert outside.returncode == 2 and "or the folders above it" in outside.stderr


def test_the_new_readmes_example_checkin_is_the_plans_first_day(tmp_path: Path) -> None:
    """It always showed `date: 2026-01-05`, whatever the plan's start."""
    for locale in ("zh-CN", "en"):
        root = tmp_path / locale
        assert (
            run_cli("init", str(root), "--template", "blank", "--start", "2027-03-08", "--locale", locale).returncode
            == 0
        )
        readme = (root / "README.md").read_text(encoding="utf-8")
        assert "```yaml\ndate: 2027-03-08\nstatus: done\n" in readme and "2026-01-05" not in readme


def test_init_inside_a_study_refuses_and_writes_nothing(tmp_path: Path) -> None:
    """`studylog init` run from `code/` of a study made a second plan, workflow and README there, exit 0."""
    root = tmp_path / "study"
    run_cli("init", str(root), "--template", "blank", "--start", "2026-01-05", "--timezone", "UTC")
    (root / "code").mkdir()
    for where, args in ((root / "code", []), (tmp_path, ["study/docs/new"])):
        before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
        result = run_cli("init", *args, "--template", "blank", cwd=where)
        assert result.returncode == 2, result.stdout + result.stderr
        assert f"is inside the study of {root / 'plan.yaml'}" in result.stderr and "--force" in result.stderr
        assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    # a repository of its own inside the study is a study of its own, however it is named
    for name, where, args in (("sub1", root, ["sub1"]), ("sub2", root / "sub2", [])):
        (root / name).mkdir()
        subprocess.run(["git", "init", "-q"], cwd=root / name, check=True)
        nested = run_cli("init", *args, "--template", "blank", "--timezone", "UTC", cwd=where)
        assert nested.returncode == 0 and (root / name / "plan.yaml").exists(), nested.stderr
    forced = run_cli("init", "--template", "blank", "--force", "--timezone", "UTC", cwd=root / "code")
    assert forced.returncode == 0 and (root / "code/plan.yaml").exists()
    again = run_cli("init", "--template", "blank", cwd=root)  # at the study itself: what is missing is added
    assert again.returncode == 0, again.stderr


def test_doctor_names_what_to_fix(tmp_path: Path) -> None:
    old = "on:\n  push:\n    branches: [main]\njobs:\n  a:\n    steps:\n      - uses: OWNER/studylog@FULL_COMMIT_SHA\n"
    plan = (REPO_ROOT / "tests/data/plan.yaml").read_text(encoding="utf-8")
    root = write_repo(
        tmp_path / "r", {"plan.yaml": plan, "README.md": "# no markers\n", ".github/workflows/old.yml": old}
    )
    subprocess.run(["git", "init", "--quiet", "--initial-branch=master", str(root)], check=True)
    result = run_cli("doctor", str(root))
    assert result.returncode == 1
    assert "✗ README: README.md has no studylog markers" in result.stdout
    assert "`uses: OWNER/studylog@FULL_COMMIT_SHA` is not a studylog action" in result.stdout
    assert "publishes only on `branches: [main]`, but your default branch is master" in result.stdout


def test_the_workflows_init_writes_pass_actionlint_and_zizmor(tmp_path: Path) -> None:
    root = tmp_path / "study"
    # As init writes them by default when the package knows its commit (a release, a git-URL install, a
    # clone of studylog). Only a wheel built outside git falls back to the moving v0 tag, which zizmor
    # rightly flags; the structure is the same, so lint that case with a pinned reference.
    pinned = [] if action_reference().pinned else ["--action", f"studylog/studylog@{'0' * 40}"]
    assert run_cli("init", str(root), "--template", "blank", "--timezone", "Asia/Kolkata", *pinned).returncode == 0
    bin_dir = Path(sys.executable).parent
    tools = {name: shutil.which(name, path=str(bin_dir)) or shutil.which(name) for name in ("actionlint", "zizmor")}
    assert all(tools.values()), f"pip install '.[test]' installs them: {tools}"
    lint = subprocess.run([str(tools["actionlint"])], cwd=root, capture_output=True, text=True, check=False)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    zizmor = subprocess.run(
        [str(tools["zizmor"]), "--offline", "--persona", "pedantic", ".github/workflows"],
        cwd=root, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert zizmor.returncode == 0 and "No findings" in zizmor.stdout + zizmor.stderr, zizmor.stdout


def test_the_action_reference_comes_from_the_package_metadata(tmp_path: Path) -> None:
    root = tmp_path / "study"
    assert run_cli("init", str(root), "--template", "blank").returncode == 0
    text = (root / ".github/workflows/studylog.yml").read_text(encoding="utf-8")
    ref = action_reference().reference
    assert ref.startswith("studylog/studylog@")  # pyproject.toml's Repository URL
    assert f"uses: {ref}" in text and "OWNER/" not in text
    bad = run_cli("init", str(tmp_path / "x"), "--action", "me/studylog@main")
    assert bad.returncode == 2 and "is not OWNER/REPO@" in bad.stderr


def test_a_learners_copy_of_the_template_never_pins_its_own_commit(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(REPO_ROOT / "scripts", copy / "scripts")
    for name in ("pyproject.toml", "action.yml"):
        shutil.copy2(REPO_ROOT / name, copy / name)
    subprocess.run(["git", "init", "--quiet", str(copy)], check=True)
    subprocess.run(["git", "-C", str(copy), "remote", "add", "origin", "https://github.com/learner/study"], check=True)
    subprocess.run(["git", "-C", str(copy), "add", "-A"], check=True)
    subprocess.run(
        ["git", "-C", str(copy), "-c", "user.name=l", "-c", "user.email=l@x", "commit", "-qm", "c"], check=True
    )
    own = subprocess.run(["git", "-C", str(copy), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    made = run_cli("init", str(tmp_path / "study"), "--template", "blank", env={"PYTHONPATH": str(copy / "scripts")})
    assert made.returncode == 0, made.stderr
    assert own not in (tmp_path / "study/.github/workflows/studylog.yml").read_text(encoding="utf-8")


def test_the_workflow_reminds_at_nine_in_the_evening_local_time(tmp_path: Path) -> None:
    assert reminder_cron("Asia/Shanghai", dt.date(2026, 1, 5))[0] == "0 13 * * *"
    assert reminder_cron("America/New_York", dt.date(2026, 1, 5))[0] == "0 2 * * *"
    assert reminder_cron("Asia/Kolkata", dt.date(2026, 1, 5))[0] == "30 15 * * *"
    root = tmp_path / "study"
    run_cli("init", str(root), "--action", "me/studylog@" + "a" * 40, "--timezone", "Asia/Shanghai")
    push = yaml.safe_load((root / ".github/workflows/studylog.yml").read_text(encoding="utf-8"))
    assert "schedule" not in push[True]  # GitHub may disable a scheduled file: validate and publish live apart
    workflow = yaml.safe_load((root / ".github/workflows/studylog-evening.yml").read_text(encoding="utf-8"))
    assert workflow[True]["schedule"] == [{"cron": "0 13 * * *"}]
    uses = {step["uses"] for job in workflow["jobs"].values() for step in job["steps"]}
    assert "me/studylog@" + "a" * 40 in uses


@pytest.fixture
def study(tmp_path: Path) -> Path:
    root = tmp_path / "study"
    assert (
        run_cli(
            "init", str(root), "--template", "blank", "--start", "2026-01-05", "--timezone", "Asia/Shanghai"
        ).returncode
        == 0
    )
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
    # a check-in dated by the calendar after midnight is one day ahead of the plan's today: said so
    (root / "checkins/b.yaml").write_text("date: 2026-01-07\nstatus: done\n", encoding="utf-8")
    (future,) = load_repository(root, dt.date(2026, 1, 6)).diagnostics
    assert future.code == "future-date" and future.hint.startswith("the plan's day starts at 04:00 (`day_starts_at`)")


def test_new_edit_opens_the_editor_then_checks_the_file(study: Path, tmp_path: Path) -> None:
    editor = tmp_path / "editor.py"
    editor.write_text("import sys\nopen(sys.argv[1], 'a', encoding='utf-8').write('hours: 3\\n')\n", encoding="utf-8")
    result = run_cli("new", str(study), "--date", "2026-01-05", "--edit", env={"EDITOR": f"{sys.executable} {editor}"})
    assert result.returncode == 1  # the editor added a second `hours:` key
    assert "duplicate-key" in result.stdout
