"""Type a number: a count or amount read from the reports, within a tolerance."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ...views.render import esc
from .model import CheckResult, Exercise, ExerciseError, Passage, hint_for

if TYPE_CHECKING:
    from .widget import ExerciseWidget

TYPE = "number"
LABEL = "Type a number"
BUTTON = "Check"
KEYS = frozenset({"answer", "tolerance", "unit", "hints"})
PASSAGE = False


def answer_from_file(value: Any, where: str) -> Any:
    return value


def validate(ex: Exercise, where: str) -> None:
    if not isinstance(ex.answer, int | float) or isinstance(ex.answer, bool):
        raise ExerciseError(f"In {where}, a number exercise needs answer = a number.")
    if not ex.hints:
        raise ExerciseError(f"In {where}, give at least one hint.")


_SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "thousands": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "hundred": 1e2,
    "hundreds": 1e2,
    "dozen": 12.0,
}


def parse_number(value: Any) -> float | None:
    """A learner's number: 12, "12", "1,200", "120 000", "3.5", "3.5 million", "120 thousand",
    "1.2m", "120k", "about 300"; None if it is not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if not isinstance(value, str):
        return None
    s = value.strip().replace("\u00a0", " ").lower()
    s = re.sub(
        r"^(?:about|around|some|approximately|roughly|over|at least|nearly|almost|~)\s*", "", s
    )
    s = re.sub(r"(?<=\d)[ ,](?=\d{3}\b)", "", s)
    m = re.fullmatch(r"([-+]?\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)?\.?", s)
    if m is None:
        return None
    scale = 1.0
    if m.group(2):
        if m.group(2) not in _SCALES:
            return None
        scale = _SCALES[m.group(2)]
    return float(m.group(1)) * scale


def _fmt(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"


def check(
    ex: Exercise,
    answer: Any,
    *,
    passage: Passage | None = None,
    tries: int = 1,
    report_labels: Sequence[str] = (),
) -> CheckResult:
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return CheckResult(ex.id, "incomplete", "Type a number, then press Check.", tries=tries)
    value = parse_number(answer)
    if value is None:
        return CheckResult(
            ex.id,
            "incomplete",
            f"'{answer}' is not a number I can read; type digits, such as 12, 1,200 or 3.5 million.",
            tries=tries,
        )
    target = float(ex.answer)
    if abs(value - target) <= ex.tolerance:
        return CheckResult(
            ex.id,
            "correct",
            f"{_fmt(target)} {ex.unit}".strip() + " is right.",
            explanation=ex.explanation or None,
            tries=tries,
        )
    direction = "too high" if value > target else "too low"
    return CheckResult(
        ex.id, "wrong", f"{_fmt(value)} is {direction}.", hint=hint_for(ex, tries), tries=tries
    )


def key_answer(
    ex: Exercise, passage: Passage | None = None, *, report_labels: Sequence[str] = ()
) -> Any:
    return ex.answer


def wrong_answers(ex: Exercise, passage: Passage | None = None) -> list[Any]:
    return [float(ex.answer) + ex.tolerance + 1, float(ex.answer) - ex.tolerance - 1]


# --------------------------------------------------------------------------- widget


def build(w: ExerciseWidget) -> list[Any]:
    import ipywidgets as W

    box = W.Text(
        value="",
        placeholder="a number, e.g. 12, 1,200 or 3.5 million",
        layout=W.Layout(width="24em"),
    )
    w.controls["answer"] = box
    unit = W.HTML(esc(w.exercise.unit)) if w.exercise.unit else W.HTML("")
    return [W.HBox([box, unit])]


def read(w: ExerciseWidget) -> Any:
    return w.controls["answer"].value


def write(w: ExerciseWidget, answer: Any) -> None:
    w.controls["answer"].value = "" if answer is None else str(answer)
