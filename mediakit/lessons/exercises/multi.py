"""Tick all that apply: a question with options, any number of them right."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .choice import check_options
from .model import CheckResult, Exercise, ExerciseError, Passage, hint_for, option_order

if TYPE_CHECKING:
    from .widget import ExerciseWidget

TYPE = "multi"
LABEL = "Tick all that apply"
BUTTON = "Check"
KEYS = frozenset({"option", "hints"})
PASSAGE = False


def answer_from_file(value: Any, where: str) -> Any:
    return value


def validate(ex: Exercise, where: str) -> None:
    check_options(ex, where)
    n = len(ex.correct_options)
    if n < 1 or n == len(ex.options):
        raise ExerciseError(f"In {where}, some but not all options must be correct.")


def check(
    ex: Exercise,
    answer: Any,
    *,
    passage: Passage | None = None,
    tries: int = 1,
    report_labels: Sequence[str] = (),
) -> CheckResult:
    chosen = set(answer or ())
    if not chosen:
        return CheckResult(
            ex.id, "incomplete", "Tick every option that applies, then press Check.", tries=tries
        )
    right = set(ex.correct_options)
    known = {o.text for o in ex.options}
    chosen &= known
    if chosen == right:
        return CheckResult(
            ex.id,
            "correct",
            "You found all of them and nothing else.",
            explanation=ex.explanation or None,
            tries=tries,
        )
    extra = [o for o in ex.options if o.text in chosen and not o.correct]
    missing = len(right - chosen)
    parts = []
    if extra:
        parts.append(f"{len(extra)} of your ticks {'does' if len(extra) == 1 else 'do'} not apply.")
    if missing:
        parts.append(f"{missing} more {'option applies' if missing == 1 else 'options apply'}.")
    details = tuple(o.feedback for o in extra if o.feedback)
    return CheckResult(
        ex.id, "wrong", " ".join(parts), hint=hint_for(ex, tries), details=details, tries=tries
    )


def key_answer(
    ex: Exercise, passage: Passage | None = None, *, report_labels: Sequence[str] = ()
) -> Any:
    return list(ex.correct_options)


def wrong_answers(ex: Exercise, passage: Passage | None = None) -> list[Any]:
    right = list(ex.correct_options)
    out: list[Any] = [[o.text for o in ex.options]]
    if len(right) > 1:
        out.append(right[:-1])
    out.append([o.text for o in ex.options if not o.correct][:1])
    return out


# --------------------------------------------------------------------------- widget

# long option texts wrap instead of being cut off with "…"
_WRAP_STYLE = (
    "<style>.mediakit-option label, .mediakit-option .widget-label-basic,"
    " .mediakit-option span { white-space: normal !important;"
    " overflow: visible !important; text-overflow: clip !important;"
    " height: auto !important; line-height: 1.35; }"
    " .mediakit-option { height: auto !important; }</style>"
)


def build(w: ExerciseWidget) -> list[Any]:
    import ipywidgets as W

    boxes = []
    # shuffled per learner, the same for them on every reload (the answer is the option texts)
    for text in option_order(w.exercise, w.learner):
        # the option's words are the checkbox's own label: clicking them ticks the box
        cb = W.Checkbox(value=False, indent=False, description=text, layout=W.Layout(width="100%"))
        cb.option_text = text
        cb.add_class("mediakit-option")
        boxes.append(cb)
    w.controls["options"] = boxes
    style = W.HTML(_WRAP_STYLE, layout=W.Layout(height="0px", margin="0"))
    return [W.VBox([style, *boxes])]


def read(w: ExerciseWidget) -> Any:
    return [cb.option_text for cb in w.controls["options"] if cb.value]


def write(w: ExerciseWidget, answer: Any) -> None:
    chosen = set(answer or ())
    for cb in w.controls["options"]:
        cb.value = cb.option_text in chosen
