"""Choose one: a question with options, one of them right."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .model import CheckResult, Exercise, ExerciseError, Passage, hint_for, option_order

if TYPE_CHECKING:
    from .widget import ExerciseWidget

TYPE = "choice"
LABEL = "Choose one"
BUTTON = "Check"
KEYS = frozenset({"option", "hints"})
PASSAGE = False


def answer_from_file(value: Any, where: str) -> Any:
    return value


def check_options(ex: Exercise, where: str) -> None:
    """The options of a question (shared with tick-all): two or more, every wrong one explained
    by a hint or its own feedback."""
    if len(ex.options) < 2:
        raise ExerciseError(f"In {where}, a {ex.type} exercise needs at least two options.")
    if not ex.hints and not all(o.feedback for o in ex.options if not o.correct):
        raise ExerciseError(f"In {where}, give hints or feedback for every wrong option.")


def validate(ex: Exercise, where: str) -> None:
    check_options(ex, where)
    n = len(ex.correct_options)
    if n != 1:
        raise ExerciseError(f"In {where}, exactly one option must be correct (found {n}).")


def check(
    ex: Exercise,
    answer: Any,
    *,
    passage: Passage | None = None,
    tries: int = 1,
    report_labels: Sequence[str] = (),
) -> CheckResult:
    if answer is None or answer == "":
        return CheckResult(
            ex.id, "incomplete", "Choose one of the options, then press Check.", tries=tries
        )
    opt = next((o for o in ex.options if o.text == answer), None)
    if opt is None:
        return CheckResult(ex.id, "incomplete", "That is not one of the options.", tries=tries)
    if opt.correct:
        return CheckResult(
            ex.id,
            "correct",
            opt.feedback or "That's it.",
            explanation=ex.explanation or None,
            tries=tries,
        )
    return CheckResult(
        ex.id,
        "wrong",
        opt.feedback or "That's not the best answer.",
        hint=hint_for(ex, tries),
        tries=tries,
    )


def key_answer(
    ex: Exercise, passage: Passage | None = None, *, report_labels: Sequence[str] = ()
) -> Any:
    return ex.correct_options[0]


def wrong_answers(ex: Exercise, passage: Passage | None = None) -> list[Any]:
    return [o.text for o in ex.options if not o.correct]


# --------------------------------------------------------------------------- widget


def radio(w: ExerciseWidget, options: Sequence[str]) -> list[Any]:
    """Radio buttons for ``options`` (shared with polls that offer options)."""
    import ipywidgets as W

    buttons = W.RadioButtons(options=list(options), value=None, layout=W.Layout(width="100%"))
    w.controls["answer"] = buttons
    return [buttons]


def set_radio(w: ExerciseWidget, answer: Any) -> None:
    box = w.controls["answer"]
    box.value = answer if answer in box.options else None


def build(w: ExerciseWidget) -> list[Any]:
    # shuffled per learner, the same for them on every reload (the answer is the option's text)
    return radio(w, option_order(w.exercise, w.learner))


def read(w: ExerciseWidget) -> Any:
    return w.controls["answer"].value


def write(w: ExerciseWidget, answer: Any) -> None:
    set_radio(w, answer)
