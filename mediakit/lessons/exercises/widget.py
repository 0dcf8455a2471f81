"""One exercise on screen: the frame every type shares (prompt, Check button, feedback, saving
and restoring the learner's answer). The inputs come from the exercise's type module
(``build``, ``read`` and ``write`` there).

Its ``controls`` dict names every control so tests can drive it without a browser::

    w = exercise_widget(ex, passage=p)
    w.controls["answer"].value = "..."       # choice / number / text / poll
    w.controls["tokens"][3].value = True     # select the words
    w.controls["check"].click()
    w.result.status, w.controls["feedback"].value
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import ipywidgets as W

from ...views.render import esc
from ..progress import Progress
from . import check
from .model import CheckResult, Exercise, Passage, Selection, learner_key
from .registry import TYPE_LABELS, TYPES

MACHINE_LABEL = "Correct the machine"


def prompt_html(text: str) -> str:
    """A prompt as HTML: escaped, paragraphs on blank lines, **bold** and *italic* kept."""
    out = []
    for para in re.split(r"\n\s*\n", text.strip()):
        p = esc(para).replace("\n", "<br>")
        p = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", p)
        p = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", p)
        out.append(f"<p>{p}</p>")
    return "".join(out)


class ExerciseWidget:
    """One exercise on screen. ``widget`` is the ipywidgets box; ``controls`` names its parts."""

    def __init__(
        self,
        exercise: Exercise,
        *,
        passage: Passage | None = None,
        progress: Progress | None = None,
        report_labels: Sequence[str] = (),
        source_note: str = "",
    ):
        self.exercise = ex = exercise
        self.kind = TYPES[ex.type]
        self.passage = passage
        self.progress = progress
        self.report_labels = tuple(report_labels)
        self.learner = learner_key(progress)  # seeds this learner's order of the options
        self.tries = 0
        self.result: CheckResult | None = None
        self.controls: dict[str, Any] = {}

        kind = self.kind.LABEL
        if ex.corrects_machine:
            kind = f"{MACHINE_LABEL} · {kind}"
        title = esc(ex.title) if ex.title else ""
        head = (
            f'<div class="mediakit-exercise-head"><p><strong>Exercise {esc(ex.id)}</strong>'
            f" · <em>{esc(kind)}</em>{' · ' + title if title else ''}</p>"
            f"{prompt_html(ex.prompt)}"
            f"{f'<p><small>{esc(source_note)}</small></p>' if source_note else ''}</div>"
        )
        self.controls["prompt"] = W.HTML(head)
        parts: list[W.Widget] = [self.controls["prompt"]]
        parts += self.kind.build(self)
        label = self.kind.BUTTON
        self.controls["check"] = W.Button(
            description=label, button_style="primary", tooltip=f"{label} your answer", icon="check"
        )
        self.controls["check"].on_click(lambda _b: self.check())
        self.controls["feedback"] = W.HTML("")
        self.controls["status"] = W.HTML("")
        parts += [
            W.HBox([self.controls["check"], self.controls["status"]]),
            self.controls["feedback"],
        ]
        self.widget = W.VBox(
            parts, layout=W.Layout(border="1px solid #bbb", padding="6px 10px", margin="8px 0")
        )
        self.widget.add_class("mediakit-exercise")
        self.restore()

    # ------------------------------------------------------------------ answer in and out

    @property
    def answer(self) -> Any:
        """The learner's current answer, in the shape :func:`mediakit.lessons.exercises.check` takes."""
        return self.kind.read(self)

    def set_answer(self, answer: Any) -> None:
        self.kind.write(self, answer)

    def _stored(self) -> Any:
        a = self.answer
        return a.to_json() if isinstance(a, Selection) else a

    # ------------------------------------------------------------------ checking

    def check(self) -> CheckResult:
        """Check the current answer, show the feedback and save it to the learner's progress."""
        self.tries += 1
        result = check(
            self.exercise,
            self.answer,
            passage=self.passage,
            tries=self.tries,
            report_labels=self.report_labels,
        )
        if result.status == "incomplete":
            self.tries -= 1
        self._show(result)
        if self.progress is not None and result.status != "incomplete":
            saved = self.progress.record(
                self.exercise.id, self._stored(), result.status, tries=self.tries
            )
            if not saved and self.progress.messages:
                self.controls[
                    "status"
                ].value = f"<small>⚠ {esc(self.progress.messages[-1])}</small>"
        return result

    def _show(self, result: CheckResult, *, restored: bool = False) -> None:
        self.result = result
        note = "<p><small>(Your saved answer from last time.)</small></p>" if restored else ""
        self.controls["feedback"].value = note + result._repr_html_()
        self.controls["status"].value = f"<small>tries: {self.tries}</small>" if self.tries else ""

    def restore(self) -> None:
        """Show the learner's saved answer and its feedback; with none saved (a new learner on
        the same page), an empty exercise: nobody sees the previous learner's answer."""
        if self.progress is None:
            return
        entry = self.progress.get(self.exercise.id)
        if not entry:
            self.set_answer(None)
            self.tries = 0
            self.result = None
            self.controls["feedback"].value = ""
            self.controls["status"].value = ""
            return
        try:
            self.set_answer(entry.get("answer"))
            tries = entry.get("tries", 1)
            self.tries = (
                tries if isinstance(tries, int) and not isinstance(tries, bool) and tries > 0 else 1
            )
        except Exception:  # a stale saved answer must never stop the lesson
            return
        try:
            result = check(
                self.exercise,
                self.answer,
                passage=self.passage,
                tries=self.tries,
                report_labels=self.report_labels,
            )
        except Exception:
            return
        self._show(result, restored=True)

    # ------------------------------------------------------------------ display

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)

    def __repr__(self) -> str:
        return f"<exercise {self.exercise.id} ({self.exercise.type})>"


def exercise_widget(
    exercise: Exercise,
    *,
    passage: Passage | None = None,
    progress: Progress | None = None,
    report_labels: Sequence[str] = (),
    source_note: str = "",
) -> ExerciseWidget:
    """Build the widget for one exercise (see the module docstring for its ``controls``)."""
    return ExerciseWidget(
        exercise,
        passage=passage,
        progress=progress,
        report_labels=report_labels,
        source_note=source_note,
    )


__all__ = [
    "MACHINE_LABEL",
    "TYPE_LABELS",
    "ExerciseWidget",
    "exercise_widget",
    "prompt_html",
]
