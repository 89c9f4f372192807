"""The charts as a reader gets them: titled, dated with years, readable, reproducible, never empty."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import threading
import warnings
from pathlib import Path
from typing import Any

import pytest

from studylog.model import Status
from studylog.render import charts

pytestmark = pytest.mark.draws  # every test here is about drawing: none reads the session's memo

START = dt.date(2026, 1, 5)


def chart_data(
    days: int = 84,
    as_of_offset: int = 20,
    milestones: tuple[charts.Milestone, ...] = (),
    hours: float = 2.0,
    phases: tuple[tuple[str, float], ...] = (("基础", 40.0), ("进阶", 0.0)),
) -> charts.ChartData:
    end = START + dt.timedelta(days=days - 1)
    as_of = START + dt.timedelta(days=as_of_offset)
    done = [START + dt.timedelta(days=i) for i in range(min(days, as_of_offset + 1))]
    weeks: dict[dt.date, float] = {}
    for day in done:
        key = START + dt.timedelta(days=(day - START).days // 7 * 7)  # the plan week's first day
        weeks[key] = weeks.get(key, 0.0) + hours
    return charts.ChartData(
        as_of=as_of,
        start=START,
        end=end,
        planned=((START, 0.0), (end, 100.0)),
        actual=tuple((day, (i + 1) / days * 100) for i, day in enumerate(done)),
        forecast=end,
        milestones=milestones,
        days=tuple((day, Status.DONE, hours) for day in done),
        hours_target_per_day=2.0,
        phases=phases,
        weeks=tuple((key, value, 14.0 if hours else None) for key, value in sorted(weeks.items())),
        labels=charts.Labels(
            planned="planned",
            actual="actual",
            forecast="forecast",
            today="today",
            percent="%",
            hours="hours",
            target="target",
            weekdays=("Mon", "", "Wed", "", "Fri", "", "Sun"),
            legend=(
                (Status.DONE, "done"),
                (Status.MISSED, "missed"),
                (Status.REST, "rest"),
                (Status.UPCOMING, "upcoming"),
            ),
            titles=(
                ("burnup", "Planned vs actual"),
                ("calendar", "Check-ins"),
                ("phases", "Phases"),
                ("hours", "Hours"),
            ),
        ),
    )


def drawn(name: str, data: charts.ChartData) -> Any:
    """The figure a chart draws, before it becomes SVG, to look at its axes."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    draw, size = charts.CHARTS[name]
    style: Any = charts._style(charts.LIGHT)  # matplotlib's stubs want a dict of its literal key names
    with matplotlib.rc_context(style), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")  # as render_chart does
        fig = charts._figure(size(data))
        FigureCanvasAgg(fig)
        draw(fig, data, charts.LIGHT)
        fig.canvas.draw()
    return fig


def texts(svg: bytes) -> list[str]:
    return [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<text[^>]*>(.*?)</text>", svg.decode(), re.S)]


def test_date_ticks_are_few_and_found_for_every_span() -> None:
    # A daily rule with a 7-day interval once searched to year 9999 for spans of 392–447 days; the
    # old rule gave two ticks a year apart for 392–447 days. Every span from a day to 1,300 days, each
    # failing span listed (one test, not 1,300: pytest's per-test cost was most of the time).
    start = dt.datetime(2026, 1, 5, tzinfo=dt.UTC)
    counts = {
        span: len(charts.date_locator(span).tick_values(start, start + dt.timedelta(days=span)))
        for span in range(1, 1301)
    }
    wrong = {span: n for span, n in counts.items() if not (2 if span == 1 else 3) <= n <= 9}
    assert not wrong, wrong


def test_a_dollar_in_learner_text_is_text_not_math() -> None:
    data = chart_data(
        milestones=(charts.Milestone("Budget $5 for GPUs", START + dt.timedelta(days=30)),),
        phases=(("Phase $x$ and $y$", 50.0), ("Cost: $3", 10.0)),
    )
    burnup = charts.render_chart("burnup", data)
    phases = charts.render_chart("phases", data)
    assert any("Budget $5 for GPUs" in t for t in texts(burnup))
    assert "Phase $x$ and $y$" in texts(phases) and "Cost: $3" in texts(phases)


def test_many_milestones_draw_as_marks_without_a_key() -> None:
    many = tuple(charts.Milestone(f"M{i}", START + dt.timedelta(days=i % 84)) for i in range(1000))
    svg = charts.render_chart("burnup", chart_data(milestones=many))
    assert not any(t.startswith("#") for t in texts(svg))
    fig = drawn("burnup", chart_data(milestones=many))
    [ax] = fig.axes
    assert len(ax.collections) == 1  # every milestone line in one collection, not 1,000 artists
    assert len(ax.lines) <= 5  # planned, actual, forecast, today, and one line of marks


def test_few_milestones_are_numbered_with_a_key_that_never_truncates() -> None:
    title = "阶段1验收：Transformer+工具链综合测试（一个很长的里程碑标题）"
    data = chart_data(
        milestones=(
            charts.Milestone(title, START + dt.timedelta(days=27)),
            charts.Milestone("Two", START + dt.timedelta(days=28)),  # a day apart: the numbers must not collide
        )
    )
    found = texts(charts.render_chart("burnup", data))
    assert "#1  2026-02-01  " + title in found and "1" in found and "2" in found
    fig = drawn("burnup", data)
    renderer = fig.canvas.get_renderer()
    numbers = [t for t in fig.axes[0].texts if t.get_text() in ("1", "2")]
    one, two = (t.get_bbox_patch().get_window_extent(renderer) for t in numbers)
    assert not one.overlaps(two)


def test_the_axis_spans_the_plan_not_today() -> None:
    import matplotlib.dates as mdates

    finished = chart_data(days=84, as_of_offset=300)  # a 12-week plan looked at months later
    [ax] = drawn("burnup", finished).axes
    left, right = (mdates.num2date(x).date() for x in ax.get_xlim())  # type: ignore[no-untyped-call]
    assert left == START - dt.timedelta(days=1) and right == finished.end + dt.timedelta(days=1)


def test_dates_carry_the_year_and_show_each_new_one() -> None:
    data = chart_data(days=120, as_of_offset=100)  # 2026-01-05 to 2026-05-04
    labels = [t.get_text() for t in drawn("burnup", data).axes[0].get_xticklabels()]
    assert labels[0].endswith("\n2026") and sum("\n" in x for x in labels) == 1
    [ax] = drawn("burnup", chart_data(days=400, as_of_offset=100)).axes  # ends in February 2027
    assert ax.get_xlabel() == "2026–2027"
    [ax] = drawn("burnup", chart_data(days=600, as_of_offset=100)).axes  # ends in August 2027
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert [x.split("\n")[1] for x in labels if "\n" in x] == ["2026", "2027"]


def test_no_hours_no_hours_chart() -> None:
    assert "hours" in charts.names(chart_data())
    assert "hours" not in charts.names(chart_data(hours=0.0))


def test_phase_axis_ends_at_100() -> None:
    [ax] = drawn("phases", chart_data()).axes
    assert ax.get_xlim() == (0.0, 100.0)


def test_calendar_draws_only_plan_days_and_wraps_long_plans() -> None:
    twelve = chart_data(days=84)
    [ax] = drawn("calendar", twelve).axes
    [cells] = ax.collections
    assert len(cells.get_paths()) == 84  # days before the start are not drawn: they are not rest days
    width12, _ = charts._calendar_size(twelve)
    year = chart_data(days=365, as_of_offset=200)
    width365, height365 = charts._calendar_size(year)
    _, _, bands = charts._calendar_grid(year)
    assert bands == 3 and width365 <= charts.MAX_WIDTH and height365 > charts._calendar_size(twelve)[1]
    assert width12 < width365  # a short plan is not stretched: its cells keep their size


def test_every_text_is_at_least_the_minimum_size() -> None:
    data = chart_data(milestones=(charts.Milestone("M", START + dt.timedelta(days=10)),))
    for name in charts.names(data):
        svg = charts.render_chart(name, data).decode()
        sizes = [float(x) for x in re.findall(r"font-size: ([0-9.]+)px", svg)]
        assert sizes and min(sizes) >= charts.MIN_FONT, name
        width = float(re.search(r'width="([0-9.]+)pt"', svg).group(1))  # type: ignore[union-attr]
        assert width <= charts.MAX_WIDTH * 72 + 0.5, name


def test_output_is_reproducible_and_dark_is_a_colour_swap() -> None:
    data = chart_data(milestones=(charts.Milestone("M", START + dt.timedelta(days=10)),))
    for name in charts.names(data):
        light = charts.render_chart(name, data)
        assert light == charts.render_chart(name, data)
        dark = charts.to_dark(light)
        assert dark != light and charts.LIGHT.text.encode() not in dark and charts.DARK.text.encode() in dark
        assert re.sub(rb"#[0-9a-f]{6}", b"#", dark) == re.sub(rb"#[0-9a-f]{6}", b"#", light)


_DRAW_EVERY_CHART = """
import hashlib, json, sys
if sys.argv[1] == "as-is":  # matplotlib imported the usual way before studylog draws
    import matplotlib.backends.backend_svg, matplotlib.collections, matplotlib.dates, matplotlib.figure
    import matplotlib.patches
import matplotlib.artist
kwdoc = matplotlib.artist.kwdoc
from studylog.render import charts
import test_charts
data = test_charts.chart_data(milestones=(charts.Milestone("M", test_charts.START),))
drawn = {name: hashlib.sha256(charts.render_chart(name, data)).hexdigest() for name in charts.names(data)}
import matplotlib.lines
print(json.dumps({
    "drawn": drawn,
    "kwdoc back": matplotlib.artist.kwdoc is kwdoc,
    "help lists properties": "agg_filter" in (matplotlib.lines.Line2D.set.__doc__ or ""),
}))
"""


def test_importing_matplotlib_without_its_help_text_draws_the_same_bytes() -> None:
    """studylog imports matplotlib without the property lists it writes into its classes' help text
    (~0.1 s a process); a process whose matplotlib was imported the usual way draws the same bytes."""
    tests = Path(__file__).parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tests.parent / "scripts"), str(tests)])}
    seen = {}
    for how in ("as-is", "studylog"):
        done = subprocess.run(
            [sys.executable, "-c", _DRAW_EVERY_CHART, how],
            cwd=tests,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        seen[how] = json.loads(done.stdout)
    assert seen["studylog"]["drawn"] == seen["as-is"]["drawn"] and len(seen["studylog"]["drawn"]) == 4
    assert seen["studylog"]["kwdoc back"] and seen["as-is"]["kwdoc back"]  # matplotlib's own function is put back
    assert seen["as-is"]["help lists properties"]
    assert not seen["studylog"]["help lists properties"]  # the saving took place


def test_threads_drawing_at_once_draw_what_one_draws_alone() -> None:
    """matplotlib's settings and the warnings filter are the whole process's: drawings one at a time."""
    data = chart_data(milestones=(charts.Milestone("M", START),))
    alone = {name: charts.render_chart(name, data) for name in ("phases", "calendar")}
    drawn: list[tuple[str, bytes]] = []

    def draw(name: str) -> None:
        drawn.append((name, charts.render_chart(name, data)))

    threads = [threading.Thread(target=draw, args=(name,)) for name in [*alone] * 3]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(drawn) == len(threads)
    assert all(svg == alone[name] for name, svg in drawn)
