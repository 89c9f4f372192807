"""`reports/index.html` in headless Chromium: no console errors, the filter works, user text stays text."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import run_cli, write_repo

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def dashboard(tmp_path: Path, fixture_plan: str) -> Path:
    root = write_repo(
        tmp_path,
        {
            "plan.yaml": fixture_plan,
            "README.md": "<!-- studylog:start -->\n<!-- studylog:end -->\n",
            "checkins/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\nhours: 2\nproblems:\n"
            "  - problem: \"<script>window.pwned = 1</script><img src=x onerror='window.pwned=2'>\"\n"
            "    solution: 读文档\n",
            "checkins/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\nhours: 2\nproblems:\n"
            "  - problem: SVD 的 U/V 顺序\n    solution: 手算 2×3 矩阵\n",
        },
    )
    result = run_cli("build", str(root), "--today", "2026-01-08")
    assert result.returncode == 0, result.stderr
    return root / "reports/index.html"


def test_the_dashboard_loads_filters_and_keeps_user_text_as_text(browser: Browser, dashboard: Path) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(dashboard.as_uri())
    page.wait_for_load_state("load")
    assert errors == []
    assert all(url.startswith("file://") for url in requests)  # nothing from the network
    assert page.evaluate("window.pwned") is None
    problems = page.locator("#problems li")
    assert "<script>window.pwned = 1</script>" in problems.first.inner_text()
    rows = page.locator("#checkins tr.row")
    total = rows.count()
    assert total >= 5
    shown_at_first = [r for r in range(total) if rows.nth(r).is_visible()]
    assert 0 < len(shown_at_first) < total  # this week is open; the weeks ahead are folded
    page.fill("#filter", "svd")
    visible = [r for r in range(total) if rows.nth(r).is_visible()]
    assert len(visible) == 1 and "01-06" in rows.nth(visible[0]).inner_text()
    assert [problems.nth(i).is_visible() for i in range(problems.count())] == [False, True]
    assert page.locator("#count").inner_text().startswith("2 / ")
    folded = next(r for r in range(total) if r not in shown_at_first)
    words = rows.nth(folded).locator("td").nth(2).text_content() or ""
    assert words.strip()
    page.fill("#filter", words)
    assert rows.nth(folded).is_visible()  # a match in a folded week opens its fold
    page.fill("#filter", "")
    assert [r for r in range(total) if rows.nth(r).is_visible()] == shown_at_first  # folds close again
    assert "按计划进行" in page.locator("#pace").inner_text() or "落后" in page.locator("#pace").inner_text()
    images = page.locator("img")
    assert images.count() == 4
    assert all(page.evaluate("i => i.naturalWidth > 0", images.nth(i).element_handle()) for i in range(4))
    page.close()
