"""Exercises as ipywidgets: thin wiring around :mod:`mediakit.exercises`.

:func:`exercise_widget` builds the controls for one exercise, links the Check button to
:func:`mediakit.exercises.check`, shows the result (a hint on a wrong try, the explanation
once right) and saves every checked answer to the learner's :class:`~mediakit.progress.Progress`.
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

from .exercises import (
    CheckResult,
    Exercise,
    Passage,
    Selection,
    check,
    expected,
    options_for,
    tokenize,
)
from .progress import Progress
from .render import esc

TYPE_LABELS = {
    "choice": "Choose one",
    "multi": "Tick all that apply",
    "number": "Type a number",
    "text": "Write a short answer",
    "poll": "Your first impression (no wrong answers)",
    "select_words": "Mark the words in the text",
}
MACHINE_LABEL = "Correct the machine"
MARK_STYLE = "background:#F0E442;border-bottom:2px dashed #000;padding:0 1px;"


def prompt_html(text: str) -> str:
    """A prompt as HTML: escaped, paragraphs on blank lines, **bold** and *italic* kept."""
    out = []
    for para in re.split(r"\n\s*\n", text.strip()):
        p = esc(para).replace("\n", "<br>")
        p = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", p)
        p = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", p)
        out.append(f"<p>{p}</p>")
    return "".join(out)


def machine_marks_html(passage: Passage) -> str:
    """The passage with the kit's own marks shown as [bracketed, highlighted] text."""
    text = passage.text
    spans = sorted(passage.machine or ())
    out, pos = [], 0
    for s, e in spans:
        if s < pos:
            continue
        out.append(esc(text[pos:s]))
        out.append(f'<mark style="{MARK_STYLE}">[{esc(text[s:e])}]</mark>')
        pos = e
    out.append(esc(text[pos:]))
    body = "".join(out).replace("\n", "<br>")
    n = len(spans)
    return (
        f'<div class="mediakit-machine"><p><strong>What the kit marked</strong> '
        f"({n} {'mark' if n == 1 else 'marks'}, shown [in brackets]):</p>"
        f'<blockquote style="border-left:3px solid #999;padding-left:8px;">{body}</blockquote></div>'
    )


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
        self.passage = passage
        self.progress = progress
        self.report_labels = tuple(report_labels)
        self.tries = 0
        self.result: CheckResult | None = None
        self.controls: dict[str, Any] = {}

        kind = TYPE_LABELS.get(ex.type, ex.type)
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
        parts += self._build_input()
        label = "Save" if ex.type in ("text", "poll") else "Check"
        self.controls["check"] = W.Button(description=label, button_style="primary",
                                          tooltip=f"{label} your answer", icon="check")
        self.controls["check"].on_click(lambda _b: self.check())
        self.controls["feedback"] = W.HTML("")
        self.controls["status"] = W.HTML("")
        parts += [W.HBox([self.controls["check"], self.controls["status"]]), self.controls["feedback"]]
        self.widget = W.VBox(parts, layout=W.Layout(border="1px solid #bbb", padding="6px 10px",
                                                    margin="8px 0"))
        self.widget.add_class("mediakit-exercise")
        self._restore()

    # ------------------------------------------------------------------ inputs

    def _build_input(self) -> list[W.Widget]:
        ex = self.exercise
        if ex.type in ("choice", "poll") and options_for(ex, self.report_labels):
            opts = options_for(ex, self.report_labels)
            radio = W.RadioButtons(options=list(opts), value=None,
                                   layout=W.Layout(width="100%"))
            self.controls["answer"] = radio
            return [radio]
        if ex.type == "multi":
            boxes, rows = [], []
            for o in ex.options:
                # the option's words are the checkbox's own label: clicking them ticks the box
                cb = W.Checkbox(value=False, indent=False, description=o.text,
                                layout=W.Layout(width="100%"))
                cb.option_text = o.text  # type: ignore[attr-defined]
                cb.add_class("mediakit-option")
                boxes.append(cb)
                rows.append(cb)
            self.controls["options"] = boxes
            # long option texts wrap instead of being cut off with "…"
            style = W.HTML("<style>.mediakit-option label, .mediakit-option .widget-label-basic,"
                           " .mediakit-option span { white-space: normal !important;"
                           " overflow: visible !important; text-overflow: clip !important;"
                           " height: auto !important; line-height: 1.35; }"
                           " .mediakit-option { height: auto !important; }</style>",
                           layout=W.Layout(height="0px", margin="0"))
            return [W.VBox([style, *rows])]
        if ex.type == "number":
            box = W.Text(value="", placeholder="a number, e.g. 12, 1,200 or 3.5 million",
                         layout=W.Layout(width="16em"))
            self.controls["answer"] = box
            unit = W.HTML(esc(ex.unit)) if ex.unit else W.HTML("")
            return [W.HBox([box, unit])]
        if ex.type in ("text", "poll"):
            area = W.Textarea(value="", placeholder="Write here…",
                              layout=W.Layout(width="100%", height="7em"))
            self.controls["answer"] = area
            return [area]
        if ex.type == "select_words":
            return self._build_tokens()
        raise ValueError(f"unknown exercise type {ex.type}")

    def _build_tokens(self) -> list[W.Widget]:
        ex, passage = self.exercise, self.passage
        assert passage is not None, "a select-the-words exercise needs its passage"
        parts: list[W.Widget] = []
        if ex.corrects_machine:
            self.controls["machine"] = W.HTML(machine_marks_html(passage))
            parts.append(self.controls["machine"])
        tokens = tokenize(passage.text)
        buttons: list[W.ToggleButton] = []
        children: list[W.Widget] = []
        prev_end = 0
        for t in tokens:
            gap = passage.text[prev_end:t.start]
            if "\n" in gap and children:
                children.append(W.Box(layout=W.Layout(width="100%", height="2px")))
            prev_end = t.end
            if not t.selectable:
                children.append(W.HTML(f"<span>{esc(t.text)}</span>",
                                       layout=W.Layout(margin="0 2px")))
                continue
            b = W.ToggleButton(value=False, description=t.text, tooltip="click to mark this word",
                               layout=W.Layout(width="auto", margin="1px", padding="0 4px",
                                               height="auto"))
            b.span = (t.start, t.end)  # type: ignore[attr-defined]
            b.observe(self._on_toggle, names="value")
            buttons.append(b)
            children.append(b)
        self.controls["tokens"] = buttons
        box = W.Box(children, layout=W.Layout(display="flex", flex_flow="row wrap",
                                              align_items="center", margin="4px 0"))
        box.add_class("mediakit-passage")
        parts.append(W.HTML("<p><small>Click a word to mark it (marked words show ✓); "
                            "click again to unmark.</small></p>"))
        parts.append(box)
        if ex.corrects_machine or ex.match == "any":
            label = ("Nothing to mark: the kit got this passage right"
                     if ex.corrects_machine else "Nothing to mark here")
            nothing = W.Checkbox(value=False, description=label, indent=False,
                                 layout=W.Layout(width="auto"))
            self.controls["nothing"] = nothing
            parts.append(nothing)
        return parts

    @staticmethod
    def _on_toggle(change: dict[str, Any]) -> None:
        b = change["owner"]
        b.icon = "check" if change["new"] else ""
        b.button_style = "warning" if change["new"] else ""

    # ------------------------------------------------------------------ answer in and out

    @property
    def answer(self) -> Any:
        """The learner's current answer, in the shape :func:`mediakit.exercises.check` takes."""
        ex, c = self.exercise, self.controls
        if ex.type == "multi":
            return [cb.option_text for cb in c["options"] if cb.value]
        if ex.type == "select_words":
            spans = tuple(b.span for b in c["tokens"] if b.value)
            nothing = bool(c["nothing"].value) if "nothing" in c else False
            return Selection(spans=spans, nothing=nothing)
        return c["answer"].value

    def set_answer(self, answer: Any) -> None:
        ex, c = self.exercise, self.controls
        if ex.type == "multi":
            chosen = set(answer or ())
            for cb in c["options"]:
                cb.value = cb.option_text in chosen
        elif ex.type == "select_words":
            sel = Selection.from_json(answer)
            for b in c["tokens"]:
                b.value = any(s <= b.span[0] and b.span[1] <= e for s, e in sel.spans)
            if "nothing" in c:
                c["nothing"].value = sel.nothing
        elif ex.type == "number":
            c["answer"].value = "" if answer is None else str(answer)
        elif isinstance(c["answer"], W.RadioButtons):
            c["answer"].value = answer if answer in c["answer"].options else None
        else:
            c["answer"].value = answer or ""

    def _stored(self) -> Any:
        a = self.answer
        return a.to_json() if isinstance(a, Selection) else a

    # ------------------------------------------------------------------ checking

    def check(self) -> CheckResult:
        """Check the current answer, show the feedback and save it to the learner's progress."""
        self.tries += 1
        result = check(self.exercise, self.answer, passage=self.passage, tries=self.tries,
                       report_labels=self.report_labels)
        if result.status == "incomplete":
            self.tries -= 1
        self._show(result)
        if self.progress is not None and result.status != "incomplete":
            saved = self.progress.record(self.exercise.id, self._stored(), result.status,
                                         tries=self.tries)
            if not saved and self.progress.messages:
                self.controls["status"].value = (
                    f"<small>⚠ {esc(self.progress.messages[-1])}</small>")
        return result

    def _show(self, result: CheckResult, *, restored: bool = False) -> None:
        self.result = result
        note = "<p><small>(Your saved answer from last time.)</small></p>" if restored else ""
        self.controls["feedback"].value = note + result._repr_html_()
        self.controls["status"].value = (
            f"<small>tries: {self.tries}</small>" if self.tries else "")

    def _restore(self) -> None:
        if self.progress is None:
            return
        entry = self.progress.get(self.exercise.id)
        if not entry:
            return
        try:
            self.set_answer(entry.get("answer"))
            tries = entry.get("tries", 1)
            self.tries = tries if isinstance(tries, int) and not isinstance(tries, bool) \
                and tries > 0 else 1
        except Exception:  # a stale saved answer must never stop the lesson
            return
        try:
            result = check(self.exercise, self.answer, passage=self.passage, tries=self.tries,
                           report_labels=self.report_labels)
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
    return ExerciseWidget(exercise, passage=passage, progress=progress,
                          report_labels=report_labels, source_note=source_note)


__all__ = ["ExerciseWidget", "exercise_widget", "expected", "machine_marks_html", "prompt_html"]
