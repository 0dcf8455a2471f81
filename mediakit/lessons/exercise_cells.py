"""Exercises in a lesson's cells: ``lesson.exercise("ex_02_03")`` is the exercise as a widget,
with its passage, the kit's marks and the learner's saved answer; :func:`exercises` lists a
lesson's exercise ids. A problem (an unknown id, a broken file) is a plain box, never a
traceback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import MediakitError
from ..views.display import show_error
from .case_in_use import SEED_CASE, analysis_for, report_label
from .exercises import ExerciseError, get_exercise, load_lessons, type_of
from .kernel_state import state
from .machine_marks import passage
from .session import progress, register_widget

if TYPE_CHECKING:
    from .exercises.widget import ExerciseWidget


def exercise(ex_id: str) -> ExerciseWidget | None:
    """The exercise ``ex_id`` as a widget, with the learner's saved answer restored."""
    from .exercises.widget import exercise_widget

    try:
        ex = get_exercise(ex_id)
        p = passage(ex) if type_of(ex).PASSAGE else None
        labels: list[str] = []
        note = ""
        if ex.options_from == "reports":
            labels = [report_label(r) for r in analysis_for(ex.case).case.reports]
        if p is not None and p.report is not None:
            rep = analysis_for(ex.case).case.report(p.report)
            note = f"From: {rep.label} (report '{rep.id}')."
        current = state.get("analysis")
        if ex.case and current is not None and current.case.id != ex.case:
            about = analysis_for(ex.case).case.title if ex.case == SEED_CASE else ex.case
            note = f"This exercise is about the seed case ({about}), not the case loaded above." + (
                f" {note}" if note else ""
            )
        w = exercise_widget(
            ex, passage=p, progress=progress(), report_labels=labels, source_note=note
        )
        register_widget(w)
        return w
    except MediakitError as exc:
        show_error(exc)
        return None


def exercises(lesson_id: str) -> list[str]:
    """The exercise ids of one lesson ("02")."""
    lessons = load_lessons()
    if lesson_id not in lessons:
        raise ExerciseError(f"There is no lesson {lesson_id}.")
    return [ex.id for ex in lessons[lesson_id].exercises]


__all__ = ["exercise", "exercises"]
