"""`studylog export --pdf`: the whole journey as one PDF, printed by headless Chromium.

Chromium lays out Chinese with the system's CJK fonts and embeds them in the PDF, which no
pure-Python PDF writer does as well. It is needed only for this command.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from studylog.errors import ProblemsFound, UsageError
from studylog.layout import REPORTS

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
    "--run-all-compositor-stages-before-draw",
)


def find_browser() -> str:
    configured = os.environ.get("STUDYLOG_CHROMIUM")
    if configured:
        return configured
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise UsageError(
        "exporting a PDF needs Chromium or Chrome, and none is installed; install it "
        "(Debian/Ubuntu: `sudo apt-get install chromium`) or set STUDYLOG_CHROMIUM to its path"
    )


def html_to_pdf(html: str, output: Path, timeout: float = 120.0) -> None:
    browser = find_browser()
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="studylog-pdf-") as folder:
        page = Path(folder, "journey.html")
        page.write_text(html, encoding="utf-8")
        target = Path(folder, "journey.pdf")
        command = [browser, *FLAGS, f"--user-data-dir={folder}/profile", f"--print-to-pdf={target}", page.as_uri()]
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise UsageError(f"{browser} could not print the PDF: {exc}") from None
        if not target.is_file() or target.stat().st_size == 0:
            detail = (run.stderr or run.stdout).strip().splitlines()[-1:] or ["no output"]
            raise UsageError(f"{browser} did not write the PDF (exit {run.returncode}): {detail[0]}")
        shutil.move(str(target), output)


def export_pdf(root: Path, today: dt.date | None, output: Path | None = None) -> tuple[Path, dt.date]:
    """`studylog export --pdf`: (where the PDF was written, its as-of date).

    The default place is reports/journey-AS_OF.pdf; nothing is written when the files have errors.
    """
    from studylog.check.repository import load_repository
    from studylog.progress import snapshot_of
    from studylog.render.pages import render_print

    result = load_repository(root, today, links=True)
    snapshot = snapshot_of(result, today)
    if snapshot is None or result.repository is None:
        raise ProblemsFound(
            f"{len(result.errors)} error(s): fix them first (see `studylog validate`)", result.diagnostics
        )
    output = output or root / REPORTS / f"journey-{snapshot.as_of.isoformat()}.pdf"
    html_to_pdf(render_print(result.repository, snapshot), output)
    return output, snapshot.as_of
