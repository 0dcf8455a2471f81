"""What lesson 00 and the code cells show of a case as plain tables: who published each report
and what its boilerplate says about itself (:func:`outlets`), the kit's records as a readable
table (:func:`table`), and how often the kit itself is wrong (:func:`accuracy`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..cases.case import Report
from ..views.display import HTML, missing, not_started
from ..views.render import esc
from .case_in_use import analysis_for, report_label

BOILERPLATE_KINDS = {
    "self_description": "the outlet describing itself",
    "donation": "asking readers for money or membership",
    "share_request": "asking readers to share",
    "newsletter": "newsletter sign-up",
    "read_more": "'read more' / 'continue' line",
    "disclaimer": "disclaimer or copyright notice",
    "byline_meta": "byline, date or tags",
    "contact": "contact details",
    "navigation": "website navigation",
    "caption": "photo caption",
    "pull_quote": "pull quote (a quote repeated in large type)",
    "media_link": "link to a video or image",
    "separator": "separator",
}


_CURRENT: Any = object()


def outlets(analysis: Any = _CURRENT, *, kinds: Iterable[str] | None = None) -> HTML:
    """Per report: who published it, who wrote it first, and what its own boilerplate says.

    The boilerplate is quoted, not judged: how an outlet describes itself is a claim to check
    by reading what others say about it. Without an argument: the case of :func:`start`;
    given None (a failed start), the "run lesson.start first" box.
    """
    if analysis is _CURRENT:
        analysis = analysis_for()
    if missing(analysis):
        return not_started()
    e = esc
    wanted = set(kinds) if kinds is not None else None
    cards = []
    for r in analysis.case.reports:
        lines = []
        for b in r.boilerplate:
            if wanted is not None and b.kind not in wanted:
                continue
            if b.kind in ("separator", "navigation", "caption", "pull_quote", "media_link"):
                continue
            snippet = plain_text(r.text[b.start : b.end])
            if len(snippet) > 400:
                snippet = snippet[:399] + "…"
            lines.append(
                f"<li><em>{e(BOILERPLATE_KINDS.get(b.kind, b.kind))}:</em> “{e(snippet)}”</li>"
            )
        meta = [f"<strong>Published by:</strong> {e(r.outlet or 'unknown')}"]
        meta.append(f"<strong>First written by:</strong> {e(r.original_author or 'not stated')}")
        meta.append(f"<strong>Date:</strong> {e(r.date or 'not stated in the copy')}")
        body = (
            "".join(lines)
            or "<li><em>(no boilerplate found: the copy says nothing about itself)</em></li>"
        )
        cards.append(
            f"<div style='border:1px solid #bbb;padding:6px 10px;margin:6px 0;'>"
            f"<p><strong>{e(report_label(r))}</strong> <small>(id: {e(r.id)})</small></p>"
            f"<p>{' · '.join(meta)}</p>"
            f"<p>What the page says about itself, word for word:</p><ul>{body}</ul></div>"
        )
    return HTML("".join(cards), text=f"{len(cards)} reports")


_FIELD_NAMES = {
    "kind": "kind of boilerplate",
    "text": "words",
    "source": "source",
    "source_type": "kind of source",
    "cue": "reporting word",
    "speaker": "speaker",
    "value": "value",
    "what": "what is counted",
    "category": "category",
}


def table(
    records: Iterable[Any], fields: Sequence[str], *, report: Report | None = None, limit: int = 80
) -> HTML:
    """Records of the kit as a readable table: one row per record, one column per field.

    ``lesson.table(analysis.records_for("mee").quotes, ["speaker", "cue", "text"])``. Kinds are
    shown in plain words; a record without ``text`` gets its words from ``report`` (for
    boilerplate regions); long words are cut at ``limit`` characters.
    """
    from ..views.render import SOURCE_TYPE_NAMES, TERM_NAMES, boilerplate_name, table_html

    rows = []
    for r in records:
        row = []
        for f in fields:
            v = getattr(r, f, None)
            if f == "text" and v is None and report is not None:
                v = report.text[r.start : r.end]
            if f == "kind":
                v = boilerplate_name(v)
            elif f in ("source_type", "speaker_type"):
                v = SOURCE_TYPE_NAMES.get(v or "", v)
            elif f == "category":
                v = TERM_NAMES.get(v or "", v)
            elif isinstance(v, float):
                v = f"{int(v):,}" if v.is_integer() else f"{v:,}"
            elif v is None:
                v = "—"
            v = " ".join(str(v).split())
            row.append(v if len(v) <= limit else v[: limit - 1] + "…")
        rows.append(row)
    head = [_FIELD_NAMES.get(f, f.replace("_", " ")) for f in fields]
    return HTML(
        table_html(head, rows, empty="The kit found nothing of this kind here."),
        text=f"{len(rows)} records",
    )


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)")
_MD_MARK = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")


def plain_text(text: str) -> str:
    """Text for a summary, with Markdown link markup and emphasis stripped: "[South Front](#)"
    becomes "South Front". Only for summaries: the reader keeps the report's text verbatim."""
    out = _MD_LINK.sub(lambda m: m.group(1), text)
    out = _MD_MARK.sub("", out)
    return " ".join(out.split())


def accuracy(analysis: Any = None) -> HTML:
    """How often the kit itself is wrong, as measured against a person's annotation; on a case
    a teacher reviewed (review.toml), which marks the teacher checked and which are the
    machine's alone. ``analysis`` defaults to the one :func:`start` loaded."""
    from .. import accuracy_summary
    from .kernel_state import state

    text = accuracy_summary(analysis if analysis is not None else state.get("analysis"))
    if "not been measured" in text:
        text += (
            " Until the numbers are in, assume the kit misses some quotes, sources and figures,"
            " and marks some words wrongly: every highlight is a suggestion to check."
        )
    return HTML(
        "<div style='border-left:6px solid #E69F00;padding:4px 10px;'>"
        "<p><strong>How often is the machine wrong?</strong></p>"
        f"<p>{esc(text)}</p></div>",
        text=text,
    )


__all__ = ["BOILERPLATE_KINDS", "accuracy", "outlets", "plain_text", "table"]
