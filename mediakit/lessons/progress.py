"""A learner's progress: answers saved as they go, in a JSON file beside their work.

The file (by default ``.mediakit-progress.json`` in the folder the notebook runs in, or the
path in ``MEDIAKIT_PROGRESS``) is written atomically: to a temporary file in the same folder,
flushed to disk, then moved over the old one, so a crash or a kernel restart mid-write never
leaves half a file. Each save re-reads the file and changes only the exercise being saved, so
two lessons open at once do not erase each other's answers.

A file that cannot be read (broken JSON, the wrong shape) is never silently dropped: it is
renamed to ``<name>.corrupt-<timestamp>`` and :attr:`Progress.messages` says so in plain words.
A file that reads but holds some bad answers (say a hand-edited ``"tries": "many"``) keeps its
good answers: only the bad ones are set aside, in ``<name>.bad-answers-<timestamp>``, with a
message naming them.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

DEFAULT_NAME = ".mediakit-progress.json"
SCHEMA = 1


def default_path() -> Path:
    env = os.environ.get("MEDIAKIT_PROGRESS")
    return Path(env).expanduser() if env else Path.cwd() / DEFAULT_NAME


class Progress:
    """Saved answers by exercise id: ``{"answer", "status", "tries", "updated"}`` each."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path).expanduser() if path is not None else default_path()
        self.messages: list[str] = []
        self.can_save = True
        self._answers: dict[str, dict[str, Any]] = self._read(first=True)

    # ------------------------------------------------------------------ reading

    def _read(self, *, first: bool = False) -> dict[str, dict[str, Any]]:
        if not self.path.exists():
            return {}
        try:
            raw = self.path.read_text(encoding="utf-8")
        except OSError as exc:
            if first:
                self.messages.append(
                    f"Your progress file {self.path} cannot be read ({exc.strerror}); "
                    "answers from this session are kept only until the kernel restarts."
                )
                self.can_save = False
            return {}
        try:
            data = json.loads(raw)
            answers = data["answers"]
            if not isinstance(answers, dict):
                raise ValueError("answers is not a table of exercises")
        except (ValueError, KeyError, TypeError) as exc:
            self._set_aside(exc)
            return {}
        good = {k: v for k, v in answers.items() if entry_problem(k, v) is None}
        if len(good) < len(answers):
            bad = {k: v for k, v in answers.items() if k not in good}
            self._set_aside_entries(data, good, bad)
        return good

    def _set_aside_entries(self, data: dict[str, Any], good: dict[str, dict[str, Any]],
                           bad: dict[Any, Any]) -> None:
        """Keep the bad answers in a file of their own and the good ones in the progress file."""
        why = "; ".join(f"{k}: {entry_problem(k, v)}" for k, v in list(bad.items())[:3])
        if len(bad) > 3:
            why += f"; and {len(bad) - 3} more"
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.bad-answers-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.name}.bad-answers-{stamp}-{n}")
        try:
            _atomic_write(target, {"schema": data.get("schema", SCHEMA), "saved": _now(),
                                   "answers": {str(k): v for k, v in bad.items()}})
            self._write(good)
        except OSError as err:
            msg = (f"{len(bad)} saved answer(s) in your progress file {self.path} could not be "
                   f"read ({why}) and could not be moved aside ({err.strerror}); they are skipped "
                   "for now and the file is left as it is. Ask your teacher to look at it.")
            if msg not in self.messages:
                self.messages.append(msg)
            self.can_save = False
            return
        self.messages.append(
            f"{len(bad)} saved answer(s) in your progress file {self.path.name} could not be "
            f"read ({why}). They were kept in {target.name} (nothing was deleted); your other "
            f"{len(good)} answer(s) are still here."
        )

    def _set_aside(self, exc: Exception) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
        try:
            os.replace(self.path, target)
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
        _atomic_write(self.path, {"schema": SCHEMA, "saved": _now(), "answers": answers})

    def record(self, ex_id: str, answer: Any, status: str, *, tries: int = 1) -> bool:
        """Save one answer now. Returns False (with a message) if it could not be written."""
        entry = {"answer": answer, "status": status, "tries": int(tries), "updated": _now()}
        self._answers[ex_id] = entry
        if not self.can_save:
            return False
        on_disk = self._read()
        on_disk[ex_id] = entry
        # keep everything this session knows that the file does not (e.g. after a set-aside)
        for k, v in self._answers.items():
            on_disk.setdefault(k, v)
        try:
            self._write(on_disk)
        except OSError as exc:
            msg = (f"Your answers cannot be saved to {self.path} ({exc.strerror}); they are kept "
                   "only until the kernel restarts.")
            if msg not in self.messages:
                self.messages.append(msg)
            return False
        self._answers = on_disk
        return True

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

    def reload(self) -> None:
        self._answers = self._read()

    def ids(self) -> list[str]:
        return sorted(self._answers)

    def __contains__(self, ex_id: object) -> bool:
        return ex_id in self._answers

    def __len__(self) -> int:
        return len(self._answers)


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
    """Write JSON to a temporary file beside ``path``, flush it to disk, then move it over."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

