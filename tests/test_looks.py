"""How the dashboard looks where people read it, in Chromium: the README as GitHub shows it (cmark-gfm
and a GitHub-like stylesheet) at 1012 px in light and dark and at 414 px on a phone, the HTML dashboard,
every chart, and the PDF's pages.

Set STUDYLOG_SCREENSHOTS to a folder to have each test save its screenshots there, to look at them.
Without it none are taken: no assertion reads their pixels (the layout is measured in the page), and a
full-page screenshot costs Chromium a second or more of CPU, which, run after run, was the largest part
of these tests' cost.
The layout assertions are what a reader would notice: a table cell squeezed narrower than a word
(a date or a status broken over lines), chart text too small to read on a phone, a README section
far taller than it needs to be.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pytest

from conftest import run_cli, write_repo
from github_look import DESKTOP, PHONE, section, write_page

ROOT = Path(__file__).resolve().parent.parent
MIN_CHART_TEXT_PX = 9.0
# This repository's README section was 6,643 px tall at 1012 px before the README was made to fit
# (measured with this stylesheet; the issue measured 12,735 px with GitHub's own); half of it at most.
OWN_SECTION_LIMIT_PX = 3321

pytestmark = [pytest.mark.browser, pytest.mark.slow]

Scheme = Literal["light", "dark"]
VIEWS: tuple[tuple[int, Scheme], ...] = ((DESKTOP, "light"), (DESKTOP, "dark"), (PHONE, "light"))

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Error, Page

# Every cell's words must fit its width: split text where a browser may break a line (spaces, and
# around each Chinese character that no word joiner holds to its neighbour) and measure the longest piece.
NARROW_CELLS = """
() => {
  const canvas = document.createElement("canvas").getContext("2d");
  const wide = /(?<=[\\u2e80-\\u9fff\\uff00-\\uffef])(?!\\u2060)|(?<!\\u2060)(?=[\\u2e80-\\u9fff\\uff00-\\uffef])/;
  const hyphen = /(?<=[^0-9]-)|(?<=-)(?=[^0-9])/;  // a hyphen breaks a line, except inside a date or a range
  const found = [];
  for (const cell of document.querySelectorAll("#readme table td, #readme table th")) {
    const style = getComputedStyle(cell);
    const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const font = getComputedStyle(node.parentElement);
      canvas.font = `${font.fontWeight} ${font.fontSize} ${font.fontFamily}`;
      const words = node.textContent.split(/[ \\t\\r\\n]+/)
        .flatMap((w) => w.split(wide)).flatMap((w) => w.split(hyphen));
      for (const word of words) {
        if (word && canvas.measureText(word).width > room + 1) found.push([word, Math.round(room)]);
      }
    }
  }
  return found;
}
"""


@pytest.fixture
def shots() -> Path | None:
    """Where to save screenshots, if someone will look at them (STUDYLOG_SCREENSHOTS); else None."""
    kept = os.environ.get("STUDYLOG_SCREENSHOTS")
    if not kept:
        return None
    folder = Path(kept)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def finished_twelve_weeks(root: Path) -> Path:
    """The 12-week curriculum, every day checked in, looked at three months after it ended."""
    plan = (ROOT / "scripts/studylog/start/curricula/llm-12-weeks.yaml").read_text(encoding="utf-8")
    files = {"plan.yaml": plan, "README.md": "# 我的学习\n\n<!-- studylog:start -->\n<!-- studylog:end -->\n"}
    start = dt.date(2026, 1, 5)
    for n in range(84):
        day = start + dt.timedelta(days=n)
        problem = f"problems:\n  - problem: 第{n + 1}天遇到的问题\n    solution: 查文档解决\n" if n % 3 == 0 else ""
        files[f"checkins/{day:%Y}/{day}.yaml"] = (
            f"date: {day}\nstatus: done\nhours: {2 + n % 3 * 0.5}\ninsights: [第{n + 1}天的收获]\n{problem}"
        )
    write_repo(root, files)
    result = run_cli("build", str(root), "--today", "2026-06-30")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="module")
def finished(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return finished_twelve_weeks(tmp_path_factory.mktemp("finished") / "repo")


def show(page: Page, url: str, width: int, scheme: Scheme) -> None:
    """Load `url` in `page` at a window `width` wide, the reader's system in `scheme`.

    A test looks at its views one after another in one page (a fresh browser context per test): a new
    page for each view cost Chromium most of a second of CPU, a new load in the same page a fraction.
    The window size and `prefers-color-scheme` are set before the load, as a new page would have them.
    """
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(url)
    page.wait_for_load_state("load")


def show_readme(page: Page, root: Path, width: int, scheme: Scheme, tmp: Path) -> None:
    markdown = section((root / "README.md").read_text(encoding="utf-8"))
    html = write_page(markdown, root, width, tmp / f"readme-{width}-{scheme}.html")
    show(page, html.as_uri(), width + (40 if width >= DESKTOP else 0), scheme)


def svg_scale_text(page: Page, root: Path, selector: str) -> list[tuple[str, float]]:
    """(chart, smallest text in CSS px) for every chart image as the page shows it."""
    found = []
    images = page.locator(selector)
    for i in range(images.count()):
        image = images.nth(i)
        source = image.evaluate("i => i.currentSrc")
        svg = Path(source.removeprefix("file://")).read_text(encoding="utf-8")
        view_width = float(re.search(r'viewBox="0 0 ([0-9.]+) ', svg).group(1))  # type: ignore[union-attr]
        smallest = min(float(x) for x in re.findall(r"font-size: ([0-9.]+)px", svg))
        shown = image.evaluate("i => i.getBoundingClientRect().width")
        found.append((Path(source).name, smallest * shown / view_width))
    return found


@pytest.mark.parametrize("which", ["own", "finished"])
def test_the_readme_fits_on_github_and_on_a_phone(
    browser: Browser, finished: Path, shots: Path | None, tmp_path: Path, which: str
) -> None:
    root = ROOT if which == "own" else finished
    heights = {}
    page = browser.new_page()
    for width, scheme in VIEWS:
        show_readme(page, root, width, scheme, tmp_path)
        if shots:
            page.screenshot(path=str(shots / f"readme-{which}-{width}-{scheme}.png"), full_page=True)
        assert page.evaluate(NARROW_CELLS) == [], (which, width)
        heights[width] = page.evaluate("document.getElementById('readme').getBoundingClientRect().height")
        if width == PHONE:
            for chart, px in svg_scale_text(page, root, "#readme picture img"):
                assert px >= MIN_CHART_TEXT_PX, (which, chart, px)
        if scheme == "dark":  # a reader in dark mode sees the dark charts
            sources = page.locator("#readme picture img").evaluate_all("images => images.map(i => i.currentSrc)")
            assert sources and all(s.endswith("-dark.svg") for s in sources), (which, sources)
    page.close()
    if which == "own":
        assert heights[DESKTOP] <= OWN_SECTION_LIMIT_PX, heights
    else:  # a finished plan: every phase folded, nothing ahead
        assert heights[DESKTOP] <= 3000, heights


@pytest.mark.parametrize("which", ["own", "finished"])
def test_the_html_dashboard_at_desktop_and_phone_width(
    browser: Browser, finished: Path, shots: Path | None, which: str
) -> None:
    root = ROOT if which == "own" else finished
    page = browser.new_page()
    errors: list[str] = []

    def record(error: Error) -> None:
        errors.append(str(error))

    page.on("pageerror", record)
    for width, scheme in VIEWS:
        show(page, (root / "reports/index.html").as_uri(), width, scheme)
        if shots:
            page.screenshot(path=str(shots / f"dashboard-{which}-{width}-{scheme}.png"), full_page=True)
        assert errors == [], (width, scheme)
        assert page.locator("#pace").is_visible()
        if width == PHONE:
            for chart, px in svg_scale_text(page, root / "reports", "picture img"):
                assert px >= MIN_CHART_TEXT_PX, (which, chart, px)
    page.close()


@pytest.mark.parametrize("which", ["own", "finished"])
def test_every_chart_on_its_background(
    browser: Browser, finished: Path, shots: Path | None, tmp_path: Path, which: str
) -> None:
    root = ROOT if which == "own" else finished
    charts = sorted((root / "reports/charts").glob("*.svg"))
    assert len(charts) >= 6
    # One page shows every chart, each on the background it is drawn for (one load, not one a chart).
    shown = "".join(
        f'<div style="background:{"#0d1117" if chart.stem.endswith("-dark") else "#ffffff"}">'
        f'<img id="{chart.stem}" src="{chart.as_uri()}"></div>'
        for chart in charts
    )
    html = tmp_path / "charts.html"  # a file page may show a file image; a blank page may not
    html.write_text(f'<body style="margin:0">{shown}</body>', encoding="utf-8")
    page = browser.new_page(viewport={"width": 700, "height": 600})
    page.goto(html.as_uri())
    page.wait_for_load_state("load")
    for chart in charts:
        assert page.evaluate(f"document.getElementById('{chart.stem}').naturalWidth") > 0, chart.name
        if shots:
            page.locator(f"[id='{chart.stem}']").screenshot(path=str(shots / f"chart-{which}-{chart.stem}.png"))
    page.close()


def test_the_pdf_pages(finished: Path, shots: Path | None, tmp_path: Path) -> None:
    result = run_cli("export", str(finished), "--pdf", "--today", "2026-06-30")
    assert result.returncode == 0, result.stderr
    pdf = finished / "exports/journey-2026-06-30.pdf"
    folder = shots or tmp_path  # every page is rendered (poppler must be able to draw each), kept or not
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(folder / "pdf-finished")], check=True)
    pages = sorted(folder.glob("pdf-finished*.png"))
    assert 2 <= len(pages) <= 12, len(pages)
