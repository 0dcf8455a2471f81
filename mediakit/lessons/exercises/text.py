"""Write a short answer: free text, saved, with a rubric as a rough automatic check and a
model answer to compare with."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .model import CheckResult, Exercise, Passage, hint_for

if TYPE_CHECKING:
    from .widget import ExerciseWidget

TYPE = "text"
LABEL = "Write a short answer"
BUTTON = "Save"


def words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text)


def rubric_marks(ex: Exercise, text: str) -> tuple[tuple[str, bool], ...]:
    low = text.lower()
    marks = []
    for c in ex.rubric:
        seen = any(re.search(r"\b" + re.escape(k.lower()), low) for k in c.keywords) if c.keywords else False
        marks.append((c.criterion, seen))
    return tuple(marks)


def check(ex: Exercise, answer: Any, *, passage: Passage | None = None, tries: int = 1,
          report_labels: Sequence[str] = ()) -> CheckResult:
    text = answer if isinstance(answer, str) else ""
    n = len(words(text))
    if n == 0:
        return CheckResult(ex.id, "incomplete", "Write your answer in the box, then press Save.",
                           tries=tries)
    marks = rubric_marks(ex, text)
    if n < ex.min_words:
        return CheckResult(
            ex.id, "revise",
            f"Your answer has {n} words; say a little more (about {ex.min_words} or more).",
            hint=hint_for(ex, tries), rubric=marks, model_answer=ex.model_answer, tries=tries,
        )
    seen = sum(1 for _, s in marks if s)
    if seen >= ex.min_criteria:
        return CheckResult(ex.id, "submitted", "Compare it with the model answer below.",
                           rubric=marks, model_answer=ex.model_answer,
                           explanation=ex.explanation or None, tries=tries)
    return CheckResult(
        ex.id, "revise",
        "Saved. Check your answer against the points below and the model answer.",
        hint=hint_for(ex, tries), rubric=marks, model_answer=ex.model_answer, tries=tries,
    )


def key_answer(ex: Exercise, passage: Passage | None = None, *,
               report_labels: Sequence[str] = ()) -> Any:
    return ex.model_answer


def wrong_answers(ex: Exercise, passage: Passage | None = None) -> list[Any]:
    return ["I don't know.", "ok"]


# --------------------------------------------------------------------------- widget


def text_area(w: ExerciseWidget) -> list[Any]:
    """A box for a few lines of text (shared with polls that have no options)."""
    import ipywidgets as W

    area = W.Textarea(value="", placeholder="Write here…", layout=W.Layout(width="100%", height="7em"))
    w.controls["answer"] = area
    return [area]


def build(w: ExerciseWidget) -> list[Any]:
    return text_area(w)


def read(w: ExerciseWidget) -> Any:
    return w.controls["answer"].value


def write(w: ExerciseWidget, answer: Any) -> None:
    w.controls["answer"].value = answer or ""
