"""Showing things in a notebook without tracebacks.

``show_error(exc)`` renders a :class:`~mediakit.errors.MediakitError` (or any exception) as a
friendly box; ``friendly_errors()`` wraps a block of lesson code so that a learner's mistake
shows that box instead of a traceback. :class:`HTML` is a tiny object with ``_repr_html_``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .errors import MediakitError
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
        hint = ("This looks like a problem inside the kit or the code in this cell, not with your "
                "answer. Try running the cells above again from the top; if it stays, tell your "
                "teacher.")
        title = "Something unexpected went wrong"
        path = None
    parts = [f"<b>{esc(title)}</b>", f"<p>{esc(message)}</p>"]
    if path:
        parts.append(f'<p class="mk-muted">File: {esc(path)}</p>')
    if hint:
        parts.append(f"<p>What to try: {esc(hint)}</p>")
    return f'{style_tag()}<div class="mk-root"><div class="mk-error" role="alert">{"".join(parts)}</div></div>'


def show_error(exc: BaseException) -> HTML:
    """Display ``exc`` as a friendly box in the notebook (and return it as an :class:`HTML`).

    Outside IPython the plain message is printed instead.
    """
    box = HTML(error_html(exc), text=f"Problem: {exc}")
    try:
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython ships with Jupyter
        print(box.text)
        return box
    display(box)
    return box


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Run a block and show any :class:`MediakitError` from it as a friendly box, not a traceback.

    Other exceptions are re-raised: they are bugs, and hiding them would hide the evidence.
    """
    try:
        yield
    except MediakitError as exc:
        show_error(exc)


__all__ = ["HTML", "error_html", "friendly_errors", "show_error"]
