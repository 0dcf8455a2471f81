"""A learner's progress: answers saved as they go, in a JSON file beside their work.

The file (by default ``.mediakit-progress.json`` in the folder the notebook runs in, or the
path in ``MEDIAKIT_PROGRESS``; a named learner's file is chosen by :mod:`.learner`) is written
atomically: to a temporary file in the same folder, flushed to disk, then moved over the old
one, so a crash or a kernel restart mid-write never leaves half a file (and the temporary files
of a killed save are removed on the next open). Writers take a lock on the folder (``flock``,
POSIX), then re-read the file and change only the exercise being saved, so two tabs, or Voilà
and JupyterLab side by side, never lose each other's answers. A symbolic link stays a link (its
target is written) and the file keeps its permissions. An answer that cannot be stored as JSON
(a set, bytes) is refused with :class:`AnswerError` before anything changes.

A file that cannot be read (broken JSON, the wrong shape) is never silently dropped: it is
renamed to ``<name>.corrupt-<timestamp>`` and :attr:`Progress.messages` says so in plain words.
A file that reads but holds some bad answers (say a hand-edited ``"tries": "many"``) keeps its
good answers: only the bad ones are set aside, in ``<name>.bad-answers-<timestamp>``, with a
message naming them.
"""

from __future__ import annotations

import glob
import hashlib
import inspect
import json
import math
import os
import stat
import tempfile
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import MediakitError
from .learner import PROGRESS_ENV, learner_key

try:
    import fcntl
except ImportError:  # Windows: saves are atomic but not serialised between processes
    fcntl = None  # type: ignore[assignment]

DEFAULT_NAME = ".mediakit-progress.json"
SCHEMA = 1
TEMP_SUFFIX = ".tmp"
SESSION_FOLDER = "mediakit-voila-sessions"


def default_path() -> Path:
    env = os.environ.get(PROGRESS_ENV)
    return Path(env).expanduser() if env else Path.cwd() / DEFAULT_NAME


# a listener of on_change, held weakly (a WeakMethod is a ref to a bound method)
_Listener = weakref.ref[Callable[["Progress"], None]]


class AnswerError(MediakitError, TypeError):
    """An answer that cannot be stored as JSON (a set, bytes, an object, too deep...)."""


class Progress:
    """Saved answers by exercise id: ``{"answer", "status", "tries", "updated", "first"}`` each.

    ``first`` keeps the answer and status of the learner's first try (for the class report).
    ``learner`` is the learner's name as they typed it (stored inside the file), and
    :attr:`learner_key` a stable key for them (the same on every device and every day).
    """

    def __init__(self, path: str | Path | None = None, *, learner: str | None = None):
        self.path = Path(path).expanduser() if path is not None else default_path()
        self.learner = learner
        self.messages: list[str] = []
        self.can_save = True
        self._listeners: list[_Listener] = []
        self._unsaved: set[str] = set()
        self._file_learner: str | None = None
        self._answers: dict[str, dict[str, Any]] = self._open()
        if self.learner is None:
            self.learner = self._file_learner

    @classmethod
    def from_entries(
        cls,
        answers: dict[str, dict[str, Any]],
        *,
        learner: str | None = None,
        path: str | Path = "(read only)",
    ) -> Progress:
        """A read-only Progress over answers already read (the class report): never saves."""
        prog = cls.__new__(cls)
        prog.path = Path(path)
        prog.learner = learner
        prog.messages = []
        prog.can_save = False
        prog._listeners = []
        prog._unsaved = set()
        prog._file_learner = learner
        prog._answers = {k: dict(v) for k, v in answers.items()}
        prog._read_only = True
        return prog

    @property
    def learner_key(self) -> str:
        """A stable key for this learner (16 hex digits): from their name when known, else from
        the progress file's place. Use it to seed anything per learner (e.g. shuffling)."""
        if self.learner:
            return learner_key(self.learner)
        real = os.path.realpath(self.path)
        return hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()[:16]

    @property
    def real_path(self) -> Path:
        """The file really written: the target when the progress file is a symbolic link."""
        return Path(os.path.realpath(self.path))

    # ------------------------------------------------------------------ reading

    def _open(self) -> dict[str, dict[str, Any]]:
        """First read: clean the temporary files of saves that were killed, then read."""
        try:
            with _locked(self.real_path.parent) as held:
                _clean_stale_temp(self.real_path, all_of_them=held)
                return self._read(first=True)
        except OSError:  # no folder yet, or a lock that never came: read without it
            return self._read(first=True)

    def _read(self, *, first: bool = False) -> dict[str, dict[str, Any]]:
        real = self.real_path
        try:
            raw_bytes = real.read_bytes()
        except (FileNotFoundError, NotADirectoryError):  # not saved yet (or cannot be: see record)
            return {}
        except OSError as exc:
            if first:
                self.messages.append(
                    f"Your progress file {self.path} cannot be read ({exc.strerror}); "
                    "answers from this session are kept only until the kernel restarts."
                )
                self.can_save = False
            return {}
        try:
            data = json.loads(raw_bytes.decode("utf-8"))
            answers = data["answers"]
            if not isinstance(answers, dict):
                raise ValueError("answers is not a table of exercises")
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            # UnicodeDecodeError is a ValueError; very deep JSON raises RecursionError
            self._set_aside(exc)
            return {}
        who = data.get("learner")
        if isinstance(who, str) and who:
            self._file_learner = who
        good = {k: v for k, v in answers.items() if entry_problem(k, v) is None}
        if len(good) < len(answers):
            bad = {k: v for k, v in answers.items() if k not in good}
            self._set_aside_entries(data, good, bad)
        return good

    def _set_aside_entries(
        self, data: dict[str, Any], good: dict[str, dict[str, Any]], bad: dict[Any, Any]
    ) -> None:
        """Keep the bad answers in a file of their own and the good ones in the progress file."""
        why = "; ".join(f"{k}: {entry_problem(k, v)}" for k, v in list(bad.items())[:3])
        if len(bad) > 3:
            why += f"; and {len(bad) - 3} more"
        real = self.real_path
        target = _beside(real, "bad-answers")
        try:
            _atomic_write(
                target,
                {
                    "schema": data.get("schema", SCHEMA),
                    "saved": _now(),
                    "answers": {str(k): v for k, v in bad.items()},
                },
            )
            self._write(good)
        except (OSError, ValueError, TypeError, RecursionError) as err:
            reason = getattr(err, "strerror", None) or type(err).__name__
            msg = (
                f"{len(bad)} saved answer(s) in your progress file {self.path} could not be "
                f"read ({why}) and could not be moved aside ({reason}); they are skipped "
                "for now and the file is left as it is. Ask your teacher to look at it."
            )
            if msg not in self.messages:
                self.messages.append(msg)
            self.can_save = False
            return
        self.messages.append(
            f"{len(bad)} saved answer(s) in your progress file {self.path.name} could not be "
            f"read ({why}). They were kept in {target.name} (nothing was deleted); your other "
            f"{len(good)} answer(s) are still here."
        )

    def _set_aside(self, exc: BaseException) -> None:
        real = self.real_path
        target = _beside(real, "corrupt")
        try:
            os.replace(real, target)
        except OSError as err:
            self.messages.append(
                f"Your progress file {self.path} is damaged ({type(exc).__name__}) and could not "
                f"be moved aside ({err.strerror}); it is left as it is and nothing will be saved "
                "over it. Ask your teacher to look at it."
            )
            self.can_save = False
            return
        self.messages.append(
            f"Your progress file {self.path.name} was damaged and could not be read, so it was "
            f"kept as {target.name} (nothing was deleted) and a fresh one was started. "
            "Your teacher can open the old file to recover answers."
        )

    # ------------------------------------------------------------------ writing

    def _write(self, answers: dict[str, dict[str, Any]]) -> None:
        data: dict[str, Any] = {"schema": SCHEMA, "saved": _now(), "answers": answers}
        if self.learner:
            data["learner"] = self.learner
        _atomic_write(self.real_path, data)

    def record(self, ex_id: str, answer: Any, status: str, *, tries: int = 1) -> bool:
        """Save one answer now. Returns False (with a message) if it could not be written.

        Writers are serialised by a lock on the file's folder (POSIX), and each save re-reads the
        file under the lock and changes only this exercise, so two tabs, or Voilà and JupyterLab
        side by side, never lose each other's answers. An answer that cannot be stored as JSON
        raises :class:`AnswerError` before anything changes.
        """
        problem = answer_problem(answer)
        if problem is not None:
            raise AnswerError(f"This answer to {ex_id} cannot be saved: {problem}.")
        if not isinstance(status, str) or not status:
            raise AnswerError(f"The status of {ex_id} must be a word, not {status!r}.")
        entry: dict[str, Any] = {
            "answer": answer,
            "status": status,
            "tries": int(tries),
            "updated": _now(),
        }
        before = self._answers.get(ex_id)
        entry_first = _first_try(before, answer, status)
        if entry_first is not None:
            entry["first"] = entry_first
        self._answers[ex_id] = entry
        if not self.can_save:
            self._unsaved.add(ex_id)
            self._changed()
            return False
        try:
            with _locked(self.real_path.parent, create=True):
                on_disk = self._read()
                first = _first_try(on_disk.get(ex_id), answer, status)
                if first is not None:
                    entry["first"] = first
                on_disk[ex_id] = entry
                # keep everything this session knows that the file does not (e.g. after a set-aside)
                for k, v in self._answers.items():
                    on_disk.setdefault(k, v)
                self._write(on_disk)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            msg = (
                f"Your answers cannot be saved to {self.path} ({reason}); they are kept "
                "only until the kernel restarts."
            )
            if msg not in self.messages:
                self.messages.append(msg)
            self._unsaved.add(ex_id)
            self._changed()
            return False
        self._answers = on_disk
        self._unsaved.clear()  # every answer this session knew is now in the file
        self._changed()
        return True

    def adopt(self, path: str | Path, learner: str | None, *, carry: bool | None = None) -> None:
        """Move to another progress file (a learner who just said who they are). With ``carry``
        (the default when leaving a page-only session, never when leaving a named learner's
        file) the answers given so far are merged into it (they are newer than the file's)."""
        old_real = self.real_path
        if carry is None:
            carry = old_real.parent.name == SESSION_FOLDER
        session = dict(self._answers) if carry else {}
        self.path = Path(path).expanduser()
        self.learner = learner
        self.messages = []
        self.can_save = True
        self._file_learner = None
        self._unsaved = set()
        self._answers = self._open()
        if self._file_learner and (
            learner is None or learner_key(learner) == learner_key(self._file_learner)
        ):
            self.learner = self._file_learner  # the name as the learner first typed it
        if session and self.can_save:
            try:
                with _locked(self.real_path.parent, create=True):
                    on_disk = self._read()
                    for k, v in session.items():
                        old = on_disk.get(k)
                        if old is not None and old.get("first") is not None:
                            v = {**v, "first": old["first"]}
                        on_disk[k] = v
                    self._write(on_disk)
                    self._answers = on_disk
            except OSError as exc:
                self.messages.append(
                    f"Your answers cannot be saved to {self.path} ({exc.strerror}); they are "
                    "kept only until the kernel restarts."
                )
                self._answers.update(session)
                self._unsaved |= set(session)
        elif self.learner and not self.real_path.exists() and self.can_save:
            try:
                with _locked(self.real_path.parent, create=True):
                    self._write(self._read())
            except OSError:
                pass
        if old_real != self.real_path and old_real.parent.name == SESSION_FOLDER:
            try:
                old_real.unlink()
            except OSError:
                pass
        self._changed()

    def on_change(self, callback: Callable[[Progress], None]) -> None:
        """Call ``callback(progress)`` after every change of the answers (a save, one kept only
        in memory, a change of learner): the one way a live view hears of a new answer.

        Held weakly: a bound method (``summary.refresh``) for as long as its object lives
        (:class:`weakref.WeakMethod`), any other callable for as long as the caller keeps it.
        So a summary the learner closed or a cell discarded is garbage-collected, never kept
        for the kernel's life by the progress it listens to. The same listener added twice is
        called once.
        """
        ref: _Listener = (
            weakref.WeakMethod(callback) if inspect.ismethod(callback) else weakref.ref(callback)
        )
        if ref not in self._listeners:
            self._listeners.append(ref)

    @property
    def listeners(self) -> int:
        """How many listeners are alive (for tests: a discarded summary stops counting)."""
        self._listeners = [r for r in self._listeners if r() is not None]
        return len(self._listeners)

    def _changed(self) -> None:
        alive = []
        for ref in list(self._listeners):
            cb = ref()
            if cb is None:
                continue
            alive.append(ref)
            try:
                cb(self)
            except Exception:  # a view that cannot refresh must never stop a save
                pass
        self._listeners = alive

    # ------------------------------------------------------------------ queries

    def get(self, ex_id: str) -> dict[str, Any] | None:
        return self._answers.get(ex_id)

    def answer(self, ex_id: str, default: Any = None) -> Any:
        entry = self._answers.get(ex_id)
        return default if entry is None else entry.get("answer", default)

    def status(self, ex_id: str) -> str | None:
        entry = self._answers.get(ex_id)
        return None if entry is None else entry.get("status")

    def done(self, ex_id: str) -> bool:
        return self.status(ex_id) in ("correct", "recorded", "submitted")

    _read_only = False

    def reload(self) -> None:
        """Read the file again (another tab may have saved), keeping the answers of this
        session that could not be written (they exist only in memory)."""
        if not self._read_only:
            kept = {k: self._answers[k] for k in self._unsaved if k in self._answers}
            self._answers = {**self._read(), **kept}

    def ids(self) -> list[str]:
        return sorted(self._answers)

    def entries(self) -> dict[str, dict[str, Any]]:
        """A copy of every saved answer, by exercise id."""
        return {k: dict(v) for k, v in self._answers.items()}

    def __contains__(self, ex_id: object) -> bool:
        return ex_id in self._answers

    def __len__(self) -> int:
        return len(self._answers)


def _first_try(old: dict[str, Any] | None, answer: Any, status: str) -> dict[str, Any] | None:
    """The first try of an exercise: kept from the saved entry, or this answer if it is the first.
    An old entry without it whose tries is 1 was itself the first try."""
    if old is None:
        return {"answer": answer, "status": status}
    first = old.get("first")
    if isinstance(first, dict):
        return first
    if old.get("tries") == 1:
        return {"answer": old.get("answer"), "status": old.get("status")}
    return None


MAX_DEPTH = 20


def answer_problem(answer: Any, depth: int = 0) -> str | None:
    """Why an answer cannot be stored as JSON, in plain words (None when it can)."""
    if depth > MAX_DEPTH:
        return f"it is nested more than {MAX_DEPTH} levels deep"
    if answer is None or isinstance(answer, bool | int | str):
        return None
    if isinstance(answer, float):
        return None if math.isfinite(answer) else f"{answer!r} is not a number JSON can keep"
    if isinstance(answer, list | tuple):
        for item in answer:
            problem = answer_problem(item, depth + 1)
            if problem:
                return problem
        return None
    if isinstance(answer, dict):
        for k, v in answer.items():
            if not isinstance(k, str):
                return f"the key {k!r} is not text"
            problem = answer_problem(v, depth + 1)
            if problem:
                return problem
        return None
    kinds: dict[type, str] = {set: "a set", frozenset: "a set", bytes: "bytes", bytearray: "bytes"}
    kind = kinds.get(type(answer), f"a {type(answer).__name__}")
    return f"it holds {kind}, which cannot be stored (use text, numbers, lists or tables)"


def entry_problem(ex_id: Any, entry: Any) -> str | None:
    """What is wrong with one saved answer, in plain words (None when it is fine).

    An entry is a table with an ``answer`` (anything), a ``status`` (text), ``tries`` (a whole
    number, 0 or more) and ``updated`` (text); missing fields are fine.
    """
    if not isinstance(ex_id, str) or not ex_id:
        return "the exercise id is not text"
    if not isinstance(entry, dict):
        return "it is not a table of answer, status and tries"
    tries = entry.get("tries")
    if tries is not None and (isinstance(tries, bool) or not isinstance(tries, int) or tries < 0):
        return f"tries is {tries!r}, not a whole number"
    status = entry.get("status")
    if status is not None and not isinstance(status, str):
        return f"status is {status!r}, not a word"
    updated = entry.get("updated")
    if updated is not None and not isinstance(updated, str):
        return f"updated is {updated!r}, not a time"
    return None


def _atomic_write(path: Path, data: dict[str, Any]) -> None:
    """Write JSON to a temporary file beside ``path``, flush it to disk, then move it over.

    The file keeps its permissions (a new one gets the usual ones, as the umask allows); give
    the real path (not a symbolic link) so a link stays a link.
    """
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    text = _dumps(data)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fchmod(f.fileno(), mode) if hasattr(os, "fchmod") else None
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)  # one, not one per value


def _dumps(data: dict[str, Any]) -> str:
    """JSON with one line per top-level key and per answer (readable, and fast: the C encoder
    writes each line; a fully indented dump of 2,000 answers takes 25 ms, this one about 2)."""
    one = _ENCODER.encode

    parts = []
    for key in sorted(data):
        value = data[key]
        if isinstance(value, dict) and value and key == "answers":
            inner = ",\n".join(f"  {one(k)}: {one(v)}" for k, v in sorted(value.items()))
            parts.append(f" {one(key)}: {{\n{inner}\n }}")
        else:
            parts.append(f" {one(key)}: {one(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def _locked(folder: Path, *, create: bool = False) -> Iterator[bool]:
    """Hold an exclusive lock on ``folder`` (flock on POSIX) while saving; yields whether a lock
    is held (False where the system has none). A save holds it for milliseconds."""
    if fcntl is None:
        yield False
        return
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # blocks until the save before ours is done
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _clean_stale_temp(path: Path, *, all_of_them: bool) -> None:
    """Remove temporary files left by saves that were killed (``kill -9``, a power cut).

    Under the lock no save is running, so every one is stale; without a lock only old ones."""
    try:
        candidates = list(path.parent.glob(f".{glob.escape(path.name)}.*{TEMP_SUFFIX}"))
    except OSError:
        return
    now = time.time()
    for tmp in candidates:
        try:
            if all_of_them or now - tmp.stat().st_mtime > 600:
                tmp.unlink()
        except OSError:
            pass


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _beside(path: Path, what: str) -> Path:
    """A new file name next to ``path`` for a set-aside copy: NAME.WHAT-STAMP (-2, -3 ...)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{what}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{what}-{stamp}-{n}")
    return target
