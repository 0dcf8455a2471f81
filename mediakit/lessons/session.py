"""The learner's session in a lesson kernel: where their answers are saved, and who they are.

In JupyterLab the answers go beside the notebooks; on a hub, to the learner named by
``MEDIAKIT_LEARNER``; in a Voilà page, to a file of the page's own until the visitor types a
name in the learner box (:func:`identify`), then to that learner's file. :func:`progress` is
the one place that decides (see its docstring); :func:`saved_where` says it in words.
"""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..views.display import show_error
from . import learner as _learner
from .kernel_state import state
from .learner import LearnerNameError, check_name
from .progress import DEFAULT_NAME, SESSION_FOLDER, Progress

if TYPE_CHECKING:
    from .exercises.widget import ExerciseWidget

VOILA_ENV = (
    "VOILA_KERNEL_ID",
    "VOILA_BASE_URL",
    "VOILA_SERVER_URL",
    "VOILA_REQUEST_URL",
    "VOILA_APP_PORT",
    "VOILA_APP_IP",
)
VOILA_FLAG = "MEDIAKIT_VOILA"


def in_voila() -> bool:
    """True when this kernel serves a Voilà page (a lesson shown as a web app, code hidden).

    Voilà starts each visitor's kernel with environment variables of its own
    (``VOILA_KERNEL_ID``, ``VOILA_BASE_URL``, ``VOILA_SERVER_URL``, ``VOILA_REQUEST_URL``, ...),
    both as the stand-alone ``voila`` command and as the ``/voila/render/`` page of a Jupyter
    server or hub; a kernel of JupyterLab has none of them. That is what is checked: it needs
    no import of Voilà (which is never imported inside the kernel) and no server connection.
    ``MEDIAKIT_VOILA=1`` (or ``0``) forces the answer, for a setup that hides those variables.
    """
    flag = os.environ.get(VOILA_FLAG, "").strip().lower()
    if flag in ("1", "true", "yes", "on"):
        return True
    if flag in ("0", "false", "no", "off"):
        return False
    return any(os.environ.get(k) for k in VOILA_ENV) or "voila" in sys.modules


def session_progress_path() -> Path:
    """Where a Voilà visitor's answers are kept until they say who they are: a file of this
    kernel's own, named by a random session id, in the system's temporary folder (never the
    served folder, so visitors never see each other's answers)."""
    path = state.get("session_path")
    if path is None:
        folder = Path(tempfile.gettempdir()) / SESSION_FOLDER
        path = folder / f"session-{uuid.uuid4().hex}.json"
        state["session_path"] = path
        _forget_old_sessions(folder)
    return path


SESSION_DAYS = 2


def _forget_old_sessions(folder: Path) -> None:
    """Page-only answers of visitors who never gave a name, untouched for two days, go."""
    import time

    try:
        old = [
            f
            for f in folder.glob("session-*.json")
            if time.time() - f.stat().st_mtime > SESSION_DAYS * 86400
        ]
    except OSError:
        return
    for f in old:
        try:
            f.unlink()
        except OSError:
            pass


def progress(path: str | Path | None = None) -> Progress:
    """The learner's progress. Where it is kept, first match wins:

    1. ``path``, or the file named by ``MEDIAKIT_PROGRESS``;
    2. the learner named by ``MEDIAKIT_LEARNER`` (a JupyterHub sets it per learner), or by
       :func:`identify` / the learner box: ``learner-<slug>-<hash>.json`` in ``MEDIAKIT_ANSWERS``
       (default: ``mediakit-answers`` beside the notebooks), the same file in JupyterLab and Voilà;
    3. in Voilà (see :func:`in_voila`), until the visitor types a name: a file of this page's own
       (:func:`session_progress_path`), so visitors never share answers;
    4. in JupyterLab: ``.mediakit-progress.json`` beside the notebooks, for the account's user.
    """
    current = state.get("progress")
    if path is not None or current is None:
        name = None
        if path is None and not os.environ.get(_learner.PROGRESS_ENV):
            try:
                name = _learner.env_learner()
            except LearnerNameError as exc:
                show_error(LearnerNameError(f"{_learner.LEARNER_ENV} cannot be used: {exc}"))
            if name is not None:
                path = _learner.answers_path(name)
            elif in_voila():
                path = session_progress_path()
        current = Progress(path, learner=name)
        if current.learner is None and not in_voila() and current.path.name == DEFAULT_NAME:
            current.learner = _learner.os_user()
        state["progress"] = current
    return current


def identify(name: str) -> tuple[str, str]:
    """Save this learner's answers under ``name`` (a name or class code) from now on.

    The name is checked (letters, digits, spaces and dashes; at most 40 characters), never used
    as a path; answers given before, in this session, move into the learner's file, and the
    exercises on the page show the learner's saved answers. Returns (the name, a message).
    """
    tidy = check_name(name)
    prog = progress()
    prog.adopt(_learner.answers_path(tidy), tidy)
    _restore_widgets()
    n = len(prog)
    saved = f"{n} saved answer{'s' if n != 1 else ''}" if n else "no saved answers yet"
    return prog.learner or tidy, f"Saving your answers as {prog.learner or tidy} ({saved})."


def forget() -> None:
    """Stop saving under the current name (a shared computer): a fresh page-only session."""
    state["session_path"] = None
    progress().adopt(session_progress_path(), None)
    _restore_widgets()


def learner_box() -> Any:
    """The box where a Voilà visitor types their name or class code once (remembered by the
    browser), so their answers last across reloads, lessons and days."""
    from .learner_widget import LearnerBox

    prog = progress()
    named = prog.learner if prog.path != state.get("session_path") else None
    message = (
        f"Saving your answers as {named}."
        if named
        else "Type your name or class code, so your answers are kept when you reload the page "
        "and in the next lessons."
    )
    return LearnerBox(identify, forget, name=named or "", message=message)


# the exercises on the page, held weakly: a change of learner shows the new learner's answers
_widgets: list[weakref.ref[ExerciseWidget]] = []


def register_widget(w: ExerciseWidget) -> None:
    """Follow this exercise on the page: when the learner changes it shows their answer."""
    _widgets.append(weakref.ref(w))


def _restore_widgets() -> None:
    """Show the (new) learner's saved answers in every exercise already on the page, and empty
    the exercises they have not answered (nobody sees the previous learner's answers)."""
    alive = []
    for ref in _widgets:
        w = ref()
        if w is None:
            continue
        alive.append(ref)
        try:
            w.restore()  # the widget's progress is this session's, now the new learner's
        except Exception:  # a stale answer must never stop the lesson
            pass
    _widgets[:] = alive


def saved_where(prog: Progress | None = None) -> str:
    """Where answers go, in words for a learner (never a hidden file's path)."""
    prog = prog or progress()
    if prog.path == state.get("session_path"):
        return (
            "Your answers are kept while this page is open; type your name or class code "
            "in the box below to keep them after a reload"
        )
    who = f" under the name {prog.learner}" if prog.learner else ""
    if prog.path.parent.resolve() == Path.cwd().resolve():
        return f"Your answers are saved automatically (in this folder){who}"
    return f"Your answers are saved automatically (in the folder {prog.path.parent.name}){who}"


__all__ = [
    "SESSION_DAYS",
    "VOILA_ENV",
    "VOILA_FLAG",
    "forget",
    "identify",
    "in_voila",
    "learner_box",
    "progress",
    "register_widget",
    "saved_where",
    "session_progress_path",
]
