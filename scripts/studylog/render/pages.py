"""Render a snapshot into every generated file: the README section, charts, reviews, dashboard.

`prepare` computes what every page shows and lists the charts (each with a key derived from
exactly what it draws, so unchanged charts need not be drawn again); `render_pages` renders the
Markdown and HTML (path → bytes, relative to the repository root); `draw_all` draws charts, in this
process or in the build's drawing child (`write/ahead.py`). `render_all` is the first two in one.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from studylog.diagnostics import Span
from studylog.layout import REPORTS
from studylog.model import Locale, Plan, Repository, Status
from studylog.progress import ITEM_STATES, Snapshot, WeekHours, iso_week
from studylog.render import charts, compiled, markdown
from studylog.render import views as dashboard
from studylog.render.badges import badge_files
from studylog.render.calendar import ics_key, plan_ics
from studylog.render.labels import LABELS, STATUS_ICONS, label_format, status_label

CHART_DIR = f"{REPORTS}/charts"
BADGE_DIR = f"{REPORTS}/badges"
ICS_FILE = f"{REPORTS}/plan.ics"
BAR_WIDTH = 8  # fits a phone's column beside the phase name


@cache
def _environment(autoescape: bool) -> jinja2.Environment:
    """The environment a build renders with: the precompiled templates while they are current."""
    return _new_environment(autoescape, compiled.loader(autoescape, _source_loader()))


def source_environment(autoescape: bool) -> jinja2.Environment:
    """The same environment reading the template sources (what `render/compiled` compiles)."""
    return _new_environment(autoescape, _source_loader())


def _source_loader() -> jinja2.BaseLoader:
    return jinja2.FileSystemLoader(compiled.TEMPLATES)


def _new_environment(autoescape: bool, loader: jinja2.BaseLoader) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=loader,
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        md=markdown.text,
        cell=markdown.cell,
        code=markdown.code,
        code_cell=markdown.code_cell,
        html=markdown.html_text,
        num=_num,
        nobreak=markdown.nobreak,
    )
    env.globals.update(
        link=markdown.link,
        href=markdown.href,
        bar=_bar,
        short_link=_short_link,
        links_cell=_links_cell,
        short_links_cell=_short_links_cell,
        pct=_pct,
    )
    return env


# A table cell's links, once per row of every table: Python, not Jinja macros, which cost several
# times as much per call (a three-year build renders ~2,200 such cells).
@jinja2.pass_context
def _links_cell(context: Any, links: Sequence[dashboard.LinkView], from_dir: str) -> str:
    return _cell_of_links(context["L"]["link_not_yet"], links, from_dir, lambda view: view.text)


@jinja2.pass_context
def _short_links_cell(context: Any, links: Sequence[dashboard.LinkView], from_dir: str) -> str:
    return _cell_of_links(context["L"]["link_not_yet"], links, from_dir, _short_link)


def _cell_of_links(
    not_yet: str, links: Sequence[dashboard.LinkView], from_dir: str, words: Callable[[dashboard.LinkView], str]
) -> str:
    return "<br>".join(
        f"{markdown.text(words(view))} ⏳ {not_yet}"
        if view.missing
        else markdown.link(words(view), view.target, view.web, from_dir)
        for view in links
    )


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{_num(value)}%"


def _num(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def _short_link(view: dashboard.LinkView) -> str:
    """A link's words in a narrow cell: its title, or the last part of a bare path or URL."""
    bare_url = view.web and view.text.startswith(("http://", "https://"))
    base = view.target.split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    bare_path = not view.web and "/" in view.text and view.text.split("#", 1)[0].rstrip("/").endswith(base)
    if not (bare_url or bare_path):
        return view.text
    path, _, fragment = view.text.split("?", 1)[0].partition("#")
    name = path.rstrip("/").rsplit("/", 1)[-1] or path
    return f"{name}#{fragment}" if fragment else name


def _bar(percent: float) -> str:
    filled = round(percent / 100 * BAR_WIDTH)
    return "█" * filled + "░" * (BAR_WIDTH - filled)


@dataclass(frozen=True)
class Chart:
    path: str
    key: str  # hash of what the chart draws
    draw: Callable[[], bytes]
    name: str = ""  # the chart (`burnup`, …) or ICS_FILE; with `dark`, what `draw_all` needs to draw it
    dark: bool = False


@dataclass(frozen=True)
class Rendered:
    readme_section: str
    files: dict[str, bytes]  # reports, except charts
    charts: list[Chart]
    # A review's earlier paths (weekly reviews were once named by ISO week): where the learner's
    # own notes may still be, to carry over the first time the new file is written.
    earlier: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _chart_data(
    repository: Repository, snapshot: Snapshot, rows: list[dashboard.DayRow], labels: Mapping[str, str]
) -> charts.ChartData:
    plan = repository.plan
    zh = plan.locale is Locale.ZH_CN
    return charts.ChartData(
        as_of=snapshot.as_of,
        start=plan.start,
        end=plan.end,
        planned=snapshot.planned_curve,
        actual=snapshot.actual_curve,
        forecast=snapshot.forecast_finish,
        milestones=tuple(charts.Milestone(m.title, m.due) for m in snapshot.milestones),
        days=tuple((r.date, r.status, r.hours or 0.0) for r in rows),
        hours_target_per_day=plan.hours_per_day,
        phases=tuple((p.title, p.percent) for p in snapshot.phases),
        weeks=tuple((w.start, w.hours, w.target) for w in snapshot.hours_by_week),
        backfilled=tuple(r.date for r in rows if r.backfill),
        backfill_label=labels["backfill"].split(" ", 1)[1],
        labels=charts.Labels(
            planned="计划进度" if zh else "planned",
            actual="实际进度" if zh else "actual",
            forecast=labels["forecast"],
            today="今天" if zh else "today",
            percent="%",
            hours=labels["hours"] + (" (小时)" if zh else " (h)"),
            target=labels["target"],
            weekdays=("一", "二", "三", "四", "五", "六", "日") if zh else ("Mon", "", "Wed", "", "Fri", "", "Sun"),
            legend=tuple((status, status_label(labels, status, icon=False)) for status in charts.LEGEND),
            titles=tuple((name, labels[f"chart_{name}"]) for name in charts.names()),
            months=tuple(f"{m}月" for m in range(1, 13)) if zh else charts.Labels.months,
            year_month="{year}年{month}" if zh else "{month} {year}",
            milestone_key="#{number}",
        ),
    )


@cache
def _chart_code() -> bytes:
    # A chart's key covers the code that draws it too: a new studylog redraws every chart.
    return Path(charts.__file__).read_bytes()


def _charts(data: charts.ChartData, names: Sequence[str]) -> list[Chart]:
    """Each chart is drawn once (its light and dark files share one drawing, for this build only);
    its dark file is the light drawing with the dark theme's colours."""
    key = hashlib.sha256(_chart_code() + repr(data).encode("utf-8")).hexdigest()[:16]
    drawings: dict[str, bytes] = {}
    found = []
    for name in names:
        for dark in (False, True):
            path = f"{CHART_DIR}/{name}{'-dark' if dark else ''}.svg"
            drawing = functools.partial(_draw_one, data, name, dark, drawings)
            found.append(Chart(path, f"{name}:{'dark' if dark else 'light'}:{key}", drawing, name, dark))
    return found


def _draw_one(data: charts.ChartData, name: str, dark: bool, drawings: dict[str, bytes]) -> bytes:
    return draw_all(data, None, [("", name, dark)], drawings)[""]


def draw_all(
    data: charts.ChartData,
    plan: Plan | None,
    wanted: Sequence[tuple[str, str, bool]],
    drawings: dict[str, bytes] | None = None,
) -> dict[str, bytes]:
    """The bytes of the `wanted` (path, chart name or ICS_FILE, dark) files, path → bytes: the one
    drawing function, in this process or in the build's drawing child (all of it can be pickled).
    `drawings` (name → light SVG) lets a chart's light and dark files share one drawing."""
    light = {} if drawings is None else drawings
    drawn: dict[str, bytes] = {}
    for path, name, dark in wanted:
        if name == ICS_FILE:
            assert plan is not None
            drawn[path] = plan_ics(plan)
            continue
        if name not in light:
            light[name] = charts.render_chart(name, data)
        drawn[path] = charts.to_dark(light[name]) if dark else light[name]
    return drawn


def _context(repository: Repository, snapshot: Snapshot, missing: frozenset[Span] = frozenset()) -> dict[str, Any]:
    labels = LABELS[repository.plan.locale]
    rows = dashboard.day_rows(repository, snapshot, missing)
    problems = dashboard.problems(repository, snapshot, rows)
    weeks = dashboard.week_reviews(repository, snapshot, rows, problems)
    phase_states = [p.state for p in snapshot.phases]
    chart_data = _chart_data(repository, snapshot, rows, labels)
    return {
        "L": labels,
        "plan": repository.plan,
        "s": snapshot,
        "rows": rows,
        "task_of": {r.checkin: r.task for r in rows if r.checkin},
        "tables": (tables := dashboard.phase_tables(repository, snapshot, rows)),
        "folded": dashboard.fold(tables, rows, snapshot.as_of),
        "journal": dashboard.journal(repository, snapshot),
        "problems": problems,
        "open_problems": [p for p in problems if p.is_open],
        "problem_groups": dashboard.grouped_problems(repository, problems),
        "weeks": weeks,
        "phases": dashboard.phase_reviews(repository, snapshot, problems),
        "item_counts": {k.key: snapshot.items_in(k) for k in ITEM_STATES},
        "item_total": len(snapshot.items),
        "lectures": dashboard.lecture_blocks(repository, snapshot),
        "phase_counts": {k.key: phase_states.count(k) for k in ITEM_STATES},
        "phase_total": len(phase_states),
        "week_label": lambda row: _week_label(row, labels),
        "status_label": lambda status: status_label(labels, status),
        "status_emoji": lambda status: STATUS_ICONS[status],
        "legend": charts.LEGEND,
        "fmt": lambda key, **kw: label_format(labels, key, **kw),
        "chart_data": chart_data,
        "chart_names": chart_names(snapshot, chart_data),
        "week_title": lambda w: week_label(w, labels),
        "forecast_basis": _forecast_basis(snapshot, labels),
        "CHART_DIR": CHART_DIR,
    }


def week_label(week: WeekHours | dashboard.WeekReview, labels: Mapping[str, str]) -> str:
    """第1周 / Week 1 for a plan week; the ISO week (2026-W02) outside the plan's weeks."""
    return week.id if week.number is None else labels["week_n"].format(n=week.number)


def chart_names(snapshot: Snapshot, data: charts.ChartData) -> list[str]:
    """The charts worth drawing: no hours chart when no check-in recorded hours (a target alone is not data)."""
    return [n for n in charts.names(data) if n != "hours" or snapshot.hours_recorded_days]


def _week_label(row: dashboard.DayRow, labels: Mapping[str, str]) -> str:
    if row.week is None or row.day is None:
        return labels["extra_day"]
    return labels["week_day"].format(week=row.week, day=row.day)


def _forecast_basis(s: Snapshot, labels: Mapping[str, str]) -> str:
    """One short phrase: what the forecast is based on (the same words `status` prints, translated)."""
    if s.forecast_basis == "pace" and s.pace is not None:
        return labels["basis_pace"].format(n=s.pace_window, pace=f"{s.pace * 100:.0f}")
    return labels[f"basis_{s.forecast_basis}"].format(n=s.pace_window)


def _alt(name: str, ctx: Mapping[str, Any]) -> str:
    s: Snapshot = ctx["s"]
    fmt = ctx["fmt"]
    rows: list[dashboard.DayRow] = ctx["rows"]
    if name == "burnup":
        return str(fmt("alt_burnup", actual=_num(s.overall_percent), expected=_num(s.expected_percent), as_of=s.as_of))
    if name == "calendar":
        done = sum(r.status is Status.DONE for r in rows)
        missed = sum(r.status is Status.MISSED for r in rows)
        return str(fmt("alt_calendar", start=ctx["plan"].start, end=ctx["plan"].end, done=done, missed=missed))
    if name == "phases":
        return str(fmt("alt_phases", phases=ctx["L"]["comma"].join(f"{p.title} {_num(p.percent)}%" for p in s.phases)))
    return str(fmt("alt_hours", total=_num(s.hours_total), target=_num(s.hours_target)))


@dataclass(frozen=True)
class Prepared:
    """What every page is rendered from, and the charts (drawn lazily, or ahead by the caller)."""

    repository: Repository
    ctx: dict[str, Any]
    charts: list[Chart]


def prepare(repository: Repository, snapshot: Snapshot, missing: frozenset[Span] = frozenset()) -> Prepared:
    """`missing`: the spans of imported links whose file or heading is not in the repository yet."""
    ctx = _context(repository, snapshot, missing)
    ctx["alt"] = lambda name: _alt(name, ctx)
    chart_list = _charts(ctx["chart_data"], ctx["chart_names"])
    # Like a chart, the feed is made again only when what it shows changed (the plan, not check-ins).
    plan = repository.plan
    chart_list.append(Chart(ICS_FILE, f"ics:{ics_key(plan)}", lambda: plan_ics(plan), ICS_FILE))
    return Prepared(repository, ctx, chart_list)


def render_pages(prepared: Prepared) -> Rendered:
    ctx = prepared.ctx
    md = _environment(False)
    files: dict[str, bytes] = {}
    earlier: dict[str, tuple[str, ...]] = {}
    for week in ctx["weeks"]:
        path = f"{REPORTS}/weekly/{week.id}.md"
        files[path] = md.get_template("weekly.md.j2").render(ctx, w=week).encode("utf-8")
        isos = dict.fromkeys(iso_week(day) for day in (week.start, week.end))
        earlier[path] = tuple(f"{REPORTS}/weekly/{key}.md" for key in isos if key != week.id)
    for phase in ctx["phases"]:
        files[f"{REPORTS}/phases/{phase.id}.md"] = md.get_template("phase.md.j2").render(ctx, p=phase).encode("utf-8")
    files[f"{REPORTS}/problems.md"] = md.get_template("problems.md.j2").render(ctx).encode("utf-8")
    section = md.get_template("readme.md.j2").render(ctx)
    files[f"{REPORTS}/index.html"] = _environment(True).get_template("index.html.j2").render(ctx).encode("utf-8")
    files.update(badge_files(ctx["s"], prepared.repository.plan.locale, BADGE_DIR))
    return Rendered(section, files, prepared.charts, earlier)


def render_all(repository: Repository, snapshot: Snapshot, missing: frozenset[Span] = frozenset()) -> Rendered:
    """`missing`: the spans of imported links whose file or heading is not in the repository yet."""
    return render_pages(prepare(repository, snapshot, missing))


def render_print(repository: Repository, snapshot: Snapshot, notes: Mapping[str, str] | None = None) -> str:
    """One self-contained HTML page of the whole journey, for printing to PDF.

    `notes` are the learner's own weekly reviews (ISO week → text), read from their review files.
    """
    import base64

    ctx = _context(repository, snapshot)
    ctx["alt"] = lambda name: _alt(name, ctx)
    ctx["checkin_of"] = {c.path: c for c in repository.checkins if c.date <= snapshot.as_of}
    ctx["notes"] = dict(notes or {})
    ctx["ahead"] = [
        (f.table.title, rows) for f in ctx["folded"] if (rows := [r for r in f.table.rows if r.date > snapshot.as_of])
    ]

    def chart_uri(name: str) -> str:
        svg = charts.render_chart(name, ctx["chart_data"])
        return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")

    ctx["chart_uri"] = chart_uri
    return _environment(True).get_template("print.html.j2").render(ctx)
