"""Statements the kit's teaching material makes about the seed reports hold against the copies.

- No report is given a date its copy lacks: wherever the material names an outlet with a day
  and month ("South Front, 26 January"), that date must be one the copy itself prints.
- Lesson 00 shows the machine's error rate from the measurements (``lesson.accuracy``, which
  reads ``mediakit.accuracy_summary``), never as numbers typed into the page, and says the seed
  numbers are a best case.
"""

from __future__ import annotations

import json
import re

import pytest
from test_neutral_voice import ROOT, document_prose, exercise_prose, notebook_prose

OUTLETS = r"(?:South Front|Global Research|Sputnik|Middle East Eye|MEE|21st Century Wire)"
MONTHS = r"(?:January|February|March|December)"
DATED = re.compile(rf"\b({OUTLETS})(?:'s)?(?: report)?\s*[,(]\s*(\d{{1,2}})\s+({MONTHS})\b")


def dates_in_copies(seed_case) -> set[tuple[str, str]]:
    """(day, month) pairs that a copy prints about its own publication."""
    out = set()
    for r in seed_case.reports:
        for m in re.finditer(
            rf"\b(\d{{1,2}})\s+({MONTHS})\s+20\d\d|({MONTHS})\s+(\d{{1,2}}),\s+20\d\d", r.text
        ):
            day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            out.add((str(int(day)), month))
    return out


def test_no_report_gets_a_date_its_copy_does_not_print(seed_case):
    printed = dates_in_copies(seed_case)
    assert ("31", "January") in printed and ("3", "February") in printed
    bad = []
    for where, text in [*notebook_prose(), *exercise_prose(), *document_prose()]:
        for m in DATED.finditer(text):
            if (str(int(m.group(2))), m.group(3)) not in printed:
                bad.append(f"{where}: {m.group(0)!r}")
    assert not bad, "dates no copy prints:\n" + "\n".join(bad)


@pytest.mark.parametrize(
    "text,ok",
    [
        ("the 26 January report (South Front, 26 January)", False),
        ("South Front, 31 January: 'they liberated the key town'", True),
        ("South Front's earlier report (events to 26 January)", True),
    ],
)
def test_the_date_check_itself(seed_case, text, ok):
    printed = dates_in_copies(seed_case)
    found = [m for m in DATED.finditer(text) if (str(int(m.group(2))), m.group(3)) not in printed]
    assert (not found) == ok


def test_lesson_00_reads_the_error_rate_from_the_measurements():
    nb = json.loads((ROOT / "notebooks" / "00_start_here.ipynb").read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    prose = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert "lesson.accuracy()" in code or "accuracy_summary()" in code
    assert not re.search(r"\d+ ?%", prose), (
        "the error rate must come from the measurements, not the page"
    )
    assert "best case" in prose


def test_the_accuracy_box_shows_what_accuracy_summary_says():
    import mediakit
    from mediakit import lesson

    assert lesson.accuracy().text.startswith(mediakit.accuracy_summary()[:40])
