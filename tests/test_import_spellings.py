"""The date and status spellings trackers use, as the import reads them (worked by hand)."""

from __future__ import annotations

import datetime as dt

import pytest

from studylog.model import Status
from studylog.start.importers.common import find_date, find_month_hint, links_in, status_of
from studylog.start.importers.daytable import day_range


@pytest.mark.parametrize(
    ("written", "year", "expected"),
    [
        ("2026-01-05", None, dt.date(2026, 1, 5)),
        ("2025.12.1", None, dt.date(2025, 12, 1)),
        ("2025/12/01", None, dt.date(2025, 12, 1)),
        ("2025年12月29日", None, dt.date(2025, 12, 29)),
        ("12月1日", 2025, dt.date(2025, 12, 1)),  # the year comes from the rows above or --start
        ("12月1号", 2025, dt.date(2025, 12, 1)),
        ("Day 12: November 10, 2018", None, dt.date(2018, 11, 10)),
        ("Nov 11th, 2018", None, dt.date(2018, 11, 11)),
        ("12 November 2018", None, dt.date(2018, 11, 12)),
        ("Sept. 3, 2019", None, dt.date(2019, 9, 3)),
        ("### Day 1 (2025-12-01)", None, dt.date(2025, 12, 1)),
    ],
)
def test_every_date_spelling(written: str, year: int | None, expected: dt.date) -> None:
    found = find_date(written, year)
    assert found is not None and found.date == expected


@pytest.mark.parametrize("written", ["February 30, 2016", "2019-02-29", "2025年13月1日"])
def test_a_date_that_does_not_exist_is_found_but_has_no_day(written: str) -> None:
    found = find_date(written)
    assert found is not None and found.date is None


def test_a_month_day_without_any_year_waits_for_one() -> None:
    found = find_date("12月1日")
    assert found is not None and found.date is None and found.text == "12月1日"


def test_placeholders_are_month_hints() -> None:
    hint = find_month_hint("2026-02-XX")
    assert hint is not None and str(hint) == "2026-02-XX" and hint.holds(dt.date(2026, 2, 17))
    assert find_month_hint("2026年3月XX") is not None and find_month_hint("2026-01-05") is None


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("✅", Status.DONE),
        ("☑", Status.DONE),
        ("✅ 已完成", Status.DONE),
        ("**✅**", Status.DONE),
        ("✅ 提前完成", Status.DONE),  # a symbol and a remark: the symbol decides
        ("[x]", Status.DONE),
        ("🔄", Status.IN_PROGRESS),
        ("🟡 进行中", Status.IN_PROGRESS),
        ("☐", Status.NOT_DONE),
        ("⚪ 未开始", Status.NOT_DONE),
        ("❌", Status.NOT_DONE),
        ("好了", None),
    ],
)
def test_statuses(written: str, expected: Status | None) -> None:
    assert status_of(written) is expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [("3", (3, 3)), ("Day3", (3, 3)), ("4-7", (4, 7)), ("Day3-7", (3, 7)), ("第2天", (2, 2)), ("3~5", (3, 5))],
)
def test_day_ranges(written: str, expected: tuple[int, int]) -> None:
    assert day_range(written) == expected


def test_links_as_written() -> None:
    cell = "[commit](https://github.com/a/b/commit/1a2b) /code/w1/d1.py、/docs/n.md#day3-极大似然vs贝叶斯"
    assert links_in(cell) == [
        {"url": "https://github.com/a/b/commit/1a2b", "title": "commit"},
        "/code/w1/d1.py",
        "/docs/n.md#day3-极大似然vs贝叶斯",
    ]
