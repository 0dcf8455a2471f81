"""The kit's own marks, for correct-the-machine exercises: what the kit found in a report (or in
an exercise's short text) for one layer (quotes, sources, figures, loaded terms, boilerplate,
shared passages), and the passage of a select-the-words exercise with those marks on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..cases.case import Case, Report
from ..views.display import NotStartedError, missing
from ..views.render import get_field
from .case_in_use import analysis_for
from .exercises import Exercise, ExerciseError, Passage, passage_for

if TYPE_CHECKING:
    from ..analysis import CaseAnalysis

# the kit's marks on an exercise's own text, by layer and text (a short text, run once)
_inline: dict[str, list[tuple[int, int]]] = {}


def machine_spans(analysis: CaseAnalysis, report_id: str, layer: str) -> list[tuple[int, int]]:
    """What the kit itself marked in one report for one layer, as (start, end) offsets."""
    if missing(analysis):
        raise NotStartedError()
    report = analysis.case.report(report_id)
    rec = analysis.records[report.id]
    if layer == "quotes":
        return [(q.start, q.end) for q in rec.quotes]
    if layer == "quote_speakers":
        return [
            (q.speaker_start, q.speaker_end)
            for q in rec.quotes
            if q.speaker_start is not None and q.speaker_end is not None
        ]
    if layer == "attributions":
        return [(a.start, a.end) for a in rec.attributions]
    if layer == "figures":
        return [(f.start, f.end) for f in rec.figures]
    if layer == "loaded_terms":
        return [(t.start, t.end) for t in rec.loaded_terms]
    if layer == "boilerplate":
        return boilerplate_spans(report)
    if layer == "shared_passages":
        spans = []
        for p in getattr(analysis.comparisons, "shared_passages", ()) or ():
            if get_field(p, "a") == report.id:
                spans.append((int(get_field(p, "a_start")), int(get_field(p, "a_end"))))
            if get_field(p, "b") == report.id:
                spans.append((int(get_field(p, "b_start")), int(get_field(p, "b_end"))))
        return spans
    raise ExerciseError(f"The kit has no layer called '{layer}'.")


def boilerplate_spans(report: Report) -> list[tuple[int, int]]:
    spans = [(b.start, b.end) for b in report.boilerplate]
    if report.body.start > 0:
        spans.append((0, report.body.start))
    if report.body.end < len(report.text):
        spans.append((report.body.end, len(report.text)))
    # whitespace-only stretches are not marks
    return [(s, e) for s, e in spans if report.text[s:e].strip()]


def inline_machine_spans(text: str, layer: str) -> list[tuple[int, int]]:
    """Run the kit on a short text of an exercise (not part of any case) and return its marks."""
    key = f"{layer}\x00{text}"
    if key in _inline:
        return _inline[key]
    from ..analysis import analyze
    from ..cases.boilerplate import split_boilerplate

    body, boiler = split_boilerplate(text)
    report = Report(
        id="exercise", file="exercise.txt", text=text, body=body, boilerplate=tuple(boiler)
    )
    # analysed as a one-report case, so the result is cached on disk like a case's: a lesson
    # opened before shows the kit's marks without parsing (or even loading spaCy)
    case = Case(id="exercise", title="exercise", path=None, reports=(report,))
    rec = analyze(case, keep_docs=False).records[report.id]
    if layer == "boilerplate":
        spans = boilerplate_spans(report)
    elif layer == "quote_speakers":
        spans = [
            (q.speaker_start, q.speaker_end)
            for q in rec.quotes
            if q.speaker_start is not None and q.speaker_end is not None
        ]
    elif layer in ("quotes", "attributions", "figures", "loaded_terms"):
        spans = [(r.start, r.end) for r in getattr(rec, layer)]
    else:
        raise ExerciseError(f"The layer '{layer}' needs a whole case, not a single text.")
    _inline[key] = spans
    return spans


def passage(ex: Exercise) -> Passage:
    """The passage of a select-the-words exercise, with the kit's marks when it corrects the machine."""
    if ex.text is not None:
        machine = inline_machine_spans(ex.text, ex.machine) if ex.machine else None
        return passage_for(ex, machine=machine)
    if ex.report is None:
        raise ExerciseError(f"Exercise {ex.id} needs a report and a passage, or a text.")
    analysis = analysis_for(ex.case)
    report = analysis.case.report(ex.report)
    machine = machine_spans(analysis, report.id, ex.machine) if ex.machine else None
    return passage_for(ex, report.text, machine=machine, report=report.id)


__all__ = ["boilerplate_spans", "inline_machine_spans", "machine_spans", "passage"]
