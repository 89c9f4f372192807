"""`studylog export --pdf`: the whole journey as one PDF, printed by headless Chromium.

Chromium lays out Chinese with the system's CJK fonts and embeds them in the PDF, which no
pure-Python PDF writer does as well. It is needed only for this command. Without a CJK font
Chromium would print every Chinese character as an empty box, so the export refuses first.

The PDF goes to `exports/` by default, outside `reports/`: it is an archive a learner keeps or
shares, not a page the dashboard commits on every build (`exports/` belongs in `.gitignore`).
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from studylog.errors import ProblemsFound, UsageError
from studylog.i18n import t
from studylog.layout import REPORTS
from studylog.write.build import NOTES_END, NOTES_START

EXPORTS = "exports"
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
CJK_FONT_PACKAGE = "fonts-noto-cjk"
_NOTES = re.compile(re.escape(NOTES_START) + r"\n?(.*?)" + re.escape(NOTES_END), re.DOTALL)


def default_output(root: Path, as_of: dt.date) -> Path:
    return root / EXPORTS / f"journey-{as_of.isoformat()}.pdf"


def find_browser() -> str:
    configured = os.environ.get("STUDYLOG_CHROMIUM")
    if configured:
        if not os.access(configured, os.X_OK):  # said now, not after the pages are rendered
            problem = errno.ENOENT if not os.path.exists(configured) else errno.EACCES
            raise UsageError(t("export-failed", browser=configured, error=os.strerror(problem)))
        return configured
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise UsageError(t("export-no-browser"))


def require_cjk_font() -> None:
    """Refuse before printing boxes: fontconfig must know a font that covers Chinese.

    Where there is no fontconfig (macOS, Windows), the system's own fonts cover Chinese.
    """
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return
    try:
        found = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return
    if not found.stdout.strip():
        raise UsageError(t("export-no-cjk-font", package=CJK_FONT_PACKAGE))


def learner_notes(root: Path, prompts: tuple[str, ...]) -> dict[str, str]:
    """The learner's own weekly reviews (ISO week → text), as written between the notes markers.

    The prompt lines studylog puts there are left out when nothing was written after them.
    """
    notes = {}
    for path in sorted((root / REPORTS / "weekly").glob("*.md")):
        try:
            found = _NOTES.search(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        if found is None:
            continue
        lines = [line.rstrip() for line in found.group(1).splitlines()]
        kept = [line for line in lines if line.strip() and line.strip().lstrip("-* ").strip() not in prompts]
        if kept:
            notes[path.stem] = "\n".join(kept)
    return notes


def html_to_pdf(html: str, output: Path, browser: str, timeout: float = 120.0) -> None:
    """Print `html` to `output` with `browser` (from `find_browser`, asked before the page is made)."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="studylog-pdf-") as folder:
        page = Path(folder, "journey.html")
        page.write_text(html, encoding="utf-8")
        target = Path(folder, "journey.pdf")
        command = [browser, *FLAGS, f"--user-data-dir={folder}/profile", f"--print-to-pdf={target}", page.as_uri()]
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise UsageError(t("export-failed", browser=browser, error=exc)) from None
        if not target.is_file() or target.stat().st_size == 0:
            detail = (run.stderr or run.stdout).strip().splitlines()[-1:] or [t("export-no-output")]
            raise UsageError(t("export-no-pdf", browser=browser, code=run.returncode, detail=detail[0]))
        shutil.move(str(target), output)


def export_pdf(root: Path, today: dt.date | None, output: Path | None = None) -> tuple[Path, dt.date]:
    """`studylog export --pdf`: (where the PDF was written, its as-of date).

    The default place is exports/journey-AS_OF.pdf; nothing is written when the files have errors.
    The learner's weekly review notes are read from their review files in reports/weekly/.
    """
    from studylog.check.repository import load_repository
    from studylog.progress import snapshot_of
    from studylog.render.labels import LABELS
    from studylog.render.pages import render_print

    # What the machine lacks is said before anything is loaded or drawn: the pages take seconds.
    browser = find_browser()
    require_cjk_font()
    result = load_repository(root, today, links=True)
    snapshot = snapshot_of(result, today)
    if snapshot is None or result.repository is None:
        raise ProblemsFound(t("export-has-errors", errors=t("cli.n-errors", n=len(result.errors))), result.diagnostics)
    labels = LABELS[result.repository.plan.locale]
    notes = learner_notes(root, tuple(labels[f"prompt_{n}"] for n in (1, 2, 3)))
    output = output or default_output(root, snapshot.as_of)
    html_to_pdf(render_print(result.repository, snapshot, notes), output, browser)
    return output, snapshot.as_of
