"""`studylog import`: move in from the tracker a learner already keeps.

Each supported shape is one module here with the same small interface — `name`, `title`,
`example`, `detect(text) -> Detection` and `read(text, options, today) -> Imported` (a plan,
check-ins and notes of what was not mapped). `common` and `assemble` hold what all shapes share;
`apply` validates the result in memory and writes it. To add a shape: add a module, list it in
SHAPES, and add its fixtures under tests/data/import/.
"""

from __future__ import annotations

import datetime as dt

from studylog.errors import ImportRefused
from studylog.i18n import t
from studylog.start.importers import dated_table, hundred_days, summary_table, task_list, tracker, week_day_table
from studylog.start.importers.common import Imported, Options, Shape

# In order of precedence when two are equally sure: the most specific shape first.
SHAPES: tuple[Shape, ...] = (tracker, summary_table, week_day_table, hundred_days, task_list, dated_table)
RECOGNISED = 0.75  # a detection this sure is the document's shape


def shape_title(shape: Shape) -> str:
    """What a learner calls the shape, in their language."""
    return t(f"import.shape.{shape.name}")


def shape_list() -> str:
    return "\n".join(t("import.shape-line", title=shape_title(shape), example=shape.example) for shape in SHAPES)


def read_tracker(text: str, options: Options, today: dt.date) -> Imported:
    """The plan and check-ins in `text`, read by the shape that recognises it; else a verdict that
    lists every shape, the closest one, and why each of its rows failed."""
    ranked = sorted(((s, s.detect(text)) for s in SHAPES), key=lambda sd: -sd[1].score)
    shape, detection = ranked[0]
    if detection.score >= RECOGNISED:
        imported = shape.read(text, options, today)
        if imported.rows:
            imported.reason = detection.reason
            return imported
        looks = t("import.looks-like", title=shape_title(shape), reason=detection.reason)
        raise ImportRefused(_verdict(looks, imported, recognised=True))
    if detection.score <= 0:
        raise ImportRefused(_verdict("", None))
    try:
        attempt = shape.read(text, options, today)
    except ImportRefused as exc:
        closest = t("import.closest-refused", title=shape_title(shape), reason=detection.reason, error=exc)
        raise ImportRefused(_verdict(closest, None)) from None
    if attempt.rows:  # not sure of the shape, but it reads: say so, and import
        attempt.reason = t("import.not-certain", reason=detection.reason)
        return attempt
    raise ImportRefused(_verdict(t("import.closest", title=shape_title(shape), reason=detection.reason), attempt))


def _verdict(closest: str, attempt: Imported | None, *, recognised: bool = False) -> str:
    lines = [t("import.nothing-read" if recognised else "import.unknown-shape")]
    if closest:
        lines.append(closest)
    if attempt is not None and attempt.notes:
        lines.append(t("import.why-rows"))
        lines += [f"  {note}" for note in attempt.notes]
    elif attempt is not None:
        lines.append(t("import.no-rows"))
    lines.append(t("import.shapes"))
    lines.append(shape_list())
    return "\n".join(lines)
