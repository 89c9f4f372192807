"""The one place studylog reads the clock: every command's as-of date is decided here.

Everything else takes the date as an argument, so the same inputs and the same as-of date give
byte-identical outputs.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo


def today_in(timezone: str, now: dt.datetime | None = None) -> dt.date:
    """The learner's date right now (or at `now`, an aware datetime) in the plan's timezone."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(ZoneInfo(timezone)).date()


def as_of(given: dt.date | None, timezone: str) -> dt.date:
    """The as-of date of a command: `--today` when given, else today in the plan's timezone."""
    return given if given is not None else today_in(timezone)
