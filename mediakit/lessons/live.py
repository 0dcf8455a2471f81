"""Live lesson views: the lesson summary and the first impression, HTML that follows the
learner's progress and is drawn again, without re-running its cell, whenever an answer changes
(an exercise saved, a learner who names themselves); and the skills check as it stands.

There is one way a view hears of a change: :meth:`mediakit.lessons.progress.Progress.on_change`,
which holds its listeners weakly. A :class:`Live` view listens with its bound ``refresh``, so
one answer redraws it once, and a view the learner closed (its widget closed) or a cell
discarded is garbage-collected: the progress never keeps it alive. The widget on the page holds
its view, so a summary lives exactly as long as it is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..views.display import HTML
from ..views.render import esc
from .exercise_cells import exercise
from .exercises import load_lessons
from .progress import Progress
from .session import progress


class Live(HTML):
    """HTML drawn by ``build()`` and drawn again after every change of ``progress``.

    ``.html`` and ``.text`` are always the current ones; ``.widget`` (an ipywidgets HTML) is
    what the notebook shows, followed by ``widgets`` (exercises shown under it, say the polls
    of a first impression not yet given).
    """

    def __init__(
        self,
        build: Callable[[], HTML],
        progress: Progress,
        widgets: Sequence[Any] = (),
        *,
        css_class: str = "mediakit-live",
    ):
        self._build = build
        first = build()
        super().__init__(first.html, text=first.text)
        self.widgets = list(widgets)
        self._css_class = css_class
        self._widget: Any = None
        progress.on_change(self.refresh)  # held weakly: see the module docstring

    def refresh(self, _progress: Progress | None = None) -> None:
        """Draw again from the progress as it is now."""
        now = self._build()
        self.html, self.text = now.html, now.text
        if self._widget is not None:
            self._widget.value = self.html

    @property
    def widget(self) -> Any:
        if self._widget is None:
            import ipywidgets as W

            self._widget = W.HTML(self.html)
            self._widget.add_class(self._css_class)
            # the widget on the page keeps its view alive (and nothing else does): closing
            # the widget lets both go
            self._widget.mediakit_view = self
        return self._widget

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
        for w in self.widgets:
            display(w)


STATUS_TEXT = {
    "correct": "✔ right",
    "recorded": "✔ saved",
    "submitted": "✔ saved",
    "revise": "✎ worth another look",
    "wrong": "✘ not yet right",
    None: "○ not tried",
}


def summary(lesson_id: str) -> Live:
    """A table of this lesson's exercises and where the learner stands on each: a live widget
    that updates whenever an answer is saved or the learner changes, without re-running the
    cell."""
    return Live(lambda: summary_html(lesson_id), progress(), css_class="mediakit-summary")


def summary_html(lesson_id: str) -> HTML:
    """The summary of :func:`summary` as it stands now (plain HTML)."""
    prog = progress()
    prog.reload()
    e = esc
    lessons = load_lessons()
    lesson_obj = lessons.get(lesson_id)
    if lesson_obj is None:
        return HTML(f"<p>There is no lesson {e(lesson_id)}.</p>")
    rows, done = [], 0
    for ex in lesson_obj.exercises:
        st = prog.status(ex.id)
        done += prog.done(ex.id)
        rows.append(
            f"<tr><td>{e(ex.id)}</td><td>{e(ex.title or ex.type)}</td>"
            f"<td>{e(STATUS_TEXT.get(st, st or ''))}</td></tr>"
        )
    n = len(lesson_obj.exercises)
    return HTML(
        f"<p><strong>Lesson {e(lesson_id)}: {done} of {n} exercises done.</strong></p>"
        f"<table><tr><th>exercise</th><th>about</th><th>status</th></tr>{''.join(rows)}</table>",
        text=f"Lesson {lesson_id}: {done} of {n} exercises done.",
    )


def skills() -> HTML:
    """The learner's skills check, before (lesson 00) and after (lesson 07), as a small table."""
    from .skills import skills_check_html

    prog = progress()
    prog.reload()
    return HTML(skills_check_html(prog), text="Skills check")


def first_impression(ex_id: str = "ex_00_01", reason_id: str | None = "ex_00_02") -> Live:
    """What the learner answered in the first-impressions poll of lesson 00 (with the polls
    themselves when nothing is saved yet). Kept up to date: a learner who types their name
    below the lesson's start sees their lesson-00 answer appear."""
    prog = progress()
    prog.reload()
    polls: list[Any] = []
    if not prog.answer(ex_id) and not (reason_id and prog.answer(reason_id)):
        polls = [w for w in (exercise(i) for i in (ex_id, reason_id) if i) if w is not None]
    return Live(lambda: _first_impression(ex_id, reason_id), prog, polls)


def _first_impression(ex_id: str, reason_id: str | None) -> HTML:
    prog = progress()
    e = esc
    choice = prog.answer(ex_id)
    reason = prog.answer(reason_id) if reason_id else None
    if not choice and not reason:
        return HTML(
            "<div style='border-left:6px solid #E69F00;padding:4px 10px;'>"
            "<p>No first impression is saved yet (it is asked in lesson 00). You can answer it "
            "now, before you look back at the evidence:</p></div>",
            text="No first impression saved yet.",
        )
    parts = [
        "<div style='border-left:6px solid #0072B2;padding:4px 10px;'>",
        "<p><strong>In lesson 00 you said:</strong></p><ul>",
    ]
    if choice:
        parts.append(
            f"<li>The report you would trust most at first sight: <strong>{e(str(choice))}</strong></li>"
        )
    if reason:
        parts.append(f"<li>Why: <em>{e(str(reason))}</em></li>")
    parts.append("</ul></div>")
    return HTML("".join(parts), text=f"First impression: {choice} / {reason}")


__all__ = ["STATUS_TEXT", "Live", "first_impression", "skills", "summary", "summary_html"]
