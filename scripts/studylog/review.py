"""Problems that come back for review (避坑复习): which solved problem is due when. Pure.

A problem is solved on the date of the check-in that records it with a solution. It first comes
back `intervals[0]` days later; each later check-in that lists it under `reviewed:` moves it on,
and the next review is `intervals[n]` days after *that* review (so a late review is not punished
twice, and an early one still counts). After the last interval it has graduated and stops coming
back. A problem recorded without a solution (open) is not reviewed until a check-in solves it:
re-recording it with a solution on a later day starts its schedule from that day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from studylog.model import CheckIn, problem_id


class ReviewState(NamedTuple):
    id: str  # YYYY-MM-DD#N: the check-in's date and the problem's place in it
    problem: str
    solution: str
    solved: dt.date
    checkin: str  # path of the check-in that recorded it
    reviews: tuple[dt.date, ...]  # dates it was reviewed on, oldest first
    due: dt.date | None  # None: graduated, every interval done

    def overdue(self, as_of: dt.date) -> int:
        """Days past due (0 when due today); negative when not due yet."""
        return (as_of - self.due).days if self.due else -1


def schedule(checkins: Iterable[CheckIn], intervals: Sequence[int], as_of: dt.date) -> tuple[ReviewState, ...]:
    """Every solved problem recorded on or before `as_of`, with its reviews up to `as_of` and next due date."""
    ordered = sorted((c for c in checkins if c.date <= as_of), key=lambda c: (c.date, c.path))
    solved: dict[str, tuple[CheckIn, int]] = {}
    for checkin in ordered:
        for number, problem in enumerate(checkin.problems, start=1):
            if problem.solution:
                solved[problem_id(checkin.date, number)] = (checkin, number)
    reviewed: dict[str, list[dt.date]] = {ident: [] for ident in solved}
    for checkin in ordered:
        for ident in dict.fromkeys(checkin.reviewed):  # once per day, however often it is listed
            if ident in reviewed and checkin.date > solved[ident][0].date:
                reviewed[ident].append(checkin.date)
    states = []
    for ident, (checkin, number) in solved.items():
        problem = checkin.problems[number - 1]
        reviews = tuple(reviewed[ident])
        states.append(
            ReviewState(
                ident,
                problem.problem,
                problem.solution,
                checkin.date,
                checkin.path,
                reviews,
                next_due(checkin.date, reviews, intervals),
            )
        )
    return tuple(sorted(states, key=lambda s: (s.solved, s.id)))


def next_due(solved: dt.date, reviews: Sequence[dt.date], intervals: Sequence[int]) -> dt.date | None:
    """The date the next review is due after these reviews; None once every interval is done."""
    if len(reviews) >= len(intervals):
        return None
    last = reviews[-1] if reviews else solved
    return last + dt.timedelta(days=intervals[len(reviews)])


def due(states: Iterable[ReviewState], as_of: dt.date) -> list[ReviewState]:
    """What is due on `as_of` (overdue first, then by id)."""
    return sorted((s for s in states if s.due is not None and s.due <= as_of), key=lambda s: (s.due, s.id))
