"""Badges for profile READMEs: shields.io endpoint JSON and self-contained SVG, from the snapshot.

`reports/badges/NAME.json` follows shields' endpoint format (schemaVersion 1, label, message,
color), so `https://img.shields.io/endpoint?url=<raw URL of the JSON>` draws it; `NAME.svg` is
the same badge drawn here in shields' flat style, needing no outside service at all. Text is
measured with the DejaVu Sans that matplotlib ships (CJK characters count one em), so widths are
the same on every machine.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from html import escape

from studylog.model import Locale
from studylog.progress import Snapshot

FONT_SIZE = 11
PADDING = 6
LABEL_COLOR = "#555"
COLORS = {"green": "#4c1", "yellowgreen": "#a4a61d", "yellow": "#dfb317", "orange": "#fe7d37", "red": "#e05d44",
          "blue": "#007ec6", "grey": "#9f9f9f"}  # fmt: skip

_LABELS = {
    Locale.ZH_CN: {"progress": "学习进度", "streak": "连续打卡", "schedule": "计划", "hours": "本周学习",
                   "days": "天", "ahead": "提前 {n} 天", "behind": "落后 {n} 天", "on": "按计划", "h": "小时"},
    Locale.EN: {"progress": "progress", "streak": "streak", "schedule": "schedule", "hours": "this week",
                "days": "days", "ahead": "{n} days ahead", "behind": "{n} days behind", "on": "on schedule", "h": "h"},
}  # fmt: skip


@dataclass(frozen=True)
class Badge:
    name: str
    label: str
    message: str
    color: str  # a shields colour name, a key of COLORS

    def endpoint_json(self) -> bytes:
        payload = {"schemaVersion": 1, "label": self.label, "message": self.message, "color": self.color}
        return (json.dumps(payload, ensure_ascii=False, indent=1) + "\n").encode("utf-8")

    def svg(self) -> bytes:
        left = round(text_width(self.label)) + 2 * PADDING
        right = round(text_width(self.message)) + 2 * PADDING
        total = left + right
        label, message = escape(self.label), escape(self.message)
        title = escape(f"{self.label}: {self.message}")
        fill = COLORS[self.color]
        svg = f"""<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" role="img" aria-label="{title}">
<title>{title}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="{total}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="{left}" height="20" fill="{LABEL_COLOR}"/><rect x="{left}" width="{right}" height="20" fill="{fill}"/><rect width="{total}" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,'Noto Sans CJK SC','Microsoft YaHei',sans-serif" font-size="{FONT_SIZE}">
<text x="{left / 2:g}" y="15" fill="#010101" fill-opacity=".3">{label}</text><text x="{left / 2:g}" y="14">{label}</text>
<text x="{left + right / 2:g}" y="15" fill="#010101" fill-opacity=".3">{message}</text><text x="{left + right / 2:g}" y="14">{message}</text>
</g>
</svg>
"""  # noqa: E501
        return svg.encode("utf-8")


@cache
def _font() -> object:
    from importlib.util import find_spec
    from pathlib import Path

    from PIL import ImageFont

    # The file matplotlib ships, found without importing matplotlib (slow) or its font cache (slower).
    spec = find_spec("matplotlib")
    assert spec is not None and spec.submodule_search_locations
    folder = Path(next(iter(spec.submodule_search_locations)))
    return ImageFont.truetype(str(folder / "mpl-data/fonts/ttf/DejaVuSans.ttf"), FONT_SIZE)


def text_width(text: str) -> float:
    """Pixels at FONT_SIZE: DejaVu Sans for what it has; a full em for CJK and other wide characters."""
    import unicodedata

    font = _font()
    narrow = "".join(c for c in text if unicodedata.east_asian_width(c) not in ("W", "F"))
    wide = len(text) - len(narrow)
    return float(font.getlength(narrow)) + wide * FONT_SIZE  # type: ignore[attr-defined]


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def badges(snapshot: Snapshot, locale: Locale) -> list[Badge]:
    words = _LABELS[locale]
    s = snapshot
    progress_color = "green" if s.days_ahead >= 0 else ("yellow" if s.days_ahead >= -3 else "orange")
    streak_color = "green" if s.streak_current >= 7 else ("yellowgreen" if s.streak_current else "grey")
    if s.days_ahead > 0:
        schedule, schedule_color = words["ahead"].format(n=s.days_ahead), "green"
    elif s.days_ahead < 0:
        schedule = words["behind"].format(n=-s.days_ahead)
        schedule_color = "yellow" if s.days_ahead >= -3 else "red"
    else:
        schedule, schedule_color = words["on"], "green"
    week_target = s.this_week.target if s.this_week else None
    hours = _num(s.hours_this_week) + (f" / {_num(week_target)}" if week_target else "") + f" {words['h']}"
    hours_color = "blue" if not week_target or s.hours_this_week >= week_target else "yellowgreen"
    return [
        Badge("progress", words["progress"], f"{_num(s.overall_percent)}%", progress_color),
        Badge("streak", words["streak"], f"{s.streak_current} {words['days']}", streak_color),
        Badge("schedule", words["schedule"], schedule, schedule_color),
        Badge("hours", words["hours"], hours, hours_color),
    ]


def badge_files(snapshot: Snapshot, locale: Locale, folder: str) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for badge in badges(snapshot, locale):
        files[f"{folder}/{badge.name}.json"] = badge.endpoint_json()
        files[f"{folder}/{badge.name}.svg"] = badge.svg()
    return files
