"""The case a lesson is about: :func:`start` loads and analyses it and says what was loaded;
:func:`analysis_for` gives the analysis in use (or of the case an exercise is about); and
:func:`pick` / :func:`report_label` name its reports for code cells and polls.

``MEDIAKIT_LESSON_CASE`` (a case folder or a shipped case id), when set, replaces the seed case
in every lesson's ``lesson.start(case="maarat-al-numan")``: the lessons then run on that case.
Code cells name seed reports through :func:`pick`, which falls back on the case's own reports.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..cases.case import Case, Report, load_case
from ..errors import MediakitError
from ..views.display import HTML, NoAnalysis, install_error_display, missing, show, show_error
from ..views.render import esc
from .exercises import load_lessons
from .kernel_state import analyses, state
from .progress import Progress
from .session import in_voila, learner_box, progress, saved_where

if TYPE_CHECKING:
    from ..analysis import CaseAnalysis

SEED_CASE = "maarat-al-numan"
CASE_ENV = "MEDIAKIT_LESSON_CASE"


def start(
    case: str | Path | Case = SEED_CASE,
    *,
    progress_path: str | Path | None = None,
    quiet: bool = False,
) -> CaseAnalysis | NoAnalysis:
    """Load and analyse a case, say what was loaded, and return the analysis.

    When the case cannot be loaded, the problem is shown as a plain box and a
    :class:`~mediakit.views.display.NoAnalysis` is returned: every view, chart and lesson helper
    given it says "Run the lesson.start(...) cell first; it reported a problem above." instead
    of failing. Also makes IPython show any MediakitError of a later cell as a plain box.
    If ``MEDIAKIT_LESSON_CASE`` is set, it replaces the seed case (see the module docstring).
    """
    from ..analysis import analyze

    install_error_display()
    prog = progress(progress_path)
    override = os.environ.get(CASE_ENV, "").strip()
    from_env = bool(override) and isinstance(case, str) and case == SEED_CASE
    if from_env:
        case = Path(override).expanduser() if Path(override).expanduser().exists() else override
    try:
        loaded = case if isinstance(case, Case) else load_case(case)
        analysis = analyze(loaded)
    except MediakitError as exc:
        state["analysis"] = None
        show_error(exc)
        return NoAnalysis(str(exc))
    analyses[analysis.case.id] = analysis
    state["analysis"] = analysis
    if not quiet:
        show(banner(analysis, prog, from_env=from_env))
    if in_voila() and prog.path == state.get("session_path"):
        show(learner_box())
    return analysis


def banner(analysis: CaseAnalysis, prog: Progress, *, from_env: bool = False) -> HTML:
    e = esc
    c = analysis.case
    rows = "".join(
        f"<li><strong>{e(r.label)}</strong>"
        f"{' (first published by ' + e(r.original_author) + ')' if r.original_author else ''}"
        f"{': “' + e(headline(r)) + '”' if headline(r) else ''}</li>"
        for r in c.reports
    )
    skipped = "".join(f"<li>Skipped {e(f)}: {e(why)}</li>" for f, why in c.skipped)
    msgs = "".join(f"<p role='alert'>⚠ {e(m)}</p>" for m in prog.messages)
    saved = f"{len(prog)} saved answers" if len(prog) else "no saved answers yet"
    text = f"Case: {c.title} ({len(c.reports)} reports)"
    other = ""
    if from_env:
        other = (
            f"<p>This lesson was written for the seed case; your teacher set {CASE_ENV}, so "
            "it runs on the case above. The explanations still describe the seed case, and "
            "the exercises stay about it.</p>"
        )
    elif c.id != SEED_CASE and c.id not in lesson_cases():
        other = (
            "<p>This is not the seed case the lessons were written about: the views follow "
            "it, and the exercises stay about the seed case.</p>"
        )
    return HTML(
        f"<div class='mediakit-banner' style='border-left:6px solid #0072B2;padding:4px 10px;'>"
        f"<p><strong>Case loaded:</strong> {e(c.title)} · {len(c.reports)} reports</p>"
        f"<ul>{rows}{skipped}</ul>{other}{msgs}"
        f"<p><small>{e(saved_where(prog))}; {saved}.</small></p></div>",
        text=text,
    )


def lesson_cases() -> set[str]:
    """Cases a lesson of its own is written about (lesson 07's, say)."""
    try:
        return {les.case for les in load_lessons().values() if les.case}
    except MediakitError:
        return set()


def analysis_for(case_id: str | None = None) -> CaseAnalysis:
    """The analysis of a case: the one from :func:`start`, or the case an exercise is about."""
    from ..analysis import analyze

    current = state.get("analysis")
    if case_id is None:
        if current is None:
            current = analyze(SEED_CASE)
            analyses[current.case.id] = current
            state["analysis"] = current
        return current
    if case_id not in analyses:
        analyses[case_id] = analyze(case_id)
    return analyses[case_id]


def pick(
    analysis: CaseAnalysis | NoAnalysis | None, *wanted: str, n: int | None = None
) -> list[str]:
    """Report ids for a lesson's code cell: ``wanted`` if the case has them all, else its first.

    ``lesson.pick(analysis, "sputnik", "mee")`` is ``["sputnik", "mee"]`` on the seed case; on
    another case (see ``MEDIAKIT_LESSON_CASE``) it is that case's first two reports, so the same
    cell runs on any case. ``n`` (default: as many as asked, at least one) is how many to give;
    a case with fewer reports gives them all. Without an analysis it returns ``wanted`` as is
    (the view it is passed to then says to run ``lesson.start`` first).
    """
    count = n if n is not None else max(len(wanted), 1)
    if missing(analysis):
        return list(wanted)[:count]
    ids = analysis.case.report_ids  # type: ignore[union-attr]
    if wanted and all(w in ids for w in wanted):
        return list(wanted)[:count]
    return ids[:count]


def pick_one(analysis: CaseAnalysis | NoAnalysis | None, wanted: str) -> str:
    """One report id: ``wanted`` if the case has it, else the case's first report (see :func:`pick`)."""
    got = pick(analysis, wanted, n=1)
    return got[0] if got else wanted


def headline(report: Report) -> str:
    if report.headline is None:
        return ""
    return " ".join(report.text[report.headline.start : report.headline.end].split())


def report_label(report: Report) -> str:
    """How a report is named in polls: the outlet and the headline (or the id)."""
    h = headline(report)
    if h:
        h = h if len(h) <= 70 else h[:69] + "…"
        return f"{report.label}: “{h}”"
    first = " ".join(report.body_text.split()[:9])
    return f"{report.label}: (no headline in this copy) first line: “{first}…”"


__all__ = [
    "CASE_ENV",
    "SEED_CASE",
    "analysis_for",
    "banner",
    "headline",
    "lesson_cases",
    "pick",
    "pick_one",
    "report_label",
    "start",
]
