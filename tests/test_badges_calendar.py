"""Badges (shields endpoint JSON and our own SVG) and the calendar feed, as a learner's build writes them."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from jsonschema import Draft7Validator
from playwright.sync_api import Browser

from conftest import run_cli, write_repo
from studylog.load.files import parse_plan
from studylog.model import Locale, Plan
from studylog.render import calendar as calendar_module
from studylog.render.badges import Badge

# shields.io's endpoint format, as its server validates it (services/endpoint-common.js, a Joi
# object: unknown keys are refused, `message` may not be empty, `schemaVersion` must be 1).
SHIELDS_ENDPOINT = {
    "type": "object",
    "additionalProperties": False,
    "required": ["schemaVersion", "label", "message"],
    "properties": {
        "schemaVersion": {"const": 1},
        "label": {"type": "string"},
        "message": {"type": "string", "minLength": 1},
        "color": {"type": "string"},
        "labelColor": {"type": "string"},
        "isError": {"type": "boolean"},
        "namedLogo": {"type": "string"},
        "logoSvg": {"type": "string"},
        "logoColor": {"type": "string"},
        "logoWidth": {"type": "integer"},
        "style": {"type": "string"},
        "cacheSeconds": {"type": "integer", "minimum": 0},
    },
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    plan = (Path(__file__).parent / "data" / "plan.yaml").read_text(encoding="utf-8")
    plan += "reminder_hour: 21\n"
    root = write_repo(
        tmp_path_factory.mktemp("repo"),
        {
            "plan.yaml": plan,
            "README.md": "<!-- studylog:start -->\n<!-- studylog:end -->\n",
            "checkins/2026/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\nhours: 2\n",
            "checkins/2026/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\nhours: 1.5\n",
        },
    )
    result = run_cli("build", str(root), "--today", "2026-01-07")
    assert result.returncode == 0, result.stderr
    return root


def test_badge_json_is_a_valid_shields_endpoint(built: Path) -> None:
    found = sorted((built / "reports/badges").glob("*.json"))
    assert [p.stem for p in found] == ["hours", "progress", "schedule", "streak"]
    for path in found:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert list(Draft7Validator(SHIELDS_ENDPOINT).iter_errors(data)) == [], path
    streak = json.loads((built / "reports/badges/streak.json").read_text(encoding="utf-8"))
    assert streak == {"schemaVersion": 1, "label": "连续打卡", "message": "2 天", "color": "yellowgreen"}
    hours = json.loads((built / "reports/badges/hours.json").read_text(encoding="utf-8"))
    assert hours["message"] == "3.5 / 4 小时"  # 2026-W02 so far: two days checked in, two planned days of 2 h


def test_the_schema_would_catch_a_bad_badge() -> None:
    bad = {"schemaVersion": 2, "label": "x", "message": "", "colour": "red"}
    assert len(list(Draft7Validator(SHIELDS_ENDPOINT).iter_errors(bad))) == 3


@pytest.mark.browser
@pytest.mark.slow
def test_svg_badges_render_in_chromium_with_their_text_inside_the_box(
    built: Path, tmp_path: Path, browser: Browser
) -> None:
    tricky = Badge("x", "本周学习 <&>", '12 days "behind"', "red")
    (tmp_path / "x.svg").write_bytes(tricky.svg())
    paths = [*sorted((built / "reports/badges").glob("*.svg")), tmp_path / "x.svg"]
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    for path in paths:
        page.goto(path.as_uri())
        boxes = page.evaluate(
            """() => {
            const rects = [...document.querySelectorAll('g[clip-path] rect')].slice(0, 2);
            const texts = [...document.querySelectorAll('text:not([fill-opacity])')];
            return {
              rects: rects.map(r => r.width.baseVal.value),
              texts: texts.map(t => [t.textContent, t.getComputedTextLength()]),
              title: document.querySelector('title').textContent,
            };
        }"""
        )
        (label, label_width), (message, message_width) = boxes["texts"]
        assert label_width + 4 <= boxes["rects"][0], (path.name, label, label_width, boxes["rects"])
        assert message_width + 4 <= boxes["rects"][1], (path.name, message, message_width, boxes["rects"])
        assert label_width > 10 and message_width > 10  # drawn with a real font, not empty
    page.close()
    assert errors == []
    assert boxes["title"] == '本周学习 <&>: 12 days "behind"'  # escaped in the file, text again in the browser


def test_the_calendar_feed_parses_and_round_trips(built: Path) -> None:
    data = (built / "reports/plan.ics").read_bytes()
    calendar = Calendar.from_ical(data)
    assert calendar.to_ical() == data
    events = calendar.walk("VEVENT")
    days = [e for e in events if str(e["UID"]).startswith("day-")]
    milestones = [e for e in events if str(e["UID"]).startswith("milestone-")]
    assert len({str(e["UID"]) for e in events}) == len(events)
    first = days[0]
    assert first.decoded("DTSTART") == dt.date(2026, 1, 5) and first.decoded("DTEND") == dt.date(2026, 1, 6)
    assert "w1d1" in str(first["DESCRIPTION"]) and str(first["SUMMARY"]).startswith("📚 ")
    alarm = first.walk("VALARM")[0]
    assert alarm.decoded("TRIGGER") == dt.timedelta(hours=21)
    assert [e.decoded("DTSTART") for e in milestones] == [dt.date(2026, 1, 10)]
    assert {e.decoded("DTSTART") for e in days}.isdisjoint({dt.date(2026, 1, 11)})  # Sunday: a rest day


def test_the_calendar_is_stable_and_escapes_text(tmp_path: Path) -> None:
    plan = (Path(__file__).parent / "data" / "plan.yaml").read_text(encoding="utf-8")
    plan = plan.replace("title: 线性代数", 'title: "线性代数, 矩阵; 逆\\\\ 与 \\\\n 转置"', 1)
    root = write_repo(tmp_path, {"plan.yaml": plan, "README.md": "<!-- studylog:start -->\n<!-- studylog:end -->\n"})
    assert run_cli("build", str(root), "--today", "2026-01-05").returncode == 0
    first = (root / "reports/plan.ics").read_bytes()
    assert run_cli("build", str(root), "--today", "2026-01-09").returncode == 0
    assert (root / "reports/plan.ics").read_bytes() == first  # the as-of date does not change the feed
    text = first.decode("utf-8")
    assert "VALARM" not in text  # no reminder_hour, no alarms
    event = Calendar.from_ical(first).walk("VEVENT")[0]
    assert str(event["SUMMARY"]).startswith("📚 ") and "," in str(event["SUMMARY"])
    unfolded = text.replace("\r\n ", "")
    assert "\\, 矩阵\\; 逆\\\\ 与 \\\\n 转置" in unfolded  # RFC 5545 TEXT escapes of , ; and backslash


def _icalendar_feed(plan: Plan) -> bytes:
    """The feed as the icalendar library writes it: the oracle for studylog's own writer."""
    from icalendar import Alarm, Event

    zh = plan.locale is Locale.ZH_CN
    stamp = dt.datetime.combine(plan.start, dt.time(), dt.UTC)
    domain = calendar_module._domain(plan)
    calendar = Calendar()
    calendar.add("prodid", "-//studylog//plan.ics//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", " ".join(plan.title.split()))
    calendar.add("x-wr-timezone", plan.timezone)
    day = plan.start
    while day <= plan.end:
        items = plan.items_on(day)
        if items and not plan.is_rest_day(day):
            event = Event()
            event.add("uid", f"day-{day.isoformat()}@{domain}")
            event.add("dtstamp", stamp)
            event.add("dtstart", day)
            event.add("dtend", day + dt.timedelta(days=1))
            event.add("summary", "📚 " + ("；" if zh else "; ").join(i.title for i in items))
            lines = []
            for item in items:
                lines.append(f"{item.id}: {item.title}")
                lines += [f"  - {task.id}: {task.title}" for task in item.tasks]
            lines += ["", "打卡：studylog checkin --done ID" if zh else "Check in: studylog checkin --done ID"]
            event.add("description", "\n".join(lines))
            event.add("transp", "TRANSPARENT")
            event.add("categories", ["studylog"])
            if plan.reminder_hour is not None:
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", ("今天的学习：" if zh else "Today's study: ") + items[0].title)
                alarm.add("trigger", dt.timedelta(hours=plan.reminder_hour))
                event.add_component(alarm)
            calendar.add_component(event)
        day += dt.timedelta(days=1)
    for milestone in plan.milestones:
        event = Event()
        event.add("uid", f"milestone-{milestone.id}@{domain}")
        event.add("dtstamp", stamp)
        event.add("dtstart", milestone.due)
        event.add("dtend", milestone.due + dt.timedelta(days=1))
        event.add("summary", f"🎯 {milestone.title}")
        event.add("description", ("覆盖：" if zh else "Covers: ") + ", ".join(milestone.covers))
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["studylog", "milestone"])
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


_TITLE_TEXT = (
    st.lists(
        st.one_of(
            st.sampled_from([*"\\;,^:\"'\r\n\t ,；：、NnЖ", "\\N", "\\n", "📚", "🎯", "打卡", "é", "\u200b"]),
            st.characters(codec="utf-8"),  # no surrogates: they are not UTF-8
        ),
        min_size=1,
        max_size=120,
    )
    .map("".join)
    .filter(str.strip)
)


# The fixture plan as data, read once (libyaml); each example edits its own deep copy.
_FIXTURE_PLAN = yaml.load((Path(__file__).parent / "data" / "plan.yaml").read_bytes(), Loader=yaml.CSafeLoader)


@settings(max_examples=60, deadline=None)
@given(
    titles=st.lists(_TITLE_TEXT, min_size=3, max_size=3),
    reminder=st.one_of(st.none(), st.integers(0, 23)),
    zh=st.booleans(),
)
@example(titles=["\ufeff", "\\", "\\"], reminder=None, zh=False)  # a title that is a byte-order mark (found by it)
def test_the_feed_is_byte_for_byte_what_icalendar_writes(titles: list[str], reminder: int | None, zh: bool) -> None:
    data = copy.deepcopy(_FIXTURE_PLAN)
    data["title"] = titles[0]
    data["locale"] = "zh-CN" if zh else "en"
    if reminder is not None:
        data["reminder_hour"] = reminder
    for n, phase in enumerate(data["phases"]):
        for week in phase["weeks"]:
            for item in week["items"]:
                item["title"] = titles[n % 2]
                for task in item.get("tasks", []):
                    task["title"] = titles[2]
    for milestone in data.get("milestones", []):
        milestone["title"] = titles[2]
    plan, problems = parse_plan("plan.yaml", yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True).encode())
    assert plan is not None, problems
    ours = calendar_module.plan_ics(plan)
    assert ours == _icalendar_feed(plan)
    assert Calendar.from_ical(ours).to_ical() == ours
