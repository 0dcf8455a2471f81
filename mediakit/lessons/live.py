"""Live lesson summaries: a summary widget that updates itself whenever an exercise widget of
the kernel saves an answer, without re-running its cell.

The exercise widgets announce each saved answer (:func:`mediakit.lessons.exercises.widget.on_answer`);
a :class:`LiveSummary` listens and re-renders. Listeners are held weakly, so a summary that is
no longer shown goes away with its cell's output.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from ..views.display import HTML
from .exercises.widget import on_answer


class LiveSummary(HTML):
    """Where the learner stands on a lesson's exercises, kept up to date as they answer.

    ``render()`` returns the summary as :class:`HTML`; ``.html`` and ``.text`` are always the
    current ones, and ``.widget`` (an ipywidgets HTML) is what the notebook shows.
    """

    def __init__(self, render: Callable[[], HTML], exercise_ids: list[str] | None = None):
        self._render = render
        self._ids = set(exercise_ids) if exercise_ids is not None else None
        first = render()
        super().__init__(first.html, text=first.text)
        self._widget: Any = None
        ref = weakref.ref(self)

        def listener(ex_id: str, _result: Any) -> None:
            me = ref()
            if me is not None and (me._ids is None or ex_id in me._ids):
                me.refresh()

        self._listener = listener  # kept alive by self; the registry holds it weakly
        on_answer(listener)

    def refresh(self) -> None:
        now = self._render()
        self.html, self.text = now.html, now.text
        if self._widget is not None:
            self._widget.value = self.html

    @property
    def widget(self) -> Any:
        if self._widget is None:
            import ipywidgets as W

            self._widget = W.HTML(self.html)
            self._widget.add_class("mediakit-summary")
        return self._widget

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
