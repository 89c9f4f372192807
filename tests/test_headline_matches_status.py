"""Every figure in the README headline is the one `status --format json` reports (a property test)."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO_ROOT, run_cli
from studylog.diagnostics import Span
from studylog.load.files import parse_plan
from studylog.model import CheckIn, Repository, Status, WorkedOn
from studylog.progress import compute
from studylog.render.pages import render_all
from studylog.render.report import snapshot_json

PLAN, _ = parse_plan("plan.yaml", (REPO_ROOT / "plan.yaml").read_bytes())
assert PLAN is not None
IDS = [i.id for i in PLAN.items]
HEADLINE = re.compile(
    r"\*\*总进度 (?P<overall>[\d.]+)%\*\* · 计划 (?P<expected>[\d.]+)% · "
    r"(?:⏩ 提前 (?P<ahead>\d+) 天|⏪ 落后 (?P<behind>\d+) 天|✅ 按计划进行)<br>\n"
    r"🏁 (?:预计完成 (?P<forecast>\d{4}-\d\d-\d\d)|暂无预测) · "
    r"🔥 连续打卡 (?P<streak>\d+) 天 · "
    r"⏱ (?:(?P<hours>[\d.]+)(?: / (?P<target>[\d.]+))? 小时"
    r"（(?P<recorded>\d+)/(?P<checkins>\d+) 次打卡记录了时长）|未记录学习时长)$",
    re.M,
)
NOTE = re.compile(
    r"^🏁 (?:按最近 (?P<window>\d+) 天的速度推算，为计划速度的 (?P<pace>\d+)%|[^；\n]+)；计划结束于 (?P<end>[\d-]+)。",
    re.M,
)
PHASE_ROW = re.compile(
    r"^\| (?P<title>[^|]+) \| `[█░]+`&nbsp;(?P<percent>[\d.]+)% \| (?P<done>\d+)/(?P<total>\d+)\W*项 \|$", re.M
)


def headline_matches(section: str, report: dict[str, Any]) -> None:
    match = HEADLINE.search(section)
    assert match, section[:600]
    schedule = report["schedule"]
    assert float(match["overall"]) == report["overall"]["percent"]
    assert float(match["expected"]) == schedule["expected_percent"]
    days = int(match["ahead"] or 0) - int(match["behind"] or 0)
    assert days == schedule["days_ahead"]
    assert match["forecast"] == schedule["forecast_finish"]
    assert int(match["streak"]) == report["streak"]["current"]
    hours = report["hours"]
    if match["hours"] is None:
        assert hours["recorded_days"] == 0
    else:
        assert float(match["hours"]) == round(hours["total"], 1)
        assert (float(match["target"]) if match["target"] else None) == hours["target"]
        assert (int(match["recorded"]), int(match["checkins"])) == (hours["recorded_days"], hours["checkins"])
    note = NOTE.search(section)
    assert note, section[:900]
    assert note["end"] == schedule["plan_end"]
    if schedule["forecast_basis"] == "pace":
        assert int(note["window"]) == schedule["pace_window_days"]
        assert int(note["pace"]) == round(schedule["pace_vs_plan"] * 100)
    rows = PHASE_ROW.findall(section)
    assert [(float(p), int(d), int(t)) for _, p, d, t in rows] == [
        (p["percent"], p["items_done"], p["items_total"]) for p in report["phases"]
    ]


def checkin(offset: int, status: Status, ids: list[str] | None, hours: float | None) -> CheckIn:
    assert PLAN is not None
    day = PLAN.start + dt.timedelta(days=offset)
    span = Span(f"checkins/{day}.yaml", 1, 1)
    return CheckIn(
        path=span.path,
        date=day,
        status=status,
        hours=hours,
        items=tuple(WorkedOn(i, status, span) for i in ids or ()),
        items_given=ids is not None,
        summary="",
        problems=(),
        links=(),
        done=(),
        insights=(),
        next=(),
        resources=(),
        notes="",
        span=span,
        spans={},
    )


days = st.dictionaries(
    st.integers(0, 90),
    st.tuples(
        st.sampled_from(list(Status)),
        st.one_of(st.none(), st.lists(st.sampled_from(IDS), max_size=4)),
        st.one_of(st.none(), st.sampled_from([0.5, 1.0, 2.0, 3.5])),
    ),
    max_size=40,
)


@settings(max_examples=40, deadline=None)
@given(history=days, as_of=st.integers(-2, 100))
def test_the_headline_says_what_status_json_says(history: dict[int, Any], as_of: int) -> None:
    assert PLAN is not None
    checkins = tuple(checkin(offset, *entry) for offset, entry in sorted(history.items()))
    snapshot = compute(Repository(str(REPO_ROOT), PLAN, checkins), PLAN.start + dt.timedelta(days=as_of))
    section = render_all(Repository(str(REPO_ROOT), PLAN, checkins), snapshot).readme_section
    headline_matches(section, json.loads(json.dumps(snapshot_json(snapshot))))


def test_this_repositorys_readme_says_what_status_says() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    as_of = re.search(r"as-of: (\d{4}-\d\d-\d\d) -->", readme)
    assert as_of
    result = run_cli("status", str(REPO_ROOT), "--format", "json", "--today", as_of[1])
    assert result.returncode == 0, result.stdout + result.stderr
    headline_matches(readme, json.loads(result.stdout))
