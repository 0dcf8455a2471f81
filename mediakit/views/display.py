"""Showing things in a notebook without tracebacks.

``show_error(exc)`` renders a :class:`~mediakit.errors.MediakitError` (or any exception) as a
friendly box; ``friendly_errors()`` wraps a block of lesson code so that a learner's mistake
shows that box instead of a traceback; ``install_error_display()`` makes IPython show every
MediakitError of a cell that way. :class:`HTML` is a tiny object with ``_repr_html_``.

When ``lesson.start`` cannot load a case it returns :class:`NoAnalysis`: every view, chart and
lesson helper given it (or None) shows the plain :data:`NOT_STARTED` box instead of failing, and
anything else asked of it raises :class:`NotStartedError` (shown as the same box).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import MediakitError
from .render import esc, style_tag


class HTML:
    """A piece of HTML that Jupyter displays as HTML (``_repr_html_``) and prints as text."""

    def __init__(self, html: str, *, text: str | None = None):
        self.html = html
        self.text = text if text is not None else html

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def error_html(exc: BaseException) -> str:
    """The HTML of the friendly error box for ``exc`` (every part escaped)."""
    if isinstance(exc, MediakitError):
        message = str(exc)
        hint = exc.hint
        if hint and message.endswith(hint):
            message = message[: -len(hint)].rstrip()
        title = "The kit could not do this"
        path = exc.path
    else:
        message = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        hint = (
            "This looks like a problem inside the kit or the code in this cell, not with your "
            "answer. Try running the cells above again from the top; if it stays, tell your "
            "teacher."
        )
        title = "Something unexpected went wrong"
        path = None
    parts = [f"<b>{esc(title)}</b>", f"<p>{esc(message)}</p>"]
    if path:
        parts.append(f'<p class="mk-muted">File: {esc(path)}</p>')
    if hint:
        parts.append(f"<p>What to try: {esc(hint)}</p>")
    return f'{style_tag()}<div class="mk-root"><div class="mk-error" role="alert">{"".join(parts)}</div></div>'


NOT_STARTED = "Run the lesson.start(...) cell first; it reported a problem above."


class NotStartedError(MediakitError):
    """Something was asked of a case that was never loaded (``lesson.start`` failed or not run)."""

    def __init__(self, message: str = NOT_STARTED, **kw: Any):
        super().__init__(message, **kw)


class NoAnalysis:
    """What :func:`mediakit.lesson.start` returns when the case could not be loaded.

    It is falsy, displays the :data:`NOT_STARTED` box, is accepted by every view, chart and
    lesson helper (which show that box), and raises :class:`NotStartedError`, a
    :class:`MediakitError` shown as a plain box, for anything else (``analysis.records_for(...)``).
    """

    def __init__(self, reason: str = ""):
        self.reason = reason

    def __bool__(self) -> bool:
        return False

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # IPython and friends probe _repr_html_, _ipython_display_...
            raise AttributeError(name)
        raise NotStartedError()

    def _repr_html_(self) -> str:
        return notice_html(NOT_STARTED)

    def __repr__(self) -> str:
        return NOT_STARTED


def missing(analysis: Any) -> bool:
    """True if ``analysis`` is no analysis at all (None, or a failed ``lesson.start``)."""
    return analysis is None or isinstance(analysis, NoAnalysis)


def notice_html(message: str, *, style: bool = True) -> str:
    """A plain box with a message for the learner (not an error: nothing is broken in their work)."""
    box = f'<div class="mk-notice" role="status">{esc(message)}</div>'
    return f'{style_tag() if style else ""}<div class="mk-root">{box}</div>'


def not_started(*, style: bool = True) -> HTML:
    """The :data:`NOT_STARTED` box as a displayable object."""
    return HTML(notice_html(NOT_STARTED, style=style), text=NOT_STARTED)


def show(obj: Any) -> None:
    """Display ``obj`` in the notebook, or print it outside IPython."""
    try:
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython ships with Jupyter
        print(obj)
        return
    display(obj)


def show_error(exc: BaseException) -> HTML:
    """Display ``exc`` as a friendly box in the notebook (and return it as an :class:`HTML`).

    Outside IPython the plain message is printed instead.
    """
    box = HTML(error_html(exc), text=f"Problem: {exc}")
    show(box)
    return box


def error_handler(
    shell: Any,
    etype: type[BaseException],
    value: BaseException,
    tb: Any,
    tb_offset: int | None = None,
) -> list[str]:
    """IPython's custom exception handler for :class:`MediakitError`: the box, no traceback."""
    show_error(value)
    return []


def install_error_display(shell: Any = None) -> bool:
    """Make IPython show every :class:`MediakitError` raised in a cell as the friendly box.

    Uses ``shell.set_custom_exc`` on ``shell`` (default: the running IPython, if any); returns
    False outside IPython. Other exceptions keep their traceback: they are bugs.
    """
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover
            return False
        shell = get_ipython()
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return False
    shell.set_custom_exc((MediakitError,), error_handler)
    return True


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Run a block and show any :class:`MediakitError` from it as a friendly box, not a traceback.

    Other exceptions are re-raised: they are bugs, and hiding them would hide the evidence.
    """
    try:
        yield
    except MediakitError as exc:
        show_error(exc)


__all__ = [
    "HTML",
    "NOT_STARTED",
    "NoAnalysis",
    "NotStartedError",
    "error_handler",
    "error_html",
    "friendly_errors",
    "install_error_display",
    "missing",
    "not_started",
    "notice_html",
    "show",
    "show_error",
]
