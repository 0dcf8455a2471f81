"""A poll: the learner's first impression, saved and never wrong; a later lesson comes back
to it. Options come from the exercise or from the case's reports; without options it is a
few words of free text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import choice, text
from .model import CheckResult, Exercise, ExerciseError, Passage, options_for

if TYPE_CHECKING:
    from .widget import ExerciseWidget

TYPE = "poll"
LABEL = "Your first impression (no wrong answers)"
BUTTON = "Save"
KEYS = frozenset({"option", "options_from"})
PASSAGE = False


def answer_from_file(value: Any, where: str) -> Any:
    return value


def validate(ex: Exercise, where: str) -> None:
    if not ex.options and ex.options_from not in (None, "reports"):
        raise ExerciseError(f'In {where}, options_from can only be "reports".')


def check(
    ex: Exercise,
    answer: Any,
    *,
    passage: Passage | None = None,
    tries: int = 1,
    report_labels: Sequence[str] = (),
) -> CheckResult:
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        what = "Choose an option" if options_for(ex, report_labels) else "Write a few words"
        return CheckResult(
            ex.id, "incomplete", f"{what}, then press Save. There is no wrong answer.", tries=tries
        )
    return CheckResult(
        ex.id,
        "recorded",
        "Your answer is saved; a later lesson comes back to it.",
        explanation=ex.explanation or None,
        tries=tries,
    )


def key_answer(
    ex: Exercise, passage: Passage | None = None, *, report_labels: Sequence[str] = ()
) -> Any:
    opts = options_for(ex, report_labels)
    return opts[0] if opts else "A first impression in a few words."


def wrong_answers(ex: Exercise, passage: Passage | None = None) -> list[Any]:
    return []


# --------------------------------------------------------------------------- widget


def build(w: ExerciseWidget) -> list[Any]:
    opts = options_for(w.exercise, w.report_labels)
    return choice.radio(w, opts) if opts else text.text_area(w)


def read(w: ExerciseWidget) -> Any:
    return w.controls["answer"].value


def write(w: ExerciseWidget, answer: Any) -> None:
    if options_for(w.exercise, w.report_labels):
        choice.set_radio(w, answer)
    else:
        text.write(w, answer)
