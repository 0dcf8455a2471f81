"""The one registry of exercise types: a type is a module of this folder that provides what
:class:`~.exercise_type.ExerciseType` declares, and one line in :data:`MODULES` below.

Everything else finds a type here: the loader (which keys an exercise of it may have, and
whether it is well formed), the checker, the answer key and the widget frame.
"""

from __future__ import annotations

from . import choice, multi, number, poll, select_words, text
from .exercise_type import ExerciseType
from .model import Exercise, ExerciseError

# one line per type, in the order the README lists them; typed with the Protocol, so mypy
# checks that each module provides everything it declares
MODULES: tuple[ExerciseType, ...] = (
    choice,
    multi,
    number,
    text,
    poll,
    select_words,
)

TYPES: dict[str, ExerciseType] = {m.TYPE: m for m in MODULES}
EXERCISE_TYPES: tuple[str, ...] = tuple(TYPES)
TYPE_LABELS: dict[str, str] = {name: kind.LABEL for name, kind in TYPES.items()}


def type_of(ex: Exercise) -> ExerciseType:
    """The type module of an exercise."""
    try:
        return TYPES[ex.type]
    except KeyError:
        raise ExerciseError(f"Exercise {ex.id} has an unknown type {ex.type!r}.") from None


__all__ = ["EXERCISE_TYPES", "MODULES", "TYPES", "TYPE_LABELS", "type_of"]
