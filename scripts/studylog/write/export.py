"""`studylog export --pdf`: the whole journey as one PDF, printed by headless Chromium.

Chromium lays out Chinese with the system's CJK fonts and embeds them in the PDF, which no
pure-Python PDF writer does as well. It is needed only for this command.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

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


class ExportError(Exception):
    """The PDF could not be made here (no browser, or it failed)."""


def find_browser() -> str:
    configured = os.environ.get("STUDYLOG_CHROMIUM")
    if configured:
        return configured
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise ExportError(
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
            raise ExportError(f"{browser} could not print the PDF: {exc}") from None
        if not target.is_file() or target.stat().st_size == 0:
            detail = (run.stderr or run.stdout).strip().splitlines()[-1:] or ["no output"]
            raise ExportError(f"{browser} did not write the PDF (exit {run.returncode}): {detail[0]}")
        shutil.move(str(target), output)
