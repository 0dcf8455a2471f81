"""Live lesson views: HTML that follows the learner's progress and is drawn again, without
re-running its cell, whenever an answer changes (an exercise saved, a learner who names
themselves).

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
from .progress import Progress


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


__all__ = ["Live"]
