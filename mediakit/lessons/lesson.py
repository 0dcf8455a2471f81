"""The notebook helper: what a lesson's cells call, in one namespace.

    from mediakit import lesson
    analysis = lesson.start(case="maarat-al-numan")   # loads and analyses the case
    lesson.exercise("ex_02_03")                       # the exercise as a widget

Only names are gathered here; each concern is a module of its own:

- :mod:`.case_in_use`: :func:`start` (load, analyse and announce the case), the analysis in
  use, :func:`pick` and :func:`report_label` for code cells and polls;
- :mod:`.session`: where the learner's answers go (:func:`progress`, :func:`identify`, the
  Voilà learner box) and :func:`saved_where`;
- :mod:`.exercise_cells`: :func:`exercise` and :func:`exercises`;
- :mod:`.machine_marks`: the kit's own marks for correct-the-machine exercises;
- :mod:`.live`: the live :func:`summary`, :func:`first_impression` and :func:`skills`;
- :mod:`.case_tables`: :func:`outlets`, :func:`table` and :func:`accuracy`.

The analysis is :func:`mediakit.analyze`, exercises are :mod:`mediakit.lessons.exercises`
(one module per type), answers are saved by :mod:`mediakit.lessons.progress`. Problems a learner
can meet are shown as a friendly box, never as a traceback: :func:`start` makes IPython show
every MediakitError that way, and when the case cannot be loaded it returns
:class:`~mediakit.views.display.NoAnalysis`, which every view, chart and helper answers with
"Run the lesson.start(...) cell first; it reported a problem above."

``MEDIAKIT_LESSON_CASE`` (a case folder or a shipped case id), when set, replaces the seed case
in every lesson's ``lesson.start(case="maarat-al-numan")``: the lessons then run on that case.
"""

from __future__ import annotations

from ..views.display import HTML, NoAnalysis
from ..views.display import show_error as _show_error
from .case_in_use import (
    CASE_ENV,
    SEED_CASE,
    analysis_for,
    headline,
    pick,
    pick_one,
    report_label,
    start,
)
from .case_tables import BOILERPLATE_KINDS, accuracy, outlets, plain_text, table
from .exercise_cells import exercise, exercises
from .kernel_state import analyses, state
from .live import STATUS_TEXT, Live, first_impression, skills, summary, summary_html
from .machine_marks import inline_machine_spans, machine_spans, passage
from .session import (
    VOILA_ENV,
    VOILA_FLAG,
    forget,
    identify,
    in_voila,
    learner_box,
    progress,
    saved_where,
    session_progress_path,
)

# the kernel's state under the names it had when it lived here (tests and notebooks set it)
_state = state
_analyses = analyses


def show_error(exc: BaseException) -> None:
    """Show a problem as a friendly box (mediakit.views.display.show_error), never a traceback."""
    _show_error(exc)


__all__ = [
    "BOILERPLATE_KINDS",
    "CASE_ENV",
    "HTML",
    "SEED_CASE",
    "STATUS_TEXT",
    "VOILA_ENV",
    "VOILA_FLAG",
    "Live",
    "NoAnalysis",
    "accuracy",
    "analysis_for",
    "exercise",
    "exercises",
    "first_impression",
    "forget",
    "headline",
    "identify",
    "in_voila",
    "inline_machine_spans",
    "learner_box",
    "machine_spans",
    "outlets",
    "passage",
    "pick",
    "pick_one",
    "plain_text",
    "progress",
    "report_label",
    "saved_where",
    "session_progress_path",
    "show_error",
    "skills",
    "start",
    "state",
    "summary",
    "summary_html",
    "table",
]
