"""What every exercise type provides: the declared interface of the family.

An exercise type is one module of this folder (``choice.py``, ``number.py``, ...) that has
everything :class:`ExerciseType` lists, and one line in :mod:`.registry`. Nothing else in the kit
knows the types by name: the loader asks the type which keys it reads and whether an exercise
of it is well formed, the checker and the teacher's tests ask it for the key and for answers
that must fail, and the widget frame asks it for its inputs. mypy checks each registered module
against this Protocol (``MODULES`` in :mod:`.registry` is typed with it), and the tests check
it again at run time. ``exercises/README.md`` says how to add a type.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from .model import CheckResult, Exercise, Passage

if TYPE_CHECKING:
    from .widget import ExerciseWidget

# keys every [[exercise]] table may have, whatever its type
COMMON_KEYS = frozenset(
    {"id", "type", "title", "prompt", "explanation", "teacher_note", "skill", "case"}
)


@runtime_checkable
class ExerciseType(Protocol):
    """One exercise type: its name and words, the keys it reads, its checker and its widget."""

    TYPE: str
    """The name an exercise file gives it: ``type = "choice"``."""
    LABEL: str
    """What the learner reads above the exercise ("Choose one")."""
    BUTTON: str
    """The word on its button ("Check", "Save")."""
    KEYS: frozenset[str]
    """The keys of an ``[[exercise]]`` table this type reads, beyond :data:`COMMON_KEYS`; any
    other key in an exercise of this type is an error naming the closest known key. A key that
    is not a field of :class:`~.model.Exercise` is kept in ``Exercise.params``."""
    PASSAGE: bool
    """True when an exercise of it is about a passage: the lesson gives its widget and its
    checker the :class:`~.model.Passage` (with the kit's marks for correct-the-machine)."""

    def answer_from_file(self, value: Any, where: str) -> Any:
        """The ``answer`` key of the file as this type keeps it in ``Exercise.answer`` (a list
        of words becomes a tuple, say); a type that reads no ``answer`` returns it unchanged."""
        ...

    def validate(self, ex: Exercise, where: str) -> None:
        """Raise :class:`~.model.ExerciseError`, in words naming ``where``, if ``ex`` is not a
        well-formed exercise of this type (too few options, no answer, a phrase not in its
        passage...). Called once when the file is loaded."""
        ...

    def check(
        self,
        ex: Exercise,
        answer: Any,
        *,
        passage: Passage | None = None,
        tries: int = 1,
        report_labels: Sequence[str] = (),
    ) -> CheckResult:
        """Check a learner's answer; ``tries`` counts this attempt (1 = first), for the hints."""
        ...

    def key_answer(
        self, ex: Exercise, passage: Passage | None = None, *, report_labels: Sequence[str] = ()
    ) -> Any:
        """The answer the key says is right, in the shape :meth:`check` takes."""
        ...

    def wrong_answers(self, ex: Exercise, passage: Passage | None = None) -> list[Any]:
        """Plausible answers that must fail :meth:`check` (the tests try every one)."""
        ...

    def build(self, w: ExerciseWidget) -> list[Any]:
        """The input widgets of an exercise on screen; name them in ``w.controls``."""
        ...

    def read(self, w: ExerciseWidget) -> Any:
        """The learner's answer as the inputs show it (JSON-serialisable, or a Selection)."""
        ...

    def write(self, w: ExerciseWidget, answer: Any) -> None:
        """Show a saved answer in the inputs (an unknown or stale one shows as no answer)."""
        ...


__all__ = ["COMMON_KEYS", "ExerciseType"]
