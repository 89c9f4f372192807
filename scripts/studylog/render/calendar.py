"""`reports/plan.ics`: the plan as a calendar feed a phone can subscribe to (RFC 5545, via icalendar).

Each planned day is an all-day event listing that day's items (and their tasks); each milestone
is an all-day event on its due date. With `reminder_hour` in plan.yaml every planned day carries
an alarm at that local hour, so the phone reminds even when GitHub's scheduled reminder runs
late or Actions is disabled.

Stable: UIDs are made from the plan's start, the date or milestone id, never from a counter; the
DTSTAMP every event must carry is the plan's start (not the build time), so the bytes change only
when the plan does. The library folds lines and escapes `,` `;` `\\` and newlines in text.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from studylog.model import Locale, Plan

ONE_DAY = dt.timedelta(days=1)


def _domain(plan: Plan) -> str:
    # Two learners' feeds in one calendar app must not share UIDs: scope them by the plan.
    return hashlib.sha256(f"{plan.title}\0{plan.learner}".encode()).hexdigest()[:12] + ".studylog"


def ics_key(plan: Plan) -> str:
    """A hash of everything the feed shows (and of this module): an unchanged plan needs no new feed."""
    from pathlib import Path

    shown = (
        plan.title, plan.learner, plan.timezone, plan.locale, plan.reminder_hour, plan.start, plan.end,
        sorted(plan.rest_weekdays), sorted(plan.rest_dates),
        [(i.id, i.title, i.start, i.days, [(t.id, t.title) for t in i.tasks]) for i in plan.items],
        [(m.id, m.title, m.due, m.covers) for m in plan.milestones],
    )  # fmt: skip
    code = Path(__file__).read_bytes()
    return hashlib.sha256(code + repr(shown).encode("utf-8")).hexdigest()[:16]


def plan_ics(plan: Plan) -> bytes:
    from icalendar import Alarm, Calendar, Event

    zh = plan.locale is Locale.ZH_CN
    stamp = dt.datetime.combine(plan.start, dt.time(), dt.UTC)
    domain = _domain(plan)
    calendar = Calendar()
    calendar.add("prodid", "-//studylog//plan.ics//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", " ".join(plan.title.split()))  # an X- property is not escaped: one line
    calendar.add("x-wr-timezone", plan.timezone)
    day = plan.start
    while day <= plan.end:
        items = plan.items_on(day)
        if items and not plan.is_rest_day(day):
            event = Event()
            event.add("uid", f"day-{day.isoformat()}@{domain}")
            event.add("dtstamp", stamp)
            event.add("dtstart", day)
            event.add("dtend", day + ONE_DAY)
            event.add("summary", "📚 " + ("；" if zh else "; ").join(i.title for i in items))
            lines = []
            for item in items:
                lines.append(f"{item.id}: {item.title}")
                lines += [f"  - {task.id}: {task.title}" for task in item.tasks]
            lines.append("")
            lines.append("打卡：studylog checkin --done ID" if zh else "Check in: studylog checkin --done ID")
            event.add("description", "\n".join(lines))
            event.add("transp", "TRANSPARENT")
            event.add("categories", ["studylog"])
            if plan.reminder_hour is not None:
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", ("今天的学习：" if zh else "Today's study: ") + items[0].title)
                alarm.add("trigger", dt.timedelta(hours=plan.reminder_hour))  # from the day's local midnight
                event.add_component(alarm)
            calendar.add_component(event)
        day += ONE_DAY
    for milestone in plan.milestones:
        event = Event()
        event.add("uid", f"milestone-{milestone.id}@{domain}")
        event.add("dtstamp", stamp)
        event.add("dtstart", milestone.due)
        event.add("dtend", milestone.due + ONE_DAY)
        event.add("summary", f"🎯 {milestone.title}")
        event.add("description", ("覆盖：" if zh else "Covers: ") + ", ".join(milestone.covers))
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["studylog", "milestone"])
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
