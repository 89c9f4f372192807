"""The one place studylog reads the clock: every command's as-of date is decided here.

Everything else takes the date as an argument, so the same inputs and the same as-of date give
byte-identical outputs.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

# The years studylog works with: a date outside them in a file, or given on the command line, is a
# slip (0226, 20266), and dates near the calendar's ends overflow a day's arithmetic (9999-12-31 + 1).
MIN_YEAR, MAX_YEAR = 1900, 2999


def today_in(timezone: str, now: dt.datetime | None = None, day_starts_at: dt.time = dt.time(0)) -> dt.date:
    """The learner's date right now (or at `now`, an aware datetime) in the plan's timezone.

    Before the plan's `day_starts_at` it is still the day before: a night owl's 01:30 belongs to yesterday.
    """
    local = (now or dt.datetime.now(dt.UTC)).astimezone(ZoneInfo(timezone)).replace(tzinfo=None)
    return (local - dt.timedelta(hours=day_starts_at.hour, minutes=day_starts_at.minute)).date()


def is_timezone(name: str) -> bool:
    """Whether `name` is an IANA timezone a plan may name: `Area/City` (Asia/Shanghai) or UTC."""
    try:
        ZoneInfo(name)
    except (KeyError, ValueError, OSError):  # not in the database (a KeyError), not a key, a folder (`America`)
        return False
    return "/" in name or name == "UTC"


def as_of(given: dt.date | None, timezone: str, day_starts_at: dt.time = dt.time(0)) -> dt.date:
    """The as-of date of a command: `--today` when given, else today in the plan's timezone and day."""
    return given if given is not None else today_in(timezone, day_starts_at=day_starts_at)
