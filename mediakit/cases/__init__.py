"""Stage 1, a folder of reports in: reading a case (``case.py``), telling a report's body from
its boilerplate (``boilerplate.py``) and writing a ``case.toml`` template (``authoring.py``).

Nothing here parses language; the pipeline (:mod:`mediakit.nlp`) comes after.
"""

from .authoring import case_template, write_case_template
from .boilerplate import classify_line, dateline, find_headline, split_boilerplate
from .case import (
    MAX_REPORT_BYTES,
    MAX_REPORT_CHARS,
    REPORT_SUFFIXES,
    Case,
    GazetteerEntry,
    Report,
    Side,
    case_path,
    decode_report,
    html_to_text,
    load_case,
    read_report_file,
    shipped_cases,
    slug,
)

__all__ = [
    "MAX_REPORT_BYTES",
    "MAX_REPORT_CHARS",
    "REPORT_SUFFIXES",
    "Case",
    "GazetteerEntry",
    "Report",
    "Side",
    "case_path",
    "case_template",
    "classify_line",
    "dateline",
    "decode_report",
    "find_headline",
    "html_to_text",
    "load_case",
    "read_report_file",
    "shipped_cases",
    "slug",
    "split_boilerplate",
    "write_case_template",
]
