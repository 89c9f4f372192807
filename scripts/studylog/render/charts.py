"""The four charts, as SVG in a light and a dark variant, byte-for-byte reproducible.

Text stays text in the SVG (`svg.fonttype: none`) and names a font stack with CJK fonts, so
the viewer's own fonts draw Chinese — GitHub shows SVGs as images, and every system that reads
Chinese has such a font. Layout is measured with matplotlib's bundled DejaVu Sans on every
machine, so the bytes never depend on which fonts happen to be installed.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from studylog.model import Status

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FONT_STACK = (
    "'DejaVu Sans', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', "
    "'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif"
)


@dataclass(frozen=True)
class Theme:
    name: str
    text: str
    muted: str
    grid: str
    planned: str
    actual: str
    forecast: str
    milestone: str
    done: tuple[str, ...]  # light to strong: more hours, stronger
    in_progress: str
    not_done: str
    missed: str
    rest: str
    empty: str
    upcoming: str


LIGHT = Theme(
    "light",
    text="#1f2328",
    muted="#59636e",
    grid="#d1d9e0",
    planned="#8c959f",
    actual="#1a7f37",
    forecast="#0969da",
    milestone="#8250df",
    done=("#aceebb", "#6fdd8b", "#2da44e", "#116329"),
    in_progress="#f2cc60",
    not_done="#ff8182",
    missed="#ffd8d3",
    rest="#e6e9ec",
    empty="#f6f8fa",
    upcoming="#ffffff",
)
DARK = Theme(
    "dark",
    text="#e6edf3",
    muted="#9198a1",
    grid="#3d444d",
    planned="#9198a1",
    actual="#3fb950",
    forecast="#4493f8",
    milestone="#ab7df8",
    done=("#033a16", "#196c2e", "#2ea043", "#56d364"),
    in_progress="#bb8009",
    not_done="#da3633",
    missed="#5d0f12",
    rest="#262c36",
    empty="#151b23",
    upcoming="#0d1117",
)
THEMES = (LIGHT, DARK)
# The calendar's legend, in this order.
LEGEND = (Status.DONE, Status.IN_PROGRESS, Status.NOT_DONE, Status.MISSED, Status.REST, Status.UPCOMING)


@dataclass(frozen=True)
class Labels:
    planned: str
    actual: str
    forecast: str
    today: str
    percent: str
    hours: str
    target: str
    weekdays: tuple[str, ...]
    legend: tuple[tuple[Status, str], ...]  # (status, label) for the calendar


@dataclass(frozen=True)
class Milestone:
    title: str
    due: dt.date


@dataclass(frozen=True)
class ChartData:
    """Everything the charts draw; its repr is the cache key of the chart files."""

    as_of: dt.date
    start: dt.date
    end: dt.date
    planned: tuple[tuple[dt.date, float], ...]
    actual: tuple[tuple[dt.date, float], ...]
    forecast: dt.date | None
    milestones: tuple[Milestone, ...]
    days: tuple[tuple[dt.date, Status, float], ...]  # (day, status, hours) for the calendar
    hours_target_per_day: float | None
    phases: tuple[tuple[str, float], ...]  # (title, percent)
    weeks: tuple[tuple[str, float, float | None], ...]  # (ISO week, hours, target)
    labels: Labels


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("svg", force=True)
    import matplotlib.pyplot as plt

    return plt


def _style(theme: Theme) -> dict[str, Any]:
    return {
        "svg.fonttype": "none",
        "svg.hashsalt": "studylog",
        "font.family": ["DejaVu Sans"],
        "font.size": 9,
        "text.color": theme.text,
        "axes.labelcolor": theme.text,
        "axes.edgecolor": theme.grid,
        "axes.facecolor": "none",
        "figure.facecolor": "none",
        "savefig.facecolor": "none",
        "xtick.color": theme.muted,
        "ytick.color": theme.muted,
        "grid.color": theme.grid,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "legend.frameon": False,
        "path.simplify": False,
    }


def _svg(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "studylog"})
    _pyplot().close(fig)
    text = buffer.getvalue().decode("utf-8")
    text = re.sub(r"font-family: '?DejaVu Sans'?", lambda _: f"font-family: {FONT_STACK}", text)
    return text.encode("utf-8")


def _render(draw: Any, data: ChartData, theme: Theme, size: tuple[float, float]) -> bytes:
    plt = _pyplot()
    with plt.rc_context(_style(theme)), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        fig = plt.figure(figsize=size)
        draw(fig, data, theme)
        return _svg(fig)


def _date_axis(ax: Axes, start: dt.date, end: dt.date) -> None:
    import matplotlib.dates as mdates

    ax.set_xlim(_x(start), _x(end))
    span = (end - start).days
    interval = max(1, span // 8 // 7) if span > 56 else 1
    locator = (
        mdates.WeekdayLocator(byweekday=0, interval=interval)  # type: ignore[no-untyped-call]
        if span > 21
        else mdates.DayLocator(interval=2)  # type: ignore[no-untyped-call]
    )
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%m-%d"))  # type: ignore[no-untyped-call]


def _x(day: dt.date) -> float:
    import matplotlib.dates as mdates

    return float(mdates.date2num(day))  # type: ignore[no-untyped-call]


def _burnup(fig: Figure, data: ChartData, theme: Theme) -> None:
    ax = fig.add_axes((0.07, 0.14, 0.9, 0.72))
    labels = data.labels
    end = max(data.end, data.forecast or data.end, data.as_of)
    planned_x = [_x(day) for day, _ in data.planned]
    ax.plot(
        planned_x,
        [v for _, v in data.planned],
        color=theme.planned,
        linewidth=1.5,
        linestyle="--",
        label=labels.planned,
    )
    if data.actual:
        points = [(data.start, 0.0), *data.actual, (data.as_of, data.actual[-1][1])]
        xs, ys = [_x(day) for day, _ in points], [v for _, v in points]
        ax.step(xs, ys, where="post", color=theme.actual, linewidth=2.2, label=labels.actual)
        if data.forecast and data.forecast > data.as_of and data.actual[-1][1] < 100:
            ax.plot(
                [_x(data.as_of), _x(data.forecast)],
                [data.actual[-1][1], 100],
                color=theme.forecast,
                linewidth=1.5,
                linestyle=":",
                label=f"{labels.forecast} {data.forecast.isoformat()}",
            )
    today = _x(data.as_of)
    ax.axvline(today, color=theme.muted, linewidth=0.8)
    ax.text(today, 102, labels.today, color=theme.muted, ha="center", va="bottom", fontsize=8)
    for milestone in data.milestones:
        due = _x(milestone.due)
        ax.axvline(due, color=theme.milestone, linewidth=0.8, linestyle=(0, (1, 3)))
        ax.plot([due], [100], marker="v", color=theme.milestone, markersize=7, clip_on=False)
        title = milestone.title if len(milestone.title) <= 16 else milestone.title[:15] + "…"
        ax.text(due, 4, title, color=theme.milestone, ha="right", va="bottom", fontsize=7, rotation=90)
    ax.set_ylim(0, 100)
    ax.set_ylabel(labels.percent)
    ax.grid(True, axis="y", linewidth=0.5)
    _date_axis(ax, data.start - dt.timedelta(days=1), end + dt.timedelta(days=1))
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, 1.16), ncol=3, fontsize=8, handlelength=2.5)


def _cell_color(status: Status | None, hours: float, per_day: float | None, theme: Theme) -> str:
    """The calendar cell's colour; None is a day outside the plan."""
    if status is Status.DONE:
        target = per_day or 2.0
        level = 0 if hours <= 0 else min(3, int(hours / target * 2))  # half, full, 1.5× the target
        return theme.done[max(level, 1) if hours else 2]
    return (
        {
            Status.IN_PROGRESS: theme.in_progress,
            Status.NOT_DONE: theme.not_done,
            Status.MISSED: theme.missed,
            Status.REST: theme.rest,
            Status.UPCOMING: theme.upcoming,
        }.get(status, theme.empty)
        if status is not None
        else theme.empty
    )


def _calendar(fig: Figure, data: ChartData, theme: Theme) -> None:
    from matplotlib.patches import Rectangle

    first = data.start - dt.timedelta(days=data.start.weekday())
    last = max(data.end, data.as_of)
    weeks = (last - first).days // 7 + 1
    ax = fig.add_axes((0.06, 0.22, 0.92, 0.7))
    status: dict[dt.date, tuple[Status | None, float]] = {day: (state, hours) for day, state, hours in data.days}
    day = first
    while day <= last:
        column, row = (day - first).days // 7, day.weekday()
        in_plan = data.start <= day <= data.end
        state, hours = status.get(day, (Status.REST if in_plan else None, 0.0))
        if day > data.as_of and state is not Status.REST:
            state = Status.UPCOMING if in_plan else None
        color = _cell_color(state, hours, data.hours_target_per_day, theme)
        ax.add_patch(
            Rectangle((column + 0.08, 6 - row + 0.08), 0.84, 0.84, facecolor=color, edgecolor=theme.grid, linewidth=0.4)
        )
        day += dt.timedelta(days=1)
    ax.set_xlim(0, weeks)
    ax.set_ylim(0, 7)
    ax.set_yticks([6.5 - i for i in range(7)], data.labels.weekdays, fontsize=7)
    step = max(2, weeks // 10)
    ax.set_xticks(
        [i + 0.5 for i in range(0, weeks, step)],
        [(first + dt.timedelta(weeks=i)).strftime("%m-%d") for i in range(0, weeks, step)],
        fontsize=7,
    )
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_aspect("equal", adjustable="box")
    handles = [
        Rectangle(
            (0, 0),
            1,
            1,
            facecolor=_cell_color(key, data.hours_target_per_day or 2.0, data.hours_target_per_day, theme),
            edgecolor=theme.grid,
            linewidth=0.4,
        )
        for key, _ in data.labels.legend
    ]
    fig.legend(
        handles,
        [label for _, label in data.labels.legend],
        loc="lower center",
        ncol=len(handles),
        fontsize=7,
        handlelength=1.0,
        handleheight=1.0,
    )


def _phases(fig: Figure, data: ChartData, theme: Theme) -> None:
    ax = fig.add_axes((0.3, 0.12, 0.62, 0.8))
    titles = [title for title, _ in data.phases][::-1]
    values = [value for _, value in data.phases][::-1]
    positions = list(range(len(values)))
    ax.barh(positions, [100] * len(values), color=theme.rest, height=0.55)
    ax.barh(positions, values, color=theme.actual, height=0.55)
    for position, value in zip(positions, values, strict=True):
        ax.text(min(value, 100) + 1.5, position, f"{value:g}%", va="center", fontsize=8, color=theme.text)
    ax.set_yticks(positions, titles, fontsize=9)
    ax.set_xlim(0, 112)
    ax.set_xticks([0, 25, 50, 75, 100], ["0", "25", "50", "75", "100%"])
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)


def _hours(fig: Figure, data: ChartData, theme: Theme) -> None:
    ax = fig.add_axes((0.08, 0.2, 0.9, 0.68))
    names = [week for week, _, _ in data.weeks]
    positions = list(range(len(names)))
    ax.bar(positions, [hours for _, hours, _ in data.weeks], color=theme.actual, width=0.6, label=data.labels.hours)
    targets = [(p, t) for p, (_, _, t) in zip(positions, data.weeks, strict=True) if t is not None]
    if targets:
        xs = [x for p, _ in targets for x in (p - 0.4, p + 0.4)]
        ys = [t for _, t in targets for _ in (0, 1)]
        ax.plot(xs, ys, color=theme.forecast, linewidth=1.6, drawstyle="steps-post", label=data.labels.target)
    peak = max([h for _, h, _ in data.weeks] + [t for _, t in targets] + [1.0])
    ax.set_ylim(0, peak * 1.15)
    step = max(1, len(names) // 12)
    ax.set_xticks(positions[::step], [n[-3:] for n in names][::step], fontsize=7)
    ax.set_ylabel(data.labels.hours)
    ax.grid(True, axis="y", linewidth=0.5)
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, 1.14), ncol=2, fontsize=8)


CHARTS = {
    "burnup": (_burnup, (8.0, 3.6)),
    "calendar": (_calendar, (8.0, 2.4)),
    "phases": (_phases, (8.0, 0.7 + 0.45)),
    "hours": (_hours, (8.0, 2.8)),
}


def render_chart(name: str, data: ChartData, theme: Theme) -> bytes:
    draw, size = CHARTS[name]
    if name == "phases":
        size = (size[0], 0.7 + 0.45 * max(1, len(data.phases)))
    elif name == "calendar":
        weeks = (max(data.end, data.as_of) - data.start).days // 7 + 2
        size = (min(10.0, max(5.0, 1.4 + 0.19 * weeks)), size[1])
    return _render(draw, data, theme, size)


def names() -> Sequence[str]:
    return tuple(CHARTS)
