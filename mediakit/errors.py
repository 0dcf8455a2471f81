"""Errors a learner can read.

Every problem the kit can foresee (a missing file, a broken ``case.toml``, an empty report)
is raised as a :class:`MediakitError` whose message is one plain sentence naming the file.
The CLI prints the message; notebooks show it through :func:`mediakit.views.display.show_error`
instead of a traceback.
"""

from __future__ import annotations


class MediakitError(Exception):
    """A problem with the learner's input, explained in plain words."""

    def __init__(self, message: str, *, path: str | None = None, hint: str | None = None):
        self.path = path
        self.hint = hint
        full = message if hint is None else f"{message} {hint}"
        super().__init__(full)


class CaseError(MediakitError):
    """The case folder or its ``case.toml`` cannot be used."""


class ReportError(MediakitError):
    """One report file cannot be read (the others may still load)."""


class ModelError(MediakitError):
    """The spaCy pipeline is missing or cannot be loaded."""
