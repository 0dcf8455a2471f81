"""The learner box: a name or class code typed once per browser (see ``static/learner.js``).

The browser side remembers the name in ``localStorage`` and sends it again on every page load,
so in Voilà a reload, the next lesson or the next day goes on saving into the same answers file.
Every name is checked here (:func:`mediakit.lessons.learner.check_name`) before it is used.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources

import anywidget
import traitlets

from ..errors import MediakitError

FORGET = "\x00forget"


class LearnerBox(anywidget.AnyWidget):
    """``name``: the accepted name; ``request``: a name the browser asks for (checked, then
    cleared); ``message``: what the learner reads; ``remember``: keep the name in the browser."""

    _esm = (resources.files("mediakit.lessons") / "static" / "learner.js").read_text("utf-8")
    name = traitlets.Unicode("").tag(sync=True)
    request = traitlets.Unicode("").tag(sync=True)
    message = traitlets.Unicode("").tag(sync=True)
    remember = traitlets.Bool(True).tag(sync=True)

    def __init__(
        self,
        identify: Callable[[str], tuple[str, str]],
        forget: Callable[[], None],
        *,
        name: str = "",
        message: str = "",
        **kwargs,
    ):
        super().__init__(name=name, message=message, **kwargs)
        self._identify = identify
        self._forget = forget

    @traitlets.observe("request")
    def _asked(self, change: dict) -> None:
        wanted = change["new"]
        if not wanted:
            return
        try:
            if wanted == FORGET:
                self._forget()
                self.name = ""
                self.message = (
                    "Answers are kept only while this page is open. Type your name "
                    "or class code to keep them."
                )
            else:
                self.name, self.message = self._identify(wanted)
        except MediakitError as exc:
            self.message = str(exc)
        finally:
            self.request = ""
