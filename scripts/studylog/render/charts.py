"""The charts, as SVG, byte-for-byte reproducible: drawn once, written in a light and a dark variant.

Text stays text in the SVG (`svg.fonttype: none`) and names a font stack with CJK fonts, so
the viewer's own fonts draw Chinese — GitHub shows SVGs as images, and every system that reads
Chinese has such a font. Layout is measured with matplotlib's bundled DejaVu Sans on every
machine, so the bytes never depend on which fonts happen to be installed.

Each chart is drawn once, in the light theme; the dark file is the same SVG with every light
colour swapped for its dark counterpart (`to_dark`). The README keeps a `<picture>` with both
files rather than one SVG that switches colours by its own `prefers-color-scheme` rule: GitHub
picks a `<picture>` source by the theme chosen on GitHub, while an SVG inside an `<img>` follows
the operating system's setting, so a reader with GitHub dark on a light OS would see dark text on
GitHub's dark page.

Sizes are chosen for reading on a phone: GitHub shows an image at its natural width, shrunk to fit
the column (382 CSS px on a 414-px phone), so text is at least `MIN_FONT` points on figures at
most `MAX_WIDTH` inches wide, which keeps it at 9 CSS px or more there.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import threading
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from studylog.model import Status

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FONT_STACK = (
    "'DejaVu Sans', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', "
    "'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif"
)
MAX_WIDTH = 6.0  # inches; 576 CSS px at natural size
MIN_FONT = 10.5  # points: 10.5 × 96/72 × 382/576 ≈ 9.3 CSS px on a phone
TITLE_FONT = 12.0
NUMBERED_MILESTONES = 12  # beyond this many, milestones are marks without numbers or a key


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


def _palette(light: Theme, dark: Theme) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for spec in fields(Theme):
        a, b = getattr(light, spec.name), getattr(dark, spec.name)
        for x, y in zip(a, b, strict=True) if isinstance(a, tuple) else ((a, b),):
            if x.startswith("#"):
                pairs[x] = y
    if len(set(pairs)) != len(pairs):  # pragma: no cover - a theme edit that would make swaps ambiguous
        raise ValueError("light theme colours must be distinct")
    return pairs


_DARK_OF = _palette(LIGHT, DARK)
_COLOUR = re.compile(r"#[0-9a-f]{6}\b")


def to_dark(svg: bytes) -> bytes:
    """The dark variant of a light chart: every theme colour swapped, nothing else touched."""
    text = svg.decode("utf-8")
    return _COLOUR.sub(lambda m: _DARK_OF.get(m.group(0), m.group(0)), text).encode("utf-8")


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
    titles: tuple[tuple[str, str], ...] = ()  # (chart name, title)
    months: tuple[str, ...] = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    year_month: str = "{month} {year}"
    milestone_key: str = "#{number}"


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
    weeks: tuple[tuple[dt.date, float, float | None], ...]  # (first day of the plan week, hours, target)
    labels: Labels
    backfilled: tuple[dt.date, ...] = ()  # 补卡 days: hatched in the calendar
    backfill_label: str = ""

    def title(self, name: str) -> str:
        return dict(self.labels.titles).get(name, "")


def warm() -> None:
    """Import what drawing needs (about half a second of CPU), ahead of the data: a build's
    drawing child does this while its parent is still reading the repository."""
    _import_matplotlib()


def _import_matplotlib() -> None:
    """matplotlib's modules for drawing, imported without the help text of its artist classes.

    While matplotlib defines its artist classes it writes help text for each: the docstring of
    every class's `set()` lists all its properties (`matplotlib.artist.kwdoc`, which inspects every
    setter), ~0.1 s of CPU per process, about a sixth of the import, for text nothing here reads.
    So while these modules import, `kwdoc` returns nothing; it is put back at once, and only the
    help text of the classes defined meanwhile is shorter. An already imported matplotlib is left
    as it is. What is drawn does not change (tests/test_charts.py: the same bytes either way)."""
    import importlib
    import sys

    if all(name in sys.modules for name in _DRAWING):
        return
    import matplotlib.artist

    kwdoc = matplotlib.artist.kwdoc
    mine = kwdoc is not _no_kwdoc  # else another thread is importing them right now, and puts it back
    if mine:
        matplotlib.artist.kwdoc = _no_kwdoc
    try:
        for name in _DRAWING:
            importlib.import_module(name)
    finally:
        if mine:
            matplotlib.artist.kwdoc = kwdoc


# The modules drawing needs (`_figure`, the chart functions, the SVG backend).
_DRAWING = (
    "matplotlib.backends.backend_svg",
    "matplotlib.collections",
    "matplotlib.dates",
    "matplotlib.figure",
    "matplotlib.patches",
)


def _no_kwdoc(artist: object) -> str:
    return ""


def _figure(size: tuple[float, float]) -> Figure:
    # The Figure class without pyplot: no backend switching, no global figure registry, a faster import.
    from matplotlib.figure import Figure

    return Figure(figsize=size)


def _style(theme: Theme) -> dict[str, Any]:
    return {
        "svg.fonttype": "none",
        "svg.hashsalt": "studylog",
        "font.family": ["DejaVu Sans"],
        "font.size": MIN_FONT,
        "text.parse_math": False,  # learner text is text: `$` must neither crash nor italicise
        "text.color": theme.text,
        "axes.labelcolor": theme.text,
        "axes.labelsize": MIN_FONT,
        "axes.edgecolor": theme.grid,
        "axes.facecolor": "none",
        "figure.facecolor": "none",
        "savefig.facecolor": "none",
        "xtick.color": theme.muted,
        "ytick.color": theme.muted,
        "xtick.labelsize": MIN_FONT,
        "ytick.labelsize": MIN_FONT,
        "legend.fontsize": MIN_FONT,
        "grid.color": theme.grid,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "legend.frameon": False,
        "path.simplify": False,
    }


def _svg(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "studylog"})
    text = buffer.getvalue().decode("utf-8")
    text = re.sub(r"font-family: '?DejaVu Sans'?", lambda _: f"font-family: {FONT_STACK}", text)
    return text.encode("utf-8")


def _text_width(text: str, size: float) -> float:
    """Inches a line of text takes, near enough to lay out: CJK a full em, the rest about 0.6 em."""
    ems = sum(1.0 if ord(ch) > 0x2E7F else 0.62 for ch in text)
    return ems * size / 72


# -- date axes -----------------------------------------------------------------------------------


def date_locator(span_days: int) -> Any:
    """About seven ticks over any span: daily steps up to three weeks, then Mondays every n weeks."""
    import matplotlib.dates as mdates

    if span_days <= 21:
        return mdates.DayLocator(interval=max(1, math.ceil(span_days / 7)))  # type: ignore[no-untyped-call]
    weeks = math.ceil(span_days / 7)
    rule = mdates.rrulewrapper(mdates.WEEKLY, byweekday=mdates.MO, interval=max(1, math.ceil(weeks / 7)))  # type: ignore[no-untyped-call]
    return mdates.RRuleLocator(rule)  # type: ignore[no-untyped-call]


def _year_dates() -> Any:
    """`MM-DD` tick labels, with the year under the first tick and under the first tick of each new year."""
    import matplotlib.dates as mdates
    from matplotlib.ticker import Formatter

    class YearDates(Formatter):
        def __call__(self, x: float, pos: int | None = None) -> str:
            return str(mdates.num2date(x).strftime("%m-%d"))  # type: ignore[no-untyped-call]

        def format_ticks(self, values: Any) -> list[str]:
            labels, year = [], None
            for value in values:
                day = mdates.num2date(value)  # type: ignore[no-untyped-call]
                label = day.strftime("%m-%d")
                if day.year != year:
                    label += f"\n{day.year}"
                    year = day.year
                labels.append(label)
            return labels

    return YearDates()


def _date_axis(ax: Axes, start: dt.date, end: dt.date) -> None:
    ax.set_xlim(_x(start), _x(end))
    ax.xaxis.set_major_locator(date_locator((end - start).days))
    ax.xaxis.set_major_formatter(_year_dates())
    if start.year != end.year:  # ticks may all fall in one year; the range still says it crosses
        ax.set_xlabel(f"{start.year}–{end.year}", loc="right", labelpad=-2)


def _box(left: float, height: float) -> Any:
    """The transform of the unit square onto a bar 5 days wide from `left`, standing on zero."""
    from matplotlib.transforms import Affine2D

    return Affine2D().scale(5.0, height).translate(left, 0.0)


def _x(day: dt.date) -> float:
    import matplotlib.dates as mdates

    return float(mdates.date2num(day))  # type: ignore[no-untyped-call]


def _title(fig: Figure, text: str, theme: Theme, top: float) -> None:
    if text:
        fig.text(0.01, 1 - 0.08 / top, text, fontsize=TITLE_FONT, fontweight="bold", color=theme.text, va="top")


# -- burn-up -------------------------------------------------------------------------------------


def _milestone_levels(xs: Sequence[float], gap: float) -> list[int]:
    """Stack numbered marks that would touch: each takes the lowest of three rows where it fits."""
    last = [-math.inf] * 3
    levels = []
    for x in xs:
        level = next((i for i, seen in enumerate(last) if x - seen >= gap), min(range(3), key=lambda i: last[i]))
        last[level] = x
        levels.append(level)
    return levels


def _burnup_size(data: ChartData) -> tuple[float, float]:
    shown = len(data.milestones) if len(data.milestones) <= NUMBERED_MILESTONES else 0
    return MAX_WIDTH, 3.4 + 0.24 * shown


def _burnup(fig: Figure, data: ChartData, theme: Theme) -> None:
    width, height = fig.get_size_inches()
    labels = data.labels
    numbered = len(data.milestones) <= NUMBERED_MILESTONES
    key_rows = len(data.milestones) if numbered else 0
    bottom = (0.62 + 0.24 * key_rows) / height  # room for the dated ticks and the milestone key
    top = 1 - 0.7 / height  # room for the title and the legend
    ax = fig.add_axes((0.8 / width, bottom, 1 - 1.0 / width, top - bottom))
    _title(fig, data.title("burnup"), theme, height)
    start = data.start - dt.timedelta(days=1)
    later = data.forecast if data.forecast and data.forecast > data.end else data.end
    end = later + dt.timedelta(days=1)
    ax.set_xlim(_x(start), _x(end))
    ax.set_ylim(0, 100)
    ax.autoscale(False)  # limits are fixed: adding lines must not re-scan every artist (many milestones)
    ax.plot(
        [_x(day) for day, _ in data.planned],
        [v for _, v in data.planned],
        color=theme.planned,
        linewidth=1.5,
        linestyle="--",
        label=labels.planned,
    )
    if data.actual:
        last = min(data.as_of, end)
        points = [(data.start, 0.0), *data.actual, (last, data.actual[-1][1])]
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
    if start <= data.as_of <= end:
        ax.axvline(_x(data.as_of), color=theme.muted, linewidth=0.8)
        ax.text(_x(data.as_of), 2, f" {labels.today}", color=theme.muted, ha="left", va="bottom", fontsize=MIN_FONT)
    _milestones(fig, ax, data, theme, numbered, bottom)
    ax.set_ylabel(labels.percent)
    ax.grid(True, axis="y", linewidth=0.5)
    _date_axis(ax, start, end)
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=3, handlelength=2.0, borderaxespad=0.2)


def _milestones(fig: Figure, ax: Axes, data: ChartData, theme: Theme, numbered: bool, bottom: float) -> None:
    if not data.milestones:
        return
    xs = [_x(m.due) for m in data.milestones]
    ax.vlines(xs, 0, 100, colors=theme.milestone, linewidth=0.8, linestyles=(0, (1, 3)))
    if not numbered:
        ax.plot(xs, [100] * len(xs), "v", color=theme.milestone, markersize=6, clip_on=False)
        return
    left, right = ax.get_xlim()
    gap = (right - left) * 0.3 / (fig.get_size_inches()[0] * 0.83)  # 0.3 in between numbers
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    levels = dict(zip(order, _milestone_levels([xs[i] for i in order], gap), strict=True))
    step = 0.27 / (ax.get_position().height * fig.get_size_inches()[1]) * 100  # a number's height, in %
    for i, x in enumerate(xs):
        ax.text(
            x,
            100 - step * levels[i],
            str(i + 1),
            color=theme.upcoming,  # white on the light theme's purple, near-black on the dark one's
            fontsize=MIN_FONT,
            ha="center",
            va="center",
            fontweight="bold",
            bbox={"boxstyle": "circle,pad=0.2", "facecolor": theme.milestone, "edgecolor": "none"},
            clip_on=False,
        )
    height = fig.get_size_inches()[1]
    for i, milestone in enumerate(data.milestones):
        y = bottom - (0.5 + 0.24 * (i + 1)) / height
        text = f"{data.labels.milestone_key.format(number=i + 1)}  {milestone.due.isoformat()}  {milestone.title}"
        fig.text(0.8 / fig.get_size_inches()[0], y, text, color=theme.text, fontsize=MIN_FONT, va="bottom")


# -- calendar ------------------------------------------------------------------------------------

CELL = 0.2  # inches per day
BAND_WEEKS = 26  # a half-year per row of weeks, so a long plan wraps instead of shrinking
BAND_GAP = 1.5  # cells between bands: the month labels of the next band


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


def _calendar_span(data: ChartData) -> tuple[dt.date, dt.date]:
    first = data.start - dt.timedelta(days=data.start.weekday())
    recorded = max((day for day, _, _ in data.days if day <= data.as_of), default=data.end)
    last = max(data.end, recorded)
    return first, last


def _calendar_grid(data: ChartData) -> tuple[int, int, int]:
    first, last = _calendar_span(data)
    weeks = (last - first).days // 7 + 1
    per_band = min(weeks, BAND_WEEKS)
    bands = math.ceil(weeks / per_band)
    return weeks, per_band, bands


def _legend_rows(data: ChartData, width: float) -> list[list[tuple[Status | None, str]]]:
    """The legend's entries in rows that fit the width; None is the hatch that marks 补卡."""
    rows: list[list[tuple[Status | None, str]]] = [[]]
    used = 0.0
    entries: list[tuple[Status | None, str]] = [*data.labels.legend]
    if data.backfilled:
        entries.append((None, data.backfill_label))
    for key, label in entries:
        need = CELL + 0.08 + _text_width(label, MIN_FONT) + 0.2
        if rows[-1] and 0.7 + used + need > width - 0.1:  # entries start 0.7 in (see _calendar_legend)
            rows.append([])
            used = 0.0
        rows[-1].append((key, label))
        used += need
    return rows


def _calendar_size(data: ChartData) -> tuple[float, float]:
    _, per_band, bands = _calendar_grid(data)
    width = min(MAX_WIDTH, max(3.6, 0.7 + per_band * CELL + 0.2))
    legend = len(_legend_rows(data, width))
    height = 0.45 + bands * (7 + BAND_GAP) * CELL + legend * 0.26 + 0.1
    return width, height


def _calendar(fig: Figure, data: ChartData, theme: Theme) -> None:
    from matplotlib.collections import PolyCollection

    width, height = fig.get_size_inches()
    _title(fig, data.title("calendar"), theme, height)
    first, last = _calendar_span(data)
    _, per_band, bands = _calendar_grid(data)
    legend_rows = _legend_rows(data, width)
    grid_h = bands * (7 + BAND_GAP) * CELL
    ax = fig.add_axes(
        (0.7 / width, (legend_rows.__len__() * 0.26 + 0.1) / height, per_band * CELL / width, grid_h / height)
    )
    rows_total = bands * (7 + BAND_GAP)
    ax.set_xlim(0, per_band)
    ax.set_ylim(rows_total, 0)
    ax.set_axis_off()
    status: dict[dt.date, tuple[Status | None, float]] = {day: (state, hours) for day, state, hours in data.days}
    squares, colours = [], []
    backfilled, hatched = set(data.backfilled), []
    day = max(first, data.start)
    while day <= last:
        index = (day - first).days // 7
        band, column, row = index // per_band, index % per_band, day.weekday()
        top = band * (7 + BAND_GAP) + BAND_GAP + row
        in_plan = day <= data.end
        state, hours = status.get(day, (Status.REST if in_plan else None, 0.0))
        if day > data.as_of and state is not Status.REST:
            state = Status.UPCOMING if in_plan else None
        squares.append(
            (
                (column + 0.08, top + 0.08),
                (column + 0.92, top + 0.08),
                (column + 0.92, top + 0.92),
                (column + 0.08, top + 0.92),
            )
        )
        colours.append(_cell_color(state, hours, data.hours_target_per_day, theme))
        if day in backfilled:
            hatched.append(squares[-1])
        day += dt.timedelta(days=1)
    # One collection for every day: a path each in the SVG, but one artist to lay out and draw.
    ax.add_collection(PolyCollection(squares, facecolors=colours, edgecolors=theme.grid, linewidths=0.4))
    if hatched:  # 补卡: a distinct pattern over the colour, readable without colour vision
        ax.add_collection(
            PolyCollection(hatched, facecolors="none", edgecolors=theme.text, linewidths=0.0, hatch="////")
        )
    _calendar_labels(ax, data, theme, first, last, per_band, bands)
    _calendar_legend(fig, data, theme, legend_rows)


def _calendar_labels(
    ax: Axes, data: ChartData, theme: Theme, first: dt.date, last: dt.date, per_band: int, bands: int
) -> None:
    weekdays = data.labels.weekdays
    for band in range(bands):
        top = band * (7 + BAND_GAP) + BAND_GAP
        for row, name in enumerate(weekdays):
            if name:
                ax.text(-0.3, top + row + 0.5, name, ha="right", va="center", color=theme.muted, fontsize=MIN_FONT)
    # Each row of weeks starts with its year at the left; months are short, and a January that starts
    # inside a row says its year too.
    for band in range(bands):
        day = max(first + dt.timedelta(weeks=band * per_band), data.start)
        top = band * (7 + BAND_GAP) + BAND_GAP - 0.35
        ax.text(-0.3, top, str(day.year), ha="right", va="bottom", color=theme.text, fontsize=MIN_FONT)
    labelled: list[int] = []
    labelled_cells = 0
    month = dt.date(data.start.year, data.start.month, 1)
    while month <= last:
        monday = month + dt.timedelta(days=-month.weekday() % 7)  # the first column that is mostly this month
        index = (max(monday, data.start) - first).days // 7
        band, column = index // per_band, index % per_band
        crowded = labelled and index - labelled[-1] < labelled_cells and band == labelled[-1] // per_band
        if not crowded and (column <= per_band - 2 or not labelled):
            name = data.labels.months[month.month - 1]
            if month.month == 1 and column > 0 and labelled:
                name = data.labels.year_month.format(month=name, year=month.year)
            top = band * (7 + BAND_GAP) + BAND_GAP - 0.35
            ax.text(column, top, name, ha="left", va="bottom", color=theme.text, fontsize=MIN_FONT)
            labelled.append(index)
            labelled_cells = math.ceil(_text_width(name, MIN_FONT) / CELL + 0.4)  # the next one starts clear of it
        month = _next_month(month)


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _calendar_legend(fig: Figure, data: ChartData, theme: Theme, rows: list[list[tuple[Status | None, str]]]) -> None:
    from matplotlib.patches import Rectangle

    width, height = fig.get_size_inches()
    per_day = data.hours_target_per_day
    for r, row in enumerate(rows):
        y = (0.1 + (len(rows) - 1 - r) * 0.26) / height
        x = 0.7
        for key, label in row:
            backfill = key is None  # 补卡: a done cell under the hatch
            colour = theme.done[2] if backfill else _cell_color(key, per_day or 2.0, per_day, theme)
            fig.add_artist(
                Rectangle(
                    (x / width, y),
                    CELL * 0.8 / width,
                    CELL * 0.8 / height,
                    facecolor=colour,
                    edgecolor=theme.text if backfill else theme.grid,
                    linewidth=0.0 if backfill else 0.4,
                    hatch="////" if backfill else None,
                    transform=fig.transFigure,
                )
            )
            fig.text((x + CELL) / width, y, label, color=theme.text, fontsize=MIN_FONT, va="bottom")
            x += CELL + 0.08 + _text_width(label, MIN_FONT) + 0.2


# -- phases and hours ----------------------------------------------------------------------------


def _phases(fig: Figure, data: ChartData, theme: Theme) -> None:
    width, height = fig.get_size_inches()
    _title(fig, data.title("phases"), theme, height)
    ax = fig.add_axes((0.15 / width, 0.35 / height, 1 - 0.9 / width, 1 - 0.8 / height))
    count = len(data.phases)
    ax.set_xlim(0, 100)
    ax.set_ylim(count, 0)
    # The title sits above its bar, so long or Chinese phase names never squeeze the bars.
    for row, (title, value) in enumerate(data.phases):
        ax.barh(row + 0.68, 100, height=0.36, color=theme.rest)
        ax.barh(row + 0.68, min(value, 100), height=0.36, color=theme.actual)
        ax.text(0, row + 0.42, title, va="bottom", ha="left", color=theme.text, fontsize=MIN_FONT)
        ax.text(
            101, row + 0.68, f"{value:g}%", va="center", ha="left", color=theme.text, fontsize=MIN_FONT, clip_on=False
        )
    ax.set_xticks([0, 25, 50, 75, 100], ["0", "25", "50", "75", "100%"])
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)


def _hours(fig: Figure, data: ChartData, theme: Theme) -> None:
    width, height = fig.get_size_inches()
    _title(fig, data.title("hours"), theme, height)
    ax = fig.add_axes((0.8 / width, 0.62 / height, 1 - 1.0 / width, 1 - 1.45 / height))
    mondays = [start for start, _, _ in data.weeks]  # the plan's weeks: Monday only when the plan starts on one
    xs = [_x(day) + 3.5 for day in mondays]  # a bar stands over its week
    # The bars as one filled path of rectangles: the same pixels as `ax.bar`, which makes a patch per
    # week and updates the data limits for each (most of this chart's time at ten years); the limits
    # are set below anyway.
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path

    square = Path.unit_rectangle()
    bars = Path.make_compound_path(
        *(square.transformed(_box(x - 2.5, hours)) for x, (_, hours, _) in zip(xs, data.weeks, strict=True))
    )
    patch = PathPatch(bars, facecolor=theme.actual, label=data.labels.hours)
    targets = [(x, t) for x, (_, _, t) in zip(xs, data.weeks, strict=True) if t is not None]
    if targets:
        ax.hlines(
            [t for _, t in targets],
            [x - 3.5 for x, _ in targets],
            [x + 3.5 for x, _ in targets],
            colors=theme.forecast,
            linewidth=1.6,
            label=data.labels.target,
        )
    # Added after the target lines: the legend keeps its order (target, then hours: a bar container
    # came after every other artist), and drawing follows zorder, so the bars still come first.
    ax.add_artist(patch)
    peak = max([h for _, h, _ in data.weeks] + [t for _, t in targets] + [1.0])
    ax.set_ylim(0, peak * 1.1)
    ax.set_ylabel(data.labels.hours)
    ax.grid(True, axis="y", linewidth=0.5)
    _date_axis(ax, mondays[0], mondays[-1] + dt.timedelta(days=7))
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2, borderaxespad=0.2)


def _phases_size(data: ChartData) -> tuple[float, float]:
    return MAX_WIDTH, 0.85 + 0.5 * max(1, len(data.phases))


CHARTS: dict[str, tuple[Any, Any]] = {
    "burnup": (_burnup, _burnup_size),
    "calendar": (_calendar, _calendar_size),
    "phases": (_phases, _phases_size),
    "hours": (_hours, lambda data: (MAX_WIDTH, 3.0)),
}


# matplotlib's settings (`rc_context`) and the warnings filter belong to the whole process: two
# threads drawing at once would draw with each other's settings (seen: 4 threads, 2 different SVGs).
_ONE_AT_A_TIME = threading.Lock()


def render_chart(name: str, data: ChartData, theme: Theme = LIGHT) -> bytes:
    import matplotlib

    _import_matplotlib()  # a no-op once imported
    draw, size = CHARTS[name]
    with (
        _ONE_AT_A_TIME,
        matplotlib.rc_context(_style(theme)),  # type: ignore[arg-type]
        warnings.catch_warnings(),
    ):
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        fig = _figure(size(data))
        draw(fig, data, theme)
        return _svg(fig)


def names(data: ChartData | None = None) -> Sequence[str]:
    """The charts worth drawing: an hours chart only once some hours were recorded or targeted."""
    if data is None:
        return tuple(CHARTS)
    has_hours = any(hours > 0 or (target or 0) > 0 for _, hours, target in data.weeks)
    return tuple(name for name in CHARTS if name != "hours" or has_hours)
